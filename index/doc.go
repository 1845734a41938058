// Package index stores variorum's documents in a bleve index on disk and
// searches them.
//
// Each article is one bleve document (scorch index type, zap segments). Its
// text and title are analysed for English (Unicode word segmentation, the
// possessive filter, lower-casing, the Snowball stop list and Porter
// stemming), with term vectors so that every hit carries the byte offsets of
// the words it matched. The whole corpus.Document is stored beside the
// indexed fields, so Documents can hand the corpus back to compare and Search
// can cut fragments from the stored sentences.
//
// Ranking is tf-idf as in Lucene's classic similarity (Salton and Buckley,
// "Term-weighting approaches in automatic text retrieval", 1988), which is
// bleve's default, with coordination: a hit holding more of the query's
// words ranks higher, and adjacent query words found side by side count
// again as a phrase. Words are optional (at least one must match); text in
// double quotes must occur as a phrase. BM25 was tried and ranked the seeds
// worse (it punishes long articles harder). Fragments are the sentences
// holding the most distinct query terms, best first, in the spirit of
// Lucene's sentence-bounded highlighter: they are cut from the article's own
// text, so a fragment is a substring of the article and its marks point at
// the words as written.
//
// Opening follows the one-writer, many-readers rule of the bolt file that
// holds the index root: a writer waits Options.LockTimeout for the lock and
// then fails with ErrLocked instead of blocking forever. An index that cannot
// be read fails with ErrDamaged and says how to rebuild it.
package index
