package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/variorum/variorum/compare"
	"github.com/variorum/variorum/corpus"
)

func runDiff(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "diff", "[--json] [--color WHEN] A B",
		`Aligns two texts word by word (files, or - for standard input; an HTML page or
a JSON article by its text, as ingest reads it) and prints B's wording against
A's, [-deleted-]{+inserted+} (red and green on a terminal), the similarity of
the two (0..1), and each difference typed: substantive, omission, addition,
synonym, number, name or orthographic.

--json prints one object: similarity, ops [{op: equal|delete|insert, text, type,
a_start, a_end, b_start, b_end}] and variations [{type, from, to, ...}].`,
		`  variorum diff draft-a.txt draft-b.txt
  echo "significant, intentional, and prolonged armed assault" | variorum diff clause.txt -`)
	asJSON := fs.Bool("json", false, "print one JSON object")
	color := addColorFlag(fs)
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(paths) != 2 {
		return usagef("diff: give two texts, A and B (files, or - for standard input)")
	}
	if paths[0] == "-" && paths[1] == "-" {
		return usagef("diff: only one of A and B can be standard input")
	}
	var texts [2]string
	for i, p := range paths {
		if texts[i], err = readText(e, p); err != nil {
			return err
		}
	}
	res := compare.Diff(texts[0], texts[1])
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	return compare.WriteDiff(e.stdout, res, color.enabled(e, e.stdout))
}

// readText reads a file (or standard input for "-") as normalised text:
// an HTML page's main text and a JSON article's text, as ingest reads
// them, not their markup; any other file without its front matter.
func readText(e *env, path string) (string, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return "", usagef("diff: %s is a folder; give two files (or - for standard input)", path)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm", ".json", ".jsonl":
		arts, bad := corpus.ReadAll([]string{path})
		switch {
		case len(bad) > 0:
			return "", bad[0]
		case len(arts) != 1:
			return "", fmt.Errorf("%s holds %d articles; diff compares two texts: give a file of one article", path, len(arts))
		}
		return arts[0].Text, nil
	}
	var raw []byte
	var err error
	if path == "-" {
		raw, err = io.ReadAll(io.LimitReader(e.stdin, corpus.MaxFileSize+1))
		path = "standard input"
	} else {
		raw, err = os.ReadFile(path)
	}
	if err != nil {
		return "", err
	}
	if len(raw) > corpus.MaxFileSize {
		return "", fmt.Errorf("%s: larger than %d MiB", path, corpus.MaxFileSize>>20)
	}
	text, err := corpus.Normalize(raw)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return corpus.StripFrontMatter(text), nil
}
