package tui

import (
	"limber/coach"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// redrawBytes replays what bubbletea's standard renderer writes for a
// sequence of frames: it rewrites only the lines that changed since the
// last frame (each with an erase to the end of the line), then places the
// cursor. It returns the bytes written after the first frame.
func redrawBytes(frames []string) int {
	var last []string
	total := 0
	for i, f := range frames {
		lines := strings.Split(f, "\n")
		n := len("\x1b[H") + len("\x1b[24;1H")
		for j, l := range lines {
			if j < len(last) && last[j] == l {
				n++ // "\n": the cursor moves down
				continue
			}
			n += len(l) + len("\x1b[K") + len("\r\n")
		}
		if i > 0 && f != frames[i-1] {
			total += n
		}
		last = lines
	}
	return total
}

// holdFrames draws a 60 s hold at w×h, in colour, once per wake-up the
// coach asks for (the shown second, flashes, the last three cues).
func holdFrames(t testing.TB, w, h int) []string {
	prev := lipgloss.ColorProfile()
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(prev)
	hs := newHarness(&testing.T{}, w, h, func(o *Options) {
		o.Routine, o.Color = "test", true
	})
	hs.keys("0")
	for range coach.RedFlags {
		hs.keys("n")
	}
	// Tandem stance at 60 s: the top of its grid is 30 s, so place it by
	// hand on a 60 s hold.
	return holdSixty(t, hs)
}

// holdSixty starts the exercise on hs's card as a 60 s hold and draws it,
// once per wake-up the coach asks for, to its end.
func holdSixty(t testing.TB, hs *harness) []string {
	s := hs.m.sess
	s.rung.Value = 60
	hs.keys("enter")
	hs.wait(GetReady)
	if hs.phase() != phWork {
		t.Fatalf("not in the hold: %d", hs.phase())
	}
	var frames []string
	start := hs.clk.Now()
	for hs.phase() == phWork && hs.clk.Now().Sub(start) < 61*time.Second {
		frames = append(frames, hs.m.View())
		wake := s.timer.nextWake(hs.clk.Now())
		if s.flashUntil.After(hs.clk.Now()) {
			wake = min(wake, s.flashUntil.Sub(hs.clk.Now()))
		}
		hs.wait(max(wake, time.Millisecond))
	}
	return frames
}

// TestHoldRedrawBytes keeps the countdown cheap on the wire: the count is
// a third of the window tall, yet a 60 s hold at 80×24 writes under 300
// bytes a second (DESIGN section 8), because only the digit rows that
// change are rewritten and dots are reverse-video spaces.
func TestHoldRedrawBytes(t *testing.T) {
	for _, c := range []struct {
		w, h  int
		limit int
	}{{80, 24, 300}, {120, 40, 900}} {
		frames := holdFrames(t, c.w, c.h)
		perSec := redrawBytes(frames) / 60
		t.Logf("%dx%d: %d bytes a second over a 60 s hold (%d frames)", c.w, c.h, perSec, len(frames))
		if perSec >= c.limit {
			t.Errorf("%dx%d: %d bytes a second, want under %d", c.w, c.h, perSec, c.limit)
		}
	}
}
