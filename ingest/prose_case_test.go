package ingest

import (
	"testing"

	"github.com/variorum/variorum/corpus"
)

// TestProseCaseLength: prose's tokenizer panicked on a word whose lower
// case is longer ("Ⱥ", two bytes, lower-cases to three) before an "'s";
// the text prose is given folds such characters, so the quote is still
// found.
func TestProseCaseLength(t *testing.T) {
	x := extractor(t)
	for _, text := range []string{
		"B00000 ȺȺȺȺ's0'#' 00 \"no need\"",
		"The ȺȺȺ's plan was \"dead on arrival\"",
	} {
		d := x.Extract(corpus.Article{ID: "t", Text: text})
		if len(d.Quotes) != 1 {
			t.Errorf("%q: quotes %+v, want one", text, d.Quotes)
		}
	}
}
