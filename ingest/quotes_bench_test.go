package ingest

import (
	"strings"
	"testing"

	"github.com/variorum/variorum/corpus"
)

// BenchmarkQuotesSeeds measures Quotes on the sample corpus.
func BenchmarkQuotesSeeds(b *testing.B) {
	arts := corpus.Sample()
	n := 0
	for _, a := range arts {
		n += len(a.Text)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, a := range arts {
			Quotes(a.Text, nil, nil)
		}
	}
}

// BenchmarkQuotesLongParagraph measures a single paragraph dense with
// quotation marks, the input that makes per-quote work quadratic if any
// step rescans the paragraph.
func BenchmarkQuotesLongParagraph(b *testing.B) {
	text := strings.Repeat(`"We will win," he said. "He is 6'2" tall, isn't he?" Mr. Smith's aide asked. `, 4000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Quotes(text, nil, nil)
	}
}

// BenchmarkQuotesLongSentence measures one sentence with thousands of
// quotes and no full stop.
func BenchmarkQuotesLongSentence(b *testing.B) {
	text := strings.Repeat(`"we will win," he said and "they lost," Mr. Smith told them and `, 4000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Quotes(text, nil, nil)
	}
}
