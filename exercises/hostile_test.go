package exercises

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Each hostile file is refused quickly, with an error and no panic, and no
// raw escape byte reaches the message.
func TestHostileInput(t *testing.T) {
	bomb := "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	for i, prev := 0, "a"; i < 9; i++ {
		name := string(rune('b' + i))
		bomb += name + ": &" + name + " [" + strings.Repeat("*"+prev+",", 8) + "*" + prev + "]\n"
		prev = name
	}
	cases := []struct {
		name, data, want string
	}{
		{"over 8 MiB", "title: x\n" + strings.Repeat("# padding\n", MaxFileSize/10+1), "library files may be at most 8 MiB"},
		{"alias bomb", bomb, `lib/a.yaml:1:1: a: unknown field "a"`},
		{"deep flow nesting", "exercises: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000), "nesting is deeper than 32 levels"},
		{"deeper than yaml allows", "exercises: " + strings.Repeat("[", 20000), "not valid YAML: exceeded max depth of 10000"},
		{"deep block nesting", "exercises:\n" + func() string {
			var b strings.Builder
			for i := range 100 {
				b.WriteString(strings.Repeat(" ", i+1) + "- \n")
			}
			return b.String()
		}(), "nesting is deeper than 32 levels"},
		{"invalid utf-8", "title: \xff\xfe\n", "not valid UTF-8"},
		{"escape in a key", "\"\\e]0;pwned\\a\": 1\n", `unknown field "\x1b]0;pwned\x07"`},
		{"escape in an id", "exercises:\n  - id: \"a\\e[2J\"\n", `"a\x1b[2J" is not a valid id`},
		{"NUL byte", "title: a\x00b\n", "not valid YAML"},
		{"huge number", "exercises:\n  - id: a\n    name: A\n    category: rom\n    dose: {kind: reps, reps: 99999999999999999999999}\n", "expected a whole number from 1 to 1000"},
		{"merge key", "exercises:\n  - <<: {id: a}\n", `unknown field "<<"`},
		{"a quarter of a million keys", func() string {
			var b strings.Builder
			for i := range 250_000 {
				fmt.Fprintf(&b, "k%d: 1\n", i)
			}
			return b.String()
		}(), "and 249800 more errors; fix these first"},
		{"a quarter of a million duplicate keys", strings.Repeat("title: x\n", 250_000), `duplicate key "title"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// A guard against a hang or a quadratic blow-up (minutes), not
			// a measure: BenchmarkHostileInput gives the figure (about half
			// a second for the quarter of a million keys).
			start := time.Now()
			_, errs := loadFiles(map[string]string{"a.yaml": c.data})
			if took := time.Since(start); took > raceSlowdown*20*time.Second {
				t.Errorf("took %v; hostile input must be refused in well under a minute", took)
			}
			if len(errs) == 0 {
				t.Fatal("accepted hostile input")
			}
			all := strings.Join(errStrings(errs), "\n")
			if !strings.Contains(all, c.want) {
				t.Errorf("errors %q do not mention %q", all, c.want)
			}
			if strings.ContainsAny(all, "\x00\x07\x1b\u009b") {
				t.Errorf("error message carries a raw control byte: %q", all)
			}
		})
	}
}

func TestEscape(t *testing.T) {
	cases := map[string]string{
		"plain":          "plain",
		"a\x1b[31mb":     `a\x1b[31mb`,
		"tab\there":      `tab\there`,
		"line\nbreak":    `line\nbreak`,
		"bad \xff byte":  `bad \xff byte`,
		"c1 \u009b here": `c1 \u009b here`,
		"bidi \u202e":    `bidi \u202e`,
		"café ✓":         "café ✓",
	}
	for in, want := range cases {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Clean("a\x1b[31mb\tc\nd", false); got != "a[31mb cd" {
		t.Errorf("Clean = %q", got)
	}
	if got := Clean("a\nb", true); got != "a\nb" {
		t.Errorf("Clean multiline = %q", got)
	}
}

// BenchmarkHostileInput is the time to refuse a file of a quarter of a
// million keys (go test ./exercises -run '^$' -bench Hostile).
func BenchmarkHostileInput(b *testing.B) {
	var sb strings.Builder
	for i := range 250_000 {
		fmt.Fprintf(&sb, "k%d: 1\n", i)
	}
	data := sb.String()
	for b.Loop() {
		if _, errs := loadFiles(map[string]string{"a.yaml": data}); len(errs) == 0 {
			b.Fatal("accepted")
		}
	}
}
