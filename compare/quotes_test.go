package compare

import (
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/variorum/variorum/corpus"
)

// scanTestQuotes is a tiny quote-pair scanner standing in for ingest's: the
// words between “ and ” or between two " on one line, without the
// punctuation , . ; : that closes the sentence inside the marks.
func scanTestQuotes(text string) []corpus.Quote {
	var qs []corpus.Quote
	for lineStart := 0; lineStart < len(text); {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		line := text[lineStart:lineEnd]
		for i := 0; i < len(line); {
			o := strings.IndexAny(line[i:], "\"\u201c")
			if o < 0 {
				break
			}
			o += i
			open, closer := `"`, `"`
			if strings.HasPrefix(line[o:], "\u201c") {
				open, closer = "\u201c", "\u201d"
			}
			c := strings.Index(line[o+len(open):], closer)
			if c < 0 {
				break
			}
			s, e := o+len(open), o+len(open)+c
			for e > s && strings.ContainsAny(line[e-1:e], ",.;: ") {
				e--
			}
			if e > s {
				qs = append(qs, corpus.Quote{Start: lineStart + s, End: lineStart + e, Text: line[s:e]})
			}
			i = o + len(open) + c + len(closer)
		}
		lineStart = lineEnd + 1
	}
	return qs
}

// quoteTestDocs returns the sample corpus as documents with sentences from
// the package's fallback splitter and quotes from scanTestQuotes.
func quoteTestDocs() []corpus.Document {
	var docs []corpus.Document
	for _, a := range corpus.Sample() {
		docs = append(docs, corpus.Document{Article: a, Sentences: splitSentences(a.Text), Quotes: scanTestQuotes(a.Text)})
	}
	return docs
}

// seedAttribution is how ingest attributed the seeds' quotes when this was
// written (`variorum extract --json` on the seeds): imperfect, as real
// attribution is. Keys are the start of the quote's text.
var seedAttribution = map[string]struct{ speaker, mention, cue string }{
	"an attack on one ally":               {"NATO", "NATO", "stipulates"},
	"In the event of a significant":       {"NATO", "NATO", "stipulates"},
	"significant, deliberate, and sustai": {"Trump", "Trump", "states"},
	"shall be regarded as an attack":      {"Trump", "Trump", "states"},
	"provides a security assurance":       {"Axios", "Axios", "according to"},
	"honest":                              {"Volodymyr Zelensky", "Volodymyr Zelensky", "said"},
	"Our teams":                           {"Zelensky", "Zelensky", "wrote on Telegram"},
	"We are ready":                        {"Zelensky", "Zelensky", "wrote on Telegram"},
	"outlined the fundamental":            {"Zelensky", "Zelensky", "said"},
	"They will lose this land":            {"Trump", "he", "said"},
	"peace and security of the entire":    {"the draft", "the draft", "according to"},
	"The guarantees are intended":         {"US", "US", "told"},
	"major achievement":                   {"US", "US", "described"},
	"No, this plan has not":               {"Dmitry Peskov", "Dmitry Peskov", "told"},
	"It’s a draft":                        {"EU", "EU", "said"},
	"transatlantic community":             {"Axios", "Axios", "says"},
	"significant, intentional":            {"The document", "The document", "states"},
	"will be considered an attack":        {"The document", "The document", "states"},
	"major win":                           {"Axios", "Axios", "according to"},
}

// attributedTestDocs are quoteTestDocs with seedAttribution's speakers and
// PERSON entities for the people among them, so that speaker checks run as
// they would on extracted documents.
func attributedTestDocs(t testing.TB) []corpus.Document {
	t.Helper()
	people := map[string]bool{"Trump": true, "Volodymyr Zelensky": true, "Zelensky": true, "Dmitry Peskov": true}
	docs := quoteTestDocs()
	for di := range docs {
		d := &docs[di]
		for qi := range d.Quotes {
			q := &d.Quotes[qi]
			for prefix, a := range seedAttribution {
				if !strings.HasPrefix(q.Text, prefix) {
					continue
				}
				q.Speaker, q.Cue = a.speaker, a.cue
				// The mention nearest after the quote, else before it.
				i := strings.Index(d.Text[q.End:], a.mention)
				if i >= 0 {
					i += q.End
				} else {
					i = strings.LastIndex(d.Text[:q.Start], a.mention)
				}
				if i < 0 {
					t.Fatalf("%s: no mention %q for quote %q", d.Source, a.mention, q.Text)
				}
				q.SpeakerStart, q.SpeakerEnd = i, i+len(a.mention)
				if people[a.speaker] {
					d.Entities = append(d.Entities, corpus.Entity{
						Start: i, End: i + len(a.mention), Text: a.mention, Label: corpus.Person, Canonical: a.speaker,
					})
				}
			}
		}
	}
	return docs
}

// docsByID indexes documents for Align.
func docsByID(docs []corpus.Document) map[string]corpus.Document {
	m := make(map[string]corpus.Document, len(docs))
	for _, d := range docs {
		m[d.ID] = d
	}
	return m
}

// checkQuoteClusters checks what must hold of any QuoteClusters output.
func checkQuoteClusters(t *testing.T, docs []corpus.Document, cs []Cluster, minArticles int) {
	t.Helper()
	byID := docsByID(docs)
	for i, c := range cs {
		if c.ID != i+1 || c.Kind != KindQuote {
			t.Errorf("cluster %d: ID %d kind %q", i, c.ID, c.Kind)
		}
		if len(c.Witnesses) < minArticles {
			t.Errorf("cluster %d has %d witnesses, want at least %d", c.ID, len(c.Witnesses), minArticles)
		}
		seen := map[string]bool{}
		for _, w := range c.Witnesses {
			d, ok := byID[w.Article]
			switch {
			case !ok:
				t.Errorf("cluster %d: unknown article %q", c.ID, w.Article)
			case w.Start < 0 || w.End > len(d.Text) || w.Start >= w.End || d.Text[w.Start:w.End] != w.Text:
				t.Errorf("cluster %d: witness [%d,%d) %q is not the article's text", c.ID, w.Start, w.End, w.Text)
			case w.Source != d.Source || w.Outlet != d.Outlet:
				t.Errorf("cluster %d: witness source/outlet %q/%q, article has %q/%q", c.ID, w.Source, w.Outlet, d.Source, d.Outlet)
			}
			if seen[w.Article] {
				t.Errorf("cluster %d: two witnesses from article %s", c.ID, w.Article)
			}
			seen[w.Article] = true
		}
		if c.Similarity < 0 || c.Similarity > 1 {
			t.Errorf("cluster %d: similarity %v", c.ID, c.Similarity)
		}
	}
}

// findQuoteCluster returns the cluster holding every wanted witness (seed
// index → exact quote text), or nil.
func findQuoteCluster(docs []corpus.Document, cs []Cluster, want map[int]string) *Cluster {
	for i := range cs {
		got := 0
		for _, w := range cs[i].Witnesses {
			for di, text := range want {
				if w.Article == docs[di].ID && w.Text == text {
					got++
				}
			}
		}
		if got == len(want) {
			return &cs[i]
		}
	}
	return nil
}

func describeQuoteClusters(cs []Cluster) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "cluster %d (%.3f):", c.ID, c.Similarity)
		for _, w := range c.Witnesses {
			fmt.Fprintf(&b, " [%s %q]", w.Source[:min(3, len(w.Source))], w.Text)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestQuoteClustersSeeds(t *testing.T) {
	for _, tc := range []struct {
		name string
		docs func(testing.TB) []corpus.Document
	}{
		{"unattributed", func(testing.TB) []corpus.Document { return quoteTestDocs() }},
		{"attributed like ingest", attributedTestDocs},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs := tc.docs(t)
			cs := QuoteClusters(docs, Options{})
			t.Logf("\n%s", describeQuoteClusters(cs))
			checkQuoteClusters(t, docs, cs, 2)
			byID := docsByID(docs)
			for _, want := range []struct {
				name      string
				witnesses map[int]string
			}{
				{"major win / major achievement", map[int]string{1: "major achievement", 2: "major win"}},
				{"attack definition", map[int]string{
					0: "significant, deliberate, and sustained armed attack",
					1: "significant, deliberate, and sustained",
					2: "significant, intentional, and prolonged armed assault",
				}},
			} {
				c := findQuoteCluster(docs, cs, want.witnesses)
				if c == nil {
					t.Errorf("no quote cluster holds %s: %v", want.name, want.witnesses)
					continue
				}
				if len(c.Witnesses) != len(want.witnesses) {
					t.Errorf("%s: cluster %d has %d witnesses, want %d", want.name, c.ID, len(c.Witnesses), len(want.witnesses))
				}
				if al := Align(*c, byID); al.Status != StatusQuotedDifferently {
					t.Errorf("%s: status %q, want %q", want.name, al.Status, StatusQuotedDifferently)
				}
			}
			// Quotes nobody else reports stay out of every cluster.
			for _, c := range cs {
				for _, w := range c.Witnesses {
					for _, lone := range []string{
						"No, this plan has not been communicated to us",
						"They will lose this land in a very short time",
						"honest", "frozen", "Gains", "America First", "Peace Council",
						"an attack on one ally shall be considered an attack on all",
					} {
						if w.Text == lone {
							t.Errorf("cluster %d holds %q, which no other article reports", c.ID, lone)
						}
					}
				}
			}
		})
	}
}

// quoteDoc builds a document of lines, each one sentence, whose quotes are
// found by scanTestQuotes; speakers maps a quote's text to its speaker,
// which is a PERSON entity when it is written with a capital and two words.
func quoteDoc(outlet string, speakers map[string]string, lines ...string) corpus.Document {
	text := strings.Join(lines, "\n")
	d := corpus.Document{Article: corpus.Article{ID: corpus.NewID(outlet, text), Source: outlet + ".txt", Outlet: outlet, Text: text}}
	d.Sentences = splitSentences(text)
	d.Quotes = scanTestQuotes(text)
	for i := range d.Quotes {
		q := &d.Quotes[i]
		sp, ok := speakers[q.Text]
		if !ok {
			continue
		}
		q.Speaker, q.Cue = sp, "said"
		if j := strings.Index(text[q.End:], sp); j >= 0 {
			q.SpeakerStart, q.SpeakerEnd = q.End+j, q.End+j+len(sp)
			if len(strings.Fields(sp)) == 2 && sp[0] >= 'A' && sp[0] <= 'Z' {
				d.Entities = append(d.Entities, corpus.Entity{
					Start: q.SpeakerStart, End: q.SpeakerEnd, Text: sp, Label: corpus.Person, Canonical: sp,
				})
			}
		}
	}
	return d
}

func TestQuoteClustersCases(t *testing.T) {
	type want struct {
		texts  []string // the witnesses' texts, in article order
		status string
	}
	cases := []struct {
		name string
		docs []corpus.Document
		opts Options
		want []want
	}{
		{
			// B quotes one word more; the words all quote agree: excerpts.
			name: "word for word in different sentences",
			docs: []corpus.Document{
				quoteDoc("A", nil, `The minister said the country "will not bow to pressure from abroad" on Monday.`),
				quoteDoc("B", nil, `"We will not bow to pressure from abroad," the minister told parliament.`),
				quoteDoc("C", nil, `Speaking in the capital, she insisted the nation "will not bow to pressure from abroad".`),
			},
			want: []want{{[]string{"will not bow to pressure from abroad", "We will not bow to pressure from abroad", "will not bow to pressure from abroad"}, StatusConfirmed}},
		},
		{
			name: "a negation cut off is no excerpt",
			docs: []corpus.Document{
				quoteDoc("A", map[string]string{"not responsible for the crash of the market": "Anna Lindqvist"},
					`Anna Lindqvist said the bank was "not responsible for the crash of the market" last year.`),
				quoteDoc("B", map[string]string{"responsible for the crash of the market": "Anna Lindqvist"},
					`Anna Lindqvist said the bank was "responsible for the crash of the market" last year.`),
			},
			want: []want{{[]string{"not responsible for the crash of the market", "responsible for the crash of the market"}, StatusQuotedDifferently}},
		},
		{
			name: "confirmed",
			docs: []corpus.Document{
				quoteDoc("A", nil, `The minister said the country "will not bow to pressure from abroad" on Monday.`),
				quoteDoc("B", nil, `In parliament, the minister vowed that the nation “will not bow to pressure from abroad.”`),
			},
			want: []want{{[]string{"will not bow to pressure from abroad", "will not bow to pressure from abroad"}, StatusConfirmed}},
		},
		{
			name: "same words credited to different people",
			docs: []corpus.Document{
				quoteDoc("A", map[string]string{"we will not bow to pressure from abroad": "Anna Lindqvist"},
					`"we will not bow to pressure from abroad," Anna Lindqvist said.`),
				quoteDoc("B", map[string]string{"we will not bow to pressure from abroad": "Marco Bellini"},
					`"we will not bow to pressure from abroad," Marco Bellini said.`),
			},
		},
		{
			name: "a person against an institution",
			docs: []corpus.Document{
				quoteDoc("A", map[string]string{"we will not bow to pressure from abroad": "Anna Lindqvist"},
					`"we will not bow to pressure from abroad," Anna Lindqvist said.`),
				quoteDoc("B", map[string]string{"we shall not bow to foreign pressure": "the ministry"},
					`"we shall not bow to foreign pressure," the ministry said.`),
			},
			want: []want{{[]string{"we will not bow to pressure from abroad", "we shall not bow to foreign pressure"}, StatusQuotedDifferently}},
		},
		{
			// Two statements of one story, one credited to a named person
			// and one to an institution, sharing half their words: not
			// one quote worded differently.
			name: "a person and an institution say different things",
			docs: []corpus.Document{
				quoteDoc("A", map[string]string{"The harbour will close for repairs in the spring and reopen to ships in the summer": "Anna Lindqvist"},
					`"The harbour will close for repairs in the spring and reopen to ships in the summer," Anna Lindqvist said of the harbour repairs.`),
				quoteDoc("B", map[string]string{"The harbour will stay open to ships through the spring while the repairs go on": "the ministry"},
					`"The harbour will stay open to ships through the spring while the repairs go on," the ministry said of the harbour repairs.`),
			},
		},
		{
			// A short quote credited apart must be written as it is.
			name: "a short quote credited apart is no variant",
			docs: []corpus.Document{
				quoteDoc("A", map[string]string{"torture evidence": "the charity"},
					`The use of "torture evidence" in the terror trials was condemned by the charity.`),
				quoteDoc("B", map[string]string{"tortured and abused": "Louise Christian"},
					`Her clients were "tortured and abused" before the terror trials, Louise Christian said.`),
			},
		},
		{
			name: "a short quote credited apart, written as it is",
			docs: []corpus.Document{
				quoteDoc("A", map[string]string{"torture evidence": "the charity"},
					`The use of "torture evidence" in the terror trials was condemned by the charity.`),
				quoteDoc("B", map[string]string{"The use of torture evidence shames us": "Louise Christian"},
					`"The use of torture evidence shames us," Louise Christian said of the terror trials.`),
			},
			want: []want{{[]string{"torture evidence", "The use of torture evidence shames us"}, StatusConfirmed}},
		},
		{
			name: "one person named two ways",
			docs: []corpus.Document{
				quoteDoc("A", map[string]string{"the talks were frank and useful": "Anna Lindqvist"},
					`"the talks were frank and useful," Anna Lindqvist said.`),
				quoteDoc("B", map[string]string{"talks were frank and constructive": "Lindqvist"},
					`The talks "were frank and constructive," Lindqvist said.`),
			},
			want: []want{{[]string{"the talks were frank and useful", "were frank and constructive"}, StatusQuotedDifferently}},
		},
		{
			name: "short quote paired through its context",
			docs: []corpus.Document{
				quoteDoc("A", nil, `Officials described the harbour deal as a "historic breakthrough" for the fishing towns.`),
				quoteDoc("B", nil, `The government called the harbour deal a "historic moment" for the fishing towns of the coast.`),
			},
			want: []want{{[]string{"historic breakthrough", "historic moment"}, StatusQuotedDifferently}},
		},
		{
			// One word against a longer quote pairs only as an excerpt of
			// it: "denuclearize" is not quoted from "denuclearization".
			name: "a word is no fragment of another form of it",
			docs: []corpus.Document{
				quoteDoc("A", nil, `Officials spoke of the need for North Korea to "denuclearize" before the summit talks.`),
				quoteDoc("B", nil, `The goal of the summit talks, he said, is "the permanent denuclearization of North Korea".`),
			},
		},
		{
			name: "a word quoted from a longer quote",
			docs: []corpus.Document{
				quoteDoc("A", nil, `The goal of the summit talks, officials said, is for North Korea to "denuclearize" soon.`),
				quoteDoc("B", nil, `The goal of the summit talks, he said, is that "North Korea will denuclearize soon".`),
			},
			want: []want{{[]string{"denuclearize", "North Korea will denuclearize soon"}, StatusConfirmed}},
		},
		{
			name: "scare quotes in unrelated sentences",
			docs: []corpus.Document{
				quoteDoc("A", nil, `The festival promised an "honest" look at rural life.`),
				quoteDoc("B", nil, `Investors demanded "honest" accounting after the bank collapsed.`),
			},
		},
		{
			name: "different quotes on one topic",
			docs: []corpus.Document{
				quoteDoc("A", nil, `The mayor said "the new bridge will open in spring" at the briefing.`),
				quoteDoc("B", nil, `Engineers warned that "cracks in the old bridge are getting worse every winter".`),
			},
		},
		{
			name: "no chaining through a middle wording",
			docs: []corpus.Document{
				quoteDoc("A", nil, `The statement said "troops will withdraw from the northern border region" by June.`),
				quoteDoc("B", nil, `It said "troops will withdraw from the border and rebuild the bridges" in time.`),
				quoteDoc("C", nil, `Later it said they would "rebuild the bridges and reopen the schools" in the region.`),
			},
			want: []want{{[]string{"troops will withdraw from the northern border region", "troops will withdraw from the border and rebuild the bridges"}, StatusQuotedDifferently}},
		},
		{
			name: "one article is no cluster",
			docs: []corpus.Document{
				quoteDoc("A", nil,
					`The minister said the country "will not bow to pressure from abroad" on Monday.`,
					`Later he repeated that it "will not bow to pressure from abroad".`),
			},
		},
		{
			name: "fewer articles than MinArticles",
			docs: []corpus.Document{
				quoteDoc("A", nil, `The minister said the country "will not bow to pressure from abroad" on Monday.`),
				quoteDoc("B", nil, `"We will not bow to pressure from abroad," the minister told parliament.`),
			},
			opts: Options{MinArticles: 3},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cs := QuoteClusters(tc.docs, tc.opts)
			minArticles := max(tc.opts.MinArticles, 2)
			checkQuoteClusters(t, tc.docs, cs, minArticles)
			var got []want
			byID := docsByID(tc.docs)
			for _, c := range cs {
				var texts []string
				for _, w := range c.Witnesses {
					texts = append(texts, w.Text)
				}
				got = append(got, want{texts, Align(c, byID).Status})
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v\nwant %v", got, tc.want)
			}
		})
	}
}

// TestQuoteFragmentApart scores a short quote against a longer one credited
// to someone not named like its speaker: it is a fragment of it only when
// written as it is. Other articles quote the longer one's other words, so
// that the candidate index pairs the two as it would in a corpus.
func TestQuoteFragmentApart(t *testing.T) {
	long := "Sound housing market fundamentals will remain, ensuring that lenders stay calm, buyers keep coming and builders go on building"
	for _, tc := range []struct {
		short string
		want  bool
	}{
		{"housing market fundamentals remained sound", false}, // the bank's words, not the economist's
		{"housing market fundamentals will remain", true},
	} {
		docs := []corpus.Document{
			quoteDoc("A", map[string]string{tc.short: "the bank"}, `Prices fell in March but "`+tc.short+`", said the bank.`),
			quoteDoc("B", map[string]string{long: "Martin Ellis"}, `Prices fell in March. "`+long+`," said Martin Ellis.`),
		}
		for _, o := range []string{"C", "D", "E", "F", "G", "H"} {
			docs = append(docs, quoteDoc(o, nil, `In town `+o+` an agent said "lenders stay calm, buyers keep coming and builders go on building" there.`))
		}
		opts := Options{}.withDefaults()
		q := newQuoteMatcher(docs, opts)
		q.collect()
		m := newMatcher(docs, opts)
		q.scorer, q.stories = m.scorer, m.stories
		q.buildClasses()
		if !otherSpeaker(&q.classes[0], &q.classes[1]) {
			t.Fatalf("%q: the bank and Martin Ellis are not told apart", tc.short)
		}
		if !q.contained(&q.classes[0], &q.classes[1]) {
			t.Fatalf("%q: not contained in the longer quote, so the case tests nothing", tc.short)
		}
		if _, ok := q.score(0, 1); ok != tc.want {
			t.Errorf("%q against Martin Ellis's quote: paired %v, want %v", tc.short, ok, tc.want)
		}
	}
}

// TestQuoteFragmentCompact: a short quote is a fragment of a longer one
// only when its words stand together there, not scattered over it.
func TestQuoteFragmentCompact(t *testing.T) {
	for _, tc := range []struct {
		short, long string
		want        bool
	}{
		{"support the freedom of information regime",
			"Our report shows that support from the department, which guides every public body through the long and costly work of putting the freedom of information regime in place, has been lacking", false},
		{"support the freedom of information regime",
			"Our report shows that councils support the freedom of information regime, though the department has been slow", true},
		// A word repeated earlier does not spread the excerpt.
		{"a fair and efficient asylum system",
			"Labour has rejected quotas on asylum, but the jury is still out on its ability to deliver a fair and efficient asylum system", true},
	} {
		docs := []corpus.Document{
			quoteDoc("A", map[string]string{tc.short: "Anna Lindqvist"}, `She called for "`+tc.short+`", Anna Lindqvist said.`),
			quoteDoc("B", map[string]string{tc.long: "Anna Lindqvist"}, `"`+tc.long+`," Anna Lindqvist said.`),
		}
		opts := Options{}.withDefaults()
		q := newQuoteMatcher(docs, opts)
		q.collect()
		m := newMatcher(docs, opts)
		q.scorer, q.stories = m.scorer, m.stories
		q.buildClasses()
		if got := q.contained(&q.classes[0], &q.classes[1]); got != tc.want {
			t.Errorf("%q in %q: contained %v, want %v", tc.short, tc.long, got, tc.want)
		}
	}
}

func TestQuoteClustersDeterministic(t *testing.T) {
	docs := attributedTestDocs(t)
	want := QuoteClusters(docs, Options{})
	// Quotes in reverse order, and articles in another order: the same
	// clusters, in the same order as far as the article order allows.
	rev := make([]corpus.Document, len(docs))
	copy(rev, docs)
	for i := range rev {
		qs := append([]corpus.Quote(nil), rev[i].Quotes...)
		for l, r := 0, len(qs)-1; l < r; l, r = l+1, r-1 {
			qs[l], qs[r] = qs[r], qs[l]
		}
		rev[i].Quotes = qs
	}
	if got := QuoteClusters(rev, Options{}); !reflect.DeepEqual(got, want) {
		t.Errorf("quote order changed the result:\n%s\nwant\n%s", describeQuoteClusters(got), describeQuoteClusters(want))
	}
	if got := QuoteClusters(docs, Options{}); !reflect.DeepEqual(got, want) {
		t.Errorf("second run differs")
	}
}

func TestQuoteClustersBadInput(t *testing.T) {
	a := corpus.Article{ID: "a", Text: `He said "no deal is better than a bad deal" again.`}
	b := corpus.Article{ID: "b", Text: `She said "no deal is better than a bad deal" too.`}
	bad := []corpus.Quote{{Start: -1, End: 3}, {Start: 5, End: 2}, {Start: 0, End: 10_000}, {Start: 3, End: 3}, {Start: 2, End: 3}}
	docs := []corpus.Document{
		{Article: a, Quotes: append(scanTestQuotes(a.Text), bad...), Sentences: []corpus.Span{{Start: 40, End: 10}, {Start: -5, End: 900}}},
		{Article: b, Quotes: append(bad, scanTestQuotes(b.Text)...)},
		{},
	}
	cs := QuoteClusters(docs, Options{})
	checkQuoteClusters(t, docs, cs, 2)
	if len(cs) != 1 || len(cs[0].Witnesses) != 2 {
		t.Errorf("got %s, want the one shared quote", describeQuoteClusters(cs))
	}
	if cs := QuoteClusters(nil, Options{}); len(cs) != 0 {
		t.Errorf("no documents gave %d clusters", len(cs))
	}
}

func TestSamePerson(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Volodymyr Zelensky", "Volodymyr Zelensky", true},
		{"Volodymyr Zelensky", "Zelensky", true},
		{"Volodymyr Zelensky", "Volodymyr Zelenskyy", true},
		{"Zelenskyy", "Zelensky", true},
		{"Donald Trump", "Donald J. Trump", true},
		{"D. Trump", "Donald Trump", true},
		{"Donald Trump", "Melania Trump", false},
		{"Dmitry Peskov", "Volodymyr Zelensky", false},
		{"Peskov", "Putin", false},
		{"", "Putin", false},
	} {
		if got := samePerson(tc.a, tc.b); got != tc.want {
			t.Errorf("samePerson(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := samePerson(tc.b, tc.a); got != tc.want {
			t.Errorf("samePerson(%q, %q) = %v, want %v", tc.b, tc.a, got, tc.want)
		}
	}
}

func FuzzQuoteClusters(f *testing.F) {
	f.Add(`He said "no deal is better than a bad deal" again.`, `She said “no deal is better than a bad deal” too.`, 9, 40)
	f.Add("“major win”\n“major", "\"\"\"", -1, 2)
	f.Fuzz(func(t *testing.T, a, b string, s, e int) {
		docs := []corpus.Document{
			{Article: corpus.Article{ID: "a", Text: a}, Quotes: append(scanTestQuotes(a), corpus.Quote{Start: s, End: e})},
			{Article: corpus.Article{ID: "b", Text: b}, Quotes: scanTestQuotes(b), Sentences: []corpus.Span{{Start: s, End: e}}},
		}
		quotes := QuoteClusters(docs, Options{})
		checkQuoteClusters(t, docs, quotes, 2)
		want := append(quotes, Unquoted(Clusters(docs, Options{}), quotes)...)
		if got := Find(docs, Options{}); !reflect.DeepEqual(got, want) {
			t.Errorf("Find: %d clusters, QuoteClusters then Unquoted(Clusters): %d, or they differ", len(got), len(want))
		}
	})
}

// newsWCL50Docs reads NewsWCL50 (five events, each told by five outlets) as
// documents with the fallback sentences and scanTestQuotes' quotes; the
// event of each is the folder its file is in.
func newsWCL50Docs(t testing.TB) ([]corpus.Document, map[string]string) {
	t.Helper()
	dir := dataDir(t, "newswcl50/articles")
	arts, errs := corpus.ReadAll([]string{dir})
	if len(errs) > 0 {
		t.Fatalf("read %s: %v", dir, errs[0])
	}
	event := make(map[string]string)
	var docs []corpus.Document
	for _, a := range arts {
		event[a.ID] = filepath.Dir(a.Source)
		docs = append(docs, corpus.Document{Article: a, Sentences: splitSentences(a.Text), Quotes: scanTestQuotes(a.Text)})
	}
	return docs, event
}

// TestQuoteClustersNewsWCL50 clusters the quotes of five outlets' reports of
// five events: the clusters must keep to one event (a quote repeated word
// for word in two events, such as a president's catch phrase, may cross).
func TestQuoteClustersNewsWCL50(t *testing.T) {
	docs, event := newsWCL50Docs(t)
	quotes := 0
	for _, d := range docs {
		quotes += len(d.Quotes)
	}
	cs := QuoteClusters(docs, Options{})
	checkQuoteClusters(t, docs, cs, 2)
	byID := docsByID(docs)
	within, differently := 0, 0
	for _, c := range cs {
		one := true
		for _, w := range c.Witnesses[1:] {
			one = one && event[w.Article] == event[c.Witnesses[0].Article]
		}
		if one {
			within++
		} else {
			t.Logf("cluster %d crosses events: %s", c.ID, describeQuoteClusters([]Cluster{c}))
		}
		if Align(c, byID).Status == StatusQuotedDifferently {
			differently++
		}
	}
	t.Logf("NewsWCL50: %d articles, %d quotes, %d quote clusters (%d quoted differently), %d within one event",
		len(docs), quotes, len(cs), differently, within)
	if len(cs) == 0 || float64(within) < 0.9*float64(len(cs)) {
		t.Errorf("%d of %d quote clusters keep to one event, want at least 90%%", within, len(cs))
	}
}

func BenchmarkQuoteClusters(b *testing.B) {
	b.Run("seeds", func(b *testing.B) {
		docs := attributedTestDocs(b)
		for b.Loop() {
			QuoteClusters(docs, Options{})
		}
	})
	b.Run("newswcl50", func(b *testing.B) {
		docs, _ := newsWCL50Docs(b)
		for b.Loop() {
			QuoteClusters(docs, Options{})
		}
	})
}

// TestQuoteClustersInReport wires quote clusters into a report the way the
// command line does: after the clause clusters, NewReport puts the quote
// clusters quoted differently first.
func TestQuoteClustersInReport(t *testing.T) {
	docs := attributedTestDocs(t)
	qs := QuoteClusters(docs, Options{})
	r := NewReport("seeds", docs, append(Clusters(docs, Options{}), qs...))
	differently := 0
	for _, c := range r.Clusters {
		if c.Kind == KindQuote && c.Status == StatusQuotedDifferently {
			differently++
		}
	}
	if differently == 0 {
		t.Fatal("no quote cluster quoted differently in the report")
	}
	for i, c := range r.Clusters {
		if (i < differently) != (c.Status == StatusQuotedDifferently) {
			t.Errorf("report cluster %d (%s, %q) out of order: %d quoted differently should come first", c.ID, c.Kind, c.Status, differently)
		}
		if c.Kind == KindQuote && c.Status == "" {
			t.Errorf("quote cluster %d has no status", c.ID)
		}
	}
}

// TestUnquoted: a clause cluster is left out only when one quote cluster
// already shows each of its witnesses.
func TestUnquoted(t *testing.T) {
	w := func(article string, start, end int) Witness { return Witness{Article: article, Start: start, End: end} }
	quotes := []Cluster{
		{ID: 1, Kind: KindQuote, Witnesses: []Witness{w("a", 10, 50), w("b", 100, 140)}},
		{ID: 2, Kind: KindQuote, Witnesses: []Witness{w("a", 200, 240), w("c", 0, 40)}},
	}
	tests := []struct {
		name   string
		clause Cluster
		kept   bool
	}{
		{"inside one quote cluster", Cluster{Witnesses: []Witness{w("a", 5, 30), w("b", 120, 160)}}, false},
		{"an article the quotes lack", Cluster{Witnesses: []Witness{w("a", 5, 30), w("b", 120, 160), w("d", 0, 9)}}, true},
		{"a second wording outside the quote", Cluster{Witnesses: []Witness{w("a", 5, 30), w("a", 60, 90), w("b", 120, 160)}}, true},
		{"touching is not overlapping", Cluster{Witnesses: []Witness{w("a", 50, 60), w("b", 100, 140)}}, true},
		{"half in each of two quote clusters", Cluster{Witnesses: []Witness{w("b", 100, 140), w("c", 0, 40)}}, true},
		{"second quote cluster", Cluster{Witnesses: []Witness{w("c", 10, 20), w("a", 230, 260)}}, false},
		{"no witnesses", Cluster{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Unquoted([]Cluster{tc.clause}, quotes)
			if kept := len(got) == 1; kept != tc.kept {
				t.Errorf("kept = %v, want %v", kept, tc.kept)
			}
		})
	}
	// Without quotes every clause cluster stays, in its order.
	clauses := []Cluster{{ID: 3}, {ID: 1}, {ID: 2}}
	if got := Unquoted(clauses, nil); !reflect.DeepEqual(got, clauses) {
		t.Errorf("Unquoted(clauses, nil) = %v, want %v", got, clauses)
	}
}

// TestQuoteClustersAnyCores: QuoteClusters, which tokenises and scores on
// all cores, gives the same clusters on one core as on several (the seeds;
// NewsWCL50 when ../shared/data is there).
// quoteCorpora are the corpora the quote tests run on whole: the seeds with
// their attributions, and NewsWCL50 (skipped without the data).
var quoteCorpora = map[string]func(t *testing.T) []corpus.Document{
	"seeds":     func(t *testing.T) []corpus.Document { return attributedTestDocs(t) },
	"newswcl50": func(t *testing.T) []corpus.Document { d, _ := newsWCL50Docs(t); return d },
}

func TestQuoteClustersAnyCores(t *testing.T) {
	for name, docs := range quoteCorpora {
		t.Run(name, func(t *testing.T) {
			ds := docs(t)
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
			one := QuoteClusters(ds, Options{})
			runtime.GOMAXPROCS(4)
			four := QuoteClusters(ds, Options{})
			if len(one) == 0 {
				t.Fatal("no quote clusters")
			}
			if !reflect.DeepEqual(one, four) {
				t.Errorf("%d quote clusters on one core, %d on four, or they differ", len(one), len(four))
			}
		})
	}
}

// Find tokenises the documents once for quotes and clauses; what it finds
// is what QuoteClusters and Clusters find apart, and it names its stages in
// order.
func TestFindIsQuotesThenUnquotedClauses(t *testing.T) {
	for name, docs := range quoteCorpora {
		t.Run(name, func(t *testing.T) {
			ds := docs(t)
			var stages []string
			got := Find(ds, Options{Stage: func(s string) { stages = append(stages, s) }})
			quotes := QuoteClusters(ds, Options{})
			want := append(quotes, Unquoted(Clusters(ds, Options{}), quotes)...)
			if len(quotes) == 0 || len(want) == len(quotes) {
				t.Fatalf("%d quote clusters of %d: the case tests nothing", len(quotes), len(want))
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Find: %d clusters; QuoteClusters then Unquoted(Clusters): %d, or they differ", len(got), len(want))
			}
			wantStages := []string{StageSegment, StageGroup, StageCandidates, StageScore, StageCluster, StageWitnesses, StageRestatements, StageQuotes}
			if !reflect.DeepEqual(stages, wantStages) || len(stages) != FindStages {
				t.Errorf("stages %v, want %v (FindStages %d)", stages, wantStages, FindStages)
			}
		})
	}
}

// quote is a quote cluster of texts, one outlet each.
func quote(texts ...string) Cluster {
	c := Cluster{Kind: KindQuote}
	for i, s := range texts {
		id := string(rune('A' + i))
		c.Witnesses = append(c.Witnesses, Witness{Article: id, Source: id + ".txt", Outlet: id, Start: 10, End: 10 + len(s), Text: s})
	}
	return c
}

// TestAlignQuoteGloss: words an outlet put in brackets inside a quote are
// its gloss, not the speaker's: other outlets leaving them out do not quote
// differently; words outside brackets still do.
func TestAlignQuoteGloss(t *testing.T) {
	tests := []struct {
		texts []string
		want  string
	}{
		{[]string{"that (Russian President Vladimir) Putin had told him we have the best", "that Putin had told him we have the best"}, StatusConfirmed},
		{[]string{"that Putin had told him we have the best", "that (Russian President Vladimir) Putin had told him we have the best"}, StatusConfirmed},
		{[]string{"it really bothered [him] if his wife had any doubt", "it really bothered him if his wife had any doubt"}, StatusConfirmed},
		{[]string{"that Putin had told him we have the very best", "that Putin had told him we have the best"}, StatusQuotedDifferently},
		{[]string{"that Putin had told him we have the best", "that Putin (and Lavrov) had told us we have the best"}, StatusQuotedDifferently},
		// A negation in brackets turns the quote round: no gloss.
		{[]string{"I will [not] sign the deal with them while the war goes on", "I will sign the deal with them while the war goes on"}, StatusQuotedDifferently},
		{[]string{"I will sign the deal with them while the war goes on", "I will [not] sign the deal with them while the war goes on"}, StatusQuotedDifferently},
		// A courtesy title is house style.
		{[]string{"Mr Flynn lied to the vice president about the call", "Flynn lied to the vice president about the call"}, StatusConfirmed},
	}
	for _, tt := range tests {
		if a := Align(quote(tt.texts...), nil); a.Status != tt.want {
			t.Errorf("%q: status %q, want %q (%+v)", tt.texts, a.Status, tt.want, a.Variations)
		}
	}
}

// TestAlignQuoteExcerpts: outlets that quote parts of one quote confirm it;
// the words outside their quotation marks are marked as an excerpt's, shown
// as "…" rather than struck, and not counted as serious. A cut in the
// middle is a misquote.
func TestAlignQuoteExcerpts(t *testing.T) {
	const full = "we have had direct talks at very high levels, extremely high levels, with North Korea"
	a := Align(quote(full, "extremely high levels", "direct talks at very high levels"), nil)
	if a.Status != StatusConfirmed || serious(a) != 0 {
		t.Errorf("excerpts: status %q, %d serious; want confirmed, 0", a.Status, serious(a))
	}
	for _, v := range a.Variations {
		if v.Type != TypeOrthographic && !v.Excerpt {
			t.Errorf("excerpts: %+v is not marked as an excerpt", v)
		}
	}
	var out strings.Builder
	if err := WriteText(&out, Report{Clusters: []Aligned{a}}, false); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"    … extremely high levels …\n", "    … direct talks at very high levels …\n", "− with North Korea " + excerptNote,
		"quote confirmed by 3 outlets · 2 outlets quote only part of it"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("text view lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "[-") {
		t.Errorf("text view strikes an excerpt's words:\n%s", out.String())
	}

	// The cut before the excerpt is a lead: its quote starts later.
	for _, row := range a.Rows {
		if segs := rowSegments(row.Ops); row.Witness != a.Pivot && (segs[0].Kind != segCut || !segs[0].Lead || segs[len(segs)-1].Lead) {
			t.Errorf("row %d segments %+v: want a leading cut marked Lead and a trailing one not", row.Witness, segs)
		}
	}
	// Mixed with a real difference, the excerpt's cuts come last, and the
	// page's badges leave them out.
	a = Align(quote(full, "extremely high levels", "we have had direct talks at very high levels, extremely high levels, with South Korea"), nil)
	if n := len(a.Variations); n == 0 || a.Variations[0].Excerpt || !a.Variations[n-1].Excerpt {
		t.Errorf("variations %+v: want the real difference first, the excerpt's cuts last", a.Variations)
	}
	if got := shownTypes(a); got[TypeOmission] != 0 || got[TypeName]+got[TypeSubstantive] == 0 {
		t.Errorf("shownTypes = %v: want the North/South difference and no omission", got)
	}

	// A negation inside the words an excerpt leaves off keeps it an
	// excerpt, typed omission (dropped elsewhere, it is substantive).
	const negated = "And maybe we won't even have a meeting at all. But I think that there's a great chance to solve a world problem"
	a = Align(quote(negated, "there's a great chance to solve a world problem"), nil)
	if a.Status != StatusConfirmed || len(a.Variations) != 1 || !a.Variations[0].Excerpt || a.Variations[0].Type != TypeOmission {
		t.Errorf("an excerpt cutting off a negation: status %q, variations %+v; want confirmed, one omission marked excerpt", a.Status, a.Variations)
	}
	for _, o := range a.Rows[1-a.Pivot].Ops {
		if o.Op != OpEqual && (!o.Excerpt || o.Type != TypeOmission) {
			t.Errorf("an excerpt cutting off a negation: op %+v, want an omission marked excerpt", o)
		}
	}

	a = Align(quote(full, "we have had direct talks at very high levels, with North Korea"), nil)
	if a.Status != StatusQuotedDifferently || serious(a) != 1 || len(a.Variations) != 1 || a.Variations[0].Excerpt {
		t.Errorf("a cut in the middle: status %q, %d serious, variations %+v; want quoted differently by one omission, not an excerpt", a.Status, serious(a), a.Variations)
	}
}

// TestRenderQuoteSpeakers: each row of a quote cluster names whom its
// article credits the words to, in every view, so an editor sees a misquote
// flag between different sources ("Tom Perez" and "the suit"); a clause
// whose sentence ends on an attribution names it ("the DNC alleges").
func TestRenderQuoteSpeakers(t *testing.T) {
	a, b := "This constituted an act of unprecedented treachery", "The conspiracy constituted an act of previously unimaginable treachery"
	c := Cluster{ID: 1, Kind: KindQuote, Witnesses: []Witness{
		{Article: "A", Source: "a.txt", Outlet: "A", End: len(a), Text: a, Speaker: "Tom Perez"},
		{Article: "B", Source: "b.txt", Outlet: "B", End: len(b), Text: b, Speaker: "the suit"},
	}}
	x, y := "Russian agents hacked into DNC computer systems", "Russian intelligence agents hacked into DNC computer systems"
	claim := Cluster{ID: 2, Kind: KindClause, Witnesses: []Witness{
		{Article: "C", Source: "c.txt", Outlet: "C", End: len(x), Text: x},
		{Article: "D", Source: "d.txt", Outlet: "D", End: len(y), Text: y, Credit: "the DNC alleges"},
	}}
	r := Report{Clusters: []Aligned{Align(c, nil), Align(claim, nil)}}
	for name, write := range map[string]func(io.Writer, Report) error{
		"text":     func(w io.Writer, r Report) error { return WriteText(w, r, false) },
		"markdown": WriteMarkdown,
		"html":     WriteHTML,
		"jsonl":    WriteJSONL,
	} {
		var b strings.Builder
		if err := write(&b, r); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Tom Perez", "the suit", "the DNC alleges"} {
			if !strings.Contains(b.String(), want) {
				t.Errorf("%s view lacks the speaker %q", name, want)
			}
		}
	}
}
