package ingest

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/variorum/variorum/corpus"
)

// Quote extraction is a rule-based scanner in the spirit of the quotation
// extractors of Pouliquen et al., "Automatic Detection of Quotations in
// Multilingual News" (RANLP 2007) and Pareti's attribution work on PARC
// ("Automatically Detecting and Attributing Indirect Quotations", EMNLP
// 2013): pair the quotation marks of each paragraph, keep the quoted spans
// that report words (long enough to be speech, or attributed by a cue), and
// find each one's source and cue in its sentence or a neighbouring one.

// Quotes finds the direct quotations in text and who said them.
//
// Quotation marks are paired paragraph by paragraph (a paragraph is a line):
// curly and straight double quotes, and a pair of apostrophes standing for
// one as some news feeds write it, with straight marks read as opening or
// closing from the characters around them. Single quotes nest inside double ones and
// count on their own only when the sentence attributes them; a double quote
// in the other style nests too ("… “Equal Justice” …"). A quote left open at
// the end of a paragraph whose successor opens with a quotation mark runs on
// into it (the newspaper convention), as does one reopened after a full stop
// inside a paragraph (She said: "It matters. "We will act."); each part is
// its own Quote with the same speaker. An opening mark that is never closed
// ends at its paragraph, so a stray mark never swallows the rest of an
// article. Markup, titles ("Meet the Press") and one-word scare quotes that
// no cue attributes are skipped; a phrase of two or three words is kept when
// a cue attributes it or its sentence has a subject before it.
//
// Each Quote spans the words inside the marks, without the marks and without
// trailing , . ; : that belong to the sentence; text[q.Start:q.End] == q.Text.
// The speaker is looked for around the quote (see attribute): the mention
// in the text (SpeakerStart, SpeakerEnd), the cue, and Speaker, the name
// the mention refers to: the canonical name of the entity that holds the
// mention's head when entities are given, a pronoun's antecedent, a
// surname's full name, or the mention without honorifics. sentences are the
// article's sentence spans (nil is allowed, and then the scanner finds
// sentence ends itself); a boundary inside a quotation is ignored, since
// splitters often cut there.
//
// Text is expected to be valid UTF-8 (ingest checks it first); on other
// input the spans still lie inside text. The result is ordered by Start and
// is the same for the same input.
func Quotes(text string, sentences []corpus.Span, entities []corpus.Entity) []corpus.Quote {
	var out []corpus.Quote
	for _, at := range Attributions(text, sentences, entities) {
		out = append(out, at.Quotes...)
	}
	return out
}

// extractQuotes scans and attributes the quotes of text; kept lists the
// indexes of the regions that are quotes, in text order.
func extractQuotes(text string, sentences []corpus.Span, entities []corpus.Entity) (*quoteDoc, []quoteRegion, []int) {
	d := newQuoteDoc(text, sentences, entities)
	regions := d.scan()
	d.regions = regions
	for i := range regions {
		d.attribute(regions, i)
	}
	d.attributeBackwards(regions)
	d.attributeSubjects(regions)
	var kept []int
	for i := range regions {
		r := &regions[i]
		if r.inner.Start < r.inner.End && d.keep(r) {
			kept = append(kept, i)
		}
	}
	return d, regions, kept
}

// quoteOf renders region r as a Quote.
func (d *quoteDoc) quoteOf(r *quoteRegion) corpus.Quote {
	q := corpus.Quote{
		Start: r.inner.Start,
		End:   r.inner.End,
		Text:  d.text[r.inner.Start:r.inner.End],
		Cue:   r.cue,
	}
	if r.speaker.End > r.speaker.Start {
		q.SpeakerStart, q.SpeakerEnd = r.speaker.Start, r.speaker.End
		q.Speaker = r.speakerName
	}
	return q
}

// quoteRegion is one quoted stretch of a paragraph as the scanner found it.
type quoteRegion struct {
	open  int         // byte offset of the opening mark
	close int         // byte offset of the closing mark, or the paragraph end
	outer corpus.Span // from the opening mark to after the closing mark
	inner corpus.Span // the quoted words: the Quote span
	para  int         // index of the paragraph in quoteDoc.paras
	// closed is false when the quote ran to the end of its paragraph
	// without a closing mark.
	closed bool
	// runsOn marks a quote continued in the next paragraph; continued
	// marks the paragraph that continues one.
	runsOn, continued bool
	single            bool // delimited by single quotation marks

	// Attribution, filled by attribute.
	attributed  bool
	speaker     corpus.Span
	speakerName string
	cue         string
	// cueNear is true when the cue sits in the quote's own sentence.
	cueNear bool
	// attrEnd is where an attribution after the quote ends, so that the
	// next quote's search for a cue starts after it.
	attrEnd int
	// via says how the speaker was found; cueSpan is the cue's word when
	// it precedes the quote. Both shape the attribution's content span
	// (see contentSpan).
	via     attributionKind
	cueSpan corpus.Span
}

// quoteDoc holds one article's text and what the scanner and attribution
// steps share about it.
type quoteDoc struct {
	text      string
	sentences []corpus.Span
	entities  []corpus.Entity
	paras     []corpus.Span
	starts    map[int][]int       // sentence starts by paragraph; see sentenceStarts
	regions   []quoteRegion       // the scanned quotations, for lookups
	fullNames map[string][]nameAt // by surname; see fullName
	chain     int                 // pronouns being resolved through earlier ones; see subjectPerson
}

func newQuoteDoc(text string, sentences []corpus.Span, entities []corpus.Entity) *quoteDoc {
	d := &quoteDoc{text: text, entities: validEntities(text, entities), starts: map[int][]int{}, fullNames: map[string][]nameAt{}}
	d.sentences = validSpans(text, sentences)
	d.paras = quoteParagraphs(text)
	return d
}

// validSpans returns the spans that lie inside text, sorted, so that bad input
// from a caller cannot make the scanner index out of range.
func validSpans(text string, spans []corpus.Span) []corpus.Span {
	out := make([]corpus.Span, 0, len(spans))
	for _, s := range spans {
		if s.Start >= 0 && s.Start < s.End && s.End <= len(text) {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func validEntities(text string, ents []corpus.Entity) []corpus.Entity {
	out := make([]corpus.Entity, 0, len(ents))
	for _, e := range ents {
		if e.Start >= 0 && e.Start < e.End && e.End <= len(text) {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// paragraphs returns the non-blank lines of text, without surrounding spaces.
func quoteParagraphs(text string) []corpus.Span {
	var out []corpus.Span
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := trimSpaceIn(text, start, end)
		if s < e {
			out = append(out, corpus.Span{Start: s, End: e})
		}
		start = end + 1
	}
	return out
}

// trimSpace narrows [s, e) of text past leading and trailing white space.
func trimSpaceIn(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// Quotation mark roles.
const (
	markNone  = iota
	markOpen  // can only open
	markClose // can only close
	markBoth  // straight mark between two words or two spaces: toggles
)

// mark is one quotation mark in a paragraph.
type quoteMark struct {
	pos, size int
	double    bool
	role      int
}

// isDoubleMark reports whether r is a double quotation mark and what its
// glyph says about its direction.
func doubleGlyph(r rune) (ok bool, role int) {
	switch r {
	case '"', '\uFF02':
		return true, markBoth
	case '\u201C', '\u201E', '\u00AB': // “ „ «
		return true, markOpen
	case '\u201D', '\u00BB': // ” »
		return true, markClose
	}
	return false, markNone
}

func singleGlyph(r rune) (ok bool, role int) {
	switch r {
	case '\'':
		return true, markBoth
	case '\u2018', '\u201A': // ‘ ‚
		return true, markOpen
	case '\u2019': // ’
		return true, markClose
	}
	return false, markNone
}

// openerContext reports whether a mark between prev and next reads as an
// opening mark: it follows a space, a bracket, a dash or the start of the
// paragraph, and a non-space follows it.
func openerContext(prev, next rune) bool {
	return markLeftEdge(prev) && next != 0 && !unicode.IsSpace(next)
}

func closerContext(prev, next rune) bool {
	return prev != 0 && !unicode.IsSpace(prev) && markRightEdge(next)
}

func markLeftEdge(r rune) bool {
	switch {
	case r == 0, unicode.IsSpace(r):
		return true
	case strings.ContainsRune("([{—–-/:;", r):
		return true
	}
	return isQuoteGlyph(r)
}

func markRightEdge(r rune) bool {
	switch {
	case r == 0, unicode.IsSpace(r):
		return true
	case strings.ContainsRune(")]}—–-/:;,.!?…", r):
		return true
	}
	return isQuoteGlyph(r)
}

func isQuoteGlyph(r rune) bool {
	if ok, _ := doubleGlyph(r); ok {
		return true
	}
	ok, _ := singleGlyph(r)
	return ok
}

// marks lists the quotation marks of text[p.Start:p.End] with their roles
// read from the glyph and the characters around it.
func (d *quoteDoc) marks(p corpus.Span) []quoteMark {
	var out []quoteMark
	text := d.text
	for i := p.Start; i < p.End; {
		r, n := utf8.DecodeRuneInString(text[i:p.End])
		dbl, role := doubleGlyph(r)
		sgl := false
		if r == '\'' && i+1 < p.End && text[i+1] == '\'' {
			// Two apostrophes standing for a double quotation mark, as in
			// text converted from some news feeds: ''Yes,'' she said.
			dbl, role, n = true, markBoth, 2
		} else if !dbl {
			sgl, role = singleGlyph(r)
		}
		if !dbl && !sgl {
			i += n
			continue
		}
		var prev, next rune
		if i > p.Start {
			prev, _ = utf8.DecodeLastRuneInString(text[p.Start:i])
		}
		if i+n < p.End {
			next, _ = utf8.DecodeRuneInString(text[i+n : p.End])
		}
		openCtx, closeCtx := openerContext(prev, next), closerContext(prev, next)
		switch {
		case sgl && isAlnum(prev) && isAlnum(next):
			role = markNone // an apostrophe: don't, O’Reilly
		case sgl && role != markOpen && (prev == 's' || prev == 'S') && !isAlnum(next):
			// Plural possessive (voters’) or a closing mark: closing only.
			role = markClose
		case sgl && role == markClose && prev == 0 || sgl && role != markOpen && markLeftEdge(prev) && isASCIIDigit(next):
			role = markNone // ’90s, ’Tis at a paragraph start
		case role == markBoth && openCtx && !closeCtx:
			role = markOpen
		case role == markBoth && closeCtx && !openCtx:
			role = markClose
		case role == markOpen && closeCtx && !openCtx && !markLeftEdge(prev):
			role = markClose // a curly mark typed the wrong way round
		case role == markClose && openCtx && !closeCtx && !isAlnum(prev):
			role = markOpen
		case dbl && role == markClose && prev == 0:
			// A paragraph's first mark closes nothing: ” … what I
			// learned …,” he said (an opening mark typed the wrong way
			// round, before a space).
			role = markOpen
		}
		if role != markNone {
			out = append(out, quoteMark{pos: i, size: n, double: dbl, role: role})
		}
		i += n
	}
	return out
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// scan pairs the quotation marks of every paragraph into regions.
func (d *quoteDoc) scan() []quoteRegion {
	var out []quoteRegion
	carry := false // the previous paragraph left a quote open that runs on
	for pi, p := range d.paras {
		ms := d.marks(p)
		nextOpens := pi+1 < len(d.paras) && d.startsWithOpening(d.paras[pi+1])
		out = d.scanParagraph(out, pi, p, ms, carry, nextOpens)
		carry = len(out) > 0 && out[len(out)-1].para == pi && out[len(out)-1].runsOn
	}
	return out
}

// startsWithOpening reports whether paragraph p begins with an opening
// double quotation mark.
func (d *quoteDoc) startsWithOpening(p corpus.Span) bool {
	if strings.HasPrefix(d.text[p.Start:p.End], "''") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(d.text[p.Start:p.End])
	ok, role := doubleGlyph(r)
	return ok && role != markClose
}

func (d *quoteDoc) scanParagraph(out []quoteRegion, pi int, p corpus.Span, ms []quoteMark, carry, nextOpens bool) []quoteRegion {
	// Double quotation marks first.
	open := -1   // index into ms of the open double mark
	nested := -1 // an inner quote in the other style: "… “Equal Justice” …"
	contd := false
	var doubles []quoteRegion
	emit := func(r quoteRegion) {
		r.continued = r.continued || contd
		contd = false
		doubles = append(doubles, r)
	}
	for i, m := range ms {
		if !m.double {
			continue
		}
		if open < 0 {
			if m.role == markOpen || m.role == markBoth && !d.inchMark(m) {
				open = i
			}
			continue
		}
		fam := d.markFamily(m)
		if nested >= 0 {
			switch {
			case m.role == markOpen:
			case fam == d.markFamily(ms[nested]):
				nested = -1
			case fam == d.markFamily(ms[open]):
				emit(d.newRegion(pi, ms[open], &m))
				open, nested = -1, -1
			}
			continue
		}
		if m.role == markOpen {
			if fam != d.markFamily(ms[open]) {
				nested = i
				continue
			}
			// A second opening mark while one is open. After a full stop it
			// opens the next sentence of the same quotation, as some outlets
			// write it (She said: "It is important. "We have made
			// progress."); otherwise the first was never closed.
			if quoteEndsSentence(d.text[ms[open].pos+ms[open].size : m.pos]) {
				r := d.newRegion(pi, ms[open], nil)
				r.close = strings.LastIndexFunc(d.text[:m.pos], func(c rune) bool { return !unicode.IsSpace(c) }) + 1
				r.outer.End = r.close
				r.inner = quoteInner(d.text, ms[open].pos+ms[open].size, r.close)
				r.runsOn = true
				emit(r)
				contd = true
			}
			open = i
			continue
		}
		emit(d.newRegion(pi, ms[open], &m))
		open = -1
	}
	if open >= 0 {
		r := d.newRegion(pi, ms[open], nil)
		switch {
		case nextOpens:
			r.runsOn = true
			emit(r)
		case ms[open].pos == p.Start || d.afterColon(p, ms[open].pos) || contd:
			// A paragraph-long quote missing its closing mark.
			emit(r)
		}
	}
	if carry && len(doubles) > 0 && doubles[0].open == p.Start {
		doubles[0].continued = true
	}
	// Single quotation marks outside the double-quoted regions.
	open = -1
	var singles []quoteRegion
	for i, m := range ms {
		if m.double || regionsCover(doubles, m.pos) {
			continue
		}
		if open >= 0 && regionsCover(doubles, ms[open].pos) {
			open = -1
		}
		switch {
		case open < 0 && (m.role == markOpen || m.role == markBoth):
			open = i
		case open >= 0 && (m.role == markClose || m.role == markBoth):
			if !regionsCross(doubles, ms[open].pos, m.pos) {
				r := d.newRegion(pi, ms[open], &m)
				r.single = true
				singles = append(singles, r)
			}
			open = -1
		}
	}
	all := append(doubles, singles...)
	sort.Slice(all, func(i, j int) bool { return all[i].open < all[j].open })
	return append(out, all...)
}

// markFamily tells quotation mark styles apart: straight, curly, doubled
// apostrophes, and the rest (guillemets, low marks).
func (d *quoteDoc) markFamily(m quoteMark) int {
	r, _ := utf8.DecodeRuneInString(d.text[m.pos:])
	switch {
	case m.size == 2 && r == '\'':
		return 2
	case r == '"' || r == '\uFF02':
		return 0
	case r == '\u201C' || r == '\u201D':
		return 1
	}
	return 3
}

// inchMark reports whether a straight double mark right after a digit is a
// unit (6'2", 12" ruler) rather than a quotation mark.
func (d *quoteDoc) inchMark(m quoteMark) bool {
	if m.pos == 0 {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(d.text[:m.pos])
	return isASCIIDigit(prev)
}

// afterColon reports whether the text of paragraph p before pos ends with a
// colon ("He said: "…).
func (d *quoteDoc) afterColon(p corpus.Span, pos int) bool {
	s := strings.TrimRight(d.text[p.Start:pos], " \t")
	return strings.HasSuffix(s, ":")
}

// regionsCover reports whether pos lies in one of rs, which are sorted
// and do not overlap.
func regionsCover(rs []quoteRegion, pos int) bool {
	i := sort.Search(len(rs), func(i int) bool { return rs[i].outer.End > pos })
	return i < len(rs) && pos >= rs[i].outer.Start
}

// regionsCross reports whether [a, b) meets one of rs.
func regionsCross(rs []quoteRegion, a, b int) bool {
	i := sort.Search(len(rs), func(i int) bool { return rs[i].outer.End > a })
	return i < len(rs) && rs[i].outer.Start < b
}

// newRegion builds the region from opening mark o to closing mark c, or to
// the paragraph end when c is nil.
func (d *quoteDoc) newRegion(pi int, o quoteMark, c *quoteMark) quoteRegion {
	p := d.paras[pi]
	r := quoteRegion{open: o.pos, para: pi}
	if c != nil {
		r.close = c.pos
		r.closed = true
		r.outer = corpus.Span{Start: o.pos, End: c.pos + c.size}
	} else {
		r.close = p.End
		r.outer = corpus.Span{Start: o.pos, End: p.End}
	}
	r.inner = quoteInner(d.text, o.pos+o.size, r.close)
	return r
}

// quoteInner trims the quoted text between the marks: white space, and the
// trailing , ; : and a single full stop that belong to the sentence (an
// ellipsis stays).
func quoteInner(text string, s, e int) corpus.Span {
	s, e = trimSpaceIn(text, s, e)
	for e > s {
		c := text[e-1]
		switch {
		case c == ',' || c == ';' || c == ':':
			e--
		case c == '.' && !strings.HasSuffix(text[s:e], "..."):
			e--
		default:
			s, e = trimSpaceIn(text, s, e)
			return corpus.Span{Start: s, End: e}
		}
		s, e = trimSpaceIn(text, s, e)
	}
	return corpus.Span{Start: s, End: s}
}

// keep decides whether a quoted region reports words: a quotation of four
// words or more that is not a title or markup, or a shorter one (a partial
// quote or a term) that its sentence attributes.
func (d *quoteDoc) keep(r *quoteRegion) bool {
	inner := d.text[r.inner.Start:r.inner.End]
	if looksLikeMarkup(d.text, r) {
		return false
	}
	words := quoteWordCount(inner)
	if r.single {
		return r.attributed && r.cueNear && words >= 1
	}
	if d.spokenBeforeCue(r) {
		return words >= 1
	}
	if looksLikeTitle(inner) {
		return false
	}
	if words >= 4 {
		return true
	}
	if r.continued || r.runsOn {
		return true
	}
	// A phrase of two or three words inside a sentence that has a subject
	// before it is reported speech more often than not ("Trump launched
	// into a lament for the "countless Americans""); a single word is kept
	// only when a cue attributes it.
	return r.attributed && r.cueNear || words >= 2 && r.speaker.End > r.speaker.Start
}

// spokenBeforeCue reports whether a quote is speech by its place and
// punctuation: it opens its sentence, ends in a comma, question mark or
// exclamation mark inside its marks, and a cue right after it attributes it
// (""Never," he said."; ""Your Honor," I said, "…""). One that looks like a
// title ("Never", "Your Honor") is speech here; a title inside a sentence
// keeps its comma too (On ABC's "This Week," Rubio said …), so one that does
// not open its sentence is left to the other rules.
func (d *quoteDoc) spokenBeforeCue(r *quoteRegion) bool {
	if r.via != viaAfter || !r.attributed || !r.cueNear || r.inner.Start >= r.inner.End || r.close < r.inner.End ||
		!d.onlyPunctBetween(d.sentenceStart(d.paras[r.para], r.open, d.regions), r.open) {
		return false
	}
	// The Quote leaves a trailing comma out and keeps a ? or !.
	return strings.ContainsAny(d.text[r.inner.End-1:r.close], ",?!")
}

// looksLikeMarkup catches quoted HTML attribute values and URLs.
func looksLikeMarkup(text string, r *quoteRegion) bool {
	if r.open > 0 && text[r.open-1] == '=' {
		return true
	}
	inner := text[r.inner.Start:r.inner.End]
	return strings.Contains(inner, "http://") || strings.Contains(inner, "https://") ||
		strings.ContainsAny(inner, "<>")
}

func quoteWordCount(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := isAlnum(r)
		if w && !in {
			n++
		}
		in = w || (in && (r == '\'' || r == '’' || r == '-'))
	}
	return n
}

// looksLikeTitle reports whether every word of a short quotation starts with a
// capital letter or is a short function word: a name or a title ("Meet the
// Press", "America First").
func looksLikeTitle(s string) bool {
	fields := strings.Fields(s)
	if len(fields) == 0 || len(fields) > 8 {
		return false
	}
	caps := 0
	for i, f := range fields {
		f = strings.TrimFunc(f, func(r rune) bool { return !isAlnum(r) })
		if f == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(f)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			caps++
		case i > 0 && titleSmallWords[strings.ToLower(f)]:
		default:
			return false
		}
	}
	return caps > 0
}

var titleSmallWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "and": true, "or": true, "in": true,
	"on": true, "at": true, "to": true, "for": true, "with": true, "by": true, "from": true,
}
