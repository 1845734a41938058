package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// ReadCoNLL reads CoNLL-2003 data (token, POS, chunk, IOB1 tag per line;
// blank lines between sentences; -DOCSTART- between documents). Only the
// tokens and the entity tags are kept.
func ReadCoNLL(r io.Reader) ([]Doc, error) {
	var docs []Doc
	var cur Doc
	var toks []Token
	var tags []string
	flushSentence := func() {
		if len(toks) > 0 {
			cur.Sentences = append(cur.Sentences, toks)
			cur.Spans = append(cur.Spans, iob1Spans(tags))
		}
		toks, tags = nil, nil
	}
	flushDoc := func() {
		flushSentence()
		if len(cur.Sentences) > 0 {
			docs = append(docs, cur)
		}
		cur = Doc{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0:
			flushSentence()
		case f[0] == "-DOCSTART-":
			flushDoc()
		case len(f) < 2:
			return nil, fmt.Errorf("conll line %d: want at least 2 columns, got %q", line, sc.Text())
		default:
			toks = append(toks, Token{Text: f[0]})
			tags = append(tags, f[len(f)-1])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conll: %w", err)
	}
	flushDoc()
	return docs, nil
}

// iob1Spans decodes IOB1 (or IOB2) tags into spans: I-X continues an entity
// of type X, B-X starts a new one.
func iob1Spans(tags []string) []Span {
	var out []Span
	start, typ := -1, ""
	for i, t := range tags {
		p, x, _ := strings.Cut(t, "-")
		if start >= 0 && (t == "O" || x != typ || p == "B") {
			out = append(out, Span{start, i, typ})
			start = -1
		}
		if t != "O" && start < 0 {
			start, typ = i, x
		}
	}
	if start >= 0 {
		out = append(out, Span{start, len(tags), typ})
	}
	return out
}

// Counts are conlleval-style exact-match counts per entity type.
type Counts map[string]*Count

// Count holds the matches of one type.
type Count struct{ Correct, Predicted, Gold int }

// Add counts one sentence's predicted spans against its gold spans.
func (c Counts) Add(gold, pred []Span) {
	get := func(t string) *Count {
		if c[t] == nil {
			c[t] = &Count{}
		}
		return c[t]
	}
	g := map[Span]bool{}
	for _, s := range gold {
		g[s] = true
		get(s.Type).Gold++
	}
	for _, s := range pred {
		get(s.Type).Predicted++
		if g[s] {
			get(s.Type).Correct++
		}
	}
}

// PRF returns precision, recall and F1 (in percent) of the given types
// together.
func (c Counts) PRF(types ...string) (p, r, f float64) {
	var sum Count
	for _, t := range types {
		if x := c[t]; x != nil {
			sum.Correct += x.Correct
			sum.Predicted += x.Predicted
			sum.Gold += x.Gold
		}
	}
	if sum.Predicted > 0 {
		p = 100 * float64(sum.Correct) / float64(sum.Predicted)
	}
	if sum.Gold > 0 {
		r = 100 * float64(sum.Correct) / float64(sum.Gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}
