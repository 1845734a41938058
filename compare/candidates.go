package compare

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/variorum/variorum/corpus"
)

// A unit is a span that may carry one statement: a sentence, or a run of
// clauses within a long sentence.
type unit struct {
	doc        int // index into the documents
	sent       int // index into the corpus-wide sentence table
	start, end int // byte offsets into the document text
	lo, hi     int // range into the sentence's terms
	clause     bool
	// credit is the attribution the sentence ends on (", the DNC
	// alleges."), byte offsets, when the clause stops before it: its
	// words are someone's claim, not the outlet's (creditTail).
	creditStart, creditEnd int
}

// sentence is one sentence of a document with its content terms.
type sentence struct {
	doc        int
	start, end int
	toks       []Token // offsets relative to the document text
	terms      []term  // term.tok indexes toks
}

// Segmentation limits.
const (
	minUnitTerms   = 4  // terms a span needs to be worth matching
	minUnitKeys    = 3  // distinct content words (not stop words) it needs
	clauseMinTerms = 3  // a clause shorter than this joins its neighbour
	splitMinTerms  = 12 // sentences with fewer terms are not split into clauses
	maxWindow      = 3  // at most this many consecutive clauses form a unit
	maxSentTokens  = 400
)

// sentencesOf returns the sentence spans of a document: its Sentences, or,
// when it has none, lines split at sentence-final punctuation.
func sentencesOf(d corpus.Document) []corpus.Span {
	text := d.Text
	var out []corpus.Span
	for _, s := range d.Sentences {
		if s.Start >= 0 && s.End <= len(text) && s.Start < s.End {
			out = append(out, s)
		}
	}
	if len(out) > 0 {
		return out
	}
	return splitSentences(text)
}

// nameTitles are the abbreviated titles written before a name, whose full
// stop ends no sentence.
var nameTitles = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("Mr Mrs Ms Messrs Dr Prof Gen Sen Sens Rep Reps Gov Lt Col Sgt Capt Adm Maj Cmdr Cpl Pvt Brig Rev Hon Pres Supt") {
		m[w] = true
	}
	return m
}()

// splitSentences is the fallback sentence splitter used for documents
// without sentence spans: each line is split after ., ! or ? (and any closing
// quotes or brackets) followed by a space and an upper-case letter, a digit
// or an opening quote, unless the period ends a dotted abbreviation, a
// single capital or a title ("U.S. officials", "J. Smith", "Mr. Perez").
// Spans hold no surrounding
// white space.
func splitSentences(text string) []corpus.Span {
	var out []corpus.Span
	emit := func(s, e int) {
		for s < e {
			r, n := utf8.DecodeRuneInString(text[s:])
			if !unicode.IsSpace(r) {
				break
			}
			s += n
		}
		for e > s {
			r, n := utf8.DecodeLastRuneInString(text[:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= n
		}
		if s < e {
			out = append(out, corpus.Span{Start: s, End: e})
		}
	}
	lineStart := 0
	for lineStart <= len(text) {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		s := lineStart
		toks := Tokenize(text[lineStart:lineEnd])
		for i, t := range toks {
			if t.Text != "." && t.Text != "!" && t.Text != "?" {
				continue
			}
			j := i + 1
			for j < len(toks) && isCloser(toks[j].Text) && toks[j].Start == toks[j-1].End {
				j++
			}
			if j >= len(toks) || toks[j].Start == toks[j-1].End {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(toks[j].Text); !unicode.IsUpper(r) && !unicode.IsDigit(r) && !isOpener(toks[j].Text) {
				continue
			}
			if t.Text == "." && i > 0 && len(toks[i-1].Text) == 1 && startsUpper(toks[i-1].Text) {
				continue // an initial: "J. Smith"
			}
			e := lineStart + toks[j-1].End
			emit(s, e)
			s = e
		}
		emit(s, lineEnd)
		lineStart = lineEnd + 1
	}
	return out
}

func isCloser(s string) bool {
	switch s {
	case `"`, "'", "\u201d", "\u2019", ")", "]", "\u00bb":
		return true
	}
	return false
}

func isOpener(s string) bool {
	switch s {
	case `"`, "'", "\u201c", "\u2018", "(", "[", "\u00ab":
		return true
	}
	return false
}

// clauseBreaks returns the token indexes before which a clause may start:
// after ; : ( ) and dashes set off as punctuation, and after commas that do
// not separate the items of a list. A comma separates list items when the
// item after it is short (three words or fewer) and is followed by another
// comma or begins with "and"/"or", or when the item before it is short and
// itself follows a comma ("France, the UK, Germany, and Finland";
// "significant, deliberate, and sustained"). The comma after the last item
// ("…, and Russia, are intended…") is a break.
// nameSuffixes end a name after a comma ("Donald J. Trump for President,
// Inc.", "Martin Luther King, Jr."): no clause starts at them.
var nameSuffixes = map[string]bool{"Inc": true, "Inc.": true, "Ltd": true, "Corp": true, "Co": true, "LLC": true, "plc": true, "Jr": true, "Jr.": true, "Sr": true, "Sr.": true}

// acronymBracket returns the index of the ")" closing the "(" at toks[i]
// when the brackets hold one word in capitals after a capitalised word
// ("Workers' Party of Korea (WPK)", "Central News Agency (KCNA)"), else 0.
func acronymBracket(toks []Token, i int) int {
	if i+2 >= len(toks) || toks[i+2].Text != ")" || !toks[i+1].IsWord() || !toks[i-1].IsWord() {
		return 0
	}
	w, prev := toks[i+1].Text, toks[i-1].Text
	if strings.ToUpper(w) != w || strings.ToLower(w) == w || !unicode.IsUpper([]rune(prev)[0]) {
		return 0
	}
	return i + 2
}

func clauseBreaks(toks []Token) []int {
	var commas []int
	for i, t := range toks {
		if t.Text == "," {
			commas = append(commas, i)
		}
	}
	// seg returns the token range of the segment after comma k (-1: the
	// first segment).
	seg := func(k int) (int, int) {
		a, b := 0, len(toks)
		if k >= 0 {
			a = commas[k] + 1
		}
		if k+1 < len(commas) {
			b = commas[k+1]
		}
		return a, b
	}
	words := func(a, b int) int {
		n := 0
		for _, t := range toks[a:b] {
			if t.IsWord() {
				n++
			}
		}
		return n
	}
	andOr := func(a, b int) bool {
		return a < b && (toks[a].Norm == "and" || toks[a].Norm == "or")
	}
	isList := map[int]bool{}
	for k := range commas {
		pa, pb := seg(k - 1)
		na, nb := seg(k)
		nextShort := words(na, nb) <= 3
		prevShort := words(pa, pb) <= 3
		switch {
		case nextShort && andOr(na, nb):
			isList[k] = true
		case nextShort && k+1 < len(commas):
			fa, fb := seg(k + 1)
			isList[k] = words(fa, fb) <= 3 || andOr(fa, fb)
		}
		if prevShort && k > 0 && !andOr(pa, pb) {
			isList[k] = true
		}
	}
	var out []int
	ci := 0
	for i := 1; i < len(toks); i++ {
		for ci < len(commas) && commas[ci] < i-1 {
			ci++
		}
		switch toks[i].Norm {
		case "(":
			if j := acronymBracket(toks, i); j > 0 {
				i = j // "Workers' Party of Korea (WPK) meeting": part of the name
				continue
			}
			out = append(out, i)
			continue
		case ";", ":":
			out = append(out, i)
			continue
		case ")":
			// After the bracket, so that the aside keeps both of its
			// brackets: "the budget (approved in May) would rise".
			if i+1 < len(toks) {
				out = append(out, i+1)
			}
			continue
		case "-":
			// An em dash, or a dash or hyphen set off by a space; not a
			// hyphen or an en dash inside a word ("U.S.–NATO–Russia
			// dialogue", "2002–2004").
			spaced := toks[i-1].End < toks[i].Start || i+1 < len(toks) && toks[i].End < toks[i+1].Start
			if toks[i].Text == "—" || toks[i].Text == "―" || spaced {
				out = append(out, i)
				continue
			}
		}
		if toks[i-1].Text == "," && ci < len(commas) && commas[ci] == i-1 && !isList[ci] && !nameSuffixes[toks[i].Text] {
			out = append(out, i)
		}
	}
	return out
}

// units splits the sentence into spans to match: the sentence, and for a
// long sentence its clauses and runs of up to maxWindow clauses.
func (s *sentence) units(sentIdx int, add func(unit)) {
	if len(s.terms) < minUnitTerms || len(s.toks) == 0 || len(s.toks) > maxSentTokens {
		// A "sentence" of more than maxSentTokens is a table, a list or
		// text without full stops, not a statement to compare.
		return
	}
	first := datelineEnd(s.toks)
	whole := s.span(sentIdx, first, len(s.toks), false)
	if whole.hi-whole.lo < minUnitTerms {
		return // "WASHINGTON (Reuters) - Trump resigned."
	}
	add(whole)
	if whole.hi-whole.lo < splitMinTerms {
		return
	}
	// Clause boundaries as token indexes, merged until each clause has
	// enough content terms.
	bounds := []int{first}
	for _, b := range clauseBreaks(s.toks) {
		if b > first {
			bounds = append(bounds, b)
		}
	}
	bounds = append(bounds, len(s.toks))
	termsIn := func(a, b int) int {
		n := 0
		for _, t := range s.terms {
			if int(t.tok) >= a && int(t.tok) < b {
				n++
			}
		}
		return n
	}
	merged := []int{first}
	for k := 1; k < len(bounds); k++ {
		if termsIn(merged[len(merged)-1], bounds[k]) >= clauseMinTerms || k == len(bounds)-1 {
			merged = append(merged, bounds[k])
		}
	}
	// A short last clause joins the one before.
	if n := len(merged); n > 2 && termsIn(merged[n-2], merged[n-1]) < clauseMinTerms {
		merged = append(merged[:n-2], merged[n-1])
	}
	nc := len(merged) - 1
	if nc < 2 {
		return
	}
	cs, ce := s.creditTail()
	for w := 1; w <= maxWindow && w < nc; w++ {
		for a := 0; a+w <= nc; a++ {
			u := s.span(sentIdx, merged[a], merged[a+w], true)
			if u.hi-u.lo >= minUnitTerms {
				if ce > cs && u.end <= cs {
					u.creditStart, u.creditEnd = cs, ce
				}
				add(u)
			}
		}
	}
}

// datelineEnd returns the index of the first token after a dateline that
// opens the sentence ("WASHINGTON —", "WASHINGTON (Reuters) -", "WEST PALM
// BEACH, Fla. —"): the place in capitals, a state or an agency, and a
// dash. Outlets that print none would otherwise seem to leave it out. 0
// when there is none.
func datelineEnd(toks []Token) int {
	if len(toks) < 3 || !capsWord(toks[0].Text) {
		return 0
	}
	letters, marked := 0, false // the place's capitals; a state, agency or date seen
	for i := 0; i < len(toks) && i < 10; i++ {
		switch t := toks[i].Text; {
		case i > 0 && (t == "—" || t == "–" || t == "-" || t == "―"):
			spaced := toks[i-1].End < toks[i].Start && i+1 < len(toks) && toks[i].End < toks[i+1].Start
			next := ""
			if i+1 < len(toks) {
				next = toks[i+1].Text
			}
			// "WASHINGTON — The …"; not "U.S.-China", "UK — EU talks",
			// "NATO — the alliance", "FED RAISES RATES - MARKETS FALL".
			if spaced && (marked || letters >= 4) && (startsUpper(next) && !capsWord(next) || isOpener(next)) {
				return i + 1
			}
			return 0
		case capsWord(t) && (i == 0 || toks[i-1].Text != ","):
			letters += len(t)
		case t == "(" || t == ")" || t == ",", t == "." && toks[i-1].End == toks[i].Start:
		case i > 0 && (toks[i-1].Text == "," || toks[i-1].Text == "(") && startsUpper(t) && (!capsWord(t) || strings.Contains(t, ".")):
			marked = true // the state after the city ("Fla.", "N.Y."), the agency ("Reuters"), the month
		case i > 0 && isDigits(t) && startsUpper(toks[i-1].Text) && !capsWord(toks[i-1].Text):
			marked = true // "WASHINGTON, March 3 -"
		default:
			return 0
		}
	}
	return 0
}

// capsWord reports whether w is a word in capitals of two letters or more
// ("WASHINGTON", "U.S.").
func capsWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '\'' || r == '-':
		default:
			return false
		}
	}
	return letters >= 2
}

// creditTail returns the byte span of the attribution the sentence ends on
// after a comma ("…, and used WikiLeaks to disseminate them, the DNC
// alleges."; "…, analysts said."), without its final punctuation; an
// empty span when it ends on none.
func (s *sentence) creditTail() (start, end int) {
	c := -1
	for i := len(s.toks) - 1; i > 0; i-- {
		if s.toks[i].Text == "," {
			c = i
			break
		}
	}
	if c < 0 || c+2 > len(s.toks) {
		return 0, 0
	}
	tail := s.toks[c+1:]
	for len(tail) > 0 && !tail[0].IsWord() {
		tail = tail[1:] // the quotation mark of '…," he said'
	}
	for len(tail) > 0 && !tail[len(tail)-1].IsWord() {
		tail = tail[:len(tail)-1]
	}
	if len(tail) < 2 || tailOpeners[tail[0].Norm] {
		return 0, 0 // not "…, hours after the shooting was reported."
	}
	if len(tail) <= creditWords+2 && tail[0].Norm == "according" && tail[1].Norm == "to" {
		return tail[0].Start, tail[len(tail)-1].End // "…, according to the report."
	}
	// "…, sources said on Monday.": the time after the cue is no part of
	// what makes it an attribution.
	core := tail
	if n := len(core); n > 3 && timeWords[core[n-1].Norm] && (core[n-2].Norm == "on" || core[n-2].Norm == "last" || core[n-2].Norm == "this") {
		core = core[:n-2]
	} else if n > 2 && (core[n-1].Norm == "today" || core[n-1].Norm == "yesterday") {
		core = core[:n-1]
	}
	if !creditWith(core, endOrTailCues) {
		return 0, 0
	}
	return tail[0].Start, tail[len(tail)-1].End
}

// timeWords end a time phrase after a cue ("on Monday", "last week").
var timeWords = wordSet("monday tuesday wednesday thursday friday saturday sunday week month year night morning evening weekend")

// endOrTailCues end an attribution after what it reports: endCues, and
// those endCues leave out as no cues of an attribution clause of its own.
var endOrTailCues = func() map[string]bool {
	m := wordSet("alleges alleged reported reports contends contended maintains maintained")
	maps.Copy(m, endCues)
	return m
}()

// tailOpeners open a clause of its own, no attribution: "…, and it has
// been well maintained", "…, hours after the shooting was reported".
var tailOpeners = wordSet("and but or which who after before while when as hours days weeks since until")

// span makes the unit of tokens [a, b), trimmed of punctuation at its edges
// other than quotation marks and brackets that open or close within it,
// and the signs that belong to a number ("$200 billion", "rose 2%"). A mark
// whose partner lies outside the unit goes: the clause before `," the
// president said` is the quote's words, not `"North Korea has agreed…`.
func (s *sentence) span(sentIdx, a, b int, clause bool) unit {
	for a < b && !s.toks[a].IsWord() && (!isOpener(s.toks[a].Text) || s.closesBefore(a) || !s.closedWithin(a, b)) &&
		!(a+1 < b && isCurrency(s.toks[a].Text) && isDigits(s.toks[a+1].Text)) {
		a++
	}
	for b > a && !s.toks[b-1].IsWord() && (!isCloser(s.toks[b-1].Text) || !s.openedWithin(a, b-1)) &&
		s.toks[b-1].Text != "." && s.toks[b-1].Text != "!" && s.toks[b-1].Text != "?" &&
		!(b-2 >= a && isPercent(s.toks[b-1].Text) && s.toks[b-2].IsWord() && s.toks[b-2].End == s.toks[b-1].Start) {
		b--
	}
	u := unit{doc: s.doc, sent: sentIdx, clause: clause}
	if a >= b {
		u.start, u.end = s.start, s.start
		return u
	}
	u.start, u.end = s.toks[a].Start, s.toks[b-1].End
	u.lo = len(s.terms)
	for i, t := range s.terms {
		if int(t.tok) >= a && int(t.tok) < b {
			if i < u.lo {
				u.lo = i
			}
			u.hi = i + 1
		}
	}
	if u.lo > u.hi {
		u.lo = u.hi
	}
	return u
}

// isCurrency reports whether a token is a currency sign ("$", "£", "€").
func isCurrency(tok string) bool {
	r, n := utf8.DecodeRuneInString(tok)
	return n == len(tok) && unicode.Is(unicode.Sc, r)
}

// isPercent reports whether a token is a per cent or per mille sign.
func isPercent(tok string) bool { return tok == "%" || tok == "\u2030" }

// partnerOf returns the mark that closes the opening mark open, or that
// opens the closing mark, "" for other tokens.
func partnerOf(mark string) string {
	switch mark {
	case `"`, "'":
		return mark
	case "\u201c":
		return "\u201d"
	case "\u201d":
		return "\u201c"
	case "\u2018":
		return "\u2019"
	case "\u2019":
		return "\u2018"
	case "(":
		return ")"
	case ")":
		return "("
	case "[":
		return "]"
	case "]":
		return "["
	case "\u00ab":
		return "\u00bb"
	case "\u00bb":
		return "\u00ab"
	}
	return ""
}

// closedWithin reports whether the opening mark at token i is closed by a
// token before end.
func (s *sentence) closedWithin(i, end int) bool {
	p := partnerOf(s.toks[i].Text)
	return p != "" && slices.ContainsFunc(s.toks[i+1:end], func(t Token) bool { return t.Text == p })
}

// openedWithin reports whether the closing mark at token i is opened by a
// token at or after start.
func (s *sentence) openedWithin(start, i int) bool {
	p := partnerOf(s.toks[i].Text)
	return p != "" && slices.ContainsFunc(s.toks[start:i], func(t Token) bool { return t.Text == p })
}

// closesBefore reports whether token i, a straight quotation mark, closes
// what came before: written against the token before it and apart from
// the one after (`…what is not," said a statement`).
func (s *sentence) closesBefore(i int) bool {
	t := s.toks[i]
	if t.Text != `"` && t.Text != "'" || i == 0 || s.toks[i-1].End != t.Start {
		return false
	}
	return i+1 == len(s.toks) || s.toks[i+1].Start > t.End
}

// LSH parameters: bands of rows min-hashes each. Two spans whose key sets
// have Jaccard similarity J share a bucket with probability
// 1-(1-J^rows)^bands: 0.50 at J≈0.15, 0.90 at J≈0.25, 0.99 at J≈0.35.
const (
	lshBands = 32
	lshRows  = 2
)

// minJaccard is the least Jaccard similarity of key sets for a candidate
// pair to be scored. On 10% of BBC News, pairs below 0.2 (estimated from the
// signatures) were 91% of the candidates and held 0.6% of the pairs at or
// above DefaultThreshold.
const minJaccard = 0.2

// minhashKeys returns the hashed candidate keys of a unit: its content
// stems other than stop words, each mapped to its synonym group's
// representative so that "deliberate" and "intentional" share a key.
func minhashKeys(ts []term, thes *Thesaurus, buf []uint64) []uint64 {
	buf = buf[:0]
	for _, t := range ts {
		if isStopword(t.stem) {
			continue
		}
		buf = append(buf, hashString(thes.representative(t.stem), fnvOffset))
	}
	slices.Sort(buf)
	return slices.Compact(buf)
}

const fnvOffset = 14695981039346656037

// hashString continues a 64-bit FNV-1a hash h over s.
func hashString(s string, h uint64) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix is the SplitMix64 finaliser, a cheap good 64-bit hash.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// bands are the LSH band hashes of a signature. 32 bits each are plenty: in a
// corpus of 400,000 items, an item's hash in a band equals another's by
// accident with odds of about 1 in 10,000, and the Jaccard check then drops
// the pair.
type bands [lshBands]uint32

// signature computes the bands*rows min-hashes of keys and returns their
// band hashes.
func signature(keys []uint64) bands {
	var sig [lshBands * lshRows]uint64
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for _, k := range keys {
		for i := range sig {
			if h := mix(k ^ (uint64(i+1) * 0x9e3779b97f4a7c15)); h < sig[i] {
				sig[i] = h
			}
		}
	}
	var bs bands
	for b := range bs {
		h := uint64(b+1) * 0x9e3779b97f4a7c15
		for r := 0; r < lshRows; r++ {
			h = mix(h ^ sig[b*lshRows+r])
		}
		bs[b] = uint32(h)
	}
	return bs
}

// bucketKey is an item's entry in one band: its band hash in the high 32
// bits, so that sorting the keys brings each bucket together, and in the
// low 32 bits the item shuffled by a bijection seeded by the band, which
// orders a bucket's items differently in each band and gives the item back.
func bucketKey(hash uint32, item int32, band int) uint64 {
	return uint64(hash)<<32 | uint64(lowbias32(uint32(item)^bandSeed(band)))
}

// bucketItem is the item of a bucketKey.
func bucketItem(key uint64, band int) int32 {
	return int32(lowbias32Inverse(uint32(key)) ^ bandSeed(band))
}

func bandSeed(band int) uint32 { return uint32(band+1) * 0x9e3779b9 }

// lowbias32 is a bijective 32-bit hash (Chris Wellons' hash-prospector),
// and lowbias32Inverse undoes it.
func lowbias32(x uint32) uint32 {
	x ^= x >> 16
	x *= 0x7feb352d
	x ^= x >> 15
	x *= 0x846ca68b
	x ^= x >> 16
	return x
}

func lowbias32Inverse(x uint32) uint32 {
	x ^= x >> 16
	x *= 0x43021123
	x ^= x>>15 ^ x>>30
	x *= 0x1d69e2a5
	x ^= x >> 16
	return x
}

// A bucket of at most fullBucket items has all its pairs looked at; in a
// bigger one each item meets the bucketWindow items after it.
const (
	fullBucket   = 16
	bucketWindow = 8
)

// radixSort sorts keys in place, using scratch (as long as keys) for
// the passes: four stable passes over 16-bit digits, lowest first, each a
// counting sort, skipping a digit all keys share. It orders what
// slices.Sort would, in linear time (the 32 sorts of candidatePairs took
// a third of its time).
func radixSort(keys, scratch []uint64) {
	if len(keys) < 256 {
		slices.Sort(keys)
		return
	}
	var count [1 << 16]int
	src, dst := keys, scratch[:len(keys)]
	for shift := 0; shift < 64; shift += 16 {
		clear(count[:])
		for _, k := range src {
			count[k>>shift&0xffff]++
		}
		if count[src[0]>>shift&0xffff] == len(src) {
			continue // one digit for all
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, k := range src {
			d := k >> shift & 0xffff
			dst[count[d]] = k
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
}

// candidate is a pair of items (spans, or classes of identical spans) that
// share an LSH bucket, with the Jaccard similarity of their key sets.
type candidate struct {
	a, b    int32 // a < b
	jaccard float32
}

// A keyMask has bit h%128 set for each key h of a set. Most pairs that meet
// in a bucket share too few keys (on BBC News plus Reuters, pairs from
// different documents meet 17 million times, and 2.8 million of those pass
// minJaccard), and testing one set's keys against the other's mask (bound)
// rules most of them out before the exact intersection: candidatePairs
// then takes a fifth less time, with the same pairs.
type keyMask [2]uint64

func maskOf(keys []uint64) keyMask {
	var m keyMask
	for _, k := range keys {
		m[k>>6&1] |= 1 << (k & 63)
	}
	return m
}

// bound returns how many of keys have their bit set in the mask: at least
// as many as the mask's set has in common with keys.
func (m *keyMask) bound(keys []uint64) int {
	n := 0
	for _, k := range keys {
		n += int(m[k>>6&1] >> (k & 63) & 1)
	}
	return n
}

// jaccard returns |a∩b| / |a∪b| of two sorted sets.
func jaccard(a, b []uint64) float32 {
	in := intersection(a, b)
	if u := len(a) + len(b) - in; u > 0 {
		return float32(in) / float32(u)
	}
	return 0
}

// intersection returns |a∩b| of two sorted sets. The steps are written
// without branches on the comparisons, which the processor cannot predict
// (about 30% faster on key sets of 3 to 20 hashes).
func intersection(a, b []uint64) int {
	in, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		x, y := a[i], b[j]
		var di, dj, eq int
		if x <= y {
			di = 1
		}
		if y <= x {
			dj = 1
		}
		if x == y {
			eq = 1
		}
		in += eq
		i += di
		j += dj
	}
	return in
}

// candidatePairs returns the pairs of items that share an LSH bucket, come
// from different documents and whose key sets have a Jaccard similarity of
// at least minJaccard. doc gives each item's document (-1 when it is found
// in several, so it pairs with any other; -2 when in none, so it pairs with
// none). Buckets holding more than maxBucket items are boilerplate
// (datelines, bylines, stock phrases) and skipped. In a bucket of more than
// fullBucket items each item meets only the bucketWindow items after it, in
// an order shuffled anew in each band, so a big group of look-alikes costs
// work in proportion to its size, not its square, and is still joined up
// across the bands. Each item keeps its maxDegree best pairs as they are
// found (strongest), so the number of pairs, and all later work, grows
// linearly with the corpus even where hundreds of items look alike. A pair
// that meets in several bands is tested each time and offered again:
// strongest drops the repeat, which costs less than checking every pair's
// earlier bands for a bucket it was tested in (a tenth of the stage's time).
func candidatePairs(sigs []bands, keys [][]uint64, doc []int32, maxBucket, maxDegree int) []candidate {
	n := len(sigs)
	entries := make([]uint64, 0, n)
	// What the first tests of a pair read of its partner, side by side:
	// one read from memory, not three (items meet in no order, so each is
	// a cache miss; at 21,000 articles the tests took twice as long per
	// pair as at half of them).
	type item struct {
		mask keyMask
		doc  int32
		keys int32
	}
	items := make([]item, n)
	for u, k := range keys {
		items[u] = item{maskOf(k), doc[u], int32(len(k))}
	}
	top := newStrongest(n, maxDegree)
	scratch := make([]uint64, n)
	for b := 0; b < lshBands; b++ {
		entries = entries[:0]
		for u := 0; u < n; u++ {
			entries = append(entries, bucketKey(sigs[u][b], int32(u), b))
		}
		radixSort(entries, scratch)
		for i := 0; i < len(entries); {
			j := i + 1
			for j < len(entries) && entries[j]>>32 == entries[i]>>32 {
				j++
			}
			if j-i > 1 && j-i <= maxBucket {
				window := j - i
				if window > fullBucket {
					window = bucketWindow
				}
				for x := i; x < j; x++ {
					ux := bucketItem(entries[x], b)
					ix, kx := &items[ux], keys[ux]
					if ix.doc == -2 {
						continue
					}
					for y := x + 1; y < min(j, x+1+window); y++ {
						uy := bucketItem(entries[y], b)
						iy := &items[uy]
						if iy.doc == -2 || ix.doc >= 0 && ix.doc == iy.doc {
							continue
						}
						if 6*iy.mask.bound(kx) < int(ix.keys+iy.keys) {
							continue
						}
						if j := jaccard(kx, keys[uy]); j >= minJaccard {
							top.add(candidate{min(ux, uy), max(ux, uy), j})
						}
					}
				}
			}
			i = j
		}
	}
	return top.pairs()
}

// strongest keeps each of n items' degree strongest pairs as they are
// found: highest Jaccard similarity first, then the partner with the lower
// index. A pair may be added more than once (windowed buckets meet some
// pairs twice). Since the order is total, what is kept does not depend on
// the order pairs come in; and no list of all the pairs is ever made (at
// 21,000 articles, 2.8 million pass minJaccard and 1.3 million are kept).
type strongest struct {
	degree int
	top    []partner // top[x*degree:][:count[x]] is x's strongest, strongest first
	count  []uint8   // degree ≤ 255
}

// partner is one of an item's pairs: the other item and their similarity.
type partner struct {
	to      int32
	jaccard float32
}

func (l partner) stronger(m partner) bool {
	return l.jaccard > m.jaccard || l.jaccard == m.jaccard && l.to < m.to
}

func newStrongest(n, degree int) *strongest {
	degree = min(max(degree, 1), 255)
	return &strongest{degree: degree, top: make([]partner, n*degree), count: make([]uint8, n)}
}

func (s *strongest) add(p candidate) {
	s.offer(p.a, partner{p.b, p.jaccard})
	s.offer(p.b, partner{p.a, p.jaccard})
}

// offer puts l among x's strongest if it is strong enough and not there
// yet. A pair met again is either there or weaker than all of them.
func (s *strongest) offer(x int32, l partner) {
	best := s.top[int(x)*s.degree:][:s.count[x]]
	if len(best) == s.degree && !l.stronger(best[len(best)-1]) {
		return
	}
	for _, b := range best {
		if b.to == l.to {
			return
		}
	}
	i := len(best)
	if i < s.degree {
		best = best[:i+1]
		s.count[x]++
	} else {
		i--
	}
	for ; i > 0 && l.stronger(best[i-1]); i-- {
		best[i] = best[i-1]
	}
	best[i] = l
}

func (s *strongest) keeps(x, y int32) bool {
	for _, l := range s.top[int(x)*s.degree:][:s.count[x]] {
		if l.to == y {
			return true
		}
	}
	return false
}

// pairs returns the kept pairs once each, ordered by the item that keeps
// the pair (the lower one when both do), then by strength.
func (s *strongest) pairs() []candidate {
	var kept []candidate
	for x := range s.count {
		for _, l := range s.top[x*s.degree:][:s.count[x]] {
			a, b := int32(x), l.to
			if a > b {
				if s.keeps(b, a) {
					continue // b keeps it too, and b comes first
				}
				a, b = b, a
			}
			kept = append(kept, candidate{a, b, l.jaccard})
		}
	}
	return kept
}

// tokensIn returns the sentence's tokens within [start, end) of the text.
func (s *sentence) tokensIn(start, end int) []Token {
	a, _ := slices.BinarySearchFunc(s.toks, start, func(t Token, x int) int { return cmp.Compare(t.Start, x) })
	b, _ := slices.BinarySearchFunc(s.toks, end, func(t Token, x int) int { return cmp.Compare(t.Start, x) })
	return s.toks[a:b]
}
