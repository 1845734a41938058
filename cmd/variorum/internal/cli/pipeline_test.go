package cli

import (
	"strings"
	"testing"

	"github.com/variorum/variorum/corpus"
)

type extractorFunc func(corpus.Article) corpus.Document

func (f extractorFunc) Extract(a corpus.Article) corpus.Document { return f(a) }

// TestExtractOne checks that a panic while extracting one article keeps
// the article as plain text and names it, and that otherwise the
// extractor's document passes through.
func TestExtractOne(t *testing.T) {
	a := corpus.Article{ID: "x", Source: "odd.txt", Text: "r,,said ‘'"}
	doc, err := extractOne(extractorFunc(func(corpus.Article) corpus.Document { panic("index out of range") }), a)
	if err == nil || !strings.Contains(err.Error(), "odd.txt") || !strings.Contains(err.Error(), "index out of range") {
		t.Errorf("error %v: want one naming odd.txt and the panic", err)
	}
	// Empty lists, not nil: extract --json prints [] as for any article.
	if doc.Article != a || doc.Quotes == nil || len(doc.Quotes) > 0 || doc.Entities == nil || len(doc.Entities) > 0 || doc.Sentences == nil {
		t.Errorf("document %+v: want the article alone, with empty lists", doc)
	}
	want := corpus.Document{Article: a, Sentences: []corpus.Span{{Start: 0, End: len(a.Text)}}}
	doc, err = extractOne(extractorFunc(func(corpus.Article) corpus.Document { return want }), a)
	if err != nil || len(doc.Sentences) != 1 {
		t.Errorf("extractOne = %+v, %v; want the extractor's document", doc, err)
	}
}
