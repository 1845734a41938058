package ingest

import (
	"strings"

	"github.com/variorum/variorum/corpus"
)

// mentionName is a mention's own name: its text with white space runs
// collapsed to single spaces and a possessive "'s" dropped.
func mentionName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, p := range []string{"'s", "’s", "'S", "’S"} {
		if t := strings.TrimSuffix(s, p); t != s && t != "" {
			s = t
			break
		}
	}
	return s
}

// Canonicalize sets the Canonical name of every entity in docs so that
// mentions of one entity across the corpus share one name.
func Canonicalize(docs []corpus.Document) {
	for d := range docs {
		for i := range docs[d].Entities {
			e := &docs[d].Entities[i]
			if e.Canonical == "" {
				e.Canonical = mentionName(e.Text)
			}
		}
	}
}
