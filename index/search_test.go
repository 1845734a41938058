package index

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/variorum/variorum/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// checkHits checks what every hit must satisfy: its fields come from the
// stored document, each fragment is the article's text between its offsets
// and holds its marks, fragments are few and short.
func checkHits(t *testing.T, res *Result, docs map[string]corpus.Document) {
	t.Helper()
	if uint64(len(res.Hits)) > res.Total {
		t.Errorf("%d hits but Total %d", len(res.Hits), res.Total)
	}
	for _, h := range res.Hits {
		d, ok := docs[h.ID]
		if !ok {
			t.Errorf("hit %s is not a document of the corpus", h.ID)
			continue
		}
		if h.Source != d.Source || h.Outlet != d.Outlet || h.Title != d.Title {
			t.Errorf("hit %s: source/outlet/title %q/%q/%q, want %q/%q/%q", h.ID, h.Source, h.Outlet, h.Title, d.Source, d.Outlet, d.Title)
		}
		if len(h.Fragments) > MaxFragments {
			t.Errorf("hit %s has %d fragments", h.ID, len(h.Fragments))
		}
		for _, f := range h.Fragments {
			checkFragment(t, d.Text, f)
		}
	}
}

func checkFragment(t *testing.T, text string, f Fragment) {
	t.Helper()
	if f.Start < 0 || f.End > len(text) || f.Start > f.End || text[f.Start:f.End] != f.Text {
		t.Errorf("fragment [%d:%d] %q is not the text between its offsets", f.Start, f.End, f.Text)
		return
	}
	if len(f.Marks) == 0 {
		t.Errorf("fragment %q has no marks", f.Text)
	}
	last := 0
	for _, m := range f.Marks {
		if m.Start < last || m.End > len(f.Text) || m.Start >= m.End {
			t.Errorf("fragment %q: mark %v out of order or range", f.Text, m)
		}
		last = m.End
	}
}

func byID(docs []corpus.Document) map[string]corpus.Document {
	m := make(map[string]corpus.Document, len(docs))
	for _, d := range docs {
		m[d.ID] = d
	}
	return m
}

// hitsWhere returns the IDs of docs whose text matches re, sorted.
func hitsWhere(docs []corpus.Document, re *regexp.Regexp) []string {
	var ids []string
	for _, d := range docs {
		if re.MatchString(d.Text) {
			ids = append(ids, d.ID)
		}
	}
	slices.Sort(ids)
	return ids
}

func hitIDs(res *Result) []string {
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	slices.Sort(ids)
	return ids
}

func TestSearchSeeds(t *testing.T) {
	docs := sampleDocs(false)
	ix := openSample(t, docs)
	all := byID(docs)
	source := func(prefix string) string {
		for _, d := range docs {
			if strings.HasPrefix(d.Source, prefix) {
				return d.ID
			}
		}
		t.Fatalf("no sample document %s", prefix)
		return ""
	}

	tests := []struct {
		name  string
		query Query
		check func(t *testing.T, res *Result)
	}{
		{"words rank the articles holding them together first", Query{Text: "sustained armed attack"}, func(t *testing.T, res *Result) {
			if len(res.Hits) < 3 {
				t.Fatalf("%d hits", len(res.Hits))
			}
			top := []string{res.Hits[0].ID, res.Hits[1].ID, res.Hits[2].ID}
			for _, want := range []string{source("000_"), source("002_")} {
				if !slices.Contains(top, want) {
					t.Errorf("%s (%s) not in the top 3 %v", want, all[want].Source, top)
				}
			}
			if res.Hits[0].ID != source("000_") {
				t.Errorf("first hit %s, want 000 (the only one with the exact words)", res.Hits[0].Source)
			}
			if f := res.Hits[0].Fragments; len(f) == 0 || !strings.Contains(f[0].Text, "sustained armed attack") {
				t.Errorf("first fragment of 000 does not hold the words: %+v", f)
			}
		}},
		{"a word that occurs nowhere", Query{Text: "zyzzyva"}, func(t *testing.T, res *Result) {
			if res.Total != 0 || len(res.Hits) != 0 {
				t.Errorf("Total %d, %d hits; want none", res.Total, len(res.Hits))
			}
		}},
		{"phrase", Query{Text: `"armed assault"`}, func(t *testing.T, res *Result) {
			want := hitsWhere(docs, regexp.MustCompile(`(?i)\barmed assaults?\b`))
			if got := hitIDs(res); !reflect.DeepEqual(got, want) || len(want) == 0 {
				t.Errorf("hits %v, want the articles with the phrase %v", got, want)
			}
			for _, h := range res.Hits {
				if len(h.Fragments) == 0 || !strings.Contains(strings.ToLower(h.Fragments[0].Text), "armed assault") {
					t.Errorf("hit %s: first fragment lacks the phrase: %+v", h.Source, h.Fragments)
				}
			}
		}},
		{"phrase and word", Query{Text: `"armed attack" Russia`}, func(t *testing.T, res *Result) {
			want := hitsWhere(docs, regexp.MustCompile(`(?i)\barmed attacks?\b`))
			if got := hitIDs(res); !reflect.DeepEqual(got, want) || len(want) == 0 {
				t.Errorf("hits %v, want the articles with the phrase %v", got, want)
			}
		}},
		{"unclosed quote is a phrase to the end", Query{Text: `"deliberate, and sustained`}, func(t *testing.T, res *Result) {
			want := hitsWhere(docs, regexp.MustCompile(`(?i)\bdeliberate, and sustained\b`))
			if got := hitIDs(res); !reflect.DeepEqual(got, want) || len(want) == 0 {
				t.Errorf("hits %v, want %v", got, want)
			}
		}},
		{"stemming", Query{Text: "ceasefires"}, func(t *testing.T, res *Result) {
			want := hitsWhere(docs, regexp.MustCompile(`(?i)\bceasefires?\b`))
			if got := hitIDs(res); !reflect.DeepEqual(got, want) || len(want) == 0 {
				t.Errorf("hits %v, want %v", got, want)
			}
		}},
		{"US finds U.S.", Query{Text: "US", Limit: 100}, func(t *testing.T, res *Result) {
			want := hitsWhere(docs, regexp.MustCompile(`\b(US|USA)\b|\bU\.S\.`))
			if got := hitIDs(res); !reflect.DeepEqual(got, want) {
				t.Errorf("hits %v, want %v", got, want)
			}
			dotted := hitsWhere(docs, regexp.MustCompile(`\bU\.S\.`))
			if len(dotted) == 0 {
				t.Fatal("no sample article writes U.S.")
			}
			for _, h := range res.Hits {
				if slices.Contains(dotted, h.ID) && !strings.Contains(h.Fragments[0].Text, "U.S.") && !strings.Contains(h.Fragments[0].Text, "US") {
					t.Errorf("hit %s: no US in %q", h.Source, h.Fragments[0].Text)
				}
			}
		}},
		{"limit", Query{Text: "Ukraine", Limit: 2}, func(t *testing.T, res *Result) {
			if len(res.Hits) != 2 || res.Total != uint64(len(docs)) {
				t.Errorf("%d hits of %d, want 2 of %d", len(res.Hits), res.Total, len(docs))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), tt.query)
			if err != nil {
				t.Fatal(err)
			}
			checkHits(t, res, all)
			tt.check(t, res)
			again, err := ix.Search(context.Background(), tt.query)
			if err != nil || !reflect.DeepEqual(res, again) {
				t.Errorf("the same search twice gave different results (%v)", err)
			}
		})
	}
}

// withFacets returns the sample with outlets A and B and, as entities, every
// "Zelensky"/"Zelenskyy" under one canonical name.
func withFacets() []corpus.Document {
	docs := sampleDocs(true)
	re := regexp.MustCompile(`Zelenskyy?`)
	for i, d := range docs {
		for _, m := range re.FindAllStringIndex(d.Text, -1) {
			docs[i].Entities = append(docs[i].Entities, corpus.Entity{
				Start: m[0], End: m[1], Text: d.Text[m[0]:m[1]], Label: corpus.Person, Canonical: "Volodymyr Zelensky",
			})
		}
	}
	return docs
}

func TestSearchFilters(t *testing.T) {
	docs := withFacets()
	ix := openSample(t, docs)
	all := byID(docs)
	zelensky := hitsWhere(docs, regexp.MustCompile(`Zelensky`))
	if len(zelensky) == 0 {
		t.Fatal("no sample article names Zelensky")
	}

	tests := []struct {
		name  string
		query Query
		keep  func(d corpus.Document) bool
	}{
		{"outlet, any case", Query{Text: "ceasefire", Outlet: "outlet a"}, func(d corpus.Document) bool {
			return d.Outlet == "Outlet A" && strings.Contains(strings.ToLower(d.Text), "ceasefire")
		}},
		{"outlet alone", Query{Outlet: "Outlet B", Limit: 100}, func(d corpus.Document) bool { return d.Outlet == "Outlet B" }},
		{"unknown outlet", Query{Text: "ceasefire", Outlet: "Nobody"}, func(d corpus.Document) bool { return false }},
		{"entity by canonical name", Query{Entity: "volodymyr zelensky", Limit: 100}, func(d corpus.Document) bool {
			return slices.Contains(zelensky, d.ID)
		}},
		// One article's spelling finds every article about the person.
		{"entity by a spelling", Query{Entity: "Zelenskyy", Limit: 100}, func(d corpus.Document) bool {
			return slices.Contains(zelensky, d.ID)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), tt.query)
			if err != nil {
				t.Fatal(err)
			}
			checkHits(t, res, all)
			var want []string
			outlets := map[string]int{}
			for _, d := range docs {
				if tt.keep(d) {
					want = append(want, d.ID)
					outlets[d.Outlet]++
				}
			}
			slices.Sort(want)
			if got := hitIDs(res); !reflect.DeepEqual(got, want) {
				t.Errorf("hits %v, want %v", got, want)
			}
			var wantFacets []Facet
			for o, n := range outlets {
				wantFacets = append(wantFacets, Facet{Term: o, Count: n})
			}
			slices.SortFunc(wantFacets, func(a, b Facet) int {
				if a.Count != b.Count {
					return b.Count - a.Count
				}
				return strings.Compare(a.Term, b.Term)
			})
			if wantFacets == nil {
				wantFacets = []Facet{}
			}
			if !reflect.DeepEqual(res.Outlets, wantFacets) {
				t.Errorf("outlet facets %v, want %v", res.Outlets, wantFacets)
			}
		})
	}

	res, err := ix.Search(context.Background(), Query{Text: "security guarantee", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, h := range res.Hits {
		if slices.Contains(zelensky, h.ID) {
			n++
		}
	}
	if want := []Facet{{Term: "Volodymyr Zelensky", Count: n}}; n > 0 && !reflect.DeepEqual(res.Entities, want) {
		t.Errorf("entity facets %v, want %v", res.Entities, want)
	}
}

func TestSearchBadQuery(t *testing.T) {
	ix := openSample(t, sampleDocs(false))
	for _, q := range []Query{
		{},
		{Text: "   "},
		{Text: `""`},
		{Text: "the of and"},
		{Text: `"the" ...`},
		{Text: "-Russia -\"armed attack\""},
	} {
		res, err := ix.Search(context.Background(), q)
		if !errors.Is(err, ErrQuery) {
			t.Errorf("Search(%+v) = %v, %v; want ErrQuery", q, res, err)
		}
	}
}

// TestSearchSigns: a word or phrase signed '-' leaves out the articles
// holding it, one signed '+' is required, and the unsigned words then only
// rank.
func TestSearchSigns(t *testing.T) {
	ix := openSample(t, sampleDocs(false))
	ids := func(text string) map[string]bool {
		t.Helper()
		res, err := ix.Search(context.Background(), Query{Text: text, Limit: 100})
		if err != nil {
			t.Fatalf("Search(%q): %v", text, err)
		}
		out := map[string]bool{}
		for _, h := range res.Hits {
			out[h.ID] = true
		}
		return out
	}
	guarantee, telegram, peskov := ids("guarantee"), ids("Telegram"), ids("Peskov")
	if len(telegram) == 0 || len(telegram) == len(guarantee) {
		t.Fatalf("the sample no longer splits: %d hits for guarantee, %d for Telegram", len(guarantee), len(telegram))
	}
	for _, c := range []struct {
		query string
		want  func(id string) bool
	}{
		{"guarantee -Telegram", func(id string) bool { return guarantee[id] && !telegram[id] }},
		{`guarantee -"Telegram"`, func(id string) bool { return guarantee[id] && !telegram[id] }},
		{"guarantee +Telegram", func(id string) bool { return guarantee[id] && telegram[id] }},
		{"+Telegram Peskov", func(id string) bool { return telegram[id] }},
		{"Peskov Telegram", func(id string) bool { return telegram[id] || peskov[id] }},
	} {
		got := ids(c.query)
		for id := range guarantee {
			if got[id] != c.want(id) {
				t.Errorf("%q: hit %s is %v, want %v", c.query, id, got[id], c.want(id))
			}
		}
	}
}

// TestSearchGolden renders the searches in testdata/search.txtar on the
// sample corpus and compares them with the file (go test -update rewrites
// it). Each file section is a query; its body the hits, with matched words
// in [brackets].
func TestSearchGolden(t *testing.T) {
	path := filepath.Join("testdata", "search.txtar")
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ix := openSample(t, withFacets())
	for i, f := range ar.Files {
		q := Query{Text: f.Name}
		if text, outlet, ok := strings.Cut(f.Name, " --outlet "); ok {
			q = Query{Text: text, Outlet: outlet}
		}
		res, err := ix.Search(context.Background(), q)
		var got string
		if err != nil {
			got = "error: " + err.Error() + "\n"
		} else {
			got = render(res)
		}
		if *update {
			ar.Files[i].Data = []byte(got)
			continue
		}
		if got != string(f.Data) {
			t.Errorf("search %s:\n--- got\n%s--- want\n%s", f.Name, got, f.Data)
		}
	}
	if *update {
		if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// render prints a result for the golden file: ranks, sources, facets and
// fragments, with scores left out (they depend on float summation order).
func render(res *Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "total %d; outlets %v; entities %v\n", res.Total, res.Outlets, res.Entities)
	for i, h := range res.Hits {
		fmt.Fprintf(&b, "%d. %s [%s]\n", i+1, h.Source, h.Outlet)
		for _, f := range h.Fragments {
			var s strings.Builder
			last := 0
			for _, m := range f.Marks {
				s.WriteString(f.Text[last:m.Start] + "[" + f.Text[m.Start:m.End] + "]")
				last = m.End
			}
			s.WriteString(f.Text[last:])
			fmt.Fprintf(&b, "   %d-%d %s\n", f.Start, f.End, strings.ReplaceAll(s.String(), "\n", "⏎"))
		}
	}
	return b.String()
}

// TestSearchAccents: a word finds its spellings with and without accents,
// and the mark is on the word as written.
func TestSearchAccents(t *testing.T) {
	docs := []corpus.Document{
		docOf(corpus.Article{ID: "a", Source: "a.txt", Text: "Beyoncé sang at the café in Zürich."}),
		docOf(corpus.Article{ID: "b", Source: "b.txt", Text: "Beyonce sang at the cafe in Zurich."}),
	}
	ix := openSample(t, docs)
	for _, q := range []string{"Beyoncé", "Beyonce", "cafe", "café", "Zurich"} {
		res, err := ix.Search(context.Background(), Query{Text: q, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 2 {
			t.Errorf("%q: %d hits, want both spellings", q, len(res.Hits))
			continue
		}
		for _, h := range res.Hits {
			f := h.Fragments[0]
			if len(f.Marks) == 0 {
				t.Errorf("%q in %s: no mark", q, h.ID)
				continue
			}
			m := f.Marks[0]
			fold := func(s string) string { return strings.ToLower(corpus.StripMarks(s)) }
			if fold(f.Text[m.Start:m.End]) != fold(q) {
				t.Errorf("%q in %s: mark on %q", q, h.ID, f.Text[m.Start:m.End])
			}
		}
	}
}

// TestOutletFilterSource: an article of no known outlet is found by its
// source, as reports name it; one of a known outlet by its outlet alone.
func TestOutletFilterSource(t *testing.T) {
	docs := sampleDocs(false)
	ix := openSample(t, docs)
	res, err := ix.Search(context.Background(), Query{Outlet: strings.ToUpper(docs[1].Source), Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].ID != docs[1].ID {
		t.Errorf("--outlet %q: hits %+v, want %s alone", docs[1].Source, res.Hits, docs[1].ID)
	}
	named := sampleDocs(true)
	ix2 := openSample(t, named)
	res, err = ix2.Search(context.Background(), Query{Outlet: named[1].Source, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 0 {
		t.Errorf("--outlet %q, the source of an article of outlet %q: %d hits, want none", named[1].Source, named[1].Outlet, len(res.Hits))
	}
}
