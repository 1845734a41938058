package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"github.com/variorum/variorum/corpus"
)

// wordTok is one word or punctuation mark of a sentence, located in the
// article text.
type wordTok struct {
	start, end int    // byte span in the article text
	text       string // prose's token text (quotes folded to ASCII)
	tag        string // part-of-speech tag
	label      string // IOB label ("B-PERSON", "O")
}

// proseInput is a sentence rewritten for prose's tokenizer, with a map back
// to the article text: curly quotes folded to ASCII (prose folds them in its
// wordTok text, which would break alignment) and dashes padded with spaces
// (prose does not split "Witkoff—responsible").
type proseInput struct {
	text     string
	from, to []int // for each byte of text, the span of article text it came from (-1 for padding)
}

var quoteFold = map[rune]string{
	'“': `"`, '”': `"`, '„': `"`, '″': `"`, '‘': "'", '’': "'", '‚': "'", '′': "'",
}

func newProseInput(text string, s corpus.Span) proseInput {
	var b strings.Builder
	var from, to []int
	emit := func(str string, start, end int) {
		for i := 0; i < len(str); i++ {
			b.WriteByte(str[i])
			from = append(from, start)
			to = append(to, end)
		}
	}
	for i := s.Start; i < s.End; {
		r, n := utf8.DecodeRuneInString(text[i:s.End])
		switch {
		case quoteFold[r] != "":
			emit(quoteFold[r], i, i+n)
		case r == '—' || r == '–' || r == '―':
			emit(" ", -1, -1)
			emit(text[i:i+n], i, i+n)
			emit(" ", -1, -1)
		case r == '&' && strings.HasPrefix(text[i:s.End], "&rsquo;"):
			// prose rewrites the entity itself; keep it away from prose.
			emit("'", i, i+len("&rsquo;"))
			n = len("&rsquo;")
		case unicode.IsSpace(r):
			emit(" ", i, i+n)
		default:
			for k := 0; k < n; k++ {
				b.WriteByte(text[i+k])
				from = append(from, i+k)
				to = append(to, i+k+1)
			}
		}
		i += n
	}
	return proseInput{text: b.String(), from: from, to: to}
}

// align locates prose's tokens in the input, in order, and maps them back to
// the article text. Tokens that cannot be found (prose never invents text,
// so this is a safeguard) are dropped.
func (in proseInput) align(toks []prose.Token) []wordTok {
	out := make([]wordTok, 0, len(toks))
	pos := 0
	for _, t := range toks {
		if t.Text == "" {
			continue
		}
		i := strings.Index(in.text[pos:], t.Text)
		if i < 0 {
			continue
		}
		i += pos
		j := i + len(t.Text)
		pos = j
		start, end := in.from[i], in.to[j-1]
		if start < 0 || end < 0 || start >= end {
			continue
		}
		out = append(out, wordTok{start: start, end: end, text: t.Text, tag: t.Tag, label: t.Label})
	}
	return out
}

// proseLabel maps prose's entity labels to ours; "" drops the entity.
func proseLabel(l string) string {
	switch l {
	case "PERSON":
		return corpus.Person
	case "ORGANIZATION", "ORG":
		return corpus.Organization
	case "GPE", "GSP":
		return corpus.GPE
	case "LOCATION", "FACILITY", "LOC":
		return corpus.Location
	}
	return ""
}

// proseEntities tags one sentence with prose and returns its entities. It
// works around prose's bugs: tokens are aligned back to the text (so quote
// folding and missing offsets do not matter), tokens that prose shares
// between repeated words are re-labelled from a window that holds only one
// of them, adjacent tokens are grouped by their own labels (not by equal
// part-of-speech tags), and an entity still open at the sentence end is
// kept.
func (x *Extractor) proseEntities(text string, s corpus.Span) []corpus.Entity {
	in := newProseInput(text, s)
	toks := x.tag(in, 0, len(in.text))
	x.relabelRepeats(in, toks)
	fixKnownTokens(toks)
	return groupEntities(text, toks)
}

// tag runs prose over in.text[from:to] and aligns the tokens.
func (x *Extractor) tag(in proseInput, from, to int) []wordTok {
	sub := proseInput{text: in.text[from:to], from: in.from[from:to], to: in.to[from:to]}
	doc, err := prose.NewDocument(sub.text, prose.WithSegmentation(false), prose.UsingModel(x.model))
	if err != nil {
		return nil
	}
	return sub.align(doc.Tokens())
}

// relabelRepeats fixes prose's label overwrite: its tokenizer caches the
// tokens of each white-space delimited chunk, so a chunk that occurs twice
// in a sentence shares one token object and only the last occurrence's label
// survives ("Paris … Paris Hilton"). Each earlier occurrence of a repeated
// chunk that carries an entity label somewhere is tagged again in a window
// that ends before the next occurrence.
func (x *Extractor) relabelRepeats(in proseInput, toks []wordTok) {
	type chunk struct{ start, end int }
	var chunks []chunk
	for i := 0; i < len(in.text); {
		if in.text[i] == ' ' {
			i++
			continue
		}
		j := i
		for j < len(in.text) && in.text[j] != ' ' {
			j++
		}
		chunks = append(chunks, chunk{i, j})
		i = j
	}
	occ := map[string][]int{}
	for ci, c := range chunks {
		w := in.text[c.start:c.end]
		occ[w] = append(occ[w], ci)
	}
	for ci, c := range chunks {
		list := occ[in.text[c.start:c.end]]
		if len(list) < 2 || list[len(list)-1] == ci {
			continue
		}
		cs, ce := in.from[c.start], in.to[c.end-1]
		if !anyLabelled(toks, cs, ce) && !anyLabelled(toks, in.from[chunks[list[len(list)-1]].start], in.to[chunks[list[len(list)-1]].end-1]) {
			continue
		}
		// The window runs from the previous occurrence (exclusive) to the
		// next one (exclusive).
		k := 0
		for list[k] != ci {
			k++
		}
		wFrom := 0
		if k > 0 {
			wFrom = chunks[list[k-1]].end
		}
		wTo := chunks[list[k+1]].start
		fresh := x.tag(in, wFrom, wTo)
		for i := range toks {
			if toks[i].start < cs || toks[i].end > ce {
				continue
			}
			for _, f := range fresh {
				if f.start == toks[i].start && f.end == toks[i].end {
					toks[i].label, toks[i].tag = f.label, f.tag
				}
			}
		}
	}
}

func anyLabelled(toks []wordTok, start, end int) bool {
	for _, t := range toks {
		if t.start >= start && t.end <= end && t.label != "O" && t.label != "" {
			return true
		}
	}
	return false
}

// knownPlaces are country initialisms prose misses, notably at a sentence
// end ("… with the U.S.").
var knownPlaces = map[string]bool{
	"U.S.": true, "U.S": true, "US": true, "USA": true, "U.S.A.": true,
	"U.K.": true, "UK": true,
}

func fixKnownTokens(toks []wordTok) {
	for i := range toks {
		if knownPlaces[toks[i].text] && (toks[i].label == "O" || toks[i].label == "") {
			toks[i].label = "B-GPE"
		}
	}
}

// groupEntities turns labelled tokens into entities: a token continues the entity
// before it when both have the same type and are adjacent tokens; leading
// and trailing punctuation and possessive "'s" are trimmed off.
func groupEntities(text string, toks []wordTok) []corpus.Entity {
	var out []corpus.Entity
	flush := func(first, last int, label string) {
		for first <= last && !isNameToken(toks[first].text) {
			first++
		}
		for last >= first && !isNameToken(toks[last].text) {
			last--
		}
		if first > last {
			return
		}
		start, end := toks[first].start, toks[last].end
		out = append(out, corpus.Entity{Start: start, End: end, Text: text[start:end], Label: label})
	}
	first, label := -1, ""
	for i, t := range toks {
		l := proseLabel(strings.TrimPrefix(strings.TrimPrefix(t.label, "B-"), "I-"))
		if strings.ContainsAny(t.text, "—–―") {
			l = ""
		}
		if first >= 0 && (l != label || hardBreak(text, toks[i-1].end, t.start)) {
			flush(first, i-1, label)
			first = -1
		}
		if l != "" && first < 0 {
			first, label = i, l
		}
	}
	if first >= 0 {
		flush(first, len(toks)-1, label)
	}
	return out
}

// hardBreak reports whether the text between two tokens stops an entity: a
// line break or a dash.
func hardBreak(text string, a, b int) bool {
	if a > b || b > len(text) {
		return true
	}
	return strings.ContainsAny(text[a:b], "\n—–―")
}

// isNameToken reports whether a wordTok may begin or end a name: it holds a
// letter or digit and is not the possessive "'s".
func isNameToken(t string) bool {
	if strings.EqualFold(t, "'s") || t == "'" {
		return false
	}
	for _, r := range t {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
