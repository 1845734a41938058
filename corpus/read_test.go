package corpus

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// readSources is ReadAll giving the articles' sources.
func readSources(paths []string) ([]string, []*FileError) {
	arts, errs := ReadAll(paths)
	var sources []string
	for _, a := range arts {
		sources = append(sources, a.Source)
	}
	return sources, errs
}

func TestWalkFormats(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []Article // ID and Text checked separately
		errs  []string  // substrings of the file errors, in order
	}{
		{
			name:  "plain text, no metadata",
			files: map[string]string{"a.txt": "First line.\r\nSecond line.\r\n"},
			want:  []Article{{Source: "a.txt", Text: "First line.\nSecond line.\n"}},
		},
		{
			name:  "front matter",
			files: map[string]string{"b.md": "---\ntitle: \"Draft leaked\"\noutlet: Axios\npublished: 2025-11-20\n---\n\nBody text.\n"},
			want:  []Article{{Source: "b.md", Outlet: "Axios", Title: "Draft leaked", Published: "2025-11-20", Text: "Body text.\n"}},
		},
		{
			name: "manifest csv beside the files",
			files: map[string]string{
				"x/manifest.csv": "file,outlet,title,url,published\nc.txt,Reuters,Plan,https://r.example/1,2025-11-21T10:00:00Z\n",
				"x/c.txt":        "Body.",
			},
			want: []Article{{Source: "x/c.txt", Outlet: "Reuters", Title: "Plan", URL: "https://r.example/1", Published: "2025-11-21T10:00:00Z", Text: "Body."}},
		},
		{
			name: "manifest jsonl",
			files: map[string]string{
				"manifest.jsonl": `{"file":"d.txt","outlet":"BBC"}` + "\n",
				"d.txt":          "Body.",
			},
			want: []Article{{Source: "d.txt", Outlet: "BBC", Text: "Body."}},
		},
		{
			name: "json array and jsonl with a broken line",
			files: map[string]string{
				"e.json":  `[{"title":"T1","body":"One.","outlet":"AP","date":"2025-11-21"},{"text":"Two.","url":"https://u"}]`,
				"f.jsonl": "{\"text\":\"Three.\",\"publisher\":\"Fox\"}\n{broken\n\n{\"text\":\"\"}\n",
			},
			want: []Article{
				{Source: "e.json#1", Outlet: "AP", Title: "T1", Published: "2025-11-21", Text: "One."},
				{Source: "e.json#2", URL: "https://u", Text: "Two."},
				{Source: "f.jsonl:1", Outlet: "Fox", Text: "Three."},
			},
			errs: []string{"f.jsonl:2: broken JSON at byte 2", "f.jsonl:4: no article text"},
		},
		{
			name: "html main text without navigation",
			files: map[string]string{"g.html": `<!doctype html><html><head><title>Page</title>
<meta property="og:site_name" content="The Outlet"><meta property="article:published_time" content="2025-11-21T08:00:00Z">
<link rel="canonical" href="https://o.example/a"></head><body><nav><a href="/">Home</a></nav>
<article><h1>Head &amp; line</h1><p>First <b>para</b>graph
here.</p><script>var x = 1;</script><p>Second &lt;para&gt;.</p><aside>Read more</aside></article>
<footer>Copyright</footer></body></html>`},
			want: []Article{{Source: "g.html", Outlet: "The Outlet", Title: "Page", URL: "https://o.example/a", Published: "2025-11-21T08:00:00Z", Text: "Head & line\nFirst paragraph here.\nSecond <para>."}},
		},
		{
			name: "bad files are reported and skipped",
			files: map[string]string{
				"bad/latin1.txt":  "caf\xe9",
				"bad/bin.txt":     "abc\x00def",
				"bad/empty.txt":   " \n",
				"bad/x.json":      `{"text": "unterminated`,
				"bad/arr.json":    `[{"text":"Kept."},{"text":" "},{"title":"no text"}]`,
				"bad/png.json":    "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
				"bad/png.jsonl":   "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
				"bad/nul.jsonl":   `{"text":"` + strings.Repeat("Long. ", 100) + `"}` + "\n" + "{\"text\":\"T\x00wo.\"}\n" + `{"text":"Last."}` + "\n",
				"bad/ok.txt":      "Fine.",
				"bad/skip.pdf":    "%PDF",
				"bad/.hidden.txt": "hidden",
			},
			want: []Article{{Source: "bad/arr.json#1", Text: "Kept."}, {Source: "bad/nul.jsonl:1", Text: strings.Repeat("Long. ", 100)}, {Source: "bad/nul.jsonl:3", Text: "Last."}, {Source: "bad/ok.txt", Text: "Fine."}},
			errs: []string{"arr.json: article 2: no article text", "arr.json: article 3: no article text", "bin.txt: binary data", "empty.txt: no article text", "latin1.txt: invalid UTF-8 at byte 3", "nul.jsonl:2:", "png.json: binary data", "png.jsonl: binary data", "x.json: broken JSON"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, tt.files)
			got, errs := ReadAll([]string{dir})
			if len(got) != len(tt.want) {
				t.Fatalf("got %d articles %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.ID != NewID(g.Outlet, g.Text) || len(g.ID) != 16 {
					t.Errorf("article %d: ID %q is not the content ID", i, g.ID)
				}
				g.ID = ""
				if g != w {
					t.Errorf("article %d:\n got %+v\nwant %+v", i, g, w)
				}
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("got errors %v, want %d", errs, len(tt.errs))
			}
			for i, e := range errs {
				if !strings.Contains(e.Error(), tt.errs[i]) {
					t.Errorf("error %d = %q, want it to contain %q", i, e, tt.errs[i])
				}
			}
		})
	}
}

func TestWalkMissingPathAndSingleFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{"sub/one.txt": "One."})
	got, errs := ReadAll([]string{filepath.Join(dir, "nope"), filepath.Join(dir, "sub", "one.txt")})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "no such file or folder") {
		t.Errorf("errors = %v, want one 'no such file or folder'", errs)
	}
	if len(got) != 1 || got[0].Source != "one.txt" {
		t.Errorf("got %+v, want one article with source one.txt", got)
	}
}

// TestWalkSkipsOutput: variorum's own output folders and bleve indexes
// below a root are not read, but one given as the root is.
func TestWalkSkipsOutput(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":                      "An article.",
		"out/" + OutputMarker:        "variorum output\n",
		"out/clusters.jsonl":         `{"cluster":1,"kind":"clause"}` + "\n",
		"out/notes.txt":              "Not an article either.",
		"news.index/index_meta.json": `{"storage":"boltdb"}`,
		"news.index/store/x.json":    `{"text":"not an article"}`,
	})
	got, errs := ReadAll([]string{dir})
	if len(errs) != 0 || len(got) != 1 || got[0].Source != "a.txt" {
		t.Errorf("got %d articles %+v, errors %v; want a.txt alone and no errors", len(got), got, errs)
	}
	got, _ = ReadAll([]string{filepath.Join(dir, "out")})
	if len(got) != 1 || got[0].Source != "notes.txt" {
		t.Errorf("the output folder as root: got %+v, want notes.txt read", got)
	}
}

func TestSameContentSameID(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a/x.txt": "Same words.\r\n", "b/y.txt": "Same words.\n"})
	got, _ := ReadAll([]string{dir})
	if len(got) != 2 || got[0].ID != got[1].ID {
		t.Errorf("identical texts (after CRLF→LF) should share an ID: %+v", got)
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{in: "\xef\xbb\xbfBOM", want: "BOM"},
		{in: "a\r\nb\rc", want: "a\nb\nc"},
		{in: "Cafe\u0301", want: "Caf\u00e9"}, // NFC
		{in: "“curly” — dash", want: "“curly” — dash"},
		{in: "ok\xff", err: "invalid UTF-8 at byte 2"},
		{in: "\x00", err: "binary data"},
		{in: "\xff\xfeC\x00a\x00f\x00\xe9\x00 \x00=\xd8\x00\xde\r\x00\n\x00", want: "Café 😀\n"}, // UTF-16LE with its mark
		{in: "\xfe\xff\x00N\x00o\x20\x19", want: "No’"},                                         // UTF-16BE
		{in: "\xff\xfeC\x00=\xd8", err: "half a surrogate pair at byte 4"},
		{in: "\xff\xfeC\x00a", err: "odd number of bytes"},
		// Latin-1 that happens to start with ÿþ: not UTF-16, which would
		// hold NUL bytes.
		{in: "\xff\xfeabc d\xe9j\xe0 vu, said the man in Paris today, and then he left the room.", err: "invalid UTF-8 at byte 0"},
		{in: "H\x00e\x00l\x00l\x00o\x00", err: "UTF-16LE without a byte-order mark: convert the file to UTF-8 (e.g. iconv -f UTF-16LE"},
		{in: "\x00H\x00e\x00l\x00l\x00o", err: "UTF-16BE without a byte-order mark: convert the file to UTF-8 (e.g. iconv -f UTF-16BE"},
		{in: "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", err: "binary data"},
	}
	for _, tt := range tests {
		got, err := Normalize([]byte(tt.in))
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Normalize(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Normalize(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestSample(t *testing.T) {
	arts := Sample()
	if len(arts) != 5 {
		t.Fatalf("sample has %d articles, want 5", len(arts))
	}
	for _, a := range arts {
		if !strings.HasSuffix(a.Source, ".txt") || a.Outlet != "" || a.ID != NewID("", a.Text) || !strings.Contains(a.Text, "Ukraine") {
			t.Errorf("sample article %+v is not a seed read by file name", a.Source)
		}
	}
	if !strings.Contains(arts[0].Text, "significant, deliberate, and sustained armed attack") {
		t.Error("seed 000 lost its text")
	}
}

func TestNormalizeDate(t *testing.T) {
	for in, want := range map[string]string{
		"2025-11-21":                    "2025-11-21",
		"November 21, 2025":             "2025-11-21",
		"Fri, 21 Nov 2025 10:00:00 GMT": "2025-11-21T10:00:00Z",
		"2025-11-21T10:00:00+01:00":     "2025-11-21T10:00:00+01:00",
		"sometime last week":            "sometime last week",
		"1700000000":                    "2023-11-14T22:13:20Z", // Unix seconds
		"1700000000123":                 "2023-11-14T22:13:20Z", // Unix milliseconds
		"2025":                          "2025",                 // a year stays a year
		"12345":                         "12345",
	} {
		if got := normalizeDate(in); got != want {
			t.Errorf("normalizeDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// checkArticle asserts what every reader promises of an article.
func checkArticle(t *testing.T, a Article) {
	t.Helper()
	if !utf8.ValidString(a.Text) || strings.ContainsRune(a.Text, '\r') || strings.ContainsRune(a.Text, 0) {
		t.Errorf("text not normalised: %q", a.Text)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "a\r\nb", "\xef\xbb\xbfx", "\xff", "e\u0301", "“q”", "\xff\xfeC\x00=\xd8\x00\xde", "\xfe\xff\x00N"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := Normalize(b)
		if err != nil {
			return
		}
		checkArticle(t, Article{Text: s})
		if again, err := Normalize([]byte(s)); err != nil || again != s {
			t.Errorf("Normalize is not idempotent: %q → %q (%v)", s, again, err)
		}
	})
}

func FuzzReadHTML(f *testing.F) {
	for _, s := range []string{"", "<p>x", "<article><p>a</p><nav>n</nav></article>", "<meta charset=latin1><p>caf\xe9</p>", "<html><body><script>x</script>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := readHTML(b)
		if err == nil {
			checkArticle(t, a)
		}
	})
}

func FuzzJSONArticle(f *testing.F) {
	for _, s := range []string{`{"text":"x"}`, `{"body":1}`, `[`, `{"title":{"a":1},"text":"\u0000"}`, `null`, `{"text":"\ud83d\ude00 \\ud800"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := jsonArticle(b)
		if err == nil {
			checkArticle(t, a)
			// What checkJSONText lets through is decoded without repairs.
			if checkJSONText(b) == nil && strings.ContainsRune(a.Text, utf8.RuneError) &&
				!bytes.ContainsRune(b, utf8.RuneError) && !bytes.Contains(bytes.ToLower(b), []byte(`\ufffd`)) {
				t.Errorf("%q: text %q holds a U+FFFD the input does not", b, a.Text)
			}
		}
		_, _ = jsonObjects(b)
	})
}

// FuzzReadStream: standard input in each format gives normalised articles
// with IDs, or errors naming the stream, never a panic.
func FuzzReadStream(f *testing.F) {
	for _, s := range []string{"Title\n\nBody.", "---\ntitle: x\n---\nbody", `{"text":"x"}`, "{\"text\":\"a\"}\n{bad\n", "\x89PNG\r\n\x1a\n\x00", "\xff\xfeh\x00i\x00", "<p>x</p>"} {
		f.Add([]byte(s), uint8(0))
	}
	names := []string{"stdin", "stdin.json", "stdin.jsonl", "stdin.html"}
	f.Fuzz(func(t *testing.T, b []byte, kind uint8) {
		name := names[int(kind)%len(names)]
		arts, errs := ReadStream(name, bytes.NewReader(b))
		for _, a := range arts {
			checkArticle(t, a)
			if a.ID != NewID(a.Outlet, a.Text) {
				t.Errorf("%s: ID %q is not the content ID", name, a.ID)
			}
		}
		for _, e := range errs {
			if e.Path != name {
				t.Errorf("error %v does not name %s", e, name)
			}
		}
	})
}

func TestReadStream(t *testing.T) {
	arts, errs := ReadStream("stdin", strings.NewReader("Plan leaked\n\nThe plan would be signed."))
	if len(errs) != 0 || len(arts) != 1 || arts[0].Source != "stdin" || arts[0].Title != "Plan leaked" {
		t.Errorf("ReadStream: %+v, %v; want one article from stdin titled Plan leaked", arts, errs)
	}
	if _, errs := ReadStream("stdin", strings.NewReader("")); len(errs) != 1 || !strings.Contains(errs[0].Error(), "stdin: no article text") {
		t.Errorf("ReadStream of nothing: errors %v, want stdin: no article text", errs)
	}
}

func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{"---\ntitle: x\n---\nbody", "---\n---", "---\nnot front\n---\n", "---\ntitle: x\n----\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var a Article
		rest := frontMatter(s, &a)
		if !strings.HasSuffix(s, rest) {
			t.Errorf("frontMatter must only strip a prefix: %q → %q", s, rest)
		}
	})
}

func FuzzManifest(f *testing.F) {
	f.Add([]byte("file,outlet\na.txt,X\n"), []byte(`{"file":"a.txt","outlet":"X"}`))
	f.Fuzz(func(t *testing.T, csvData, jsonl []byte) {
		_ = parseCSVManifest(csvData, manifest{})
		_ = parseJSONLManifest(jsonl, manifest{})
	})
}

// TestWalkOutputMarkerNames: a marker that names entries hides those alone,
// in the folder given as root too; one that names none hides its folder
// below a root.
func TestWalkOutputMarkerNames(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":              "An article.",
		"report.html":        "<html><body><p>The report of an earlier run.</p></body></html>",
		"clusters.jsonl":     `{"cluster":1,"kind":"clause"}` + "\n",
		"sub/b.txt":          "Another article.",
		"sub/clusters.jsonl": `{"text":"named in the root's marker, not this folder's"}` + "\n",
	})
	if err := MarkOutput(dir, "report.html", "clusters.jsonl", "index"); err != nil {
		t.Fatal(err)
	}
	sources, errs := readSources([]string{dir})
	if want := []string{"a.txt", "sub/b.txt", "sub/clusters.jsonl:1"}; len(errs) != 0 || !slices.Equal(sources, want) {
		t.Errorf("got %v, errors %v; want %v", sources, errs, want)
	}
	if err := MarkOutput(filepath.Join(dir, "sub")); err != nil {
		t.Fatal(err)
	}
	if got, _ := ReadAll([]string{dir}); len(got) != 1 || got[0].Source != "a.txt" {
		t.Errorf("sub marked whole: got %+v, want a.txt alone", got)
	}
}

// TestWalkOverlappingPaths: a file two given paths lead to is read once,
// under the name the first gives it.
func TestWalkOverlappingPaths(t *testing.T) {
	dir := writeFiles(t, map[string]string{"news/a.txt": "An article.", "news/sports/b.txt": "Another article."})
	news := filepath.Join(dir, "news")
	arts, errs := ReadAll([]string{filepath.Join(news, "sports"), news, filepath.Join(news, "a.txt")})
	var sources []string
	for _, a := range arts {
		sources = append(sources, a.Source)
	}
	if want := []string{"b.txt", "a.txt"}; len(errs) != 0 || !slices.Equal(sources, want) {
		t.Errorf("sources %v, errors %v; want %v", sources, errs, want)
	}
}

// TestWalkAboutFiles: a folder's README, LICENSE and the like are not
// articles; given by name, they are read.
func TestWalkAboutFiles(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":              "An article.",
		"README.md":          "# The data set\n\nFive stories from five outlets.",
		"sub/LICENSE.txt":    "Licensed for research.",
		"sub/readme-not.txt": "An article whose name only starts like one.",
	})
	sources, errs := readSources([]string{dir})
	if want := []string{"a.txt", "sub/readme-not.txt"}; len(errs) != 0 || !slices.Equal(sources, want) {
		t.Errorf("got %v, errors %v; want %v", sources, errs, want)
	}
	if got, _ := ReadAll([]string{filepath.Join(dir, "README.md")}); len(got) != 1 {
		t.Errorf("README.md given by name: got %d articles, want 1", len(got))
	}
}

// TestWalkLinks: links to files and folders inside a root are read, named
// by the path through the link; a link loop or a second way to a folder or
// a file already read adds nothing; a broken link is reported.
func TestWalkLinks(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"elsewhere/far.txt":    "An article kept elsewhere.",
		"root/a.txt":           "An article.",
		"root/sub/b.txt":       "Another article.",
		"root/sub/deeper/c.md": "A third article.",
	})
	root := filepath.Join(dir, "root")
	for link, to := range map[string]string{
		"root/far":          "../elsewhere",
		"root/file.txt":     "../elsewhere/far.txt",
		"root/sub/loop":     "..",
		"root/again":        "sub",
		"root/broken.txt":   "nowhere.txt",
		"root/sub/deeper/x": "../../sub",
	} {
		if err := os.Symlink(to, filepath.Join(dir, link)); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
	}
	sources, errs := readSources([]string{root})
	// "again" comes before "sub" and leads to it: sub is read through it;
	// "far" comes before "file.txt", which leads to far/far.txt again.
	want := []string{"a.txt", "again/b.txt", "again/deeper/c.md", "far/far.txt"}
	if !slices.Equal(sources, want) {
		t.Errorf("sources %v, want %v", sources, want)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "broken.txt: broken link") {
		t.Errorf("errors %v, want the broken link alone", errs)
	}
}

// TestWalkBrokenManifest: the files a broken manifest describes are
// skipped, each with the manifest's error, rather than read without their
// metadata (and stored under another ID than once it is mended).
func TestWalkBrokenManifest(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":        "The Senate voted on the bill.",
		"b.txt":        "The House voted on the bill.",
		"manifest.csv": "file,outlet\n\"a.txt,Broken\n",
		"ok/c.txt":     "Elsewhere, nothing is wrong.",
	})
	got, errs := ReadAll([]string{dir})
	if len(got) != 1 || got[0].Source != "ok/c.txt" {
		t.Errorf("got %+v, want ok/c.txt alone", got)
	}
	if len(errs) != 2 {
		t.Fatalf("errors %v, want one for a.txt and one for b.txt", errs)
	}
	for _, e := range errs {
		if !strings.Contains(e.Error(), "manifest.csv") || !strings.Contains(e.Error(), "mend it") {
			t.Errorf("error %q does not name the manifest and what to do", e)
		}
	}
}

// TestManifestUnquotedComma: a row with more fields than the header (a
// date with an unquoted comma) breaks the manifest, with the row named,
// rather than storing "April 21" and shifting the columns after it.
func TestManifestUnquotedComma(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":        "The Senate voted on the bill.",
		"manifest.csv": "file,outlet,published\na.txt,Breitbart,April 21, 2018\n",
	})
	got, errs := ReadAll([]string{dir})
	if len(got) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "row 2 has 4 fields, the header 3") {
		t.Errorf("got %+v, errors %v; want a.txt skipped with the row named", got, errs)
	}
}

// TestJSONInvalidUTF8: encoding/json would replace invalid bytes with
// U+FFFD; a .json file holding them is refused, and a .jsonl line holding
// them is, the other lines still read.
func TestJSONInvalidUTF8(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.json":  "{\"text\":\"Caf\xe9 owners protested.\"}",
		"b.jsonl": "{\"text\":\"Caf\xe9 owners protested.\"}\n{\"text\":\"Shop owners protested.\"}\n",
	})
	got, errs := ReadAll([]string{dir})
	if len(got) != 1 || got[0].Source != "b.jsonl:2" {
		t.Errorf("got %+v, want b.jsonl:2 alone", got)
	}
	want := []string{"a.json: invalid UTF-8 at byte 12", "b.jsonl:1: invalid UTF-8 at byte 12"}
	if len(errs) != 2 || !strings.HasPrefix(errs[0].Error(), filepath.Join(dir, want[0])) || !strings.HasPrefix(errs[1].Error(), filepath.Join(dir, want[1])) {
		t.Errorf("errors %v, want %q", errs, want)
	}
}

// TestJSONRefusesWhatItWouldMisread: a \u escape of half a surrogate pair
// would become U+FFFD and a number would become the text "42"; both are
// refused with the line named, while a whole pair, an escaped backslash
// before "ud800" and numeric metadata are read.
func TestJSONRefusesWhatItWouldMisread(t *testing.T) {
	tests := []struct {
		line, text, err string
	}{
		{`{"text":"Caf\u00e9 \ud83d\ude00 owners."}`, "Café 😀 owners.", ""},
		{`{"text":"A path C:\\ud800 stays.","id":7,"published":1700000000}`, `A path C:\ud800 stays.`, ""},
		{`{"text":"Cut \ud83d here."}`, "", `half a UTF-16 surrogate pair (\ud83d) at byte 13`},
		{`{"text":"Low \ude00 alone."}`, "", `(\ude00)`},
		{`{"text":"End \ud83d"}`, "", `(\ud83d)`},
		{`{"text":42}`, "", `"text" is 42, not a string`},
		{`{"text":"NUL \u0000 inside."}`, "", `text: a NUL character (\u0000) at byte 4 of the text`},
		{`{"Body":["a","b"]}`, "", `"Body" is ["a","b"], not a string`},
	}
	for _, tt := range tests {
		dir := writeFiles(t, map[string]string{"a.jsonl": tt.line + "\n"})
		got, errs := ReadAll([]string{dir})
		switch {
		case tt.err == "" && (len(errs) > 0 || len(got) != 1 || got[0].Text != tt.text):
			t.Errorf("%s: got %+v, errors %v; want text %q", tt.line, got, errs, tt.text)
		case tt.err != "" && (len(got) > 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "a.jsonl:1: ") || !strings.Contains(errs[0].Error(), tt.err)):
			t.Errorf("%s: got %+v, errors %v; want the error %q", tt.line, got, errs, tt.err)
		}
	}
}

// TestWalkUTF16: a file saved as UTF-16 with its byte-order mark is read
// in every format, since the decoding happens before the format's reader.
func TestWalkUTF16(t *testing.T) {
	utf16le := func(s string) string {
		b := []byte{0xff, 0xfe}
		for _, r := range utf16.Encode([]rune(s)) {
			b = binary.LittleEndian.AppendUint16(b, r)
		}
		return string(b)
	}
	unmarked := utf16le(`{"text":"Peskov said."}`)[2:]
	bad := writeFiles(t, map[string]string{"n.json": unmarked, "n.html": unmarked})
	if got, errs := ReadAll([]string{bad}); len(got) > 0 || len(errs) != 2 || !strings.Contains(errs[0].Error(), "UTF-16LE without a byte-order mark") || !strings.Contains(errs[1].Error(), "UTF-16LE without") {
		t.Errorf("UTF-16 without its mark in .json and .html: got %+v, errors %v", got, errs)
	}
	dir := writeFiles(t, map[string]string{
		"a.txt":   utf16le("Zelensky’s office said."),
		"b.json":  utf16le(`{"text":"Peskov said.","outlet":"TASS"}`),
		"d.jsonl": "{\"text\":\"One.\"}\n\xef\xbb\xbf{\"text\":\"Two, after cat.\"}\n",
		"c.html":  utf16le(`<html><body><p>Trump wrote.</p></body></html>`),
	})
	got, errs := ReadAll([]string{dir})
	var texts []string
	for _, a := range got {
		texts = append(texts, a.Text)
	}
	if want := []string{"Zelensky’s office said.", "Peskov said.", "Trump wrote.", "One.", "Two, after cat."}; len(errs) > 0 || !slices.Equal(texts, want) {
		t.Errorf("got %q, errors %v; want %q", texts, errs, want)
	}
}

// TestWalkRefusesHugeArticle: one article longer than MaxArticleSize is
// refused with a hint, in a file of its own or on a JSON Lines line, and the
// articles beside it are still read.
func TestWalkRefusesHugeArticle(t *testing.T) {
	huge := strings.Repeat("The minister said the budget would rise. ", MaxArticleSize/40+1)
	dir := writeFiles(t, map[string]string{
		"big.txt":   huge,
		"f.jsonl":   `{"text":"` + huge + `"}` + "\n" + `{"text":"A short one."}` + "\n",
		"small.txt": "Fine.",
	})
	got, errs := ReadAll([]string{dir})
	if len(got) != 2 || got[0].Text != "A short one." || got[1].Text != "Fine." {
		t.Errorf("got %d articles %.60v; want the short one and Fine.", len(got), got)
	}
	if len(errs) != 2 {
		t.Fatalf("errors %v, want 2", errs)
	}
	for i, want := range []string{"big.txt: an article of 8.3 MiB, more than the 8 MiB", "f.jsonl:1: an article of 8.3 MiB"} {
		if !strings.Contains(errs[i].Error(), want) || !strings.Contains(errs[i].Error(), "split it") {
			t.Errorf("error %d = %q, want %q and a hint", i, errs[i], want)
		}
	}
}

// TestJSONAliasesDecided: of keys that name one field (outlet and
// publisher, body and content, Text and text) the same one wins on every
// read, so an article keeps its ID; an empty one gives way to the next.
func TestJSONAliasesDecided(t *testing.T) {
	line := `{"content":"C text.","body":"B text.","Text":"","outlet":"Reuters","publisher":"Thomson Reuters","Title":"T1","headline":"H","date":"2025-11-20","published":"2025-11-21"}`
	var first Article
	for i := range 30 {
		dir := writeFiles(t, map[string]string{"a.jsonl": line + "\n", "manifest.jsonl": `{"file":"x.txt","publisher":"AP","outlet":"Associated Press"}` + "\n", "x.txt": "X."})
		got, errs := ReadAll([]string{dir})
		if len(errs) > 0 || len(got) != 2 {
			t.Fatalf("got %+v, errors %v", got, errs)
		}
		if got[0].Text != "B text." || got[0].Outlet != "Reuters" || got[0].Title != "T1" || got[0].Published != "2025-11-21" || got[1].Outlet != "Associated Press" {
			t.Fatalf("read %d: %+v; want body's text, outlet Reuters, title T1, published 2025-11-21, and Associated Press from the manifest", i, got)
		}
		if i == 0 {
			first = got[0]
		} else if got[0].ID != first.ID {
			t.Fatalf("read %d gave ID %s, read 0 %s", i, got[0].ID, first.ID)
		}
	}
}

// TestJSONArticleTroubleStaysWithIt: in a .json array or wrapper, a bad
// escape costs its own article, named by number, not the file; an article
// with a field named "articles" is an article, not a wrapper.
func TestJSONArticleTroubleStaysWithIt(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.json": `[{"text":"First one here."},{"text":5},{"text":"Third \ud800 one."},{"text":"Fourth one."}]`,
		"b.json": `{"text":"The article text said things.","articles":["related-1","related-2"]}`,
		"c.json": `{"articles":[]}`,
	})
	got, errs := ReadAll([]string{dir})
	var texts []string
	for _, a := range got {
		texts = append(texts, a.Text)
	}
	if want := []string{"First one here.", "Fourth one.", "The article text said things."}; !slices.Equal(texts, want) {
		t.Errorf("read %q, want %q", texts, want)
	}
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	for _, want := range []string{"a.json: article 2: \"text\" is 5", "a.json: article 3: half a UTF-16 surrogate pair", `c.json: "articles" is an empty array`} {
		if !slices.ContainsFunc(msgs, func(m string) bool { return strings.Contains(m, want) }) {
			t.Errorf("errors %q lack %q", msgs, want)
		}
	}
}

// TestWalkUTF16HTMLCharset: a page saved as UTF-16 whose <meta charset>
// still names the encoding it was written in is read as UTF-16, the mark
// at its start being what its bytes are.
func TestWalkUTF16HTMLCharset(t *testing.T) {
	page := `<html><head><meta charset="windows-1252"><title>Café</title></head><body><p>The café owner said “prices will rise” in Zürich.</p></body></html>`
	b := []byte{0xff, 0xfe}
	for _, r := range utf16.Encode([]rune(page)) {
		b = binary.LittleEndian.AppendUint16(b, r)
	}
	dir := writeFiles(t, map[string]string{"p.html": string(b)})
	got, errs := ReadAll([]string{dir})
	if len(errs) > 0 || len(got) != 1 || got[0].Title != "Café" || got[0].Text != "The café owner said “prices will rise” in Zürich." {
		t.Errorf("got %+v, errors %v", got, errs)
	}
}

// TestWalkRefusesHugeFile: a file over MaxFileSize is refused unread, with
// a hint that fits its format.
func TestWalkRefusesHugeFile(t *testing.T) {
	line := `{"text":"` + strings.Repeat("x", 1000) + `"}` + "\n"
	big := strings.Repeat(line, MaxFileSize/len(line)+1)
	dir := writeFiles(t, map[string]string{"big.jsonl": big, "big.txt": big})
	got, errs := ReadAll([]string{dir})
	if len(got) != 0 || len(errs) != 2 {
		t.Fatalf("got %d articles, errors %v; want both files refused", len(got), errs)
	}
	for _, c := range []struct {
		i    int
		want string
	}{{0, "big.jsonl: larger than 64 MiB: split it into several JSON Lines files"}, {1, "big.txt: larger than 64 MiB: split it into one file per article"}} {
		if !strings.Contains(errs[c.i].Error(), c.want) {
			t.Errorf("error %q, want %q", errs[c.i], c.want)
		}
	}
}

func TestStripMarks(t *testing.T) {
	for in, want := range map[string]string{
		"café": "cafe", "Zürich": "Zurich", "Beyoncé's": "Beyonce's", "naïve": "naive",
		"plain": "plain", "": "", "Łódź": "Łodz", // a letter with its own stroke stays
	} {
		if got := StripMarks(in); got != want {
			t.Errorf("StripMarks(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHeadline(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Ink helps drive democracy in Asia\n\nThe Kyrgyz Republic is using invisible ink.", "Ink helps drive democracy in Asia"},
		{"Ink helps drive democracy in Asia\nThe Kyrgyz Republic is using invisible ink.", ""}, // no blank line
		{"WASHINGTON — President Trump spoke.\n\nMore text.", ""},                              // a sentence
		{"Peskov: \"No plan\"\n\nMore text.", ""},                                              // ends on a quote
		{"Short title\n\n", ""}, // nothing after
		{"One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen\n\nText.", ""},
		{"Only one line", ""},
		{"# Plan leaked to press\n\nText.", "Plan leaked to press"},
		{"**Plan leaked**\n\nText.", "Plan leaked"},
		{"By John Smith\n\nText.", ""},
	}
	for _, tt := range tests {
		if got := headline(tt.text); got != tt.want {
			t.Errorf("headline(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
