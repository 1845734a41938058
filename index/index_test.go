package index

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/variorum/variorum/corpus"
)

func TestOpenCreateReopenDocuments(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	docs := sampleDocs(false)
	// Dates that parse are indexed as dates, the others as keywords; both
	// come back as given.
	for i, p := range []string{"2025-11-20", "2025-11-21T09:30:00Z", "last Tuesday", "Thu, 20 Nov 2025 10:00:00 GMT"} {
		docs[i].Published = p
	}
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	added, err := ix.Add(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if added != len(docs) {
		t.Errorf("added %d, want %d", added, len(docs))
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	ix, err = Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	n, err := ix.Count()
	if err != nil || n != uint64(len(docs)) {
		t.Errorf("Count() = %d, %v; want %d", n, err, len(docs))
	}
	got, err := ix.Documents(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := append([]corpus.Document(nil), docs...)
	sort.Slice(want, func(i, j int) bool { return want[i].ID < want[j].ID })
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Documents() differ from what was added")
	}
	if _, err := ix.Add(context.Background(), docs, nil); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Add on read-only index: %v, want ErrReadOnly", err)
	}
}

func TestDocumentsPages(t *testing.T) {
	// More documents than one page of Documents.
	var docs []corpus.Document
	for i := range documentsPage + 7 {
		text := "Article number " + strings.Repeat("x", i%13) + " " + string(rune('a'+i%26)) + "."
		text += " Serial " + strings.Repeat("y", i) + "."
		docs = append(docs, docOf(corpus.Article{ID: corpus.NewID("", text), Source: "gen", Text: text}))
	}
	ix := openSample(t, docs)
	got, err := ix.Documents(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(docs) {
		t.Fatalf("Documents() returned %d, want %d", len(got), len(docs))
	}
	if !sort.SliceIsSorted(got, func(i, j int) bool { return got[i].ID < got[j].ID }) {
		t.Error("Documents() not sorted by ID")
	}
}

func TestAddSkipsExisting(t *testing.T) {
	ctx := context.Background()
	docs := sampleDocs(false)
	ix := openSample(t, docs[:3])

	queries := []Query{
		{Text: "sustained armed attack"},
		{Text: `"armed attack"`},
		{Text: "ceasefire"},
		{Text: "Witkoff Umerov"},
	}
	totals := func() []uint64 {
		var out []uint64
		for _, q := range queries {
			res, err := ix.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, res.Total)
		}
		return out
	}

	tests := []struct {
		name      string
		docs      []corpus.Document
		wantAdded int
	}{
		{"same docs again", docs[:3], 0},
		{"repeats within the input", append(docs[:1:1], docs[0], docs[0]), 0},
		{"old plus new", docs, 2},
		{"all again", docs, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := totals()
			var calls [][2]int
			added, err := ix.Add(ctx, tt.docs, func(done, total int) { calls = append(calls, [2]int{done, total}) })
			if err != nil {
				t.Fatal(err)
			}
			if added != tt.wantAdded {
				t.Errorf("added %d, want %d", added, tt.wantAdded)
			}
			if len(calls) == 0 || calls[len(calls)-1] != [2]int{len(tt.docs), len(tt.docs)} {
				t.Errorf("progress calls %v, want last (%d, %d)", calls, len(tt.docs), len(tt.docs))
			}
			if after := totals(); tt.wantAdded == 0 && !reflect.DeepEqual(before, after) {
				t.Errorf("hit counts changed from %v to %v", before, after)
			}
		})
	}
	n, err := ix.Count()
	if err != nil || n != uint64(len(docs)) {
		t.Errorf("Count() = %d, %v; want %d", n, err, len(docs))
	}
}

func TestAddRejectsMissingID(t *testing.T) {
	ix := openSample(t, nil)
	d := sampleDocs(false)[0]
	d.ID = ""
	if _, err := ix.Add(context.Background(), []corpus.Document{d}, nil); err == nil {
		t.Error("Add of a document without ID succeeded")
	}
}

// TestAddInterrupted cancels an Add after its first batch: what that batch
// stored survives, and a later Add completes the corpus.
func TestAddInterrupted(t *testing.T) {
	var docs []corpus.Document
	for i := range 2*BatchSize + 10 {
		text := "Report " + strings.Repeat("z", i) + " on the ceasefire talks."
		docs = append(docs, docOf(corpus.Article{ID: corpus.NewID("", text), Source: "gen", Text: text}))
	}
	dir := filepath.Join(t.TempDir(), "ix")
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	added, err := ix.Add(ctx, docs, func(done, total int) { cancel() })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Add after cancel: %v, want context.Canceled", err)
	}
	if added != BatchSize {
		t.Errorf("added %d before the cancel took effect, want %d", added, BatchSize)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	ix, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, _ := ix.Count(); n != BatchSize {
		t.Errorf("after reopening: %d documents, want %d", n, BatchSize)
	}
	added, err = ix.Add(context.Background(), docs, nil)
	if err != nil || added != len(docs)-BatchSize {
		t.Errorf("second Add: %d, %v; want %d", added, err, len(docs)-BatchSize)
	}
}

func TestOpenLocked(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	w, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, opts := range []Options{
		{LockTimeout: 50 * time.Millisecond},
		{LockTimeout: 50 * time.Millisecond, ReadOnly: true},
	} {
		ix, err := Open(dir, opts)
		if err == nil {
			ix.Close()
			t.Fatalf("Open(%+v) while a writer holds the index succeeded", opts)
		}
		if !errors.Is(err, ErrLocked) {
			t.Errorf("Open(%+v): %v, want ErrLocked", opts, err)
		}
		if want := "index " + dir + " is in use by another variorum process"; !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}

	// Readers share the index with each other, and keep writers out.
	r1, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	r2, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("second reader: %v", err)
	}
	defer r2.Close()
	if _, err := Open(dir, Options{LockTimeout: 50 * time.Millisecond}); !errors.Is(err, ErrLocked) {
		t.Errorf("writer while readers hold the index: %v, want ErrLocked", err)
	}
}

// sampleIndex writes an index of the sample corpus in a new folder, closes
// it and returns the folder.
func sampleIndex(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ix")
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Add(context.Background(), sampleDocs(false), nil); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// segments returns the zap segment files of the index in dir.
func segments(t *testing.T, dir string) []string {
	t.Helper()
	zaps, err := filepath.Glob(filepath.Join(dir, storeDir, "*.zap"))
	if err != nil || len(zaps) == 0 {
		t.Fatalf("no segments in %s (%v)", dir, err)
	}
	return zaps
}

// firstSegment returns the path, relative to the index dir, and the bytes
// of the index's first segment file.
func firstSegment(t *testing.T, dir string) (string, []byte) {
	t.Helper()
	zaps := segments(t, dir)
	seg, err := os.ReadFile(zaps[0])
	if err != nil {
		t.Fatal(err)
	}
	rel, _ := filepath.Rel(dir, zaps[0])
	return rel, seg
}

// withSegment copies the index in clean to a new folder, with the segment
// file rel holding b, and returns the folder.
func withSegment(t *testing.T, clean, rel string, b []byte) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ix")
	if err := os.CopyFS(dir, os.DirFS(clean)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, rel), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// age dates an index's files a minute back, past the time Open waits for
// an index being created.
func age(t *testing.T, dir string) {
	t.Helper()
	old := time.Now().Add(-time.Minute)
	for _, p := range []string{filepath.Join(dir, indexMetaFile), filepath.Join(dir, storeDir), dir} {
		if err := os.Chtimes(p, old, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
	}
}

// TestOpenWhileCreated: an index another process is creating, its
// root.bolt not yet written, is waited for, not called damaged.
func TestOpenWhileCreated(t *testing.T) {
	dir := sampleIndex(t)
	root := filepath.Join(dir, storeDir, rootBolt)
	if err := os.Rename(root, root+".later"); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		time.Sleep(300 * time.Millisecond)
		done <- os.Rename(root+".later", root)
	}()
	ix, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("Open of an index being created: %v", err)
	}
	ix.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestOpenDamaged(t *testing.T) {
	tests := []struct {
		name   string
		damage func(t *testing.T, dir string)
	}{
		{"index_meta.json truncated", func(t *testing.T, dir string) {
			truncate(t, filepath.Join(dir, indexMetaFile), 5)
		}},
		{"index_meta.json missing", func(t *testing.T, dir string) {
			remove(t, filepath.Join(dir, indexMetaFile))
		}},
		{"segment truncated", func(t *testing.T, dir string) {
			for _, z := range segments(t, dir) {
				truncate(t, z, 100)
			}
		}},
		{"segment missing", func(t *testing.T, dir string) {
			for _, z := range segments(t, dir) {
				remove(t, z)
			}
		}},
		{"root.bolt garbage", func(t *testing.T, dir string) {
			garble(t, filepath.Join(dir, storeDir, rootBolt))
		}},
		{"root.bolt missing", func(t *testing.T, dir string) {
			remove(t, filepath.Join(dir, storeDir, rootBolt))
		}},
		{"root.bolt empty", func(t *testing.T, dir string) {
			truncate(t, filepath.Join(dir, storeDir, rootBolt), 0)
		}},
		// Bolt maps the file: pages past a cut end were a bus error.
		{"root.bolt cut short", func(t *testing.T, dir string) {
			p := filepath.Join(dir, storeDir, rootBolt)
			st, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			truncate(t, p, st.Size()/2+1)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := sampleIndex(t)
			tt.damage(t, dir)
			age(t, dir)
			for _, ro := range []bool{false, true} {
				ix, err := Open(dir, Options{ReadOnly: ro})
				if err == nil {
					ix.Close()
					t.Fatalf("Open(ReadOnly: %v) of a damaged index succeeded", ro)
				}
				if !errors.Is(err, ErrDamaged) {
					t.Errorf("Open(ReadOnly: %v): %v, want ErrDamaged", ro, err)
				}
				msg := err.Error()
				for _, want := range []string{"damaged", "remove " + dir + " and run variorum ingest again"} {
					if !strings.Contains(msg, want) {
						t.Errorf("error %q does not say %q", msg, want)
					}
				}
				if strings.Contains(msg, "mapping JSON") || strings.Contains(msg, "\n") {
					t.Errorf("error %q carries bleve's internals", msg)
				}
			}
		})
	}
}

func truncate(t *testing.T, path string, size int64) {
	t.Helper()
	if err := os.Truncate(path, size); err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, path string) {
	t.Helper()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
}

func garble(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range b {
		b[i] = byte(i*7 + 3)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestOpenNotIndex(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, dir string) string // returns a file that must survive
		opts    Options
		want    error
	}{
		{"directory with other files", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "notes.txt")
			if err := os.WriteFile(p, []byte("keep me"), 0o600); err != nil {
				t.Fatal(err)
			}
			return p
		}, Options{}, ErrNotIndex},
		{"a file", func(t *testing.T, dir string) string {
			if err := os.Remove(dir); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dir, []byte("keep me"), 0o600); err != nil {
				t.Fatal(err)
			}
			return dir
		}, Options{}, ErrNotIndex},
		{"read-only, nothing there", func(t *testing.T, dir string) string { return "" }, Options{ReadOnly: true}, ErrNoIndex},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "ix")
			if err := os.Mkdir(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			keep := tt.prepare(t, dir)
			ix, err := Open(dir, tt.opts)
			if err == nil {
				ix.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("Open: %v, want %v", err, tt.want)
			}
			if keep != "" {
				if b, err := os.ReadFile(keep); err != nil || string(b) != "keep me" {
					t.Errorf("%s was touched: %q, %v", keep, b, err)
				}
			}
		})
	}
}

// TestDocumentsDamaged overwrites stretches of a segment file with noise
// (the corruption bleve only meets when it reads stored documents) and
// checks that Open and Documents either work or say the index is damaged;
// bleve panics on some of these, which Documents must not pass on.
func TestDocumentsDamaged(t *testing.T) {
	clean := sampleIndex(t)
	rel, seg := firstSegment(t, clean)
	noise := make([]byte, 300)
	for i := range noise {
		noise[i] = byte(i*131 + 7)
	}
	damaged, tries := 0, 0
	for off := 0; off+len(noise) <= len(seg); off += len(seg) / 400 {
		tries++
		b := slices.Clone(seg)
		copy(b[off:], noise)
		dir := withSegment(t, clean, rel, b)
		ix, err := Open(dir, Options{ReadOnly: true})
		if err == nil {
			_, err = ix.Documents(context.Background())
			ix.Close()
		}
		if err == nil {
			continue
		}
		damaged++
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "remove "+dir+" and run variorum ingest again") {
			t.Errorf("noise at byte %d of %s: %v, want ErrDamaged with what to do", off, rel, err)
		}
	}
	if damaged == 0 {
		t.Fatalf("none of %d corruptions was found: the test no longer damages what it should", tries)
	}
	t.Logf("%d of %d corruptions found, each reported as damage", damaged, tries)
}

// TestOpenWriterChecksSegments flips single bytes across a segment file, the
// damage bleve only meets, without noticing, when it reads that stretch: a
// reader must refuse the index, and a writer refuse it before adding to it
// and leave every file as it was; the clean index still opens for writing
// and adds.
func TestOpenWriterChecksSegments(t *testing.T) {
	clean := sampleIndex(t)
	rel, seg := firstSegment(t, clean)
	for _, off := range []int{0, len(seg) / 3, len(seg) / 2, len(seg) - 5} {
		b := slices.Clone(seg)
		b[off] ^= 0x20
		dir := withSegment(t, clean, rel, b)
		// A reader refuses it too: bleve would read the stretch without
		// noticing and show wrong text.
		if ix, err := Open(dir, Options{ReadOnly: true}); !errors.Is(err, ErrDamaged) {
			if err == nil {
				ix.Close()
			}
			t.Errorf("byte %d of %s changed: a read-only open gave %v, want ErrDamaged", off, rel, err)
		}
		ix, err := Open(dir, Options{})
		if err == nil {
			_, err = ix.Add(context.Background(), sampleDocs(true), nil)
			ix.Close()
			t.Fatalf("byte %d of %s changed: the index opened for writing (Add: %v)", off, rel, err)
		}
		if !errors.Is(err, ErrDamaged) {
			t.Errorf("byte %d of %s changed: %v, want ErrDamaged", off, rel, err)
		}
		if after, _ := os.ReadFile(filepath.Join(dir, rel)); !slices.Equal(after, b) {
			t.Errorf("byte %d of %s changed: the refused open rewrote the segment", off, rel)
		}
	}
	ix, err := Open(clean, Options{})
	if err != nil {
		t.Fatalf("the clean index: %v", err)
	}
	defer ix.Close()
	if _, err := ix.Add(context.Background(), sampleDocs(true), nil); err != nil {
		t.Fatal(err)
	}
}

// TestOpenCannotCreate: a folder that cannot be made is the system's error,
// not a damaged index to remove.
func TestOpenCannotCreate(t *testing.T) {
	if _, err := os.Stat("/proc/self"); err != nil {
		t.Skip("needs Linux's /proc, where no folder can be made")
	}
	_, err := Open("/proc/variorum-index", Options{})
	if err == nil || errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "create index /proc/variorum-index: mkdir") {
		t.Errorf("Open(/proc/variorum-index): %v; want the mkdir error, not damage", err)
	}
}

// TestPresent: the index says which IDs it holds, read-only as well, and
// across more IDs than a batch.
func TestPresent(t *testing.T) {
	dir := sampleIndex(t)
	ix, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	docs := sampleDocs(false)
	var ids []string
	for i := range BatchSize + 3 {
		ids = append(ids, fmt.Sprintf("absent-%d", i))
	}
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	got, err := ix.Present(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(docs) {
		t.Errorf("Present found %d of the %d documents (%v)", len(got), len(docs), got)
	}
	for _, d := range docs {
		if !got[d.ID] {
			t.Errorf("Present misses %s", d.ID)
		}
	}
}

// TestOpenWriterChecksBolt: a bolt page whose type is damaged, which a
// reader may never read, made a writer's first batch wait for ever; a
// writer now reads the whole file first and refuses the index.
func TestOpenWriterChecksBolt(t *testing.T) {
	clean := sampleIndex(t)
	p := filepath.Join(clean, storeDir, rootBolt)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int(binary.NativeEndian.Uint32(b[16+8:]))
	damaged := 0
	for page := 2; (page+1)*pageSize <= len(b); page++ {
		c := slices.Clone(b)
		c[page*pageSize+8] ^= 0x80 // the page's flags
		dir := filepath.Join(t.TempDir(), "ix")
		if err := os.CopyFS(dir, os.DirFS(clean)); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, storeDir, rootBolt), c, 0o600); err != nil {
			t.Fatal(err)
		}
		ix, err := Open(dir, Options{})
		if err == nil {
			ix.Close() // a free page: nothing reads it
			continue
		}
		damaged++
		if !errors.Is(err, ErrDamaged) {
			t.Errorf("page %d flags damaged: %v, want ErrDamaged", page, err)
		}
	}
	if damaged == 0 {
		t.Fatalf("no damaged page of %s was found", rootBolt)
	}
	t.Logf("%d damaged pages refused", damaged)
}

// TestOpenDanglingLink: an index folder that is a link to nowhere is said
// to be one, for readers and writers, not called damaged.
func TestOpenDanglingLink(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	if err := os.Symlink(filepath.Join(t.TempDir(), "gone"), dir); err != nil {
		t.Skip(err)
	}
	for _, ro := range []bool{false, true} {
		_, err := Open(dir, Options{ReadOnly: ro})
		if err == nil || errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "which does not exist") {
			t.Errorf("Open(ReadOnly: %v) of a link to nowhere: %v", ro, err)
		}
	}
}

// TestOpenFormatV1: an index made before accents were folded (its text
// analyser variorum_en_v1, without the accent filter) still opens, adds and
// searches with the analyser it was built with.
func TestOpenFormatV1(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	m, err := buildMapping(analyzerTextV1)
	if err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.NewUsing(dir, m, bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, runtimeConfig(Options{}))
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("open a v1 index: %v", err)
	}
	defer ix.Close()
	docs := []corpus.Document{docOf(corpus.Article{ID: "a", Source: "a.txt", Text: "Beyoncé sang at the café."})}
	if _, err := ix.Add(context.Background(), docs, nil); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{"Beyoncé": 1, "café": 1, "Beyonce": 0} {
		res, err := ix.Search(context.Background(), Query{Text: q, Limit: 5})
		if err != nil || len(res.Hits) != want {
			t.Errorf("search %q in a v1 index: %v, %d hits; want %d (its analyser folds no accents)", q, err, len(res.Hits), want)
		}
	}
}
