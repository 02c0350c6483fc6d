package exercises

import (
	"io/fs"
	"strings"
	"testing"

	"limber/content"
)

// FuzzParseFile feeds arbitrary bytes to the loader: it must never panic,
// never put a raw control byte in a message, and whatever it accepts must
// be consistent (every starting dose on its ladder).
func FuzzParseFile(f *testing.F) {
	names, _ := fs.Glob(content.FS, "*.yaml")
	for _, n := range names {
		data, _ := fs.ReadFile(content.FS, n)
		f.Add(data)
	}
	f.Add([]byte(good))
	f.Add([]byte("exercises:\n  - &a {id: a}\n  - *a\n"))
	f.Add([]byte("routines:\n  - {id: r, name: R, frequency: 3x/week, exercises: [{id: a, dose: {sets: 1}}]}\n"))
	f.Add([]byte("tips:\n  - {id: t, title: \"\\e[1m\", text: x}\n"))
	f.Add([]byte("rules: {regress: {pain_at_least: 6}, progress: {score_at_least: 80}}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		def, errs := parseFile("f.yaml", data)
		for _, e := range errs {
			msg := e.Error()
			if strings.ContainsAny(msg, "\x00\x07\x1b") || !strings.HasPrefix(msg, "f.yaml:") {
				t.Fatalf("bad message %q", msg)
			}
		}
		if def == nil {
			return
		}
		for _, e := range def.exercises {
			if !e.Ladder.Contains(e.Dose.Rung()) {
				t.Fatalf("%s: start %v off its ladder %+v", e.ID, e.Dose.Rung(), e.Ladder)
			}
			if e.Ladder.Len() < 1 {
				t.Fatalf("%s: empty ladder", e.ID)
			}
		}
	})
}
