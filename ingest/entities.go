package ingest

import (
	"slices"
	"strings"

	"github.com/variorum/variorum/corpus"
	"github.com/variorum/variorum/ingest/internal/ner"
)

// entities tags a document's sentences with the model and returns the
// entities with byte offsets into text, in order. The model sees the whole
// document, so a name it tagged once informs its later mentions.
func entities(m *ner.Model, text string, sents []corpus.Span) []corpus.Entity {
	var toks []wordTok
	bounds := make([]int, 0, len(sents)+1)
	for _, s := range sents {
		bounds = append(bounds, len(toks))
		toks = tokenize(text, s.Start, s.End, toks)
	}
	bounds = append(bounds, len(toks))
	forms := make([]ner.Token, len(toks))
	for i, t := range toks {
		forms[i] = ner.Token{Text: t.form}
	}
	doc := make([][]ner.Token, len(sents))
	for i := range sents {
		doc[i] = forms[bounds[i]:bounds[i+1]]
	}
	ents := []corpus.Entity{}
	for i, spans := range m.Tag(doc) {
		st := toks[bounds[i]:bounds[i+1]]
		for k, sp := range spans {
			label := entityLabel(sp.Type, forms[bounds[i]+sp.Start:bounds[i]+sp.End])
			if label == "" || partOfDocument(st, sp.End) {
				continue
			}
			if k > 0 && nationalAgency(spans[k-1], sp, st) {
				sp.Start = spans[k-1].Start
			}
			start, label := mend(st[sp.Start:sp.End], label)
			ents = appendEntity(ents, text, st[sp.Start+start:sp.End], label)
		}
	}
	consistentLabels(ents)
	return ents
}

// nationalAgency reports whether org, an organisation the model found in
// the sentence st, is a news agency whose name opens with the word of the
// MISC span misc just before it: the model, as CoNLL marks "Chinese
// Foreign Ministry", tags "Korean" in "the Korean Central News Agency" as
// a nationality, which left the agency named "Central News Agency". Only
// wire services: "Syrian Arab News Agency", "Saudi Press Agency".
func nationalAgency(misc, org ner.Span, st []wordTok) bool {
	if misc.Type != "MISC" || org.Type != "ORG" || misc.End != org.Start || misc.End-misc.Start != 1 || org.End-org.Start < 2 {
		return false
	}
	last, before := st[org.End-1].form, st[org.End-2].form
	return last == "Agency" && (before == "News" || before == "Press")
}

// partOfDocument reports whether the entity ending at token end of the
// sentence st is a numbered part of a text, which the model takes for an
// organisation: "Article 5" (of the NATO treaty), "Meaning of Article 5",
// "Section 230".
func partOfDocument(st []wordTok, end int) bool {
	if end >= len(st) || !documentParts[st[end-1].form] {
		return false
	}
	next := st[end].form
	return next != "" && (next[0] >= '0' && next[0] <= '9' || strings.Trim(next, "IVXLC") == "")
}

// functionWord reports whether a one-word entity is a capitalised function
// word opening a sentence, which the model sometimes tags ("Despite",
// "Meanwhile", "Most"); an all-capitals one may be an acronym ("WHO").
func functionWord(form string) bool {
	return strings.ToUpper(form) != form && functionWords[strings.ToLower(form)]
}

var functionWords = wordSet("despite however although though meanwhile but and or yet so while when where " +
	"after before since because if unless until also still instead indeed perhaps thus hence therefore " +
	"nevertheless nonetheless besides moreover furthermore otherwise anyway most all both each every " +
	"another other such what which who whom whose how why no none some many several")

// documentParts are the words that number a part of a text.
var documentParts = wordSet("Article Articles Section Chapter Clause Paragraph Annex Amendment")

// consistentLabels makes a document's labels agree where the model is
// known to waver: a name tagged ORG that is the full name or surname of a
// person tagged elsewhere in the document is that person ("Donald Trump" …
// "Trump's plan"; 1996 Reuters text knew Trump as a company). Other
// disagreements are left alone: a majority vote per name cost 0.5 F1 on
// CoNLL-2003, where "Japan" the country and "Japan" the team share a
// document.
func consistentLabels(ents []corpus.Entity) {
	people := map[string]bool{}
	for _, e := range ents {
		if e.Label != corpus.Person {
			continue
		}
		name := mentionName(e.Text)
		people[name] = true
		if f := strings.Fields(name); len(f) > 1 {
			people[f[len(f)-1]] = true
		}
	}
	for i := range ents {
		if ents[i].Label == corpus.Organization && people[mentionName(ents[i].Text)] {
			ents[i].Label = corpus.Person
		}
	}
}

// courtesyTitles are left out of people's names (model forms: no period).
var courtesyTitles = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Miss": true, "Mx": true, "Dr": true, "Prof": true,
	"Messrs": true, "Mme": true, "Mlle": true, "Herr": true, "Frau": true,
}

// mend corrects what the model is known to get wrong about one entity's
// tokens: it returns where the name starts in them and its label.
func mend(toks []wordTok, label string) (start int, _ string) {
	if label != corpus.Person {
		// "South Carolina Sen. Lindsey Graham" tagged as one ORG is the
		// person after the title; "Lord Chancellor Lord Falconer" tagged
		// as a place is Lord Falconer.
		for k := len(toks) - 2; k >= 0; k-- {
			if courtesyTitles[toks[k].form] || officeTitles[toks[k].form] {
				start, label = k+1, corpus.Person
				break
			}
			if nobleTitles[toks[k].form] && k > 0 && toks[k-1].form != "Our" && !placeHead(toks[len(toks)-1].form) &&
				!slices.ContainsFunc(toks[k+1:], func(t wordTok) bool { return !isCapitalized(t.form) }) {
				start, label = k, corpus.Person // not "Our Lady of Lourdes Hospital"
				break
			}
		}
	}
	if n := len(toks); label != corpus.Person && n >= 3 && personAtEnd(toks) {
		// "Liberal Democrat Sarah Teather" tagged as one ORG: a party or
		// title, then a given name and a surname.
		start, label = n-2, corpus.Person
	}
	for start+1 < len(toks) && entityOpeners[strings.ToLower(toks[start].form)] {
		start++ // "Despite Suprnova": the sentence's first word is no part of the name
	}
	if label == corpus.Person && companyName(toks[start:]) {
		label = corpus.Organization // "Moore & Van Allen", "Peabody Energy"
	}
	for label == corpus.Person && start+1 < len(toks) && courtesyTitles[toks[start].form] {
		start++ // "Mr. Kim" → "Kim", as CoNLL and OntoNotes mark names
	}
	return start, label
}

// nobleTitles are titles that stay part of a British name ("Lord
// Falconer", "Baroness Scotland").
var nobleTitles = map[string]bool{"Lord": true, "Lady": true, "Baroness": true, "Baron": true, "Sir": true, "Dame": true}

// personAtEnd reports whether the last two of toks are a given name (one
// nearly always a man's or a woman's) and a surname after other words
// that do not join them to a body: not "Bank of Sarah Smith", "Marks &
// Spencer", nor a company's name ("… Bill Gates Foundation").
func personAtEnd(toks []wordTok) bool {
	n := len(toks)
	given, sur, before := toks[n-2].form, toks[n-1].form, strings.ToLower(toks[n-3].form)
	if givenNames()[strings.ToLower(given)] == 0 || !isCapitalized(given) || !isCapitalized(sur) || strings.Contains(given, ".") {
		return false
	}
	return !joinWords[before] && !royalTitles[before] && !companyHeads[strings.ToLower(sur)] && !placeHead(sur)
}

// placeHead reports whether w ends the name of a place or an institution
// ("Hospital", "Island"): naturalHeads, or placeHeads.
func placeHead(w string) bool {
	w = strings.ToLower(w)
	return naturalHeads[w] || placeHeads[w]
}

// royalTitles before a given name make a place's name ("Queen Elizabeth
// Hospital", "Prince Edward Island"), and placeHeads end an institution's
// as naturalHeads end a place's.
var (
	royalTitles = wordSet("queen king prince princess duke duchess saint st")
	placeHeads  = wordSet("hospital hall school university college county centre center stadium road " +
		"house church cathedral museum library theatre theater avenue station building tower court " +
		"prize award trophy cup foundation trust")
)

// joinWords before a given name make it part of a body's or a place's
// name: "Bank of …", "Marks & …", "San Francisco Giants", "Los Angeles
// Dodgers".
var joinWords = wordSet("of & and for the san santa santo sao são los las la le el st saint fort port mount lake new")

// companyName reports whether a name the model took for a person's is a
// firm's: two names joined by "&", or a last word that heads company
// names.
func companyName(toks []wordTok) bool {
	if len(toks) < 2 {
		return false
	}
	for _, t := range toks {
		if t.form == "&" {
			return true
		}
	}
	return companyHeads[strings.ToLower(toks[len(toks)-1].form)]
}

var companyHeads = wordSet("energy inc corp corporation co ltd llc plc group holdings bank " +
	"capital partners associates industries international airlines motors media communications " +
	"technologies systems pharmaceuticals foundation institute university college")

// officeTitles, like courtesyTitles, before capitalised words at the end
// of an entity of another type make those words a person's name (model
// forms: no period). Only titles no organisation or place is named with:
// not "President", "Minister" or "Director".
var officeTitles = map[string]bool{"Sen": true, "Senator": true, "Rep": true, "Representative": true, "Gov": true}

// entityOpeners are the nonNameOpeners, which start no name.
var entityOpeners = wordSet(nonNameOpeners)

// appendEntity adds the entity over toks, split where the text between two
// of its tokens breaks a line (a list is not one name) and at a bracket,
// which no name holds: "(Russian President Vladimir) Putin" names
// Vladimir and Putin, not "Vladimir) Putin".
func appendEntity(ents []corpus.Entity, text string, toks []wordTok, label string) []corpus.Entity {
	if k := slices.IndexFunc(toks, func(t wordTok) bool { return strings.ContainsAny(t.form, "()[]{}") }); k >= 0 {
		ents = appendEntity(ents, text, toks[:k], label)
		return appendEntity(ents, text, toks[k+1:], label)
	}
	// A comma, semicolon or colon the model took into the end of a name is
	// no part of it ("Said Ellis: "…"" gave the entity "Ellis:").
	for len(toks) > 0 && strings.Contains(",;:", text[toks[len(toks)-1].start:toks[len(toks)-1].end]) {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return ents
	}
	first := 0
	for k := 1; k <= len(toks); k++ {
		if k < len(toks) && !strings.Contains(text[toks[k-1].end:toks[k].start], "\n") {
			continue
		}
		s, e := toks[first].start, toks[k-1].end
		if k-first > 1 || !functionWord(toks[first].form) {
			ents = append(ents, corpus.Entity{Start: s, End: e, Text: text[s:e], Label: label})
		}
		first = k
	}
	return ents
}

// entityLabel maps a model type to our labels: PER → PERSON, ORG → ORG,
// LOC → GPE for countries, cities and regions with a government, LOC for
// continents and natural features; MISC is dropped.
func entityLabel(typ string, toks []ner.Token) string {
	switch typ {
	case "PER":
		return corpus.Person
	case "ORG":
		return corpus.Organization
	case "LOC":
		if isNaturalPlace(toks) {
			return corpus.Location
		}
		return corpus.GPE
	}
	return ""
}

// naturalHeads end the names of places that are not political units
// ("Black Sea", "Rocky Mountains").
var naturalHeads = map[string]bool{
	"sea": true, "ocean": true, "river": true, "lake": true, "gulf": true, "bay": true,
	"strait": true, "straits": true, "mountain": true, "mountains": true, "mount": true,
	"hills": true, "valley": true, "desert": true, "island": true, "islands": true,
	"peninsula": true, "coast": true, "basin": true, "canal": true, "channel": true,
	"plain": true, "plains": true, "forest": true, "park": true, "airport": true,
	"square": true, "street": true, "bridge": true, "border": true, "front": true,
	"region": true, "delta": true, "glacier": true, "falls": true, "cape": true,
}

// naturalPlaces are continents and regions that are not political units.
var naturalPlaces = map[string]bool{
	"europe": true, "asia": true, "africa": true, "antarctica": true, "australasia": true,
	"north america": true, "south america": true, "latin america": true,
	"central america": true, "middle east": true, "the middle east": true,
	"balkans": true, "caucasus": true, "scandinavia": true, "arctic": true,
	"mediterranean": true, "baltic": true, "baltics": true, "eastern europe": true,
	"western europe": true, "central asia": true, "southeast asia": true,
	"east asia": true, "south asia": true, "sahara": true, "siberia": true,
	"gulf": true, "persian gulf": true, "horn of africa": true, "sahel": true,
}

func isNaturalPlace(toks []ner.Token) bool {
	if len(toks) == 0 {
		return false
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = strings.ToLower(t.Text)
	}
	return naturalPlaces[strings.Join(words, " ")] || (len(words) > 1 && naturalHeads[words[len(words)-1]]) ||
		(len(words) > 1 && (words[0] == "mount" || words[0] == "lake" || words[0] == "cape"))
}
