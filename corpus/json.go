package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
)

// readJSON reads a .json file (one article object, an array of them, or an
// object with an "articles" array) or a .jsonl file (one object a line),
// whose UTF-16 the walker has decoded. A broken line of JSON Lines is
// reported and the other lines are still read; a file that starts as
// binary data (a picture renamed) is refused whole.
func readJSON(path, source string, raw []byte, w *walker) error {
	lines := strings.EqualFold(filepath.Ext(path), ".jsonl")
	sniff := len(raw)
	if lines {
		sniff = binarySniff
	}
	raw = trimBOMs(raw)
	if err := binaryIn(raw, sniff); err != nil {
		w.report(path, 0, err)
		return nil
	}
	if lines {
		sc := bufio.NewScanner(bytes.NewReader(raw))
		sc.Buffer(nil, MaxFileSize+1)
		for n := 1; sc.Scan(); n++ {
			// Files joined with cat keep each one's byte-order mark.
			line := bytes.TrimSpace(bytes.TrimPrefix(sc.Bytes(), bom))
			if len(line) == 0 {
				continue
			}
			// encoding/json replaces invalid UTF-8 with U+FFFD, silently.
			a, err := Article{}, checkUTF8(line)
			if err == nil {
				a, err = jsonArticle(line)
			}
			if err != nil {
				w.report(path, n, err)
				continue
			}
			if a.Source == "" {
				a.Source = fmt.Sprintf("%s:%d", source, n)
			}
			if err := w.emit(path, n, a); err != nil {
				return err
			}
		}
		if err := sc.Err(); err != nil {
			w.report(path, 0, err)
		}
		return nil
	}

	// encoding/json replaces invalid UTF-8 with U+FFFD, silently; a bad
	// escape is one article's trouble, found by jsonArticle.
	if err := checkUTF8(raw); err != nil {
		w.report(path, 0, err)
		return nil
	}
	objs, err := jsonObjects(raw)
	if err != nil {
		w.report(path, 0, err)
		return nil
	}
	for i, obj := range objs {
		a, err := jsonArticle(obj)
		if err == nil && len(objs) > 1 && strings.TrimSpace(a.Text) == "" {
			err = errors.New("no article text (no text/body field, or an empty one)")
		}
		if err != nil {
			w.report(path, 0, fmt.Errorf("article %d: %w", i+1, err))
			continue
		}
		if a.Source == "" {
			a.Source = source
			if len(objs) > 1 {
				a.Source = fmt.Sprintf("%s#%d", source, i+1)
			}
		}
		if err := w.emit(path, 0, a); err != nil {
			return err
		}
	}
	return nil
}

// binarySniff is how many bytes of a JSON Lines file are looked at for
// binary data: a picture or an archive has a NUL byte in its first few.
const binarySniff = 512

// jsonObjects splits a .json document into article objects.
func jsonObjects(raw []byte) ([]json.RawMessage, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil, errors.New("empty file")
	}
	switch raw[0] {
	case '[':
		var objs []json.RawMessage
		if err := json.Unmarshal(raw, &objs); err != nil {
			return nil, fmt.Errorf("broken JSON: %w", err)
		}
		return objs, nil
	case '{':
		// {"articles": [...]} wraps articles, unless the object is an
		// article itself (it has a text) and "articles" is its own field.
		var wrapper map[string]json.RawMessage
		if err := json.Unmarshal(raw, &wrapper); err != nil {
			return nil, fmt.Errorf("broken JSON: %w", err)
		}
		var arts []json.RawMessage
		for k, v := range wrapper {
			if slices.Contains(textKeys, strings.ToLower(k)) {
				return []json.RawMessage{raw}, nil
			}
			if k == "articles" && json.Unmarshal(v, &arts) != nil {
				return nil, errors.New(`"articles" is not an array of article objects`)
			}
		}
		switch {
		case arts != nil && len(arts) == 0:
			return nil, errors.New(`"articles" is an empty array`)
		case arts != nil:
			return arts, nil
		}
		return []json.RawMessage{raw}, nil
	}
	return nil, errors.New("not JSON: expected an article object or an array of them (JSON Lines files end in .jsonl)")
}

// checkJSONText refuses what encoding/json would quietly turn into U+FFFD:
// invalid UTF-8, and a \u escape of half a UTF-16 surrogate pair.
func checkJSONText(b []byte) error {
	if err := checkUTF8(b); err != nil {
		return err
	}
	return checkSurrogates(b)
}

// checkSurrogates refuses a \u escape of half a UTF-16 surrogate pair in
// the JSON b, which encoding/json would decode as U+FFFD.
func checkSurrogates(b []byte) error {
	for i := 0; i+1 < len(b); i++ {
		if b[i] != '\\' {
			continue
		}
		i++ // the escaped byte: "\\u" is a backslash and a u
		r, ok := hex4(b, i+1)
		if b[i] != 'u' || !ok || !utf16.IsSurrogate(r) {
			continue
		}
		if r2, ok2 := hex4(b, i+7); r < 0xdc00 && ok2 && b[i+5] == '\\' && b[i+6] == 'u' && r2 >= 0xdc00 && r2 <= 0xdfff {
			i += 10 // a whole pair
			continue
		}
		return fmt.Errorf("half a UTF-16 surrogate pair (\\u%04x) at byte %d: the text was cut or mis-encoded; fix or drop that escape", r, i-1)
	}
	return nil
}

// hex4 reads the four hex digits of a \u escape at b[i:].
func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	n, err := strconv.ParseUint(string(b[i:i+4]), 16, 16)
	return rune(n), err == nil
}

// textKeys are the keys an article's text is read from, the preferred first.
var textKeys = []string{"text", "body", "content"}

// jsonArticle decodes one article object: text (or body/content), title,
// outlet, url, published, under their common aliases.
func jsonArticle(b []byte) (Article, error) {
	if err := checkSurrogates(b); err != nil {
		return Article{}, err
	}
	fields, raw, err := stringFields(b)
	if err != nil {
		return Article{}, err
	}
	// Keys in sorted order, so that of two spellings of one key the same
	// wins on every run; the text is text, else body, else content, the
	// first of them that is not empty. Metadata may be a number (an id, a
	// Unix time); the text may not.
	var m meta
	var a Article
	textRank := len(textKeys)
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		r := slices.Index(textKeys, strings.ToLower(k))
		if r < 0 {
			m.set(k, fields[k])
			continue
		}
		if v := raw[k]; len(v) > 0 && v[0] != '"' && string(v) != "null" {
			return Article{}, fmt.Errorf("%q is %.20s, not a string: an article's text goes in quotes", k, v)
		}
		if r < textRank && strings.TrimSpace(fields[k]) != "" {
			a.Text, textRank = fields[k], r
		}
	}
	m.fill(&a)
	if i := strings.IndexByte(a.Text, 0); i >= 0 {
		// Only an escape puts one there: the file itself was checked.
		return Article{}, fmt.Errorf("text: a NUL character (\\u0000) at byte %d of the text: drop that escape", i)
	}
	text, err := Normalize([]byte(a.Text))
	if err != nil {
		return Article{}, fmt.Errorf("text: %w", err)
	}
	a.Text = text
	a.Title = norm1(a.Title)
	a.Outlet = norm1(a.Outlet)
	return a, nil
}

// norm1 normalises a metadata string, dropping it if it is not valid text.
func norm1(s string) string {
	t, err := Normalize([]byte(s))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(t)
}
