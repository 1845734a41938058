package corpus

import (
	"embed"
	"io/fs"
	"path"
	"sort"
)

//go:embed sample/*.txt
var sampleFS embed.FS

// Sample returns the embedded sample corpus: five English articles from
// November 2025, from different outlets, on the leaked draft of a US security
// guarantee for Ukraine modelled on NATO's Article 5. Their outlets are
// unknown, so each article's source is its file name.
func Sample() []Article {
	names, err := fs.Glob(sampleFS, "sample/*.txt")
	if err != nil {
		panic(err) // the pattern is a constant
	}
	sort.Strings(names)
	arts := make([]Article, 0, len(names))
	for _, name := range names {
		b, err := sampleFS.ReadFile(name)
		if err != nil {
			panic(err) // embedded at build time
		}
		text, err := Normalize(b)
		if err != nil {
			panic("embedded sample " + name + ": " + err.Error())
		}
		arts = append(arts, Article{ID: NewID("", text), Source: path.Base(name), Text: text})
	}
	return arts
}
