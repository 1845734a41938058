package compare

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// segment is a piece of a witness's wording as a reader sees it, aligned
// against the pivot.
type segment struct {
	// Kind: segSame (as the pivot has it, or white space), segDel (pivot
	// words this witness lacks), segIns (this witness's words in their
	// place), segSoft (punctuation written another way: shown as the
	// witness has it, without markers), segVaries (pivot words not every
	// witness shares; pivot row only), segCut (pivot words outside this
	// witness's quotation marks, where it quotes an excerpt).
	Kind string
	Text string
	Type VariationType
	// Lead marks a segCut before any of the witness's words: its quote
	// starts later than the reference's.
	Lead bool
}

const (
	segSame   = "same"
	segDel    = "del"
	segIns    = "ins"
	segSoft   = "soft"
	segVaries = "varies"
	segCut    = "cut"
)

// rowSegments turns a row's ops into display segments: white space around
// a change stands outside its markers, changes of white space only are
// shown as the witness has them, and orthographic changes of punctuation or
// of quote, apostrophe and dash style only are shown as the witness writes
// them, without markers; they stay listed as variations.
func rowSegments(ops []Op) []segment {
	var segs []segment
	add := func(kind, text string, t VariationType) {
		if text == "" {
			return
		}
		if n := len(segs) - 1; n >= 0 && segs[n].Kind == kind && segs[n].Type == t {
			segs[n].Text += text
			return
		}
		segs = append(segs, segment{Kind: kind, Text: text, Type: t})
	}
	for k := 0; k < len(ops); k++ {
		o := ops[k]
		if o.Op == OpDelete && o.Type == TypeOrthographic && k+1 < len(ops) && ops[k+1].Op == OpInsert &&
			ops[k+1].Type == TypeOrthographic && styleFold(strings.TrimSpace(o.Text)) == styleFold(strings.TrimSpace(ops[k+1].Text)) {
			// Only quote, apostrophe or dash style differs: "Putin’s"/"Putin's".
			o = Op{Op: OpInsert, Text: ops[k+1].Text, Type: o.Type}
			k++
			body := strings.TrimSpace(o.Text)
			lead := strings.Index(o.Text, body)
			add(segSame, o.Text[:lead], "")
			add(segSoft, body, o.Type)
			add(segSame, o.Text[lead+len(body):], "")
			continue
		}
		switch {
		case o.Op == OpEqual:
			add(segSame, o.Text, "")
		case strings.TrimSpace(o.Text) == "":
			switch {
			case o.Op == OpInsert:
				add(segSame, o.Text, "")
			case len(segs) > 0 && (segs[len(segs)-1].Kind == segDel || segs[len(segs)-1].Kind == segCut):
				add(segSame, " ", "") // keep struck words apart from what follows
			}
		case o.Type == TypeOrthographic && !hasLetterOrDigit(o.Text):
			if o.Op == OpInsert {
				add(segSoft, o.Text, o.Type)
			}
		default:
			body := strings.TrimSpace(o.Text)
			lead := strings.Index(o.Text, body)
			add(segSame, o.Text[:lead], "")
			kind := segDel
			switch {
			case o.Op == OpInsert:
				kind = segIns
			case o.Excerpt:
				kind = segCut
			}
			add(kind, body, o.Type)
			if kind == segCut && len(segs) == 1 {
				segs[0].Lead = true
			}
			switch tail := o.Text[lead+len(body):]; {
			case o.Op == OpInsert:
				add(segSame, tail, "")
			case tail != "" && k+1 < len(ops) && ops[k+1].Op == OpEqual && !startsWithSpace(ops[k+1].Text):
				add(segSame, " ", "") // the pivot's space after struck words
			}
		}
	}
	return segs
}

// pivotSegments marks the pivot's wording: the spans every witness shares
// as segSame, the rest as segVaries.
func pivotSegments(a Aligned) []segment {
	if len(a.Witnesses) == 0 {
		return nil
	}
	p := a.Witnesses[a.Pivot]
	if len(a.Witnesses) == 1 {
		return []segment{{Kind: segSame, Text: p.Text}}
	}
	var segs []segment
	pos := p.Start
	for _, s := range a.Shared {
		if s.Start < pos || s.End > p.End {
			continue
		}
		if s.Start > pos {
			segs = append(segs, varySegments(p.Text[pos-p.Start:s.Start-p.Start])...)
		}
		segs = append(segs, segment{Kind: segSame, Text: p.Text[s.Start-p.Start : s.End-p.Start]})
		pos = s.End
	}
	if pos < p.End {
		segs = append(segs, varySegments(p.Text[pos-p.Start:])...)
	}
	return segs
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// varySegments marks text as varying, keeping white space and punctuation
// at its ends plain.
func varySegments(text string) []segment {
	body := strings.TrimFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if body == "" {
		return []segment{{Kind: segSame, Text: text}}
	}
	i := strings.Index(text, body)
	segs := []segment{}
	if i > 0 {
		segs = append(segs, segment{Kind: segSame, Text: text[:i]})
	}
	segs = append(segs, segment{Kind: segVaries, Text: body})
	if rest := text[i+len(body):]; rest != "" {
		segs = append(segs, segment{Kind: segSame, Text: rest})
	}
	return segs
}

func hasLetterOrDigit(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// pivotFirst returns the rows with the pivot's first, the others in
// witness order.
func pivotFirst(a Aligned) []Row {
	rows := make([]Row, 0, len(a.Rows))
	for _, r := range a.Rows {
		if r.Witness == a.Pivot {
			rows = append(rows, r)
		}
	}
	for _, r := range a.Rows {
		if r.Witness != a.Pivot {
			rows = append(rows, r)
		}
	}
	return rows
}

// witnessLabel names a witness for a reader.
func witnessLabel(a Aligned, k int) string {
	if k < 0 || k >= len(a.Witnesses) {
		return fmt.Sprintf("witness %d", k)
	}
	// An article that states it more than once has a row for each; the
	// rows after its first, as pivotFirst orders them, are marked.
	w := a.Witnesses[k]
	for i, x := range a.Witnesses {
		if k != a.Pivot && i != k && x.Article == w.Article && w.Article != "" && (i == a.Pivot || i < k) {
			return w.label() + ", again"
		}
	}
	return w.label()
}

// oneLine folds white space runs (newlines included) to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// squeezeSpace turns every run of white space into one space, keeping a
// leading or trailing one.
func squeezeSpace(s string) string {
	var sb strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				sb.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		sb.WriteRune(r)
	}
	return sb.String()
}

// clip shortens s to at most n runes, ending it with "…" when cut.
func clip(s string, n int) string {
	s = oneLine(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	cut := string(r[:n-1])
	// At a word's end when one is near, not inside a word.
	if i := strings.LastIndexFunc(cut, unicode.IsSpace); i > len(cut)*2/3 {
		cut = cut[:i]
	}
	return strings.TrimRightFunc(cut, unicode.IsSpace) + "…"
}

// typeSummary lists the variation counts in report order: "synonym 3,
// omission 1".
func typeSummary(types map[VariationType]int) string {
	var parts []string
	for _, t := range VariationTypes {
		if n := types[t]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", t, n))
		}
	}
	return strings.Join(parts, ", ")
}

// headline says how many outlets carry a cluster, and its status.
func headline(a Aligned) string {
	var parts []string
	switch a.Status {
	case StatusQuotedDifferently:
		parts = append(parts, "QUOTED DIFFERENTLY")
	case StatusConfirmed:
		parts = append(parts, fmt.Sprintf("quote confirmed by %d %s", a.Outlets, plural(a.Outlets, "outlet", "outlets")))
		if note := partNote(a); note != "" {
			parts = append(parts, note)
		}
	}
	if a.Status != StatusConfirmed {
		parts = append(parts, fmt.Sprintf("%s carried by %d %s", kindNoun(a.Kind), a.Outlets, plural(a.Outlets, "outlet", "outlets")))
	}
	if n := a.Articles(); n != a.Outlets {
		parts = append(parts, fmt.Sprintf("%d articles", n))
	}
	return strings.Join(parts, " · ")
}

// speakerNote is what a witness's row adds to its label: for a quote, whom
// the article credits the words to (" — Tom Perez"); for a clause that
// leaves out the attribution its sentence ends on, that attribution
// (" — the DNC alleges"); else "".
func speakerNote(a Aligned, k int) string {
	if k < 0 || k >= len(a.Witnesses) {
		return ""
	}
	switch w := a.Witnesses[k]; {
	case w.Speaker != "":
		return " — " + w.Speaker
	case w.Credit != "":
		return " — " + w.Credit // "…, the DNC alleges."
	}
	return ""
}

func kindNoun(kind string) string {
	if kind == KindQuote {
		return "quote"
	}
	return "statement"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// variationText describes a variation in words: "deliberate → intentional",
// "− deliberate" for an omission, "+ US dollars" for an addition.
// An excerpt's says so: "− with North Korea (not in this outlet's quote:
// an excerpt)".
func variationText(v Variation, n int) string {
	if v.Moved {
		v.Moved = false
		return variationText(v, n) + " " + movedNote
	}
	switch {
	case v.Excerpt && v.To == "":
		return "− " + clip(v.From, n) + " " + excerptNote
	case v.Excerpt && v.From == "":
		return "+ " + clip(v.To, n) + " " + excerptNote
	case v.To == "":
		return "− " + clip(v.From, n)
	case v.From == "":
		return "+ " + clip(v.To, n)
	}
	return clip(v.From, n/2) + " → " + clip(v.To, n/2)
}

// excerptNote marks an excerpt's omission or addition in the variation
// lists.
const excerptNote = "(not in this outlet's quote: an excerpt)"

// shownTypes counts a cluster's variations by type as the HTML page's
// badges and filters show them: without an excerpt's cut ends, moved words
// and the reference article's other passages, which are no difference
// between outlets an editor needs to look at (the JSON's types count
// them).
func shownTypes(a Aligned) map[VariationType]int {
	m := map[VariationType]int{}
	for _, v := range a.Variations {
		if !v.Excerpt && !v.Moved && !selfRow(a, v.Witness) {
			m[v.Type]++
		}
	}
	return m
}

// selfRow reports whether witness k is another passage of the reference's
// own article (a headline against its body, a restatement): its
// differences are one outlet's, not outlets disagreeing, so the page's
// badges and the serious count leave them out.
func selfRow(a Aligned, k int) bool {
	if k == a.Pivot || k < 0 || k >= len(a.Witnesses) || a.Pivot < 0 || a.Pivot >= len(a.Witnesses) {
		return false
	}
	return a.Witnesses[k].Article != "" && a.Witnesses[k].Article == a.Witnesses[a.Pivot].Article
}

// movedNote marks moved words in the variation lists.
const movedNote = "(moved: the same words stand elsewhere in this outlet's wording)"

// serious counts the substantive variations and omissions shownTypes
// counts: what an editor should read first.
func serious(a Aligned) int {
	shown := shownTypes(a)
	return shown[TypeSubstantive] + shown[TypeOmission]
}

// partNote says how many witnesses of a quote cluster quote only part of
// the reference's quote (an excerpt), so "confirmed" says how much is:
// "3 outlets quote only part of it"; "" when none does.
func partNote(a Aligned) string {
	seen := map[int]bool{}
	for _, v := range a.Variations {
		if v.Excerpt && v.To == "" {
			seen[v.Witness] = true
		}
	}
	if n := len(seen); n > 0 {
		return fmt.Sprintf("%d %s only part of it", n, plural(n, "outlet quotes", "outlets quote"))
	}
	return ""
}

// simText shows a similarity with two decimals, never rounding a wording
// that differs up to "1.00" (shown beside "QUOTED DIFFERENTLY", 1.00
// read as identical).
func simText(x float64) string {
	if x < 1 && x >= 0.995 {
		return "0.99"
	}
	return fmt.Sprintf("%.2f", x)
}

// styleListed is how many orthographic variations the terminal and
// Markdown views list one by one; more are summed up in one line, as the
// HTML page folds them away.
const styleListed = 3

// splitStyle returns the variations to list one by one and, when there are
// more than styleListed orthographic ones, those folded into a summary.
func splitStyle(vars []Variation) (listed, folded []Variation) {
	var style []Variation
	for _, v := range vars {
		if v.Type == TypeOrthographic {
			style = append(style, v)
		} else {
			listed = append(listed, v)
		}
	}
	if len(style) <= styleListed {
		return append(listed, style...), nil
	}
	return listed, style
}

// styleSummary sums up folded orthographic variations in one line: how
// many, and the first few.
func styleSummary(folded []Variation, n int) string {
	var ex []string
	for _, v := range folded[:min(len(folded), styleListed)] {
		ex = append(ex, variationText(v, n/styleListed))
	}
	// Examples apart by " · ", since they are often commas and quotes.
	return fmt.Sprintf("%d differences of case, punctuation, quote and dash style or spelling: %s · …", len(folded), strings.Join(ex, " · "))
}

// reportOutlets counts the distinct outlets of the report's articles.
func reportOutlets(r Report) int {
	seen := map[string]bool{}
	for _, a := range r.Articles {
		seen[a.Label()] = true
	}
	return len(seen)
}

// dated reports whether some cluster of the report knows which outlet
// carried it first (the articles' dates are known).
func dated(r Report) bool {
	for _, c := range r.Clusters {
		if c.Coverage != nil && len(c.Coverage.First) > 0 {
			return true
		}
	}
	return false
}

// outletsNote counts the report's outlets, or says the articles give none
// and each is named by its file: "5 outlets", "5 sources (no outlets
// given)".
func outletsNote(r Report) string {
	n := reportOutlets(r)
	for _, a := range r.Articles {
		if a.Outlet != "" {
			return fmt.Sprintf("%d %s", n, plural(n, "outlet", "outlets"))
		}
	}
	return fmt.Sprintf("%d %s (no outlets given)", n, plural(n, "source", "sources"))
}

// reportTypes counts variations by type over the report.
func reportTypes(r Report) map[VariationType]int {
	m := map[VariationType]int{}
	for _, c := range r.Clusters {
		for t, n := range c.Types {
			m[t] += n
		}
	}
	return m
}

// Bounds of the coverage matrix in the HTML and Markdown reports: past
// them it stops being readable (and grows as clusters × outlets).
const (
	maxMatrixColumns = 32
	maxMatrixRows    = 300
)

// matrixColumns picks the matrix's outlets: all of them when they fit,
// otherwise the ones carrying the most clusters, kept in column order. It
// returns how many were left out.
func matrixColumns(r Report) (cols, hidden []string) {
	if len(r.Outlets) <= maxMatrixColumns {
		return r.Outlets, nil
	}
	count := map[string]int{}
	for _, c := range r.Clusters {
		if c.Coverage != nil {
			for _, o := range c.Coverage.Carried {
				count[o]++
			}
		}
	}
	idx := make([]int, len(r.Outlets))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return count[r.Outlets[idx[i]]] > count[r.Outlets[idx[j]]] })
	for _, k := range idx[maxMatrixColumns:] {
		hidden = append(hidden, r.Outlets[k])
	}
	idx = idx[:maxMatrixColumns]
	sort.Ints(idx)
	for _, k := range idx {
		cols = append(cols, r.Outlets[k])
	}
	return cols, hidden
}

// hiddenNote says which outlets the matrix leaves out: by name when they
// are few, else how many.
func hiddenNote(hidden []string) string {
	const named = 5
	if len(hidden) <= named {
		return "not shown: " + strings.Join(hidden, ", ")
	}
	return fmt.Sprintf("%d more not shown", len(hidden))
}

// coverageMarks maps each outlet of a cluster's coverage to its matrix
// mark: ★ carried first, ● carried, ○ left out.
func coverageMarks(c *Coverage) map[string]string {
	m := map[string]string{}
	if c == nil {
		return m
	}
	for _, l := range c.Missing {
		m[l] = "○"
	}
	for _, l := range c.Carried {
		m[l] = "●"
	}
	for _, l := range c.First {
		m[l] = "★"
	}
	return m
}
