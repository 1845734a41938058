package ner

import (
	"math/rand/v2"
	"slices"
)

// A Doc is a training document: sentences of tokens with their gold spans.
type Doc struct {
	Sentences [][]Token
	Spans     [][]Span
}

// TrainOptions control Train.
type TrainOptions struct {
	Epochs int    // passes over the data (default 10)
	Seed   uint64 // seed of the per-epoch document order
	// Progress, when set, is called after each epoch with the number of
	// sentences the tagger got wrong in it.
	Progress func(epoch, wrong, sentences int)
	// Lists are the name lists the model keeps; TrainLists, when set, gives
	// the lists to use for training document i instead (lists learned from
	// the other parts of the data, so that the tagger does not learn to
	// trust lists that hold every training name).
	Lists      *Lists
	TrainLists func(doc int) *Lists
}

// Train learns a model from docs with the averaged structured perceptron.
// It is deterministic: the same data and options give the same model.
func Train(docs []Doc, opt TrainOptions) *Model {
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	L := numLabels
	m := &Model{rows: map[uint64]int32{}, trans: make([]float32, (L+1)*L), lists: opt.Lists}
	if m.lists == nil {
		m.lists = NewLists()
	}
	var u []float32 // Σ c·Δw, for averaging
	uTrans := make([]float32, len(m.trans))
	c := float32(1)
	row := func(f uint64) int {
		r, ok := m.rows[f]
		if !ok {
			r = int32(len(m.rows))
			m.rows[f] = r
			m.w = append(m.w, make([]float32, L)...)
			u = append(u, make([]float32, L)...)
		}
		return int(r)
	}
	var d decoder
	var feats []uint64
	var offs []int
	for ep := 0; ep < opt.Epochs; ep++ {
		rng := rand.New(rand.NewPCG(opt.Seed, uint64(ep)))
		order := rng.Perm(len(docs))
		wrong, total := 0, 0
		for _, di := range order {
			doc := docs[di]
			st := newDocState(doc.Sentences)
			for si, toks := range doc.Sentences {
				n := len(toks)
				if n == 0 {
					continue
				}
				total++
				gold := spansToLabels(n, doc.Spans[si])
				lists := m.lists
				if opt.TrainLists != nil {
					lists = opt.TrainLists(di)
				}
				d.s.reset(toks, lists)
				feats, offs = feats[:0], offs[:0]
				d.scores = slices.Grow(d.scores[:0], n*L)[:n*L]
				for i := range toks {
					offs = append(offs, len(feats))
					feats = d.s.features(toks, i, st, feats)
					m.scoreToken(feats[offs[i]:], d.scores[i*L:(i+1)*L])
				}
				offs = append(offs, len(feats))
				pred := d.viterbi(m, n)
				if !slices.Equal(pred, gold) {
					wrong++
					for i := 0; i < n; i++ {
						pg, pp := L, L // start
						if i > 0 {
							pg, pp = gold[i-1], pred[i-1]
						}
						if gold[i] == pred[i] && pg == pp {
							continue
						}
						m.trans[pg*L+gold[i]]++
						uTrans[pg*L+gold[i]] += c
						m.trans[pp*L+pred[i]]--
						uTrans[pp*L+pred[i]] -= c
						if gold[i] == pred[i] {
							continue
						}
						for _, f := range feats[offs[i]:offs[i+1]] {
							r := row(f)
							m.w[r*L+gold[i]]++
							u[r*L+gold[i]] += c
							m.w[r*L+pred[i]]--
							u[r*L+pred[i]] -= c
						}
					}
				}
				c++
				st.remember(toks, labelsToSpans(pred))
			}
		}
		if opt.Progress != nil {
			opt.Progress(ep+1, wrong, total)
		}
	}
	for i := range m.w {
		m.w[i] -= u[i] / c
	}
	for i := range m.trans {
		m.trans[i] -= uTrans[i] / c
	}
	m.prune()
	return m
}

// prune drops the rows whose weights are all (nearly) zero after averaging.
func (m *Model) prune() {
	L := numLabels
	keys := make([]uint64, 0, len(m.rows))
	for k := range m.rows {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	rows := make(map[uint64]int32, len(keys))
	var w []float32
	for _, k := range keys {
		r := int(m.rows[k])
		ws := m.w[r*L : (r+1)*L]
		keep := false
		for _, x := range ws {
			if x > 1e-3 || x < -1e-3 {
				keep = true
				break
			}
		}
		if keep {
			rows[k] = int32(len(rows))
			w = append(w, ws...)
		}
	}
	m.rows, m.w = rows, w
}
