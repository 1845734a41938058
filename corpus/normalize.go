package corpus

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxFileSize bounds one input file; larger files are refused with a hint
// rather than read into memory.
const MaxFileSize = 64 << 20

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

// Normalize decodes raw bytes into an article's text: it checks the bytes
// are UTF-8 text (not binary), drops leading byte-order marks, turns CRLF and
// lone CR into LF and composes to Unicode NFC. Nothing else is changed.
func Normalize(b []byte) (string, error) {
	for bytes.HasPrefix(b, bom) {
		b = b[len(bom):]
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return "", fmt.Errorf("binary data (NUL byte at offset %d): not a text file", i)
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
