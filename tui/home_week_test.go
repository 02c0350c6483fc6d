package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"

	"limber/exercises"
	"limber/journal"
)

// The home screen says the week beside each routine in words, and a
// missed day as "that's fine: pick up today", at every size from 60x20.
func TestHomeWeekInWords(t *testing.T) {
	done := func(day int) []journal.Record {
		at := time.Date(2026, 3, day, 9, 0, 0, 0, time.UTC)
		sid, pain := fmt.Sprintf("s%d", day), 1
		recs := []journal.Record{{Kind: journal.KindSessionStart, At: at, Session: sid, Routine: "test"}}
		for _, id := range []string{"stand", "lift", "pace", "bag"} {
			recs = append(recs,
				journal.Record{Kind: journal.KindSet, At: at, Session: sid, Routine: "test", Exercise: id, Set: 1,
					Rung: &exercises.Rung{Sets: 1, Level: 1, Value: 5}, Target: 5, Achieved: 5, Effort: 2},
				journal.Record{Kind: journal.KindExerciseEnd, At: at, Session: sid, Routine: "test", Exercise: id, Pain: &pain})
		}
		return append(recs, journal.Record{Kind: journal.KindSessionEnd, At: at, Session: sid, Routine: "test", Outcome: "finished"})
	}
	cases := []struct {
		name  string
		recs  []journal.Record
		words string
	}{
		{"nothing yet", nil, "not yet today"},
		{"done yesterday", done(3), "not yet today"},
		{"missed yesterday", done(2), "that's fine: pick up today"},
		{"done today", append(done(3), done(4)...), "done today ✓"},
	}
	for _, c := range cases {
		for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 40}} {
			h := newHarness(t, size[0], size[1], func(o *Options) { o.Records = c.recs })
			view := h.m.View()
			row := ""
			for _, l := range strings.Split(view, "\n") {
				if strings.Contains(l, "Test routine") && strings.Contains(l, "daily") {
					row = l
				}
				if w := lipgloss.Width(l); w > size[0] {
					t.Errorf("%s: a line %d cells wide at %dx%d: %q", c.name, w, size[0], size[1], l)
				}
			}
			if !strings.Contains(row, c.words) {
				t.Errorf("%s at %dx%d: the row %q lacks %q\n%s", c.name, size[0], size[1], row, c.words, view)
			}
			for _, guilt := range []string{"missed", "behind", "only "} {
				if strings.Contains(view, guilt) {
					t.Errorf("%s: the home screen says %q", c.name, guilt)
				}
			}
		}
	}
}
