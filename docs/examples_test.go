package docs_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The examples in the docs are checked, so that they stay true: every
// ```yaml block loads (with the built-in library, as --library would load
// it) and matches the schema, unless a ```text block follows it directly;
// then it is a mistake, and the text block holds exactly the error lines
// limber prints for it.

type block struct {
	lang       string
	body       string
	start, end int // lines of the opening and closing fences, from 1
}

func fences(t *testing.T, md string) []block {
	t.Helper()
	var out []block
	lines := strings.Split(md, "\n")
	for i := 0; i < len(lines); i++ {
		info, ok := strings.CutPrefix(lines[i], "```")
		if !ok {
			continue
		}
		b := block{lang: strings.Fields(info + " x")[0], start: i + 1}
		if info == "" {
			b.lang = ""
		}
		var body []string
		for i++; i < len(lines) && lines[i] != "```"; i++ {
			body = append(body, lines[i])
		}
		if i == len(lines) {
			t.Fatalf("the fence at line %d is never closed", b.start)
		}
		b.end = i + 1
		b.body = strings.Join(body, "\n") + "\n"
		out = append(out, b)
	}
	return out
}

type example struct {
	file     string
	line     int
	yaml     string
	mistake  bool
	messages []string // for a mistake: the error lines, in order
}

// examples reads the yaml examples of a doc and sorts out the mistakes.
func examples(t *testing.T, name string) []example {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	bs := fences(t, string(data))
	var out []example
	for i, b := range bs {
		if b.lang != "yaml" {
			continue
		}
		ex := example{file: name, line: b.start + 1, yaml: b.body}
		if i+1 < len(bs) && bs[i+1].lang == "text" {
			between := lines[b.end : bs[i+1].start-1]
			if strings.TrimSpace(strings.Join(between, "")) == "" {
				ex.mistake = true
				ex.messages = strings.Split(strings.TrimSuffix(bs[i+1].body, "\n"), "\n")
			}
		}
		out = append(out, ex)
	}
	return out
}

func TestLibraryDocExamples(t *testing.T) {
	exs := examples(t, "library.md")
	good, bad := 0, 0
	for _, ex := range exs {
		if ex.mistake {
			bad++
			// Mistakes are loaded alone, as `limber validate mylib/feet.yaml` does.
			got := load([]byte(ex.yaml), "mylib", "feet.yaml")
			if strings.Join(got, "\n") != strings.Join(ex.messages, "\n") {
				t.Errorf("library.md:%d: the loader says\n%s\nthe doc says\n%s", ex.line, strings.Join(got, "\n"), strings.Join(ex.messages, "\n"))
			}
			continue
		}
		good++
		checkGoodExample(t, ex)
	}
	// Enough of each that a broken extraction cannot pass unnoticed.
	if good < 3 || bad < 12 {
		t.Errorf("library.md has %d good examples and %d mistakes; the extraction is broken", good, bad)
	}
}

func TestRulesDocExamples(t *testing.T) {
	exs := examples(t, "rules.md")
	if len(exs) == 0 {
		t.Fatal("rules.md has no yaml examples")
	}
	for _, ex := range exs {
		if ex.mistake {
			t.Errorf("rules.md:%d: a mistake example belongs in library.md", ex.line)
			continue
		}
		checkGoodExample(t, ex)
	}
}

func checkGoodExample(t *testing.T, ex example) {
	t.Helper()
	if errs := load([]byte(ex.yaml), "mylib", "feet.yaml", builtIn); errs != nil && !onlyPending(errs) {
		t.Errorf("%s:%d: the example does not load:\n%s", ex.file, ex.line, strings.Join(errs, "\n"))
	}
	if errs := schemaErrors(t, []byte(ex.yaml)); errs != nil {
		t.Errorf("%s:%d: the example does not match the schema:\n%s", ex.file, ex.line, strings.Join(errs, "\n"))
	}
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// limberBinary builds the real program once.
func limberBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		goCmd, err := exec.LookPath("go")
		if err != nil {
			goCmd = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
		}
		dir, err := os.MkdirTemp("", "limber-docs-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "limber")
		build := exec.Command(goCmd, "build", "-o", binPath, ".")
		build.Dir = ".."
		if out, err := build.CombinedOutput(); err != nil {
			binErr = errors.New("go build: " + err.Error() + "\n" + string(out))
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// run runs limber in a folder holding mylib/feet.yaml.
func run(t *testing.T, yaml string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "mylib"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "mylib", "feet.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(limberBinary(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "LIMBER_DATA_DIR="+filepath.Join(dir, "data"), "NO_COLOR=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return code, out.String(), errb.String()
}

// The messages in library.md are what the real program prints: each
// mistake is run through `limber validate mylib/feet.yaml`.
func TestLibraryDocMessagesFromTheProgram(t *testing.T) {
	data, err := os.ReadFile("library.md")
	if err != nil {
		t.Fatal(err)
	}
	exs := examples(t, "library.md")
	for _, ex := range exs {
		if ex.mistake {
			code, _, stderr := run(t, ex.yaml, "validate", "mylib/feet.yaml")
			lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			if code != 1 || len(lines) < 2 {
				t.Errorf("library.md:%d: limber validate exits %d with\n%s", ex.line, code, stderr)
				continue
			}
			// The last line is the count.
			if got := strings.Join(lines[:len(lines)-1], "\n"); got != strings.Join(ex.messages, "\n") {
				t.Errorf("library.md:%d: limber prints\n%s\nthe doc says\n%s", ex.line, got, strings.Join(ex.messages, "\n"))
			}
			continue
		}
		code, _, stderr := run(t, ex.yaml, "--library", "mylib", "validate")
		if code != 0 {
			lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			if len(lines) < 2 || !onlyPending(lines[:len(lines)-1]) {
				t.Errorf("library.md:%d: limber --library mylib validate exits %d with\n%s", ex.line, code, stderr)
			}
		}
	}
	// A whole run shown in the doc: the command, then everything it prints,
	// for the first mistake after it.
	bs := fences(t, string(data))
	shown := 0
	for i, b := range bs {
		cmdLine, rest, ok := strings.Cut(b.body, "\n")
		if b.lang != "text" || !ok || !strings.HasPrefix(cmdLine, "$ limber ") {
			continue
		}
		var yaml string
		for _, ex := range exs {
			if ex.mistake && ex.line > bs[i].end {
				yaml = ex.yaml
				break
			}
		}
		args := strings.Fields(strings.TrimPrefix(cmdLine, "$ limber "))
		_, stdout, stderr := run(t, yaml, args...)
		if stdout+stderr != rest {
			t.Errorf("library.md:%d: `limber %s` prints\n%s\nthe doc says\n%s", b.start, strings.Join(args, " "), stdout+stderr, rest)
		}
		shown++
	}
	if shown == 0 {
		t.Error("library.md shows no whole run of limber validate")
	}
}
