// Package ner is variorum's named-entity tagger: a structured averaged
// perceptron (Collins, "Discriminative training methods for hidden Markov
// models", EMNLP 2002) over BILOU labels with Viterbi decoding, using the
// local and document-level token features of Ratinov & Roth, "Design
// challenges and misconceptions in named entity recognition", CoNLL 2009:
// words and their shapes in a window, affixes, matches against name lists
// (places; names learned from the training data, cross-validated), the words
// around the same name elsewhere in the document (context aggregation) and
// the labels the tagger gave it in earlier sentences. (Part-of-speech tags
// from prose's tagger were tried as features: they added nothing measurable
// on CoNLL-2003 and cost most of the running time.)
//
// The model is trained on CoNLL-2003 English (see ../train), plus title-case
// copies of some of its documents, and embedded in the binary with its name
// lists; the training data is not.
package ner

import "strings"

// Types are the entity types the tagger knows, in label order. MISC is
// learned so that nationalities and events are not taken for the others.
var Types = []string{"PER", "LOC", "ORG", "MISC"}

// A Token is one word of a sentence.
type Token struct {
	Text string
}

// A Span is an entity over tokens [Start, End) of one sentence.
type Span struct {
	Start, End int
	Type       string
}

// Labels: 0 is O; type t has B, I, L, U at 1+4t .. 4+4t.
const (
	bTag = iota
	iTag
	lTag
	uTag
)

var numLabels = 1 + 4*len(Types)

func label(t, part int) int { return 1 + 4*t + part }

func labelType(l int) int { return (l - 1) / 4 }

func labelPart(l int) int { return (l - 1) % 4 }

// validTransition reports whether label b may follow label a in BILOU; a of
// -1 is the sentence start, b of -1 the sentence end.
func validTransition(a, b int) bool {
	open := a > 0 && (labelPart(a) == bTag || labelPart(a) == iTag)
	if b < 0 {
		return !open
	}
	if b == 0 {
		return !open
	}
	switch labelPart(b) {
	case bTag, uTag:
		return !open
	default: // I, L continue an open entity of the same type
		return open && labelType(a) == labelType(b)
	}
}

// spansToLabels encodes spans as BILOU labels over n tokens.
func spansToLabels(n int, spans []Span) []int {
	out := make([]int, n)
	for _, s := range spans {
		t := typeIndex(s.Type)
		if t < 0 || s.Start < 0 || s.End > n || s.Start >= s.End {
			continue
		}
		if s.End-s.Start == 1 {
			out[s.Start] = label(t, uTag)
			continue
		}
		out[s.Start] = label(t, bTag)
		for i := s.Start + 1; i < s.End-1; i++ {
			out[i] = label(t, iTag)
		}
		out[s.End-1] = label(t, lTag)
	}
	return out
}

// labelsToSpans decodes BILOU labels (assumed valid) into spans.
func labelsToSpans(ls []int) []Span {
	var out []Span
	start := -1
	for i, l := range ls {
		if l == 0 {
			start = -1
			continue
		}
		switch labelPart(l) {
		case uTag:
			out = append(out, Span{i, i + 1, Types[labelType(l)]})
			start = -1
		case bTag:
			start = i
		case lTag:
			if start >= 0 {
				out = append(out, Span{start, i + 1, Types[labelType(l)]})
			}
			start = -1
		}
	}
	return out
}

func typeIndex(t string) int {
	for i, x := range Types {
		if strings.EqualFold(x, t) {
			return i
		}
	}
	return -1
}
