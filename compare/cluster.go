package compare

import "github.com/variorum/variorum/corpus"

// DefaultMaxBucket is the largest candidate bucket Clusters compares within.
const DefaultMaxBucket = 64

// Clusters finds the statements that several articles carry in different
// words. Not yet implemented: returns nil.
func Clusters(docs []corpus.Document, opts Options) []Cluster {
	_ = opts.withDefaults()
	return nil
}
