package ingest

import (
	"reflect"
	"testing"
	"unicode/utf8"
)

func sentenceTexts(text string) []string {
	var out []string
	for _, s := range Sentences(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"blank", " \n\t\n", nil},
		{"two", "Putin spoke. Zelensky replied.", []string{"Putin spoke.", "Zelensky replied."}},
		{"lines are paragraphs", "Signatories:\nUkraine\nRussian Federation", []string{"Signatories:", "Ukraine", "Russian Federation"}},
		{"title", "Mr. Witkoff met Dr. Umerov. They talked.", []string{"Mr. Witkoff met Dr. Umerov.", "They talked."}},
		{"initialism mid-sentence", "The U.S. President spoke.", []string{"The U.S. President spoke."}},
		{"initialism at end", "It backs the U.S. The EU does too.", []string{"It backs the U.S.", "The EU does too."}},
		{"initial", "John F. Kennedy was shot.", []string{"John F. Kennedy was shot."}},
		{"quote close", `"No," he said. "Never." It ended.`, []string{`"No," he said.`, `"Never."`, "It ended."}},
		{"curly quote close", "He said “no.” Then he left.", []string{"He said “no.”", "Then he left."}},
		{"question lower", `"Really?" he asked.`, []string{`"Really?" he asked.`}},
		{"decimal", "It rose 3.5 percent. Good.", []string{"It rose 3.5 percent.", "Good."}},
		{"number abbrev", "See No. 5 today.", []string{"See No. 5 today."}},
		{"ellipsis", "Wait… What now?", []string{"Wait…", "What now?"}},
		{"blank-line blocks join wraps", "The plan was\nsigned by Putin.\n\nNext para.", []string{"The plan was\nsigned by Putin.", "Next para."}},
		{"blank-line list items", "Items:\n- one\n- two\n\nEnd.", []string{"Items:", "- one", "- two", "End."}},
		{"crlf-free trailing space", "  Hello there.  ", []string{"Hello there."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sentenceTexts(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// checkSpans fails unless spans are non-empty, in range, ordered, disjoint
// and, when text is valid UTF-8 (as article text always is), on rune
// boundaries.
func checkSpans(t *testing.T, text string, starts, ends []int) {
	t.Helper()
	prev := 0
	for i := range starts {
		s, e := starts[i], ends[i]
		if s < prev || s >= e || e > len(text) {
			t.Fatalf("span %d [%d,%d) out of order or range (prev end %d, len %d) in %q", i, s, e, prev, len(text), text)
		}
		if utf8.ValidString(text) && !utf8.RuneStart(text[s]) || (utf8.ValidString(text) && e < len(text) && !utf8.RuneStart(text[e])) {
			t.Fatalf("span %d [%d,%d) not on rune boundaries in %q", i, s, e, text)
		}
		prev = e
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"", "Mr. Smith went to Washington. He left.", "U.S.\n\nA. B. C.", "“Hi.” ‘Yes?’ — no…",
		"a\n\n- b\n1. c\n#d", "\xff\xfe. A", "Wait… What?! “Done.”",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		spans := Sentences(text)
		starts, ends := make([]int, len(spans)), make([]int, len(spans))
		for i, s := range spans {
			starts[i], ends[i] = s.Start, s.End
		}
		checkSpans(t, text, starts, ends)
	})
}
