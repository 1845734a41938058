package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
)

// Model is a trained tagger. It is read-only once built, so one Model may be
// used by several goroutines at once.
type Model struct {
	lists *Lists
	rows  map[uint64]int32
	w     []float32 // len(rows) × numLabels
	trans []float32 // (numLabels+1) × numLabels: from label (or start) to label
}

// Tag finds the entities of a document, given as sentences of tokens. The
// result holds one span list per sentence.
func (m *Model) Tag(doc [][]Token) [][]Span {
	st := newDocState(doc)
	var d decoder
	out := make([][]Span, len(doc))
	for i, toks := range doc {
		spans := labelsToSpans(d.decode(m, toks, st))
		st.remember(toks, spans)
		out[i] = spans
	}
	return out
}

// decoder holds the scratch space of one decoding goroutine.
type decoder struct {
	s      sentence
	feats  []uint64
	scores []float32
	back   []int16
	labels []int
}

// scoreToken writes the label scores of token i into dst.
func (m *Model) scoreToken(feats []uint64, dst []float32) {
	clear(dst)
	for _, f := range feats {
		r, ok := m.rows[f]
		if !ok {
			continue
		}
		ws := m.w[int(r)*numLabels : int(r+1)*numLabels]
		for l, x := range ws {
			dst[l] += x
		}
	}
}

func (d *decoder) decode(m *Model, toks []Token, st *docState) []int {
	n := len(toks)
	d.labels = d.labels[:0]
	if n == 0 {
		return d.labels
	}
	d.s.reset(toks, m.lists)
	d.scores = slices.Grow(d.scores[:0], n*numLabels)[:n*numLabels]
	for i := range toks {
		d.feats = d.s.features(toks, i, st, d.feats[:0])
		m.scoreToken(d.feats, d.scores[i*numLabels:(i+1)*numLabels])
	}
	return d.viterbi(m, n)
}

// viterbi returns the best valid BILOU label sequence for the scores.
func (d *decoder) viterbi(m *Model, n int) []int {
	L := numLabels
	neg := float32(math.Inf(-1))
	d.back = slices.Grow(d.back[:0], n*L)[:n*L]
	prev := make([]float32, L)
	cur := make([]float32, L)
	for l := 0; l < L; l++ {
		if validTransition(-1, l) {
			prev[l] = d.scores[l] + m.trans[L*L+l]
		} else {
			prev[l] = neg
		}
		d.back[l] = -1
	}
	for i := 1; i < n; i++ {
		for l := 0; l < L; l++ {
			best, arg := neg, int16(-1)
			for p := 0; p < L; p++ {
				if prev[p] == neg || !valid[p][l] {
					continue
				}
				if s := prev[p] + m.trans[p*L+l]; s > best || arg < 0 {
					best, arg = s, int16(p)
				}
			}
			if arg < 0 {
				cur[l] = neg
			} else {
				cur[l] = best + d.scores[i*L+l]
			}
			d.back[i*L+l] = arg
		}
		prev, cur = cur, prev
	}
	best, arg := neg, -1
	for l := 0; l < L; l++ {
		if prev[l] == neg || !validTransition(l, -1) {
			continue
		}
		if prev[l] > best || arg < 0 {
			best, arg = prev[l], l
		}
	}
	d.labels = slices.Grow(d.labels[:0], n)[:n]
	if arg < 0 {
		clear(d.labels) // cannot happen: all-O is always valid
		return d.labels
	}
	for i := n - 1; i >= 0; i-- {
		d.labels[i] = arg
		arg = int(d.back[i*L+arg])
	}
	return d.labels
}

// valid caches validTransition between labels.
var valid = func() [][]bool {
	v := make([][]bool, numLabels)
	for a := range v {
		v[a] = make([]bool, numLabels)
		for b := range v[a] {
			v[a][b] = validTransition(a, b)
		}
	}
	return v
}()

const magic = "variorum-ner-2\n"

// WriteTo writes the model in its file format: gzip over a header, the
// transition weights, the rows sorted by feature hash with their weights as
// int16 scaled by the largest weight, then the name lists sorted.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	keys := make([]uint64, 0, len(m.rows))
	for k := range m.rows {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var scale float32
	for _, x := range m.w {
		scale = max(scale, float32(math.Abs(float64(x))))
	}
	if scale == 0 {
		scale = 1
	}
	bw.WriteString(magic)
	le := binary.LittleEndian
	var b8 [8]byte
	put32 := func(x uint32) { le.PutUint32(b8[:4], x); bw.Write(b8[:4]) }
	put32(uint32(numLabels))
	put32(uint32(len(keys)))
	put32(math.Float32bits(scale))
	for _, x := range m.trans {
		put32(math.Float32bits(x))
	}
	var last uint64
	var vb [binary.MaxVarintLen64]byte
	for _, k := range keys {
		bw.Write(vb[:binary.PutUvarint(vb[:], k-last)])
		last = k
	}
	for _, k := range keys {
		r := int(m.rows[k])
		for _, x := range m.w[r*numLabels : (r+1)*numLabels] {
			q := int16(math.Round(float64(x / scale * 32767)))
			le.PutUint16(b8[:2], uint16(q))
			bw.Write(b8[:2])
		}
	}
	var phrases []string
	if m.lists != nil {
		for p := range m.lists.phrases {
			phrases = append(phrases, p)
		}
	}
	slices.Sort(phrases)
	put32(uint32(len(phrases)))
	for _, p := range phrases {
		bw.Write(vb[:binary.PutUvarint(vb[:], uint64(len(p)))])
		bw.WriteString(p)
		bw.WriteByte(m.lists.phrases[p])
	}
	if err := bw.Flush(); err != nil {
		return cw.n, err
	}
	if err := zw.Close(); err != nil {
		return cw.n, err
	}
	return cw.n, cw.err
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// Read reads a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read ner model: %w", err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("read ner model: %w", err)
	}
	if !bytes.HasPrefix(b, []byte(magic)) {
		return nil, errors.New("read ner model: not a variorum ner model")
	}
	b = b[len(magic):]
	le := binary.LittleEndian
	short := errors.New("read ner model: truncated")
	if len(b) < 12 {
		return nil, short
	}
	nl, nrows, scale := int(le.Uint32(b)), int(le.Uint32(b[4:])), math.Float32frombits(le.Uint32(b[8:]))
	b = b[12:]
	if nl != numLabels {
		return nil, fmt.Errorf("read ner model: %d labels, want %d", nl, numLabels)
	}
	m := &Model{rows: make(map[uint64]int32, nrows), trans: make([]float32, (nl+1)*nl)}
	if len(b) < 4*len(m.trans) {
		return nil, short
	}
	for i := range m.trans {
		m.trans[i] = math.Float32frombits(le.Uint32(b[4*i:]))
	}
	b = b[4*len(m.trans):]
	var key uint64
	for i := 0; i < nrows; i++ {
		d, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, short
		}
		b = b[n:]
		key += d
		m.rows[key] = int32(i)
	}
	if len(b) < 2*nrows*nl+4 {
		return nil, short
	}
	m.w = make([]float32, nrows*nl)
	for i := range m.w {
		m.w[i] = float32(int16(le.Uint16(b[2*i:]))) / 32767 * scale
	}
	b = b[2*nrows*nl:]
	nphrases := int(le.Uint32(b))
	b = b[4:]
	m.lists = NewLists()
	for i := 0; i < nphrases; i++ {
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n+1 {
			return nil, short
		}
		p := string(b[k : k+int(n)])
		m.lists.phrases[p] = b[k+int(n)]
		m.lists.maxWords = max(m.lists.maxWords, strings.Count(p, " ")+1)
		b = b[k+int(n)+1:]
	}
	if len(b) != 0 {
		return nil, errors.New("read ner model: trailing data")
	}
	return m, nil
}

//go:embed model.bin
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, read once.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Read(bytes.NewReader(embedded))
	})
	return defaultModel, defaultErr
}
