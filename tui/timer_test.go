package tui

import (
	"strings"
	"testing"
	"time"
)

func TestCountdown(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := newCountdown(t0, 10*time.Second, 1)
	if c.shown(t0) != 10 || c.nextWake(t0) != time.Second {
		t.Fatalf("start: shown %d, wake %v", c.shown(t0), c.nextWake(t0))
	}
	at := t0.Add(2500 * time.Millisecond)
	if c.shown(at) != 8 || c.nextWake(at) != 500*time.Millisecond {
		t.Fatalf("2.5 s in: shown %d, wake %v", c.shown(at), c.nextWake(at))
	}
	// Pause keeps what is left, however long the pause.
	c.pause(at)
	later := at.Add(time.Hour)
	if c.remaining(later) != 7500*time.Millisecond || c.done(later) || c.nextWake(later) != 0 {
		t.Fatalf("paused: remaining %v", c.remaining(later))
	}
	c.resume(later)
	if c.deadline != later.Add(7500*time.Millisecond) {
		t.Fatalf("resume set deadline %v", c.deadline)
	}
	// The last wake is the deadline itself.
	end := c.deadline.Add(-300 * time.Millisecond)
	if c.shown(end) != 1 || c.nextWake(end) != 300*time.Millisecond {
		t.Fatalf("near the end: shown %d, wake %v", c.shown(end), c.nextWake(end))
	}
	if !c.done(c.deadline) || c.shown(c.deadline) != 0 {
		t.Fatal("not done at the deadline")
	}
	c.extend(15 * time.Second)
	if c.remaining(c.deadline.Add(-15*time.Second)) != 15*time.Second || c.total != 25*time.Second {
		t.Fatalf("extend: total %v", c.total)
	}
}

func TestCountdownSpeed(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := newCountdown(t0, 60*time.Second, 20)
	if c.deadline != t0.Add(3*time.Second) {
		t.Fatalf("60 s at speed 20 should end after 3 s, ends at %v", c.deadline.Sub(t0))
	}
	if c.nextWake(t0) != 50*time.Millisecond || c.shown(t0.Add(time.Second)) != 40 {
		t.Fatalf("wake %v, shown after 1 s %d", c.nextWake(t0), c.shown(t0.Add(time.Second)))
	}
	if f := c.fraction(t0.Add(1500 * time.Millisecond)); f != 0.5 {
		t.Fatalf("fraction %v", f)
	}
}

func TestBigDigits(t *testing.T) {
	got := strings.Join(Big("10", 1, false), "\n")
	want := strings.Join([]string{
		"    ██      ████",
		"  ████    ██    ██",
		"    ██    ██    ██",
		"    ██    ██    ██",
		"    ██    ██    ██",
		"    ██    ██    ██",
		"    ██    ██    ██",
		"    ██      ████",
	}, "\n")
	if got != want {
		t.Fatalf("Big(10) =\n%s\nwant\n%s", got, want)
	}
	// At dot height 2 every dot is 4 cells wide and 2 rows tall.
	seven := Big("7", 2, false)
	if len(seven) != 16 || seven[0] != strings.Repeat("█", 16) || seven[1] != seven[0] {
		t.Fatalf("7 at 2 =\n%s", strings.Join(seven, "\n"))
	}
	if w := BigWidth(2, 1); w != 18 || BigWidth(2, 2) != 36 || BigWidth(1, 3) != 24 {
		t.Fatalf("BigWidth = %d", w)
	}
	// Reverse video for runs long enough to pay for the switches; short
	// runs stay blocks; nothing after the last dot.
	if got := Big("7", 1, true)[0]; got != "\x1b[7m        \x1b[27m" {
		t.Fatalf("reverse row = %q", got)
	}
	if got := Big("1", 1, true)[0]; got != "    ██" {
		t.Fatalf("short run = %q", got)
	}
}

func TestDigitScaleIsAThirdOfTheWindow(t *testing.T) {
	for _, c := range []struct{ w, h, glyphs, rows int }{
		{80, 24, 2, 8}, {80, 24, 3, 8}, {120, 40, 3, 16}, {160, 48, 3, 16}, {200, 60, 3, 24},
		{80, 25, 2, 16}, // 24 needs 8 rows; 25 needs 9, so 16
		{60, 20, 3, 8},
		{80, 60, 3, 16}, // 3 glyphs at dot height 3 take 84 cells: width wins over height
	} {
		sy := digitScale(c.h, c.w-2, c.glyphs)
		if rows := sy * DigitRows; rows != c.rows {
			t.Errorf("%dx%d, %d glyphs: %d rows, want %d", c.w, c.h, c.glyphs, rows, c.rows)
		}
		if BigWidth(c.glyphs, sy) > c.w-2 {
			t.Errorf("%dx%d: %d glyphs take %d cells", c.w, c.h, c.glyphs, BigWidth(c.glyphs, sy))
		}
	}
}

// A flash wakes the screen when it ends, if nothing wakes it sooner; a
// flash already out wakes nothing.
func TestWithFlash(t *testing.T) {
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		wake, flash, want time.Duration
	}{
		{time.Second, 0, time.Second},                 // out at now
		{time.Second, -time.Millisecond, time.Second}, // out before now
		{0, 0, 0}, // nothing to wake for
		{0, 300 * time.Millisecond, 300 * time.Millisecond},
		{time.Second, 999 * time.Millisecond, 999 * time.Millisecond},
		{time.Second, time.Second, time.Second},
		{time.Second, 1001 * time.Millisecond, time.Second},
	} {
		if got := withFlash(c.wake, now.Add(c.flash), now); got != c.want {
			t.Errorf("withFlash(%v, now%+v) = %v, want %v", c.wake, c.flash, got, c.want)
		}
	}
}
