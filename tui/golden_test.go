package tui

import (
	"fmt"
	"testing"
	"time"

	"limber/exercises"
	"limber/journal"
)

// TestScreens renders every screen at 80×24 and 120×40 and compares it
// with its golden file (go test ./tui -update rewrites them).
func TestScreens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			w, hh := size[0], size[1]
			h := newHarness(t, w, hh, func(o *Options) { o.Notice = true })
			h.golden("notice")
			h.keys("enter")
			h.golden("home")
			h.keys("?")
			h.golden("home-help")
			h.keys("esc", "l")
			h.golden("library")
			h.keys("down", "enter")
			h.golden("card")
			h.keys("b", "b", "t")
			h.golden("tips")
			h.keys("b", "q")
			h.golden("quit-confirm")
			h.keys("n", "enter")
			h.golden("checkin-baseline")
			h.keys("right", "right")
			h.golden("checkin-baseline-moved")
			h.keys("enter")
			h.golden("checkin-redflag")
			h.keys("n", "n")
			h.golden("checkin-redflag-third")
			h.keys("n", "n", "n", "n", "n")
			h.golden("session-card")
			h.keys("enter")
			h.golden("get-ready")
			h.wait(GetReady)
			h.golden("hold")
			h.wait(7500 * time.Millisecond)
			h.golden("hold-last-seconds")
			h.keys("space")
			h.golden("hold-paused")
			h.keys("space")
			h.wait(2500 * time.Millisecond)
			h.golden("switch-sides")
			h.wait(GetReady)
			h.wait(10 * time.Second)
			h.golden("effort")
			h.keys("2")
			h.golden("rest")
			h.keys("enter")
			h.wait(GetReady)
			h.keys("p")
			h.golden("pain-flare")
			h.keys("2")
			h.wait(10 * time.Second)
			h.wait(GetReady)
			h.wait(10 * time.Second)
			h.keys("5")
			h.golden("pain-after")
			h.keys("3")
			h.keys("enter", "space", "space")
			h.golden("reps-counting")
			h.keys("enter", "3", "enter", "space", "enter", "3", "4")
			h.keys("enter")
			h.wait(GetReady)
			h.wait(6 * time.Second)
			h.golden("reps-tempo")
			h.keys("enter", "2", "1")
			h.keys("enter")
			h.wait(GetReady)
			h.wait(30 * time.Second)
			h.keys("1", "1")
			h.golden("score")
			h.keys("8")
			h.golden("after")
			h.keys("enter")
			h.golden("summary")
		})
	}
}

func TestScreensStopAndRedFlag(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			h := newHarness(t, size[0], size[1], runTest)
			h.keys("0", "n", "n", "n", "n", "n", "n", "n", "enter")
			h.wait(GetReady)
			h.keys("p", "t")
			h.golden("stop")
			h.keys("enter", "enter")
			h.golden("summary-stopped")

			h2 := newHarness(t, size[0], size[1], func(o *Options) { o.Routine, o.Demo = "test", true })
			h2.keys("0", "y", "enter", "enter", "enter", "enter", "enter", "enter")
			h2.golden("redflag-advice-demo")

			yesterday := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
			pain := 1
			h3 := newHarness(t, size[0], size[1], func(o *Options) {
				o.Records = []journal.Record{
					{Kind: journal.KindSessionStart, At: yesterday, Session: "s1", Routine: "test"},
					{Kind: journal.KindSet, At: yesterday, Session: "s1", Routine: "test", Exercise: "lift", Set: 1,
						Rung: &exercises.Rung{Sets: 2, Level: 1, Value: 5}, Target: 5, Achieved: 5, Effort: 2},
					{Kind: journal.KindExerciseEnd, At: yesterday, Session: "s1", Routine: "test", Exercise: "lift", Pain: &pain},
					{Kind: journal.KindSessionEnd, At: yesterday, Session: "s1", Outcome: "finished"},
				}
			})
			h3.golden("home-with-history")
			h3.keys("g")
			h3.golden("progress")
			h3.keys("b")
			h3.keys("enter", "0", "n", "n", "n", "n", "n", "n", "n")
			h3.golden("checkin-settled")
		})
	}
}
