package corpus

import (
	"reflect"
	"slices"
	"testing"
)

func TestSummarizeEntities(t *testing.T) {
	docs := []Document{
		{Article: Article{ID: "a", Outlet: "A"}, Entities: []Entity{
			{Text: "Zelensky", Label: Person, Canonical: "Volodymyr Zelensky"},
			{Text: "Zelensky", Label: Person, Canonical: "Volodymyr Zelensky"},
			{Text: "Kyiv", Label: GPE, Canonical: "Kyiv"},
		}},
		{Article: Article{ID: "b", Source: "b.txt"}, Entities: []Entity{
			{Text: "Zelenskyy", Label: Person, Canonical: "Volodymyr Zelensky"},
		}},
	}
	got := SummarizeEntities(docs)
	want := []EntityStat{
		{Canonical: "Volodymyr Zelensky", Label: Person, Mentions: 3, Articles: 2,
			Spellings: map[string]int{"Zelensky": 2, "Zelenskyy": 1},
			Outlets: []OutletUsage{
				{Outlet: "A", Mentions: 2, Spellings: map[string]int{"Zelensky": 2}},
				{Outlet: "b.txt", Mentions: 1, Spellings: map[string]int{"Zelenskyy": 1}},
			}},
		{Canonical: "Kyiv", Label: GPE, Mentions: 1, Articles: 1, Spellings: map[string]int{"Kyiv": 1},
			Outlets: []OutletUsage{{Outlet: "A", Mentions: 1, Spellings: map[string]int{"Kyiv": 1}}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SummarizeEntities:\n got %+v\nwant %+v", got, want)
	}
}

func TestSummarizeQuotes(t *testing.T) {
	docs := []Document{
		{Article: Article{ID: "a", Outlet: "A"}, Quotes: []Quote{
			{Start: 1, End: 5, Text: "major win", Speaker: "US officials", Cue: "views"},
			{Start: 9, End: 20, Text: "It’s a draft", Speaker: ""},
		}},
		{Article: Article{ID: "b", Outlet: "B"}, Quotes: []Quote{
			{Start: 3, End: 7, Text: "Major  win", Speaker: "US officials", Cue: "said"},
			{Start: 30, End: 50, Text: "major achievement", Speaker: "US officials"},
		}},
	}
	got := SummarizeQuotes(docs)
	if len(got) != 3 {
		t.Fatalf("got %d quote groups, want 3: %+v", len(got), got)
	}
	if got[0].Text != "major win" || len(got[0].Carriers) != 2 || got[0].Carriers[1].Cue != "said" {
		t.Errorf("first group = %+v, want 'major win' carried by A and B", got[0])
	}
	if got[1].Text != "major achievement" || got[2].Speaker != "" {
		t.Errorf("order = %+v, want the speaker's other quote next and unknown speakers last", got)
	}
}

func TestSpeakerFilter(t *testing.T) {
	docs := []Document{
		{
			Entities: []Entity{
				{Text: "Volodymyr Zelenskyy", Label: Person, Canonical: "Volodymyr Zelensky"},
				{Text: "Trump", Label: Person, Canonical: "Donald Trump"},
				{Text: "Donald J. Trump", Label: Person, Canonical: "Donald Trump"},
				{Text: "Melania Trump", Label: Person, Canonical: "Melania Trump"},
				{Text: "Trump", Label: Person, Canonical: "Melania Trump"},
			},
			Quotes: []Quote{
				{Text: "We will not betray Ukraine", Speaker: "Volodymyr Zelensky"},
				{Text: "a great deal", Speaker: "Donald Trump"},
				{Text: "be best", Speaker: "Melania Trump"},
				{Text: "no comment", Speaker: "a Kremlin spokesman"},
				{Text: "under review", Speaker: "the report"},
				{Text: "anonymous", Speaker: ""},
			},
		},
	}
	tests := []struct {
		name string
		want []string
	}{
		{"Zelenskyy", []string{"Volodymyr Zelensky"}},
		{"zelensky", []string{"Volodymyr Zelensky"}},
		{"Volodymyr Zelenskyy's", []string{"Volodymyr Zelensky"}},
		{"President Trump", []string{"Donald Trump", "Melania Trump"}},
		{"Donald J. Trump", []string{"Donald Trump"}},
		{"TRUMP", []string{"Donald Trump", "Melania Trump"}},
		{"Melania Trump", []string{"Melania Trump"}},
		{"Donald Trump Jr", []string{"Donald Trump", "Melania Trump"}},
		{"spokesman", []string{"a Kremlin spokesman"}},
		{"Kremlin spokesman", []string{"a Kremlin spokesman"}},
		{"he", nil},
		{"Trum", nil},
		{"report", []string{"the report"}},
		{"", nil},
		{"...", nil},
	}
	speakers := []string{"Volodymyr Zelensky", "Donald Trump", "Melania Trump", "a Kremlin spokesman", "the report", ""}
	for _, tt := range tests {
		f := NewSpeakerFilter(docs, tt.name)
		var got []string
		for _, s := range speakers {
			if f.Match(s) {
				got = append(got, s)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("--speaker %q matches %q, want %q", tt.name, got, tt.want)
		}
	}
}
