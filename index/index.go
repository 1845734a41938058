package index

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/variorum/variorum/corpus"
)

// Errors a caller can test for with errors.Is. The errors Open returns wrap
// them with the index directory and a hint saying what to do.
var (
	// ErrLocked: another process has the index open for writing (or, for
	// a writer, for reading).
	ErrLocked = errors.New("index is in use by another variorum process")
	// ErrDamaged: the index cannot be read; it has to be rebuilt.
	ErrDamaged = errors.New("index is damaged")
	// ErrNotIndex: the directory holds something other than a variorum
	// index; it is left alone.
	ErrNotIndex = errors.New("not a variorum index")
	// ErrNoIndex: a read-only open of a directory that holds no index.
	ErrNoIndex = errors.New("no index")
	// ErrReadOnly: Add on an index opened with Options.ReadOnly.
	ErrReadOnly = errors.New("index is open read-only")
)

// DefaultLockTimeout is how long Open waits for another process to release
// the index when Options.LockTimeout is zero.
const DefaultLockTimeout = time.Second

// Options tune Open.
type Options struct {
	// ReadOnly opens an existing index for searching only. Read-only
	// openers share the index with each other, not with a writer.
	ReadOnly bool
	// LockTimeout is how long to wait for another process to release the
	// index before failing with ErrLocked; DefaultLockTimeout when zero.
	LockTimeout time.Duration
}

// Index is a variorum index opened by Open. Its methods are safe for
// concurrent use.
type Index struct {
	dir      string
	readOnly bool
	idx      bleve.Index
}

// openError is an error of Open: a kind (one of the Err values), the
// directory, what went wrong underneath and what to do about it.
type openError struct {
	kind  error
	dir   string
	cause error
	// early: found before bleve opened anything (a file missing, empty
	// or cut short), as in an index another process is still creating.
	early bool
}

func (e *openError) Error() string {
	switch e.kind {
	case ErrLocked:
		return fmt.Sprintf("index %s is in use by another variorum process", e.dir)
	case ErrDamaged:
		return fmt.Sprintf("index %s is damaged (%v); remove %s and run variorum ingest again", e.dir, e.cause, e.dir)
	case ErrNotIndex:
		return fmt.Sprintf("%s exists and is not a variorum index (%v); choose another index directory", e.dir, e.cause)
	case ErrNoIndex:
		return fmt.Sprintf("no index at %s; run variorum ingest first", e.dir)
	}
	return fmt.Sprintf("open index %s: %v", e.dir, e.cause)
}

func (e *openError) Unwrap() []error {
	if e.cause == nil {
		return []error{e.kind}
	}
	return []error{e.kind, e.cause}
}

// Exists reports whether dir looks like an index (it holds the file bleve
// writes at the top of every index), without opening it.
func Exists(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, indexMetaFile))
	return err == nil
}

// indexMetaFile is the file bleve writes at the top of every index
// directory; storeDir holds the scorch segments and root.bolt.
const (
	indexMetaFile = "index_meta.json"
	storeDir      = "store"
	rootBolt      = "root.bolt"
)

// Open opens the index in dir, creating it when dir does not exist or is an
// empty directory (unless opts.ReadOnly). It fails with ErrLocked when
// another process holds the index for longer than opts.LockTimeout, with
// ErrDamaged when the index cannot be read, with ErrNotIndex when dir holds
// something else, and with ErrNoIndex when a read-only open finds nothing.
func Open(dir string, opts Options) (*Index, error) {
	if opts.LockTimeout <= 0 {
		opts.LockTimeout = DefaultLockTimeout
	}
	// An index another process is creating looks damaged for a moment
	// (its index_meta.json is written before store/root.bolt): while it is
	// that young, wait for it to be whole rather than call it damaged.
	deadline := time.Now().Add(min(opts.LockTimeout, maxSettle))
	for {
		ix, err := openOnce(dir, opts)
		var oe *openError
		if err == nil || !errors.As(err, &oe) || oe.kind != ErrDamaged || !oe.early || !young(dir) || time.Now().After(deadline) {
			return ix, err
		}
		time.Sleep(settlePoll)
	}
}

// How long and how often Open waits for an index being created.
const (
	maxSettle  = 2 * time.Second
	settlePoll = 50 * time.Millisecond
	// youngIndex is how recently an index's files were written for it to
	// be one another process is still creating.
	youngIndex = 10 * time.Second
)

// young reports whether dir's index files were written in the last
// youngIndex.
func young(dir string) bool {
	for _, p := range []string{filepath.Join(dir, indexMetaFile), filepath.Join(dir, storeDir), dir} {
		if st, err := os.Stat(p); err == nil && time.Since(st.ModTime()) < youngIndex {
			return true
		}
	}
	return false
}

func openOnce(dir string, opts Options) (*Index, error) {
	if to, lerr := os.Readlink(dir); lerr == nil {
		if _, serr := os.Stat(dir); errors.Is(serr, fs.ErrNotExist) {
			return nil, fmt.Errorf("open index %s: a link to %s, which does not exist; make that folder or give another --index", dir, to)
		}
	}
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist) || err == nil && len(entries) == 0:
		if opts.ReadOnly {
			return nil, &openError{kind: ErrNoIndex, dir: dir}
		}
		return create(dir, opts)
	case err != nil:
		if st, serr := os.Stat(dir); serr == nil && !st.IsDir() {
			return nil, &openError{kind: ErrNotIndex, dir: dir, cause: errors.New("it is a file")}
		}
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	names := make(map[string]bool, len(entries))
	for _, e := range entries {
		names[e.Name()] = true
	}
	if !names[indexMetaFile] {
		if names[storeDir] {
			return nil, &openError{kind: ErrDamaged, dir: dir, cause: errors.New(indexMetaFile + " is missing"), early: true}
		}
		return nil, &openError{kind: ErrNotIndex, dir: dir, cause: errors.New("it has no " + indexMetaFile)}
	}
	// index_meta.json is made empty, then written.
	if st, err := os.Stat(filepath.Join(dir, indexMetaFile)); err == nil && st.Size() == 0 {
		return nil, &openError{kind: ErrDamaged, dir: dir, cause: errors.New(indexMetaFile + " is empty"), early: true}
	}
	// Bolt would quietly make a new, empty root (or fail oddly when
	// read-only), and bleve would then complain about the mapping.
	root := filepath.Join(dir, storeDir, rootBolt)
	switch st, err := os.Stat(root); {
	case errors.Is(err, fs.ErrNotExist):
		return nil, &openError{kind: ErrDamaged, dir: dir, cause: errors.New(storeDir + "/" + rootBolt + " is missing"), early: true}
	case err == nil && st.Size() == 0:
		return nil, &openError{kind: ErrDamaged, dir: dir, cause: errors.New(storeDir + "/" + rootBolt + " is empty"), early: true}
	case err == nil:
		// Bolt maps the file and reads its pages there: a file cut short
		// is a bus error, which no recover catches.
		if err := checkBoltSize(root, st.Size()); err != nil {
			return nil, &openError{kind: ErrDamaged, dir: dir, cause: fmt.Errorf("%s/%s %w", storeDir, rootBolt, err), early: true}
		}
	}
	return open(dir, opts)
}

// checkBoltSize reads the two meta pages of the bolt file at path (size
// bytes) and checks that the file holds every page the newest valid one
// counts. The layout is bbolt's: a 16-byte page header, then magic,
// version, page size, flags, root bucket (16 bytes), freelist page, page
// count, transaction id and an FNV-64a checksum of the fields before it,
// in the machine's byte order.
func checkBoltSize(path string, size int64) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	const header, magic = 16, 0xED0CDAED
	meta := func(off int64) (pageSize, pages, txid uint64, ok bool) {
		var b [header + 64]byte
		if _, err := f.ReadAt(b[:], off); err != nil {
			return 0, 0, 0, false
		}
		m := b[header:]
		h := fnv.New64a()
		h.Write(m[:56])
		if binary.NativeEndian.Uint32(m[0:]) != magic || h.Sum64() != binary.NativeEndian.Uint64(m[56:]) {
			return 0, 0, 0, false
		}
		return uint64(binary.NativeEndian.Uint32(m[8:])), binary.NativeEndian.Uint64(m[40:]), binary.NativeEndian.Uint64(m[48:]), true
	}
	ps0, pages0, tx0, ok0 := meta(0)
	second := int64(ps0)
	if !ok0 {
		second = int64(os.Getpagesize())
	}
	ps1, pages1, tx1, ok1 := meta(second)
	switch {
	case !ok0 && !ok1:
		return errors.New("has no valid meta page")
	case !ok0 || ok1 && tx1 > tx0:
		ps0, pages0 = ps1, pages1
	}
	if need := ps0 * pages0; uint64(size) < need {
		return fmt.Errorf("is cut short (%d bytes of %d)", size, need)
	}
	return nil
}

// runtimeConfig is what bleve's scorch reads when opening the store.
func runtimeConfig(opts Options) map[string]interface{} {
	return map[string]interface{}{
		"read_only":    opts.ReadOnly,
		"bolt_timeout": opts.LockTimeout.String(),
	}
}

func create(dir string, opts Options) (ix *Index, err error) {
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("create index %s: mapping: %w", dir, err)
	}
	defer recoverOpen(dir, &ix, &err)
	idx, err := bleve.NewUsing(dir, m, bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, runtimeConfig(opts))
	if errors.Is(err, bleve.ErrorIndexPathExists) {
		// Another process created it between our look and our create:
		// Open looks again, and waits while it is being written.
		return nil, &openError{kind: ErrDamaged, dir: dir, cause: errors.New("it is being created"), early: true}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Op == "mkdir" {
		// Not damage: the folder cannot be made (its parent is missing,
		// or is not a folder one may write in).
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	if err != nil {
		return nil, classify(dir, err)
	}
	return &Index{dir: dir, idx: idx}, nil
}

// open opens an existing index. It first opens it read-only and checks it:
// when the newest snapshot of an index cannot be loaded, scorch logs the
// failure and silently falls back to an older snapshot, and a writer then
// purges the newest one, losing what it held. A damaged index must fail
// before any writer touches it.
func open(dir string, opts Options) (*Index, error) {
	ro := opts
	ro.ReadOnly = true
	// Every byte of the segments is checked against their checksums
	// first: bleve reads a damaged stretch without noticing (a search
	// then shows wrong text), and a writer would merge it into new
	// segments. A writer checks root.bolt whole too.
	ix, err := openChecked(dir, ro, !opts.ReadOnly)
	if err != nil || opts.ReadOnly {
		return ix, err
	}
	if err := ix.Close(); err != nil {
		return nil, err
	}
	return openChecked(dir, opts, false)
}

// openChecked opens the index; read-only, it checks it (see check), and
// for a writer to come, root.bolt whole too.
func openChecked(dir string, opts Options, writer bool) (ix *Index, err error) {
	defer recoverOpen(dir, &ix, &err)
	idx, err := bleve.OpenUsing(dir, runtimeConfig(opts))
	if err != nil {
		return nil, classify(dir, err)
	}
	ix = &Index{dir: dir, readOnly: opts.ReadOnly, idx: idx}
	if opts.ReadOnly {
		err = ix.check(writer)
	}
	if err != nil {
		_ = idx.Close()
		return nil, err
	}
	return ix, nil
}

// recoverOpen turns a panic inside bleve while opening (corrupt files can
// cause one) into ErrDamaged.
func recoverOpen(dir string, ix **Index, err *error) {
	if r := recover(); r != nil {
		*ix = nil
		*err = &openError{kind: ErrDamaged, dir: dir, cause: fmt.Errorf("%v", r)}
	}
}

// classify maps an error of bleve's open to one of ours. Lock time-outs are
// ErrLocked; operating-system trouble (permissions, no space, too many open
// files) is passed on; anything else means the files are not what bleve
// wrote.
func classify(dir string, err error) error {
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return &openError{kind: ErrLocked, dir: dir, cause: err}
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EMFILE),
		errors.Is(err, syscall.ENFILE), errors.Is(err, syscall.EROFS), errors.Is(err, syscall.ENOMEM):
		return fmt.Errorf("open index %s: %w", dir, err)
	}
	if strings.HasPrefix(err.Error(), "error parsing mapping JSON") {
		// Scorch could load no snapshot (it logs why), so bleve found
		// no mapping.
		return &openError{kind: ErrDamaged, dir: dir, cause: errors.New("no snapshot of it can be loaded: a segment file or " + storeDir + "/" + rootBolt + " is damaged")}
	}
	return &openError{kind: ErrDamaged, dir: dir, cause: firstLine(err)}
}

// firstLine keeps the first line of err's message: bleve appends the whole
// mapping to some of its errors.
func firstLine(err error) error {
	if msg, _, cut := strings.Cut(err.Error(), "\n"); cut {
		return errors.New(msg)
	}
	return err
}

// check makes sure the index opened read-only is a variorum index of this
// format, that its newest snapshot is the one loaded and can be read, and
// that its segment files are as they were written; for a writer, that
// root.bolt reads whole.
func (ix *Index) check(writer bool) error {
	im, ok := ix.idx.Mapping().(*mapping.IndexMappingImpl)
	if !ok || im.CustomAnalysis == nil {
		return &openError{kind: ErrNotIndex, dir: ix.dir, cause: errors.New("its mapping was not made by variorum")}
	}
	if textAnalyzer(im) == "" {
		return &openError{kind: ErrNotIndex, dir: ix.dir, cause: errors.New("its mapping is not this variorum's format")}
	}
	adv, err := ix.idx.Advanced()
	if err != nil {
		return &openError{kind: ErrDamaged, dir: ix.dir, cause: err}
	}
	if s, ok := adv.(*scorch.Scorch); ok {
		epochs, err := s.RootBoltSnapshotEpochs()
		if err != nil {
			return &openError{kind: ErrDamaged, dir: ix.dir, cause: err}
		}
		if len(epochs) > 0 { // newest first
			snap, err := s.LoadSnapshot(epochs[0])
			if err != nil {
				return &openError{kind: ErrDamaged, dir: ix.dir, cause: fmt.Errorf("its newest snapshot cannot be loaded: %s",
					strings.ReplaceAll(firstLine(err).Error(), "failed to load segment: error opening bolt segment: ", "segment: "))}
			}
			err = verifySegments(snap)
			if err == nil && writer {
				err = checkBolt(filepath.Join(ix.dir, storeDir, rootBolt))
			}
			_ = snap.DecRef()
			if err != nil {
				return &openError{kind: ErrDamaged, dir: ix.dir, cause: err}
			}
		}
	}
	if _, err := ix.idx.DocCount(); err != nil {
		return &openError{kind: ErrDamaged, dir: ix.dir, cause: err}
	}
	return nil
}

// verifySegments compares each segment file of snap with the CRC-32 zap
// writes as its last four bytes: of everything before them.
func verifySegments(snap *scorch.IndexSnapshot) error {
	for _, ss := range snap.Segments() {
		p, ok := ss.Segment().(interface{ Path() string })
		if !ok {
			continue // in memory, not yet persisted
		}
		ok, err := checksumMatches(p.Path())
		if err != nil {
			return fmt.Errorf("segment %s: %w", filepath.Base(p.Path()), err)
		}
		if !ok {
			return fmt.Errorf("segment %s does not match its checksum", filepath.Base(p.Path()))
		}
	}
	return nil
}

// checkBolt reads every bucket and key of the bolt file, which scorch only
// reads in part: a damaged page that a reader never meets can stall a
// writer's first batch for ever. bbolt asserts its pages' types as it
// reads them and panics on a damaged one; the walk runs in this goroutine
// (bbolt's own Tx.Check runs in one of its own, where a panic cannot be
// caught), so the panic becomes the error.
func checkBolt(path string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s/%s: %v", storeDir, rootBolt, r)
		}
	}()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: DefaultLockTimeout})
	if err != nil {
		return fmt.Errorf("%s/%s: %w", storeDir, rootBolt, err)
	}
	defer db.Close()
	var walk func(b *bbolt.Bucket) error
	walk = func(b *bbolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				if nb := b.Bucket(k); nb != nil {
					return walk(nb)
				}
			}
			return nil
		})
	}
	return db.View(func(tx *bbolt.Tx) error {
		return tx.ForEach(func(_ []byte, b *bbolt.Bucket) error { return walk(b) })
	})
}

// checksumMatches streams the file through CRC-32, so a large segment is
// not read into memory whole.
func checksumMatches(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() < 4 {
		return false, err
	}
	h := crc32.NewIEEE()
	if _, err := io.CopyN(h, f, st.Size()-4); err != nil {
		return false, err
	}
	var sum [4]byte
	if _, err := io.ReadFull(f, sum[:]); err != nil {
		return false, err
	}
	return h.Sum32() == binary.BigEndian.Uint32(sum[:]), nil
}

// readError is the error of reading an opened index: cancellation and the
// operating system's trouble are passed on; anything else means the files
// are not what bleve wrote, and the index is damaged.
func (ix *Index) readError(doing string, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if e := classify(ix.dir, err); !errors.Is(e, ErrDamaged) {
		return fmt.Errorf("%s of index %s: %w", doing, ix.dir, err)
	}
	return &openError{kind: ErrDamaged, dir: ix.dir, cause: fmt.Errorf("%s: %w", doing, firstLine(err))}
}

// Dir returns the directory the index lives in.
func (ix *Index) Dir() string { return ix.dir }

// Close releases the index and its lock.
func (ix *Index) Close() error {
	if err := ix.idx.Close(); err != nil {
		return fmt.Errorf("close index %s: %w", ix.dir, err)
	}
	return nil
}

// Count returns the number of documents in the index.
func (ix *Index) Count() (uint64, error) {
	n, err := ix.idx.DocCount()
	if err != nil {
		return 0, ix.readError("count documents", err)
	}
	return n, nil
}

// documentsPage is how many stored documents Documents reads per request.
const documentsPage = 500

// Documents returns every stored document, sorted by ID. Stored data that
// cannot be read (bleve can panic on it) is ErrDamaged.
func (ix *Index) Documents(ctx context.Context) (docs []corpus.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			docs, err = nil, &openError{kind: ErrDamaged, dir: ix.dir, cause: fmt.Errorf("read documents: %v", r)}
		}
	}()
	n, err := ix.Count()
	if err != nil {
		return nil, err
	}
	docs = make([]corpus.Document, 0, n)
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), documentsPage, 0, false)
		req.Fields = []string{fieldDoc}
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SetSearchAfter(after)
		}
		res, err := ix.idx.SearchInContext(ctx, req)
		if err != nil {
			return nil, ix.readError("read documents", err)
		}
		for _, h := range res.Hits {
			d, err := storedDoc(h)
			if err != nil {
				return nil, ix.readError("read documents", err)
			}
			docs = append(docs, d)
		}
		if len(res.Hits) < documentsPage {
			break
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	return docs, nil
}

// storedDoc decodes the corpus.Document stored with a hit.
func storedDoc(h *search.DocumentMatch) (corpus.Document, error) {
	var d corpus.Document
	s, ok := h.Fields[fieldDoc].(string)
	if !ok {
		return d, fmt.Errorf("document %s: stored copy missing", h.ID)
	}
	if err := json.Unmarshal([]byte(s), &d); err != nil {
		return d, fmt.Errorf("document %s: stored copy: %w", h.ID, err)
	}
	return d, nil
}
