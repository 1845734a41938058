package ingest

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/variorum/variorum/corpus"
)

var (
	sharedOnce sync.Once
	sharedX    *Extractor
	sharedErr  error
)

// extractor returns one Extractor for all tests (loading it is the slow
// part).
func extractor(t testing.TB) *Extractor {
	t.Helper()
	sharedOnce.Do(func() { sharedX, sharedErr = NewExtractor() })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedX
}

func checkDocument(t *testing.T, d corpus.Document) {
	t.Helper()
	text := d.Text
	var starts, ends []int
	for _, s := range d.Sentences {
		starts, ends = append(starts, s.Start), append(ends, s.End)
	}
	checkSpans(t, text, starts, ends)
	starts, ends = nil, nil
	for _, e := range d.Entities {
		if e.Start < 0 || e.End > len(text) || e.Start >= e.End || text[e.Start:e.End] != e.Text {
			t.Fatalf("entity %+v does not match text[%d:%d]", e, e.Start, e.End)
		}
		if strings.TrimSpace(e.Canonical) == "" {
			t.Fatalf("entity %+v has no canonical name", e)
		}
		switch e.Label {
		case corpus.Person, corpus.Organization, corpus.GPE, corpus.Location:
		default:
			t.Fatalf("entity %+v has label %q", e, e.Label)
		}
		starts, ends = append(starts, e.Start), append(ends, e.End)
	}
	checkSpans(t, text, starts, ends)
	for _, q := range d.Quotes {
		if q.Start < 0 || q.End > len(text) || q.Start > q.End || text[q.Start:q.End] != q.Text {
			t.Fatalf("quote %+v does not match text[%d:%d]", q, q.Start, q.End)
		}
	}
}

func TestExtractSeeds(t *testing.T) {
	x := extractor(t)
	people := map[string]bool{}
	for _, a := range corpus.Sample() {
		d := x.Extract(a)
		if d.ID != a.ID || d.Text != a.Text {
			t.Fatalf("%s: article fields changed", a.Source)
		}
		if len(d.Sentences) == 0 {
			t.Errorf("%s: no sentences", a.Source)
		}
		checkDocument(t, d)
		for _, e := range d.Entities {
			if e.Label == corpus.Person {
				for _, w := range strings.Fields(e.Text) {
					people[w] = true
				}
			}
		}
	}
	for _, name := range []string{"Zelensky", "Putin", "Witkoff", "Umerov", "Peskov"} {
		if !people[name] {
			got := make([]string, 0, len(people))
			for p := range people {
				got = append(got, p)
			}
			sort.Strings(got)
			t.Errorf("no PERSON entity holds %q; person words: %q", name, got)
		}
	}
}

func TestExtractEntities(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // "LABEL text", in order; a subset of the entities found
	}{
		{"em dash splits", "The envoy Steve Witkoff—responsible for the plan—met Rustem Umerov.",
			[]string{"PERSON Steve Witkoff"}},
		{"curly quotes", "“We agree,” said Dmitry Peskov in Moscow.",
			[]string{"PERSON Dmitry Peskov", "GPE Moscow"}},
		{"us at sentence end", "Kyiv relies on the U.S.", []string{"GPE U.S."}},
		{"lines do not merge", "Signatories:\nUkraine\nRussia", []string{"GPE Ukraine", "GPE Russia"}},
	}
	x := extractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := x.Extract(corpus.Article{Text: tt.text})
			checkDocument(t, d)
			var got []string
			for _, e := range d.Entities {
				got = append(got, e.Label+" "+e.Text)
				if strings.ContainsAny(e.Text, "—\n") {
					t.Errorf("entity %q crosses a dash or line break", e.Text)
				}
			}
			i := 0
			for _, g := range got {
				if i < len(tt.want) && g == tt.want[i] {
					i++
				}
			}
			if i < len(tt.want) {
				t.Errorf("entities of %q\n got %q\nwant (in order) %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestExtractRepeatedTokens checks that a word repeated in a sentence is
// labelled for itself each time (prose shared one token object between
// repeats, so its last label overwrote the first).
func TestExtractRepeatedTokens(t *testing.T) {
	x := extractor(t)
	text := "Dmitry Peskov spoke in Moscow, and Moscow agreed with Peskov."
	d := x.Extract(corpus.Article{Text: text})
	checkDocument(t, d)
	first := ""
	for _, e := range d.Entities {
		if e.Start == 0 {
			first = e.Label + " " + e.Text
		}
	}
	if first != "PERSON Dmitry Peskov" {
		t.Errorf("first entity of %q = %q, want PERSON Dmitry Peskov (all: %+v)", text, first, d.Entities)
	}
}

func TestExtractConcurrent(t *testing.T) {
	x := extractor(t)
	arts := corpus.Sample()
	want := make([]corpus.Document, len(arts))
	for i, a := range arts {
		want[i] = x.Extract(a)
	}
	var wg sync.WaitGroup
	got := make([]corpus.Document, len(arts))
	for i, a := range arts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = x.Extract(a)
		}()
	}
	wg.Wait()
	for i := range arts {
		if len(got[i].Entities) != len(want[i].Entities) {
			t.Fatalf("%s: concurrent run found %d entities, sequential %d", arts[i].Source, len(got[i].Entities), len(want[i].Entities))
		}
		for j := range got[i].Entities {
			if got[i].Entities[j] != want[i].Entities[j] {
				t.Fatalf("%s: entity %d differs: %+v vs %+v", arts[i].Source, j, got[i].Entities[j], want[i].Entities[j])
			}
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Steve Witkoff—responsible", "“Peskov,” he said. Paris … Paris Hilton", "U.S.\nUK", "&rsquo;s Zelensky's",
		"\u00a0Kyiv\u2009Moscow\u2014NATO", "\xff Ukraine",
	} {
		f.Add(s)
	}
	x := extractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 2000 {
			return
		}
		checkDocument(t, x.Extract(corpus.Article{Text: text}))
	})
}

func BenchmarkExtract(b *testing.B) {
	x := extractor(b)
	arts := corpus.Sample()
	tokens := 0
	for _, a := range arts {
		tokens += len(strings.Fields(a.Text))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			x.Extract(a)
		}
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTokenizeMarks: a chunk that is one long run of quotation marks
// (hostile or broken input) tokenizes in time linear in its length; the
// clitic test once folded the whole rest of the chunk at every mark.
func BenchmarkTokenizeMarks(b *testing.B) {
	for _, n := range []int{25_000, 100_000} {
		text := strings.Repeat(`"`, n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if toks := tokenize(text, 0, len(text), nil); len(toks) != n {
					b.Fatalf("%d tokens, want %d", len(toks), n)
				}
			}
		})
	}
}
