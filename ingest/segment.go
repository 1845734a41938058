package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/variorum/variorum/corpus"
)

// Sentences splits text into sentences and returns their byte spans, in
// order, trimmed of surrounding white space; no span is empty and none
// crosses a paragraph.
//
// Paragraphs are lines, or, when the text has blank lines, blank-line
// separated blocks whose single line breaks are soft wraps (a line that
// starts a list item or a heading, or follows a line ending a sentence, still
// starts a new paragraph). Within a paragraph a sentence ends at . ! ? or …
// (with any closing quotes and brackets) followed by white space and a word
// that may start a sentence, except after titleAbbrevs ("Mr.", "Dr."), initials
// ("F.") and, unless a typical sentence opener follows, initialisms ("U.S.").
func Sentences(text string) []corpus.Span {
	var out []corpus.Span
	for _, p := range paragraphSpans(text) {
		out = splitParagraph(text, p, out)
	}
	return out
}

// paragraphs returns the trimmed, non-empty paragraph spans of text.
func paragraphSpans(text string) []corpus.Span {
	lines := lineSpans(text)
	blank := false
	for _, l := range lines {
		if strings.TrimSpace(text[l.Start:l.End]) == "" {
			blank = true
			break
		}
	}
	var out []corpus.Span
	add := func(s corpus.Span) {
		if s = trimSpan(text, s); s.Len() > 0 {
			out = append(out, s)
		}
	}
	if !blank {
		for _, l := range lines {
			add(l)
		}
		return out
	}
	cur := corpus.Span{Start: -1}
	flush := func() {
		if cur.Start >= 0 {
			add(cur)
		}
		cur = corpus.Span{Start: -1}
	}
	for _, l := range lines {
		line := strings.TrimSpace(text[l.Start:l.End])
		switch {
		case line == "":
			flush()
		case cur.Start < 0:
			cur = l
		case startsBlock(line) || endsSentence(strings.TrimSpace(text[cur.Start:cur.End])):
			flush()
			cur = l
		default:
			cur.End = l.End
		}
	}
	flush()
	return out
}

// lineSpans returns the spans of the lines of text, without their "\n".
func lineSpans(text string) []corpus.Span {
	var out []corpus.Span
	start := 0
	for {
		i := strings.IndexByte(text[start:], '\n')
		if i < 0 {
			out = append(out, corpus.Span{Start: start, End: len(text)})
			return out
		}
		out = append(out, corpus.Span{Start: start, End: start + i})
		start += i + 1
	}
}

// startsBlock reports whether a trimmed line opens a list item or heading.
func startsBlock(line string) bool {
	switch line[0] {
	case '-', '*', '#', '>', '|':
		return true
	}
	if strings.HasPrefix(line, "•") || strings.HasPrefix(line, "–") || strings.HasPrefix(line, "—") {
		return true
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i < len(line) && (line[i] == '.' || line[i] == ')')
}

// endsSentence reports whether a trimmed line ends with sentence-final
// punctuation or a colon (so the next line is not a continuation).
func endsSentence(line string) bool {
	line = strings.TrimRight(line, "\"'”’)]»")
	r, _ := utf8.DecodeLastRuneInString(line)
	switch r {
	case '.', '!', '?', ':', '…':
		return true
	}
	return false
}

// trimSpan narrows s to exclude leading and trailing white space.
func trimSpan(text string, s corpus.Span) corpus.Span {
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.End -= n
	}
	return s
}

// splitParagraph appends the sentences of paragraph p to out.
func splitParagraph(text string, p corpus.Span, out []corpus.Span) []corpus.Span {
	start := p.Start
	for i := p.Start; i < p.End; {
		r, n := utf8.DecodeRuneInString(text[i:p.End])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += n
			continue
		}
		// The terminator run, then closing quotes and brackets.
		j := i + n
		for j < p.End {
			r2, n2 := utf8.DecodeRuneInString(text[j:p.End])
			if !strings.ContainsRune(".!?…\"'”’)]»", r2) {
				break
			}
			j += n2
		}
		k := j
		for k < p.End {
			r2, n2 := utf8.DecodeRuneInString(text[k:p.End])
			if !unicode.IsSpace(r2) {
				break
			}
			k += n2
		}
		if k == j || k >= p.End {
			// No space after the terminator ("3.5", "U.S.-led"), or the
			// paragraph ends here anyway.
			i = j
			continue
		}
		if r == '.' && j == i+n && !periodEnds(text[start:i], text[k:p.End]) {
			i = j
			continue
		}
		if !opensSentence(text[k:p.End]) {
			i = j
			continue
		}
		if s := trimSpan(text, corpus.Span{Start: start, End: j}); s.Len() > 0 {
			out = append(out, s)
		}
		start = k
		i = k
	}
	if s := trimSpan(text, corpus.Span{Start: start, End: p.End}); s.Len() > 0 {
		out = append(out, s)
	}
	return out
}

// opensSentence reports whether rest (the text after a terminator and white
// space) can start a sentence: a capital letter, a digit, or an opening
// quote or bracket.
func opensSentence(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsTitle(r) ||
		strings.ContainsRune("\"'“‘([«¿¡", r)
}

// titleAbbrevs never end a sentence before a capitalised word.
var titleAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true,
	"sen": true, "rep": true, "gov": true, "lt": true, "col": true, "capt": true,
	"cpt": true, "sgt": true, "maj": true, "rev": true, "hon": true, "st": true,
	"mt": true, "ft": true, "messrs": true, "mme": true, "mlle": true, "jr": true,
	"sr": true, "adm": true, "cmdr": true, "gov-elect": true, "pres": true,
	"supt": true, "insp": true, "det": true, "cpl": true, "pvt": true, "brig": true,
	"vs": true, "v": true, "approx": true, "dept": true, "est": true, "ave": true,
}

// beforeNumber are abbreviations that do not end a sentence before a number.
var beforeNumber = map[string]bool{
	"no": true, "nos": true, "art": true, "vol": true, "p": true, "pp": true,
	"fig": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true,
	"dec": true, "ch": true, "sec": true, "para": true,
}

// sentenceOpeners are words that typically open a sentence; after an initialism
// ("U.S.") a sentence ends only before one of them.
var sentenceOpeners = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true,
	"They": true, "We": true, "I": true, "You": true, "But": true, "And": true,
	"In": true, "On": true, "At": true, "This": true, "That": true, "These": true,
	"Those": true, "His": true, "Her": true, "Their": true, "Its": true, "Our": true,
	"There": true, "As": true, "For": true, "If": true, "When": true, "While": true,
	"After": true, "Before": true, "Some": true, "Many": true, "Most": true,
	"According": true, "However": true, "Meanwhile": true, "Still": true, "Yet": true,
	"So": true, "Then": true, "Now": true, "Last": true, "Earlier": true, "Later": true,
	"Officials": true, "Asked": true, "No": true, "Not": true, "What": true, "Who": true,
	"Why": true, "How": true, "Where": true, "Such": true, "Under": true, "Over": true,
	"By": true, "From": true, "With": true, "Without": true, "Since": true, "Although": true,
	"Despite": true, "Both": true, "Each": true, "Other": true, "Another": true,
}

// periodEnds decides whether a period ends the sentence, given the sentence
// so far (before the period) and the text after the following white space.
func periodEnds(before, after string) bool {
	w := trailingWord(before)
	if w == "" {
		return true
	}
	lw := strings.ToLower(w)
	if titleAbbrevs[lw] {
		return false
	}
	if beforeNumber[lw] {
		r, _ := utf8.DecodeRuneInString(after)
		if unicode.IsDigit(r) {
			return false
		}
	}
	// A single capital letter: an initial ("John F. Kennedy").
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) {
		return false
	}
	// An initialism ("U.S", "a.m", "e.g"): ends only before an opener.
	if isInitialism(w) {
		next := leadingWord(after)
		switch lw {
		case "e.g", "i.e", "cf", "viz":
			return false
		}
		return sentenceOpeners[next]
	}
	return true
}

// trailingWord returns the run of letters, digits, dots and hyphens that ends s.
func trailingWord(s string) string {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-') {
			break
		}
		i -= n
	}
	return strings.TrimLeft(s[i:], ".-")
}

// leadingWord returns the leading run of letters of s, after opening quotes.
func leadingWord(s string) string {
	s = strings.TrimLeft(s, "\"'“‘([")
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += n
	}
	return s[:i]
}

// isInitialism reports whether w is letters separated by single dots with at
// least one dot inside ("U.S", "a.m").
func isInitialism(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for _, part := range strings.Split(w, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(part)
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
