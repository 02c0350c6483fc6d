package tui

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"limber/content"
	"limber/exercises"
	"limber/journal"
)

// assessLibrary is the test library with the built-in outcome measures.
func assessLibrary(t testing.TB) *exercises.Library {
	t.Helper()
	lib, errs := exercises.Load(
		exercises.Source{FS: os.DirFS("testdata"), Root: "lib.yaml", Label: "testdata"},
		exercises.Source{FS: content.FS, Root: "assessments.yaml", Label: "content", Origin: "built-in"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return lib
}

// A woman born in 1954 is 72 on the harness's clock (4 Mar 2026): her
// chair stand norm is the one for women 70-74, below 10.
var assessProfile = Profile{Name: "Ann Lee", Born: 1954, Sex: "F", Clinician: "Dr Rao"}

func newAssessHarness(t *testing.T, w, h int, tweak func(*Options)) *harness {
	return newHarness(t, w, h, func(o *Options) {
		o.Library = assessLibrary(t)
		o.Profile = assessProfile
		if tweak != nil {
			tweak(o)
		}
	})
}

// waitTest moves the clock and delivers the test's current tick.
func (h *harness) waitTest(d time.Duration) {
	h.clk.advance(d)
	if a := h.m.assess(); a != nil {
		h.send(assessTickMsg{gen: a.gen})
	}
}

func (h *harness) testPhase() asPhase {
	a := h.m.assess()
	if a == nil || h.m.screen != scrAssess {
		return -1
	}
	return a.phase
}

func (h *harness) wantTest(p asPhase) {
	h.t.Helper()
	if got := h.testPhase(); got != p {
		h.t.Fatalf("test phase = %d, want %d\n%s", got, p, h.m.View())
	}
}

func (h *harness) mustShow(texts ...string) {
	h.t.Helper()
	v := flatView(h.m.View())
	for _, s := range texts {
		if !strings.Contains(v, s) {
			h.t.Errorf("the screen does not show %q:\n%s", s, h.m.View())
		}
	}
}

// flatView joins the screen's wrapped lines into single-spaced words.
func flatView(v string) string { return strings.Join(strings.Fields(v), " ") }

func (h *harness) assessments() []journal.Record {
	var out []journal.Record
	for _, r := range h.rec.recs {
		if r.Kind == journal.KindAssessment {
			out = append(out, r)
		}
	}
	return out
}

// The chair stand from the home screen's offer to the saved result: the
// get-ready, the 30 s count with space for each stand, the count to
// confirm, and the result read against the norm for women 70-74.
func TestAssessChairStandFromHome(t *testing.T) {
	h := newAssessHarness(t, 80, 30, nil)
	h.mustShow("A check is due: 30-second chair stand", "m do it now")
	h.keys("m")
	h.wantTest(asIntro)
	h.mustShow("30-second chair stand", "Safety", "someone beside you", "How to do it", "halfway up")
	h.keys("enter")
	h.wantTest(asReady)
	h.mustShow("get ready", "Count each stand for 30 seconds")
	h.waitTest(GetReady)
	h.wantTest(asCount)
	for range 10 {
		h.keys("space")
	}
	h.keys("-")
	h.mustShow("9 stands counted")
	h.waitTest(20 * time.Second)
	h.wantTest(asCount)
	if a := h.m.assess(); a.timer.shown(h.clk.Now()) != 10 {
		t.Fatalf("%d seconds shown 20 s into a 30 s count", a.timer.shown(h.clk.Now()))
	}
	h.waitTest(10 * time.Second)
	h.wantTest(asResult)
	h.mustShow("Time is up. How many stands?")
	if a := h.m.assess(); a.count != 9 {
		t.Fatalf("the result screen starts at %d, want the 9 counted", a.count)
	}
	h.keys("right", "right", "left")
	if a := h.m.assess(); a.count != 10 {
		t.Fatalf("count %d after right, right, left from 9", a.count)
	}
	h.keys("left", "enter")
	h.wantTest(asDone)
	recs := h.assessments()
	if len(recs) != 1 {
		t.Fatalf("%d assessment records: %+v", len(recs), h.rec.recs)
	}
	r := recs[0]
	if *r.Assessed != (journal.Assessed{Test: "chair-stand-30s", Result: 9, Age: 72, Sex: "F"}) || !r.At.Equal(h.clk.Now()) || r.Session == "" {
		t.Errorf("record %+v %+v", r, r.Assessed)
	}
	h.mustShow("Saved: 9 stands.", "Below the usual range for women 70-74 (10 stands or more): talk to your therapist about fall risk.",
		"Norms: CDC STEADI", "again in 4 weeks, from Wed 1 Apr")
	h.keys("enter")
	if h.m.screen != scrHome {
		t.Fatalf("enter after the result went to screen %d, want home", h.m.screen)
	}
	// The chair stand is done; the balance test, never done, is offered.
	h.mustShow("A check is due: 4-stage balance test")
}

// The progress page shows what the report shows: the measures against
// their norm, and the person.
func TestAssessOnTheProgressPage(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	recs := []journal.Record{{Kind: journal.KindAssessment, At: at, Session: "a1",
		Assessed: &journal.Assessed{Test: "chair-stand-30s", Result: 9, Age: 72, Sex: "F"}}}
	h := newAssessHarness(t, 120, 60, func(o *Options) { o.Records = recs })
	h.keys("g")
	h.mustShow("Progress report", "Ann Lee · born 1954 · clinician Dr Rao", "Outcome measures, against the usual range for age and sex",
		"Latest: Below the usual range for women 70-74 (10 stands or more): talk to your therapist about fall risk.",
		"4-stage balance test: not done yet (limber assess balance-4-stage).")
}

// At the norm the result is in the usual range; typed digits set it.
func TestAssessChairStandAtTheNorm(t *testing.T) {
	h := newAssessHarness(t, 80, 24, func(o *Options) { o.Assess = "chair-stand-30s" })
	h.keys("enter")
	h.waitTest(GetReady)
	h.keys("enter") // stop now: the count screen asks
	h.wantTest(asResult)
	h.keys("1", "0", "enter")
	if r := h.assessments(); len(r) != 1 || r[0].Assessed.Result != 10 {
		t.Fatalf("records %+v", r)
	}
	h.mustShow("In the usual range for women 70-74 (10 stands or more).")
	h.keys("enter")
	if !h.m.quitting {
		t.Error("limber assess did not end after the result")
	}
}

// The 4-stage balance test: each stage's hold, asked whether it was held,
// stopping at the first that was not.
func TestAssessBalanceStages(t *testing.T) {
	for _, c := range []struct {
		name   string
		held   int    // stages held before the one not held
		during bool   // the not-held stage ends early with n
		words  string // what the done screen says
	}{
		{"stops at stage 3, after its hold", 2, false, "Below the usual range for adults 65 and over (stage 3 or more held): talk to your therapist about fall risk."},
		{"stops at stage 3, during its hold", 2, true, "Below the usual range for adults 65 and over (stage 3 or more held)"},
		{"stops at stage 4", 3, false, "In the usual range for adults 65 and over (stage 3 or more held)."},
		{"holds all four", 4, false, "In the usual range for adults 65 and over (stage 3 or more held)."},
		{"stops at stage 1", 0, true, "Below the usual range"},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := newAssessHarness(t, 80, 24, func(o *Options) { o.Assess = "balance-4-stage" })
			h.mustShow("The 4 stages, 10 seconds each", "Tandem: one foot in front, heel touching toe")
			h.keys("enter")
			for stage := 1; stage <= min(c.held+1, 4); stage++ {
				h.wantTest(asReady)
				h.mustShow(fmt.Sprintf("Stage %d of 4", stage), "get into position")
				h.waitTest(GetReady)
				h.wantTest(asHold)
				if stage == c.held+1 && c.during {
					h.waitTest(4 * time.Second)
					h.keys("n")
					break
				}
				h.waitTest(10 * time.Second)
				h.wantTest(asHeld)
				h.mustShow(fmt.Sprintf("Stage %d: did you hold it for the whole 10 seconds", stage))
				if stage <= c.held {
					h.keys("y")
				} else {
					h.keys("n")
				}
			}
			h.wantTest(asDone)
			recs := h.assessments()
			if len(recs) != 1 || *recs[0].Assessed != (journal.Assessed{Test: "balance-4-stage", Result: c.held, Age: 72, Sex: "F"}) {
				t.Fatalf("records %+v", recs)
			}
			h.mustShow(c.words)
		})
	}
}

// The timers pause with space, and asking to quit pauses them until the
// answer; leaving records nothing.
func TestAssessPauseAndQuit(t *testing.T) {
	h := newAssessHarness(t, 80, 24, func(o *Options) { o.Assess = "balance-4-stage" })
	h.keys("enter")
	h.waitTest(GetReady)
	h.wantTest(asHold)
	h.waitTest(3 * time.Second)
	h.keys("space")
	h.mustShow("PAUSED")
	h.waitTest(time.Minute)
	h.wantTest(asHold)
	h.keys("space")
	h.waitTest(6 * time.Second)
	h.wantTest(asHold) // 1 s left
	h.keys("q")
	h.mustShow("Leave this test? Nothing of it is recorded until the end.")
	h.waitTest(time.Minute)
	h.keys("n")
	h.wantTest(asHold)
	h.waitTest(time.Second)
	h.wantTest(asHeld)
	h.keys("q", "y")
	if !h.m.quitting || len(h.rec.recs) != 0 {
		t.Errorf("quitting %v, records %+v", h.m.quitting, h.rec.recs)
	}
}

// No test is offered, and none opens, on a day a red flag was answered.
func TestAssessNotOnARedFlagDay(t *testing.T) {
	no := false
	b := 3
	at := time.Date(2026, 3, 4, 8, 0, 0, 0, time.UTC)
	flagged := []journal.Record{
		{Kind: journal.KindSessionStart, At: at, Session: "s1", Routine: "morning", Baseline: &b, RedFlag: &no,
			Answers: &journal.Answers{RedFlags: []string{"fall"}}},
		{Kind: journal.KindSessionEnd, At: at, Session: "s1", Routine: "morning", Outcome: "red_flag"},
	}
	h := newAssessHarness(t, 80, 30, func(o *Options) { o.Records = flagged })
	if strings.Contains(h.m.View(), "A check is due") {
		t.Errorf("a check is offered on a red-flag day:\n%s", h.m.View())
	}
	h.keys("m")
	if h.m.screen != scrHome {
		t.Errorf("m opened screen %d with nothing offered", h.m.screen)
	}
	d := newAssessHarness(t, 80, 24, func(o *Options) { o.Records = flagged; o.Assess = "chair-stand-30s" })
	d.wantTest(asNotToday)
	d.mustShow("Not today.", "answered yes to a red flag")
	d.keys("enter")
	if !d.m.quitting || len(d.rec.recs) != 0 {
		t.Errorf("quitting %v, records %+v", d.m.quitting, d.rec.recs)
	}
	// The next day it is offered again.
	n := newAssessHarness(t, 80, 30, func(o *Options) {
		o.Records = flagged
		o.Now = func() time.Time { return at.AddDate(0, 0, 1) }
	})
	n.mustShow("A check is due: 30-second chair stand")
}

// Without a year of birth and sex the result is saved and the screen says
// how to compare it; in demo mode nothing is recorded.
func TestAssessWithoutProfileAndInDemo(t *testing.T) {
	h := newAssessHarness(t, 80, 24, func(o *Options) { o.Assess = "chair-stand-30s"; o.Profile = Profile{} })
	h.keys("enter")
	h.waitTest(GetReady)
	h.keys("space", "space", "enter", "enter")
	if r := h.assessments(); len(r) != 1 || *r[0].Assessed != (journal.Assessed{Test: "chair-stand-30s", Result: 2}) {
		t.Fatalf("records %+v", r)
	}
	h.mustShow("No comparison yet: add your year of birth and sex (limber profile --born YEAR --sex F|M)")

	d := newAssessHarness(t, 80, 24, func(o *Options) { o.Assess = "chair-stand-30s"; o.Demo = true })
	d.keys("enter")
	d.waitTest(GetReady)
	d.keys("enter", "5", "enter")
	if len(d.rec.recs) != 0 {
		t.Errorf("demo recorded %+v", d.rec.recs)
	}
	d.mustShow("Demo: 5 stands, not recorded.")
}

// A result the journal refuses is said plainly and saved by r.
func TestAssessSaveFailed(t *testing.T) {
	h := newAssessHarness(t, 80, 24, func(o *Options) { o.Assess = "chair-stand-30s" })
	h.rec.fail = fmt.Errorf("no space left on device")
	h.keys("enter")
	h.waitTest(GetReady)
	h.keys("enter", "7", "enter")
	h.wantTest(asSaveFailed)
	h.mustShow("Your result could not be saved.", "no space left on device", "7 stands")
	h.keys("r")
	h.wantTest(asSaveFailed)
	h.rec.fail = nil
	h.keys("r")
	h.wantTest(asDone)
	if r := h.assessments(); len(r) != 1 || r[0].Assessed.Result != 7 {
		t.Fatalf("records %+v", r)
	}
	if h.m.Failed() {
		t.Error("still failed after the retry saved it")
	}
}

// The test's screens at 80×24 and 120×40 (go test ./tui -update).
func TestAssessScreens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			h := newAssessHarness(t, size[0], size[1], nil)
			h.golden("home-offer")
			h.keys("m")
			h.golden("intro")
			h.keys("enter")
			h.golden("ready")
			h.waitTest(GetReady)
			h.keys("space", "space", "space")
			h.waitTest(12500 * time.Millisecond)
			h.golden("count")
			h.waitTest(20 * time.Second)
			h.golden("how-many")
			h.keys("enter")
			h.golden("done")
			h.keys("enter", "m", "enter")
			h.waitTest(GetReady)
			h.waitTest(4 * time.Second)
			h.golden("hold")
			h.waitTest(6 * time.Second)
			h.golden("held")
		})
	}
}
