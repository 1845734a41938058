package ingest

// The "before" of the entity model: prose's default model
// (github.com/jdkato/prose/v2 v2.0.0, EngineProse), scored side by side with
// the project's own with the same input path and scorer.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/variorum/variorum/corpus"
	"github.com/variorum/variorum/ingest/internal/ner"
)

// TestProseEntitiesOffsets checks the offsets recovered for prose's
// entities: every entity is its span of the text, in order; none of prose's
// entities is lost in the alignment; and curly quotes, "&rsquo;" and tabs,
// which prose folds, shift nothing.
func TestProseEntitiesOffsets(t *testing.T) {
	tests := []struct{ text, folded string }{
		{"Barack Obama visited Paris.", "Barack Obama visited Paris."},
		{"“Nothing,” said John Smith of Microsoft in London.", `"Nothing," said John Smith of Microsoft in London.`},
		{"Angela Merkel’s aides met\tFrançois Hollande in Berlin.", "Angela Merkel's aides met François Hollande in Berlin."},
		{"The European Union&rsquo;s envoy to New York City spoke.", "The European Union's envoy to New York City spoke."},
		{"", ""},
	}
	unfold := strings.NewReplacer("“", `"`, "”", `"`, "’", "'", "&rsquo;", "'", "\t", " ")
	key := func(label, text string) string { return label + " " + strings.ReplaceAll(text, " ", "") }
	for _, tt := range tests {
		doc, err := prose.NewDocument(tt.folded, prose.WithSegmentation(false), prose.UsingModel(sharedProseModel()))
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, e := range doc.Entities() {
			if l := proseLabel(e.Label); l != "" {
				want = append(want, key(l, e.Text))
			}
		}
		for _, text := range []string{tt.folded, tt.text} {
			var got []string
			end := 0
			for _, e := range proseEntities(text, Sentences(text)) {
				if e.Start < end || e.Start >= e.End || text[e.Start:e.End] != e.Text || conllType[e.Label] == "" {
					t.Errorf("%q: bad entity %+v", text, e)
				}
				end = e.End
				got = append(got, key(e.Label, unfold.Replace(e.Text)))
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%q: got %q, prose found %q", text, got, want)
			}
		}
	}
}

// TestCoNLLEvalBaseline scores prose's default model (the "before") and the
// project's model through Extract (the "after") on CoNLL-2003 eng.testa with
// the same text and scorer as TestCoNLLEval, and logs them side by side.
//
//	go test ./ingest/ -run CoNLLEval -v
func TestCoNLLEvalBaseline(t *testing.T) {
	arts := readCoNLL(t, "eng.testa")
	x := extractor(t)
	engines := []struct {
		name string
		tag  func(corpus.Article) []corpus.Entity
	}{
		{"prose-default", func(a corpus.Article) []corpus.Entity { return proseEntities(a.Text, Sentences(a.Text)) }},
		{"variorum", func(a corpus.Article) []corpus.Entity { return x.Extract(a).Entities }},
	}
	counts := make([]ner.Counts, len(engines))
	for i, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			c, off := conllCounts(arts, e.tag)
			counts[i] = c
			for _, typ := range []string{"PER", "LOC", "ORG", ""} {
				types := []string{typ}
				if typ == "" {
					typ, types = "all", []string{"PER", "LOC", "ORG"}
				}
				p, r, f := c.PRF(types...)
				t.Logf("%-3s precision %5.1f recall %5.1f F1 %5.1f", typ, p, r, f)
			}
			t.Logf("%d entities not on CoNLL token boundaries", off)
			if _, _, f := c.PRF("PER", "LOC", "ORG"); f == 0 {
				t.Errorf("F1 0 on eng.testa: the engine found nothing")
			}
		})
	}
	if counts[0] == nil || counts[1] == nil {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "eng.testa, exact match, P/R/F1\n%-4s %-20s %-20s %s\n", "", engines[0].name, engines[1].name, "ΔF1")
	for _, typ := range []string{"PER", "LOC", "ORG", ""} {
		types := []string{typ}
		if typ == "" {
			typ, types = "all", []string{"PER", "LOC", "ORG"}
		}
		p0, r0, f0 := counts[0].PRF(types...)
		p1, r1, f1 := counts[1].PRF(types...)
		fmt.Fprintf(&b, "%-4s %5.1f/%5.1f/%5.1f    %5.1f/%5.1f/%5.1f    %+5.1f\n", typ, p0, r0, f0, p1, r1, f1, f1-f0)
	}
	t.Log(strings.TrimSuffix(b.String(), "\n"))
	_, _, f0 := counts[0].PRF("PER", "LOC", "ORG")
	_, _, f1 := counts[1].PRF("PER", "LOC", "ORG")
	if f1 <= f0 {
		t.Errorf("variorum F1 %.1f not above prose's %.1f on eng.testa", f1, f0)
	}
}

// BenchmarkProseBaseline measures the prose baseline on eng.testa's
// documents as raw text, tokens counted as in BenchmarkExtractCoNLL.
//
//	go test ./ingest/ -run XXX -bench 'ProseBaseline|ExtractCoNLL$' -benchtime 3x
func BenchmarkProseBaseline(b *testing.B) {
	sharedProseModel()
	benchCoNLL(b, func(a corpus.Article) { proseEntities(a.Text, Sentences(a.Text)) })
}
