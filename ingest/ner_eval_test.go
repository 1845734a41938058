package ingest

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/variorum/variorum/corpus"
	"github.com/variorum/variorum/ingest/internal/ner"
)

// dataDir locates ../shared/data (or $VARIORUM_DATA), skipping the test when
// it is absent.
func dataDir(t testing.TB, sub string) string {
	t.Helper()
	dir := os.Getenv("VARIORUM_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "data")
	}
	dir = filepath.Join(dir, sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s: ../shared/data absent (set VARIORUM_DATA)", dir)
	}
	return dir
}

// conllArticle is a CoNLL document as an article: its tokens joined by
// spaces, one sentence a line, with each token's span.
type conllArticle struct {
	art    corpus.Article
	doc    ner.Doc
	starts []map[int]int // per sentence: byte offset → token index
	ends   []map[int]int // per sentence: byte end offset → token index + 1
	sentOf func(off int) int
}

func readCoNLL(t testing.TB, name string) []conllArticle {
	t.Helper()
	f, err := os.Open(filepath.Join(dataDir(t, "conll2003"), name))
	if err != nil {
		t.Skipf("%s: ../shared/data absent", name)
	}
	defer f.Close()
	docs, err := ner.ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]conllArticle, 0, len(docs))
	for _, d := range docs {
		var b strings.Builder
		ca := conllArticle{doc: d}
		lineStart := make([]int, len(d.Sentences))
		for si, s := range d.Sentences {
			if si > 0 {
				b.WriteByte('\n')
			}
			lineStart[si] = b.Len()
			st, en := map[int]int{}, map[int]int{}
			for ti, tok := range s {
				if ti > 0 {
					b.WriteByte(' ')
				}
				st[b.Len()] = ti
				b.WriteString(tok.Text)
				en[b.Len()] = ti + 1
			}
			ca.starts, ca.ends = append(ca.starts, st), append(ca.ends, en)
		}
		ca.art = corpus.Article{Text: b.String()}
		ca.sentOf = func(off int) int {
			si := 0
			for si+1 < len(lineStart) && lineStart[si+1] <= off {
				si++
			}
			return si
		}
		out = append(out, ca)
	}
	return out
}

var conllType = map[string]string{
	corpus.Person: "PER", corpus.Organization: "ORG", corpus.GPE: "LOC", corpus.Location: "LOC",
}

// TestCoNLLEval scores Extract end to end (raw text in, entities with byte
// offsets out) on CoNLL-2003 eng.testa, conlleval style: an entity counts
// only with its exact span and type; GPE and LOC are both CoNLL's LOC.
//
//	go test ./ingest/ -run CoNLLEval -v
func TestCoNLLEval(t *testing.T) {
	arts := readCoNLL(t, "eng.testa")
	x := extractor(t)
	c, offToken := conllCounts(arts, func(a corpus.Article) []corpus.Entity { return x.Extract(a).Entities })
	for _, typ := range []string{"PER", "LOC", "ORG"} {
		p, r, f := c.PRF(typ)
		n := c[typ]
		t.Logf("%-3s precision %5.1f recall %5.1f F1 %5.1f (gold %d, found %d)", typ, p, r, f, n.Gold, n.Predicted)
	}
	p, r, f := c.PRF("PER", "LOC", "ORG")
	t.Logf("all precision %5.1f recall %5.1f F1 %5.1f (%d entities not on CoNLL token boundaries)", p, r, f, offToken)
	if f < 85 {
		t.Errorf("entity F1 %.1f on eng.testa, want at least 85", f)
	}
}

// conllCounts scores tag on the CoNLL articles as TestCoNLLEval scores
// Extract: raw text in, entities with byte offsets out, mapped to CoNLL token
// spans and counted by ner.Counts (MISC left out of the gold). It also
// returns how many entities were not on CoNLL token boundaries (they count as wrong).
func conllCounts(arts []conllArticle, tag func(corpus.Article) []corpus.Entity) (ner.Counts, int) {
	c := ner.Counts{}
	offToken := 0
	for _, ca := range arts {
		pred := make([][]ner.Span, len(ca.doc.Sentences))
		for _, e := range tag(ca.art) {
			si := ca.sentOf(e.Start)
			s, ok1 := ca.starts[si][e.Start]
			en, ok2 := ca.ends[si][e.End]
			if !ok1 || !ok2 {
				s, en = -1, -1
				offToken++
			}
			pred[si] = append(pred[si], ner.Span{Start: s, End: en, Type: conllType[e.Label]})
		}
		for si := range ca.doc.Sentences {
			var gold []ner.Span
			for _, g := range ca.doc.Spans[si] {
				if g.Type != "MISC" {
					gold = append(gold, g)
				}
			}
			c.Add(gold, pred[si])
		}
	}
	return c, offToken
}

// BenchmarkExtractCoNLL measures Extract on eng.testa's documents as raw
// text; tokens are white-space separated words.
func BenchmarkExtractCoNLL(b *testing.B) {
	x := extractor(b)
	benchCoNLL(b, func(a corpus.Article) { x.Extract(a) })
}

// benchCoNLL runs tag over eng.testa's documents as raw text b.N times and
// reports white-space separated tokens per second.
func benchCoNLL(b *testing.B, tag func(corpus.Article)) {
	arts := readCoNLL(b, "eng.testa")
	tokens := conllTokens(arts)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, ca := range arts {
			tag(ca.art)
		}
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// conllTokens counts the white-space separated words of the articles.
func conllTokens(arts []conllArticle) int {
	n := 0
	for _, ca := range arts {
		n += len(strings.Fields(ca.art.Text))
	}
	return n
}

// BenchmarkExtractCoNLLParallel runs Extract on eng.testa's documents from
// GOMAXPROCS goroutines sharing one Extractor, as the CLI does.
func BenchmarkExtractCoNLLParallel(b *testing.B) {
	arts := readCoNLL(b, "eng.testa")
	x := extractor(b)
	tokens := conllTokens(arts)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			x.Extract(arts[i%len(arts)].art)
			i++
		}
	})
	b.ReportMetric(float64(tokens)/float64(len(arts))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkExtractBBC runs Extract over the BBC News articles (2,225 files)
// from GOMAXPROCS goroutines sharing one Extractor, reporting words
// (white-space separated) per second and articles per second.
func BenchmarkExtractBBC(b *testing.B) {
	dir := dataDir(b, "bbc-news")
	var arts []corpus.Article
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text, err := corpus.Normalize(raw)
		if err != nil {
			return nil
		}
		arts = append(arts, corpus.Article{Source: path, Text: text})
		return nil
	})
	if err != nil || len(arts) == 0 {
		b.Skipf("bbc-news unreadable: %v", err)
	}
	x := extractor(b)
	words := 0
	for _, a := range arts {
		words += len(strings.Fields(a.Text))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var wg sync.WaitGroup
		next := make(chan int)
		for w := 0; w < runtime.GOMAXPROCS(0); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range next {
					x.Extract(arts[j])
				}
			}()
		}
		for j := range arts {
			next <- j
		}
		close(next)
		wg.Wait()
	}
	s := b.Elapsed().Seconds()
	b.ReportMetric(float64(words*b.N)/s, "words/s")
	b.ReportMetric(float64(len(arts)*b.N)/s, "articles/s")
}
