package compare

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// useTestSimilarity replaces the rows' similarity with a fixed stand-in
// (Jaccard over folded words) for the test, so golden files do not move
// when Similarity is tuned (the pivot is chosen by shared words alone).
func useTestSimilarity(t testing.TB) {
	t.Helper()
	old := similarity
	similarity = func(a, b string) float64 {
		sa, sb := map[string]bool{}, map[string]bool{}
		for _, tok := range Tokenize(a) {
			if tok.IsWord() {
				sa[tok.Norm] = true
			}
		}
		for _, tok := range Tokenize(b) {
			if tok.IsWord() {
				sb[tok.Norm] = true
			}
		}
		inter := 0
		for w := range sa {
			if sb[w] {
				inter++
			}
		}
		if len(sa)+len(sb) == 0 {
			return 1
		}
		return float64(inter) / float64(len(sa)+len(sb)-inter)
	}
	t.Cleanup(func() { similarity = old })
}

// goldenFiles runs fn on every txtar file in testdata/dir and compares what
// it returns with the file's "want" section (rewritten with -update).
func goldenFiles(t *testing.T, dir string, fn func(t *testing.T, files map[string]string) string) {
	paths, err := filepath.Glob(filepath.Join("testdata", dir, "*.txtar"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden files in testdata/%s: %v", dir, err)
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			files := map[string]string{}
			for _, f := range ar.Files {
				files[f.Name] = string(f.Data)
			}
			got := fn(t, files)
			if *update {
				var kept []txtar.File
				for _, f := range ar.Files {
					if f.Name != "want" {
						kept = append(kept, f)
					}
				}
				ar.Files = append(kept, txtar.File{Name: "want", Data: []byte(got)})
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want, ok := files["want"]; !ok || got != want {
				t.Errorf("%s: got\n%s\nwant\n%s", path, got, want)
			}
		})
	}
}

// trimInput drops the newline txtar puts at the end of each section, so a
// section "a" holds exactly the text between its header and the next.
func trimInput(s string) string { return strings.TrimSuffix(s, "\n") }

// formatDiff writes ops and variations one a line for golden files.
func formatDiff(r DiffResult) string {
	var sb strings.Builder
	for _, o := range r.Ops {
		mark := map[string]string{OpEqual: "=", OpDelete: "-", OpInsert: "+"}[o.Op]
		fmt.Fprintf(&sb, "%s %q", mark, o.Text)
		if o.Type != "" {
			fmt.Fprintf(&sb, " (%s)", o.Type)
		}
		sb.WriteByte('\n')
	}
	sb.WriteString("--\n")
	for _, v := range r.Variations {
		fmt.Fprintf(&sb, "%s %q -> %q\n", v.Type, v.From, v.To)
	}
	return sb.String()
}

// TestAlignGolden aligns the a/b pairs of testdata/align and of
// testdata/variation (one file per variation type).
func TestAlignGolden(t *testing.T) {
	for _, dir := range []string{"align", "variation"} {
		t.Run(dir, func(t *testing.T) {
			goldenFiles(t, dir, func(t *testing.T, files map[string]string) string {
				a, b := trimInput(files["a"]), trimInput(files["b"])
				r := Diff(a, b)
				checkDiff(t, a, b, r)
				return formatDiff(r)
			})
		})
	}
}

// checkDiff verifies the invariants of a diff: the ops reassemble both
// texts, every offset points at its text, and similarity is in 0..1.
func checkDiff(t testing.TB, a, b string, r DiffResult) {
	t.Helper()
	var ga, gb strings.Builder
	pa, pb := 0, 0
	for i, o := range r.Ops {
		if o.Text == "" {
			t.Fatalf("op %d is empty", i)
		}
		if o.AStart != pa || o.BStart != pb {
			t.Fatalf("op %d starts at %d/%d, want %d/%d", i, o.AStart, o.BStart, pa, pb)
		}
		switch o.Op {
		case OpEqual:
			ga.WriteString(o.Text)
			gb.WriteString(o.Text)
		case OpDelete:
			ga.WriteString(o.Text)
		case OpInsert:
			gb.WriteString(o.Text)
		default:
			t.Fatalf("op %d: unknown op %q", i, o.Op)
		}
		if o.Op != OpInsert && a[o.AStart:o.AEnd] != o.Text || o.Op == OpInsert && o.AStart != o.AEnd {
			t.Fatalf("op %d %q: a[%d:%d] = %q", i, o.Text, o.AStart, o.AEnd, a[o.AStart:o.AEnd])
		}
		if o.Op != OpDelete && b[o.BStart:o.BEnd] != o.Text || o.Op == OpDelete && o.BStart != o.BEnd {
			t.Fatalf("op %d %q: b[%d:%d] = %q", i, o.Text, o.BStart, o.BEnd, b[o.BStart:o.BEnd])
		}
		pa, pb = o.AEnd, o.BEnd
	}
	if ga.String() != a || gb.String() != b {
		t.Fatalf("ops reassemble\n%q\n%q\nwant\n%q\n%q", ga.String(), gb.String(), a, b)
	}
	for _, v := range r.Variations {
		if v.AStart < 0 || v.AEnd > len(a) || v.AStart > v.AEnd || a[v.AStart:v.AEnd] != v.From {
			t.Fatalf("variation %+v: From is not a[%d:%d]", v, v.AStart, v.AEnd)
		}
		if v.BStart < 0 || v.BEnd > len(b) || v.BStart > v.BEnd || b[v.BStart:v.BEnd] != v.To {
			t.Fatalf("variation %+v: To is not b[%d:%d]", v, v.BStart, v.BEnd)
		}
		if v.Type.Rank() == len(VariationTypes) {
			t.Fatalf("variation %+v: unknown type", v)
		}
		if v.From == "" && v.To == "" {
			t.Fatalf("variation %+v: empty on both sides", v)
		}
		if v.From == v.To {
			t.Fatalf("variation %+v: the same words on both sides", v)
		}
	}
	if r.Similarity < 0 || r.Similarity > 1 {
		t.Fatalf("similarity %v out of 0..1", r.Similarity)
	}
}

// TestSeedVariations checks the typings issues 3 and 6 ask for on the
// seeds' attack-definition and ten-year-term wordings.
func TestSeedVariations(t *testing.T) {
	const (
		a000   = `any future "significant, deliberate, and sustained armed attack" by Russia on Ukraine`
		a002   = `any future “significant, intentional, and prolonged armed assault” by Russia beyond the agreed ceasefire line`
		b000   = `In the event of a significant and sustained attack by Russia`
		ten000 = `the plan's security guarantee would be initially valid for 10 years, with a renewal clause included if mutual consent were presented`
		ten002 = `The initial duration of the security guarantee would be ten years, renewable by mutual consent`
	)
	tests := []struct {
		name, a, b string
		want       []Variation // type, from and to only
	}{
		{"attack definition reworded", a000, a002, []Variation{
			{Type: TypeSynonym, From: "deliberate", To: "intentional"},
			{Type: TypeSynonym, From: "sustained", To: "prolonged"},
			{Type: TypeSynonym, From: "attack", To: "assault"},
		}},
		{"attack definition shortened", a000, b000, []Variation{
			{Type: TypeOmission, From: "deliberate"},
			{Type: TypeOmission, From: "armed"},
		}},
		{"ten-year term", ten000, ten002, []Variation{
			{Type: TypeNumber, From: "10", To: "ten"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Diff(tt.a, tt.b)
			checkDiff(t, tt.a, tt.b, r)
			for _, w := range tt.want {
				found := false
				for _, v := range r.Variations {
					found = found || v.Type == w.Type && v.From == w.From && v.To == w.To
				}
				if !found {
					t.Errorf("no %s %q -> %q in %s", w.Type, w.From, w.To, formatDiff(r))
				}
			}
			// Word substitutions show as whole words, never characters.
			for _, o := range r.Ops {
				if o.Op == OpEqual {
					continue
				}
				for _, w := range tt.want {
					if w.To != "" && strings.Contains(o.Text, w.To) && strings.TrimSpace(o.Text) != w.To {
						t.Errorf("op %q should be the word %q alone", o.Text, w.To)
					}
				}
			}
		})
	}
}

func TestDiffEdgeCases(t *testing.T) {
	long := strings.Repeat("The ceasefire line holds.\n", 3000)
	longB := strings.Replace(long, "holds", "breaks", 7)
	tests := []struct{ name, a, b string }{
		{"both empty", "", ""},
		{"a empty", "", "new words here"},
		{"b empty", "old words", ""},
		{"white space only", "  \n", "\t"},
		{"same", "the same text", "the same text"},
		{"spacing differs", "the  same\ntext", "the same text "},
		{"invalid utf8", "caf\xe9 \xff", "cafe \xfe"},
		{"punctuation only", "...", "!?"},
		{"long, by lines", long, longB},
		{"long one line", strings.Repeat("alpha beta ", 2500), strings.Repeat("beta gamma ", 2500)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkDiff(t, tt.a, tt.b, Diff(tt.a, tt.b))
			if got, again := formatDiff(Diff(tt.a, tt.b)), formatDiff(Diff(tt.a, tt.b)); got != again {
				t.Fatal("Diff is not deterministic")
			}
		})
	}
}

func FuzzDiff(f *testing.F) {
	f.Add(`any future "significant, deliberate, and sustained armed attack"`, `any future “significant, intentional, and prolonged armed assault”`)
	f.Add("valid for 10 years", "valid for ten years")
	f.Add("$100 billion by 27 November", "one hundred billion US dollars by November 27")
	f.Add("U.S.–NATO–Russia", "US-Nato-Russia")
	f.Add("a\n\nb  c", "a b\r\nc")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 4000 || len(b) > 4000 {
			return
		}
		checkDiff(t, a, b, Diff(a, b))
	})
}

func BenchmarkDiffArticles(b *testing.B) {
	docs := seedDocs()
	x, y := docs[0].Text, docs[2].Text
	b.SetBytes(int64(len(x) + len(y)))
	for b.Loop() {
		Diff(x, y)
	}
}

func TestWriteDiff(t *testing.T) {
	r := Diff("valid for 10 years,\nrenewable", "valid for ten years,\nrenewable by consent")
	tests := []struct {
		color bool
		want  []string
	}{
		{false, []string{"valid for [-10-]{+ten+} years,\nrenewable {+by consent+}\n", "number", "10 → ten", "addition", "+ by consent"}},
		{true, []string{ansiRed + "10" + ansiReset, ansiGreen + "ten" + ansiReset}},
	}
	for _, tt := range tests {
		var b strings.Builder
		if err := WriteDiff(&b, r, tt.color); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("color=%v: output lacks %q:\n%s", tt.color, w, b.String())
			}
		}
	}
}

// TestWriteDiffLayout: the marked-up text, a blank line, then the score,
// whichever side ends in a newline or is empty.
func TestWriteDiffLayout(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"Word.\n", "Word here.\n", "Word {+here+}.\n\nsimilarity"},
		{"Word.\n", "", "[-Word.-]\n\nsimilarity 0.00\n"},
		{"", "Word.", "{+Word.+}\n\nsimilarity 0.00\n"},
		{"", "", "similarity 1.00\n"},
	}
	for _, tt := range tests {
		var b strings.Builder
		if err := WriteDiff(&b, Diff(tt.a, tt.b), false); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(b.String(), tt.want) {
			t.Errorf("Diff(%q, %q) prints\n%q, want it to start\n%q", tt.a, tt.b, b.String(), tt.want)
		}
	}
}

// TestDiffMarkup checks how changes read in the marked-up text: white space
// outside the markers, struck words kept apart from what follows, quote
// style changes shown as the witness writes them.
func TestDiffMarkup(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"will be considered the peace", "peace", "[-will be considered the-] peace"},
		{"the big dog", "the dog", "the [-big-] dog"},
		{"the dog", "the big dog", "the {+big+} dog"},
		{"a deliberate attack", "a intentional attack", "a [-deliberate-]{+intentional+} attack"},
		{`he said "no"`, "he said “no”", "he said “no”"},
		{"Putin’s signature", "Putin's signature", "Putin's signature"},
		{"valid for 10 years", "valid for ten years", "valid for [-10-]{+ten+} years"},
	}
	for _, tt := range tests {
		var b strings.Builder
		if err := WriteDiff(&b, Diff(tt.a, tt.b), false); err != nil {
			t.Fatal(err)
		}
		if got, _, _ := strings.Cut(b.String(), "\n"); got != tt.want {
			t.Errorf("Diff(%q, %q) reads %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSameName(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Zelensky", "Zelenskyy", true},
		{"Umerov", "Umierov", true},
		{"Nato", "NATO", true},
		{"U.S.", "US", true},
		{"US", "USA", true},
		{"United Kingdom", "UK", true},
		{"Central Intelligence Agency", "CIA", true},
		{"Iran", "Iraq", false},
		{"Austria", "Australia", false},
		{"Russia", "Russian", false},
		{"Democratic", "Democrats", false},
		{"Worker's", "Workers", false},
		{"the", "The", false},
		{"Trump", "Biden", false},
	}
	c := &classifier{wn: loadWordNet()}
	for _, tt := range tests {
		a, b := Tokenize(tt.a), Tokenize(tt.b)
		if got := c.sameName(a, b, 0, len(tt.a), 0, len(tt.b)); got != tt.want {
			t.Errorf("sameName(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestLCS(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"a b c", "", 0},
		{"a b c", "a b c", 3},
		{"a b c d", "a c", 2},
		{"a b c", "c b a", 1},
		{"significant deliberate and sustained attack", "significant and sustained attack", 4},
	} {
		if got, _ := lcs(strings.Fields(c.a), strings.Fields(c.b), nil); got != c.want {
			t.Errorf("lcs(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// TestDiffLongBlock: a changed block longer than maxWordDiff tokens (one
// line here, so the line pass cannot split it) is aligned on anchors,
// word by word, not shown as one replacement.
func TestDiffLongBlock(t *testing.T) {
	var a, b []string
	for i := range 3000 {
		w := fmt.Sprintf("word%d", i)
		a = append(a, w)
		if i%5 == 0 {
			w = fmt.Sprintf("other%d", i)
		}
		b = append(b, w)
	}
	ta, tb := strings.Join(a, " "), strings.Join(b, " ")
	r := Diff(ta, tb)
	checkDiff(t, ta, tb, r)
	longest := 0
	for _, o := range r.Ops {
		if o.Op != OpEqual {
			longest = max(longest, len(o.Text))
		}
	}
	if len(r.Variations) != 600 || longest > len("other2995") {
		t.Errorf("%d variations, longest change %d bytes; want 600 one-word substitutions", len(r.Variations), longest)
	}
}

// TestIncreasingInB checks the patience-sort step of diffAnchored against
// the longest increasing subsequence's length found by brute force.
func TestIncreasingInB(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		n := r.IntN(9)
		pairs := make([][2]int, n)
		for i := range pairs {
			pairs[i] = [2]int{i, r.IntN(12)}
		}
		got := increasingInB(pairs)
		for k := 1; k < len(got); k++ {
			if got[k][0] <= got[k-1][0] || got[k][1] <= got[k-1][1] {
				t.Fatalf("%v: %v does not increase", pairs, got)
			}
		}
		best := 0
		for mask := 0; mask < 1<<n; mask++ {
			last, size, ok := -1, 0, true
			for i := range n {
				if mask&(1<<i) != 0 {
					if pairs[i][1] <= last {
						ok = false
						break
					}
					last, size = pairs[i][1], size+1
				}
			}
			if ok {
				best = max(best, size)
			}
		}
		if len(got) != best {
			t.Fatalf("%v: %v has %d pairs, the longest increasing series %d", pairs, got, len(got), best)
		}
	}
}

func TestMarkMoved(t *testing.T) {
	v := func(typ VariationType, from, to string) Variation { return Variation{Type: typ, From: from, To: to} }
	tests := []struct {
		name string
		vars []Variation
		want []bool
	}{
		{"left out here, put in there", []Variation{v(TypeOmission, "only", ""), v(TypeAddition, "", "only")}, []bool{true, true}},
		{"swapped", []Variation{v(TypeSubstantive, "Ukraine", "Europe"), v(TypeSubstantive, "Europe", "Ukraine")}, []bool{true, true}},
		{"a name moved to the front", []Variation{v(TypeSubstantive, "The person", "Trump’s envoy, Steve Witkoff"), v(TypeOmission, "was Trump's envoy Steve Witkoff", "")}, []bool{true, true}},
		{"a phrase replaced by a word found elsewhere", []Variation{v(TypeSubstantive, "The lawsuit also names Trump's", "his"), v(TypeOmission, "his", "")}, []bool{false, false}},
		{"one word inside a longer omission", []Variation{v(TypeOmission, "the draft was leaked to reporters", ""), v(TypeAddition, "", "draft")}, []bool{false, false}},
		{"style differences are not moves", []Variation{v(TypeOrthographic, "'", ""), v(TypeOrthographic, "", "'")}, []bool{false, false}},
	}
	for _, tt := range tests {
		markMoved(tt.vars)
		for i, w := range tt.want {
			if tt.vars[i].Moved != w {
				t.Errorf("%s: variation %d (%q → %q) moved = %v, want %v", tt.name, i, tt.vars[i].From, tt.vars[i].To, tt.vars[i].Moved, w)
			}
		}
	}
	a := Aligned{Cluster: Cluster{Witnesses: []Witness{{}, {}}}, Variations: []Variation{{Type: TypeOmission, From: "only", Moved: true}, {Type: TypeSubstantive, From: "a", To: "b"}}}
	if serious(a) != 1 || shownTypes(a)[TypeOmission] != 0 {
		t.Errorf("serious %d, shown %v: moved words are neither serious nor shown as an omission", serious(a), shownTypes(a))
	}
}

// TestHTMLMovedIsNotLeftOut: the page lists a moved phrase as had
// elsewhere, not as left out.
func TestHTMLMovedIsNotLeftOut(t *testing.T) {
	a := Align(Cluster{Kind: KindClause, Witnesses: []Witness{
		{Article: "a", Source: "a.txt", Text: "The envoy will only meet the two delegations in Geneva on Friday."},
		{Article: "b", Source: "b.txt", Text: "The envoy will meet the two delegations in Geneva only on Friday."},
	}}, nil)
	var b strings.Builder
	if err := WriteHTML(&b, Report{Clusters: []Aligned{a}}); err != nil {
		t.Fatal(err)
	}
	if page := b.String(); !strings.Contains(page, "(moved, not left out)") || strings.Contains(page, "left out <del") {
		var vs []string
		for _, v := range a.Variations {
			vs = append(vs, fmt.Sprintf("%s %q→%q moved=%v", v.Type, v.From, v.To, v.Moved))
		}
		t.Errorf("variations %q: the page should say the name is moved, not left out", vs)
	}
}
