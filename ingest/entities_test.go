package ingest

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/variorum/variorum/corpus"
	"github.com/variorum/variorum/ingest/internal/ner"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// TestSeedEntitiesGolden pins the model's predictions on the sample corpus:
// retraining or changing the tokenizer must show up here (go test
// ./ingest/ -run Golden -update rewrites the file after a deliberate change).
func TestSeedEntitiesGolden(t *testing.T) {
	x := extractor(t)
	var ar txtar.Archive
	ar.Comment = []byte("Entities of the sample corpus: start end label text.\n")
	for _, a := range corpus.Sample() {
		var b bytes.Buffer
		for _, e := range x.Extract(a).Entities {
			fmt.Fprintf(&b, "%d %d %s %s\n", e.Start, e.End, e.Label, e.Text)
		}
		ar.Files = append(ar.Files, txtar.File{Name: a.Source, Data: b.Bytes()})
	}
	got := txtar.Format(&ar)
	path := filepath.Join("testdata", "seed_entities.txtar")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		wa := txtar.Parse(want)
		for i, f := range ar.Files {
			if i >= len(wa.Files) || !bytes.Equal(f.Data, wa.Files[i].Data) {
				t.Errorf("entities of %s changed; diff testdata/seed_entities.txtar after -update", f.Name)
			}
		}
		if len(wa.Files) != len(ar.Files) {
			t.Errorf("golden file has %d articles, want %d", len(wa.Files), len(ar.Files))
		}
	}
}

// TestEntitiesTitleInside: a name the model tags with a place and a title
// as one organisation ("South Carolina Sen. Lindsey Graham") is the person
// after the title.
func TestEntitiesTitleInside(t *testing.T) {
	x := extractor(t)
	text := "“If a guy is threatening to cut your throat, don’t buy him a knife,” South Carolina Sen. Lindsey Graham said on Tuesday."
	var got []string
	person := false
	for _, e := range x.Extract(corpus.Article{ID: "t", Text: text}).Entities {
		got = append(got, e.Label+" "+e.Text)
		person = person || e.Label == corpus.Person && e.Text == "Lindsey Graham"
	}
	if !person {
		t.Errorf("entities %q, want PERSON Lindsey Graham", got)
	}
}

// TestEntityTrailingPunct checks that a colon the model takes into a
// name is left out of the entity, so the quote after it resolves to the
// person named before.
func TestEntityTrailingPunct(t *testing.T) {
	x := extractor(t)
	a := corpus.Article{ID: "t", Text: "The tax plan drew fire from Ryan Ellis, a tax lobbyist. It would make the code more complicated. Said Ellis: “I don’t get it.”"}
	docs := []corpus.Document{x.Extract(a)}
	Canonicalize(docs)
	d := docs[0]
	for _, e := range d.Entities {
		if strings.HasSuffix(e.Text, ":") {
			t.Errorf("entity %q keeps the colon", e.Text)
		}
	}
	if len(d.Quotes) != 1 || d.Quotes[0].Speaker != "Ryan Ellis" || d.Quotes[0].Cue != "Said" {
		t.Errorf("quotes %+v, want one by Ryan Ellis, cue Said", d.Quotes)
	}
}

// TestEntityBracket: a bracket splits a name, which holds none ("(Russian
// President Vladimir) Putin", an outlet's gloss, named "Vladimir) Putin"
// and found by no search for Vladimir Putin).
func TestEntityBracket(t *testing.T) {
	x := extractor(t)
	a := corpus.Article{ID: "t", Text: "\"The president said that 'the hookers thing' is nonsense but that (Russian President Vladimir) Putin had told him 'we have some of the most beautiful hookers in the world,'\" Comey wrote."}
	b := corpus.Article{ID: "u", Text: "Russian President Vladimir Putin denied it."}
	docs := []corpus.Document{x.Extract(a), x.Extract(b)}
	Canonicalize(docs)
	n := 0
	for _, e := range docs[0].Entities {
		if strings.ContainsAny(e.Text, "()") {
			t.Errorf("entity %q holds a bracket", e.Text)
		}
		if e.Canonical == "Vladimir Putin" {
			n++
		}
	}
	if n < 1 {
		t.Errorf("entities %+v: want Putin after the gloss named Vladimir Putin", docs[0].Entities)
	}
}

func TestCompanyName(t *testing.T) {
	for _, c := range []struct {
		name string
		want bool
	}{
		{"Moore & Van Allen", true},
		{"Peabody Energy", true},
		{"Lucent Technologies", true},
		{"Hillary Clinton", false},
		{"Energy", false}, // one word: the model's call stands
		{"Rick Perry", false},
	} {
		toks := wordToks(c.name)
		if got := companyName(toks); got != c.want {
			t.Errorf("companyName(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestEntitiesPartOfDocument: a numbered part of a text ("Article 5",
// "Meaning of Article 5", "Section 230") is no organisation; the treaty's
// own name still is.
func TestEntitiesPartOfDocument(t *testing.T) {
	x := extractor(t)
	text := "The guarantee is modelled on Article 5 of the NATO treaty.\n\nMeaning of Article 5\n\nArticle V commits the allies to act together, as Section 230 shields platforms."
	var got []string
	for _, e := range x.Extract(corpus.Article{ID: "t", Text: text}).Entities {
		got = append(got, e.Label+" "+e.Text)
		if strings.Contains(e.Text, "Article") || strings.Contains(e.Text, "Section") {
			t.Errorf("entity %s %q is a part of a text", e.Label, e.Text)
		}
	}
	if !slices.Contains(got, corpus.Organization+" NATO") {
		t.Errorf("entities %q lack ORG NATO", got)
	}
}

func TestFunctionWordEntity(t *testing.T) {
	for w, want := range map[string]bool{"Despite": true, "Meanwhile": true, "Most": true, "WHO": false, "OR": false, "Trump": false, "Kim": false} {
		if got := functionWord(w); got != want {
			t.Errorf("functionWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestNationalAgency: a nationality the model tags just before a news
// agency's name is part of it ("Korean" of the Korean Central News
// Agency, which the model split so in a NewsWCL50 article where "Korean
// War" came later); before other organisations it stays apart, as CoNLL
// marks "Chinese Foreign Ministry".
func TestNationalAgency(t *testing.T) {
	for _, c := range []struct {
		words     string
		misc, org ner.Span
		want      bool
	}{
		{"the Korean Central News Agency said", ner.Span{Start: 1, End: 2, Type: "MISC"}, ner.Span{Start: 2, End: 5, Type: "ORG"}, true},
		{"the Saudi Press Agency said", ner.Span{Start: 1, End: 2, Type: "MISC"}, ner.Span{Start: 2, End: 4, Type: "ORG"}, true},
		{"the Chinese Foreign Ministry said", ner.Span{Start: 1, End: 2, Type: "MISC"}, ner.Span{Start: 2, End: 4, Type: "ORG"}, false},
		{"Korean , Central News Agency", ner.Span{Start: 0, End: 1, Type: "MISC"}, ner.Span{Start: 2, End: 5, Type: "ORG"}, false}, // not adjacent
		{"Korean Central News Agency", ner.Span{Start: 0, End: 1, Type: "LOC"}, ner.Span{Start: 1, End: 4, Type: "ORG"}, false},
		{"Korean Agency", ner.Span{Start: 0, End: 1, Type: "MISC"}, ner.Span{Start: 1, End: 2, Type: "ORG"}, false},
	} {
		toks := wordToks(c.words)
		if got := nationalAgency(c.misc, c.org, toks); got != c.want {
			t.Errorf("nationalAgency(%q) = %v, want %v", c.words, got, c.want)
		}
	}
}

// TestMendPersonInside: a name the model tags with a title or party as
// one organisation or place is the person at its end; a team or a body
// named after a person stays as tagged; an opening adverb is left out.
func TestMendPersonInside(t *testing.T) {
	for _, c := range []struct {
		words, label string
		want         string // the entity's words and label after mend
	}{
		{"Liberal Democrat Sarah Teather", corpus.Organization, "PERSON Sarah Teather"},
		{"British Casino Association Chairman Penny Cobham", corpus.Organization, "PERSON Penny Cobham"},
		{"Lord Chancellor Lord Falconer", corpus.GPE, "PERSON Lord Falconer"},
		{"South Carolina Sen. Lindsey Graham", corpus.Organization, "PERSON Lindsey Graham"},
		{"San Francisco Giants", corpus.Organization, "ORG San Francisco Giants"},
		{"Bank of Sarah Smith", corpus.Organization, "ORG Bank of Sarah Smith"},
		{"The Bill Gates Foundation", corpus.Organization, "ORG The Bill Gates Foundation"},
		{"Lord Falconer", corpus.Person, "PERSON Lord Falconer"},
		// Places and institutions named after people stay as tagged.
		{"Queen Elizabeth Hospital", corpus.GPE, "GPE Queen Elizabeth Hospital"},
		{"Prince Edward Island", corpus.Location, "LOC Prince Edward Island"},
		{"Our Lady of Lourdes Hospital", corpus.GPE, "GPE Our Lady of Lourdes Hospital"},
		{"Royal Victoria Hospital", corpus.Organization, "ORG Royal Victoria Hospital"},
		// A sentence's opening adverb the model takes into a name is no
		// part of it ("Now Kim is scheduled to meet", "Earlier Tory leader").
		{"Now Kim", corpus.Person, "PERSON Kim"},
		{"Earlier Tory", corpus.Person, "PERSON Tory"},
		{"Despite Suprnova", corpus.Person, "PERSON Suprnova"},
		{"Kim Jong Un", corpus.Person, "PERSON Kim Jong Un"},
	} {
		toks := wordToks(c.words)
		start, label := mend(toks, c.label)
		var got []string
		for _, t := range toks[start:] {
			got = append(got, t.form)
		}
		if s := label + " " + strings.Join(got, " "); s != c.want {
			t.Errorf("mend(%q, %s) = %q, want %q", c.words, c.label, s, c.want)
		}
	}
}

// wordToks returns the words of s as the entity mends see them.
func wordToks(s string) []wordTok {
	var toks []wordTok
	for _, w := range strings.Fields(s) {
		toks = append(toks, wordTok{form: w})
	}
	return toks
}
