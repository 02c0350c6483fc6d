package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"limber/exercises"
)

func newValidateCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "check library files: the built-in content and every --library, or just the PATHs; exit 1 if any is invalid",
		Args:  cobra.ArbitraryArgs,
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return []cobra.Completion{"yaml"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			var lib *exercises.Library
			var errs []*exercises.Error
			if len(args) == 0 {
				lib, errs = e.loadLibrary()
			} else {
				var srcs []exercises.Source
				for _, p := range args {
					srcs = append(srcs, exercises.PathSource(p))
				}
				lib, errs = exercises.Load(srcs...)
			}
			for _, n := range lib.Notices {
				fmt.Fprintf(e.stdout, "%s (note)\n", n)
			}
			for _, err := range errs {
				fmt.Fprintln(e.stderr, err)
			}
			summary := fmt.Sprintf("%d files: %d exercises, %d routines, %d tips", lib.Files,
				len(lib.Exercises()), len(lib.Routines()), len(lib.Tips()))
			if len(errs) > 0 {
				fmt.Fprintf(e.stderr, "%s; %d error(s)\n", summary, len(errs))
				return invalidError{quiet: true}
			}
			if lib.Files == 0 {
				fmt.Fprintf(e.stderr, "no .yaml files found in %s\n", exercises.Escape(strings.Join(args, ", ")))
				return invalidError{quiet: true}
			}
			fmt.Fprintf(e.stdout, "%s; all valid\n", summary)
			return nil
		},
	}
}
