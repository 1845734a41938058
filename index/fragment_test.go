package index

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search"

	"github.com/variorum/variorum/corpus"
)

// marksFor marks every occurrence of each word in text, the word being its
// own term.
func marksFor(text string, words ...string) []mark {
	tlm := search.TermLocationMap{}
	for _, w := range words {
		for i := 0; ; {
			j := strings.Index(text[i:], w)
			if j < 0 {
				break
			}
			s := i + j
			tlm[w] = append(tlm[w], &search.Location{Start: uint64(s), End: uint64(s + len(w))})
			i = s + len(w)
		}
	}
	return marksOf(tlm, text)
}

func TestFragments(t *testing.T) {
	long := strings.Repeat("filler words here ", 30) + "the armed attack came " + strings.Repeat("more filler text ", 30)
	tests := []struct {
		name      string
		text      string
		sentences []corpus.Span // nil: naiveSentences(text)
		words     []string
		want      []string // fragment texts with [marks]
	}{
		{
			name:  "sentence with most distinct terms first",
			text:  "An attack was reported. Nothing here. The armed attack came at dawn. Then armed men left.",
			words: []string{"armed", "attack"},
			want:  []string{"The [armed] [attack] came at dawn.", "An [attack] was reported.", "Then [armed] men left."},
		},
		{
			name:  "at most three fragments",
			text:  "Ceasefire one. Ceasefire two. Ceasefire three. Ceasefire four.",
			words: []string{"Ceasefire"},
			want:  []string{"[Ceasefire] one.", "[Ceasefire] two.", "[Ceasefire] three."},
		},
		{
			name:  "long sentence trimmed at spaces around the match",
			text:  long,
			words: []string{"armed", "attack"},
			// 60 bytes of lead, cut at a space; 300 bytes in all, cut at a space.
			want: []string{strings.Repeat("filler words here ", 3) + "the [armed] [attack] came " +
				strings.TrimSpace(strings.Repeat("more filler text ", 13))},
		},
		{
			name:      "no sentences: the line",
			text:      "Headline\nFirst line with the attack in it\nlast line",
			sentences: []corpus.Span{},
			words:     []string{"attack"},
			want:      []string{"First line with the [attack] in it"},
		},
		{
			name:      "sentences out of range are ignored",
			text:      "One attack here.",
			sentences: []corpus.Span{{Start: -3, End: 4}, {Start: 5, End: 900}, {Start: 9, End: 2}},
			words:     []string{"attack"},
			want:      []string{"One [attack] here."},
		},
		{
			name:      "surrounding space is trimmed",
			text:      "  \n the attack \n ",
			sentences: []corpus.Span{{Start: 0, End: 17}},
			words:     []string{"attack"},
			want:      []string{"the [attack]"},
		},
		{
			name:  "abbreviation keeps its dot",
			text:  "Talks with the U.S. went on.",
			words: []string{"U.S"},
			want:  []string{"Talks with the [U.S.] went on."},
		},
		{
			name:  "no marks",
			text:  "Nothing matches.",
			words: nil,
			want:  []string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := tt.sentences
			if sents == nil {
				sents = naiveSentences(tt.text)
			}
			frags := fragments(tt.text, sents, marksFor(tt.text, tt.words...))
			got := []string{}
			for _, f := range frags {
				checkFragment(t, tt.text, f)
				if len(f.Text) > MaxFragmentLen {
					t.Errorf("fragment of %d bytes", len(f.Text))
				}
				got = append(got, bracket(f))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("fragments\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// bracket renders a fragment with its marks in [brackets].
func bracket(f Fragment) string {
	var b strings.Builder
	last := 0
	for _, m := range f.Marks {
		b.WriteString(f.Text[last:m.Start] + "[" + f.Text[m.Start:m.End] + "]")
		last = m.End
	}
	b.WriteString(f.Text[last:])
	return b.String()
}

// FuzzFragments feeds fragments arbitrary text, sentence spans and marks:
// it must never panic, and every fragment must be the text between its
// offsets, valid where the text is, and hold its marks.
func FuzzFragments(f *testing.F) {
	f.Add("The armed attack came at dawn. Armed men left.", 4, 9, 0, 30, 31, 46)
	f.Add("é\nattaque armée", 3, 10, 0, 2, 3, 16)
	f.Add(strings.Repeat("word ", 100)+"target "+strings.Repeat("tail ", 100), 500, 506, 0, 1100, -1, 5)
	f.Fuzz(func(t *testing.T, text string, m1s, m1e, s1s, s1e, s2s, s2e int) {
		tlm := search.TermLocationMap{
			"a": {{Start: uint64(max(m1s, 0)), End: uint64(max(m1e, 0))}},
			"b": {{Start: uint64(max(m1e, 0)), End: uint64(max(m1e+3, 0))}, nil},
		}
		sents := []corpus.Span{{Start: s1s, End: s1e}, {Start: s2s, End: s2e}}
		for _, fr := range fragments(text, sents, marksOf(tlm, text)) {
			if fr.Start < 0 || fr.End > len(text) || fr.Start > fr.End || text[fr.Start:fr.End] != fr.Text {
				t.Fatalf("fragment [%d:%d] %q not the text between its offsets", fr.Start, fr.End, fr.Text)
			}
			if utf8.ValidString(text) && !utf8.ValidString(fr.Text) {
				t.Fatalf("fragment %q of valid text is not valid UTF-8", fr.Text)
			}
			for _, m := range fr.Marks {
				if m.Start < 0 || m.End > len(fr.Text) || m.Start >= m.End {
					t.Fatalf("mark %v outside fragment %q", m, fr.Text)
				}
			}
		}
	})
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in   string
		want []part
	}{
		{"", nil},
		{"  sustained   armed attack ", []part{{"sustained", false, 0}, {"armed", false, 0}, {"attack", false, 0}}},
		{`"armed attack" Russia`, []part{{"armed attack", true, 0}, {"Russia", false, 0}}},
		{`Russia "armed   attack"`, []part{{"Russia", false, 0}, {"armed attack", true, 0}}},
		{`“armed assault” and "prolonged"`, []part{{"armed assault", true, 0}, {"and", false, 0}, {"prolonged", true, 0}}},
		{`"unclosed phrase to the end`, []part{{"unclosed phrase to the end", true, 0}}},
		{`a"b c"d`, []part{{"a", false, 0}, {"b c", true, 0}, {"d", false, 0}}},
		{`"" "  " x`, []part{{"x", false, 0}}},
		{`+must -not field:value (x OR y)`, []part{{"must", false, '+'}, {"not", false, '-'}, {"field:value", false, 0}, {"(x", false, 0}, {"OR", false, 0}, {"y)", false, 0}}},
		{`-"armed attack" +"peace plan" well-known -`, []part{{"armed attack", true, '-'}, {"peace plan", true, '+'}, {"well-known", false, 0}}},
		{`- x -- y "-z"`, []part{{"x", false, 0}, {"-", false, '-'}, {"y", false, 0}, {"-z", true, 0}}},
		{`-a"b c"`, []part{{"a", false, '-'}, {"b c", true, 0}}},
		{"bad\xffutf8", []part{{"bad\uFFFDutf8", false, 0}}},
	}
	for _, tt := range tests {
		if got := parseQuery(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseQuery(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

// FuzzParseQuery: any input parses, into non-empty, valid, trimmed parts
// without quotes.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{`"armed attack" Russia`, `"open`, `“curly” «angled»`, "a\"b\xff", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range parseQuery(s) {
			if p.Text == "" || p.Text != strings.TrimSpace(p.Text) || !utf8.ValidString(p.Text) || strings.ContainsRune(p.Text, '"') {
				t.Fatalf("parseQuery(%q): bad part %q", s, p.Text)
			}
			if !p.Phrase && strings.ContainsAny(p.Text, " \t\n") {
				t.Fatalf("parseQuery(%q): word with space %q", s, p.Text)
			}
		}
	})
}

func TestOpenPhrase(t *testing.T) {
	tests := []struct{ in, want string }{
		{`"attack russia`, "attack russia"},
		{`peace "armed  attack`, "armed attack"},
		{`"armed attack"`, ""},
		{`attack russia"`, ""},
		{`“peace plan`, "peace plan"},
		{`peace plan`, ""},
		{`"`, ""},
	}
	for _, tt := range tests {
		if got := OpenPhrase(tt.in); got != tt.want {
			t.Errorf("OpenPhrase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
