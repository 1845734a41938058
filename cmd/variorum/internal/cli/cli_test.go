package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/variorum/variorum/corpus"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"variorum": func() { os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the command line end to end: testdata/script/*.txtar,
// each a shell-like script with its files (see testscript).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "")
			env.Setenv("VARIORUM_INDEX", "")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"sample": cmdSample,
		},
	})
}

// cmdSample writes the embedded sample corpus into a folder: sample DIR.
func cmdSample(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: sample DIR")
	}
	dir := ts.MkAbs(args[0])
	ts.Check(os.MkdirAll(dir, 0o755))
	for _, a := range corpus.Sample() {
		ts.Check(os.WriteFile(filepath.Join(dir, a.Source), []byte(a.Text), 0o644))
	}
}
