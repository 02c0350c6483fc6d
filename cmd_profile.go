package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"limber/exercises"
	"limber/profile"
)

// newProfileCmd is limber profile: show the profile, or set its fields.
// The profile is optional; reports and handouts show the name, year of
// birth and clinician, assessments use age and sex, and the check-in asks
// for blood sugar when insulin is yes (DESIGN section 6).
func newProfileCmd(e *env) *cobra.Command {
	vals := map[string]*string{}
	var clear []string
	cmd := &cobra.Command{
		Use:   "profile",
		Short: "who the journal belongs to: name, year of birth, sex, clinician, insulin, blood sugar units",
		Long: "limber profile shows the profile; with flags it sets those fields, and --clear FIELD empties one.\n" +
			"It lives in profile.yaml in the data directory and is written whole or not at all.",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := e.dataDirectory()
			if err != nil {
				return err
			}
			p, err := profile.Load(dir)
			if err != nil {
				if e.warnProfile(err) {
					return invalidf("%s is not valid; fix it by hand or remove it, then try again", exercises.Escape(profile.Path(dir)))
				}
				return invalidf("%v", err)
			}
			changed := false
			for _, k := range clear {
				if err := p.Set(k, ""); err != nil {
					return invalidf("--clear %s: %v", exercises.Quote(k), err)
				}
				changed = true
			}
			for _, k := range profile.Keys {
				if !cmd.Flags().Changed(k) {
					continue
				}
				if err := p.Set(k, *vals[k]); err != nil {
					return invalidf("--%s %s: %v", k, exercises.Quote(*vals[k]), err)
				}
				changed = true
			}
			if changed {
				if err := profile.Save(dir, p); err != nil {
					return invalidf("%v", err)
				}
			}
			for _, k := range profile.Keys {
				v := p.Get(k)
				if v == "" {
					v = "(not given)"
				}
				fmt.Fprintf(e.stdout, "%-10s %s\n", k+":", exercises.Clean(v, false))
			}
			return nil
		},
	}
	help := map[string]string{
		"name":      "the person's `NAME`, as reports and handouts show it",
		"born":      "year of birth, a `YEAR` such as 1952 (for the assessments' norms)",
		"sex":       "`F` or M, for the assessments' norms",
		"clinician": "the clinician's `NAME`, on reports and handouts",
		"insulin":   "yes if the person uses insulin or a sulfonylurea (the check-in then asks for blood sugar), else `no`",
		"units":     "blood sugar units: mg/dl or `mmol/l`",
	}
	for _, k := range profile.Keys {
		vals[k] = new(string)
		cmd.Flags().StringVar(vals[k], k, "", help[k])
	}
	cmd.Flags().StringArrayVar(&clear, "clear", nil, "empty the `FIELD` (name, born, sex, clinician, insulin or units); repeatable")
	cmd.RegisterFlagCompletionFunc("clear", completeWords(profile.Keys...))
	cmd.RegisterFlagCompletionFunc("sex", completeWords("F", "M"))
	cmd.RegisterFlagCompletionFunc("insulin", completeWords("yes", "no"))
	cmd.RegisterFlagCompletionFunc("units", completeWords("mg/dl", "mmol/l"))
	return cmd
}
