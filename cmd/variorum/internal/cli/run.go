package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/variorum/variorum/compare"
	"github.com/variorum/variorum/corpus"
)

func runRun(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "run", "[-o DIR] [--index DIR] [PATH...]",
		`The whole job in one go: reads the articles (the embedded sample corpus when no
PATH is given), extracts entities and quotes, adds them to the index, finds the
statements several of them carry, aligns the wordings word by word, and writes
  DIR/report.html     the report for editors: open it in a browser
  DIR/clusters.jsonl  one JSON object per cluster, as compare --json
then prints a short summary. The index (DIR/index unless --index is given) can be
searched afterwards with variorum search --index DIR/index. DIR is marked as
output (a .variorum-output file in it, unless it holds other files), so that
PATH may hold it: a later run over the same folder does not read its own report
or an index as articles. run refuses a DIR whose report.html or clusters.jsonl
it did not write, rather than overwrite them.`,
		`  variorum run
  variorum run -o tonight/ feeds/2025-11-21/
  variorum run --index news.index -o report/ articles/`)
	out := fs.String("o", defaultRunOut, "write the report to `DIR`")
	dir := fs.String("index", "", "index `DIR` (default DIR/index under -o)")
	minOutlets := fs.Int("min-outlets", 2, "only statements carried by at least `N` outlets (or sources)")
	maxHTML := fs.Int("html-max", defaultHTMLMax, "at most `N` clusters in report.html, the most widely carried (0: all)")
	entitiesFlag(fs, e)
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := checkReportFlags("run", *minOutlets, *maxHTML); err != nil {
		return err
	}
	if err := checkRunOut(*out); err != nil {
		return err
	}
	start := time.Now()
	arts, bad, err := readCorpus(e, paths)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", *out, err)
	}
	// Mark DIR as output, so that a later run over a folder holding it does
	// not read the report, clusters or index as articles: all of DIR, or,
	// when it holds anything else (-o . among the articles), those alone.
	var marked []string
	if !onlyOutput(*out) {
		marked = []string{runReport, runClusters, runIndex}
	}
	if err := corpus.MarkOutput(*out, marked...); err != nil {
		return fmt.Errorf("create %s: %w", *out, err)
	}
	docs, err := extractAll(ctx, e, distinct(arts))
	if err != nil {
		return err
	}
	idxDir := *dir
	if idxDir == "" {
		idxDir = filepath.Join(*out, runIndex)
	}
	ix, err := openIndex(e.stderr, idxDir, false)
	if err != nil {
		return err
	}
	added, err := ix.Add(ctx, docs, nil)
	if cerr := ix.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("add to index %s: %w", idxDir, err)
	}

	title := "variorum report"
	if len(paths) == 0 {
		title = "variorum report: the sample corpus"
	}
	rep, err := buildReport(ctx, e, title, docs, *minOutlets)
	if err != nil {
		return err
	}
	htmlPath := filepath.Join(*out, runReport)
	jsonPath := filepath.Join(*out, runClusters)
	if err := writeHTML(e, htmlPath, rep, *maxHTML); err != nil {
		return err
	}
	if err := writeFileAtomic(jsonPath, func(f *os.File) error { return compare.WriteJSONL(f, rep) }); err != nil {
		return err
	}

	words := 0
	for _, a := range arts {
		words += len(strings.Fields(a.Text))
	}
	byOutlets := map[int]int{}
	quotedDifferently := 0
	for _, c := range rep.Clusters {
		byOutlets[c.Outlets]++
		if c.Status == compare.StatusQuotedDifferently {
			quotedDifferently++
		}
	}
	already := ""
	if n := len(docs) - added; n > 0 {
		already = fmt.Sprintf(", %d already indexed", n)
	}
	fmt.Fprintf(e.stdout, "%d %s, %d %s: %d new in the index %s%s%s\n", len(arts), plural(len(arts), "article", "articles"),
		words, plural(words, "word", "words"), added, idxDir, already, repeatNote(repeats(arts)))
	fmt.Fprintf(e.stdout, "%d %s carried by several articles", len(rep.Clusters), plural(len(rep.Clusters), "statement", "statements"))
	var parts []string
	for n := len(rep.Outlets); n >= 2; n-- {
		if byOutlets[n] > 0 {
			parts = append(parts, fmt.Sprintf("%d by %d", byOutlets[n], n))
		}
	}
	if len(parts) > 0 {
		fmt.Fprintf(e.stdout, " (%s)", strings.Join(parts, ", "))
	}
	fmt.Fprintln(e.stdout)
	if quotedDifferently > 0 {
		fmt.Fprintf(e.stdout, "%d %s worded differently by different outlets\n", quotedDifferently, plural(quotedDifferently, "quote", "quotes"))
	}
	fmt.Fprintf(e.stdout, "report: %s\nclusters: %s\ndone in %s\n", htmlPath, jsonPath, time.Since(start).Round(time.Millisecond))
	if bad > 0 {
		return skippedError(bad)
	}
	return nil
}

// What run writes in its output folder.
const (
	runReport   = "report.html"
	runClusters = "clusters.jsonl"
	runIndex    = "index" // unless --index is given
	// defaultRunOut is run's output folder unless -o is given.
	defaultRunOut = "variorum-out"
)

// checkRunOut refuses an output folder where run would overwrite a
// report.html or clusters.jsonl it did not write: one its OutputMarker does
// not mark, such as an editor's own page in a folder of articles.
func checkRunOut(dir string) error {
	for _, name := range []string{runReport, runClusters} {
		p := filepath.Join(dir, name)
		if _, err := os.Lstat(p); err != nil {
			continue
		}
		if !corpus.IsOutput(dir, name) {
			return fmt.Errorf("run: %s is not a report variorum wrote (no %s in %s marks it), and run would overwrite it: give another -o DIR, or move or delete %s", p, corpus.OutputMarker, dir, p)
		}
	}
	return nil
}

// onlyOutput reports whether dir holds nothing but what run writes there.
func onlyOutput(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		switch e.Name() {
		case runReport, runClusters, runIndex, corpus.OutputMarker:
		default:
			return false
		}
	}
	return true
}
