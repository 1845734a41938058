package compare

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
)

//go:generate go run synonyms_gen.go -dir /usr/share/wordnet -o synonyms.txt

// synonymsData is the synonym table derived from WordNet 3.0 by
// synonyms_gen.go: one group of interchangeable lemmas a line, and
// "=form lemma…" lines for irregular forms. Licence: synonyms_LICENSE.
//
//go:embed synonyms.txt
var synonymsData string

// wordNet is the parsed synonym table: lemma → sorted group numbers, and
// irregular form → lemmas.
type wordNet struct {
	groups    map[string][]int32
	irregular map[string][]string
	lists     [][]string
}

var (
	wordNetOnce  sync.Once
	wordNetTable *wordNet
)

// loadWordNet parses the embedded table once, on first use (~50k lemmas).
func loadWordNet() *wordNet {
	wordNetOnce.Do(func() {
		wn := &wordNet{groups: make(map[string][]int32, 60000), irregular: make(map[string][]string, 4000)}
		for line := range strings.SplitSeq(synonymsData, "\n") {
			switch {
			case line == "" || line[0] == '#':
			case line[0] == '=':
				fs := strings.Fields(line[1:])
				if len(fs) >= 2 {
					wn.irregular[fs[0]] = fs[1:]
				}
			default:
				words := strings.Fields(line)
				id := int32(len(wn.lists))
				wn.lists = append(wn.lists, words)
				for _, w := range words {
					wn.groups[w] = append(wn.groups[w], id)
				}
			}
		}
		wordNetTable = wn
	})
	return wordNetTable
}

// WordNetGroups returns the synonym groups of the embedded WordNet-derived
// table (lemmas, lower case, one slice per group), for building a Thesaurus:
// as the broad groups of NewLayeredThesaurus, as DefaultThesaurus does, or
// as core groups with NewThesaurus, which credits and folds them in full.
// The caller must not modify them.
func WordNetGroups() [][]string { return loadWordNet().lists }

// lemmas returns the WordNet lemmas a lower-case word form may be an
// inflection of (itself included), found by WordNet's morphy rules (noun and
// verb suffix detachment, or the exception list for irregular forms),
// keeping only lemmas of three letters or more that the table knows. The
// result is sorted and has no duplicates.
func (wn *wordNet) lemmas(w string) []string {
	var out []string
	add := func(l string) {
		if _, ok := wn.groups[l]; ok {
			out = append(out, l)
		}
	}
	add(w)
	if irr, ok := wn.irregular[w]; ok {
		// An irregular form's lemmas are listed: "was" is "be", not "wa".
		for _, l := range irr {
			add(l)
		}
	} else {
		for _, r := range morphyRules {
			if strings.HasSuffix(w, r[0]) && len(w)-len(r[0])+len(r[1]) >= 3 {
				add(w[:len(w)-len(r[0])] + r[1])
			}
		}
	}
	sort.Strings(out)
	return compactStrings(out)
}

// forms returns the base forms a lower-case word may have as a noun or
// verb, whether or not the table knows them: itself, its irregular lemmas,
// and WordNet's noun and verb detachments ("leaders" → "leader",
// "testing" → "test").
func (wn *wordNet) forms(w string) []string {
	out := []string{w}
	if irr, ok := wn.irregular[w]; ok {
		return append(out, irr...)
	}
	for _, r := range morphyRules {
		if strings.HasSuffix(w, r[0]) && len(w)-len(r[0])+len(r[1]) >= 3 {
			out = append(out, w[:len(w)-len(r[0])]+r[1])
		}
	}
	return out
}

// morphyRules are WordNet's detachment rules for nouns and verbs
// (morphy(7WN)), merged: suffix → replacement. The adjective rules (-er,
// -est) are left out: without parts of speech they would make "leader" a
// form of "lead"; irregular comparatives ("better") come from the exception
// lists.
var morphyRules = [...][2]string{
	{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"},
	{"men", "man"}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""},
	{"ing", "e"}, {"ing", ""},
}

// related reports how two words relate in the table: sameLemma when they
// are forms of one lemma ("attack", "attacks"), synonymous when two of
// their lemmas share a group ("deliberate", "intentional"; "sustained",
// "prolonged" through the verbs "sustain" and "prolong").
func (wn *wordNet) related(a, b string) (sameLemma, synonymous bool) {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if a == "" || b == "" {
		return false, false
	}
	fa, fb := wn.forms(a), wn.forms(b)
	for _, x := range fa {
		for _, y := range fb {
			if x == y {
				return true, false
			}
		}
	}
	la, lb := wn.lemmas(a), wn.lemmas(b)
	for _, x := range la {
		for _, y := range lb {
			if _, ok := firstShared(wn.groups[x], wn.groups[y]); ok {
				return false, true
			}
		}
	}
	return false, false
}

func compactStrings(s []string) []string {
	if len(s) < 2 {
		return s
	}
	out := s[:1]
	for _, x := range s[1:] {
		if x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}
