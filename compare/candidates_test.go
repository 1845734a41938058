package compare

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestBucketKey checks that a band's key gives back its item and hash, and
// that the shuffle differs between bands.
func TestBucketKey(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	items := []int32{0, 1, 2, 1 << 20, 1<<31 - 1}
	for range 10000 {
		items = append(items, r.Int32())
	}
	for _, item := range items {
		for _, band := range []int{0, 1, lshBands - 1} {
			hash := r.Uint32()
			k := bucketKey(hash, item, band)
			if got := bucketItem(k, band); got != item {
				t.Fatalf("bucketItem(bucketKey(%d, %d, %d)) = %d", hash, item, band, got)
			}
			if uint32(k>>32) != hash {
				t.Fatalf("bucketKey(%d, %d, %d) keeps hash %d", hash, item, band, k>>32)
			}
		}
	}
	same := 0
	for u := int32(0); u < 1000; u++ {
		if uint32(bucketKey(0, u, 0)) < uint32(bucketKey(0, u+1, 0)) == (uint32(bucketKey(0, u, 1)) < uint32(bucketKey(0, u+1, 1))) {
			same++
		}
	}
	if same < 400 || same > 600 {
		t.Errorf("bands 0 and 1 order neighbours alike %d times in 1000; want about half", same)
	}
}

// TestUnitEdges: a clause starts at its first word, a currency sign before
// a number, or a mark that opens a quotation, never at a straight mark
// that closes the one before; it keeps a per cent sign at its end.
func TestUnitEdges(t *testing.T) {
	for _, tc := range []struct {
		text    string
		want    []string // units that must be among the clauses
		notWant []string // units that must not be
	}{
		{
			`"These memos are significant for both what is in them and what is not," said a statement from Judiciary Chairman Bob Goodlatte, Oversight Chairman Trey Gowdy and Intelligence Chairman Devin Nunes.`,
			[]string{`said a statement from Judiciary Chairman Bob Goodlatte, Oversight Chairman Trey Gowdy and Intelligence Chairman Devin Nunes.`},
			nil,
		},
		{
			`The minister spoke to reporters outside the building on Friday morning, "We will not sign any agreement that gives away our land," she said.`,
			[]string{`"We will not sign any agreement that gives away our land," she said.`},
			nil,
		},
		{
			// A number's signs stay with it at either edge.
			`- $200 billion would go to reconstruction, and exports to the region rose 2%`,
			[]string{`$200 billion would go to reconstruction`, `and exports to the region rose 2%`},
			nil,
		},
		{
			// An aside in brackets keeps both of them.
			`The minister said the budget (approved in May) would rise by 5% next year, according to officials.`,
			[]string{`The minister said the budget (approved in May)`, `(approved in May) would rise by 5% next year, according to officials.`},
			nil,
		},
		{
			// A quote's mark goes with a clause only when its partner
			// does: the quote's words are the clause, not the mark
			// before them.
			`"North Korea has agreed to suspend all Nuclear Tests and close up a major test site," the president said in a Twitter message.`,
			[]string{`North Korea has agreed to suspend all Nuclear Tests and close up a major test site`,
				`"North Korea has agreed to suspend all Nuclear Tests and close up a major test site," the president said in a Twitter message.`},
			[]string{`"North Korea has agreed to suspend all Nuclear Tests and close up a major test site`},
		},
		{
			// The last sentence of a quote that began in an earlier one.
			`We will rebuild every school and every hospital in the region by the end of next year.”`,
			[]string{`We will rebuild every school and every hospital in the region by the end of next year.`},
			[]string{`We will rebuild every school and every hospital in the region by the end of next year.”`},
		},
		{
			// A dateline is no part of the statement.
			`WASHINGTON (Reuters) - The Democratic Party sued the Russian government on Friday.`,
			[]string{`The Democratic Party sued the Russian government on Friday.`},
			[]string{`WASHINGTON (Reuters) - The Democratic Party sued the Russian government on Friday.`},
		},
		{
			`WEST PALM BEACH, Fla. — President Trump dispatched the director to North Korea to meet with its leader, Kim Jong-un, in recent weeks, two people briefed on the trip said.`,
			[]string{`President Trump dispatched the director to North Korea to meet with its leader, Kim Jong-un, in recent weeks, two people briefed on the trip said.`},
			[]string{`WEST PALM BEACH, Fla. — President Trump dispatched the director to North Korea to meet with its leader`},
		},
		{
			`NATO — the alliance of thirty members — met on Friday to discuss the plan.`,
			[]string{`NATO — the alliance of thirty members — met on Friday to discuss the plan.`},
			nil,
		},
		{
			// No clause starts at a company's "Inc.".
			`Brad Parscale, campaign manager of Donald J. Trump for President, Inc., slammed the suit as "frivolous" and predicted it would be dismissed.`,
			nil,
			[]string{`Inc., slammed the suit as "frivolous" and predicted it would be dismissed.`},
		},
		{
			// An acronym in brackets is part of the name before it, no
			// aside: no clause starts at "(WPK)".
			`NK News reported that Kim told a Workers' Party of Korea (WPK) meeting that there was no need for such a nuclear program anymore.`,
			nil,
			[]string{`(WPK) meeting that there was no need for such a nuclear program anymore.`, `meeting that there was no need for such a nuclear program anymore.`},
		},
		{
			`He called it “a major win for Ukraine and for Europe”, officials in Brussels said on Sunday evening.`,
			[]string{`He called it “a major win for Ukraine and for Europe”`},
			nil,
		},
	} {
		s := NewScorer(nil, nil)
		toks := Tokenize(tc.text)
		sen := sentence{end: len(tc.text), toks: toks, terms: s.terms(toks)}
		var got []string
		sen.units(0, func(u unit) { got = append(got, tc.text[u.start:u.end]) })
		for _, g := range got {
			if g[0] == '"' && len(g) > 1 && g[1] == ' ' {
				t.Errorf("unit %q starts with the mark that closes the quote before it", g)
			}
		}
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("units of %q:\n%q\nwant among them %q", tc.text, got, w)
			}
		}
		for _, w := range tc.notWant {
			if slices.Contains(got, w) {
				t.Errorf("units of %q:\n%q\nwant %q not among them", tc.text, got, w)
			}
		}
	}
}

// TestLongSentenceNotAUnit: a "sentence" longer than maxSentTokens (a
// table, or text without full stops) is not matched.
func TestLongSentenceNotAUnit(t *testing.T) {
	s := NewScorer(nil, nil)
	text := strings.Repeat("committee reports budget figures ", maxSentTokens/4+1)
	toks := Tokenize(text)
	sen := sentence{end: len(text), toks: toks, terms: s.terms(toks)}
	n := 0
	sen.units(0, func(unit) { n++ })
	if n != 0 {
		t.Errorf("a %d-token sentence gave %d units, want none", len(toks), n)
	}
}

// TestSharedProfileLong: a long text's profile (distinct stems found with
// a map) is the profile of its distinct words (found by a scan).
func TestSharedProfileLong(t *testing.T) {
	s := NewScorer(nil, nil)
	short := "the committee will publish its full report on the missile programme next week"
	long := strings.TrimSpace(strings.Repeat(short+" ", 10))
	ps := s.sharedProfile(s.terms(Tokenize(short)))
	pl := s.sharedProfile(s.terms(Tokenize(long)))
	if len(s.terms(Tokenize(long))) <= 64 {
		t.Fatal("the long text is too short to take the map path")
	}
	if !slices.Equal(ps.stemSorted, pl.stemSorted) || !slices.Equal(ps.weights, pl.weights) || ps.total != pl.total {
		t.Errorf("profiles differ:\nshort %v %v\nlong  %v %v", ps.stemSorted, ps.weights, pl.stemSorted, pl.weights)
	}
}

// TestKeepStrongest checks the degree cap: a pair survives when it is
// among the maxDegree strongest of either item, ties go to the lower
// partner, and a pair met twice comes out once.
func TestKeepStrongest(t *testing.T) {
	tests := []struct {
		name   string
		pairs  []candidate
		degree int
		want   []candidate
	}{
		{"met twice", []candidate{{0, 1, .5}, {0, 1, .5}}, 1, []candidate{{0, 1, .5}}},
		{"either keeps", []candidate{{0, 1, .9}, {0, 2, .8}, {0, 3, .7}}, 1,
			[]candidate{{0, 1, .9}, {0, 2, .8}, {0, 3, .7}}},
		{"neither keeps", []candidate{{0, 1, .9}, {2, 3, .9}, {0, 2, .5}}, 1,
			[]candidate{{0, 1, .9}, {2, 3, .9}}},
		{"tie to lower partner", []candidate{{0, 2, .5}, {0, 1, .5}, {1, 3, .9}, {2, 3, .8}}, 1,
			[]candidate{{0, 1, .5}, {1, 3, .9}, {2, 3, .8}}},
		{"none", nil, 8, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sortedPairs(keepStrongest(tt.pairs, 4, tt.degree))
			if !slices.Equal(got, tt.want) {
				t.Errorf("keepStrongest = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestKeepStrongestReference checks keepStrongest against a direct
// reading of its rule (sort each item's partners) on random pairs.
func TestKeepStrongestReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := range 200 {
		n := 2 + r.IntN(30)
		degree := 1 + r.IntN(5)
		var pairs []candidate
		for range r.IntN(4 * n) {
			a, b := r.Int32N(int32(n)), r.Int32N(int32(n))
			if a == b {
				continue
			}
			a, b = min(a, b), max(a, b)
			p := candidate{a, b, float32(1+r.IntN(6)) / 6}
			if i := slices.IndexFunc(pairs, func(q candidate) bool { return q.a == a && q.b == b }); i >= 0 {
				p = pairs[i] // the same pair has the same similarity
			}
			pairs = append(pairs, p)
			if r.IntN(5) == 0 {
				pairs = append(pairs, p)
			}
		}
		want := map[candidate]bool{}
		for x := range int32(n) {
			var mine []candidate
			for _, p := range pairs {
				if (p.a == x || p.b == x) && !slices.Contains(mine, p) {
					mine = append(mine, p)
				}
			}
			other := func(p candidate) int32 { return p.a + p.b - x }
			slices.SortFunc(mine, func(p, q candidate) int {
				if p.jaccard != q.jaccard {
					return cmp.Compare(q.jaccard, p.jaccard)
				}
				return cmp.Compare(other(p), other(q))
			})
			for _, p := range mine[:min(degree, len(mine))] {
				want[p] = true
			}
		}
		got := keepStrongest(pairs, n, degree)
		seen := map[candidate]bool{}
		for _, p := range got {
			if seen[p] {
				t.Fatalf("round %d: %v kept twice", round, p)
			}
			seen[p] = true
		}
		if len(seen) != len(want) {
			t.Fatalf("round %d: kept %d pairs, want %d (%v, want %v)", round, len(seen), len(want), sortedPairs(got), want)
		}
		for p := range want {
			if !seen[p] {
				t.Fatalf("round %d: %v not kept", round, p)
			}
		}
	}
}

func sortedPairs(ps []candidate) []candidate {
	ps = slices.Clone(ps)
	slices.SortFunc(ps, func(x, y candidate) int {
		return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
	return ps
}

func TestIntersection(t *testing.T) {
	tests := []struct {
		a, b []uint64
		want int
	}{
		{nil, nil, 0},
		{[]uint64{1, 2, 3}, nil, 0},
		{[]uint64{1, 2, 3}, []uint64{1, 2, 3}, 3},
		{[]uint64{1, 3, 5}, []uint64{2, 4, 6}, 0},
		{[]uint64{1, 3, 5, 7}, []uint64{3, 7}, 2},
		{[]uint64{5}, []uint64{1, 2, 3, 4, 5}, 1},
		{[]uint64{0, 1<<64 - 1}, []uint64{1<<64 - 1}, 1},
	}
	for _, tt := range tests {
		if got := intersection(tt.a, tt.b); got != tt.want {
			t.Errorf("intersection(%v, %v) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := intersection(tt.b, tt.a); got != tt.want {
			t.Errorf("intersection(%v, %v) = %d, want %d", tt.b, tt.a, got, tt.want)
		}
	}
}

// TestKeyMaskBound checks that a mask's bound is never below the true
// intersection, also when keys collide in one bit (a popcount of the two
// masks' common bits would be: two shared keys on one bit count once), and
// that it spares the exact test for most sets that have little in common.
func TestKeyMaskBound(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	set := func(universe int) []uint64 {
		var ks []uint64
		for range 3 + r.IntN(20) {
			ks = append(ks, mix(uint64(r.IntN(universe))))
		}
		slices.Sort(ks)
		return slices.Compact(ks)
	}
	// Two keys on one bit, both shared.
	a := []uint64{5, 5 + 128, 7}
	b := []uint64{5, 5 + 128, 9}
	if m := maskOf(b); m.bound(a) < intersection(a, b) {
		t.Fatalf("bound %d < intersection %d with colliding keys", m.bound(a), intersection(a, b))
	}
	spared, low := 0, 0
	for range 100000 {
		universe := []int{30, 300, 3000}[r.IntN(3)]
		a, b := set(universe), set(universe)
		m := maskOf(b)
		in, bound := intersection(a, b), m.bound(a)
		if bound < in {
			t.Fatalf("bound %d < intersection %d: %v %v", bound, in, a, b)
		}
		if jaccard(a, b) < minJaccard {
			low++
			if 6*bound < len(a)+len(b) {
				spared++
			}
		}
	}
	if spared*2 < low {
		t.Errorf("the bound spared %d of %d exact tests of sets below minJaccard, want at least half", spared, low)
	}
	t.Logf("spared %d of %d", spared, low)
}

// TestRadixSort checks radixSort against slices.Sort, on keys that share
// digits (which passes skip) and on random ones.
func TestRadixSort(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, 5, 255, 256, 1000, 70000} {
		for _, mask := range []uint64{^uint64(0), 0xffff0000ffff0000, 0xff, 1 << 63} {
			keys := make([]uint64, n)
			for i := range keys {
				keys[i] = r.Uint64() & mask
			}
			want := slices.Clone(keys)
			slices.Sort(want)
			radixSort(keys, make([]uint64, n))
			if !slices.Equal(keys, want) {
				t.Fatalf("n=%d mask=%x: radixSort differs from slices.Sort", n, mask)
			}
		}
	}
}

// keepStrongest returns, once each, the pairs that are among the maxDegree
// strongest of either of their n items (see strongest). pairs may hold a
// pair more than once.
func keepStrongest(pairs []candidate, n, maxDegree int) []candidate {
	top := newStrongest(n, maxDegree)
	for _, p := range pairs {
		top.add(p)
	}
	return top.pairs()
}

// TestSplitSentences: the fallback splitter ends a sentence after ., ! or ?
// and closing marks, not after an initial, a dotted abbreviation or a
// title before a name.
func TestSplitSentences(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{`"I don't know when Mueller will finish," Mr. Perez said. "I'm very concerned."`,
			[]string{`"I don't know when Mueller will finish," Mr. Perez said.`, `"I'm very concerned."`}},
		{"U.S. officials met J. Smith on Monday. Talks went on.\nDr. Brown and Sen. Warren agreed!",
			[]string{"U.S. officials met J. Smith on Monday.", "Talks went on.", "Dr. Brown and Sen. Warren agreed!"}},
		{"Shares rose 2.5 percent. 10 firms fell.", []string{"Shares rose 2.5 percent.", "10 firms fell."}},
	} {
		var got []string
		for _, s := range splitSentences(c.text) {
			got = append(got, c.text[s.Start:s.End])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("splitSentences(%q):\n got %q\nwant %q", c.text, got, c.want)
		}
	}
}

// TestCreditTail: a clause of a sentence that ends on an attribution it
// leaves out carries that attribution, so the report can say the words
// are a claim; the sentence and clauses that hold it carry none.
func TestCreditTail(t *testing.T) {
	text := "In 2015 and 2016, Russian intelligence agents hacked into DNC computer systems, stole DNC documents and emails, and used WikiLeaks to spread the stolen materials to voters, the DNC alleges."
	s := NewScorer(nil, nil)
	toks := Tokenize(text)
	sen := sentence{end: len(text), toks: toks, terms: s.terms(toks)}
	credited, whole := 0, 0
	sen.units(0, func(u unit) {
		got := text[u.creditStart:u.creditEnd]
		switch {
		case u.end <= strings.Index(text, "the DNC alleges"):
			credited++
			if got != "the DNC alleges" {
				t.Errorf("unit %q: credit %q, want \"the DNC alleges\"", text[u.start:u.end], got)
			}
		case got != "":
			t.Errorf("unit %q holds the attribution, yet carries credit %q", text[u.start:u.end], got)
		default:
			whole++
		}
	})
	if credited == 0 || whole == 0 {
		t.Errorf("%d units before the attribution, %d holding it; want some of each", credited, whole)
	}
	// "according to" and a time after the cue are attributions too.
	for text, want := range map[string]string{
		"Russian agents hacked into DNC computer systems, stole documents and emails, and spread them to voters, according to the lawsuit.": "according to the lawsuit",
		"Russian agents hacked into DNC computer systems, stole documents and emails, and spread them to voters, officials said on Monday.": "officials said on Monday",
	} {
		toks := Tokenize(text)
		sen := sentence{end: len(text), toks: toks, terms: s.terms(toks)}
		if cs, ce := sen.creditTail(); text[cs:ce] != want {
			t.Errorf("%q: credit %q, want %q", text, text[cs:ce], want)
		}
	}
	// A sentence that ends on a statement of its own credits nothing.
	for _, text := range []string{
		"Russian agents hacked into DNC computer systems, stole documents and emails, and spread them to voters last year.",
		"Police arrested the man at his home in the north of the city on Friday, hours after the shooting was reported.",
		"The house was built in 1820 by a wealthy merchant for his large family, and it has been well maintained.",
		"Fewer violent crimes are being committed in the city than a decade ago, but more are reported.",
	} {
		toks := Tokenize(text)
		sen := sentence{end: len(text), toks: toks, terms: s.terms(toks)}
		sen.units(0, func(u unit) {
			if u.creditEnd > u.creditStart {
				t.Errorf("unit %q: credit %q, want none", text[u.start:u.end], text[u.creditStart:u.creditEnd])
			}
		})
	}
}

// TestDatelineUnits: no unit of a sentence opening on a dateline holds it,
// the sentence's nor any clause's: outlets that print none would seem to
// leave it out.
func TestDatelineUnits(t *testing.T) {
	s := NewScorer(nil, nil)
	for _, text := range []string{
		"WEST PALM BEACH, Fla. — President Trump dispatched the C.I.A. director Mike Pompeo to North Korea to meet with its leader, Kim Jong-un, in recent weeks to lay the groundwork for a summit meeting between Mr. Kim and Mr. Trump, two people briefed on the secret trip said on Tuesday.",
		"WASHINGTON (Reuters) - The Democratic Party sued the Russian government, the Trump campaign and WikiLeaks on Friday, charging that they carried out a wide-ranging conspiracy.",
		"NEW YORK, March 3 - Shares of the company rose sharply on Tuesday, traders said, after the board approved the sale of its cable unit to a rival group.",
	} {
		toks := Tokenize(text)
		sen := sentence{end: len(text), toks: toks, terms: s.terms(toks)}
		n := 0
		sen.units(0, func(u unit) {
			n++
			if u.start < strings.IndexAny(text, "—-")+2 {
				t.Errorf("unit %q holds the dateline", text[u.start:u.end])
			}
		})
		if n < 2 {
			t.Errorf("%q: %d units, want the sentence and its clauses", text, n)
		}
	}
}

// TestNoDateline: capitals and a dash that are no dateline stay in the
// sentence: a compound ("U.S.-China"), a short name before a dash ("UK —
// EU"), a headline in capitals, a list of acronyms.
func TestNoDateline(t *testing.T) {
	for _, text := range []string{
		"U.S.-China trade talks resumed in Geneva on Monday after a long pause in the negotiations over tariffs.",
		"US–China trade talks resumed in Geneva on Monday after a long pause in the negotiations over tariffs.",
		"UK — EU trade talks stall again over fishing rights and the border.",
		"FED RAISES RATES - MARKETS FALL as traders sell shares across the board.",
		"GDP, CPI - Both rose faster than economists had expected in the quarter.",
		"OK — Let me explain what the plan means for the families in the region.",
	} {
		if got := datelineEnd(Tokenize(text)); got != 0 {
			t.Errorf("%q: dateline ends at token %d, want none", text, got)
		}
	}
}
