package corpus

import (
	"slices"
	"sort"
	"strings"
	"unicode"
)

// EntityStat is one canonical entity across a corpus: how often it is
// mentioned, by which outlets, and how each outlet spells it.
type EntityStat struct {
	Canonical string         `json:"canonical"`
	Label     string         `json:"label"`
	Mentions  int            `json:"mentions"`
	Articles  int            `json:"articles"`
	Outlets   []OutletUsage  `json:"outlets"`
	Spellings map[string]int `json:"spellings"` // every spelling with its mention count
}

// OutletUsage is how one outlet (or source, when the outlet is unknown)
// writes an entity.
type OutletUsage struct {
	Outlet    string         `json:"outlet"`
	Mentions  int            `json:"mentions"`
	Spellings map[string]int `json:"spellings"`
}

// SummarizeEntities groups the mentions of docs by label and canonical name,
// most mentioned first (ties by name), outlets by mentions then name.
func SummarizeEntities(docs []Document) []EntityStat {
	type key struct{ label, canonical string }
	stats := map[key]*EntityStat{}
	outlets := map[key]map[string]*OutletUsage{}
	for _, d := range docs {
		seen := map[key]bool{}
		for _, e := range d.Entities {
			k := key{e.Label, e.Canonical}
			s := stats[k]
			if s == nil {
				s = &EntityStat{Canonical: e.Canonical, Label: e.Label, Spellings: map[string]int{}}
				stats[k] = s
				outlets[k] = map[string]*OutletUsage{}
			}
			s.Mentions++
			s.Spellings[e.Text]++
			if !seen[k] {
				seen[k] = true
				s.Articles++
			}
			o := outlets[k][d.Label()]
			if o == nil {
				o = &OutletUsage{Outlet: d.Label(), Spellings: map[string]int{}}
				outlets[k][d.Label()] = o
			}
			o.Mentions++
			o.Spellings[e.Text]++
		}
	}
	out := make([]EntityStat, 0, len(stats))
	for k, s := range stats {
		for _, o := range outlets[k] {
			s.Outlets = append(s.Outlets, *o)
		}
		sort.Slice(s.Outlets, func(i, j int) bool {
			a, b := s.Outlets[i], s.Outlets[j]
			if a.Mentions != b.Mentions {
				return a.Mentions > b.Mentions
			}
			return a.Outlet < b.Outlet
		})
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Mentions != b.Mentions {
			return a.Mentions > b.Mentions
		}
		if a.Label != b.Label {
			return a.Label < b.Label
		}
		return a.Canonical < b.Canonical
	})
	return out
}

// QuoteStat is one quotation as the corpus carries it: the same words
// credited to the same speaker, with every article that prints them.
type QuoteStat struct {
	Speaker  string         `json:"speaker"`
	Text     string         `json:"text"`
	Carriers []QuoteCarrier `json:"carriers"`
}

// QuoteCarrier is one article that prints a quote.
type QuoteCarrier struct {
	Article string `json:"article"`
	Source  string `json:"source"`
	Outlet  string `json:"outlet"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Cue     string `json:"cue"`
}

// SummarizeQuotes groups the quotes of docs by speaker and by their words
// (compared with case, spacing and quotation-mark style folded), speakers
// with the most quotes first, then quotes by how many outlets carry them.
func SummarizeQuotes(docs []Document) []QuoteStat {
	type key struct{ speaker, words string }
	byKey := map[key]*QuoteStat{}
	for _, d := range docs {
		for _, q := range d.Quotes {
			k := key{q.Speaker, foldQuote(q.Text)}
			s := byKey[k]
			if s == nil {
				s = &QuoteStat{Speaker: q.Speaker, Text: strings.Join(strings.Fields(q.Text), " ")}
				byKey[k] = s
			}
			s.Carriers = append(s.Carriers, QuoteCarrier{Article: d.ID, Source: d.Source, Outlet: d.Outlet, Start: q.Start, End: q.End, Cue: q.Cue})
		}
	}
	perSpeaker := map[string]int{}
	out := make([]QuoteStat, 0, len(byKey))
	for _, s := range byKey {
		perSpeaker[s.Speaker]++
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Speaker == "") != (b.Speaker == "") {
			return b.Speaker == "" // unknown speakers last
		}
		if perSpeaker[a.Speaker] != perSpeaker[b.Speaker] {
			return perSpeaker[a.Speaker] > perSpeaker[b.Speaker]
		}
		if a.Speaker != b.Speaker {
			return a.Speaker < b.Speaker
		}
		if len(a.Carriers) != len(b.Carriers) {
			return len(a.Carriers) > len(b.Carriers)
		}
		return a.Text < b.Text
	})
	return out
}

var quoteFolder = strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'", "—", "-", "–", "-")

func foldQuote(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(quoteFolder.Replace(s)), " "))
}

// SpeakerFilter picks quotes by who said them, as an editor names the
// speaker: a name matches a speaker when, word for word (case, accents and
// dots aside), one of the speaker's spellings in the corpus holds the name,
// or, when no speaker's does, the name holds one of the spellings. "Trump"
// and "Zelenskyy" find Donald Trump and Volodymyr Zelensky where an article
// spells them so, "spokesman" finds "a Kremlin spokesman"; "President
// Trump" and "Donald J. Trump" find Donald Trump through "Trump", but
// "Melania Trump" finds Melania Trump alone; "he" finds no "the report".
type SpeakerFilter struct {
	name      []string
	spellings map[string][][]string // speaker → its spellings' folded words
	holds     bool                  // some speaker's spelling holds the name
}

// NewSpeakerFilter makes the filter for name over docs.
func NewSpeakerFilter(docs []Document, name string) *SpeakerFilter {
	f := &SpeakerFilter{name: nameWords(name), spellings: map[string][][]string{}}
	seen := map[string]bool{}
	add := func(speaker, spelling string) {
		k := speaker + "\x00" + spelling
		if w := nameWords(spelling); len(w) > 0 && !seen[k] {
			seen[k] = true
			f.spellings[speaker] = append(f.spellings[speaker], w)
		}
	}
	speakers := map[string]bool{}
	for _, d := range docs {
		for _, q := range d.Quotes {
			if q.Speaker != "" && !speakers[q.Speaker] {
				speakers[q.Speaker] = true
				add(q.Speaker, q.Speaker)
			}
		}
	}
	for _, d := range docs {
		for _, e := range d.Entities {
			if speakers[e.Canonical] {
				add(e.Canonical, e.Text)
			}
		}
	}
	for _, ss := range f.spellings {
		for _, s := range ss {
			f.holds = f.holds || len(f.name) > 0 && wordRun(s, f.name)
		}
	}
	return f
}

// Empty reports whether the name has no words to match (punctuation).
func (f *SpeakerFilter) Empty() bool { return len(f.name) == 0 }

// Match reports whether the filter's name names speaker.
func (f *SpeakerFilter) Match(speaker string) bool {
	if len(f.name) == 0 {
		return false
	}
	for _, s := range f.spellings[speaker] {
		if wordRun(s, f.name) || !f.holds && wordRun(f.name, s) {
			return true
		}
	}
	return false
}

// nameWords folds a name into its words: lower case, accents, dots and a
// possessive dropped, hyphens and other punctuation splitting words.
func nameWords(s string) []string {
	s = strings.NewReplacer(".", "", "’", "'").Replace(strings.ToLower(StripMarks(s)))
	words := strings.FieldsFunc(s, func(r rune) bool { return r != '\'' && !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		words[i] = strings.Trim(strings.TrimSuffix(w, "'s"), "'")
	}
	return slices.DeleteFunc(words, func(w string) bool { return w == "" })
}

// wordRun reports whether sub is a run of consecutive words in words.
func wordRun(words, sub []string) bool {
	for i := 0; i+len(sub) <= len(words); i++ {
		if slices.Equal(words[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}
