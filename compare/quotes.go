package compare

// Quote fidelity across outlets (issue 5).
//
// QuoteClusters pairs direct quotations of different articles that report the
// same words of the same source, and groups the pairs into clusters that
// Align then flags as quoted differently or confirmed. The method:
//
//  1. Each quote is read with its context: the sentence (or sentences) that
//     hold it, cut at the neighbouring quotes of the same sentence so that
//     two quotes of one sentence do not share all their context.
//  2. Quotes with the same folded words and the same folded context (wire
//     copies) form one class. Candidate pairs of classes share a content
//     word or a synonym group of the quoted words (an inverted index whose
//     over-full lists are skipped, so the cost stays about linear).
//  3. A pair is kept when the quoted words are similar (Similarity at or
//     above the threshold; not for quotes of one or two words, which are
//     often scare quotes), or when the contexts are similar and the quoted
//     words share a content word: "as a “major win” for President
//     Zelensky" and "as a “major achievement” for Ukraine". Quotes whose
//     speakers both resolve to different named people are never paired.
//  4. Pairs are grouped by star clustering (Aslam, Pelekhov and Rus, "The
//     star clustering algorithm for static and dynamic information
//     organization", JGAA 8(1), 2004), centres taken in order of their
//     summed pair scores: every member pairs with the centre, so two
//     different quotes are never chained through a third, and a quote joins
//     a centre only if no other quote of the centre's article suits it
//     better. Each article gives a cluster at most one witness.

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/variorum/variorum/corpus"
)

const (
	// quoteMinWords is the least number of words a quote needs to be paired
	// on its words alone; shorter quotes ("honest", "major win") are often
	// scare quotes and pair only through their contexts.
	quoteMinWords = 3
	// quoteContained is the least share of a quote's word weight that
	// another quote must hold for the first to count as a fragment of it
	// ("an act of unprecedented treachery" within "This constituted an act
	// of unprecedented treachery: …").
	quoteContained = 0.8
	// quoteCoverage is the share of the smaller quote's content words that
	// the other must hold, beyond which a pair on the words alone needs
	// more than one rare word in common: "back to war tomorrow" is not
	// "You have to go out and vote tomorrow".
	quoteCoverage = 0.5
	// quoteContextFloor is the least Similarity of two quotes' contexts for
	// any pair: the same words in unrelated sentences ("very good news",
	// "can be good") are not one quote.
	quoteContextFloor = 0.15
	// A context pair needs contexts at least quoteContextMin similar, the
	// words' and the contexts' Similarity to sum to quoteContextSum, and
	// either a short quote or contexts at least quoteContextLong similar:
	// two long quotes of one story that share a word but little else are
	// different quotes.
	quoteContextMin  = 0.2
	quoteContextSum  = 0.65
	quoteContextLong = 0.5
	// A short quote pairs through its context when the quotes share a
	// content word, their articles tell one story (cosine of their
	// IDF-weighted words at least quoteStoryMin) and the evidence of the
	// words, the contexts and the articles sums to quoteShortSum: "as a
	// “major win” for President Zelensky" and "as a “major achievement”
	// for Ukraine" share little but "major" and the story. Against a quote
	// more than quoteShortSpread words longer, a short quote must be a
	// fragment of it, its content words written there as they are: "real
	// solutions" is not "They're hungry for solutions", nor is
	// "denuclearize" "the permanent denuclearization of North Korea".
	quoteStoryMin    = 0.25
	quoteShortSum    = 0.95
	quoteShortSpread = 2
	// quoteStoryFloor is the least story similarity of the articles of any
	// pair but near-identical quotes (Similarity at least quoteSame):
	// "It’s more of a thought than a policy" and "he thought very highly of
	// me" come from different stories.
	quoteStoryFloor = 0.2
	quoteSame       = 0.9
	// quoteOtherSpeaker is the least Similarity of the words of a pair
	// whose one quote is credited to a named person and the other to
	// someone not named like them (otherSpeaker): below it, such pairs
	// were different statements of one story ("North Korea has agreed to
	// suspend all Nuclear Tests", Trump; "the North will shut down a
	// nuclear test site", the news agency; 0.49), while a source's words
	// that outlets credit differently scored 0.61 and more on NewsWCL50,
	// the seeds and BBC News.
	quoteOtherSpeaker = 0.6
	// quoteContextWeight weighs the context's similarity in a pair's score,
	// which orders the candidate centres and members: pairs on the quoted
	// words outrank pairs through the context.
	quoteContextWeight = 0.5
	// quoteBucketFactor scales Options.MaxBucket for the inverted index of
	// quoted words: a word quoted in more classes than that is no
	// candidate key.
	quoteBucketFactor = 4
	// quotePrefixMin is the least number of a quote's content words that
	// index it: a quote with more is indexed by its rarest three fifths.
	quotePrefixMin = 4
)

// quoteItem is one quote of one article, with its context.
type quoteItem struct {
	doc        int
	start, end int
	ctxStart   int
	ctxEnd     int
	person     string // the speaker when resolved to a named person
	speaker    string // the speaker as the article credits it, for the report
}

// quoteClass is a set of quotes with the same folded words and context.
type quoteClass struct {
	items []int // indexes into quoteMatcher.items, by document then offset
	docs  []int // distinct documents, sorted
	words int   // word tokens of the quote
	text  *profile
	ctx   *profile
	stems []string // distinct content stems of the quote, sorted
	// persons are the folded names of the named people its quotes are
	// credited to; speakers the folded words of every speaker as written
	// ("the ministry", "Treasury", "Lindqvist"), and unknown whether some
	// quote of the class has none.
	persons  [][]string
	speakers [][]string
	unknown  bool
}

// quoteEdge is a kept pair of classes.
type quoteEdge struct {
	to    int
	score float64
}

type quoteMatcher struct {
	docs    []corpus.Document
	opts    Options
	scorer  *Scorer
	items   []quoteItem
	classes []quoteClass
	classOf []int         // by item
	adj     [][]quoteEdge // by class, sorted by target
	stories []storyVector // by document (newMatcher)
}

// QuoteClusters finds the direct quotations that different articles report
// from the same source: quotes whose words overlap but differ (Align flags
// the cluster StatusQuotedDifferently) or agree word for word
// (StatusConfirmed). Each witness is the quote itself, the words inside the
// quotation marks as docs' Quotes give them. Speakers are used leniently,
// since attribution is imperfect: only quotes whose speakers both resolve to
// PERSON entities of different people are kept apart.
//
// Clusters have Kind KindQuote and at least opts.MinArticles articles; they
// are sorted like those of Clusters (by distinct outlets, then articles,
// then where the first witness appears in docs) and numbered from 1. The
// result depends only on the inputs; quotes with offsets outside their
// article are ignored.
func QuoteClusters(docs []corpus.Document, opts Options) []Cluster {
	opts = opts.withDefaults()
	q := newQuoteMatcher(docs, opts)
	q.collect()
	if len(q.items) < 2 {
		return nil
	}
	m := newMatcher(docs, opts)
	return q.clusterWith(m.scorer, m.stories)
}

// clusterWith clusters the collected quotes, with the word weights of s and
// the documents' story vectors, both from newMatcher.
func (m *quoteMatcher) clusterWith(s *Scorer, stories []storyVector) []Cluster {
	if len(m.items) < 2 {
		return nil
	}
	m.scorer, m.stories = s, stories
	m.buildClasses()
	m.pair()
	return m.cluster()
}

func newQuoteMatcher(docs []corpus.Document, opts Options) *quoteMatcher {
	return &quoteMatcher{docs: docs, opts: opts.withDefaults()}
}

// collect reads every valid quote with its context.
func (m *quoteMatcher) collect() {
	for di, d := range m.docs {
		qs := make([]corpus.Quote, 0, len(d.Quotes))
		for _, q := range d.Quotes {
			if q.Start >= 0 && q.Start < q.End && q.End <= len(d.Text) && hasWord(d.Text[q.Start:q.End]) {
				qs = append(qs, q)
			}
		}
		if len(qs) == 0 {
			continue
		}
		slices.SortStableFunc(qs, func(a, b corpus.Quote) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
		})
		sents := sentencesOf(d)
		people := personNames(d)
		for i, q := range qs {
			if i > 0 && q.Start == qs[i-1].Start && q.End == qs[i-1].End {
				continue
			}
			cs, ce := quoteContext(sents, q.Start, q.End)
			// Cut the context at the quotes before and after in the
			// same sentence.
			for j := i - 1; j >= 0; j-- {
				if e := qs[j].End; e <= q.Start && e > cs {
					cs = e
					break
				}
			}
			for j := i + 1; j < len(qs); j++ {
				if s := qs[j].Start; s >= q.End && s < ce {
					ce = s
					break
				}
			}
			m.items = append(m.items, quoteItem{
				doc: di, start: q.Start, end: q.End, ctxStart: cs, ctxEnd: ce,
				person: speakerPerson(d, people, q), speaker: strings.TrimSpace(q.Speaker),
			})
		}
	}
}

// quoteContext returns the span of the sentences overlapping [s, e), or
// [s, e) itself when none does.
func quoteContext(sents []corpus.Span, s, e int) (int, int) {
	cs, ce := s, e
	i, _ := slices.BinarySearchFunc(sents, s, func(x corpus.Span, s int) int {
		if x.End <= s {
			return -1
		}
		return 1
	})
	for ; i < len(sents) && sents[i].Start < e; i++ {
		if sents[i].End > s {
			cs, ce = min(cs, sents[i].Start), max(ce, sents[i].End)
		}
	}
	return cs, ce
}

func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// buildClasses groups identical quotes (same folded words in the same folded
// context) and prepares each class for scoring.
func (m *quoteMatcher) buildClasses() {
	type prepared struct {
		key       string
		text, ctx []term
		words     int
	}
	prep := make([]prepared, len(m.items))
	parallel(len(m.items), func(i int) {
		it := m.items[i]
		text := m.docs[it.doc].Text
		qt := Tokenize(text[it.start:it.end])
		ct := Tokenize(text[it.ctxStart:it.ctxEnd])
		p := prepared{key: foldedKey(qt) + "\x00" + foldedKey(ct), text: termsOf(qt), ctx: termsOf(ct)}
		for _, t := range qt {
			if t.IsWord() {
				p.words++
			}
		}
		prep[i] = p
	})
	byKey := make(map[string]int)
	m.classOf = make([]int, len(m.items))
	for i := range m.items {
		c, ok := byKey[prep[i].key]
		if !ok {
			c = len(m.classes)
			byKey[prep[i].key] = c
			m.classes = append(m.classes, quoteClass{words: prep[i].words})
		}
		m.classOf[i] = c
		cl := &m.classes[c]
		cl.items = append(cl.items, i)
		if d := m.items[i].doc; len(cl.docs) == 0 || cl.docs[len(cl.docs)-1] != d {
			cl.docs = append(cl.docs, d) // items come in document order
		}
	}
	parallel(len(m.classes), func(c int) {
		cl := &m.classes[c]
		p := prep[cl.items[0]]
		cl.text = m.scorer.profile(p.text)
		cl.ctx = m.scorer.profile(p.ctx)
		for _, t := range cl.text.terms {
			if !isStopword(t.stem) {
				cl.stems = append(cl.stems, t.stem)
			}
		}
		slices.Sort(cl.stems)
		cl.stems = slices.Compact(cl.stems)
		for _, i := range cl.items {
			if p := m.items[i].person; p != "" {
				cl.persons = append(cl.persons, nameWords(p))
			}
			if sp := nameWords(m.items[i].speaker); len(sp) > 0 {
				cl.speakers = append(cl.speakers, sp)
			} else {
				cl.unknown = true
			}
		}
	})
}

// foldedKey joins the folded forms of tokens.
func foldedKey(ts []Token) string {
	var b strings.Builder
	for _, t := range ts {
		b.WriteString(t.Norm)
		b.WriteByte(' ')
	}
	return b.String()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}

// pair finds the candidate pairs through an inverted index of quoted words
// and keeps those that report the same words of the same source. Each class
// is indexed by its rarer content words only (prefix filtering, as in
// Bayardo, Ma and Srikant, "Scaling up all pairs similarity search", WWW
// 2007): the commonest two fifths of a long quote's words would bring many
// candidates and few pairs. Words in more than quoteBucketFactor ×
// MaxBucket classes are no keys at all.
func (m *quoteMatcher) pair() {
	df := make(map[string]int)
	for _, cl := range m.classes {
		for _, st := range cl.stems {
			df[st]++
		}
	}
	postings := make(map[string][]int)
	for c, cl := range m.classes {
		stems := slices.Clone(cl.stems)
		slices.SortFunc(stems, func(x, y string) int { return cmp.Or(cmp.Compare(df[x], df[y]), strings.Compare(x, y)) })
		stems = stems[:min(len(stems), max(quotePrefixMin, len(stems)*3/5+1))]
		var keys []string
		for _, t := range cl.text.terms {
			if !slices.Contains(stems, t.stem) {
				continue
			}
			keys = append(keys, "w"+t.stem)
			for _, g := range m.scorer.thes.core(m.scorer.thes.list(t.syn)) {
				keys = append(keys, "g"+itoa(int(g)))
			}
		}
		slices.Sort(keys)
		for _, k := range slices.Compact(keys) {
			postings[k] = append(postings[k], c)
		}
	}
	keys := make([]string, 0, len(postings))
	for k := range postings {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	limit := quoteBucketFactor * m.opts.MaxBucket
	seen := make(map[[2]int]bool)
	var cands [][2]int
	for _, k := range keys {
		ps := postings[k]
		if len(ps) < 2 || len(ps) > limit {
			continue
		}
		for i, a := range ps {
			for _, b := range ps[i+1:] {
				if !seen[[2]int{a, b}] {
					seen[[2]int{a, b}] = true
					cands = append(cands, [2]int{a, b})
				}
			}
		}
	}
	// The candidates are scored on all cores, each into its own slot, and
	// joined in the order they were found.
	type scored struct {
		s  float64
		ok bool
	}
	out := make([]scored, len(cands))
	parallel(len(cands), func(i int) {
		s, ok := m.score(cands[i][0], cands[i][1])
		out[i] = scored{s, ok}
	})
	m.adj = make([][]quoteEdge, len(m.classes))
	for i, c := range cands {
		if a, b := c[0], c[1]; out[i].ok {
			m.adj[a] = append(m.adj[a], quoteEdge{b, out[i].s})
			m.adj[b] = append(m.adj[b], quoteEdge{a, out[i].s})
		}
	}
	for _, es := range m.adj {
		slices.SortFunc(es, func(x, y quoteEdge) int { return cmp.Compare(x.to, y.to) })
	}
}

// score decides whether two classes report the same quote and scores the
// pair: the quoted words' Similarity plus quoteContextWeight times the
// contexts'.
func (m *quoteMatcher) score(a, b int) (float64, bool) {
	ca, cb := &m.classes[a], &m.classes[b]
	if !apartDocs(ca.docs, cb.docs) || !speakersAgree(ca, cb) {
		return 0, false
	}
	short := ca.words < quoteMinWords || cb.words < quoteMinWords
	story := m.story(ca.docs[0], cb.docs[0])
	if story < quoteStoryFloor {
		// Only near-identical long quotes pair across stories: their
		// word weights must be about the same to score quoteSame.
		ta, tb := ca.text.total, cb.text.total
		if short || 2*min(ta, tb) < quoteSame*(ta+tb) {
			return 0, false
		}
	}
	text := m.scorer.score(ca.text, cb.text)
	if story < quoteStoryFloor && text < quoteSame {
		return 0, false
	}
	// Words credited to a named person on one side and to someone else on
	// the other are one quote only if they are much alike.
	apart := otherSpeaker(ca, cb)
	other := apart && text < quoteOtherSpeaker
	onWords := !short && !other && text >= m.opts.Threshold && m.coverage(ca, cb) > quoteCoverage
	// A fragment credited apart must be written as it is: "housing market
	// fundamentals remain strong" (a bank) is no excerpt of "Sound housing
	// market fundamentals will continue to underpin the market" (an
	// economist).
	fragment := !short && !onWords && m.contained(ca, cb) && (!apart || verbatimIn(ca, cb))
	if !onWords && !fragment && !sharesStem(ca.stems, cb.stems) {
		return 0, false
	}
	ctx := m.scorer.score(ca.ctx, cb.ctx)
	var ok bool
	switch {
	case ctx < quoteContextFloor:
	case onWords:
		ok = true
	case fragment:
		ok = ctx >= quoteContextMin
	case short:
		// A short quote set against a longer one must be a fragment of it;
		// so must one credited apart (otherSpeaker): "torture evidence",
		// Amnesty, is not "tortured and abused", a lawyer.
		fits := verbatimIn(ca, cb) || !apart && abs(ca.words-cb.words) <= quoteShortSpread
		ok = fits && story >= quoteStoryMin && text+ctx+story >= quoteShortSum
	default:
		ok = !other && ctx >= quoteContextLong && text+ctx >= quoteContextSum
	}
	if !ok {
		return 0, false
	}
	return text + quoteContextWeight*ctx, true
}

// story returns the cosine similarity of two documents' story vectors:
// how far they tell one story.
func (m *quoteMatcher) story(a, b int) float64 { return m.stories[a].cosine(m.stories[b]) }

// contained reports whether the words of one quote, with at least
// quoteMinWords content words, are nearly all in the other.
func (m *quoteMatcher) contained(a, b *quoteClass) bool {
	in := func(x, y *quoteClass) bool {
		if len(x.stems) < quoteMinWords || x.text.total == 0 {
			return false
		}
		w, _ := m.scorer.matched(x.text, y.text)
		return w >= quoteContained*x.text.total && m.compactIn(x, y)
	}
	return in(a, b) || in(b, a)
}

// compactIn reports whether the content words of quote x that quote y
// writes too stand close together somewhere in y: within twice x's length
// and a few words more. Words scattered over a long quote ("support" …
// "the freedom of information regime" across a sentence about guidance)
// are not an excerpt of it.
func (m *quoteMatcher) compactIn(x, y *quoteClass) bool {
	want := make(map[string]bool)
	for _, st := range x.stems {
		if _, ok := slices.BinarySearch(y.stems, st); ok {
			want[st] = true
		}
	}
	if len(want) < 2 {
		return true
	}
	it := m.items[y.items[0]]
	ts := termsOf(Tokenize(m.docs[it.doc].Text[it.start:it.end]))
	// The shortest run of y's terms holding every wanted stem.
	count := make(map[string]int, len(want))
	have, l := 0, 0
	for r := range ts {
		if !want[ts[r].stem] {
			continue
		}
		if count[ts[r].stem]++; count[ts[r].stem] == 1 {
			have++
		}
		for have == len(want) {
			if int(ts[r].tok-ts[l].tok) < 2*x.words+4 {
				return true
			}
			if st := ts[l].stem; want[st] {
				if count[st]--; count[st] == 0 {
					have--
				}
			}
			l++
		}
	}
	return false
}

// apartDocs reports whether two sorted document lists name more than one
// document between them.
func apartDocs(a, b []int) bool {
	return len(a) > 1 || len(b) > 1 || a[0] != b[0]
}

// coverage returns the share of the content words of the quote with fewer
// of them that have a counterpart in the other: the same stem, a synonym or
// a near spelling of a name.
func (m *quoteMatcher) coverage(a, b *quoteClass) float64 {
	if len(a.stems) > len(b.stems) {
		a, b = b, a
	}
	n, found := 0, 0
	for i, t := range a.text.terms {
		if isStopword(t.stem) {
			continue
		}
		n++
		if m.scorer.credit(a.text, i, b.text) >= synonymCredit {
			found++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(found) / float64(n)
}

// verbatimIn reports whether every content word of the quote with fewer
// words is written in the other as it is (folded: case, quote style and
// spelling aside).
func verbatimIn(a, b *quoteClass) bool {
	if a.words > b.words {
		a, b = b, a
	}
	n := 0
	for _, t := range a.text.terms {
		if isStopword(t.stem) {
			continue
		}
		n++
		if _, ok := slices.BinarySearch(b.text.surfSorted, t.surfH); !ok {
			return false
		}
	}
	return n > 0
}

func sharesStem(a, b []string) bool {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// speakersAgree reports whether the quotes of two classes may come from one
// source: false only when both name people and no two of them are the
// same person.
func speakersAgree(a, b *quoteClass) bool {
	if len(a.persons) == 0 || len(b.persons) == 0 {
		return true
	}
	for _, x := range a.persons {
		for _, y := range b.persons {
			if sameName(x, y) {
				return true
			}
		}
	}
	return false
}

// otherSpeaker reports whether one class's quotes are credited to a named
// person and every quote of the other to a speaker not named like them: an
// institution, another person, a description ("Treasury" or "a Honda
// spokesman" against Michael Howard or Toshihiko Horiuchi).
func otherSpeaker(a, b *quoteClass) bool {
	apart := func(x, y *quoteClass) bool {
		if len(x.persons) == 0 || y.unknown || len(y.speakers) == 0 {
			return false
		}
		for _, p := range x.persons {
			for _, sp := range y.speakers {
				if sameName(p, sp) || slices.Contains(sp, p[len(p)-1]) {
					return false // "Lindqvist", "Tory MP Michael Mates"
				}
			}
		}
		return true
	}
	return apart(a, b) || apart(b, a)
}

// speakerPerson returns the named person a quote is credited to: the PERSON
// entity under its speaker mention, or its resolved speaker when that names
// one of people (the folded names of the document's PERSON entities); ""
// when the speaker is unknown or not a person (an institution, "the draft",
// an outlet).
func speakerPerson(d corpus.Document, people [][]string, q corpus.Quote) string {
	if q.SpeakerStart < q.SpeakerEnd {
		for _, e := range d.Entities {
			if e.Label == corpus.Person && overlaps(e.Start, e.End, q.SpeakerStart, q.SpeakerEnd) {
				return entityName(e)
			}
		}
	}
	sp := nameWords(q.Speaker)
	if len(sp) == 0 {
		return ""
	}
	for _, p := range people {
		if sameName(sp, p) {
			// "Trump" names the person "Donald Trump"; keep the name as
			// given, which samePerson matches as leniently.
			return strings.TrimSpace(q.Speaker)
		}
	}
	return ""
}

// personNames returns the distinct folded names of a document's PERSON
// entities, as written and canonical.
func personNames(d corpus.Document) [][]string {
	seen := make(map[string]bool)
	var out [][]string
	for _, e := range d.Entities {
		if e.Label != corpus.Person {
			continue
		}
		for _, n := range []string{e.Canonical, e.Text} {
			if w := nameWords(n); len(w) > 0 && !seen[strings.Join(w, " ")] {
				seen[strings.Join(w, " ")] = true
				out = append(out, w)
			}
		}
	}
	return out
}

func entityName(e corpus.Entity) string {
	if e.Canonical != "" {
		return e.Canonical
	}
	return e.Text
}

// samePerson reports whether two names may name one person: the same name,
// a surname alone against a full name with that surname, or two full names
// with the same first name and surname; surnames may differ by a letter or
// two ("Zelensky"/"Zelenskyy").
func samePerson(a, b string) bool {
	return sameName(nameWords(a), nameWords(b))
}

// sameName is samePerson over the folded words of the names.
func sameName(fa, fb []string) bool {
	if len(fa) == 0 || len(fb) == 0 {
		return false
	}
	if slices.Equal(fa, fb) {
		return true
	}
	la, lb := fa[len(fa)-1], fb[len(fb)-1]
	if la != lb && !nearSpelling(la, lb) {
		return false
	}
	if len(fa) == 1 || len(fb) == 1 {
		return true
	}
	x, y := fa[0], fb[0]
	return x == y || (len(x) == 1 || len(y) == 1) && x[0] == y[0] // "D. Trump"
}

// nameWords returns the folded words of a name, without initials' dots.
func nameWords(s string) []string {
	var out []string
	for _, t := range Tokenize(s) {
		if t.IsWord() {
			out = append(out, strings.TrimSuffix(strings.ToLower(t.Norm), "."))
		}
	}
	return out
}

// cluster groups the kept pairs by star clustering and builds the clusters.
func (m *quoteMatcher) cluster() []Cluster {
	strength := make([]float64, len(m.classes))
	for c, cl := range m.classes {
		// Each other article counts once, by its best pair.
		best := make(map[int]float64)
		for _, e := range m.adj[c] {
			for _, d := range m.classes[e.to].docs {
				best[d] = max(best[d], e.score)
			}
		}
		for _, d := range cl.docs {
			delete(best, d)
		}
		ds := make([]int, 0, len(best))
		for d := range best {
			ds = append(ds, d)
		}
		slices.Sort(ds) // a fixed order of summing
		s := float64(len(cl.docs)-1) * (1 + quoteContextWeight)
		for _, d := range ds {
			s += best[d]
		}
		strength[c] = s
	}
	order := make([]int, len(m.classes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if c := cmp.Compare(strength[b], strength[a]); c != 0 {
			return c
		}
		return m.itemCompare(m.classes[a].items[0], m.classes[b].items[0])
	})

	taken := make([]bool, len(m.classes))
	var out []Cluster
	var first []int // first witness item of each cluster in out
	for _, c := range order {
		if taken[c] || strength[c] == 0 {
			continue
		}
		taken[c] = true
		ws := m.star(c, taken)
		if len(ws) < m.opts.MinArticles {
			continue
		}
		out = append(out, m.newCluster(ws))
		first = append(first, ws[0])
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		x, y := out[a], out[b]
		if c := cmp.Compare(outlets(y), outlets(x)); c != 0 {
			return c
		}
		if c := cmp.Compare(len(y.Witnesses), len(x.Witnesses)); c != 0 {
			return c
		}
		return m.itemCompare(first[a], first[b])
	})
	sorted := make([]Cluster, len(out))
	for r, i := range idx {
		sorted[r] = out[i]
		sorted[r].ID = r + 1
	}
	return sorted
}

// star gathers the cluster around centre c: its own quotes and then, best
// pair first, quotes of untaken neighbour classes from articles not yet in
// the cluster that pair with every class already there (so the cluster is
// a clique of pairs) and for which no class of c's articles is a better
// partner. It marks the classes it uses as taken and returns the witness
// items in document order.
func (m *quoteMatcher) star(c int, taken []bool) []int {
	type option struct {
		item  int
		score float64
	}
	var opts []option
	for _, e := range m.adj[c] {
		if taken[e.to] || !m.bestFor(e.to, c, e.score) {
			continue
		}
		for _, i := range m.classes[e.to].items {
			opts = append(opts, option{i, e.score})
		}
	}
	slices.SortFunc(opts, func(x, y option) int {
		return cmp.Or(cmp.Compare(y.score, x.score), m.itemCompare(x.item, y.item))
	})
	inDoc := make(map[int]bool)
	classes := []int{c}
	var ws []int
	for _, i := range m.classes[c].items {
		if d := m.items[i].doc; !inDoc[d] {
			inDoc[d] = true
			ws = append(ws, i)
		}
	}
	for _, o := range opts {
		d, k := m.items[o.item].doc, m.classOf[o.item]
		if inDoc[d] || !m.pairsAll(k, classes) {
			continue
		}
		inDoc[d] = true
		ws = append(ws, o.item)
		if !slices.Contains(classes, k) {
			classes = append(classes, k)
		}
	}
	if len(ws) < m.opts.MinArticles {
		return ws
	}
	for _, k := range classes {
		taken[k] = true
	}
	slices.SortFunc(ws, m.itemCompare)
	return ws
}

// pairsAll reports whether class k is, or pairs with, each of classes.
func (m *quoteMatcher) pairsAll(k int, classes []int) bool {
	for _, c := range classes {
		if c == k {
			continue
		}
		if _, ok := slices.BinarySearchFunc(m.adj[k], c, func(e quoteEdge, c int) int { return cmp.Compare(e.to, c) }); !ok {
			return false
		}
	}
	return true
}

// bestFor reports whether no class sharing an article with centre c pairs
// better with class j than c does (score s).
func (m *quoteMatcher) bestFor(j, c int, s float64) bool {
	cd := m.classes[c].docs
	for _, e := range m.adj[j] {
		if e.to == c || e.score <= s {
			continue
		}
		for _, d := range m.classes[e.to].docs {
			if _, ok := slices.BinarySearch(cd, d); ok {
				return false
			}
		}
	}
	return true
}

func (m *quoteMatcher) itemCompare(a, b int) int {
	x, y := m.items[a], m.items[b]
	return cmp.Or(cmp.Compare(x.doc, y.doc), cmp.Compare(x.start, y.start), cmp.Compare(x.end, y.end))
}

// newCluster builds the cluster of witness items; its similarity is the mean
// Similarity of the quoted words over pairs of witnesses.
func (m *quoteMatcher) newCluster(ws []int) Cluster {
	c := Cluster{Kind: KindQuote}
	for _, i := range ws {
		it := m.items[i]
		d := m.docs[it.doc]
		c.Witnesses = append(c.Witnesses, Witness{
			Article: d.ID, Source: d.Source, Outlet: d.Outlet,
			Start: it.start, End: it.end, Text: d.Text[it.start:it.end], Speaker: it.speaker,
		})
	}
	var sum float64
	n := 0
	for x := range ws {
		for y := x + 1; y < len(ws) && y <= x+maxCompare; y++ {
			sum += m.scorer.score(m.classes[m.classOf[ws[x]]].text, m.classes[m.classOf[ws[y]]].text)
			n++
		}
	}
	if n > 0 {
		c.Similarity = sum / float64(n)
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Unquoted returns the clusters of clauses that are not a quote cluster
// shown again: a clause cluster is left out when every one of its
// witnesses overlaps a witness, in the same article, of one quote cluster
// (the quote's words found again as a sentence or clause). A clause
// cluster that also holds a wording outside that quote, or an article
// the quote cluster lacks, says more than the quote and is kept. Both
// lists are as Clusters and QuoteClusters return them; the order of
// clauses is kept.
func Unquoted(clauses, quotes []Cluster) []Cluster {
	// The quotes' witnesses by article, each with its cluster.
	type span struct{ cluster, start, end int }
	byArticle := make(map[string][]span)
	for i, q := range quotes {
		for _, w := range q.Witnesses {
			byArticle[w.Article] = append(byArticle[w.Article], span{i, w.Start, w.End})
		}
	}
	overlaps := func(w Witness, cluster int) bool {
		return slices.ContainsFunc(byArticle[w.Article], func(s span) bool {
			return s.cluster == cluster && w.Start < s.end && s.start < w.End
		})
	}
	// A quote cluster that shows every witness shows the first.
	shown := func(c Cluster) bool {
		w0 := c.Witnesses[0]
		for _, s := range byArticle[w0.Article] {
			if w0.Start < s.end && s.start < w0.End &&
				!slices.ContainsFunc(c.Witnesses[1:], func(w Witness) bool { return !overlaps(w, s.cluster) }) {
				return true
			}
		}
		return false
	}
	var out []Cluster
	for _, c := range clauses {
		if len(c.Witnesses) == 0 || !shown(c) {
			out = append(out, c)
		}
	}
	return out
}
