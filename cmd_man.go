package main

import (
	"fmt"
	"strings"

	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
)

// newManCmd prints limber's man page, generated from the command tree so
// that it never falls behind: limber man | man -l -
func newManCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:    "man",
		Short:  "print the man page (roff), as in: limber man | man -l -",
		Hidden: true,
		Args:   noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			// A tree of its own: the one running has merged the global
			// flags into every command, and the page lists them once.
			page, err := manPage(newRootCmd(&env{}))
			if err != nil {
				return err
			}
			_, err = fmt.Fprint(e.stdout, page)
			return err
		},
	}
}

func manPage(root *cobra.Command) (string, error) {
	page, err := mcobra.NewManPage(1, root)
	if err != nil {
		return "", err
	}
	page = page.WithSection("Exit status", "0 success; 1 invalid input or content (a value out of range, an id not in the library, a file with errors); 2 usage error (an unknown command or flag, a flag value of the wrong type, a missing argument).").
		WithSection("Environment", "LIMBER_DATA_DIR, XDG_DATA_HOME: where the journal is kept when --data-dir is not given. NO_COLOR: no colour. LIMBER_VOICE=1: speak cues.").
		WithSection("Files", "journal.jsonl in the data directory (default ~/.local/share/limber): every set, appended and never rewritten.")
	// pflag's `DIR` marks a flag's value name in --help; a man page has no
	// use for the quotes.
	return strings.ReplaceAll(page.Build(roff.NewDocument()), "`", ""), nil
}
