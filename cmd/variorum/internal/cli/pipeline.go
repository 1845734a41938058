package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/sync/errgroup"

	"github.com/variorum/variorum/corpus"
	"github.com/variorum/variorum/ingest"
)

// readCorpus reads the articles at paths (the embedded sample when there
// are none), warning on stderr about each file it skips. It fails only when
// nothing could be read.
func readCorpus(e *env, paths []string) ([]corpus.Article, int, error) {
	if len(paths) == 0 {
		return corpus.Sample(), 0, nil
	}
	if i := slices.Index(paths, "-"); i >= 0 && slices.Contains(paths[i+1:], "-") {
		return nil, 0, usagef("give - (standard input) once")
	}
	// In the order given: "-" is standard input, one plain-text article
	// (front matter allowed) named stdin, between the files around it.
	var arts []corpus.Article
	var bad []*corpus.FileError
	for rest := paths; len(rest) > 0; {
		n := slices.Index(rest, "-")
		if n < 0 {
			n = len(rest)
		}
		var a []corpus.Article
		var b []*corpus.FileError
		if n == 0 {
			a, b = corpus.ReadStream("stdin", e.stdin)
			n = 1
		} else {
			a, b = corpus.ReadAll(rest[:n])
		}
		arts, bad = append(arts, a...), append(bad, b...)
		rest = rest[n:]
	}
	reportSkipped(e.stderr, bad)
	if len(arts) == 0 {
		shown := slices.Clone(paths)
		for i, p := range shown {
			if p == "-" {
				shown[i] = "standard input"
			}
		}
		err := fmt.Errorf("no articles found in %s", strings.Join(shown, " "))
		if len(bad) > 0 {
			return nil, len(bad), err // what was wrong with each is above
		}
		for _, p := range paths {
			if fi, serr := os.Stat(p); serr == nil && fi.Mode().IsRegular() && corpus.Supported(p) {
				// An empty JSON array, or JSON Lines of blank lines.
				return nil, 0, withHint(err, "a .json file holds an article object or an array of them, a .jsonl file one article a line; these hold none")
			}
		}
		return nil, len(bad), withHint(err, "give .txt, .md, .html, .json or .jsonl files, or folders holding them")
	}
	return arts, len(bad), nil
}

// maxSkipLines is how many skipped inputs are named one a line; the rest
// are counted by what was wrong, so that a folder of ten thousand empty
// files does not flood a nightly log.
const maxSkipLines = 20

// reportSkipped names the inputs skipped on stderr.
func reportSkipped(w io.Writer, bad []*corpus.FileError) {
	for _, err := range bad[:min(len(bad), maxSkipLines)] {
		fmt.Fprintf(w, "variorum: skipped %s\n", printable(err.Error()))
	}
	if len(bad) <= maxSkipLines {
		return
	}
	counts := map[string]int{}
	var kinds []string
	for _, err := range bad[maxSkipLines:] {
		k := skipKind(err.Err)
		if counts[k] == 0 {
			kinds = append(kinds, k)
		}
		counts[k]++
	}
	var parts []string
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%d: %s", counts[k], k))
	}
	n := len(bad) - maxSkipLines
	fmt.Fprintf(w, "variorum: skipped %d more %s: %s\n", n, plural(n, "input", "inputs"), printable(strings.Join(parts, "; ")))
}

// skipKind is what was wrong with a skipped input, without what differs
// from one file to the next: its path and any byte offset ("invalid UTF-8
// at byte N").
func skipKind(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return numberWords.ReplaceAllString(err.Error(), "${1}N")
}

// numberWords are the numbers written as words of their own ("byte 43",
// not the 8 of "UTF-8").
var numberWords = regexp.MustCompile(`(^|\s)[0-9]+\b`)

// printable writes the control characters of s (a file name holding a
// newline or a terminal escape) as Go escapes, so that a message stays one
// line and does nothing to the terminal.
func printable(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// skippedError is the error of a command that read its input but had to
// skip n inputs: files, or lines of JSON Lines and articles of a JSON
// array, each named on stderr already.
func skippedError(n int) error {
	return fmt.Errorf("%d %s skipped (see above)", n, plural(n, "input", "inputs"))
}

// extractAll runs the extractor over the articles with one worker per CPU,
// keeping the articles' order, then joins entity names across the corpus.
func extractAll(ctx context.Context, e *env, arts []corpus.Article) ([]corpus.Document, error) {
	x, err := ingest.NewExtractorFor(e.engine)
	if err != nil {
		return nil, err
	}
	docs := make([]corpus.Document, len(arts))
	p := newProgress(e.stderr, "extract", len(arts))
	defer p.done()
	g, ctx := errgroup.WithContext(ctx)
	next := make(chan int)
	g.Go(func() error {
		defer close(next)
		for i := range arts {
			select {
			case next <- i:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return nil
	})
	failed := make([]error, len(arts))
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		g.Go(func() error {
			for i := range next {
				docs[i], failed[i] = extractOne(x, arts[i])
				p.add(1)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	p.done()
	for _, err := range failed {
		if err != nil {
			fmt.Fprintf(e.stderr, "variorum: %v\n", err)
		}
	}
	ingest.Canonicalize(docs)
	return docs, nil
}

// extractor is what extractOne needs of an ingest.Extractor.
type extractor interface {
	Extract(corpus.Article) corpus.Document
}

// extractOne extracts one article. A panic in the extractor's heuristics
// on some odd text costs that article its sentences, entities and quotes,
// not the whole run: the article is kept as plain text, and the error
// says which article it was.
func extractOne(x extractor, a corpus.Article) (doc corpus.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc = corpus.Document{Article: a, Sentences: []corpus.Span{}, Entities: []corpus.Entity{}, Quotes: []corpus.Quote{}}
			err = fmt.Errorf("%s: entities and quotes not extracted (internal error: %v); the article is kept as plain text, please report this", a.Source, r)
		}
	}()
	return x.Extract(a), nil
}

// progress draws "extract 120/2225" on stderr when it is a terminal, at
// most a few times a second; elsewhere it stays silent.
type progress struct {
	w     io.Writer
	label string
	total int
	on    bool

	mu   sync.Mutex
	n    int
	note string // what the last step was, after the count
	last time.Time
}

func newProgress(w io.Writer, label string, total int) *progress {
	return &progress{w: w, label: label, total: total, on: isTerminal(w) && total > 1}
}

func (p *progress) add(n int) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n += n
	if now := time.Now(); now.Sub(p.last) > 150*time.Millisecond || p.n == p.total {
		p.last = now
		fmt.Fprintf(p.w, "\r\033[K%s %d/%d%s", p.label, p.n, p.total, p.note)
	}
}

// step counts one more step and names it: "compare 4/7: score".
func (p *progress) step(name string) {
	if !p.on {
		return
	}
	p.mu.Lock()
	p.note = ": " + name
	p.mu.Unlock()
	p.add(1)
}

// set reports an absolute count (for stages that report done-so-far).
func (p *progress) set(done int) {
	if !p.on {
		return
	}
	p.mu.Lock()
	p.n = 0
	p.mu.Unlock()
	p.add(done)
}

func (p *progress) done() {
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// loadDocuments returns the documents a corpus-wide command works on: the
// articles at paths, extracted now, each text once (as the index holds
// them), or, with no paths, every article in the index at dir.
func loadDocuments(ctx context.Context, e *env, dir string, paths []string) ([]corpus.Document, error) {
	if len(paths) > 0 && dir != "" {
		return nil, usagef("give --index DIR or PATH..., not both")
	}
	dir = indexDir(e, dir)
	if len(paths) > 0 {
		arts, _, err := readCorpus(e, paths)
		if err != nil {
			return nil, err
		}
		return extractAll(ctx, e, distinct(arts))
	}
	ix, err := openIndex(e.stderr, dir, true)
	if err != nil {
		return nil, err
	}
	defer ix.Close()
	docs, err := ix.Documents(ctx)
	if err != nil {
		return nil, err // it names the index
	}
	if len(docs) == 0 {
		return nil, withHint(fmt.Errorf("index %s holds no articles", dir), "variorum ingest --index "+quoteArg(dir)+" PATH...")
	}
	// Each ingest joined entity names within what it was given; join them
	// across everything the index holds, as nightly batches accumulate.
	ingest.Canonicalize(docs)
	return docs, nil
}
