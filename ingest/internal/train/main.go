// Command train builds variorum's entity model from CoNLL-2003 English:
//
//	go run ./ingest/internal/train              # writes ingest/internal/ner/model.bin
//	go run ./ingest/internal/train -eval        # also scores eng.testa
//	go run ./ingest/internal/train -genplaces   # rebuilds ingest/internal/ner/places.txt
//
// Run it from the repository root. The data is read from
// $VARIORUM_DATA/conll2003 (default ../shared/data beside the repository)
// and never copied into the project. Training is deterministic (the same
// data gives a byte-identical model), takes about 30 s on one core and under
// 1 GB of memory.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/variorum/variorum/ingest/internal/ner"
)

func main() {
	data := flag.String("data", defaultData(), "folder holding eng.train and eng.testa")
	out := flag.String("o", filepath.Join("ingest", "internal", "ner", "model.bin"), "model file to write")
	epochs := flag.Int("epochs", 15, "training epochs")
	eval := flag.Bool("eval", false, "score eng.testa (CoNLL tokens) after training")
	seed := flag.Uint64("seed", 1, "seed of the document order")
	titled := flag.Int("titled", 5, "add every N-th training document again in title case (0: none)")
	flag.IntVar(&listMin, "listmin", 1, "learn names seen at least N times in the training data")
	gen := flag.Bool("genplaces", false, "write "+placesFile+" from iso-codes and tzdata, then stop")
	flag.Parse()
	if *gen {
		if err := genPlaces(placesFile); err != nil {
			fmt.Fprintln(os.Stderr, "train:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*data, *out, *epochs, *seed, *titled, *eval); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

const folds = 5

var (
	placesFile = filepath.Join("ingest", "internal", "ner", "places.txt")
	listMin    = 1
)

func defaultData() string {
	if d := os.Getenv("VARIORUM_DATA"); d != "" {
		return filepath.Join(d, "conll2003")
	}
	return filepath.Join("..", "shared", "data", "conll2003")
}

// read reads CoNLL data and counts its tokens.
func read(path string) ([]ner.Doc, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	docs, err := ner.ReadCoNLL(f)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", path, err)
	}
	n := 0
	for _, d := range docs {
		for _, s := range d.Sentences {
			n += len(s)
		}
	}
	return docs, n, nil
}

func run(data, out string, epochs int, seed uint64, titled int, eval bool) error {
	t0 := time.Now()
	train, n, err := read(filepath.Join(data, "eng.train"))
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "read %d documents, %d tokens in %v\n", len(train), n, time.Since(t0).Round(time.Millisecond))
	// Some documents again in title case, so that capitals in headings
	// ("Key Elements of the Agreement") are not taken for names.
	nd := len(train)
	fold := make([]int, 0, nd) // cross-validation fold of each document
	for i := 0; i < nd; i++ {
		fold = append(fold, i%folds)
	}
	for i := 0; titled > 0 && i < nd; i += titled {
		d := ner.Doc{Spans: train[i].Spans}
		for _, s := range train[i].Sentences {
			d.Sentences = append(d.Sentences, ner.TitleCase(s))
		}
		train = append(train, d)
		fold = append(fold, fold[i])
	}
	// Name lists: places from places.txt and names learned from the
	// training data. Each training document sees the names learned from
	// the other folds only, as unseen text will.
	b, err := os.ReadFile(placesFile)
	if err != nil {
		return err
	}
	places := ner.ParsePlaces(string(b))
	lists := places.Merge(ner.FromTraining(train[:nd], listMin))
	var foldLists [folds]*ner.Lists
	for f := range foldLists {
		var rest []ner.Doc
		for i := 0; i < nd; i++ {
			if fold[i] != f {
				rest = append(rest, train[i])
			}
		}
		foldLists[f] = places.Merge(ner.FromTraining(rest, listMin))
	}
	fmt.Fprintf(os.Stderr, "lists: %d places, %d phrases in all\n", places.Len(), lists.Len())
	t0 = time.Now()
	m := ner.Train(train, ner.TrainOptions{
		Epochs: epochs,
		Seed:   seed,
		Progress: func(ep, wrong, total int) {
			fmt.Fprintf(os.Stderr, "epoch %d: %d/%d sentences wrong (%v)\n", ep, wrong, total, time.Since(t0).Round(time.Second))
		},
		Lists:      lists,
		TrainLists: func(i int) *ner.Lists { return foldLists[fold[i]] },
	})
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	size, err := m.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes)\n", out, size)
	if !eval {
		return nil
	}
	// Score what was written, as the program will read it.
	f, err = os.Open(out)
	if err != nil {
		return err
	}
	defer f.Close()
	if m, err = ner.Read(f); err != nil {
		return err
	}
	dev, n, err := read(filepath.Join(data, "eng.testa"))
	if err != nil {
		return err
	}
	c := ner.Counts{}
	t0 = time.Now()
	for _, d := range dev {
		pred := m.Tag(d.Sentences)
		for i := range d.Sentences {
			c.Add(d.Spans[i], pred[i])
		}
	}
	el := time.Since(t0)
	for _, t := range []string{"PER", "LOC", "ORG", "MISC"} {
		p, r, f := c.PRF(t)
		fmt.Printf("%-5s P %5.1f R %5.1f F1 %5.1f\n", t, p, r, f)
	}
	p, r, f1 := c.PRF("PER", "LOC", "ORG")
	fmt.Printf("PER+LOC+ORG P %5.1f R %5.1f F1 %5.1f  (%d tokens, %.0f tokens/s tagging only)\n", p, r, f1, n, float64(n)/el.Seconds())
	return nil
}
