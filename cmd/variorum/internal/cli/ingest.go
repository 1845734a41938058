package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/variorum/variorum/corpus"
	"github.com/variorum/variorum/index"
)

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "[--index DIR] PATH...",
		`Reads articles from files and folders (recursively: .txt and .md one paragraph a
line, .html main text, .json and .jsonl one article per object with text or body,
title, outlet, url, published), extracts sentences, entities and quotes, and adds
them to the index. Each article's id comes from its outlet and text, so ingesting
the same article again adds nothing, and ingesting a folder again adds only its
new files. A file whose text or outlet changed is a new article: the old version
stays in the index (the id is the only key; file names repeat across folders),
so after editing articles rebuild the index (remove it and ingest again).
Metadata for plain files comes from front matter or a manifest.csv /
manifest.jsonl (file,outlet,title,url,published) beside them.`,
		`  variorum ingest corpus/sample
  variorum ingest --index /srv/news.index feeds/2025-11-21/`)
	dir := fs.String("index", "", indexFlagHelp)
	entitiesFlag(fs, e)
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("ingest: give at least one file or folder (see variorum help ingest)")
	}
	start := time.Now()
	arts, bad, err := readCorpus(e, paths)
	if err != nil {
		return err
	}
	added, err := ingestArticles(ctx, e, indexDir(e, *dir), arts)
	if err != nil {
		return err
	}
	rep := repeats(arts)
	fmt.Fprintf(e.stdout, "ingested %d %s into %s: %d new, %d already indexed%s (%s)\n",
		len(arts), plural(len(arts), "article", "articles"), indexDir(e, *dir), added, len(arts)-added-rep, repeatNote(rep), time.Since(start).Round(time.Millisecond))
	if bad > 0 {
		return skippedError(bad)
	}
	return nil
}

// repeats counts the articles whose ID an earlier one in arts has: the
// same text from the same outlet in two files, which the index holds once.
func repeats(arts []corpus.Article) int { return len(arts) - len(distinct(arts)) }

// distinct returns arts without the articles that repeat an earlier one's
// ID: what the index holds, and what a corpus-wide command compares, since
// a file copied into a second is not a second outlet's wording.
func distinct(arts []corpus.Article) []corpus.Article {
	seen := make(map[string]bool, len(arts))
	out := make([]corpus.Article, 0, len(arts))
	for _, a := range arts {
		if !seen[a.ID] {
			seen[a.ID] = true
			out = append(out, a)
		}
	}
	return out
}

// repeatNote says how many articles repeat another's text, when any do.
func repeatNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(", %d %s an earlier article's text", n, plural(n, "repeats", "repeat"))
}

// ingestArticles extracts the articles the index in dir does not hold yet
// and adds them; it returns how many were added. The index is only read
// while the articles are extracted, so searches of it go on meanwhile; it
// is opened for writing, which locks readers out, for the adding alone.
func ingestArticles(ctx context.Context, e *env, dir string, arts []corpus.Article) (int, error) {
	known, err := knownIDs(ctx, e.stderr, dir, arts)
	if errors.Is(err, index.ErrNoIndex) {
		// Make the index now, so that a folder that cannot be made
		// fails before the extraction rather than after it.
		var ix *index.Index
		if ix, err = openIndex(e.stderr, dir, false); err == nil {
			err = ix.Close()
		}
	}
	if err != nil {
		return 0, err
	}
	// Each new article once: a file repeating another's text is neither
	// extracted twice nor counted among the new.
	fresh := make([]corpus.Article, 0, len(arts))
	for _, a := range distinct(arts) {
		if !known[a.ID] {
			fresh = append(fresh, a)
		}
	}
	if len(fresh) == 0 {
		return 0, nil // nothing to write: a read-only index is no trouble
	}
	docs, err := extractAll(ctx, e, fresh)
	if err != nil {
		return 0, err
	}
	// Another ingest may be adding its articles: wait for it a while.
	ix, err := index.Open(dir, index.Options{})
	if errors.Is(err, index.ErrLocked) {
		fmt.Fprintf(e.stderr, "variorum: %s is in use by another variorum process; waiting up to %s for it\n", dir, ingestWait)
		ix, err = index.Open(dir, index.Options{LockTimeout: ingestWait})
	}
	if errors.Is(err, fs.ErrPermission) {
		return 0, withHint(fmt.Errorf("cannot write to index %s: %w", dir, err), "ingest into an index you may write to (--index DIR), or ask whoever owns "+dir)
	}
	if err != nil {
		return 0, indexError(dir, err)
	}
	defer ix.Close()
	p := newProgress(e.stderr, "index", len(docs))
	defer p.done()
	added, err := ix.Add(ctx, docs, func(done, total int) { p.set(done) })
	if errors.Is(err, context.Canceled) && added > 0 {
		// What was added is kept: say so, and how to add the rest.
		p.done()
		fmt.Fprintf(e.stderr, "variorum: %d of %d new articles were added to %s before the interruption; ingest again to add the rest\n", added, len(docs), dir)
	}
	if err != nil {
		return added, fmt.Errorf("add to index: %w", err)
	}
	return added, nil
}

// ingestWait is how long ingest waits, once its articles are extracted,
// for another process to release the index.
const ingestWait = time.Minute

// knownIDs reports which of the articles the index in dir holds already.
func knownIDs(ctx context.Context, stderr io.Writer, dir string, arts []corpus.Article) (map[string]bool, error) {
	ix, err := openIndex(stderr, dir, true)
	if err != nil {
		return nil, err // ErrNoIndex when there is none yet
	}
	defer ix.Close()
	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	return ix.Present(ctx, ids)
}

// openIndex opens the index at dir. Read-only, it waits up to readWait
// for a writer (an ingest adding its articles) to finish, saying so on
// stderr. The index's own errors name it and say what to do about a
// damaged, foreign or missing index; a locked one gets a hint here.
func openIndex(stderr io.Writer, dir string, readOnly bool) (*index.Index, error) {
	ix, err := index.Open(dir, index.Options{ReadOnly: readOnly})
	if readOnly && errors.Is(err, index.ErrLocked) {
		fmt.Fprintf(stderr, "variorum: %s is being written by another variorum process; waiting up to %s more for it\n", dir, readWait)
		ix, err = index.Open(dir, index.Options{ReadOnly: true, LockTimeout: readWait})
	}
	if err != nil {
		return nil, indexError(dir, err)
	}
	return ix, nil
}

// readWait is how long a reader of the index waits for a writer: ingest
// holds it for writing only while it adds (about 1.5 s for BBC News).
var readWait = 10 * time.Second

// indexError adds a hint to an error of opening the index at dir.
func indexError(dir string, err error) error {
	switch {
	case errors.Is(err, index.ErrLocked):
		return withHint(err, "wait for the other variorum process to finish, or use another --index")
	case errors.Is(err, index.ErrNoIndex) && dir == defaultIndex:
		// A newcomer's first run wrote its index in run's output folder.
		if ran := filepath.Join(defaultRunOut, runIndex); index.Exists(ran) {
			return withHint(err, "add --index "+ran+" (the index variorum run wrote)")
		}
	}
	return err // index's errors name the index
}

// quoteArg quotes a shell argument when it needs it.
func quoteArg(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"$&;|<>*?()[]{}\\") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
