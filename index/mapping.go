package index

import (
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/variorum/variorum/corpus"
)

// Names stored in the index mapping. The analyser's name carries the format
// version: an index whose mapping lacks it was built by another program or
// by an incompatible variorum.
const (
	// analyzerText is the text analyser of indexes made now; v2 folds
	// accents. An index made before holds analyzerTextV1 and keeps it.
	analyzerText   = "variorum_en_v2"
	analyzerTextV1 = "variorum_en_v1"
	analyzerFold   = "variorum_fold_v1"
	filterUS       = "variorum_us"
	filterAccent   = "variorum_accents"
	formatMarker   = analyzerText // or analyzerTextV1 (textAnalyzer)
)

// Field names of an article document.
const (
	fieldText       = "text"
	fieldTitle      = "title"
	fieldOutlet     = "outlet"      // keyword, for facets
	fieldOutletFold = "outlet_fold" // lower-cased, for the --outlet filter
	fieldSource     = "source"
	fieldPublished  = "published"      // datetime when it parses
	fieldPubText    = "published_text" // keyword when it does not
	fieldEntity     = "entity"         // canonical names, keyword, for facets
	fieldEntityFold = "entity_fold"    // canonical names and mentions, lower-cased
	fieldEntityText = "entity_text"    // mentions, analysed
	fieldQuote      = "quote"          // quote texts, analysed
	fieldDoc        = "doc"            // the corpus.Document as JSON, stored only
)

// usForms are the spellings of the United States folded into one term. They
// are matched before lower-casing, so the pronoun "us" (a stop word) stays
// apart from "US".
var usForms = map[string]bool{
	"US": true, "U.S": true, "U.S.": true, "USA": true, "U.S.A": true, "U.S.A.": true,
}

// usTerm is what every spelling in usForms is indexed as; it is not a stop
// word and the stemmer leaves it alone.
const usTerm = "usa"

// usFilter folds "US", "U.S." and "USA" into one term so that a search for
// any of them finds the others. Token offsets are left untouched, so marks
// still point at the spelling in the text.
type usFilter struct{}

func (usFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if usForms[string(t.Term)] {
			t.Term = []byte(usTerm)
			t.KeyWord = true
		}
	}
	return in
}

// accentFilter drops the accents of a term's letters, so that "Beyoncé"
// finds "Beyonce" and "cafe" finds "café". Like usFilter it changes the
// term only; offsets still point at the word as written. (bleve's
// asciifolding is a character filter, which would shift them.)
type accentFilter struct{}

func (accentFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if s := corpus.StripMarks(string(t.Term)); s != string(t.Term) {
			t.Term = []byte(s)
		}
	}
	return in
}

func init() {
	for name, f := range map[string]analysis.TokenFilter{filterUS: usFilter{}, filterAccent: accentFilter{}} {
		err := registry.RegisterTokenFilter(name, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
			return f, nil
		})
		if err != nil {
			panic(err) // only if another package registered the same name
		}
	}
}

// newMapping returns the index mapping of an article document.
func newMapping() (*mapping.IndexMappingImpl, error) {
	return buildMapping(analyzerText)
}

// buildMapping returns the mapping with the text analyser text: this
// format's (analyzerText), or, for tests of older indexes, the one before
// (analyzerTextV1, without the accent filter).
func buildMapping(text string) (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	filters := []interface{}{en.PossessiveName, filterUS, lowercase.Name, filterAccent, en.StopName, porter.Name}
	if text == analyzerTextV1 {
		filters = slices.DeleteFunc(filters, func(f interface{}) bool { return f == filterAccent })
	}
	err := im.AddCustomAnalyzer(text, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": filters,
	})
	if err != nil {
		return nil, err
	}
	err = im.AddCustomAnalyzer(analyzerFold, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     single.Name,
		"token_filters": []interface{}{lowercase.Name},
	})
	if err != nil {
		return nil, err
	}

	analysed := func(vectors bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = text
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = vectors
		f.DocValues = false
		return f
	}
	kw := func(analyzer string, docValues bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = docValues
		return f
	}
	published := bleve.NewDateTimeFieldMapping()
	published.Store = false
	published.IncludeInAll = false
	stored := bleve.NewTextFieldMapping()
	stored.Index = false
	stored.Store = true
	stored.IncludeInAll = false
	stored.IncludeTermVectors = false
	stored.DocValues = false

	article := bleve.NewDocumentStaticMapping()
	article.AddFieldMappingsAt(fieldText, analysed(true))
	article.AddFieldMappingsAt(fieldTitle, analysed(true))
	article.AddFieldMappingsAt(fieldOutlet, kw(keyword.Name, true))
	article.AddFieldMappingsAt(fieldOutletFold, kw(analyzerFold, false))
	article.AddFieldMappingsAt(fieldSource, kw(keyword.Name, false))
	article.AddFieldMappingsAt(fieldPublished, published)
	article.AddFieldMappingsAt(fieldPubText, kw(keyword.Name, false))
	article.AddFieldMappingsAt(fieldEntity, kw(keyword.Name, true))
	article.AddFieldMappingsAt(fieldEntityFold, kw(analyzerFold, false))
	article.AddFieldMappingsAt(fieldEntityText, analysed(false))
	article.AddFieldMappingsAt(fieldQuote, analysed(false))
	article.AddFieldMappingsAt(fieldDoc, stored)

	im.DefaultMapping = article
	im.DefaultAnalyzer = text
	im.DefaultField = fieldText
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	im.ScoringModel = "tf-idf"
	return im, im.Validate()
}

// textAnalyzer returns the name of the text analyser an index's mapping
// holds, this format's or the one before; "" when it holds neither (not a
// variorum index, or a newer one's). An older variorum opening an index
// made now finds no analyser it knows and says the format is not its own,
// rather than failing on a filter it lacks.
func textAnalyzer(im *mapping.IndexMappingImpl) string {
	for _, name := range []string{analyzerText, analyzerTextV1} {
		if _, ok := im.CustomAnalysis.Analyzers[name]; ok {
			return name
		}
	}
	return ""
}
