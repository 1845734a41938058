package compare

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/variorum/variorum/corpus"
)

// renderAll renders a report in every format, as txtar sections.
func renderAll(t testing.TB, r Report) []txtar.File {
	t.Helper()
	var files []txtar.File
	for _, f := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"text", func(b *bytes.Buffer) error { return WriteText(b, r, false) }},
		{"text-color", func(b *bytes.Buffer) error { return WriteText(b, r, true) }},
		{"markdown", func(b *bytes.Buffer) error { return WriteMarkdown(b, r) }},
		{"jsonl", func(b *bytes.Buffer) error { return WriteJSONL(b, r) }},
		{"html", func(b *bytes.Buffer) error { return WriteHTML(b, r) }},
	} {
		var b bytes.Buffer
		if err := f.write(&b); err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		files = append(files, txtar.File{Name: f.name, Data: b.Bytes()})
	}
	return files
}

// TestRenderGolden renders the hand-made seed clusters in every format and
// compares with testdata/render/seeds.txtar (rewritten with -update).
func TestRenderGolden(t *testing.T) {
	useTestSimilarity(t)
	r := NewReport("Seeds: a US security guarantee for Ukraine", seedDocs(), seedClusters(t))
	got := renderAll(t, r)
	path := filepath.Join("testdata", "render", "seeds.txtar")
	if *update {
		ar := &txtar.Archive{Comment: []byte("Golden renders of the hand-made seed clusters; go test ./compare -run TestRenderGolden -update rewrites them.\n"), Files: got}
		if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, f := range ar.Files {
		want[f.Name] = string(f.Data)
	}
	for _, f := range got {
		if w, ok := want[f.Name]; !ok || w != string(f.Data) {
			t.Errorf("%s render differs from %s (run with -update to accept):\n%s", f.Name, path, firstDiff(w, string(f.Data)))
		}
	}
	// Same input, same bytes.
	again := renderAll(t, NewReport("Seeds: a US security guarantee for Ukraine", seedDocs(), seedClusters(t)))
	for i := range got {
		if !bytes.Equal(got[i].Data, again[i].Data) {
			t.Errorf("%s render is not deterministic", got[i].Name)
		}
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant %s\ngot  %s", i+1, w, g)
		}
	}
	return ""
}

// TestRenderEscaping feeds article text and metadata holding markup to
// every renderer: nothing of it may come out as live HTML or Markdown.
func TestRenderEscaping(t *testing.T) {
	evil := `<script>alert("x")</script> & <b>bold</b> | *star* [link](javascript:alert(1))`
	a := corpus.Article{ID: "a1", Source: "a<img src=x onerror=alert(1)>.txt", Outlet: "Evil <i>Outlet</i>", Title: "<h1>t</h1>", URL: "javascript:alert(1)",
		Text: "Officials said " + evil + " today."}
	b := corpus.Article{ID: "b1", Source: "b.txt", Outlet: "Good", Text: "Officials said " + strings.Replace(evil, "bold", "brave", 1) + " now."}
	docs := []corpus.Document{{Article: a}, {Article: b}}
	wit := func(art corpus.Article) Witness {
		return Witness{Article: art.ID, Source: art.Source, Outlet: art.Outlet, Start: 0, End: len(art.Text), Text: art.Text}
	}
	r := NewReport("Report <script>alert(0)</script>", docs, []Cluster{{Kind: KindQuote, Witnesses: []Witness{wit(a), wit(b)}}})
	for _, f := range renderAll(t, r) {
		out := string(f.Data)
		switch f.Name {
		case "html":
			for _, bad := range []string{`<script>alert`, `<b>bold`, `<img src=x`, `<i>Outlet`, `<h1>t`, `href="javascript:`} {
				if strings.Contains(out, bad) {
					t.Errorf("html holds unescaped %q", bad)
				}
			}
			if !strings.Contains(out, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") {
				t.Errorf("html lost the escaped article text")
			}
			if strings.Count(out, "<script>") != 1 {
				t.Errorf("html has %d script elements, want only its own", strings.Count(out, "<script>"))
			}
		case "markdown":
			for _, bad := range []string{"<script>", "<b>", "<img", "[link](", "| *star*"} {
				if strings.Contains(out, bad) {
					t.Errorf("markdown holds unescaped %q", bad)
				}
			}
		case "jsonl":
			var v map[string]any
			if err := json.Unmarshal(f.Data, &v); err != nil {
				t.Errorf("jsonl: %v", err)
			}
		}
	}
}

// TestAlignOffsets checks that every offset of an aligned seed cluster
// points back into the real article text.
func TestAlignOffsets(t *testing.T) {
	texts := map[string]string{}
	for _, a := range corpus.Sample() {
		texts[a.ID] = a.Text
	}
	for _, c := range seedClusters(t) {
		al := Align(c, nil)
		p := c.Witnesses[al.Pivot]
		pt := texts[p.Article]
		if len(al.Rows) != len(c.Witnesses) {
			t.Fatalf("%d rows for %d witnesses", len(al.Rows), len(c.Witnesses))
		}
		for _, row := range al.Rows {
			w := c.Witnesses[row.Witness]
			wt := texts[w.Article]
			var rebuilt strings.Builder
			for _, o := range row.Ops {
				if o.Op != OpInsert && pt[o.AStart:o.AEnd] != o.Text {
					t.Errorf("op %q: pivot text at %d:%d is %q", o.Text, o.AStart, o.AEnd, pt[o.AStart:o.AEnd])
				}
				if o.Op != OpDelete {
					if wt[o.BStart:o.BEnd] != o.Text {
						t.Errorf("op %q: witness text at %d:%d is %q", o.Text, o.BStart, o.BEnd, wt[o.BStart:o.BEnd])
					}
					rebuilt.WriteString(o.Text)
				}
			}
			if rebuilt.String() != w.Text {
				t.Errorf("row %d rebuilds %q, want %q", row.Witness, rebuilt.String(), w.Text)
			}
		}
		for _, v := range al.Variations {
			w := c.Witnesses[v.Witness]
			if pt[v.AStart:v.AEnd] != v.From || texts[w.Article][v.BStart:v.BEnd] != v.To {
				t.Errorf("variation %+v does not point at its texts", v)
			}
		}
		for _, s := range al.Shared {
			if s.Start < p.Start || s.End > p.End || s.Start >= s.End {
				t.Errorf("shared span %v outside the pivot %d:%d", s, p.Start, p.End)
			}
		}
	}
}

// TestAlignSeedCluster checks the attack-definition cluster: 000's
// two wordings and 002's, aligned against 000's full wording.
func TestAlignSeedCluster(t *testing.T) {
	useTestSimilarity(t)
	c := seedCluster(t, KindClause,
		seedSpan{0, `any future "significant, deliberate, and sustained armed attack" by Russia on Ukraine`},
		seedSpan{2, `any future “significant, intentional, and prolonged armed assault” by Russia beyond the agreed ceasefire line`},
		seedSpan{0, `In the event of a significant and sustained attack by Russia`},
	)
	al := Align(c, nil)
	if al.Pivot != 0 {
		t.Fatalf("pivot %d, want 0 (the wording closest to both others)", al.Pivot)
	}
	want := []struct {
		witness  int
		typ      VariationType
		from, to string
	}{
		{1, TypeSynonym, "deliberate", "intentional"},
		{1, TypeSynonym, "sustained", "prolonged"},
		{1, TypeSynonym, "attack", "assault"},
		{2, TypeOmission, "deliberate", ""},
	}
	for _, w := range want {
		found := false
		for _, v := range al.Variations {
			found = found || v.Witness == w.witness && v.Type == w.typ && v.From == w.from && v.To == w.to
		}
		if !found {
			t.Errorf("witness %d: no %s %q -> %q in %+v", w.witness, w.typ, w.from, w.to, al.Variations)
		}
	}
	for i := 1; i < len(al.Variations); i++ {
		if al.Variations[i-1].Type.Rank() > al.Variations[i].Type.Rank() {
			t.Errorf("variations not sorted by type: %s before %s", al.Variations[i-1].Type, al.Variations[i].Type)
		}
	}
}

// TestCoverageAndOrder checks the matrix row of each cluster (who carried
// it, who covered the story but left it out, who carried it first) and the
// report order. An outlet covered the story when one of its articles
// shares storyClusters (3) other clusters with the cluster's articles:
// Delta, which shares one statement with the others, did not.
func TestCoverageAndOrder(t *testing.T) {
	mk := func(id, outlet, published, text string) corpus.Document {
		return corpus.Document{Article: corpus.Article{ID: id, Source: id + ".txt", Outlet: outlet, Published: published, Text: text}}
	}
	docs := []corpus.Document{
		mk("a", "Alpha", "2025-11-21T10:00:00Z", "Kyiv will sign the deal. Peace is near. Talks end in Geneva. The envoy flew home."),
		mk("b", "Beta", "2025-11-20", "Kyiv will sign the deal. Talks end in Geneva. The envoy flew home."),
		mk("c", "Gamma", "", "Kyiv will not sign the deal. Peace is near."),
		mk("d", "Delta", "2025-11-19", "Unrelated story about football. The envoy flew home."),
		mk("e", "Epsilon", "", "Nothing here is carried by anyone else."),
	}
	w := func(d corpus.Document, s string) Witness {
		i := strings.Index(d.Text, s)
		return Witness{Article: d.ID, Source: d.Source, Outlet: d.Outlet, Start: i, End: i + len(s), Text: s}
	}
	clusters := []Cluster{
		{Kind: KindClause, Witnesses: []Witness{w(docs[0], "Peace is near."), w(docs[2], "Peace is near.")}},
		{Kind: KindClause, Witnesses: []Witness{w(docs[0], "Kyiv will sign the deal."), w(docs[1], "Kyiv will sign the deal."), w(docs[2], "Kyiv will not sign the deal.")}},
		{Kind: KindQuote, Witnesses: []Witness{w(docs[0], "Kyiv will sign"), w(docs[2], "Kyiv will not sign")}},
		{Kind: KindClause, Witnesses: []Witness{w(docs[0], "Talks end in Geneva."), w(docs[1], "Talks end in Geneva.")}},
		{Kind: KindClause, Witnesses: []Witness{w(docs[0], "The envoy flew home."), w(docs[1], "The envoy flew home."), w(docs[3], "The envoy flew home.")}},
	}
	r := NewReport("t", docs, clusters)
	if got := strings.Join(r.Outlets, ","); got != "Alpha,Beta,Gamma,Delta" {
		t.Errorf("outlets %q, want Alpha,Beta,Gamma,Delta (Epsilon carries nothing)", got)
	}
	tests := []struct {
		kind, status, text, carried, missing, first string
	}{
		{KindQuote, StatusQuotedDifferently, "Kyiv will sign", "Alpha,Gamma", "Beta", ""},
		{KindClause, "", "Kyiv will sign the deal.", "Alpha,Beta,Gamma", "", "Beta"},
		{KindClause, "", "The envoy flew home.", "Alpha,Beta,Delta", "Gamma", "Delta"},
		{KindClause, "", "Peace is near.", "Alpha,Gamma", "Beta", ""},
		{KindClause, "", "Talks end in Geneva.", "Alpha,Beta", "Gamma", "Beta"},
	}
	for i, tt := range tests {
		c := r.Clusters[i]
		if c.ID != i+1 || c.Kind != tt.kind || c.Status != tt.status || c.Witnesses[0].Text != tt.text {
			t.Errorf("cluster %d: id %d kind %q status %q %q, want kind %q status %q %q", i, c.ID, c.Kind, c.Status, c.Witnesses[0].Text, tt.kind, tt.status, tt.text)
		}
		got := [3]string{strings.Join(c.Coverage.Carried, ","), strings.Join(c.Coverage.Missing, ","), strings.Join(c.Coverage.First, ",")}
		if got != [3]string{tt.carried, tt.missing, tt.first} {
			t.Errorf("cluster %d coverage %q, want carried %q missing %q first %q", i+1, got, tt.carried, tt.missing, tt.first)
		}
	}
}

func TestQuoteConfirmed(t *testing.T) {
	useTestSimilarity(t)
	c := seedCluster(t, KindQuote, seedSpan{0, "transatlantic community"}, seedSpan{2, "transatlantic community"})
	if al := Align(c, nil); al.Status != StatusConfirmed || len(al.Variations) != 0 {
		t.Errorf("status %q with %d variations, want confirmed and none", al.Status, len(al.Variations))
	}
	c = seedCluster(t, KindQuote, seedSpan{1, "major achievement"}, seedSpan{2, "major win"})
	if al := Align(c, nil); al.Status != StatusQuotedDifferently {
		t.Errorf("status %q, want %q", al.Status, StatusQuotedDifferently)
	}
}

func TestAlignEmptyAndSingle(t *testing.T) {
	if al := Align(Cluster{}, nil); len(al.Rows) != 0 || len(al.Variations) != 0 {
		t.Errorf("empty cluster: %+v", al)
	}
	c := seedCluster(t, KindClause, seedSpan{0, "security guarantee"})
	al := Align(c, nil)
	if len(al.Rows) != 1 || al.Rows[0].Ops[0].Text != "security guarantee" {
		t.Errorf("single witness: %+v", al.Rows)
	}
	var b bytes.Buffer
	if err := WriteHTML(&b, NewReport("", nil, nil)); err != nil || !strings.Contains(b.String(), "No statement") {
		t.Errorf("empty report html: %v", err)
	}
}

// TestHTMLSaysWhatIsLeftOut: a page capped at some clusters says it holds
// the most widely carried of how many.
func TestHTMLSaysWhatIsLeftOut(t *testing.T) {
	r := NewReport("", nil, []Cluster{seedCluster(t, KindClause, seedSpan{0, "security guarantee"}, seedSpan{1, "security guarantees"})})
	r.Omitted = 4
	var b bytes.Buffer
	if err := WriteHTML(&b, r); err != nil {
		t.Fatal(err)
	}
	if want := "the 1 most widely carried of 5 statements"; !strings.Contains(b.String(), want) {
		t.Errorf("html summary lacks %q", want)
	}
}

func BenchmarkNewReportSeeds(b *testing.B) {
	docs := seedDocs()
	cs := seedClusters(b)
	for b.Loop() {
		NewReport("seeds", docs, cs)
	}
}

func TestNewReportOddClusters(t *testing.T) {
	docs := seedDocs()
	clusters := []Cluster{
		{}, // no witnesses
		{Witnesses: []Witness{{Article: "unknown", Source: "elsewhere.txt", Text: "a lone wording"}}},
		seedCluster(t, KindClause, seedSpan{0, "security guarantee"}, seedSpan{0, "security guarantee"}),
	}
	r := NewReport("odd", docs, clusters)
	if len(r.Clusters) != 3 {
		t.Fatalf("%d clusters, want 3", len(r.Clusters))
	}
	for _, f := range renderAll(t, r) {
		if len(f.Data) == 0 {
			t.Errorf("%s render is empty", f.Name)
		}
	}
}

// FuzzAlign aligns three arbitrary wordings as one cluster and renders the
// report in every format: no panic, no error, and every row rebuilds its
// witness's text.
func FuzzAlign(f *testing.F) {
	f.Add(`significant, deliberate, and sustained armed attack`, `significant, intentional, and prolonged armed assault`, `a significant and sustained attack`, true)
	f.Add("major achievement", "major win", "major win", true)
	f.Add("<script>x</script>", "a & b", "", false)
	f.Add("10 years", "ten years", "a decade", false)
	f.Add("I will [not] sign the deal", "I will sign the deal", "that (Russian President Vladimir) Putin told Mr Flynn", true)
	f.Fuzz(func(t *testing.T, a, b, c string, quote bool) {
		if len(a)+len(b)+len(c) > 3000 {
			return
		}
		kind := KindClause
		if quote {
			kind = KindQuote
		}
		var docs []corpus.Document
		cl := Cluster{Kind: kind}
		for i, s := range []string{a, b, c} {
			id := string(rune('a' + i))
			text := "Lead. " + s
			docs = append(docs, corpus.Document{Article: corpus.Article{ID: id, Source: id + ".txt", Text: text}})
			cl.Witnesses = append(cl.Witnesses, Witness{Article: id, Source: id + ".txt", Start: 6, End: len(text), Text: s})
		}
		r := NewReport("fuzz", docs, []Cluster{cl})
		al := r.Clusters[0]
		for _, row := range al.Rows {
			var sb strings.Builder
			for _, o := range row.Ops {
				if o.Op != OpDelete {
					sb.WriteString(o.Text)
				}
			}
			if w := al.Witnesses[row.Witness]; sb.String() != w.Text {
				t.Fatalf("row %d rebuilds %q, want %q", row.Witness, sb.String(), w.Text)
			}
		}
		renderAll(t, r)
	})
}

// TestSeedReportEndToEnd runs Clusters on the seeds and checks the typings
// issue 6 asks for, in either direction (the pivot decides which wording is
// the reference).
func TestSeedReportEndToEnd(t *testing.T) {
	docs := seedDocs()
	r := NewReport("seeds", docs, Clusters(docs, Options{}))
	if len(r.Clusters) == 0 {
		t.Fatal("no clusters on the seeds")
	}
	want := []struct {
		typ  VariationType
		x, y string
	}{
		{TypeSynonym, "deliberate", "intentional"},
		{TypeSynonym, "sustained", "prolonged"},
		{TypeNumber, "10", "ten"},
		// 000's second wording, "a significant and sustained attack".
		{TypeOmission, "deliberate", ""},
	}
	for _, w := range want {
		found := false
		for _, c := range r.Clusters {
			for _, v := range c.Variations {
				found = found || v.Type == w.typ && (v.From == w.x && v.To == w.y || v.From == w.y && v.To == w.x)
			}
		}
		if !found {
			t.Errorf("no %s variation %q/%q in the seed report", w.typ, w.x, w.y)
		}
	}
	texts := map[string]string{}
	for _, d := range docs {
		texts[d.ID] = d.Text
	}
	for _, c := range r.Clusters {
		for _, v := range c.Variations {
			p, w := c.Witnesses[c.Pivot], c.Witnesses[v.Witness]
			if texts[p.Article][v.AStart:v.AEnd] != v.From || texts[w.Article][v.BStart:v.BEnd] != v.To {
				t.Fatalf("cluster %d: variation %+v does not point into the articles", c.ID, v)
			}
		}
	}
	renderAll(t, r)
}

// BenchmarkReportBBC aligns and renders the clusters of BBC News
// (../shared/data/bbc-news, every 4th article: 557): NewReport, then the
// HTML and JSON Lines writers, each as its own sub-benchmark. Clusters run
// once, outside the timing.
func BenchmarkReportBBC(b *testing.B) {
	dir := os.Getenv("VARIORUM_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "data")
	}
	arts, _ := corpus.ReadAll([]string{filepath.Join(dir, "bbc-news")})
	if len(arts) == 0 {
		b.Skip("bbc-news: ../shared/data absent (set VARIORUM_DATA)")
	}
	var docs []corpus.Document
	for i, a := range arts {
		if i%4 == 0 {
			docs = append(docs, corpus.Document{Article: a})
		}
	}
	clusters := Clusters(docs, Options{})
	r := NewReport("bbc", docs, clusters)
	b.Run("NewReport", func(b *testing.B) {
		for b.Loop() {
			NewReport("bbc", docs, clusters)
		}
	})
	b.Run("WriteHTML", func(b *testing.B) {
		for b.Loop() {
			if err := WriteHTML(io.Discard, r); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("WriteJSONL", func(b *testing.B) {
		for b.Loop() {
			if err := WriteJSONL(io.Discard, r); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.ReportMetric(float64(len(clusters)), "clusters")
}

// TestNewReportAnyCores: NewReport, which aligns the clusters on all cores,
// gives the same report on one core as on several.
func TestNewReportAnyCores(t *testing.T) {
	docs := attributedTestDocs(t)
	cs := append(QuoteClusters(docs, Options{}), Clusters(docs, Options{})...)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one := NewReport("seeds", docs, cs)
	runtime.GOMAXPROCS(4)
	four := NewReport("seeds", docs, cs)
	if len(one.Clusters) < 10 {
		t.Fatalf("only %d clusters", len(one.Clusters))
	}
	if !reflect.DeepEqual(one, four) {
		t.Error("the report differs on one core and on four")
	}
}

// TestStyleFolded: the terminal and Markdown views list up to styleListed
// orthographic variations of a cluster one by one and sum up more in one
// line; the other types are always listed.
func TestStyleFolded(t *testing.T) {
	a := "The President said the ceasefire \"holds\" - for now - in Kyiv, Kharkiv and Odesa."
	b := "The president said the cease-fire ‘holds’ — for now — in Kiev, Kharkiv and Odessa today."
	docs := []corpus.Document{
		{Article: corpus.Article{ID: "a", Source: "a.txt", Outlet: "Alpha", Text: a}},
		{Article: corpus.Article{ID: "b", Source: "b.txt", Outlet: "Beta", Text: b}},
	}
	c := Cluster{Kind: KindClause, Witnesses: []Witness{
		{Article: "a", Source: "a.txt", Outlet: "Alpha", Start: 0, End: len(a), Text: a},
		{Article: "b", Source: "b.txt", Outlet: "Beta", Start: 0, End: len(b), Text: b},
	}}
	r := NewReport("t", docs, []Cluster{c})
	style := r.Clusters[0].Types[TypeOrthographic]
	if style <= styleListed || r.Clusters[0].Types[TypeAddition] == 0 {
		t.Fatalf("types %v: the fixture needs more than %d orthographic variations and an addition", r.Clusters[0].Types, styleListed)
	}
	var text, md strings.Builder
	if err := WriteText(&text, r, false); err != nil {
		t.Fatal(err)
	}
	if err := WriteMarkdown(&md, r); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"text": text.String(), "markdown": md.String()} {
		if n := strings.Count(out, "orthographic"); n != 2 {
			t.Errorf("%s: orthographic named %d times, want in the header and the one summary:\n%s", name, n, out)
		}
		if !strings.Contains(out, fmt.Sprintf("%d differences of case", style)) || !strings.Contains(out, "today") {
			t.Errorf("%s: no summary of %d or no addition listed:\n%s", name, style, out)
		}
	}
}

// TestHTMLChipsCountClusters: a type chip filters the clusters, so its
// number is how many clusters the filter shows (the articles whose
// data-types hold the type), not how many differences of the type there are.
func TestHTMLChipsCountClusters(t *testing.T) {
	r := NewReport("seeds", seedDocs(), seedClusters(t))
	var b bytes.Buffer
	if err := WriteHTML(&b, r); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	chip := regexp.MustCompile(`data-type="(\w+)" aria-pressed="false"[^>]*><span class="dot"></span>\w+ (\d+)</button>`)
	articles := regexp.MustCompile(`<article class="cluster[^"]*" id="cluster-\d+" data-types="([^"]*)"`).FindAllStringSubmatch(page, -1)
	chips := chip.FindAllStringSubmatch(page, -1)
	if len(chips) == 0 || len(articles) == 0 {
		t.Fatalf("found %d chips and %d cluster articles in the page", len(chips), len(articles))
	}
	for _, c := range chips {
		shown := 0
		for _, a := range articles {
			if slices.Contains(strings.Fields(a[1]), c[1]) {
				shown++
			}
		}
		if strconv.Itoa(shown) != c[2] {
			t.Errorf("chip %s says %s; its filter shows %d clusters", c[1], c[2], shown)
		}
	}
}

// TestMatrixNamesHiddenOutlets: past maxMatrixColumns outlets the matrix
// keeps those carrying the most clusters and names the others when they are
// few, in the HTML and Markdown reports.
func TestMatrixNamesHiddenOutlets(t *testing.T) {
	var r Report
	for i := range maxMatrixColumns + 2 {
		r.Outlets = append(r.Outlets, fmt.Sprintf("Outlet %02d", i))
	}
	// Every outlet carries the first cluster; all but 03 and 07 the second.
	var all, most []string
	for _, o := range r.Outlets {
		all = append(all, o)
		if o != "Outlet 03" && o != "Outlet 07" {
			most = append(most, o)
		}
	}
	for i, carried := range [][]string{all, most} {
		r.Clusters = append(r.Clusters, Aligned{Cluster: Cluster{ID: i + 1, Kind: KindClause, Witnesses: []Witness{{Text: "a statement"}}}, Coverage: &Coverage{Carried: carried}})
	}
	cols, hidden := matrixColumns(r)
	if len(cols) != maxMatrixColumns || !slices.Equal(hidden, []string{"Outlet 03", "Outlet 07"}) {
		t.Fatalf("matrixColumns: %d columns, hidden %q; want %d and Outlet 03, Outlet 07", len(cols), hidden, maxMatrixColumns)
	}
	var h, m bytes.Buffer
	if err := WriteHTML(&h, r); err != nil {
		t.Fatal(err)
	}
	if err := WriteMarkdown(&m, r); err != nil {
		t.Fatal(err)
	}
	for name, page := range map[string]string{"html": h.String(), "markdown": m.String()} {
		if !strings.Contains(page, "not shown: Outlet 03, Outlet 07") {
			t.Errorf("the %s report does not name the outlets its matrix leaves out", name)
		}
	}
	if got := hiddenNote(make([]string, 9)); got != "9 more not shown" {
		t.Errorf("hiddenNote of 9 = %q", got)
	}
}

// TestWitnessLabelAgain: an article that states a cluster's statement twice
// has two rows; the one shown second (the reference row comes first) is
// marked "again".
func TestWitnessLabelAgain(t *testing.T) {
	a := Aligned{Cluster: Cluster{Witnesses: []Witness{
		{Article: "x", Source: "x.txt", Start: 100},
		{Article: "y", Source: "y.txt", Start: 10},
		{Article: "x", Source: "x.txt", Start: 900},
		{Article: "z", Source: "z.txt", Start: 10},
		{Article: "z", Source: "z.txt", Start: 500},
	}}, Pivot: 2}
	want := []string{"x.txt, again", "y.txt", "x.txt", "z.txt", "z.txt, again"}
	for k, w := range want {
		if got := witnessLabel(a, k); got != w {
			t.Errorf("witnessLabel(%d) = %q, want %q", k, got, w)
		}
	}
}

func TestSimText(t *testing.T) {
	for x, want := range map[float64]string{1: "1.00", 0.9999: "0.99", 0.995: "0.99", 0.994: "0.99", 0.5: "0.50", 0: "0.00"} {
		if got := simText(x); got != want {
			t.Errorf("simText(%v) = %q, want %q", x, got, want)
		}
	}
}

// TestSelfRowNotCounted: the reference article's other passage differs
// from it within one outlet; the page's badges and the serious count leave
// that out, and count the other outlet's difference.
func TestSelfRowNotCounted(t *testing.T) {
	a := Aligned{Cluster: Cluster{Witnesses: []Witness{{Article: "x"}, {Article: "x"}, {Article: "y"}}}, Pivot: 0,
		Variations: []Variation{{Type: TypeOmission, Witness: 1, From: "deliberate"}, {Type: TypeSubstantive, Witness: 2, From: "a", To: "b"}}}
	if got := shownTypes(a); got[TypeOmission] != 0 || got[TypeSubstantive] != 1 || serious(a) != 1 {
		t.Errorf("shownTypes %v, serious %d: want only y's substantive difference", got, serious(a))
	}
}

// TestQuotedDifferentlyOrder: of the quotes outlets word differently, one
// with a changed word comes before one whose words differ only in form,
// though the latter is carried by more outlets.
func TestQuotedDifferentlyOrder(t *testing.T) {
	mk := func(id, text string) corpus.Document {
		return corpus.Document{Article: corpus.Article{ID: id, Source: id + ".txt", Outlet: strings.ToUpper(id), Text: text}}
	}
	docs := []corpus.Document{
		mk("a", `He promised "detailed proposals" and called it "a major win" for Kyiv.`),
		mk("b", `He promised "detailed proposal" and called it "a major achievement" for Kyiv.`),
		mk("c", `He promised "detailed proposals" on Monday.`),
	}
	w := func(d corpus.Document, s string) Witness {
		i := strings.Index(d.Text, s)
		return Witness{Article: d.ID, Source: d.Source, Outlet: d.Outlet, Start: i, End: i + len(s), Text: s}
	}
	clusters := []Cluster{
		{Kind: KindQuote, Witnesses: []Witness{w(docs[0], "detailed proposals"), w(docs[1], "detailed proposal"), w(docs[2], "detailed proposals")}},
		{Kind: KindQuote, Witnesses: []Witness{w(docs[0], "a major win"), w(docs[1], "a major achievement")}},
	}
	r := NewReport("t", docs, clusters)
	var got []string
	for _, c := range r.Clusters {
		if c.Status != StatusQuotedDifferently {
			t.Errorf("cluster %q: status %q, want quoted differently", c.Witnesses[0].Text, c.Status)
		}
		got = append(got, c.Witnesses[0].Text)
	}
	if want := []string{"a major win", "detailed proposals"}; !slices.Equal(got, want) {
		t.Errorf("report order %q, want %q: the changed word first", got, want)
	}
}
