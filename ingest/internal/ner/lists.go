package ner

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// List kinds: which lists a phrase is on.
const (
	ListPlace     = 1 << iota // countries, regions, cities (places.txt)
	ListFirstName             // first words of people's names in the training data
	ListPER                   // names tagged PER in the training data
	ListLOC                   // … LOC
	ListORG                   // … ORG
	ListMISC                  // … MISC
	numLists      = iota
)

var listNames = [numLists]string{"place", "first", "per", "loc", "org", "misc"}

// Lists are the name lists the tagger consults: phrases of up to maxWords
// words, folded to lower case and joined by spaces, with the lists they are
// on. A match in a sentence is a feature (which list, and the token's
// position in the match), so the tagger learns how far to trust each list.
type Lists struct {
	phrases  map[string]uint8
	maxWords int
}

// NewLists returns empty lists.
func NewLists() *Lists { return &Lists{phrases: map[string]uint8{}} }

// Add puts a phrase (as tokens) on the lists in kinds.
func (l *Lists) Add(words []string, kinds uint8) {
	if len(words) == 0 {
		return
	}
	k := foldPhrase(words)
	l.phrases[k] |= kinds
	l.maxWords = max(l.maxWords, len(words))
}

// Len returns the number of phrases.
func (l *Lists) Len() int { return len(l.phrases) }

func foldPhrase(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(w))
	}
	return b.String()
}

// FromTraining returns lists learned from docs: the names of each type seen
// at least min times and the first words of people's names of two words or
// more seen at least min times.
func FromTraining(docs []Doc, min int) *Lists {
	type key struct {
		phrase string
		kind   uint8
	}
	counts := map[key]int{}
	words := map[string][]string{}
	kinds := map[string]uint8{"PER": ListPER, "LOC": ListLOC, "ORG": ListORG, "MISC": ListMISC}
	for _, d := range docs {
		for si, s := range d.Sentences {
			for _, sp := range d.Spans[si] {
				ws := make([]string, 0, sp.End-sp.Start)
				for _, t := range s[sp.Start:sp.End] {
					ws = append(ws, t.Text)
				}
				p := foldPhrase(ws)
				words[p] = ws
				counts[key{p, kinds[sp.Type]}]++
				if sp.Type == "PER" && len(ws) > 1 {
					f := foldPhrase(ws[:1])
					words[f] = ws[:1]
					counts[key{f, ListFirstName}]++
				}
			}
		}
	}
	keys := make([]key, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := strings.Compare(a.phrase, b.phrase); c != 0 {
			return c
		}
		return int(a.kind) - int(b.kind)
	})
	l := NewLists()
	for _, k := range keys {
		if counts[k] >= min {
			l.Add(words[k.phrase], k.kind)
		}
	}
	return l
}

// Merge returns a copy of l with the phrases of o added.
func (l *Lists) Merge(o *Lists) *Lists {
	out := &Lists{phrases: make(map[string]uint8, len(l.phrases)+len(o.phrases)), maxWords: max(l.maxWords, o.maxWords)}
	for k, v := range l.phrases {
		out.phrases[k] = v
	}
	for k, v := range o.phrases {
		out.phrases[k] |= v
	}
	return out
}

// ParsePlaces reads places.txt: one place name a line, # comments.
func ParsePlaces(text string) *Lists {
	l := NewLists()
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		l.Add(strings.Fields(line), ListPlace)
	}
	return l
}

// Match positions, three bits per list in a token's match mask.
const (
	posB = 1 + iota
	posI
	posL
	posU
)

var posNames = [5]string{"", "B", "I", "L", "U"}

// match writes into masks, for each token, its position in the longest
// match of each list that covers it. Matches start at capitalised words.
func (l *Lists) match(toks []Token, masks []uint32) {
	clear(masks)
	if l == nil || len(l.phrases) == 0 {
		return
	}
	var covered [numLists]int // per list: tokens before this index are inside a match
	var b strings.Builder
	for i := range toks {
		r, _ := utf8.DecodeRuneInString(toks[i].Text)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			continue
		}
		b.Reset()
		ends := [numLists]int{}
		for n := 1; n <= l.maxWords && i+n <= len(toks); n++ {
			if n > 1 {
				b.WriteByte(' ')
			}
			b.WriteString(strings.ToLower(toks[i+n-1].Text))
			kinds, ok := l.phrases[b.String()]
			if !ok {
				continue
			}
			for k := 0; k < numLists; k++ {
				if kinds&(1<<k) != 0 {
					ends[k] = i + n
				}
			}
		}
		for k := 0; k < numLists; k++ {
			e := ends[k]
			if e == 0 || e <= covered[k] {
				continue
			}
			covered[k] = e
			for j := i; j < e; j++ {
				p := uint32(posI)
				switch {
				case e-i == 1:
					p = posU
				case j == i:
					p = posB
				case j == e-1:
					p = posL
				}
				masks[j] = masks[j]&^(7<<(3*k)) | p<<(3*k)
			}
		}
	}
}
