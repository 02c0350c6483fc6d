package docs_test

import (
	"os"
	"strings"
	"testing"
)

// A warning is shown in library.md as a whole run: a ```yaml example,
// then a ```console block with the command and everything it prints.
// limber prints exactly that and exits with 0, and with 1 under --strict.
func TestLibraryDocWarnings(t *testing.T) {
	data, err := os.ReadFile("library.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	bs := fences(t, string(data))
	shown := 0
	for i, b := range bs {
		if b.lang != "console" || i == 0 || bs[i-1].lang != "yaml" {
			continue
		}
		if between := lines[bs[i-1].end : b.start-1]; strings.TrimSpace(strings.Join(between, "")) != "" {
			continue
		}
		cmdLine, want, _ := strings.Cut(b.body, "\n")
		args, ok := strings.CutPrefix(cmdLine, "$ limber ")
		if !ok {
			t.Errorf("library.md:%d: a console block starts with %q, not a limber command", b.start, cmdLine)
			continue
		}
		yaml := bs[i-1].body
		code, stdout, stderr := run(t, yaml, strings.Fields(args)...)
		if code != 0 || stderr+stdout != want {
			t.Errorf("library.md:%d: `limber %s` exits %d and prints\n%s\nthe doc says\n%s", b.start, args, code, stderr+stdout, want)
		}
		if !strings.Contains(want, "(warning)") {
			t.Errorf("library.md:%d: the run shows no warning", b.start)
		}
		if code, _, _ := run(t, yaml, append(strings.Fields(args), "--strict")...); code != 1 {
			t.Errorf("library.md:%d: with --strict, limber exits %d", b.start, code)
		}
		shown++
	}
	if shown == 0 {
		t.Error("library.md shows no warning")
	}
}
