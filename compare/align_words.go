package compare

import (
	"cmp"
	"slices"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// maxWordDiff bounds the tokens (both sides together) one Myers word diff
// runs over. go-diff's DiffTimeout is 0, so the diff is exact and does not
// depend on machine load; longer inputs are first aligned line by line, and
// a changed block still longer than this on anchors (diffAnchored).
const maxWordDiff = 4000

// edit is one piece of a word alignment: tokens a[A0:A1] and b[B0:B1].
// An equal edit pairs tokens with the same Norm one to one; a change edit
// holds what one side has in place of the other's (either side may be
// empty). A soft edit is a change of one token for one token of the same
// Norm written differently ("10"/"ten", "Nato"/"NATO", curly/straight quotes).
type edit struct {
	change, soft   bool
	a0, a1, b0, b1 int
}

// alignTokens aligns two token sequences word by word: Myers' diff (go-diff
// on one rune per distinct Norm), a word-level cleanup, and equal tokens
// written differently split out as soft changes.
func alignTokens(ta, tb string, a, b []Token) []edit {
	d := differ{ta: ta, tb: tb, a: a, b: b}
	edits := d.diffRange(0, len(a), 0, len(b), true)
	edits = mergeEdits(edits)
	edits = cleanupWords(a, b, edits)
	return splitSoft(a, b, edits)
}

// differ holds the two texts and their tokens while they are aligned.
type differ struct {
	ta, tb string
	a, b   []Token
}

// diffRange aligns a[a0:a1] with b[b0:b1].
func (d *differ) diffRange(a0, a1, b0, b1 int, byLine bool) []edit {
	a, b := d.a, d.b
	var head, tail []edit
	for a0 < a1 && b0 < b1 && a[a0].Norm == b[b0].Norm {
		a0, b0 = a0+1, b0+1
		head = appendEqual(head, a0-1, b0-1, 1)
	}
	n := 0
	for a1-n > a0 && b1-n > b0 && a[a1-n-1].Norm == b[b1-n-1].Norm {
		n++
	}
	if n > 0 {
		tail = []edit{{a0: a1 - n, a1: a1, b0: b1 - n, b1: b1}}
		a1, b1 = a1-n, b1-n
	}
	var mid []edit
	switch {
	case a0 == a1 && b0 == b1:
	case a0 == a1 || b0 == b1:
		mid = []edit{{change: true, a0: a0, a1: a1, b0: b0, b1: b1}}
	case (a1-a0)+(b1-b0) <= maxWordDiff:
		mid = myersWords(a, b, a0, a1, b0, b1)
	case byLine:
		mid = d.diffLines(a0, a1, b0, b1)
	default:
		mid = d.diffAnchored(a0, a1, b0, b1)
	}
	out := append(head, mid...)
	return append(out, tail...)
}

func appendEqual(es []edit, a0, b0, n int) []edit {
	if k := len(es) - 1; k >= 0 && !es[k].change && es[k].a1 == a0 && es[k].b1 == b0 {
		es[k].a1 += n
		es[k].b1 += n
		return es
	}
	return append(es, edit{a0: a0, a1: a0 + n, b0: b0, b1: b0 + n})
}

// runeCoder gives each distinct key one rune, skipping the surrogate range
// so that every rune survives go-diff's string conversions.
type runeCoder struct {
	codes map[string]rune
	next  rune
}

func newRuneCoder() *runeCoder { return &runeCoder{codes: map[string]rune{}, next: 0x100} }

func (c *runeCoder) code(key string) rune {
	if r, ok := c.codes[key]; ok {
		return r
	}
	r := c.next
	c.next++
	if c.next == 0xD800 {
		c.next = 0xE000
	}
	c.codes[key] = r
	return r
}

// diffRunes runs go-diff without a time-out and returns its diffs as
// (op, length in runes) pairs.
func diffRunes(ra, rb []rune) []diffmatchpatch.Diff {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	return dmp.DiffMainRunes(ra, rb, false)
}

// editsFromDiffs turns go-diff's diffs over unit sequences (tokens or lines)
// into edits, each delete/insert run between equalities one change. startA
// and startB map a unit index (or the count of units) to its first token.
func editsFromDiffs(diffs []diffmatchpatch.Diff, startA, startB func(i int) int) []edit {
	var out []edit
	i, j := 0, 0
	ca0, cb0 := -1, -1
	flush := func() {
		if ca0 < 0 {
			return
		}
		out = append(out, edit{change: true, a0: startA(ca0), a1: startA(i), b0: startB(cb0), b1: startB(j)})
		ca0, cb0 = -1, -1
	}
	for _, d := range diffs {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			flush()
			s, t := startA(i), startB(j)
			out = appendEqual(out, s, t, startA(i+n)-s)
			i, j = i+n, j+n
		case diffmatchpatch.DiffDelete:
			if ca0 < 0 {
				ca0, cb0 = i, j
			}
			i += n
		case diffmatchpatch.DiffInsert:
			if ca0 < 0 {
				ca0, cb0 = i, j
			}
			j += n
		}
	}
	flush()
	return out
}

// myersWords is the exact word diff of a[a0:a1] and b[b0:b1].
func myersWords(a, b []Token, a0, a1, b0, b1 int) []edit {
	c := newRuneCoder()
	ra := make([]rune, a1-a0)
	for i := range ra {
		ra[i] = c.code(a[a0+i].Norm)
	}
	rb := make([]rune, b1-b0)
	for i := range rb {
		rb[i] = c.code(b[b0+i].Norm)
	}
	startA := func(i int) int { return a0 + i }
	startB := func(i int) int { return b0 + i }
	return editsFromDiffs(diffRunes(ra, rb), startA, startB)
}

// diffLines aligns long inputs line by line first (a line: the tokens
// between two newlines of the text), then word by word inside each changed
// block of lines that is small enough.
func (d *differ) diffLines(a0, a1, b0, b1 int) []edit {
	a, b := d.a, d.b
	c := newRuneCoder()
	linesA := splitLines(d.ta, a, a0, a1)
	linesB := splitLines(d.tb, b, b0, b1)
	ra := make([]rune, len(linesA)-1)
	for i := range ra {
		ra[i] = c.code(lineKey(a[linesA[i]:linesA[i+1]]))
	}
	rb := make([]rune, len(linesB)-1)
	for i := range rb {
		rb[i] = c.code(lineKey(b[linesB[i]:linesB[i+1]]))
	}
	startA := func(i int) int { return linesA[i] }
	startB := func(i int) int { return linesB[i] }
	var out []edit
	for _, e := range editsFromDiffs(diffRunes(ra, rb), startA, startB) {
		if !e.change {
			out = appendEqual(out, e.a0, e.b0, e.a1-e.a0)
			continue
		}
		out = append(out, d.diffRange(e.a0, e.a1, e.b0, e.b1, false)...)
	}
	return out
}

// diffAnchored aligns a[a0:a1] with b[b0:b1], too long for one Myers
// diff, as patience diff does: the words found exactly once on each side
// are anchors, the longest series of anchors in the same order on both
// sides is kept equal, and the stretches between them are aligned in turn
// (each shorter than the whole, so this ends). With no anchor the stretch
// is one replacement.
func (d *differ) diffAnchored(a0, a1, b0, b1 int) []edit {
	a, b := d.a, d.b
	type seen struct{ na, nb, ib int }
	count := make(map[string]*seen)
	for i := a0; i < a1; i++ {
		c := count[a[i].Norm]
		if c == nil {
			c = &seen{}
			count[a[i].Norm] = c
		}
		c.na++
	}
	for j := b0; j < b1; j++ {
		if c := count[b[j].Norm]; c != nil {
			c.nb++
			c.ib = j
		}
	}
	var anchors [][2]int // in a's order
	for i := a0; i < a1; i++ {
		if c := count[a[i].Norm]; c.na == 1 && c.nb == 1 {
			anchors = append(anchors, [2]int{i, c.ib})
		}
	}
	anchors = increasingInB(anchors)
	if len(anchors) == 0 {
		return []edit{{change: true, a0: a0, a1: a1, b0: b0, b1: b1}}
	}
	var out []edit
	for _, an := range anchors {
		out = append(out, d.diffRange(a0, an[0], b0, an[1], false)...)
		out = appendEqual(out, an[0], an[1], 1)
		a0, b0 = an[0]+1, an[1]+1
	}
	return append(out, d.diffRange(a0, a1, b0, b1, false)...)
}

// increasingInB returns the longest subsequence of pairs (ordered by their
// first element) whose second elements increase too, by patience sorting:
// the earliest such subsequence when there are several.
func increasingInB(pairs [][2]int) [][2]int {
	var tails []int // tails[k]: index in pairs ending the best series of length k+1
	prev := make([]int, len(pairs))
	for i, p := range pairs {
		k, _ := slices.BinarySearchFunc(tails, p[1], func(t, v int) int { return cmp.Compare(pairs[t][1], v) })
		prev[i] = -1
		if k > 0 {
			prev[i] = tails[k-1]
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	if len(tails) == 0 {
		return nil
	}
	out := make([][2]int, len(tails))
	for k, i := len(tails)-1, tails[len(tails)-1]; k >= 0; k-- {
		out[k] = pairs[i]
		i = prev[i]
	}
	return out
}

// splitLines returns the token indexes where lines start in ts[i0:i1], with
// i1 appended: a new line starts at a token whose gap from the previous
// token in text holds a newline, so a line is never empty.
func splitLines(text string, ts []Token, i0, i1 int) []int {
	starts := []int{i0}
	for i := i0 + 1; i < i1; i++ {
		if strings.Contains(text[ts[i-1].End:ts[i].Start], "\n") {
			starts = append(starts, i)
		}
	}
	return append(starts, i1)
}

func lineKey(ts []Token) string {
	var sb strings.Builder
	for _, t := range ts {
		sb.WriteString(t.Norm)
		sb.WriteByte(0)
	}
	return sb.String()
}

// mergeEdits joins adjacent edits of the same kind.
func mergeEdits(es []edit) []edit {
	var out []edit
	for _, e := range es {
		if e.a0 == e.a1 && e.b0 == e.b1 {
			continue
		}
		if k := len(out) - 1; k >= 0 && out[k].change == e.change && !out[k].soft && !e.soft &&
			out[k].a1 == e.a0 && out[k].b1 == e.b0 {
			out[k].a1, out[k].b1 = e.a1, e.b1
			continue
		}
		out = append(out, e)
	}
	return out
}

// cleanupWords is a word-level counterpart of go-diff's semantic cleanup: an
// equality of function words only ("the", "be", "with"; punctuation alone is
// kept, it often separates list items or closes a quote) between
// two changes is folded into them when it has fewer words than the larger
// side of the change on each side of it, so "the [proposal must still] be
// [discussed]" reads as one replacement instead of a chequerboard. Counting
// words, not characters, keeps "significant, [deliberate], and [sustained]"
// as two one-word substitutions, and an equality with a content word
// ("10 years") is always kept.
func cleanupWords(a, b []Token, es []edit) []edit {
	type item struct {
		e      edit
		wa, wb int  // words on each side
		fn     bool // an equality of function words only
	}
	var st []item
	for _, e := range es {
		it := item{e: e, wa: countWords(a[e.a0:e.a1]), wb: countWords(b[e.b0:e.b1])}
		if !e.change {
			it.fn = functionWordsOnly(a[e.a0:e.a1])
		}
		st = append(st, it)
		// A stack keeps this linear: each merge consumes one equality, and
		// the merged change is checked against the equality before it.
		for n := len(st); n >= 3; n = len(st) {
			p, q, r := st[n-3], st[n-2], st[n-1]
			if !p.e.change || q.e.change || !r.e.change || !q.fn || q.wa == 0 ||
				q.wa >= max(p.wa, p.wb) || q.wa >= max(r.wa, r.wb) {
				break
			}
			m := item{e: edit{change: true, a0: p.e.a0, a1: r.e.a1, b0: p.e.b0, b1: r.e.b1},
				wa: p.wa + q.wa + r.wa, wb: p.wb + q.wb + r.wb}
			st = append(st[:n-3], m)
		}
	}
	out := make([]edit, len(st))
	for i, it := range st {
		out[i] = it.e
	}
	return out
}

// functionWordsOnly reports whether every word of ts is a function word.
func functionWordsOnly(ts []Token) bool {
	for _, t := range ts {
		if t.IsWord() && !functionWords[t.Norm] {
			return false
		}
	}
	return true
}

// functionWords are English words that carry grammar rather than content.
var functionWords = wordSet(`a an the and or but nor so yet for of to in on at by with from into onto
		upon over under about as than that this these those which who whom whose what when where while
		is are was were be been being am has have had having do does did will would shall should can could
		may might must it its it's he him his she her they them their we us our you your i me my not no
		also just only still then there here if because though although after before since until`)

func countWords(ts []Token) int {
	n := 0
	for _, t := range ts {
		if t.IsWord() {
			n++
		}
	}
	return n
}

// splitSoft splits equal edits where a token pair has the same Norm but a
// different Text into one-token soft changes.
func splitSoft(a, b []Token, es []edit) []edit {
	var out []edit
	for _, e := range es {
		if e.change {
			out = append(out, e)
			continue
		}
		for k := 0; k < e.a1-e.a0; k++ {
			i, j := e.a0+k, e.b0+k
			if a[i].Text != b[j].Text {
				out = append(out, edit{change: true, soft: true, a0: i, a1: i + 1, b0: j, b1: j + 1})
				continue
			}
			out = appendEqual(out, i, j, 1)
		}
	}
	return out
}
