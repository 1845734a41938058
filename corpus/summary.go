package corpus

import (
	"sort"
	"strings"
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
