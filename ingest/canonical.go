package ingest

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/variorum/variorum/corpus"
)

// mentionName is a mention's own name: its text with white space runs
// collapsed to single spaces and a possessive "'s" dropped.
func mentionName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, p := range []string{"'s", "’s", "'S", "’S"} {
		if t := strings.TrimSuffix(s, p); t != s && t != "" {
			s = t
			break
		}
	}
	if s == "" {
		return "?"
	}
	return s
}

// Canonicalize gives the mentions of one entity across docs one Canonical
// name and one label. It joins
//
//   - spellings that differ in case, dots, diacritics and common
//     transliteration variants ("NATO"/"Nato", "U.S."/"US",
//     "Zelensky"/"Zelenskyy", "Umerov"/"Umierov");
//   - names and their aliases from a short list ("United States"/"USA",
//     "Kiev"/"Kyiv") and acronyms with the one name in the corpus they abbreviate
//     ("IAEA"/"International Atomic Energy Agency");
//   - people's full names with and without titles and middle initials
//     ("President Volodymyr Zelensky", "Donald J. Trump"), and a surname
//     alone with the full name it stands for: the one in the same article,
//     the one the corpus writes after the office it has ("President Trump"
//     and "President Donald Trump"), or else the only person in the corpus
//     with that surname. A surname
//     shared by several people in the corpus and not named in full in its
//     article stays on its own, so different people are never joined.
//
// The canonical name is the alias list's name, or else the most frequent
// full form (for people, of two words or more); the label is the one most
// mentions of the entity carry. Quote speakers resolved to an entity's name
// in their article follow it to the corpus-wide name. The result does not
// depend on the order of docs beyond ties, which are broken by name.
func Canonicalize(docs []corpus.Document) {
	var ms []mention
	for d := range docs {
		for i, e := range docs[d].Entities {
			m := newMention(d, i, e)
			if m.person {
				m.sex, m.weakSex = mentionSex(docs[d].Text, e, m)
				m.title = mentionTitle(docs[d].Text, e)
				m.courtesy = slices.ContainsFunc(titleWords(docs[d].Text, e), func(w string) bool {
					return courtesyTitles[strings.TrimSuffix(w, ".")]
				})
			}
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return
	}
	uf := newUnionFind(len(ms))

	// Same key (alias, folded spelling or person name key) joins; a
	// surname alone waits until it is resolved below.
	first := map[string]int{}
	for i, m := range ms {
		if m.lone() {
			continue
		}
		if j, ok := first[m.key]; ok {
			uf.union(i, j)
		} else {
			first[m.key] = i
		}
	}

	// Surnames alone: the full name in the same article, else the only full
	// name in the corpus with that surname.
	// The person keys of the full names of each surname, and of each
	// surname after each office: "President Trump" is the Trump written
	// "President Donald Trump", not the one written "First lady Melania
	// Trump".
	type titled struct{ surname, title string }
	fullBySurname := map[string]map[string]bool{}
	fullByTitle := map[titled]map[string]bool{}
	for _, m := range ms {
		if m.person && m.surname != "" && m.full {
			addKey(fullBySurname, m.surname, m.key)
			if m.title != "" {
				addKey(fullByTitle, titled{m.surname, m.title}, m.key)
			}
		}
	}
	type docName struct {
		doc     int
		surname string
	}
	inDoc := map[docName]int{}   // a full mention, or -1 when several people share the surname
	byGiven := map[docName]int{} // the same by given name ("Sonny" for Sonny Parker)
	for i, m := range ms {
		if !m.person || !m.full {
			continue
		}
		note := func(at map[docName]int, word string) {
			k := docName{m.doc, word}
			if j, ok := at[k]; !ok {
				at[k] = i
			} else if j >= 0 && ms[j].key != m.key {
				at[k] = -1
			}
		}
		note(inDoc, m.surname)
		if m.given != "" {
			note(byGiven, m.given)
		}
	}
	// A surname alone that no full name in its article has, but one has
	// spelt a letter apart, is that person's ("Diane Abbot" … "Abbott").
	looseInDoc := map[docName]string{} // loose surname → the surname, or "" when several
	for _, m := range ms {
		if !m.person || !m.full || m.loose == "" {
			continue
		}
		k := docName{m.doc, m.loose}
		if s, ok := looseInDoc[k]; !ok {
			looseInDoc[k] = m.surname
		} else if s != m.surname {
			looseInDoc[k] = ""
		}
	}
	for i, m := range ms {
		if !m.lone() {
			continue
		}
		if _, ok := inDoc[docName{m.doc, m.surname}]; ok {
			continue
		}
		if _, ok := byGiven[docName{m.doc, m.surname}]; ok {
			continue // "Ian" beside Ian Blair is not Li Yan
		}
		if s := looseInDoc[docName{m.doc, m.loose}]; s != "" {
			ms[i].surname = s
		}
	}
	// News names a person in full before the surname alone, but for a
	// headline: a surname alone twice or more before the article's full
	// name is someone else ("Trump warns Iran… President Trump warned…"
	// long before "First lady Melania Trump").
	loneBefore := map[docName]int{}
	for _, m := range ms {
		k := docName{m.doc, m.surname}
		if j, ok := inDoc[k]; ok && j >= 0 && m.lone() {
			if ents := docs[m.doc].Entities; ents[m.ent].Start < ents[ms[j].ent].Start {
				loneBefore[k]++
			}
		}
	}
	// For a surname alone that loneBefore keeps from the article's full
	// name: the person of that surname the most articles name in full, and
	// the offices each full name and each article's lone mentions are
	// written with.
	type docKey struct {
		doc int
		key string
	}
	namesInFull := map[docKey]bool{}
	mentionsOf := map[string]int{} // person key → its full mentions and the lone ones its articles give it
	fullTitles := map[string]map[string]bool{}
	loneTitles := map[docName]map[string]bool{}
	for _, m := range ms {
		k := docName{m.doc, m.surname}
		switch {
		case m.person && m.full && m.surname != "":
			mentionsOf[m.key]++
			namesInFull[docKey{m.doc, m.key}] = true
			if m.title != "" {
				addKey(fullTitles, m.key, m.title)
			}
		case m.lone():
			if j, ok := inDoc[k]; ok && j >= 0 && loneBefore[k] < 2 && sexesFit(m, ms[j]) {
				mentionsOf[ms[j].key]++
			}
			if m.title != "" {
				addKey(loneTitles, k, m.title)
			}
		}
	}
	unresolved := map[string]int{}
	resolved := make([]bool, len(ms)) // lone mentions matched to a full name
	// An office the corpus writes before one full name of that surname,
	// and before no other, names that person; so does the surname alone
	// elsewhere in the article (byOffice), unless the article names
	// someone of that surname in full.
	byOffice := map[docName]int{} // a full mention, or -1 when offices name several
	for i, m := range ms {
		keys := fullByTitle[titled{m.surname, m.title}]
		if !m.lone() || m.title == "" || len(keys) != 1 {
			continue
		}
		for key := range keys {
			if f := first[key]; sexesFit(m, ms[f]) {
				uf.union(i, f)
				resolved[i] = true
				k := docName{m.doc, m.surname}
				if g, ok := byOffice[k]; !ok {
					byOffice[k] = f
				} else if g >= 0 && ms[g].key != key {
					byOffice[k] = -1
				}
			}
		}
	}
	for i, m := range ms {
		if !m.lone() || resolved[i] {
			continue
		}
		k := docName{m.doc, m.surname}
		j, ok := inDoc[k]
		if ok && j < 0 {
			// Several people of that surname in the article ("Emmanuel
			// Macron", "Brigitte Macron"): the surname alone is the one
			// the corpus mentions most, at least twice as often as any
			// other, when the article names that one in full.
			if key := prominent(fullBySurname[m.surname], mentionsOf); key != "" && sexesFit(m, ms[first[key]]) && namesInFull[docKey{m.doc, key}] {
				uf.union(i, first[key])
				resolved[i] = true
			}
			continue
		}
		if ok && sexesFit(m, ms[j]) && (loneBefore[k] < 2 || m.sex != 0) {
			uf.union(i, j)
			resolved[i] = true
			continue
		}
		if f, ok := byOffice[k]; ok && f >= 0 && sexesFit(m, ms[f]) {
			uf.union(i, f)
			resolved[i] = true
			continue
		}
		if ok && loneBefore[k] >= 2 {
			// The surname alone, written before the article's full name,
			// is someone the reader knows already: the person of that
			// surname the corpus mentions most, at least twice as often
			// as any other ("Trump" where the corpus has Donald Trump 89
			// times and Melania Trump 3), unless that is the article's
			// own full name and the
			// article's lone mentions carry an office it is never written
			// with ("President Trump" beside "first lady Melania Trump").
			if key := prominent(fullBySurname[m.surname], mentionsOf); key != "" && sexesFit(m, ms[first[key]]) &&
				(key != ms[j].key || !titlesConflict(loneTitles[k], fullTitles[key])) {
				uf.union(i, first[key])
				resolved[i] = true
				continue
			}
			if j, ok := unresolved[m.key]; ok {
				uf.union(i, j)
			} else {
				unresolved[m.key] = i
			}
			continue
		}
		// A given name alone, as sports pages and quotes write it ("Serena",
		// "Sir John"): the one person of that given name the article names
		// in full, when it names nobody with it as surname, whoever else
		// the corpus does (Sir Elton John).
		if f, given := byGiven[k]; !ok && given && f >= 0 && m.title == "" && (!m.courtesy || familyNames[m.surname]) && sexesFit(m, ms[f]) {
			uf.union(i, f)
			resolved[i] = true
			continue
		}
		// Not named in full in the article, named so as someone of the
		// other sex ("Mr. Trump" beside Melania Trump), or after the
		// surname alone had been someone else's: the only person of that
		// surname the corpus names in full, if that one fits.
		if keys := fullBySurname[m.surname]; len(keys) == 1 && !royalTitles[m.title] {
			// (Prince Charles is no Ray Charles: a royal goes by a
			// given name.)
			for key := range keys {
				if f := first[key]; sexesFit(m, ms[f]) {
					uf.union(i, f)
					resolved[i] = true
				}
			}
			if resolved[i] {
				continue
			}
		}
		// Ambiguous or never named in full: joins only other such mentions.
		if j, ok := unresolved[m.key]; ok {
			uf.union(i, j)
		} else {
			unresolved[m.key] = i
		}
	}

	// One word tagged a person here and a place or body there: a name
	// never matched to a person's full name joins the place or body unless
	// it is more often a person's and the corpus names someone in full by
	// it ("Kyiv" tagged PERSON joins the city; "Sony" tagged PERSON 88
	// times and ORG 30 is one company, labelled by the most), and a
	// place or body that is more often a person's surname joins the only
	// person of that surname named in full ("Zelensky" tagged GPE).
	personWord := map[string]int{}    // folded word → mentions as a person
	otherKey := map[string]int{}      // join key → mentions as a place or body
	otherAt := map[string]int{}       // join key → one such mention
	otherLabels := map[string][]int{} // join key → all such mentions
	for i, m := range ms {
		if len(m.words) != 1 {
			continue
		}
		if m.person {
			personWord[foldName(m.name)]++
			continue
		}
		if otherKey[m.key] == 0 {
			otherAt[m.key] = i
		}
		otherKey[m.key]++
		otherLabels[m.key] = append(otherLabels[m.key], i)
	}
	givenNames := map[string]bool{} // first words of people's full names
	for _, m := range ms {
		if m.person && m.full {
			personWord[foldName(m.words[len(m.words)-1])]++
			givenNames[m.given] = true
		}
	}
	for i, m := range ms {
		if len(m.words) != 1 {
			continue
		}
		w := foldName(m.name)
		k := "=" + w
		if a, ok := aliases[w]; ok {
			k = "=" + foldName(a)
		}
		nobody := len(fullBySurname[m.surname]) == 0 && !givenNames[m.surname]
		switch {
		case m.lone() && !resolved[i] && otherKey[k] > 0 && (otherKey[k] >= personWord[w] || nobody):
			uf.union(i, otherAt[k])
			if nobody {
				// Nobody's surname or given name in full: the tagger's
				// reading of a company or place it does not know
				// ("Google has launched…"), which news introduces by
				// its name alone and a person seldom is (Madonna is the
				// price), labelled as its other mentions are.
				ms[i].label = groupLabel(ms, otherLabels[k])
			}
		case !m.person && personWord[w] > otherKey[m.key]:
			if keys := fullBySurname[skeleton(m.name)]; len(keys) == 1 {
				for k := range keys {
					uf.union(i, first[k])
				}
			}
		}
	}

	// Acronyms: an all-capitals name whose letters are the initials of
	// exactly one multi-word name in the corpus, unless the alias list
	// knows it ("USA" is the United States, not the University of St
	// Andrews).
	// Two letters match too many names by chance ("DJ" is no Department
	// of Justice): such an acronym needs its name in its own article too
	// ("the Football Association (FA)").
	byInitials := map[string]map[string]bool{}
	inArticle := map[docKey]bool{} // the multi-word names of each article
	for _, m := range ms {
		if m.person || len(m.words) < 2 {
			continue
		}
		if ini := initials(m.words); len(ini) >= 2 {
			addKey(byInitials, ini, m.key)
			inArticle[docKey{m.doc, m.key}] = true
		}
	}
	for i, m := range ms {
		if m.person || len(m.words) != 1 || !isAcronym(m.words[0]) || m.alias != "" {
			continue
		}
		ini := strings.ToLower(strings.ReplaceAll(m.words[0], ".", ""))
		if keys := byInitials[ini]; len(keys) == 1 {
			for k := range keys {
				if len([]rune(ini)) >= 3 || inArticle[docKey{m.doc, k}] {
					uf.union(i, first[k])
				}
			}
		}
	}

	// Name and label of each group.
	groups := map[int][]int{}
	for i := range ms {
		r := uf.find(i)
		groups[r] = append(groups[r], i)
	}
	// renamed[doc][old canonical][new canonical] counts the mentions of
	// each article by the name they had and the one they get (the same one
	// too), so that its quote speakers follow the most of them: "Trump"
	// stays Trump where 22 "Mr. Trump" keep the name and 5 others go to
	// Melania Trump.
	renamed := map[int]map[string]map[string]int{}
	for _, g := range groups {
		name, label := groupName(ms, g), groupLabel(ms, g)
		for _, i := range g {
			e := &docs[ms[i].doc].Entities[ms[i].ent]
			d := ms[i].doc
			if renamed[d] == nil {
				renamed[d] = map[string]map[string]int{}
			}
			if renamed[d][e.Canonical] == nil {
				renamed[d][e.Canonical] = map[string]int{}
			}
			renamed[d][e.Canonical][name]++
			e.Canonical, e.Label = name, label
		}
	}
	renameSpeakers(docs, renamed)
	nameDescriptions(docs)
}

// nameDescriptions gives a quote credited to a description ("the foreign
// secretary") the person it stands for when its article does not say but
// the corpus does: of the people its article names, the one other articles
// write with that title ("Foreign Secretary Jack Straw"), when exactly one
// is. "Jack Straw said. … The foreign secretary told MPs" is Straw.
func nameDescriptions(docs []corpus.Document) {
	titled := map[string]map[string]bool{} // "foreign secretary" → canonical names
	for _, d := range docs {
		for _, e := range d.Entities {
			if e.Label != corpus.Person || e.Canonical == "" || !strings.Contains(e.Canonical, " ") {
				continue
			}
			if t := titleBefore(d.Text, e.Start); t != "" {
				addKey(titled, t, e.Canonical)
			}
		}
	}
	if len(titled) == 0 {
		return
	}
	for di := range docs {
		d := &docs[di]
		var people map[string]bool
		for qi := range d.Quotes {
			q := &d.Quotes[qi]
			role, ok := strings.CutPrefix(q.Speaker, "the ")
			if !ok || role == "" || strings.ToLower(role) != role || titled[role] == nil {
				continue
			}
			if people == nil {
				people = map[string]bool{}
				for _, e := range d.Entities {
					if e.Label == corpus.Person {
						people[e.Canonical] = true
					}
				}
			}
			name := ""
			for p := range titled[role] {
				if people[p] {
					if name != "" {
						name = "-" // two of them: the description says no more
						break
					}
					name = p
				}
			}
			if name != "" && name != "-" {
				q.Speaker = name
			}
		}
	}
}

// titleBefore returns the capitalised title written just before the name at
// start, lower case ("Foreign Secretary Jack Straw": "foreign secretary"),
// up to three words; "" when the word before is no capitalised title word.
func titleBefore(text string, start int) string {
	words := strings.Fields(text[max(0, start-60):max(0, start)])
	if start < len(text) && start > 0 && text[start-1] != ' ' {
		return ""
	}
	var title []string
	for k := len(words) - 1; k >= 0 && len(title) < 3; k-- {
		w := words[k]
		if isCapitalized(w) && rankWords[strings.ToLower(w)] {
			return "" // "Deputy Mayor Nicky Gavron" is no mayor
		}
		if !isCapitalized(w) || strings.ContainsAny(w, ".,;:()\"“”'’") || courtesyTitles[w] {
			break
		}
		title = append([]string{strings.ToLower(w)}, title...)
	}
	if len(title) == 0 || !offices[title[len(title)-1]] {
		return ""
	}
	return strings.Join(title, " ")
}

// renameSpeakers gives each quote whose speaker was resolved to an entity's
// name in its article that entity's corpus-wide name (the most common one,
// when the article's mentions of that name went to several).
func renameSpeakers(docs []corpus.Document, renamed map[int]map[string]map[string]int) {
	for d, names := range renamed {
		for q := range docs[d].Quotes {
			// A speaker resolved to a mention is that mention's name.
			if k := docs[d].Quotes[q].SpeakerEntity - 1; k >= 0 && k < len(docs[d].Entities) {
				docs[d].Quotes[q].Speaker = docs[d].Entities[k].Canonical
				continue
			}
			to := names[docs[d].Quotes[q].Speaker]
			best, n := "", 0
			for name, c := range to {
				if c > n || c == n && name < best {
					best, n = name, c
				}
			}
			if best != "" {
				docs[d].Quotes[q].Speaker = best
			}
		}
	}
}

// mention is what Canonicalize knows of one entity mention.
type mention struct {
	doc, ent int
	label    string
	name     string   // mentionName, titles dropped for people
	words    []string // name's words
	key      string   // join key: alias, folded spelling, or person key
	person   bool
	full     bool   // a person named by two words or more
	surname  string // folded last word of a person's name
	given    string // a full name's first word, folded as surname
	loose    string // the surname's looseSkeleton
	alias    string // canonical name from the alias list, if any
	sex      byte   // people: 'm' or 'f' when a title or the given name tells (mentionSex), else 0
	weakSex  bool   // sex from a given name men bear abroad too ("Robin Cook"; mentionSex)
	title    string // people: the office written just before the name ("president", "lady"), else ""
	courtesy bool   // people: a courtesy title ("Mr", "Mrs", "Dr") before the name, which goes before a surname: "Mr Gordon" is no Gordon Brown (but "Mr Wang" is Wang Yan, family name first)
}

// mentionSex tells a person mention's sex by the courtesy title just
// before it in the text ("Mr. Trump": entities leave the title out) or at
// its start ("Lord Butler"), or,
// for a full name, by its given name (givenNameSex); 0 when neither tells.
// weak reports a given name that men bear too outside the US (Robin,
// Hilary): a courtesy title elsewhere outweighs it.
func mentionSex(text string, e corpus.Entity, m mention) (sex byte, weak bool) {
	for _, w := range titleWords(text, e) {
		if sex := titleSex(w); sex != 0 {
			return sex, false
		}
	}
	if m.full {
		sex = givenNameSex(m.name)
		return sex, sex != 0 && givenNameWeak(m.name)
	}
	return 0, false
}

// mentionTitle returns the office just before a person mention in the text
// or at its start ("President Trump", "first lady Melania Trump": "president",
// "lady"), lower case and without a dot; "" when there is none. Courtesy
// titles ("Mr.") are not offices: mentionSex reads them.
func mentionTitle(text string, e corpus.Entity) string {
	for _, w := range titleWords(text, e) {
		if w = strings.ToLower(strings.TrimSuffix(w, ".")); offices[w] {
			return w
		}
	}
	return ""
}

// titleWords are the words that may be a mention's title: the word just
// before it in the text and, for a name of several words, its first word.
func titleWords(text string, e corpus.Entity) []string {
	before := strings.TrimRight(text[:max(0, min(e.Start, len(text)))], " ")
	k := strings.LastIndexAny(before, " \n(“\"'") // -1: the title starts the text
	var words []string
	// A word ending a sentence is no title ("… disability minister. Sir
	// Nicholas"); abbreviated titles are short ("Gov.", "Capt.").
	if w := before[k+1:]; !strings.HasSuffix(w, ".") || utf8.RuneCountInString(w) <= 5 {
		words = append(words, w)
	}
	if f := strings.Fields(e.Text); len(f) > 1 {
		words = append(words, f[0]) // "Lord Butler"
	}
	return words
}

// offices are the titles that tell people of one surname apart.
var offices = wordSet("president king queen prince princess pope sen senator rep representative " +
	"congressman congresswoman gov governor gen general col colonel capt captain minister " +
	"chancellor secretary envoy ambassador judge justice mayor premier commissioner " +
	"spokesman spokeswoman lady lord sheikh rev director chairman chairwoman attorney")

// peerages are the titles of nobility written "… of Place".
var peerages = wordSet("duke duchess earl countess marquess marchioness viscount viscountess baron baroness")

// departments are the heads of a government body's name that English
// writes before or after its field ("Department of State", "State
// Department").
var departments = wordSet("department ministry")

// addKey adds key to the set of k in sets.
func addKey[K comparable](sets map[K]map[string]bool, k K, key string) {
	if sets[k] == nil {
		sets[k] = map[string]bool{}
	}
	sets[k][key] = true
}

// prominent returns the one of keys mentioned at least twice as often as
// any other, or "" when there is none.
func prominent(keys map[string]bool, mentions map[string]int) string {
	best, n, second := "", 0, 0
	for k := range keys {
		switch c := mentions[k]; {
		case c > n:
			best, n, second = k, c, n
		case c > second:
			second = c
		}
	}
	if n < 2*second {
		return ""
	}
	return best
}

// titlesConflict reports whether a surname alone written with offices
// lone cannot be the full name written with offices full: both are known
// and lone holds one full lacks.
func titlesConflict(lone, full map[string]bool) bool {
	if len(full) == 0 {
		return false
	}
	for t := range lone {
		if !full[t] {
			return true
		}
	}
	return false
}

// sexesFit reports whether two person mentions can name one person.
func sexesFit(a, b mention) bool {
	return a.sex == 0 || b.sex == 0 || a.sex == b.sex || a.weakSex || b.weakSex
}

// lone reports whether m names a person by one name only ("Zelensky").
func (m mention) lone() bool { return m.person && !m.full && m.surname != "" }

func newMention(d, i int, e corpus.Entity) mention {
	m := mention{doc: d, ent: i, label: e.Label, person: e.Label == corpus.Person}
	m.name = mentionName(e.Text)
	words := strings.Fields(m.name)
	if m.person {
		for len(words) > 1 && personTitles[strings.ToLower(strings.TrimSuffix(words[0], "."))] {
			words = words[1:]
		}
		// An office inside the name ends what comes before it:
		// "Judiciary Chairman Bob Goodlatte" is Bob Goodlatte.
		for k := len(words) - 3; k > 0; k-- {
			w := strings.ToLower(strings.TrimSuffix(words[k], "."))
			if personTitles[w] && offices[w] && !slices.ContainsFunc(words[k+1:], func(w string) bool { return !isCapitalized(w) }) {
				words = words[k+1:] // a full name after it, not "Queen of Scots", "King Jnr"
				break
			}
		}
		// A full name before "of" ends there: "Devin Nunes of the
		// Intelligence Committee" is Devin Nunes ("Duke of York" stays).
		if k := slices.Index(words, "of"); k >= 2 && !offices[strings.ToLower(words[k-1])] && !peerages[strings.ToLower(words[k-1])] {
			words = words[:k] // not "Mary Queen of Scots", "Andrew Duke of York"
		}
		m.name = strings.Join(words, " ")
	} else if len(words) > 1 && strings.EqualFold(words[0], "the") {
		words = words[1:]
		m.name = strings.Join(words, " ")
	}
	m.words = words
	folded := foldName(m.name)
	if a, ok := aliases[folded]; ok && !m.person {
		m.alias = a
		m.key = "=" + foldName(a)
		return m
	}
	if !m.person {
		m.key = "=" + folded
		if a, ok := aliases[folded]; ok {
			m.key = "=" + foldName(a)
		} else if len(words) >= 3 && departments[strings.ToLower(words[0])] && words[1] == "of" {
			// "Department of Justice" is the Justice Department,
			// "Ministry of Defence" the Defence Ministry.
			m.key = "=" + foldName(strings.Join(words[2:], " ")+" "+words[0])
		}
		return m
	}
	// People: first and last word, middle names and initials dropped.
	var core, loose []string
	for _, w := range words {
		if f := skeleton(w); f != "" && !(len([]rune(strings.TrimSuffix(w, "."))) == 1) {
			core = append(core, f)
			loose = append(loose, looseSkeleton(w))
		}
	}
	if len(core) > 0 {
		m.loose = loose[len(loose)-1]
		if len(core) > 1 && familyFirst(words) {
			m.loose = loose[0]
		}
	}
	switch len(core) {
	case 0:
		m.key = "=" + folded
	case 1:
		m.surname = core[0]
		m.key = "p:" + core[0]
	default:
		m.full = true
		if familyFirst(words) {
			// "Kim Jong Un" and "Kim Jong-un" are one name, and "Kim"
			// alone stands for it.
			m.surname = core[0]
			m.key = "p:" + core[0] + " " + skeleton(strings.Join(words[1:], ""))
			break
		}
		m.surname = core[len(core)-1]
		m.given = core[0]
		m.key = "p:" + core[0] + " " + m.surname
	}
	return m
}

// familyFirst reports whether a person's name is Chinese or Korean written
// family name first, as English news writes them: a common family name
// before a hyphenated given name ("Moon Jae-in", "Kim Jong-un") or before
// two short syllables ("Kim Jong Un", "Kim Yo Jong"), but not "Lee Harvey
// Oswald" or "Kim Kardashian".
func familyFirst(words []string) bool {
	if len(words) < 2 || len(words) > 3 || !familyNames[strings.ToLower(words[0])] {
		return false
	}
	if len(words) == 2 {
		return strings.Count(words[1], "-") == 1 && !strings.HasSuffix(words[1], "-")
	}
	for _, w := range words[1:] {
		if n := utf8.RuneCountInString(w); n > 4 || !isCapitalized(w) || strings.Contains(w, ".") {
			return false
		}
	}
	return true
}

// familyNames are common Chinese and Korean family names, the Korean ones
// in their usual romanisations (윤: Yoon, Youn, Yun).
var familyNames = wordSet("li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao lu xi " +
	"kim lee park choi jung kang cho yoon jang lim han shin moon roh ban chung ahn " +
	"youn yun jeong jeon hwang seo suh kwon jo bae baek paik yoo ryu hong kwak rhee")

// personTitles are dropped from the front of a person's name: the offices,
// courtesy titles and the words that qualify an office ("former", "vice").
var personTitles = func() map[string]bool {
	m := wordSet("mr mrs ms dr prof sir dame lt spokesperson father saint st " +
		"vice prime foreign defence defense deputy chief former ex")
	maps.Copy(m, offices)
	return m
}()

// aliases maps folded names to the canonical name of places and bodies that
// go by several names in news text.
var aliases = func() map[string]string {
	groups := map[string][]string{
		"United States":             {"US", "U.S.", "U.S.A.", "USA", "United States", "United States of America", "America"},
		"United Kingdom":            {"UK", "U.K.", "United Kingdom", "Britain", "Great Britain"},
		"European Union":            {"EU", "E.U.", "European Union"},
		"United Nations":            {"UN", "U.N.", "United Nations"},
		"NATO":                      {"NATO", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "North Atlantic Alliance"},
		"Russia":                    {"Russia", "Russian Federation"},
		"Kyiv":                      {"Kyiv", "Kiev"},
		"Kharkiv":                   {"Kharkiv", "Kharkov"},
		"Odesa":                     {"Odesa", "Odessa"},
		"Luhansk":                   {"Luhansk", "Lugansk"},
		"Zaporizhzhia":              {"Zaporizhzhia", "Zaporizhia", "Zaporozhye"},
		"Belarus":                   {"Belarus", "Byelorussia"},
		"United Arab Emirates":      {"UAE", "U.A.E.", "United Arab Emirates"},
		"South Korea":               {"South Korea", "Republic of Korea", "ROK"},
		"North Korea":               {"North Korea", "DPRK"},
		"China":                     {"China", "People's Republic of China", "PRC"},
		"Czech Republic":            {"Czech Republic", "Czechia"},
		"Netherlands":               {"Netherlands", "The Netherlands", "Holland"},
		"IAEA":                      {"IAEA", "International Atomic Energy Agency"},
		"World Health Organization": {"WHO", "World Health Organization", "World Health Organisation"},
		"New Zealand":               {"New Zealand", "NZ"},
	}
	m := map[string]string{}
	for canon, names := range groups {
		for _, n := range names {
			m[foldName(n)] = canon
		}
	}
	return m
}()

// foldName folds case, diacritics and dots: "U.S." → "us", "Nato" → "nato".
func foldName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.':
		case r == '’':
			b.WriteByte('\'')
		case unicode.IsSpace(r) || r == '-':
			b.WriteByte(' ')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// skeleton folds a name word for matching transliteration variants:
// diacritics, case, doubled letters, y/i and j/i, and an i or j between a
// consonant and a vowel ("Zelenskyy" and "Zelenskiy" → "zelenski",
// "Umierov" → "umerov"). A word of under six letters is folded for case and
// diacritics alone: short names that differ by a letter are different
// names ("Sonny" and "Sony", "Jim" and "Im", "Toni" and "Tony").
func skeleton(w string) string {
	if f := []rune(strings.ReplaceAll(foldName(w), " ", "")); len(f) < 6 {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return -1
		}, string(f))
	}
	return looseSkeleton(w)
}

// looseSkeleton is skeleton for words of any length: within one article,
// where a near spelling is the same person ("Diane Abbot" … "Abbott").
func looseSkeleton(w string) string {
	f := []rune(strings.ReplaceAll(foldName(w), " ", ""))
	for i, r := range f {
		if r == 'y' || r == 'j' {
			f[i] = 'i'
		}
		if r == 'w' {
			f[i] = 'v'
		}
	}
	var out []rune
	for i, r := range f {
		if len(out) > 0 && out[len(out)-1] == r {
			continue // doubled letter
		}
		if r == 'i' && i > 0 && i+1 < len(f) && !isVowel(f[i-1]) && isVowel(f[i+1]) && f[i+1] != 'i' {
			continue // "mie" → "me"
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

func isVowel(r rune) bool { return strings.ContainsRune("aeiou", r) }

// initials are the lower-case first letters of a name's capitalised words
// ("International Atomic Energy Agency" → "iaea"; "of", "the" skipped).
func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		r := []rune(w)
		if len(r) == 0 || !unicode.IsUpper(r[0]) {
			continue
		}
		b.WriteRune(unicode.ToLower(r[0]))
	}
	return b.String()
}

// isAcronym reports whether w is two or more capital letters, possibly
// dotted ("IAEA", "U.N.").
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case r == '.':
		case unicode.IsUpper(r):
			n++
		default:
			return false
		}
	}
	return n >= 2
}

// groupName picks a group's canonical name: the alias list's name if a
// mention has one, else the most frequent name among the fullest forms
// (people's names of two words or more); ties go to the name of more words
// (not for people: "Donald Trump" over "Donald J. Trump"), then the shorter,
// then alphabetical order.
func groupName(ms []mention, g []int) string {
	counts := map[string]int{}
	full := false
	for _, i := range g {
		if ms[i].alias != "" {
			return ms[i].alias
		}
		if ms[i].full {
			full = true
		}
	}
	for _, i := range g {
		if full && !ms[i].full {
			continue
		}
		counts[ms[i].name]++
	}
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	person := ms[g[0]].person
	slices.SortFunc(names, func(a, b string) int {
		words := 0
		if !person { // "Joint Monitoring Commission" over "JMC"
			words = len(strings.Fields(b)) - len(strings.Fields(a))
		}
		return cmp.Or(counts[b]-counts[a], words, len(a)-len(b), strings.Compare(a, b))
	})
	return names[0]
}

// groupLabel is the label most of a group's mentions carry (ties: ORG, GPE,
// LOC, PERSON; a group mixes people with other labels only when a name was
// tagged both ways, and then a tie means the name was never matched to a
// person's full name).
func groupLabel(ms []mention, g []int) string {
	counts := map[string]int{}
	for _, i := range g {
		counts[ms[i].label]++
	}
	best := ""
	for _, l := range []string{corpus.Organization, corpus.GPE, corpus.Location, corpus.Person} {
		if counts[l] > counts[best] {
			best = l
		}
	}
	if best == "" {
		return ms[g[0]].label
	}
	return best
}

type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

// union joins the groups of i and j under the smaller root, so the result
// does not depend on the order of calls.
func (u unionFind) union(i, j int) {
	a, b := u.find(i), u.find(j)
	if a > b {
		a, b = b, a
	}
	u[b] = a
}
