package ner

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature templates. Each feature is the FNV-1a hash of its template and
// values; the model maps hashes it has weights for to rows.
const (
	fBias byte = iota
	fWord
	fWordExact
	fPrev1
	fNext1
	fPrev2
	fNext2
	fPrevWord
	fWordNext
	fShape
	fPrevShape
	fNextShape
	fShape3
	fPrefix
	fSuffix
	fHeadline
	fFirst
	fHistory
	fSeenLower
	fLength
	fPrevWordShape
	fNextWordShape
	fTitled
	fList
	fListShape
	fCtxPrev
	fCtxNext
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hstart(t byte) uint64 { return (fnvOffset ^ uint64(t)) * fnvPrime }

func hadd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime
}

func h1(t byte, a string) uint64       { return hadd(hstart(t), a) }
func h2(t byte, a, b string) uint64    { return hadd(hadd(hstart(t), a), b) }
func h3(t byte, a, b, c string) uint64 { return hadd(hadd(hadd(hstart(t), a), b), c) }

// docState is what the tagger knows about the document around a sentence:
// the words seen in lower case anywhere in it, and the entity types it gave
// each word in the sentences before.
type docState struct {
	lower   map[string]bool
	history map[string]*[4]int32
	// around holds, for each capitalised word, the words before and after
	// its occurrences in the whole document (context aggregation).
	around map[string]*[2][]string
}

func newDocState(doc [][]Token) *docState {
	st := &docState{lower: map[string]bool{}, history: map[string]*[4]int32{}, around: map[string]*[2][]string{}}
	for _, s := range doc {
		for i, t := range s {
			if i > 0 && isLowerWord(t.Text) {
				st.lower[t.Text] = true
			}
			if !hasUpper(t.Text) {
				continue
			}
			w := normWord(t.Text)
			a := st.around[w]
			if a == nil {
				a = new([2][]string)
				st.around[w] = a
			}
			if i > 0 && len(a[0]) < maxAround {
				a[0] = appendNew(a[0], normWord(s[i-1].Text))
			}
			if i+1 < len(s) && len(a[1]) < maxAround {
				a[1] = appendNew(a[1], normWord(s[i+1].Text))
			}
		}
	}
	return st
}

const maxAround = 8

func appendNew(list []string, w string) []string {
	for _, x := range list {
		if x == w {
			return list
		}
	}
	return append(list, w)
}

// remember records the types given to the words of a tagged sentence.
func (st *docState) remember(toks []Token, spans []Span) {
	for _, sp := range spans {
		t := typeIndex(sp.Type)
		for i := sp.Start; i < sp.End; i++ {
			w := normWord(toks[i].Text)
			if !hasUpper(toks[i].Text) {
				continue
			}
			c := st.history[w]
			if c == nil {
				c = new([4]int32)
				st.history[w] = c
			}
			c[t]++
		}
	}
}

// sentence holds the per-token strings features are built from.
type sentence struct {
	words, shapes []string
	lists         []uint32 // per token: list match positions (see Lists.match)
	headline      bool     // all capitals, as CoNLL's headlines
	titled        bool     // every content word capitalised ("Key Elements of the Plan")
}

func (s *sentence) reset(toks []Token, lists *Lists) {
	s.words, s.shapes = s.words[:0], s.shapes[:0]
	letters, upper := 0, 0
	for _, t := range toks {
		s.words = append(s.words, normWord(t.Text))
		s.shapes = append(s.shapes, shape(t.Text))
		for _, r := range t.Text {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
	}
	s.headline = letters >= 4 && upper == letters
	s.titled = !s.headline && isTitled(toks)
	s.lists = slices.Grow(s.lists[:0], len(toks))[:len(toks)]
	lists.match(toks, s.lists)
}

// isTitled reports whether a sentence is in title case: two or more content
// words, all capitalised.
func isTitled(toks []Token) bool {
	content := 0
	for _, t := range toks {
		r, _ := utf8.DecodeRuneInString(t.Text)
		if !unicode.IsLetter(r) || functionWords[strings.ToLower(t.Text)] {
			continue
		}
		if !unicode.IsUpper(r) {
			return false
		}
		content++
	}
	return content >= 2
}

// functionWords stay lower-case in title case.
var functionWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "nor": true,
	"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "by": true,
	"with": true, "from": true, "as": true, "vs": true, "vs.": true, "via": true, "per": true,
	"into": true, "over": true, "up": true, "off": true, "out": true, "'s": true,
}

// TitleCase returns a copy of a sentence in title case: every lower-case
// word that is not a function word capitalised. Training on such copies
// teaches the tagger that capitals in a title are not names.
func TitleCase(toks []Token) []Token {
	out := make([]Token, len(toks))
	for i, t := range toks {
		out[i] = t
		r, n := utf8.DecodeRuneInString(t.Text)
		if unicode.IsLower(r) && !functionWords[t.Text] {
			out[i].Text = string(unicode.ToUpper(r)) + t.Text[n:]
		}
	}
	return out
}

func (s *sentence) word(i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(s.words):
		return "</s>"
	}
	return s.words[i]
}

func (s *sentence) shape(i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(s.shapes):
		return "</s>"
	}
	return s.shapes[i]
}

// features appends the feature hashes of token i to out.
func (s *sentence) features(toks []Token, i int, st *docState, out []uint64) []uint64 {
	w, sh := s.words[i], s.shapes[i]
	text := toks[i].Text
	out = append(out,
		hstart(fBias),
		h1(fWord, w),
		h1(fWordExact, text),
		h1(fPrev1, s.word(i-1)),
		h1(fNext1, s.word(i+1)),
		h1(fPrev2, s.word(i-2)),
		h1(fNext2, s.word(i+2)),
		h2(fPrevWord, s.word(i-1), w),
		h2(fWordNext, w, s.word(i+1)),
		h1(fShape, sh),
		h1(fPrevShape, s.shape(i-1)),
		h1(fNextShape, s.shape(i+1)),
		h3(fShape3, s.shape(i-1), sh, s.shape(i+1)),
		h2(fPrevWordShape, s.word(i-1), sh),
		h2(fNextWordShape, sh, s.word(i+1)),
	)
	// Affixes of up to four runes.
	n := 0
	for j := range text {
		if n > 0 && n <= 4 {
			out = append(out, h1(fPrefix, text[:j]))
		}
		n++
	}
	if n <= 4 {
		out = append(out, h1(fPrefix, text))
	}
	n = 0
	for j := len(w); j > 0 && n < 4; {
		_, size := utf8.DecodeLastRuneInString(w[:j])
		j -= size
		n++
		out = append(out, h1(fSuffix, w[j:]))
	}
	if s.headline {
		out = append(out, h1(fHeadline, sh))
	}
	if m := s.lists[i]; m != 0 {
		for k := 0; k < numLists; k++ {
			if p := m >> (3 * k) & 7; p != 0 {
				out = append(out, h2(fList, listNames[k], posNames[p]), h3(fListShape, listNames[k], posNames[p], sh))
			}
		}
	}
	if s.titled {
		out = append(out, h1(fTitled, sh))
	}
	if i == 0 {
		out = append(out, h1(fFirst, sh))
	}
	out = append(out, h1(fLength, lengthClass(n)))
	if hasUpper(text) {
		if a := st.around[w]; a != nil {
			for _, x := range a[0] {
				out = append(out, h1(fCtxPrev, x))
			}
			for _, x := range a[1] {
				out = append(out, h1(fCtxNext, x))
			}
		}
		if st.lower[strings.ToLower(text)] {
			out = append(out, hstart(fSeenLower))
		}
		if c := st.history[w]; c != nil {
			best, bestN, total := 0, int32(-1), int32(0)
			for t, k := range c {
				total += k
				if k > bestN {
					best, bestN = t, k
				}
			}
			out = append(out, h1(fHistory, Types[best]))
			if bestN == total {
				out = append(out, h2(fHistory, Types[best], "only"))
			}
		}
	}
	return out
}

func lengthClass(n int) string {
	switch {
	case n <= 1:
		return "1"
	case n <= 3:
		return "2-3"
	case n <= 6:
		return "4-6"
	}
	return "7+"
}

// normWord is the lower-cased word with digits folded to 0.
func normWord(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= '1' && c <= '9') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteByte('0')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// shape maps upper-case letters to X, lower-case to x, digits to d, keeps
// other characters, and collapses runs: "McDonald's" → "XxXx'x".
func shape(s string) string {
	var buf [32]byte
	b := buf[:0]
	var last byte
	for _, r := range s {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c != last {
			b = append(b, c)
			last = c
		}
		if len(b) >= 12 {
			break
		}
	}
	return string(b)
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func isLowerWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}
