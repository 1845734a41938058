package ingest

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/variorum/variorum/corpus"
)

// attributionKind says how a quote's speaker was found.
type attributionKind uint8

const (
	viaNone     attributionKind = iota
	viaAfter                    // "…," he said
	viaBefore                   // he said that … "…"
	viaSentence                 // an earlier quote of the same sentence
	viaNext                     // a later quote of the same sentence
	viaInherit                  // the quote before it, in an earlier sentence or paragraph
	viaColon                    // the sentence before ends "He said:"
	viaSubject                  // the sentence's subject, no cue
	viaLabel                    // a transcript's speaker label: "PENCE: Well, …"
)

// Attribution is one attribution relation in the sense of PARC and
// PolNeAR: what was reported (Content: the quotes with their marks and,
// for a partial quote in reported speech, the words around it from the cue
// to the end of the sentence), who said it (Speaker, the mention), and
// which quotes it holds. Quotes that share a speaker mention one after
// another ("A," he said. "B.") form one attribution.
type Attribution struct {
	Content []corpus.Span
	Speaker corpus.Span
	Quotes  []corpus.Quote
}

// Attributions returns the quotes of text grouped into attributions, with
// content spans drawn the way the PolNeAR corpus draws them (quotation
// marks included; the indirect speech around a partial quote included).
// The Quote values are the same as Quotes returns.
func Attributions(text string, sentences []corpus.Span, entities []corpus.Entity) []Attribution {
	d, regions, kept := extractQuotes(text, sentences, entities)
	var out []Attribution
	for _, i := range kept {
		r := &regions[i]
		q := d.quoteOf(r)
		c := d.contentSpan(regions, i)
		if n := len(out); n > 0 && r.speaker.End > r.speaker.Start && out[n-1].Speaker == r.speaker {
			a := &out[n-1]
			a.Quotes = append(a.Quotes, q)
			a.Content = addSpan(a.Content, c)
			continue
		}
		out = append(out, Attribution{Content: []corpus.Span{c}, Speaker: r.speaker, Quotes: []corpus.Quote{q}})
	}
	for _, a := range out {
		for i := range a.Quotes {
			a.Quotes[i].Content = a.Content
		}
	}
	return out
}

// addSpan adds s to the sorted spans ss, merging overlaps.
func addSpan(ss []corpus.Span, s corpus.Span) []corpus.Span {
	ss = append(ss, s)
	sort.Slice(ss, func(i, j int) bool { return ss[i].Start < ss[j].Start })
	out := ss[:1]
	for _, x := range ss[1:] {
		last := &out[len(out)-1]
		if x.Start <= last.End {
			last.End = max(last.End, x.End)
			continue
		}
		out = append(out, x)
	}
	return out
}

// contentSpan draws the content of the attribution of regions[i]:
//
//	"…," he said.                       the quote with its marks
//	If it passes, "I think…," he said.   from the sentence start to the mark
//	He said Perez was "right to urge…"   from after the cue to the sentence end
func (d *quoteDoc) contentSpan(regions []quoteRegion, i int) corpus.Span {
	r := &regions[i]
	marked := r.outer
	if !r.closed {
		marked.End = d.paras[r.para].End
	}
	p := d.paras[r.para]
	sentStart := d.sentenceStart(p, r.open, regions)
	leftStart := sentStart
	if i > 0 && regions[i-1].para == r.para {
		leftStart = max(leftStart, regions[i-1].outer.End, regions[i-1].attrEnd)
	}
	startsSentence := d.onlyPunctBetween(leftStart, r.open)
	switch r.via {
	case viaSentence:
		// A later quote of reported speech that runs on from an earlier
		// one (said he planned to fight "…" and to counter "…") shares its
		// content, even when the earlier one is not kept as a quote.
		if i == 0 {
			break
		}
		if q := &regions[i-1]; q.para == r.para && (q.via == viaBefore || q.via == viaSentence) {
			if c := d.contentSpan(regions, i-1); c.Start <= r.outer.Start && c.End >= marked.End {
				return c
			}
		}
		// Reported speech after an earlier quote's attribution in the
		// same sentence: ""Face the Nation," Ryan said [the spate of
		// shootings demands … "more listening" and "more learning."]".
		// The reported clause may open with the quote: …, Smith said
		// ["the deal" is "dead."]
		if q := &regions[i-1]; q.para == r.para && q.via == viaAfter && q.attrEnd > sentStart && q.attrEnd <= r.open {
			return d.reportedSpeech(d.skipWhen(q.attrEnd, r.open), p, regions, i, marked)
		}
	case viaAfter, viaNext:
		if !startsSentence && leftStart == sentStart {
			marked.Start = d.firstWordAt(sentStart, r.open)
		}
		if r.via == viaAfter && r.closed {
			marked.End = max(marked.End, d.runsOnToSpeaker(r))
		}
		return marked
	case viaBefore:
		if r.cueSpan.End <= r.cueSpan.Start || r.cueSpan.End > r.open {
			return marked
		}
		start := d.skipWhen(d.afterCue(r.cueSpan, r.open), r.open)
		return d.reportedSpeech(d.afterInnerCue(start, r.open), p, regions, i, marked)
	}
	return marked
}

// reportedSpeech draws the content of regions[i] when the speech it reports
// starts at start, right after its cue: from there to where the reported
// speech ends (contentEnd), or the quote with its marks (marked) alone.
func (d *quoteDoc) reportedSpeech(start int, p corpus.Span, regions []quoteRegion, i int, marked corpus.Span) corpus.Span {
	r := &regions[i]
	start = d.firstWordAt(start, r.open)
	if start >= r.open && r.closed && d.runsOnAfter(r) {
		// Reported speech that opens with the quote and goes on
		// after it: said "it gets me mad" every time he thinks…
		return corpus.Span{Start: marked.Start, End: d.contentEnd(p, r, regions, i)}
	}
	if start >= r.open || introducedByPunct(d.text[start:r.open]) && !d.opensClause(start, r.open) && !d.opensThat(start, r.open) {
		// Right after the cue, or set off by a comma or colon
		// ("told reporters in Nashua, "I've said…""): the quote
		// is the content. A comma inside a that-clause sets off
		// nothing: said that if she won, "she would sign …".
		return marked
	}
	return corpus.Span{Start: start, End: d.contentEnd(p, r, regions, i)}
}

// runsOnToSpeaker returns where the content of a quote attributed after
// it ends when its sentence goes on past the closing mark and up to a comma
// before the speaker: “You squeezed employees to the breaking point” to
// drive up the stock price|, she said. 0 when it does not.
func (d *quoteDoc) runsOnToSpeaker(r *quoteRegion) int {
	if r.speaker.Start <= r.outer.End {
		return 0
	}
	between := d.text[r.outer.End:r.speaker.Start]
	comma := strings.LastIndexByte(between, ',')
	if comma < 0 {
		return 0
	}
	words := between[:comma]
	first, _ := utf8.DecodeRuneInString(words)
	if first != ' ' || strings.ContainsAny(words, ".!?;:,()\"“”‘’'—–") || len(strings.Fields(words)) > 12 {
		return 0
	}
	if next, _ := utf8.DecodeRuneInString(strings.TrimLeft(words, " ")); !unicode.IsLetter(next) && !unicode.IsDigit(next) {
		return 0
	}
	return r.outer.End + comma
}

// runsOnAfter reports whether the sentence goes on after region r's closing
// mark with a word, not a punctuation mark or a cue ("… " he said").
func (d *quoteDoc) runsOnAfter(r *quoteRegion) bool {
	ts := attrTokens(d.text, r.outer.End, min(len(d.text), r.outer.End+40))
	if len(ts) < 2 || !ts[0].word || speakerPronouns[d.lower(ts[0])] || d.isCapWord(ts[0]) {
		return false
	}
	return !strings.ContainsRune(".,;:!?", d.lastInside(r)) && !isCue(d.tokText(ts[0]), true)
}

// firstWordAt returns the offset of the first word in text[s:e], or e.
func (d *quoteDoc) firstWordAt(s, e int) int {
	for _, t := range attrTokens(d.text, s, e) {
		if t.word {
			return t.start
		}
	}
	return e
}

// afterCue returns where reported speech starts after a cue ending before
// limit: right after it ("says [that …]"), after the listener of a verb of
// telling ("told reporters [that …]", "told BuzzFeed's Smith [he …]"), or
// after the source of "according to X,".
func (d *quoteDoc) afterCue(cue corpus.Span, limit int) int {
	ts := attrTokens(d.text, cue.End, limit)
	w := strings.ToLower(d.text[cue.Start:cue.End])
	skip := 0
	switch {
	case w == "according":
		// according to X, …
		skip = len(ts)
		for k, t := range ts {
			if !t.word && d.tokText(t) == "," {
				skip = k + 1
				break
			}
		}
	case tellVerbs[w]:
		that := false
		for k, t := range ts {
			if k > 20 || !t.word && isDoubleMarkTok(d.tokText(t)) {
				break
			}
			if t.word && d.lower(t) == "that" {
				skip, that = k, true
				break
			}
		}
		if !that {
			// The listener: a name, a pronoun or a short phrase.
			k := 0
			for k < len(ts) && k < 5 && ts[k].word && !speakerPronouns[d.lower(ts[k])] &&
				(k == 0 || d.isCapWord(ts[k]) || !npStop[d.lower(ts[k])]) {
				if k > 0 && looksVerb(d.lower(ts[k])) {
					break
				}
				k++
			}
			skip = k
		}
	}
	if skip == 0 && len(ts) > 1 && ts[0].word && cueParticle(w, d.lower(ts[0])) {
		skip = 1 // the particle belongs to the cue: called [for …], referred [to him as …]
	}
	for skip < len(ts) && !ts[skip].word && !isDoubleMarkTok(d.tokText(ts[skip])) {
		skip++ // "said, …" / "said: …"
	}
	if skip >= len(ts) {
		return limit
	}
	return ts[skip].start
}

// cueParticles are the prepositions that belong to a cue verb, as
// "verb:preposition" with the verb's base form: what was reported follows
// them.
var cueParticles = wordSet("call:for call:on refer:to rail:against boast:about brag:about vow:to " +
	"pledge:to promise:to warn:of warn:about warn:against complain:about insist:on comment:on " +
	"speak:about speak:of argue:for argue:against talk:about write:about write:of")

// irregularBases are the base forms of the cues in cueParticles whose
// inflections cueParticle cannot strip.
var irregularBases = map[string]string{"spoke": "speak", "spoken": "speak", "wrote": "write",
	"written": "write", "referred": "refer", "referring": "refer", "bragged": "brag", "bragging": "brag"}

// cueParticle reports whether preposition p belongs to cue verb w, in any
// of its forms ("called", "calls", "calling" for "call:for").
func cueParticle(w, p string) bool {
	bases := []string{w, irregularBases[w]}
	for _, suf := range [...]string{"ing", "ed", "es", "s"} {
		if t, ok := strings.CutSuffix(w, suf); ok {
			bases = append(bases, t, t+"e")
		}
	}
	for _, b := range bases {
		if b != "" && cueParticles[b+":"+p] {
			return true
		}
	}
	return false
}

var tellVerbs = wordSet("told tell tells telling asked asks assured assures urged urges warned warns " +
	"reminded reminds informed informs promised promises")

// contentEnd returns where the sentence holding region i ends, without
// the full stop after a closing mark or any white space: the content of
// reported speech runs to the sentence end.
func (d *quoteDoc) contentEnd(p corpus.Span, r *quoteRegion, regions []quoteRegion, i int) int {
	end := p.End
	starts := d.sentenceStarts(d.paraIndex(p), regions)
	if k := sort.SearchInts(starts, r.outer.End); k < len(starts) {
		end = starts[k]
	}
	// Stop at a new clause after the quote: "…," and his administration…
	ts := attrTokens(d.text, r.outer.End, min(end, r.outer.End+maxLookBackBytes))
	// A comma inside the closing mark ("…hypocrite," linking…) counts
	// as one before the first word after it.
	inner := strings.TrimRightFunc(d.text[r.outer.Start:r.outer.End], func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != ',' })
	commaIn := strings.HasSuffix(inner, ",")
	for k := 0; k+1 < len(ts); k++ {
		if d.newClauseAt(ts, k, commaIn) {
			end = ts[k].start
			break
		}
	}
	// Stop before a later quote of the sentence that has its own source.
	for k := i + 1; k < len(regions) && regions[k].open < end; k++ {
		if regions[k].speaker != r.speaker && regions[k].via == viaAfter {
			end = min(end, regions[k].open)
		}
	}
	end = max(end, r.outer.End)
	s := d.text[r.outer.End:end]
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	for len(s) > 0 {
		c, n := utf8.DecodeLastRuneInString(s)
		if !strings.ContainsRune(".,;:!?—– ", c) {
			break
		}
		s = s[:len(s)-n]
	}
	return r.outer.End + len(s)
}

// opensClause reports whether the words from start to the quote at limit
// open a clause of reported speech with a subject pronoun and its verb
// (said [she recalled thinking], "…"): then they are content too.
func (d *quoteDoc) opensClause(start, limit int) bool {
	ts := attrTokens(d.text, start, limit)
	if len(ts) < 3 || !ts[0].word || !ts[1].word {
		return false
	}
	lw := d.lower(ts[0])
	return speakerPronouns[lw] && lw != "it" && lw != "who"
}

// afterInnerCue moves the start of reported speech past a later cue
// before the quote, a participle set off by a comma or after "as", which
// opens an attribution of its own: said it was time to question Cruz's
// temperament, saying ["…"]; quoted the president as saying ["…"].
func (d *quoteDoc) afterInnerCue(start, open int) int {
	ts := attrTokens(d.text, start, open)
	for k := len(ts) - 1; k >= 1; k-- {
		t := ts[k]
		w := d.tokText(t)
		if !t.word || !strings.HasSuffix(w, "ing") || !isCue(w, true) {
			continue
		}
		if prev := ts[k-1]; !(!prev.word && d.tokText(prev) == "," || prev.word && d.lower(prev) == "as") {
			continue
		}
		cue := corpus.Span{Start: t.start, End: t.end}
		after := d.skipWhen(d.afterCue(cue, open), open)
		if d.opensReport(after, open) {
			return after
		}
		return start // a participle of its own clause: the bill, adding $5 billion…, was "…"
	}
	return start
}

// opensReport reports whether the words from start to the quote at open
// can be what a participle cue reports: none, or a clause that no comma
// closes and no "and" or "or" joins to a list ("reading, writing and
// "…"").
func (d *quoteDoc) opensReport(start, open int) bool {
	ts := attrTokens(d.text, start, open)
	if len(ts) > 0 && ts[0].word && (d.lower(ts[0]) == "and" || d.lower(ts[0]) == "or") {
		return false
	}
	for _, t := range ts {
		if !t.word && d.tokText(t) == "," {
			return false
		}
	}
	return true
}

// opensThat reports whether the words from start open a that-clause.
func (d *quoteDoc) opensThat(start, limit int) bool {
	ts := attrTokens(d.text, start, limit)
	return len(ts) > 1 && ts[0].word && d.lower(ts[0]) == "that" && ts[1].word
}

// introducedByPunct reports whether the words before an opening mark end
// with a comma or colon that sets the quote off.
func introducedByPunct(before string) bool {
	before = strings.TrimRightFunc(before, unicode.IsSpace)
	return strings.HasSuffix(before, ",") || strings.HasSuffix(before, ":")
}

// skipWhen returns where reported speech starts once a leading "when" of
// the cue is skipped: "said [Friday] that…", "said [on Tuesday night]
// that…", "acknowledged, [however,] …". Only words before "that" or a
// comma are skipped, so "said Friday was…" keeps its subject.
func (d *quoteDoc) skipWhen(start, limit int) int {
	ts := attrTokens(d.text, start, limit)
	if at := d.adjunctThat(ts); at >= 0 {
		return at
	}
	k := 0
	if k < len(ts) && ts[k].word && d.lower(ts[k]) == "on" {
		k++
	}
	n := k
	for k < len(ts) && k < n+3 && ts[k].word && whenWords[d.lower(ts[k])] {
		k++
	}
	if k == n {
		return start
	}
	switch {
	case k < len(ts) && ts[k].word && d.lower(ts[k]) == "that":
		return ts[k].start
	case k < len(ts) && !ts[k].word && d.tokText(ts[k]) == ",":
		if k+1 < len(ts) {
			return ts[k+1].start
		}
		return limit
	}
	return start
}

// adjunctThat returns where "that" starts when the words after a cue are
// a phrase of where or when and then "that" (said during a rally in
// Michigan that …; tweeted in the early morning hours that …): the
// reported speech starts there. -1 otherwise. The phrase opens with a
// preposition, runs at most twelve words and holds no quotation mark.
func (d *quoteDoc) adjunctThat(ts []atok) int {
	if len(ts) < 3 || !ts[0].word || !(adjunctPreps[d.lower(ts[0])] || channelPreps[d.lower(ts[0])]) {
		return -1
	}
	for k, t := range ts[1:min(len(ts), 13)] {
		switch {
		case !t.word && isDoubleMarkTok(d.tokText(t)):
			return -1
		case t.word && d.lower(t) == "that":
			if k == 0 {
				return -1 // "in that …"
			}
			return t.start
		}
	}
	return -1
}

// channelPreps open a phrase of how or to whom between a cue and "that"
// (wrote in a letter that; said through a spokesman that).
var channelPreps = wordSet("to via through from with of outside")

var whenWords = wordSet("monday tuesday wednesday thursday friday saturday sunday " +
	"yesterday today tonight earlier later recently again also however morning afternoon evening night " +
	"last this next week month year weekend")

// afterCommaEnds are words that, after a comma after the quote, start
// something other than the reported speech: a relative clause about it
// ("…" in his comments, which raised concerns) or an appositive ("…" at
// his rally, a swipe at …).
var afterCommaEnds = wordSet("which who a an")

// ingPrepositions end in -ing but are prepositions, not participles: ",
// including walkouts and jeers, …" goes on with the reported speech.
var ingPrepositions = wordSet("including during regarding concerning following excluding notwithstanding pending barring")

// newClauseAt reports whether reported speech ends before token k of the
// words after a quote: at a semicolon, a dash or a bracket; at a comma
// before a conjunction or a participle (", though voters…", ", saying…",
// ", linking to…", also with the comma inside the closing mark); or, right
// after the closing mark, at "and" before a past-tense verb or "then"
// (""my friends" and showed flashes…").
func (d *quoteDoc) newClauseAt(ts []atok, k int, commaIn bool) bool {
	t := ts[k]
	s := d.tokText(t)
	opensClause := func(w string) bool {
		return clauseConjunctions[w] || len(w) > 5 && strings.HasSuffix(w, "ing") && !ingPrepositions[w]
	}
	if !t.word {
		switch s {
		case ";", "—", "–", "-", "(", "[":
			return true
		case ",":
			return k+1 < len(ts) && ts[k+1].word && (opensClause(d.lower(ts[k+1])) || afterCommaEnds[d.lower(ts[k+1])])
		}
		return false
	}
	if k == 0 && commaIn && opensClause(d.lower(t)) {
		return true
	}
	if k == 0 && d.lower(t) == "and" && k+1 < len(ts) && ts[k+1].word {
		w := d.lower(ts[k+1])
		return w == "then" || len(w) > 4 && strings.HasSuffix(w, "ed")
	}
	return false
}
