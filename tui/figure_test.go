package tui

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"limber/coach"
	"limber/exercises"
)

// figureLibrary is testdata/figures.yaml: a hold (tandem stance, both
// sides), paced reps (heel raises) and counted reps (finger spreads), each
// with a figure, in the routine figs.
func figureLibrary(t testing.TB) *exercises.Library {
	t.Helper()
	lib, errs := exercises.Load(exercises.Source{FS: os.DirFS("testdata"), Root: "figures.yaml", Label: "testdata"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return lib
}

// figureHarness starts the routine figs at w×h, past the check-in, on the
// first exercise's card.
func figureHarness(t *testing.T, w, h int, tweak func(*Options)) *harness {
	hs := newHarness(t, w, h, func(o *Options) {
		o.Routine, o.Library = "figs", figureLibrary(t)
		if tweak != nil {
			tweak(o)
		}
	})
	hs.keys("0")
	for range coach.RedFlags {
		hs.keys("n")
	}
	hs.wantPhase(phCard)
	return hs
}

// onScreen is what a terminal shows for a view: each line written from
// column 0 the way the renderer writes it, with the cursor moves (CUF), the
// in-place erases (ECH, EL 1) and reverse video that limber's views use.
// A reverse-video space shows as █.
func onScreen(view string, w int) [][]rune {
	var out [][]rune
	for _, line := range strings.Split(view, "\n") {
		row := []rune(strings.Repeat(" ", w))
		col, rev := 0, false
		for i := 0; i < len(line); {
			if strings.HasPrefix(line[i:], "\x1b[") {
				j := i + 2
				for j < len(line) && (line[j] >= '0' && line[j] <= '9' || line[j] == ';') {
					j++
				}
				n, _ := strconv.Atoi(line[i+2 : j])
				switch line[j] {
				case 'C':
					col += n
				case 'X':
					for k := col; k < min(w, col+n); k++ {
						row[k] = ' '
					}
				case 'K': // EL 1: from the start of the line to the cursor
					for k := 0; k <= min(col, w-1); k++ {
						row[k] = ' '
					}
				case 'm':
					rev = n == 7
				}
				i = j + 1
				continue
			}
			r := []rune(line[i:])[0]
			if col < w {
				if rev && r == ' ' {
					r = '█'
				}
				row[col] = r
			}
			col++
			i += len(string(r))
		}
		out = append(out, row)
	}
	return out
}

func isBraille(r rune) bool { return r >= 0x2800 && r <= 0x28ff }

// TestFigureScreens holds the card and the set screen with figures at
// 80×24 and 160×48, and without them (--no-figures) at 80×24.
func TestFigureScreens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			h := figureHarness(t, size[0], size[1], nil)
			h.golden("card-stand")
			h.keys("enter")
			h.golden("get-ready")
			h.wait(GetReady)
			h.golden("hold")
			h.keys("enter") // end the left side now; then the right
			h.wantPhase(phReady)
			h.wait(GetReady)
			h.golden("hold-right")
			finishStand(h)
			h.golden("card-raise")
			h.keys("enter")
			h.wait(GetReady)
			h.wait(1100 * time.Millisecond)
			h.golden("paced-up")
			h.wait(1000 * time.Millisecond)
			h.golden("paced-hold")
			h.wait(2000 * time.Millisecond)
			h.golden("paced-down")
			h.keys("enter", "2", "1")
			h.wantPhase(phCard)
			h.keys("enter")
			h.golden("counting")
		})
	}
	t.Run("80x24-no-figures", func(t *testing.T) {
		h := figureHarness(t, 80, 24, func(o *Options) { o.NoFigures = true })
		h.golden("card-stand")
		h.keys("s", "y", "enter")
		h.wait(GetReady + 1100*time.Millisecond)
		h.golden("paced-up")
		for _, l := range onScreen(h.m.View(), 80) {
			for _, r := range l {
				if isBraille(r) {
					t.Fatalf("--no-figures draws a figure:\n%s", h.m.View())
				}
			}
		}
	})
}

// finishStand ends the tandem stance from its right side's first hold:
// effort, rest, the second set's two sides by enter, then effort and pain.
func finishStand(h *harness) {
	h.t.Helper()
	h.keys("enter", "2")
	h.wantPhase(phRest)
	h.keys("enter", "enter", "enter", "enter", "enter")
	h.wantPhase(phEffort)
	h.keys("2", "1")
	h.wantPhase(phCard)
}

// countCells are the cells of the big count: the rows that hold █.
func countCells(s [][]rune) map[[2]int]bool {
	out := map[[2]int]bool{}
	for y, row := range s {
		for x, r := range row {
			if r == '█' {
				out[[2]int{y, x}] = true
			}
		}
	}
	return out
}

// The figure never moves the count: the count's cells are where they are
// without a figure, at least a third of the window tall, and the figure
// lies beside or above them, never over them.
func TestFigureLeavesTheCountAlone(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {160, 48}} {
		w, hh := size[0], size[1]
		frames := func(noFigures bool) []string {
			h := figureHarness(t, w, hh, func(o *Options) { o.NoFigures = noFigures })
			var out []string
			h.keys("enter")
			out = append(out, h.m.View()) // getting ready
			h.wait(GetReady)
			out = append(out, h.m.View()) // a hold
			h.keys("enter")
			h.wait(GetReady)
			finishStand(h)
			h.keys("enter")
			h.wait(GetReady + 1100*time.Millisecond)
			h.wantPhase(phWork)
			out = append(out, h.m.View()) // paced reps
			return out
		}
		with, without := frames(false), frames(true)
		if len(with) != len(without) {
			t.Fatal("the two runs differ")
		}
		drawn := 0
		for i := range with {
			a, b := onScreen(with[i], w), onScreen(without[i], w)
			ca, cb := countCells(a), countCells(b)
			if len(ca) == 0 || len(ca) != len(cb) {
				t.Errorf("%dx%d frame %d: %d count cells with the figure, %d without", w, hh, i, len(ca), len(cb))
			}
			top, bottom := hh, 0
			for c := range cb {
				if !ca[c] {
					t.Errorf("%dx%d frame %d: the count moved: %v is not drawn with the figure", w, hh, i, c)
					break
				}
				top, bottom = min(top, c[0]), max(bottom, c[0])
			}
			if rows := bottom - top + 1; 3*rows < hh-2 {
				t.Errorf("%dx%d frame %d: the count is %d rows tall", w, hh, i, rows)
			}
			for y, row := range a {
				for x, r := range row {
					if isBraille(r) {
						drawn++
						if b[y][x] != ' ' && !isBraille(b[y][x]) {
							t.Errorf("%dx%d frame %d: the figure covers %q at %d,%d", w, hh, i, b[y][x], y, x)
						}
					}
				}
			}
		}
		if drawn == 0 {
			t.Errorf("%dx%d: no figure was drawn", w, hh)
		}
	}
}

// A paced rep moves the figure out and back in frames of half a second of
// its phase: four up, held at the last pose, four down; each frame wakes
// the screen, and nothing else does in between.
func TestFigureMovesWithTheTempo(t *testing.T) {
	h := figureHarness(t, 80, 24, nil)
	h.keys("s", "y", "enter")
	h.wait(GetReady)
	s := h.m.sess
	if !s.paced() || !s.figureBeside() {
		t.Fatalf("not on paced reps: phase %d", s.phase)
	}
	var got []string
	start := h.clk.Now()
	for h.clk.Now().Sub(start) <= 5*time.Second {
		m, _ := s.figureMoment(h.clk.Now())
		if len(got) == 0 || got[len(got)-1] != fmt.Sprint(m) {
			got = append(got, fmt.Sprint(m))
		}
		h.clk.advance(100 * time.Millisecond)
	}
	if want := "0 0.25 0.5 0.75 1 0.75 0.5 0.25 0"; strings.Join(got, " ") != want {
		t.Errorf("one rep goes through %v, want %s", got, want)
	}
	// The wake comes at the next frame, not before and not after.
	h.clk.t = start.Add(600 * time.Millisecond)
	if w := s.figureWake(h.clk.Now()); w != 400*time.Millisecond {
		t.Errorf("600 ms into a rep the next frame is %v away, want 400ms", w)
	}
	h.clk.t = start.Add(2500 * time.Millisecond) // the hold at the top
	if w := s.figureWake(h.clk.Now()); w != 500*time.Millisecond {
		t.Errorf("in the hold the next move is %v away, want 500ms", w)
	}
	// Paused, it stands still and asks for nothing.
	h.keys("space")
	if m, next := s.figureMoment(h.clk.Now()); m != 1 || next != 0 {
		t.Errorf("paused: moment %v, next %v", m, next)
	}
	// One-second phases move in two frames.
	s.dose.Tempo = &exercises.Tempo{Up: time.Second, Hold: time.Second, Down: time.Second}
	h.keys("space")
	h.clk.t = s.timer.deadline.Add(-s.timer.total) // the start of the set again
	got = nil
	start = h.clk.Now()
	for h.clk.Now().Sub(start) <= 3*time.Second {
		m, _ := s.figureMoment(h.clk.Now())
		if len(got) == 0 || got[len(got)-1] != fmt.Sprint(m) {
			got = append(got, fmt.Sprint(m))
		}
		h.clk.advance(50 * time.Millisecond)
	}
	if want := "0 0.5 1 0.5 0"; strings.Join(got, " ") != want {
		t.Errorf("a 1/1/1 rep goes through %v, want %s", got, want)
	}
	// Holds, rests and getting ready stand still, and ask for no wakes.
	h2 := figureHarness(t, 120, 40, nil)
	h2.keys("enter")
	for _, when := range []string{"get ready", "hold"} {
		if w := h2.m.sess.figureWake(h2.clk.Now()); w != 0 {
			t.Errorf("%s: a figure wake of %v", when, w)
		}
		h2.wait(GetReady)
	}
}

// pacedFrames draws a set of heel raises (5 reps paced 2-1-2 s) at w×h,
// in colour, once per wake-up the coach asks for, and returns the frames
// and the set's length.
func pacedFrames(t testing.TB, w, h int, noFigures bool) ([]string, time.Duration) {
	prev := lipgloss.ColorProfile()
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(prev)
	hs := figureHarness(&testing.T{}, w, h, func(o *Options) { o.Color, o.NoFigures = true, noFigures })
	hs.keys("s", "y", "enter")
	hs.wait(GetReady)
	s := hs.m.sess
	if hs.phase() != phWork || !s.paced() {
		t.Fatalf("not on paced reps: %d", hs.phase())
	}
	var frames []string
	start := hs.clk.Now()
	for hs.phase() == phWork {
		now := hs.clk.Now()
		frames = append(frames, hs.m.View())
		wake := min(s.timer.nextWake(now), s.tempoWake(now))
		if fw := s.figureWake(now); fw > 0 {
			wake = min(wake, fw)
		}
		if s.flashUntil.After(now) {
			wake = min(wake, s.flashUntil.Sub(now))
		}
		hs.wait(max(wake, time.Millisecond))
	}
	return frames, hs.clk.Now().Sub(start)
}

// A moving figure costs under 1,500 bytes a second at 80×24 while reps are
// paced (DESIGN section 8 and issue 15), and a still one costs nothing
// extra while a hold counts down.
func TestFigureRedrawBytes(t *testing.T) {
	frames, d := pacedFrames(t, 80, 24, false)
	bare, _ := pacedFrames(t, 80, 24, true)
	perSec := float64(redrawBytes(frames)) / d.Seconds()
	barePerSec := float64(redrawBytes(bare)) / d.Seconds()
	t.Logf("paced reps at 80x24: %.0f bytes a second with the figure moving, %.0f without (%d frames over %v)",
		perSec, barePerSec, len(frames), d)
	if perSec >= 1500 {
		t.Errorf("%.0f bytes a second, want under 1500", perSec)
	}
	if perSec <= barePerSec {
		t.Errorf("the moving figure costs nothing (%.0f against %.0f): is it drawn?", perSec, barePerSec)
	}
}

func TestFigureHoldRedrawBytes(t *testing.T) {
	for _, c := range []struct {
		w, h  int
		limit int
	}{{80, 24, 300}, {120, 40, 900}} {
		var per [2]int
		for i, noFigures := range []bool{false, true} {
			frames := holdFigureFrames(t, c.w, c.h, noFigures)
			per[i] = redrawBytes(frames) / 60
		}
		t.Logf("%dx%d: %d bytes a second over a 60 s hold with its figure, %d without", c.w, c.h, per[0], per[1])
		if per[0] >= c.limit {
			t.Errorf("%dx%d: %d bytes a second, want under %d", c.w, c.h, per[0], c.limit)
		}
		// The figure is drawn once, at the start: it adds nothing a second.
		if per[0] != per[1] {
			t.Errorf("%dx%d: the still figure costs %d bytes a second", c.w, c.h, per[0]-per[1])
		}
	}
}

// holdFigureFrames draws a 60 s hold of the tandem stance, with its figure,
// as holdFrames does.
func holdFigureFrames(t testing.TB, w, h int, noFigures bool) []string {
	prev := lipgloss.ColorProfile()
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(prev)
	hs := figureHarness(&testing.T{}, w, h, func(o *Options) { o.Color, o.NoFigures = true, noFigures })
	return holdSixty(t, hs)
}

// BenchmarkViewPacedFigure renders the set screen with a moving figure at
// 80×24: with about two frames a second, its cost a second is twice this.
func BenchmarkViewPacedFigure(b *testing.B) {
	h := figureHarness(&testing.T{}, 80, 24, func(o *Options) { o.Color = true })
	h.keys("s", "y", "enter")
	h.wait(GetReady)
	s := h.m.sess
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		// A new moment each time, so that the drawing is not the cached one.
		h.clk.advance(500 * time.Millisecond)
		if h.clk.Now().After(s.timer.deadline) {
			h.clk.t = s.timer.deadline.Add(-s.timer.total)
		}
		if len(h.m.View()) == 0 {
			b.Fatal("empty view")
		}
		i++
	}
}
