//go:build unix

package corpus

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestWalkNamedPipe: a named pipe given by name is refused, not read
// (which blocks until something writes to it).
func TestWalkNamedPipe(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.txt")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	arts, errs := ReadAll([]string{p})
	if len(arts) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "not a regular file (a named pipe)") {
		t.Errorf("ReadAll(fifo) = %v, %v; want one error naming the pipe", arts, errs)
	}
}
