package tui

import (
	"limber/coach"
	"testing"
	"time"
)

// BenchmarkViewSet renders the set screen (a hold counting down) at
// 120×40, in colour, as the program draws it once a second.
func BenchmarkViewSet(b *testing.B) {
	t := &testing.T{}
	h := newHarness(t, 120, 40, func(o *Options) { o.Routine, o.Color = "test", true })
	h.keys("0")
	for range coach.RedFlags {
		h.keys("n")
	}
	h.keys("enter")
	h.wait(GetReady)
	h.wait(1500 * time.Millisecond)
	if h.phase() != phWork {
		b.Fatalf("not in a hold: phase %d", h.phase())
	}
	b.ReportAllocs()
	for b.Loop() {
		if len(h.m.View()) == 0 {
			b.Fatal("empty view")
		}
	}
}
