package compare

// DiffResult is the word-level diff of two texts: the `diff --json` shape.
type DiffResult struct {
	// Similarity of the two texts, 0..1 (see Similarity).
	Similarity float64 `json:"similarity"`
	// Ops turn A into B word by word; offsets are into A and B.
	Ops []Op `json:"ops"`
	// Variations are the typed differences of B against A (witness 1),
	// most serious first.
	Variations []Variation `json:"variations"`
}

// Diff aligns b against a word by word and types every difference. The ops
// reassemble both texts exactly; character-level differences inside a word
// are never shown, a changed word is replaced whole.
func Diff(a, b string) DiffResult {
	ta, tb := Tokenize(a), Tokenize(b)
	cl := &classifier{a: ta, b: tb, wn: loadWordNet()}
	ops, vars, _ := alignTexts(a, b, ta, tb, cl)
	if ops == nil {
		ops = []Op{}
	}
	if vars == nil {
		vars = []Variation{}
	}
	sortVariations(vars)
	return DiffResult{Similarity: round4(similarity(a, b)), Ops: ops, Variations: vars}
}
