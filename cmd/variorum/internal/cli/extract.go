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

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "[--json] [PATH...]",
		`Reads articles (files or folders of .txt, .md, .html, .json, .jsonl; the embedded
sample when no PATH is given; - reads one plain-text article from standard
input) and prints, per article, its sentences, named entities (PERSON, ORG,
GPE, LOC, with the canonical name each resolves to) and direct quotes with
their speaker and cue. No index is needed.

--json prints one JSON object per article (JSON Lines): id, source, outlet, title,
text, sentences [{start,end}], entities [{start,end,text,label,canonical}],
quotes [{start,end,text,speaker,speaker_start,speaker_end,speaker_entity,cue,
content}] (speaker_entity: 1 + the index in entities of the speaker's mention,
absent when the speaker is no entity): text is the words inside the quotation
marks, content [{start,end}] what was reported (the quote with its marks and,
for a partial quote, the reported speech around it). Offsets are UTF-8 byte
offsets into text.`,
		`  variorum extract
  pbpaste | variorum extract -
  variorum extract --json articles/ | jq -r '.quotes[] | "\(.speaker): \(.text)"'`)
	asJSON := fs.Bool("json", false, "print JSON Lines, one object per article")
	entitiesFlag(fs, e)
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	arts, bad, err := readCorpus(e, paths)
	if err != nil {
		return err
	}
	docs, err := extractAll(ctx, e, arts)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		for _, d := range docs {
			if err := enc.Encode(d); err != nil {
				return err
			}
		}
	} else {
		for i, d := range docs {
			if i > 0 {
				fmt.Fprintln(e.stdout)
			}
			printDocument(e.stdout, d)
		}
	}
	if bad > 0 {
		return skippedError(bad)
	}
	return nil
}

// printDocument is the text view of one extracted article.
func printDocument(w io.Writer, d corpus.Document) {
	fmt.Fprintf(w, "%s", d.Label())
	if d.Title != "" {
		fmt.Fprintf(w, " — %s", d.Title)
	}
	count := func(n int, one, many string) string { return fmt.Sprintf("%d %s", n, plural(n, one, many)) }
	fmt.Fprintf(w, "\n  id %s, %s, %s, %s, %s\n", d.ID,
		count(len(strings.Fields(d.Text)), "word", "words"), count(len(d.Sentences), "sentence", "sentences"),
		count(len(d.Entities), "entity", "entities"), count(len(d.Quotes), "quote", "quotes"))

	type key struct{ label, canonical string }
	counts := map[key]int{}
	spellings := map[key]map[string]bool{}
	for _, en := range d.Entities {
		k := key{en.Label, en.Canonical}
		counts[k]++
		if spellings[k] == nil {
			spellings[k] = map[string]bool{}
		}
		spellings[k][en.Text] = true
	}
	keys := make([]key, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].label != keys[j].label {
			return keys[i].label < keys[j].label
		}
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i].canonical < keys[j].canonical
	})
	if len(keys) > 0 {
		fmt.Fprintln(w, "  entities:")
	}
	for _, k := range keys {
		var other []string
		for s := range spellings[k] {
			if s != k.canonical {
				other = append(other, s)
			}
		}
		sort.Strings(other)
		extra := ""
		if len(other) > 0 {
			extra = "  (as " + strings.Join(other, ", ") + ")"
		}
		fmt.Fprintf(w, "    %-6s %s ×%d%s\n", k.label, k.canonical, counts[k], extra)
	}
	if len(d.Quotes) > 0 {
		fmt.Fprintln(w, "  quotes:")
	}
	for _, q := range d.Quotes {
		who := q.Speaker
		if who == "" {
			who = "(speaker unknown)"
		}
		if q.Cue != "" {
			who += " [" + q.Cue + "]"
		}
		fmt.Fprintf(w, "    “%s” — %s\n", oneLine(q.Text), who)
	}
}

// oneLine folds a multi-paragraph text onto one line for the terminal.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
