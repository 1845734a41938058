package index

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// part is one piece of a user's query: a word, or a phrase that was in
// double quotes, with the sign written before it: '+' (required), '-'
// (excluded) or none.
type part struct {
	Text   string
	Phrase bool
	Sign   byte
}

// parseQuery splits a user's query into words and quoted phrases. Straight
// and curly double quotes both delimit phrases; a quote left open runs to
// the end of the query. A '+' or '-' opening a word or phrase is its sign.
// Nothing else is syntax: ":", "(", "OR" and the like are left to the
// analyser, which drops punctuation. Invalid UTF-8 is replaced, so any
// input gives parts.
func parseQuery(s string) []part {
	parts, _ := parseQueryOpen(s)
	return parts
}

// OpenPhrase returns the phrase a query leaves open, its quote never
// closed ("\"attack russia" → "attack russia"): searched as a phrase to
// the end of the query, which a user may not have meant. "" when none.
func OpenPhrase(q string) string {
	parts, open := parseQueryOpen(q)
	if !open || len(parts) == 0 || !parts[len(parts)-1].Phrase {
		return ""
	}
	return parts[len(parts)-1].Text
}

// parseQueryOpen is parseQuery, also reporting whether a quote was left
// open at the end.
func parseQueryOpen(s string) ([]part, bool) {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var parts []part
	var cur strings.Builder
	inPhrase := false
	var sign byte
	flush := func() {
		t := strings.TrimSpace(cur.String())
		cur.Reset()
		sg := sign
		sign = 0
		if t == "" {
			return
		}
		if inPhrase {
			t = strings.Join(strings.Fields(t), " ")
			parts = append(parts, part{Text: t, Phrase: true, Sign: sg})
			return
		}
		for _, w := range strings.Fields(t) {
			parts = append(parts, part{Text: w, Sign: sg})
			sg = 0
		}
	}
	for _, r := range s {
		switch {
		case r == '"' || r == '\u201C' || r == '\u201D' || r == '\u201E' || r == '\u00AB' || r == '\u00BB':
			if inPhrase || strings.TrimSpace(cur.String()) != "" {
				flush()
			} else {
				cur.Reset() // a sign before it is the phrase's
			}
			inPhrase = !inPhrase
		case unicode.IsSpace(r) && !inPhrase:
			flush()
		case (r == '+' || r == '-') && !inPhrase && sign == 0 && cur.Len() == 0:
			sign = byte(r)
		default:
			cur.WriteRune(r)
		}
	}
	open := inPhrase
	flush()
	return parts, open
}
