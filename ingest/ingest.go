// Package ingest turns an article into a corpus.Document: its sentences, its
// named entities (PERSON, ORG, GPE, LOC) with byte offsets into the text, and
// its direct quotes.
//
// Sentences are split by rule (paragraphs first, then terminal punctuation
// with abbreviation and initialism exceptions, in the spirit of Kiss & Strunk's
// Punkt, Computational Linguistics 32(4), 2006, with fixed lists instead of
// learned ones). Entities come from prose (github.com/jdkato/prose/v2), one
// shared model run per sentence without its own segmenter, with its tokens
// aligned back to the text and its known bugs worked around (see
// proseEntities). Canonicalize joins the mentions of one entity across a
// corpus under one name.
package ingest

import (
	"fmt"

	"github.com/jdkato/prose/v2"

	"github.com/variorum/variorum/corpus"
)

// Extractor extracts sentences, entities and quotes from articles. It holds
// the models, loaded once; one Extractor is safe for concurrent use by
// several goroutines.
type Extractor struct {
	model *prose.Model
}

// NewExtractor loads the models.
func NewExtractor() (x *Extractor, err error) {
	defer func() {
		// prose panics when its embedded model cannot be decoded.
		if r := recover(); r != nil {
			x, err = nil, fmt.Errorf("load prose model: %v", r)
		}
	}()
	doc, err := prose.NewDocument("Warm up.", prose.WithSegmentation(false))
	if err != nil {
		return nil, fmt.Errorf("load prose model: %w", err)
	}
	return &Extractor{model: doc.Model}, nil
}

// Extract returns the article with its sentences, entities and quotes. Every
// span is a byte range into a.Text; entities are sorted by position and each
// has a non-empty Canonical name (the mention itself until Canonicalize
// joins mentions across documents).
func (x *Extractor) Extract(a corpus.Article) corpus.Document {
	sents := Sentences(a.Text)
	ents := []corpus.Entity{}
	for _, s := range sents {
		ents = append(ents, x.sentenceEntities(a.Text, s)...)
	}
	for i := range ents {
		ents[i].Canonical = mentionName(ents[i].Text)
	}
	quotes := Quotes(a.Text, sents, ents)
	if quotes == nil {
		quotes = []corpus.Quote{}
	}
	if sents == nil {
		sents = []corpus.Span{}
	}
	return corpus.Document{Article: a, Sentences: sents, Entities: ents, Quotes: quotes}
}

// sentenceEntities returns the entities of one sentence, never panicking.
func (x *Extractor) sentenceEntities(text string, s corpus.Span) (ents []corpus.Entity) {
	defer func() {
		if r := recover(); r != nil {
			ents = nil
		}
	}()
	return x.proseEntities(text, s)
}
