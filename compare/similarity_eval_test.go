package compare

import (
	"bufio"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/variorum/variorum/corpus"
)

// dataDir locates the shared evaluation data: $VARIORUM_DATA, or
// ../shared/data beside the repository. It skips the test when absent.
func dataDir(t testing.TB, sub string) string {
	t.Helper()
	dir := os.Getenv("VARIORUM_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "data")
	}
	p := filepath.Join(dir, sub)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s: ../shared/data absent (set VARIORUM_DATA)", sub)
	}
	return p
}

type scoredPair struct {
	a, b  string
	score float64 // STS 0..5, or MSRP 0/1
}

// readTSV reads pairs from a tab-separated file: score column and the two
// sentence columns, skipping a header line when skipHeader.
func readTSV(t testing.TB, path string, scoreCol, aCol, bCol int, skipHeader bool) []scoredPair {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var ps []scoredPair
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 0; sc.Scan(); line++ {
		if line == 0 && skipHeader {
			continue
		}
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) <= max(scoreCol, aCol, bCol) {
			continue
		}
		s, err := strconv.ParseFloat(strings.TrimPrefix(fs[scoreCol], "\ufeff"), 64)
		if err != nil {
			continue
		}
		ps = append(ps, scoredPair{fs[aCol], fs[bCol], s})
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return ps
}

// corpusScorer builds a Scorer whose word weights come from every sentence
// of the pairs: the corpus being compared.
func corpusScorer(ps []scoredPair) *Scorer {
	docs := make([]string, 0, 2*len(ps))
	for _, p := range ps {
		docs = append(docs, p.a, p.b)
	}
	return NewScorer(docs, nil)
}

func TestSTSBenchmark(t *testing.T) {
	dir := dataDir(t, "stsbenchmark")
	for _, split := range []string{"dev", "train"} {
		ps := readTSV(t, filepath.Join(dir, "sts-"+split+".csv"), 4, 5, 6, false)
		if len(ps) == 0 {
			t.Fatalf("sts-%s: no pairs read", split)
		}
		s := corpusScorer(ps)
		gold := make([]float64, len(ps))
		corp := make([]float64, len(ps))
		alone := make([]float64, len(ps))
		for i, p := range ps {
			gold[i] = p.score
			corp[i] = s.Similarity(p.a, p.b)
			alone[i] = Similarity(p.a, p.b)
		}
		rho := spearman(gold, corp)
		t.Logf("STS %s (%d pairs): Spearman %.4f with corpus IDF (Scorer), %.4f for Similarity alone; Pearson %.4f",
			split, len(ps), rho, spearman(gold, alone), pearson(gold, corp))
		if rho < 0.5 {
			t.Errorf("STS %s Spearman %.4f: similarity is broken", split, rho)
		}
	}
}

func TestMSRP(t *testing.T) {
	dir := dataDir(t, "msrp")
	ps := readTSV(t, filepath.Join(dir, "msr_paraphrase_train.txt"), 0, 3, 4, true)
	if len(ps) == 0 {
		t.Fatal("msrp: no pairs read")
	}
	s := corpusScorer(ps)
	pred := make([]float64, len(ps))
	short := 0
	for i, p := range ps {
		pa, pb := s.sharedProfile(s.terms(Tokenize(p.a))), s.sharedProfile(s.terms(Tokenize(p.b)))
		// What Clusters decides: the similarity against the pair's own
		// threshold (higher for short texts), as an offset from the
		// default.
		raise := pairThreshold(DefaultThreshold, pa, pb) - DefaultThreshold
		if raise > 0 {
			short++
		}
		pred[i] = s.score(pa, pb) - raise
	}
	t.Logf("MSRP train: %d of %d pairs have a short text, which needs a higher similarity", short, len(ps))
	acc, rec, prec := classify(ps, pred, DefaultThreshold)
	t.Logf("MSRP train (%d pairs) at DefaultThreshold %.2f: accuracy %.4f, paraphrase recall %.4f, precision %.4f",
		len(ps), DefaultThreshold, acc, rec, prec)
	bestAcc, bestTh := 0.0, 0.0
	for th := 0.20; th < 0.90; th += 0.01 {
		if a, _, _ := classify(ps, pred, th); a > bestAcc {
			bestAcc, bestTh = a, th
		}
	}
	t.Logf("MSRP train best accuracy %.4f at threshold %.2f (for reference)", bestAcc, bestTh)
	if acc < 0.6 {
		t.Errorf("MSRP accuracy %.4f at the default threshold: similarity is broken", acc)
	}
}

// classify returns accuracy, recall and precision of "paraphrase" for
// pred ≥ th.
func classify(ps []scoredPair, pred []float64, th float64) (acc, rec, prec float64) {
	var correct, tp, pos, predPos int
	for i, p := range ps {
		y, yhat := p.score > 0.5, pred[i] >= th
		if y == yhat {
			correct++
		}
		if y {
			pos++
		}
		if yhat {
			predPos++
		}
		if y && yhat {
			tp++
		}
	}
	return float64(correct) / float64(len(ps)), float64(tp) / float64(max(pos, 1)), float64(tp) / float64(max(predPos, 1))
}

func ranks(x []float64) []float64 {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return x[idx[a]] < x[idx[b]] })
	r := make([]float64, len(x))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && x[idx[j+1]] == x[idx[i]] {
			j++
		}
		for k := i; k <= j; k++ {
			r[idx[k]] = float64(i+j)/2 + 1
		}
		i = j + 1
	}
	return r
}

func pearson(x, y []float64) float64 {
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(len(x))
	my /= float64(len(y))
	var sxy, sxx, syy float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
		syy += (y[i] - my) * (y[i] - my)
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}

func spearman(x, y []float64) float64 { return pearson(ranks(x), ranks(y)) }

// BenchmarkScore scores the STS dev pairs from prepared profiles, the inner
// loop of Clusters (go test ./compare -run XXX -bench Score).
func BenchmarkScore(b *testing.B) {
	ps := readTSV(b, filepath.Join(dataDir(b, "stsbenchmark"), "sts-dev.csv"), 4, 5, 6, false)
	s := corpusScorer(ps)
	type pair struct{ a, b *profile }
	prof := make([]pair, len(ps))
	for i, p := range ps {
		prof[i] = pair{s.sharedProfile(s.terms(Tokenize(p.a))), s.sharedProfile(s.terms(Tokenize(p.b)))}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range prof {
			s.score(p.a, p.b)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(prof)), "ns/pair")
}

// BenchmarkScoreCandidates scores the candidate pairs of BBC News
// (../shared/data/bbc-news) on one goroutine, as Clusters' score stage
// does, from profiles built beforehand: unlike BenchmarkScore's few
// thousand profiles, these do not fit in the processor's caches, so it
// shows what memory layout costs (go test ./compare -run XXX -bench
// ScoreCandidates).
func BenchmarkScoreCandidates(b *testing.B) {
	arts, _ := corpus.ReadAll([]string{dataDir(b, "bbc-news")})
	docs := make([]corpus.Document, len(arts))
	for i, a := range arts {
		docs[i] = corpus.Document{Article: a}
	}
	m := newMatcher(docs, Options{}.withDefaults())
	sigs, keys := m.buildClasses()
	pairs := candidatePairs(sigs, keys, m.classDocs(), m.opts.MaxBucket, maxDegree)
	m.scorePairs(pairs) // builds the profiles
	for b.Loop() {
		for _, p := range pairs {
			a, c := m.classes[p.a].profile, m.classes[p.b].profile
			m.scorer.scoreAtLeast(a, c, m.threshold(a, c))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pairs)), "ns/pair")
	b.ReportMetric(float64(len(pairs)), "pairs")
}
