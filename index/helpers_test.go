package index

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/variorum/variorum/corpus"
)

// naiveSentences splits text at newlines and after . ! ? (and any closing
// quotes) followed by a space: good enough for tests, which must not import
// ingest.
func naiveSentences(text string) []corpus.Span {
	var out []corpus.Span
	add := func(s, e int) {
		for s < e && isSpace(text[s]) {
			s++
		}
		for e > s && isSpace(text[e-1]) {
			e--
		}
		if s < e {
			out = append(out, corpus.Span{Start: s, End: e})
		}
	}
	start := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			add(start, i)
			start = i + 1
		case '.', '!', '?':
			if text[i] == '.' && i >= 1 && isUpper(text[i-1]) && (i == 1 || text[i-2] == '.' || isSpace(text[i-2])) {
				continue // "U.S." or an initial
			}
			j := i + 1
			for {
				if j < len(text) && strings.IndexByte("\"')", text[j]) >= 0 {
					j++
				} else if strings.HasPrefix(text[j:], "”") || strings.HasPrefix(text[j:], "’") {
					j += len("”")
				} else {
					break
				}
			}
			if j < len(text) && text[j] == ' ' {
				add(start, j)
				start = j
				i = j
			}
		}
	}
	add(start, len(text))
	return out
}

// docOf turns an article into a document with naive sentences.
func docOf(a corpus.Article) corpus.Document {
	return corpus.Document{Article: a, Sentences: naiveSentences(a.Text)}
}

// sampleDocs returns the embedded sample corpus as documents. When outlets
// is set, the articles get outlets "Outlet A", "Outlet B", … (and new IDs,
// since the ID covers the outlet).
func sampleDocs(outlets bool) []corpus.Document {
	var docs []corpus.Document
	for i, a := range corpus.Sample() {
		if outlets {
			a.Outlet = "Outlet " + string(rune('A'+i%2))
			a.ID = corpus.NewID(a.Outlet, a.Text)
		}
		docs = append(docs, docOf(a))
	}
	return docs
}

// openSample returns a writable index in a temporary directory holding docs.
func openSample(t testing.TB, docs []corpus.Document) *Index {
	t.Helper()
	ix, err := Open(filepath.Join(t.TempDir(), "ix"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	if _, err := ix.Add(context.Background(), docs, nil); err != nil {
		t.Fatal(err)
	}
	return ix
}

// dataDir returns the shared data folder, or skips the test.
func dataDir(t testing.TB, sub string) string {
	t.Helper()
	root := os.Getenv("VARIORUM_DATA")
	if root == "" {
		root = filepath.Join("..", "..", "shared", "data")
	}
	dir := filepath.Join(root, sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skip(sub + ": ../shared/data absent")
	}
	return dir
}

// bbcDocs reads BBC News with the corpus readers, as documents with naive
// sentences.
func bbcDocs(t testing.TB) []corpus.Document {
	t.Helper()
	arts, bad := corpus.ReadAll([]string{dataDir(t, "bbc-news")})
	for _, e := range bad {
		t.Logf("skipped: %v", e)
	}
	docs := make([]corpus.Document, len(arts))
	for i, a := range arts {
		docs[i] = docOf(a)
	}
	return docs
}

func isUpper(b byte) bool { return 'A' <= b && b <= 'Z' }
