package compare

import (
	"sort"
	"strings"
	"time"

	"github.com/variorum/variorum/corpus"
)

// Report is what the renderers print: the aligned clusters of a corpus in
// report order, with the articles they come from.
type Report struct {
	Title string
	// Articles are every article compared, in input order (their texts are
	// not printed).
	Articles []corpus.Article
	// Outlets are the coverage matrix's columns: the outlets (or sources,
	// when the outlet is unknown) that carry at least one cluster, in order
	// of their first article.
	Outlets []string
	// Clusters in report order: quote clusters quoted differently first,
	// then by how many outlets carry them; each ID is its 1-based rank.
	Clusters []Aligned
}

// Coverage is one row of the clusters × outlets matrix (issue 6).
type Coverage struct {
	// Carried are the outlets whose articles carry the statement.
	Carried []string `json:"carried"`
	// Missing are the outlets that covered the same story (an article of
	// theirs shares another statement with this cluster's articles, directly
	// or through other clusters) but left this statement out. It stays empty
	// when that story spans more than maxStoryOutlets outlets: chained
	// clusters that wide are a topic, not one story.
	Missing []string `json:"missing"`
	// First are the carrying outlets with the earliest publication date,
	// when at least two of them have one.
	First []string `json:"first,omitempty"`
}

// maxStoryOutlets bounds the outlets of one story for Coverage.Missing.
const maxStoryOutlets = 64

// NewReport aligns every cluster (see Align), works out coverage, and sorts
// the clusters into report order. docs are the compared articles with what
// ingest found in them (their entities' canonical names help type name
// variants); the output depends only on the inputs, byte for byte.
func NewReport(title string, docs []corpus.Document, clusters []Cluster) Report {
	byID := make(map[string]corpus.Document, len(docs))
	arts := make([]corpus.Article, len(docs))
	order := make(map[string]int, len(docs))
	for i, d := range docs {
		byID[d.ID] = d
		arts[i] = d.Article
		if _, ok := order[d.ID]; !ok {
			order[d.ID] = i
		}
	}
	r := Report{Title: title, Articles: arts, Clusters: make([]Aligned, len(clusters))}
	// Clusters align independently, each into its own slot, on all cores.
	parallel(len(clusters), func(i int) { r.Clusters[i] = Align(clusters[i], byID) })
	sortClusters(r.Clusters, order)
	for i := range r.Clusters {
		r.Clusters[i].ID = i + 1
	}
	r.Outlets = coverage(r.Clusters, arts)
	return r
}

// sortClusters puts quote clusters quoted differently first, then clusters
// carried by more outlets, more witnesses, and then in the order their
// first witness appears in the corpus.
func sortClusters(cs []Aligned, order map[string]int) {
	pos := func(a Aligned) (int, int) {
		if len(a.Witnesses) == 0 {
			return len(order), 0
		}
		w := a.Witnesses[0]
		o, ok := order[w.Article]
		if !ok {
			o = len(order)
		}
		return o, w.Start
	}
	sort.SliceStable(cs, func(i, j int) bool {
		x, y := cs[i], cs[j]
		qx, qy := x.Status == StatusQuotedDifferently, y.Status == StatusQuotedDifferently
		if qx != qy {
			return qx
		}
		if x.Outlets != y.Outlets {
			return x.Outlets > y.Outlets
		}
		if len(x.Witnesses) != len(y.Witnesses) {
			return len(x.Witnesses) > len(y.Witnesses)
		}
		ox, sx := pos(x)
		oy, sy := pos(y)
		if ox != oy {
			return ox < oy
		}
		return sx < sy
	})
}

// coverage fills each cluster's Coverage and returns the matrix columns.
func coverage(cs []Aligned, arts []corpus.Article) []string {
	label := map[string]string{}
	published := map[string]time.Time{}
	for _, a := range arts {
		label[a.ID] = a.Label()
		if t, ok := parseDate(a.Published); ok {
			published[a.ID] = t
		}
	}
	labelOf := func(w Witness) string {
		if l, ok := label[w.Article]; ok {
			return l
		}
		return w.label()
	}
	// Stories: articles joined by sharing a cluster (union-find).
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		p, ok := parent[x]
		if !ok || p == x {
			parent[x] = x
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	for _, c := range cs {
		for _, w := range c.Witnesses[min(1, len(c.Witnesses)):] {
			ra, rb := find(c.Witnesses[0].Article), find(w.Article)
			if ra != rb {
				if rb < ra {
					ra, rb = rb, ra
				}
				parent[rb] = ra
			}
		}
	}
	// Columns: outlets carrying a cluster, in order of their first article.
	carriers := map[string]bool{}
	for _, c := range cs {
		for _, w := range c.Witnesses {
			carriers[labelOf(w)] = true
		}
	}
	var cols []string
	colSeen := map[string]bool{}
	storyOutlets := map[string][]string{} // story root → outlets, column order
	inStory := map[[2]string]bool{}       // (story root, outlet)
	addCol := func(l string) {
		if carriers[l] && !colSeen[l] {
			colSeen[l] = true
			cols = append(cols, l)
		}
	}
	for _, a := range arts {
		addCol(a.Label())
	}
	for _, c := range cs { // witnesses whose article is not among arts
		for _, w := range c.Witnesses {
			addCol(labelOf(w))
		}
	}
	colIndex := map[string]int{}
	for i, l := range cols {
		colIndex[l] = i
	}
	addStory := func(id, l string) {
		if _, ok := parent[id]; !ok {
			return
		}
		root := find(id)
		if !inStory[[2]string{root, l}] {
			inStory[[2]string{root, l}] = true
			storyOutlets[root] = append(storyOutlets[root], l)
		}
	}
	for _, a := range arts {
		addStory(a.ID, a.Label())
	}
	for _, c := range cs {
		for _, w := range c.Witnesses {
			addStory(w.Article, labelOf(w))
		}
	}
	for i := range cs {
		c := &cs[i]
		cov := &Coverage{Carried: []string{}, Missing: []string{}}
		carried := map[string]bool{}
		var earliest time.Time
		dated := map[string]time.Time{}
		for _, w := range c.Witnesses {
			l := labelOf(w)
			carried[l] = true
			if t, ok := published[w.Article]; ok {
				if d, seen := dated[l]; !seen || t.Before(d) {
					dated[l] = t
				}
				if earliest.IsZero() || t.Before(earliest) {
					earliest = t
				}
			}
		}
		for l := range carried {
			cov.Carried = append(cov.Carried, l)
		}
		sortByColumn(cov.Carried, colIndex)
		if len(c.Witnesses) > 0 {
			if story := storyOutlets[find(c.Witnesses[0].Article)]; len(story) <= maxStoryOutlets {
				for _, l := range story {
					if !carried[l] {
						cov.Missing = append(cov.Missing, l)
					}
				}
			}
		}
		sortByColumn(cov.Missing, colIndex)
		if len(dated) >= 2 {
			for l, t := range dated {
				if t.Equal(earliest) {
					cov.First = append(cov.First, l)
				}
			}
			sortByColumn(cov.First, colIndex)
		}
		c.Coverage = cov
	}
	return cols
}

func sortByColumn(ls []string, col map[string]int) {
	sort.Slice(ls, func(i, j int) bool {
		ci, oki := col[ls[i]]
		cj, okj := col[ls[j]]
		if oki != okj {
			return oki
		}
		if ci != cj {
			return ci < cj
		}
		return ls[i] < ls[j]
	})
}

var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02",
	time.RFC1123Z, time.RFC1123, time.RFC850, "Mon, 2 Jan 2006 15:04:05 -0700",
	"January 2, 2006", "2 January 2006", "Jan 2, 2006", "2 Jan 2006",
}

// parseDate reads a Published value in the common formats.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
