package compare

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// VariationType says what kind of difference a variation is.
type VariationType string

// The variation types, from the most to the least serious.
const (
	// TypeSubstantive is any difference no other type explains.
	TypeSubstantive VariationType = "substantive"
	// TypeOmission is words the reference (pivot) has and the witness lacks.
	TypeOmission VariationType = "omission"
	// TypeAddition is words the witness has and the reference lacks.
	TypeAddition VariationType = "addition"
	// TypeSynonym is the same meaning in other words (WordNet synonyms:
	// deliberate/intentional) or another form of the same word
	// (attack/attacks).
	TypeSynonym VariationType = "synonym"
	// TypeNumber is the same quantity or date written another way:
	// 10/ten, 50%/half, $100 billion/one hundred billion US dollars,
	// 27 November/November 27.
	TypeNumber VariationType = "number"
	// TypeName is another spelling of one name: Zelensky/Zelenskyy,
	// Nato/NATO, US/U.S./United States.
	TypeName VariationType = "name"
	// TypeOrthographic is case, punctuation, quote and dash style, accents, US/UK
	// spelling and contractions (do not/don't).
	TypeOrthographic VariationType = "orthographic"
)

// VariationTypes lists every type in report order, most serious first.
var VariationTypes = []VariationType{
	TypeSubstantive, TypeOmission, TypeAddition, TypeSynonym, TypeNumber, TypeName, TypeOrthographic,
}

// Rank is the type's place in VariationTypes (0 is the most serious); an
// unknown type ranks last.
func (t VariationType) Rank() int {
	for i, v := range VariationTypes {
		if v == t {
			return i
		}
	}
	return len(VariationTypes)
}

// Variation is one typed difference between the reference wording (A, the
// pivot of a cluster) and a witness (B). From and To are exactly the texts at
// [AStart, AEnd) of A and [BStart, BEnd) of B (offsets into the article text
// for clusters, into the input for Diff); one of them is empty for an
// omission or addition, its offsets then marking where the words would be.
type Variation struct {
	Type VariationType `json:"type"`
	// Witness is the index in the cluster's Witnesses of the wording that
	// differs from the pivot (1 for Diff: B against A).
	Witness int    `json:"witness"`
	From    string `json:"from"`
	To      string `json:"to"`
	AStart  int    `json:"a_start"`
	AEnd    int    `json:"a_end"`
	BStart  int    `json:"b_start"`
	BEnd    int    `json:"b_end"`
	// Excerpt marks an omission or addition at one end of a quote that
	// is no misquote: words the reference quotes and this outlet's quote
	// stops short of (or the other way round), with no negation next to
	// the rest.
	Excerpt bool `json:"excerpt,omitempty"`
	// Moved marks an omission, addition or change whose words the other
	// side has elsewhere in the same wording: words moved, not dropped.
	Moved bool `json:"moved,omitempty"`
}

// sortVariations orders variations by type rank, then witness, then place.
func sortVariations(vs []Variation) {
	sort.SliceStable(vs, func(i, j int) bool {
		x, y := vs[i], vs[j]
		if x.Type.Rank() != y.Type.Rank() {
			return x.Type.Rank() < y.Type.Rank()
		}
		if x.Witness != y.Witness {
			return x.Witness < y.Witness
		}
		if x.AStart != y.AStart {
			return x.AStart < y.AStart
		}
		return x.BStart < y.BStart
	})
}

// piece is a typed part of a change edit, as token ranges.
type piece struct {
	typ            VariationType
	a0, a1, b0, b1 int
}

// classifier types the changes between two token sequences.
type classifier struct {
	a, b []Token
	wn   *wordNet
	// canonA and canonB return the canonical entity name covering a byte
	// range of the A or B text, "" when none is known; either may be nil.
	canonA, canonB func(start, end int) string
}

// classify splits a change edit into typed pieces. A change that one type
// explains as a whole is one piece; otherwise, when its words pair up as
// synonyms, numbers or names with the rest only missing on one side
// ("armed attack" → "assault": omission of "armed", synonym attack →
// assault), it becomes several pieces; anything else is one substantive
// piece.
func (c *classifier) classify(e edit) []piece {
	da, db := wordIndexes(c.a, e.a0, e.a1), wordIndexes(c.b, e.b0, e.b1)
	whole := func(t VariationType) []piece {
		p := piece{typ: t, a0: e.a0, a1: e.a1, b0: e.b0, b1: e.b1}
		p.a0, p.a1 = trimMarks(c.a, p.a0, p.a1)
		p.b0, p.b1 = trimMarks(c.b, p.b0, p.b1)
		switch t { // punctuation on the side without words is not part of it
		case TypeOmission:
			p.b1 = p.b0
		case TypeAddition:
			p.a1 = p.a0
		}
		return []piece{p}
	}
	switch {
	case e.soft:
		return whole(c.softType(c.a[e.a0], c.b[e.b0]))
	case len(da) == 0 && len(db) == 0:
		return whole(TypeOrthographic)
	case percentSign(c.a, da, c.b[e.b0:e.b1]) || percentSign(c.b, db, c.a[e.a0:e.a1]):
		return whole(TypeNumber) // "5 percent" → "5%"
	case len(db) == 0 && negates(c.a, da), len(da) == 0 && negates(c.b, db):
		// Dropping "not" turns the statement round: no mere omission.
		return []piece{{typ: TypeSubstantive, a0: e.a0, a1: e.a1, b0: e.b0, b1: e.b1}}
	case len(db) == 0 && titleBefore(c.a, da), len(da) == 0 && titleBefore(c.b, db):
		return whole(TypeName) // "Mr. Flynn" → "Flynn": how the name is written
	case len(db) == 0:
		return whole(TypeOmission)
	case len(da) == 0:
		return whole(TypeAddition)
	}
	if sameWords(c.a, da, c.b, db) {
		// Only the punctuation around the words differs ("\"0" → "!0”"):
		// the whole change, marks included, is the difference.
		return []piece{{typ: TypeOrthographic, a0: e.a0, a1: e.a1, b0: e.b0, b1: e.b1}}
	}
	ta, tb := c.a[e.a0:e.a1], c.b[e.b0:e.b1]
	if editorsName(c.a, da, c.b, e.b0, e.b1) || editorsName(c.b, db, c.a, e.a0, e.a1) {
		// "He paused" → "[Trump] paused": an editor's bracket names whom
		// the pronoun meant.
		return []piece{{typ: TypeName, a0: e.a0, a1: e.a1, b0: e.b0, b1: e.b1}}
	}
	if t := c.wholeType(ta, tb, e); t != "" {
		return whole(t)
	}
	if ps := c.pairUp(da, db); ps != nil {
		for i, p := range ps {
			if p.typ == TypeOmission && negates(c.a, wordIndexes(c.a, p.a0, p.a1)) ||
				p.typ == TypeAddition && negates(c.b, wordIndexes(c.b, p.b0, p.b1)) {
				ps[i].typ = TypeSubstantive // "agreed" → "did not agree"
			}
		}
		return ps
	}
	return whole(TypeSubstantive)
}

// editorsName reports whether the words a[wa] are one pronoun and b[b0:b1]
// is a name in square brackets that an editor put in its place.
func editorsName(a []Token, wa []int, b []Token, b0, b1 int) bool {
	if len(wa) != 1 || !pronouns[a[wa[0]].Norm] {
		return false
	}
	for b0 < b1 && !b[b0].IsWord() && b[b0].Text != "[" {
		b0++
	}
	for b1 > b0 && !b[b1-1].IsWord() && b[b1-1].Text != "]" {
		b1--
	}
	if b1-b0 < 3 || b[b0].Text != "[" || b[b1-1].Text != "]" {
		return false
	}
	for _, t := range b[b0+1 : b1-1] {
		if !t.IsWord() || !startsUpper(t.Text) {
			return false
		}
	}
	return true
}

var pronouns = wordSet("he she they it him her them his their its we us")

// titleBefore reports whether the words ts[ws] are courtesy titles before
// a name: the next word is written with a capital.
func titleBefore(ts []Token, ws []int) bool {
	if len(ws) == 0 || len(ws) > 2 {
		return false
	}
	for _, i := range ws {
		if !courtesyTitles[strings.TrimSuffix(ts[i].Norm, ".")] || !startsUpper(ts[i].Text) {
			return false // "we will miss."
		}
	}
	// The name follows at once: no sentence ends between.
	for _, t := range ts[ws[len(ws)-1]+1:] {
		if t.IsWord() {
			return startsUpper(t.Text)
		}
		if strings.TrimSpace(t.Text) != "" {
			return false
		}
	}
	return false
}

var courtesyTitles = wordSet("mr mrs ms miss mx dr prof sir dame")

// negates reports whether the words ts[ws] hold a negation.
func negates(ts []Token, ws []int) bool {
	return slices.ContainsFunc(ws, func(i int) bool { return negations[ts[i].Norm] })
}

// percentSign reports whether the words ts[ws] are "percent" or "per
// cent" and other is the sign alone.
func percentSign(ts []Token, ws []int, other []Token) bool {
	var w []string
	for _, i := range ws {
		w = append(w, ts[i].Norm)
	}
	if s := strings.Join(w, " "); s != "percent" && s != "per cent" {
		return false
	}
	return slices.ContainsFunc(other, func(t Token) bool { return isPercent(t.Text) }) &&
		!slices.ContainsFunc(other, Token.IsWord)
}

// sameWords reports whether the words a[da] and b[db] are written alike.
func sameWords(a []Token, da []int, b []Token, db []int) bool {
	return slices.EqualFunc(da, db, func(i, j int) bool { return a[i].Text == b[j].Text })
}

// softType types a token written differently with the same Norm.
func (c *classifier) softType(x, y Token) VariationType {
	if isNumeric(x.Norm) {
		return TypeNumber
	}
	if styleFold(x.Text) == styleFold(y.Text) || strings.TrimSuffix(x.Text, ".") == strings.TrimSuffix(y.Text, ".") {
		return TypeOrthographic // Putin’s/Putin's, Mr./Mr
	}
	if c.sameName([]Token{x}, []Token{y}, x.Start, x.End, y.Start, y.End) {
		return TypeName
	}
	return TypeOrthographic
}

// wholeType returns the type that explains the change ta → tb as a whole,
// or "".
func (c *classifier) wholeType(ta, tb []Token, e edit) VariationType {
	if sa := squashText(ta); sa == squashText(tb) && !strings.ContainsFunc(sa, unicode.IsDigit) {
		// The same letters joined another way, number words among them
		// (which Norm writes as digits): "No-one"/"No one",
		// "one-time"/"onetime".
		return TypeOrthographic
	}
	if sameNumbers(ta, tb, c.wn) {
		return TypeNumber
	}
	if c.sameName(ta, tb, ta[0].Start, ta[len(ta)-1].End, tb[0].Start, tb[len(tb)-1].End) {
		return TypeName
	}
	if squash(ta) == squash(tb) || uncontracted(ta, false) == uncontracted(tb, false) ||
		uncontracted(ta, true) == uncontracted(tb, true) {
		return TypeOrthographic
	}
	wa, wb := words(ta), words(tb)
	if len(wa) == len(wb) {
		syn := true
		for i := range wa {
			if wa[i].Norm == wb[i].Norm {
				continue
			}
			if t := c.relate(wa[i], wb[i]); t != TypeSynonym && t != TypeOrthographic {
				syn = false
				break
			}
		}
		if syn {
			return TypeSynonym
		}
	}
	return ""
}

// relate types a one-word-for-one-word change, "" when the words are
// unrelated.
func (c *classifier) relate(x, y Token) VariationType {
	switch {
	case x.Norm == y.Norm:
		return c.softType(x, y)
	case isNumeric(x.Norm) || isNumeric(y.Norm):
		if sameNumbers([]Token{x}, []Token{y}, c.wn) {
			return TypeNumber
		}
		return ""
	case c.sameName([]Token{x}, []Token{y}, x.Start, x.End, y.Start, y.End):
		return TypeName
	case squash([]Token{x}) == squash([]Token{y}):
		return TypeOrthographic
	}
	same, syn := c.wn.related(x.Text, y.Text)
	if same || syn || DefaultThesaurus().coreSynonyms(x.Text, y.Text) {
		return TypeSynonym
	}
	return ""
}

// pairUp aligns the words of a change by relatedness (longest chain of
// related pairs in order) and returns the pieces when every word is either
// paired or missing on one side only between two pairs; nil otherwise.
func (c *classifier) pairUp(da, db []int) []piece {
	if len(da)*len(db) > 400 {
		return nil
	}
	n, m := len(da), len(db)
	rel := make([][]VariationType, n)
	for i := range rel {
		rel[i] = make([]VariationType, m)
		for j := range rel[i] {
			rel[i][j] = c.relate(c.a[da[i]], c.b[db[j]])
		}
	}
	// best[i][j]: most related pairs in da[i:], db[j:].
	best := make([][]int, n+1)
	for i := range best {
		best[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			v := max(best[i+1][j], best[i][j+1])
			if rel[i][j] != "" {
				v = max(v, best[i+1][j+1]+1)
			}
			best[i][j] = v
		}
	}
	if best[0][0] == 0 {
		return nil
	}
	var ps []piece
	i, j, gi, gj := 0, 0, 0, 0
	gap := func(i1, j1 int) bool {
		switch {
		case gi < i1 && gj < j1:
			return false
		case gi < i1:
			ps = append(ps, piece{typ: TypeOmission, a0: da[gi], a1: da[i1-1] + 1, b0: gapPos(db, gj), b1: gapPos(db, gj)})
		case gj < j1:
			ps = append(ps, piece{typ: TypeAddition, a0: gapPos(da, gi), a1: gapPos(da, gi), b0: db[gj], b1: db[j1-1] + 1})
		}
		return true
	}
	for i < n && j < m {
		switch {
		case rel[i][j] != "" && best[i][j] == best[i+1][j+1]+1:
			if !gap(i, j) {
				return nil
			}
			// The same word on both sides anchors the pairing but is no
			// difference ("missile tests and plans" → "missiles and").
			if x, y := c.a[da[i]], c.b[db[j]]; x.Text != y.Text {
				ps = append(ps, piece{typ: rel[i][j], a0: da[i], a1: da[i] + 1, b0: db[j], b1: db[j] + 1})
			}
			i, j = i+1, j+1
			gi, gj = i, j
		case best[i+1][j] >= best[i][j+1]:
			i++
		default:
			j++
		}
	}
	if !gap(n, m) || len(ps) == 0 {
		return nil
	}
	return ps
}

// gapPos is the token index where an empty range sits before word k of ws
// (after the last word when k is past the end).
func gapPos(ws []int, k int) int {
	if k < len(ws) {
		return ws[k]
	}
	return ws[len(ws)-1] + 1
}

// sameName reports whether two wordings name one entity: the same canonical
// entity where the documents know it; otherwise proper names (every word
// capitalised) that fold alike ("Nato"/"NATO", "U.S."/"US"), one the
// initials of the other ("US"/"United States"), or one word spelt nearly
// alike ("Zelensky"/"Zelenskyy", "Umerov"/"Umierov").
func (c *classifier) sameName(ta, tb []Token, as, ae, bs, be int) bool {
	if c.canonA != nil && c.canonB != nil {
		if x := c.canonA(as, ae); x != "" && x == c.canonB(bs, be) {
			return true
		}
	}
	wa, wb := words(ta), words(tb)
	if len(wa) == 0 || len(wb) == 0 || !properName(wa) || !properName(wb) {
		return false
	}
	if squash(wa) == squash(wb) || foldAll(wa) == foldAll(wb) {
		// The same letters: a name variant when case or abbreviation dots
		// differ ("Nato"/"NATO", "U.S."/"US"), not when only apostrophes,
		// hyphens or spacing do ("Worker's"/"Workers").
		return lettersAndDots(wa) != lettersAndDots(wb)
	}
	ia, ib := initials(wa), initials(wb)
	if ia != "" && ia == dotless(wb) || ib != "" && ib == dotless(wa) {
		return true
	}
	if len(wa) == 1 && len(wb) == 1 {
		x, y := strings.ToLower(wa[0].Text), strings.ToLower(wb[0].Text)
		if derivedForms(x, y) {
			return false // Russia/Russian, Democratic/Democrats
		}
		d := editDistance(x, y)
		n := min(utf8.RuneCountInString(x), utf8.RuneCountInString(y))
		return d == 1 && n >= 5 || d == 2 && n >= 8
	}
	return false
}

// styleFold makes quotes, apostrophes and dashes one style, keeping case
// and letters.
func styleFold(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case isApostrophe(r) || r == '\u2018' || r == '\u201a' || r == '\u201b':
			return '\''
		case r == '\u201c' || r == '\u201d' || r == '\u201e' || r == '\u201f' || r == '\u00ab' || r == '\u00bb':
			return '"'
		case isDash(r):
			return '-'
		}
		return r
	}, s)
}

// lettersAndDots keeps the letters, digits and periods of the words, case
// and all.
func lettersAndDots(ws []Token) string {
	var sb strings.Builder
	for _, w := range ws {
		for _, r := range w.Text {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' {
				sb.WriteRune(r)
			}
		}
		sb.WriteByte(' ')
	}
	return sb.String()
}

// derivedSuffixes end inflected and derived forms of a name.
var derivedSuffixes = map[string]bool{
	"": true, "s": true, "es": true, "'s": true, "’s": true, "n": true, "an": true, "ans": true,
	"ian": true, "ians": true, "ns": true, "ese": true, "ic": true, "ics": true, "ism": true,
	"ist": true, "ists": true, "er": true, "ers": true, "ed": true, "ing": true, "i": true, "is": true,
}

// derivedForms reports whether two lower-case words differ only by such
// endings after a common stem: "russia"/"russian", "democratic"/"democrats".
func derivedForms(x, y string) bool {
	i := 0
	for i < len(x) && i < len(y) && x[i] == y[i] {
		i++
	}
	return i >= 3 && derivedSuffixes[x[i:]] && derivedSuffixes[y[i:]]
}

// properName reports whether every word starts with an upper-case letter
// (or is a number: "Article 5").
func properName(ws []Token) bool {
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w.Text)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// initials returns the capital initials of a name of two or more words
// ("United States of America" → "USA"), "" otherwise.
func initials(ws []Token) string {
	if len(ws) < 2 {
		return ""
	}
	var sb strings.Builder
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w.Text)
		if unicode.IsUpper(r) {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// dotless joins single words without their dots ("U.S." → "US").
func dotless(ws []Token) string {
	if len(ws) != 1 {
		return ""
	}
	return strings.ReplaceAll(ws[0].Text, ".", "")
}

func foldAll(ws []Token) string {
	var sb strings.Builder
	for _, w := range ws {
		sb.WriteString(w.Norm)
		sb.WriteByte(' ')
	}
	return sb.String()
}

// squash is the letters and digits of the tokens' Norms, so that case,
// punctuation, hyphenation, spacing and US/UK spelling vanish
// ("cease-fire"/"ceasefire", "U.S."/"US").
func squash(ts []Token) string {
	var sb strings.Builder
	for _, t := range ts {
		writeLetters(&sb, t.Norm)
	}
	return sb.String()
}

// squashText is squash of the tokens as written, number words as words.
func squashText(ts []Token) string {
	var sb strings.Builder
	for _, t := range ts {
		writeLetters(&sb, t.Text)
	}
	return sb.String()
}

// writeLetters writes the letters and digits of s, in lower case.
func writeLetters(sb *strings.Builder, s string) {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(unicode.ToLower(r))
		}
	}
}

// uncontracted is squash with contractions written out ("don't" → "do
// not", "they've" → "they have", "won't" → "will not"), so that
// contracting words is a matter of style; "'d" is "had", or "would" when
// would is set. "'s" after a noun (is, has or a possessive) stays as it is.
func uncontracted(ts []Token, would bool) string {
	var sb strings.Builder
	for _, t := range words(ts) {
		w := strings.ToLower(styleFold(t.Norm))
		if full, ok := contractions[w]; ok {
			w = full
		} else if base, ok := strings.CutSuffix(w, "'d"); ok && base != "" {
			w = base + " had"
			if would {
				w = base + " would"
			}
		} else {
			for _, c := range contractionSuffixes {
				if base, ok := strings.CutSuffix(w, c.suffix); ok && base != "" && (c.suffix != "'s" || sIsIs[base]) {
					w = base + c.full
					break
				}
			}
		}
		writeLetters(&sb, w)
	}
	return sb.String()
}

var contractions = map[string]string{
	"won't": "will not", "can't": "cannot", "shan't": "shall not", "ain't": "is not", "let's": "let us",
}

var contractionSuffixes = []struct{ suffix, full string }{
	{"n't", " not"}, {"'re", " are"}, {"'ve", " have"}, {"'ll", " will"}, {"'m", " am"}, {"'s", " is"},
}

// sIsIs holds the words whose "'s" is "is" (or "has"): "it's", "that's".
var sIsIs = map[string]bool{
	"it": true, "that": true, "there": true, "here": true, "what": true, "who": true,
	"he": true, "she": true, "where": true, "how": true,
}

func words(ts []Token) []Token {
	var ws []Token
	for _, t := range ts {
		if t.IsWord() {
			ws = append(ws, t)
		}
	}
	return ws
}

// trimMarks narrows ts[i0:i1] to its content (words, and symbols such as
// % and $), dropping punctuation at either end; a range of punctuation only
// is kept whole.
func trimMarks(ts []Token, i0, i1 int) (int, int) {
	j0, j1 := i0, i1
	for j0 < j1 && !isContent(ts[j0]) {
		j0++
	}
	for j1 > j0 && !isContent(ts[j1-1]) {
		j1--
	}
	if j0 == j1 {
		return i0, i1
	}
	return j0, j1
}

// isContent reports whether a token is a word or a symbol that carries
// meaning (%, currency and maths signs).
func isContent(t Token) bool {
	if t.IsWord() {
		return true
	}
	for _, r := range t.Text {
		if r == '%' || r == '\u2030' || unicode.Is(unicode.Sc, r) || unicode.Is(unicode.Sm, r) {
			return true
		}
	}
	return false
}

// wordIndexes returns the indexes of the word tokens in ts[i0:i1].
func wordIndexes(ts []Token, i0, i1 int) []int {
	var ix []int
	for i := i0; i < i1; i++ {
		if ts[i].IsWord() {
			ix = append(ix, i)
		}
	}
	return ix
}

// editDistance is the Levenshtein distance between two strings, by rune.
func editDistance(x, y string) int {
	a, b := []rune(x), []rune(y)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// isNumeric reports whether a folded token is a number (Fold turns number
// words into digits).
func isNumeric(norm string) bool {
	r, _ := utf8.DecodeRuneInString(norm)
	return unicode.IsDigit(r)
}

// sameNumbers reports whether two wordings give the same numbers (at least
// one) and otherwise the same words, ignoring articles, currency words and
// inflection: "10 years"/"ten-year", "$100 billion"/"one hundred billion US
// dollars", "50%"/"half", "27 November"/"November 27", "a decade"/"10 years".
func sameNumbers(ta, tb []Token, wn *wordNet) bool {
	va, ra := parseNumbers(ta)
	vb, rb := parseNumbers(tb)
	if len(va) == 0 || len(va) != len(vb) {
		return false
	}
	sort.Float64s(va)
	sort.Float64s(vb)
	for i := range va {
		if math.Abs(va[i]-vb[i]) > 1e-9*math.Max(1, math.Abs(va[i])) {
			return false
		}
	}
	if len(ra) != len(rb) {
		return false
	}
	for i := range ra {
		ra[i] = baseForm(ra[i], wn)
		rb[i] = baseForm(rb[i], wn)
	}
	sort.Strings(ra)
	sort.Strings(rb)
	for i := range ra {
		if ra[i] != rb[i] {
			return false
		}
	}
	return true
}

// baseForm is the first WordNet lemma of a word, or the word.
func baseForm(w string, wn *wordNet) string {
	if wn != nil {
		if ls := wn.lemmas(w); len(ls) > 0 {
			return ls[0]
		}
	}
	return w
}

var smallNumbers = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

var scaleWords = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12,
}

var ordinalNumbers = map[string]float64{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20,
	"thirtieth": 30,
}

// unitNumbers are words that stand for a number and a unit.
var unitNumbers = map[string]struct {
	v    float64
	unit string
}{
	"half": {0.5, ""}, "quarter": {0.25, ""}, "dozen": {12, ""},
	"decade": {10, "year"}, "decades": {10, "year"}, "century": {100, "year"},
	"fortnight": {14, "day"},
}

// ignoredNearNumbers are words that do not count against a number match.
var ignoredNearNumbers = map[string]bool{
	"a": true, "an": true, "and": true, "of": true, "$": true, "usd": true, "us": true,
	"dollar": true, "dollars": true, "€": true, "eur": true, "euro": true, "euros": true,
	"£": true, "gbp": true, "pound": true, "pounds": true, "sterling": true,
}

// parseNumbers reads the numbers written in digits or words in ts and
// returns their values and the other words (lower case). Word numbers are
// combined ("one hundred billion" → 1e11), a percent sign or "percent"
// scales the number before it, ordinals count as their number ("27th").
func parseNumbers(ts []Token) (vals []float64, rest []string) {
	var parts []string
	for _, t := range ts {
		for _, p := range strings.FieldsFunc(strings.ToLower(t.Text), func(r rune) bool {
			return r == '-' || r == '\u2010' || r == '\u2011' || r == '\u2013' || r == '\u2014'
		}) {
			parts = append(parts, p)
		}
	}
	cur, total, have := 0.0, 0.0, false
	flush := func() {
		if have {
			vals = append(vals, total+cur)
		}
		cur, total, have = 0, 0, false
	}
	percent := func() {
		if have {
			cur, total = (total+cur)/100, 0
		} else if len(vals) > 0 {
			vals[len(vals)-1] /= 100
		}
	}
	for k, p := range parts {
		if v, ok := parseDigits(p); ok {
			flush()
			cur, have = v, true
			continue
		}
		if v, ok := smallNumbers[p]; ok {
			cur, have = cur+v, true
			continue
		}
		if p == "hundred" {
			cur, have = math.Max(cur, 1)*100, true
			continue
		}
		if s, ok := scaleWords[p]; ok && (have || len(p) > 2) {
			total, cur, have = total+math.Max(cur, 1)*s, 0, true
			continue
		}
		if v, ok := ordinalNumbers[p]; ok {
			flush()
			vals = append(vals, v)
			continue
		}
		if u, ok := unitNumbers[p]; ok {
			flush()
			vals = append(vals, u.v)
			if u.unit != "" {
				rest = append(rest, u.unit)
			}
			continue
		}
		if p == "%" || p == "percent" || p == "pc" || p == "cent" && k > 0 && parts[k-1] == "per" {
			percent()
			continue
		}
		if p == "per" && k+1 < len(parts) && parts[k+1] == "cent" {
			continue
		}
		if p == "and" && have {
			continue
		}
		flush()
		if ignoredNearNumbers[p] || !strings.ContainsFunc(p, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue
		}
		rest = append(rest, p)
	}
	flush()
	return vals, rest
}

// parseDigits reads "600,000", "3.5", "27th", "100bn", "50%"-free digit
// forms; the suffixes st/nd/rd/th and k/m/bn/tn are understood.
func parseDigits(p string) (float64, bool) {
	if p == "" || p[0] < '0' || p[0] > '9' {
		return 0, false
	}
	i := 0
	for i < len(p) && (p[i] >= '0' && p[i] <= '9' || p[i] == ',' || p[i] == '.') {
		i++
	}
	num := strings.ReplaceAll(strings.TrimRight(p[:i], ".,"), ",", "")
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, false
	}
	switch suf := p[i:]; suf {
	case "", "st", "nd", "rd", "th", "s":
	default:
		s, ok := scaleWords[suf]
		if !ok {
			return 0, false
		}
		v *= s
	}
	return v, true
}
