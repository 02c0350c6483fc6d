package serve

import (
	"strings"
	"testing"
	"time"
)

func TestFitFrame(t *testing.T) {
	in := strings.Split("head\n\n\n\n\ncount\n\n\nkeys", "\n") // 9 lines
	for h, want := range map[int]string{
		9: "head\n\n\n\n\ncount\n\n\nkeys",
		8: "head\n\n\n\ncount\n\n\nkeys",
		6: "head\n\ncount\n\n\nkeys",
		5: "head\n\ncount\n\nkeys",
		4: "head\n\ncount\n",
	} {
		if got := strings.Join(fitFrame(append([]string(nil), in...), h), "\n"); got != want {
			t.Errorf("h %d: %q, want %q", h, got, want)
		}
	}
}

func TestHub(t *testing.T) {
	h := NewHub()
	if l, _ := h.Get("ann"); l != nil {
		t.Fatal("live before joining")
	}
	closed := ""
	l, prev := h.Join("ann", time.Now(), func(r string) { closed = r })
	if prev != nil {
		t.Fatal("a previous session out of nowhere")
	}
	f, next := l.Frame()
	l.Publish("a", 80, 24)
	select {
	case <-next:
	default:
		t.Fatal("a watcher was not woken by a new frame")
	}
	f2, next := l.Frame()
	if f2.Text != "a" || f2.Seq != f.Seq+1 {
		t.Fatalf("%+v", f2)
	}
	l.Publish("a", 80, 24) // the same: nobody wakes
	select {
	case <-next:
		t.Fatal("woken by an unchanged frame")
	default:
	}
	l2, prev := h.Join("ann", time.Now(), func(string) {})
	if prev != l {
		t.Fatal("the newer session did not find the older one")
	}
	prev.Close("replaced")
	if closed != "replaced" {
		t.Fatal("the older session was not asked to close")
	}
	h.Leave(l) // the old one leaving does not unseat the new one
	if got, _ := h.Get("ann"); got != l2 {
		t.Fatal("the newer session was unseated")
	}
	select {
	case <-next:
	default:
		t.Fatal("a watcher of the old session was not woken by its end")
	}
	if f, _ := l.Frame(); !f.Ended {
		t.Fatal("the old session does not say it ended")
	}
	h.Leave(l2)
	if h.Live("ann") {
		t.Fatal("still live after leaving")
	}
}
