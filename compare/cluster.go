package compare

import (
	"cmp"
	"slices"

	"github.com/variorum/variorum/corpus"
)

// DefaultMaxBucket is the most spans one LSH bucket may hold before it is
// taken for boilerplate and skipped.
const DefaultMaxBucket = 48

// linkFactor scales the threshold for joining clusters: the mean best
// similarity between their articles must reach linkFactor*Threshold, while
// every edge that starts a cluster reaches Threshold itself.
const linkFactor = 0.9

// maxLinkSample bounds how many members of each cluster the average-linkage
// test compares, so that merging stays cheap when a story is carried
// hundreds of times.
const maxLinkSample = 24

// Clusters finds the statements that several articles carry, each in its
// own words. It splits every sentence, and every long sentence's clauses,
// into spans; finds candidate pairs of spans from different articles with
// MinHash-LSH over their folded content words; scores the candidates with a
// Scorer whose word weights come from the documents' sentences; and groups
// the pairs at or above opts.Threshold by average linkage, so that a span
// joins a cluster only when it is, on average, as similar as the threshold
// to the spans already there: statements that merely share a topic are not
// chained together. Each article gives a cluster at most one witness, its
// span most similar to the other articles' witnesses.
//
// The result is deterministic and sorted by the number of distinct outlets
// (or articles, when outlets are unknown) that carry a statement, then by
// the number of articles, then by where its first witness appears in docs.
func Clusters(docs []corpus.Document, opts Options) []Cluster {
	opts = opts.withDefaults()
	m := newMatcher(docs, opts)
	return m.run()
}

// matcher holds the state of one Clusters run.
type matcher struct {
	docs     []corpus.Document
	opts     Options
	scorer   *Scorer
	sents    []sentence
	units    []unit
	profiles []*profile
	sims     map[uint64]float64
}

func newMatcher(docs []corpus.Document, opts Options) *matcher {
	m := &matcher{docs: docs, opts: opts, scorer: NewScorer(nil, opts.Thesaurus), sims: make(map[uint64]float64)}
	for di, d := range docs {
		for _, sp := range sentencesOf(d) {
			toks := Tokenize(d.Text[sp.Start:sp.End])
			for i := range toks {
				toks[i].Start += sp.Start
				toks[i].End += sp.Start
			}
			s := sentence{doc: di, start: sp.Start, end: sp.End, toks: toks, terms: termsOf(toks)}
			m.scorer.Add(s.terms)
			m.sents = append(m.sents, s)
		}
	}
	for si := range m.sents {
		m.sents[si].units(si, func(u unit) { m.units = append(m.units, u) })
	}
	return m
}

func (m *matcher) run() []Cluster {
	// Candidate keys and signatures; spans with too few keys are dropped.
	const sigLen = lshBands * lshRows
	var keep []unit
	var sigs []uint64
	var keys []uint64
	sig := make([]uint64, sigLen)
	for _, u := range m.units {
		keys = minhashKeys(m.sents[u.sent].terms[u.lo:u.hi], m.opts.Thesaurus, keys)
		if len(keys) < minUnitKeys {
			continue
		}
		signature(keys, sig)
		keep = append(keep, u)
		sigs = append(sigs, sig...)
	}
	m.units = keep
	m.profiles = make([]*profile, len(m.units))
	pairs := candidatePairs(m.units, sigs, m.opts.MaxBucket)

	type edge struct {
		u, v int32
		sim  float64
	}
	var edges []edge
	for _, p := range pairs {
		s := m.sim(p[0], p[1])
		if s >= m.opts.Threshold {
			edges = append(edges, edge{p[0], p[1], s})
		}
	}
	slices.SortFunc(edges, func(a, b edge) int {
		if c := cmp.Compare(b.sim, a.sim); c != 0 {
			return c
		}
		if c := cmp.Compare(a.u, b.u); c != 0 {
			return c
		}
		return cmp.Compare(a.v, b.v)
	})

	// Average-linkage agglomeration over the edges, strongest first.
	clusterOf := make([]int32, len(m.units))
	for i := range clusterOf {
		clusterOf[i] = -1
	}
	var members [][]int32
	link := linkFactor * m.opts.Threshold
	for _, e := range edges {
		cu, cv := clusterOf[e.u], clusterOf[e.v]
		switch {
		case cu < 0 && cv < 0:
			clusterOf[e.u], clusterOf[e.v] = int32(len(members)), int32(len(members))
			members = append(members, []int32{e.u, e.v})
		case cu == cv:
		case cu < 0:
			if m.linkage([]int32{e.u}, members[cv]) >= link {
				clusterOf[e.u] = cv
				members[cv] = append(members[cv], e.u)
			}
		case cv < 0:
			if m.linkage([]int32{e.v}, members[cu]) >= link {
				clusterOf[e.v] = cu
				members[cu] = append(members[cu], e.v)
			}
		default:
			if m.linkage(members[cu], members[cv]) >= link {
				if len(members[cu]) < len(members[cv]) {
					cu, cv = cv, cu
				}
				for _, x := range members[cv] {
					clusterOf[x] = cu
				}
				members[cu] = append(members[cu], members[cv]...)
				members[cv] = nil
			}
		}
	}

	var out []Cluster
	var chosen [][]int32 // witness units of each cluster in out
	for _, ms := range members {
		if ms == nil {
			continue
		}
		w := m.witnesses(ms)
		if len(w) < m.opts.MinArticles {
			continue
		}
		out = append(out, m.cluster(w))
		chosen = append(chosen, w)
	}
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return m.compareClusters(out[a], chosen[a], out[b], chosen[b]) })

	// The same statement found at two granularities (sentences in one
	// cluster, their clauses in another) is reported once: a cluster whose
	// witnesses overlap those of a cluster ranked before it in two or more
	// articles is dropped.
	var final []Cluster
	var taken [][]int32
	for _, i := range order {
		if m.overlapsTaken(chosen[i], taken) {
			continue
		}
		taken = append(taken, chosen[i])
		c := out[i]
		c.ID = len(final) + 1
		final = append(final, c)
	}
	return final
}

// profile returns the scoring profile of unit u, built on first use.
func (m *matcher) profile(u int32) *profile {
	if p := m.profiles[u]; p != nil {
		return p
	}
	un := m.units[u]
	p := m.scorer.profile(m.sents[un.sent].terms[un.lo:un.hi])
	m.profiles[u] = p
	return p
}

// sim returns the similarity of two units, memoised.
func (m *matcher) sim(u, v int32) float64 {
	if u > v {
		u, v = v, u
	}
	k := uint64(u)<<32 | uint64(v)
	if s, ok := m.sims[k]; ok {
		return s
	}
	s := m.scorer.score(m.profile(u), m.profile(v))
	m.sims[k] = s
	return s
}

// linkage is the mean, over pairs of documents one in a and one in b, of
// the best similarity between their spans (at most maxLinkSample spans of
// each cluster, the earliest to join, are compared): each document is
// judged by its best wording, as the witnesses will be. 0 when a and b share
// no pair of documents.
func (m *matcher) linkage(a, b []int32) float64 {
	a, b = a[:min(len(a), maxLinkSample)], b[:min(len(b), maxLinkSample)]
	best := make(map[[2]int]float64)
	for _, x := range a {
		for _, y := range b {
			dx, dy := m.units[x].doc, m.units[y].doc
			if dx == dy {
				continue
			}
			k := [2]int{dx, dy}
			best[k] = max(best[k], m.sim(x, y))
		}
	}
	if len(best) == 0 {
		return 0
	}
	var sum float64
	for _, s := range best {
		sum += s
	}
	return sum / float64(len(best))
}

// witnesses picks one unit per document of a cluster: the one whose best
// matches in the other documents are, on average, strongest; ties go to the
// shorter span, then the earlier. The result is in document order.
func (m *matcher) witnesses(ms []int32) []int32 {
	byDoc := make(map[int][]int32)
	for _, u := range ms {
		byDoc[m.units[u].doc] = append(byDoc[m.units[u].doc], u)
	}
	docs := make([]int, 0, len(byDoc))
	for d := range byDoc {
		docs = append(docs, d)
	}
	slices.Sort(docs)
	if len(docs) < 2 {
		return nil
	}
	out := make([]int32, 0, len(docs))
	for _, d := range docs {
		best, bestScore := int32(-1), -1.0
		for _, u := range byDoc[d] {
			var sum float64
			for _, d2 := range docs {
				if d2 == d {
					continue
				}
				mx := 0.0
				for _, v := range byDoc[d2][:min(len(byDoc[d2]), maxLinkSample)] {
					mx = max(mx, m.sim(u, v))
				}
				sum += mx
			}
			score := sum / float64(len(docs)-1)
			if best < 0 || score > bestScore+1e-12 ||
				(score > bestScore-1e-12 && m.spanLess(u, best)) {
				best, bestScore = u, score
			}
		}
		out = append(out, best)
	}
	return out
}

// spanLess orders units of one document: shorter first, then earlier.
func (m *matcher) spanLess(u, v int32) bool {
	a, b := m.units[u], m.units[v]
	if la, lb := a.end-a.start, b.end-b.start; la != lb {
		return la < lb
	}
	return a.start < b.start
}

func (m *matcher) cluster(w []int32) Cluster {
	c := Cluster{Kind: KindClause}
	for _, u := range w {
		un := m.units[u]
		d := m.docs[un.doc]
		c.Witnesses = append(c.Witnesses, Witness{
			Article: d.ID, Source: d.Source, Outlet: d.Outlet,
			Start: un.start, End: un.end, Text: d.Text[un.start:un.end],
		})
	}
	var sum float64
	n := 0
	for i := range w {
		for j := i + 1; j < len(w); j++ {
			sum += m.sim(w[i], w[j])
			n++
		}
	}
	if n > 0 {
		c.Similarity = sum / float64(n)
	}
	return c
}

func (m *matcher) compareClusters(a Cluster, wa []int32, b Cluster, wb []int32) int {
	if c := cmp.Compare(outlets(b), outlets(a)); c != 0 {
		return c
	}
	if c := cmp.Compare(len(b.Witnesses), len(a.Witnesses)); c != 0 {
		return c
	}
	ua, ub := m.units[wa[0]], m.units[wb[0]]
	if c := cmp.Compare(ua.doc, ub.doc); c != 0 {
		return c
	}
	if c := cmp.Compare(ua.start, ub.start); c != 0 {
		return c
	}
	if c := cmp.Compare(ua.end, ub.end); c != 0 {
		return c
	}
	return cmp.Compare(b.Similarity, a.Similarity)
}

// outlets counts the distinct outlets of a cluster's witnesses; an article
// with no outlet counts as its own.
func outlets(c Cluster) int {
	seen := make(map[string]bool, len(c.Witnesses))
	for _, w := range c.Witnesses {
		k := "o:" + w.Outlet
		if w.Outlet == "" {
			k = "a:" + w.Article
		}
		seen[k] = true
	}
	return len(seen)
}

func (m *matcher) overlapsTaken(w []int32, taken [][]int32) bool {
	for _, t := range taken {
		n := 0
		for _, u := range w {
			for _, v := range t {
				a, b := m.units[u], m.units[v]
				if a.doc == b.doc && a.start < b.end && b.start < a.end {
					n++
					break
				}
			}
		}
		if n >= 2 {
			return true
		}
	}
	return false
}
