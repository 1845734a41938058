package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
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

// TestBuildReportInterrupted: an interrupt ends compare at once, with the
// context's error, rather than after the clustering.
func TestBuildReportInterrupted(t *testing.T) {
	var docs []corpus.Document
	for _, a := range corpus.Sample() {
		docs = append(docs, corpus.Document{Article: a, Sentences: []corpus.Span{{Start: 0, End: len(a.Text)}}})
	}
	e := &env{stderr: io.Discard, stdout: io.Discard}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := buildReport(ctx, e, "t", docs, 2); !errors.Is(err, context.Canceled) {
		t.Errorf("buildReport after an interrupt: %v, want context.Canceled", err)
	}
	if _, err := buildReport(context.Background(), e, "t", docs, 2); err != nil {
		t.Errorf("buildReport of the sample: %v", err)
	}
}

func TestReportSkipped(t *testing.T) {
	var bad []*corpus.FileError
	bad = append(bad, &corpus.FileError{Path: "odd\x1b[31m\nname.txt", Err: errors.New("binary data")})
	for i := range 30 {
		bad = append(bad, &corpus.FileError{Path: fmt.Sprintf("e%d.txt", i), Err: errors.New("no article text")})
	}
	for i := range 3 {
		bad = append(bad, &corpus.FileError{Path: fmt.Sprintf("l%d.txt", i), Err: fmt.Errorf("invalid UTF-8 at byte %d", 40+i)})
	}
	var b strings.Builder
	reportSkipped(&b, bad)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != maxSkipLines+1 {
		t.Errorf("%d lines, want %d named and one summary:\n%s", len(lines), maxSkipLines, b.String())
	}
	if !strings.Contains(lines[0], `odd\x1b[31m\nname.txt`) {
		t.Errorf("first line %q: want the name's control characters escaped", lines[0])
	}
	if want := "variorum: skipped 14 more inputs: 11: no article text; 3: invalid UTF-8 at byte N"; lines[len(lines)-1] != want {
		t.Errorf("last line %q, want %q", lines[len(lines)-1], want)
	}
}
