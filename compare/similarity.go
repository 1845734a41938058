package compare

import (
	"cmp"
	_ "embed"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	snowball "github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
)

// DefaultThreshold is the Similarity at or above which Clusters treats two
// spans as variants of one statement. Tuned on MSRP train (see the evaluation
// tests): there, pairs at or above it are paraphrases with recall ≥ 0.9.
const DefaultThreshold = 0.44

// Similarity scores how far two texts say the same thing, from 0 (no content
// word shared) to 1 (the same content words once case, quotes, dashes, US/UK
// spelling, number words, inflection and the built-in synonyms are folded).
// With no corpus to learn from, function words weigh little and other words
// by how common they are in everyday English; a Scorer built over a corpus
// weighs rare words over common ones by that corpus too.
func Similarity(a, b string) float64 {
	return fallbackScorer().Similarity(a, b)
}

// fallbackScorer is built on first use: the default thesaurus it needs
// parses the WordNet table, which commands that never compare (search,
// ingest) should not pay for at start-up.
var fallbackScorer = sync.OnceValue(func() *Scorer { return NewScorer(nil, nil) })

// Scorer scores the similarity of texts, weighing each word by how rare it
// is in a corpus (squared inverse document frequency) and crediting
// synonyms, number words and variant spellings of names.
//
// The score is the F1 of two weighted soft matchings: each content word of
// one text is matched to its best counterpart in the other (1 for the same
// stem or compound, synonymCredit for a synonym of the thesaurus's core
// groups, broadSynonymCredit for one only WordNet pairs, nameCredit for a
// near spelling of a capitalised name), precision and recall are the matched
// shares of each text's word weight, and each number one text gives that the
// other lacks (up to maxNumberMisses) multiplies the score by numberPenalty.
type Scorer struct {
	n  int            // documents counted
	df map[string]int // stem → number of documents holding it
	// lower holds the stems seen written in lower case, which a capital
	// on a text's first word does not make a name.
	lower map[string]bool
	thes  *Thesaurus
	// weights caches weight for the stems in df once counting is over
	// (fixWeights); Add drops it.
	weights map[string]float64
}

const (
	synonymCredit = 0.8
	// broadSynonymCredit is for synonyms only a broad group pairs (WordNet's
	// synsets of a word's first senses): looser than the core groups, as
	// "game"/"play" or "fit"/"suit" are synonyms in some senses only.
	broadSynonymCredit = 0.7
	nameCredit         = 0.9
	numberPenalty      = 0.9
	// maxNumberMisses caps the numbers numberPenalty counts: a few say two
	// sentences report different figures, but in two long texts (diff of
	// whole articles) the count says more about their length, and 0.9 to
	// the 40th would call near-copies unrelated.
	maxNumberMisses = 3
	// numberConflictPenalty multiplies the score again when both texts give
	// numbers and share none ("Shr 57 cts vs 34 cts", "Shr 72 cts vs 58
	// cts"): they report different figures.
	numberConflictPenalty = 0.8
	// negationPenalty multiplies the score when one text is negated ("not",
	// "no", "never", "n't") and the other is not.
	negationPenalty = 0.75
	// namesOnlyPenalty multiplies the score when all the two texts share
	// is names, though one of them says something in plain words (or
	// gives a number): "Gen Musharraf held talks with Tony Blair on
	// Monday" is not "Gen Musharraf said al-Qaeda was on the run", however
	// rare the name.
	namesOnlyPenalty = 0.7
	// namesMostlyPenalty multiplies the score when plain words are under
	// namesMostlyShare of the weight the two texts share: "Greek sprinters
	// Kostas Kenteris and Katerina Thanou have been suspended" and "…
	// have appeared before a tribunal" share who, not what.
	namesMostlyPenalty = 0.9
	namesMostlyShare   = 0.2
	idfPower           = 2.0
	priorDocs          = 1000.0
	priorStopShare     = 0.3
	priorWordShare     = 0.002
)

// NewScorer builds a scorer weighing words by their document frequency over
// docs (each string one document: a sentence or clause, typically). A nil
// thesaurus means DefaultThesaurus().
func NewScorer(docs []string, thes *Thesaurus) *Scorer {
	s := &Scorer{df: make(map[string]int), lower: make(map[string]bool), thes: thes}
	if s.thes == nil {
		s.thes = DefaultThesaurus()
	}
	for _, d := range docs {
		s.Add(termsOf(Tokenize(d)))
	}
	if len(docs) > 0 {
		s.fixWeights()
	}
	return s
}

// maxScanTerms is the most terms Add searches for repeats one by one.
const maxScanTerms = 32

// Add counts one more document given by its terms.
func (s *Scorer) Add(ts []term) {
	s.n++
	s.weights = nil
	// A sentence's few terms are searched for a stem seen before; a long
	// text's (NewScorer's documents) are looked up in a set.
	var seen map[string]bool
	if len(ts) > maxScanTerms {
		seen = make(map[string]bool, len(ts))
	}
	for i, t := range ts {
		dup := false
		if seen != nil {
			dup = seen[t.stem]
			seen[t.stem] = true
		} else {
			dup = slices.ContainsFunc(ts[:i], func(u term) bool { return u.stemH == t.stemH && u.stem == t.stem })
		}
		if !dup {
			s.df[t.stem]++
		}
		if !t.name && !t.number {
			s.lower[t.stem] = true
		}
	}
}

// weight returns the weight of a stem: its smoothed inverse document
// frequency, squared. The corpus is smoothed with priorDocs pseudo-documents
// in which a stop word occurs in priorStopShare of them, a word of everyday
// English in the share of sentences its background frequency gives
// (backgroundShares: "know", "make", "week" are common, "deliberate" is
// not), and any other word in priorWordShare. So with no corpus or a small
// one, common words weigh less than rare ones and function words next to
// nothing; a small one-story corpus cannot make its topic's names weigh
// nothing; over a large corpus its own counts rule.
func (s *Scorer) weight(stem string) float64 {
	if w, ok := s.weights[stem]; ok {
		return w
	}
	return s.computeWeight(stem)
}

// fixWeights computes the weight of every stem counted so far, once, for
// the many profiles built next (on several goroutines: the cache is only
// read until the next Add).
func (s *Scorer) fixWeights() {
	s.weights = make(map[string]float64, len(s.df))
	for stem := range s.df {
		s.weights[stem] = s.computeWeight(stem)
	}
}

func (s *Scorer) computeWeight(stem string) float64 {
	share := priorWordShare
	if b, ok := backgroundShares()[stem]; ok {
		share = min(priorStopShare, max(priorWordShare, b))
	}
	if isStopword(stem) {
		share = priorStopShare
	}
	prior := share * priorDocs
	idf := math.Log((float64(s.n) + priorDocs) / (float64(s.df[stem]) + 1 + prior))
	if idf <= 0 {
		return 0
	}
	return math.Pow(idf, idfPower)
}

// Similarity scores a against b (symmetric, 0..1).
func (s *Scorer) Similarity(a, b string) float64 {
	return s.score(s.sharedProfile(s.terms(Tokenize(a))), s.sharedProfile(s.terms(Tokenize(b))))
}

// term is one content unit of a text for matching.
type term struct {
	stem    string // folded and stemmed
	surface string // folded, unstemmed (for names)
	name    bool   // written with a capital letter, not a number
	number  bool
	initial bool  // the first word of the text it came from
	tok     int32 // index of the first token it came from
	// syn numbers the term's synonym groups in the thesaurus (set by
	// Scorer.terms; Thesaurus.list), 0 for none: a number rather than the
	// slice, since a big corpus holds millions of terms.
	syn int32
	// stemH and surfH are termHash of stem and surface, and joinH of this
	// word and the next written together ("sun" "glasses" → "sunglasses"),
	// so a compound meets its parts; 0 when there is no next word to join.
	// termsOf sets them once, for every profile the term goes into.
	stemH, surfH, joinH uint64
}

// profile is a text prepared for scoring: its distinct terms with weights.
type profile struct {
	terms   []*term   // distinct stems, in order of first appearance
	weights []float64 // weight of each term
	total   float64
	negated bool // an odd number of negations
	// stemSorted and joinSorted are the sorted hashes of the stems and of
	// the compounds the text's words form (joinH within the text), so exact
	// matches are found without comparing strings.
	stemSorted, joinSorted []uint64
	// joinBits holds joinSorted's hashes: most terms are no compound of
	// the other text, and one test of a bit says so without a search.
	joinBits bitMask
	// surfSorted are the sorted hashes of the terms' surfaces, and
	// joinNext and joinPrev each term's first join with the word after it
	// and before it within the text: a word of a compound the other text
	// writes as one word ("sun" of "sun glasses" against "sunglasses")
	// finds it there.
	// surfBits is to surfSorted what joinBits is to joinSorted.
	surfSorted         []uint64
	surfBits           bitMask
	joinNext, joinPrev []uint64
	byStem             []int32 // term indexes in stemSorted's order
	// syns is each term's syn, here so that the synonym test does not
	// follow the term's pointer.
	syns []int32
	// surfH is each term's surface hash, initials each term's first byte,
	// nameInitials the first byte of each of names, and initialBits a
	// 64-bit mask of those: the tests that rule most terms out read them
	// here rather than from the terms themselves, which lie scattered in
	// memory.
	surfH        []uint64
	initials     []byte
	nameInitials []byte
	initialBits  bitMask
	// groupSet is the sorted union of the synonym groups of its terms
	// (numbers have none) and names the indexes of its capitalised names,
	// for soft matches.
	groupSet []int32
	names    []int32
	numbers  []uint64 // stem hashes of its numbers
	flags    []uint8  // per term: softName, softSynonym, plainWord
	// plain: some term is a plainWord.
	plain bool
}

// bitMask is a 64-bit Bloom filter of values: bit v%64 is set for each
// value v added. has is false only for a value never added, so a false
// answer spares a search.
type bitMask uint64

func (m *bitMask) add(v uint64)     { *m |= 1 << (v % 64) }
func (m bitMask) has(v uint64) bool { return m&(1<<(v%64)) != 0 }

// Flags of a profile term that can have a soft match: a name (near
// spellings), a word with synonyms, or both.
const (
	softName = 1 << iota
	softSynonym
	// plainWord marks a content word that is no name (capitalised), or a
	// number: what a statement says, or a figure or date it gives, rather
	// than whom it is about.
	plainWord
)

// termHash hashes a stem or surface, or words written together (the
// parts' concatenation), for profile; 0 only for "".
func termHash(parts ...string) uint64 {
	h, empty := uint64(fnvOffset), true
	for _, p := range parts {
		h = hashString(p, h)
		empty = empty && p == ""
	}
	if empty {
		return 0
	}
	return mix(h) | 1
}

// terms returns the content terms of tokens with their synonym groups.
func (s *Scorer) terms(toks []Token) []term {
	return s.withSyns(termsOf(toks))
}

// withSyns sets the synonym groups of terms and returns them.
func (s *Scorer) withSyns(ts []term) []term {
	for i := range ts {
		ts[i].syn = s.thes.index[ts[i].stem]
	}
	return ts
}

// profile prepares terms for scoring. It works on a copy of ts, on which
// it sets each term's synonym groups.
func (s *Scorer) profile(ts []term) *profile {
	return s.sharedProfile(s.withSyns(slices.Clone(ts)))
}

// sharedProfile prepares terms made by s.terms for scoring. It keeps
// pointers into ts and never writes to them, so many profiles may share one
// sentence's terms.
func (s *Scorer) sharedProfile(ts []term) *profile {
	p := &profile{terms: make([]*term, 0, len(ts)), weights: make([]float64, 0, len(ts))}
	joins := make([]uint64, 0, len(ts)) // each term's first joinH within the text
	prevs := make([]uint64, 0, len(ts)) // and its first join with the word before
	// Distinct stems: a scan for a sentence's few terms, a map for a long
	// text (a scan would cost the square of its length).
	nGroups := 0 // at most; groups of a repeated stem count again
	for i := range ts {
		nGroups += len(s.thes.list(ts[i].syn))
	}
	p.groupSet = make([]int32, 0, nGroups)
	var seen map[uint64]int
	if len(ts) > 64 {
		seen = make(map[uint64]int, len(ts))
	}
next:
	for i := range ts {
		t := &ts[i]
		if negations[t.surface] {
			p.negated = !p.negated
		}
		join, prev := t.joinH, uint64(0)
		if i == len(ts)-1 {
			join = 0 // the next word is outside the text
		}
		if i > 0 {
			prev = ts[i-1].joinH
		}
		k, dup := -1, false
		if seen != nil {
			k, dup = seen[t.stemH]
			if !dup {
				seen[t.stemH] = len(p.terms)
			}
		} else {
			for j, u := range p.terms {
				if u.stemH == t.stemH {
					k, dup = j, true
					break
				}
			}
		}
		if dup {
			if joins[k] == 0 {
				joins[k] = join
			}
			if prevs[k] == 0 {
				prevs[k] = prev
			}
			continue next
		}
		w := s.weight(t.stem)
		p.terms = append(p.terms, t)
		joins = append(joins, join)
		prevs = append(prevs, prev)
		p.weights = append(p.weights, w)
		p.total += w
		if t.number {
			p.numbers = append(p.numbers, t.stemH)
		} else {
			p.groupSet = append(p.groupSet, s.thes.list(t.syn)...)
			if t.name {
				p.names = append(p.names, int32(len(p.terms)-1))
			}
		}
	}
	slices.Sort(p.groupSet)
	p.groupSet = slices.Compact(p.groupSet)
	// The hash arrays share one allocation, and the byte arrays another,
	// so that scoring a pair reads a few neighbouring cache lines and pages
	// of each profile rather than nine scattered ones: over a big corpus
	// the profiles far outgrow the caches, and scoring waits on memory
	// (BenchmarkScoreCandidates: about 6% less time per pair for the hash
	// arrays).
	n := len(p.terms)
	small := make([]byte, 2*n+len(p.names))
	p.flags = small[:n:n]
	p.initials = small[n : 2*n : 2*n]
	p.nameInitials = small[2*n:]
	block := make([]uint64, 6*n)
	p.surfH = block[0:n:n]
	p.stemSorted = block[n : 2*n : 2*n]
	p.surfSorted = block[2*n : 3*n : 3*n]
	p.joinNext = block[3*n : 4*n : 4*n]
	p.joinPrev = block[4*n : 5*n : 5*n]
	p.joinSorted = block[5*n : 5*n : 6*n]
	copy(p.joinNext, joins)
	copy(p.joinPrev, prevs)
	for k, t := range p.terms {
		p.surfH[k] = t.surfH
		if t.surface != "" {
			p.initials[k] = t.surface[0]
		}
		if !t.number && t.name {
			p.flags[k] |= softName
		}
		if !t.number && t.syn != 0 {
			p.flags[k] |= softSynonym
		}
		// A capital on a text's first word may only start the sentence: a
		// word the corpus also writes in lower case ("Revenue rose …") is
		// still plain there.
		if t.number || (!t.name || t.initial && s.lower[t.stem]) && !isStopword(t.stem) {
			p.flags[k] |= plainWord
			p.plain = true
		}
		if joins[k] != 0 {
			p.joinSorted = append(p.joinSorted, joins[k])
			p.joinBits.add(joins[k])
		}
	}
	ints := make([]int32, 2*n)
	p.byStem, p.syns = ints[:n:n], ints[n:]
	for k, t := range p.terms {
		p.syns[k] = t.syn
	}
	for k := range p.byStem {
		p.byStem[k] = int32(k)
	}
	slices.SortFunc(p.byStem, func(x, y int32) int { return cmp.Compare(p.terms[x].stemH, p.terms[y].stemH) })
	for k, t := range p.byStem {
		p.stemSorted[k] = p.terms[t].stemH
	}
	slices.Sort(p.joinSorted)
	copy(p.surfSorted, p.surfH)
	slices.Sort(p.surfSorted)
	for _, h := range p.surfSorted {
		p.surfBits.add(h)
	}
	for n, k := range p.names {
		p.nameInitials[n] = p.initials[k]
		p.initialBits.add(uint64(p.initials[k]))
	}
	return p
}

// wordFreqData is the background word frequency table derived from
// WordNet 3.0's SemCor tag counts by wordfreq_gen.go: "=total N", then one
// "lemma count" a line. Licence: synonyms_LICENSE.
//
//go:embed wordfreq.txt
var wordFreqData string

// sentenceWords is about how many words a news sentence has: a word that
// makes up a share p of running text is in about sentenceWords·p of the
// sentences.
const sentenceWords = 20

// backgroundShares maps a stem to the share of sentences of everyday
// English expected to hold it, from wordFreqData (the lemmas of one stem
// summed). Stems it lacks are rare.
var backgroundShares = sync.OnceValue(func() map[string]float64 {
	counts := make(map[string]float64)
	total := 0.0
	for line := range strings.Lines(wordFreqData) {
		w, n, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok || strings.HasPrefix(w, "#") {
			continue
		}
		c, err := strconv.ParseFloat(n, 64)
		if err != nil {
			continue
		}
		if w == "=total" {
			total = c
			continue
		}
		counts[stemWord(w)] += c
	}
	shares := make(map[string]float64, len(counts))
	if total == 0 {
		return shares // a broken table: no word has a background share
	}
	for st, c := range counts {
		shares[st] = sentenceWords * c / total
	}
	return shares
})

func (s *Scorer) score(a, b *profile) float64 { return s.scoreAtLeast(a, b, 0) }

// pairThreshold is the similarity two texts need to count as variants of
// one statement: base, raised by shortStep for each distinct term (stop
// words too) the shorter of them has below shortTerms. Few words overlap
// by chance more often ("Brigitte, to the White House on Tuesday" and
// "Trump said Tuesday on the White House lawn" share three of four), so a
// short span must match more of them.
func pairThreshold(base float64, a, b *profile) float64 {
	return base + shortStep*float64(max(0, shortTerms-min(len(a.terms), len(b.terms))))
}

const (
	shortTerms = 8
	shortStep  = 0.04
)

// scoreAtLeast is score, except that it may return 0 as soon as the score
// is sure to fall below least: once one side's share of matched weight, P,
// is known, the F-measure can be no more than 2P/(P+1) times the penalties.
// Candidate pairs are scored only to keep those at the threshold, and most
// fall short, so half their work is saved.
func (s *Scorer) scoreAtLeast(a, b *profile, least float64) float64 {
	if a.total == 0 || b.total == 0 {
		if a.total == b.total && len(a.terms) == len(b.terms) {
			return 1
		}
		return 0
	}
	// The penalties, in the order they multiply the score.
	var pens [3]float64
	n := 0
	if miss, conflict := numberMismatches(a, b); miss > 0 {
		pens[n] = math.Pow(numberPenalty, float64(min(miss, maxNumberMisses)))
		n++
		if conflict {
			pens[n] = numberConflictPenalty
			n++
		}
	}
	if a.negated != b.negated {
		pens[n] = negationPenalty
		n++
	}
	penalty := 1.0
	for _, x := range pens[:n] {
		penalty *= x
	}
	// The heavier side first: its share P is the smaller, the bound the
	// tighter. F is symmetric, so the order changes nothing else.
	first, second := a, b
	if b.total > a.total {
		first, second = b, a
	}
	mp, pwP := s.matched(first, second)
	plainP := pwP > 0
	P := mp / first.total
	if least > 0 && penalty*2*P/(P+1) < least-1e-9 {
		return 0
	}
	mr, pwR := s.matched(second, first)
	plainR := pwR > 0
	R := mr / second.total
	if P+R == 0 {
		return 0
	}
	f := 2 * P * R / (P + R)
	for _, x := range pens[:n] {
		f *= x
	}
	switch {
	case !plainP && !plainR && (a.plain || b.plain):
		f *= namesOnlyPenalty
	case pwP+pwR < namesMostlyShare*(mp+mr) && (a.plain || b.plain):
		f *= namesMostlyPenalty
	}
	return f
}

// matched returns the weight of a's terms that b matches, and the part of
// it that plainWords carry. The stems both hold are found in one pass over
// their sorted hashes (two different strings share a 64-bit hash with odds
// of about 2⁻⁶³); the weights are then summed in a's order, which fixes the
// result to the last bit.
func (s *Scorer) matched(a, b *profile) (float64, float64) {
	var buf [64]bool
	same := buf[:]
	if len(a.terms) > len(buf) {
		same = make([]bool, len(a.terms))
	}
	same = same[:len(a.terms)]
	for i, j := 0, 0; i < len(a.stemSorted) && j < len(b.stemSorted); {
		switch x, y := a.stemSorted[i], b.stemSorted[j]; {
		case x < y:
			i++
		case x > y:
			j++
		default:
			same[a.byStem[i]] = true
			i++
			j++
		}
	}
	var m, plain float64
	for i := range a.terms {
		c := 1.0
		if !same[i] {
			c = s.inexact(a, i, b)
		}
		if c > 0 {
			m += a.weights[i] * c
			if a.flags[i]&plainWord != 0 {
				plain += a.weights[i] * c
			}
		}
	}
	return m, plain
}

// credit is the credit of a's term i for its best counterpart in b: 1 for
// the same stem, else its inexact credit.
func (s *Scorer) credit(a *profile, i int, b *profile) float64 {
	if _, ok := slices.BinarySearch(b.stemSorted, a.terms[i].stemH); ok {
		return 1
	}
	return s.inexact(a, i, b)
}

// inexact is the credit of a's term i, whose stem b lacks, for its best
// counterpart in b: 1 when it is a compound b writes as two words
// ("sunglasses"/"sun glasses") or a word of a compound b writes as one,
// else its soft credit.
func (s *Scorer) inexact(a *profile, i int, b *profile) float64 {
	if h := a.surfH[i]; b.joinBits.has(h) {
		if _, ok := slices.BinarySearch(b.joinSorted, h); ok {
			return 1
		}
	}
	for _, h := range [2]uint64{a.joinNext[i], a.joinPrev[i]} {
		if h != 0 && b.surfBits.has(h) {
			if _, ok := slices.BinarySearch(b.surfSorted, h); ok {
				return 1
			}
		}
	}
	if a.flags[i]&(softName|softSynonym) == 0 {
		return 0
	}
	return s.soft(a, i, b)
}

// soft is the credit of a's term i for its best inexact counterpart in b:
// a near spelling of a name, else a synonym.
func (s *Scorer) soft(a *profile, i int, b *profile) float64 {
	if c := a.initials[i]; a.flags[i]&softName != 0 && b.initialBits.has(uint64(c)) {
		t := a.terms[i].surface
		for n, k := range b.names {
			if b.nameInitials[n] == c && nearSpelling(t, b.terms[k].surface) {
				return nameCredit
			}
		}
	}
	if a.flags[i]&softSynonym != 0 {
		if g, ok := firstShared(s.thes.list(a.syns[i]), b.groupSet); ok {
			if g < s.thes.broad {
				return synonymCredit
			}
			return broadSynonymCredit
		}
	}
	return 0
}

// numberMismatches counts the numbers each text gives that the other lacks,
// and reports a conflict when both give numbers and share none.
func numberMismatches(a, b *profile) (miss int, conflict bool) {
	if len(a.numbers) == 0 && len(b.numbers) == 0 {
		return 0, false
	}
	shared := 0
	if len(a.numbers)*len(b.numbers) > 1024 { // long texts (diff of whole articles)
		in := make(map[uint64]bool, len(b.numbers))
		for _, h := range b.numbers {
			in[h] = true
		}
		for _, h := range a.numbers {
			if in[h] {
				shared++
			}
		}
	} else {
		for _, h := range a.numbers {
			if slices.Contains(b.numbers, h) {
				shared++
			}
		}
	}
	// Numbers are distinct stems within a profile.
	miss = len(a.numbers) + len(b.numbers) - 2*shared
	return miss, len(a.numbers) > 0 && len(b.numbers) > 0 && shared == 0
}

// nearSpelling reports whether two names differ by one edit (two for long
// names): "Zelensky"/"Zelenskyy", "Umerov"/"Umierov".
func nearSpelling(a, b string) bool {
	if a == b {
		return true
	}
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if la < 5 || lb < 5 {
		return false
	}
	limit := 1
	if la >= 9 && lb >= 9 {
		limit = 2
	}
	if d := la - lb; d > limit || -d > limit {
		return false
	}
	return boundedLevenshtein([]rune(a), []rune(b), limit) <= limit
}

// boundedLevenshtein is the Levenshtein distance, stopping early above limit.
func boundedLevenshtein(a, b []rune, limit int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
			rowMin = min(rowMin, c)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// termsOf turns tokens into content terms: words only, possessive 's
// dropped, hyphenated words split into their parts, runs of number words and
// digits read as one number ("one hundred billion" and "100bn" both
// "100000000000"), "%" and "per cent" as "percent", and "United States",
// "United Kingdom", "European Union", "United Nations" as one term each.
func termsOf(toks []Token) []term {
	ts := splitTerms(toks)
	for i := range ts {
		ts[i].stemH, ts[i].surfH = termHash(ts[i].stem), termHash(ts[i].surface)
		if i+1 < len(ts) && !ts[i].number && !ts[i+1].number {
			ts[i].joinH = termHash(ts[i].surface, ts[i+1].surface)
		}
	}
	return ts
}

// splitTerms makes the terms of termsOf, without their joins.
func splitTerms(toks []Token) []term {
	ts := make([]term, 0, len(toks))
	for i := 0; i < len(toks); i++ {
		t, at := toks[i], int32(i)
		if t.Text == "%" {
			ts = append(ts, term{stem: "percent", surface: "percent", tok: at})
			continue
		}
		if !t.IsWord() {
			continue
		}
		if d, month, monthAt, n, ok := readDate(toks[i:]); ok {
			// The month stays a word of its own too, under its full
			// name ("Jan. 31" meets "January" as well as "January 31").
			date := term{stem: d, surface: d, number: true, tok: at}
			word := term{stem: stemWord(month), surface: month, name: true, tok: at + int32(monthAt)}
			if monthAt == 0 {
				ts = append(ts, word, date)
			} else {
				ts = append(ts, date, word)
			}
			i += n - 1
			continue
		}
		if v, n, ok := readNumber(toks[i:]); ok {
			ts = append(ts, term{stem: v, surface: v, number: true, tok: at})
			i += n - 1
			continue
		}
		if i+1 < len(toks) {
			if c, ok := countryPhrases[t.Norm+" "+toks[i+1].Norm]; ok {
				ts = append(ts, term{stem: c, surface: c, name: true, tok: at})
				i++
				continue
			}
		}
		if t.Norm == "according" && i+1 < len(toks) && toks[i+1].Norm == "to" {
			i++ // attribution, not content
			continue
		}
		if t.Norm == "decade" || t.Norm == "decades" {
			// "a decade" meets "ten years".
			ts = append(ts, term{stem: "10", surface: "10", number: true, tok: at},
				term{stem: "year", surface: "year", tok: at})
			continue
		}
		norm := strings.TrimSuffix(strings.TrimSuffix(t.Norm, "'s"), "'")
		name := startsUpper(t.Text)
		for _, part := range strings.Split(norm, "-") {
			if part == "" {
				continue
			}
			if isDigits(part) {
				ts = append(ts, term{stem: part, surface: part, number: true, tok: at})
				continue
			}
			ts = append(ts, term{stem: stemWord(part), surface: part, name: name, tok: at})
		}
	}
	if len(ts) > 0 {
		ts[0].initial = true
	}
	return ts
}

var negations = map[string]bool{
	"not": true, "no": true, "never": true, "nor": true, "neither": true, "without": true,
	"don't": true, "doesn't": true, "didn't": true, "isn't": true, "aren't": true, "wasn't": true,
	"weren't": true, "won't": true, "wouldn't": true, "can't": true, "cannot": true, "couldn't": true,
	"shouldn't": true, "hasn't": true, "haven't": true, "hadn't": true,
}

var countryPhrases = map[string]string{
	"united states": "usa", "united kingdom": "uk", "great britain": "uk",
	"european union": "eu", "united nations": "un",
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

var scales = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"bn": 1e9, "tn": 1e12, "mln": 1e6, "mn": 1e6,
}

// readNumber reads a number written in digits and/or words at the start of
// toks and returns its value as a decimal string and how many tokens it took.
// Digits and number words combine only through scale words ("100 billion",
// "one hundred billion") and tens-and-units ("twenty five"), so "10 20"
// stays two numbers.
func readNumber(toks []Token) (string, int, bool) {
	var total, group float64
	n, started, tens := 0, false, false
	for n < len(toks) {
		t := toks[n]
		lower := strings.ToLower(t.Text)
		if sc, ok := scales[lower]; ok && started {
			if sc == 100 {
				group *= sc
			} else {
				total += group * sc
				group = 0
			}
			n++
			tens = false
			continue
		}
		if v, ok := numericValue(t.Norm); ok {
			_, word := numberWords[lower]
			if started && !(tens && word && v < 10) {
				break
			}
			group += v
			started = true
			tens = word && v >= 20 && v < 100
			n++
			continue
		}
		if lower == "and" && started && n+1 < len(toks) {
			if _, ok := numberWords[strings.ToLower(toks[n+1].Text)]; ok {
				n++
				continue
			}
		}
		// A digit run with a scale suffix written together: "100bn", "5m".
		if !started {
			if v, ok := suffixedNumber(t.Norm); ok {
				return formatNumber(v), 1, true
			}
		}
		break
	}
	if !started {
		return "", 0, false
	}
	return formatNumber(total + group), n, true
}

// readDate reads a day of a month at the start of toks, the month named
// (capitalised, in full or abbreviated, with or without its full stop)
// before or after the day: "March 31", "Jan. 31", "27th November" all read
// as one number term, "march 31", so that a date meets itself however it
// is written and two different days conflict as two numbers do ("Qtr ended
// Jan 31" is not "Period ended March 31"). It returns the term, the month's
// full name and token (0 or 1), how many tokens it took, and whether there
// was a date.
func readDate(toks []Token) (date, month string, monthAt, n int, ok bool) {
	day := func(t Token) (int, bool) {
		v, ok := numericValue(t.Norm)
		if !ok || v != float64(int(v)) || v < 1 || v > 31 || !isDayDigits(strings.ToLower(t.Text)) {
			return 0, false
		}
		return int(v), true
	}
	monthOf := func(t Token) (string, bool) {
		m, ok := months[t.Norm]
		return m, ok && startsUpper(t.Text)
	}
	if len(toks) < 2 {
		return "", "", 0, 0, false
	}
	if m, ok := monthOf(toks[0]); ok {
		k := 1
		if toks[k].Text == "." && len(toks) > 2 {
			k++
		}
		if d, ok := day(toks[k]); ok {
			return m + " " + strconv.Itoa(d), m, 0, k + 1, true
		}
		return "", "", 0, 0, false
	}
	if d, ok := day(toks[0]); ok {
		if m, ok := monthOf(toks[1]); ok {
			return m + " " + strconv.Itoa(d), m, 1, 2, true
		}
	}
	return "", "", 0, 0, false
}

// isDayDigits reports whether a token, as written and lower-cased, is one
// or two digits with an ordinal suffix or none: a day of the month ("31",
// "27th"), not a number word ("In March two people …").
func isDayDigits(text string) bool {
	n := 0
	for n < len(text) && text[n] >= '0' && text[n] <= '9' {
		n++
	}
	switch text[n:] {
	case "", "st", "nd", "rd", "th":
		return n >= 1 && n <= 2
	}
	return false
}

// months maps the folded names of the months, and their abbreviations, to
// the full name.
var months = map[string]string{
	"january": "january", "jan": "january", "february": "february", "feb": "february",
	"march": "march", "mar": "march", "april": "april", "apr": "april", "may": "may",
	"june": "june", "jun": "june", "july": "july", "jul": "july", "august": "august",
	"aug": "august", "september": "september", "sep": "september", "sept": "september",
	"october": "october", "oct": "october", "november": "november", "nov": "november",
	"december": "december", "dec": "december",
}

// numericValue reads a folded number: digits with an optional decimal part
// or ordinal suffix ("27th" reads 27, so "27th November" meets "November 27").
func numericValue(norm string) (float64, bool) {
	if norm == "" || norm[0] < '0' || norm[0] > '9' {
		return 0, false
	}
	for _, suf := range [...]string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(norm, suf) {
			norm = strings.TrimSuffix(norm, suf)
			break
		}
	}
	v, err := strconv.ParseFloat(norm, 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

func suffixedNumber(norm string) (float64, bool) {
	for _, suf := range [...]string{"bn", "tn", "mln", "mn", "m", "k"} {
		if strings.HasSuffix(norm, suf) {
			v, ok := numericValue(strings.TrimSuffix(norm, suf))
			if !ok {
				return 0, false
			}
			switch suf {
			case "k":
				return v * 1e3, true
			case "m", "mn", "mln":
				return v * 1e6, true
			}
			return v * scales[suf], true
		}
	}
	return 0, false
}

func formatNumber(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

var (
	stemMu    sync.RWMutex
	stemCache = make(map[string]string)
)

// stemWord returns the Snowball (Porter2) English stem of a folded word.
func stemWord(w string) string {
	stemMu.RLock()
	s, ok := stemCache[w]
	stemMu.RUnlock()
	if ok {
		return s
	}
	env := snowball.NewEnv(w)
	english.Stem(env)
	s = env.Current()
	stemMu.Lock()
	if len(stemCache) > 1<<20 {
		stemCache = make(map[string]string)
	}
	stemCache[w] = s
	stemMu.Unlock()
	return s
}

var stopwords = stemSet(`a an the of to in on at for by with from and or but nor
		is are was were be been being am it its this that these those as into than then there
		their they them he she his her him we our you your i me my not no do does did has have
		had will would shall should can could may might must s so if also about up out over
		just such what which who whom whose when where while how all any some very us`)

// reportingWords attribute rather than state: "said", "told", "reported"
// (termsOf drops "according to"). They weigh like stop words and are no candidate keys,
// so "according to a US official" pairs with nothing.
var reportingWords = stemSet(`said says say saying told tell tells
		reported reports reporting report added adding noted citing cited quoted stated
		official officials source sources spokesman spokeswoman spokesperson`)

// wordSet is the set of the words of a list written one after another.
func wordSet(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// stemSet is wordSet of the words' stems.
func stemSet(words string) map[string]bool {
	m := make(map[string]bool)
	for w := range wordSet(words) {
		m[stemWord(w)] = true
	}
	return m
}

func isStopword(stem string) bool { return stopwords[stem] || reportingWords[stem] }

// Thesaurus holds groups of interchangeable words (synonym sets). Words are
// folded and stemmed, so inflected forms meet ("assaulted" ~ "attacks"). A
// word may belong to several groups.
//
// Groups are core or broad. A synonym of a core group earns synonymCredit;
// a stem's first core group also folds candidate keys (candidates.go:
// minhashKeys), so that texts using two of its words meet even when they
// share no other word. A synonym only a broad group pairs earns
// broadSynonymCredit and folds nothing, since a word's broad groups, one
// for each of its senses, would fold unrelated words together. Stop words
// take no broad groups.
type Thesaurus struct {
	// A stem's groups, sorted, are flat[starts[i]:starts[i+1]] for
	// i = index[stem]; i = 0, for stems in no group, has none. One flat
	// array keeps the lists the scorer reads in a few hundred kilobytes.
	index  map[string]int32
	starts []int32
	flat   []int32
	rep    map[string]string // stem → first stem of its first core group
	broad  int32             // groups numbered from broad on are broad
}

// NewThesaurus builds a thesaurus of core synonym groups. Words may be given
// as written; multi-word entries are ignored.
func NewThesaurus(groups [][]string) *Thesaurus { return NewLayeredThesaurus(groups, nil) }

// NewLayeredThesaurus builds a thesaurus of core groups and broad groups,
// such as DefaultThesaurus's: NewLayeredThesaurus(core, WordNetGroups()).
func NewLayeredThesaurus(core, broad [][]string) *Thesaurus {
	groups := make(map[string][]int32)
	t := &Thesaurus{rep: make(map[string]string), broad: int32(len(core))}
	for i, g := range append(slices.Clip(core), broad...) {
		first := ""
		for _, w := range g {
			if strings.ContainsAny(w, " _") {
				continue
			}
			k := stemWord(Fold(w))
			if i >= len(core) && isStopword(k) {
				// WordNet gives "me" the group of "Maine" and "can"
				// that of "tin": a stop word takes only core groups.
				continue
			}
			if first == "" {
				first = k
			}
			if _, ok := t.rep[k]; !ok && i < len(core) {
				t.rep[k] = first
			}
			ids := groups[k]
			if len(ids) == 0 || ids[len(ids)-1] != int32(i) {
				groups[k] = append(ids, int32(i))
			}
		}
	}
	stems := slices.Sorted(maps.Keys(groups))
	t.index = make(map[string]int32, len(stems))
	t.starts = make([]int32, 2, len(stems)+2)
	for i, k := range stems {
		t.index[k] = int32(i + 1)
		t.flat = append(t.flat, groups[k]...) // ascending: groups are numbered in order
		t.starts = append(t.starts, int32(len(t.flat)))
	}
	return t
}

// representative returns the stem standing for a stem's first core synonym
// group, or the stem itself.
func (t *Thesaurus) representative(stem string) string {
	if t != nil {
		if r, ok := t.rep[stem]; ok {
			return r
		}
	}
	return stem
}

// core returns the core groups among a term's sorted groups.
func (t *Thesaurus) core(groups []int32) []int32 {
	n, _ := slices.BinarySearch(groups, t.broad)
	return groups[:n]
}

// of returns a stem's groups.
func (t *Thesaurus) of(stem string) []int32 { return t.list(t.index[stem]) }

// list returns the groups numbered syn (a term's syn); none for 0, and
// none in a zero Thesaurus.
func (t *Thesaurus) list(syn int32) []int32 {
	if int(syn)+1 < len(t.starts) {
		return t.flat[t.starts[syn]:t.starts[syn+1]:t.starts[syn+1]]
	}
	return nil
}

// coreSynonyms reports whether two words, as written, share a core group.
func (t *Thesaurus) coreSynonyms(a, b string) bool {
	g, ok := t.sharedGroup(stemWord(Fold(a)), stemWord(Fold(b)))
	return ok && g < t.broad
}

// Synonyms reports whether two words, as written, are one stem or share a
// group.
func (t *Thesaurus) Synonyms(a, b string) bool {
	if t == nil {
		return false
	}
	sa, sb := stemWord(Fold(a)), stemWord(Fold(b))
	_, ok := t.sharedGroup(sa, sb)
	return sa == sb || ok
}

// sharedGroup returns the least group two stems share.
func (t *Thesaurus) sharedGroup(a, b string) (int32, bool) {
	return firstShared(t.of(a), t.of(b))
}

// firstShared returns the least element two sorted slices share. A term's
// few groups against a long text's many are searched for, not merged.
func firstShared(ga, gb []int32) (int32, bool) {
	if len(gb) > 8*len(ga) {
		for _, g := range ga {
			k, ok := slices.BinarySearch(gb, g)
			if ok {
				return g, true
			}
			gb = gb[k:]
		}
		return 0, false
	}
	for i, j := 0, 0; i < len(ga) && j < len(gb); {
		switch {
		case ga[i] == gb[j]:
			return ga[i], true
		case ga[i] < gb[j]:
			i++
		default:
			j++
		}
	}
	return 0, false
}

// newsSynonyms are DefaultThesaurus's core groups: words news copy uses
// for one another.
var newsSynonyms = [][]string{
	{"deliberate", "intentional", "intended", "purposeful", "wilful", "willful"},
	{"sustained", "prolonged", "protracted", "continued", "persistent"},
	{"attack", "assault", "offensive", "onslaught"},
	{"agreement", "deal", "accord", "pact", "treaty"},
	{"agree", "consent", "agreement", "accept"},
	{"guarantee", "assurance", "pledge"},
	{"signature", "sign", "signatory", "signing"},
	{"inform", "brief", "notify", "tell"},
	{"renewal", "renew", "extension", "extend"},
	{"term", "period", "duration"},
	{"valid", "effective"},
	{"plan", "proposal", "draft", "blueprint"},
	{"member", "state", "country", "nation"},
	{"deadline", "cutoff"},
	{"require", "need", "necessary"},
	{"official", "officer"},
	{"say", "state", "declare"},
	{"big", "large", "major"},
	{"buy", "purchase", "acquire"},
	{"start", "begin", "launch"},
	{"end", "finish", "conclude"},
	{"kill", "slay"},
	{"help", "aid", "assist"},
	{"show", "reveal", "indicate"},
	{"rise", "increase", "climb", "grow"},
	{"fall", "decrease", "drop", "decline"},
	{"woman", "lady"},
	{"child", "kid"},
	{"car", "automobile"},
	{"airplane", "plane", "aircraft", "jet"},
	{"troops", "soldiers", "forces"},
	{"war", "conflict"},
	{"ceasefire", "truce", "armistice"},
}

// DefaultThesaurus returns the built-in synonym table: as core groups, a
// few dozen common in news copy; as broad groups, the WordNet synsets
// variation typing uses (synonyms.txt). Options.Thesaurus replaces it.
func DefaultThesaurus() *Thesaurus { return defaultThesaurus() }

var defaultThesaurus = sync.OnceValue(func() *Thesaurus {
	return NewLayeredThesaurus(newsSynonyms, WordNetGroups())
})
