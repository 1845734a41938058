package index

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search"

	"github.com/variorum/variorum/corpus"
)

// MaxFragmentLen is the longest fragment in bytes; longer sentences are
// trimmed to a window around their matches (give or take a word).
const MaxFragmentLen = 300

// fragmentLead is how much text a trimmed fragment keeps before its first
// match, when there is room.
const fragmentLead = 60

// mark is a matched word: its span in the article text and the indexed term
// it matched, so fragments can count distinct terms.
type mark struct {
	corpus.Span
	term string
}

// marksOf returns the locations of one field's matches in text as marks,
// sorted and without duplicates, dropping any that do not fit the text. The
// tokenizer leaves the last dot off an abbreviation ("U.S" of "U.S."); the
// mark gets it back.
func marksOf(tlm search.TermLocationMap, text string) []mark {
	var ms []mark
	for term, locs := range tlm {
		for _, l := range locs {
			if l == nil {
				continue
			}
			s, e := int(l.Start), int(l.End)
			if s < 0 || e <= s || e > len(text) {
				continue
			}
			if e < len(text) && text[e] == '.' && e-s >= 3 && text[e-2] == '.' {
				e++
			}
			ms = append(ms, mark{Span: corpus.Span{Start: s, End: e}, term: term})
		}
	}
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].Start != ms[j].Start {
			return ms[i].Start < ms[j].Start
		}
		if ms[i].End != ms[j].End {
			return ms[i].End < ms[j].End
		}
		return ms[i].term < ms[j].term
	})
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 && out[n-1].Span == m.Span {
			continue
		}
		out = append(out, m)
	}
	return out
}

// unit is a candidate fragment: a sentence (or line) and its marks.
type unit struct {
	span  corpus.Span
	marks []mark
}

// distinct returns the number of distinct terms among u's marks.
func (u unit) distinct() int {
	seen := make(map[string]bool, len(u.marks))
	for _, m := range u.marks {
		seen[m.term] = true
	}
	return len(seen)
}

// fragments builds at most MaxFragments fragments of text from marks: the
// sentences holding them, best first. Sentences that are out of range are
// ignored; a mark outside every sentence falls back to its line.
func fragments(text string, sentences []corpus.Span, marks []mark) []Fragment {
	if len(marks) == 0 {
		return []Fragment{}
	}
	sents := validSpans(sentences, len(text))
	var units []unit
	index := map[corpus.Span]int{}
	for _, m := range marks {
		sp := enclosing(text, sents, m.Span)
		i, ok := index[sp]
		if !ok {
			i = len(units)
			index[sp] = i
			units = append(units, unit{span: sp})
		}
		units[i].marks = append(units[i].marks, m)
	}
	type ranked struct {
		unit
		distinct int
	}
	rs := make([]ranked, len(units))
	for i, u := range units {
		rs[i] = ranked{u, u.distinct()}
	}
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if a.distinct != b.distinct {
			return a.distinct > b.distinct
		}
		if len(a.marks) != len(b.marks) {
			return len(a.marks) > len(b.marks)
		}
		return a.span.Start < b.span.Start
	})
	out := make([]Fragment, 0, MaxFragments)
	for _, r := range rs[:min(len(rs), MaxFragments)] {
		out = append(out, cut(text, r.span, r.marks))
	}
	return out
}

// validSpans returns the spans that fit a text of n bytes, sorted by start.
func validSpans(spans []corpus.Span, n int) []corpus.Span {
	out := make([]corpus.Span, 0, len(spans))
	for _, s := range spans {
		if s.Start >= 0 && s.Start < s.End && s.End <= n {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End < out[j].End
	})
	return out
}

// enclosing returns the sentence of sents holding m, or else the line of
// text holding it.
func enclosing(text string, sents []corpus.Span, m corpus.Span) corpus.Span {
	// The last sentence starting at or before m.
	i := sort.Search(len(sents), func(i int) bool { return sents[i].Start > m.Start }) - 1
	// Well-formed sentences do not overlap, so the first one is the only
	// candidate; a few more cover overlapping input cheaply.
	for k := 0; i >= 0 && k < 4; i, k = i-1, k+1 {
		if sents[i].End >= m.End {
			return sents[i]
		}
	}
	start := strings.LastIndexByte(text[:m.Start], '\n') + 1
	end := len(text)
	if j := strings.IndexByte(text[m.End:], '\n'); j >= 0 {
		end = m.End + j
	}
	return corpus.Span{Start: start, End: end}
}

// cut returns the fragment of text in span around marks (all inside span):
// the whole span without surrounding space, or, when that is longer than
// MaxFragmentLen, the window holding the most distinct terms, cut at spaces.
func cut(text string, span corpus.Span, marks []mark) Fragment {
	s, e := span.Start, span.End
	for s < marks[0].Start && isSpace(text[s]) {
		s++
	}
	last := marks[len(marks)-1].End
	for e > last && isSpace(text[e-1]) {
		e--
	}
	if e-s > MaxFragmentLen {
		s, e = window(text, s, e, marks)
	}
	f := Fragment{Text: text[s:e], Start: s, End: e, Marks: []corpus.Span{}}
	for _, m := range marks {
		if m.Start >= s && m.End <= e {
			f.Marks = append(f.Marks, corpus.Span{Start: m.Start - s, End: m.End - s})
		}
	}
	return f
}

// window picks, inside [s, e), a window of at most MaxFragmentLen bytes
// starting fragmentLead bytes before some mark, the one holding the most
// distinct terms (then the most marks, then the earliest), and moves its
// ends inwards to word boundaries without losing a mark.
func window(text string, s, e int, marks []mark) (int, int) {
	bestS, bestE, bestD, bestN := s, min(e, s+MaxFragmentLen), -1, -1
	for _, a := range marks {
		ws := max(s, a.Start-fragmentLead)
		we := min(e, ws+MaxFragmentLen)
		ws = max(s, we-MaxFragmentLen)
		terms := map[string]bool{}
		n := 0
		for _, m := range marks {
			if m.Start >= ws && m.End <= we {
				terms[m.term] = true
				n++
			}
		}
		if len(terms) > bestD || len(terms) == bestD && n > bestN {
			bestS, bestE, bestD, bestN = ws, we, len(terms), n
		}
	}
	// The marks inside the window bound how far its ends may move.
	first, last := bestE, bestS
	for _, m := range marks {
		if m.Start >= bestS && m.End <= bestE {
			first = min(first, m.Start)
			last = max(last, m.End)
		}
	}
	if first > last { // no mark fits (a single mark longer than the window)
		first, last = bestS, bestS
	}
	ws, we := bestS, bestE
	if ws > s {
		if i := strings.IndexFunc(text[ws:first], isSpaceRune); i >= 0 {
			ws += i
		}
		for ws < first && isSpace(text[ws]) {
			ws++
		}
	}
	if we < e {
		if i := strings.LastIndexFunc(text[last:we], isSpaceRune); i >= 0 {
			we = last + i
		}
		for we > last && isSpace(text[we-1]) {
			we--
		}
	}
	for ws < we && !utf8.RuneStart(text[ws]) {
		ws++
	}
	for we < len(text) && we > ws && !utf8.RuneStart(text[we]) {
		we--
	}
	return ws, we
}

func isSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

func isSpaceRune(r rune) bool { return r < utf8.RuneSelf && isSpace(byte(r)) }
