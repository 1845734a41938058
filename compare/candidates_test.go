package compare

import (
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

// TestUnitEdges: a clause starts at its first word or at a mark that opens
// a quotation, never at a straight mark that closes the one before.
func TestUnitEdges(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string // units that must be among the clauses
	}{
		{
			`"These memos are significant for both what is in them and what is not," said a statement from Judiciary Chairman Bob Goodlatte, Oversight Chairman Trey Gowdy and Intelligence Chairman Devin Nunes.`,
			[]string{`said a statement from Judiciary Chairman Bob Goodlatte, Oversight Chairman Trey Gowdy and Intelligence Chairman Devin Nunes.`},
		},
		{
			`The minister spoke to reporters outside the building on Friday morning, "We will not sign any agreement that gives away our land," she said.`,
			[]string{`"We will not sign any agreement that gives away our land," she said.`},
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
