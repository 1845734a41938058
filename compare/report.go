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
	// Clusters in report order: quote clusters quoted differently first
	// (a changed or dropped word before a change of form alone), then by
	// how many outlets carry them; each ID is its 1-based rank.
	Clusters []Aligned
	// Omitted counts clusters ranked after Clusters and left off this
	// report (a page capped for a browser); the HTML summary says so.
	Omitted int
}

// Coverage is one row of the clusters × outlets matrix (issue 6).
type Coverage struct {
	// Carried are the outlets whose articles carry the statement.
	Carried []string `json:"carried"`
	// Missing are the outlets that covered the same story but left this
	// statement out: an article of theirs shares at least storyClusters
	// other clusters with this cluster's articles. It stays empty when
	// more than maxStoryOutlets outlets would be missing: a story that
	// wide is a topic.
	Missing []string `json:"missing"`
	// First are the carrying outlets with the earliest publication date,
	// when at least two of them have one.
	First []string `json:"first,omitempty"`
}

// maxStoryOutlets bounds the outlets of one story for Coverage.Missing.
const maxStoryOutlets = 64

// storyClusters is how many other clusters an article must share with a
// cluster's articles to count as covering their story. One shared
// statement is often a coincidence across stories ("We'll see what
// happens"); on NewsWCL50 (five stories, five outlets each), three keeps
// 97% of the same-story articles and 17% of those marked are from another
// story, where joining articles that share any cluster marked every
// article of the corpus (89% from another story).
const storyClusters = 3

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

// sortClusters puts quote clusters quoted differently first, those with a
// serious difference (a changed or dropped word) before those whose words
// differ only in form ("detailed proposals" and "detailed proposal"), then
// clusters carried by more outlets, more witnesses, and then in the order
// their first witness appears in the corpus.
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
		if qx {
			if sx, sy := serious(x) > 0, serious(y) > 0; sx != sy {
				return sx
			}
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
	// Each article's clusters, each cluster's distinct articles, and the
	// outlet (label) of each article.
	clustersOf := map[string][]int{}
	articlesOf := make([][]string, len(cs))
	labels := map[string]string{}
	for i, c := range cs {
		seen := map[string]bool{}
		for _, w := range c.Witnesses {
			labels[w.Article] = labelOf(w)
			if !seen[w.Article] {
				seen[w.Article] = true
				articlesOf[i] = append(articlesOf[i], w.Article)
				clustersOf[w.Article] = append(clustersOf[w.Article], i)
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
		cov.Missing = missing(i, articlesOf, clustersOf, carried, func(id string) string { return labels[id] })
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

// missing returns the outlets that covered the story of cluster c but do
// not carry it (carried): those of the articles sharing at least
// storyClusters other clusters with c's articles (see Coverage.Missing).
func missing(c int, articlesOf [][]string, clustersOf map[string][]int, carried map[string]bool, label func(string) string) []string {
	shared := map[string]map[int]bool{} // article → the other clusters it shares with c's articles
	for _, y := range articlesOf[c] {
		for _, d := range clustersOf[y] {
			if d == c {
				continue
			}
			for _, x := range articlesOf[d] {
				if carried[label(x)] {
					continue
				}
				if shared[x] == nil {
					shared[x] = map[int]bool{}
				}
				shared[x][d] = true
			}
		}
	}
	out := []string{}
	seen := map[string]bool{}
	for x, ds := range shared {
		if l := label(x); len(ds) >= storyClusters && !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	if len(out) > maxStoryOutlets {
		return []string{}
	}
	return out
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
