package compare

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Spans of articles that tell different stories pair only on more
// evidence: a candidate pair whose articles' story vectors are less than
// storyMin alike (cosine) must score storyGap above the pair's threshold.
// Two outlets' reports of one event are about 0.45 alike (NewsWCL50:
// median 0.45, 5th percentile 0.33 over the pairs its clauses joined)
// while reports of different events are about 0.15 (0.27 for two events
// of one running story), so a shared topic's stock phrases ("first
// reported by the Washington Post", "calling it "very good news"", "the
// former F.B.I. director") no longer join two stories, and a statement
// that two stories repeat word for word still does. Spans that give
// storyFigures figures in common (isFigure) are of one story however
// differently their articles read: a results table and its write-up
// ("Revs 720.2 mln vs 793.6 mln", "Revenues declined to 720.2 mln dlrs
// from 793.6 mln dlrs").
const (
	storyMin     = 0.25
	storyGap     = 0.25
	storyFigures = 2
	maxStoryDocs = 4
)

// sharedFigures counts the figures (isFigure) both profiles give.
func sharedFigures(a, b *profile) int {
	if len(a.numbers) == 0 || len(b.numbers) == 0 {
		return 0
	}
	n := 0
	for _, t := range a.terms {
		if t.number && isFigure(t.stem) && slices.Contains(b.numbers, t.stemH) {
			n++
		}
	}
	return n
}

// isFigure reports whether a number's stem (its value, scaled: "4.4 mln"
// is 4400000) is specific enough to tell a story by: two significant
// digits or more, and no year from 1900 to 2099. Small counts ("six",
// "four years") and the parts of a fraction ("7-1/8") are not.
func isFigure(s string) bool {
	if len(s) == 4 && (s[:2] == "19" || s[:2] == "20") {
		return false
	}
	digits := 0
	for _, r := range strings.TrimRight(strings.TrimLeft(s, "0."), "0.") {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= 2
}

// storyVector is a document's content stems as a unit vector: each stem
// weighs the square root of its inverse document frequency times its count
// (Scorer.weight), and the entries are sorted by id, the top bits of the
// stem's hash. The cosine of two such vectors tells how far two articles
// tell one story.
type storyVector []storyWeight

type storyWeight struct {
	id uint32
	w  float32
}

// storyVectors returns the story vector of each of n documents, from their
// sentences (in document order) and the weights of s, on all cores.
func storyVectors(sents []sentence, n int, s *Scorer) []storyVector {
	first := make([]int, n+1) // the sentences of document d are sents[first[d]:first[d+1]]
	for d, i := 0, 0; d <= n; d++ {
		for i < len(sents) && sents[i].doc < d {
			i++
		}
		first[d] = i
	}
	vs := make([]storyVector, n)
	parallel(n, func(d int) {
		var ts []*term
		for i := first[d]; i < first[d+1]; i++ {
			terms := sents[i].terms
			for j := range terms {
				if !isStopword(terms[j].stem) {
					ts = append(ts, &terms[j])
				}
			}
		}
		vs[d] = storyVectorOf(ts, s)
	})
	return vs
}

// storyVectorOf returns the story vector of a document's content terms.
func storyVectorOf(ts []*term, s *Scorer) storyVector {
	slices.SortFunc(ts, func(a, b *term) int { return cmp.Compare(a.stemH, b.stemH) })
	v := make(storyVector, 0, len(ts)/2)
	var norm float64
	for i := 0; i < len(ts); {
		j := i + 1
		for j < len(ts) && ts[j].stemH == ts[i].stemH {
			j++
		}
		w := math.Sqrt(s.weight(ts[i].stem) * float64(j-i))
		id := uint32(ts[i].stemH >> 32)
		if n := len(v); n > 0 && v[n-1].id == id {
			v[n-1].w += float32(w) // two stems in one id: rare, and harmless
		} else {
			v = append(v, storyWeight{id, float32(w)})
		}
		norm += w * w
		i = j
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for i := range v {
			v[i].w *= inv
		}
	}
	return slices.Clip(v)
}

// cosine returns the cosine similarity of two story vectors.
func (v storyVector) cosine(o storyVector) float64 {
	var s float64
	for i, j := 0, 0; i < len(v) && j < len(o); {
		switch {
		case v[i].id == o[j].id:
			s += float64(v[i].w) * float64(o[j].w)
			i++
			j++
		case v[i].id < o[j].id:
			i++
		default:
			j++
		}
	}
	return s
}
