package ingest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/variorum/variorum/corpus"
)

// docsOf builds documents from "LABEL:mention" lists, one list per article.
func docsOf(articles ...[]string) []corpus.Document {
	docs := make([]corpus.Document, len(articles))
	for d, list := range articles {
		var text strings.Builder
		for _, lm := range list {
			label, m, _ := strings.Cut(lm, ":")
			start := text.Len()
			text.WriteString(m)
			docs[d].Entities = append(docs[d].Entities, corpus.Entity{
				Start: start, End: text.Len(), Text: m, Label: label, Canonical: mentionName(m),
			})
			text.WriteString(". ")
		}
		docs[d].Text = text.String()
	}
	return docs
}

func TestCanonicalize(t *testing.T) {
	tests := []struct {
		name     string
		articles [][]string
		want     [][]string // per article, "LABEL:canonical" of each mention
	}{
		{
			name: "zelensky spellings and titles",
			articles: [][]string{
				{"PERSON:President Volodymyr Zelensky", "PERSON:Zelensky"},
				{"PERSON:Volodymyr Zelenskyy", "PERSON:Zelenskyy's"},
				{"PERSON:Zelensky"},
				{"PERSON:Volodymyr Zelensky"},
			},
			want: [][]string{
				{"PERSON:Volodymyr Zelensky", "PERSON:Volodymyr Zelensky"},
				{"PERSON:Volodymyr Zelensky", "PERSON:Volodymyr Zelensky"},
				{"PERSON:Volodymyr Zelensky"},
				{"PERSON:Volodymyr Zelensky"},
			},
		},
		{
			name: "umerov transliterations",
			articles: [][]string{
				{"PERSON:Rustem Umerov"},
				{"PERSON:Umierov"},
				{"PERSON:Rustem Umierov", "PERSON:Umerov"},
			},
			want: [][]string{
				{"PERSON:Rustem Umerov"},
				{"PERSON:Rustem Umerov"},
				{"PERSON:Rustem Umerov", "PERSON:Rustem Umerov"},
			},
		},
		{
			name:     "aliases and case",
			articles: [][]string{{"ORG:NATO", "ORG:Nato", "GPE:US", "GPE:U.S.", "GPE:United States", "GPE:USA"}},
			want:     [][]string{{"ORG:NATO", "ORG:NATO", "GPE:United States", "GPE:United States", "GPE:United States", "GPE:United States"}},
		},
		{
			name:     "acronym of a name in the corpus",
			articles: [][]string{{"ORG:Joint Monitoring Commission"}, {"ORG:JMC"}},
			want:     [][]string{{"ORG:Joint Monitoring Commission"}, {"ORG:Joint Monitoring Commission"}},
		},
		{
			name: "shared surname never joins two people",
			articles: [][]string{
				{"PERSON:Donald Trump", "PERSON:Trump"},
				{"PERSON:Melania Trump", "PERSON:Trump"},
				{"PERSON:Trump"},
				{"PERSON:Donald J. Trump"},
			},
			want: [][]string{
				{"PERSON:Donald Trump", "PERSON:Donald Trump"},
				{"PERSON:Melania Trump", "PERSON:Melania Trump"},
				{"PERSON:Trump"},
				{"PERSON:Donald Trump"},
			},
		},
		{
			name:     "an acronym the alias list knows is not matched by initials",
			articles: [][]string{{"ORG:University of St Andrews"}, {"GPE:USA", "GPE:United States"}},
			want:     [][]string{{"ORG:University of St Andrews"}, {"GPE:United States", "GPE:United States"}},
		},
		{
			name:     "a short name alone is not joined to another spelling",
			articles: [][]string{{"PERSON:Jim Fox", "PERSON:Sonny"}, {"ORG:Sony", "PERSON:Sony"}, {"PERSON:Sony"}},
			want:     [][]string{{"PERSON:Jim Fox", "PERSON:Sonny"}, {"ORG:Sony", "ORG:Sony"}, {"ORG:Sony"}},
		},
		{
			// The tagger calls a company or a place it does not know a
			// person more often than not: nobody's name in full, it is
			// the company or the place.
			name:     "one word tagged a person and a body, nobody's name in full, is the body",
			articles: [][]string{{"ORG:Google", "PERSON:Google"}, {"PERSON:Google", "ORG:Google"}, {"PERSON:Google"}, {"GPE:Jordan", "PERSON:Jordan"}, {"PERSON:Jordan"}, {"GPE:Google"}},
			want:     [][]string{{"ORG:Google", "ORG:Google"}, {"ORG:Google", "ORG:Google"}, {"ORG:Google"}, {"GPE:Jordan", "GPE:Jordan"}, {"GPE:Jordan"}, {"ORG:Google"}},
		},
		{
			name:     "a given name alone is no company of that name",
			articles: [][]string{{"PERSON:Venus Williams"}, {"PERSON:Venus"}, {"PERSON:Venus"}, {"ORG:Venus"}},
			want:     [][]string{{"PERSON:Venus Williams"}, {"PERSON:Venus"}, {"PERSON:Venus"}, {"ORG:Venus"}},
		},
		{
			name:     "a given name beside its full name is not a surname spelt alike",
			articles: [][]string{{"PERSON:Ian Blair", "PERSON:Li Yan", "PERSON:Ian"}, {"PERSON:Jim Fox", "PERSON:Tom Im", "PERSON:Jim"}},
			want:     [][]string{{"PERSON:Ian Blair", "PERSON:Li Yan", "PERSON:Ian Blair"}, {"PERSON:Jim Fox", "PERSON:Tom Im", "PERSON:Jim Fox"}},
		},
		{
			name:     "short given names a letter apart are different people",
			articles: [][]string{{"PERSON:Jan Smith"}, {"PERSON:Ian Smith"}, {"PERSON:Toni Morrison"}, {"PERSON:Tony Morrison"}},
			want:     [][]string{{"PERSON:Jan Smith"}, {"PERSON:Ian Smith"}, {"PERSON:Toni Morrison"}, {"PERSON:Tony Morrison"}},
		},
		{
			name:     "a family name first is the surname spelt alike in its article",
			articles: [][]string{{"PERSON:Kim Jong Un", "PERSON:Un"}},
			want:     [][]string{{"PERSON:Kim Jong Un", "PERSON:Un"}},
		},
		{
			name:     "a given name alone is the article's one person of that name",
			articles: [][]string{{"PERSON:Sonny Parker", "PERSON:Sonny"}, {"PERSON:Lleyton Hewitt", "PERSON:Lleyton", "PERSON:Hewitt"}},
			want:     [][]string{{"PERSON:Sonny Parker", "PERSON:Sonny Parker"}, {"PERSON:Lleyton Hewitt", "PERSON:Lleyton Hewitt", "PERSON:Lleyton Hewitt"}},
		},
		{
			name:     "a given name that is someone's surname stays apart",
			articles: [][]string{{"PERSON:Gordon Brown", "PERSON:Brown Smith", "PERSON:Brown"}},
			want:     [][]string{{"PERSON:Gordon Brown", "PERSON:Brown Smith", "PERSON:Gordon Brown"}},
		},
		{
			name:     "a short surname spelt a letter apart in one article",
			articles: [][]string{{"PERSON:Diane Abbot", "PERSON:Abbott"}, {"PERSON:Abbott"}},
			want:     [][]string{{"PERSON:Diane Abbot", "PERSON:Diane Abbot"}, {"PERSON:Abbott"}},
		},
		{
			name:     "an office inside a name and a phrase on of after it",
			articles: [][]string{{"PERSON:Bob Goodlatte", "PERSON:Judiciary Chairman Bob Goodlatte"}, {"PERSON:Devin Nunes of the Intelligence Committee", "PERSON:Devin Nunes"}, {"PERSON:Loretta Lynch"}, {"PERSON:Attorney General Lynch"}, {"PERSON:Duke of York"}, {"PERSON:Mary Queen of Scots"}, {"PERSON:Martin Luther King Jnr"}},
			want:     [][]string{{"PERSON:Bob Goodlatte", "PERSON:Bob Goodlatte"}, {"PERSON:Devin Nunes", "PERSON:Devin Nunes"}, {"PERSON:Loretta Lynch"}, {"PERSON:Loretta Lynch"}, {"PERSON:Duke of York"}, {"PERSON:Mary Queen of Scots"}, {"PERSON:Martin Luther King Jnr"}},
		},
		{
			name:     "a department of a field is the field's department",
			articles: [][]string{{"ORG:Justice Department", "ORG:Department of Justice"}, {"ORG:Ministry of Defence"}, {"ORG:Defence Ministry"}, {"ORG:Department of Health and Human Services"}},
			want:     [][]string{{"ORG:Department of Justice", "ORG:Department of Justice"}, {"ORG:Ministry of Defence"}, {"ORG:Ministry of Defence"}, {"ORG:Department of Health and Human Services"}},
		},
		{
			name:     "Sir and a given name is the article's person of that name, Prince a royal",
			articles: [][]string{{"PERSON:Sir Elton John"}, {"PERSON:Sir John Stevens", "PERSON:Sir John"}, {"PERSON:Charles Kennedy", "PERSON:Prince Charles"}, {"PERSON:Ray Charles"}, {"PERSON:Prince Charles"}},
			want:     [][]string{{"PERSON:Elton John"}, {"PERSON:John Stevens", "PERSON:John Stevens"}, {"PERSON:Charles Kennedy", "PERSON:Charles"}, {"PERSON:Ray Charles"}, {"PERSON:Charles"}},
		},
		{
			name:     "a two-letter acronym joins the name its own article gives",
			articles: [][]string{{"ORG:Football Association", "ORG:FA"}, {"ORG:FA"}, {"ORG:Department of Justice"}, {"ORG:DJ"}},
			want:     [][]string{{"ORG:FA", "ORG:FA"}, {"ORG:FA"}, {"ORG:Department of Justice"}, {"ORG:DJ"}},
		},
		{
			name:     "a peerage of a place stays whole; Mr goes before a surname",
			articles: [][]string{{"PERSON:Prince Andrew Duke of York"}, {"PERSON:Gordon Brown", "PERSON:Mr Gordon"}, {"PERSON:Flash Gordon"}, {"PERSON:Wang Yan", "PERSON:Mr Wang"}},
			want:     [][]string{{"PERSON:Andrew Duke of York"}, {"PERSON:Gordon Brown", "PERSON:Flash Gordon"}, {"PERSON:Flash Gordon"}, {"PERSON:Wang Yan", "PERSON:Wang Yan"}},
		},
		{
			name:     "majority label",
			articles: [][]string{{"GPE:Kyiv", "ORG:Kyiv", "GPE:Kiev"}},
			want:     [][]string{{"GPE:Kyiv", "GPE:Kyiv", "GPE:Kyiv"}},
		},
		{
			name:     "a place tagged as a person joins the place",
			articles: [][]string{{"PERSON:Steve Witkoff", "GPE:US", "GPE:Kyiv", "PERSON:Kyiv"}, {"GPE:Kiev", "PERSON:US"}},
			want:     [][]string{{"PERSON:Steve Witkoff", "GPE:United States", "GPE:Kyiv", "GPE:Kyiv"}, {"GPE:Kyiv", "GPE:United States"}},
		},
		{
			name:     "a person tagged as a place joins the person",
			articles: [][]string{{"PERSON:Volodymyr Zelensky", "PERSON:Zelensky"}, {"GPE:Zelensky"}},
			want:     [][]string{{"PERSON:Volodymyr Zelensky", "PERSON:Volodymyr Zelensky"}, {"PERSON:Volodymyr Zelensky"}},
		},
		{
			name:     "different people stay apart",
			articles: [][]string{{"PERSON:Steve Witkoff", "PERSON:Mike Waltz", "PERSON:Waltz"}},
			want:     [][]string{{"PERSON:Steve Witkoff", "PERSON:Mike Waltz", "PERSON:Mike Waltz"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := docsOf(tt.articles...)
			Canonicalize(docs)
			for d := range docs {
				var got []string
				for _, e := range docs[d].Entities {
					got = append(got, e.Label+":"+e.Canonical)
				}
				if fmt.Sprint(got) != fmt.Sprint(tt.want[d]) {
					t.Errorf("article %d: got %q, want %q", d, got, tt.want[d])
				}
			}
		})
	}
}

func TestSkeleton(t *testing.T) {
	same := [][2]string{{"Zelensky", "Zelenskyy"}, {"Zelensky", "Zelenskiy"}, {"Umerov", "Umierov"}, {"Volodymyr", "Wolodymyr"}, {"Peskov", "PESKOV"}}
	for _, p := range same {
		if skeleton(p[0]) != skeleton(p[1]) {
			t.Errorf("skeleton(%q) = %q, skeleton(%q) = %q; want equal", p[0], skeleton(p[0]), p[1], skeleton(p[1]))
		}
	}
	differ := [][2]string{{"Sonny", "Sony"}, {"Jim", "Im"}, {"Tony", "Toni"}, {"Trump", "Truman"}, {"Putin", "Peskov"}, {"Kallas", "Kalla"}}
	for _, p := range differ {
		if skeleton(p[0]) == skeleton(p[1]) {
			t.Errorf("skeleton(%q) = skeleton(%q) = %q; want different", p[0], p[1], skeleton(p[0]))
		}
	}
}

func TestCanonicalizeEmpty(t *testing.T) {
	Canonicalize(nil)
	docs := docsOf([]string{})
	Canonicalize(docs)
	if len(docs[0].Entities) != 0 {
		t.Fatal("entities appeared")
	}
}

// Quote speakers follow their entity to its corpus-wide name: a speaker
// resolved in one article to "Trump" becomes "Donald Trump" once another
// article names him in full; other speakers are left alone.
func TestCanonicalizeSpeakers(t *testing.T) {
	docs := docsOf(
		[]string{"PERSON:Trump", "ORG:Axios"},
		[]string{"PERSON:Donald Trump"},
	)
	docs[0].Quotes = []corpus.Quote{
		{Text: "a", Speaker: "Trump"},
		{Text: "b", Speaker: "Axios"},
		{Text: "c", Speaker: "one US official"},
		{Text: "d"},
	}
	Canonicalize(docs)
	var got []string
	for _, q := range docs[0].Quotes {
		got = append(got, q.Speaker)
	}
	if want := []string{"Donald Trump", "Axios", "one US official", ""}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("speakers = %q, want %q", got, want)
	}
}

// TestCanonicalizeTitleSex: a surname after a title of one sex does not
// join the article's full name of someone of the other sex ("Mr. Trump"
// beside Melania Trump), and its quotes keep their speaker.
func TestCanonicalizeTitleSex(t *testing.T) {
	text := "Melania Trump waved. Mr. Trump spoke. Then Mr. Trump left."
	var ents []corpus.Entity
	for _, m := range []string{"Melania Trump", "Trump", "Trump"} {
		from := 0
		if len(ents) > 0 {
			from = ents[len(ents)-1].End
		}
		s := from + strings.Index(text[from:], m)
		ents = append(ents, corpus.Entity{Start: s, End: s + len(m), Text: m, Label: corpus.Person, Canonical: m})
	}
	docs := []corpus.Document{{Article: corpus.Article{Text: text}, Entities: ents,
		Quotes: []corpus.Quote{{Text: "a", Speaker: "Trump"}}}}
	Canonicalize(docs)
	for _, e := range docs[0].Entities[1:] {
		if e.Canonical != "Trump" {
			t.Errorf("%q at %d: canonical %q, want Trump", e.Text, e.Start, e.Canonical)
		}
	}
	if sp := docs[0].Quotes[0].Speaker; sp != "Trump" {
		t.Errorf("speaker %q, want Trump", sp)
	}
}

// personDoc is an article of text whose people are the mentions, found in
// order in the text.
func personDoc(text string, mentions ...string) corpus.Document {
	var ents []corpus.Entity
	from := 0
	for _, m := range mentions {
		s := from + strings.Index(text[from:], m)
		ents = append(ents, corpus.Entity{Start: s, End: s + len(m), Text: m, Label: corpus.Person, Canonical: m})
		from = s + len(m)
	}
	return corpus.Document{Article: corpus.Article{Text: text}, Entities: ents}
}

// TestCanonicalizeOffice: a surname after an office the corpus writes
// before one full name of that surname, and no other, is that person
// ("President Trump" is the Trump written "President Donald Trump", not
// "First lady Melania Trump"), and so is the surname alone elsewhere in its
// article, with its quotes; an office written before two full names, or
// none, tells nothing.
func TestCanonicalizeOffice(t *testing.T) {
	docs := []corpus.Document{
		personDoc("President Donald Trump met Emmanuel Macron. First lady Melania Trump waved. Gov. Jeb Bush and Gov. George Bush spoke.",
			"Donald Trump", "Emmanuel Macron", "Melania Trump", "Jeb Bush", "George Bush"),
		personDoc("Trump warns Iran. Trump said no. Later President Trump spoke, and first lady Melania Trump smiled. Trump left.",
			"Trump", "Trump", "Trump", "Melania Trump", "Trump"),
		personDoc("Trump spoke. Gov. Bush spoke.", "Trump", "Bush"),
	}
	docs[1].Quotes = []corpus.Quote{{Text: "no", Speaker: "Trump"}}
	Canonicalize(docs)
	want := [][]string{
		{"Donald Trump", "Emmanuel Macron", "Melania Trump", "Jeb Bush", "George Bush"},
		{"Donald Trump", "Donald Trump", "Donald Trump", "Melania Trump", "Donald Trump"},
		{"Trump", "Bush"},
	}
	for d, ws := range want {
		for i, w := range ws {
			if e := docs[d].Entities[i]; e.Canonical != w {
				t.Errorf("article %d: %q at %d is %q, want %q", d, e.Text, e.Start, e.Canonical, w)
			}
		}
	}
	if sp := docs[1].Quotes[0].Speaker; sp != "Donald Trump" {
		t.Errorf("speaker %q, want Donald Trump", sp)
	}
}

// TestCanonicalizeSurnameFirst: a surname used alone twice or more before
// the article names someone of that surname in full is someone else
// ("Trump warns Iran… President Trump warned… First lady Melania Trump");
// once, as in a headline, it is the same person.
func TestCanonicalizeSurnameFirst(t *testing.T) {
	for _, c := range []struct {
		mentions []string
		want     string // canonical of the first mention
	}{
		{[]string{"Trump", "Trump", "Melania Trump", "Trump"}, "Trump"},
		{[]string{"Trump", "Donald Trump", "Trump"}, "Donald Trump"},
	} {
		docs := docsOf(append([]string{}, prefixed("PERSON:", c.mentions)...), []string{"PERSON:Donald Trump"})
		Canonicalize(docs)
		if got := docs[0].Entities[0].Canonical; got != c.want {
			t.Errorf("%q: first mention is %q, want %q", c.mentions, got, c.want)
		}
	}
}

func prefixed(p string, ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = p + s
	}
	return out
}

// TestCanonicalizeFamilyFirst: Chinese and Korean names are written family
// name first, so "Kim" alone is Kim Jong Un, and "Kim Jong-un" is the same
// name; "Lee Harvey Oswald" and "Kim Kardashian" keep their surname last.
func TestCanonicalizeFamilyFirst(t *testing.T) {
	docs := docsOf(
		[]string{"PERSON:Kim Jong Un", "PERSON:Kim", "PERSON:Moon Jae-in", "PERSON:Moon"},
		[]string{"PERSON:Kim Jong-un", "PERSON:Kim"},
		[]string{"PERSON:Kim Jong Un"},
		[]string{"PERSON:Lee Harvey Oswald", "PERSON:Oswald", "PERSON:Kim Kardashian", "PERSON:Kardashian"},
	)
	Canonicalize(docs)
	want := [][]string{
		{"Kim Jong Un", "Kim Jong Un", "Moon Jae-in", "Moon Jae-in"},
		{"Kim Jong Un", "Kim Jong Un"},
		{"Kim Jong Un"},
		{"Lee Harvey Oswald", "Lee Harvey Oswald", "Kim Kardashian", "Kim Kardashian"},
	}
	for d, ws := range want {
		for i, w := range ws {
			if e := docs[d].Entities[i]; e.Canonical != w {
				t.Errorf("article %d: %q is %q, want %q", d, e.Text, e.Canonical, w)
			}
		}
	}
	for name, want := range map[string]bool{
		"Kim Jong Un": true, "Kim Yo Jong": true, "Moon Jae-in": true, "Xi Jinping": false,
		"Lee Harvey Oswald": false, "Kim Kardashian": false, "Park Geun-hye": true, "John Kim": false,
		"Youn Kun-young": true, "Hong Kong": false,
	} {
		if got := familyFirst(strings.Fields(name)); got != want {
			t.Errorf("familyFirst(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestCanonicalizeProminent: a surname alone that the article writes
// before its full name of that surname, or in an article naming two
// people of it, is the person the corpus mentions most (at least twice as
// often as any other); in an article alone, beside "first lady Melania
// Trump", "President Trump" is not her.
func TestCanonicalizeProminent(t *testing.T) {
	donald := func() corpus.Document {
		return personDoc("President Donald Trump spoke. Then Trump left.", "Donald Trump", "Trump")
	}
	cases := []struct {
		name string
		docs []corpus.Document
		want []string // canonicals of the last article's mentions
	}{
		{"an article alone",
			[]corpus.Document{
				personDoc("Trump warns Iran. Later President Trump spoke, and first lady Melania Trump smiled. Trump left.",
					"Trump", "Trump", "Melania Trump", "Trump"),
			},
			[]string{"Trump", "Trump", "Melania Trump", "Trump"}},
		{"the surname first, then someone else in full",
			[]corpus.Document{donald(), donald(),
				personDoc("Trump warns Iran. Trump said no. First lady Melania Trump smiled. Trump left.",
					"Trump", "Trump", "Melania Trump", "Trump"),
			},
			[]string{"Donald Trump", "Donald Trump", "Melania Trump", "Donald Trump"}},
		{"the surname first, then the same person in full",
			[]corpus.Document{donald(), personDoc("Melania Trump smiled.", "Melania Trump"),
				personDoc("Trump hates the deal. Trump said no. Donald Trump spoke. Trump left.",
					"Trump", "Trump", "Donald Trump", "Trump"),
			},
			[]string{"Donald Trump", "Donald Trump", "Donald Trump", "Donald Trump"}},
		{"two of the surname in the article",
			[]corpus.Document{
				personDoc("Emmanuel Macron spoke. Macron left.", "Emmanuel Macron", "Macron"),
				personDoc("Emmanuel Macron and Brigitte Macron arrived. Macron spoke.", "Emmanuel Macron", "Brigitte Macron", "Macron"),
			},
			[]string{"Emmanuel Macron", "Brigitte Macron", "Emmanuel Macron"}},
		{"two of the surname, neither more prominent",
			[]corpus.Document{
				personDoc("Emmanuel Macron and Brigitte Macron arrived. Macron spoke.", "Emmanuel Macron", "Brigitte Macron", "Macron"),
			},
			[]string{"Emmanuel Macron", "Brigitte Macron", "Macron"}},
	}
	for _, c := range cases {
		Canonicalize(c.docs)
		last := c.docs[len(c.docs)-1]
		var got []string
		for _, e := range last.Entities {
			got = append(got, e.Canonical)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: canonicals %q, want %q", c.name, got, c.want)
		}
	}
}

// TestCanonicalizeWeakGivenName: a given name nearly always a woman's
// among US births but borne by men in British news ("Robin") yields to a
// courtesy title: "Mr Cook" is Robin Cook; "Mr. Trump" is still not
// Melania Trump.
func TestCanonicalizeWeakGivenName(t *testing.T) {
	docs := []corpus.Document{
		personDoc("Ex-foreign secretary Robin Cook said people were fed up. Mr Cook told the BBC so.", "Robin Cook", "Cook"),
		personDoc("Melania Trump waved. Then Mr. Trump spoke.", "Melania Trump", "Trump"),
	}
	Canonicalize(docs)
	if got := docs[0].Entities[1].Canonical; got != "Robin Cook" {
		t.Errorf("Mr Cook beside Robin Cook: %q, want Robin Cook", got)
	}
	if got := docs[1].Entities[1].Canonical; got != "Trump" {
		t.Errorf("Mr. Trump beside Melania Trump: %q, want Trump", got)
	}
}

// TestCanonicalizeDescriptionSpeaker: a quote credited to a description
// its article ties to no name ("Jack Straw said. The foreign secretary
// told MPs") gets the person other articles write with that title, when
// its article names exactly one such person; a deputy's title is another.
func TestCanonicalizeDescriptionSpeaker(t *testing.T) {
	docs := []corpus.Document{
		personDoc("Foreign Secretary Jack Straw flew to Brussels. Deputy Mayor Nicky Gavron spoke.", "Jack Straw", "Nicky Gavron"),
		personDoc("Jack Straw said the rebate stays. The foreign secretary told MPs so.", "Jack Straw"),
		personDoc("Nicky Gavron opened the hall. The mayor said it was fine.", "Nicky Gavron"),
	}
	docs[1].Quotes = []corpus.Quote{{Text: "a", Speaker: "the foreign secretary"}}
	docs[2].Quotes = []corpus.Quote{{Text: "b", Speaker: "the mayor"}}
	Canonicalize(docs)
	if sp := docs[1].Quotes[0].Speaker; sp != "Jack Straw" {
		t.Errorf("the foreign secretary: %q, want Jack Straw", sp)
	}
	if sp := docs[2].Quotes[0].Speaker; sp != "the mayor" {
		t.Errorf("the mayor beside a deputy mayor: %q, want it kept", sp)
	}
}

// TestCanonicalizeBatches: a corpus ingested in batches, each joined on
// its own and then all again as compare and quotes load them, names its
// entities and quote speakers as one ingest of it does.
func TestCanonicalizeBatches(t *testing.T) {
	x := extractor(t)
	texts := []string{
		`Sir Elton John sang at the gala. "It was a joy," Sir Elton said.`,
		`Metropolitan Police Commissioner Sir John Stevens spoke on Monday. "Absolutely not," Sir John said. He added: "We will look again."`,
		`President Donald Trump met the press. "A great deal," Trump said.`,
		`First lady Melania Trump visited a school. "Be best," Mrs Trump said.`,
		`Trump said the talks were "very productive".`,
	}
	extract := func() []corpus.Document {
		var docs []corpus.Document
		for i, s := range texts {
			docs = append(docs, x.Extract(corpus.Article{ID: fmt.Sprint(i), Text: s}))
		}
		return docs
	}
	once := extract()
	Canonicalize(once)
	batched := extract()
	Canonicalize(batched[:2])
	Canonicalize(batched[2:4])
	Canonicalize(batched[4:])
	Canonicalize(batched)
	for d := range once {
		for i, e := range once[d].Entities {
			if got := batched[d].Entities[i].Canonical; got != e.Canonical {
				t.Errorf("article %d, %q: batched %q, at once %q", d, e.Text, got, e.Canonical)
			}
		}
		for i, q := range once[d].Quotes {
			if got := batched[d].Quotes[i].Speaker; got != q.Speaker {
				t.Errorf("article %d, quote %q: batched speaker %q, at once %q", d, q.Text, got, q.Speaker)
			}
		}
	}
	if s := once[1].Quotes[0].Speaker; s != "John Stevens" {
		t.Errorf("Sir John's quote is %q's, want John Stevens's", s)
	}
}
