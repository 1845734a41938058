package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/variorum/variorum/corpus"
)

func runQuotes(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "quotes", "[--index DIR | PATH...] [--speaker NAME] [--json]",
		`Lists the direct quotes in the corpus by speaker, each with the outlets that
print it, so an editor sees who said what and who carried it. Quotes in the same
words (case, spacing and quote marks aside) are one entry; quotes worded
differently are compare's work ("quoted differently"). Reads the index, or the
articles at PATH when given.

--json prints one object per quote: speaker, text, carriers [{article, source,
outlet, start, end, cue}].`,
		`  variorum quotes
  variorum quotes --speaker Peskov corpus/sample
  variorum quotes --json | jq -r .speaker | sort | uniq -c | sort -rn | head`)
	dir := fs.String("index", "", indexFlagHelp)
	speaker := fs.String("speaker", "", "only quotes of the speaker `NAME`: a name, surname or spelling any article uses (\"Trump\", \"President Trump\", \"Zelenskyy\"), or words of a description (\"spokesman\"); whole words, any case")
	asJSON := fs.Bool("json", false, "print JSON Lines, one object per quote")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	docs, err := loadDocuments(ctx, e, *dir, paths)
	if err != nil {
		return err
	}
	var stats []corpus.QuoteStat
	var who *corpus.SpeakerFilter // every speaker's when nil
	if *speaker != "" {
		if who = corpus.NewSpeakerFilter(docs, *speaker); who.Empty() {
			return usagef("quotes: --speaker %q has no words to look for: give a name, a surname or words of a description", *speaker)
		}
	}
	for _, q := range corpus.SummarizeQuotes(docs) {
		if who == nil || who.Match(q.Speaker) {
			stats = append(stats, q)
		}
	}
	if len(stats) == 0 {
		if *speaker != "" {
			fmt.Fprintf(e.stderr, "variorum: no quotes match speaker %q (variorum quotes lists every speaker)\n", *speaker)
		} else {
			fmt.Fprintln(e.stderr, "variorum: no quotes in these articles")
		}
		return errNoMatch
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		for _, q := range stats {
			if err := enc.Encode(q); err != nil {
				return err
			}
		}
		return nil
	}
	printQuotes(e.stdout, stats)
	return nil
}

func printQuotes(w io.Writer, stats []corpus.QuoteStat) {
	last := "\x00"
	for _, q := range stats {
		if q.Speaker != last {
			if last != "\x00" {
				fmt.Fprintln(w)
			}
			name := q.Speaker
			if name == "" {
				name = "(speaker unknown)"
			}
			fmt.Fprintln(w, name)
			last = q.Speaker
		}
		outlets := map[string]bool{}
		for _, c := range q.Carriers {
			label := c.Outlet
			if label == "" {
				label = c.Source
			}
			outlets[label] = true
		}
		names := make([]string, 0, len(outlets))
		for o := range outlets {
			names = append(names, o)
		}
		sort.Strings(names)
		fmt.Fprintf(w, "  “%s”\n      in %s\n", q.Text, strings.Join(names, ", "))
	}
}
