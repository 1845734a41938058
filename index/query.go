package index

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// part is one piece of a user's query: a word, or a phrase that was in
// double quotes.
type part struct {
	Text   string
	Phrase bool
}

// parseQuery splits a user's query into words and quoted phrases. Straight
// and curly double quotes both delimit phrases; a quote left open runs to
// the end of the query. Nothing else is syntax: "+", "-", ":" and the like
// are left to the analyser, which drops punctuation. Invalid UTF-8 is
// replaced, so any input gives parts.
func parseQuery(s string) []part {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var parts []part
	var cur strings.Builder
	inPhrase := false
	flush := func() {
		t := strings.TrimSpace(cur.String())
		cur.Reset()
		if t == "" {
			return
		}
		if inPhrase {
			t = strings.Join(strings.Fields(t), " ")
			parts = append(parts, part{Text: t, Phrase: true})
			return
		}
		for _, w := range strings.Fields(t) {
			parts = append(parts, part{Text: w})
		}
	}
	for _, r := range s {
		switch {
		case r == '"' || r == '\u201C' || r == '\u201D' || r == '\u201E' || r == '\u00AB' || r == '\u00BB':
			flush()
			inPhrase = !inPhrase
		case unicode.IsSpace(r) && !inPhrase:
			flush()
		default:
			cur.WriteRune(r)
		}
	}
	flush()
	return parts
}
