package corpus

import (
	"reflect"
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
