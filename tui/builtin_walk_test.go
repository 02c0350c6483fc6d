package tui

import (
	"strings"
	"testing"
	"time"

	"limber/content"
	"limber/exercises"
	"limber/journal"
	"limber/text"
)

func builtinLibrary(t testing.TB) *exercises.Library {
	t.Helper()
	lib, errs := exercises.Load(exercises.Source{FS: content.FS, Root: ".", Label: "content", Origin: "built-in"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return lib
}

// walker answers a session as a patient would; hooks change one answer.
type walker struct {
	h *harness
	// onCard is called on each exercise's card (by its index in the plan);
	// it returns true when it has handled the card itself.
	onCard func(i int) bool
	// onWork is called once per exercise when its first set starts.
	onWork func(i int)
	pain   func(i int) string // the pain answer after exercise i
	worked map[int]bool
}

// run goes on until the summary, the home screen, or the end of `run`.
func (w *walker) run() {
	h := w.h
	h.t.Helper()
	if w.worked == nil {
		w.worked = map[int]bool{}
	}
	for steps := 0; ; steps++ {
		if steps > 20000 {
			h.t.Fatalf("stuck in phase %d\n%s", h.phase(), h.m.View())
		}
		if h.m.sess == nil || h.m.screen != scrSession || h.phase() == phSummary {
			return
		}
		s := h.m.sess
		switch h.phase() {
		case phCard:
			if w.onCard != nil && w.onCard(s.idx) {
				continue
			}
			h.keys("enter")
		case phReady:
			h.wait(GetReady)
		case phWork:
			if !w.worked[s.idx] {
				w.worked[s.idx] = true
				if w.onWork != nil {
					w.onWork(s.idx)
					continue
				}
			}
			if s.untimed {
				for range s.rung.Value {
					h.keys("space")
				}
				h.keys("enter")
			} else {
				h.wait(time.Second)
			}
		case phRest:
			h.wait(time.Second)
		case phEffort:
			h.keys("2")
		case phPain:
			p := "1"
			if w.pain != nil {
				p = w.pain(s.idx)
			}
			h.keys(p)
		case phScore, phBefore, phAfter, phStop:
			h.keys("enter")
		default:
			h.t.Fatalf("unexpected phase %d\n%s", h.phase(), h.m.View())
		}
	}
}

func (h *harness) ends() map[string]journal.Record {
	out := map[string]journal.Record{}
	for _, r := range h.rec.recs {
		if r.Kind == journal.KindExerciseEnd {
			out[r.Exercise] = r
		}
	}
	return out
}

func (h *harness) outcomes() []string {
	var out []string
	for _, r := range h.rec.recs {
		if r.Kind == journal.KindSessionEnd {
			out = append(out, r.Outcome)
		}
	}
	return out
}

// TestEveryBuiltinRoutine drives each built-in routine from the check-in
// to the summary along several paths a patient takes: everything done, a
// skip, back to a skipped exercise, quit part-way then carry on, a pain
// flare, and a stop. New routines and exercises in content/ are covered
// without touching the test.
func TestEveryBuiltinRoutine(t *testing.T) {
	lib := builtinLibrary(t)
	start := func(t *testing.T, rt *exercises.Routine) *harness {
		h := newHarness(t, 80, 24, func(o *Options) { o.Library = lib; o.Routine = rt.ID })
		h.keys("2")
		h.noFlags()
		return h
	}
	for _, rt := range lib.Routines() {
		n := len(rt.Items)
		t.Run(rt.ID+"/all", func(t *testing.T) {
			h := start(t, rt)
			(&walker{h: h}).run()
			h.wantPhase(phSummary)
			if len(h.ends()) != n || strings.Join(h.outcomes(), ",") != "finished" {
				t.Fatalf("%d of %d exercises ended, outcomes %v", len(h.ends()), n, h.outcomes())
			}
		})
		t.Run(rt.ID+"/skip", func(t *testing.T) {
			h := start(t, rt)
			first := ""
			(&walker{h: h, onCard: func(i int) bool {
				if i == 0 && first == "" {
					first = h.m.sess.ex.ID
					h.keys("s")
					h.wantPhase(phSkipAsk) // a recorded session asks first
					h.keys("y")
					return true
				}
				return false
			}}).run()
			if _, done := h.ends()[first]; done || len(h.ends()) != n-1 {
				t.Fatalf("the skipped %s was recorded, or others were not: %d ends", first, len(h.ends()))
			}
			if !strings.Contains(h.m.View(), "skipped today") {
				t.Fatalf("the summary does not say what was skipped:\n%s", h.m.View())
			}
		})
		t.Run(rt.ID+"/back", func(t *testing.T) {
			h := start(t, rt)
			wentBack := false
			(&walker{h: h, onCard: func(i int) bool {
				switch {
				case i == 0 && !wentBack && len(h.m.sess.summary) == 0:
					h.keys("s", "y")
					return true
				case i == 1 && !wentBack:
					wentBack = true
					h.keys("b")
					if h.m.sess.idx != 0 {
						t.Fatalf("b went to exercise %d", h.m.sess.idx+1)
					}
					return true
				}
				return false
			}}).run()
			if len(h.ends()) != n {
				t.Fatalf("after going back, %d of %d exercises ended", len(h.ends()), n)
			}
		})
		t.Run(rt.ID+"/quit-then-carry-on", func(t *testing.T) {
			h := newHarness(t, 80, 24, func(o *Options) { o.Library = lib })
			home := h.m.models[scrHome].(*homeModel)
			for home.items[home.cursor].rt.ID != rt.ID {
				h.keys("down")
			}
			h.keys("enter", "2")
			h.noFlags()
			quitAt := min(1, n-1)
			(&walker{h: h, onCard: func(i int) bool {
				if i == quitAt {
					h.keys("q", "y")
					return true
				}
				return false
			}}).run()
			if h.m.screen != scrHome || strings.Join(h.outcomes(), ",") != "quit" {
				t.Fatalf("quit did not go home: screen %d, outcomes %v", h.m.screen, h.outcomes())
			}
			if strings.Contains(h.m.View(), "done today") && quitAt > 0 {
				t.Fatalf("a routine left part-way shows as done:\n%s", h.m.View())
			}
			home.cursor = 0
			for home.items[home.cursor].rt.ID != rt.ID {
				h.keys("down")
			}
			h.keys("enter")
			if quitAt > 0 {
				h.wantStep(ciCarryOn)
				h.keys("enter")
			}
			h.keys("2")
			h.noFlags()
			if h.phase() == phBefore {
				h.keys("enter")
			}
			h.wantPhase(phCard)
			if h.m.sess.ex.ID != rt.Items[quitAt].ID {
				t.Fatalf("carried on at %s, want %s", h.m.sess.ex.ID, rt.Items[quitAt].ID)
			}
			(&walker{h: h}).run()
			if len(h.ends()) != n {
				t.Fatalf("%d of %d exercises ended over the two sessions", len(h.ends()), n)
			}
			h.keys("enter")
			if !strings.Contains(h.m.View(), "done today") {
				t.Fatalf("after carrying on to the end, home does not say done today:\n%s", h.m.View())
			}
		})
		t.Run(rt.ID+"/flare", func(t *testing.T) {
			h := start(t, rt)
			(&walker{h: h, onWork: func(i int) {
				if i == 0 {
					h.keys("p")
					h.wantPhase(phFlare)
					if h.m.sess.pick.pick != 2 {
						t.Fatalf("the flare question starts at %d, want the last answer 2", h.m.sess.pick.pick)
					}
					h.keys("6") // the flare threshold for a usual pain of 2
					if h.m.sess.note == "" {
						t.Fatal("a flare at the threshold says nothing on screen")
					}
				}
			}}).run()
			if len(h.ends()) != n {
				t.Fatalf("%d of %d exercises ended after a flare", len(h.ends()), n)
			}
		})
		t.Run(rt.ID+"/stop", func(t *testing.T) {
			h := start(t, rt)
			(&walker{h: h, pain: func(int) string { return "8" }}).run()
			h.wantPhase(phSummary)
			if len(h.ends()) != 1 || strings.Join(h.outcomes(), ",") != "stopped" {
				t.Fatalf("after a stop and enter: %d exercises ended, outcomes %v", len(h.ends()), h.outcomes())
			}
		})
	}
}

// Home shows each built-in routine's name whole where the window has room
// (160 columns), and at 80 columns no row is wider than the window.
func TestHomeNamesBuiltinRoutinesWhole(t *testing.T) {
	lib := builtinLibrary(t)
	for _, w := range []int{80, 160} {
		h := newHarness(t, w, 48, func(o *Options) { o.Library = lib })
		view := h.m.View()
		for _, l := range strings.Split(view, "\n") {
			if text.Width(l) > w {
				t.Errorf("at %d columns a row is %d wide: %q", w, text.Width(l), l)
			}
		}
		if w < 160 {
			continue
		}
		for _, rt := range lib.Routines() {
			if !strings.Contains(view, rt.Name) {
				t.Errorf("at %d columns home does not show %q whole:\n%s", w, rt.Name, view)
			}
		}
	}
}
