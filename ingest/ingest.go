// Package ingest turns an article into a corpus.Document: its sentences, its
// named entities (PERSON, ORG, GPE, LOC) with byte offsets into the text, and
// its direct quotes.
//
// Sentences are split by rule: paragraphs first, then terminal punctuation
// with abbreviation and initialism exceptions, in the spirit of Kiss &
// Strunk's Punkt (Computational Linguistics 32(4), 2006) with fixed lists
// instead of learned ones. Sentences are tokenized as in CoNLL-2003 and
// tagged, a document at a time, by the project's entity model (package
// internal/ner: an averaged structured perceptron over BILOU labels with the
// local and document-level features of Ratinov & Roth, CoNLL 2009, trained on
// CoNLL-2003 English). prose's default model (github.com/jdkato/prose/v2)
// is the other engine, EngineProse, and the baseline the project's model is
// measured against. Canonicalize then joins the mentions of one entity
// across a corpus under one name.
package ingest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/variorum/variorum/corpus"
	"github.com/variorum/variorum/ingest/internal/ner"
)

// Entity engines: EngineVariorum is the project's model, the default;
// EngineProse is prose's default model as it ships (much less accurate:
// F1 54 against 94 on CoNLL-2003 eng.testa), for comparison.
const (
	EngineVariorum = "variorum"
	EngineProse    = "prose"
)

// Engines lists the entity engines NewExtractorFor accepts.
var Engines = []string{EngineVariorum, EngineProse}

// Extractor extracts sentences, entities and quotes from articles. It holds
// the entity model, loaded once; one Extractor is safe for concurrent use by
// several goroutines.
type Extractor struct {
	model *ner.Model // nil with EngineProse
}

// NewExtractor loads the project's entity model.
func NewExtractor() (*Extractor, error) { return NewExtractorFor(EngineVariorum) }

// CheckEngine returns an error naming the engines when engine is not one
// of them ("" is the default, and allowed).
func CheckEngine(engine string) error {
	if engine != "" && !slices.Contains(Engines, engine) {
		return fmt.Errorf("unknown entity engine %q (want one of %s)", engine, strings.Join(Engines, ", "))
	}
	return nil
}

// NewExtractorFor loads the entity model of the named engine ("" is the
// default).
func NewExtractorFor(engine string) (*Extractor, error) {
	if err := CheckEngine(engine); err != nil {
		return nil, err
	}
	if engine == EngineProse {
		sharedProseModel()
		return &Extractor{}, nil
	}
	m, err := ner.Default()
	if err != nil {
		return nil, fmt.Errorf("load entity model: %w", err)
	}
	return &Extractor{model: m}, nil
}

// Extract returns the article with its sentences, entities and quotes. Every
// span is a byte range into a.Text; entities are sorted by position and each
// has a non-empty Canonical name (the mention's own name until Canonicalize
// joins mentions across documents).
func (x *Extractor) Extract(a corpus.Article) corpus.Document {
	sents := Sentences(a.Text)
	if sents == nil {
		sents = []corpus.Span{}
	}
	var ents []corpus.Entity
	if x.model != nil {
		ents = entities(x.model, a.Text, sents)
	} else {
		ents = proseEntities(a.Text, sents)
	}
	for i := range ents {
		ents[i].Canonical = mentionName(ents[i].Text)
	}
	quotes := Quotes(a.Text, sents, ents)
	if quotes == nil {
		quotes = []corpus.Quote{}
	}
	for i := range quotes {
		quotes[i].SpeakerEntity = speakerEntity(ents, quotes[i])
	}
	return corpus.Document{Article: a, Sentences: sents, Entities: ents, Quotes: quotes}
}

// speakerEntity returns 1 + the index of the entity mention named as q's
// speaker: the mention at the speaker's words, else the one of that name
// nearest them (the full name a pronoun or a description stands for); 0
// when no mention has the speaker's name.
func speakerEntity(ents []corpus.Entity, q corpus.Quote) int {
	if q.Speaker == "" {
		return 0
	}
	best, dist := 0, 0
	for k, e := range ents {
		if e.Canonical != q.Speaker {
			continue
		}
		if e.Start < q.SpeakerEnd && q.SpeakerStart < e.End {
			return k + 1
		}
		d := q.SpeakerStart - e.End
		if d < 0 {
			d = 2 * (e.Start - q.SpeakerEnd) // a name after the speaker counts less
		}
		if best == 0 || d < dist {
			best, dist = k+1, d
		}
	}
	return best
}
