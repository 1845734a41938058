package ingest

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/variorum/variorum/corpus"
)

// TestQuotesSeeds checks the quotes and speakers the issues name on the
// embedded sample corpus.
func TestQuotesSeeds(t *testing.T) {
	type want struct{ text, speaker, mention, cue string }
	wants := []want{
		{"an attack on one ally shall be considered an attack on all", "", "", ""},
		{"No, this plan has not been communicated to us", "Dmitry Peskov", "Dmitry Peskov", "told"},
		{"major win", "Axios", "Axios", "according to"},
		{"major achievement", "US officials", "US officials", "described"},
		{"They will lose this land in a very short time", "Trump", "he", "said"},
		{"Our teams - Ukraine and the USA - will work on the points of the plan to end the war", "Volodymyr Zelensky", "Zelensky", "wrote on Telegram"},
		{"We are ready for constructive, honest, and prompt work", "Volodymyr Zelensky", "Zelensky", "wrote on Telegram"},
		{"The guarantees are intended to function as a long-term deterrent", "one US official", "one US official", "told"},
		{"It’s a draft—not yet a destination", "one EU diplomat", "one EU diplomat", "said"},
	}
	got := map[string]corpus.Quote{}
	texts := map[string]string{}
	for _, a := range corpus.Sample() {
		for _, q := range Quotes(a.Text, nil, nil) {
			if a.Text[q.Start:q.End] != q.Text {
				t.Errorf("%s: text[%d:%d] = %q, Text = %q", a.Source, q.Start, q.End, a.Text[q.Start:q.End], q.Text)
			}
			got[q.Text] = q
			texts[q.Text] = a.Text
		}
	}
	for _, w := range wants {
		q, ok := got[w.text]
		if !ok {
			t.Errorf("quote %q not found", w.text)
			continue
		}
		if w.speaker == "" {
			continue
		}
		mention := texts[w.text][q.SpeakerStart:q.SpeakerEnd]
		if q.Speaker != w.speaker || mention != w.mention || q.Cue != w.cue {
			t.Errorf("quote %q: speaker %q mention %q cue %q; want %q %q %q",
				w.text, q.Speaker, mention, q.Cue, w.speaker, w.mention, w.cue)
		}
	}
	for _, scare := range []string{"frozen", "Peace Council", "Gains", "America First"} {
		if _, ok := got[scare]; ok {
			t.Errorf("scare quote or name %q reported as a quote", scare)
		}
	}
}

// TestQuotesSeedsGolden keeps the seeds' quotes, speakers and cues in
// testdata/quotes_seeds.txtar; run with -update to rewrite it after an
// intended change.
func TestQuotesSeedsGolden(t *testing.T) {
	var ar txtar.Archive
	for _, a := range corpus.Sample() {
		var b strings.Builder
		for _, q := range Quotes(a.Text, nil, nil) {
			fmt.Fprintf(&b, "%q\n", q.Text)
			if q.SpeakerEnd > q.SpeakerStart {
				fmt.Fprintf(&b, "\tspeaker %q mention %q cue %q\n", q.Speaker, a.Text[q.SpeakerStart:q.SpeakerEnd], q.Cue)
			}
		}
		ar.Files = append(ar.Files, txtar.File{Name: a.Source, Data: []byte(b.String())})
	}
	got := txtar.Format(&ar)
	path := filepath.Join("testdata", "quotes_seeds.txtar")
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file: %v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		wa := txtar.Parse(want)
		for i, f := range ar.Files {
			if i >= len(wa.Files) || !bytes.Equal(f.Data, wa.Files[i].Data) {
				t.Errorf("quotes of %s changed:\n%s", f.Name, f.Data)
			}
		}
	}
}
