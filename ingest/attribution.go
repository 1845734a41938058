package ingest

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/variorum/variorum/corpus"
)

// Attribution: who said a quote, and with which cue.
//
// The rules follow the patterns news prose uses to attribute speech
// (Pareti, "Attribution: A Computational Approach", 2015; O'Keefe et al.,
// "A Sequence Labelling Approach to Quote Attribution", EMNLP 2012):
//
//	"…," Peskov told reporters.        source and cue after the quote
//	"…," said one EU diplomat.         cue, then source
//	Zelensky wrote on Telegram: "…"    source and cue before it
//	According to Axios, it "…"         "according to" and its source
//	"A," he said. "B."                 B takes A's source
//	"…" (a paragraph alone)            the previous paragraph's source
//
// Of several cues before a quote the outermost wins ("Graham assures his
// audience he will tell the "bigots""), as PolNeAR annotates nested
// reports. A quote with no cue takes its sentence's subject when it has
// one. A pronoun resolves to the last person entity or, without entities,
// the last name outside quotations that agrees with it; a surname to the
// full name used before it.

// atok is a word or punctuation token of the text.
type atok struct {
	start, end int
	word       bool
}

// tokens splits text[s:e] into words and single punctuation characters.
// Words keep inner apostrophes, hyphens, dots and ampersands (O’Reilly,
// Lopez-Cantera, U.S., AT&T); a known abbreviation or an initial keeps its
// final dot (Sen., J.).
func attrTokens(text string, s, e int) []atok {
	var out []atok
	i := s
	for i < e {
		r, n := utf8.DecodeRuneInString(text[i:e])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isAlnum(r):
			j := i + n
			for j < e {
				r2, n2 := utf8.DecodeRuneInString(text[j:e])
				if isAlnum(r2) || unicode.Is(unicode.Mn, r2) {
					j += n2
					continue
				}
				if strings.ContainsRune("'’-.&,", r2) && j+n2 < e {
					r3, _ := utf8.DecodeRuneInString(text[j+n2 : e])
					if r2 == ',' && !(isASCIIDigit(rune(text[j-1])) && isASCIIDigit(r3)) {
						break // only 1,237 keeps its comma
					}
					if isAlnum(r3) {
						j += n2
						continue
					}
				}
				break
			}
			if j < e && text[j] == '.' && (abbrevDot(text[i:j]) || stateDot(text[i:j], text[j+1:e])) {
				j++
			}
			out = append(out, atok{start: i, end: j, word: true})
			i = j
		default:
			out = append(out, atok{start: i, end: i + n})
			i += n
		}
	}
	return out
}

// abbrevDot reports whether a word followed by a full stop is an abbreviation
// or an initial whose dot belongs to it.
func abbrevDot(w string) bool {
	if strings.Contains(w, ".") { // U.S
		return true
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return attrAbbrevs[w]
}

// stateDot reports whether a word followed by a full stop and then rest is
// a US state the AP way, whose dot belongs to it: after a party ("D-Wis.",
// "R-Ky.") or closed by a bracket or comma ("Sen. Bernie Sanders (Vt.)",
// "Ryan, R-Wis., said"). Elsewhere "Mass." or "Wash." may end a sentence.
func stateDot(w, rest string) bool {
	if len(w) > 2 && strings.IndexByte("DRI", w[0]) >= 0 && w[1] == '-' {
		return usStates[w[2:]]
	}
	return usStates[w] && rest != "" && (rest[0] == ')' || rest[0] == ',')
}

var usStates = wordSet("Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo " +
	"Mont Neb Nev Okla Ore Pa Tenn Tex Vt Va Wash Wis Wyo")

var attrAbbrevs = wordSet("Mr Mrs Ms Dr Sen Rep Gov Gen Lt Col Sgt Capt Adm Cmdr St Jr Sr Rev Prof " +
	"Inc Co Corp Ltd Jan Feb Mar Apr Aug Sept Sep Oct Nov Dec No vs Ft Mt Pres Supt Atty")

func wordSet(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// cueVerbs holds the inflected forms of verbs that report speech or writing.
var cueVerbs = buildCueVerbs()

func buildCueVerbs() map[string]bool {
	// Verbs whose regular forms are built below (-s, -ed, -ing).
	regular := "add acknowledge announce answer argue ask assert assure bark blast boast " +
		"caution charge chide claim comment complain concede conclude confirm contend continue " +
		"counter declare demand deny describe emphasize emphasise exclaim explain gush " +
		"insist joke lament maintain mock mourn muse note observe opine pledge " +
		"plead point post predict proclaim promise recall recount reiterate remark remind " +
		"repeat reply report respond retort scoff scream shout sigh state stress " +
		"suggest testify text tout tweet urge vow warn whisper wonder yell " +
		"email posit reason rule allege stipulate call quote accuse praise criticize " +
		"criticise characterize characterise label dub brand laud hail echo chant question " +
		"decry denounce condemn defend reject dismiss blame applaud lambaste ridicule fume " +
		"rail rant gripe grumble agree disagree threaten recommend advise propose estimate " +
		"forecast inquire surmise explain detail outline summarize protest object confess " +
		"reveal disclose underscore highlight specify murmur mutter laugh chuckle sneer " +
		"tease growl snarl enthuse rave caution counsel retweet message pray thunder crack " +
		"interject interrupt press marvel concur recalled reflect speculate acknowledge"
	// Forms the rules above would get wrong, and irregular verbs.
	irregular := "say said says saying tell told tells telling write wrote writes writing written " +
		"cry cried cries crying reply replied replies replying deny denied denies denying " +
		"testify testified testifies testifying quip quipped quips quipping snap snapped snaps " +
		"snapping brag bragged brags bragging admit admitted admits admitting blog blogged " +
		"blogs blogging beg begged begs begging rebut rebutted rebuts rebutting refer referred " +
		"refers referring swear swore sworn swears swearing speak spoke speaks " +
		"hit hits hitting slam slammed slams slamming read reads sing sang sings"
	m := wordSet(irregular)
	for _, v := range strings.Fields(regular) {
		m[v] = true
		switch {
		case strings.HasSuffix(v, "e"):
			m[v+"s"], m[v+"d"], m[v[:len(v)-1]+"ing"] = true, true, true
		case strings.HasSuffix(v, "y") && !strings.ContainsRune("aeiou", rune(v[len(v)-2])):
			m[v[:len(v)-1]+"ies"], m[v[:len(v)-1]+"ied"], m[v+"ing"] = true, true, true
		case strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ss") || strings.HasSuffix(v, "x") ||
			strings.HasSuffix(v, "ch"):
			m[v+"es"], m[v+"ed"], m[v+"ing"] = true, true, true
		default:
			m[v+"s"], m[v+"ed"], m[v+"ing"] = true, true, true
		}
	}
	// Forms that are mostly nouns or something else in news prose: they
	// are cues only right after a subject (see cueAfterSubject).
	for _, w := range strings.Fields("notes posts states reads read points texts reports " +
		"charges claims comments remarks demands answers reason reasons ruled rule rules ruling " +
		"counters note post state report counter point text stress warning reasoned continues " +
		"continue continuing continued pointed pointing reporting posting stating reading " +
		"call calls calling quote quotes quoting label labels labeling brand brands branding " +
		"echo echoes question questions questioning message messages messaging press presses " +
		"pressing hit hits hitting blame blames rail rails object objects detail details " +
		"outline outlines estimate estimates forecast forecasts protest protests highlight " +
		"highlights advise rant rants counsel thunder reflect reflects speak speaks pray prays " +
		"quote sing sings laugh laughs email emails tweet tweets praise praises defend " +
		"dismiss dismisses promise promises pledge pledges vow vows joke jokes warn warns " +
		"rave raves chant chants propose proposes") {
		delete(m, w)
	}
	return m
}

// cueAfterSubject holds forms that are cues only right after a subject
// ("Axios notes", "the draft states", "he continued", "she calls").
var cueAfterSubject = wordSet("notes states reads read posts reports reported comments remarks " +
	"continued noted stated posted texted pointed points charges claims counters countered " +
	"calls called quotes quoted labels labeled brands branded echoes echoed questions " +
	"questioned presses pressed hits blames blamed rails railed objects objected details " +
	"outlines estimates forecasts protests highlights advises rants thunders reflects speaks " +
	"prays sings laughs emails tweets praises defends dismisses promises pledges vows jokes warns " +
	"raves chants proposes continues answers demands")

// isCue reports whether word w is a cue; afterSubject says whether it follows
// a noun phrase (which admits more forms).
func isCue(w string, afterSubject bool) bool {
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) {
		return false // "The United States has…"
	}
	lw := w
	if cueVerbs[lw] {
		return true
	}
	return afterSubject && (cueAfterSubject[lw] || lw == "noted" || lw == "stated")
}

// ingCue reports whether a cue word is a participle ("saying", "adding")
// whose subject is the clause's subject.
func ingCue(w string) bool { return strings.HasSuffix(strings.ToLower(w), "ing") }

// Words that can sit between a subject and its cue verb.
var (
	auxWords        = wordSet("has had have was is were are would will did does do had also later then again once previously recently simply only just quickly repeatedly flatly frequently often then earlier still separately famously reportedly publicly privately bluntly angrily now already even never ever first finally")
	determiners     = wordSet("the a an one two three four five some several another many both this that these those his her their its our")
	speakerPronouns = wordSet("he she they it we i you who")
	// npStop are words that end a noun phrase when reading away from its head.
	npStop = wordSet("that which when while as if because after before since though although where until unless whether " +
		"and but or nor so yet to in on at by for from with about into over under during without " +
		"than then there here not no is was are were be been has had have will would can could " +
		"should may might must did does do said says told tells according also this what whom whose " +
		"how why across against beyond within among between toward towards upon via per like near " +
		"around behind along despite amid throughout onto inside outside")
	platforms = wordSet("Telegram Twitter X Facebook Instagram Truth TikTok YouTube Threads Bluesky LinkedIn Weibo WeChat VK Medium Substack")
)

// tokText returns the text of token t.
func (d *quoteDoc) tokText(t atok) string { return d.text[t.start:t.end] }

func (d *quoteDoc) isCapWord(t atok) bool {
	if !t.word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(d.text[t.start:t.end])
	return unicode.IsUpper(r)
}

func (d *quoteDoc) lower(t atok) string { return strings.ToLower(d.text[t.start:t.end]) }

// cueMatch is a found source and cue.
type cueMatch struct {
	speaker corpus.Span // the mention
	// described marks a mention that is a description with a modifier
	// ("Residents of the town"): it names itself, not the entity at its
	// end.
	described bool
	cue       string
	ok        bool
	// end is where the attribution's words end (after a quote: "…,"
	// said Mr. Ekovich| , who noted…).
	end int
	// tight marks an attribution after a quote that ended its sentence
	// inside the marks ("… done.” Pence said); loose one whose verb is
	// not a known cue ("…,” Hannity started). Both yield to a cue before a
	// quote that does not open its sentence.
	tight, loose bool
	// intro marks a tight attribution that opens the next quote ("…
	// now." He added, "What …"): it is this quote's only when nothing
	// else attributes it.
	intro bool
	// cueSpan locates the cue word when the attribution precedes the quote.
	cueSpan corpus.Span
}

// attribute fills regions[i]'s speaker and cue.
func (d *quoteDoc) attribute(regions []quoteRegion, i int) {
	r := &regions[i]
	p := d.paras[r.para]
	var prev *quoteRegion // the previous quote in the same paragraph
	if i > 0 && regions[i-1].para == r.para {
		prev = &regions[i-1]
	}
	var next *quoteRegion
	if i+1 < len(regions) && regions[i+1].para == r.para {
		next = &regions[i+1]
	}
	sentStart := d.sentenceStart(p, r.open, regions)
	// 0. A transcript's line names its speaker: "PENCE: Well, look, …".
	// The label is not part of the quoted words.
	if label, words, ok := d.transcriptLabel(r.inner); ok {
		r.inner.Start = words
		d.setAttribution(r, cueMatch{speaker: label, ok: true}, true)
		r.speakerName = d.labelName(label)
		r.via = viaLabel
		return
	}
	// 1. After the quote: "…," he said / said Trump.
	var am, intro cueMatch
	defer func() {
		if !r.attributed && intro.ok {
			// "…?" He answered, "…": only if nothing else attributes it.
			d.setAttribution(r, intro, true)
			r.attrEnd, r.via = intro.end, viaAfter
		}
	}()
	if r.closed {
		end := p.End
		if next != nil {
			end = next.open
		}
		am = d.after(r, end)
		if am.intro {
			intro, am = am, cueMatch{}
		}
		if am.ok && whenWords[strings.ToLower(d.text[am.speaker.Start:am.speaker.End])] {
			// A time is no speaker: in On ABC's "Good Morning America"
			// Tuesday, he said "…" the quoted words are a title.
			am = cueMatch{}
		}
		if !am.ok && next == nil {
			am = d.bylineBelow(r)
		}
		if am.ok && !am.tight && !am.loose {
			d.setAttribution(r, am, true)
			r.attrEnd, r.via = am.end, viaAfter
			return
		}
	}
	// 2. Before it in its sentence: Trump said: "…" / according to Axios, "…".
	leftStart := sentStart
	if prev != nil {
		leftStart = max(leftStart, prev.outer.End, prev.attrEnd)
	}
	startsSentence := d.onlyPunctBetween(leftStart, r.open)
	sameSentence := prev != nil && prev.attributed && prev.outer.End > sentStart
	bm, weak := d.before(leftStart, r.open, sentStart, regions, sameSentence)
	if bm.ok && weak && sameSentence {
		// "Obama said “there is love” in Orlando, which he called “…”"
		d.inherit(r, prev, true)
		r.via = viaSentence
		return
	}
	if bm.ok && (!am.ok || !startsSentence && (am.tight || d.strongSubject(bm))) {
		d.setAttribution(r, bm, true)
		r.via, r.cueSpan = viaBefore, bm.cueSpan
		return
	}
	if am.ok {
		// "… done.” Pence said.
		d.setAttribution(r, am, true)
		r.attrEnd, r.via = am.end, viaAfter
		return
	}
	// 2b. A name set before the quote with a colon: "Philip Bump: “Two
	// weeks ago…”", "- More from Jones: “…”".
	if !bm.ok {
		if name, ok := d.namedBeforeColon(leftStart, r.open); ok {
			m := cueMatch{speaker: name, ok: true}
			if ts := attrTokens(d.text, name.Start, name.End); len(ts) > 1 && cueVerbs[d.lower(ts[0])] {
				// "Said Mr Fogg: "…"": the cue comes first.
				m.cue, m.speaker.Start = d.tokText(ts[0]), ts[1].start
			}
			d.setAttribution(r, m, true)
			r.via = viaLabel
			return
		}
	}
	// 3. The previous quote of the sentence or paragraph: "A," he said. "B."
	if prev != nil && prev.attributed && (startsSentence || prev.outer.End > sentStart) {
		d.inherit(r, prev, prev.outer.End > sentStart)
		r.via = viaInherit
		if prev.outer.End > sentStart {
			r.via = viaSentence
		}
		return
	}
	// 4. A quote at the start of its sentence after "He said:".
	if startsSentence {
		if ps, pe, ok := d.previousSentence(p, r, regions); ok && strings.HasSuffix(strings.TrimSpace(d.text[ps:pe]), ":") {
			if a, _ := d.before(ps, pe, ps, regions, false); a.ok {
				d.setAttribution(r, a, false)
				r.via = viaColon
				return
			}
			if np := d.subjectOf(ps, pe, regions); np.End > np.Start {
				d.setAttribution(r, cueMatch{speaker: np, ok: true}, false)
				r.via = viaColon
				return
			}
		}
		// "Bystrom agreed. "Mainstream Republicans are running out of time.""
		if ps, pe, ok := d.previousSentence(p, r, regions); ok && ps >= p.Start && !regionsCross(regions, ps, pe) {
			if a, _ := d.before(ps, pe, ps, regions, false); a.ok && d.strongSubject(a) {
				d.setAttribution(r, a, false)
				r.via = viaInherit
				return
			}
		}
	}
	// 5. A paragraph that continues or follows an attributed quote, or
	// follows a paragraph that ends in reported speech ("Kerry said that
	// 100,000 would be accepted.").
	if r.open == p.Start && r.para > 0 {
		pp := d.paras[r.para-1]
		if i > 0 {
			q := &regions[i-1]
			if q.attributed && q.para == r.para-1 && !r.continued {
				// The paragraph before goes on after its quote with
				// someone's reported speech: "… Ian Harris, deputy
				// editor of Mac Format, said the machine would appeal …"
				ps := d.sentenceStart(pp, pp.End, regions)
				if ps >= max(q.outer.End, q.attrEnd) {
					if a, weak := d.before(ps, pp.End, ps, regions, false); a.ok && !weak && d.namedSubject(a) {
						d.setAttribution(r, a, false)
						r.via = viaInherit
						return
					}
				}
			}
			if q.attributed && (q.para == r.para-1 || r.continued) {
				d.inherit(r, q, false)
				r.via = viaInherit
				return
			}
		}
		if i == 0 || regions[i-1].para < r.para-1 {
			ps := d.sentenceStart(pp, pp.End, regions)
			if a, _ := d.before(ps, pp.End, ps, regions, false); a.ok {
				d.setAttribution(r, a, false)
				r.via = viaInherit
				return
			}
		}
	}
	// 6. A later quote of the sentence: see attributeBackwards.
	// 7. The sentence's subject: see attributeSubjects.
}

// transcriptLabel finds the speaker label that opens a transcript's line
// in the quoted words s: one to three words in capitals, the first of at
// least two letters ("WALLACE", "MR. TRUMP", "SEN. SANDERS"), then a colon
// and a space. It returns the label's span and where the words after it
// start.
func (d *quoteDoc) transcriptLabel(s corpus.Span) (label corpus.Span, words int, ok bool) {
	text := d.text[s.Start:s.End]
	colon := strings.Index(text, ": ")
	if colon < 2 || colon > 40 {
		return label, 0, false
	}
	parts := strings.Split(text[:colon], " ")
	if len(parts) > 3 || notSpeakerLabels[text[:colon]] {
		return label, 0, false
	}
	for i, w := range parts {
		letters := 0
		for _, r := range w {
			switch {
			case r >= 'A' && r <= 'Z':
				letters++
			case r == '.' || r == '\'' || r == '’' || r == '-':
			default:
				return label, 0, false
			}
		}
		if letters == 0 || i == 0 && letters < 2 {
			return label, 0, false
		}
	}
	words = s.Start + colon + 1
	for words < s.End && d.text[words] == ' ' {
		words++
	}
	if words == s.End {
		return label, 0, false
	}
	return corpus.Span{Start: s.Start, End: s.Start + colon}, words, true
}

// namedBeforeColon finds a name written right before a colon that sets off
// the quote opening at open: one to five capitalised words, with "and" or
// initials among them ("Mark Blumenthal and Jon Cohen:", "Pew Research:"),
// at the sentence's start or after a dash, "from" or "by" ("More from
// Jones:"; not "…in South Korea:"). Words in capitals only are a headline,
// not a name.
func (d *quoteDoc) namedBeforeColon(from, open int) (corpus.Span, bool) {
	ts := attrTokens(d.text, from, open)
	n := len(ts)
	if n < 2 || ts[n-1].word || d.tokText(ts[n-1]) != ":" || strings.TrimSpace(d.text[ts[n-1].end:open]) != "" {
		return corpus.Span{}, false
	}
	k := n - 2
	for k >= 0 && ts[k].word && (d.isCapWord(ts[k]) || d.lower(ts[k]) == "and" && k < n-2) {
		k--
	}
	run := ts[k+1 : n-1]
	if len(run) == 0 || len(run) > 5 || !d.isCapWord(run[0]) {
		return corpus.Span{}, false
	}
	switch {
	case k < 0: // the run opens the sentence
	case !ts[k].word && strings.ContainsAny(d.tokText(ts[k]), "-–—"):
	case ts[k].word && (d.lower(ts[k]) == "from" || d.lower(ts[k]) == "by"):
	default:
		// "…in South Korea: "…"", "(Reuters):", "said, Trump:"
		return corpus.Span{}, false
	}
	text := d.text[run[0].start:run[len(run)-1].end]
	if strings.ToUpper(text) == text || notSpeakerLabels[strings.ToUpper(text)] {
		return corpus.Span{}, false
	}
	return corpus.Span{Start: run[0].start, End: run[len(run)-1].end}, true
}

// notSpeakerLabels open a transcript's line without naming who speaks.
var notSpeakerLabels = wordSet("VIDEO AUDIO NOTE UPDATE UPDATED BREAKING CORRECTION CAPTION PHOTO CLIP TEXT")

// labelName is the name a transcript's label stands for: "WALLACE" is
// the Chris Wallace the article names before, else "Wallace"; "MR. TRUMP"
// is "Mr. Trump" unless a full name is found.
func (d *quoteDoc) labelName(label corpus.Span) string {
	words := strings.Fields(d.text[label.Start:label.End])
	for i, w := range words {
		words[i] = w[:1] + strings.ToLower(w[1:])
	}
	name := strings.Join(words, " ")
	if surname := stripHonorifics(name); !strings.Contains(surname, " ") {
		if full := d.fullName(surname, label.Start, d.sexOf(label)); full != "" {
			return full
		}
	}
	return name
}

// attributeSubjects gives each quote still without a source the subject of
// its sentence, when the sentence has one before the quote: a partial
// quote in reported speech ("Trump accused the audience of consisting of
// "donors""). The cue stays empty and the quote does not count as
// attributed for telling quotes from scare quotes.
func (d *quoteDoc) attributeSubjects(regions []quoteRegion) {
	for i := range regions {
		r := &regions[i]
		if r.speaker.End > r.speaker.Start {
			continue
		}
		p := d.paras[r.para]
		sentStart := d.sentenceStart(p, r.open, regions)
		if sentStart >= r.open {
			continue
		}
		np := d.subjectOf(sentStart, r.open, regions)
		if np.End > np.Start && !d.commonOpener(np) {
			np = d.nounPhrase(sentStart, r.open, np)
		} else {
			np = corpus.Span{}
		}
		if np.End > np.Start {
			r.speaker = np
			r.speakerName = d.resolve(np)
			r.via = viaSubject
			continue
		}
		if i > 0 && regions[i-1].para == r.para && regions[i-1].attributed {
			d.inherit(r, &regions[i-1], false)
			r.via = viaInherit
		}
	}
}

// commonOpener reports whether a sentence's subject found without a cue
// is one capitalised word that names no one and no group: an adverb,
// conjunction or auxiliary that opens the sentence ("Perhaps", "Or",
// "Will there be …"), when no entity is there. Nouns stay ("Critics fear
// it could allow "killing by omission"").
func (d *quoteDoc) commonOpener(np corpus.Span) bool {
	w := d.text[np.Start:np.End]
	if strings.ContainsAny(w, " \u00a0") || !isCapitalized(w) {
		return false
	}
	if _, ok := d.entityAt(np); ok {
		return false
	}
	lw := strings.ToLower(w)
	return sentenceAdverbs[lw] || introWords[lw] || leadConjunctions[lw] || openerWords[lw]
}

// openerWords open sentences without being their subject.
var openerWords = wordSet("perhaps first just only next well yes no or such part partial transcript " +
	"should will would can could is are was were did does do said")

// attributeBackwards gives a quote without a source the source of the next
// quote in its sentence: Any "significant" offensive would be "a threat,"
// according to the draft.
func (d *quoteDoc) attributeBackwards(regions []quoteRegion) {
	for i := len(regions) - 2; i >= 0; i-- {
		r, next := &regions[i], &regions[i+1]
		if r.attributed || !next.attributed {
			continue
		}
		if r.runsOn && next.continued {
			d.inherit(r, next, false) // a quote running over paragraphs
			r.via = viaInherit
			continue
		}
		if !next.cueNear || next.para != r.para {
			continue
		}
		p := d.paras[r.para]
		if d.sentenceStart(p, next.open, regions) <= r.open {
			d.inherit(r, next, true)
			r.via = viaNext
		}
	}
}

// strongSubject reports whether a match's speaker is a pronoun or a name,
// enough to prefer it to a loose attribution after the quote.
func (d *quoteDoc) strongSubject(m cueMatch) bool {
	ts := attrTokens(d.text, m.speaker.Start, m.speaker.End)
	return len(ts) > 0 && (speakerPronouns[d.lower(ts[0])] || d.isCapWord(ts[0]))
}

// namedSubject reports whether a match's speaker is a pronoun or a named
// entity: "Ian Harris", not "The restoration of the older Star Wars
// episodes".
func (d *quoteDoc) namedSubject(m cueMatch) bool {
	ts := attrTokens(d.text, m.speaker.Start, m.speaker.End)
	if len(ts) == 0 || m.described {
		return false
	}
	_, named := d.entityAt(m.speaker)
	return named || speakerPronouns[d.lower(ts[0])] && len(ts) == 1
}

// setAttribution records a on r and resolves the speaker's name.
func (d *quoteDoc) setAttribution(r *quoteRegion, a cueMatch, near bool) {
	r.attributed = true
	r.cueNear = near
	r.cue = a.cue
	r.speaker = a.speaker
	switch {
	case a.described:
		r.speakerName = d.description(a.speaker)
	case a.speaker.End > a.speaker.Start:
		r.speakerName = d.resolve(a.speaker)
	}
}

func (d *quoteDoc) inherit(r, from *quoteRegion, near bool) {
	r.attributed = from.attributed
	r.cueNear = near
	r.cue = from.cue
	r.speaker = from.speaker
	r.speakerName = from.speakerName
}

func (d *quoteDoc) onlyPunctBetween(s, e int) bool {
	for _, r := range d.text[s:max(s, e)] {
		if isAlnum(r) {
			return false
		}
	}
	return true
}

// after reads the attribution that follows quote r's closing mark, up to
// end: "…," he said; "…," said one EU diplomat; "…," according to Axios;
// "…" before leaving, he said. A quote that ends its sentence inside the
// marks ("… done.” Trump said.) takes only a short attribution right after
// it, so that the next sentence's reported speech is not credited to it.
func (d *quoteDoc) after(r *quoteRegion, end int) cueMatch {
	ts := attrTokens(d.text, r.outer.End, min(end, r.outer.End+maxClause))
	k := 0
	comma, dash := false, false
	for k < len(ts) && !ts[k].word {
		s := d.tokText(ts[k])
		r, _ := utf8.DecodeRuneInString(s)
		if !strings.ContainsAny(s, ",—–-―") && !isQuoteGlyph(r) {
			break
		}
		comma = comma || s == ","
		dash = dash || s != "," && !isQuoteGlyph(r)
		k++
	}
	ts = ts[k:]
	if len(ts) == 0 || !ts[0].word {
		return cueMatch{}
	}
	if dash {
		// A byline after the quote: "…” ― Adriana Rodarte
		if m := d.byline(ts); m.ok {
			return m
		}
	}
	last := d.lastInside(r)
	// A capitalised pronoun after a question or exclamation starts a
	// sentence: "…?" He answered, "…".
	newSentence := (last == '?' || last == '!') && !comma && d.isCapWord(ts[0]) &&
		(personalPronouns[d.lower(ts[0])] || prepositions[d.lower(ts[0])]) // "…?" On immigration, X said: "…"
	fragment := comma || strings.ContainsRune(",?!—–-…", last) && !newSentence
	tight := !fragment && (last == '.' || newSentence)
	if m := d.attributionAt(ts, fragment, tight); m.ok {
		m.tight = tight
		m.intro = tight && d.opensQuote(m.end, end)
		return m
	}
	if tight {
		return cueMatch{}
	}
	// The end of the sentence: "…" before discussing specifics, he said.
	stop := len(ts)
	for i, t := range ts {
		if !t.word && d.isTerminal(t) {
			stop = i
			break
		}
	}
	for c := stop - 1; c > 0; c-- {
		if ts[c].word || d.tokText(ts[c]) != "," {
			continue
		}
		if m := d.attributionAt(ts[c+1:stop], true, true); m.ok {
			return m
		}
	}
	return cueMatch{}
}

// opensQuote reports whether the text from pos to end goes on with a comma
// or colon and an opening quotation mark: the attribution before pos
// introduces the quote that follows.
func (d *quoteDoc) opensQuote(pos, end int) bool {
	rest := strings.TrimLeft(d.text[pos:max(pos, end)], " \t")
	if !strings.HasPrefix(rest, ",") && !strings.HasPrefix(rest, ":") {
		return false
	}
	rest = strings.TrimLeft(rest[1:], " \t\n")
	r, _ := utf8.DecodeRuneInString(rest)
	return isQuoteGlyph(r) || rest == ""
}

// backVerbs are cues with "back" after them: "shot back", "fired back".
var backVerbs = wordSet("shot fired wrote snapped pushed")

// backCue reports whether ts[j] and the word after it are a cue with
// "back": "shot back".
func (d *quoteDoc) backCue(ts []atok, j int) bool {
	return j+1 < len(ts) && backVerbs[d.lower(ts[j])] && d.lower(ts[j+1]) == "back"
}

// tellingVerbs take the listener as their object: "…, told BBC News:".
var tellingVerbs = wordSet("told tells tell telling asked asks warned warns urged urges reminded reminds assured assures")

// beForms make a participle after them passive.
var beForms = wordSet("is are was were be been being")

// personalPronouns stand for a person or group named elsewhere.
var personalPronouns = wordSet("he she they")

// lastInside returns the last character inside region r's marks, the
// punctuation that belongs to the quote included: ',' in "…mad,"".
func (d *quoteDoc) lastInside(r *quoteRegion) rune {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(d.text[r.open:r.close], unicode.IsSpace))
	return last
}

// bylineBelow reads a speaker on the line after a quote that ends its
// paragraph, the way lists of quotes credit them:
//
//	"Boeing and GE and other multinationals … pay zero taxes."
//	- Sanders
func (d *quoteDoc) bylineBelow(r *quoteRegion) cueMatch {
	if r.para+1 >= len(d.paras) || !d.onlyPunctBetween(r.outer.End, d.paras[r.para].End) {
		return cueMatch{}
	}
	np := d.paras[r.para+1]
	ts := attrTokens(d.text, np.Start, np.End)
	if len(ts) < 2 || ts[0].word || !strings.Contains("-—–―~", d.tokText(ts[0])) {
		return cueMatch{}
	}
	return d.byline(ts[1:])
}

// byline reads a credit that ts holds whole, after a dash: a name, alone
// or with a full stop, or followed by a comma and a short description
// ("Adriana Rodarte", "Michelle Marks, Philadelphia.", "President Obama,
// tweeting after Clinton's speech.").
func (d *quoteDoc) byline(ts []atok) cueMatch {
	j := 0
	for j < len(ts) && j < 6 && (d.isCapWord(ts[j]) || j > 0 && ts[j].word && d.lower(ts[j]) == "of") {
		j++
	}
	switch rest := ts[j:]; {
	case j == 0 || len(ts) > 20:
		return cueMatch{}
	case len(rest) == 0, len(rest) == 1 && d.tokText(rest[0]) == ".", !rest[0].word && d.tokText(rest[0]) == ",":
	default:
		return cueMatch{} // the name goes on into a sentence
	}
	m := d.headMention(ts[:j])
	if m.End <= m.Start {
		return cueMatch{}
	}
	return cueMatch{speaker: m, ok: true, end: ts[j-1].end}
}

// attributionAt reads an attribution at the start of ts: "according to X",
// "as X put it", "said X" or "X said". A fragment (the quote ended with a
// comma, question or exclamation mark) admits more verbs; tight allows only
// a short subject and a cue that ends the clause.
func (d *quoteDoc) attributionAt(ts []atok, fragment, tight bool) cueMatch {
	if len(ts) == 0 || !ts[0].word {
		return cueMatch{}
	}
	lw0 := d.lower(ts[0])
	if len(ts) >= 3 && lw0 == "according" && d.lower(ts[1]) == "to" {
		if np := d.npAfter(ts[2:]); np.End > np.Start {
			return cueMatch{speaker: np, cue: "according to", ok: true, end: max(ts[1].end, np.End)}
		}
	}
	if lw0 == "as" && len(ts) > 3 && isCue(d.tokText(ts[1]), true) && passivePreps[d.lower(ts[2])] {
		// as declared in the draft
		if np := d.npAfter(ts[3:]); np.End > np.Start {
			return cueMatch{speaker: np, cue: d.text[ts[1].start:ts[2].end], ok: true, end: np.End}
		}
	}
	if lw0 == "as" && len(ts) > 2 {
		for j := 1; j < len(ts) && j < 8; j++ {
			if !ts[j].word {
				break
			}
			if isCue(d.tokText(ts[j]), true) || d.lower(ts[j]) == "put" {
				if np := d.head(d.npBefore(ts[1:j])); np.End > np.Start {
					return cueMatch{speaker: np, cue: d.cueText(ts, j), ok: true, end: max(ts[j].end, np.End)}
				}
			}
		}
		return cueMatch{}
	}
	// said X; but "…" suggests that X … opens reported speech, no speaker.
	if isCue(d.tokText(ts[0]), fragment) && !ingCue(lw0) {
		if len(ts) > 1 && ts[1].word && d.lower(ts[1]) == "that" {
			return cueMatch{}
		}
		if np := d.npAfter(ts[1:]); np.End > np.Start && (d.canStartSubject(ts[1]) || d.hasCapital(np)) {
			return cueMatch{speaker: np, cue: d.cueText(ts, 0), ok: true, end: max(ts[0].end, np.End)}
		}
		return cueMatch{}
	}
	// X said; but not "…" that Sanders can catch Clinton, said Steve
	// Elmendorf: a that-clause goes on the quote, it is no subject.
	if lw0 == "that" && d.tokText(ts[0]) == "that" && len(ts) > 1 && (d.isCapWord(ts[1]) || speakerPronouns[d.lower(ts[1])]) {
		return cueMatch{}
	}
	// "…," pushing North Korea to threaten Guam: a participle whose cue is
	// an infinitive opens no attribution ("acting director John Smith
	// said" does).
	participial := d.participle(ts[0])
	maxJ := 14
	if tight {
		maxJ = 6
	}
	appositive := false // a comma after the subject: "X, a spokesman for Y, said"
	for j := 1; j < len(ts) && (j < maxJ || appositive && j < 40); j++ {
		t := ts[j]
		if !t.word {
			if d.isTerminal(t) || tight && d.tokText(t) == "," {
				break
			}
			if d.tokText(t) == "," && j <= 6 && d.canStartSubject(ts[0]) {
				appositive = true
			}
			continue
		}
		w := d.tokText(t)
		if determiners[d.lower(ts[j-1])] {
			continue // "an agreed ceasefire line"
		}
		loose := fragment && !tight && j <= 4 && !d.isCapWord(t) && looksVerb(d.lower(t)) && !isCue(w, true)
		if !isCue(w, true) && !loose {
			continue
		}
		if participial && d.lower(ts[j-1]) == "to" {
			return cueMatch{}
		}
		if j >= maxJ && (ts[j-1].word || d.tokText(ts[j-1]) != ",") {
			continue // past the usual reach, only ", said" ends an appositive
		}
		subj := stripAux(d, ts[:j])
		if rel, set := d.relativeCue(subj); rel {
			if set {
				continue // "X, who served as …, told": the main verb comes later
			}
			return cueMatch{}
		}
		for i, s := range subj {
			if !s.word && (d.tokText(s) == "," || d.tokText(s) == "(") {
				if name := d.namedAppositive(subj[:i], subj[i+1:]); len(name) > 0 {
					subj = name // the campaign's manager, Brad Parscale, said
				} else {
					subj = subj[:i]
				}
				break
			}
		}
		if len(subj) == 0 || !d.canStartSubject(subj[0]) && !(fragment && d.titledName(subj)) {
			return cueMatch{}
		}
		for len(subj) > 1 && leadConjunctions[d.lower(subj[0])] {
			subj = subj[1:] // "…" But he said: the sentence's capital
		}
		chunk := subj[:1]
		for _, s := range subj[1:] {
			if !s.word || npStop[d.lower(s)] && !d.isCapWord(s) {
				break
			}
			chunk = append(chunk, s)
		}
		if loose && len(chunk) != len(subj) {
			return cueMatch{}
		}
		if tight && (len(chunk) != len(subj) || !d.closesClause(ts[j+1:])) {
			return cueMatch{}
		}
		var np corpus.Span
		if speakerPronouns[d.lower(chunk[0])] {
			np = corpus.Span{Start: chunk[0].start, End: chunk[0].end}
		} else {
			np = d.headMention(chunk)
		}
		if np.End <= np.Start {
			return cueMatch{}
		}
		return cueMatch{speaker: np, cue: d.cueText(ts, j), ok: true, end: max(ts[j].end, np.End), loose: loose}
	}
	return cueMatch{}
}

// relativeCue reports whether a cue after a quote, with the words
// before it (ts), is the verb of a relative clause on some other noun,
// not the quote's attribution: "…," an argument that seemed to resonate
// with Mr. Trump, [who] said …; "…," a phrase [that some] have
// speculated …. A relative clause closed by a comma before the cue
// ("Clinton, who called Sanders, told") or without a subject of its own
// ("people who know him said") does not count. set reports a relative
// clause set off by a comma ("X, who served as …"), after which the main
// clause's verb may still come.
func (d *quoteDoc) relativeCue(ts []atok) (rel, set bool) {
	k := d.relativeIn(ts, len(ts))
	if k < 0 {
		return false, false
	}
	set = d.tokText(ts[k-1]) == ","
	if k == len(ts)-1 {
		return true, set // "…, who said"
	}
	n := d.lower(ts[k+1])
	return determiners[n] || speakerPronouns[n] || quantifiers[n], set
}

// relativeIn returns the index of the relative word ("who", "which",
// "that", in lower case: "the WHO said" is no relative) that opens the
// clause ts[j] stands in, looking back to the nearest comma, semicolon or
// colon; -1 when there is none.
func (d *quoteDoc) relativeIn(ts []atok, j int) int {
	for k := j - 1; k > 0; k-- {
		if !ts[k].word {
			if s := d.tokText(ts[k]); s == "," || s == ";" || s == ":" {
				return -1
			}
			continue
		}
		switch d.tokText(ts[k]) {
		case "who", "which", "that":
			return k
		}
	}
	return -1
}

var quantifiers = wordSet("some many most few several others all")

// hasCapital reports whether the span holds a capitalised word ("pollster
// Frank Luntz").
func (d *quoteDoc) hasCapital(s corpus.Span) bool {
	for _, t := range attrTokens(d.text, s.Start, s.End) {
		if d.isCapWord(t) {
			return true
		}
	}
	return false
}

// canStartSubject reports whether t can begin the subject of a cue: a
// pronoun, a capitalised word, a determiner, a possessive or a number
// ("81-year-old Parker Eaton").
func (d *quoteDoc) canStartSubject(t atok) bool {
	if !t.word {
		return false
	}
	lw := d.lower(t)
	return speakerPronouns[lw] || d.isCapWord(t) || determiners[lw] || possessives[lw] ||
		startsWithDigit(lw)
}

// titledName reports whether ts starts with a name after a short title in
// lower case ("political scientist Christopher Wlezien", "pollster Frank
// Luntz"), the way a speaker follows a quote.
func (d *quoteDoc) titledName(ts []atok) bool {
	for k, t := range ts {
		if k > 3 || !t.word {
			return false
		}
		if d.isCapWord(t) {
			return k > 0
		}
		if lw := d.lower(t); npStop[lw] || looksVerb(lw) || speakerPronouns[lw] {
			return false
		}
	}
	return false
}

// closesClause reports whether the words after a cue end the attribution
// rather than start reported speech: nothing, punctuation, a preposition,
// a time word or a name ("told NBC"), not "that" or a new subject.
func (d *quoteDoc) closesClause(ts []atok) bool {
	if len(ts) == 0 || !ts[0].word {
		return true
	}
	lw := d.lower(ts[0])
	if d.isCapWord(ts[0]) && !speakerPronouns[lw] {
		return true
	}
	return clauseClosers[lw]
}

var clauseClosers = wordSet("in on at during to of after before about while when as from with " +
	"by for into through reporters later then last this earlier recently afterward afterwards " +
	"today yesterday tonight monday tuesday wednesday thursday friday saturday sunday " +
	"simply flatly again quietly bluntly angrily calmly softly firmly recently once also " +
	"afterwards")

func commaIndex(d *quoteDoc, ts []atok) int {
	for i, t := range ts {
		if !t.word && d.tokText(t) == "," {
			return i
		}
	}
	return -1
}

func (d *quoteDoc) isTerminal(t atok) bool {
	s := d.tokText(t)
	return s == "." || s == "!" || s == "?" || s == ";" || s == "…" || isDoubleMarkTok(s)
}

func isDoubleMarkTok(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	ok, _ := doubleGlyph(r)
	return ok
}

// before reads the attribution in text[start:end] before an opening mark:
// "Trump said", "Cruz told reporters that", "according to Axios,", "his
// warning that". The words are cut into clauses at semicolons and at
// commas before a conjunction ("…, although he tweeted that"); the clause
// nearest the quote that holds a cue wins, and in it the first (outermost)
// cue, as in "Graham assures his audience he will tell the "bigots"". A
// cue in an introductory clause ("After Trump spoke, aides called it
// "…"") and a possessive pronoun before a noun of speech ("his promise
// of "…"") count only when nothing else does. sentStart is where the
// sentence begins, for cues whose subject is far from them ("…, saying",
// "…, but said").
//
// strict is set when an attributed quote precedes in the same sentence:
// then cues that are also nouns ("over her emails") count only as a
// fallback. weak reports that the match is such a fallback.
func (d *quoteDoc) before(start, end, sentStart int, regions []quoteRegion, strict bool) (m cueMatch, weak bool) {
	ts := attrTokens(d.text, max(start, end-1500), end)
	if start < end-1500 {
		for len(ts) > 0 && ts[0].start < end-1500 {
			ts = ts[1:]
		}
	}
	// Stop at a quotation mark: the words before it belong to another quote.
	for j := len(ts) - 1; j >= 0; j-- {
		if !ts[j].word && isDoubleMarkTok(d.tokText(ts[j])) {
			ts = ts[j+1:]
			break
		}
	}
	if m, ok := d.namedAs(ts); ok {
		return m, false
	}
	if m, ok := d.relativeIntro(ts); ok {
		return m, false
	}
	introEnd := -1
	if start == sentStart && len(ts) > 0 && ts[0].word && d.isIntro(ts[0]) {
		if c := commaIndex(d, ts); c > 0 {
			introEnd = c
		}
	}
	clauses := []int{0}
	for j := 1; j+1 < len(ts); j++ {
		s := d.tokText(ts[j])
		if !ts[j].word && (s == ";" || s == "," && ts[j+1].word && clauseConjunctions[d.lower(ts[j+1])]) {
			clauses = append(clauses, j+1)
		}
	}
	var fallback cueMatch
	fallbackIntro := false
	for c := len(clauses) - 1; c >= 0; c-- {
		lo, hi := clauses[c], len(ts)
		if c+1 < len(clauses) {
			hi = clauses[c+1]
		}
		for j := lo; j < hi; j++ {
			if !ts[j].word {
				continue
			}
			m, weak := d.cueAt(ts, j, sentStart, regions)
			if !m.ok {
				continue
			}
			if strict && !cueVerbs[d.lower(ts[j])] && d.lower(ts[j]) != "according" {
				weak = true
			}
			if !weak && d.inRelative(ts, j) {
				// "Pompeo's trip, which was first reported by The
				// Washington Post, came to light after Trump told
				// reporters …": the main clause's cue comes first.
				weak = true
			}
			m.cueSpan = corpus.Span{Start: ts[j].start, End: ts[j].end}
			if weak || j < introEnd {
				// Of the cues in an introductory phrase, the last is
				// nearest the main clause ("When Clinton noted that … ―
				// … ― Trump boasted, "…"").
				if !fallback.ok || fallbackIntro && j < introEnd {
					fallback, fallbackIntro = m, j < introEnd && !weak
				}
				continue
			}
			if inner, ok := d.reportedCue(ts, j, hi, sentStart, regions); ok {
				return inner, false
			}
			if m.cue == "according to" {
				// "according to copies of the memos, Mr. Trump told Mr.
				// Comey: "…"": the source set off before the main clause
				// is not its speaker.
				if main, ok := d.mainAfterSource(ts, j, hi, sentStart, regions); ok {
					return main, false
				}
			}
			return m, false
		}
	}
	return fallback, fallback.ok
}

// relativeIntro finds the speaker of a quote that a relative clause on
// its source introduces: "the announcement from Kim, which read, "…"",
// "Ms Smith, who said: "…"". The speaker is the noun phrase before the
// relative pronoun; the main clause's cue ("Yonhap reports that …") is
// not the quote's.
func (d *quoteDoc) relativeIntro(ts []atok) (cueMatch, bool) {
	n := len(ts)
	if n > 0 && !ts[n-1].word && (d.tokText(ts[n-1]) == "," || d.tokText(ts[n-1]) == ":") {
		n--
	}
	if n < 4 || !ts[n-1].word || !isCue(d.tokText(ts[n-1]), true) || !ts[n-2].word ||
		(d.lower(ts[n-2]) != "which" && d.lower(ts[n-2]) != "who") || d.tokText(ts[n-3]) != "," {
		return cueMatch{}, false
	}
	np := d.head(d.npBefore(ts[:n-3]))
	if np.End <= np.Start {
		return cueMatch{}, false
	}
	return cueMatch{speaker: np, cue: d.tokText(ts[n-1]), ok: true, cueSpan: corpus.Span{Start: ts[n-1].start, End: ts[n-1].end}}, true
}

// mainAfterSource returns the cue of the main clause after "according to
// X," at ts[j], in the clause ending at hi: one that is no fallback and
// whose subject opens right after the comma.
func (d *quoteDoc) mainAfterSource(ts []atok, j, hi, sentStart int, regions []quoteRegion) (cueMatch, bool) {
	c := j + 2
	for c < hi && (ts[c].word || d.tokText(ts[c]) != ",") {
		c++
	}
	if c+1 >= hi {
		return cueMatch{}, false
	}
	for k := c + 2; k < hi; k++ {
		if !ts[k].word {
			continue
		}
		m, weak := d.cueAt(ts, k, sentStart, regions)
		if m.ok && !weak && m.cue != "according to" && m.speaker.Start == ts[c+1].start {
			m.cueSpan = corpus.Span{Start: ts[k].start, End: ts[k].end}
			return m, true
		}
	}
	return cueMatch{}, false
}

// namedAs finds the speaker of a quote that a relative clause right before
// it credits with the words: "what Trump called "a very special
// relationship"", "which he described as", "whom he described on Twitter
// as a", "what Bay Buchanan, national treasurer for Reagan's campaign,
// called". The speaker is the words
// between the relative pronoun and the verb, up to a comma; the main
// clause's cue ("they touted what Trump called") is not the quote's.
func (d *quoteDoc) namedAs(ts []atok) (cueMatch, bool) {
	v := len(ts) - 1
	if v >= 3 && (d.lower(ts[v]) == "a" || d.lower(ts[v]) == "an") && d.lower(ts[v-1]) == "as" {
		v-- // "whom he described as a "truly fine gentleman""
	}
	if v < 2 || !ts[v].word {
		return cueMatch{}, false
	}
	cue := v
	switch lw := d.lower(ts[v]); {
	case relativeNamingVerbs[lw]:
	case lw == "as" && describingVerbs[d.lower(ts[v-1])]:
		cue = v - 1
	case lw == "as" && v >= 3 && d.lower(ts[v-1]) == "to" && d.lower(ts[v-2]) == "referred":
		cue = v - 2
	case lw == "as":
		// "which he described on Twitter as": a short adjunct between.
		for k := v - 2; k >= max(1, v-4) && ts[k+1].word; k-- {
			if describingVerbs[d.lower(ts[k])] && passivePreps[d.lower(ts[k+1])] {
				cue = k
				break
			}
		}
		if cue == v {
			return cueMatch{}, false
		}
	default:
		return cueMatch{}, false
	}
	for j := cue - 1; j >= max(0, cue-12); j-- {
		if !ts[j].word {
			continue
		}
		lw := d.lower(ts[j])
		if lw != "what" && lw != "which" && lw != "that" && lw != "whom" {
			continue
		}
		np := ts[j+1 : cue]
		comma := func(t atok) bool { return d.tokText(t) == "," }
		if c := slices.IndexFunc(np, comma); c >= 0 {
			// "Bay Buchanan, national treasurer for …," is Bay Buchanan;
			// "Apple's chief executive, Tim Cook," is Tim Cook.
			appo := np[c+1:]
			if e := slices.IndexFunc(appo, comma); e >= 0 {
				appo = appo[:e]
			}
			if len(appo) > 0 && d.allCaps(appo) {
				np = appo
			} else {
				np = np[:c]
			}
		}
		if len(np) == 0 || len(np) > 6 || !d.canStartSubject(np[0]) {
			return cueMatch{}, false
		}
		for _, t := range np {
			if w := d.lower(t); !t.word || auxWords[w] || npStop[w] || looksVerb(w) && !d.isCapWord(t) {
				return cueMatch{}, false // "what is called", "which was dubbed"
			}
		}
		return cueMatch{speaker: corpus.Span{Start: np[0].start, End: np[len(np)-1].end},
			cue: d.text[ts[cue].start:ts[v].end], ok: true, cueSpan: corpus.Span{Start: ts[cue].start, End: ts[cue].end}}, true
	}
	return cueMatch{}, false
}

var (
	// relativeNamingVerbs name words a speaker used, in "what X called".
	relativeNamingVerbs = wordSet("called calls dubbed dubs termed terms labeled labelled labels branded brands")
	// describingVerbs do so with "as": "what X described as".
	describingVerbs = wordSet("described describes characterized characterised characterizes characterises")
)

// namedPerson reports whether m's speaker is a name, not a pronoun nor a
// possessive ("Rubio's claim that …").
func (d *quoteDoc) namedPerson(m cueMatch) bool {
	mention := strings.ToLower(d.text[m.speaker.Start:m.speaker.End])
	return d.namedSubject(m) && !speakerPronouns[mention] && !isPossessive(mention)
}

// reportsQuote reports whether rest, the words between a cue and a quote,
// make the quote part of the cue's reported speech: a "that" clause
// running into it, with no break between ("Kim told a Workers' Party
// meeting that there was "no need"").
func (d *quoteDoc) reportsQuote(rest []atok) bool {
	if len(rest) > 14 {
		return false
	}
	that := false
	for _, t := range rest {
		switch w := d.lower(t); {
		case t.word && w == "that":
			that = true
		case t.word && isCue(d.tokText(t), true):
			return false // another attribution inside: "… that Sanders said would make"
		case !t.word && strings.ContainsAny(w, ",;:.!?—–"):
			return false
		}
	}
	return that
}

// introducesQuote reports whether the words after a cue, up to the quote,
// are at most an audience and a comma or colon: "told a French magazine:",
// "told him directly,".
func (d *quoteDoc) introducesQuote(rest []atok) bool {
	n := len(rest)
	if n == 0 || rest[n-1].word || n > 6 {
		return false
	}
	p := d.tokText(rest[n-1])
	for _, t := range rest[:n-1] {
		if !t.word || d.lower(t) == "that" {
			return false
		}
	}
	return p == ":" || p == ","
}

// reportedCue finds the attribution inside the that-clause of the cue
// ts[j], before hi, when its cue introduces the quote: in 'News of the
// World reports that Anelka told a French magazine: "…"' the quote is
// Anelka's.
func (d *quoteDoc) reportedCue(ts []atok, j, hi, sentStart int, regions []quoteRegion) (cueMatch, bool) {
	that := -1
	for k := j + 1; k < min(j+6, hi) && ts[k].word; k++ {
		if d.lower(ts[k]) == "that" {
			that = k
			break
		}
	}
	if that < 0 {
		return d.reportedBare(ts, j, hi, sentStart, regions)
	}
	for k := that + 2; k < hi; k++ {
		if !ts[k].word {
			continue
		}
		m, weak := d.cueAt(ts, k, sentStart, regions)
		if !m.ok {
			continue
		}
		if weak || m.speaker.Start <= ts[that].start || d.inRelative(ts, k) || !cueVerbs[d.lower(ts[k])] ||
			!d.introducesQuote(ts[k+1:hi]) && !((d.reportsQuote(ts[k+1:hi]) || d.bareComplement(ts[k+1:hi])) && d.namedPerson(m)) {
			return cueMatch{}, false
		}
		m.cueSpan = corpus.Span{Start: ts[k].start, End: ts[k].end}
		return m, true
	}
	return cueMatch{}, false
}

// reportedBare is reportedCue for a cue whose reported clause has no
// "that": in 'Comey said the president told him, "…"' the quote is the
// president's. The inner subject follows the cue at once, a few words with
// no punctuation, and its cue introduces the quote.
func (d *quoteDoc) reportedBare(ts []atok, j, hi, sentStart int, regions []quoteRegion) (cueMatch, bool) {
	for k := j + 2; k < min(j+6, hi); k++ {
		if !ts[k-1].word || !ts[k].word {
			return cueMatch{}, false
		}
		if !cueVerbs[d.lower(ts[k])] {
			continue
		}
		m, weak := d.cueAt(ts, k, sentStart, regions)
		if !m.ok || weak || m.speaker.Start <= ts[j].start || !d.introducesQuote(ts[k+1:hi]) ||
			speakerPronouns[strings.ToLower(d.text[m.speaker.Start:m.speaker.End])] {
			// "Lynch said she recalled thinking, "…"": the pronoun is
			// the speaker named before.
			return cueMatch{}, false
		}
		// "said today officials told him": the time is the outer cue's.
		for n := j + 1; n < k-1 && m.speaker.Start <= ts[n].start && clauseClosers[d.lower(ts[n])]; n++ {
			m.speaker.Start = ts[n+1].start
		}
		m.cueSpan = corpus.Span{Start: ts[k].start, End: ts[k].end}
		return m, true
	}
	return cueMatch{}, false
}

// bareComplement reports whether rest, the words between a cue and a
// quote, are a short clause with no "that" and no break, opened by a
// subject pronoun: 'Trump said he had "serious reservations"'.
func (d *quoteDoc) bareComplement(rest []atok) bool {
	if len(rest) < 2 || len(rest) > 6 || !speakerPronouns[d.lower(rest[0])] {
		return false
	}
	for _, t := range rest {
		if !t.word || isCue(d.tokText(t), true) {
			return false
		}
	}
	return true
}

// inRelative reports whether ts[j] lies inside a relative clause set off
// by commas (", which …," or ", who …,") that closes before ts ends.
func (d *quoteDoc) inRelative(ts []atok, j int) bool {
	k := d.relativeIn(ts, j)
	if k < 0 || d.tokText(ts[k]) == "that" || d.tokText(ts[k-1]) != "," {
		return false
	}
	for k := j + 1; k < len(ts)-1; k++ {
		if !ts[k].word && d.tokText(ts[k]) == "," {
			return true
		}
	}
	return false
}

var passivePreps = wordSet("in on by")

// sentenceAdverbs open a sentence before its subject ("Meanwhile, …").
var sentenceAdverbs = wordSet("meanwhile however still instead now then later earlier yet also indeed " +
	"moreover furthermore nevertheless nonetheless separately afterward afterwards today yesterday again " +
	"ultimately overall besides otherwise thus hence")

// timeAdverbs end a time phrase that opens a sentence ("A month later,").
var timeAdverbs = wordSet("later earlier ago afterward afterwards before")

// adjunctPreps open a phrase that may stand between a subject and its cue.
var adjunctPreps = wordSet("at on in during after before since")

// prepositions open no subject (npBefore).
var prepositions = wordSet("to in on at by for from with about into over under during without " +
	"across against beyond within among between toward towards upon via per like near around " +
	"behind along despite amid throughout onto inside outside after before since")

var relativeWords = wordSet("what whom")

var clauseConjunctions = wordSet("although though but while whereas yet because since and so")

// isIntro reports whether a sentence's first word opens an introductory
// phrase: a preposition or subordinator ("In", "After", "When") or a
// participle ("Asked", "Speaking", "Preceded").
func (d *quoteDoc) isIntro(t atok) bool {
	lw := d.lower(t)
	if introWords[lw] {
		return true
	}
	if len(lw) <= 4 || !strings.HasSuffix(lw, "ed") && !strings.HasSuffix(lw, "ing") {
		return false
	}
	// "Asked about it, …", "Hosting President Emmanuel Macron …, Mr.
	// Trump said", not "United States" or "Reading Eagle".
	next := attrTokens(d.text, t.end, min(len(d.text), t.end+40))
	return len(next) > 0 && (!d.isCapWord(next[0]) || honorifics[strings.TrimSuffix(d.lower(next[0]), ".")])
}

// cueAt reads a cue at ts[j] and its source; weak marks a match that counts
// only when no other cue is found.
func (d *quoteDoc) cueAt(ts []atok, j, sentStart int, regions []quoteRegion) (m cueMatch, weak bool) {
	t := ts[j]
	lw := d.lower(t)
	// according to X, "…"
	if lw == "according" && j+2 < len(ts) && d.lower(ts[j+1]) == "to" {
		if np := d.npAfter(ts[j+2:]); np.End > np.Start {
			return cueMatch{speaker: np, cue: "according to", ok: true}, false
		}
		return cueMatch{}, false
	}
	// quoted/cited X as saying
	if lw == "quoted" || lw == "cited" {
		for k := j + 1; k+1 < len(ts) && k < j+10; k++ {
			if d.lower(ts[k]) == "as" && d.lower(ts[k+1]) == "saying" {
				if np := d.npAfter(ts[j+1 : k]); np.End > np.Start {
					return cueMatch{speaker: np, cue: lw + " … as saying", ok: true}, false
				}
			}
		}
	}
	// as X put it
	if lw == "put" && j+1 < len(ts) && d.lower(ts[j+1]) == "it" {
		// "as Tom Ridge, a former secretary, put it"
		if np := d.npBefore(d.skipAppositive(stripAux(d, ts[:j]))); np.End > np.Start {
			return cueMatch{speaker: d.head(np), cue: "put it", ok: true}, false
		}
	}
	// his warning that "…", Mr. Obama's rejection of "…"
	if speechNouns[lw] && j > 0 && ts[j-1].word {
		if j+1 < len(ts) {
			n := d.lower(ts[j+1])
			if n != "that" && n != "of" && n != "," && n != ":" && n != "—" && n != "about" {
				return cueMatch{}, false
			}
		}
		p := ts[j-1]
		pw := d.lower(p)
		switch {
		case possessives[pw]:
			return cueMatch{speaker: corpus.Span{Start: p.start, End: p.end}, cue: d.tokText(t), ok: true}, true
		case isPossessive(pw) && d.isCapWord(p):
			if np := d.npBefore(ts[:j]); np.End > np.Start {
				return cueMatch{speaker: d.head(np), cue: d.tokText(t), ok: true}, false
			}
		}
		return cueMatch{}, false
	}
	prevWord := j > 0 && ts[j-1].word
	if namingVerbs[lw] && prevWord && j == len(ts)-1 && !d.isCapWord(ts[j-1]) {
		if pw := d.lower(ts[j-1]); !speakerPronouns[pw] && !auxWords[pw] && !sentenceAdverbs[pw] && !timeAdverbs[pw] {
			// A name, not words: "a work in progress called "ipodder"",
			// "a documentary called 'No More Mr Nasty'".
			return cueMatch{}, false
		}
	}
	backCue := prevWord && d.backCue(ts, j) // "Mr. Smith shot back:"
	if !backCue && !isCue(d.tokText(t), prevWord) || prevWord && determiners[d.lower(ts[j-1])] && !d.pronounBefore(ts, j) {
		return cueMatch{}, false
	}
	if prevWord && isPossessive(d.lower(ts[j-1])) {
		return cueMatch{}, false // "Rubio’s proposed credit"
	}
	if prevWord && beForms[d.lower(ts[j-1])] && !ingCue(lw) {
		// A passive names the listener or the topic, not the speaker:
		// "Blumenthal was asked, "…?"", "the plan was described as".
		return cueMatch{}, false
	}
	first := true // no word before the cue: "…," said Trump. "…"
	for _, p := range ts[:j] {
		first = first && !p.word
	}
	if first && !ingCue(lw) {
		if j+1 < len(ts) && d.canStartSubject(ts[j+1]) {
			if np := d.npAfter(ts[j+1:]); np.End > np.Start {
				return cueMatch{speaker: np, cue: d.cueText(ts, j), ok: true}, false
			}
		}
	}
	if ingCue(lw) && prevWord {
		// "with Donald Trump tweeting that"
		if np := d.npBefore(ts[:j]); np.End > np.Start {
			if k := d.tokenAt(ts, np.Start); k > 0 && d.lower(ts[k-1]) == "with" {
				return cueMatch{speaker: d.head(np), cue: d.cueText(ts, j), ok: true}, false
			}
		}
	}
	if j > 1 && d.tokText(ts[j-1]) == "," && j+1 < len(ts) && d.isCapWord(ts[j+1]) && !tellingVerbs[lw] &&
		!d.closesAppositive(ts[:j-1]) {
		// "Because of how …, explained Rosenberg, "…"": the cue and its
		// subject set off just before the quote; but not "Peter
		// Mandelson, the commissioner, told BBC News:".
		if np := d.npAfter(ts[j+1:]); np.End > np.Start {
			k := j + 1
			for k < len(ts) && ts[k].start < np.End {
				k++
			}
			if k == len(ts)-1 && (d.tokText(ts[k]) == "," || d.tokText(ts[k]) == ":") {
				return cueMatch{speaker: np, cue: d.cueText(ts, j), ok: true}, false
			}
			if k < len(ts)-1 && d.tokText(ts[k]) == "," && (lw == "says" || lw == "said") && d.hasCapital(np) {
				// "The idea, says BT, is to shape a "…"": set off in the
				// middle of the sentence that goes on to the quote.
				return cueMatch{speaker: np, cue: d.cueText(ts, j), ok: true}, false
			}
		}
	}
	if ingCue(lw) || first || d.coordinated(ts[:j]) {
		// "…, saying", "but said": the sentence's subject.
		end := t.start
		if ingCue(lw) && j >= 2 && d.lower(ts[j-1]) == "by" && ts[j-2].word {
			// "The senator began by saying": the subject ends before the
			// verb "by" follows, or before that verb's object.
			end = ts[j-2].start
			if np := d.npBefore(stripAux(d, ts[:j-2])); np.End > np.Start && d.strongSubject(cueMatch{speaker: np}) {
				// "When he returned he began by saying"
				return cueMatch{speaker: d.head(np), cue: d.cueText(ts, j), ok: true}, false
			}
		}
		if np := d.subjectOf(sentStart, end, regions); np.End > np.Start {
			return cueMatch{speaker: np, cue: d.cueText(ts, j), ok: true}, false
		}
		return cueMatch{}, false
	}
	subj := d.relativeAntecedent(stripAux(d, ts[:j]))
	subj = d.skipAppositive(d.dropParenthetical(subj))
	np := d.npBefore(subj)
	if np.End <= np.Start {
		return cueMatch{}, false
	}
	k := d.tokenAt(ts, np.Start)
	if k > 1 && ts[k-1].word && adjunctPreps[d.lower(ts[k-1])] && !d.isCapWord(ts[k]) &&
		(d.isCapWord(ts[k-2]) || speakerPronouns[d.lower(ts[k-2])] || auxWords[d.lower(ts[k-2])]) &&
		!introWords[d.lower(ts[k-2])] && !timeAdverbs[d.lower(ts[k-2])] && d.head(np).Start == np.Start {
		// An adjunct between the subject and the cue: "Trump at the
		// time said", "Sanders during a rally thanked", "who has in
		// the past described".
		if p := d.npBefore(stripAux(d, ts[:k-1])); p.End > p.Start {
			np, k = p, d.tokenAt(ts, p.Start)
		}
	}
	if subj, ko, full, ok := d.modifiedSubject(ts, np, k); ok {
		_, named := d.entityAt(subj)
		// A name the model missed: "Pasquale D'Amuro of the FBI".
		named = named || strings.Contains(d.text[subj.Start:subj.End], " ") && d.isNameRun(subj.Start, subj.End)
		switch {
		case named || speakerPronouns[d.lower(ts[ko])] || d.head(subj).Start != subj.Start:
			np, k = subj, ko
		case !d.namesPerson(np):
			// A description and its modifier are the speaker: "residents
			// of the town", not "the town"; but not instead of a person
			// ("Speaker of the House Rep. Paul Ryan said").
			return cueMatch{speaker: full, described: true, cue: d.cueText(ts, j), ok: true}, false
		}
	}
	if k > 0 && ts[k-1].word && relativeWords[d.lower(ts[k-1])] {
		// "what he described as": the sentence's attribution, if any.
		return cueMatch{}, false
	}
	if !cueVerbs[lw] {
		for _, s := range ts[max(k, 0):j] {
			if s.word && !d.isCapWord(s) && looksVerb(d.lower(s)) {
				return cueMatch{}, false // "Clinton restricted comments"
			}
		}
	}
	if k > 0 && d.lower(ts[k]) == "who" && d.tokText(ts[k-1]) == "," {
		// "Clinton, who called Sanders, told her supporters"
		return cueMatch{speaker: d.head(np), cue: d.cueText(ts, j), ok: true}, true
	}
	if !cueVerbs[lw] && k >= 0 && !d.canStartSubject(ts[k]) {
		return cueMatch{}, false // "to answer questions"
	}
	return cueMatch{speaker: d.head(np), cue: d.cueText(ts, j), ok: true}, false
}

// namingVerbs name a thing when a noun comes before them and the quote
// right after ("a film called "13th"").
var namingVerbs = wordSet("called dubbed named titled entitled")

// postmodifiers open a phrase that can follow a subject's noun ("Officials
// in Kyiv", "Anne Thompson of the Hollywood Reporter", "Protesters marching
// through the streets").
var postmodifiers = wordSet("of for in at from with on near inside outside around across through")

// capitalNoun reports whether the first word of ts after its determiners
// is capitalised.
func (d *quoteDoc) capitalNoun(ts []atok) bool {
	for _, t := range ts {
		if t.word && !determiners[d.lower(t)] {
			return d.isCapWord(t)
		}
	}
	return false
}

// namesPerson reports whether the phrase at m ends in a person's name.
func (d *quoteDoc) namesPerson(m corpus.Span) bool {
	e, ok := d.entityAt(m)
	return ok && e.Label == corpus.Person
}

// nameLinks join the words of one name ("Department for Education",
// "War on Want").
var nameLinks = wordSet("of on for")

// spokesNouns speak for the organisation a phrase after them names: in "a
// spokesman for the Kremlin said" the Kremlin is the speaker.
var spokesNouns = wordSet("spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople representative representatives")

// pronounDeterminers can stand for a noun: "Many said", "the mother of
// three replied".
var pronounDeterminers = wordSet("one two three four five some several another many both these those")

// pronounBefore reports whether the determiner before the cue ts[j] stands
// for a noun, as its subject: the cue is a verb, not a noun too ("those
// states"), and ends the clause or opens a that-clause ("Some said, "…"",
// not "two reported cases").
func (d *quoteDoc) pronounBefore(ts []atok, j int) bool {
	if !pronounDeterminers[d.lower(ts[j-1])] || !cueVerbs[d.lower(ts[j])] {
		return false // "five of those states,"
	}
	return j+1 == len(ts) || !ts[j+1].word || d.lower(ts[j+1]) == "that"
}

// modifiedSubject finds the subject when np, the phrase just before a cue
// (ts[k] its first token), is the noun of a modifier after the subject's
// own noun: "Officials in [Kyiv] said", "Bob Geldof in [July] said",
// "Voters waiting in line for [hours] said". It follows up to three
// prepositional phrases, one participle ("marching") between a phrase and
// its noun, and accepts the subject only where a clause can start: at the
// start of ts, after punctuation or a leading conjunction. subj is the
// subject's noun phrase, ko its first token, full the subject through np.
func (d *quoteDoc) modifiedSubject(ts []atok, np corpus.Span, k int) (subj corpus.Span, ko int, full corpus.Span, ok bool) {
	if k < 0 || d.head(np).Start != np.Start {
		return subj, 0, full, false // "Earlier in the day Trump said": Trump
	}
	for hop := 0; hop < 3; hop++ {
		if k < 2 || !ts[k-1].word || !postmodifiers[d.lower(ts[k-1])] || !ts[k-2].word {
			return subj, 0, full, false
		}
		h := k - 2 // the word the phrase follows
		if lw := d.lower(ts[h]); !d.isCapWord(ts[h]) && strings.HasSuffix(lw, "ing") && len(lw) > 4 && h > 0 && ts[h-1].word {
			h-- // a participle: "Protesters marching through"
		}
		lw := d.lower(ts[h])
		if spokesNouns[lw] || auxWords[lw] || sentenceAdverbs[lw] || timeAdverbs[lw] || npStop[lw] ||
			introWords[lw] || ingCue(lw) || !d.isCapWord(ts[h]) && looksVerb(lw) {
			return subj, 0, full, false
		}
		outer := d.npBefore(ts[:h+1])
		if outer.End <= outer.Start {
			return subj, 0, full, false
		}
		ko = d.tokenAt(ts, outer.Start)
		if ko < 0 {
			return subj, 0, full, false
		}
		if ko < h && leadConjunctions[d.lower(ts[ko])] {
			ko++ // "But director of …": the capital kept "But" in the phrase
			outer.Start = ts[ko].start
		}
		if nameLinks[d.lower(ts[k-1])] && d.isCapWord(ts[h]) && d.capitalNoun(ts[k:]) && !d.namesPerson(outer) {
			// One name, unless a person's: "Top of the Pops", "the
			// Council on American-Islamic Relations Director Nihad
			// Awad"; but "Anne Thompson of the Hollywood Reporter".
			return subj, 0, full, false
		}
		if ko == 0 || !ts[ko-1].word || leadConjunctions[d.lower(ts[ko-1])] {
			return outer, ko, corpus.Span{Start: outer.Start, End: np.End}, true
		}
		if !postmodifiers[d.lower(ts[ko-1])] || d.head(outer).Start != outer.Start {
			return subj, 0, full, false
		}
		k = ko // another phrase: "Trump at [a rally] in Ohio"
	}
	return subj, 0, full, false
}

// tokenAt returns the index of the token of ts that starts at pos, or -1.
func (d *quoteDoc) tokenAt(ts []atok, pos int) int {
	i := sort.Search(len(ts), func(i int) bool { return ts[i].start >= pos })
	if i < len(ts) && ts[i].start == pos {
		return i
	}
	return -1
}

// skipAppositive drops an appositive set off by commas at the end of the
// words before a cue: "Trump, the nominee, said" and "Trump, who …, said"
// keep Trump; but "Apple's chief executive, Tim Cook, called" keeps the
// name.
func (d *quoteDoc) skipAppositive(subj []atok) []atok {
	if len(subj) == 0 || subj[len(subj)-1].word || d.tokText(subj[len(subj)-1]) != "," {
		return subj
	}
	c := lastComma(d, subj[:len(subj)-1])
	if c < 0 {
		return subj
	}
	if app := subj[c+1 : len(subj)-1]; len(app) == 1 && nameSuffixes[strings.TrimSuffix(d.tokText(app[0]), ".")] {
		// "Donald J. Trump for President, Inc.,": the suffix ends the
		// name before it, and the appositive holds both.
		return d.skipAppositive(append(slices.Clone(subj[:c]), subj[len(subj)-1]))
	}
	if app := subj[c+1 : len(subj)-1]; c > 0 && len(app) > 0 && len(app) <= 4 && d.allCaps(app) &&
		subj[c-1].word && !d.isCapWord(subj[c-1]) {
		return app
	}
	return d.dropParenthetical(subj[:c])
}

// nameSuffixes end a company's or a person's name after a comma ("Inc.",
// "Jr.").
var nameSuffixes = wordSet("Inc Ltd Corp Co LLC plc PLC Jr Sr")

// dropParenthetical removes a parenthesis that ends ts, with a comma set
// after it: "John Cornyn (R-Texas)", "Gov. John Kasich (R-OH),".
func (d *quoteDoc) dropParenthetical(ts []atok) []atok {
	n := len(ts)
	if n > 1 && d.tokText(ts[n-1]) == "," {
		n--
	}
	if n == 0 || ts[n-1].word || d.tokText(ts[n-1]) != ")" {
		return ts
	}
	for i := n - 2; i >= 0 && i > n-12; i-- {
		if !ts[i].word && d.tokText(ts[i]) == "(" {
			return ts[:i]
		}
	}
	return ts
}

func isPossessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "s'") ||
		strings.HasSuffix(w, "s’")
}

// speechNouns name what someone said; with a possessive before them they
// attribute what follows ("his warning that", "Comey's conclusion that").
var speechNouns = wordSet("remark remarks comment comments statement statements warning warnings " +
	"conclusion claim claims aside rejection assertion description promise pledge vow words " +
	"message tweet tweets post letter speech insistence suggestion argument view views " +
	"response reply answer declaration announcement admission explanation account testimony " +
	"accusation charge complaint criticism prediction contention suggestion advice plea " +
	"demand call question characterization quip joke boast line mantra slogan retort")

func lastComma(d *quoteDoc, ts []atok) int {
	for i := len(ts) - 1; i >= 0; i-- {
		if !ts[i].word && d.tokText(ts[i]) == "," {
			return i
		}
	}
	return -1
}

// coordinated reports whether the words before a cue end in a conjunction or
// comma, so the cue's subject is the clause's ("…, but said").
func (d *quoteDoc) coordinated(ts []atok) bool {
	for i := len(ts) - 1; i >= 0; i-- {
		t := ts[i]
		if t.word && auxWords[d.lower(t)] {
			continue
		}
		if !t.word {
			// Not the comma after a party and state: "Gov. John Kasich
			// (R-OH), said".
			aside := len(d.dropParenthetical(ts[:i+1])) < i
			return d.tokText(t) == "," && !d.closesAppositive(ts[:i]) && !aside
		}
		lw := d.lower(t)
		return lw == "and" || lw == "but" || lw == "then"
	}
	return true
}

// allCaps reports whether every token of ts is a capitalised word.
func (d *quoteDoc) allCaps(ts []atok) bool {
	for _, t := range ts {
		if !d.isCapWord(t) {
			return false
		}
	}
	return true
}

// closesAppositive reports whether ts, the words before a comma, end in a
// short appositive set off by an earlier comma after a noun phrase:
// "…which Apple's chief executive, Tim Cook," (the cue's subject is the
// phrase before it, not the sentence's).
func (d *quoteDoc) closesAppositive(ts []atok) bool {
	c := lastComma(d, ts)
	if c <= 0 || c+1 >= len(ts) || len(ts)-c-1 > 8 || !ts[c-1].word || d.coordinated(ts[:c]) {
		return false
	}
	for _, t := range ts[c+1:] {
		if !t.word || looksVerb(d.lower(t)) && !d.isCapWord(t) {
			return false
		}
	}
	return d.hasCapital(corpus.Span{Start: ts[c+1].start, End: ts[len(ts)-1].end})
}

// cueText renders the cue at ts[j]: the verb, with "on Telegram" when a
// platform follows it.
func (d *quoteDoc) cueText(ts []atok, j int) string {
	cue := d.tokText(ts[j])
	if j+2 < len(ts) && d.lower(ts[j+1]) == "on" && platforms[d.tokText(ts[j+2])] {
		return d.text[ts[j].start:ts[j+2].end]
	}
	if d.backCue(ts, j) {
		return d.text[ts[j].start:ts[j+1].end]
	}
	return cue
}

// bodyNameBefore reports whether ts ends in the start of a body's name: a
// capitalised head such as "Department" followed only by capitalised words
// and "for", "and" or "of" ("Department for Education and").
func (d *quoteDoc) bodyNameBefore(ts []atok) bool {
	for k := len(ts) - 1; k >= 0 && k >= len(ts)-6; k-- {
		t := ts[k]
		lw := d.lower(t)
		switch {
		case !t.word:
			return false
		case d.isCapWord(t) && bodyHeads[lw]:
			return true
		case d.isCapWord(t), lw == "for" || lw == "and" || lw == "of":
		default:
			return false
		}
	}
	return false
}

// bodyHeads open the names of bodies that go on with "for", "and" or "of".
var bodyHeads = wordSet("department ministry office committee institute council society association " +
	"federation bureau centre center commission agency board foundation union")

// npBefore returns the noun phrase that ends ts (the subject before a cue):
// reading leftwards over capitalised words, possessives, determiners and
// nouns until a function word or punctuation; the name at its end when it
// has one after common words ("Kremlin spokesperson Dmitry Peskov" →
// "Dmitry Peskov").
func (d *quoteDoc) npBefore(ts []atok) corpus.Span {
	if len(ts) == 0 || !ts[len(ts)-1].word {
		return corpus.Span{}
	}
	last := ts[len(ts)-1]
	if speakerPronouns[d.lower(last)] || pronounDeterminers[d.lower(last)] {
		// "he", "who"; "Many", "the mother of [three]"
		return corpus.Span{Start: last.start, End: last.end}
	}
	i := len(ts) - 1
	for i >= 0 && len(ts)-i <= 8 {
		t := ts[i]
		if !t.word {
			break
		}
		lw := d.lower(t)
		// "A Department for Education and Skills source said": "for" and
		// "and" between capitalised words are inside a body's name that
		// opens on its head ("Department", "Ministry"); not "Donald J.
		// Trump for President" nor "MP for Henley".
		inName := (lw == "for" || lw == "and" || lw == "of") && i > 0 && i < len(ts)-1 &&
			ts[i+1].word && d.isCapWord(ts[i+1]) && (d.bodyNameBefore(ts[:i]) || lw == "and" && d.namesAfterOf(ts[:i]))
		if npStop[lw] && !(d.isCapWord(t) && i < len(ts)-1) && !inName {
			break
		}
		if speakerPronouns[lw] {
			break
		}
		if determiners[lw] {
			i--
			break
		}
		i--
	}
	np := ts[i+1:]
	for len(np) > 1 && (leadConjunctions[d.lower(np[0])] || d.lower(np[0]) == "as") {
		np = np[1:] // "And Henry", "But Simon Hart": the sentence's capital kept them
	}
	if len(np) > 1 && prepositions[d.lower(np[0])] && !slices.ContainsFunc(np[1:], d.isCapWord) {
		// "After days of ominous reports": a sentence opening on a
		// preposition opens no subject, unless a name follows ("On
		// Tuesday Foreign Secretary Jack Straw told").
		return corpus.Span{}
	}
	if len(np) == 0 || !d.hasNoun(np) {
		return corpus.Span{}
	}
	return corpus.Span{Start: np[0].start, End: np[len(np)-1].end}
}

// namesAfterOf reports whether ts end in capitalised words after "of" and
// a common noun before it ("the star of Rain Man"): a name that "and"
// joins to them is in the same phrase on "of".
func (d *quoteDoc) namesAfterOf(ts []atok) bool {
	k := len(ts)
	for k > 0 && ts[k-1].word && d.isCapWord(ts[k-1]) {
		k--
	}
	return k < len(ts) && k >= 2 && d.lower(ts[k-1]) == "of" && ts[k-2].word && !d.isCapWord(ts[k-2])
}

// head narrows the phrase at span np; see headMention.
func (d *quoteDoc) head(np corpus.Span) corpus.Span {
	return d.headMention(attrTokens(d.text, np.Start, np.End))
}

// headMention narrows a noun phrase to the name at its end when common words
// precede it, and not in a phrase on a preposition ("Senior official John
// Smith", not "the friend of Dustin Hoffman"); otherwise it is the whole
// phrase ("one US official", "the Kremlin").
func (d *quoteDoc) headMention(np []atok) corpus.Span {
	if !d.hasNoun(np) {
		return corpus.Span{}
	}
	j := len(np)
	for j > 0 && (d.isCapWord(np[j-1]) || startsWithDigit(d.tokText(np[j-1]))) {
		j--
		// A name and its place: "Elijah E. Cummings of Maryland".
		if j > 1 && d.lower(np[j-1]) == "of" && d.isCapWord(np[j-2]) {
			j--
		}
	}
	if j < len(np) && j > 1 && d.lower(np[j-1]) == "and" && d.namesAfterOf(np[:j-1]) {
		// "The star of Rain Man and Tootsie": both names are in the
		// phrase on "of".
		return corpus.Span{Start: np[0].start, End: np[len(np)-1].end}
	}
	if j < len(np) && j > 1 && (d.lower(np[j-1]) == "of" || prepositions[d.lower(np[j-1])]) {
		// The name is in a phrase on the head: "the friend of Dustin
		// Hoffman", "a spokesman for Hillary Clinton", "the mayor of
		// London" are none of those.
		return corpus.Span{Start: np[0].start, End: np[len(np)-1].end}
	}
	if j < len(np) && j > 0 {
		common := false
		for _, t := range np[:j] {
			if !determiners[d.lower(t)] {
				common = true
			}
		}
		if common {
			np = np[j:]
		}
	}
	return corpus.Span{Start: np[0].start, End: np[len(np)-1].end}
}

func startsWithDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isASCIIDigit(r)
}

// hasNoun reports whether a candidate phrase can name a speaker: it holds a
// capitalised word or a word other than determiners.
func (d *quoteDoc) hasNoun(np []atok) bool {
	for _, t := range np {
		if t.word && !determiners[d.lower(t)] {
			return true
		}
	}
	// A determiner that ends the phrase stands for its noun: "Many",
	// "the mother of [three]".
	return len(np) > 0 && pronounDeterminers[d.lower(np[len(np)-1])]
}

// npAfter returns the noun phrase that starts ts (the source after "said"
// or "according to"), up to punctuation or a function word.
func (d *quoteDoc) npAfter(ts []atok) corpus.Span {
	if len(ts) == 0 || !ts[0].word {
		return corpus.Span{}
	}
	if speakerPronouns[d.lower(ts[0])] {
		return corpus.Span{Start: ts[0].start, End: ts[0].end}
	}
	j := 0
	for j < len(ts) && j < 8 {
		t := ts[j]
		if !t.word {
			break
		}
		lw := d.lower(t)
		if j > 0 && npStop[lw] && !d.isCapWord(t) {
			break
		}
		if j > 0 && (ingCue(lw) || isCue(lw, false)) && !d.isCapWord(t) &&
			!(ingCue(lw) && determiners[d.lower(ts[j-1])]) { // "another leading advocate"
			break
		}
		if j > 0 && !d.isCapWord(t) && npAfterStop[lw] {
			break // "said Nadal afterwards", "said Dave Hawkins who runs the company"
		}
		if j > 0 && lw == "of" && d.isCapWord(ts[j-1]) && !titleHeads[d.lower(ts[j-1])] && d.topicAfterOf(ts[j+1:]) {
			break // "said Estelle Morris of the findings", "… of Novo's punishment"
		}
		j++
	}
	np := ts[:j]
	if len(np) == 0 {
		return corpus.Span{}
	}
	// "said Opera spokeswoman, Berit Hanson": the name set off after a
	// description.
	if j+1 < len(ts) && d.tokText(ts[j]) == "," && !d.isCapWord(np[len(np)-1]) {
		k := j + 1
		for k < len(ts) && k < j+5 && ts[k].word && d.isCapWord(ts[k]) {
			k++
		}
		if k > j+1 && (k == len(ts) || !ts[k].word) && !whenWords[d.lower(ts[j+1])] {
			return corpus.Span{Start: ts[j+1].start, End: ts[k-1].end}
		}
	}
	return d.headMention(np)
}

// titleHeads head a title that goes on after "of" before the name
// ("Professor of politics John Curtice", "Chairman of the board Richard
// Lambert"): the "of" there starts no topic.
var titleHeads = wordSet("professor chairman chairwoman chair director head secretary minister " +
	"president governor mayor chief leader member editor dean principal commissioner")

// topicAfterOf reports whether the words ts after a name's "of" are a
// topic, not the body or office it belongs to: a possessive ("of Novo's
// punishment") or lower-case words ("of the findings"), not a capitalised
// name ("of Maryland", "of the Exchequer").
func (d *quoteDoc) topicAfterOf(ts []atok) bool {
	if len(ts) == 0 || !ts[0].word {
		return false
	}
	if isPossessive(d.lower(ts[0])) {
		return true
	}
	k := 0
	if determiners[d.lower(ts[0])] {
		k = 1
	}
	return k < len(ts) && ts[k].word && !d.isCapWord(ts[k])
}

// npAfterStop end a speaker named after its cue: "said Nadal afterwards",
// "said Castaignede ahead of the tie", "said Hawkins who runs the firm".
var npAfterStop = wordSet("afterwards afterward ahead later earlier yesterday today tonight then " +
	"who whom whose which when where while")

// subjectOf returns the subject of the sentence that starts at s, for cues
// that sit far from it ("…, saying", "… and said") and for partial quotes
// whose sentence reports someone's words without a cue the rules know
// ("Trump accused the audience of consisting of "donors""). It skips
// quotations and what opens the sentence before its subject (see
// subjectStart); then takes a pronoun, a run of capitalised words
// (with a possessive's noun: "Zelensky's office"), or a determiner and the
// words after it up to a function word or a verb-like word.
func (d *quoteDoc) subjectOf(s, end int, regions []quoteRegion) corpus.Span {
	ts := attrTokens(d.text, s, min(end, s+maxClause))
	// Drop quoted words.
	k := 0
	for _, t := range ts {
		if !regionsCover(regions, t.start) {
			ts[k] = t
			k++
		}
	}
	ts = ts[:k]
	if view := d.toWhom(ts); view.End > view.Start {
		return view
	}
	i := d.subjectStart(ts)
	if i < 0 {
		return corpus.Span{}
	}
	if i >= len(ts) || !ts[i].word {
		return corpus.Span{}
	}
	t := ts[i]
	lw := d.lower(t)
	switch {
	case speakerPronouns[lw] && lw != "it" && lw != "you" && lw != "who":
		return corpus.Span{Start: t.start, End: t.end}
	case d.isCapWord(t) && !nonNameCaps[lw]:
		j := i
		for j < len(ts) && (d.isCapWord(ts[j]) || j > i && (d.lower(ts[j]) == "of" || d.lower(ts[j]) == "de")) {
			j++
		}
		for j > i+1 && !d.isCapWord(ts[j-1]) {
			j--
		}
		// A title in lower case between capitalised words: "First lady
		// Melania Trump", "Former Republican presidential candidate Jeb
		// Bush".
		title := j
		for title < len(ts) && title < j+2 && ts[title].word && !d.isCapWord(ts[title]) &&
			!looksVerb(d.lower(ts[title])) && !irregularPast[d.lower(ts[title])] &&
			!npStop[d.lower(ts[title])] && !nonNameCaps[d.lower(ts[title])] {
			title++
		}
		if title > j && title < len(ts) && d.isCapWord(ts[title]) {
			j = title
			for j < len(ts) && d.isCapWord(ts[j]) {
				j++
			}
		}
		end := ts[j-1].end
		// A possessive takes its noun: "Zelensky's office".
		if w := d.tokText(ts[j-1]); strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			end = d.nounAfter(ts[j:], end)
		}
		return corpus.Span{Start: ts[i].start, End: end}
	case determiners[lw] || possessives[lw]:
		end := d.nounAfter(ts[i+1:], t.end)
		if end == t.end {
			return corpus.Span{}
		}
		return corpus.Span{Start: t.start, End: end}
	}
	return corpus.Span{}
}

// toWhom returns the phrase of "To whom, …" that opens a sentence, ts:
// whose view the sentence gives ("To officials and analysts in South
// Korea, the closure is one of the "trust-building steps" …"). Not "To be
// sure," "To date," "To that end,".
func (d *quoteDoc) toWhom(ts []atok) corpus.Span {
	if len(ts) < 4 || !ts[0].word || d.lower(ts[0]) != "to" || !ts[1].word || notToWhom[d.lower(ts[1])] || looksVerb(d.lower(ts[1])) {
		return corpus.Span{}
	}
	head := -1 // where a place after the people starts: "… in South Korea"
	for k := 2; k < len(ts) && k <= 10; k++ {
		if !ts[k].word {
			if d.tokText(ts[k]) != "," {
				return corpus.Span{}
			}
			if head < 0 {
				head = k
			}
			return corpus.Span{Start: ts[1].start, End: ts[head-1].end}
		}
		if head < 0 && placePreps[d.lower(ts[k])] {
			head = k
		}
	}
	return corpus.Span{}
}

var placePreps = wordSet("in at from across around inside outside near")

var notToWhom = wordSet("be date that this some wit what which whom")

// subjectStart returns the index in ts, a sentence's words, where its
// subject may start: after a dateline, a sentence adverb, an opening
// conjunction, a time phrase and an introductory phrase with the places
// and times after it; -1 when an introductory phrase has no comma to end
// it.
func (d *quoteDoc) subjectStart(ts []atok) int {
	i := 0
	// A dateline: "WASHINGTON — ", "WASHINGTON -- ", "Washington (AFP) – ".
	for j := 0; j < len(ts) && j < 6; j++ {
		w := d.tokText(ts[j])
		double := w == "-" && j+1 < len(ts) && d.tokText(ts[j+1]) == "-" && ts[j+1].start == ts[j].end
		if w == "—" || w == "–" || double {
			agency := j >= 3 && d.tokText(ts[j-1]) == ")" && d.isCapWord(ts[0])
			if j > 0 && (strings.ToUpper(d.tokText(ts[0])) == d.tokText(ts[0]) || agency) {
				i = j + 1
				if double {
					i++
				}
			}
			break
		}
	}
	// A sentence adverb: "Conversely, PolitiFact rated…".
	if i+1 < len(ts) && ts[i].word && d.tokText(ts[i+1]) == "," {
		if lw := d.lower(ts[i]); strings.HasSuffix(lw, "ly") && len(lw) > 4 || sentenceAdverbs[lw] {
			i += 2
		}
	}
	for i < len(ts) && ts[i].word && leadConjunctions[d.lower(ts[i])] {
		i++
	}
	// A time phrase: "A month later, he …", "Two days ago, Trump …",
	// "Early Tuesday, Iranian President Hassan Rouhani …".
	for j := i + 1; j+1 < len(ts) && j <= i+4 && ts[j].word; j++ {
		if (timeAdverbs[d.lower(ts[j])] || weekdays[d.lower(ts[j])] && j == i+1 && timeModifiers[d.lower(ts[i])]) && d.tokText(ts[j+1]) == "," {
			i = j + 2
			break
		}
	}
	if i < len(ts) && ts[i].word && d.isIntro(ts[i]) {
		c := commaIndex(d, ts[i+1:min(len(ts), i+15)])
		if c < 0 {
			return -1
		}
		i = d.afterPlacesAndTimes(ts, i+1+c+1)
	}
	return i
}

// afterPlacesAndTimes skips, from ts[i] on, up to three comma-separated
// places, dates and times that follow an introductory phrase ("Speaking in
// Salem, New Hampshire, Trump…", "At a rally in Portsmouth, N.H., on
// Tuesday, Senator Bernie Sanders…", "On July 6, 2015, Sanders…"), when a
// subject follows them.
func (d *quoteDoc) afterPlacesAndTimes(ts []atok, i int) int {
	for k, n := i, 0; n < 3; n++ {
		j := k
		for j < len(ts) && (d.isCapWord(ts[j]) || ts[j].word && startsWithDigit(d.lower(ts[j]))) {
			j++ // a place, or a date's year
		}
		if j == k && j < len(ts) && ts[j].word && introWords[d.lower(ts[j])] {
			for j < len(ts) && j < k+5 && ts[j].word && !looksVerb(d.lower(ts[j])) {
				j++
			}
		}
		if j == k || j+1 >= len(ts) || d.tokText(ts[j]) != "," {
			break
		}
		if d.appositiveAt(ts, j+1) {
			break // a name and its title: "On Thursday, Stephen Boyd, an assistant attorney general, wrote"
		}
		k = j + 1
		if lw := d.lower(ts[k]); d.canStartSubject(ts[k]) && !introWords[lw] && !startsWithDigit(lw) {
			i = k // not an age: "Suu Kyi, 70, said"
		}
	}
	return i
}

// appositiveAt reports whether ts[k:] opens with a short description in
// lower case set off by commas: "an assistant attorney general,".
func (d *quoteDoc) appositiveAt(ts []atok, k int) bool {
	if k >= len(ts) || !ts[k].word || !determiners[d.lower(ts[k])] {
		return false
	}
	for m := k + 1; m < len(ts) && m <= k+6; m++ {
		switch {
		case !ts[m].word:
			return d.tokText(ts[m]) == "," && m > k+1
		case d.isCapWord(ts[m]) && m == k+1, looksVerb(d.lower(ts[m])):
			return false
		}
	}
	return false
}

// nounAfter extends a phrase ending at end over the words of ts that can
// belong to a noun phrase (at most five), stopping at a function word or a
// word that looks like a verb.
func (d *quoteDoc) nounAfter(ts []atok, end int) int {
	for k := 0; k < len(ts) && k < 5; k++ {
		t := ts[k]
		if !t.word {
			break
		}
		lw := d.lower(t)
		if npStop[lw] || isCue(d.tokText(t), true) || auxWords[lw] || (looksVerb(lw) || irregularPast[lw]) && !d.isCapWord(t) {
			break // "The player ran at him": the noun ends before "ran"
		}
		end = t.end
	}
	return end
}

// looksVerb reports whether a lowercase word is probably a finite verb.
func looksVerb(w string) bool {
	return strings.HasSuffix(w, "ed") && len(w) > 4 || cueVerbs[w]
}

// irregularPast are common past forms without -ed that are no cue: "Mr.
// Trump met Mr. Abe" has no title between two names (subjectOf).
var irregularPast = wordSet("met led won lost sent gave took made saw got went came ran held kept " +
	"brought bought thought fought sought caught taught meant felt found became began chose drew " +
	"drove fell flew grew knew paid rode rose sat shook shot sold spent stood stole struck threw understood")

var (
	leadConjunctions = wordSet("but and so yet still now also then thus meanwhile however instead indeed")
	introWords       = wordSet("in on at after before during when while as since although though if because " +
		"asked speaking earlier later last this that like unlike despite with without for from under over " +
		"through throughout following amid among by until once upon even according given instead meanwhile " +
		"however yesterday today tonight here there back separately similarly still")
	possessives = wordSet("his her their its our my your")
)

// nonNameCaps are capitalised at a sentence start without being names.
var nonNameCaps = wordSet(nonNameOpeners + " the a an in on at to " +
	"this that these those there it its his her their our we i you he she they " +
	"monday tuesday wednesday thursday friday saturday sunday")

// nonNameOpeners are conjunctions, prepositions and adverbs that, opening
// a sentence with a capital, start no name ("Despite", "Following",
// "Even"): nonNameCaps, and the words entities do not start with.
const nonNameOpeners = "but and after before during when while as if following despite amid " +
	"although though because since until unless even why among meanwhile however still yet so " +
	"then later earlier now also speaking asked according for with from about"

// resolve turns a speaker mention into the name it refers to: the canonical
// name of an entity it overlaps, a pronoun's antecedent, the full name for
// a surname, or the mention itself.
func (d *quoteDoc) resolve(m corpus.Span) string {
	mention := d.text[m.Start:m.End]
	lw := strings.ToLower(mention)
	if lw == "he" || lw == "she" || lw == "who" || lw == "i" {
		return d.antecedent(m.Start, lw)
	}
	if lw == "it" {
		return d.previousBody(m.Start)
	}
	if lw == "they" {
		return d.previousGroup(m.Start)
	}
	if speakerPronouns[lw] {
		return ""
	}
	if before, _, ok := strings.Cut(mention, " of "); ok && strings.Count(before, " ") >= 1 && isCapitalized(before) && d.isNameRun(m.Start, m.Start+len(before)) {
		// "Elijah E. Cummings of Maryland" is Elijah E. Cummings.
		return d.resolve(corpus.Span{Start: m.Start, End: m.Start + len(before)})
	}
	fields := strings.Fields(mention)
	if len(fields) == 0 {
		return ""
	}
	for i := 1; i < len(fields)-1; i++ {
		if lw := strings.ToLower(fields[i]); (lw == "of" || prepositions[lw]) && !isCapitalized(fields[i-1]) {
			// "the mayor of London", "a spokesman for Hillary Clinton":
			// the head comes before the preposition, and the name after
			// it is not the speaker.
			if name := d.roleReferent(m.Start, fields[:i]); name != "" {
				return name
			}
			return describe(mention)
		}
	}
	if e, ok := d.entityAt(m); ok {
		return d.entityName(e, m)
	}
	if p := personDescription(fields); p != "" {
		// "the 30-year-old", "the Arsenal striker", "the American" (a
		// person, not the nationality): whom the article gave the role,
		// or whom it just named, or the description.
		if name := d.roleReferent(m.Start, fields); name != "" {
			return name
		}
		if name := d.describedPerson(m.Start, p); name != "" {
			return name
		}
		return describe(strings.Join(fields, " "))
	}
	if last := fields[len(fields)-1]; !isCapitalized(last) && !startsWithDigit(last) {
		// A description, not a name: "the prime minister", "the Tory
		// leader" keep their words (stripping titles left "minister"),
		// unless the article has given them to someone before.
		// Its first word keeps its case: without entities, "Trump's
		// peace plan" could not be told from "Senior officials".
		if name := d.roleReferent(m.Start, fields); name != "" {
			return name
		}
		return describe(strings.Join(fields, " "))
	}
	name := stripHonorifics(mention)
	if !strings.Contains(name, " ") && isCapitalized(name) {
		if full := d.fullName(name, m.Start, d.sexOf(m)); full != "" {
			return full
		}
	}
	return describe(name)
}

// personDescription returns the pronoun a definite description of a person
// stands for ("the 30-year-old", "the Waterford man", "the American",
// "the Arsenal striker": "i" when it tells no sex), or "" when the words are
// no such description.
func personDescription(fields []string) string {
	if len(fields) < 2 || len(fields) > 4 || !strings.EqualFold(fields[0], "the") {
		return ""
	}
	head := strings.Trim(fields[len(fields)-1], ",;:")
	lh := strings.ToLower(head)
	switch {
	case strings.HasSuffix(lh, "-year-old"):
		return "i"
	case lh == "man" || lh == "woman":
		if lh == "man" {
			return "he"
		}
		return "she"
	case personHeads[lh]:
		return "i"
	case len(fields) == 2 && isCapitalized(head) && demonym(head):
		if strings.HasSuffix(lh, "man") {
			return "he"
		}
		return "i"
	}
	return ""
}

// subordinators open a clause whose subject may follow: "When Lleyton
// Hewitt shook his hand".
var subordinators = wordSet("when while after before as because since though although if once until whenever")

// personHeads are the nouns of sports and news writing that describe a
// person by their role.
var personHeads = wordSet("player boss coach manager striker defender midfielder winger captain skipper " +
	"champion star youngster athlete prop full-back fly-half scrum-half keeper goalkeeper forward veteran " +
	"teenager singer actor actress star rider driver batsman bowler congressman congresswoman lawmaker")

// demonym reports whether w names a person by nationality: "American",
// "Australian", "Dutchman", "Scot", "Briton"; not "British" or "French",
// which name no single person.
func demonym(w string) bool {
	lw := strings.ToLower(w)
	switch lw {
	case "scot", "briton", "spaniard", "swede", "dane", "finn", "pole", "swiss", "kiwi", "argentine", "thai", "czech", "greek", "turk":
		return true
	}
	return strings.HasSuffix(lw, "man") && len(lw) > 5 || strings.HasSuffix(lw, "ian") || strings.HasSuffix(lw, "can") ||
		strings.HasSuffix(lw, "ese") || strings.HasSuffix(lw, "ean") || lw == "german"
}

// describedPerson returns whom a description of a person at pos refers to
// (pronoun: personDescription's, for agreement) when the text around it
// tells, or "": a person named before it in its own sentence, outside
// quotes, opening a clause ("When Lleyton Hewitt shook his hand …, the
// Australian said"); else
// the speaker of a quote opening the sentence before; else that sentence's
// subject, when a name heads it ("Agassi was delighted with victory
// over Massu. "I felt pretty good," said the American"). A subject holding
// more than the name ("The star of Rain Man and Tootsie", "The actor's
// friend Budd Schulberg") tells nothing.
func (d *quoteDoc) describedPerson(pos int, pronoun string) string {
	if len(d.entities) == 0 || pronoun == "" {
		return ""
	}
	from, cur, ok := d.sentenceBefore(pos)
	for i := d.entityBefore(pos); i >= 0 && d.entities[i].Start >= cur; i-- {
		e := d.entities[i]
		if e.Label == corpus.Person && e.Canonical != "" && !regionsCover(d.regions, e.Start) && !d.oblique(e) {
			// A name in its own sentence is whom it means when it opens a
			// clause before it ("When Lleyton Hewitt shook his hand");
			// any other ("Shivering in a shimmering Armani dress, the
			// actress") leaves the reading open.
			if ts := attrTokens(d.text, max(cur, e.Start-20), e.Start); len(ts) > 0 && subordinators[d.lower(ts[len(ts)-1])] &&
				d.agrees(pronoun, e.Start, e.End, e.Canonical) {
				return e.Canonical
			}
			return ""
		}
	}
	if !ok {
		return ""
	}
	if name := d.previousSpeaker(pos, pronoun, from, cur, ok); name != "" {
		return name
	}
	sub := d.subjectOf(from, cur, d.regions)
	if sub.End <= sub.Start {
		return ""
	}
	for _, e := range d.entities {
		if e.Start >= sub.End {
			break
		}
		if e.Label != corpus.Person || e.Canonical == "" || e.End <= sub.Start {
			continue
		}
		before := strings.ToLower(d.text[sub.Start:e.Start])
		after := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(d.text[e.End:sub.End], "’s"), "'s"))
		if strings.Contains(before, " of ") || strings.Contains(before, "'s") || strings.Contains(before, "’s") ||
			strings.Contains(before, " and ") || after != "" && !strings.HasPrefix(after, ",") ||
			d.oblique(e) || !d.agrees(pronoun, e.Start, e.End, e.Canonical) {
			return ""
		}
		return e.Canonical
	}
	return ""
}

// roleReferent returns whom a definite description before pos refers to,
// words being its words ("the", then a role: "the president", "the
// defense minister", "the agency"), or "" when it is no definite
// description or the article has given that role to no one. A person
// holds a role when the words just before a mention of them (their title:
// "Japanese Defense Minister Itsunori Onodera", "North Korean dictator Kim
// Jong Un") or the apposition just after it ("Kim Jong Un, the North
// Korean leader,") hold every word of it, its head last; of several such
// people the one named last before pos is meant ("President Moon … Mr.
// Trump welcomed the news. … the president said" is Trump). An
// organisation holds it when its name does ("the news agency": "the Korean
// Central News Agency").
func (d *quoteDoc) roleReferent(pos int, words []string) string {
	if len(words) < 2 || len(words) > 5 || !strings.EqualFold(words[0], "the") {
		return ""
	}
	role := make([]string, 0, len(words)-1)
	for _, w := range words[1:] {
		w = strings.ToLower(strings.Trim(w, ",;:"))
		if w == "" || w == "’s" || w == "'s" || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") {
			return "" // "the president's spokesman" is not the president
		}
		role = append(role, w)
	}
	// holds reports whether words ts hold the role: its head last (a
	// title right before the name, "suit" in "The suit names Donald
	// Trump" is none), its other words anywhere.
	holds := func(ts []atok) bool {
		if len(ts) == 0 || d.lower(ts[len(ts)-1]) != role[len(role)-1] {
			return false
		}
		have := make(map[string]bool, len(ts))
		for _, t := range ts {
			lw := d.lower(t)
			if rankWords[lw] && !slices.Contains(role, lw) {
				return false // "Deputy Prime Minister John Prescott" is not the prime minister
			}
			have[lw] = true
		}
		for _, w := range role {
			if !have[w] {
				return false
			}
		}
		return true
	}
	names := map[int]string{} // entity index → the name it resolves to
	nameOf := func(i int) string {
		n, ok := names[i]
		if !ok {
			// The entity's own name: resolving its span again could come
			// back here for an entity that reads as a description.
			e := d.entities[i]
			n = d.entityName(e, corpus.Span{Start: e.Start, End: e.End})
			names[i] = n
		}
		return n
	}
	titled := map[string]bool{} // names of the persons holding the role
	var org string
	for i, e := range d.entities {
		if e.Start >= pos {
			break
		}
		if e.Start < pos-maxRoleDistance {
			continue // the role was given nearby, or the description stands
		}
		switch e.Label {
		case corpus.Person:
			if holds(d.titleOf(e)) || holds(d.appositionOf(e)) {
				titled[nameOf(i)] = true
			}
		case corpus.Organization:
			if holds(attrTokens(d.text, e.Start, e.End)) {
				org = d.entityName(e, corpus.Span{Start: e.Start, End: e.End})
			}
		}
	}
	for i := len(d.entities) - 1; i >= 0 && len(titled) > 0; i-- {
		e := d.entities[i]
		if e.Start < pos-maxRoleDistance {
			break
		}
		if e.Start >= pos || e.Label != corpus.Person {
			continue
		}
		if name := nameOf(i); titled[name] {
			return name
		}
	}
	return org
}

// maxRoleDistance bounds how far before a description roleReferent looks
// for whom the article gave the role (bytes), so that each description
// costs the same however long the article.
const maxRoleDistance = 6000

// rankWords make a title another role than the one they qualify.
var rankWords = wordSet("deputy vice shadow former ex acting assistant junior associate interim co under")

// titleOf returns the words written just before entity e, in its sentence,
// as a title is: up to maxTitleWords tokens back to the first that is no
// word (a comma, a full stop), a verb or function word, or part of
// another person's name ("President Moon Jae-in met Donald Trump" gives
// Trump no title).
func (d *quoteDoc) titleOf(e corpus.Entity) []atok {
	const maxTitleWords = 6
	from := max(0, e.Start-80)
	ts := attrTokens(d.text, from, e.Start)
	k := len(ts)
	for k > 0 && len(ts)-k < maxTitleWords {
		t := ts[k-1]
		lw := d.lower(t)
		if !t.word || npStop[lw] || auxWords[lw] || cueVerbs[lw] || looksVerb(lw) && !d.isCapWord(t) ||
			lw == "the" || lw == "a" || lw == "an" || d.inPerson(t.start) {
			break
		}
		k--
	}
	title := ts[k:]
	// "Secretary of State Mike Pompeo" is a secretary, not a state: the
	// head of a capitalised title comes before its "of". In "the son of
	// President Trump" the title is what follows it.
	if i := slices.IndexFunc(title, func(t atok) bool { return d.lower(t) == "of" }); i >= 0 {
		if i > 0 && !slices.ContainsFunc(title[:i], func(t atok) bool { return !d.isCapWord(t) }) {
			return title[:i]
		}
		return title[i+1:]
	}
	return title
}

// inPerson reports whether pos lies inside a PERSON entity. The entities
// are sorted by start (validEntities), not by end, so those starting at or
// before pos are read back from there, as far as a name can reach.
func (d *quoteDoc) inPerson(pos int) bool {
	const maxNameBytes = 200
	i := sort.Search(len(d.entities), func(i int) bool { return d.entities[i].Start > pos })
	for i--; i >= 0 && d.entities[i].Start > pos-maxNameBytes; i-- {
		if e := d.entities[i]; e.End > pos && e.Label == corpus.Person {
			return true
		}
	}
	return false
}

// appositionOf returns the words of an apposition right after entity e
// (", the North Korean leader,"), up to the next punctuation or "of";
// none when e is followed by anything but a comma and "the" or "a".
func (d *quoteDoc) appositionOf(e corpus.Entity) []atok {
	ts := attrTokens(d.text, e.End, min(len(d.text), e.End+80))
	if len(ts) < 3 || d.tokText(ts[0]) != "," {
		return nil
	}
	if lw := d.lower(ts[1]); lw != "the" && lw != "a" && lw != "an" {
		return nil
	}
	k := 2 // to the next punctuation or "of" ("the leader of the party" is a leader)
	for k < len(ts) && ts[k].word && d.lower(ts[k]) != "of" {
		k++
	}
	return ts[2:k]
}

// entityName is the name entity e, mentioned at m, stands for: its
// canonical name (its words when it has none), and for a person written
// with one name the full name the article gave it before ("Mr. Trump" is
// the Donald Trump named earlier).
func (d *quoteDoc) entityName(e corpus.Entity, m corpus.Span) string {
	n := e.Canonical
	if n == "" {
		n = strings.Join(strings.Fields(e.Text), " ")
	}
	if e.Label == corpus.Person && n != "" && !strings.Contains(n, " ") {
		if full := d.fullName(n, m.Start, d.sexOf(m)); full != "" {
			return full
		}
	}
	return n
}

// description is the speaker a described mention is ("Residents of the
// town" → "residents of the town"): describe's determiner rule, and a
// capitalised first word that is no name's is written in lower case, as
// the sentence's capital is what made it so.
func (d *quoteDoc) description(m corpus.Span) string {
	text := describe(strings.Join(strings.Fields(d.text[m.Start:m.End]), " "))
	first, rest, _ := strings.Cut(text, " ")
	r, size := utf8.DecodeRuneInString(first)
	if !unicode.IsUpper(r) || strings.ToLower(first[size:]) != first[size:] {
		return text // "MPs in London", or not capitalised
	}
	for _, e := range d.entities {
		if e.Start <= m.Start && m.Start < e.End {
			return text // "Labour officials in Kyiv"
		}
		if e.Start > m.Start {
			break
		}
	}
	lower := string(unicode.ToLower(r)) + first[size:]
	if rest == "" {
		return lower
	}
	return lower + " " + rest
}

// describe writes a speaker that names no one ("The president", "One US
// official") as it reads inside a sentence, so that one description is one
// speaker wherever a sentence puts it: "the president", "one US official".
func describe(name string) string {
	first, rest, ok := strings.Cut(name, " ")
	if lw := strings.ToLower(first); ok && lw != first && determiners[lw] {
		return lw + " " + rest
	}
	return name
}

// isNameRun reports whether text[s:e] is words that all start with a
// capital letter.
func (d *quoteDoc) isNameRun(s, e int) bool {
	ts := attrTokens(d.text, s, e)
	return len(ts) > 0 && d.allCaps(ts)
}

// entityAt returns the longest entity that holds the last word of mention
// m, its head: "Dmitry Peskov" in "Kremlin spokesperson Dmitry Peskov",
// but nothing in "one US official" or "Trump's peace plan".
func (d *quoteDoc) entityAt(m corpus.Span) (corpus.Entity, bool) {
	ts := attrTokens(d.text, m.Start, m.End)
	for len(ts) > 0 && !ts[len(ts)-1].word {
		ts = ts[:len(ts)-1]
	}
	if len(ts) == 0 {
		return corpus.Entity{}, false
	}
	head := ts[len(ts)-1]
	var best corpus.Entity
	found := false
	for _, e := range d.entities {
		if e.Start >= m.End {
			break
		}
		if e.End < head.end-len("’s") || e.Start > head.start || e.Canonical == "" {
			continue
		}
		if !found || e.End-e.Start > best.End-best.Start {
			best, found = e, true
		}
	}
	return best, found
}

// antecedent finds the person a pronoun at pos refers to, of those who
// agree with it (agrees): with entities, the speaker of a quote in the
// sentence before (previousSpeaker), else the person that sentence's
// subject names (subjectPerson), else the last person entity before pos,
// in this sentence and the one before preferring one that is no object
// of a preposition nor a possessive; without entities, the last name (two
// capitalised words or more, or one after an honorific) before pos,
// outside quotations.
func (d *quoteDoc) antecedent(pos int, pronoun string) string {
	if len(d.entities) > 0 {
		from, cur, ok := d.sentenceBefore(pos)
		if pronoun == "who" {
			// "the radio host Charlie Sykes, who lamented": the name just before.
		} else if name := d.previousSpeaker(pos, pronoun, from, cur, ok); name != "" {
			return name
		}
		near := pronoun != "who" && pronoun != "i"
		if near && ok {
			if name := d.subjectPerson(from, cur, pronoun); name != "" {
				return name
			}
		}
		// The last person named before, preferring, in this sentence and
		// the one before, one that is no object of a preposition nor a
		// possessive: a subject stays the topic ("Mitch McConnell spoke
		// with Donald Trump on Tuesday. "…," he said": he is McConnell).
		fallback := ""
		for i, n := d.entityBefore(pos), 0; i >= 0 && n < maxLookBack; i, n = i-1, n+1 {
			e := d.entities[i]
			if e.End > pos || e.Label != corpus.Person || e.Canonical == "" ||
				regionsCover(d.regions, e.Start) || !d.agrees(pronoun, e.Start, e.End, e.Canonical) ||
				d.relativeHead(e.End, pos) {
				continue
			}
			if !near || e.Start < from {
				if fallback != "" {
					return fallback
				}
				return e.Canonical
			}
			if !d.oblique(e) {
				return e.Canonical
			}
			if fallback == "" {
				fallback = e.Canonical
			}
		}
		return fallback
	}
	// Look back a little first, then further: most antecedents are near.
	for _, window := range []int{400, 3000} {
		start := max(0, pos-window)
		for start > 0 && !utf8.RuneStart(d.text[start]) {
			start--
		}
		if name := d.lastName(start, pos, pronoun); name != "" {
			return name
		}
		if start == 0 {
			break
		}
	}
	return ""
}

// relativeHead reports whether the pronoun at pos stands in a relative
// clause on the name ending at end, which it cannot mean: "Mr. Abe, whom
// he described as" is described by someone else.
func (d *quoteDoc) relativeHead(end, pos int) bool {
	rest := d.text[end:pos]
	if len(rest) > 60 || strings.ContainsAny(rest, ".!?") {
		return false // "John Smith, whose novel sold well. "…," he said" is Smith
	}
	rest = strings.TrimPrefix(strings.TrimLeft(rest, " "), ",")
	rel, _, _ := strings.Cut(strings.TrimLeft(rest, " "), " ")
	return rel == "whom" || rel == "whose"
}

// maxPronounChain bounds how many sentences opening on the same pronoun
// subjectPerson follows back.
const maxPronounChain = 3

// subjectPerson returns the person the subject of the sentence at
// [from, cur) names, when one fits pronoun ("Michael Flynn, a retired
// general, explained why he backs Donald Trump over …"): the last person
// in it that is no possessive ("Former Manfred Mann singer Paul Jones",
// "Michael Briggs, Sanders's spokesman"); a subject that is the pronoun
// itself means whom it meant there. "" when there is none.
func (d *quoteDoc) subjectPerson(from, cur int, pronoun string) string {
	sub := d.subjectOf(from, cur, d.regions)
	if sub.End <= sub.Start {
		return ""
	}
	if strings.EqualFold(d.text[sub.Start:sub.End], pronoun) && d.chain < maxPronounChain {
		// "He suggested the claim that Lord Falconer … "…," he said":
		// the same pronoun as the sentence's subject, the same person.
		d.chain++
		defer func() { d.chain-- }()
		return d.antecedent(sub.Start, pronoun)
	}
	name := ""
	for i := sort.Search(len(d.entities), func(i int) bool { return d.entities[i].End > sub.Start }); i < len(d.entities) && d.entities[i].Start < sub.End; i++ {
		e := d.entities[i]
		if e.Label == corpus.Person && e.Canonical != "" && !d.oblique(e) {
			name = ""
			if d.agrees(pronoun, e.Start, e.End, e.Canonical) {
				name = e.Canonical
			}
		}
	}
	return name
}

// previousSpeaker returns the person credited with the last quote before
// pos when that quote opens in the sentence before the one holding pos
// (from, cur, ok: sentenceBefore(pos)): a
// speaker stays the topic ("Matthew Pottinger … said Trump would challenge
// "…" during any meeting with Kim. The goal, he said, is "…"": he is
// Pottinger, not Kim, the last name before him). Not in pos's own
// sentence: in "Flynn said Trump was "absolutely right" when he said …",
// he is Trump. "" when there is no such quote, or its speaker is no person
// the entities name.
func (d *quoteDoc) previousSpeaker(pos int, pronoun string, from, cur int, ok bool) string {
	var prev *quoteRegion // the last quote before pos already credited (not the one pos credits)
	for i := range d.regions {
		r := &d.regions[i]
		if r.close >= pos {
			break
		}
		if r.speakerName != "" && r.speaker.End > r.speaker.Start && (r.speaker.End <= pos || r.speaker.Start > pos) {
			prev = r
		}
	}
	if prev == nil || !d.agrees(pronoun, prev.speaker.Start, prev.speaker.End, prev.speakerName) {
		return ""
	}
	if !ok || prev.open < from || prev.open >= cur {
		return "" // in the sentence before, not further back nor in this one
	}
	for _, e := range d.entities {
		if e.Label == corpus.Person && e.Canonical == prev.speakerName {
			return prev.speakerName
		}
	}
	return ""
}

// previousBody returns whom "it" crediting a quote at pos refers to: the
// speaker of the last quote credited before it, in its paragraph or the
// two before, when that speaker is an organisation, a place or a document
// ("…," the Korean Central News Agency said. … It also said the North
// would "shut down a nuclear test site"), or "". A person is no "it".
func (d *quoteDoc) previousBody(pos int) string {
	pi := sort.Search(len(d.paras), func(i int) bool { return d.paras[i].End > pos })
	if pi == len(d.paras) {
		return ""
	}
	from := d.paras[max(0, pi-2)].Start
	var prev *quoteRegion
	for i := range d.regions {
		r := &d.regions[i]
		if r.close >= pos {
			break
		}
		if r.speakerName != "" && r.speaker.End > r.speaker.Start && r.speaker.End <= pos {
			prev = r
		}
	}
	if prev == nil || prev.open < from {
		return ""
	}
	switch mention := strings.ToLower(d.text[prev.speaker.Start:prev.speaker.End]); {
	case mention == "it":
		return prev.speakerName // "It said … It added"
	case speakerPronouns[mention]:
		return "" // "he", "they": people
	}
	if e, ok := d.entityAt(prev.speaker); ok {
		if e.Label == corpus.Organization || e.Label == corpus.GPE {
			return prev.speakerName
		}
		return ""
	}
	words := strings.Fields(strings.ToLower(prev.speakerName))
	if len(words) > 1 && determiners[words[0]] && bodyNouns[words[len(words)-1]] {
		return prev.speakerName // "the statement", "the ministry"
	}
	return ""
}

// previousGroup returns whom "they" crediting a quote at pos refers to:
// the group that opens the nearest sentence before it, in its paragraph or
// the one before, as a description ("The three Republican chairmen —
// Representative … — issued a joint statement. The documents, they said,
// show …" is "the three Republican chairmen"), or "". A group is a
// determiner and words ending in a plural noun of people (groupNouns), or
// any plural noun when a cue follows it ("The authors said").
func (d *quoteDoc) previousGroup(pos int) string {
	pi := sort.Search(len(d.paras), func(i int) bool { return d.paras[i].End > pos })
	if pi == len(d.paras) {
		return ""
	}
	for k := pi; k >= max(0, pi-1); k-- {
		p := d.paras[k]
		starts := d.sentenceStarts(k, d.regions)
		seen := 0
		for i := len(starts) - 1; i >= 0 && seen < maxGroupSentences; i-- {
			st := starts[i]
			if st >= pos {
				continue
			}
			seen++
			// A group opens its sentence: its first words are enough.
			ts := attrTokens(d.text, st, min(p.End, pos, st+200))
			if len(ts) < 2 || !ts[0].word || !determiners[d.lower(ts[0])] {
				continue
			}
			j := 1
			for j < len(ts) && j < 7 && ts[j].word && !npStop[d.lower(ts[j])] && !auxWords[d.lower(ts[j])] {
				j++
			}
			// The noun phrase is ts[:n] for the longest n whose last word
			// is a plural noun of people, or a plural before a cue.
			for n := j; n >= 2; n-- {
				w := d.lower(ts[n-1])
				cue := n < len(ts) && isCue(d.tokText(ts[n]), true)
				if groupNouns[w] || cue && plural(w) && !d.isCapWord(ts[n-1]) {
					return describe(d.text[ts[0].start:ts[n-1].end])
				}
			}
		}
	}
	return ""
}

// maxGroupSentences is how many sentences of each paragraph previousGroup
// reads back.
const maxGroupSentences = 3

// plural reports whether a lower-case word looks like a plural noun.
func plural(w string) bool {
	return len(w) > 3 && w != "news" && w != "series" && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "’s") && !strings.HasSuffix(w, "'s")
}

// groupNouns are plural nouns of people that "they" stands for.
var groupNouns = wordSet("officials chairmen chairs lawmakers legislators senators representatives congressmen " +
	"democrats republicans analysts experts critics researchers scientists economists lawyers attorneys " +
	"prosecutors investigators judges justices authors writers reporters journalists editors leaders members " +
	"sources aides advisers advisors diplomats ministers negotiators protesters demonstrators residents " +
	"activists organizers organisers campaigners voters officers police spokesmen spokespeople executives " +
	"directors managers employees workers doctors parents students teachers witnesses authorities governments")

// bodyNouns head the descriptions of speakers that are no person, which
// "it" can stand for.
var bodyNouns = wordSet("statement report agency ministry department government company firm group " +
	"committee commission council party campaign office newspaper paper network channel court " +
	"document draft plan proposal letter study survey poll bank union board administration organisation organization")

// oblique reports whether an entity mention is the object of a
// preposition ("over … Hillary Clinton", "with Trump") or a possessive
// ("Trump's plan").
func (d *quoteDoc) oblique(e corpus.Entity) bool {
	rest := d.text[e.End:]
	if strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "' ") || strings.HasPrefix(rest, "’ ") {
		return true
	}
	ts := attrTokens(d.text, max(0, e.Start-40), e.Start)
	for j := len(ts) - 1; j >= 0; j-- {
		w := d.lower(ts[j])
		if !ts[j].word {
			return false // a comma or dash before the name, or the sentence before it
		}
		if honorifics[strings.TrimSuffix(w, ".")] || d.isCapWord(ts[j]) || w == "the" {
			continue // titles and the words of a title: "over Democratic nominee Hillary Clinton"
		}
		return objectWords[w] || w == "over" || w == "than" || w == "like" || w == "between" || w == "against"
	}
	return false
}

// sentenceBefore returns where the sentence before the one holding pos
// starts (in its paragraph, or the last of the paragraph before) and where
// pos's own starts; ok is false when pos is in no paragraph or in the
// first sentence of the text.
func (d *quoteDoc) sentenceBefore(pos int) (from, cur int, ok bool) {
	pi := sort.Search(len(d.paras), func(i int) bool { return d.paras[i].End > pos })
	if pi == len(d.paras) {
		return pos, pos, false
	}
	p := d.paras[pi]
	cur = d.sentenceStart(p, pos, d.regions)
	switch {
	case cur > p.Start:
		return d.sentenceStart(p, cur-1, d.regions), cur, true
	case pi > 0:
		pp := d.paras[pi-1]
		return d.sentenceStart(pp, pp.End-1, d.regions), cur, true
	}
	return cur, cur, false
}

// lastName returns the last personal name in text[start:end] outside
// quotations that agrees with pronoun, or "".
func (d *quoteDoc) lastName(start, end int, pronoun string) string {
	ts := attrTokens(d.text, start, end)
	for i := len(ts) - 1; i >= 0; i-- {
		if !d.isCapWord(ts[i]) || regionsCover(d.regions, ts[i].start) {
			continue
		}
		j := i
		for j > 0 && d.isCapWord(ts[j-1]) && !regionsCover(d.regions, ts[j-1].start) {
			j--
		}
		run := ts[j : i+1]
		for len(run) > 0 && nonNameCaps[d.lower(run[0])] {
			run = run[1:]
		}
		last := i
		i = j // the loop's i-- moves before the run
		titled := len(run) > 0 && honorifics[strings.TrimSuffix(d.lower(run[0]), ".")]
		if j > 0 && ts[j-1].word && (objectWords[d.lower(ts[j-1])] || tellVerbs[d.lower(ts[j-1])]) {
			continue // an object: "told Fox News", "on CNN"
		}
		subject := false // followed by a cue: "Trump told"
		for k := last + 1; k < len(ts) && k < last+4 && ts[k].word; k++ {
			if isCue(d.tokText(ts[k]), true) {
				subject = true
				break
			}
			if !auxWords[d.lower(ts[k])] {
				break
			}
		}
		if len(run) < 2 && !subject && !(j > 0 && honorifics[strings.TrimSuffix(d.lower(ts[j-1]), ".")]) {
			continue
		}
		if len(run) == 0 || !d.agrees(pronoun, run[0].start, run[len(run)-1].end, "") || d.relativeHead(run[len(run)-1].end, end) {
			continue
		}
		name := stripHonorifics(d.text[run[0].start:run[len(run)-1].end])
		if titled && !strings.Contains(name, " ") {
			if full := d.fullName(name, run[0].start, pronounSex(pronoun)); full != "" {
				return full
			}
		}
		if name != "" && isCapitalized(name) {
			return name
		}
	}
	return ""
}

// agrees reports whether the name at [s, e), which names the person
// called canonical ("" when not known), can be what pronoun refers to:
// not "he" for a woman nor "she" for a man, judging by an honorific or
// title in or just before the name ("Mrs", "Sir", "congresswoman"), else
// by the given name (givenNameSex) of canonical (or of the full names
// written with a lone surname) or of the name itself.
func (d *quoteDoc) agrees(pronoun string, s, e int, canonical string) bool {
	want := pronounSex(pronoun)
	if want == 0 {
		return true
	}
	if sex := d.sexOf(corpus.Span{Start: s, End: e}); sex != 0 {
		return sex == want // "Mr. Trump", whatever Melania Trump's name says
	}
	if canonical != "" && !strings.Contains(canonical, " ") {
		// A surname alone tells nothing; the full names written with it
		// may, and one that fits will do (Donald and Melania Trump).
		told := false
		names := d.fullNamesOf(canonical)
		for _, n := range names {
			switch givenNameSex(n.name) {
			case want:
				return true
			case 0:
			default:
				told = true
			}
		}
		if told {
			return false
		}
		if len(names) == 0 {
			// Never written with a given name before it, the one word may
			// be a given name itself ("Melanie").
			if sex := givenNames()[strings.ToLower(canonical)]; sex != 0 {
				return sex == want
			}
		}
	}
	for _, name := range []string{canonical, d.text[s:e]} {
		if sex := givenNameSex(name); sex != 0 {
			return sex == want
		}
	}
	return true
}

// pronounSex is 'm' for "he", 'f' for "she", else 0.
func pronounSex(pronoun string) byte {
	switch pronoun {
	case "he":
		return 'm'
	case "she":
		return 'f'
	}
	return 0
}

var objectWords = wordSet("to on at in from with for by of about into onto against toward towards")

var (
	maleTitles   = wordSet("mr sir lord king prince father brother congressman chairman spokesman businessman")
	femaleTitles = wordSet("mrs ms miss lady dame queen princess sister madam congresswoman chairwoman spokeswoman businesswoman")
)

// relativeAntecedent replaces a relative pronoun that ends a subject by the
// phrase it refers to: "Article 5, which stipulates" → "Article 5".
func (d *quoteDoc) relativeAntecedent(ts []atok) []atok {
	n := len(ts)
	if n >= 2 && ts[n-1].word && (d.lower(ts[n-1]) == "which" || d.lower(ts[n-1]) == "that") &&
		!ts[n-2].word && d.tokText(ts[n-2]) == "," {
		return ts[:n-2]
	}
	return ts
}

// stripAux drops what can sit between a subject and its verb: auxiliaries,
// adverbs ("has repeatedly said") and times ("last week said", "on Monday
// told").
func stripAux(d *quoteDoc, ts []atok) []atok {
	for n := len(ts); n > 0; n = len(ts) {
		t := ts[n-1]
		if !t.word {
			return ts
		}
		lw := d.lower(t)
		switch {
		case !d.isCapWord(t) && (auxWords[lw] || sentenceAdverbs[lw] || strings.HasSuffix(lw, "ly") && len(lw) > 4):
			ts = ts[:n-1]
		case timeNouns[lw] && n >= 2 && ts[n-2].word && timeModifiers[d.lower(ts[n-2])]:
			ts = ts[:n-2]
		case weekdays[lw] && n >= 2 && ts[n-2].word && (d.lower(ts[n-2]) == "on" || timeModifiers[d.lower(ts[n-2])]):
			ts = ts[:n-2]
		case weekdays[lw]:
			ts = ts[:n-1]
		case lw == "to" && n >= 3 && d.speaksThrough(ts[n-2]) && beForms[d.lower(ts[n-3])]:
			// "Mr Houston is alleged to have said", "Mr. Trump was
			// prompted to say", "she was quick to add": the subject
			// still speaks.
			ts = ts[:n-3]
		default:
			return ts
		}
	}
	return ts
}

// speaksThrough reports whether word t, between a form of "be" and "to",
// leaves the subject the speaker of the cue after "to".
func (d *quoteDoc) speaksThrough(t atok) bool {
	lw := d.lower(t)
	return t.word && !d.isCapWord(t) && (reportedPassives[lw] || eagerWords[lw] || strings.HasSuffix(lw, "ed") && len(lw) > 4)
}

// eagerWords say how readily someone spoke: "was quick to add".
var eagerWords = wordSet("quick eager careful keen happy able unable willing ready loath reluctant first")

// reportedPassives report, in the passive, what someone is said to have
// done: "is alleged to have told".
var reportedPassives = wordSet("alleged said reported understood thought believed known claimed rumoured rumored expected")

var (
	timeNouns     = wordSet("week month year night morning afternoon evening weekend day time")
	timeModifiers = wordSet("last this next that one earlier later on late early")
	weekdays      = wordSet("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight")
)

// fullName returns the nearest full name before that ends with surname
// and fits sex ('m', 'f', or 0 for either), or "" when there is none or
// the article names two people of that surname.
func (d *quoteDoc) fullName(surname string, before int, sex byte) string {
	surname = strings.TrimSuffix(strings.TrimSuffix(surname, "’s"), "'s")
	fits := func(name string) bool { g := givenNameSex(name); return sex == 0 || g == 0 || g == sex }
	// The nearest full name before that fits, unless the article names
	// two people of that surname ("Emmanuel Macron" and "Brigitte
	// Macron"): then the surname alone says no more.
	nearest := ""
	one := func(name string) bool {
		if nearest == "" {
			nearest = name
			return true
		}
		return strings.Fields(name)[0] == strings.Fields(nearest)[0]
	}
	for i, n := d.entityBefore(before), 0; i >= 0 && n < maxLookBack; i, n = i-1, n+1 {
		e := d.entities[i]
		if e.Label == corpus.Person && strings.HasSuffix(e.Text, " "+surname) && fits(e.Canonical) && !one(e.Canonical) {
			return ""
		}
	}
	names := d.fullNamesOf(surname)
	for i := sort.Search(len(names), func(i int) bool { return names[i].pos >= before }) - 1; i >= 0 && names[i].pos >= before-maxLookBackBytes; i-- {
		if fits(names[i].name) && !one(names[i].name) {
			return ""
		}
	}
	if nearest != "" && d.loneBefore(surname, nearest) {
		return ""
	}
	return nearest
}

// loneBefore reports whether the article writes surname alone, as a
// person, twice or more before it first writes the full name: then the
// surname is someone else ("Trump said… Trump added…" long before "first
// lady Melania Trump"), as Canonicalize also takes it.
func (d *quoteDoc) loneBefore(surname, full string) bool {
	first := strings.Index(d.text, full)
	if first < 0 {
		return false
	}
	lone := 0
	for _, e := range d.entities[:d.entityBefore(first)+1] {
		if e.Label == corpus.Person && mentionName(e.Text) == surname {
			if lone++; lone >= 2 {
				return true
			}
		}
	}
	return false
}

// sexOf tells the sex of the person a mention names by a courtesy title
// in it or just before it ("Mr. Trump"): 'm', 'f' or 0.
func (d *quoteDoc) sexOf(m corpus.Span) byte {
	ts := attrTokens(d.text, max(0, m.Start-6), min(m.End, len(d.text)))
	for _, t := range ts {
		if t.start > m.Start {
			break // only the words just before and the mention's first word
		}
		if sex := titleSex(d.tokText(t)); sex != 0 {
			return sex
		}
	}
	return 0
}

// titleSex is 'm' for a man's title ("Mr.", "congressman"), 'f' for a
// woman's ("Mrs", "Ms.", "congresswoman"), else 0.
func titleSex(w string) byte {
	switch w = strings.ToLower(strings.TrimSuffix(w, ".")); {
	case maleTitles[w]:
		return 'm'
	case femaleTitles[w]:
		return 'f'
	}
	return 0
}

// fullNamesOf returns the full names written with surname, found once per
// surname (findFullNames).
func (d *quoteDoc) fullNamesOf(surname string) []nameAt {
	names, ok := d.fullNames[surname]
	if !ok {
		names = d.findFullNames(surname)
		d.fullNames[surname] = names
	}
	return names
}

// nameAt is a full name written at pos.
type nameAt struct {
	pos  int
	name string
}

// findFullNames lists, in text order, the places where surname follows
// capitalised words on the same line ("Dmitry Peskov"), with the name
// without honorifics.
func (d *quoteDoc) findFullNames(surname string) []nameAt {
	var out []nameAt
	needle := " " + surname
	for from := 0; from < len(d.text); {
		k := strings.Index(d.text[from:], needle)
		if k < 0 {
			break
		}
		idx := from + k
		from = idx + len(needle)
		if r, _ := utf8.DecodeRuneInString(d.text[from:]); from < len(d.text) && isAlnum(r) {
			continue // "Mirzaev" is not "Mirza"
		}
		// Walk back over capitalised words of the same line before the surname.
		ts := attrTokens(d.text, max(0, idx-60), idx)
		j := len(ts)
		next := idx
		for j > 0 && d.isCapWord(ts[j-1]) && !nonNameCaps[d.lower(ts[j-1])] &&
			!strings.Contains(d.text[ts[j-1].end:next], "\n") {
			next = ts[j-1].start
			j--
		}
		if j < len(ts) {
			if full := stripHonorifics(d.text[ts[j].start:from]); strings.Contains(full, " ") {
				out = append(out, nameAt{pos: ts[j].start, name: full})
			}
		}
	}
	return out
}

// Bounds on looking back for an antecedent or a full name, and on the
// stretch of a sentence read for a subject or an attribution.
const (
	maxClause        = 600   // bytes
	maxLookBack      = 200   // entities
	maxLookBackBytes = 20000 // bytes of text
)

// entityBefore returns the index of the last entity that ends at or before
// pos, or -1.
func (d *quoteDoc) entityBefore(pos int) int {
	i := sort.Search(len(d.entities), func(i int) bool { return d.entities[i].Start >= pos }) - 1
	for i >= 0 && d.entities[i].End > pos {
		i--
	}
	return i
}

// stripHonorifics removes honorifics and job titles before a name and a
// possessive after it: "President Volodymyr Zelensky’s" → "Volodymyr
// Zelensky".
func stripHonorifics(name string) string {
	name = strings.TrimSuffix(strings.TrimSuffix(name, "’s"), "'s")
	fields := strings.Fields(name)
	if len(fields) > 0 && !honorifics[strings.ToLower(fields[len(fields)-1])] { // "Argentina's President" stays
		for i := len(fields) - 2; i >= 0; i-- {
			if isPossessive(strings.ToLower(fields[i])) && isCapitalized(fields[i+1]) {
				fields = fields[i+1:] // "England's Josh Lewsey", "North Korea's Kim"
				break
			}
		}
	}
	for i := len(fields) - 2; i >= 0; i-- {
		if honorifics[strings.TrimSuffix(strings.ToLower(fields[i]), ".")] {
			fields = fields[i+1:]
			break
		}
	}
	if len(fields) > 1 && strings.EqualFold(fields[0], "the") && isCapitalized(fields[1]) {
		fields = fields[1:]
	}
	return strings.Join(fields, " ")
}

func isCapitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

var honorifics = wordSet("president mr mrs ms dr sen senator rep representative gov governor gen general " +
	"secretary minister prime vice chancellor speaker judge justice mayor ambassador lt col sgt " +
	"capt adm rev prof professor pope king queen prince princess sir dame lord lady chairman " +
	"chairwoman spokesman spokeswoman spokesperson former candidate nominee attorney leader " +
	"chief commissioner director deputy sheriff officer agent coach")

// sentenceStart returns where the sentence holding pos begins inside
// paragraph p: after the last full stop, question or exclamation mark that
// is outside every quotation and followed by a capital or an opening mark.
func (d *quoteDoc) sentenceStart(p corpus.Span, pos int, regions []quoteRegion) int {
	starts := d.sentenceStarts(d.paraIndex(p), regions)
	i := sort.SearchInts(starts, pos+1) - 1
	if i < 0 {
		return p.Start
	}
	return starts[i]
}

// paraIndex returns the index of paragraph p in d.paras.
func (d *quoteDoc) paraIndex(p corpus.Span) int {
	return sort.Search(len(d.paras), func(i int) bool { return d.paras[i].Start >= p.Start })
}

// sentenceStarts returns the sorted offsets where the sentences of
// paragraph pi begin, computed once: the given sentence starts that fall
// outside quotations or, without sentences, the positions after a full
// stop, question or exclamation mark outside quotations that a capital,
// a digit or an opening mark follows, and after a quotation that ends a
// sentence inside its marks ("… done.” Then …") unless an attribution
// follows it ("… done.” Pence said).
func (d *quoteDoc) sentenceStarts(pi int, regions []quoteRegion) []int {
	if pi < 0 || pi >= len(d.paras) {
		return nil
	}
	if s, ok := d.starts[pi]; ok {
		return s
	}
	p := d.paras[pi]
	starts := []int{p.Start}
	if len(d.sentences) > 0 {
		for _, s := range d.sentences {
			if s.Start > p.Start && s.Start < p.End && !regionsEnclose(regions, s.Start) {
				starts = append(starts, s.Start)
			}
		}
	} else {
		ts := attrTokens(d.text, p.Start, p.End)
		for i, t := range ts {
			if t.word || i+1 >= len(ts) {
				continue
			}
			if s := d.tokText(t); s != "." && s != "!" && s != "?" || regionsEnclose(regions, t.start) {
				continue
			}
			ns := d.tokText(ts[i+1])
			r, _ := utf8.DecodeRuneInString(ns)
			if unicode.IsUpper(r) || isDoubleMarkTok(ns) || unicode.IsDigit(r) || strings.HasPrefix(d.text[ts[i+1].start:], "''") {
				starts = append(starts, ts[i+1].start)
			}
		}
		lo := sort.Search(len(regions), func(i int) bool { return regions[i].outer.Start >= p.Start })
		for k := lo; k < len(regions) && regions[k].outer.Start < p.End; k++ {
			r := regions[k]
			if !r.closed || !quoteEndsSentence(d.text[r.outer.Start:r.close]) {
				continue
			}
			rest := attrTokens(d.text, r.outer.End, min(p.End, r.outer.End+120))
			if len(rest) > 0 && d.isCapWord(rest[0]) && !d.attributionStart(rest) {
				starts = append(starts, rest[0].start)
			}
		}
	}
	sort.Ints(starts)
	d.starts[pi] = starts
	return starts
}

// attributionStart reports whether ts begins like an attribution tail
// ("Pence said", "said Pence"): a speaker and cue that end there, not
// ones that go on to report speech of their own ("South Korean President
// Park said Kim's state is…", a new sentence).
func (d *quoteDoc) attributionStart(ts []atok) bool {
	m := d.attributionAt(ts, false, true)
	if !m.ok {
		return false
	}
	k := sort.Search(len(ts), func(i int) bool { return ts[i].start >= m.end })
	return k == len(ts) || !ts[k].word
}

// namedAppositive returns the name set off after a description that
// opens on a determiner or possessive and ends on a common noun ("the
// campaign's manager, Brad Parscale,": Brad Parscale), up to the next
// comma; none when desc is no such description or what follows is not a
// name in capitals.
func (d *quoteDoc) namedAppositive(desc, rest []atok) []atok {
	if len(desc) < 2 || d.isCapWord(desc[len(desc)-1]) {
		return nil // "the United Nations, Ban Ki-moon": no description
	}
	if w := d.lower(desc[0]); !determiners[w] && !possessives[w] && !isPossessive(w) {
		return nil
	}
	if e := slices.IndexFunc(rest, func(t atok) bool { return !t.word }); e >= 0 {
		if d.tokText(rest[e]) != "," {
			return nil
		}
		rest = rest[:e]
	}
	if len(rest) == 0 || len(rest) > 4 || !d.allCaps(rest) {
		return nil
	}
	return rest
}

// participle reports whether t is a lower-case word in -ing (longer than
// "thing"), which after a comma opens a participial phrase, no subject:
// ", pushing North Korea to threaten Guam".
func (d *quoteDoc) participle(t atok) bool {
	lw := d.lower(t)
	return t.word && len(lw) > 5 && strings.HasSuffix(lw, "ing") && !d.isCapWord(t)
}

func quoteEndsSentence(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

func regionsEnclose(rs []quoteRegion, pos int) bool {
	i := sort.Search(len(rs), func(i int) bool { return rs[i].outer.End > pos })
	return i < len(rs) && pos > rs[i].outer.Start && pos < rs[i].outer.End
}

// previousSentence returns the sentence before region r's: in its paragraph,
// or the last sentence of the previous paragraph.
func (d *quoteDoc) previousSentence(p corpus.Span, r *quoteRegion, regions []quoteRegion) (int, int, bool) {
	start := d.sentenceStart(p, r.open, regions)
	if start > p.Start {
		e := start
		return d.sentenceStart(p, max(p.Start, e-1), regions), e, true
	}
	if r.para == 0 {
		return 0, 0, false
	}
	pp := d.paras[r.para-1]
	return d.sentenceStart(pp, pp.End, regions), pp.End, true
}
