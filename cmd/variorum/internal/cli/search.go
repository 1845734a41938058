package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/variorum/variorum/corpus"
	"github.com/variorum/variorum/index"
)

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "search", "[--index DIR] [--json] [--outlet OUTLET] [--entity NAME] [--limit N] QUERY",
		`Full-text search of the indexed articles. Words are stemmed ("attacks" finds
"attack"); text in double quotes is a phrase and must be there; +word must be
there too, and -word or -"a phrase" must not. The other words rank the hits:
a hit needs one of them (none when a phrase or +word is given), and the more
it holds, and the closer together, the higher it ranks. There is no other
syntax (AND, OR, field:value are words). Prints the ranked hits with the
sentences that match, the matched words highlighted, and how many hits each
outlet has. Exits 1 when nothing matches (like grep), so it works in scripts.

--json prints one JSON object per hit (JSON Lines): id, source, outlet, title,
published (when known), score, fragments (plain-text sentences) and highlights (for each
fragment, the [{start,end}] byte offsets of the matched words in it).`,
		`  variorum search "sustained armed attack"
  variorum search '"armed attack"' --outlet Reuters --limit 5
  variorum search guarantee -Telegram +Zelensky
  variorum search --entity "Volodymyr Zelensky" guarantee --json | jq .source`)
	dir := fs.String("index", "", indexFlagHelp)
	asJSON := fs.Bool("json", false, "print JSON Lines, one object per hit")
	outlet := fs.String("outlet", "", "only hits from this `OUTLET` (an article of no known outlet: its source, as reports name it)")
	entity := fs.String("entity", "", "only articles that mention this entity (`NAME`: its canonical name, a spelling an article uses, or a person's surname as written; any spelling finds them all)")
	limit := fs.Int("limit", 10, "at most `N` hits")
	color := addColorFlag(fs)
	words, err := parseQuery(fs, args)
	if err != nil {
		return err
	}
	query := strings.TrimSpace(strings.Join(words, " "))
	if query == "" && *entity == "" && *outlet == "" {
		return usagef("search: nothing to search for: give words, a \"quoted phrase\", --outlet or --entity (see variorum help search)")
	}
	if *limit < 1 {
		return usagef("search: --limit must be at least 1")
	}
	ix, err := openIndex(e.stderr, indexDir(e, *dir), true)
	if err != nil {
		return err
	}
	defer ix.Close()
	res, err := ix.Search(ctx, index.Query{Text: query, Outlet: *outlet, Entity: *entity, Limit: *limit})
	if errors.Is(err, index.ErrQuery) {
		return usageError{"search: " + err.Error()}
	} else if err != nil {
		return fmt.Errorf("search %s: %w", shownQuery(query), err)
	}
	// Boolean operators are words here, so the hits may be the opposite
	// of what was meant ("NOT economy" finds the economy): say so, on
	// stderr, whatever the hits.
	if h := operatorHint(query); h != "" {
		fmt.Fprintf(e.stderr, "Note: %s\n", h)
	}
	if p := index.OpenPhrase(query); p != "" {
		fmt.Fprintf(e.stderr, "Note: the quote before %s is never closed, so it is searched as one phrase; close it, or drop it to search the words\n", shownQuery(p))
	}
	if len(res.Hits) == 0 {
		var what []string
		if query != "" {
			what = append(what, shownQuery(query))
		}
		if *outlet != "" {
			what = append(what, "outlet "+shownQuery(*outlet))
		}
		if *entity != "" {
			what = append(what, "entity "+shownQuery(*entity))
		}
		fmt.Fprintf(e.stderr, "variorum: no match for %s\n", strings.Join(what, ", "))
		if h := syntaxHint(query); h != "" {
			fmt.Fprintf(e.stderr, "Note: %s\n", h)
		}
		if n, err := ix.Count(); err == nil && n == 0 {
			fmt.Fprintf(e.stderr, "Note: the index %s holds no articles yet (is an ingest still extracting?)\n", indexDir(e, *dir))
		} else {
			// A filter that matches nothing alone is a name the index
			// does not know, not a query too narrow.
			if *entity != "" && filterMatchesNone(ctx, ix, index.Query{Entity: *entity}) {
				fmt.Fprintf(e.stderr, "Note: no article in the index names an entity %s (variorum entities lists them)\n", shownQuery(*entity))
			}
			if *outlet != "" && filterMatchesNone(ctx, ix, index.Query{Outlet: *outlet}) {
				fmt.Fprintf(e.stderr, "Note: no article in the index is from an outlet %s (variorum entities lists the outlets of each name)\n", shownQuery(*outlet))
			}
		}
		return errNoMatch
	}
	if *asJSON {
		return writeHitsJSON(e.stdout, res.Hits)
	}
	printHits(e.stdout, query, res, color.enabled(e, e.stdout))
	return nil
}

// shownQuery is the query as messages quote it: as typed, between
// double quotes, cut short when long.
func shownQuery(q string) string {
	if r := []rune(q); len(r) > 200 {
		q = string(r[:200]) + "…"
	}
	q = strings.ToValidUTF8(q, "\uFFFD")
	if strings.Contains(q, `"`) {
		return "'" + q + "'" // '"armed attack"', not ""armed attack""
	}
	return `"` + q + `"`
}

type hitJSON struct {
	ID         string          `json:"id"`
	Source     string          `json:"source"`
	Outlet     string          `json:"outlet"`
	Title      string          `json:"title"`
	Published  string          `json:"published,omitempty"`
	Score      float64         `json:"score"`
	Fragments  []string        `json:"fragments"`
	Highlights [][]corpus.Span `json:"highlights"`
}

func writeHitsJSON(w io.Writer, hits []index.Hit) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, h := range hits {
		out := hitJSON{ID: h.ID, Source: h.Source, Outlet: h.Outlet, Title: h.Title, Published: h.Published,
			Score: h.Score, Fragments: []string{}, Highlights: [][]corpus.Span{}}
		for _, f := range h.Fragments {
			out.Fragments = append(out.Fragments, f.Text)
			marks := f.Marks
			if marks == nil {
				marks = []corpus.Span{}
			}
			out.Highlights = append(out.Highlights, marks)
		}
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	return nil
}

func printHits(w io.Writer, query string, res *index.Result, color bool) {
	fmt.Fprintf(w, "%d of %d hits", len(res.Hits), res.Total)
	if query != "" {
		fmt.Fprintf(w, " for %s", shownQuery(query))
	}
	if len(res.Outlets) > 0 {
		var parts []string
		for _, f := range res.Outlets {
			parts = append(parts, fmt.Sprintf("%s %d", f.Term, f.Count))
		}
		fmt.Fprintf(w, " — by outlet: %s", strings.Join(parts, ", "))
	}
	fmt.Fprintln(w)
	for i, h := range res.Hits {
		fmt.Fprintf(w, "\n%2d. %s", i+1, printable(h.Source))
		if h.Outlet != "" {
			fmt.Fprintf(w, "  [%s]", printable(h.Outlet))
		}
		fmt.Fprintf(w, "  score %.3g\n", h.Score)
		if h.Title != "" {
			fmt.Fprintf(w, "    %s\n", printable(h.Title))
		}
		for _, f := range h.Fragments {
			fmt.Fprintf(w, "    … %s …\n", highlight(f.Text, f.Marks, color))
		}
	}
}

// highlight marks spans of s: bold yellow on a colour terminal, the text
// left as it is otherwise. Newlines fold to spaces.
func highlight(s string, marks []corpus.Span, color bool) string {
	var b strings.Builder
	last := 0
	for _, m := range marks {
		if m.Start < last || m.End > len(s) || m.Start > m.End {
			continue
		}
		b.WriteString(s[last:m.Start])
		if color {
			b.WriteString("\033[1;33m" + s[m.Start:m.End] + "\033[0m")
		} else {
			b.WriteString(s[m.Start:m.End])
		}
		last = m.End
	}
	b.WriteString(s[last:])
	return oneLine(b.String())
}

// Query syntax of other search engines, which variorum reads as words.
var (
	fieldSyntax = regexp.MustCompile(`(^|\s)[+-]?(?i:text|title|body|outlet|source|entity|published|date|id|_all):\S`)
	fuzzySyntax = regexp.MustCompile(`\S~[0-9.]*(\s|$)`)
	wildSyntax  = regexp.MustCompile(`\p{L}[*?](\s|$)`)
)

// operatorHint explains AND, OR and NOT written as another engine's
// operators, which variorum reads as words (NOT and OR are not indexed).
func operatorHint(query string) string {
	for _, w := range strings.Fields(query) {
		switch w {
		case "AND", "OR", "NOT", "&&", "||":
			return w + " is read as a word here, not an operator: the words rank the hits, +word requires a word, -word excludes one"
		}
	}
	return ""
}

// syntaxHint explains a query that matched nothing because it uses the
// syntax of another search engine (Lucene, bleve's query strings), which
// variorum takes as words: "outlet:Reuters" needs both "outlet" and
// "reuters".
func syntaxHint(query string) string {
	switch {
	case fieldSyntax.MatchString(query):
		return "field:value is read as words here; to filter, use --outlet or --entity; words search the text and titles"
	case fuzzySyntax.MatchString(query):
		return "~ is read as a word here (no fuzzy search); words are stemmed already: attack finds attacks and attacked"
	case wildSyntax.MatchString(query):
		return "* and ? are not wildcards here; words are stemmed already: attack finds attacks and attacked"
	}
	return ""
}

// filterMatchesNone reports whether the filter q (an entity or outlet, no
// words) matches no article of ix.
func filterMatchesNone(ctx context.Context, ix *index.Index, q index.Query) bool {
	q.Limit = 1
	res, err := ix.Search(ctx, q)
	return err == nil && len(res.Hits) == 0
}
