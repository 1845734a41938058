package compare

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// ANSI styles of the terminal view.
const (
	ansiReset = "\x1b[0m"
	ansiBold  = "\x1b[1m"
	ansiDim   = "\x1b[2m"
	ansiRed   = "\x1b[31m"
	ansiGreen = "\x1b[32m"
)

// WriteText writes the terminal view of a report: each cluster with its
// pivot wording, every other witness's wording with what it lacks marked
// [-…-] and what it wrote instead {+…+} (red and green, without markers,
// when color is set), and the typed variations, most serious first.
func WriteText(w io.Writer, r Report, color bool) error {
	bw := bufio.NewWriter(w)
	st := func(code, s string) string {
		if !color || s == "" {
			return s
		}
		return code + s + ansiReset
	}
	title := r.Title
	if title == "" {
		title = "variorum"
	}
	fmt.Fprintf(bw, "%s\n", st(ansiBold, oneLine(title)))
	fmt.Fprintf(bw, "%d %s across %d %s from %s", len(r.Clusters), plural(len(r.Clusters), "cluster", "clusters"),
		len(r.Articles), plural(len(r.Articles), "article", "articles"), outletsNote(r))
	if s := typeSummary(reportTypes(r)); s != "" {
		fmt.Fprintf(bw, "; differences by type: %s", s)
	}
	fmt.Fprintln(bw)
	for _, a := range r.Clusters {
		fmt.Fprintln(bw)
		writeClusterText(bw, a, st)
	}
	return bw.Flush()
}

func writeClusterText(bw *bufio.Writer, a Aligned, st func(code, s string) string) {
	head := fmt.Sprintf("#%d %s", a.ID, headline(a))
	fmt.Fprintf(bw, "%s\n", st(ansiBold, head))
	for _, row := range pivotFirst(a) {
		label := witnessLabel(a, row.Witness) + speakerNote(a, row.Witness)
		if row.Witness == a.Pivot {
			fmt.Fprintf(bw, "  %s %s\n", label, st(ansiDim, "(reference)"))
			fmt.Fprintf(bw, "    %s\n", oneLine(a.Witnesses[a.Pivot].Text))
			continue
		}
		fmt.Fprintf(bw, "  %s %s\n", label, st(ansiDim, "(similarity "+simText(row.Similarity)+")"))
		var sb strings.Builder
		for _, s := range rowSegments(row.Ops) {
			text := squeezeSpace(s.Text)
			switch {
			case s.Kind == segDel && st(ansiRed, "x") != "x":
				sb.WriteString(st(ansiRed, text))
			case s.Kind == segDel:
				sb.WriteString("[-" + text + "-]")
			case s.Kind == segCut:
				sb.WriteString(" … ") // an excerpt: the rest is not quoted
			case s.Kind == segIns && st(ansiGreen, "x") != "x":
				sb.WriteString(st(ansiGreen, text))
			case s.Kind == segIns:
				sb.WriteString("{+" + text + "+}")
			default:
				sb.WriteString(text)
			}
		}
		fmt.Fprintf(bw, "    %s\n", strings.Join(strings.Fields(sb.String()), " "))
	}
	if len(a.Variations) == 0 {
		return
	}
	fmt.Fprintf(bw, "  %s\n", st(ansiDim, "variations"))
	listed, folded := splitStyle(a.Variations)
	width := 0
	for _, v := range a.Variations {
		width = max(width, len(v.Type))
	}
	for _, v := range listed {
		fmt.Fprintf(bw, "    %-*s  %s: %s\n", width, v.Type, witnessLabel(a, v.Witness), variationText(v, 80))
	}
	if folded != nil {
		fmt.Fprintf(bw, "    %-*s  %s\n", width, TypeOrthographic, styleSummary(folded, 80))
	}
}
