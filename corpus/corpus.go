// Package corpus holds the types every stage of variorum shares (Article,
// Document, Span, Entity, Quote), the readers that turn files into articles,
// and the embedded sample corpus.
//
// Every span is a pair of UTF-8 byte offsets into an article's normalised
// text: the text as the user gave it after decoding, Unicode NFC and CRLF→LF.
// Quotes, dashes and spelling are left as written; stages that fold them do so
// on their own copies and point back into Text.
package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Article is one news article as read from the corpus.
type Article struct {
	// ID is derived from the outlet and the normalised text (see NewID), so
	// the same article read twice, from any path, has the same ID.
	ID string `json:"id"`
	// Source names where the article came from: a file path relative to the
	// folder it was found in, a URL, or "file.jsonl:12" for line 12.
	Source string `json:"source"`
	// Outlet is the publisher ("Reuters"); empty when unknown.
	Outlet    string `json:"outlet"`
	Title     string `json:"title"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"` // as given; ISO 8601 when the input had a date
	Text      string `json:"text"`
}

// Label names the article for a reader of a report: its outlet, or its
// source when the outlet is unknown.
func (a Article) Label() string {
	if a.Outlet != "" {
		return a.Outlet
	}
	return a.Source
}

// NewID returns the stable content ID of an article: the first 16 hex digits
// of SHA-256 over the outlet and the normalised text. The title, URL and
// source are left out so that re-reading an article from another path, or
// with a corrected headline, yields the same article.
func NewID(outlet, text string) string {
	h := sha256.New()
	h.Write([]byte(strings.TrimSpace(outlet)))
	h.Write([]byte{0})
	h.Write([]byte(text))
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Span is a half-open byte range [Start, End) into an article's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Entity labels (more may be added; these four are always used for people,
// organisations, geo-political entities and other locations).
const (
	Person       = "PERSON"
	Organization = "ORG"
	GPE          = "GPE"
	Location     = "LOC"
)

// Entity is a named-entity mention.
type Entity struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"` // exactly Text[Start:End] of the article
	Label string `json:"label"`
	// Canonical is the name the mention resolves to across the corpus
	// ("Volodymyr Zelensky" for "Zelenskyy"); never empty once extracted.
	Canonical string `json:"canonical"`
}

// Quote is a direct quotation: the words inside the quotation marks, without
// the marks and without trailing , . ; : that belong to the sentence.
type Quote struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"` // exactly Text[Start:End] of the article
	// Speaker is who the words are credited to, resolved to a named entity
	// where the article names one; empty when unknown.
	Speaker string `json:"speaker"`
	// SpeakerStart and SpeakerEnd locate the speaker mention in the text
	// ("Peskov", "he", "one US official"); both 0 when unknown.
	SpeakerStart int `json:"speaker_start"`
	SpeakerEnd   int `json:"speaker_end"`
	// SpeakerEntity is the entity mention the speaker was resolved to, as
	// 1 + its index in the document's Entities (0: none, as for "a
	// spokesman"), so that however the corpus is split into batches the
	// speaker is that mention's canonical name.
	SpeakerEntity int `json:"speaker_entity,omitempty"`
	// Cue is the attribution cue ("told", "said", "wrote on Telegram",
	// "according to"); empty when unknown.
	Cue string `json:"cue"`
	// Content is what was reported, drawn the way attribution corpora
	// (PARC, PolNeAR) draw it: the quote with its marks and, for a partial
	// quote in reported speech, the words around it from the cue to the end
	// of the clause ("said [some families would pay "slightly more" in
	// taxes]"). Quotes credited to one speaker mention one after another
	// ("A," he said, "B.") share one content of several spans.
	Content []Span `json:"content,omitempty"`
}

// Document is an article with what ingest found in it. Its JSON form is the
// `extract --json` shape: the article's fields, then sentences, entities and
// quotes.
type Document struct {
	Article
	Sentences []Span   `json:"sentences"`
	Entities  []Entity `json:"entities"`
	Quotes    []Quote  `json:"quotes"`
}
