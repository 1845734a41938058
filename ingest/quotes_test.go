package ingest

import (
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/variorum/variorum/corpus"
)

// quoteCase is one table row: the quotes expected in text, each as
// "words" or "words | mention | cue".
type quoteCase struct {
	name string
	text string
	want []string
}

func TestQuotes(t *testing.T) {
	cases := []quoteCase{
		{
			name: "curly with speaker after",
			text: "The Kremlin said it had not received the draft. “No, this plan has not been communicated to us,” Kremlin spokesperson Dmitry Peskov told reporters on November 21.",
			want: []string{"No, this plan has not been communicated to us | Dmitry Peskov | told"},
		},
		{
			name: "straight with speaker and platform before",
			text: `Zelensky wrote on Telegram: "Our teams will work on the points of the plan."`,
			want: []string{"Our teams will work on the points of the plan | Zelensky | wrote on Telegram"},
		},
		{
			name: "inverted attribution",
			text: "“It’s a draft—not yet a destination,” said one EU diplomat.",
			want: []string{"It’s a draft—not yet a destination | one EU diplomat | said"},
		},
		{
			name: "according to",
			text: "According to Axios, the administration views the guarantee as a “major win” for Kyiv.",
			want: []string{"major win | Axios | according to"},
		},
		{
			name: "partial quote inside a sentence",
			text: `The plan says Ukraine would "receive robust security guarantees," without providing further details.`,
			want: []string{"receive robust security guarantees | The plan | says"},
		},
		{
			// After a quote that ends its sentence, an attribution that
			// opens the next quote is the next quote's.
			name: "attribution that opens the next quote",
			text: `Reid said that Sanders has energized "a lot of people" who "are rabidly involved in the system now." He added, "What impresses me is that we have these new people."`,
			want: []string{"a lot of people | Reid | said", "are rabidly involved in the system now | Reid | said",
				"What impresses me is that we have these new people | He | added"},
		},
		{
			name: "attribution that opens the next speaker's quote",
			text: `"It is such a great honour to win," said Gatlin. "It is one of the biggest honours in the sport." Hayes said: "Knowing the people who have won it before is humbling."`,
			want: []string{"It is such a great honour to win | Gatlin | said", "It is one of the biggest honours in the sport | Gatlin | said",
				"Knowing the people who have won it before is humbling | Hayes | said"},
		},
		{
			// A passive names the listener or the topic; "is alleged to
			// have said" still speaks.
			name: "passive is no attribution",
			text: `Ms Simonetti was told her suspension was a result of "inappropriate" images. Mr Houston is alleged to have said that the organs should be "made available to the community".`,
			want: []string{"made available to the community | Mr Houston | said"},
		},
		{
			// A cue inside a that-clause that introduces the quote is the
			// quote's attribution; one that does not leaves the outer cue.
			name: "attribution inside a that-clause",
			text: `The News of the World reports that Anelka told a French magazine: "I either decide to win titles or to have an easy life." Officials said that the president was "very angry" about it.`,
			want: []string{"I either decide to win titles or to have an easy life | Anelka | told", "very angry | Officials | said"},
		},
		{
			name: "split quote shares its speaker",
			text: `"We will win," she said. "And we will win big."`,
			want: []string{"We will win | she | said", "And we will win big | she | said"},
		},
		{
			name: "closing glyph opening a paragraph",
			text: "Obama said the words lump the good with the bad.\n\n” … when you start calling these organizations ‘Islamic terrorists,’ the way it’s heard is that somehow Islam is terroristic,” he said.",
			want: []string{"… when you start calling these organizations ‘Islamic terrorists,’ the way it’s heard is that somehow Islam is terroristic | he | said"},
		},
		{
			name: "nested single quotes stay inside",
			text: "“Why would I want to say ‘no’ to the circus? I like circuses,” he told the newspaper.",
			want: []string{"Why would I want to say ‘no’ to the circus? I like circuses | he | told"},
		},
		{
			name: "straight nested single quotes",
			text: `"He told me 'never again' and left," Smith said.`,
			want: []string{"He told me 'never again' and left | Smith | said"},
		},
		{
			name: "quote running over paragraphs",
			text: "“The first part of the statement goes on for a while\n“and the second paragraph continues it,” the minister said.",
			want: []string{
				"The first part of the statement goes on for a while | the minister | said",
				"and the second paragraph continues it | the minister | said",
			},
		},
		{
			name: "quote reopened at each sentence",
			text: `She told BBC One: "It is important to support teachers. "We have made huge progress on the cases."`,
			want: []string{
				"It is important to support teachers | She | told",
				"We have made huge progress on the cases | She | told",
			},
		},
		{
			name: "paragraph quote after a colon",
			text: "He said:\n\n\"In all the administrations I have served in, it is like going into a monastery.\"",
			want: []string{"In all the administrations I have served in, it is like going into a monastery | He | said"},
		},
		{
			name: "doubled apostrophes",
			text: "''Bernie seemed more transparent than her,'' said Rachel Woolard, 20, of Jacksonville.",
			want: []string{"Bernie seemed more transparent than her | Rachel Woolard | said"},
		},
		{
			name: "scare quotes and titles are not quotes",
			text: "Kherson and Zaporizhzhia remain in a “frozen” status. Oversight is handled by a “Peace Council” chaired by Donald Trump. He appeared on “Meet the Press” on Sunday.",
			want: nil,
		},
		{
			name: "a capitalised word said before its cue is speech, not a title",
			text: "The judge looked up. “Never,” he said. “Your Honor,” I said, “I would like to answer.” On ABC’s “This Week,” Rubio said he would run.",
			want: []string{"Never | he | said", "Your Honor | I | said", "I would like to answer | I | said"},
		},
		{
			name: "a day after a title is no speaker",
			text: "On ABC’s “Good Morning America” Tuesday, he said, “I never said I was going to pay for fees.”",
			want: []string{"I never said I was going to pay for fees | he | said"},
		},
		{
			name: "a thing called by a name is no quote",
			text: "The result is a work in progress called “ipodder”. Petrol vapour exploded early, a phenomenon called “knocking”. Trump called Haley “very weak on immigration.”",
			want: []string{"very weak on immigration | Trump | called"},
		},
		{
			name: "an opening adverb is no speaker",
			text: "Perhaps more important is the Cell's role in the imminent “war on living rooms”. Next year will be “make or break” for development.",
			want: []string{"war on living rooms"},
		},
		{
			name: "attributed scare quote is a quote",
			text: "US officials have described the plan as a “major achievement” for Ukraine.",
			want: []string{"major achievement | US officials | described"},
		},
		{
			name: "unbalanced opening mark stays in its paragraph",
			text: "He said \"this never closes\nA second paragraph with \"a real quote,\" she said.",
			want: []string{"a real quote | she | said"},
		},
		{
			name: "stray closing mark",
			text: "Nothing here” is quoted. Then “a properly quoted remark from someone,” Smith said.",
			want: []string{"a properly quoted remark from someone | Smith | said"},
		},
		{
			name: "inches and apostrophes",
			text: `He is 6'2" tall and the students' union isn't "pleased about the plan at all," its president said.`,
			want: []string{"pleased about the plan at all | its president | said"},
		},
		{
			name: "html attribute",
			text: `<a href="http://example.com/story">link</a> was shared.`,
			want: nil,
		},
		{
			name: "empty quotes",
			text: `He said "" and “ ” and left.`,
			want: nil,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := Quotes(c.text, nil, nil)
			var got []string
			for _, q := range qs {
				checkQuote(t, c.text, q)
				s := q.Text
				if q.SpeakerEnd > q.SpeakerStart {
					s += " | " + c.text[q.SpeakerStart:q.SpeakerEnd] + " | " + q.Cue
				}
				got = append(got, s)
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("Quotes(%q)\n got: %q\nwant: %q", c.text, got, c.want)
			}
		})
	}
}

// TestQuotesSpeakerResolution checks that a mention resolves to a name: a
// pronoun to the person last named as a source, a surname to the full name,
// and a mention inside an entity to the entity's canonical name.
func TestQuotesSpeakerResolution(t *testing.T) {
	text := "Donald Trump told Fox News on Friday that Ukraine would lose the land. " +
		"“They will lose this land in a very short time,” he said.\n" +
		"“We are ready,” Trump added."
	qs := Quotes(text, nil, nil)
	if len(qs) != 2 {
		t.Fatalf("got %d quotes, want 2: %+v", len(qs), qs)
	}
	for _, q := range qs {
		if q.Speaker != "Donald Trump" {
			t.Errorf("quote %q: speaker %q, want Donald Trump", q.Text, q.Speaker)
		}
	}
	ents := []corpus.Entity{{Start: 0, End: 12, Text: "Donald Trump", Label: corpus.Person, Canonical: "Donald J. Trump"}}
	i := strings.LastIndex(text, "Trump")
	ents = append(ents, corpus.Entity{Start: i, End: i + len("Trump"), Text: "Trump", Label: corpus.Person, Canonical: "Donald J. Trump"})
	for _, q := range Quotes(text, nil, ents) {
		if q.Speaker != "Donald J. Trump" {
			t.Errorf("with entities, quote %q: speaker %q, want the canonical Donald J. Trump", q.Text, q.Speaker)
		}
	}
	// An entity inside a descriptive mention is not its speaker.
	text = "“The guarantees are a deterrent,” one US official told Axios."
	us := strings.Index(text, "US")
	ents = []corpus.Entity{{Start: us, End: us + 2, Text: "US", Label: corpus.GPE, Canonical: "United States"}}
	qs = Quotes(text, nil, ents)
	if len(qs) != 1 || qs[0].Speaker != "one US official" {
		t.Errorf("got %+v, want speaker one US official", qs)
	}
}

// TestQuotesPreviousSpeaker: a pronoun crediting a quote refers to the
// person credited with a quote in the sentence before, when there is one,
// rather than to the last person named (passages from NewsWCL50 and
// PolNeAR, through the extractor); not so for "who", which takes the name
// just before it.
func TestQuotesPreviousSpeaker(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{`Matthew Pottinger, senior director for Asian affairs for Trump's National Security Council, said Trump would challenge "the full range of threats that North Korea poses" during any meeting with Kim. The goal, he said, is "the permanent denuclearization of North Korea."`,
			"the permanent denuclearization of North Korea", "Matthew Pottinger"},
		{"Lesley Deutch, a senior vice president in the Boca Raton office of John Burns Real Estate Consulting, said the ''old model'' of private golf clubs is in decline.\n\n''I don't think the industry is over,'' she said.",
			"I don't think the industry is over", "Lesley Deutch"},
		// With entities: a lone surname agrees through the full name
		// written with it, and a title settles a surname a man and a
		// woman share.
		{`Hillary Clinton met Bernie Sanders in Iowa. Clinton said that Sanders's latest plan was unserious. "Again, we need to get into the details," she said.`,
			"Again, we need to get into the details", "Clinton"},
		{`President Emmanuel Macron met Melania Trump at the White House. Later Mr. Trump threatened Iran. "You can mark it down," he said.`,
			"You can mark it down", "Trump"},
		{`President Trump and Melania Trump welcomed Emmanuel Macron. "We have to make him perfect," Mr. Trump said.`,
			"We have to make him perfect", "Trump"},
		// A pronoun prefers, nearby, a name that is no object of a
		// preposition and no possessive.
		{`Mitch McConnell spoke with Donald Trump on Tuesday. "We will see what happens," he said.`,
			"We will see what happens", "Mitch McConnell"},
		{`Chuck Schumer criticised Donald Trump's budget plan. "It is a disgrace," he said.`,
			"It is a disgrace", "Chuck Schumer"},
		// One word never written after a given name may be a given name.
		{`Donald Trump greeted Melanie at the rally. "I love you all," he said.`,
			"I love you all", "Donald Trump"},
		// The subject of the sentence before, the last person in it.
		{`Michael Flynn, a retired general, explained why he backs Donald Trump over Hillary Clinton. "This country needs a leader," he said.`,
			"This country needs a leader", "Michael Flynn"},
		{`Former Manfred Mann singer Paul Jones said Charles was one of his heroes. "I'm quite sure my own writing was influenced by him," he said.`,
			"I'm quite sure my own writing was influenced by him", "Paul Jones"},
		// A surname written alone twice before the article's full name
		// is someone else: not the first lady, after "Trump" had been
		// the president.
		{"Trump hails Macron. President Trump welcomed Emmanuel Macron on Tuesday, and Trump praised him. Trump and first lady Melania Trump hosted a dinner. \"The friendship binds our two nations,\" Trump said.",
			"The friendship binds our two nations", "Trump"},
		// Two people of one surname: the surname alone says no more.
		{`French President Emmanuel Macron arrived with his wife, Brigitte Macron. "We must act together," Macron said.`,
			"We must act together", "Macron"},
		// A participle before a title opens the sentence; the subject
		// follows the comma.
		{`Donald Trump met Emmanuel Macron. Hosting President Emmanuel Macron of France at the White House, Mr. Trump again attacked the accord signed by the last government as "insane" and "ridiculous," but said he could agree to "a new deal" if it was strong enough.`,
			"insane", "Donald Trump"},
		// A paragraph that goes on after its quote with someone's
		// reported speech hands that speaker to a quote opening the next.
		{"\"People who are thinking of switching will have no more excuses,\" Steve Jobs said. Ian Harris, deputy editor of Mac Format magazine, said the machine would appeal to iPod owners.\n\n\"They want a further taste of Mac because they like the iPod.\" Harris added: \"It is a bold move.\"",
			"They want a further taste of Mac because they like the iPod", "Ian Harris"},
		{`Then there was the conservative radio host Charlie Sykes, who lamented in an interview with the Business Insider politics editor Oliver Darcy, "We have spent 20 years demonizing the liberal mainstream media."`,
			"We have spent 20 years demonizing the liberal mainstream media", "Charlie Sykes"},
	})
}

// TestQuotesDescribedSpeaker: a speaker that names no one is one speaker
// wherever the sentence puts it ("The president said" and "said the
// president"), and a name keeps its capitals.
func TestQuotesDescribedSpeaker(t *testing.T) {
	x := extractor(t)
	for _, c := range []struct {
		text, want string
	}{
		{`The president said the talks were "very productive."`, "the president"},
		{`The talks were "very productive," said the president.`, "the president"},
		{`A BBC spokesman said the show was "under review."`, "a BBC spokesman"},
		{`One US official said the plan was "a major win."`, "one US official"},
		{`Three lawmakers said the bill was "dead on arrival."`, "three lawmakers"},
	} {
		d := x.Extract(corpus.Article{ID: "t", Text: c.text})
		if len(d.Quotes) != 1 {
			t.Errorf("%q: quotes %+v, want one", c.text, d.Quotes)
			continue
		}
		if got := d.Quotes[0].Speaker; got != c.want {
			t.Errorf("%q: speaker %q, want %q", c.text, got, c.want)
		}
	}
	for _, name := range []string{"Peskov", "the Kremlin", "The Guardian's editor", "the plan"} {
		if want := strings.Replace(name, "The", "the", 1); describe(name) != want {
			t.Errorf("describe(%q) = %q, want %q", name, describe(name), want)
		}
	}
}

// TestQuotesSentencesGiven checks that sentence spans from a splitter that
// cuts inside a quotation do not change the result.
func TestQuotesSentencesGiven(t *testing.T) {
	text := "“No. This plan has not been communicated to us,” Peskov told reporters. Talks go on."
	naive := []corpus.Span{{Start: 0, End: 6}, {Start: 7, End: 71}, {Start: 72, End: len(text)}}
	a, b := Quotes(text, nil, nil), Quotes(text, naive, nil)
	if len(a) != 1 || len(b) != 1 || !reflect.DeepEqual(a[0], b[0]) {
		t.Fatalf("with and without sentences differ:\n%+v\n%+v", a, b)
	}
	if a[0].Speaker != "Peskov" {
		t.Errorf("speaker %q, want Peskov", a[0].Speaker)
	}
}

// checkQuote asserts the invariants every Quote keeps.
func checkQuote(t testing.TB, text string, q corpus.Quote) {
	t.Helper()
	if q.Start < 0 || q.Start >= q.End || q.End > len(text) {
		t.Fatalf("quote span [%d,%d) out of range (len %d)", q.Start, q.End, len(text))
	}
	// Rune boundaries are defined for valid UTF-8, which ingest guarantees
	// before extraction; invalid input only has to stay in range.
	valid := utf8.ValidString(text)
	if valid && (!utf8.RuneStart(text[q.Start]) || q.End < len(text) && !utf8.RuneStart(text[q.End])) {
		t.Fatalf("quote span [%d,%d) not on rune boundaries", q.Start, q.End)
	}
	if text[q.Start:q.End] != q.Text {
		t.Fatalf("text[%d:%d] = %q, Text = %q", q.Start, q.End, text[q.Start:q.End], q.Text)
	}
	if q.SpeakerStart != 0 || q.SpeakerEnd != 0 {
		if q.SpeakerStart < 0 || q.SpeakerStart >= q.SpeakerEnd || q.SpeakerEnd > len(text) {
			t.Fatalf("speaker span [%d,%d) out of range", q.SpeakerStart, q.SpeakerEnd)
		}
		if valid && (!utf8.RuneStart(text[q.SpeakerStart]) || q.SpeakerEnd < len(text) && !utf8.RuneStart(text[q.SpeakerEnd])) {
			t.Fatalf("speaker span [%d,%d) not on rune boundaries", q.SpeakerStart, q.SpeakerEnd)
		}
	}
	if strings.ContainsAny(q.Text[len(q.Text)-1:], ",;:") {
		t.Fatalf("quote %q ends with sentence punctuation", q.Text)
	}
	// Content: sorted spans of the text, one of which holds the quote.
	holds := false
	for i, c := range q.Content {
		if c.Start < 0 || c.Start >= c.End || c.End > len(text) || i > 0 && c.Start < q.Content[i-1].End {
			t.Fatalf("quote %q: content %+v is not sorted spans of the text", q.Text, q.Content)
		}
		holds = holds || c.Start <= q.Start && q.End <= c.End
	}
	if !holds {
		t.Fatalf("quote [%d,%d) %q is in none of its content spans %+v", q.Start, q.End, q.Text, q.Content)
	}
}

func FuzzQuotes(f *testing.F) {
	for _, a := range corpus.Sample() {
		f.Add(a.Text[:min(len(a.Text), 2000)])
	}
	for _, s := range []string{
		`"A," he said. "B."`, "“open\n“again”", `''x'' '''y'''`, "‘a’ ’b‘ “c”d”", `6'2" "`,
		"\"\n\"\n\"", "“\xff”", "He said:\n\n“", "‘’“”\"'", "“A,” said",
		"r,,said ‘'", // a comma that ends the words before a cue, after another
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		qs := Quotes(text, nil, nil)
		prev := -1
		for _, q := range qs {
			checkQuote(t, text, q)
			if q.Start < prev {
				t.Fatalf("quotes out of order: %d after %d", q.Start, prev)
			}
			prev = q.Start
		}
		// With sentence spans that ignore the quotes, and junk entities,
		// nothing may panic or leave the text.
		var sents []corpus.Span
		for i := 0; i < len(text); i += 7 {
			sents = append(sents, corpus.Span{Start: i, End: min(len(text), i+7)})
		}
		ents := []corpus.Entity{{Start: 0, End: len(text), Label: corpus.Person, Canonical: "X"}, {Start: 5, End: 3}}
		for _, q := range Quotes(text, sents, ents) {
			checkQuote(t, text, q)
		}
		// Attribution contents are sorted spans of the text that hold
		// their quotes.
		for _, at := range Attributions(text, nil, nil) {
			for i, c := range at.Content {
				if c.Start < 0 || c.End > len(text) || c.Start > c.End || i > 0 && c.Start < at.Content[i-1].End {
					t.Fatalf("attribution content %+v of %d bytes is not a sorted span of the text", at.Content, len(text))
				}
			}
			for _, q := range at.Quotes {
				checkQuote(t, text, q)
			}
		}
	})
}

// TestQuoteSpeakers pins who is credited with a quote, by mention, name
// and cue, across the ways news prose attributes one.
// TestQuoteReportedInReported: "X wrote that Y said he had "…"" is Y's
// quote when the article names Y (an entity).
func TestQuoteReportedInReported(t *testing.T) {
	x := extractor(t)
	text := `At one point, Comey wrote that Trump said he had "serious reservations" about Flynn.`
	d := x.Extract(corpus.Article{ID: "t", Text: text})
	if len(d.Quotes) != 1 || d.Quotes[0].Speaker != "Trump" || d.Quotes[0].Cue != "said" {
		t.Errorf("quotes %+v, want one by Trump, cue said", d.Quotes)
	}
}

func TestQuoteSpeakers(t *testing.T) {
	for _, c := range []struct {
		name, text            string
		speaker, mention, cue string // mention: checked when set
	}{
		// A speaker named after its cue ends before an adverb, a
		// relative clause or "of" and a topic, and is the name set off
		// after a description.
		{"said X afterwards", "\"What a great way to finish the year,\" said Nadal afterwards.", "Nadal", "Nadal", "said"},
		{"said X who", "\"The cars have electronic throttles,\" said rally driver Dave Hawkins who runs the company.", "Dave Hawkins", "Dave Hawkins", "said"},
		{"said X of a topic", "\"I welcome this report,\" said Arts minister Estelle Morris of the findings.", "Estelle Morris", "Estelle Morris", "said"},
		{"said a description, a name", "\"We would obviously not block it,\" said Opera spokeswoman, Berit Hanson.", "Berit Hanson", "Berit Hanson", "said"},
		{"said one of them, a name", "\"A decision is expected soon,\" said one of their lawyers, Michalis Dimitrakopoulos.", "Michalis Dimitrakopoulos", "Michalis Dimitrakopoulos", "said"},
		// An appositive ending on a company's suffix ("…, Inc.,") is set
		// off whole.
		{"a name, an appositive ending on Inc.",
			`Brad Parscale, campaign manager for Donald J. Trump for President, Inc., slammed the suit as "frivolous".`,
			"Brad Parscale", "Brad Parscale", "slammed"},
		// Speech reported inside reported speech is the inner speaker's,
		// with "that" or without; an inner pronoun is the outer speaker.
		{"X said Y told him", `After Trump said he would do so, Comey said the president told him, "I have been very loyal to you."`,
			"the president", "the president", "told"},
		{"X said today Y told him", `Tony Blair said today officials told him, "It is over."`,
			"officials", "officials", "told"},
		{"X said she recalled", `Lynch said she recalled thinking, "This is what people have talked about."`,
			"Lynch", "Lynch", "said"},
		// A name in a phrase on a preposition after the head is not the
		// speaker: the head is.
		{"the friend of a name", `The friend of Dustin Hoffman said the film culture was "in a bad way".`,
			"the friend of Dustin Hoffman", "The friend of Dustin Hoffman", "said"},
		{"a spokesman for a name", `"We deny it," a spokesman for Hillary Clinton said.`,
			"a spokesman", "a spokesman", "said"},
		{"names joined in a phrase on of", `The star of Rain Man and Tootsie said the film culture was "in a bad way".`,
			"the star of Rain Man and Tootsie", "The star of Rain Man and Tootsie", "said"},
		{"the mayor of a place", `The mayor of London said the plan was "a disaster".`,
			"the mayor of London", "The mayor of London", "said"},
		// A name set off after a description is the speaker; a
		// description set off is not.
		{"a name after a description, after the quote",
			"\"This is a sham lawsuit,\" the campaign's manager, Brad Parscale, said.", "Brad Parscale", "Brad Parscale", "said"},
		{"a description after a description",
			"\"We will win,\" the minister, a former banker, said.", "the minister", "the minister", "said"},
		// "according to X," set off before a main clause with its own
		// speaker and cue names the source, not the speaker.
		{"according to a source, then the main clause",
			"In one exchange, according to copies of the memos obtained by The New York Times, Mr. Trump told Mr. Comey that he had reservations about Mr. Flynn: \"The guy has serious judgment issues.\"", "Trump", "Mr. Trump", "told"},
		{"according to a source alone",
			"According to the memos, the meeting was \"very cordial and pleasant.\"", "the memos", "the memos", "according to"},
		// A relative clause names the speaker across a short adjunct and
		// before an article.
		{"whom he described on Twitter as a",
			"Mr. Trump met Mr. Abe, whom he described on Twitter as a \"truly fine gentleman.\"", "Trump", "he", "described on Twitter as"},
		// A sentence opening on a preposition opens no subject ("reports"
		// is no verb with "After days of ominous" before it).
		{"preposition opens no subject",
			"After days of ominous reports about his lawyer, Mr. Trump sounded upbeat about \"a truly great deal.\"", "Trump", "Mr. Trump", ""},
		// A past verb is no title between two names: the subject is Mr.
		// Trump, not "Mr. Trump met Mr. Abe".
		{"past verb between names",
			"Mr. Trump met Mr. Abe, a \"truly fine gentleman.\"", "Trump", "Mr. Trump", ""},
		// A subject ends before its verb, "ran" as "rose" would.
		{"an irregular past after the subject", "The player ran at him shouting \"what do you want to do about it?\"", "the player", "The player", "shouting"},
		// A cue and speaker set off in the middle of the sentence.
		{"says X set off", "The idea, says BT, is to shape a \"21st Century model\" for the arts.", "BT", "BT", "says"},
		// A conjunction opens no speaker.
		{"until someone", "The DJ plays on until someone tells him \"the radio is off.\"", "someone", "someone", "tells"},
		// "for" and "and" inside a body's name stay in the speaker.
		{"a department's name", "A Department for Education and Skills source said: \"Every day in school counts.\"",
			"a Department for Education and Skills source", "A Department for Education and Skills source", "said"},
		// A modifier in -ing before a name is no participle, and a title
		// before "of" and a name is no topic (from a review).
		{"acting director", "\"We are ready,\" acting director John Smith said.", "John Smith", "John Smith", "said"},
		{"leading economist", "\"Growth will slow,\" leading economist Paul Krugman said.", "Paul Krugman", "Paul Krugman", "said"},
		{"Professor of politics", "\"The turnout was low,\" said Professor of politics John Curtice.", "John Curtice", "John Curtice", "said"},
		{"a day after the comma", "\"We will appeal,\" said the company, Monday.", "the company", "the company", "said"},
		// A participle after the quote opens no attribution: "pushing
		// North Korea to threaten" reports no speech of North Korea's.
		{"participle after the quote",
			"Shortly after, Trump promised North Korea \"fire and fury like the world has never seen,\" pushing North Korea to threaten Guam.", "Trump", "Trump", "promised"},
		// A pronoun skips a name whose honorific disagrees with it, names
		// inside quotations and objects of verbs of telling.
		{"pronoun, not the name inside the quote",
			"Her plans did not impress shadow minister Tim Collins. “Ruth Kelly has no idea what to put in its place,” he said.", "Tim Collins", "he", "said"},
		{"pronoun agrees with Ms", "Mr John Smith spoke first and Ms Anna Jones replied. “We will not be moved on this at all,” she said.", "Anna Jones", "she", "said"},
		{"pronoun agrees with Mr", "Mr John Smith spoke first and Ms Anna Jones replied. “We will not be moved on this at all,” he said.", "John Smith", "he", "said"},
		// Without an honorific the given name tells, when it is nearly
		// always a woman's or a man's; a name written surname first, as
		// Chinese names are, does not mislead it.
		{"she skips a man's given name", "Hillary Clinton spoke first and Bernard Smith replied. “We will not be moved on this at all,” she said.", "Hillary Clinton", "she", "said"},
		{"he skips a woman's given name", "Robert Jones spoke first and Hillary Clinton replied. “We will not be moved on this at all,” he said.", "Robert Jones", "he", "said"},
		{"surname first", "Foreign Ministry spokesman Lu Kang spoke after Mary Smith. “This is extremely irresponsible,” he told reporters.", "Lu Kang", "he", "told"},
		// A word that opens a sentence is no given name: "Following
		// Trump's speech" does not make Trump "Following Trump".
		{"sentence opener is no given name", "Following Trump’s speech, the aides left early. Trump has called the deal “the worst deal ever negotiated” many times.", "Trump", "Trump", "called"},
		{"pronoun skips the listener", "Donald Trump told Fox News on Friday that the war was lost. “They will lose this land very soon,” he said.", "Donald Trump", "he", "said"},
		// A party and state the AP way between the name and the cue: the
		// state's full stop does not end the sentence.
		{"party and state in brackets", "“It’s a dog whistle to all Americans,” Rep. Gwen Moore (D-Wis.) said Friday.", "Gwen Moore", "Rep. Gwen Moore", "said"},
		{"party and state between commas", "“Our assumption is that the veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.",
			"Mitch McConnell", "Senate Majority Leader Mitch McConnell", "said"},
		{"state after a title", "“Mitt Romney was prepared,” Sen. Claire McCaskill (D-Mo.) said.", "Claire McCaskill", "Sen. Claire McCaskill", "said"},
		// A short title in lower case before the name.
		{"lower-case title", "“Elections are a choice,” political scientist Christopher Wlezien told the paper.", "Christopher Wlezien", "Christopher Wlezien", "told"},
		{"one-word title", "“Voters want change,” pollster Frank Luntz said on Sunday.", "Frank Luntz", "Frank Luntz", "said"},
		// A cue after the quote that opens a that-clause is no inverted
		// attribution: the speaker is the one before.
		{"cue and that after the quote", "City Attorney Brad Holm said in the letter that the advertisement “unmistakably and wrongfully” suggests that Phoenix supports the campaign.",
			"Brad Holm", "City Attorney Brad Holm", "said"},
		// A phrase after the subject's noun does not name the speaker:
		// a description is the speaker with its phrase, a name stays the
		// name, and a spokesman speaks for his organisation.
		{"description and its place", "Officials in Kyiv said the talks were “useful and frank.”", "officials in Kyiv", "Officials in Kyiv", "said"},
		{"description and its of", "Residents of the town said they were “terrified of the water.”", "residents of the town", "Residents of the town", "said"},
		{"participle and its phrase", "Protesters marching through the streets chanted “What curfew?” and kept going.",
			"protesters marching through the streets", "Protesters marching through the streets", "chanted"},
		{"name and a time", "But Band Aid founder Bob Geldof in July said he was sick of hearing “guff” about scars.", "Bob Geldof", "Bob Geldof", "said"},
		{"a rally in a state", "Mr. Trump at a rally in Ohio said the deal was “a disaster for workers.”", "Trump", "Mr. Trump", "said"},
		{"spokesman for", "A spokesman for the Kremlin said the claims were “absurd and baseless.”", "Kremlin", "the Kremlin", "said"},
		{"time before the name", "Earlier in the day Trump said the plan was “a disaster.”", "Trump", "Trump", "said"},
		{"cue inside a relative clause", "Pompeo's trip, which was first reported by The Washington Post, came to light after Trump told reporters the talks were at “extremely high levels.”",
			"Trump", "Trump", "told"},
		{"relative clause after the quote", "Mr. Macron said the goal would be to “contain Iran in the region,” an argument that seemed to resonate with Mr. Trump, who said one goal was to block Iran.",
			"Macron", "Mr. Macron", "said"},
		{"set-off relative clause after the quote", "“This position has always been hard,” Melanne Verveer, who served as chief of staff, told CBS News.",
			"Melanne Verveer", "Melanne Verveer", "told"},
		{"adverb between subject and cue", "The chancellor meanwhile insisted his plans were “fully funded.”", "the chancellor", "The chancellor", "insisted"},
		{"conjunction before the name", "The vote was close. But Mr Blair said: “All the others are wrong about this.”", "Blair", "Mr Blair", "said"},
		{"cue before the speaker", "The plan was approved. Said Mr Fogg: “It is a good day for the town.”", "Fogg", "Mr Fogg", "Said"},
		{"possessive place before a surname", "Cyril Ramaphosa met the envoy on Friday. “We will stop all the deliveries,” South Africa's Ramaphosa said.", "Cyril Ramaphosa", "South Africa's Ramaphosa", "said"},
		{"possessive place before a title", "“We will stop all the deliveries,” Argentina's President said.", "Argentina's President", "Argentina's President", "said"},
		{"that-clause after the quote", "Strategists are skeptical. “He can assert it, but it seems extremely unlikely” that Sanders can catch Clinton, said Steve Elmendorf, a Democratic strategist.",
			"Steve Elmendorf", "Steve Elmendorf", "said"},
		{"began by saying", "The senator began by saying, “We have a problem here.”", "the senator", "The senator", "saying"},
		// A transcript's label names the speaker of its line, with the
		// full name the article gives.
		{"transcript label", "Fox News host Chris Wallace spoke with Gov. Mike Pence.\n\nPartial transcript as follows:\n\n\"PENCE: Well, look, this is a game.\"",
			"Mike Pence", "PENCE", ""},
		{"transcript label without a full name", "\"MR. TRUMP: Nobody does it better.\"", "Mr. Trump", "MR. TRUMP", ""},
		// A name set before the quote with a colon, as roundups of
		// commentary credit their excerpts.
		{"name before a colon", "The demographic interplay has been important - Philip Bump: “Two weeks ago, his strongest territory had been the South.”",
			"Philip Bump", "Philip Bump", ""},
		{"two names before a colon", "More from Mark Blumenthal and Jon Cohen: “Data collected by our firm helps confirm that both issues were in play.”",
			"Mark Blumenthal and Jon Cohen", "Mark Blumenthal and Jon Cohen", ""},
		{"a place before a colon is no speaker", "Trump also took credit for the Winter Olympics in South Korea: “Without us, they wouldn’t be discussing anything.”",
			"Trump", "Trump", ""},
		// With no cue, the sentence's subject, through a title in lower
		// case; or the people a "To …," phrase gives the view of.
		{"subject with a lower-case title", "First lady Melania Trump was “involved in every detail of the planning” for the dinner.",
			"Melania Trump", "First lady Melania Trump", ""},
		{"to whom", "To officials and analysts in South Korea, the closure is one of the “trust-building steps” they wanted.",
			"officials and analysts", "officials and analysts", ""},
		// The subject ends before its verb, and must end in a noun (by
		// prose's part-of-speech tags): no "those lucrative" or "Possibly".
		{"subject cut before its verb", `The select committee found the scheme was "a shambles from start to finish" and should be scrapped.`,
			"the select committee", "The select committee", ""},
		{"subject cut before a verb in the past", `The piece used one of the woman's quotes as its headline: "Finally. Someone who thinks like me."`,
			"the piece", "The piece", ""},
		{"a subject without its noun is none", `If they aren't, those lucrative "power users who want everything at once", such as computer geeks, will be disappointed.`,
			"", "", ""},
		{"an adverb is no subject", `Possibly the "most important decision of the whole year for the company" is still to come.`, "", "", ""},
		// A name with its title or place, after an opening phrase or
		// before a time.
		{"name and title after an opening phrase", "On Thursday, Stephen E. Boyd, an assistant attorney general, wrote, “In light of the unusual events, the department has consulted the parties.”",
			"Stephen E. Boyd", "Stephen E. Boyd", "wrote"},
		{"name of a place", "Rep. Elijah E. Cummings of Maryland, the senior Democrat on the House committee, said that the memos \"provide strong corroborating evidence.\"",
			"Elijah E. Cummings", "Rep. Elijah E. Cummings of Maryland", "said"},
		{"late before a day", "President Trump late Thursday tweeted that the memos “show clearly” no collusion.", "Trump", "President Trump", "tweeted"},
		{"party and state set off by a comma", "Speaking in Berea, OH, after winning Ohio in the Republican presidential primary, Gov. John Kasich (R-OH), said, “I’m getting ready to rent a covered wagon.”",
			"John Kasich", "Gov. John Kasich", "said"},
		{"an opening day", "Early Tuesday, Iranian President Hassan Rouhani met reporters in Tehran, noting that Iran would “strongly resist” any plans.",
			"Hassan Rouhani", "Iranian President Hassan Rouhani", "noting"},
		// Of the cues in an introductory phrase, the one nearest the quote.
		{"last cue of an introductory phrase",
			"When Clinton noted that Trump may not have paid federal income taxes ― as was true for the few years his tax returns were made public ― Trump boasted, “That makes me smart.”",
			"Trump", "", "boasted"},
		// The subject of "…, saying" after what opens the sentence.
		{"introductory phrase with a place and a time",
			"At a rally in Portsmouth, N.H., on Tuesday, Senator Bernie Sanders of Vermont endorsed Mrs. Clinton, saying that his former rival would make ''an outstanding president.''",
			"Bernie Sanders", "Senator Bernie Sanders of Vermont", "saying"},
		{"introductory phrase with a place and a day",
			"At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton tried to expand on her earlier statement, saying that the United States should play a ''leadership role'' in the fight.",
			"Clinton", "", "saying"},
		{"dateline with an agency",
			"Washington (AFP) – Democrat Hillary Clinton has taken a swipe at Republican rival Donald Trump’s stance on Brexit, saying that “bombastic comments” will not help.",
			"Democrat Hillary Clinton", "", "saying"},
		{"time phrase", "But a few days later, Trump reversed himself yet again, telling CBS that the laws on abortion “are set in stone.”", "Trump", "", "telling"},
		{"dateline with two hyphens",
			"WASHINGTON -- President Obama, dedicating the museum on Saturday, said it would tell an American story, one of ''suffering and delight.''", "Obama", "", "said"},
		{"sentence adverb",
			"PolitiFact rated 32% of claims as false. Conversely, PolitiFact rated 22% of Democratic claims as “entirely true” compared to 11% of Republican claims.", "PolitiFact", "", ""},
		{"date with a year, colon before the quote's paragraph",
			"Youth unemployment was treated differently.\n\nOn July 6, 2015, Sanders made the following comment:\n\n“For young people who have graduated high school, the rate is 33 percent.”", "Sanders", "", ""},
		{"an age is not the subject",
			"Appearing before cheering supporters Monday morning at NLD headquarters, Suu Kyi, 70, said it was too early to congratulate winners but added, \"I think you all have an idea of the results.\"",
			"Suu Kyi", "", "said"},
		// Appositives and adjuncts between a subject and its cue.
		{"the appositive's name",
			"Perhaps it is a twist of irony, but given the European Union's efforts to collect -- which Apple's chief executive, Tim Cook, called ''total political crap'' -- the question has emerged.",
			"Tim Cook", "", "called"},
		{"an adjunct is not the subject", "The supporter was later charged. Trump at the time said he had asked his people to “look into” paying the fees.", "Trump", "", "said"},
		{"an adjunct after an auxiliary", "Beck, who has in the past described Trump as “a pathological narcissistic sociopath,” did not hold back.", "", "who", "described"},
		// A list of quotes credits each on the line below it.
		{"byline below", "Intro text here.\n\n\"Almost all new income and wealth is going to the top 1 percent.\"\n\n- Bernie Sanders\n\nThis is true.", "Bernie Sanders", "Bernie Sanders", ""},
		{"byline below with a full stop", "Intro.\n\n\"Boeing and GE and other multinationals . . . pay zero taxes.\"\n\n- Sanders.\n\nThis is a complex issue.", "Sanders", "Sanders", ""},
		{"byline below with a place", "Quotable.\n\n\"The whole idea of it is something that we hear about all the time, and it needs to stop.\"\n\n-Michelle Marks, Philadelphia.",
			"Michelle Marks", "Michelle Marks", ""},
		// A determiner that stands for its noun is a subject; an -ing word
		// after a determiner is no cue but an adjective.
		{"number after of", "Pressed on dads, the mother of three replied, \"It's meant to benefit the mother who has given birth.\"",
			"the mother of three", "the mother of three", "replied"},
		{"determiner as subject", "One man said he was fine. Yet another said, \"Rubio is in a five-person battle for second place.\"",
			"another", "another", "said"},
		{"inverted determiner", "\"America is great! Trump is disgusting,\" read one.", "one", "one", "read"},
		{"adjective in -ing", "\"The odds are more likely than not that there will be eight justices,\" said another leading Supreme Court advocate.",
			"another leading Supreme Court advocate", "another leading Supreme Court advocate", "said"},
		// Cues the rules above missed: "began by saying" after a clause
		// with no comma, an appositive before "put it", "shot back",
		// "cracked", an inverted cue set off before the quote, and a
		// subject that speaks through "was prompted to".
		{"began by saying after a clause", "Ben Brafman took a short recess. When he returned he began by saying, \"I do not think it is necessary for him to go to jail.\"",
			"Ben Brafman", "he", "saying"},
		{"appositive before put it", "Or, as Tom Ridge, a former secretary of homeland security, put it: \"The barbarians are no longer at the gate.\"",
			"Tom Ridge", "Tom Ridge", "put it"},
		{"name in the appositive before put it", "As the LinkedIn chief executive, Jeff Weiner, put it in his memo, \"Imagine a world where we are the giants.\"",
			"Jeff Weiner", "Jeff Weiner", "put it"},
		{"shot back", "Asked whether the campaign should take responsibility, Mr. Smith shot back: \"That would be good.\"",
			"Smith", "Mr. Smith", "shot back"},
		{"cracked", "During their first debate, Hillary Clinton cracked, \"I am a progressive who likes to get things done.\"",
			"Hillary Clinton", "Hillary Clinton", "cracked"},
		{"inverted cue set off before the quote", "Because of how Democrats crafted the primary schedule, explained Rosenberg, \"with this thing being over by mid-March the race is done.\"",
			"Rosenberg", "Rosenberg", "explained"},
		{"speaks through a passive", "But the debate was so subdued that Mr. Trump was prompted to say, \"So far, I cannot believe how civil it has been.\"",
			"Trump", "Mr. Trump", "say"},
		{"a telling verb after an appositive", "Peter Mandelson, the trade commissioner, told BBC Radio 4's Today programme: \"We will not be moved on this.\"",
			"Peter Mandelson", "Peter Mandelson", "told"},
		// The relative clause that names the words credits them, not
		// the main clause's cue.
		{"what someone called", "But even as they touted what Trump called \"a very special relationship,\" Macron repeatedly hinted at the issues dividing them.",
			"Trump", "Trump", "called"},
		{"an apposition after what", "The delegates were protected in what Bay Buchanan, national treasurer for Ronald Reagan's insurgent campaign, called \"hand-to-hand combat.\"",
			"Bay Buchanan", "Bay Buchanan", "called"},
		{"which someone described as", "The hacker broke into the email server, which Guccifer described as \"like an open orchid.\"",
			"Guccifer", "Guccifer", "described as"},
		{"a line that goes on is no byline", "Intro.\n\n\"We will win this fight in the end, whatever it takes.\"\n\n- Sanders and his aides left the hall before the vote was called, as the crowd cheered.", "", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			qs := Quotes(c.text, nil, nil)
			if len(qs) != 1 {
				t.Fatalf("%q: got %+v, want one quote", c.text, qs)
			}
			q := qs[0]
			checkQuote(t, c.text, q)
			mention := c.text[q.SpeakerStart:q.SpeakerEnd]
			if q.Speaker != c.speaker || q.Cue != c.cue || c.mention != "" && mention != c.mention {
				t.Errorf("speaker %q (mention %q), cue %q; want %q (mention %q), cue %q", q.Speaker, mention, q.Cue, c.speaker, c.mention, c.cue)
			}
		})
	}
	// Elsewhere a state's name with a full stop may end a sentence.
	for _, c := range []struct {
		word, rest string
		want       bool
	}{
		{"D-Wis", ") said", true}, {"R-Ky", ", said", true}, {"Calif", ") said", true},
		{"Mass", ", said", true}, {"Mass", " He", false}, {"Wash", "", false}, {"Wis", " said", false},
		{"D-Paris", ")", false},
	} {
		if got := stateDot(c.word, c.rest); got != c.want {
			t.Errorf("stateDot(%q, %q) = %v, want %v", c.word, c.rest, got, c.want)
		}
	}
}

// TestQuotesTranscript checks the lines of a transcript: each label names
// its line's speaker and is not part of the quoted words; a label such as
// VIDEO names nobody.
func TestQuotesTranscript(t *testing.T) {
	text := "Fox News host Chris Wallace spoke with Gov. Mike Pence.\n\nPartial transcript as follows:\n\n" +
		"\"WALLACE: Why would Trump do that?\n\n\"PENCE: Well, look, this is a game.\n\n\"VIDEO: We came, we saw, he died.\""
	var got []string
	for _, q := range Quotes(text, nil, nil) {
		checkQuote(t, text, q)
		got = append(got, q.Text+" | "+q.Speaker)
	}
	want := []string{"Why would Trump do that? | Chris Wallace", "Well, look, this is a game | Mike Pence"}
	if len(got) != 3 || !slices.Equal(got[:2], want) || strings.HasSuffix(got[2], "Video") {
		t.Errorf("quotes = %q, want %q and a VIDEO line not said by Video", got, want)
	}
}

// TestQuotesRandomText feeds the quote finder texts drawn at random from
// quotation marks, cue words, names and punctuation, the tokens its rules
// turn on: the fuzzer's byte mutations reach such texts slowly, and this
// found a panic it had not (a comma ending the words before a cue). Every
// quote must be a valid span of its text, with sentences given or not.
func TestQuotesRandomText(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	pieces := []string{"\"", "“", "”", "'", "‘", "’", "''", " ", "\n", "\n\n", "said", "he", "She", "Trump",
		",", ".", ":", "told", "according to", "that", "A", "word", "Mr.", "—", "saying", "(", ")", "-"}
	for n := 0; n < 400; n++ {
		var b strings.Builder
		for size := 20 + r.Intn(3000); b.Len() < size; {
			b.WriteString(pieces[r.Intn(len(pieces))])
			if r.Intn(3) == 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		var sents []corpus.Span
		for i := 0; i < len(text); i += 1 + r.Intn(200) {
			sents = append(sents, corpus.Span{Start: i, End: min(len(text), i+1+r.Intn(200))})
		}
		for _, q := range Quotes(text, nil, nil) {
			checkQuote(t, text, q)
		}
		for _, q := range Quotes(text, sents, nil) {
			checkQuote(t, text, q)
		}
		for _, at := range Attributions(text, nil, nil) {
			for _, q := range at.Quotes {
				checkQuote(t, text, q)
			}
		}
	}
}

// TestQuotesRoleSpeaker: a definite description crediting a quote ("the
// president said") is the person the article gave that role, by a title
// before their name or an apposition after it, the one of them named
// last; the description stays when no one was given it.
func TestQuotesRoleSpeaker(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{`South Korean President Moon Jae-in met Donald Trump in Seoul. President Trump praised the summit. Later Mr. Trump welcomed the news. "This is very good news for the world," the president said in a Twitter message.`,
			"This is very good news for the world", "Donald Trump"},
		{`Japanese Defense Minister Itsunori Onodera said Tokyo would keep up pressure on Pyongyang. "The announcement is not sufficient," the defense minister told reporters.`,
			"The announcement is not sufficient", "Itsunori Onodera"},
		{`The summit was announced by Kim Jong Un, the North Korean leader, on Friday. "The nuclear test site has done its job," the leader said.`,
			"The nuclear test site has done its job", "Kim Jong Un"},
		// No one was called president: the description stays.
		{`Kim Jong Un met officials on Friday. "We will stop the tests," the president said.`,
			"We will stop the tests", "the president"},
		// A deputy is not the prime minister.
		{`Deputy Prime Minister John Prescott hosted the dinner. "It is a load of nonsense," the prime minister said.`,
			"It is a load of nonsense", "the prime minister"},
		// A role of someone's: not that someone.
		{`President Donald Trump spoke on Friday. "We are not worried," the president's spokesman said.`,
			"We are not worried", "the president's spokesman"},
		// A title's head comes before "of": Pompeo is the secretary, not
		// the state; Kim is the leader, not the party.
		{`Secretary of State Mike Pompeo flew to Pyongyang. "The visit is over," the state said.`,
			"The visit is over", "the state"},
		{`Secretary of State Mike Pompeo flew to Pyongyang. "The visit went well," the secretary said.`,
			"The visit went well", "Mike Pompeo"},
		{`The talks were led by Kim Jong Un, the leader of the ruling party, on Friday. "We will meet again," the party said.`,
			"We will meet again", "the party"},
		{`The talks were led by Kim Jong Un, the leader of the ruling party, on Friday. "We will meet again," the leader said.`,
			"We will meet again", "Kim Jong Un"},
	})
}

// TestQuotesPersonDescription: a description of a person as the speaker
// ("the American", "the 30-year-old", "the Dutchman") is the person the
// text just named when it tells: the sentence's own subject of a clause
// before it, or the name heading the sentence before; otherwise the
// description stays.
func TestQuotesPersonDescription(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{`Andre Agassi was delighted with his win over Nicolas Massu. "I felt pretty good," said the American.`,
			"I felt pretty good", "Andre Agassi"},
		{`Tottenham manager Martin Jol praised his players on Sunday. "It was a professional performance," the Dutchman said.`,
			"It was a professional performance", "Martin Jol"},
		{`Darren Campbell said the honour capped a hard year. "The medal is important to me," said the 30-year-old.`,
			"The medal is important to me", "Darren Campbell"},
		{`When Lleyton Hewitt shook hands with Roger Federer after the final, the Australian said: "You are the best."`,
			"You are the best", "Lleyton Hewitt"},
		{`"Comey was right to document it," Elijah Cummings said in a statement. The congressman added that the memos are also "corroborated by handwritten notes."`,
			"corroborated by handwritten notes", "Elijah Cummings"},
		// A name that is not what the subject is about tells nothing.
		{`The old friend of Marlon Brando spoke to reporters on Tuesday. "He refused the part," the 80-year-old said.`,
			"He refused the part", "the 80-year-old"},
		{`Wearing a Giorgio Armani gown, the actress told reporters: "I am thrilled to be here."`,
			"I am thrilled to be here", "the actress"},
		// No one named: the nationality is no name.
		{`The match lasted three hours. "I felt pretty good," said the American.`,
			"I felt pretty good", "the American"},
	})
	for _, c := range []struct {
		fields []string
		want   string
	}{
		{[]string{"the", "American"}, "i"},
		{[]string{"the", "Dutchman"}, "he"},
		{[]string{"the", "Waterford", "man"}, "he"},
		{[]string{"the", "22-year-old"}, "i"},
		{[]string{"the", "Arsenal", "striker"}, "i"},
		{[]string{"the", "British"}, ""},
		{[]string{"the", "statement"}, ""},
		{[]string{"a", "player"}, ""},
	} {
		if got := personDescription(c.fields); got != c.want {
			t.Errorf("personDescription(%q) = %q, want %q", c.fields, got, c.want)
		}
	}
}

// TestQuotesSentenceOpeners: what opens the sentence after a quote is no
// speaker: a phrase on a preposition after a question ("…?" On
// immigration, X said: "…") starts the next quote's sentence, and "But"
// before "he said" is the sentence's, not the speaker's.
func TestQuotesSentenceOpeners(t *testing.T) {
	text := `Writer Neil Coppendale asked: "How do you sleep at night?" On immigration, London teacher Diane Granger said: "Why is it so hard?"`
	checkSpeakers(t, []speakerCase{
		{text, "How do you sleep at night?", "Neil Coppendale"},
		{text, "Why is it so hard?", "Diane Granger"},
		{`Charles Kennedy spoke in Leeds. "You don't hear that because it isn't a wasted vote." But he said Mr Blair had lost the trust of the people.`,
			"You don't hear that because it isn't a wasted vote", "Charles Kennedy"},
	})
}

// TestQuotesPronounChain: a pronoun after a sentence whose subject is the
// same pronoun means whom that one meant, not the last person named in
// between.
func TestQuotesPronounChain(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"The White House economic adviser Larry Kudlow spoke on Tuesday. Mr. Kudlow said he expected Mr. Abe to petition Mr. Trump for an exemption. He also tamped down expectations about the trade pact, which Mr. Trump pulled out of during his first week in office.\n\n\"We are in the pre-preliminary stages of any discussions,\" he said.",
			"We are in the pre-preliminary stages of any discussions", "Kudlow"},
		// A relative clause that ended with its sentence does not hold
		// the pronoun.
		{`The prize went to John Smith, whose novel sold a million copies. "I am thrilled," he said.`,
			"I am thrilled", "John Smith"},
	})
}

// TestQuotesReportedSpeech: a partial quote in a that-clause of a named
// speaker's reported speech, or one a relative clause on its source
// introduces ("…, which read, "…""), is that speaker's, not the outlet's
// that reports it; not so through a possessive or another attribution.
func TestQuotesReportedSpeech(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"NK News, a website on the communist country, reported that Kim Jong Un told a Workers' Party of Korea meeting that there was \"no need\" for such a nuclear program anymore.",
			"no need", "Kim Jong Un"},
		// A relative clause on the source introduces the quote.
		{"Yonhap reports that KCNA published the announcement from Kim Jong Un, which read, \"From April 21, North Korea will stop nuclear tests.\"",
			"From April 21, North Korea will stop nuclear tests", "Kim Jong Un"},
		{"Cruz spokeswoman Catherine Frazier said Thursday that Marco Rubio's claim that Cruz is in favor of legalizing illegal immigrants is \"simply not true.\"",
			"simply not true", "Catherine Frazier"},
	})
}

// TestQuotesItSpeaker: "it" crediting a quote is the organisation, place
// or document credited with the quote before it, nearby; never a person.
func TestQuotesItSpeaker(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"\"From April 21, North Korea will stop nuclear tests,\" the Korean Central News Agency said on Saturday.\n\nThe announcement came a day after the hotline opened.\n\nIt also said the North would \"shut down a nuclear test site in the north.\"",
			"shut down a nuclear test site in the north", "Korean Central News Agency"},
		{`"The plan is final and will not change," the statement said. It also said the plan would "respect the sovereignty of Ukraine."`,
			"respect the sovereignty of Ukraine", "the statement"},
		{`"We are ready for talks," Dmitry Peskov said on Monday. It also said the talks would "go on for weeks."`,
			"go on for weeks", ""},
		// A name ending just before "He" is not the mention "He" (it
		// made "it" the Muslim of "I was a Muslim. He added").
		{`Martin Mubanga said: "I've lost three years of my life, because I was a Muslim. He added: "The authorities wanted to break me." The US government denied the claims. In a statement, it said: "The Department of Defense has no doubt."`,
			"The Department of Defense has no doubt", ""},
	})
}

// TestQuotesTheySpeaker: "they" crediting a quote is the group that opens
// a sentence just before it; without one it stays unknown.
func TestQuotesTheySpeaker(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"The three Republican chairmen — Representative Robert W. Goodlatte, Representative Devin Nunes and Representative Trey Gowdy — issued a joint statement on Thursday. The documents, they said, show Mr. Comey was “blind with biases” and showed bad judgment.",
			"blind with biases", "the three Republican chairmen"},
		{"The chairmen said the memos show that Comey had other standards.\n\nHe chose not to record talks with others, but \"he immediately began to memorialize conversations with President Trump,\" they said.",
			"he immediately began to memorialize conversations with President Trump", "the chairmen"},
		{"The talks went on into the night in Geneva. \"We are close to a deal,\" they said.",
			"We are close to a deal", ""},
	})
}

// TestQuotesRoleBadEntities: entities a caller gets wrong (a blank span,
// a person named like a description) leave a described speaker as it is
// rather than failing.
func TestQuotesRoleBadEntities(t *testing.T) {
	text := "A   B went home. President the president spoke. \"We will win,\" the president said."
	p := strings.Index(text, "the president spoke")
	ents := []corpus.Entity{
		{Start: 1, End: 4, Text: "   ", Label: corpus.Person},
		{Start: p, End: p + len("the president"), Text: "the president", Label: corpus.Person},
	}
	qs := Quotes(text, nil, ents)
	if len(qs) != 1 || qs[0].Text != "We will win" {
		t.Fatalf("quotes %+v, want one", qs)
	}
}

// speakerCase is a passage, one quote in it, and the speaker it should get.
type speakerCase struct{ text, quote, want string }

// checkSpeakers extracts each passage and checks its quote's speaker.
func checkSpeakers(t *testing.T, cases []speakerCase) {
	t.Helper()
	x := extractor(t)
	for _, c := range cases {
		d := x.Extract(corpus.Article{ID: "t", Text: c.text})
		found := false
		for _, q := range d.Quotes {
			if q.Text == c.quote {
				found = true
				if q.Speaker != c.want {
					t.Errorf("%q: speaker %q, want %q", c.quote, q.Speaker, c.want)
				}
			}
		}
		if !found {
			t.Errorf("no quote %q in %+v", c.quote, d.Quotes)
		}
	}
}
