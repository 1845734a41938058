package compare

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string // token texts
	}{
		{"", nil},
		{"  \n\t ", nil},
		{"The U.S. offered a 10-year deal.", []string{"The", "U.S.", "offered", "a", "10-year", "deal", "."}},
		{"Russia's “significant, deliberate” attack—again", []string{"Russia's", "“", "significant", ",", "deliberate", "”", "attack", "—", "again"}},
		{"Russia’s army: 600,000 troops at 3.5%", []string{"Russia’s", "army", ":", "600,000", "troops", "at", "3.5", "%"}},
		{"U.S.A and e.g. this", []string{"U.S.A", "and", "e.g.", "this"}},
		{"rock 'n' roll, ''quoted''", []string{"rock", "'", "n", "'", "roll", ",", "'", "'", "quoted", "'", "'"}},
		{"end-of-line- -start", []string{"end-of-line", "-", "-", "start"}},
		{"$100bn (£80bn)", []string{"$", "100bn", "(", "£", "80bn", ")"}},
		{"1,2 and 3.", []string{"1,2", "and", "3", "."}},
		// A title keeps its full stop, which ends no sentence.
		{"between Mr. Kim and Sen. Graham.", []string{"between", "Mr.", "Kim", "and", "Sen.", "Graham", "."}},
		{"Mattis and John R. Bolton.", []string{"Mattis", "and", "John", "R.", "Bolton", "."}},
		{"\xff\xfeabc", []string{"\xff", "\xfe", "abc"}},
	}
	for _, tc := range tests {
		toks := Tokenize(tc.in)
		var got []string
		for _, tk := range toks {
			got = append(got, tk.Text)
			if tc.in[tk.Start:tk.End] != tk.Text {
				t.Errorf("Tokenize(%q): token %q at [%d:%d] is not the text there", tc.in, tk.Text, tk.Start, tk.End)
			}
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Tokenize(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"café", "cafe"},
		{"Mr.", "mr"}, // as "Mr" is
		{"Zürich", "zurich"},
		{"Beyoncé's", "beyonce's"},
		{"The", "the"},
		{"modelled", "modeled"},
		{"modeled", "modeled"},
		{"Defence", "defense"},
		{"favourite", "favorite"},
		{"four", "4"}, // a number word, not "for" by the -our rule
		{"hour", "hour"},
		{"organisation", "organization"},
		{"analysed", "analyzed"},
		{"centre", "center"},
		{"travelling", "traveling"},
		{"dialogue", "dialog"},
		{"programme", "program"},
		{"recognised", "recognized"},
		{"ten", "10"},
		{"Ten", "10"},
		{"ten-year", "10-year"},
		{"600,000", "600000"},
		{"first", "1st"},
		{"U.S.", "usa"},
		{"US", "usa"},
		{"USA", "usa"},
		{"us", "us"},
		{"US-backed", "usa-backed"},
		{"U.K.", "uk"},
		{"Russia’s", "russia's"},
		{"“", `"`},
		{"»", `"`},
		{"’", "'"},
		{"—", "-"},
		{"–", "-"},
		{"…", "..."},
		{"", ""},
	}
	for _, tc := range tests {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzTokenize checks the tokenizer's promises on any input: tokens in
// order, not overlapping, each exactly its slice of the text, none empty or
// starting with white space, and every non-space byte inside a token.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"The U.S. offered a 10-year deal.", "“significant, deliberate”—again", "\xff\xfe", "U.S.A.B.", "a'-b", "1,000.5,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		covered := make([]bool, len(s))
		prev := 0
		for _, tk := range Tokenize(s) {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("token %+v out of order or empty (prev end %d, len %d)", tk, prev, len(s))
			}
			if s[tk.Start:tk.End] != tk.Text {
				t.Fatalf("token %+v is not the text there", tk)
			}
			if r, _ := utf8.DecodeRuneInString(tk.Text); unicode.IsSpace(r) {
				t.Fatalf("token %+v starts with white space", tk)
			}
			for i := tk.Start; i < tk.End; i++ {
				covered[i] = true
			}
			prev = tk.End
		}
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) && !covered[i] {
				t.Fatalf("byte %d (%q) of %q is in no token", i, r, s)
			}
			i += n
		}
	})
}

// TestScorerWeights checks that the cached weights are the ones computed
// from the counts, and that counting another document drops the cache.
func TestScorerWeights(t *testing.T) {
	s := NewScorer([]string{"The ceasefire held in Gaza.", "The talks in Geneva ended.", "Rain fell in Gaza."}, nil)
	for _, stem := range []string{"gaza", "the", "ceasefir", "never-seen"} {
		if got, want := s.weight(stem), s.computeWeight(stem); got != want {
			t.Errorf("weight(%q) = %v, computed %v", stem, got, want)
		}
	}
	before := s.weight("gaza")
	s.Add(termsOf(Tokenize("Gaza again.")))
	if after := s.weight("gaza"); after >= before || after != s.computeWeight("gaza") {
		t.Errorf("after one more document with gaza: weight %v, was %v, computed %v", after, before, s.computeWeight("gaza"))
	}
}

// TestSimilarityCompound checks that words written together in one text
// and apart in the other count as the same ("sun glasses"/"sunglasses"),
// in either order of the two texts.
func TestSimilarityCompound(t *testing.T) {
	s := NewScorer(nil, nil)
	a, b := "The guard wore sun glasses at the party", "The guard wore sunglasses at the party"
	other := "The guard wore sandals at the party"
	same, diff := s.Similarity(a, b), s.Similarity(a, other)
	if s.Similarity(b, a) != same || same < 0.95 || diff > same-0.2 {
		t.Errorf("Similarity: compound %.3f (reversed %.3f), other word %.3f", same, s.Similarity(b, a), diff)
	}
}

// TestSynonymCredit checks the credit of a word for a synonym in the other
// text: synonymCredit when a core group (news copy) pairs them,
// broadSynonymCredit when only WordNet does, none for an unrelated word;
// and that only core groups fold candidate keys.
func TestSynonymCredit(t *testing.T) {
	thes := DefaultThesaurus()
	for _, c := range []struct {
		a, b   string
		credit float64
		folded bool // the two words share a candidate key
	}{
		{"attack", "assault", synonymCredit, true},
		{"lawyer", "attorney", broadSynonymCredit, false},
		{"lawyer", "plumber", 0, false},
	} {
		t.Run(c.a+"/"+c.b, func(t *testing.T) {
			s := NewScorer(nil, nil)
			pa := s.sharedProfile(s.terms(Tokenize("The " + c.a + " waited outside.")))
			pb := s.sharedProfile(s.terms(Tokenize("The " + c.b + " waited outside.")))
			i := slices.IndexFunc(pa.terms, func(x *term) bool { return x.surface == c.a })
			if i < 0 {
				t.Fatalf("no term %q in %v", c.a, pa.terms)
			}
			if got := s.credit(pa, i, pb); got != c.credit {
				t.Errorf("credit of %q for %q: %v, want %v", c.a, c.b, got, c.credit)
			}
			ka := minhashKeys(termsOf(Tokenize(c.a)), thes, nil)
			kb := minhashKeys(termsOf(Tokenize(c.b)), thes, nil)
			if folded := slices.Equal(ka, kb); folded != c.folded {
				t.Errorf("candidate keys of %q and %q shared: %v, want %v", c.a, c.b, folded, c.folded)
			}
		})
	}
}

// TestSimilarityNamesOnly checks namesOnlyPenalty: two texts that share
// only names, where one of them says something in plain words, score
// less; a shared number or date is no name; a capital on the first word
// makes no name of a word the corpus writes in lower case elsewhere.
func TestSimilarityNamesOnly(t *testing.T) {
	const lowerRevenue = "Analysts said the revenue fell."
	for _, c := range []struct {
		name    string
		a, b    string
		corpus  []string // besides a and b
		penalty float64  // 0: none
	}{
		{"names only", "Gen Musharraf held talks with Tony Blair on Monday.", "Gen Musharraf said al-Qaeda was on the run.", nil, namesOnlyPenalty},
		{"a plain word shared", "The committee approved the bill on Monday.", "The committee passed the bill.", nil, 0},
		{"a number shared", "Gen Musharraf met 12 envoys.", "Gen Musharraf said 12 were held.", nil, 0},
		{"a date shared", "The vote is due by 27 November in Kyiv.", "Kyiv must sign by November 27.", nil, 0},
		{"first word written lower case elsewhere", "Revenue at Acme rose sharply.", "Revenue at Acme fell.", []string{lowerRevenue}, 0},
		{"first word never written lower case", "Revenue at Acme rose sharply.", "Revenue at Acme fell.", nil, namesOnlyPenalty},
		{"no plain word on either side", "Will Young and Bob Geldof.", "Bob Geldof, Will Young and Eminem.", nil, 0},
		{"mostly names", "Greek sprinters Kostas Kenteris and Katerina Thanou have been suspended after failing drugs tests.",
			"Greek sprinters Kostas Kenteris and Katerina Thanou have appeared before a tribunal.", nil, namesMostlyPenalty},
		{"names and what they did", "Greek sprinters Kostas Kenteris and Katerina Thanou have been suspended after missing drugs tests.",
			"Kostas Kenteris and Katerina Thanou were suspended for missing drugs tests.", nil, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := NewScorer(append([]string{c.a, c.b}, c.corpus...), nil)
			pa, pb := s.sharedProfile(s.terms(Tokenize(c.a))), s.sharedProfile(s.terms(Tokenize(c.b)))
			ma, _ := s.matched(pa, pb)
			mb, _ := s.matched(pb, pa)
			P, R := ma/pa.total, mb/pb.total
			raw := 2 * P * R / (P + R)
			want := raw
			if c.penalty != 0 {
				want *= c.penalty
			}
			if got := s.score(pa, pb); math.Abs(got-want) > 1e-12 || raw == 0 {
				t.Errorf("score %.4f, want %.4f (F-measure %.4f, penalty %v)", got, want, raw, c.penalty)
			}
		})
	}
}

// TestReadDate checks the dates that read as one number term, and what
// does not read as a date.
func TestReadDate(t *testing.T) {
	for _, c := range []struct {
		text, date string
		n          int
	}{
		{"March 31, 1987", "march 31", 2},
		{"31 March", "march 31", 2},
		{"Jan. 31", "january 31", 3},
		{"27th November", "november 27", 2},
		{"Sept 9", "september 9", 2},
		{"May 5", "may 5", 2},
		{"may 5", "", 0},        // a verb before a number, not a month
		{"March 2003", "", 0},   // a month and a year: no day
		{"31 people", "", 0},    // no month
		{"March 32", "", 0},     // no such day
		{"November", "", 0},     // a month alone stays a word
		{"Nov 1.5", "", 0},      // no day
		{"100 March", "", 0},    // three digits: no day
		{"Jan .", "", 0},        // a full stop and nothing after it
		{"March thirty", "", 0}, // days are written in digits
	} {
		date, _, _, n, ok := readDate(Tokenize(c.text))
		if date != c.date || n != c.n || ok != (c.date != "") {
			t.Errorf("readDate(%q) = %q, %d, %v; want %q, %d", c.text, date, n, ok, c.date, c.n)
		}
	}
	// One date however written; two days conflict like two numbers.
	s := NewScorer(nil, nil)
	same := s.Similarity("Qtr ended March 31", "Qtr ended 31 March")
	other := s.Similarity("Qtr ended Jan 31", "Qtr ended March 31")
	// A number word after a month is no day of it.
	words := s.Similarity("In March two people were killed in Kabul.", "Two people were killed in Kabul in March.")
	if same < 0.99 || other > 0.5 || words < 0.99 {
		t.Errorf("Similarity: the same date written two ways %.3f, two dates %.3f, a month then a number word %.3f", same, other, words)
	}
}

// TestPlainFirstWordOfText checks that only the first word of the text the
// terms came from may be plain for being capitalised there: a clause cut
// from a sentence starts with a name as written ("… said Bush spoke").
func TestPlainFirstWordOfText(t *testing.T) {
	s := NewScorer([]string{"The bush burned.", "Revenue fell.", "the revenue rose"}, nil)
	sentence := s.terms(Tokenize("Aides said Bush spoke."))
	clause := s.sharedProfile(sentence[2:]) // "Bush spoke."
	if clause.terms[0].stem != "bush" || clause.flags[0]&plainWord != 0 {
		t.Errorf("clause %q: first term %q, plain %v; want a name", "Bush spoke.", clause.terms[0].stem, clause.flags[0]&plainWord != 0)
	}
	whole := s.sharedProfile(s.terms(Tokenize("Revenue fell.")))
	if whole.terms[0].stem != "revenu" || whole.flags[0]&plainWord == 0 {
		t.Errorf("sentence %q: first term %q, plain %v; want plain", "Revenue fell.", whole.terms[0].stem, whole.flags[0]&plainWord != 0)
	}
}

// TestBackgroundShares checks the everyday-English prior on word weights:
// a common word ("know") weighs less than a rarer one ("attack") counted as
// often in a small corpus, and a word the table lacks weighs as any
// content word did before it.
func TestBackgroundShares(t *testing.T) {
	sh := backgroundShares()
	if sh["know"] <= sh["attack"] || sh["attack"] <= 0 {
		t.Errorf("shares: know %.4f, attack %.4f; want know > attack > 0", sh["know"], sh["attack"])
	}
	if _, ok := sh["zelenski"]; ok {
		t.Errorf("a name has a background share")
	}
	s := NewScorer([]string{"They know of the attack.", "Zelensky spoke."}, nil)
	if k, a, z := s.weight("know"), s.weight("attack"), s.weight("zelenski"); !(k < a && a <= z) {
		t.Errorf("weights: know %.2f, attack %.2f, zelensky %.2f; want know < attack <= zelensky", k, a, z)
	}
}

// TestFirstShared checks both ways firstShared looks (merging, and
// searching a long slice) against a plain scan, on random sorted slices.
func TestFirstShared(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	set := func(n, max int) []int32 {
		var s []int32
		for range n {
			s = append(s, int32(r.IntN(max)))
		}
		slices.Sort(s)
		return slices.Compact(s)
	}
	for range 2000 {
		ga, gb := set(1+r.IntN(6), 200), set(r.IntN(120), 200)
		want, wantOK := int32(0), false
		for _, g := range ga {
			if slices.Contains(gb, g) {
				want, wantOK = g, true
				break
			}
		}
		if got, ok := firstShared(ga, gb); got != want || ok != wantOK {
			t.Fatalf("firstShared(%v, %v) = %v, %v; want %v, %v", ga, gb, got, ok, want, wantOK)
		}
	}
}

// TestZeroThesaurus checks that a zero Thesaurus works as one with no
// groups.
func TestZeroThesaurus(t *testing.T) {
	a, b := "The attack began at dawn.", "The assault began at dawn."
	s := NewScorer([]string{a, b}, &Thesaurus{})
	if got, want := s.Similarity(a, b), NewScorer([]string{a, b}, NewThesaurus(nil)).Similarity(a, b); got != want {
		t.Errorf("Similarity with a zero Thesaurus %v, with an empty one %v", got, want)
	}
	if cs := Clusters(sampleDocs(), Options{Thesaurus: &Thesaurus{}}); len(cs) == 0 {
		t.Error("no clusters on the seeds with a zero Thesaurus")
	}
}

// TestSimilarityNumberMisses checks maxNumberMisses: each number one text
// gives and the other lacks costs numberPenalty, up to maxNumberMisses of
// them, so two long texts that differ in many figures are not scored as
// unrelated.
func TestSimilarityNumberMisses(t *testing.T) {
	sentence := func(i, n int) string {
		return fmt.Sprintf("The committee in district %d counted %d ballots for the regional budget plan.", i, n)
	}
	for _, misses := range []int{1, 2, 3, 4, 10, 40} {
		var a, b []string
		for i := range 40 {
			n := 1000 + i
			if i < misses/2 { // one number apiece on each side
				a, b = append(a, sentence(i, n)), append(b, sentence(i, n+500))
				continue
			}
			a, b = append(a, sentence(i, n)), append(b, sentence(i, n))
		}
		if misses%2 == 1 { // one number on one side only
			a = append(a, "Turnout was 61 per cent.")
			b = append(b, "Turnout was high.")
		}
		ta, tb := strings.Join(a, " "), strings.Join(b, " ")
		s := NewScorer([]string{ta, tb}, nil)
		pa, pb := s.sharedProfile(s.terms(Tokenize(ta))), s.sharedProfile(s.terms(Tokenize(tb)))
		miss, conflict := numberMismatches(pa, pb)
		if miss != misses || conflict {
			t.Fatalf("%d misses wanted: numberMismatches gives %d (conflict %v)", misses, miss, conflict)
		}
		ma, _ := s.matched(pa, pb)
		mb, _ := s.matched(pb, pa)
		P, R := ma/pa.total, mb/pb.total
		want := 2 * P * R / (P + R) * math.Pow(numberPenalty, float64(min(misses, maxNumberMisses)))
		if got := s.score(pa, pb); math.Abs(got-want) > 1e-12 || got < 0.5 {
			t.Errorf("%d numbers missed: score %.4f, want %.4f", misses, got, want)
		}
	}
}
