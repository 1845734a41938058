package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
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

// OutputMarker is the file that marks what in a folder is variorum's own
// output (variorum run -o DIR), which Walk does not read as articles: the
// entries it names one a line after its first line, or, when it names
// none, the whole folder.
const OutputMarker = ".variorum-output"

// outputMarkerHead is the first line of an OutputMarker.
const outputMarkerHead = "variorum output: not read as articles"

// MarkOutput writes dir's OutputMarker: names are the entries of dir that
// are output; with none, all of dir is.
func MarkOutput(dir string, names ...string) error {
	body := outputMarkerHead + "\n"
	for _, n := range names {
		body += n + "\n"
	}
	return os.WriteFile(filepath.Join(dir, OutputMarker), []byte(body), 0o644)
}

// IsOutput reports whether dir's OutputMarker marks the entry name as
// variorum's own output: dir is marked whole or name is among the entries
// it names. Without a marker nothing is.
func IsOutput(dir, name string) bool {
	whole, names := outputEntries(dir)
	return whole || names[name]
}

// outputEntries reads dir's OutputMarker: whole when it marks all of dir,
// else the names of the entries it marks (nil when dir has no marker).
func outputEntries(dir string) (whole bool, names map[string]bool) {
	raw, err := os.ReadFile(filepath.Join(dir, OutputMarker))
	if err != nil {
		return false, nil
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	names = map[string]bool{}
	for _, l := range lines[1:] {
		if l = strings.TrimSpace(l); l != "" && !strings.ContainsAny(l, `/\`) {
			names[l] = true
		}
	}
	return len(names) == 0, names
}

// aboutFile reports whether a file in a folder is about the folder, not an
// article: README.md, LICENSE.txt and the like, which data sets and
// repositories hold beside their articles. Given by name, such a file is
// read.
func aboutFile(name string) bool {
	base := strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name)))
	switch base {
	case "README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "CHANGES", "CONTRIBUTING", "AUTHORS", "NOTICE":
		return true
	}
	return false
}

// skipFolder reports whether a folder below a root holds no articles but
// variorum's own output: a folder its OutputMarker marks whole, or a bleve
// index (it holds index_meta.json).
func skipFolder(dir string) bool {
	whole, _ := outputEntries(dir)
	return whole || isIndex(dir)
}

// isIndex reports whether dir is a bleve index: it holds index_meta.json.
func isIndex(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, "index_meta.json"))
	return err == nil
}

// Walk reads the articles in the given files and folders, folders
// recursively and through links, each folder once (hidden entries,
// unsupported extensions, README and LICENSE files (aboutFile), what an
// OutputMarker names and, below the given
// folders, indexes and folders an OutputMarker marks whole skipped;
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
	w := walker{visit: visit, bad: bad, manifests: map[string]loadedManifest{}}
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
	manifests map[string]loadedManifest // by directory
	// noManifest: the input is a stream, which no manifest beside it names.
	noManifest bool
	// read holds the files read so far, by resolved path: a file two of
	// the given paths lead to ("bbc/business bbc") is read once, under
	// the name the first gives it.
	read map[string]bool
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
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		real = root
	}
	if err := w.collect(root, root, real, map[string]bool{real: true}, &files); err != nil {
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

// collect appends to files the article files in the folder at real (its
// path with links resolved), named as under dir (its path as the user sees
// it, through any links), below root. Links to files are read; links to
// folders are followed unless they lead to a folder already read (seen,
// by resolved path), which also ends link loops.
func (w *walker) collect(root, dir, real string, seen map[string]bool, files *[]string) error {
	output := map[string]map[string]bool{} // by folder: the entries its marker names
	return filepath.WalkDir(real, func(rp string, d fs.DirEntry, err error) error {
		p := dir
		if rel, rerr := filepath.Rel(real, rp); rerr == nil && rel != "." {
			p = filepath.Join(dir, rel)
		}
		if err != nil {
			w.report(p, 0, err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		skip := p != root && (strings.HasPrefix(name, ".") || output[filepath.Dir(rp)][name])
		if d.IsDir() {
			if p != dir && (skip || seen[rp]) { // seen: a link led to it already
				return fs.SkipDir
			}
			whole, names := outputEntries(rp)
			if p != dir && (whole || isIndex(rp)) {
				return fs.SkipDir
			}
			seen[rp] = true
			if names != nil {
				output[rp] = names
			}
			return nil
		}
		if skip || !Supported(name) && d.Type()&fs.ModeSymlink == 0 || isManifest(name) || aboutFile(name) {
			return nil
		}
		switch {
		case d.Type().IsRegular():
			*files = append(*files, p)
		case d.Type()&fs.ModeSymlink != 0:
			info, err := os.Stat(rp)
			if err != nil {
				w.report(p, 0, fmt.Errorf("broken link: %w", err))
				return nil
			}
			switch {
			case info.Mode().IsRegular() && Supported(name):
				*files = append(*files, p)
			case info.IsDir():
				to, err := filepath.EvalSymlinks(rp)
				if err != nil {
					w.report(p, 0, err)
					return nil
				}
				if seen[to] || skipFolder(to) {
					return nil
				}
				seen[to] = true
				return w.collect(root, p, to, seen, files)
			}
		}
		return nil
	})
}

// file reads one file; source is how articles from it are named.
func (w *walker) file(path, source string) error {
	// A pipe or a device would block the read or never end: only regular
	// files are articles (standard input is "-").
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		w.report(path, 0, fmt.Errorf("not a regular file (%s): give a file, or - for standard input", fileKind(st.Mode())))
		return nil
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		if abs, err := filepath.Abs(real); err == nil {
			if w.read[abs] {
				return nil
			}
			if w.read == nil {
				w.read = map[string]bool{}
			}
			w.read[abs] = true
		}
	}
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
	return w.bytes(path, source, raw)
}

// fileKind names a mode that is no regular file.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a folder"
	}
	return "not a plain file"
}

// ReadStream reads one input that is no file, such as standard input, up
// to MaxFileSize: name says how its articles are named and, by its
// extension, how it is read (none: plain text, as a .txt file).
func ReadStream(name string, r io.Reader) ([]Article, []*FileError) {
	var arts []Article
	var errs []*FileError
	w := walker{
		visit:     func(a Article) error { arts = append(arts, a); return nil },
		bad:       func(e *FileError) { errs = append(errs, e) },
		manifests: map[string]loadedManifest{},
	}
	raw, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		w.report(name, 0, err)
		return nil, errs
	}
	w.noManifest = true
	_ = w.bytes(name, name, raw)
	return arts, errs
}

// bytes reads the content of one file (or stream) at path.
func (w *walker) bytes(path, source string, raw []byte) error {
	if len(raw) > MaxFileSize {
		hint := "split it into one file per article (or JSON Lines)"
		if strings.EqualFold(filepath.Ext(path), ".jsonl") {
			hint = "split it into several JSON Lines files"
		}
		w.report(path, 0, fmt.Errorf("larger than %d MiB: %s", MaxFileSize>>20, hint))
		return nil
	}
	var err error
	// Every format may come as UTF-16 with a byte-order mark; without
	// one, it is named as such whatever the format.
	if raw, err = fromUTF16(raw); err != nil {
		w.report(path, 0, err)
		return nil
	}
	if order := utf16Order(raw); order != "" {
		w.report(path, 0, unmarkedUTF16(order))
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
		if !w.noManifest {
			m, err := w.manifest(filepath.Dir(path))
			if err != nil {
				// Read without its metadata, the article would be stored
				// under another ID than once the manifest is mended.
				w.report(path, 0, fmt.Errorf("%w: mend it and read the folder again", err))
				return nil
			}
			if e, ok := m.lookup(filepath.Base(path)); ok {
				e.fill(&a)
			}
		}
		a.Text = text
		if a.Title == "" {
			a.Title = headline(text)
		}
		return w.emit(path, 0, a)
	}
}

// headline returns the first line of a plain-text article when it reads
// as its headline, as BBC News and many archives write them: a line of at
// most headlineWords words, set off by a blank line from more text, that
// ends on no sentence's punctuation. Else "".
func headline(text string) string {
	first, rest, ok := strings.Cut(text, "\n")
	if !ok || !strings.HasPrefix(rest, "\n") || strings.TrimSpace(rest) == "" {
		return ""
	}
	// Markdown's heading and emphasis marks are no part of it.
	words := strings.Fields(strings.Trim(strings.TrimLeft(strings.TrimSpace(first), "#"), " *_"))
	if len(words) == 0 || len(words) > headlineWords || words[0] == "By" { // "By" opens a byline
		return ""
	}
	title := strings.Join(words, " ")
	if last, _ := utf8.DecodeLastRuneInString(title); strings.ContainsRune(".!?:;,\"”’'…", last) {
		return ""
	}
	return title
}

// headlineWords is the most words a headline line holds.
const headlineWords = 15

// emit finishes an article (ID, published date) and hands it on, refusing
// articles with no text.
func (w *walker) emit(path string, line int, a Article) error {
	if strings.TrimSpace(a.Text) == "" {
		w.report(path, line, errors.New("no article text (empty file or no text/body field)"))
		return nil
	}
	if len(a.Text) > MaxArticleSize {
		w.report(path, line, fmt.Errorf("an article of %.1f MiB, more than the %d MiB one article may hold (extracting it would take some %d MB of memory): if it holds many articles, split it into one file per article, or JSON Lines",
			math.Ceil(float64(len(a.Text))/(1<<20)*10)/10, MaxArticleSize>>20, len(a.Text)*40/1e6))
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
