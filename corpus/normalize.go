package corpus

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxFileSize bounds one input file; larger files are refused with a hint
// rather than read into memory.
const MaxFileSize = 64 << 20

// MaxArticleSize bounds one article's text. Extraction holds about 40 bytes
// per byte of text (a 4 MiB article takes 150 MB), and the longest news
// articles are a few hundred KiB; a larger text is refused with a hint.
const MaxArticleSize = 8 << 20

var bom = []byte("\xef\xbb\xbf")

// checkUTF8 reports where b is not UTF-8, and what to do about it.
func checkUTF8(b []byte) error {
	if utf8.Valid(b) {
		return nil
	}
	off := 0
	for off < len(b) {
		r, n := utf8.DecodeRune(b[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	return fmt.Errorf("invalid UTF-8 at byte %d: convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)", off)
}

// fromUTF16 decodes UTF-16 text that starts with its byte-order mark (as
// Windows tools write it) to UTF-8, which starts with UTF-8's mark in turn,
// so that an HTML page's own charset declaration is not believed over it;
// anything else is returned as it is. Half a surrogate pair is an error,
// not a U+FFFD.
func fromUTF16(b []byte) ([]byte, error) {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		order = binary.LittleEndian
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		order = binary.BigEndian
	default:
		return b, nil
	}
	// Text in UTF-16 holds NUL bytes (the high byte of every space,
	// newline, digit or Latin letter); a longer file without one that
	// starts "ÿþ" is 8-bit text, left for the UTF-8 check to name.
	if len(b) > 64 && bytes.IndexByte(b[2:], 0) < 0 {
		return b, nil
	}
	if len(b)%2 != 0 {
		return nil, errors.New("UTF-16 with an odd number of bytes: the file is cut; convert it to UTF-8 again from the original")
	}
	out := make([]byte, 0, len(b)+len(bom))
	out = append(out, bom...)
	for i := 2; i < len(b); i += 2 {
		r := rune(order.Uint16(b[i:]))
		if utf16.IsSurrogate(r) {
			var r2 rune
			if i+4 <= len(b) {
				r2 = rune(order.Uint16(b[i+2:]))
			}
			if r = utf16.DecodeRune(r, r2); r == utf8.RuneError {
				return nil, fmt.Errorf("UTF-16 with half a surrogate pair at byte %d: convert the file to UTF-8 from the original", i)
			}
			i += 2
		}
		out = utf8.AppendRune(out, r)
	}
	return out, nil
}

// utf16Order reports whether b, holding NUL bytes, reads as UTF-16 text
// without its byte-order mark, a NUL in every other byte of its start, and
// which: "UTF-16LE" (NULs at odd offsets) or "UTF-16BE"; "" when it does
// not.
func utf16Order(b []byte) string {
	n := min(len(b), 256) &^ 1
	if n < 4 {
		return ""
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd >= half*9/10 && even <= half/10:
		return "UTF-16LE"
	case even >= half*9/10 && odd <= half/10:
		return "UTF-16BE"
	}
	return ""
}

// unmarkedUTF16 is the error for UTF-16 text without its mark, naming the
// conversion.
func unmarkedUTF16(order string) error {
	return fmt.Errorf("%s without a byte-order mark: convert the file to UTF-8 (e.g. iconv -f %s -t UTF-8)", order, order)
}

// Normalize decodes raw bytes into an article's text: it decodes UTF-16
// that starts with a byte-order mark, checks the rest is UTF-8 text (not
// binary), drops leading byte-order marks, turns CRLF and
// lone CR into LF and composes to Unicode NFC. Nothing else is changed.
func Normalize(b []byte) (string, error) {
	b, err := textBytes(b)
	if err != nil {
		return "", err
	}
	if err := checkUTF8(b); err != nil {
		return "", err
	}
	if bytes.IndexByte(b, '\r') >= 0 {
		b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
		b = bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
	}
	return norm.NFC.String(string(b)), nil
}

// textBytes decodes UTF-16 that starts with a byte-order mark, drops
// leading byte-order marks and refuses binary data (a NUL byte) with a
// message saying so, before any reader takes the bytes for text.
func textBytes(b []byte) ([]byte, error) {
	b, err := fromUTF16(b)
	if err != nil {
		return nil, err
	}
	b = trimBOMs(b)
	if bytes.IndexByte(b, 0) >= 0 {
		if order := utf16Order(b); order != "" {
			return nil, unmarkedUTF16(order)
		}
	}
	return b, binaryIn(b, len(b))
}

// trimBOMs drops the byte-order marks b starts with.
func trimBOMs(b []byte) []byte {
	for bytes.HasPrefix(b, bom) {
		b = b[len(bom):]
	}
	return b
}

// binaryIn refuses b as binary data when its first n bytes hold a NUL.
func binaryIn(b []byte, n int) error {
	if i := bytes.IndexByte(b[:min(n, len(b))], 0); i >= 0 {
		return fmt.Errorf("binary data (NUL byte at offset %d): not a text file", i)
	}
	return nil
}

// StripMarks returns s without the accents of its letters ("café" →
// "cafe", "Müller" → "Muller"), recomposed; ASCII text is returned as it
// is. compare folds words with it and index its search terms, so that an
// outlet writing "Beyonce" matches one writing "Beyoncé".
func StripMarks(s string) string {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < utf8.RuneSelf
	}
	if ascii {
		return s
	}
	return norm.NFC.String(strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFD.String(s)))
}
