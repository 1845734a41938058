package compare

// Witness is one article's wording of a clustered statement.
type Witness struct {
	Article string `json:"article"` // corpus article ID
	Source  string `json:"source"`
	Outlet  string `json:"outlet"`
	Start   int    `json:"start"` // byte offsets into the article text
	End     int    `json:"end"`
	Text    string `json:"text"` // exactly the article's Text[Start:End]
	// Speaker is whom the article credits a quote's words to (its
	// resolved speaker; quote clusters only, "" when unknown).
	Speaker string `json:"speaker,omitempty"`
	// Credit is, for a clause of a sentence that ends on an attribution
	// the clause leaves out ("…, the DNC alleges."), that attribution:
	// the words are someone's claim, not the outlet's own.
	Credit string `json:"credit,omitempty"`
}

// Cluster is one statement several articles carry, with each article's
// wording of it.
type Cluster struct {
	ID   int    `json:"cluster"` // 1-based rank in the sorted output
	Kind string `json:"kind"`    // KindClause (or KindQuote, later)
	// Witnesses are sorted by article order in the input, then by offset;
	// an article gives one, or a few when it restates the statement.
	Witnesses []Witness `json:"witnesses"`
	// Similarity is the mean pairwise Similarity of the witnesses.
	Similarity float64 `json:"similarity"`

	// ---- alignment / variation fields (owned by align*.go, variation*.go) ----
	// Add fields here on request of the alignment side; keep the JSON names
	// stable once published.
	// ---- end of alignment / variation fields ----
}

// Cluster kinds.
const (
	KindClause = "clause"
	KindQuote  = "quote"
)

// Options tune Clusters. The zero value gives the defaults.
type Options struct {
	// Threshold is the least Similarity two spans need to be variants of one
	// statement; 0 means DefaultThreshold.
	Threshold float64
	// MinArticles is the least number of distinct articles a cluster needs;
	// 0 means 2.
	MinArticles int
	// MaxBucket caps how many spans one candidate bucket may hold before it
	// is treated as boilerplate and skipped; 0 means DefaultMaxBucket.
	MaxBucket int
	// Thesaurus credits synonyms in Similarity; nil means DefaultThesaurus().
	Thesaurus *Thesaurus
	// Stage, when set, is called as Clusters or Find starts each of its
	// stages (StageSegment, StageGroup, …), for progress on a long run and
	// for timing the stages.
	Stage func(stage string)
}

// The stages of Clusters, in order, as Options.Stage names them.
const (
	StageSegment      = "segment"      // tokenise the articles into sentences and clauses
	StageGroup        = "group"        // group identical spans, sign them for LSH
	StageCandidates   = "candidates"   // find candidate pairs in LSH buckets
	StageScore        = "score"        // score the candidate pairs
	StageCluster      = "cluster"      // join pairs into clusters
	StageWitnesses    = "witnesses"    // choose each article's wording, rank clusters
	StageRestatements = "restatements" // find where articles restate a statement
	Stages            = 7              // how many there are

	// StageQuotes is the stage Find adds after StageRestatements: cluster
	// the quotes.
	StageQuotes = "quotes"
	FindStages  = Stages + 1
)

// stage reports the start of a stage to o.Stage.
func (o Options) stage(name string) {
	if o.Stage != nil {
		o.Stage(name)
	}
}

func (o Options) withDefaults() Options {
	if o.Threshold <= 0 {
		o.Threshold = DefaultThreshold
	}
	if o.MinArticles <= 0 {
		o.MinArticles = 2
	}
	if o.MaxBucket <= 0 {
		o.MaxBucket = DefaultMaxBucket
	}
	if o.Thesaurus == nil {
		o.Thesaurus = DefaultThesaurus()
	}
	return o
}

// Articles is the number of distinct articles among the witnesses (an
// article that restates the statement gives more than one witness).
func (c Cluster) Articles() int {
	seen := make(map[string]bool, len(c.Witnesses))
	for _, w := range c.Witnesses {
		seen[w.Article] = true
	}
	return len(seen)
}
