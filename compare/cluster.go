package compare

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/variorum/variorum/corpus"
)

// DefaultMaxBucket is the most spans one LSH bucket may hold, and the most
// articles one exact wording may be repeated in, before it is taken for
// boilerplate and skipped.
const DefaultMaxBucket = 48

const (
	// linkFactor scales the threshold for joining clusters: the mean best
	// similarity between their articles must reach linkFactor*Threshold,
	// while every edge that starts a cluster reaches Threshold itself.
	linkFactor = 0.9
	// maxLinkSample bounds how many members of each cluster the linkage test
	// compares (the earliest to join, which joined on the strongest edges),
	// and maxLinkDocs how many articles of each member, so that merging
	// stays cheap when a story is carried hundreds of times.
	maxLinkSample = 8
	maxLinkDocs   = 4
	// maxDegree is how many candidate partners each distinct span keeps.
	maxDegree = 8
	// maxCompare bounds how many other articles witness selection and the
	// cluster's mean similarity look at.
	maxCompare = 32
)

// Clusters finds the statements that several articles carry, each in its
// own words. It splits every sentence, and every long sentence's clauses,
// into spans; merges spans whose folded words are identical (wire copies)
// into one class; finds candidate pairs of classes with MinHash-LSH over
// their folded content words; scores the candidates with a Scorer whose word
// weights come from the documents' sentences; and groups the pairs at or
// above opts.Threshold (more for short spans: pairThreshold; more again
// between articles that tell different stories, unless the spans give the
// same figures: see storyGap) by average
// linkage, so that a span joins a cluster only when it is, on average, about
// as similar as the threshold to the spans already there: statements that
// merely share a topic are not chained together. Each article gives a
// cluster one witness, its span most similar to the other articles'
// witnesses, and up to maxRestatements more where it words the same
// statement again elsewhere (see addRestatements).
//
// The result is deterministic and sorted by the number of distinct outlets
// (or articles, when outlets are unknown) that carry a statement, then by
// the number of articles, then by where its first witness appears in docs.
func Clusters(docs []corpus.Document, opts Options) []Cluster {
	opts = opts.withDefaults()
	opts.stage(StageSegment)
	return newMatcher(docs, opts).run()
}

// Find is what compare reports: QuoteClusters, then the Clusters that
// are not one of those quotes over again (Unquoted), with the documents
// tokenised once for both. Options.Stage hears Clusters' stages, then
// StageQuotes (FindStages in all). The quotes are clustered last, when
// only the word weights and the documents' story vectors are left of the
// clauses' state, so that the two stages' working sets never take memory
// at once.
func Find(docs []corpus.Document, opts Options) []Cluster {
	opts = opts.withDefaults()
	q := newQuoteMatcher(docs, opts)
	q.collect()
	opts.stage(StageSegment)
	m := newMatcher(docs, opts)
	clauses, scorer, stories := m.run(), m.scorer, m.stories // m is dead from here on
	opts.stage(StageQuotes)
	quotes := q.clusterWith(scorer, stories)
	return append(quotes, Unquoted(clauses, quotes)...)
}

// matcher holds the state of one Clusters run.
type matcher struct {
	docs    []corpus.Document
	opts    Options
	scorer  *Scorer
	sents   []sentence
	units   []unit
	classes []class
	classOf []int32 // unit → class
	// docUnits[d] is the first unit of document d; units of d run to
	// docUnits[d+1].
	docUnits []int32
	stories  []storyVector // by document
	memo     simMemo       // similarities of classes, computed once
	link     linkScratch   // links' scratch (agglomeration is sequential)
}

// class is a set of spans whose folded words are identical.
type class struct {
	units   []int32 // sorted
	docs    []int   // distinct, sorted
	profile *profile
}

// newMatcher tokenises the documents into sentences and their units, and
// weighs the words and the documents' story vectors.
func newMatcher(docs []corpus.Document, opts Options) *matcher {
	m := &matcher{docs: docs, opts: opts, scorer: NewScorer(nil, opts.Thesaurus)}
	m.memo = simMemo{m: m, own: make(map[uint64]float64)}
	// Tokenise and fold the documents and split them into units on all
	// cores, then count and number them in document order, into tables
	// made once at their final size (grown by appending, they were copied
	// over and over: a tenth of the time at 21,000 articles).
	perDoc := make([][]sentence, len(docs))
	docUnits := make([][]unit, len(docs))
	parallel(len(docs), func(di int) {
		d := docs[di]
		attrib := attributionsOf(d)
		for _, sp := range sentencesOf(d) {
			toks := Tokenize(d.Text[sp.Start:sp.End])
			for i := range toks {
				toks[i].Start += sp.Start
				toks[i].End += sp.Start
			}
			s := sentence{doc: di, start: sp.Start, end: sp.End, toks: toks, terms: m.scorer.terms(toks)}
			// u.sent counts the document's sentences here; the corpus's
			// number is added below.
			s.units(len(perDoc[di]), func(u unit) {
				if !u.clause || !attrib.creditOnly(u, &s) {
					docUnits[di] = append(docUnits[di], u)
				}
			})
			s.toks = nil // units hold offsets; only terms are needed now
			perDoc[di] = append(perDoc[di], s)
		}
	})
	nSents, nUnits := 0, 0
	for di := range perDoc {
		nSents += len(perDoc[di])
		nUnits += len(docUnits[di])
	}
	m.sents = make([]sentence, 0, nSents)
	m.units = make([]unit, 0, nUnits)
	m.docUnits = make([]int32, len(docs)+1)
	for di := range perDoc {
		m.docUnits[di] = int32(len(m.units))
		first := len(m.sents)
		for _, s := range perDoc[di] {
			m.scorer.Add(s.terms)
		}
		m.sents = append(m.sents, perDoc[di]...)
		for _, u := range docUnits[di] {
			u.sent += first
			m.units = append(m.units, u)
		}
		perDoc[di], docUnits[di] = nil, nil
	}
	m.docUnits[len(docs)] = int32(len(m.units))
	m.scorer.fixWeights()
	m.stories = storyVectors(m.sents, len(docs), m.scorer)
	return m
}

// attributions are a document's quotes (where each names its speaker and
// where its words are) and everything the quotes report.
type attributions struct {
	quotes   []attribution
	contents []corpus.Span
}

type attribution struct{ speaker, quote corpus.Span }

func attributionsOf(d corpus.Document) attributions {
	var a attributions
	for _, q := range d.Quotes {
		if q.SpeakerStart < q.SpeakerEnd {
			a.quotes = append(a.quotes, attribution{
				speaker: corpus.Span{Start: q.SpeakerStart, End: q.SpeakerEnd},
				quote:   corpus.Span{Start: q.Start, End: q.End},
			})
		}
		a.contents = append(a.contents, corpus.Span{Start: q.Start, End: q.End})
		a.contents = append(a.contents, q.Content...)
	}
	return a
}

// creditOnly reports whether clause u of sentence s only says who said
// something: it attributes a quote of the document (quoteCredit) or reads
// like an attribution (wordsCreditOnly). Such a clause would match every
// other article's attribution to the same channel or title, whatever was
// said, so it is no unit; the sentence around it still is.
func (a attributions) creditOnly(u unit, s *sentence) bool {
	return a.quoteCredit(u, s) || wordsCreditOnly(s.tokensIn(u.start, u.end))
}

// quoteCredit reports whether clause u of sentence s is only the
// attribution of a quote in s ("…," Zelensky wrote on Telegram.): it names
// the quote's speaker, holds none of what any quote reports, and has at
// most attributionTerms content words besides the speaker's (the channel,
// the audience, a date).
func (a attributions) quoteCredit(u unit, s *sentence) bool {
	if slices.ContainsFunc(a.contents, func(c corpus.Span) bool { return overlaps(c.Start, c.End, u.start, u.end) }) {
		return false
	}
	for _, q := range a.quotes {
		if !overlaps(q.speaker.Start, q.speaker.End, u.start, u.end) || !overlaps(q.quote.Start, q.quote.End, s.start, s.end) {
			continue
		}
		other := 0
		for _, t := range s.terms[u.lo:u.hi] {
			if tok := s.toks[t.tok]; !isStopword(t.stem) && !overlaps(q.speaker.Start, q.speaker.End, tok.Start, tok.End) {
				other++
			}
		}
		if other <= attributionTerms {
			return true
		}
	}
	return false
}

// attributionTerms is how many content words besides the speaker's an
// attribution clause may have ("told [BBC] [Radio] [4]'s [Today] [programme]").
const attributionTerms = 5

// wordsCreditOnly reports whether a clause, by its words alone, only credits
// what is said elsewhere: a speaker and a cue that ends the clause ("Lib
// Dem home affairs spokesman Mark Oaten said", "Tory leader Michael Howard
// has claimed."), or a speaker, "told" or "speaking" and an audience or
// channel ("the firm's chief has told BBC News.", "Speaking on BBC Radio
// 4"), each part at most creditWords words. A word that starts a statement
// of its own ("could", "was", "not", "what"…), a second cue ("It also said
// the Indian government had told it…") or a quotation mark after the first
// token rules it out.
func wordsCreditOnly(toks []Token) bool { return creditWith(toks, endCues) }

// creditWith is wordsCreditOnly with the cues that may end the clause.
func creditWith(toks []Token, ends map[string]bool) bool {
	// At most a speaker, a cue and an audience: most clauses are longer,
	// and are ruled out before anything else is looked at.
	var buf [2*creditWords + 1]Token
	ws := buf[:0]
	broken := false // a comma or dash between words
	for i, t := range toks {
		switch {
		case t.IsWord():
			if len(ws) == len(buf) {
				return false
			}
			ws = append(ws, t)
		case i > 0 && strings.ContainsAny(t.Text, "\"“”‘’'«»"):
			return false
		case len(ws) > 0 && (t.Text == "," || t.Text == "–" || t.Text == "—" || t.Text == "-"):
			broken = true
		}
	}
	plain := func(part []Token) bool {
		if n := len(part); n > 0 && auxiliaries[part[n-1].Norm] {
			part = part[:n-1] // "has told", "had said"
		}
		return len(part) <= creditWords && !slices.ContainsFunc(part, func(t Token) bool {
			return statementWords[t.Norm] || auxiliaries[t.Norm] || endCues[t.Norm] || tellCues[t.Norm]
		})
	}
	if k := slices.IndexFunc(ws, func(t Token) bool { return tellCues[t.Norm] }); k >= 0 {
		return plain(ws[:k]) && plain(ws[k+1:])
	}
	// Before a cue that ends the clause, a comma or dash ends what was
	// said ("thus flattering the December figures, analysts said.").
	n := len(ws)
	return n >= 2 && !broken && ends[ws[n-1].Norm] && plain(ws[:n-1])
}

const creditWords = 8

var (
	endCues = wordSet(`said says claimed claims added adds warned argued insisted explained
		stated noted wrote writes declared announced replied commented`)
	tellCues       = wordSet(`told speaking`)
	auxiliaries    = wordSet(`has have had`)
	statementWords = wordSet(`that would will is are was were be been being could should may
		might can must did do does not no never who what which when where why how because if`)
)

// unitTerms returns the content terms of a unit.
func (m *matcher) unitTerms(u int32) []term {
	un := m.units[u]
	return m.sents[un.sent].terms[un.lo:un.hi]
}

// overlaps reports whether [a0, a1) and [b0, b1) share a byte.
func overlaps(a0, a1, b0, b1 int) bool { return a0 < b1 && b0 < a1 }

// isWordTerm reports whether a term is a content word that is no number: a
// span of numbers alone ("(7-3) 6-3.", a table row) states nothing to
// compare, however many numbers it shares with another.
func isWordTerm(t term) bool { return !t.number && !isStopword(t.stem) }

// buildClasses keeps the units with enough candidate keys, and at least
// one word that is no number (isWordTerm), groups those
// with identical terms into classes, and returns the classes' signatures
// and key sets. Classes repeated in more than MaxBucket articles are
// boilerplate and dropped. Units are grouped first, in order; the keys of a
// class are found once, for its first unit, and stored end to end in one
// buffer; the signatures are computed on all cores.
func (m *matcher) buildClasses() ([]bands, [][]uint64) {
	const rejected = -1 // a hash whose terms have too few keys
	byHash := make(map[uint64]int32)
	var keys, buf []uint64
	var ends []int // ends[c] is where class c's keys end in buf
	m.classOf = make([]int32, len(m.units))
	m.classes = make([]class, 0, len(m.units)) // at most one a unit
	for u := range m.units {
		m.classOf[u] = -1
		ts := m.unitTerms(int32(u))
		k := uint64(fnvOffset) // the stems in order, from their hashes
		for _, t := range ts {
			k = mix(k ^ t.stemH)
		}
		c, ok := byHash[k]
		if !ok {
			keys = minhashKeys(ts, m.opts.Thesaurus, keys)
			if len(keys) < minUnitKeys || !slices.ContainsFunc(ts, isWordTerm) {
				byHash[k] = rejected
				continue
			}
			c = int32(len(m.classes))
			byHash[k] = c
			m.classes = append(m.classes, class{})
			buf = append(buf, keys...)
			ends = append(ends, len(buf))
		}
		if c == rejected {
			continue
		}
		cl := &m.classes[c]
		cl.units = append(cl.units, int32(u))
		if d := m.units[u].doc; len(cl.docs) == 0 || cl.docs[len(cl.docs)-1] != d {
			cl.docs = append(cl.docs, d)
		}
		m.classOf[u] = c
	}
	for c := range m.classes {
		if len(m.classes[c].docs) > m.opts.MaxBucket {
			for _, u := range m.classes[c].units {
				m.classOf[u] = -1
			}
			m.classes[c].units, m.classes[c].docs = nil, nil
		}
	}
	keySets := make([][]uint64, len(m.classes))
	for c := range keySets {
		lo := 0
		if c > 0 {
			lo = ends[c-1]
		}
		keySets[c] = buf[lo:ends[c]:ends[c]]
	}
	sigs := make([]bands, len(m.classes))
	parallel(len(sigs), func(c int) {
		sigs[c] = signature(keySets[c])
	})
	return sigs, keySets
}

// classDocs returns each class's document for candidatePairs: its only
// one, -1 when it has several, -2 when none (boilerplate dropped).
func (m *matcher) classDocs() []int32 {
	out := make([]int32, len(m.classes))
	for c, cl := range m.classes {
		switch len(cl.docs) {
		case 0:
			out[c] = -2
		case 1:
			out[c] = int32(cl.docs[0])
		default:
			out[c] = -1
		}
	}
	return out
}

func (m *matcher) run() []Cluster {
	m.opts.stage(StageGroup)
	sigs, keys := m.buildClasses()
	m.opts.stage(StageCandidates)
	pairs := candidatePairs(sigs, keys, m.classDocs(), m.opts.MaxBucket, maxDegree)
	sigs, keys = nil, nil

	type edge struct {
		u, v int32
		sim  float64
	}
	var edges []edge
	m.opts.stage(StageScore)
	for i, s := range m.scorePairs(pairs) {
		p := pairs[i]
		ca, cb := &m.classes[p.a], &m.classes[p.b]
		if t := m.threshold(ca.profile, cb.profile); s >= t && (s >= t+storyGap || sharedFigures(ca.profile, cb.profile) >= storyFigures || m.oneStory(ca, cb)) {
			m.memo.own[simKey(p.a, p.b)] = s
			edges = append(edges, edge{p.a, p.b, s})
		}
	}
	pairs = nil
	slices.SortFunc(edges, func(a, b edge) int {
		return cmp.Or(cmp.Compare(b.sim, a.sim), cmp.Compare(a.u, b.u), cmp.Compare(a.v, b.v))
	})

	// Average-linkage agglomeration of classes. A class repeated in several
	// articles starts as a cluster of its own; then the edges, strongest
	// first, join classes and clusters.
	m.opts.stage(StageCluster)
	clusterOf := make([]int32, len(m.classes))
	var members [][]int32
	for c := range m.classes {
		clusterOf[c] = -1
		if len(m.classes[c].docs) >= 2 {
			clusterOf[c] = int32(len(members))
			members = append(members, []int32{int32(c)})
		}
	}
	link := linkFactor * m.opts.Threshold
	// links looks at the first maxLinkSample members of each side, and
	// clusters only grow at their end, so a join that failed fails again
	// until a side with fewer members than that grows: such failures are
	// remembered rather than computed again for the next edge between the
	// same two.
	type tried struct{ a, b, na, nb int32 }
	failed := make(map[tried]bool)
	joins := func(a, b int32, as, bs []int32) bool {
		na, nb := int32(min(len(as), maxLinkSample)), int32(min(len(bs), maxLinkSample))
		k := tried{a, b, na, nb}
		if a > b {
			k = tried{b, a, nb, na}
		}
		if failed[k] {
			return false
		}
		if m.links(as, bs, link) {
			return true
		}
		failed[k] = true
		return false
	}
	for _, e := range edges {
		cu, cv := clusterOf[e.u], clusterOf[e.v]
		switch {
		case cu < 0 && cv < 0:
			clusterOf[e.u], clusterOf[e.v] = int32(len(members)), int32(len(members))
			members = append(members, []int32{e.u, e.v})
		case cu == cv:
		case cu < 0:
			if joins(-1-e.u, cv, []int32{e.u}, members[cv]) {
				clusterOf[e.u] = cv
				members[cv] = append(members[cv], e.u)
			}
		case cv < 0:
			if joins(-1-e.v, cu, []int32{e.v}, members[cu]) {
				clusterOf[e.v] = cu
				members[cu] = append(members[cu], e.v)
			}
		default:
			if joins(cu, cv, members[cu], members[cv]) {
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

	// Clusters hold disjoint classes, so their witnesses are picked on all
	// cores, each with its own memo over the shared one, which no one
	// writes meanwhile.
	m.opts.stage(StageWitnesses)
	type picked struct {
		c Cluster
		w []int32
	}
	picks := make([][]picked, len(members))
	parallel(len(members), func(i int) {
		if members[i] == nil {
			return
		}
		memo := simMemo{m: m, shared: m.memo.own}
		w := m.matchedWitnesses(m.witnesses(members[i], memo.sim), memo.sim)
		if len(w) < m.opts.MinArticles {
			return
		}
		picks[i] = append(picks[i], picked{m.cluster(w, memo.sim), w})
		// The witnesses may be a clause worded alike everywhere inside
		// sentences that differ ("would rise by 5%", "would increase by
		// 7%"): the sentences are a view of their own, which the dedupe
		// below keeps. (When the clauses differ, they show it themselves,
		// more sharply than the sentences would.)
		if !m.oneWording(w) {
			return
		}
		if wider := m.matchedWitnesses(m.containing(members[i], w, memo.sim), memo.sim); len(wider) >= m.opts.MinArticles {
			picks[i] = append(picks[i], picked{m.cluster(wider, memo.sim), wider})
		}
	})
	var out []Cluster
	var chosen [][]int32 // witness units of each cluster in out
	var narrowOf []int   // for a wider view, the index in out of its clauses; else -1
	for _, ps := range picks {
		for k, p := range ps {
			narrowOf = append(narrowOf, -1)
			if k > 0 {
				narrowOf[len(out)] = len(out) - k
			}
			out = append(out, p.c)
			chosen = append(chosen, p.w)
		}
	}
	picks = nil
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	// Sort keys, counted once: distinct outlets, then articles (one witness
	// each so far; restatements join after the sort).
	nOutlets := make([]int, len(out))
	for i := range out {
		nOutlets[i] = outlets(out[i])
	}
	// A wider view carried by as many outlets as its clauses ranks where
	// they do, just before them, so that they are dropped as its
	// duplicate; carried by fewer, it ranks on its own.
	rankAs := func(i int) (int, int) {
		if n := narrowOf[i]; n >= 0 && nOutlets[n] == nOutlets[i] {
			return n, 0
		}
		return i, 1
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if c := cmp.Compare(nOutlets[b], nOutlets[a]); c != 0 {
			return c
		}
		ka, wa := rankAs(a)
		kb, wb := rankAs(b)
		if ka == kb {
			return cmp.Compare(wa, wb)
		}
		return m.compareClusters(out[ka], chosen[ka], out[kb], chosen[kb])
	})

	// The same statement found at two granularities (sentences in one
	// cluster, their clauses in another) is reported once: a cluster whose
	// witnesses overlap those of one cluster ranked before it in two or more
	// articles is dropped. The sentences around a clause worded alike
	// everywhere are kept, though ranked after it (carried by fewer
	// outlets): they differ where the clause does not.
	type takenSpan struct {
		cluster    int // index in out
		start, end int
	}
	taken := make(map[int][]takenSpan)
	var final []Cluster
	var finalUnits [][]int32
	for _, i := range order {
		hits := make(map[int]int)
		dup := false
		for _, u := range chosen[i] {
			un := m.units[u]
			for _, t := range taken[un.doc] {
				if t.cluster != narrowOf[i] && overlaps(un.start, un.end, t.start, t.end) {
					hits[t.cluster]++
					if hits[t.cluster] >= 2 {
						dup = true
					}
				}
			}
		}
		if dup {
			continue
		}
		for _, u := range chosen[i] {
			un := m.units[u]
			taken[un.doc] = append(taken[un.doc], takenSpan{i, un.start, un.end})
		}
		c := out[i]
		c.ID = len(final) + 1
		final = append(final, c)
		finalUnits = append(finalUnits, chosen[i])
	}
	m.opts.stage(StageRestatements)
	m.addRestatements(final, finalUnits)
	return final
}

// sharesWords is a cheap test before scoring a restatement: the span has
// at least three distinct stems in family, and they are at least half of
// its distinct stems. Both are sorted stem hashes (profile.stemSorted).
func sharesWords(span, family []uint64) bool {
	shared := intersection(span, family)
	return shared >= 3 && 2*shared >= len(span)
}

// maxRestatements is how many more spans of one article a cluster may take
// besides the article's witness.
const maxRestatements = 2

// addRestatements gives each cluster the other places where its articles
// word the same statement again (a draft quoted early and paraphrased
// later; "any significant, intentional, and prolonged armed attack" beside
// "… armed assault"). A span joins when it is as similar as a cluster edge
// needs (pairThreshold) to its own article's witness (or to the sentence or
// a clause around it) and at least as similar as the linkage level to
// another article's witness, when it overlaps no witness of its article,
// and when it words the statement differently from the spans the article
// already gives the cluster (the same words printed twice are not a
// restatement); the strongest join first. LSH never pairs spans of one
// article, so these are scored here, an article at a time over the clusters
// it witnesses.
func (m *matcher) addRestatements(cs []Cluster, units [][]int32) {
	link := linkFactor * m.opts.Threshold
	type job struct {
		cluster int
		witness int32
	}
	byDoc := make(map[int][]job)
	for ci, w := range units {
		for _, wu := range w {
			d := m.units[wu].doc
			byDoc[d] = append(byDoc[d], job{ci, wu})
		}
	}
	docs := make([]int, 0, len(byDoc))
	for d := range byDoc {
		docs = append(docs, d)
	}
	slices.Sort(docs)
	// The articles are independent once the profiles of their classes are
	// built, so both run on all cores; what each article adds is joined in
	// article order.
	need := make([]bool, len(m.classes))
	for _, d := range docs {
		for u := m.docUnits[d]; u < m.docUnits[d+1]; u++ {
			if c := m.classOf[u]; c >= 0 {
				need[c] = true
			}
		}
	}
	m.buildProfiles(need)
	type extra struct {
		u   int32
		sim float64
	}
	type addition struct {
		cluster int
		units   []int32
	}
	perDoc := make([][]addition, len(docs))
	parallel(len(docs), func(di int) {
		d := docs[di]
		lo, hi := m.docUnits[d], m.docUnits[d+1]
		for _, jb := range byDoc[d] {
			w, wu := units[jb.cluster], jb.witness
			own := m.units[wu]
			// The witness and the sentence and clauses around it: a
			// restatement may echo the whole sentence better than the part
			// chosen to match the other articles.
			var family []int32
			var famIDs []uint64
			for u := lo; u < hi; u++ {
				if un := m.units[u]; m.classOf[u] >= 0 && overlaps(un.start, un.end, own.start, own.end) {
					family = append(family, m.classOf[u])
					famIDs = append(famIDs, m.profile(m.classOf[u]).stemSorted...)
				}
			}
			slices.Sort(famIDs)
			famIDs = slices.Compact(famIDs)
			var cands []extra
			for u := lo; u < hi; u++ {
				uc := m.classOf[u]
				// A restatement is another sentence: the other clauses of
				// the witness's own sentence say something else.
				if un := m.units[u]; uc < 0 || un.sent == own.sent || overlaps(un.start, un.end, own.start, own.end) {
					continue
				}
				// Nor is the same wording repeated (a caption, a quote
				// printed twice): it shows the reader nothing new.
				if slices.Contains(family, uc) {
					continue
				}
				if !sharesWords(m.profile(uc).stemSorted, famIDs) {
					continue
				}
				s := 0.0
				for _, fc := range family {
					pf, pu := m.profile(fc), m.profile(uc)
					th := m.threshold(pf, pu)
					if v := m.scorer.scoreAtLeast(pf, pu, th); v >= th {
						s = max(s, v)
					}
				}
				if s == 0 {
					continue
				}
				other, n := 0.0, 0
				for _, v := range w {
					if m.units[v].doc != d && n < maxCompare && other < link {
						other = max(other, m.scorer.scoreAtLeast(m.profile(uc), m.profile(m.classOf[v]), link))
						n++
					}
				}
				if other >= link {
					cands = append(cands, extra{u, s})
				}
			}
			slices.SortStableFunc(cands, func(a, b extra) int { return cmp.Compare(b.sim, a.sim) })
			taken := []int32{wu}
			for _, c := range cands {
				if len(taken) > maxRestatements {
					break
				}
				un := m.units[c.u]
				free := true
				for _, t := range taken {
					if tu := m.units[t]; overlaps(un.start, un.end, tu.start, tu.end) || m.classOf[t] == m.classOf[c.u] {
						free = false
						break
					}
				}
				if free {
					taken = append(taken, c.u)
				}
			}
			if len(taken) > 1 {
				perDoc[di] = append(perDoc[di], addition{jb.cluster, taken[1:]})
			}
		}
	})
	added := make(map[int][]int32)
	for _, as := range perDoc {
		for _, a := range as {
			added[a.cluster] = append(added[a.cluster], a.units...)
		}
	}
	for ci, add := range added {
		all := append(slices.Clone(units[ci]), add...)
		slices.SortFunc(all, func(a, b int32) int {
			ua, ub := m.units[a], m.units[b]
			if c := cmp.Compare(ua.doc, ub.doc); c != 0 {
				return c
			}
			return cmp.Compare(ua.start, ub.start)
		})
		c := m.cluster(all, m.memo.sim)
		c.ID = cs[ci].ID
		cs[ci] = c
	}
}

// scorePairs scores the candidate pairs on all available cores: first the
// profiles of the classes they name, then the pairs, each into its own slot
// so the result does not depend on scheduling. A pair sure to fall below
// the threshold may score 0.
func (m *matcher) scorePairs(pairs []candidate) []float64 {
	need := make([]bool, len(m.classes))
	for _, p := range pairs {
		need[p.a], need[p.b] = true, true
	}
	m.buildProfiles(need)
	out := make([]float64, len(pairs))
	parallel(len(pairs), func(i int) {
		a, b := m.classes[pairs[i].a].profile, m.classes[pairs[i].b].profile
		out[i] = m.scorer.scoreAtLeast(a, b, m.threshold(a, b))
	})
	return out
}

// buildProfiles builds the profiles of the classes marked in need on all
// cores, so that the goroutines that read them next never build one.
func (m *matcher) buildProfiles(need []bool) {
	parallel(len(m.classes), func(c int) {
		if need[c] {
			m.profile(int32(c))
		}
	})
}

// threshold is the similarity two spans need to start or join a cluster
// (pairThreshold of opts.Threshold).
// oneStory reports whether some article of a and some article of b (of
// the first maxStoryDocs of each) tell one story: their story vectors'
// cosine is at least storyMin.
func (m *matcher) oneStory(a, b *class) bool {
	for _, x := range a.docs[:min(len(a.docs), maxStoryDocs)] {
		for _, y := range b.docs[:min(len(b.docs), maxStoryDocs)] {
			if m.stories[x].cosine(m.stories[y]) >= storyMin {
				return true
			}
		}
	}
	return false
}

func (m *matcher) threshold(a, b *profile) float64 {
	return pairThreshold(m.opts.Threshold, a, b)
}

// parallel calls f(0..n-1) from one goroutine per core, in chunks.
func parallel(n int, f func(int)) {
	workers := max(1, runtime.GOMAXPROCS(0))
	chunk := max(1, min(1024, n/(8*workers)))
	var wg sync.WaitGroup
	var next atomic.Int64
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				lo := int(next.Add(int64(chunk))) - chunk
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+chunk, n); i++ {
					f(i)
				}
			}
		}()
	}
	wg.Wait()
}

// simKey is the memo key of a pair of classes, in either order.
func simKey(a, b int32) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(a)<<32 | uint64(b)
}

// simMemo memoises the similarities of classes in own. shared, when set,
// is another memo's, read and never written, so that goroutines working on
// disjoint classes can each keep their own over it while no one writes the
// shared one (the classes' profiles are built on first use).
type simMemo struct {
	m           *matcher
	shared, own map[uint64]float64
}

// known returns the similarity of two classes if it is already in the memo.
func (c *simMemo) known(a, b int32) (float64, bool) {
	if a == b {
		return 1, true
	}
	k := simKey(a, b)
	if s, ok := c.shared[k]; ok {
		return s, true
	}
	s, ok := c.own[k]
	return s, ok
}

// sim returns the similarity of two classes.
func (c *simMemo) sim(a, b int32) float64 {
	if a == b {
		return 1
	}
	k := simKey(a, b)
	if s, ok := c.shared[k]; ok {
		return s
	}
	if s, ok := c.own[k]; ok {
		return s
	}
	if c.own == nil {
		c.own = make(map[uint64]float64)
	}
	s := c.m.scorer.score(c.m.profile(a), c.m.profile(b))
	c.own[k] = s
	return s
}

// profile returns the scoring profile of a class, built on first use.
func (m *matcher) profile(c int32) *profile {
	cl := &m.classes[c]
	if cl.profile == nil {
		cl.profile = m.scorer.sharedProfile(m.unitTerms(cl.units[0]))
	}
	return cl.profile
}

// links reports whether the linkage of clusters a and b reaches level.
// The linkage is the mean, over pairs of documents one in a and one in b,
// of the best similarity between their spans: each document is judged by
// its best wording, as the witnesses will be. It looks at the first
// maxLinkSample classes of each cluster and maxLinkDocs documents of each
// class; it is 0 when a and b share no pair of documents.
//
// Only the similarities the answer needs are scored. Similarities lie in
// [0, 1], so the best known per pair of documents bounds the mean from
// below, and the same with 1 for each pair that still has unscored spans
// bounds it from above; scoring stops once either bound settles the answer.
// When it never does, the mean is summed in a fixed order, so the answer
// does not depend on which similarities earlier tests left in the memo.
func (m *matcher) links(a, b []int32, level float64) bool {
	a, b = a[:min(len(a), maxLinkSample)], b[:min(len(b), maxLinkSample)]
	l := &m.link
	l.cells, l.entries = l.cells[:0], l.entries[:0]
	for _, x := range a {
		for _, y := range b {
			dxs, dys := m.classes[x].docs, m.classes[y].docs
			dxs, dys = dxs[:min(len(dxs), maxLinkDocs)], dys[:min(len(dys), maxLinkDocs)]
			first := len(l.entries)
			for _, dx := range dxs {
				for _, dy := range dys {
					if dx != dy {
						l.entries = append(l.entries, linkEntry{int32(dx), int32(dy), 0})
					}
				}
			}
			if len(l.entries) > first {
				l.cells = append(l.cells, linkCell{x: x, y: y, lo: int32(first), hi: int32(len(l.entries))})
			}
		}
	}
	if len(l.entries) == 0 {
		return level <= 0 // no pair of documents: linkage 0
	}
	// Number the distinct pairs of documents in their sorted order.
	l.order = l.order[:0]
	for i := range l.entries {
		l.order = append(l.order, int32(i))
	}
	slices.SortFunc(l.order, func(i, j int32) int {
		p, q := l.entries[i], l.entries[j]
		return cmp.Or(cmp.Compare(p.a, q.a), cmp.Compare(p.b, q.b))
	})
	n := 0
	for k, i := range l.order {
		if k > 0 {
			if p := l.entries[l.order[k-1]]; p.a != l.entries[i].a || p.b != l.entries[i].b {
				n++
			}
		}
		l.entries[i].pair = int32(n)
	}
	n++
	l.best, l.open = slices.Grow(l.best[:0], n)[:n], slices.Grow(l.open[:0], n)[:n]
	clear(l.best)
	clear(l.open)
	// What the memo already knows; the rest is open.
	for ci := range l.cells {
		c := &l.cells[ci]
		s, ok := m.memo.known(c.x, c.y)
		c.sim, c.known = s, ok
		for _, e := range l.entries[c.lo:c.hi] {
			if ok {
				l.best[e.pair] = max(l.best[e.pair], s)
			} else {
				l.open[e.pair]++
			}
		}
	}
	var lower, upper float64
	for p := range n {
		lower += l.best[p]
		if l.open[p] > 0 {
			upper++
		} else {
			upper += l.best[p]
		}
	}
	const margin = 1e-9 // far above the bounds' rounding, far below any similarity's step
	goal := level * float64(n)
	for ci := range l.cells {
		c := &l.cells[ci]
		if c.known {
			continue
		}
		if lower >= goal+margin {
			return true
		}
		if upper < goal-margin {
			return false
		}
		c.sim, c.known = m.memo.sim(c.x, c.y), true
		for _, e := range l.entries[c.lo:c.hi] {
			p := e.pair
			old := l.best[p]
			l.best[p] = max(old, c.sim)
			lower += l.best[p] - old
			if l.open[p]--; l.open[p] == 0 {
				upper += l.best[p] - 1
			}
		}
	}
	// Every similarity is known: the mean, summed in document-pair order.
	var sum float64
	for p := range n {
		sum += l.best[p]
	}
	return sum/float64(n) >= level
}

// linkScratch is links' scratch space, reused from test to test (the
// agglomeration is sequential).
type linkScratch struct {
	cells   []linkCell
	entries []linkEntry
	order   []int32
	best    []float64 // per pair of documents: the best similarity known
	open    []int32   // per pair of documents: its cells not yet scored
}

// linkCell is a pair of classes in a linkage test, with its entries
// (entries[lo:hi]).
type linkCell struct {
	x, y   int32
	lo, hi int32
	sim    float64
	known  bool
}

// linkEntry is a pair of documents a cell covers, and the index of that
// pair among the test's distinct pairs of documents.
type linkEntry struct {
	a, b, pair int32
}

// witnesses picks one unit per document of a cluster of classes: the one
// whose best matches in (up to maxCompare) other documents are, on average,
// strongest; ties go to the shorter span, then the earlier. The result is in
// document order. sim gives the similarity of two classes.
func (m *matcher) witnesses(ms []int32, sim func(a, b int32) float64) []int32 {
	return m.pickWitnesses(ms, sim, nil)
}

// pickWitnesses is witnesses picking only units that can (all when can is
// nil), in the documents that have one; every unit of the others still
// counts as a match.
func (m *matcher) pickWitnesses(ms []int32, sim func(a, b int32) float64, can func(u int32) bool) []int32 {
	byDoc := make(map[int][]int32)
	for _, c := range ms {
		for _, u := range m.classes[c].units {
			byDoc[m.units[u].doc] = append(byDoc[m.units[u].doc], u)
		}
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
	for i, d := range docs {
		us := byDoc[d]
		if can == nil && len(us) == 1 {
			out = append(out, us[0]) // nothing to choose from
			continue
		}
		slices.Sort(us)
		best, bestScore := int32(-1), -1.0
		for _, u := range us {
			if can != nil && !can(u) {
				continue
			}
			var sum float64
			n := 0
			for j := 0; j < len(docs) && n < maxCompare; j++ {
				d2 := docs[(i+1+j)%len(docs)]
				if d2 == d {
					continue
				}
				mx := 0.0
				for _, v := range byDoc[d2] {
					mx = max(mx, sim(m.classOf[u], m.classOf[v]))
				}
				sum += mx
				n++
			}
			score := sum / float64(max(n, 1))
			if best < 0 || score > bestScore+1e-12 ||
				(score > bestScore-1e-12 && m.spanLess(u, best)) {
				best, bestScore = u, score
			}
		}
		if best >= 0 {
			out = append(out, best)
		}
	}
	return out
}

// oneWording reports whether the witnesses w are all one class: worded
// alike.
func (m *matcher) oneWording(w []int32) bool {
	for _, u := range w[1:] {
		if m.classOf[u] != m.classOf[w[0]] {
			return false
		}
	}
	return true
}

// containing picks the witnesses of the cluster of classes ms among the
// units that hold a witness in w and are longer, in the documents that have
// one: the sentences around the clauses w. It returns nil unless two
// documents or more have one.
func (m *matcher) containing(ms []int32, w []int32, sim func(a, b int32) float64) []int32 {
	in := make(map[int]unit, len(w))
	for _, u := range w {
		in[m.units[u].doc] = m.units[u]
	}
	wider := m.pickWitnesses(ms, sim, func(u int32) bool {
		un := m.units[u]
		x, ok := in[un.doc]
		return ok && un.start <= x.start && x.end <= un.end && un.end-un.start > x.end-x.start
	})
	if len(wider) < 2 {
		return nil
	}
	return wider
}

// matchedWitnesses drops the witnesses that match no other witness at the
// linkage level among the maxCompare before and after them in document
// order (around the end): a witness that matches another keeps it, the
// other keeps it too. Average linkage can bring in a class through a long
// span that holds this statement and another one; a document whose best
// wording is the other statement ("Tom Perez, the chairman of the
// Democratic Party" in a cluster of "Russia launched an all-out assault on
// our democracy") does not carry this one.
func (m *matcher) matchedWitnesses(w []int32, sim func(a, b int32) float64) []int32 {
	level := linkFactor * m.opts.Threshold
	n := len(w)
	out := w[:0:0]
	for i, u := range w {
		for k := 1; k <= min(maxCompare, n-1); k++ {
			if sim(m.classOf[u], m.classOf[w[(i+k)%n]]) >= level ||
				sim(m.classOf[u], m.classOf[w[(i-k+n)%n]]) >= level {
				out = append(out, u)
				break
			}
		}
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

// cluster builds the output cluster of witness units; its similarity is the
// mean over pairs of witnesses (each with up to maxCompare others), by sim.
func (m *matcher) cluster(w []int32, sim func(a, b int32) float64) Cluster {
	c := Cluster{Kind: KindClause}
	for _, u := range w {
		un := m.units[u]
		d := m.docs[un.doc]
		w := Witness{
			Article: d.ID, Source: d.Source, Outlet: d.Outlet,
			Start: un.start, End: un.end, Text: d.Text[un.start:un.end],
		}
		if un.creditEnd > un.creditStart {
			w.Credit = oneLine(d.Text[un.creditStart:un.creditEnd]) // a wrapped line joined
		}
		c.Witnesses = append(c.Witnesses, w)
	}
	var sum float64
	n := 0
	for i := range w {
		for j := i + 1; j < len(w) && j <= i+maxCompare; j++ {
			sum += sim(m.classOf[w[i]], m.classOf[w[j]])
			n++
		}
	}
	if n > 0 {
		c.Similarity = sum / float64(n)
	}
	return c
}

// compareClusters breaks ties between clusters carried by as many outlets:
// more articles first, then by where the first witness appears.
func (m *matcher) compareClusters(a Cluster, wa []int32, b Cluster, wb []int32) int {
	if c := cmp.Compare(len(wb), len(wa)); c != 0 {
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
