package tui

import (
	"testing"
	"time"

	"limber/content"
	"limber/exercises"
)

func builtinLibrary(t testing.TB) *exercises.Library {
	t.Helper()
	lib, errs := exercises.Load(exercises.Source{FS: content.FS, Root: ".", Label: "content", Origin: "built-in"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return lib
}

// TestEveryBuiltinRoutineFinishes drives each built-in routine from the
// check-in to the summary, answering as a patient would.
func TestEveryBuiltinRoutineFinishes(t *testing.T) {
	lib := builtinLibrary(t)
	for _, rt := range lib.Routines() {
		t.Run(rt.ID, func(t *testing.T) {
			h := newHarness(t, 80, 24, func(o *Options) { o.Library = lib; o.Routine = rt.ID })
			h.keys("2")
			h.noFlags()
			for steps := 0; h.phase() != phSummary; steps++ {
				if steps > 5000 {
					t.Fatalf("stuck in phase %d\n%s", h.phase(), h.m.View())
				}
				switch h.phase() {
				case phCard:
					h.keys("enter")
				case phReady:
					h.wait(GetReady)
				case phWork:
					if h.m.sess.untimed {
						for i := 0; i < h.m.sess.rung.Value; i++ {
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
					h.keys("1")
				case phScore:
					h.keys("enter")
				case phBefore, phAfter:
					h.keys("enter")
				default:
					t.Fatalf("unexpected phase %d\n%s", h.phase(), h.m.View())
				}
			}
		})
	}
}
