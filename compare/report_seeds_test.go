package compare

import (
	"strings"
	"testing"

	"github.com/variorum/variorum/corpus"
)

// seedSpan locates a wording in one of the embedded sample articles.
type seedSpan struct {
	article int    // index in corpus.Sample()
	text    string // exact text, found at its first occurrence
}

// seedDocs returns the sample articles as documents without extraction.
func seedDocs() []corpus.Document {
	var docs []corpus.Document
	for _, a := range corpus.Sample() {
		docs = append(docs, corpus.Document{Article: a})
	}
	return docs
}

// seedCluster builds a cluster by hand from wordings in the sample corpus,
// standing in for Clusters until matching is built.
func seedCluster(t testing.TB, kind string, spans ...seedSpan) Cluster {
	t.Helper()
	arts := corpus.Sample()
	c := Cluster{Kind: kind}
	for _, s := range spans {
		a := arts[s.article]
		i := strings.Index(a.Text, s.text)
		if i < 0 {
			t.Fatalf("seed %d has no %q", s.article, s.text)
		}
		c.Witnesses = append(c.Witnesses, Witness{
			Article: a.ID, Source: a.Source, Outlet: a.Outlet,
			Start: i, End: i + len(s.text), Text: s.text,
		})
	}
	return c
}

// seedClusters are the statements issue 3 names for the seeds, by hand.
func seedClusters(t testing.TB) []Cluster {
	return []Cluster{
		seedCluster(t, KindClause,
			seedSpan{0, `any future "significant, deliberate, and sustained armed attack" by Russia on Ukraine`},
			seedSpan{1, `Any “significant, deliberate, and sustained” Russian military offensive across an agreed ceasefire line`},
			seedSpan{2, `any future “significant, intentional, and prolonged armed assault” by Russia beyond the agreed ceasefire line`},
		),
		seedCluster(t, KindClause,
			seedSpan{0, `In the event of a significant and sustained attack by Russia`},
			seedSpan{2, `any significant, intentional, and prolonged armed attack by Russia`},
		),
		seedCluster(t, KindClause,
			seedSpan{0, `the plan's security guarantee would be initially valid for 10 years, with a renewal clause included if mutual consent were presented`},
			seedSpan{1, `are intended to last a decade and may be extended by mutual agreement`},
			seedSpan{2, `The initial duration of the security guarantee would be ten years, renewable by mutual consent`},
		),
		seedCluster(t, KindClause,
			seedSpan{0, `the document has space for signatures from Ukraine, the US, the EU, NATO, and Russia`},
			seedSpan{1, `which require signatures from Ukraine, the US, the EU, Nato, and Russia`},
			seedSpan{2, `bearing the signatures of Ukraine, the U.S., the EU, NATO, and Russia`},
		),
		seedCluster(t, KindQuote,
			seedSpan{1, `major achievement`},
			seedSpan{2, `major win`},
		),
		seedCluster(t, KindQuote,
			seedSpan{0, `transatlantic community`},
			seedSpan{2, `transatlantic community`},
		),
	}
}
