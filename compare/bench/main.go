// Command bench measures compare.Clusters on the shared news data sets:
// BBC News (2,225 articles) and, with -reuters, Reuters-21578 as well
// (about 21,000 articles together). It runs a fraction of the articles (the
// first ones in a fixed, sorted order) and prints one line: articles,
// sentences, clusters, seconds, peak resident memory and the seconds of
// each stage of Clusters (t_segment=…).
//
//	go run ./compare/bench -data ../shared/data -reuters -frac 0.5
//
// compare/bench/run.sh runs every fraction several times and prints medians.
package main

import (
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/variorum/variorum/compare"
	"github.com/variorum/variorum/corpus"
)

func main() {
	data := flag.String("data", defaultData(), "shared data folder")
	reuters := flag.Bool("reuters", false, "add Reuters-21578 to BBC News")
	frac := flag.Float64("frac", 1, "fraction of the articles to compare (0..1]")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	flag.StringVar(&memprofile, "memprofile", "", "write an allocation profile to this file")
	flag.StringVar(&outFile, "out", "", "write the clusters to this file, one line each: number, similarity, witnesses, then a tab and their texts (to compare two versions' output)")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	if err := run(*data, *reuters, *frac); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

var memprofile, outFile string

func defaultData() string {
	if d := os.Getenv("VARIORUM_DATA"); d != "" {
		return d
	}
	return filepath.Join("..", "shared", "data")
}

func run(data string, withReuters bool, frac float64) error {
	if frac <= 0 || frac > 1 {
		return fmt.Errorf("frac %v: want 0 < frac ≤ 1", frac)
	}
	arts, err := readBBC(filepath.Join(data, "bbc-news"))
	if err != nil {
		return err
	}
	if withReuters {
		r, err := readReuters(filepath.Join(data, "reuters21578"))
		if err != nil {
			return err
		}
		arts = append(arts, r...)
	}
	// Interleave deterministically so that every fraction mixes both sets.
	sort.SliceStable(arts, func(i, j int) bool { return arts[i].ID < arts[j].ID })
	arts = arts[:int(float64(len(arts))*frac)]
	docs := make([]corpus.Document, len(arts))
	for i, a := range arts {
		docs[i] = corpus.Document{Article: a}
	}
	runtime.GC()
	var before syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	// Each stage's wall-clock time, from its start to the next one's.
	var stages []string
	var starts []time.Time
	opts := compare.Options{Stage: func(s string) {
		stages = append(stages, s)
		starts = append(starts, time.Now())
	}}
	start := time.Now()
	cs := compare.Clusters(docs, opts)
	elapsed := time.Since(start)
	starts = append(starts, start.Add(elapsed))
	if memprofile != "" {
		f, err := os.Create(memprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			return err
		}
	}
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	if outFile != "" {
		if err := writeClusters(outFile, cs); err != nil {
			return err
		}
	}
	if os.Getenv("BENCH_PEEK") != "" {
		for i, c := range cs {
			if i%(len(cs)/40+1) != 0 {
				continue
			}
			fmt.Fprintf(os.Stderr, "#%d n=%d sim=%.2f\n", c.ID, len(c.Witnesses), c.Similarity)
			for j, w := range c.Witnesses {
				if j < 3 {
					fmt.Fprintf(os.Stderr, "    %s: %.120q\n", w.Source, w.Text)
				}
			}
		}
	}
	words := 0
	for _, a := range arts {
		words += len(strings.Fields(a.Text))
	}
	witnesses, largest := 0, 0
	for _, c := range cs {
		witnesses += len(c.Witnesses)
		largest = max(largest, len(c.Witnesses))
	}
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano() - before.Utime.Nano() - before.Stime.Nano())
	fmt.Printf("articles=%d words=%d clusters=%d witnesses=%d largest=%d seconds=%.2f cpu_seconds=%.2f peak_rss_mb=%d",
		len(docs), words, len(cs), witnesses, largest, elapsed.Seconds(), cpu.Seconds(), ru.Maxrss/1024)
	for i, s := range stages {
		fmt.Printf(" t_%s=%.2f", s, starts[i+1].Sub(starts[i]).Seconds())
	}
	fmt.Println()
	return nil
}

// readBBC reads the BBC News folders: plain text, title on the first line.
func readBBC(dir string) ([]corpus.Article, error) {
	var arts []corpus.Article
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".txt") || strings.EqualFold(d.Name(), "README.TXT") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text := toUTF8(b)
		title, _, _ := strings.Cut(text, "\n")
		rel, _ := filepath.Rel(dir, path)
		arts = append(arts, corpus.Article{ID: corpus.NewID("BBC", text), Source: rel, Outlet: "BBC", Title: title, Text: text})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read bbc-news: %w", err)
	}
	return arts, nil
}

var (
	reutersDoc   = regexp.MustCompile(`(?s)<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>`)
	reutersBody  = regexp.MustCompile(`(?s)<BODY>(.*?)</BODY>`)
	reutersTitle = regexp.MustCompile(`(?s)<TITLE>(.*?)</TITLE>`)
)

// readReuters reads the <BODY> of every Reuters-21578 document that has one.
func readReuters(dir string) ([]corpus.Article, error) {
	files, err := filepath.Glob(filepath.Join(dir, "reut2-*.sgm"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("read reuters21578: no reut2-*.sgm in %s", dir)
	}
	var arts []corpus.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read reuters21578: %w", err)
		}
		for _, m := range reutersDoc.FindAllStringSubmatch(toUTF8(b), -1) {
			body := reutersBody.FindStringSubmatch(m[2])
			if body == nil {
				continue
			}
			text := unwrap(html.UnescapeString(body[1]))
			title := ""
			if t := reutersTitle.FindStringSubmatch(m[2]); t != nil {
				title = html.UnescapeString(t[1])
			}
			arts = append(arts, corpus.Article{ID: corpus.NewID("Reuters", text), Source: filepath.Base(f) + ":" + m[1],
				Outlet: "Reuters", Title: title, Text: text})
		}
	}
	return arts, nil
}

// unwrap turns a Reuters body, hard-wrapped at about 70 columns with each
// paragraph's first line indented, into one paragraph a line (the plain-text
// form the rest of variorum reads), without the closing "Reuter" and the
// end-of-text mark.
func unwrap(body string) string {
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t") {
			flush()
		}
		if t == "Reuter" || t == "REUTER" || strings.HasPrefix(t, "\x03") {
			break
		}
		if t != "" {
			cur = append(cur, t)
		}
	}
	flush()
	return strings.Join(paras, "\n")
}

// toUTF8 returns b as UTF-8, reading it as Latin-1 when it is not valid
// UTF-8.
func toUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}

// writeClusters writes one line per cluster: its similarity and its
// witnesses' sources and offsets.
func writeClusters(path string, cs []compare.Cluster) error {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "%d %.6f", c.ID, c.Similarity)
		for _, w := range c.Witnesses {
			fmt.Fprintf(&b, " %s:%d-%d", w.Source, w.Start, w.End)
		}
		for i, w := range c.Witnesses {
			sep := "\t"
			if i > 0 {
				sep = " ‖ "
			}
			b.WriteString(sep + strings.Join(strings.Fields(w.Text), " "))
		}
		b.WriteByte('\n')
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
