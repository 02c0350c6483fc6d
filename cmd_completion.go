package main

import (
	"github.com/spf13/cobra"
)

var shells = []string{"bash", "zsh", "fish", "powershell"}

func newCompletionCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "print a shell's completion script: commands, flags, routine and exercise ids",
		Long: `Print the completion script for a shell. It completes commands and flags,
and the ids of routines and exercises from the built-in content and every
--library given on the line being completed.`,
		Example: `  bash:        limber completion bash > ~/.local/share/bash-completion/completions/limber
  zsh:         limber completion zsh > "${fpath[1]}/_limber"
  fish:        limber completion fish > ~/.config/fish/completions/limber.fish
  powershell:  limber completion powershell | Out-String | Invoke-Expression`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("completion takes one SHELL: bash, zsh, fish or powershell")
			}
			return nil
		},
		ValidArgs:             shells,
		DisableFlagsInUseLine: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			root := cmd.Root()
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(e.stdout, true)
			case "zsh":
				return root.GenZshCompletion(e.stdout)
			case "fish":
				return root.GenFishCompletion(e.stdout, true)
			case "powershell":
				return root.GenPowerShellCompletionWithDesc(e.stdout)
			}
			return invalidf("limber has no completion for %q; it has bash, zsh, fish and powershell", args[0])
		},
	}
}
