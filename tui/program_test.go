package tui

import (
	"bytes"
	"limber/coach"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
)

// TestProgramRunsTimersForReal drives the model through bubbletea's own
// event loop with real ticks (at speed 50): get-ready, a hold on each side,
// and the effort question, then checks the final screen against a golden.
func TestProgramRunsTimersForReal(t *testing.T) {
	rec := &memRecorder{}
	m := New(Options{Library: testLibrary(t), Recorder: rec, Routine: "test", Speed: 50,
		Now: func() time.Time { return time.Now() }})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitFor := func(text string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
			teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	}
	waitFor("usual nerve pain")
	tm.Type("0")
	waitFor("have you had any of these")
	for range coach.RedFlags {
		tm.Type("n")
	}
	waitFor("start when you are ready")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor("How hard was that set?")
	tm.Type("2")
	waitFor("Rest")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	if final.sess == nil || final.sess.phase < phRest {
		t.Fatalf("did not reach the rest: %+v", final.sess)
	}
	sets := rec.sets()
	if len(sets) != 2 || sets[0].Achieved != 10 || sets[1].Achieved != 10 {
		t.Fatalf("the real timers did not complete both sides: %+v", sets)
	}
}
