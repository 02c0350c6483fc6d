package report

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"limber/coach"
	"limber/exercises"
	"limber/journal"
	"limber/text"
)

// longWord is one word of 200 letters: a pasted link, or no spaces at all.
var longWord = strings.Repeat("abcdefghij", 20)

// checkWrapped fails unless every line of s fits width and the word comes
// back whole when the lines are joined, with nothing cut off.
func checkWrapped(t *testing.T, what, s, word string, width int) {
	t.Helper()
	for _, l := range strings.Split(s, "\n") {
		if width > 0 && text.Width(l) > width {
			t.Errorf("%s: a line of %d cells, over %d: %q", what, text.Width(l), width, l)
		}
	}
	if !strings.Contains(strings.Join(strings.Fields(s), ""), word) {
		t.Errorf("%s: the long word is not whole:\n%s", what, s)
	}
	if strings.Contains(s, "…") || strings.Contains(s, "...") {
		t.Errorf("%s: something was cut off:\n%s", what, s)
	}
}

// A 200-character word in a step wraps whole on the handout.
func TestLongWordWrapsOnAHandout(t *testing.T) {
	yaml := `category: rom
exercises:
  - id: long
    name: Long step
    position: seated
    steps: ["Read ` + longWord + ` then rest."]
    dose: {kind: reps, sets: 1, reps: 3}
routines:
  - {id: r, name: Routine, exercises: [long]}
`
	lib, errs := exercises.Load(exercises.Source{FS: fstest.MapFS{"a.yaml": {Data: []byte(yaml)}}, Root: ".", Label: "t"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	rt, _ := lib.Routine("r")
	h := NewHandout(lib, coach.Replay(lib, nil), rt, fixtureNow)
	for _, w := range []int{50, 80} {
		checkWrapped(t, "the text handout", h.Text(w), "Read"+longWord+"thenrest.", w)
	}
	checkWrapped(t, "the Markdown handout", h.Markdown(), "Read"+longWord+"thenrest.", 0)
}

// A 200-character word from the journal (here the name of a red flag from
// a newer limber) wraps whole in the report.
func TestLongWordWrapsInTheReport(t *testing.T) {
	lib, _, _ := fixture(t)
	b := 2
	recs := []journal.Record{{Kind: journal.KindSessionStart, At: fixtureNow.Add(-24 * time.Hour), Session: "s", Routine: "feet-daily",
		Baseline: &b, Answers: &journal.Answers{RedFlags: []string{longWord}}}}
	r := Build(Input{Lib: lib, Progress: coach.Replay(lib, recs), Now: fixtureNow})
	for _, w := range []int{64, 80, 120} {
		checkWrapped(t, "the report", strings.Join(r.FlagLines(w), "\n"), longWord, w)
	}
}

// A line of wide (CJK) characters wraps within the report's width: each
// takes two cells, and the report counts cells, not characters.
func TestWideCharactersWrapInTheReport(t *testing.T) {
	lib, _, _ := fixture(t)
	wide := strings.Repeat("足首をゆっくり回す", 12) // 108 characters, 216 cells, no spaces
	b := 2
	recs := []journal.Record{{Kind: journal.KindSessionStart, At: fixtureNow.Add(-24 * time.Hour), Session: "s", Routine: "feet-daily",
		Baseline: &b, Answers: &journal.Answers{RedFlags: []string{wide}}}}
	r := Build(Input{Lib: lib, Progress: coach.Replay(lib, recs), Now: fixtureNow})
	for _, w := range []int{50, 64, 80, 121} {
		out := r.Text(w)
		for _, l := range strings.Split(out, "\n") {
			if text.Width(l) > w {
				t.Errorf("at %d cells a line is %d cells wide: %q", w, text.Width(l), l)
			}
		}
		if !strings.Contains(strings.Join(strings.Fields(out), ""), wide) {
			t.Errorf("at %d cells the wide text is not whole:\n%s", w, out)
		}
	}
}
