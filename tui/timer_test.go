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
	got := Big("10", false)
	want := "  ██  █████\n   █  █   █\n   █  █   █\n   █  █   █\n  ███ █████"
	if got != want {
		t.Fatalf("Big(10) =\n%s\nwant\n%s", got, want)
	}
	wide := Big("7", true)
	if !strings.HasPrefix(wide, "██████████\n") || strings.Count(wide, "\n") != 4 {
		t.Fatalf("wide 7 =\n%s", wide)
	}
	if w := BigWidth("10", true); w != 22 || BigWidth("10", false) != 11 {
		t.Fatalf("BigWidth = %d", w)
	}
	// Long runs become reverse-video spaces; short ones stay blocks.
	if got := reverseRuns("██████████  ██"); got != "\x1b[7m          \x1b[27m  ██" {
		t.Fatalf("reverseRuns = %q", got)
	}
}
