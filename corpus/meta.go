package corpus

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// meta is the metadata an input may carry for an article, under the names
// the formats use.
type meta struct {
	File, Outlet, Title, URL, Published string
	// ranks holds, for each field of metaAliases, 1 + the rank of the
	// alias it came from (0: not set yet).
	ranks [metaFields]int
}

// metaFields is how many fields metaAliases names.
const metaFields = 5

// metaAliases are the keys each field is read from, the preferred first.
var metaAliases = [metaFields]struct {
	field func(*meta) *string
	keys  []string
}{
	{func(m *meta) *string { return &m.File }, []string{"file", "filename", "path"}},
	{func(m *meta) *string { return &m.Outlet }, []string{"outlet", "publisher", "publication", "site_name", "site", "source_name"}},
	{func(m *meta) *string { return &m.Title }, []string{"title", "headline"}},
	{func(m *meta) *string { return &m.URL }, []string{"url", "link"}},
	{func(m *meta) *string { return &m.Published }, []string{"published", "published_at", "date", "pubdate", "datetime"}},
}

// set assigns a metadata value by key, accepting common aliases; it reports
// whether the key was known. Of two aliases of one field the preferred
// one's non-empty value wins ("outlet" over "publisher"), and of two keys
// of one rank ("Outlet", "outlet") the first set, whatever order the keys
// come in otherwise: the same input always gives the same article, and so
// the same ID.
func (m *meta) set(key, value string) bool {
	value = strings.TrimSpace(value)
	k := strings.ToLower(strings.TrimSpace(key))
	for i, a := range metaAliases {
		rank := slices.Index(a.keys, k)
		if rank < 0 {
			continue
		}
		if value != "" && (m.ranks[i] == 0 || rank+1 < m.ranks[i]) {
			*a.field(m), m.ranks[i] = value, rank+1
		}
		return true
	}
	return false
}

func (m meta) fill(a *Article) {
	if m.Outlet != "" {
		a.Outlet = m.Outlet
	}
	if m.Title != "" {
		a.Title = m.Title
	}
	if m.URL != "" {
		a.URL = m.URL
	}
	if m.Published != "" {
		a.Published = m.Published
	}
}

// frontMatter strips a leading "---" block of "key: value" lines from text
// and fills the article's metadata from it. Text without one is returned
// unchanged.
func frontMatter(text string, a *Article) string {
	if !strings.HasPrefix(text, "---\n") {
		return text
	}
	end := strings.Index(text[4:], "\n---")
	if end < 0 {
		return text
	}
	block := text[4 : 4+end]
	rest := text[4+end+4:]
	if rest != "" && rest[0] != '\n' {
		return text // "---" followed by more dashes or words: not front matter
	}
	var m meta
	for _, line := range strings.Split(block, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			if strings.TrimSpace(line) == "" {
				continue
			}
			return text // not key: value lines, so not front matter
		}
		m.set(k, strings.Trim(strings.TrimSpace(v), `"'`))
	}
	m.fill(a)
	return strings.TrimLeft(rest, "\n")
}

// manifest maps file names in one folder to their metadata.
type manifest map[string]meta

func (m manifest) lookup(name string) (meta, bool) {
	e, ok := m[name]
	return e, ok
}

func isManifest(name string) bool {
	switch strings.ToLower(name) {
	case "manifest.csv", "manifest.jsonl":
		return true
	}
	return false
}

// loadedManifest is a folder's manifest as read, or why it could not be.
type loadedManifest struct {
	m   manifest
	err error
}

// manifest loads (once) the manifest of dir, if it has one.
func (w *walker) manifest(dir string) (m manifest, err error) {
	if l, ok := w.manifests[dir]; ok {
		return l.m, l.err
	}
	m = manifest{}
	defer func() { w.manifests[dir] = loadedManifest{m, err} }()
	for _, name := range []string{"manifest.csv", "manifest.jsonl"} {
		p := filepath.Join(dir, name)
		raw, err := os.ReadFile(p)
		if os.IsNotExist(err) {
			continue
		}
		if err == nil {
			if strings.HasSuffix(name, ".csv") {
				err = parseCSVManifest(raw, m)
			} else {
				err = parseJSONLManifest(raw, m)
			}
		}
		if err != nil {
			return m, fmt.Errorf("manifest %s: %w", p, err)
		}
	}
	return m, nil
}

func parseCSVManifest(raw []byte, m manifest) error {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return nil
	}
	header := rows[0]
	hasFile := false
	for _, h := range header {
		var probe meta
		probe.set(h, "x")
		hasFile = hasFile || probe.File != ""
	}
	if !hasFile {
		return fmt.Errorf("the header row %q has no file column (want file,outlet,title,url,published)", strings.Join(header, ","))
	}
	for n, row := range rows[1:] {
		if len(row) > len(header) {
			// Most likely a value with an unquoted comma ("April 21,
			// 2018"), which shifts every column after it.
			return fmt.Errorf("row %d has %d fields, the header %d: put a value holding a comma in double quotes (\"April 21, 2018\")", n+2, len(row), len(header))
		}
		var e meta
		for i, v := range row {
			if i < len(header) {
				e.set(header[i], v)
			}
		}
		if e.File != "" {
			m[filepath.Base(e.File)] = e
		}
	}
	return nil
}

func parseJSONLManifest(raw []byte, m manifest) error {
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(nil, MaxFileSize)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		fields, _, err := stringFields(line)
		if err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		var e meta
		for _, k := range slices.Sorted(maps.Keys(fields)) {
			e.set(k, fields[k])
		}
		if e.File != "" {
			m[filepath.Base(e.File)] = e
		}
	}
	return sc.Err()
}

// stringFields decodes a JSON object keeping its string, number and bool
// values as strings; raw holds every value as written.
func stringFields(b []byte) (fields map[string]string, raw map[string]json.RawMessage, err error) {
	if err := json.Unmarshal(b, &raw); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return nil, nil, fmt.Errorf("broken JSON at byte %d: %v", syn.Offset, err)
		}
		// A number, string, array or null where an object should be:
		// encoding/json's message names Go types, not the input.
		return nil, nil, errors.New(`not a JSON object: expected {"text": …}`)
	}
	out := make(map[string]string, len(raw))
	for k, v := range raw {
		var s string
		if json.Unmarshal(v, &s) == nil {
			out[k] = s
			continue
		}
		v = bytes.TrimSpace(v)
		if len(v) > 0 && v[0] != '{' && v[0] != '[' && string(v) != "null" {
			out[k] = string(v)
		}
	}
	return out, raw, nil
}

var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04Z07:00",
	time.RFC1123Z, time.RFC1123, time.RFC850, "Mon, 2 Jan 2006 15:04:05 -0700",
}

var dayLayouts = []string{"2006-01-02", "2006/01/02", "January 2, 2006", "Jan 2, 2006", "2 January 2006", "2 Jan 2006"}

// normalizeDate rewrites a recognised date as ISO 8601 (a day as
// 2006-01-02, a time as RFC 3339) and leaves anything else as given.
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(time.RFC3339)
		}
	}
	for _, l := range dayLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	// Unix time, in seconds or milliseconds, as feeds and JSON exports
	// write it: 10 or 13 digits (2001 to 2286).
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 && s[0] != '+' {
		switch len(s) {
		case 10:
			return time.Unix(n, 0).UTC().Format(time.RFC3339)
		case 13:
			return time.UnixMilli(n).UTC().Format(time.RFC3339)
		}
	}
	return s
}

// StripFrontMatter returns text without the front matter it may open with,
// the article's body as Walk reads a .txt or .md file.
func StripFrontMatter(text string) string {
	var a Article
	return frontMatter(text, &a)
}
