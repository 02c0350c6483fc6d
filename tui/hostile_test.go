package tui

import (
	"strings"
	"testing"
	"time"

	"limber/exercises"
	"limber/journal"
)

// Records someone edited by hand, with escape sequences in every word a
// screen might show: a clear-screen, an OSC 52 that writes the clipboard,
// a C1 control and a right-to-left override.
func hostileRecords() []journal.Record {
	at := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
	osc52, clr := "\x1b]52;c;aGVsbG8=\x07", "\x1b[2J"
	sess := "s1" + clr
	pain, high, base := 7, 9, 1
	rg := &exercises.Rung{Sets: 2, Level: 1, Value: 5}
	return []journal.Record{
		{Kind: journal.KindSessionStart, At: at, Session: sess, Routine: "test", Baseline: &base,
			Answers: &journal.Answers{RedFlags: []string{"new" + osc52}, GlucoseUnit: clr}},
		{Kind: journal.KindSet, At: at, Session: sess, Routine: "test" + osc52, Exercise: "lift", Name: "Lift" + clr, Set: 1, Side: clr,
			Rung: rg, Target: 5, Achieved: 5, Effort: 2},
		{Kind: journal.KindFlare, At: at, Session: sess, Exercise: "lift", Set: 1, Side: clr + "\u009b31m", Pain: &high},
		{Kind: journal.KindSet, At: at, Session: sess, Exercise: osc52, Name: "Gone\u202e" + osc52, Set: 1, Target: 5, Achieved: 5, Effort: 2},
		{Kind: journal.KindExerciseEnd, At: at, Session: sess, Exercise: osc52, Name: "Gone\u202e" + osc52, Pain: &pain, Stopped: true},
		{Kind: journal.KindExerciseEnd, At: at, Session: sess, Routine: "test", Exercise: "lift", Pain: &pain},
		{Kind: journal.KindSessionEnd, At: at, Session: sess, Outcome: "quit" + clr},
	}
}

// No screen of the coach shows a control or escape character from the
// journal: at home, on the progress page, and through the next check-in.
// The colour profile is plain ASCII in tests, so the screens hold no
// escape of their own either.
func TestNoScreenShowsTheJournalsEscapes(t *testing.T) {
	h := newHarness(t, 100, 40, func(o *Options) { o.Records = hostileRecords() })
	views := map[string]string{"home": h.m.View()}
	h.keys("g")
	views["progress"] = h.m.View()
	if !strings.Contains(views["progress"], "Stopped for pain during Gone]52;c;aGVsbG8=") ||
		!strings.Contains(views["progress"], "Heel raises: Pain reached 9 out of 10") {
		t.Errorf("the progress page lost the journal's flags:\n%s", views["progress"])
	}
	h.keys("b", "enter", "1")
	views["check-in"] = h.m.View()
	for i := 0; i < 12 && h.m.sess == nil; i++ {
		h.keys("n")
		views["check-in "+string(rune('a'+i))] = h.m.View()
	}
	for name, v := range views {
		for _, r := range v {
			if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) {
				t.Errorf("%s shows %U:\n%q", name, r, v)
				break
			}
		}
	}
}
