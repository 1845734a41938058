// Package compare finds the statements several articles carry in different
// words, aligns their wordings word by word and types every difference.
//
// Matching: MinHash-LSH candidates over folded word shingles (Broder, "On the
// resemblance and containment of documents", 1997; Leskovec, Rajaraman and
// Ullman, Mining of Massive Datasets, ch. 3), scored by Similarity and
// grouped into Clusters. Alignment: each cluster's wordings against a pivot
// wording (the medoid) with Myers' O(ND) difference algorithm (Myers, "An
// O(ND) Difference Algorithm and Its Variations", Algorithmica 1986) as
// implemented by go-diff, run on word tokens (one rune per distinct folded
// token, DiffMainRunes, no time-out) with a word-level cleanup instead of
// go-diff's character-scored one. Differences are typed as orthographic,
// number, name, synonym (WordNet 3.0, shipped as a derived table),
// omission, addition or substantive, and reports are rendered as text,
// Markdown, JSON Lines and one self-contained HTML page.
//
// Every offset in an output is a UTF-8 byte offset into the article's text
// (or, for Diff, into its input); matching folds case, quotes, dashes,
// spelling and numbers on its own token copies only.
package compare

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/variorum/variorum/corpus"
)

// similarity scores wordings for choosing pivots and for rows; it is
// Similarity, replaced in tests so that golden files do not move when the
// matching side tunes its score.
var similarity = Similarity

// Op kinds of an alignment.
const (
	OpEqual  = "equal"
	OpDelete = "delete"
	OpInsert = "insert"
)

// Op is one step of a word alignment from A (the reference) to B. Text is
// exactly A[AStart:AEnd] for equal and delete ops and B[BStart:BEnd] for
// equal and insert ops; an op that one side lacks has an empty range there,
// marking where it would be. Joining the equal and delete texts gives A,
// joining the equal and insert texts gives B. Offsets are into the article
// texts for cluster rows and into the inputs for Diff.
type Op struct {
	Op   string `json:"op"`
	Text string `json:"text"`
	// Type is the variation a delete or insert belongs to (the most serious
	// one when it holds several); empty for equal ops and for ops that only
	// change white space.
	Type VariationType `json:"type,omitempty"`
	// Excerpt: the op belongs to a Variation marked Excerpt.
	Excerpt bool `json:"excerpt,omitempty"`
	AStart  int  `json:"a_start"`
	AEnd    int  `json:"a_end"`
	BStart  int  `json:"b_start"`
	BEnd    int  `json:"b_end"`
}

// Row is one witness of a cluster aligned against the pivot.
type Row struct {
	Witness int `json:"witness"` // index in the cluster's Witnesses
	// Similarity of the witness to the pivot (1 for the pivot itself).
	Similarity float64 `json:"similarity"`
	// Ops turn the pivot's wording into this witness's; the pivot's own row
	// is one equal op.
	Ops []Op `json:"ops"`
}

// Aligned is a cluster with its variants aligned word by word against a
// pivot wording, and every difference typed.
type Aligned struct {
	Cluster
	// Pivot is the index in Witnesses of the reference wording: the one
	// sharing the most words in order with every other article's (for
	// quotes, the fullest version of the quote); see medoid.
	Pivot int `json:"pivot"`
	// Outlets is how many distinct outlets (or sources, when the outlet is
	// unknown) carry the statement.
	Outlets int `json:"outlets"`
	// Status is set for quote clusters: StatusQuotedDifferently when the
	// quoted words differ beyond spelling and punctuation, StatusConfirmed
	// when they agree (a quote cut shorter at either end, without dropping
	// a negation next to the rest, is an excerpt of the same words).
	Status string `json:"status,omitempty"`
	// Rows align each witness, in Witnesses order, against the pivot.
	Rows []Row `json:"alignment"`
	// Shared are the spans of the pivot's article text whose words every
	// witness has (folded alike): what all share.
	Shared []corpus.Span `json:"shared"`
	// Variations are every row's typed differences, most serious type first.
	Variations []Variation `json:"variations"`
	// Types counts the variations by type.
	Types map[VariationType]int `json:"types"`
	// Coverage says which outlets carried the statement, which left it out
	// and who was first; set by NewReport.
	Coverage *Coverage `json:"coverage,omitempty"`
}

// Quote cluster statuses (issue 5: quote fidelity across outlets).
const (
	StatusQuotedDifferently = "quoted differently"
	StatusConfirmed         = "confirmed"
)

// Align aligns every witness of c word by word against the pivot and types
// each difference. docs, keyed by article ID, may be nil; when given, their
// entities' canonical names let "Zelensky"/"Zelenskyy" be typed as one name.
func Align(c Cluster, docs map[string]corpus.Document) Aligned {
	al := Aligned{Cluster: c, Types: map[VariationType]int{}, Rows: []Row{}, Shared: []corpus.Span{}, Variations: []Variation{}}
	if len(c.Witnesses) == 0 {
		return al
	}
	toks := make([][]Token, len(c.Witnesses))
	for k, w := range c.Witnesses {
		toks[k] = Tokenize(w.Text)
	}
	al.Pivot = medoid(c.Witnesses, toks, c.Kind == KindQuote)
	al.Outlets = countOutlets(c.Witnesses)
	p := c.Witnesses[al.Pivot]
	pt := toks[al.Pivot]
	shared := make([]int, len(pt)) // rows in which each pivot token is aligned equal
	wn := loadWordNet()
	for k, w := range c.Witnesses {
		if k == al.Pivot {
			al.Rows = append(al.Rows, Row{Witness: k, Similarity: 1, Ops: []Op{{
				Op: OpEqual, Text: p.Text, AStart: p.Start, AEnd: p.End, BStart: p.Start, BEnd: p.End,
			}}})
			continue
		}
		wt := toks[k]
		cl := &classifier{a: pt, b: wt, wn: wn, canonA: canonLookup(docs, p), canonB: canonLookup(docs, w)}
		ops, vars, edits := alignTexts(p.Text, w.Text, pt, wt, cl)
		for _, e := range edits {
			if !e.change {
				for i := e.a0; i < e.a1; i++ {
					shared[i]++
				}
			} else if e.soft {
				shared[e.a0]++
			}
		}
		shiftOps(ops, p.Start, w.Start)
		for i := range vars {
			vars[i].Witness = k
			vars[i].AStart += p.Start
			vars[i].AEnd += p.Start
			vars[i].BStart += w.Start
			vars[i].BEnd += w.Start
		}
		markMoved(vars)
		al.Rows = append(al.Rows, Row{Witness: k, Similarity: round4(similarity(p.Text, w.Text)), Ops: ops})
		al.Variations = append(al.Variations, vars...)
	}
	// A span of shared words runs on over shared punctuation, never over
	// a word some witness lacks ("significant, [deliberate], and").
	run := false
	for i, t := range pt {
		full := shared[i] == len(c.Witnesses)-1
		switch {
		case !full:
			run = false
		case !t.IsWord():
		case run:
			al.Shared[len(al.Shared)-1].End = p.Start + t.End
		default:
			al.Shared = append(al.Shared, corpus.Span{Start: p.Start + t.Start, End: p.Start + t.End})
			run = true
		}
	}
	sortVariations(al.Variations)
	if c.Kind == KindQuote {
		al.Status = StatusConfirmed
		for i, v := range al.Variations {
			switch {
			case v.Type == TypeOrthographic:
			case v.Type == TypeName && (v.From == "" || v.To == ""):
				// A courtesy title one outlet writes in the quote and
				// another not ("Mr Flynn"): house style, no misquote.
			case glossing(v, p, c.Witnesses[v.Witness]) && v.Type != TypeSubstantive:
				// Words in brackets one outlet put into the quote are
				// its gloss, not the speaker's: left out, no misquote.
			case excerpting(v, p, c.Witnesses[v.Witness]):
				// Words cut off at a quote's end are an excerpt's, even
				// with a negation inside them (typed substantive when
				// dropped or added elsewhere).
				markExcerpt(al.Rows, v)
				al.Variations[i].Type, al.Variations[i].Excerpt = gapType(v), true
			default:
				al.Status = StatusQuotedDifferently
			}
		}
	}
	for _, v := range al.Variations {
		al.Types[v.Type]++
	}
	// Moved words and an excerpt's cut ends come after every real
	// difference.
	slices.SortStableFunc(al.Variations, func(x, y Variation) int {
		return cmp.Compare(b2i(x.Excerpt || x.Moved), b2i(y.Excerpt || y.Moved))
	})
	return al
}

// markMoved marks the variations of one row that only move words: a
// phrase the row lacks in one place and has in another ("Trump's envoy
// Steve Witkoff met …" against "… met Trump's envoy Steve Witkoff"), or two
// phrases swapped ("Ukraine and Europe" against "Europe and Ukraine"). The
// words are there, so neither side is an omission an editor should chase.
func markMoved(vars []Variation) {
	key := func(s string) string {
		var ws []string
		for _, f := range strings.Fields(strings.ToLower(strings.ReplaceAll(s, "’", "'"))) {
			if f = strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }); f != "" {
				ws = append(ws, f)
			}
		}
		return strings.Join(ws, " ")
	}
	for i := range vars {
		for j := range vars {
			if i == j || vars[i].Type == TypeOrthographic || vars[j].Type == TypeOrthographic {
				continue
			}
			// The pivot's words of i are the witness's words of j, or
			// most of them, two words or more ("was Trump's envoy Steve
			// Witkoff" left out here, "Trump's envoy, Steve Witkoff" put
			// in there).
			from, to := key(vars[i].From), key(vars[j].To)
			if from == "" || to == "" {
				continue
			}
			// An omission and an addition of the same words, or two
			// changes that swap them.
			swapped := from == to && (vars[i].To == "" && vars[j].From == "" || vars[i].To != "" && key(vars[i].To) == key(vars[j].From))
			nf, nt := len(strings.Fields(from)), len(strings.Fields(to))
			within := vars[i].To == "" && nt >= 2 && 2*nt >= nf && strings.Contains(" "+from+" ", " "+to+" ")
			if swapped || within {
				vars[i].Moved, vars[j].Moved = true, true
			}
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// markExcerpt marks the ops of v's row that v covers as an excerpt's.
// Its ops take the gap's type, as v does (gapType).
func markExcerpt(rows []Row, v Variation) {
	for r := range rows {
		if rows[r].Witness != v.Witness {
			continue
		}
		for i, o := range rows[r].Ops {
			// An op may hold the punctuation next to the variation's words.
			if o.Type == v.Type && (o.Op == OpDelete && o.AStart < v.AEnd && v.AStart < o.AEnd ||
				o.Op == OpInsert && o.BStart < v.BEnd && v.BStart < o.BEnd) {
				rows[r].Ops[i].Excerpt = true
				rows[r].Ops[i].Type = gapType(v)
			}
		}
	}
}

// gapType is the type of v as a gap: omission for words one side lacks,
// addition for words it has more, whatever negation made it substantive;
// v's own type otherwise.
func gapType(v Variation) VariationType {
	switch {
	case v.Type == TypeSubstantive && v.To == "" && v.From != "":
		return TypeOmission
	case v.Type == TypeSubstantive && v.From == "" && v.To != "":
		return TypeAddition
	}
	return v.Type
}

// excerpting reports whether a variation of a quote only cuts it shorter
// or runs it longer at one end (words one outlet quotes and another leaves
// outside its quotation marks) and drops or adds no negation: an excerpt of
// the same words, not a misquote.
func excerpting(v Variation, pivot, w Witness) bool {
	// cut reports whether text[s:e] (offsets from start) is a run of words
	// at one end of text whose word next to the rest is not a negation
	// ("not guilty" cut to "guilty" is no excerpt).
	cut := func(text string, start, s, e int) bool {
		var ws []string
		for _, t := range words(Tokenize(text[s-start : e-start])) {
			ws = append(ws, t.Norm)
		}
		switch {
		case len(ws) == 0:
			return true
		case !hasWord(text[:s-start]): // at the start: the last word is next
			return !negations[ws[len(ws)-1]]
		case !hasWord(text[e-start:]): // at the end: the first word is next
			return !negations[ws[0]]
		}
		return false
	}
	return onGapSide(v, pivot, w, cut)
}

// onGapSide applies test to the words of v, an omission or an addition,
// on the side that has them: text[s:e] with the text starting at start.
func onGapSide(v Variation, pivot, w Witness, test func(text string, start, s, e int) bool) bool {
	switch gapType(v) {
	case TypeOmission:
		return test(pivot.Text, pivot.Start, v.AStart, v.AEnd)
	case TypeAddition:
		return test(w.Text, w.Start, v.BStart, v.BEnd)
	}
	return false
}

// glossing reports whether v is words only one side has, all inside one
// pair of brackets or parentheses on that side: an outlet's gloss inside
// a quote ("(Russian President Vladimir) Putin", "bothered [him]").
func glossing(v Variation, pivot, w Witness) bool {
	inside := func(text string, start, s, e int) bool {
		s, e = s-start, e-start
		if s < 0 || e > len(text) || s >= e {
			return false
		}
		open := strings.LastIndexAny(text[:s+1], "([")
		if open < 0 {
			return false
		}
		closing := map[byte]byte{'(': ')', '[': ']'}[text[open]]
		end := strings.IndexByte(text[open:], closing)
		return end >= 0 && open+end >= e-1 && (open+1 >= s || !strings.ContainsAny(text[open+1:s], ")]"))
	}
	return onGapSide(v, pivot, w, inside)
}

// alignTexts aligns B against A and returns the ops, the typed variations
// (offsets into A and B) and the token edits.
func alignTexts(ta, tb string, a, b []Token, cl *classifier) ([]Op, []Variation, []edit) {
	edits := alignTokens(ta, tb, a, b)
	edits = mergeNumbers(edits, a, b, cl.wn)
	var vars []Variation
	types := make([]VariationType, len(edits))
	for k, e := range edits {
		if !e.change {
			continue
		}
		for _, p := range cl.classify(e) {
			vars = append(vars, pieceVariation(ta, tb, a, b, p))
			if types[k] == "" || p.typ.Rank() < types[k].Rank() {
				types[k] = p.typ
			}
		}
	}
	return buildOps(ta, tb, a, b, edits, types), vars, edits
}

// pieceVariation turns a typed token range into a variation with byte
// offsets into ta and tb.
func pieceVariation(ta, tb string, a, b []Token, p piece) Variation {
	as, ae := byteRange(a, p.a0, p.a1)
	bs, be := byteRange(b, p.b0, p.b1)
	return Variation{Type: p.typ, Witness: 1, From: ta[as:ae], To: tb[bs:be], AStart: as, AEnd: ae, BStart: bs, BEnd: be}
}

// byteRange converts tokens ts[i0:i1] to a byte range; an empty range sits
// at the end of the token before it (or at the start of the text).
func byteRange(ts []Token, i0, i1 int) (int, int) {
	if i0 < i1 {
		return ts[i0].Start, ts[i1-1].End
	}
	if i0 > 0 {
		return ts[i0-1].End, ts[i0-1].End
	}
	if len(ts) > 0 {
		return ts[0].Start, ts[0].Start
	}
	return 0, 0
}

// mergeNumbers joins a run of neighbouring changes into one change when
// together they write the same numbers another way: "27 November" →
// "November 27" (a word dropped on one side and added on the other), "$100
// billion" → "one hundred billion US dollars" (several changes around
// "billion"). A run starts at a change, holds a change with a number, never
// crosses punctuation or more than a few equal tokens (so two numbers of a
// list stay apart), and is taken as long as it can be.
func mergeNumbers(es []edit, a, b []Token, wn *wordNet) []edit {
	const maxRun, maxTokens, maxEqual = 7, 24, 3
	for k := 0; k < len(es); k++ {
		if !es[k].change {
			continue
		}
		best, numeric := -1, false
		for end := k; end < len(es) && end < k+maxRun; end++ {
			x, y := es[k], es[end]
			if !y.change {
				if y.a1-y.a0 > maxEqual || hasPunct(a[y.a0:y.a1]) {
					break
				}
				continue
			}
			if (y.a1-x.a0)+(y.b1-x.b0) > maxTokens {
				break
			}
			numeric = numeric || hasNumber(a[y.a0:y.a1]) || hasNumber(b[y.b0:y.b1])
			if end > k && numeric && !numberChanges(es[k:end+1], a, b, wn) && sameNumbers(a[x.a0:y.a1], b[x.b0:y.b1], wn) {
				best = end
			}
		}
		if best > k {
			x, y := es[k], es[best]
			merged := edit{change: true, a0: x.a0, a1: y.a1, b0: x.b0, b1: y.b1}
			es = append(es[:k], append([]edit{merged}, es[best+1:]...)...)
		}
	}
	return es
}

// hasPunct reports whether any token is punctuation (not a word or symbol).
func hasPunct(ts []Token) bool {
	for _, t := range ts {
		if !isContent(t) {
			return true
		}
	}
	return false
}

// hasNumber reports whether the tokens write a number.
func hasNumber(ts []Token) bool {
	v, _ := parseNumbers(ts)
	return len(v) > 0
}

// numberChanges reports whether every change in es is already a number
// variant on its own, so merging them would add nothing.
func numberChanges(es []edit, a, b []Token, wn *wordNet) bool {
	for _, e := range es {
		if !e.change {
			continue
		}
		if e.soft && isNumeric(a[e.a0].Norm) {
			continue
		}
		if !sameNumbers(a[e.a0:e.a1], b[e.b0:e.b1], wn) {
			return false
		}
	}
	return true
}

// buildOps renders edits as ops over the texts, white space included, so
// that the ops reassemble both texts exactly. types[k] is the variation type
// of change edit k.
func buildOps(ta, tb string, a, b []Token, es []edit, types []VariationType) []Op {
	var ops []Op
	pa, pb := 0, 0
	step := func(op, text string, t VariationType) {
		if text == "" {
			return
		}
		if op != OpEqual && strings.TrimSpace(text) == "" {
			t = ""
		}
		o := Op{Op: op, Text: text, Type: t, AStart: pa, AEnd: pa, BStart: pb, BEnd: pb}
		if op != OpInsert {
			o.AEnd += len(text)
		}
		if op != OpDelete {
			o.BEnd += len(text)
		}
		pa, pb = o.AEnd, o.BEnd
		if n := len(ops) - 1; n >= 0 && ops[n].Op == op && (ops[n].Type == t || op != OpEqual && t == "") {
			ops[n].AEnd, ops[n].BEnd = o.AEnd, o.BEnd // Text is set from the offsets below
			return
		}
		ops = append(ops, o)
	}
	gaps := func(ga, gb string) {
		if ga == gb {
			step(OpEqual, ga, "")
			return
		}
		step(OpDelete, ga, "")
		step(OpInsert, gb, "")
	}
	for k, e := range es {
		if !e.change {
			for t := 0; t < e.a1-e.a0; t++ {
				x, y := a[e.a0+t], b[e.b0+t]
				gaps(ta[pa:x.Start], tb[pb:y.Start])
				step(OpEqual, x.Text, "")
			}
			continue
		}
		da, db := "", ""
		if e.a1 > e.a0 {
			da = ta[pa:a[e.a1-1].End]
		}
		if e.b1 > e.b0 {
			db = tb[pb:b[e.b1-1].End]
		}
		if da != "" && db != "" {
			ws := commonSpace(da, db)
			step(OpEqual, ws, "")
			da, db = da[len(ws):], db[len(ws):]
		}
		step(OpDelete, da, types[k])
		step(OpInsert, db, types[k])
	}
	gaps(ta[pa:], tb[pb:])
	for i := range ops {
		if ops[i].Op == OpInsert {
			ops[i].Text = tb[ops[i].BStart:ops[i].BEnd]
		} else {
			ops[i].Text = ta[ops[i].AStart:ops[i].AEnd]
		}
	}
	return ops
}

// commonSpace is the white space both strings start with.
func commonSpace(x, y string) string {
	i := 0
	for i < len(x) && i < len(y) && x[i] == y[i] && unicode.IsSpace(rune(x[i])) {
		i++
	}
	return x[:i]
}

func shiftOps(ops []Op, da, db int) {
	for i := range ops {
		ops[i].AStart += da
		ops[i].AEnd += da
		ops[i].BStart += db
		ops[i].BEnd += db
	}
}

// medoid returns the index of the reference wording, the one the others
// are shown against: the witness that needs the fewest word changes to
// become every other article's nearest wording (the centre of a
// centre-star alignment), so that the rows hold as few differences as
// they can. Closeness is the share of words two wordings have in common in
// order, 2·LCS/(|a|+|b|) over folded words. Each article votes once, with
// its nearest wording, and an article's own restatements do not vote for
// it. Ties go to the earlier witness. At most the first 64 witnesses are
// candidates, compared with at most 64 others. toks are the witnesses'
// tokens.
//
// For quotes (whole set), closeness is instead the share of the other
// quote's words found in the candidate in order (LCS/|b|), so the reference
// is the fullest version of the quote and the shorter ones show as
// excerpts of it.
func medoid(ws []Witness, toks [][]Token, whole bool) int {
	if len(ws) <= 2 {
		return 0
	}
	n := min(len(ws), 64)
	norms := make([][]string, n)
	for i := range norms {
		for _, t := range words(toks[i]) {
			norms[i] = append(norms[i], t.Norm)
		}
	}
	best, bestSum := 0, math.Inf(-1)
	nearest := map[string]float64{}
	var row []int
	for i := 0; i < n; i++ {
		clear(nearest)
		for j := 0; j < n; j++ {
			if ws[j].Article == ws[i].Article {
				continue
			}
			var common int
			common, row = lcs(norms[i], norms[j], row)
			s := 1.0 // two empty wordings
			switch {
			case whole && len(norms[j]) > 0:
				s = float64(common) / float64(len(norms[j]))
			case !whole && len(norms[i])+len(norms[j]) > 0:
				s = 2 * float64(common) / float64(len(norms[i])+len(norms[j]))
			}
			if s > nearest[ws[j].Article] {
				nearest[ws[j].Article] = s
			}
		}
		sum := 0.0
		for _, s := range nearest {
			sum += s
		}
		if sum > bestSum+1e-12 {
			best, bestSum = i, sum
		}
	}
	return best
}

// lcs returns the length of the longest common subsequence of a and b,
// using row as scratch.
func lcs(a, b []string, row []int) (int, []int) {
	row = slices.Grow(row[:0], len(b)+1)[:len(b)+1]
	clear(row)
	for i := range a {
		diag := 0 // LCS of a[:i], b[:j]
		for j := range b {
			up := row[j+1]
			if a[i] == b[j] {
				row[j+1] = diag + 1
			} else {
				row[j+1] = max(row[j+1], row[j])
			}
			diag = up
		}
	}
	return row[len(b)], row
}

// Label names a witness for a reader: its outlet, or its source.
func (w Witness) label() string {
	if w.Outlet != "" {
		return w.Outlet
	}
	return w.Source
}

func countOutlets(ws []Witness) int {
	seen := map[string]bool{}
	for _, w := range ws {
		seen[w.label()] = true
	}
	return len(seen)
}

// canonLookup returns a function giving the canonical name of the entity
// that covers a byte range of the witness text, or nil when the witness's
// document is unknown.
func canonLookup(docs map[string]corpus.Document, w Witness) func(start, end int) string {
	d, ok := docs[w.Article]
	if !ok || len(d.Entities) == 0 {
		return nil
	}
	return func(start, end int) string {
		s, e := w.Start+start, w.Start+end
		for _, ent := range d.Entities {
			if ent.Start <= s && e <= ent.End {
				return ent.Canonical
			}
		}
		return ""
	}
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
