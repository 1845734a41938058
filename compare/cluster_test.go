package compare

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/variorum/variorum/corpus"
)

// sampleDocs is the embedded sample corpus as documents, with sentences
// found by the package's fallback splitter (lines, then sentence ends).
func sampleDocs() []corpus.Document {
	var docs []corpus.Document
	for _, a := range corpus.Sample() {
		docs = append(docs, corpus.Document{Article: a, Sentences: splitSentences(a.Text)})
	}
	return docs
}

// statement is one statement the seed articles share: for each article
// (by the first three characters of its source) that must carry it, the
// phrases one of which its witness holds. Markers identify the statement in
// any witness, for the test that no cluster mixes two statements.
type statement struct {
	name     string
	required map[string][]string
	markers  []string
}

var seedStatements = []statement{
	{
		name: "attack definition",
		required: map[string][]string{
			"000": {"significant, deliberate, and sustained armed attack"},
			"001": {"“significant, deliberate, and sustained” Russian military offensive"},
			"002": {"significant, intentional, and prolonged armed assault", "armed attack by Russia beyond the agreed ceasefire line"},
		},
		markers: []string{"sustained armed attack", "sustained” Russian military offensive", "prolonged armed"},
	},
	{
		name: "ten-year term and renewal",
		required: map[string][]string{
			"000": {"valid for 10 years"},
			"001": {"last a decade"},
			"002": {"would be ten years", "valid for ten years"},
		},
		markers: []string{"10 years", "ten years", "a decade"},
	},
	{
		name: "signatories",
		required: map[string][]string{
			"000": {"signatures from Ukraine, the US, the EU, NATO, and Russia"},
			"001": {"signatures from Ukraine, the US, the EU, Nato, and Russia"},
			"003": {"signatures of Ukraine, Russia, the United States, the European Union and NATO"},
		},
		markers: []string{"signatures from Ukraine", "signatures of Ukraine"},
	},
	{
		name: "Moscow informed",
		required: map[string][]string{
			"000": {"Russia has been briefed about the draft"},
			"002": {"Moscow has been informed of the draft"},
			"003": {"Moscow has been informed of the draft"},
		},
		markers: []string{"briefed about the draft", "informed of the draft"},
	},
	{
		name: "Putin's signature",
		required: map[string][]string{
			"000": {"Putin's signature will ultimately be required"},
			"002": {"Putin’s signature will ultimately be required"},
		},
		markers: []string{"Putin's signature", "Putin’s signature", "Putin will accept"},
	},
	{
		name: "NATO members",
		required: map[string][]string{
			"002": {"France, the UK, Germany, Poland, and Finland"},
			"003": {"France, the United Kingdom, Germany, Poland and Finland"},
		},
		markers: []string{"Poland, and Finland", "Poland and Finland"},
	},
	{
		name: "Thanksgiving deadline",
		required: map[string][]string{
			"002": {"November 27—the U.S. Thanksgiving"},
			"003": {"Thanksgiving on 27 November"},
		},
		markers: []string{"Thanksgiving"},
	},
	{
		name: "Witkoff drafted the plan",
		required: map[string][]string{
			"000": {"drafting the 28-point plan was Trump's envoy Steve Witkoff"},
			"002": {"Steve Witkoff—responsible for drafting the 28-point plan"},
		},
		markers: []string{"Witkoff"},
	},
	{
		name:    "Kremlin not yet informed", // must not join "Moscow informed"
		markers: []string{"Kremlin has not yet been informed"},
	},
	{
		name: "Zelensky received the draft",
		required: map[string][]string{
			"000": {"whose office said he had received a draft"},
			"003": {"Zelensky confirmed receiving the American proposals"},
		},
		markers: []string{"had received a draft", "confirmed receiving"},
	},
	{
		name:    "Kremlin did not receive it", // must not join "Zelensky received"
		markers: []string{"had not officially received the draft"},
	},
}

func TestClustersSeeds(t *testing.T) {
	docs := sampleDocs()
	cs := Clusters(docs, Options{})
	if len(cs) == 0 {
		t.Fatal("no clusters on the sample corpus")
	}
	for _, st := range seedStatements {
		if len(st.required) == 0 {
			continue
		}
		t.Run(st.name, func(t *testing.T) {
			for _, c := range cs {
				if holdsAll(c, st.required) {
					return
				}
			}
			t.Errorf("no cluster holds all of %v", st.required)
			for _, c := range cs {
				for _, w := range c.Witnesses {
					if markerOf(w.Text, []statement{st}) != nil {
						t.Logf("cluster %d has %s: %q", c.ID, w.Source[:3], w.Text)
					}
				}
			}
		})
	}
}

// holdsAll reports whether c has, for every required article, a witness
// from it that contains one of the article's phrases.
func holdsAll(c Cluster, required map[string][]string) bool {
	for art, phrases := range required {
		found := false
		for _, w := range c.Witnesses {
			if !strings.HasPrefix(w.Source, art) {
				continue
			}
			for _, p := range phrases {
				if strings.Contains(w.Text, p) {
					found = true
				}
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// markerOf returns the names of the statements whose markers text holds.
func markerOf(text string, sts []statement) map[string]bool {
	var out map[string]bool
	for _, st := range sts {
		for _, m := range st.markers {
			if strings.Contains(text, m) {
				if out == nil {
					out = make(map[string]bool)
				}
				out[st.name] = true
			}
		}
	}
	return out
}

// TestClustersDoNotMix checks that no cluster holds two witnesses about
// different statements: a witness carrying statements {A} and another
// carrying {B} in one cluster is a mix; {A, B} with {B} is not (a long
// sentence may carry two statements).
func TestClustersDoNotMix(t *testing.T) {
	for _, c := range Clusters(sampleDocs(), Options{}) {
		var sets []map[string]bool
		for _, w := range c.Witnesses {
			if s := markerOf(w.Text, seedStatements); s != nil {
				sets = append(sets, s)
			}
		}
		for i := range sets {
			for j := i + 1; j < len(sets); j++ {
				if disjoint(sets[i], sets[j]) {
					t.Errorf("cluster %d mixes %v and %v:", c.ID, keys(sets[i]), keys(sets[j]))
					for _, w := range c.Witnesses {
						t.Logf("  %s: %q", w.Source[:3], w.Text)
					}
				}
			}
		}
	}
}

func disjoint(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return false
		}
	}
	return true
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestClustersInvariants checks what every cluster promises: witness text
// is the article's text at its offsets, witnesses of one article apart and
// at most 1+maxRestatements of them, at least
// MinArticles articles, IDs 1..n in order, similarity in (0, 1], clusters
// sorted by the number of articles, and the same output on a second run.
func TestClustersInvariants(t *testing.T) {
	docs := sampleDocs()
	text := make(map[string]string)
	for _, d := range docs {
		text[d.ID] = d.Text
	}
	for _, opts := range []Options{{}, {MinArticles: 3}, {Threshold: 0.7}} {
		cs := Clusters(docs, opts)
		min := max(opts.MinArticles, 2)
		for i, c := range cs {
			if c.ID != i+1 {
				t.Errorf("cluster %d has ID %d", i+1, c.ID)
			}
			if c.Kind != KindClause {
				t.Errorf("cluster %d: kind %q", c.ID, c.Kind)
			}
			if n := c.Articles(); n < min {
				t.Errorf("cluster %d: %d articles, want ≥ %d", c.ID, n, min)
			}
			if c.Similarity <= 0 || c.Similarity > 1 {
				t.Errorf("cluster %d: similarity %v", c.ID, c.Similarity)
			}
			if i > 0 && cs[i-1].Articles() < c.Articles() {
				t.Errorf("cluster %d has more articles than cluster %d", c.ID, c.ID-1)
			}
			byArticle := make(map[string][]Witness)
			for _, w := range c.Witnesses {
				for _, o := range byArticle[w.Article] {
					if w.Start < o.End && o.Start < w.End {
						t.Errorf("cluster %d: article %s gives overlapping witnesses %q and %q", c.ID, w.Article, o.Text, w.Text)
					}
				}
				byArticle[w.Article] = append(byArticle[w.Article], w)
				if got := text[w.Article][w.Start:w.End]; got != w.Text {
					t.Errorf("cluster %d: witness text %q is not the article's %q", c.ID, w.Text, got)
				}
			}
			for a, ws := range byArticle {
				if len(ws) > 1+maxRestatements {
					t.Errorf("cluster %d: article %s gives %d witnesses, want ≤ %d", c.ID, a, len(ws), 1+maxRestatements)
				}
			}
		}
		if again := Clusters(docs, opts); !reflect.DeepEqual(cs, again) {
			t.Errorf("options %+v: second run differs", opts)
		}
	}
}

func TestClustersEdgeCases(t *testing.T) {
	one := corpus.Document{Article: corpus.Article{ID: "a", Text: "The same sentence here, said twice. The same sentence here, said twice."}}
	tests := []struct {
		name string
		docs []corpus.Document
	}{
		{"nil", nil},
		{"empty text", []corpus.Document{{Article: corpus.Article{ID: "x"}}}},
		{"one article", []corpus.Document{one}},
		{"bad spans", []corpus.Document{{Article: corpus.Article{ID: "y", Text: "short"}, Sentences: []corpus.Span{{Start: 3, End: 99}, {Start: -1, End: 2}}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if cs := Clusters(tc.docs, Options{}); len(cs) != 0 {
				t.Errorf("got %d clusters, want none", len(cs))
			}
		})
	}
}

// TestRestatementNotRepeat: an article that prints the same words twice
// (in a caption and again in the story) gives the cluster those words once.
func TestRestatementNotRepeat(t *testing.T) {
	docs := []corpus.Document{
		{Article: corpus.Article{ID: "a", Outlet: "A", Text: "Tom Perez, the chairman of the Democratic Party, during the party's winter meeting in Atlanta last February.\n" +
			"The sweeping lawsuit startled Republicans in Washington. Tom Perez, the chairman of the Democratic Party, said the committee had alerted " +
			"Senate Minority Leader Chuck Schumer and House Minority Leader Nancy Pelosi, the top Democrats in Congress, before it filed."}},
		{Article: corpus.Article{ID: "b", Outlet: "B", Text: "The lawsuit was filed on Friday, said Tom Perez, chair of the Democratic Party."}},
		{Article: corpus.Article{ID: "c", Outlet: "C", Text: "The lawsuit is a fight for democracy, said Tom Perez, the chairman of the Democratic Party, in a statement."}},
	}
	for _, c := range Clusters(docs, Options{}) {
		seen := map[string]bool{}
		for _, w := range c.Witnesses {
			k := w.Article + "\x00" + strings.Trim(w.Text, ",. ")
			if seen[k] {
				t.Errorf("cluster %d: article %s gives %q twice", c.ID, w.Article, w.Text)
			}
			seen[k] = true
		}
	}
}

// FuzzClusters runs the whole comparison on articles made of fuzzed text:
// nothing may panic, every witness is its article's text at its offsets,
// and the report renders in every form.
func FuzzClusters(f *testing.F) {
	seeds := sampleDocs()
	f.Add(seeds[0].Text[:min(len(seeds[0].Text), 1500)], seeds[2].Text[:min(len(seeds[2].Text), 1500)])
	f.Add(`"These memos are significant," said a statement from Chairman Bob Goodlatte, R-Va., on Friday.`,
		`"These memos are significant for both what is in them," a statement from House Judiciary Chairman Bob Goodlatte said.`)
	f.Add("Tom Perez, the chairman of the Democratic Party.\nTom Perez, the chairman of the Democratic Party, said so.", "Tom Perez, chair of the Democratic Party, said so.")
	f.Add("“\" ' ” ‘’ \"\" ,\" said", "\xff\xfe , , ; : — – -")
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a)+len(b) > 6000 {
			return
		}
		var docs []corpus.Document
		for i, s := range []string{a, b, a + "\n" + b, b + " " + a} {
			id := string(rune('a' + i))
			// Quotes credited to the words after them, so that clauses
			// that only attribute them are met too.
			qs := scanTestQuotes(s)
			for k := range qs {
				qs[k].SpeakerStart, qs[k].SpeakerEnd = qs[k].End+2, qs[k].End+30
			}
			docs = append(docs, corpus.Document{Article: corpus.Article{ID: id, Source: id + ".txt", Outlet: id, Text: s}, Quotes: qs})
		}
		text := map[string]string{}
		for _, d := range docs {
			text[d.ID] = d.Text
		}
		cs := Clusters(docs, Options{})
		for _, c := range cs {
			for _, w := range c.Witnesses {
				if w.Start < 0 || w.End > len(text[w.Article]) || w.Start > w.End || text[w.Article][w.Start:w.End] != w.Text {
					t.Fatalf("cluster %d: witness [%d,%d) %q is not its article's text", c.ID, w.Start, w.End, w.Text)
				}
			}
		}
		renderAll(t, NewReport("fuzz", docs, cs))
	})
}

// TestClustersStages checks that Options.Stage hears every stage once, in
// order, and that listening changes nothing.
func TestClustersStages(t *testing.T) {
	docs := sampleDocs()
	var got []string
	cs := Clusters(docs, Options{Stage: func(s string) { got = append(got, s) }})
	want := []string{StageSegment, StageGroup, StageCandidates, StageScore, StageCluster, StageWitnesses, StageRestatements}
	if !reflect.DeepEqual(got, want) || len(want) != Stages {
		t.Errorf("stages = %q, want %q (Stages = %d)", got, want, Stages)
	}
	if plain := Clusters(docs, Options{}); !reflect.DeepEqual(cs, plain) {
		t.Errorf("Clusters with Stage set gave %d clusters, without %d", len(cs), len(plain))
	}
}

// variantDocs makes n articles that each word the same few statements a
// little differently (words dropped or swapped for a synonym, at random
// but the same every run), with a sentence of their own between them: big
// clusters of many distinct spans, as a wire story carried by many outlets
// gives.
func variantDocs(n int) []corpus.Document {
	statements := []string{
		"The guarantee would apply in the event of a significant, deliberate and sustained armed attack on the country",
		"Officials said the agreement would remain valid for ten years and could be renewed by all parties",
		"The draft requires signatures from Ukraine, the United States, the European Union, NATO and Russia",
		"Moscow was informed of the proposal on Tuesday and has not yet given any formal response to it",
	}
	swaps := map[string]string{"significant": "major", "deliberate": "intentional", "sustained": "prolonged",
		"attack": "assault", "said": "stated", "agreement": "deal", "ten": "10", "informed": "told",
		"proposal": "plan", "formal": "official", "requires": "needs"}
	r := rand.New(rand.NewPCG(1, 2))
	var docs []corpus.Document
	for i := range n {
		var b strings.Builder
		for j, st := range statements {
			var ws []string
			for _, w := range strings.Fields(st) {
				switch x := r.IntN(10); {
				case x == 0 && len(ws) > 0:
					continue // dropped
				case x < 4 && swaps[w] != "":
					w = swaps[w]
				}
				ws = append(ws, w)
			}
			fmt.Fprintf(&b, "%s. Reporter %d filed note %d from the capital today. ", strings.Join(ws, " "), i, j)
		}
		text := b.String()
		docs = append(docs, corpus.Document{
			Article:   corpus.Article{ID: fmt.Sprint("v", i), Outlet: fmt.Sprint("outlet", i%7), Text: text},
			Sentences: splitSentences(text),
		})
	}
	return docs
}

// TestClustersAnyCores: the stages that share their work among cores
// (scoring, witnesses, restatements) give the same clusters on one core as
// on several. Run it with -race too.
func TestClustersAnyCores(t *testing.T) {
	docs := variantDocs(60)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one := Clusters(docs, Options{})
	runtime.GOMAXPROCS(4)
	many := Clusters(docs, Options{})
	if len(one) == 0 || one[0].Articles() < 30 {
		t.Fatalf("want a cluster of most of the 60 articles, got %d clusters", len(one))
	}
	if !reflect.DeepEqual(one, many) {
		t.Errorf("one core gave %d clusters, four gave %d, or the same number with different witnesses", len(one), len(many))
	}
}

// TestClustersSkipAttributions: a clause that only attributes a quote
// ("…," Maria Lopez wrote on Telegram late on Friday.) is no statement, so
// two articles quoting different things with the same attribution share no
// cluster. The clause has no shape wordsCreditOnly knows: the quote's speaker
// marks it.
func TestClustersSkipAttributions(t *testing.T) {
	doc := func(id, quote, rest string) corpus.Document {
		text := "“" + quote + ",” " + rest
		sp := strings.Index(text, "Maria")
		d := corpus.Document{Article: corpus.Article{ID: id, Outlet: id, Text: text}, Sentences: splitSentences(text)}
		d.Quotes = []corpus.Quote{{Start: len("“"), End: len("“") + len(quote), SpeakerStart: sp, SpeakerEnd: sp + len("Maria Lopez")}}
		return d
	}
	const attribution = "Maria Lopez wrote on Telegram late on Friday."
	docs := []corpus.Document{
		doc("a", "Our sales in Asia will double over the next two years", attribution),
		doc("b", "We are closing three factories in the north of England", attribution),
	}
	if cs := Clusters(docs, Options{}); len(cs) != 0 {
		t.Errorf("got %d clusters, want none: %q", len(cs), cs[0].Witnesses[0].Text)
	}
	// Without the quotes nothing marks the clause as an attribution.
	for i := range docs {
		docs[i].Quotes = nil
	}
	if cs := Clusters(docs, Options{}); len(cs) != 1 {
		t.Errorf("without quotes: got %d clusters, want the attribution's", len(cs))
	}
}

func TestWordsCreditOnly(t *testing.T) {
	tests := []struct {
		clause string
		want   bool
	}{
		{"Lib Dem home affairs spokesman Mark Oaten said", true},
		{"Tory leader Michael Howard has claimed.", true},
		{"the firm's chief has told BBC News.", true},
		{"Speaking on BBC Radio 4", true},
		{"” one US official told Axios.", true},
		{"Jean-Michel Lemetayer, from the FNSEA agricultural union, told the Associated Press news agency.", true},
		// Something said before the cue, or after it.
		{"thus flattering the December figures, analysts said.", false},
		{"foreign sales could come under pressure analysts said", false},
		{"he told reporters prices would rise", false},
		{"told BBC Radio 4's Today programme that the plans were inadequate", false},
		{"It also said the Indian government had told it to pay a production tax", false},
		{"look at exactly what happened, ” she said.", false},
		{"The plan covers ten years of guarantees", false},
		{"said", false},
	}
	for _, tc := range tests {
		if got := wordsCreditOnly(Tokenize(tc.clause)); got != tc.want {
			t.Errorf("wordsCreditOnly(%q) = %v, want %v", tc.clause, got, tc.want)
		}
	}
}

// TestClustersNumbersAlone: spans of numbers alone (tennis scores, table
// rows) are no statements, however many numbers two articles share.
func TestClustersNumbersAlone(t *testing.T) {
	docs := []corpus.Document{
		{Article: corpus.Article{ID: "a", Outlet: "a", Text: "Federer beat the Swiss qualifier easily on Tuesday. (7-3) 6-3 (8-6) 7-5 4-6."}},
		{Article: corpus.Article{ID: "b", Outlet: "b", Text: "Rain delayed the women's final by two hours. (7-3) 6-3 (8-6) 7-5 4-6."}},
	}
	for i := range docs {
		docs[i].Sentences = splitSentences(docs[i].Text)
	}
	if cs := Clusters(docs, Options{}); len(cs) != 0 {
		t.Errorf("got %d clusters, want none: %q", len(cs), cs[0].Witnesses[0].Text)
	}
}

// TestLinksAgreesWithMean: links, which scores only the similarities its
// answer needs, answers as the full mean of the best similarity per pair of
// documents does, whatever the memo already holds, and at levels just
// around that mean.
func TestLinksAgreesWithMean(t *testing.T) {
	m := newMatcher(variantDocs(30), Options{}.withDefaults())
	m.buildClasses()
	if len(m.classes) < 40 {
		t.Fatalf("only %d classes", len(m.classes))
	}
	// mean is linkage as defined: every similarity scored, the best per
	// pair of documents, averaged.
	mean := func(a, b []int32) float64 {
		a, b = a[:min(len(a), maxLinkSample)], b[:min(len(b), maxLinkSample)]
		best := map[[2]int]float64{}
		for _, x := range a {
			for _, y := range b {
				dxs, dys := m.classes[x].docs, m.classes[y].docs
				for _, dx := range dxs[:min(len(dxs), maxLinkDocs)] {
					for _, dy := range dys[:min(len(dys), maxLinkDocs)] {
						if dx == dy {
							continue
						}
						s := 1.0
						if x != y {
							s = m.scorer.score(m.profile(x), m.profile(y))
						}
						k := [2]int{dx, dy}
						if v, ok := best[k]; !ok || s > v {
							best[k] = s
						}
					}
				}
			}
		}
		if len(best) == 0 {
			return 0
		}
		var sum float64
		for _, v := range best {
			sum += v
		}
		return sum / float64(len(best))
	}
	r := rand.New(rand.NewPCG(3, 4))
	pick := func() []int32 {
		g := make([]int32, 1+r.IntN(10))
		for i := range g {
			g[i] = int32(r.IntN(len(m.classes)))
		}
		return g
	}
	tests := 0
	for range 300 {
		a, b := pick(), pick()
		want := mean(a, b)
		for _, level := range []float64{0.1, 0.3, 0.5, 0.7, want - 1e-6, want + 1e-6} {
			m.memo = simMemo{m: m} // nothing known, then some of it
			if got := m.links(a, b, level); got != (want >= level) {
				t.Fatalf("links(%v, %v, %.6f) = %v with an empty memo; mean %.6f", a, b, level, got, want)
			}
			if got := m.links(a, b, level); got != (want >= level) {
				t.Fatalf("links(%v, %v, %.6f) = %v the second time; mean %.6f", a, b, level, got, want)
			}
			tests++
		}
	}
	t.Logf("%d tests", tests)
}

// TestClustersNewsWCL50 clusters the clauses of five outlets' reports of
// five events and prints how many clusters cross events: a statement of
// one event carried by a report of another is a match on topic alone (the
// two Korea events and the two Russia-inquiry events share some real
// statements, so crossing is a loose measure of precision, not a count of
// errors).
func TestClustersNewsWCL50(t *testing.T) {
	docs, event := newsWCL50Docs(t)
	cs := Clusters(docs, Options{})
	cross := 0
	for _, c := range cs {
		for _, w := range c.Witnesses[1:] {
			if event[w.Article] != event[c.Witnesses[0].Article] {
				cross++
				var b strings.Builder
				for _, x := range c.Witnesses {
					fmt.Fprintf(&b, " [%s %q]", event[x.Article], x.Text)
				}
				t.Logf("cluster %d (%.3f) crosses events:%s", c.ID, c.Similarity, b.String())
				break
			}
		}
	}
	t.Logf("NewsWCL50: %d articles, %d clause clusters, %d of them cross events", len(docs), len(cs), cross)
	if len(cs) == 0 || float64(cross) > 0.2*float64(len(cs)) {
		t.Errorf("%d of %d clause clusters cross events, want at most 20%%", cross, len(cs))
	}
}

// TestMatchedWitnesses checks that a witness matching no other at the
// linkage level is dropped, and that a pair that match each other stays.
func TestMatchedWitnesses(t *testing.T) {
	link := linkFactor * DefaultThreshold
	for _, c := range []struct {
		name string
		n    int                  // witnesses 0..n-1
		sims map[[2]int32]float64 // unlisted pairs: 0
		want []int32
	}{
		{"all matched", 3, map[[2]int32]float64{{0, 1}: 0.9, {1, 2}: link}, []int32{0, 1, 2}},
		{"one matches none", 3, map[[2]int32]float64{{0, 1}: 0.9, {0, 2}: link - 0.01}, []int32{0, 1}},
		{"none match", 3, map[[2]int32]float64{{0, 1}: 0.2}, nil},
		// 5 is within maxCompare after 0, and 0 within maxCompare before
		// 5 but not after it.
		{"a match seen from one side only", 40, map[[2]int32]float64{{0, 5}: 0.9}, []int32{0, 5}},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := make([]int32, c.n)
			for i := range w {
				w[i] = int32(i)
			}
			m := &matcher{opts: Options{}.withDefaults(), classOf: w}
			sim := func(a, b int32) float64 {
				return c.sims[[2]int32{min(a, b), max(a, b)}]
			}
			if got := m.matchedWitnesses(w, sim); !slices.Equal(got, c.want) {
				t.Errorf("matchedWitnesses = %v, want %v", got, c.want)
			}
		})
	}
}

// TestClustersAcrossStories: spans of articles that tell different stories
// pair only on more evidence than spans of one story. A stock phrase that a
// story about a flood and one about a lawsuit share in different words
// joins nothing; a sentence both repeat word for word, and a results table
// and its write-up that give the same two figures, still cluster.
func TestClustersAcrossStories(t *testing.T) {
	flood := []string{
		"Floods swept through the valley towns of Riverton and Milbrook on Monday, forcing thousands of residents from their homes.",
		"Rescue crews in boats pulled stranded families from rooftops as the river burst its banks after three days of torrential rain.",
		"The regional governor declared a state of emergency and asked the army to help build sandbag walls around the hospital.",
	}
	lawsuit := []string{
		"The party filed a lawsuit in federal court on Friday accusing the campaign of conspiring to steal its emails.",
		"The complaint names the campaign chairman and several advisers as defendants and seeks millions of dollars in damages.",
		"Lawyers for the campaign called the suit frivolous and said they would ask the judge to dismiss it quickly.",
	}
	const (
		stockA     = "The Washington Post first reported the governor's visit."
		stockB     = "According to the Washington Post, who first reported the party's lawsuit."
		rateClause = "The central bank raised its main interest rate to 4.5 per cent on Thursday"
		repeated   = rateClause + ", its third rise this year."
		table      = "Pre-tax profit 121.1 mln stg vs 109.3 mln."
		writeUp    = "Pearson reported 1986 pre-tax profit of 121.1 mln stg, up from 109.3 mln in 1985."
	)
	doc := func(id string, sents ...string) corpus.Document {
		text := strings.Join(sents, " ")
		return corpus.Document{Article: corpus.Article{ID: id, Source: id + ".txt", Outlet: id, Text: text}, Sentences: splitSentences(text)}
	}
	// Each outlet words its story a little differently; one pair of
	// articles carries the stock phrases, another the repeated sentence,
	// a third the figures.
	docs := []corpus.Document{
		doc("flood1", flood[0], flood[1], flood[2], stockA),
		doc("flood2", flood[0], flood[2], "Residents waited on rooftops for rescue crews.", repeated),
		doc("flood3", flood[1], flood[0], "Hospital staff filled sandbags through the night.", table),
		doc("suit1", lawsuit[0], lawsuit[1], lawsuit[2], stockB),
		doc("suit2", lawsuit[0], lawsuit[2], "The judge set a hearing for next month.", repeated),
		doc("suit3", lawsuit[1], lawsuit[0], "Emails were stolen from the party's servers.", writeUp),
	}
	var stock, rate, figures bool
	for _, c := range Clusters(docs, Options{}) {
		texts := make(map[string]bool)
		for _, w := range c.Witnesses {
			texts[w.Text] = true
		}
		switch {
		case texts[stockA] && texts[stockB]:
			stock = true
		case texts[repeated]: // the whole sentence, which holds the clause
			rate = true
		case texts[table] && texts[writeUp]:
			figures = true
		}
	}
	if stock {
		t.Errorf("the two stories' stock phrases %q and %q were clustered", stockA, stockB)
	}
	if !rate {
		t.Errorf("the sentence both stories repeat, %q, is in no cluster", repeated)
	}
	if !figures {
		t.Errorf("%q and %q, which give the same figures, are in no cluster", table, writeUp)
	}
}

// TestClustersSentenceAroundIdenticalClause: three outlets word a clause
// alike and the sentence around it differently (5% against 7%). The report
// must show the sentences, not only the clause worded alike everywhere: the
// best-matching witness of each article is the clause, which hid the
// difference. Where the sentence is worded alike too, it is shown whole,
// once.
func TestClustersSentenceAroundIdenticalClause(t *testing.T) {
	const clause = "The minister said the budget (approved in May)"
	tails := []string{" would rise by 5% next year, according to officials.", " would increase by 7% next year, according to officials.", " would grow by 5% next year, according to officials."}
	others := []string{"Opposition leaders criticised the plan on Tuesday.", "Unions welcomed the decision.", "Markets barely moved."}
	var docs []corpus.Document
	for i, tail := range tails {
		id := string(rune('a' + i))
		text := clause + tail + " " + others[i]
		docs = append(docs, corpus.Document{Article: corpus.Article{ID: id, Source: id + ".txt", Outlet: id, Text: text}, Sentences: splitSentences(text)})
	}
	cs := Clusters(docs, Options{})
	var texts []string
	for _, c := range cs {
		for _, w := range c.Witnesses {
			texts = append(texts, w.Text)
		}
	}
	for i, tail := range tails {
		if !slices.Contains(texts, clause+tail) {
			t.Errorf("%s's sentence %q is in no cluster; witnesses %q", docs[i].Source, clause+tail, texts)
		}
	}
	if slices.Contains(texts, clause) {
		t.Errorf("the clause %q is shown as well as the sentences holding it: %q", clause, texts)
	}
}
