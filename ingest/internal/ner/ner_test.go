package ner

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestIOB1Spans(t *testing.T) {
	tests := []struct {
		tags []string
		want []Span
	}{
		{[]string{"O", "O"}, nil},
		{[]string{"I-PER", "I-PER", "O", "I-LOC"}, []Span{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{[]string{"I-ORG", "B-ORG", "I-ORG"}, []Span{{0, 1, "ORG"}, {1, 3, "ORG"}}},
		{[]string{"I-PER", "I-LOC"}, []Span{{0, 1, "PER"}, {1, 2, "LOC"}}},
		{[]string{"B-MISC"}, []Span{{0, 1, "MISC"}}},
	}
	for _, tt := range tests {
		if got := iob1Spans(tt.tags); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("iob1Spans(%q) = %v, want %v", tt.tags, got, tt.want)
		}
	}
}

func TestBILOURoundTrip(t *testing.T) {
	tests := [][]Span{
		nil,
		{{0, 1, "PER"}},
		{{0, 3, "ORG"}, {3, 4, "LOC"}, {5, 7, "MISC"}},
	}
	for _, spans := range tests {
		ls := spansToLabels(8, spans)
		for i := 0; i <= len(ls); i++ {
			a, b := -1, -1
			if i > 0 {
				a = ls[i-1]
			}
			if i < len(ls) {
				b = ls[i]
			}
			if !validTransition(a, b) {
				t.Errorf("labels %v: invalid transition %d→%d at %d", ls, a, b, i)
			}
		}
		if got := labelsToSpans(ls); !reflect.DeepEqual(got, spans) {
			t.Errorf("round trip of %v gave %v", spans, got)
		}
	}
}

func TestShapeAndNorm(t *testing.T) {
	tests := []struct{ in, shape, norm string }{
		{"McDonald's", "XxXx'x", "mcdonald's"},
		{"U.S.", "X.X.", "u.s."},
		{"1996-08-30", "d-d-d", "0000-00-00"},
		{"Zelenskyy", "Xx", "zelenskyy"},
		{"Ünal", "Xx", "ünal"},
	}
	for _, tt := range tests {
		if got := shape(tt.in); got != tt.shape {
			t.Errorf("shape(%q) = %q, want %q", tt.in, got, tt.shape)
		}
		if got := normWord(tt.in); got != tt.norm {
			t.Errorf("normWord(%q) = %q, want %q", tt.in, got, tt.norm)
		}
	}
}

const tiny = `-DOCSTART- -X- O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
visited VBD I-VP O
Paris NNP I-NP I-LOC
. . O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O
`

// TestTrainDeterministic trains twice on a tiny corpus: the models must be
// byte-identical, tag alike after a write/read round trip, and have learned
// the person.
func TestTrainDeterministic(t *testing.T) {
	docs, err := ReadCoNLL(strings.NewReader(tiny))
	if err != nil {
		t.Fatal(err)
	}
	var bufs [2]bytes.Buffer
	var trained *Model
	for i := range bufs {
		trained = Train(docs, TrainOptions{Epochs: 20})
		if _, err := trained.WriteTo(&bufs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(bufs[0].Bytes(), bufs[1].Bytes()) {
		t.Fatal("two trainings on the same data gave different models")
	}
	m, err := Read(&bufs[0])
	if err != nil {
		t.Fatal(err)
	}
	got, want := m.Tag(docs[0].Sentences), trained.Tag(docs[0].Sentences)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("model read back tags %v, trained model %v", got, want)
	}
	if len(got[0]) == 0 || got[0][0] != (Span{0, 2, "PER"}) {
		t.Errorf("tagged %v, want Peter Blackburn as PER first", got)
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{"", "not gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read(%q) succeeded", in)
		}
	}
}

func TestDefault(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	got := m.Tag([][]Token{{{"Vladimir"}, {"Putin"}, {"met"}, {"Emmanuel"}, {"Macron"}, {"in"}, {"Moscow"}, {"."}}})
	want := [][]Span{{{0, 2, "PER"}, {3, 5, "PER"}, {6, 7, "LOC"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tag = %v, want %v", got, want)
	}
}

func TestListsMatch(t *testing.T) {
	l := NewLists()
	l.Add([]string{"New", "York"}, ListPlace)
	l.Add([]string{"York"}, ListPlace)
	l.Add([]string{"Peter"}, ListFirstName)
	toks := []Token{{"Peter"}, {"left"}, {"New"}, {"York"}, {"for"}, {"york"}}
	masks := make([]uint32, len(toks))
	l.match(toks, masks)
	pos := func(i, kind int) string { return posNames[masks[i]>>(3*kind)&7] }
	got := []string{pos(0, 1), pos(1, 0), pos(2, 0), pos(3, 0), pos(5, 0)}
	want := []string{"U", "", "B", "L", ""}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("match positions %q, want %q", got, want)
	}
}

func TestFromTraining(t *testing.T) {
	docs, err := ReadCoNLL(strings.NewReader(tiny))
	if err != nil {
		t.Fatal(err)
	}
	l := FromTraining(docs, 1)
	for p, want := range map[string]uint8{"peter blackburn": ListPER, "peter": ListFirstName, "paris": ListLOC, "eu": ListORG, "german": ListMISC} {
		if got := l.phrases[p]; got != want {
			t.Errorf("phrase %q on lists %b, want %b", p, got, want)
		}
	}
}
