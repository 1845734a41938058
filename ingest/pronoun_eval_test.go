package ingest

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/variorum/variorum/corpus"
)

// TestPronounSpeakersPolNeAR scores who "he" and "she" are taken to be:
// 80 quotes of PolNeAR dev credited to a bare pronoun, picked at random,
// each judged by reading the article (testdata/pronouns_polnear_dev.tsv
// holds the file, the quote's byte offset and the person; no text of the
// corpus). A speaker is right when its last word is the person's surname.
// PolNeAR's own speaker score counts the mention, "he", so it cannot see
// this. Skipped when ../shared/data is absent.
//
//	go test ./ingest -run PronounSpeakers -v
func TestPronounSpeakersPolNeAR(t *testing.T) {
	dir := filepath.Join(polnearDir(), "dev", "text")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("PolNeAR dev: ../shared/data absent (%s)", dir)
	}
	f, err := os.Open(filepath.Join("testdata", "pronouns_polnear_dev.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	x := extractor(t)
	type pick struct {
		name, mention, person string
		start                 int
	}
	var picks []pick
	index := map[string]int{} // file → its document in docs
	var docs []corpus.Document
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 4 {
			t.Fatalf("bad line %q", line)
		}
		start, err := strconv.Atoi(parts[1])
		if err != nil {
			t.Fatal(err)
		}
		picks = append(picks, pick{parts[0], parts[2], parts[3], start})
		if _, ok := index[parts[0]]; !ok {
			b, err := os.ReadFile(filepath.Join(dir, parts[0]))
			if err != nil {
				t.Fatal(err)
			}
			text, err := corpus.Normalize(b) // offsets are those of the text variorum reads
			if err != nil {
				t.Fatal(err)
			}
			index[parts[0]] = len(docs)
			docs = append(docs, x.Extract(corpus.Article{ID: parts[0], Source: parts[0], Text: text}))
		}
	}
	Canonicalize(docs) // as extract and ingest do over the files they read
	right, total := 0, len(picks)
	for _, p := range picks {
		got := "(no quote there)"
		for _, q := range docs[index[p.name]].Quotes {
			if q.Start == p.start {
				got = q.Speaker
			}
		}
		if surname(got) != "" && surname(got) == surname(p.person) {
			right++
		} else {
			t.Logf("%s at %d (%s): speaker %q, is %s", p.name, p.start, p.mention, got, p.person)
		}
	}
	acc := float64(right) / float64(total)
	t.Logf("pronoun speakers, PolNeAR dev sample: %d/%d right (%.3f)", right, total, acc)
	if total != 80 {
		t.Errorf("%d cases, want 80", total)
	}
	if acc < 0.7 {
		t.Errorf("accuracy %.3f fell below 0.7", acc)
	}
}

// surname returns the folded last word of a name.
func surname(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(f[len(f)-1])
}
