package compare

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
)

// WriteMarkdown writes the report as Markdown: a coverage table of
// clusters × outlets, then each cluster as a table of its wordings (the
// reference first; in the others ~~struck~~ words are the reference's that
// the outlet lacks and **bold** ones what it wrote instead) and its typed
// variations, most serious first. All article text is escaped.
func WriteMarkdown(w io.Writer, r Report) error {
	bw := bufio.NewWriter(w)
	title := r.Title
	if title == "" {
		title = "variorum report"
	}
	fmt.Fprintf(bw, "# %s\n\n", mdEscape(oneLine(title)))
	fmt.Fprintf(bw, "%d %s across %d %s from %s.", len(r.Clusters), plural(len(r.Clusters), "cluster", "clusters"),
		len(r.Articles), plural(len(r.Articles), "article", "articles"), outletsNote(r))
	if s := typeSummary(reportTypes(r)); s != "" {
		fmt.Fprintf(bw, " Variations: %s.", s)
	}
	fmt.Fprint(bw, "\n\nEach cluster shows the reference wording first; in the others ~~struck~~ words are the reference's that the outlet lacks, **bold** words what it wrote instead.\n")
	if len(r.Clusters) > 0 && len(r.Outlets) > 0 {
		writeCoverageMarkdown(bw, r)
	}
	for _, a := range r.Clusters {
		writeClusterMarkdown(bw, a)
	}
	return bw.Flush()
}

func writeCoverageMarkdown(bw *bufio.Writer, r Report) {
	cols, hidden := matrixColumns(r)
	fmt.Fprint(bw, "\n## Coverage\n\n| # | statement |")
	for _, o := range cols {
		fmt.Fprintf(bw, " %s |", mdEscape(o))
	}
	fmt.Fprint(bw, "\n|---|---|")
	for range cols {
		fmt.Fprint(bw, ":-:|")
	}
	fmt.Fprintln(bw)
	for i, a := range r.Clusters {
		if i == maxMatrixRows {
			break
		}
		marks := coverageMarks(a.Coverage)
		mark := ""
		if a.Status == StatusQuotedDifferently {
			mark = "≠ "
		}
		fmt.Fprintf(bw, "| [%d](#cluster-%d) | %s%s |", a.ID, a.ID, mark, mdEscape(clip(pivotText(a), 60)))
		for _, o := range cols {
			fmt.Fprintf(bw, " %s |", marks[o])
		}
		fmt.Fprintln(bw)
	}
	first := ""
	if dated(r) {
		first = " · ★ carried first"
	}
	quoted := ""
	if slices.ContainsFunc(r.Clusters, func(a Aligned) bool { return a.Status == StatusQuotedDifferently }) {
		quoted = "≠ quoted differently · "
	}
	fmt.Fprintf(bw, "\n%s● carried%s · ○ covered the story (shares 3 other statements with its articles) but left this statement out · blank: not found covering this story", quoted, first)
	if n := len(r.Clusters) - maxMatrixRows; n > 0 {
		fmt.Fprintf(bw, "; %d more %s not in the table", n, plural(n, "cluster", "clusters"))
	}
	if len(hidden) > 0 {
		fmt.Fprintf(bw, "; outlets carrying fewer clusters %s", mdEscape(hiddenNote(hidden)))
	}
	fmt.Fprintln(bw)
}

func pivotText(a Aligned) string {
	if len(a.Witnesses) == 0 {
		return ""
	}
	return a.Witnesses[a.Pivot].Text
}

func writeClusterMarkdown(bw *bufio.Writer, a Aligned) {
	fmt.Fprintf(bw, "\n<a id=\"cluster-%d\"></a>\n\n## %d. %s\n\n", a.ID, a.ID, mdEscape(headline(a)))
	fmt.Fprint(bw, "| outlet | wording | similarity |\n|---|---|--:|\n")
	for _, row := range pivotFirst(a) {
		label := mdEscape(witnessLabel(a, row.Witness))
		if note := speakerNote(a, row.Witness); note != "" {
			label += mdEscape(note)
		}
		if row.Witness == a.Pivot {
			fmt.Fprintf(bw, "| **%s** (reference) | %s | |\n", label, mdEscape(oneLine(pivotText(a))))
			continue
		}
		var sb strings.Builder
		for _, s := range rowSegments(row.Ops) {
			text := mdEscape(squeezeSpace(s.Text))
			switch s.Kind {
			case segDel:
				sb.WriteString("~~" + text + "~~")
			case segIns:
				sb.WriteString("**" + text + "**")
			case segCut:
				sb.WriteString(" … ") // an excerpt: the rest is not quoted
			default:
				sb.WriteString(text)
			}
		}
		fmt.Fprintf(bw, "| %s | %s | %s |\n", label, strings.Join(strings.Fields(sb.String()), " "), simText(row.Similarity))
	}
	if len(a.Variations) == 0 {
		return
	}
	fmt.Fprint(bw, "\nVariations:\n\n")
	listed, folded := splitStyle(a.Variations)
	for _, v := range listed {
		fmt.Fprintf(bw, "- **%s** · %s: %s\n", v.Type, mdEscape(witnessLabel(a, v.Witness)), mdEscape(variationText(v, 120)))
	}
	if folded != nil {
		fmt.Fprintf(bw, "- **%s** · %s\n", TypeOrthographic, mdEscape(styleSummary(folded, 120)))
	}
}

// mdEscape makes text literal in Markdown (tables included) where it never
// starts a line: it escapes the characters that mark emphasis, code, links
// and cells, writes <, > and & as entities so no HTML gets through, and
// turns newlines into spaces.
func mdEscape(s string) string {
	var sb strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '|', '~':
			sb.WriteByte('\\')
			sb.WriteRune(r)
		case '<':
			sb.WriteString("&lt;")
		case '>':
			sb.WriteString("&gt;")
		case '&':
			sb.WriteString("&amp;")
		case '\n', '\r':
			sb.WriteByte(' ')
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}
