package serve

import (
	"sync"
	"time"
)

// Hub knows every patient's live screen, so that a therapist can watch
// it. A patient's session publishes each frame it draws; a watcher waits
// for the next change and reads the latest frame, so a slow watcher skips
// frames and never holds the patient up.
type Hub struct {
	mu     sync.Mutex
	live   map[string]*Live // by the patient's folder
	roster chan struct{}    // closed and replaced whenever a patient connects or leaves
}

// NewHub makes an empty hub.
func NewHub() *Hub { return &Hub{live: map[string]*Live{}, roster: make(chan struct{})} }

// Live is one patient's session as others see it.
type Live struct {
	Folder string
	Since  time.Time

	mu      sync.Mutex
	frame   string
	w, h    int
	seq     uint64
	changed chan struct{} // closed and replaced by the next new frame
	ended   chan struct{} // closed once the session is over
	end     sync.Once

	close func(reason string) // asks the session to end
}

// Frame is a snapshot of a live screen.
type Frame struct {
	Text          string
	Width, Height int
	Seq           uint64 // counts new frames
	Ended         bool
}

// Join registers a patient's new session and returns the one it replaces,
// if any: one patient has one live session, and the newest wins (the older
// one is often a connection that dropped without saying so).
func (h *Hub) Join(folder string, now time.Time, stop func(reason string)) (l, prev *Live) {
	l = &Live{Folder: folder, Since: now, changed: make(chan struct{}), ended: make(chan struct{}), close: stop}
	h.mu.Lock()
	defer h.mu.Unlock()
	prev = h.live[folder]
	h.live[folder] = l
	closeChan(h.roster)
	h.roster = make(chan struct{})
	return l, prev
}

// Leave ends a session: watchers see it end, and the patient is no longer
// live unless a newer session took the place already.
func (h *Hub) Leave(l *Live) {
	h.mu.Lock()
	if h.live[l.Folder] == l {
		delete(h.live, l.Folder)
	}
	closeChan(h.roster)
	h.roster = make(chan struct{})
	h.mu.Unlock()
	l.end.Do(func() {
		l.mu.Lock()
		closeChan(l.changed)
		l.mu.Unlock()
		close(l.ended)
	})
}

// Get is the patient's live session (nil when they are not connected),
// and a channel closed when any patient next connects or leaves.
func (h *Hub) Get(folder string) (*Live, <-chan struct{}) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.live[folder], h.roster
}

// Live reports whether the patient is connected now.
func (h *Hub) Live(folder string) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.live[folder] != nil
}

// Publish sets the screen; watchers wake only when it changed.
func (l *Live) Publish(frame string, w, h int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if frame == l.frame && w == l.w && h == l.h {
		return
	}
	l.frame, l.w, l.h = frame, w, h
	l.seq++
	select {
	case <-l.ended:
		return
	default:
	}
	closeChan(l.changed)
	l.changed = make(chan struct{})
}

// Frame is the latest screen, and a channel closed at the next change (or
// at the end).
func (l *Live) Frame() (Frame, <-chan struct{}) {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := Frame{Text: l.frame, Width: l.w, Height: l.h, Seq: l.seq}
	select {
	case <-l.ended:
		f.Ended = true
	default:
	}
	return f, l.changed
}

// Ended is closed when the session is over.
func (l *Live) Ended() <-chan struct{} { return l.ended }

// Close asks the session to end, for the reason given.
func (l *Live) Close(reason string) { l.close(reason) }

func closeChan(c chan struct{}) {
	select {
	case <-c:
	default:
		close(c)
	}
}
