package index

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/variorum/variorum/corpus"
)

// benchAdd indexes docs into a new index per iteration and reports
// documents per second.
func benchAdd(b *testing.B, docs []corpus.Document) {
	b.ReportAllocs()
	var words int
	for _, d := range docs {
		words += len(strings.Fields(d.Text))
	}
	for b.Loop() {
		b.StopTimer()
		ix, err := Open(filepath.Join(b.TempDir(), "ix"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := ix.Add(context.Background(), docs, nil); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if err := ix.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	sec := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(len(docs))/sec, "docs/s")
	b.ReportMetric(float64(words)/sec, "words/s")
}

// benchSearch runs queries in turn on ix and reports the median latency.
func benchSearch(b *testing.B, ix *Index, queries []Query) {
	b.ReportAllocs()
	var lat []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		if _, err := ix.Search(context.Background(), queries[i%len(queries)]); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
		i++
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "median-µs/query")
}

func BenchmarkAddSample(b *testing.B) {
	benchAdd(b, sampleDocs(false))
}

func BenchmarkSearchSample(b *testing.B) {
	ix := openSample(b, sampleDocs(false))
	benchSearch(b, ix, []Query{
		{Text: "sustained armed attack"},
		{Text: `"armed attack" Russia`},
		{Text: "ceasefire"},
		{Text: "U.S. security guarantees"},
	})
}

// BenchmarkAddBBC indexes BBC News (2,225 articles) into a new index.
func BenchmarkAddBBC(b *testing.B) {
	benchAdd(b, bbcDocs(b))
}

// bbcIndex builds an index of BBC News, closes it and returns its
// directory.
func bbcIndex(b *testing.B) (string, []corpus.Document) {
	docs := bbcDocs(b)
	dir := filepath.Join(b.TempDir(), "ix")
	ix, err := Open(dir, Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := ix.Add(context.Background(), docs, nil); err != nil {
		b.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		b.Fatal(err)
	}
	return dir, docs
}

// BenchmarkSearchBBC runs 100 queries made from BBC headlines (the first
// four words; every fourth query the first two as a phrase) on an index of
// BBC News opened read-only, as the command line does, with the default
// limit of 10 and fragments.
func BenchmarkSearchBBC(b *testing.B) {
	dir, docs := bbcIndex(b)
	ix, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	qs := headlineQueries(ix, docs, 100)
	b.ResetTimer()
	benchSearch(b, ix, qs)
}

// BenchmarkOpenBBC opens and closes the BBC News index read-only: what every
// search command pays before searching.
func BenchmarkOpenBBC(b *testing.B) {
	dir, _ := bbcIndex(b)
	b.ResetTimer()
	for b.Loop() {
		ix, err := Open(dir, Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		if err := ix.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// headlineQueries makes n queries from the first lines of docs spread
// through the corpus; a phrase of stop words ("How to") falls back to the
// words.
func headlineQueries(ix *Index, docs []corpus.Document, n int) []Query {
	var qs []Query
	for i := range n {
		d := docs[i*len(docs)/n]
		head, _, _ := strings.Cut(d.Text, "\n")
		w := strings.Fields(head)
		q := Query{Text: strings.Join(w[:min(4, len(w))], " ")}
		if len(w) >= 2 && i%4 == 3 {
			phrase := Query{Text: `"` + w[0] + " " + w[1] + `"`}
			if _, err := ix.buildQuery(phrase, nil); err == nil {
				q = phrase
			}
		}
		qs = append(qs, q)
	}
	return qs
}
