package compare

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

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

// WriteDiff writes the terminal view of a diff: B's text with the words A
// has and B lacks marked [-…-] and B's own words {+…+} (red and green,
// without markers, when color is set), line breaks kept, then the
// similarity and the typed variations, most serious first.
func WriteDiff(w io.Writer, r DiffResult, color bool) error {
	bw := bufio.NewWriter(w)
	newline := true // what is written so far ends a line
	for _, s := range rowSegments(r.Ops) {
		newline = s.Kind == segSame && strings.HasSuffix(s.Text, "\n")
		switch {
		case s.Kind == segDel && color:
			bw.WriteString(ansiRed + s.Text + ansiReset)
		case s.Kind == segDel:
			bw.WriteString("[-" + s.Text + "-]")
		case s.Kind == segIns && color:
			bw.WriteString(ansiGreen + s.Text + ansiReset)
		case s.Kind == segIns:
			bw.WriteString("{+" + s.Text + "+}")
		default:
			bw.WriteString(s.Text)
		}
	}
	if !newline {
		bw.WriteByte('\n')
	}
	if len(r.Ops) > 0 {
		bw.WriteByte('\n')
	}
	fmt.Fprintf(bw, "similarity %s\n", simText(r.Similarity))
	width := 0
	for _, v := range r.Variations {
		width = max(width, len(v.Type))
	}
	for _, v := range r.Variations {
		fmt.Fprintf(bw, "  %-*s  %s\n", width, v.Type, variationText(v, 100))
	}
	return bw.Flush()
}
