package ingest

import "testing"

// TestAttributionContent pins how Attributions draws content spans.
func TestAttributionContent(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string // content of each attribution, in order
	}{
		{"after", `"We will win," he said.`, []string{`"We will win,"`}},
		{"a participle cue nearer the quote opens its own attribution",
			`Rubio said it was time to question Cruz's temperament, saying “he is not ready to lead.”`,
			[]string{`“he is not ready to lead.”`}},
		{"a participle inside the subject is no cue of its own",
			`Smith said the bill, adding $5 billion to the deficit, was "reckless."`,
			[]string{`the bill, adding $5 billion to the deficit, was "reckless."`}},
		{"nor one in a list",
			`Smith said he was tired of reading, writing and "endless meetings."`,
			[]string{`he was tired of reading, writing and "endless meetings."`}},
		{"a comma right after that sets the quote off",
			`Smith said that, "we will win."`,
			[]string{`"we will win."`}},
		{"reported speech after an earlier quote's attribution, opening with a quote",
			`On "Meet the Press," Smith said "the deal" is "dead."`,
			[]string{`"the deal" is "dead."`}},
		{"a particle that belongs to the cue is not content",
			`She also called for more “flexibility” for U.S. military advisers in Iraq.`,
			[]string{`more “flexibility” for U.S. military advisers in Iraq`}},
		{"nor one of a verb of telling",
			`He warned of “grave consequences” if the talks failed.`,
			[]string{`“grave consequences” if the talks failed`}},
		{"a verb of telling right before that: that is content, no listener",
			`Ramos warned that “nobody can get to the White House without Latinos.”`,
			[]string{`that “nobody can get to the White House without Latinos.”`}},
		{"nor a relative clause after a comma",
			`He later said he was being “sarcastic” in his comments, which raised concerns among experts.`,
			[]string{`he was being “sarcastic” in his comments`}},
		{"nor an appositive",
			`He said the person would “not get beat up” at his rally, a swipe at the disturbances at other rallies.`,
			[]string{`the person would “not get beat up” at his rally`}},
		{"as saying",
			`The newspaper quoted the president as saying “we will not back down.”`,
			[]string{`“we will not back down.”`}},
		{"a comma inside the that-clause sets nothing off",
			`Clinton spokesman Jesse Lehrich said Friday that if his candidate were to win in November, “she would sign this legislation.”`,
			[]string{`that if his candidate were to win in November, “she would sign this legislation.”`}},
		{"reported speech after an earlier quote's attribution",
			`In an interview on CBS's "Face the Nation," House Speaker Paul D. Ryan said the shootings demand "more listening" and "more learning."`,
			[]string{`the shootings demand "more listening" and "more learning."`}},
		{"partial quote in reported speech",
			`Sanders said some families would pay "slightly more" in taxes.`,
			[]string{`some families would pay "slightly more" in taxes`}},
		{"set off by a comma after the cue's adjuncts",
			`Christie told reporters in Nashua last week, "I've said it all along."`,
			[]string{`"I've said it all along."`}},
		{"a leading day is not content",
			`Donald Trump said Friday that it would "have been cool" to win.`,
			[]string{`that it would "have been cool" to win`}},
		{"a new predicate after the quote is not content",
			`He referred to demonstrators as "my friends" and showed flashes of compassion.`,
			[]string{`demonstrators as "my friends"`}}, // "to" belongs to the cue, as PolNeAR draws it
		{"nor a participle clause",
			`Cruz called him the "ultimate hypocrite," linking to a story about it.`,
			[]string{`him the "ultimate hypocrite,"`}},
		{"a phrase of where before that is not content",
			`Trump said during a Friday evening rally in Michigan that Clinton had called the deal "the gold standard" of trade deals.`,
			[]string{`that Clinton had called the deal "the gold standard" of trade deals`}},
		{"nor one of how",
			`The mayor wrote in a letter to the council that the plan was "dead on arrival" this year.`,
			[]string{`that the plan was "dead on arrival" this year`}},
		{"in that is not a phrase of where",
			`He said in that speech the deal was "a disaster" for them.`,
			[]string{`in that speech the deal was "a disaster" for them`}},
		{"reported speech ends where another speaker's attribution starts",
			`South Korea accused the North's leader of "fanatic recklessness." South Korean President Park said Kim's mental state is "spiraling out of control."`,
			[]string{`the North's leader of "fanatic recklessness."`, `Kim's mental state is "spiraling out of control."`}},
		{"a quote whose sentence runs on to the speaker",
			`"You squeezed employees to the breaking point" to drive up the stock price, she said.`,
			[]string{`"You squeezed employees to the breaking point" to drive up the stock price`}},
		{"and to an inverted attribution",
			`"The only way Wall Street will change" is jail time for executives, said Warren.`,
			[]string{`"The only way Wall Street will change" is jail time for executives`}},
		{"a clause before the comma is content",
			`Lynch said she recalled thinking, "This is what people have talked about."`,
			[]string{`she recalled thinking, "This is what people have talked about."`}},
		{"including is not a participle",
			`Salkin said the effort would head off "more radical" protests, including walkouts and jeers, at the speech.`,
			[]string{`the effort would head off "more radical" protests, including walkouts and jeers, at the speech`}},
		{"a later quote shares the reported speech of a dropped one",
			`Zimmerman said he planned to fight "Black Lives Matter" violence and to counter "Hillary Clinton's anti-firearm rhetoric."`,
			[]string{`he planned to fight "Black Lives Matter" violence and to counter "Hillary Clinton's anti-firearm rhetoric."`}},
		{"a day as the subject stays",
			`He said Friday was "a disaster" for them.`,
			[]string{`Friday was "a disaster" for them`}},
		{"reported speech that opens with the quote",
			`Obama said "it gets me mad" every time he thinks about the children who were killed.`,
			[]string{`"it gets me mad" every time he thinks about the children who were killed`}},
		{"a quote right after the cue that ends its clause stays alone",
			`Obama said "it gets me mad," and walked away.`,
			[]string{`"it gets me mad,"`}},
		{"so does one whose own punctuation ends it",
			`Obama said "it gets me mad," every time he speaks.`,
			[]string{`"it gets me mad,"`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ats := Attributions(c.text, nil, nil)
			var got []string
			for _, a := range ats {
				s := ""
				for i, sp := range a.Content {
					if i > 0 {
						s += " … "
					}
					s += c.text[sp.Start:sp.End]
				}
				got = append(got, s)
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %q, want %q", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("attribution %d: got %q, want %q", i, got[i], c.want[i])
				}
			}
		})
	}
}
