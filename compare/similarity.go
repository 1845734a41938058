package compare

import "sort"

// DefaultThreshold is the Similarity above which Clusters treats two spans as
// variants of one statement.
const DefaultThreshold = 0.5

// Thesaurus holds groups of interchangeable words (synonym sets) over folded
// word forms. A word may belong to several groups.
type Thesaurus struct {
	groups map[string][]int32
}

// NewThesaurus builds a thesaurus from synonym groups. Words are folded with
// Fold, so callers may pass them as written.
func NewThesaurus(groups [][]string) *Thesaurus {
	t := &Thesaurus{groups: make(map[string][]int32)}
	for i, g := range groups {
		for _, w := range g {
			f := Fold(w)
			ids := t.groups[f]
			if len(ids) == 0 || ids[len(ids)-1] != int32(i) {
				t.groups[f] = append(ids, int32(i))
			}
		}
	}
	for _, ids := range t.groups {
		sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
	}
	return t
}

// Synonyms reports whether the folded words a and b share a group.
func (t *Thesaurus) Synonyms(a, b string) bool {
	if t == nil {
		return false
	}
	ga, gb := t.groups[a], t.groups[b]
	for i, j := 0, 0; i < len(ga) && j < len(gb); {
		switch {
		case ga[i] == gb[j]:
			return true
		case ga[i] < gb[j]:
			i++
		default:
			j++
		}
	}
	return false
}

var defaultThesaurus = NewThesaurus([][]string{
	{"deliberate", "intentional", "intended", "purposeful", "wilful"},
	{"sustained", "prolonged", "continued", "protracted"},
	{"attack", "assault", "offensive", "strike"},
})

// DefaultThesaurus returns the small built-in synonym table.
func DefaultThesaurus() *Thesaurus { return defaultThesaurus }

// Similarity scores how far two texts say the same thing, from 0 (nothing
// shared) to 1 (the same words after folding).
func Similarity(a, b string) float64 {
	ta, tb := contentSet(a), contentSet(b)
	if len(ta) == 0 && len(tb) == 0 {
		return 1
	}
	inter := 0
	for w := range ta {
		if tb[w] {
			inter++
		}
	}
	return float64(inter) / float64(len(ta)+len(tb)-inter)
}

func contentSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, t := range Tokenize(s) {
		if t.IsWord() {
			m[t.Norm] = true
		}
	}
	return m
}
