package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordTok is one word or punctuation mark of a sentence: its byte span in
// the article text and the form the entity model sees (quotes and dashes
// folded to ASCII, "Corp." as "Corp", as in its Reuters training text).
type wordTok struct {
	start, end int
	form       string
}

// tokenize splits text[start:end] into tokens in the style of the CoNLL-2003
// (Penn Treebank) tokenization: punctuation is split off words, except the
// period of abbreviations and initialisms ("Mr.", "U.S."); "'s" and "n't"
// are tokens of their own; dashes split words ("Witkoff—responsible"),
// hyphens do not ("U.S.-led").
func tokenize(text string, start, end int, out []wordTok) []wordTok {
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i + n
		for j < end {
			r, n := utf8.DecodeRuneInString(text[j:end])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		out = splitChunk(text, i, j, out)
		i = j
	}
	return out
}

// splitChunk tokenizes one white-space delimited chunk text[s:e].
func splitChunk(text string, s, e int, out []wordTok) []wordTok {
	// Dashes inside the chunk split it.
	for k := s; k < e; {
		r, n := utf8.DecodeRuneInString(text[k:e])
		dl := 0
		switch {
		case r == '—' || r == '–' || r == '―':
			dl = n
		case r == '-' && k+1 < e && text[k+1] == '-':
			dl = 2
			for k+dl < e && text[k+dl] == '-' {
				dl++
			}
		}
		if dl > 0 {
			out = splitChunk(text, s, k, out)
			out = append(out, newTok(text, k, k+dl))
			return splitChunk(text, k+dl, e, out)
		}
		k += n
	}
	var tail []wordTok // split-off suffixes, innermost last
	for s < e {
		// Clitics are at most 5 bytes even with a curly apostrophe ("n’t"):
		// longer chunks skip the fold, which over a long run of marks cost
		// time quadratic in the run.
		if e-s <= 5 && cliticForms[strings.ToLower(tokenFold.Replace(text[s:e]))] {
			break // "'s" already on its own
		}
		r, n := utf8.DecodeRuneInString(text[s:e])
		if strings.ContainsRune(leadingPunct, r) || (r == '$' && s+n < e) {
			out = append(out, newTok(text, s, s+n))
			s += n
			continue
		}
		r, n = utf8.DecodeLastRuneInString(text[s:e])
		w := text[s:e]
		switch {
		case r == '.' && strings.HasSuffix(w, "..."):
			tail = append(tail, newTok(text, e-3, e))
			e -= 3
			continue
		case r == '.':
			if keepsPeriod(w[:len(w)-1]) {
				break
			}
			tail = append(tail, newTok(text, e-1, e))
			e--
			continue
		case strings.ContainsRune(trailingPunct, r) && e-n > s:
			// A lone apostrophe after s is a possessive ("officials'").
			tail = append(tail, newTok(text, e-n, e))
			e -= n
			continue
		}
		if k := clitic(w); k > 0 {
			tail = append(tail, newTok(text, s+k, e))
			e = s + k
			continue
		}
		break
	}
	if s < e {
		out = append(out, newTok(text, s, e))
	}
	for k := len(tail) - 1; k >= 0; k-- {
		out = append(out, tail[k])
	}
	return out
}

const (
	leadingPunct  = "\"'“‘«‹([{<„‚¿¡*"
	trailingPunct = "\"'”’»›)]}>,;:!?…%*"
)

// clitic returns where a trailing clitic starts in w ("Zelensky's" → 8,
// "don't" → 2), or 0 when there is none.
func clitic(w string) int {
	lw := strings.ToLower(w)
	for _, c := range []string{"'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'m", "’m", "'d", "’d"} {
		if strings.HasSuffix(lw, c) && len(lw) > len(c) {
			return len(w) - len(c)
		}
	}
	for _, c := range []string{"n't", "n’t"} {
		if strings.HasSuffix(lw, c) && len(lw) > len(c) {
			return len(w) - len(c)
		}
	}
	return 0
}

var cliticForms = map[string]bool{
	"'s": true, "'re": true, "'ve": true, "'ll": true, "'m": true, "'d": true, "n't": true,
}

// abbreviations keep their period as part of the token.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true,
	"sen": true, "rep": true, "gov": true, "lt": true, "col": true, "capt": true,
	"sgt": true, "maj": true, "rev": true, "hon": true, "st": true, "mt": true,
	"ft": true, "jr": true, "sr": true, "adm": true, "cmdr": true, "pres": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "bros": true, "plc": true,
	"vs": true, "no": true, "vol": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "ave": true, "blvd": true, "dept": true,
	"est": true, "calif": true, "fla": true, "mass": true, "wash": true, "ariz": true,
	"conn": true, "tex": true, "ill": true, "mich": true, "penn": true, "etc": true,
}

// keepsPeriod reports whether the word before a final period is an
// abbreviation, an initial or an initialism, so the period belongs to it.
func keepsPeriod(w string) bool {
	if w == "" {
		return false
	}
	if abbreviations[strings.ToLower(w)] {
		return true
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsLetter(r) {
		return true // "M." (an initial), "a."
	}
	return isInitialism(w) // "U.S", "a.m"
}

// newTok makes the token for text[s:e] with its model form.
func newTok(text string, s, e int) wordTok {
	w := text[s:e]
	form := tokenFold.Replace(w)
	if strings.HasSuffix(form, ".") && abbreviations[strings.ToLower(form[:len(form)-1])] {
		form = form[:len(form)-1]
	}
	return wordTok{start: s, end: e, form: form}
}

var tokenFold = strings.NewReplacer(
	"“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`, "‘", "'", "’", "'", "‚", "'",
	"—", "--", "–", "-", "―", "--", "…", "...",
)
