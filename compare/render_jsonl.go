package compare

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// WriteJSONL writes one JSON object per cluster, in report order: the
// `compare --json` shape of the guide (`cluster`, `kind`, `witnesses`
// [{article, source, outlet, start, end, text}], `similarity`) plus
// `pivot`, `outlets`, `status` (quote clusters), `alignment` (one row of ops
// per witness against the pivot), `shared`, `variations`, `types` and
// `coverage`. All offsets are UTF-8 byte offsets into the article texts.
func WriteJSONL(w io.Writer, r Report) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, a := range r.Clusters {
		if err := enc.Encode(a); err != nil {
			return fmt.Errorf("write cluster %d: %w", a.ID, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write clusters: %w", err)
	}
	return nil
}
