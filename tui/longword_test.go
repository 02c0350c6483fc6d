package tui

import (
	"strings"
	"testing"
	"testing/fstest"

	"limber/exercises"
	"limber/text"
)

// longWord is one word of 200 letters: a pasted link, or no spaces at all.
var longWord = strings.Repeat("abcdefghij", 20)

// A very long word in a step wraps, whole, on the card: every line fits
// the window, and nothing is cut off with an ellipsis.
func TestLongWordWrapsOnACard(t *testing.T) {
	yaml := `category: rom
exercises:
  - id: long
    name: Long step
    position: seated
    steps: ["Read ` + longWord + ` then rest."]
    dose: {kind: reps, sets: 1, reps: 3}
`
	lib, errs := exercises.Load(exercises.Source{FS: fstest.MapFS{"a.yaml": {Data: []byte(yaml)}}, Root: ".", Label: "t"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, w := range []int{60, 80, 120} {
		h := newHarness(t, w, 30, func(o *Options) { o.Library = lib })
		h.keys("l", "enter")
		view := h.m.View()
		x, _ := lib.Exercise("long")
		lines := cardLines(h.m.ctx, x, x.Dose, w-2)
		for _, l := range append(strings.Split(view, "\n"), lines...) {
			if text.Width(l) > w {
				t.Errorf("width %d: a line of %d cells: %q", w, text.Width(l), l)
			}
		}
		joined := strings.Join(strings.Fields(strings.Join(lines, "\n")), "")
		if !strings.Contains(joined, "Read"+longWord+"thenrest.") {
			t.Errorf("width %d: the word is not whole on the card:\n%s", w, strings.Join(lines, "\n"))
		}
		if strings.Contains(strings.Join(lines, ""), "…") || strings.Contains(strings.Join(lines, ""), "...") {
			t.Errorf("width %d: the card cut something off:\n%s", w, strings.Join(lines, "\n"))
		}
	}
}
