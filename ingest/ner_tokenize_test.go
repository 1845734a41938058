package ingest

import (
	"reflect"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string // token texts, then model forms where they differ ("text=form")
	}{
		{"Zelensky's plan", []string{"Zelensky", "'s", "plan"}},
		{"Zelensky’s “plan.”", []string{"Zelensky", "’s='s", "“=\"", "plan", ".", "”=\""}},
		{"Steve Witkoff—responsible", []string{"Steve", "Witkoff", "—=--", "responsible"}},
		{"the U.S.-led talks", []string{"the", "U.S.-led", "talks"}},
		{"with the U.S.", []string{"with", "the", "U.S."}},
		{"Acme Corp. said", []string{"Acme", "Corp.=Corp", "said"}},
		{"John F. Kennedy", []string{"John", "F.", "Kennedy"}},
		{"(Reuters) - Kyiv,", []string{"(", "Reuters", ")", "-", "Kyiv", ","}},
		{"don't stop...", []string{"do", "n't", "stop", "..."}},
		{"$100 billion, 50%", []string{"$", "100", "billion", ",", "50", "%"}},
		{"officials' view", []string{"officials", "'", "view"}},
		{"O'Meara wins", []string{"O'Meara", "wins"}},
		{"Clinton 's", []string{"Clinton", "'s"}},
		{"a--b", []string{"a", "--", "b"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range tokenize(tt.in, 0, len(tt.in), nil) {
			s := tt.in[tok.start:tok.end]
			if tok.form != s {
				s += "=" + tok.form
			}
			got = append(got, s)
		}
		want := make([]string, len(tt.want))
		for i, w := range tt.want {
			if w == "’s='s" {
				w = "’s='s"
			}
			want[i] = w
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("tokenize(%q)\n got %q\nwant %q", tt.in, got, want)
		}
	}
}
