package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"limber/coach"
	"limber/exercises"
	"limber/journal"
)

func runTest(o *Options) { o.Routine = "test" }

// noFlags answers "no" to every red flag.
func (h *harness) noFlags() {
	h.t.Helper()
	h.wantStep(ciFlags)
	for range coach.RedFlags {
		h.keys("n")
	}
}

// checkIn answers usual pain and every red flag "no".
func (h *harness) checkIn(baseline string) {
	h.t.Helper()
	h.wantStep(ciPain)
	h.keys(baseline)
	h.noFlags()
	h.wantPhase(phCard)
}

// holdSide runs the get-ready and a full hold of one side.
func (h *harness) holdSide(hold time.Duration) {
	h.t.Helper()
	h.wantPhase(phReady)
	h.wait(GetReady)
	h.wantPhase(phWork)
	h.wait(hold)
}

func TestHoldSetsSidesRestAndDecision(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("2")
	if h.rec.kinds() != "session_start" || *h.rec.recs[0].Baseline != 2 || *h.rec.recs[0].RedFlag {
		t.Fatalf("records: %s", h.rec.kinds())
	}
	h.keys("enter")
	h.holdSide(10 * time.Second) // left
	h.holdSide(10 * time.Second) // right
	h.wantPhase(phEffort)
	h.keys("2")
	sets := h.rec.sets()
	if len(sets) != 2 || sets[0].Side != "left" || sets[1].Side != "right" || sets[0].Achieved != 10 || sets[1].Effort != 2 || sets[0].Target != 10 {
		t.Fatalf("set records: %+v", sets)
	}
	h.wantPhase(phRest)
	h.keys("+") // 15 s more rest
	h.wait(20 * time.Second)
	h.wantPhase(phRest)
	h.wait(15 * time.Second)
	if h.m.sess.set != 2 {
		t.Fatalf("set = %d after the rest", h.m.sess.set)
	}
	h.holdSide(10 * time.Second)
	h.holdSide(10 * time.Second)
	h.keys("1")
	h.wantPhase(phPain)
	h.keys("1")
	// Exercise end is recorded with a decision from the rules.
	last := h.rec.recs[len(h.rec.recs)-1]
	if last.Kind != journal.KindExerciseEnd || *last.Pain != 1 || last.Decision == nil ||
		last.Decision.Reason != "An easy session (1 of 2 in a row to move up): level 1 (Two hands on the counter), 2 × 10 s hold each side again for tandem stance." {
		t.Fatalf("exercise end: %+v %+v", last, last.Decision)
	}
	h.wantPhase(phCard)
	if h.m.sess.ex.ID != "lift" {
		t.Fatalf("next exercise is %s", h.m.sess.ex.ID)
	}
}

func TestPauseResumeKeepsTimeExact(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("0")
	h.keys("enter")
	h.wait(GetReady)
	h.wantPhase(phWork)
	h.wait(3 * time.Second)
	h.keys("space") // pause with 7 s left
	stale := h.m.sess.gen
	h.clk.advance(10 * time.Minute)
	h.send(tickMsg{gen: stale}) // a tick from before the pause does nothing
	h.wantPhase(phWork)
	if got := h.m.sess.timer.remaining(h.clk.Now()); got != 7*time.Second {
		t.Fatalf("remaining after a 10 min pause = %v", got)
	}
	h.keys("space") // resume
	h.wait(6 * time.Second)
	h.wantPhase(phWork)
	if n := h.m.sess.timer.shown(h.clk.Now()); n != 1 {
		t.Fatalf("shown = %d with 1 s left", n)
	}
	h.wait(time.Second)
	h.wantPhase(phReady) // right side
}

func TestStaleTicksAreDropped(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("0")
	h.keys("enter")
	old := h.m.sess.gen
	h.keys("enter") // start now: the get-ready's ticks are stale
	h.wantPhase(phWork)
	h.clk.advance(11 * time.Second)
	h.send(tickMsg{gen: old})
	h.wantPhase(phWork)
	h.send(tickMsg{gen: h.m.sess.gen})
	h.wantPhase(phReady)
}

func TestSuspendPausesTheTimer(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("0")
	h.keys("enter")
	h.wait(GetReady)
	h.wait(4 * time.Second)
	cmd := h.send(keyMsg("ctrl+z"))
	if cmd == nil {
		t.Fatal("ctrl+z gave no command")
	}
	if _, ok := cmd().(tea.SuspendMsg); !ok {
		t.Fatal("ctrl+z did not suspend")
	}
	h.clk.advance(time.Hour)
	h.send(tea.ResumeMsg{})
	if !h.m.sess.timer.paused || h.m.sess.timer.remaining(h.clk.Now()) != 6*time.Second {
		t.Fatalf("after suspend: paused=%v remaining=%v", h.m.sess.timer.paused, h.m.sess.timer.remaining(h.clk.Now()))
	}
}

func TestSpeedRunsTimersFaster(t *testing.T) {
	h := newHarness(t, 80, 24, func(o *Options) { o.Routine, o.Speed = "test", 10 })
	h.checkIn("0")
	h.keys("enter")
	h.wait(500 * time.Millisecond) // 5 s get-ready at speed 10
	h.wantPhase(phWork)
	h.wait(900 * time.Millisecond)
	h.wantPhase(phWork)
	h.wait(100 * time.Millisecond) // the 10 s hold took 1 s
	h.wantPhase(phReady)
	if got := h.m.sess.sideDone[0]; got != 10 {
		t.Fatalf("achieved %d, want the full 10 s of exercise time", got)
	}
}

// toExercise skips exercises until the one with the id.
func (h *harness) toExercise(id string) {
	h.t.Helper()
	for h.m.sess.ex.ID != id {
		if h.m.ctx.Demo {
			h.keys("s")
		} else {
			h.keys("s", "y")
		}
	}
}

func TestRepCountingByHand(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("0")
	h.toExercise("lift")
	h.keys("enter")
	h.wantPhase(phWork)
	h.keys("space", "space", "space", "-", "space", "+")
	if h.m.sess.count != 4 {
		t.Fatalf("count = %d", h.m.sess.count)
	}
	h.keys("enter")
	h.wantPhase(phEffort)
	h.keys("3")
	sets := h.rec.sets()
	if len(sets) != 1 || sets[0].Achieved != 4 || sets[0].Target != 5 || sets[0].Side != "" {
		t.Fatalf("sets: %+v", sets)
	}
}

func TestTempoCountsByItself(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("0")
	h.toExercise("pace")
	h.keys("enter")
	h.wait(GetReady)
	h.wantPhase(phWork)
	h.wait(time.Second)
	if _, word, _ := h.m.sess.tempo(h.clk.Now()); word != "up" {
		t.Fatalf("word = %s", word)
	}
	h.wait(1500 * time.Millisecond)
	if rep, word, _ := h.m.sess.tempo(h.clk.Now()); word != "hold" || rep != 0 {
		t.Fatalf("rep %d word %s", rep, word)
	}
	h.wait(2500 * time.Millisecond)
	if rep, word, _ := h.m.sess.tempo(h.clk.Now()); word != "up" || rep != 1 {
		t.Fatalf("rep %d word %s", rep, word)
	}
	h.wait(10 * time.Second)
	h.wantPhase(phEffort)
	h.keys("2")
	if s := h.rec.sets(); len(s) != 1 || s[0].Achieved != 3 {
		t.Fatalf("sets: %+v", s)
	}
}

func TestTooHardEasesTheRemainingSets(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("0")
	h.toExercise("lift")
	h.keys("enter", "space", "space", "space", "space", "space", "enter", "5")
	if h.m.sess.rung != (exercises.Rung{Sets: 2, Level: 1, Value: 5}) {
		// 2 × 5 is the bottom: nothing to ease to.
		t.Fatalf("rung = %+v", h.m.sess.rung)
	}
	// From higher up, a 5 eases at once.
	h2 := newHarness(t, 80, 24, func(o *Options) {
		o.Routine = "test"
		o.Records = []journal.Record{{Kind: journal.KindAdjust, At: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), Session: "a", Exercise: "lift",
			Rung: &exercises.Rung{Sets: 2, Level: 1, Value: 8}}}
	})
	h2.checkIn("0")
	h2.toExercise("lift")
	h2.keys("enter", "space", "enter", "5")
	if h2.m.sess.rung != (exercises.Rung{Sets: 2, Level: 1, Value: 7}) || h2.m.sess.note == "" {
		t.Fatalf("rung = %+v note %q", h2.m.sess.rung, h2.m.sess.note)
	}
	h2.wantPhase(phRest)
	h2.keys("enter") // end rest
	h2.keys("space", "space", "space", "space", "space", "space", "space", "enter", "3")
	if s := h2.rec.sets(); s[1].Target != 7 || s[1].Rung.Value != 7 {
		t.Fatalf("second set at %+v", s[1])
	}
}

func TestPainStopsTheExercise(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("1")
	h.toExercise("lift")
	h.keys("enter", "space", "enter", "3") // short set
	h.keys("enter")                        // end rest
	h.keys("p")
	h.wantPhase(phFlare)
	h.keys("8")
	h.wantPhase(phStop)
	end := h.rec.recs[len(h.rec.recs)-1]
	if end.Kind != journal.KindExerciseEnd || !end.Stopped || *end.Pain != 8 || !end.Decision.Flag {
		t.Fatalf("stop record: %+v", end)
	}
	h.keys("enter")
	h.wantPhase(phAfter)
	if last := h.rec.recs[len(h.rec.recs)-1]; last.Kind != journal.KindSessionEnd || last.Outcome != "stopped" {
		t.Fatalf("session end: %+v", last)
	}
}

func TestPainFlareEasesAndResumes(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("0")
	h.keys("enter")
	h.wait(GetReady)
	h.wait(4 * time.Second)
	h.keys("p", "6")
	h.wantPhase(phWork)
	if h.m.sess.rung.Value != 10 || !strings.Contains(h.m.sess.note, "Pain noted: 6") {
		// 10 s at level 1 is the bottom of this ladder: nothing to ease,
		// but the flare is acknowledged on screen.
		t.Fatalf("rung %+v note %q", h.m.sess.rung, h.m.sess.note)
	}
	if h.m.sess.timer.paused || h.m.sess.timer.remaining(h.clk.Now()) != 6*time.Second {
		t.Fatal("the flare did not resume the hold where it was")
	}
}

func TestScoreAndSummaryAndAfter(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("0")
	h.toExercise("bag")
	h.keys("enter")
	h.wait(GetReady)
	h.wait(30 * time.Second)
	h.keys("2", "0")
	h.wantPhase(phScore)
	h.keys("9")
	h.wantPhase(phAfter)
	end := h.rec.recs[len(h.rec.recs)-2]
	if end.Kind != journal.KindExerciseEnd || *end.Score != 9 {
		t.Fatalf("exercise end %+v", end)
	}
	if h.rec.recs[len(h.rec.recs)-1].Outcome != "finished" {
		t.Fatal("no session end")
	}
	h.keys("enter")
	h.wantPhase(phSummary)
	cmd := h.send(keyMsg("enter"))
	if cmd == nil {
		t.Fatal("run mode should quit after the routine")
	}
}

func TestRedFlagStopsTheSession(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.keys("3", "y", "n", "n", "n", "n", "n", "n")
	h.wantStep(ciStop)
	if h.rec.kinds() != "session_start,session_end" || !*h.rec.recs[0].RedFlag || h.rec.recs[1].Outcome != "red_flag" {
		t.Fatalf("records %s", h.rec.kinds())
	}
}

func TestQuitAsksAndKeepsWhatWasDone(t *testing.T) {
	h := newHarness(t, 80, 24, nil) // from home
	h.keys("enter")                 // start today's routine
	h.checkIn("0")
	h.toExercise("lift")
	h.keys("enter", "space", "enter", "2")
	h.keys("q")
	if !h.m.confirmQuit {
		t.Fatal("q did not ask")
	}
	h.keys("n")
	h.wantPhase(phRest)
	h.keys("q", "y")
	if h.m.screen != scrHome || h.m.sess != nil {
		t.Fatal("did not return home")
	}
	if h.rec.kinds() != "session_start,set,session_end" || h.rec.recs[2].Outcome != "quit" {
		t.Fatalf("records %s", h.rec.kinds())
	}
}

func TestNextMorningQuestion(t *testing.T) {
	yesterday := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
	pain := 2
	recs := []journal.Record{
		{Kind: journal.KindSessionStart, At: yesterday, Session: "s1", Routine: "test"},
		{Kind: journal.KindSet, At: yesterday, Session: "s1", Routine: "test", Exercise: "lift", Set: 1, Rung: &exercises.Rung{Sets: 2, Level: 1, Value: 6}, Target: 6, Achieved: 6, Effort: 3},
		{Kind: journal.KindExerciseEnd, At: yesterday, Session: "s1", Routine: "test", Exercise: "lift", Pain: &pain},
	}
	h := newHarness(t, 80, 24, func(o *Options) { o.Routine, o.Records = "test", recs })
	h.keys("0")
	h.noFlags()
	h.wantStep(ciMorning)
	h.keys("y") // the pain was still there next morning
	h.wantPhase(phCard)
	if start := h.rec.recs[0]; start.Settled == nil || *start.Settled {
		t.Fatal("settled answer not recorded")
	}
	h.toExercise("lift")
	if h.m.sess.rung.Value != 5 {
		t.Fatalf("lift should have stepped down to 5 before today's session, is %+v", h.m.sess.rung)
	}
}

func TestDemoRecordsNothingAndStepsFreely(t *testing.T) {
	h := newHarness(t, 80, 24, func(o *Options) { o.Routine, o.Demo = "test", true })
	h.checkIn("0")
	h.keys("s", "s")
	if h.m.sess.ex.ID != "pace" {
		t.Fatalf("at %s", h.m.sess.ex.ID)
	}
	h.keys("b")
	if h.m.sess.ex.ID != "lift" {
		t.Fatalf("b went to %s", h.m.sess.ex.ID)
	}
	h.keys("enter", "space", "enter", "1")
	if len(h.rec.recs) != 0 {
		t.Fatalf("demo recorded %s", h.rec.kinds())
	}
}

func TestWindowTooSmall(t *testing.T) {
	h := newHarness(t, 59, 24, nil)
	if v := h.m.View(); v != "Window too small.\nlimber needs 60×20;\nthis one is 59×24." {
		t.Fatalf("view = %q", v)
	}
	h.send(tea.WindowSizeMsg{Width: 80, Height: 19})
	if v := h.m.View(); v != "Window too small.\nlimber needs 60×20;\nthis one is 80×19." {
		t.Fatalf("view = %q", v)
	}
}

func TestAdjustFromTheCard(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		h := newHarness(t, size[0], size[1], nil)
		h.keys("l", "down", "enter") // heel raises (lift)
		card := h.m.models[scrCard].(*cardModel)
		if card.ex.ID != "lift" {
			t.Fatalf("card %s", card.ex.ID)
		}
		h.keys("a", "up", "up", "down", "up", "enter")
		h.golden(fmt.Sprintf("adjust-confirm-%dx%d", size[0], size[1]))
		h.keys("n")
		if len(h.rec.recs) != 0 || !card.adjusting {
			t.Fatal("n recorded or left the picker")
		}
		h.keys("enter", "y")
		if h.rec.kinds() != "adjust" || *h.rec.recs[0].Rung != (exercises.Rung{Sets: 2, Level: 1, Value: 7}) {
			t.Fatalf("records %s %+v", h.rec.kinds(), h.rec.recs)
		}
		if d := card.dose(); d.Reps != 7 {
			t.Fatalf("the card still shows %d reps", d.Reps)
		}
	}
}

func TestKeysArrivingTogetherAreEachAnswered(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("2nnnnnnn")})
	h.wantPhase(phCard)
	if b := *h.rec.recs[0].Baseline; b != 2 {
		t.Fatalf("baseline %d", b)
	}
}

func TestRestAfterCountedRepsEndsByItself(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("0")
	h.toExercise("lift")
	h.keys("enter", "space", "enter", "2")
	h.wantPhase(phRest)
	h.wait(30 * time.Second)
	h.wantPhase(phWork)
	if h.m.sess.set != 2 {
		t.Fatalf("set %d", h.m.sess.set)
	}
}

func TestQuitNoCarriesOn(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("0")
	h.keys("enter")
	h.wait(GetReady)
	h.wait(2 * time.Second)
	h.keys("q", "n")
	if h.m.sess.timer.paused {
		t.Fatal("the hold stayed paused after n")
	}
	h.wait(8 * time.Second)
	h.wantPhase(phReady) // the right side
	// A countdown paused by hand stays paused.
	h.wait(GetReady)
	h.keys("space", "q", "n")
	if !h.m.sess.timer.paused {
		t.Fatal("n resumed a countdown paused by hand")
	}
}

func TestScoreTakesTen(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("0")
	h.toExercise("bag")
	h.keys("enter")
	h.wait(GetReady)
	h.wait(30 * time.Second)
	h.keys("2", "0", "t")
	h.wantPhase(phAfter)
	if s := h.rec.recs[len(h.rec.recs)-2].Score; s == nil || *s != 10 {
		t.Fatalf("score %v", s)
	}
}
