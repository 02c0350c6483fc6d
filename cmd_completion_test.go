package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"

	"limber/content"
	"limber/exercises"
)

// completions asks limber what the shell would: `limber __complete ARGS`,
// and returns the candidates (without descriptions) and the directive.
func completions(t *testing.T, args ...string) ([]string, string) {
	t.Helper()
	code, out, stderr := limber(t, append([]string{"__complete"}, args...)...)
	if code != 0 {
		t.Fatalf("__complete %q: exit %d %s", args, code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	var ids []string
	for _, l := range lines[:len(lines)-1] {
		id, _, _ := strings.Cut(l, "\t")
		ids = append(ids, id)
	}
	return ids, lines[len(lines)-1]
}

func TestCompletionOfIds(t *testing.T) {
	lib, errs := exercises.Load(exercises.Source{FS: content.FS, Root: ".", Label: "content", Origin: "built-in"})
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	routines, exs := lib.RoutineIDs(), lib.ExerciseIDs()
	slices.Sort(routines)
	slices.Sort(exs)
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"run", ""}, routines},
		{[]string{"demo", ""}, routines},
		{[]string{"plan", ""}, routines},
		{[]string{"handout", ""}, routines},
		{[]string{"plan", "--exercise", ""}, exs},
		{[]string{"log", ""}, exs},
		{[]string{"adjust", ""}, exs},
		{[]string{"run", "feet-"}, []string{"feet-daily"}},
		{[]string{"adjust", "heel-r"}, []string{"heel-raises"}},
		{[]string{"run", "feet-daily", ""}, nil}, // one routine only
		{[]string{"plan", "--exercise", "heel-raises", ""}, nil},
		{[]string{"list", "--category", ""}, []string{"rom", "stretching", "strengthening", "balance", "sensory"}},
		{[]string{"completion", ""}, []string{"bash", "zsh", "fish", "powershell"}},
	}
	for _, c := range cases {
		got, directive := completions(t, c.args...)
		if c.args[0] != "list" && c.args[0] != "completion" {
			slices.Sort(got)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("__complete %q = %q, want %q", c.args, got, c.want)
		}
		if directive != ":4" { // ShellCompDirectiveNoFileComp: ids, not files
			t.Errorf("__complete %q: directive %s", c.args, directive)
		}
	}
	if len(routines) < 5 || len(exs) < 40 {
		t.Fatalf("%d routines, %d exercises", len(routines), len(exs))
	}
	// The description is the name, for shells that show one.
	code, out, _ := limber(t, "__complete", "run", "feet")
	if code != 0 || !strings.HasPrefix(out, "feet-daily\tFeet and ankles, daily\n") {
		t.Errorf("descriptions: %q", out)
	}
	// A --library on the line being completed adds its ids.
	got, _ := completions(t, "--library", "testdata/cli/good", "run", "my")
	if !slices.Equal(got, []string{"my-routine"}) {
		t.Errorf("with --library: %q", got)
	}
	got, _ = completions(t, "log", "--library", "testdata/cli/good", "my-")
	if !slices.Equal(got, []string{"my-sway"}) {
		t.Errorf("with --library after the command: %q", got)
	}
}

func TestCompletionScripts(t *testing.T) {
	for shell, marker := range map[string]string{
		"bash":       "complete -o default -F __start_limber limber",
		"zsh":        "#compdef limber",
		"fish":       "complete -c limber",
		"powershell": "Register-ArgumentCompleter",
	} {
		code, out, stderr := limber(t, "completion", shell)
		if code != 0 || !strings.Contains(out, marker) || !strings.Contains(out, "__complete") || stderr != "" {
			t.Errorf("completion %s: exit %d, %d bytes, stderr %q", shell, code, len(out), stderr)
		}
	}
}

// The man page is roff that names every command; where groff is installed
// it also renders without a warning.
func TestManPage(t *testing.T) {
	code, page, stderr := limber(t, "man")
	if code != 0 || stderr != "" || !strings.HasPrefix(page, ".TH LIMBER 1 ") {
		t.Fatalf("man: exit %d, stderr %q, starts %.40q", code, stderr, page)
	}
	var names []string
	for _, c := range newRootCmd(&env{}).Commands() {
		if !c.Hidden {
			names = append(names, c.Name())
		}
	}
	if len(names) < 16 {
		t.Errorf("%d commands: %v", len(names), names)
	}
	for _, name := range names {
		if !strings.Contains(page, "\n\\fB"+name+"\\fP") {
			t.Errorf("the man page does not name %s", name)
		}
	}
	for _, s := range []string{".SH EXIT STATUS", "--library", "--data-dir", "--effort"} {
		if !strings.Contains(page, s) {
			t.Errorf("the man page lacks %q", s)
		}
	}
	if strings.Contains(page, "`") || strings.Contains(page, "\\fBman\\fP") {
		t.Error("the man page has pflag's backquotes or the hidden man command")
	}
	groff, err := exec.LookPath("groff")
	if err != nil {
		return
	}
	cmd := exec.Command(groff, "-k", "-man", "-Tutf8", "-ww", "-P-cbou") // plain text, no bold

	cmd.Stdin = strings.NewReader(page)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil || errb.Len() > 0 {
		t.Fatalf("groff: %v %s", err, errb.String())
	}
	text := out.String()
	for _, s := range append(names, "NAME", "SYNOPSIS", "EXIT STATUS", "does not replace", "journal.jsonl") {
		if !strings.Contains(text, s) {
			t.Errorf("the rendered page lacks %q", s)
		}
	}
}
