package tui

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"limber/exercises"
	"limber/journal"
)

// updating reports -update, the flag that teatest's golden package defines
// and that rewrites golden files.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// clock is a fake wall clock that tests move by hand.
type clock struct{ t time.Time }

func (c *clock) Now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

// memRecorder keeps what the coach records, in order.
type memRecorder struct {
	recs []journal.Record
	fail error // when set, every write fails with it
}

func (r *memRecorder) Record(recs ...journal.Record) error {
	if r.fail != nil {
		return r.fail
	}
	r.recs = append(r.recs, recs...)
	return nil
}

func (r *memRecorder) kinds() string {
	var k []string
	for _, x := range r.recs {
		k = append(k, string(x.Kind))
	}
	return strings.Join(k, ",")
}

func (r *memRecorder) sets() []journal.Record {
	var out []journal.Record
	for _, x := range r.recs {
		if x.Kind == journal.KindSet {
			out = append(out, x)
		}
	}
	return out
}

func testLibrary(t testing.TB) *exercises.Library {
	t.Helper()
	lib, errs := exercises.Load(exercises.Source{FS: os.DirFS("testdata"), Root: "lib.yaml", Label: "testdata"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return lib
}

// harness is a model with a fake clock and recorder, at a fixed size.
type harness struct {
	t   *testing.T
	m   *Model
	clk *clock
	rec *memRecorder
}

func newHarness(t *testing.T, w, h int, tweak func(*Options)) *harness {
	clk := &clock{t: time.Date(2026, 3, 4, 9, 30, 0, 0, time.UTC)}
	rec := &memRecorder{}
	opt := Options{Library: testLibrary(t), Recorder: rec, Now: clk.Now, Speed: 1}
	if tweak != nil {
		tweak(&opt)
	}
	hs := &harness{t: t, m: New(opt), clk: clk, rec: rec}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return hs
}

// send delivers a message and returns the command the model gave back.
func (h *harness) send(msg tea.Msg) tea.Cmd {
	_, cmd := h.m.Update(msg)
	return cmd
}

// keys types each key in turn: single characters, or names such as
// "enter", "space", "esc", "up", "ctrl+z".
func (h *harness) keys(ks ...string) {
	for _, k := range ks {
		h.send(keyMsg(k))
	}
}

func keyMsg(k string) tea.KeyMsg {
	switch k {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "space":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "ctrl+z":
		return tea.KeyMsg{Type: tea.KeyCtrlZ}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// wait moves the clock and delivers the timer's current tick, as the
// runtime would once the tick's delay had passed.
func (h *harness) wait(d time.Duration) {
	h.clk.advance(d)
	if h.m.sess != nil {
		h.send(tickMsg{gen: h.m.sess.gen})
	}
}

func (h *harness) phase() phase {
	if h.m.sess == nil || h.m.screen != scrSession {
		return -1
	}
	return h.m.sess.phase
}

// checkin is the check-in on screen, or nil.
func (h *harness) checkin() *checkinModel {
	c, _ := h.m.models[scrCheckin].(*checkinModel)
	if h.m.screen != scrCheckin {
		return nil
	}
	return c
}

func (h *harness) wantStep(s ciStep) {
	h.t.Helper()
	if c := h.checkin(); c == nil || c.step != s {
		h.t.Fatalf("check-in step is not %d\n%s", s, h.m.View())
	}
}

func (h *harness) wantPhase(p phase) {
	h.t.Helper()
	if got := h.phase(); got != p {
		h.t.Fatalf("phase = %d, want %d\n%s", got, p, h.m.View())
	}
}

// golden compares the view with testdata/<Test>/<name>.golden.
func (h *harness) golden(name string) {
	h.t.Helper()
	got := h.m.View()
	for _, l := range strings.Split(got, "\n") {
		if w := lipgloss.Width(l); w > h.m.ctx.Width {
			h.t.Errorf("%s: a line is %d cells wide in a %d-cell window: %q", name, w, h.m.ctx.Width, l)
		}
	}
	if n := strings.Count(got, "\n") + 1; n > h.m.ctx.Height {
		h.t.Errorf("%s: %d lines in a %d-line window", name, n, h.m.ctx.Height)
	}
	path := filepath.Join("testdata", h.t.Name(), name+".golden")
	if updating() {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			h.t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		h.t.Fatalf("%v (run go test ./tui -update to create it)", err)
	}
	if string(want) != got {
		h.t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", name, path, got, want)
	}
}
