package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// FileError is a problem with one input file; the rest of the corpus is
// still read.
type FileError struct {
	Path string
	Line int // 1-based line for JSON Lines; 0 when the whole file is bad
	Err  error
}

func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *FileError) Unwrap() error { return e.Err }

// Supported reports whether a file name has an extension Walk reads.
func Supported(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md", ".html", ".htm", ".json", ".jsonl":
		return true
	}
	return false
}

// OutputMarker is the file that marks a folder variorum wrote its output
// to (variorum run -o DIR); Walk does not read such folders.
const OutputMarker = ".variorum-output"

// skipFolder reports whether a folder below a root holds no articles but
// variorum's own output: a folder marked with OutputMarker, or a bleve
// index (it holds index_meta.json).
func skipFolder(dir string) bool {
	for _, name := range []string{OutputMarker, "index_meta.json"} {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			return true
		}
	}
	return false
}

// Walk reads the articles in the given files and folders, folders
// recursively (hidden entries, unsupported extensions and, below the
// given folders, variorum's own output folders and indexes skipped;
// manifests read, not returned), in lexical order, and calls visit for each
// article.
// A file that cannot be read is passed to bad as a *FileError and skipped;
// Walk stops early only when visit returns an error, which it returns.
//
// Formats: .txt and .md (one paragraph a line or blank-line separated, with
// optional front matter); .html/.htm (the main article text); .json (an
// article object or an array of them) and .jsonl (one object a line). Plain
// files take metadata from front matter or from a manifest.csv or
// manifest.jsonl beside them; without either the source is the file name
// and the outlet is empty.
func Walk(paths []string, visit func(Article) error, bad func(*FileError)) error {
	w := walker{visit: visit, bad: bad, manifests: map[string]manifest{}}
	for _, p := range paths {
		if err := w.root(p); err != nil {
			return err
		}
	}
	return nil
}

type walker struct {
	visit     func(Article) error
	bad       func(*FileError)
	manifests map[string]manifest // by directory
}

func (w *walker) report(path string, line int, err error) {
	if w.bad != nil {
		w.bad(&FileError{Path: path, Line: line, Err: err})
	}
}

func (w *walker) root(root string) error {
	info, err := os.Stat(root)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			err = errors.New("no such file or folder")
		}
		w.report(root, 0, err)
		return nil
	}
	if !info.IsDir() {
		return w.file(root, filepath.Base(root))
	}
	var files []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			w.report(p, 0, err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != root && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != root && d.IsDir() && skipFolder(p) {
			return fs.SkipDir
		}
		if d.Type().IsRegular() && Supported(name) && !isManifest(name) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, p := range files {
		rel, err := filepath.Rel(root, p)
		if err != nil {
			rel = p
		}
		if err := w.file(p, filepath.ToSlash(rel)); err != nil {
			return err
		}
	}
	return nil
}

// file reads one file; source is how articles from it are named.
func (w *walker) file(path, source string) error {
	f, err := os.Open(path)
	if err != nil {
		w.report(path, 0, err)
		return nil
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		w.report(path, 0, err)
		return nil
	}
	if len(raw) > MaxFileSize {
		w.report(path, 0, fmt.Errorf("larger than %d MiB: split it into one file per article (or JSON Lines)", MaxFileSize>>20))
		return nil
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json", ".jsonl":
		return readJSON(path, source, raw, w)
	case ".html", ".htm":
		a, err := readHTML(raw)
		if err != nil {
			w.report(path, 0, err)
			return nil
		}
		if a.Source == "" {
			a.Source = source
		}
		return w.emit(path, 0, a)
	default:
		text, err := Normalize(raw)
		if err != nil {
			w.report(path, 0, err)
			return nil
		}
		a := Article{Source: source}
		text = frontMatter(text, &a)
		if m, err := w.manifest(filepath.Dir(path)); err != nil {
			w.report(path, 0, err)
		} else if e, ok := m.lookup(filepath.Base(path)); ok {
			e.fill(&a)
		}
		a.Text = text
		return w.emit(path, 0, a)
	}
}

// emit finishes an article (ID, published date) and hands it on, refusing
// articles with no text.
func (w *walker) emit(path string, line int, a Article) error {
	if strings.TrimSpace(a.Text) == "" {
		w.report(path, line, errors.New("no article text (empty file or no text/body field)"))
		return nil
	}
	a.Outlet = strings.TrimSpace(a.Outlet)
	a.Title = strings.TrimSpace(a.Title)
	a.Published = normalizeDate(a.Published)
	a.ID = NewID(a.Outlet, a.Text)
	return w.visit(a)
}

// ReadAll is Walk collecting the articles and the file errors.
func ReadAll(paths []string) ([]Article, []*FileError) {
	var arts []Article
	var errs []*FileError
	_ = Walk(paths, func(a Article) error { arts = append(arts, a); return nil },
		func(e *FileError) { errs = append(errs, e) })
	return arts, errs
}
