package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/variorum/variorum/corpus"
)

func runEntities(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "entities", "[--index DIR | PATH...] [--label L] [--min N] [--json]",
		`Lists the corpus's named entities by type and mention count, each under the one
canonical name its spellings resolve to. An entity the corpus writes in more than
one way is followed by each outlet's spellings: a style check ("outlet C writes
Zelenskyy, the others Zelensky"); one written one way only has no such lines.
Reads the index, or the articles at PATH when given.

--json prints one object per entity: canonical, label, mentions, articles,
spellings {text: count}, outlets [{outlet, mentions, spellings}]; an article
that names no outlet is counted under its file name.`,
		`  variorum entities --label PERSON
  variorum entities corpus/sample --min 3
  variorum entities --json | jq -r 'select(.spellings|length>1) | .canonical'`)
	dir := fs.String("index", "", indexFlagHelp)
	label := fs.String("label", "", "only entities with this `LABEL` (PERSON, ORG, GPE, LOC)")
	min := fs.Int("min", 1, "only entities mentioned at least `N` times")
	asJSON := fs.Bool("json", false, "print JSON Lines, one object per entity")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if l := strings.ToUpper(*label); l != "" && !slices.Contains([]string{corpus.Person, corpus.Organization, corpus.GPE, corpus.Location}, l) {
		return usagef("entities: --label is one of PERSON, ORG, GPE, LOC, not %q", *label)
	}
	if *min < 1 {
		return usagef("entities: --min must be at least 1")
	}
	docs, err := loadDocuments(ctx, e, *dir, paths)
	if err != nil {
		return err
	}
	var stats []corpus.EntityStat
	for _, s := range corpus.SummarizeEntities(docs) {
		if s.Mentions >= *min && (*label == "" || strings.EqualFold(s.Label, *label)) {
			stats = append(stats, s)
		}
	}
	if len(stats) == 0 {
		fmt.Fprintln(e.stderr, "variorum: no entities match")
		return errNoMatch
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		for _, s := range stats {
			if err := enc.Encode(s); err != nil {
				return err
			}
		}
		return nil
	}
	printEntities(e.stdout, stats)
	return nil
}

func printEntities(w io.Writer, stats []corpus.EntityStat) {
	byLabel := map[string][]corpus.EntityStat{}
	var labels []string
	for _, s := range stats {
		if byLabel[s.Label] == nil {
			labels = append(labels, s.Label)
		}
		byLabel[s.Label] = append(byLabel[s.Label], s)
	}
	sort.Strings(labels)
	for i, l := range labels {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s (%d)\n", l, len(byLabel[l]))
		for _, s := range byLabel[l] {
			fmt.Fprintf(w, "  %-28s %4d %s in %d %s\n", s.Canonical, s.Mentions, plural(s.Mentions, "mention", "mentions"), s.Articles, plural(s.Articles, "article", "articles"))
			if len(s.Spellings) < 2 {
				continue
			}
			// A style check: each outlet's spellings, when the corpus has several.
			for _, o := range s.Outlets {
				fmt.Fprintf(w, "      %-24s %s\n", o.Outlet, spellingList(o.Spellings))
			}
		}
	}
}

// spellingList prints spellings by count: "Zelensky ×5, Zelenskyy ×1".
func spellingList(m map[string]int) string {
	type sc struct {
		s string
		n int
	}
	var l []sc
	for s, n := range m {
		l = append(l, sc{s, n})
	}
	sort.Slice(l, func(i, j int) bool {
		if l[i].n != l[j].n {
			return l[i].n > l[j].n
		}
		return l[i].s < l[j].s
	})
	parts := make([]string, len(l))
	for i, x := range l {
		parts[i] = fmt.Sprintf("%s ×%d", x.s, x.n)
	}
	return strings.Join(parts, ", ")
}

// plural picks the word for n of a thing.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
