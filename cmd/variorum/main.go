// Command variorum shows how different news outlets word the same story:
// it indexes a corpus of articles, extracts entities and quotations, finds
// the statements several articles carry and aligns their wordings word by
// word. Run "variorum help" for the commands.
package main

import (
	"os"

	"github.com/variorum/variorum/cmd/variorum/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
