package cli

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/variorum/variorum/compare"
	"github.com/variorum/variorum/corpus"
)

func runCompare(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "compare", "[--index DIR | PATH...] [--json | --markdown] [--html FILE] [--min-outlets N]",
		`Finds the statements several articles carry in different words, aligns each
cluster of variants word by word against a reference wording (the one sharing
the most words in order with every other article's; "pivot" in the JSON), and
types every difference: substantive, omission, addition, synonym, number, name,
orthographic. Clusters carried by the most outlets come first; quotes that
outlets word differently come before everything else. Reads the index, or the
articles at PATH when given.

The terminal view marks each wording against the reference as
[-deleted-]{+inserted+} (red and green on a colour terminal), and "…" where an
outlet quotes an excerpt of a quote; a quote's row names whom that article
credits the words to ("3_R.txt — the suit"), and a clause's row the
attribution its sentence ends on ("3_M.txt — the DNC alleges"): a claim, not
the outlet's own. --json prints one object per cluster: cluster, kind,
witnesses [{article, source, outlet, start, end, text, speaker, credit}],
similarity, pivot, outlets, status (quote clusters), alignment, shared,
variations, types, coverage.`,
		`  variorum compare
  variorum compare --html report.html --min-outlets 3
  variorum compare --json | jq -c '{cluster, sources: [.witnesses[].source]}'`)
	dir := fs.String("index", "", indexFlagHelp)
	asJSON := fs.Bool("json", false, "print JSON Lines, one object per cluster")
	asMarkdown := fs.Bool("markdown", false, "print Markdown")
	htmlFile := fs.String("html", "", "also write a self-contained HTML report to `FILE`")
	minOutlets := fs.Int("min-outlets", 2, "only statements carried by at least `N` outlets (or sources)")
	maxHTML := fs.Int("html-max", defaultHTMLMax, "at most `N` clusters in the HTML page, the most widely carried (0: all)")
	color := addColorFlag(fs)
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := checkReportFlags("compare", *minOutlets, *maxHTML); err != nil {
		return err
	}
	if *asJSON && *asMarkdown {
		return usagef("compare: choose one of --json and --markdown")
	}
	if *htmlFile != "" {
		if _, err := reportPath(*htmlFile); err != nil {
			return err
		}
	}
	docs, err := loadDocuments(ctx, e, *dir, paths)
	if err != nil {
		return err
	}
	rep, err := buildReport(ctx, e, "variorum report", docs, *minOutlets)
	if err != nil {
		return err
	}
	if *htmlFile != "" {
		if err := writeHTML(e, *htmlFile, rep, *maxHTML); err != nil {
			return err
		}
	}
	switch {
	case *asJSON:
		return compare.WriteJSONL(e.stdout, rep)
	case *asMarkdown:
		return compare.WriteMarkdown(e.stdout, rep)
	}
	return compare.WriteText(e.stdout, rep, color.enabled(e, e.stdout))
}

// buildReport clusters the variant statements of docs, keeps those carried
// by at least minOutlets outlets, and aligns them into a report. The
// articles are put in one canonical order first (published date, then
// source, then id), so the same corpus gives the same report byte for byte
// whether it comes from files or from the index.
//
// Clustering does not look at ctx: when ctx ends first, buildReport
// returns its error at once and the work is left to the process's exit.
func buildReport(ctx context.Context, e *env, title string, docs []corpus.Document, minOutlets int) (compare.Report, error) {
	done := make(chan compare.Report, 1)
	go func() { done <- report(e, title, docs, minOutlets) }()
	select {
	case rep := <-done:
		return rep, nil
	case <-ctx.Done():
		return compare.Report{}, ctx.Err()
	}
}

func report(e *env, title string, docs []corpus.Document, minOutlets int) compare.Report {
	docs = slices.Clone(docs)
	slices.SortFunc(docs, func(a, b corpus.Document) int {
		return cmp.Or(cmp.Compare(a.Published, b.Published), cmp.Compare(a.Source, b.Source), cmp.Compare(a.ID, b.ID))
	})
	// The progress line names each step: Find's stages, then the
	// alignment of every cluster.
	p := newProgress(e.stderr, "compare", compare.FindStages+1)
	defer p.done()
	clusters := compare.Find(docs, compare.Options{MinArticles: minOutlets, Stage: p.step})
	p.step("align")
	rep := compare.NewReport(title, docs, clusters)
	if minOutlets > 2 {
		kept := rep.Clusters[:0]
		for _, c := range rep.Clusters {
			if c.Outlets >= minOutlets {
				kept = append(kept, c)
			}
		}
		rep.Clusters = kept
	}
	return rep
}

// defaultHTMLMax keeps a nightly report over thousands of articles a page a
// browser opens quickly; JSON Lines always hold every cluster.
const defaultHTMLMax = 1000

// writeHTML writes the report page with at most max clusters (0: all),
// saying on stderr when it left some out.
func writeHTML(e *env, path string, rep compare.Report, max int) error {
	if max > 0 && len(rep.Clusters) > max {
		fmt.Fprintf(e.stderr, "variorum: %s shows the %d most widely carried of %d clusters (--html-max)\n", path, max, len(rep.Clusters))
		rep.Omitted = len(rep.Clusters) - max
		rep.Clusters = rep.Clusters[:max]
	}
	return writeFileAtomic(path, func(f *os.File) error { return compare.WriteHTML(f, rep) })
}

// reportPath is the file a report written to path goes to: a link is
// written through, to its file; anything but a regular file (a device, a
// folder) is refused rather than replaced, as is a folder that does not
// exist, before any work is done for the report.
func reportPath(path string) (string, error) {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	} else if st, lerr := os.Lstat(path); lerr == nil && st.Mode()&os.ModeSymlink != 0 {
		return "", fmt.Errorf("write %s: a link to nowhere; give a file's path", path)
	}
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return "", fmt.Errorf("write %s: not a regular file; give a file's path", path)
	}
	if st, err := os.Stat(filepath.Dir(path)); err != nil || !st.IsDir() {
		return "", fmt.Errorf("write %s: no folder %s to write it in", path, filepath.Dir(path))
	}
	return path, nil
}

// writeFileAtomic writes a file through a temporary file beside it and a
// rename, so a reader never sees half a report and a failure leaves the old
// one in place.
func writeFileAtomic(path string, write func(*os.File) error) error {
	path, err := reportPath(path)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
