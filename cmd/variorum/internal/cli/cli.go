// Package cli is the variorum command line: one file per subcommand, each
// with its flags and a run function, wired to the corpus, ingest, index and
// compare packages. Main runs inside tests (testscript) as well as in the
// binary.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/variorum/variorum/ingest"
)

// Exit codes, documented in the README.
const (
	exitOK      = 0
	exitFailure = 1 // an error, or nothing matched (search), like grep
	exitUsage   = 2
)

// env is what a command may touch of the outside world.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	engine         string // entity engine for extractAll (--entities)
}

// entitiesFlag adds --entities, the entity engine extractAll uses. An
// unknown engine is a usage error when the flags are parsed, before any
// file is read or index opened.
func entitiesFlag(fs *flag.FlagSet, e *env) {
	fs.Var(engineFlag{e}, "entities", "entity `ENGINE`: "+strings.Join(ingest.Engines, " or ")+
		" (default "+ingest.EngineVariorum+"; prose is prose's model as it ships, for comparison)")
}

// engineFlag is --entities: it sets env.engine, checked when parsed.
type engineFlag struct{ e *env }

func (f engineFlag) String() string {
	if f.e == nil {
		return ""
	}
	return f.e.engine
}

func (f engineFlag) Set(v string) error {
	f.e.engine = v
	return ingest.CheckEngine(v)
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

var commands = []command{
	{"run", "ingest, compare and write the report in one go (default: the embedded sample)", runRun},
	{"ingest", "add articles from files and folders to the index", runIngest},
	{"search", "full-text search of the index, with highlighted fragments", runSearch},
	{"extract", "sentences, entities and quotes of articles, without an index", runExtract},
	{"compare", "statements several articles carry, aligned word by word", runCompare},
	{"diff", "word-level diff of two texts with a similarity score", runDiff},
	{"entities", "the corpus's entities by type, count and spelling per outlet", runEntities},
	{"quotes", "quotes by speaker across the corpus, with the outlets that carry each", runQuotes},
}

// Main runs variorum with the given arguments and returns the exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
	// bleve's scorch logs recoverable events through the standard logger;
	// they are noise to a user unless VARIORUM_DEBUG is set.
	if e.getenv("VARIORUM_DEBUG") == "" {
		log.SetOutput(io.Discard)
	} else {
		log.SetOutput(stderr)
	}
	// SIGTERM too: what timeout, cron and systemd send to end a nightly run.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	finished := make(chan struct{})
	defer close(finished) // before stop, so that the watcher below ends
	go func() {
		select {
		case <-finished:
			return
		case <-ctx.Done():
		}
		// A second signal ends the process at once, and so does a wait
		// that outlasts graceStop (a lock wait, a long write), as the
		// signal alone did before commands watched for it.
		stop()
		select {
		case <-finished:
		case <-time.After(graceStop):
			fmt.Fprintln(stderr, "variorum: interrupted")
			os.Exit(exitFailure)
		}
	}()
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	switch {
	case isHelp(name):
		if len(args) > 1 && !isHelp(args[1]) { // "help help" is the usage, not a loop
			return Main([]string{args[1], "--help"}, stdin, stdout, stderr)
		}
		usage(stdout)
		return exitOK
	case name == "version" || name == "--version":
		fmt.Fprintln(stdout, "variorum", version())
		return exitOK
	}
	for _, c := range commands {
		if c.name == name {
			// A write to stdout that fails (a full disk, a closed pipe)
			// fails the command, even where a command prints without
			// looking at each write's error.
			out := &checkedWriter{w: stdout}
			e.stdout = out
			err := c.run(ctx, e, args[1:])
			if err == nil && out.err != nil {
				err = fmt.Errorf("write standard output: %w", out.err)
			}
			return exitCode(stderr, err)
		}
	}
	fmt.Fprintf(stderr, "variorum: unknown command %q\n\n", name)
	usage(stderr)
	return exitUsage
}

// checkedWriter remembers the first error of the writes through it.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

func usage(w io.Writer) {
	fmt.Fprint(w, `variorum shows how different news outlets word the same story.

Usage:
  variorum <command> [flags] [arguments]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "  %-9s %s\n", "version", "the version variorum was built from")
	fmt.Fprint(w, `
Start with:
  variorum run                      the whole job on the embedded sample corpus
  variorum run -o report articles/  the whole job on your articles
  variorum help <command>           flags and examples of one command

Exit codes: 0 success, 1 error or no match, 2 usage error.
`)
}

// graceStop is how long a command may take to stop once interrupted.
const graceStop = 3 * time.Second

// errNoMatch makes a command exit 1 without printing an error (search with
// no hits, like grep).
var errNoMatch = errors.New("no match")

// usageError is a mistake in the command line: exit code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// hintError is an error with a suggestion of what to do about it.
type hintError struct {
	err  error
	hint string
}

func (e hintError) Error() string { return e.err.Error() }
func (e hintError) Unwrap() error { return e.err }

func withHint(err error, hint string) error { return hintError{err, hint} }

// exitCode maps a command's error to an exit code, printing it: the one
// place that decides how errors look and what code they give.
func exitCode(stderr io.Writer, err error) int {
	var ue usageError
	var he hintError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errNoMatch):
		return exitFailure
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "variorum: %v\n", err)
		return exitUsage
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "variorum: interrupted")
		return exitFailure
	case errors.As(err, &he):
		fmt.Fprintf(stderr, "variorum: %v\nTry: %s\n", err, he.hint)
		return exitFailure
	default:
		fmt.Fprintf(stderr, "variorum: %v\n", err)
		return exitFailure
	}
}

// newFlags makes a command's flag set with a usage text that teaches: the
// synopsis, what it does, its flags and examples.
func newFlags(e *env, name, synopsis, about, examples string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		w := e.stdout
		fmt.Fprintf(w, "Usage: variorum %s %s\n\n%s\n", name, synopsis, strings.TrimSpace(about))
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		if len(names) > 0 {
			fmt.Fprint(w, "\nFlags:\n")
			sort.Strings(names)
			for _, n := range names {
				f := fs.Lookup(n)
				arg, help := flag.UnquoteUsage(f)
				if arg != "" {
					arg = " " + arg
				}
				def := ""
				if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
					def = fmt.Sprintf(" (default %q)", f.DefValue)
				}
				fmt.Fprintf(w, "  %s%s\n        %s%s\n", flagDash(n), arg, help, def)
			}
		}
		fmt.Fprintf(w, "\nExamples:\n%s\n", strings.TrimRight(examples, "\n"))
	}
	return fs
}

// flagDash writes a flag as the usage lines do: -o, --index.
func flagDash(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

func isHelp(a string) bool { return a == "help" || a == "-h" || a == "-help" || a == "--help" }

// parse parses flags and positional arguments in any order ("search QUERY
// --json" as well as "search --json QUERY"); "--" ends the flags.
func parse(fs *flag.FlagSet, args []string) ([]string, error) { return parseArgs(fs, args, false) }

// parseQuery is parse for a query, whose words may start with a dash: an
// argument with one dash that names no flag, such as "-Telegram" or
// `-"a phrase"`, is a word of the query; "--bogus" is still a bad flag.
func parseQuery(fs *flag.FlagSet, args []string) ([]string, error) { return parseArgs(fs, args, true) }

func parseArgs(fs *flag.FlagSet, args []string, dashWords bool) ([]string, error) {
	// The flag package prints its error and the usage on every bad flag;
	// variorum prints one line for a bad flag (through usageError) and the
	// usage, on stdout, only when it is asked for.
	usage := fs.Usage
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	var pos []string
	for len(args) > 0 {
		a := args[0]
		if a == "--" {
			return append(pos, args[1:]...), nil
		}
		if len(a) < 2 || a[0] != '-' || dashWords && a[1] != '-' && !namesFlag(fs, a) {
			pos = append(pos, a)
			args = args[1:]
			continue
		}
		// One flag, with its value when it takes one and "=" does not
		// give it.
		n := 1
		if f := fs.Lookup(flagName(a)); f != nil && !strings.Contains(a, "=") && !isBoolFlag(f) && len(args) > 1 {
			n = 2
		}
		if err := fs.Parse(args[:n]); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				usage()
				return nil, err
			}
			return nil, usageError{fmt.Sprintf("%s: %v (see variorum help %s)", fs.Name(), err, fs.Name())}
		}
		args = args[n:]
	}
	return pos, checkNamedFlags(fs)
}

// checkNamedFlags refuses a flag whose value names something (a DIR, a
// FILE, an OUTLET, a NAME) given as empty or blank (--index "", --outlet
// "$UNSET", often an unset shell variable) rather than quietly using the
// default or filtering on nothing.
func checkNamedFlags(fs *flag.FlagSet) error {
	var err error
	fs.Visit(func(f *flag.Flag) {
		arg, _ := flag.UnquoteUsage(f)
		if err != nil || arg == "" || strings.ToUpper(arg) != arg || strings.TrimSpace(f.Value.String()) != "" {
			return
		}
		a := "a"
		if strings.ContainsRune("AEIOU", rune(arg[0])) {
			a = "an"
		}
		err = usagef("%s: %s needs %s %s, not an empty string (see variorum help %s)", fs.Name(), flagDash(f.Name), a, arg, fs.Name())
	})
	return err
}

// checkReportFlags checks compare's and run's numbers.
func checkReportFlags(cmd string, minOutlets, maxHTML int) error {
	if minOutlets < 2 {
		return usagef("%s: --min-outlets must be at least 2: a statement is compared across two outlets or more", cmd)
	}
	if maxHTML < 0 {
		return usagef("%s: --html-max must be 0 (every cluster) or more", cmd)
	}
	return nil
}

// flagName is the name in a flag argument: "limit" in "--limit=3".
func flagName(a string) string {
	name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
	return name
}

// namesFlag reports whether argument a is a flag of fs or asks for help.
func namesFlag(fs *flag.FlagSet, a string) bool {
	name := flagName(a)
	return fs.Lookup(name) != nil || name == "h" || name == "help"
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	if c, ok := w.(*checkedWriter); ok {
		w = c.w
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// colorFlag is the --color flag: auto (a terminal without NO_COLOR), always
// or never.
type colorFlag string

func (c *colorFlag) String() string { return string(*c) }
func (c *colorFlag) Set(s string) error {
	switch s {
	case "auto", "always", "never":
		*c = colorFlag(s)
		return nil
	}
	return fmt.Errorf("want auto, always or never")
}

func addColorFlag(fs *flag.FlagSet) *colorFlag {
	c := colorFlag("auto")
	fs.Var(&c, "color", "colour the output: `auto` (on a terminal unless NO_COLOR is set), always or never")
	return &c
}

func (c colorFlag) enabled(e *env, w io.Writer) bool {
	switch c {
	case "always":
		return true
	case "never":
		return false
	}
	return e.getenv("NO_COLOR") == "" && isTerminal(w)
}

// indexDir resolves the index folder: the flag, then $VARIORUM_INDEX, then
// ./variorum.index.
func indexDir(e *env, flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if d := e.getenv("VARIORUM_INDEX"); d != "" {
		return d
	}
	return defaultIndex
}

const defaultIndex = "variorum.index"

const indexFlagHelp = "index `DIR` (default $VARIORUM_INDEX, else ./variorum.index)"
