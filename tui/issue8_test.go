package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"limber/coach"
	"limber/journal"
)

func TestBackOnACardGoesOnlyToASkippedExercise(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("0")
	h.keys("b")
	if h.m.sess.idx != 0 || !strings.Contains(h.m.View(), "This is the first exercise.") {
		t.Fatalf("b on the first card:\n%s", h.m.View())
	}
	h.keys("s", "y") // skip the tandem stance
	h.keys("b")
	if h.m.sess.ex.ID != "stand" {
		t.Fatalf("b went to %s, want the skipped stand", h.m.sess.ex.ID)
	}
	// Do it after all; back from the next card says it is done.
	(&walker{h: h, onCard: func(i int) bool {
		if i == 1 {
			h.keys("b")
			if h.m.sess.idx != 1 || !strings.Contains(h.m.View(), "Tandem stance is done for today.") {
				t.Fatalf("b back to a done exercise:\n%s", h.m.View())
			}
			h.keys("s", "y", "s", "y", "s", "y")
			return true
		}
		return false
	}}).run()
	if len(h.ends()) != 1 {
		t.Fatalf("%d exercise ends, want the stand once", len(h.ends()))
	}
}

func TestSkipAsksInARecordedSessionOnly(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("0")
	h.keys("n") // n is "no", never "skip"
	if h.phase() != phCard || !strings.Contains(h.m.View(), "To skip this exercise, press s.") {
		t.Fatalf("n on a card:\n%s", h.m.View())
	}
	h.keys("s")
	h.wantPhase(phSkipAsk)
	h.keys("n")
	h.wantPhase(phCard)
	if h.m.sess.ex.ID != "stand" {
		t.Fatal("no to skipping moved on")
	}
	d := newHarness(t, 80, 24, func(o *Options) { o.Routine, o.Demo = "test", true })
	d.keys("enter") // demo: enter passes the check-in's questions
	for range coach.RedFlags {
		d.keys("enter")
	}
	d.wantPhase(phCard)
	d.keys("s")
	if d.phase() != phCard || d.m.sess.ex.ID != "lift" {
		t.Fatalf("demo s went to %s in phase %d", d.m.sess.ex.ID, d.phase())
	}
}

func TestEscClosesHelp(t *testing.T) {
	h := newHarness(t, 80, 24, nil)
	h.keys("?")
	if !h.m.help.ShowAll {
		t.Fatal("? did not open the full help")
	}
	h.keys("esc")
	if h.m.help.ShowAll || h.m.screen != scrHome {
		t.Fatal("esc did not close the help, or left home")
	}
}

func TestScaleMovesLeftAndRight(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	c := h.checkin()
	h.keys("right", "right", "right", "left")
	if c.pain.pick != 2 {
		t.Fatalf("pick %d after → → → ←", c.pain.pick)
	}
	h.keys("left", "left", "left")
	if c.pain.pick != 0 {
		t.Fatalf("pick %d: the scale goes below 0", c.pain.pick)
	}
	for range 12 {
		h.keys("right")
	}
	if c.pain.pick != 10 {
		t.Fatalf("pick %d: the scale goes past 10", c.pain.pick)
	}
	h.keys("enter")
	if c.ci.Baseline != 10 {
		t.Fatalf("baseline %d", c.ci.Baseline)
	}
}

func TestEffortNamesTheSetAndAnswersAStrayKey(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("0")
	h.toExercise("lift")
	h.keys("enter", "space", "enter")
	h.wantPhase(phEffort)
	v := h.m.View()
	if !strings.Contains(v, "Heel raises, set 1 of 2") || !strings.Contains(v, "Press 1 to 5") {
		t.Fatalf("the effort question does not name the set:\n%s", v)
	}
	for _, k := range []string{"7", "0", "x"} {
		h.keys(k)
		h.wantPhase(phEffort)
		if !strings.Contains(h.m.View(), "Please answer with a number from 1 to 5.") {
			t.Fatalf("%s gave no answer:\n%s", k, h.m.View())
		}
	}
	h.keys("4")
	h.wantPhase(phRest)
}

func TestSpaceHasOneMeaningPerScreen(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("0")
	h.keys("enter")
	h.wait(GetReady)
	h.keys("space")
	if !h.m.sess.timer.paused {
		t.Fatal("space did not pause a hold")
	}
	if f := footer(h); !strings.Contains(f, "space pause/resume") || strings.Contains(f, "count") {
		t.Fatalf("hold footer: %s", f)
	}
	h = newHarness(t, 80, 24, runTest)
	h.checkIn("0")
	h.toExercise("lift")
	h.keys("enter", "space", "space")
	if h.m.sess.count != 2 || h.m.sess.timer.paused {
		t.Fatalf("space on counted reps: count %d, paused %v", h.m.sess.count, h.m.sess.timer.paused)
	}
	if f := footer(h); !strings.Contains(f, "space count a rep") || strings.Contains(f, "pause") {
		t.Fatalf("reps footer: %s", f)
	}
}

func footer(h *harness) string {
	lines := strings.Split(h.m.View(), "\n")
	return lines[len(lines)-1]
}

func TestLongCardScrollsAndStopsAtItsEnd(t *testing.T) {
	lib := builtinLibrary(t)
	h := newHarness(t, 80, 24, func(o *Options) { o.Library = lib })
	h.keys("l")
	// The library's longest card.
	lm := h.m.models[scrLibrary].(*libraryModel)
	best, most := 0, 0
	for i, x := range lm.list {
		if n := len(cardLines(h.m.ctx, x, x.Dose, 78)); n > most {
			best, most = i, n
		}
	}
	for range best {
		h.keys("down")
	}
	h.keys("enter")
	x := lm.list[best]
	if !strings.Contains(h.m.View(), "more below") {
		t.Fatalf("the longest card (%s, %d lines) does not say there is more:\n%s", x.ID, most, h.m.View())
	}
	for range 200 {
		h.keys("down")
	}
	end := h.m.View()
	if !strings.Contains(end, "Source:") || !strings.Contains(end, "more above") {
		t.Fatalf("after 200 downs the end of %s is not shown:\n%s", x.ID, end)
	}
	h.keys("up")
	if h.m.View() == end {
		t.Fatal("one up after 200 downs did not move: the scroll ran past the end")
	}
}

func TestSummaryScrolls(t *testing.T) {
	lib := builtinLibrary(t)
	h := newHarness(t, 80, 24, func(o *Options) { o.Library = lib; o.Routine = "full-3x" })
	h.keys("2")
	h.noFlags()
	(&walker{h: h}).run()
	h.wantPhase(phSummary)
	last := h.m.sess.summary[len(h.m.sess.summary)-1].ex.Name
	if strings.Contains(h.m.View(), last) {
		t.Fatalf("the full summary fits one screen; pick a longer routine")
	}
	h.keys("pgdown", "pgdown", "pgdown", "pgdown")
	if !strings.Contains(h.m.View(), last) {
		t.Fatalf("the last exercise, %s, cannot be reached:\n%s", last, h.m.View())
	}
}

func TestTooSmallWindowPausesTheTimer(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("0")
	h.keys("enter")
	h.wait(GetReady)
	h.wait(3 * time.Second)
	h.send(tea.WindowSizeMsg{Width: 50, Height: 15})
	if !h.m.sess.timer.paused || !strings.Contains(h.m.View(), "The timer is paused.") {
		t.Fatalf("a too-small window did not pause: %v\n%s", h.m.sess.timer.paused, h.m.View())
	}
	h.clk.advance(time.Minute)
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if !strings.Contains(h.m.View(), "PAUSED while the window was too small") {
		t.Fatalf("back at 80×24:\n%s", h.m.View())
	}
	if got := h.m.sess.timer.remaining(h.clk.Now()); got != 7*time.Second {
		t.Fatalf("remaining %v after a minute too small, want 7 s", got)
	}
	h.keys("space")
	h.wait(7 * time.Second)
	h.wantPhase(phReady) // the right side
}

func TestCountIsAThirdOfTheWindowAndCentred(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {160, 48}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			h := newHarness(t, size[0], size[1], runTest)
			h.checkIn("0")
			h.keys("enter")
			h.wait(GetReady)
			h.clk.advance(300 * time.Millisecond) // past the flash: 10 on screen
			for _, shown := range []string{"10", "9"} {
				if shown == "9" {
					h.wait(time.Second)
				}
				checkCount(t, h, size, shown)
			}
		})
	}
}

// checkCount checks the count on screen is a third of the window tall and
// centred.
func checkCount(t *testing.T, h *harness, size [2]int, shown string) {
	rows, left, right := 0, size[0], 0
	for _, l := range strings.Split(h.m.View(), "\n") {
		// The digit rows move over their blanks (CUF): paint each
		// line as the terminal would to find where its dots are.
		cells := string(paintRow(t, []rune(strings.Repeat(" ", size[0])), l))
		first, last := strings.IndexRune(cells, '#'), strings.LastIndex(cells, "#")
		if first < 0 {
			continue
		}
		rows++
		left = min(left, first)
		right = max(right, last+1)
	}
	if rows*3 < size[1] {
		t.Errorf("the count is %d rows in a %d-row window, want at least a third", rows, size[1])
	}
	mid := (left + right) / 2
	if d := mid - size[0]/2; d < -3 || d > 3 {
		t.Errorf("%s: the count spans %d to %d, centred on %d, window middle %d", shown, left, right, mid, size[0]/2)
	}
}

func TestLeftSideIsSavedTheMomentItEnds(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("0")
	h.keys("enter")
	h.wait(GetReady)
	h.wait(10 * time.Second) // the left side ends
	h.wantPhase(phReady)
	sets := h.rec.sets()
	if len(sets) != 1 || sets[0].Side != "left" || sets[0].Achieved != 10 || sets[0].Effort != 0 {
		t.Fatalf("after the left side: %+v", sets)
	}
	h.keys("q", "y") // quit before the right side
	if got := h.rec.kinds(); got != "session_start,set,session_end" {
		t.Fatalf("records %s", got)
	}
}

func TestASetAwaitingItsEffortIsSavedOnQuit(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("0")
	h.toExercise("lift")
	h.keys("enter", "space", "space", "enter")
	h.wantPhase(phEffort)
	h.keys("q", "y")
	sets := h.rec.sets()
	if len(sets) != 1 || sets[0].Achieved != 2 || sets[0].Effort != 0 {
		t.Fatalf("sets %+v", sets)
	}
}

func TestBeforeAndAfterLists(t *testing.T) {
	lib := builtinLibrary(t)
	rt, _ := lib.Routine("balance-3x")
	h := newHarness(t, 80, 24, func(o *Options) { o.Library = lib; o.Routine = rt.ID })
	h.keys("2")
	h.noFlags()
	h.wantPhase(phBefore)
	if v := h.m.View(); !strings.Contains(v, "Before you start") || !strings.Contains(v, clean(rt.Before[0])[:30]) {
		t.Fatalf("the before list:\n%s", v)
	}
	h.keys("enter")
	h.wantPhase(phCard)
	(&walker{h: h, onCard: func(int) bool { return false }}).run()
	// The walker answers the after list; check it was shown by going
	// again and stopping there.
	h2 := newHarness(t, 80, 24, func(o *Options) { o.Library = lib; o.Routine = rt.ID })
	h2.keys("2")
	h2.noFlags()
	w := &walker{h: h2}
	for h2.phase() != phAfter {
		if h2.phase() == phSummary {
			t.Fatal("the summary came without the after list")
		}
		if h2.phase() == phBefore {
			h2.keys("enter")
			continue
		}
		w.stepOnce()
	}
	if v := h2.m.View(); !strings.Contains(v, "Before you go") {
		t.Fatalf("the after list:\n%s", v)
	}
}

// stepOnce answers one screen.
func (w *walker) stepOnce() {
	h := w.h
	s := h.m.sess
	switch h.phase() {
	case phCard:
		h.keys("enter")
	case phReady, phRest:
		h.wait(time.Second)
	case phWork:
		if s.untimed {
			for range s.rung.Value {
				h.keys("space")
			}
			h.keys("enter")
		} else {
			h.wait(time.Second)
		}
	case phEffort:
		h.keys("2")
	case phPain:
		h.keys("1")
	case phScore:
		h.keys("enter")
	}
}

func TestStopEndsOnEnterAndGoesOnOnC(t *testing.T) {
	for _, key := range []string{"enter", "c"} {
		h := newHarness(t, 80, 24, runTest)
		h.checkIn("0")
		h.keys("enter")
		h.wait(GetReady)
		h.keys("p", "t")
		h.wantPhase(phStop)
		h.keys(key)
		switch key {
		case "enter":
			h.wantPhase(phAfter)
			if strings.Join(h.outcomes(), ",") != "stopped" {
				t.Fatalf("enter after a stop: outcomes %v", h.outcomes())
			}
		case "c":
			h.wantPhase(phCard)
			if h.m.sess.ex.ID != "lift" || len(h.outcomes()) != 0 {
				t.Fatalf("c after a stop: at %s, outcomes %v", h.m.sess.ex.ID, h.outcomes())
			}
		}
	}
}

func TestPainQuestionStartsFromTheLastAnswer(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("4")
	h.toExercise("lift")
	h.keys("enter", "space", "enter", "2", "enter", "space", "enter", "2")
	h.wantPhase(phPain)
	if h.m.sess.pick.pick != 4 {
		t.Fatalf("pain starts at %d, want the usual pain 4", h.m.sess.pick.pick)
	}
	h.keys("3")
	h.keys("enter")
	h.wait(GetReady)
	h.keys("p")
	if h.m.sess.pick.pick != 3 {
		t.Fatalf("the flare starts at %d, want the last answer 3", h.m.sess.pick.pick)
	}
}

func TestAFailedWriteStopsAndIsRetried(t *testing.T) {
	h := newHarness(t, 80, 24, runTest)
	h.checkIn("0")
	h.keys("enter")
	h.wait(GetReady)
	h.rec.fail = errors.New("no space left on device")
	h.wait(10 * time.Second) // the left side ends; its save fails
	h.wantPhase(phSaveFailed)
	v := h.m.View()
	for _, want := range []string{"could not be saved", "no space left on device", "Tandem stance: set 1, left side, 10 done", "r  try to save again"} {
		if !strings.Contains(v, want) {
			t.Errorf("the failure screen lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(strings.ToLower(v), "is saved") {
		t.Errorf("the failure screen says saved:\n%s", v)
	}
	h.wait(time.Minute)
	h.wantPhase(phSaveFailed) // the session does not go on
	h.keys("r")
	h.wantPhase(phSaveFailed) // still failing
	h.keys("q")
	if !strings.Contains(h.m.View(), "could not be saved") {
		t.Fatalf("the quit question says saved:\n%s", h.m.View())
	}
	h.keys("n") // back to the failure screen
	h.wantPhase(phSaveFailed)
	h.rec.fail = nil
	h.keys("r")
	h.wantPhase(phReady) // the right side
	if sets := h.rec.sets(); len(sets) != 1 || sets[0].Side != "left" {
		t.Fatalf("after the retry: %+v", sets)
	}
	if h.m.Failed() {
		t.Fatal("all saved, yet Failed")
	}
	h.rec.fail = errors.New("read-only file system")
	h.keys("q", "y")
	if !h.m.Failed() {
		t.Fatal("the session end could not be saved, yet the coach would exit 0")
	}
}

// The journal's unsaved records keep their order: nothing is written
// after a gap.
func TestNothingIsWrittenPastAGap(t *testing.T) {
	ctx := &Context{recorder: &memRecorder{fail: errors.New("full")}}
	if ctx.Record(journal.Record{Kind: journal.KindSet, Set: 1}) {
		t.Fatal("a failed write reported saved")
	}
	ctx.recorder.(*memRecorder).fail = nil
	if ctx.Record(journal.Record{Kind: journal.KindSet, Set: 2}) {
		t.Fatal("a record after a gap was written before the gap")
	}
	if !ctx.Retry() {
		t.Fatal("retry failed")
	}
	recs := ctx.recorder.(*memRecorder).recs
	if len(recs) != 2 || recs[0].Set != 1 || recs[1].Set != 2 {
		t.Fatalf("written %+v", recs)
	}
}

// In a demo s and b step between exercises on every screen of a set: the
// footer names each key once, with what it does there.
func TestDemoFooterNamesEachKeyOnce(t *testing.T) {
	h := newHarness(t, 160, 48, func(o *Options) { o.Routine, o.Demo = "test", true })
	h.checkIn("0")
	for _, step := range []func(){func() {}, func() { h.keys("enter"); h.wait(GetReady) }} {
		step()
		seen := map[string]string{}
		for _, b := range h.m.sess.Keys() {
			k := b.Help().Key
			if was, ok := seen[k]; ok {
				t.Errorf("phase %d: %q is both %q and %q", h.phase(), k, was, b.Help().Desc)
			}
			seen[k] = b.Help().Desc
		}
		if seen["s"] != "next exercise" || seen["b"] != "previous exercise" {
			t.Errorf("phase %d: s is %q, b is %q", h.phase(), seen["s"], seen["b"])
		}
	}
}
