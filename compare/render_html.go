package compare

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"

	"github.com/variorum/variorum/corpus"
)

//go:embed render_html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Parse(htmlSource))

// WriteHTML writes the report as one self-contained HTML page for a desk
// editor: inline CSS and a little inline script (filter by variation type,
// sort), no external resources. It holds a coverage matrix of clusters ×
// outlets, then each cluster's wordings as a table against the reference
// wording with deletions and insertions marked, the outlet, source and date
// of each, and the typed variations as badges. Every piece of article text
// is escaped by html/template.
func WriteHTML(w io.Writer, r Report) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := htmlTemplate.Execute(bw, newHTMLView(r)); err != nil {
		return fmt.Errorf("write html report: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write html report: %w", err)
	}
	return nil
}

type htmlView struct {
	Title     string
	Summary   string
	Types     []htmlCount
	Outlets   []string
	Coverage  []htmlCoverageRow
	Clusters  []htmlCluster
	Articles  []htmlArticle
	Quoted    int // quote clusters quoted differently
	Confirmed int // quote clusters confirmed
	// HiddenOutlets says which outlets the matrix leaves out; HiddenRows
	// counts the clusters it leaves out.
	HiddenOutlets string
	HiddenRows    int
	// Dated: some cluster knows who carried it first, so the matrix's
	// legend explains ★.
	Dated bool
	// MatrixOpen unfolds the coverage matrix when it is short enough to
	// read before the clusters.
	MatrixOpen bool
}

type htmlCount struct {
	Type VariationType
	N    int
}

type htmlCoverageRow struct {
	ID, Order int
	DataTypes string
	Outlets   int
	Serious   int
	Text      string
	Status    string
	Cells     []htmlCell
}

type htmlCell struct {
	Mark, Class, Title string
}

type htmlCluster struct {
	ID, Order  int
	Headline   string
	Status     string
	StatusText string
	Outlets    int
	Serious    int
	DataTypes  string
	Types      []htmlCount
	Rows       []htmlRow
	Variations []htmlVariation // all but orthographic
	Style      []htmlVariation // orthographic
}

type htmlRow struct {
	Label, Speaker, Credit, Source, Published, URL string
	Pivot                                          bool
	Similarity                                     string
	Segments                                       []segment
}

type htmlVariation struct {
	Type     VariationType
	Label    string
	From, To string
	Excerpt  bool
	Moved    bool
}

type htmlArticle struct {
	Outlet, Source, Title, Published, URL string
}

func newHTMLView(r Report) htmlView {
	title := r.Title
	if title == "" {
		title = "variorum report"
	}
	cols, hidden := matrixColumns(r)
	v := htmlView{Title: title, Outlets: cols, MatrixOpen: len(r.Clusters) <= 40,
		HiddenRows: max(0, len(r.Clusters)-maxMatrixRows)}
	if len(hidden) > 0 {
		v.HiddenOutlets = hiddenNote(hidden)
	}
	byID := map[string]corpus.Article{}
	for _, a := range r.Articles {
		if _, ok := byID[a.ID]; !ok {
			byID[a.ID] = a
		}
		v.Articles = append(v.Articles, htmlArticle{Outlet: a.Outlet, Source: a.Source, Title: a.Title, Published: a.Published, URL: a.URL})
	}
	shown := fmt.Sprintf("%d %s", len(r.Clusters), plural(len(r.Clusters), "statement", "statements"))
	if r.Omitted > 0 {
		// The page holds the most widely carried: say how many it is of.
		shown = fmt.Sprintf("the %d most widely carried of %d statements", len(r.Clusters), len(r.Clusters)+r.Omitted)
	}
	v.Summary = fmt.Sprintf("%s carried by more than one article · %d %s · %s", shown,
		len(r.Articles), plural(len(r.Articles), "article", "articles"), outletsNote(r))
	v.Dated = dated(r)
	// A chip filters clusters, so it counts the clusters it shows.
	counts := map[VariationType]int{}
	for _, c := range r.Clusters {
		for t, n := range shownTypes(c) {
			if n > 0 {
				counts[t]++
			}
		}
	}
	for _, t := range VariationTypes {
		if counts[t] > 0 {
			v.Types = append(v.Types, htmlCount{t, counts[t]})
		}
	}
	for i, a := range r.Clusters {
		switch a.Status {
		case StatusQuotedDifferently:
			v.Quoted++
		case StatusConfirmed:
			v.Confirmed++
		}
		hc := htmlCluster{ID: a.ID, Order: i, Headline: headline(a), Status: statusClass(a.Status), Outlets: a.Outlets}
		switch a.Status {
		case StatusQuotedDifferently:
			hc.StatusText = "Quoted differently"
			hc.Headline = fmt.Sprintf("quote carried by %d %s", a.Outlets, plural(a.Outlets, "outlet", "outlets"))
		case StatusConfirmed:
			hc.StatusText = fmt.Sprintf("Confirmed by %d %s", a.Outlets, plural(a.Outlets, "outlet", "outlets"))
			hc.Headline = "quote, word for word"
			if note := partNote(a); note != "" {
				hc.Headline += "; " + note
			}
		default:
			hc.Headline = fmt.Sprintf("%s carried by %d %s", kindNoun(a.Kind), a.Outlets, plural(a.Outlets, "outlet", "outlets"))
		}
		if n := a.Articles(); n != a.Outlets {
			hc.Headline += fmt.Sprintf(" in %d articles", n)
		}
		var types []string
		shown := shownTypes(a)
		for _, t := range VariationTypes {
			if n := shown[t]; n > 0 {
				hc.Types = append(hc.Types, htmlCount{t, n})
				types = append(types, string(t))
			}
		}
		hc.DataTypes = strings.Join(types, " ")
		// Per outlet row compared, so that a big cluster of paraphrases
		// does not outrank a quote two outlets word differently.
		hc.Serious = int(math.Round(100 * float64(serious(a)) / float64(max(1, len(a.Witnesses)-1))))
		for _, row := range pivotFirst(a) {
			w := a.Witnesses[row.Witness]
			hr := htmlRow{Label: witnessLabel(a, row.Witness), Speaker: a.Witnesses[row.Witness].Speaker, Credit: a.Witnesses[row.Witness].Credit, Pivot: row.Witness == a.Pivot}
			if art, ok := byID[w.Article]; ok {
				hr.Published, hr.URL = art.Published, art.URL
			}
			if w.Outlet != "" {
				hr.Source = w.Source
			}
			if hr.Pivot {
				hr.Similarity = "reference"
				hr.Segments = pivotSegments(a)
			} else {
				hr.Similarity = simText(row.Similarity)
				hr.Segments = rowSegments(row.Ops)
			}
			hc.Rows = append(hc.Rows, hr)
		}
		for _, vr := range a.Variations {
			hv := htmlVariation{Type: vr.Type, Label: witnessLabel(a, vr.Witness), From: oneLine(vr.From), To: oneLine(vr.To), Excerpt: vr.Excerpt, Moved: vr.Moved}
			if vr.Type == TypeOrthographic {
				hc.Style = append(hc.Style, hv)
			} else {
				hc.Variations = append(hc.Variations, hv)
			}
		}
		v.Clusters = append(v.Clusters, hc)

		if i >= maxMatrixRows {
			continue
		}
		cr := htmlCoverageRow{ID: a.ID, Order: i, DataTypes: hc.DataTypes, Outlets: a.Outlets, Serious: hc.Serious,
			Text: clip(pivotText(a), 140), Status: hc.Status}
		marks := coverageMarks(a.Coverage)
		for _, o := range cols {
			cell := htmlCell{}
			switch marks[o] {
			case "★":
				cell = htmlCell{"★", "first", o + " carried it first"}
			case "●":
				cell = htmlCell{"●", "carried", o + " carried it"}
			case "○":
				cell = htmlCell{"○", "missing", o + " covered the story but left this out"}
			}
			cr.Cells = append(cr.Cells, cell)
		}
		v.Coverage = append(v.Coverage, cr)
	}
	return v
}

func statusClass(s string) string {
	switch s {
	case StatusQuotedDifferently:
		return "quoted"
	case StatusConfirmed:
		return "confirmed"
	}
	return ""
}
