package compare

import (
	"strings"
	"testing"
)

func TestWordNetRelated(t *testing.T) {
	wn := loadWordNet()
	tests := []struct {
		a, b      string
		same, syn bool
	}{
		{"deliberate", "intentional", false, true},
		{"sustained", "prolonged", false, true},
		{"attack", "assault", false, true},
		{"Attack", "assaults", false, true},
		{"considered", "regarded", false, true},
		{"attack", "attacks", true, false},
		{"went", "go", true, false},
		{"Iran", "Iraq", false, false},
		{"was", "Washington", false, false},
		{"was", "is", true, false},
		{"leaders", "leader", true, false},
		{"elections", "election", true, false},
		{"leader", "leads", false, false},
		{"withdraw", "deploy", false, false},
		{"achievement", "win", false, false},
		{"ten", "eleven", false, false},
		{"", "x", false, false},
	}
	for _, tt := range tests {
		same, syn := wn.related(tt.a, tt.b)
		if same != tt.same || syn != tt.syn {
			t.Errorf("related(%q, %q) = %v, %v; want %v, %v", tt.a, tt.b, same, syn, tt.same, tt.syn)
		}
	}
}

func TestWordNetTable(t *testing.T) {
	if !strings.Contains(synonymsData, "WordNet 3.0") || !strings.Contains(synonymsData, "synonyms_gen.go") {
		t.Error("synonyms.txt does not name its source and generator")
	}
	groups := WordNetGroups()
	if len(groups) < 10000 {
		t.Fatalf("%d synonym groups, want the WordNet table", len(groups))
	}
	for _, g := range groups {
		if len(g) < 2 {
			t.Fatalf("group %v has fewer than two words", g)
		}
		for _, w := range g {
			if w != strings.ToLower(w) || strings.ContainsAny(w, " _0123456789") {
				t.Fatalf("group %v holds %q", g, w)
			}
		}
	}
}
