package docs_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The prompt lines of reminders.md are real: each shell reads its own
// (bash -n, zsh -n, fish --no-execute, tmux sourcing it), and each
// prompt, run with the real limber on PATH, shows limber status --short.
// A shell that is not installed is said in the log; bash and the check of
// each snippet's command are never left out.
func TestReminderSnippets(t *testing.T) {
	data, err := os.ReadFile("reminders.md")
	if err != nil {
		t.Fatal(err)
	}
	snippets := map[string]string{}
	for _, b := range fences(t, string(data)) {
		switch b.lang {
		case "bash", "zsh", "fish", "tmux":
			if _, dup := snippets[b.lang]; dup {
				t.Errorf("reminders.md:%d: a second %s snippet", b.start, b.lang)
			}
			snippets[b.lang] = b.body
			if !strings.Contains(b.body, "limber status --short") {
				t.Errorf("reminders.md:%d: the %s snippet does not run limber status --short", b.start, b.lang)
			}
		}
	}
	if len(snippets) != 4 {
		t.Fatalf("reminders.md has snippets for %d of bash, zsh, fish and tmux", len(snippets))
	}

	// The real limber first on PATH, with an empty data directory.
	bin := limberBinary(t)
	dir := t.TempDir()
	env := append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"),
		"LIMBER_DATA_DIR="+filepath.Join(dir, "data"), "TMUX=")
	const want = "limber: ready when you are"
	file := func(name string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(snippets[strings.TrimPrefix(filepath.Ext(name), ".")]), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	shell := func(name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Env, cmd.Dir = env, dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			err = fmt.Errorf("%s %s: %v: %s", name, strings.Join(args, " "), err, out)
		}
		return string(out), err
	}
	has := func(name string) bool {
		if _, err := exec.LookPath(name); err != nil {
			t.Logf("%s is not installed here: its snippet is checked only for the command it runs", name)
			return false
		}
		return true
	}

	bash := file("prompt.bash")
	if _, err := shell("bash", "-n", bash); err != nil {
		t.Error(err)
	}
	if out, err := shell("bash", "--norc", "--noprofile", "-c", `PS1='x> '; source "$1"; printf '%s' "${PS1@P}"`, "bash", bash); err != nil || out != want+"\nx> " {
		t.Errorf("the bash prompt is %q (%v), want %q", out, err, want+"\nx> ")
	}
	if has("zsh") {
		zsh := file("prompt.zsh")
		if _, err := shell("zsh", "-n", zsh); err != nil {
			t.Error(err)
		}
		if out, err := shell("zsh", "-f", "-c", `source "$1"; print -rP -- "$RPROMPT"`, "zsh", zsh); err != nil || out != want+"\n" {
			t.Errorf("the zsh right prompt is %q (%v)", out, err)
		}
	}
	if has("fish") {
		fish := file("prompt.fish")
		if _, err := shell("fish", "--no-execute", fish); err != nil {
			t.Error(err)
		}
		if out, err := shell("fish", "--no-config", "-c", "source $argv[1]; fish_right_prompt", fish); err != nil || out != want+"\n" {
			t.Errorf("the fish right prompt is %q (%v)", out, err)
		}
	}
	if has("tmux") {
		conf := file("limber.tmux")
		sock := fmt.Sprintf("limber-docs-%d", os.Getpid())
		if _, err := shell("tmux", "-L", sock, "-f", "/dev/null", "new-session", "-d"); err != nil {
			t.Fatal(err)
		}
		defer shell("tmux", "-L", sock, "kill-server")
		if _, err := shell("tmux", "-L", sock, "source-file", conf); err != nil {
			t.Error(err)
		}
		if out, err := shell("tmux", "-L", sock, "show-options", "-gv", "status-right"); err != nil || !strings.HasPrefix(out, "#(limber status --short)") {
			t.Errorf("tmux's status-right is %q (%v)", out, err)
		}
	}
}
