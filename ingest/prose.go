package ingest

// prose (github.com/jdkato/prose/v2 v2.0.0) in two roles. Its entity
// extraction is kept as EngineProse: the engine variorum started with and
// the baseline its own model is measured against (see
// TestCoNLLEvalBaseline). Its part-of-speech tagger checks the subjects
// quotes are credited to without a cue (nounPhrase). Each model is loaded
// once, on first use, and shared; sentences are split by Sentences and
// prose's own segmentation is off (it reloads its data on every document).

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"github.com/variorum/variorum/corpus"
)

var (
	proseOnce  sync.Once
	proseModel *prose.Model
)

// sharedProseModel loads prose's default tagger and entity model once:
// ModelFromData with no data sources is the default model, and sharing it
// through prose.UsingModel saves reloading it for every document.
func sharedProseModel() *prose.Model {
	proseOnce.Do(func() { proseModel = prose.ModelFromData("default") })
	return proseModel
}

var (
	taggerOnce  sync.Once
	taggerModel *prose.Model
)

// sharedTagger is prose's part-of-speech tagger without its entity model,
// loaded once: a document made without extraction loads only the tagger.
func sharedTagger() *prose.Model {
	taggerOnce.Do(func() {
		doc, err := prose.NewDocument("", prose.WithSegmentation(false), prose.WithExtraction(false))
		if err == nil {
			taggerModel = doc.Model
		} else {
			taggerModel = sharedProseModel()
		}
	})
	return taggerModel
}

// proseEntities tags text with prose's default model, one of sents at a
// time (the spans Sentences split, which Extract already has; prose's own
// segmentation is off), and returns prose's entities (Document.Entities) with
// byte offsets into text and labels mapped to ours (PERSON, ORG, GPE, LOC);
// prose's other types are dropped. prose's entities carry only their tokens'
// texts joined by spaces, so each is located as the next run of tokens with
// those texts. prose's quirks are left in (its chunker joins adjacent tokens
// with equal part-of-speech tags and drops an entity still open at a
// sentence end; repeated words share one label): this is the model as it
// ships. Reading entities from the per-token IOB labels instead scored far
// lower on eng.testa (F1 34 against 54).
func proseEntities(text string, sents []corpus.Span) []corpus.Entity {
	m := sharedProseModel()
	ents := []corpus.Entity{}
	for _, s := range sents {
		in := newProseText(text, s)
		doc, err := prose.NewDocument(in.text, prose.WithSegmentation(false), prose.UsingModel(m))
		if err != nil {
			continue
		}
		toks := in.align(doc.Tokens())
		k := 0
		for _, e := range doc.Entities() {
			words := strings.Split(e.Text, " ")
			for j := k; j+len(words) <= len(toks); j++ {
				if tokensMatch(toks[j:j+len(words)], words) {
					if l := proseLabel(e.Label); l != "" {
						ents = append(ents, corpus.Entity{Start: toks[j].start, End: toks[j+len(words)-1].end, Label: l})
					}
					k = j + len(words)
					break
				}
			}
		}
	}
	for i := range ents {
		ents[i].Text = text[ents[i].Start:ents[i].End] // Extract sets Canonical
	}
	return ents
}

func tokensMatch(toks []proseTok, words []string) bool {
	for i, w := range words {
		if toks[i].text != w {
			return false
		}
	}
	return true
}

// proseLabel maps prose's entity types to ours; "" is no entity.
func proseLabel(typ string) string {
	switch typ {
	case "PERSON":
		return corpus.Person
	case "ORGANIZATION":
		return corpus.Organization
	case "GPE", "GSP":
		return corpus.GPE
	case "LOCATION", "FACILITY":
		return corpus.Location
	}
	return ""
}

// proseText is a sentence as prose is given it, with each byte's span in the
// article text. prose folds curly quotes and "&rsquo;" to ASCII in its token
// texts, so they are folded beforehand and the tokens can be found again;
// white space is folded to spaces (prose treats it so), and a character
// whose lower case is of another length to "X" or "x".
type proseText struct {
	text     string
	from, to []int
}

var proseFold = map[rune]string{'“': `"`, '”': `"`, '‘': "'", '’': "'"}

func newProseText(text string, s corpus.Span) proseText {
	var in proseText
	var b strings.Builder
	emit := func(str string, start, end int) {
		b.WriteString(str)
		for range len(str) {
			in.from, in.to = append(in.from, start), append(in.to, end)
		}
	}
	for i := s.Start; i < s.End; {
		r, n := utf8.DecodeRuneInString(text[i:s.End])
		switch {
		case proseFold[r] != "":
			emit(proseFold[r], i, i+n)
		case strings.HasPrefix(text[i:s.End], "&rsquo;"):
			n = len("&rsquo;")
			emit("'", i, i+n)
		case unicode.IsSpace(r):
			emit(" ", i, i+n)
		case r == utf8.RuneError && n == 1, len(string(unicode.ToLower(r))) != n:
			// prose's tokenizer slices a token at offsets found in its
			// lower case, and panics when that has another length
			// (invalid UTF-8, "Ⱥ"): a letter of the same case stands in,
			// so the word stays a word ("İzmir" is still a name).
			if unicode.IsUpper(r) {
				emit("X", i, i+n)
			} else {
				emit("x", i, i+n)
			}
		default:
			for k := range n {
				emit(text[i+k:i+k+1], i+k, i+k+1)
			}
		}
		i += n
	}
	in.text = b.String()
	return in
}

// proseTok is one of prose's tokens located in the article text.
type proseTok struct {
	start, end int
	text       string // prose's token text
	tag        string // its part of speech (Penn Treebank), when tagged
}

// align finds prose's tokens in order in in.text and maps them back to the
// article text; a token not found (prose only splits, so none should be) is
// dropped.
func (in proseText) align(toks []prose.Token) []proseTok {
	out := make([]proseTok, 0, len(toks))
	pos := 0
	for _, t := range toks {
		i := strings.Index(in.text[pos:], t.Text)
		if t.Text == "" || i < 0 {
			continue
		}
		i += pos
		pos = i + len(t.Text)
		out = append(out, proseTok{start: in.from[i], end: in.to[pos-1], text: t.Text, tag: t.Tag})
	}
	return out
}

// nounPhrase checks np, found as the subject of the sentence that runs
// from start to end without a cue, against prose's part-of-speech tags: it
// is cut before its first finite verb ("The NAO found", "He's claiming"),
// and must then end in a noun, pronoun or number. It returns the phrase, or
// an empty span when there is none: the subject rule guesses from capitals
// and word order, and without a cue it also takes "Possibly" or "those
// lucrative". A phrase holding an entity, or a lone pronoun, is taken as it
// is.
func (d *quoteDoc) nounPhrase(start, end int, np corpus.Span) corpus.Span {
	if _, ok := d.entityAt(np); ok {
		return np
	}
	words := strings.Fields(strings.ToLower(d.text[np.Start:np.End]))
	switch last := words[len(words)-1]; {
	case len(words) == 1 && (speakerPronouns[last] || pronounDeterminers[last]): // "he", "Another"
		return np
	case strings.HasSuffix(last, "-old"): // "the 34-year-old", tagged an adjective
		return np
	}
	in := newProseText(d.text, corpus.Span{Start: start, End: end})
	doc, err := prose.NewDocument(in.text, prose.WithSegmentation(false), prose.WithExtraction(false), prose.UsingModel(sharedTagger()))
	if err != nil {
		return np
	}
	out := corpus.Span{Start: np.Start, End: np.Start}
	lastTag := ""
	for _, t := range in.align(doc.Tokens()) {
		if t.start < np.Start || t.end > np.End {
			continue
		}
		if t.tag == "VBZ" || t.tag == "VBD" || t.tag == "VBP" || t.tag == "MD" {
			break
		}
		out.End, lastTag = t.end, t.tag
	}
	switch lastTag {
	case "NN", "NNS", "NNP", "NNPS", "PRP", "CD":
		return out
	}
	return corpus.Span{}
}
