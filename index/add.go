package index

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/variorum/variorum/corpus"
)

// BatchSize is how many documents Add writes in one bleve batch. Memory
// while indexing grows with the batch; each batch is written and synced
// before the next starts, so an interrupted Add loses at most the batch in
// flight and never what earlier batches (or earlier runs) stored.
const BatchSize = 200

// Add indexes the documents whose ID is not in the index yet, in batches of
// BatchSize, and returns how many it added. Documents already present (by
// ID, which corpus derives from the content) and repeats within docs are
// skipped, so adding the same corpus twice adds nothing. ctx is checked
// between batches; progress, when not nil, is called after each batch with
// the number of documents seen so far and len(docs).
func (ix *Index) Add(ctx context.Context, docs []corpus.Document, progress func(done, total int)) (added int, err error) {
	if ix.readOnly {
		return 0, fmt.Errorf("add to index %s: %w", ix.dir, ErrReadOnly)
	}
	seen := make(map[string]bool, len(docs))
	for start := 0; start < len(docs); start += BatchSize {
		if err := ctx.Err(); err != nil {
			return added, fmt.Errorf("add to index %s: %w", ix.dir, err)
		}
		chunk := docs[start:min(start+BatchSize, len(docs))]
		n, err := ix.addBatch(ctx, chunk, seen)
		added += n
		if err != nil {
			return added, fmt.Errorf("add to index %s: %w", ix.dir, err)
		}
		if progress != nil {
			progress(start+len(chunk), len(docs))
		}
	}
	return added, nil
}

// addBatch writes the documents of chunk that are neither in seen nor in
// the index as one batch.
func (ix *Index) addBatch(ctx context.Context, chunk []corpus.Document, seen map[string]bool) (int, error) {
	ids := make([]string, 0, len(chunk))
	for i, d := range chunk {
		if d.ID == "" {
			return 0, fmt.Errorf("document %q (%d in batch) has no id", d.Source, i)
		}
		if !seen[d.ID] {
			ids = append(ids, d.ID)
		}
	}
	present, err := ix.present(ctx, ids)
	if err != nil {
		return 0, err
	}
	b := ix.idx.NewBatch()
	for _, d := range chunk {
		if seen[d.ID] || present[d.ID] {
			continue
		}
		seen[d.ID] = true
		fields, err := fieldsOf(d)
		if err != nil {
			return 0, err
		}
		if err := b.Index(d.ID, fields); err != nil {
			return 0, fmt.Errorf("document %s: %w", d.ID, err)
		}
	}
	n := b.Size()
	if n == 0 {
		return 0, nil
	}
	if err := ix.idx.Batch(b); err != nil {
		return 0, err
	}
	return n, nil
}

// Present reports which of ids the index holds, so that a caller can skip
// the work of preparing documents it would not add. Read-only indexes
// answer too.
func (ix *Index) Present(ctx context.Context, ids []string) (map[string]bool, error) {
	got := make(map[string]bool)
	for start := 0; start < len(ids); start += BatchSize {
		p, err := ix.present(ctx, ids[start:min(start+BatchSize, len(ids))])
		if err != nil {
			return nil, ix.readError("look up existing documents", err)
		}
		for id := range p {
			got[id] = true
		}
	}
	return got, nil
}

// present reports which of ids are already in the index.
func (ix *Index) present(ctx context.Context, ids []string) (map[string]bool, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Score = "none"
	res, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("look up existing documents: %w", err)
	}
	got := make(map[string]bool, len(res.Hits))
	for _, h := range res.Hits {
		got[h.ID] = true
	}
	return got, nil
}

// fieldsOf returns the bleve document of d: the fields of the mapping.
func fieldsOf(d corpus.Document) (map[string]interface{}, error) {
	stored, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("document %s: %w", d.ID, err)
	}
	f := map[string]interface{}{
		fieldText:   d.Text,
		fieldTitle:  d.Title,
		fieldSource: d.Source,
		fieldDoc:    string(stored),
	}
	if o := strings.TrimSpace(d.Outlet); o != "" {
		f[fieldOutlet] = o
		f[fieldOutletFold] = o
	} else if s := strings.TrimSpace(d.Source); s != "" {
		// An article of no known outlet goes by its source, as reports
		// name it: --outlet 1_L.txt finds it.
		f[fieldOutletFold] = s
	}
	if p := strings.TrimSpace(d.Published); p != "" {
		if t, ok := parseTime(p); ok {
			f[fieldPublished] = t
		} else {
			f[fieldPubText] = p
		}
	}
	canon, fold, mentions := entityFields(d.Entities)
	if len(canon) > 0 {
		f[fieldEntity] = canon
		f[fieldEntityFold] = fold
		f[fieldEntityText] = mentions
	}
	if len(d.Quotes) > 0 {
		quotes := make([]string, len(d.Quotes))
		for i, q := range d.Quotes {
			quotes[i] = q.Text
		}
		f[fieldQuote] = quotes
	}
	return f, nil
}

// entityFields returns the distinct canonical names of ents, the distinct
// canonical names, mention texts and people's surnames (for the
// case-insensitive filter), and the mention texts, each sorted.
func entityFields(ents []corpus.Entity) (canon, fold, mentions []string) {
	cs := map[string]bool{}
	fs := map[string]bool{}
	ms := map[string]bool{}
	for _, e := range ents {
		c, names := entityNames(e)
		if c == "" {
			continue
		}
		cs[c] = true
		for _, n := range names {
			fs[n] = true
		}
		if t := strings.TrimSpace(e.Text); t != "" {
			ms[t] = true
		}
	}
	return sortedKeys(cs), sortedKeys(fs), sortedKeys(ms)
}

// entityNames returns an entity's canonical name (its text when it has
// none; "" when it has neither) and the names an entity filter finds it
// by: the canonical name, the text and, for a person, the surname of
// either ("Zelenskyy" for "Volodymyr Zelenskyy").
func entityNames(e corpus.Entity) (canonical string, names []string) {
	c, t := strings.TrimSpace(e.Canonical), strings.TrimSpace(e.Text)
	if c == "" {
		c = t
	}
	if c == "" {
		return "", nil
	}
	names = []string{c}
	if t != "" {
		names = append(names, t)
	}
	if e.Label == corpus.Person {
		for _, n := range []string{c, t} {
			if i := strings.LastIndexByte(n, ' '); i > 0 && i+1 < len(n) {
				names = append(names, n[i+1:])
			}
		}
	}
	return c, names
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// timeLayouts are the forms of Article.Published indexed as dates.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
}

// parseTime parses s in one of timeLayouts.
func parseTime(s string) (time.Time, bool) {
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
