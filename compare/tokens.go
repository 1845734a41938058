package compare

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/variorum/variorum/corpus"
)

// Token is a word or punctuation mark of a text; Norm is its folded form for
// matching only.
type Token struct {
	Start, End int    // byte offsets into the text: Text == text[Start:End]
	Text       string // as written
	Norm       string // folded: case, quotes, dashes, US/UK spelling, accents, number words
}

// IsWord reports whether the token is a word (it holds a letter or digit)
// rather than a punctuation mark.
func (t Token) IsWord() bool {
	for _, r := range t.Text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// Tokenize splits text into words and punctuation marks. A word is a run of
// letters, digits and combining marks, with internal apostrophes ("Russia's")
// and hyphens ("ten-year"), internal decimal points and thousands separators
// between digits ("600,000", "3.5") and dotted abbreviations ("U.S.", "e.g.")
// kept inside it. Every other non-space rune is a token of its own. Whitespace
// is skipped. Each token's Text is exactly text[Start:End]; invalid UTF-8
// bytes become one-byte punctuation tokens.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5+1)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			end := scanWord(text, i)
			toks = append(toks, newToken(text, i, end))
			i = end
		default:
			toks = append(toks, newToken(text, i, i+n))
			i += n
		}
	}
	return toks
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02bc' }

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// scanWord returns the end of the word starting at i.
func scanWord(text string, i int) int {
	if end, ok := scanAbbrev(text, i); ok {
		return end
	}
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			j += n
			continue
		}
		// A joiner continues the word only between two word runes.
		if j > i && j+n < len(text) {
			next, _ := utf8.DecodeRuneInString(text[j+n:])
			prev, _ := utf8.DecodeLastRuneInString(text[:j])
			switch {
			case (isApostrophe(r) || isHyphen(r)) && isWordRune(next) && isWordRune(prev):
				j += n
				continue
			case (r == '.' || r == ',') && unicode.IsDigit(next) && unicode.IsDigit(prev):
				j += n
				continue
			}
		}
		break
	}
	if j < len(text) && text[j] == '.' && (nameTitles[text[i:j]] || initialAt(text, i, j)) {
		j++ // "Mr.", "Sen.", "John R. Bolton": the full stop is part of it, no sentence's end
	}
	return j
}

// initialAt reports whether text[i:j] is one capital letter whose full stop
// (at j) is followed by a space and a capital: an initial, "John R. Bolton".
func initialAt(text string, i, j int) bool {
	return j == i+1 && text[i] >= 'A' && text[i] <= 'Z' && j+2 < len(text) && text[j+1] == ' ' && text[j+2] >= 'A' && text[j+2] <= 'Z'
}

// scanAbbrev matches a dotted abbreviation of single letters, two or more,
// each followed by a period ("U.S.", "U.S.A.", "e.g."), at i.
func scanAbbrev(text string, i int) (int, bool) {
	j, letters := i, 0
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) || j+n >= len(text) || text[j+n] != '.' {
			break
		}
		j += n + 1
		letters++
		if j < len(text) {
			if next, _ := utf8.DecodeRuneInString(text[j:]); !unicode.IsLetter(next) {
				break
			}
		}
	}
	if letters < 2 {
		return 0, false
	}
	// "U.S.A" without its last period ends at a single letter: take it. A
	// longer word after the dots ("U.S.Army") is a word of its own.
	if j < len(text) {
		if next, n := utf8.DecodeRuneInString(text[j:]); isWordRune(next) {
			if !unicode.IsLetter(next) {
				return 0, false
			}
			if k := j + n; k < len(text) {
				if after, _ := utf8.DecodeRuneInString(text[k:]); isWordRune(after) {
					return 0, false
				}
			}
			j += n
		}
	}
	return j, true
}

func newToken(text string, start, end int) Token {
	s := text[start:end]
	return Token{Start: start, End: end, Text: s, Norm: Fold(s)}
}

// Fold returns the matching form of one token: lower case, curly quotes and
// apostrophes made straight, every dash one hyphen, UK spellings made US
// ("modelled"→"modeled", "defence"→"defense", "favour"→"favor"), accents
// dropped ("café"→"cafe"), number words
// and digit groups made plain digits ("ten"→"10", "600,000"→"600000"), and the
// common spellings of a few country names made one ("U.S."/"US"/"USA"→"usa").
// It is applied to the tokens' copies only; texts are never changed.
func Fold(word string) string {
	if word == "" {
		return ""
	}
	if r, n := utf8.DecodeRuneInString(word); n == len(word) {
		return foldMark(r, word)
	}
	if !strings.ContainsFunc(word, func(r rune) bool { return isHyphen(r) || isDash(r) }) {
		return foldPart(word)
	}
	parts := strings.FieldsFunc(word, func(r rune) bool { return isHyphen(r) || isDash(r) })
	for k, p := range parts {
		parts[k] = foldPart(p)
	}
	return strings.Join(parts, "-")
}

// foldPart folds a word without hyphens, as written.
func foldPart(word string) string {
	if c, ok := countryForms[strings.TrimSuffix(word, ".")]; ok {
		return c
	}
	if t := strings.TrimSuffix(word, "."); t != word && (nameTitles[t] || len(t) == 1) {
		word = t // "Mr." is "Mr", "R." is "R"
	}
	w := strings.Map(func(r rune) rune {
		if isApostrophe(r) || r == '\u2018' {
			return '\''
		}
		return r
	}, strings.ToLower(word))
	return foldWord(corpus.StripMarks(w)) // "café" is "cafe"
}

// foldWord folds one lower-case word without hyphens.
func foldWord(w string) string {
	if w == "" {
		return w
	}
	if w[0] >= '0' && w[0] <= '9' {
		return foldDigits(w)
	}
	if n, ok := numberWords[w]; ok {
		return strconv.Itoa(n)
	}
	if o, ok := ordinalWords[w]; ok {
		return o
	}
	return spellUS(w)
}

// foldDigits removes thousands separators from a number ("600,000") and a
// trailing ".0"-free form is kept as written otherwise.
func foldDigits(w string) string {
	if strings.Contains(w, ",") {
		allDigits := true
		for _, r := range w {
			if r != ',' && (r < '0' || r > '9') {
				allDigits = false
				break
			}
		}
		if allDigits {
			return strings.ReplaceAll(w, ",", "")
		}
	}
	return w
}

func isDash(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe58', '\ufe63', '\uff0d':
		return true
	}
	return false
}

// foldMark folds a one-rune token.
func foldMark(r rune, s string) string {
	switch {
	case isDash(r):
		return "-"
	case r == '\u201c' || r == '\u201d' || r == '\u201e' || r == '\u201f' || r == '\u00ab' || r == '\u00bb' || r == '"':
		return `"`
	case r == '\u2018' || r == '\u2019' || r == '\u201a' || r == '\u201b' || r == '\'' || r == '\u2039' || r == '\u203a':
		return "'"
	case r == '\u2026':
		return "..."
	case unicode.IsDigit(r):
		return s
	case unicode.IsLetter(r):
		return strings.ToLower(s)
	}
	return s
}

// countryForms maps exact (case-sensitive) spellings of a few country and
// union names to one form. "US" only in capitals, so the pronoun "us" stays.
var countryForms = map[string]string{
	"U.S": "usa", "US": "usa", "USA": "usa", "U.S.A": "usa",
	"U.K": "uk", "UK": "uk",
	"E.U": "eu", "EU": "eu",
	"U.N": "un", "UN": "un",
}

var numberWords = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}

var ordinalWords = map[string]string{
	"first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th",
	"sixth": "6th", "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th",
}

// ukToUS lists UK spellings no rule in spellUS covers, and exceptions to the
// rules (mapped to themselves).
var ukToUS = map[string]string{
	"defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense",
	"defences": "defenses", "offences": "offenses", "licences": "licenses",
	"programme": "program", "programmes": "programs", "kilogramme": "kilogram",
	"grey": "gray", "aluminium": "aluminum", "plough": "plow", "mould": "mold",
	"sceptical": "skeptical", "sceptic": "skeptic", "sceptics": "skeptics", "scepticism": "skepticism",
	"jewellery": "jewelry", "judgement": "judgment", "judgements": "judgments",
	"acknowledgement": "acknowledgment", "ageing": "aging", "whilst": "while", "amongst": "among",
	"learnt": "learned", "spelt": "spelled", "burnt": "burned", "dreamt": "dreamed",
	"enrol": "enroll", "enrolment": "enrollment", "fulfil": "fulfill", "fulfilment": "fulfillment",
	"instalment": "installment", "skilful": "skillful", "wilful": "willful",
	"manoeuvre": "maneuver", "manoeuvres": "maneuvers", "paediatric": "pediatric",
	"encyclopaedia": "encyclopedia", "anaemia": "anemia", "oestrogen": "estrogen",
	"diarrhoea": "diarrhea", "foetus": "fetus", "orthopaedic": "orthopedic",
	"cheque": "check", "cheques": "checks", "tyre": "tire", "tyres": "tires",
	"kerb": "curb", "draught": "draft", "pyjamas": "pajamas", "cosy": "cozy",
	"practise": "practice", "practised": "practiced", "practising": "practicing",
	"storey": "story", "storeys": "stories",
	"metre": "meter", "metres": "meters", "litre": "liter", "litres": "liters",
	"fibre": "fiber", "fibres": "fibers", "sabre": "saber",
	"fuelled": "fueled", "fuelling": "fueling",
	// Words the rules would change but that are spelt alike in both.
	"four": "four", "hour": "hour", "your": "your", "tour": "tour", "pour": "pour",
	"sour": "sour", "flour": "flour", "our": "our", "dour": "dour",
	"timbre": "timbre",
}

// spellUS maps a UK spelling to the US one by a handful of rules, each limited
// so that it never makes two different words meet: -our→-or after three or
// more letters (favour, colour, behaviour), -ise/-yse→-ize/-yze and their
// inflections, -isation→-ization, -tre/-bre→-ter/-ber at the end, -ogue→-og,
// and -elled/-elling/-eller/-alled/-alling→single l.
func spellUS(w string) string {
	if us, ok := ukToUS[w]; ok {
		return us
	}
	if len(w) < 5 {
		return w
	}
	if i := strings.Index(w, "our"); i >= 3 {
		w = w[:i] + "or" + w[i+3:]
	}
	for _, s := range [...][2]string{
		{"isation", "ization"}, {"isations", "izations"},
		{"ise", "ize"}, {"ised", "ized"}, {"ises", "izes"}, {"ising", "izing"}, {"iser", "izer"}, {"isers", "izers"},
		{"yse", "yze"}, {"ysed", "yzed"}, {"ysing", "yzing"},
		{"elled", "eled"}, {"elling", "eling"}, {"eller", "eler"}, {"ellers", "elers"},
		{"alled", "aled"}, {"alling", "aling"},
		{"tre", "ter"}, {"tres", "ters"}, {"bre", "ber"}, {"bres", "bers"},
		{"ogue", "og"}, {"ogues", "ogs"},
	} {
		if strings.HasSuffix(w, s[0]) && len(w)-len(s[0]) >= 3 {
			return w[:len(w)-len(s[0])] + s[1]
		}
	}
	return w
}
