//go:build ignore

// Command synonyms_gen derives compare/synonyms.txt, the compact synonym
// table variation typing ships with, from the WordNet 3.0 database files
// (Debian package wordnet-base, installed in /usr/share/wordnet):
//
//	apt-get install -y wordnet-base
//	cd compare && go run synonyms_gen.go -dir /usr/share/wordnet -o synonyms.txt
//
// A group is the single-word lemmas of one synset, keeping a lemma only when
// the synset is among its first -senses senses (WordNet lists a word's senses
// by frequency, so rare readings do not make common words synonyms), plus,
// for adjectives, a head synset together with its similar-to satellites
// ("intended": "deliberate", "intentional") unless the cluster has more than
// -max-cluster lemmas. Lemmas with digits are left out (numbers are typed
// apart), and so are multi-word lemmas. Irregular forms from the *.exc
// files whose lemma is in a group are kept as "=form lemma…" lines. The output
// is sorted, so the same WordNet always gives the same file.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

var posNames = []string{"noun", "verb", "adj", "adv"}

type synset struct {
	words []string
	head  string // adjective satellite: key of its head synset
}

func main() {
	dir := flag.String("dir", "/usr/share/wordnet", "WordNet database folder")
	out := flag.String("o", "synonyms.txt", "output file")
	senses := flag.Int("senses", 3, "keep a lemma in a synset only if it is among the lemma's first N senses")
	maxCluster := flag.Int("max-cluster", 24, "skip adjective clusters (head and satellites) with more lemmas than this")
	flag.Parse()

	// rank[pos:lemma][synset key] = sense number (1-based).
	rank := map[string]map[string]int{}
	for _, pos := range posNames {
		p := pos[:1]
		err := eachLine(filepath.Join(*dir, "index."+pos), func(l string) {
			if strings.HasPrefix(l, " ") {
				return
			}
			fs := strings.Fields(l)
			if len(fs) < 6 {
				return
			}
			pc, _ := strconv.Atoi(fs[3])
			offs := fs[4+pc+2:]
			m := map[string]int{}
			for i, o := range offs {
				m[p+o] = i + 1
			}
			rank[p+":"+fs[0]] = m
		})
		if err != nil {
			log.Fatal(err)
		}
	}

	sets := map[string]*synset{}
	for _, pos := range posNames {
		p := pos[:1]
		err := eachLine(filepath.Join(*dir, "data."+pos), func(l string) {
			if strings.HasPrefix(l, " ") {
				return
			}
			fs := strings.Fields(strings.SplitN(l, "|", 2)[0])
			if len(fs) < 4 {
				return
			}
			key := p + fs[0]
			wc, err := strconv.ParseInt(fs[3], 16, 32)
			if err != nil {
				return
			}
			s := &synset{}
			for i := 0; i < int(wc); i++ {
				w := strings.ToLower(fs[4+2*i])
				if k := strings.IndexByte(w, '('); k > 0 { // adjective markers: "galore(ip)"
					w = w[:k]
				}
				if len(w) < 2 || strings.ContainsAny(w, "_.0123456789") { // letters, multi-word lemmas, abbreviations, numerals
					continue
				}
				if r := rank[p+":"+w][key]; r == 0 || r > *senses {
					continue
				}
				s.words = append(s.words, w)
			}
			rest := fs[4+2*wc:]
			if len(rest) > 0 && fs[2] == "s" {
				pc, _ := strconv.Atoi(rest[0])
				for i := 0; i < pc && 1+4*i+3 < len(rest); i++ {
					if rest[1+4*i] == "&" {
						s.head = "a" + rest[1+4*i+1]
						break
					}
				}
			}
			sets[key] = s
		})
		if err != nil {
			log.Fatal(err)
		}
	}

	groups := map[string]bool{}
	add := func(words []string) {
		seen := map[string]bool{}
		var g []string
		for _, w := range words {
			if !seen[w] {
				seen[w] = true
				g = append(g, w)
			}
		}
		if len(g) < 2 {
			return
		}
		sort.Strings(g)
		groups[strings.Join(g, " ")] = true
	}
	clusters := map[string][]string{}
	for key, s := range sets {
		add(s.words)
		switch {
		case s.head != "":
			clusters[s.head] = append(clusters[s.head], s.words...)
		case key[0] == 'a':
			clusters[key] = append(clusters[key], s.words...)
		}
	}
	for _, words := range clusters {
		// A large adjective cluster ("good", colour terms, cardinal numbers)
		// gathers words that are not interchangeable; keep its synsets only.
		if len(words) <= *maxCluster {
			add(words)
		}
	}
	lemmas := map[string]bool{}
	lines := make([]string, 0, len(groups))
	for g := range groups {
		lines = append(lines, g)
		for _, w := range strings.Fields(g) {
			lemmas[w] = true
		}
	}
	sort.Strings(lines)

	var exc []string
	for _, pos := range posNames {
		err := eachLine(filepath.Join(*dir, pos+".exc"), func(l string) {
			fs := strings.Fields(l)
			if len(fs) < 2 || strings.ContainsAny(fs[0], "_.") {
				return
			}
			var keep []string
			for _, lemma := range fs[1:] {
				if lemmas[lemma] && lemma != fs[0] {
					keep = append(keep, lemma)
				}
			}
			if len(keep) > 0 {
				exc = append(exc, "="+fs[0]+" "+strings.Join(keep, " "))
			}
		})
		if err != nil {
			log.Fatal(err)
		}
	}
	sort.Strings(exc)
	exc = dedupe(exc)

	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "# Synonym groups derived from WordNet 3.0 (Princeton University); licence in synonyms_LICENSE.\n")
	fmt.Fprintf(w, "# Generated by: go run synonyms_gen.go -dir %s -senses %d -max-cluster %d -o synonyms.txt (do not edit).\n", "/usr/share/wordnet", *senses, *maxCluster)
	fmt.Fprintf(w, "# One group of interchangeable lemmas a line; \"=form lemma...\" lines map irregular forms to lemmas.\n")
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	for _, l := range exc {
		fmt.Fprintln(w, l)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d groups, %d lemmas, %d irregular forms", len(lines), len(lemmas), len(exc))
}

func dedupe(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func eachLine(path string, fn func(string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open wordnet file: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fn(sc.Text())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}
