package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/variorum/variorum/index"
)

// run calls Main as the binary would and returns its exit code and output.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Main(args, strings.NewReader(stdin), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestExitCodes(t *testing.T) {
	t.Setenv("VARIORUM_INDEX", "")
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{nil, exitUsage, "Usage:"},
		{[]string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{[]string{"search"}, exitUsage, "search: nothing to search for: give words"},
		{[]string{"search", "--limit", "0", "x"}, exitUsage, "--limit must be at least 1"},
		{[]string{"search", "--bogus", "x"}, exitUsage, "flag provided but not defined: -bogus"},
		{[]string{"ingest"}, exitUsage, "give at least one file or folder"},
		{[]string{"diff", "a"}, exitUsage, "give two texts"},
		{[]string{"diff", "-", "-"}, exitUsage, "only one of A and B"},
		{[]string{"diff", "missing-a.txt", "missing-b.txt"}, exitFailure, "missing-a.txt"},
		{[]string{"search", "--index", filepath.Join(t.TempDir(), "none"), "x"}, exitFailure, "run variorum ingest first"},
		{[]string{"compare", "--min-outlets", "1"}, exitUsage, "--min-outlets must be at least 2"},
		{[]string{"run", "--min-outlets=-3"}, exitUsage, "--min-outlets must be at least 2"},
		{[]string{"compare", "--html-max", "-1"}, exitUsage, "--html-max must be 0"},
		{[]string{"search", "--index", "", "x"}, exitUsage, "--index needs a DIR, not an empty string"},
		{[]string{"run", "-o", ""}, exitUsage, "run: -o needs a DIR"},
		{[]string{"compare", "--html=", "a.txt"}, exitUsage, "--html needs a FILE"},
		{[]string{"compare", "--html", " ", "a.txt"}, exitUsage, "--html needs a FILE"},
		{[]string{"search", "--outlet", "", "x"}, exitUsage, "search: --outlet needs an OUTLET, not an empty string"},
		{[]string{"search", "--entity=", "x"}, exitUsage, "--entity needs a NAME"},
		{[]string{"quotes", "--speaker", ""}, exitUsage, "--speaker needs a NAME"},
		// The report's path is checked before any article is read.
		{[]string{"compare", "--html", t.TempDir(), "missing.txt"}, exitFailure, "not a regular file; give a file's path"},
		{[]string{"help"}, exitOK, ""},
		{[]string{"help", "help"}, exitOK, ""}, // the usage, not a loop
		{[]string{"help", "--help"}, exitOK, ""},
		{[]string{"search", "--help"}, exitOK, ""},
	}
	for _, tt := range tests {
		code, _, stderr := run(t, "", tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("variorum %q: exit %d, stderr %q; want exit %d and %q", tt.args, code, stderr, tt.code, tt.stderr)
		}
	}
}

func TestHelpTeaches(t *testing.T) {
	for _, c := range commands {
		code, stdout, _ := run(t, "", c.name, "--help")
		if code != exitOK || !strings.Contains(stdout, "Usage: variorum "+c.name) || !strings.Contains(stdout, "Examples:\n  variorum "+c.name) {
			t.Errorf("variorum %s --help (exit %d) lacks a usage line or an example:\n%s", c.name, code, stdout)
		}
	}
}

func TestParseInterspersed(t *testing.T) {
	e := &env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}, getenv: os.Getenv}
	fs := newFlags(e, "x", "", "", "")
	j := fs.Bool("json", false, "")
	n := fs.Int("limit", 1, "")
	pos, err := parse(fs, []string{"a", "--json", "b", "--limit", "3", "--", "--c"})
	if err != nil || !*j || *n != 3 || strings.Join(pos, " ") != "a b --c" {
		t.Errorf("parse = %q, %v (json %v, limit %d)", pos, err, *j, *n)
	}
}

// A query's words may start with a dash: "-Telegram" excludes a word, and
// only a flag's own name (or a double dash) is read as a flag.
func TestParseQueryDashWords(t *testing.T) {
	for _, c := range []struct {
		args  []string
		words string
		json  bool
		limit int
		err   bool
	}{
		{args: []string{"guarantee", "-Telegram", "+Zelensky"}, words: "guarantee -Telegram +Zelensky", limit: 1},
		{args: []string{"--", "guarantee", "-Telegram"}, words: "guarantee -Telegram", limit: 1},
		{args: []string{"guarantee", "--json", "-Telegram", "--limit", "3"}, words: "guarantee -Telegram", json: true, limit: 3},
		{args: []string{"guarantee", "-limit=2", `-"armed attack"`}, words: `guarantee -"armed attack"`, limit: 2},
		{args: []string{"guarantee", "--bogus"}, err: true},
	} {
		e := &env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}, getenv: os.Getenv}
		fs := newFlags(e, "search", "", "", "")
		j := fs.Bool("json", false, "")
		n := fs.Int("limit", 1, "")
		words, err := parseQuery(fs, c.args)
		if c.err {
			if err == nil {
				t.Errorf("%q: no error", c.args)
			}
			continue
		}
		if err != nil || strings.Join(words, " ") != c.words || *j != c.json || *n != c.limit {
			t.Errorf("%q: words %q, json %v, limit %d, err %v; want %q, %v, %d", c.args, words, *j, *n, err, c.words, c.json, c.limit)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// A command whose output cannot be written fails, however it prints.
func TestStdoutWriteError(t *testing.T) {
	sample := filepath.Join("..", "..", "..", "..", "corpus", "sample")
	for _, args := range [][]string{{"quotes", sample}, {"extract"}, {"entities", sample}} {
		var stderr bytes.Buffer
		if code := Main(args, strings.NewReader(""), failingWriter{}, &stderr); code != exitFailure || !strings.Contains(stderr.String(), "no space left on device") {
			t.Errorf("variorum %q to a full disk: exit %d, stderr %q; want exit 1 and the error", args, code, stderr.String())
		}
	}
}

// A report path that is a link is written through; a folder or a link to
// nowhere is refused, not replaced.
func TestWriteFileAtomicPaths(t *testing.T) {
	dir := t.TempDir()
	target, link, dangling := filepath.Join(dir, "t.html"), filepath.Join(dir, "l.html"), filepath.Join(dir, "d.html")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "nowhere", "x"), dangling); err != nil {
		t.Fatal(err)
	}
	write := func(f *os.File) error { _, err := f.WriteString("new"); return err }
	if err := writeFileAtomic(link, write); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Errorf("target holds %q after writing through the link", b)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	for _, p := range []string{dir, dangling} {
		if err := writeFileAtomic(p, write); err == nil {
			t.Errorf("writeFileAtomic(%q) wrote; want an error", p)
		}
	}
}

// A second writer gets "in use" instead of hanging once its wait is over
// (shortened here), and is told what to do.
func TestIngestLockedIndex(t *testing.T) {
	defer func(w time.Duration) { readWait = w }(readWait)
	readWait = 500 * time.Millisecond
	dir := filepath.Join(t.TempDir(), "idx")
	ix, err := index.Open(dir, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	art := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(art, []byte("Peskov spoke to reporters on Friday."), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var code int
	var stderr string
	go func() {
		code, _, stderr = run(t, "", "ingest", "--index", dir, art)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second): // a hang, not a timing check: the open gives up after ~1s
		t.Fatal("ingest into a locked index hung")
	}
	if code != exitFailure || !strings.Contains(stderr, "in use") || !strings.Contains(stderr, "Try:") {
		t.Errorf("exit %d, stderr %q; want 1 and an 'in use' error with a hint", code, stderr)
	}
}

// A search while an ingest adds waits for it, says so, and then finds
// what the index holds.
func TestSearchWaitsForWriter(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	art := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(art, []byte("Peskov spoke to reporters on Friday."), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "", "ingest", "--index", dir, art); code != 0 {
		t.Fatalf("ingest: exit %d, %s", code, stderr)
	}
	ix, err := index.Open(dir, index.Options{}) // a writer, as ingest is while it adds
	if err != nil {
		t.Fatal(err)
	}
	released := make(chan struct{})
	go func() {
		// Longer than Open's own wait (index.DefaultLockTimeout); not a
		// timing check: the search must outwait it.
		time.Sleep(index.DefaultLockTimeout + 500*time.Millisecond)
		ix.Close()
		close(released)
	}()
	code, stdout, stderr := run(t, "", "search", "--index", dir, "Peskov")
	<-released
	if code != 0 || !strings.Contains(stdout, "Peskov") || !strings.Contains(stderr, "waiting up to") {
		t.Errorf("exit %d, stdout %q, stderr %q; want the hit after a note that it waits", code, stdout, stderr)
	}
}

func TestSyntaxHint(t *testing.T) {
	tests := []struct{ query, want string }{
		{"text:attack", "field:value"},
		{"armed +Title:attack", "field:value"},
		{"attack~2", "~ is read"},
		{"attack~ guarantee", "~ is read"},
		{"guarant*", "not wildcards"},
		{"who?", "not wildcards"},
		{"armed attack", ""},
		{"10:30 meeting", ""},
		{"Note: draft", ""},
		{"~ 5", ""},
		{`"a phrase"`, ""},
	}
	for _, tt := range tests {
		if got := syntaxHint(tt.query); tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("syntaxHint(%q) = %q, want %q", tt.query, got, tt.want)
		}
	}
}

// TestSearchEmptyIndex: a search of an index with no articles yet (one an
// ingest has made and is still filling) says so.
func TestSearchEmptyIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	ix, err := index.Open(dir, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "", "search", "--index", dir, "guarantee")
	if code != exitFailure || !strings.Contains(stderr, "holds no articles yet") {
		t.Errorf("exit %d, stderr %q; want exit 1 and a note that the index is empty", code, stderr)
	}
}
