package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/variorum/variorum/corpus"
)

// ErrQuery: the query has nothing to search for. Errors wrapping it say why
// and what to type instead.
var ErrQuery = errors.New("nothing to search for")

// Query is a search. Text is what the user typed: words, ranked the way a
// web search ranks them (a hit holds at least one; hits holding more of them
// come first), and phrases in double quotes, which every hit must hold as
// written (after stemming, with stop words skipped). Outlet and Entity,
// when set, keep only hits from that outlet or mentioning that entity
// (canonical name, a spelling of it, or a person's surname), ignoring case.
// With Text empty, a filter alone lists what it matches.
type Query struct {
	Text   string
	Outlet string
	Entity string
	// Limit is the most hits returned; DefaultLimit when zero or less.
	Limit int
}

// Search limits.
const (
	DefaultLimit = 10
	MaxLimit     = 10000
	// MaxFragments is the most fragments a hit carries.
	MaxFragments = 3
	// OutletFacets and EntityFacets are how many facet terms Result holds.
	OutletFacets = 50
	EntityFacets = 20
)

// Result is the answer to a Query.
type Result struct {
	Total    uint64  `json:"total"` // hits in the index, not just those returned
	Hits     []Hit   `json:"hits"`
	Outlets  []Facet `json:"outlets"`  // hits per outlet, most first
	Entities []Facet `json:"entities"` // hits per canonical entity, most first
}

// Hit is one matching article.
type Hit struct {
	ID        string     `json:"id"`
	Source    string     `json:"source"`
	Outlet    string     `json:"outlet"`
	Title     string     `json:"title"`
	Published string     `json:"published,omitempty"`
	Score     float64    `json:"score"`
	Fragments []Fragment `json:"fragments"`
}

// Fragment is a sentence of a hit's text holding matched words, trimmed
// around them when the sentence is long.
type Fragment struct {
	Text  string `json:"text"`  // exactly the article's Text[Start:End]
	Start int    `json:"start"` // byte offsets into the article's text
	End   int    `json:"end"`
	// Marks are the matched words, as byte offsets into Text (not into the
	// article).
	Marks []corpus.Span `json:"marks"`
}

// Facet is a term and how many hits carry it.
type Facet struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
}

// Search runs q and returns the best hits, with fragments, and facets by
// outlet and entity over all hits. Hits are ordered by score, then by ID.
func (ix *Index) Search(ctx context.Context, q Query) (res *Result, err error) {
	names, err := ix.resolveEntity(ctx, q.Entity)
	if err != nil {
		return nil, err
	}
	bq, err := ix.buildQuery(q, names)
	if err != nil {
		return nil, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	req := bleve.NewSearchRequestOptions(bq, limit, 0, false)
	req.Fields = []string{fieldDoc}
	req.IncludeLocations = true
	req.SortBy([]string{"-_score", "_id"})
	req.AddFacet(fieldOutlet, bleve.NewFacetRequest(fieldOutlet, OutletFacets))
	req.AddFacet(fieldEntity, bleve.NewFacetRequest(fieldEntity, EntityFacets))

	defer func() {
		if r := recover(); r != nil {
			res = nil
			err = &openError{kind: ErrDamaged, dir: ix.dir, cause: fmt.Errorf("search: %v", r)}
		}
	}()
	sr, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, ix.readError("search", err)
	}
	res = &Result{
		Total:    sr.Total,
		Hits:     make([]Hit, 0, len(sr.Hits)),
		Outlets:  facets(sr.Facets[fieldOutlet]),
		Entities: facets(sr.Facets[fieldEntity]),
	}
	for _, h := range sr.Hits {
		d, err := storedDoc(h)
		if err != nil {
			return nil, ix.readError("search", err)
		}
		res.Hits = append(res.Hits, Hit{
			ID:        h.ID,
			Source:    d.Source,
			Outlet:    d.Outlet,
			Title:     d.Title,
			Published: d.Published,
			Score:     h.Score,
			Fragments: fragments(d.Text, d.Sentences, marksOf(h.Locations[fieldText], d.Text)),
		})
	}
	return res, nil
}

// buildQuery turns q into a bleve query. Phrases, words signed '+' and
// filters are required; words and phrases signed '-' are excluded. Other
// words are ranked: without a phrase a hit needs at least one of them, and
// hits holding more of them rank higher (bleve's disjunction multiplies the
// summed scores by the fraction of clauses matched). Adjacent words are also
// tried as optional two-word phrases, so hits that hold the words together,
// as typed, rank above hits that merely hold them. Each word or phrase
// matches the text or, boosted, the title. Words that analyse to nothing
// (stop words, punctuation) are dropped.
func (ix *Index) buildQuery(q Query, entityNames []string) (query.Query, error) {
	name := analyzerText
	if im, ok := ix.idx.Mapping().(*mapping.IndexMappingImpl); ok {
		name = cmp.Or(textAnalyzer(im), analyzerText)
	}
	an := ix.idx.Mapping().AnalyzerNamed(name)
	if an == nil {
		return nil, fmt.Errorf("search %s: analyser %s missing", ix.dir, name)
	}
	var must, mustNot, words, pairs []query.Query
	parts := parseQuery(q.Text)
	prev := -1 // index in parts of the previous word that analyses to something
	for i, p := range parts {
		if len(an.Analyze([]byte(p.Text))) == 0 {
			continue
		}
		switch {
		case p.Sign == '-':
			mustNot = append(mustNot, either(p, 1))
			prev = -1
			continue
		case p.Phrase || p.Sign == '+':
			must = append(must, either(p, 1))
			prev = -1
			continue
		}
		words = append(words, either(p, 1))
		if prev >= 0 {
			var run []string
			for _, w := range parts[prev : i+1] {
				run = append(run, w.Text)
			}
			pairs = append(pairs, either(part{Text: strings.Join(run, " "), Phrase: true}, pairBoost))
		}
		prev = i
	}
	if len(parts) > 0 && len(must)+len(words)+len(mustNot) == 0 {
		return nil, fmt.Errorf("%w: %q has only common words (stop words) or punctuation, which are not indexed; add a more specific word", ErrQuery, q.Text)
	}
	phrases := len(must)
	if v := strings.TrimSpace(q.Outlet); v != "" {
		must = append(must, foldTerm(fieldOutletFold, v))
	}
	if len(entityNames) > 0 {
		var names []query.Query
		for _, n := range entityNames {
			names = append(names, foldTerm(fieldEntityFold, n))
		}
		must = append(must, disjunction(names))
	}
	var should []query.Query
	if len(words) > 0 {
		if phrases == 0 {
			must = append(must, bleve.NewDisjunctionQuery(words...))
		} else {
			should = append(should, bleve.NewDisjunctionQuery(words...))
		}
	}
	should = append(should, pairs...)
	switch {
	case len(must) == 0 && len(mustNot) > 0:
		return nil, fmt.Errorf("%w: %q only says what to leave out; add a word or \"quoted phrase\" to find", ErrQuery, q.Text)
	case len(must) == 0:
		return nil, fmt.Errorf("%w: the query is empty; give words, a \"quoted phrase\", an outlet or an entity", ErrQuery)
	case len(should) == 0 && len(mustNot) == 0:
		return conjunction(must), nil
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(must...)
	bq.AddShould(should...)
	bq.AddMustNot(mustNot...)
	return bq, nil
}

// pairBoost weighs a two-word phrase made of adjacent query words against
// the words alone.
const pairBoost = 3

// either matches p in the text or, boosted twice as much, in the title.
func either(p part, boost float64) query.Query {
	return bleve.NewDisjunctionQuery(clause(p, fieldText, boost), clause(p, fieldTitle, 2*boost))
}

// foldTerm matches v, lower-cased, in a folded keyword field.
func foldTerm(field, v string) query.Query {
	tq := bleve.NewTermQuery(strings.ToLower(strings.TrimSpace(v)))
	tq.SetField(field)
	return tq
}

func disjunction(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// resolveEntity turns the entity a user typed into the names to filter
// on, lower-cased: the name itself and the canonical name of every entity
// an indexed article gives that name to (as its canonical name, a spelling
// or, for a person, a surname), so that "Zelenskyy", the spelling of one
// article, finds every article about Volodymyr Zelensky. It looks at the
// first resolveDocs articles holding the name.
func (ix *Index) resolveEntity(ctx context.Context, name string) ([]string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, nil
	}
	want := strings.ToLower(name)
	req := bleve.NewSearchRequestOptions(foldTerm(fieldEntityFold, name), resolveDocs, 0, false)
	req.Fields = []string{fieldDoc}
	req.SortBy([]string{"_id"})
	sr, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, ix.readError("search", err)
	}
	names := map[string]bool{want: true}
	for _, h := range sr.Hits {
		d, err := storedDoc(h)
		if err != nil {
			return nil, ix.readError("search", err)
		}
		for _, e := range d.Entities {
			// The names the index filed the article under for e.
			c, ns := entityNames(e)
			if slices.ContainsFunc(ns, func(n string) bool { return strings.ToLower(n) == want }) {
				names[strings.ToLower(c)] = true
			}
		}
	}
	return sortedKeys(names), nil
}

// resolveDocs bounds the articles resolveEntity reads.
const resolveDocs = 50

func conjunction(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewConjunctionQuery(qs...)
}

// clause matches p in field with the given boost.
func clause(p part, field string, boost float64) query.Query {
	if p.Phrase {
		q := bleve.NewMatchPhraseQuery(p.Text)
		q.SetField(field)
		q.SetBoost(boost)
		return q
	}
	q := bleve.NewMatchQuery(p.Text)
	q.SetField(field)
	q.SetBoost(boost)
	// A word the analyser splits ("U.S.-led") needs all its pieces.
	q.SetOperator(query.MatchQueryOperatorAnd)
	return q
}

// facets returns the terms of a facet result, most hits first, then by term.
func facets(fr *search.FacetResult) []Facet {
	if fr == nil || fr.Terms == nil {
		return []Facet{}
	}
	terms := fr.Terms.Terms()
	out := make([]Facet, 0, len(terms))
	for _, t := range terms {
		out = append(out, Facet{Term: t.Term, Count: t.Count})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Term < out[j].Term
	})
	return out
}
