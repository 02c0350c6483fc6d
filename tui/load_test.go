package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"limber/coach"
	"limber/exercises"
	"limber/journal"
)

// fileJournal writes recs to a journal in a new data folder and returns
// its path.
func fileJournal(t *testing.T, recs ...journal.Record) (string, *journal.Journal) {
	t.Helper()
	j, err := journal.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := j.Append(recs...); err != nil {
		t.Fatal(err)
	}
	return j.Path(), j
}

// doneToday is a session of the test routine finished this morning.
func doneToday(t *testing.T) []journal.Record {
	at := time.Date(2026, 3, 4, 8, 0, 0, 0, time.UTC)
	zero := 0
	recs := []journal.Record{{Kind: journal.KindSessionStart, At: at, Session: "s1", Routine: "test", Baseline: &zero}}
	for _, id := range []string{"stand", "lift", "pace", "bag"} {
		at = at.Add(time.Minute)
		recs = append(recs, journal.Record{Kind: journal.KindExerciseEnd, At: at, Session: "s1", Routine: "test", Exercise: id, Pain: &zero})
	}
	return append(recs, journal.Record{Kind: journal.KindSessionEnd, At: at, Session: "s1", Routine: "test", Outcome: coach.OutcomeFinished})
}

// noLoadWait makes the first screen not wait for the journal, so that
// tests see the coach before it is read, whatever its size.
func noLoadWait(t *testing.T) {
	was := loadWait
	loadWait = 0
	t.Cleanup(func() { loadWait = was })
}

// loadJournal runs what Init started, the journal's reading, and hands
// its result to the model, as the runtime would.
func (h *harness) loadJournal(cmd tea.Cmd) {
	h.t.Helper()
	if cmd == nil {
		h.t.Fatal("nothing to read the journal")
	}
	msg, ok := cmd().(loadedMsg)
	if !ok {
		h.t.Fatalf("Init gave %T, not the journal", msg)
	}
	h.send(msg)
}

// The first screen does not wait for the journal: home is drawn with the
// routines and "Loading your journal…", says nothing of the day until the
// journal is read, and then is the very screen a coach given the records
// at start draws.
func TestHomeIsDrawnBeforeTheJournalIsRead(t *testing.T) {
	noLoadWait(t)
	recs := doneToday(t)
	path, _ := fileJournal(t, recs...)
	h := newHarness(t, 80, 30, func(o *Options) { o.Journal = path })
	v := h.m.View()
	if !strings.Contains(v, Loading) || !strings.Contains(v, "Test routine") || strings.Contains(v, "All done") || !strings.Contains(v, "q quit") {
		t.Fatalf("the first screen:\n%s", v)
	}
	h.loadJournal(h.m.Init())
	given := newHarness(t, 80, 30, func(o *Options) { o.Records = recs })
	if got, want := h.m.View(), given.m.View(); got != want || strings.Contains(got, Loading) {
		t.Fatalf("read after the first screen:\n%s\ngiven at start:\n%s", got, want)
	}
	if given.m.Init() != nil {
		t.Error("a coach given its records reads nothing")
	}
}

// Keys typed while the journal is read are answered once it is, in order;
// ctrl+c is answered at once.
func TestKeysTypedWhileLoadingWait(t *testing.T) {
	noLoadWait(t)
	path, _ := fileJournal(t, doneToday(t)...)
	h := newHarness(t, 80, 30, func(o *Options) { o.Journal = path })
	init := h.m.Init()
	h.keys("down", "enter")
	if h.m.screen != scrHome {
		t.Fatalf("a key moved the coach before the journal was read:\n%s", h.m.View())
	}
	h.loadJournal(init)
	given := newHarness(t, 80, 30, func(o *Options) { o.Records = doneToday(t) })
	given.keys("down", "enter")
	if h.m.screen != scrCheckin || h.m.View() != given.m.View() {
		t.Fatalf("after reading:\n%s\nwant:\n%s", h.m.View(), given.m.View())
	}

	q := newHarness(t, 80, 30, func(o *Options) { o.Journal = path })
	if cmd := q.send(keyMsg("ctrl+c")); cmd == nil || !q.m.quitting {
		t.Error("ctrl+c waited for the journal")
	}
}

// limber run ROUTINE opens its check-in once the journal is read, which
// it needs (the next-morning question, what is done today).
func TestRunOpensOnceTheJournalIsRead(t *testing.T) {
	noLoadWait(t)
	path, _ := fileJournal(t, doneToday(t)...)
	h := newHarness(t, 80, 24, func(o *Options) { runTest(o); o.Journal = path })
	if h.checkin() != nil || !strings.Contains(h.m.View(), Loading) {
		t.Fatalf("before the journal:\n%s", h.m.View())
	}
	h.loadJournal(h.m.Init())
	h.checkIn("0")
}

// A journal that cannot be read stops the coach, which says why.
func TestUnreadableJournalStopsTheCoach(t *testing.T) {
	noLoadWait(t)
	dir := t.TempDir()
	path := filepath.Join(dir, journal.FileName)
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, 80, 30, func(o *Options) { o.Journal = path })
	msg := h.m.Init()()
	if cmd := h.send(msg); cmd == nil || !h.m.quitting || h.m.LoadError() == nil || !strings.Contains(h.m.LoadError().Error(), "not a regular file") {
		t.Fatalf("quitting %v, error %v", h.m.quitting, h.m.LoadError())
	}
}

// What the coach records is replayed as it goes, only what is new: after
// a session, the Progress is the full replay of the journal's file, also
// when the clock reads earlier than a record already there (which takes a
// replay from the start).
func TestCoachReplaysWhatItRecords(t *testing.T) {
	noLoadWait(t)
	for _, name := range []string{"in order", "clock behind the journal"} {
		t.Run(name, func(t *testing.T) {
			recs := doneToday(t)
			if name != "in order" {
				zero := 1
				recs = append(recs, journal.Record{Kind: journal.KindAdjust, At: time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC), Session: "a",
					Exercise: "lift", Rung: &exercises.Rung{Sets: 2, Level: 1, Value: 8}, Baseline: nil, Pain: nil, Score: &zero})
				recs[len(recs)-1].Score = nil
			}
			path, j := fileJournal(t, recs...)
			h := newHarness(t, 80, 24, func(o *Options) { runTest(o); o.Journal = path; o.Recorder = NewJournalRecorder(j) })
			h.loadJournal(h.m.Init())
			h.checkIn("3")
			h.toExercise("lift")
			h.keys("s", "y") // skipped: its end recorded
			file, _, err := journal.Read(path)
			if err != nil {
				t.Fatal(err)
			}
			h.m.ctx.Replay()
			want := coach.Replay(h.m.ctx.Lib, file)
			rt, _ := h.m.ctx.Lib.Routine("test")
			got := h.m.ctx.Progress
			if len(got.Sessions) != len(want.Sessions) || !samePlan(got.Plan(rt), want.Plan(rt)) || got.LastSession().ID != want.LastSession().ID {
				t.Errorf("%d sessions, plan %v; the journal's replay: %d, %v", len(got.Sessions), got.Plan(rt), len(want.Sessions), want.Plan(rt))
			}
		})
	}
}

func samePlan(a, b []coach.PlanItem) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Exercise != b[i].Exercise || a[i].Dose != b[i].Dose || a[i].Reason != b[i].Reason {
			return false
		}
	}
	return true
}

// A library changed on disk is taken up at home, and the journal read
// through it again, after the screen is drawn.
func TestReloadReadsTheJournalAgain(t *testing.T) {
	noLoadWait(t)
	r, file, start, _ := libraryFolder(t)
	path, _ := fileJournal(t, doneToday(t)...)
	h := newHarness(t, 80, 30, func(o *Options) { o.Library, o.Reload, o.Journal = start, r.reload, path })
	h.loadJournal(h.m.Init())
	writeFile(t, file, strings.Replace(evening, "Evening hands", "Evening hands, slowly", 1))
	h.keys("l")
	cmd := h.send(keyMsg("b"))
	if !h.m.ctx.loading || !strings.Contains(h.m.View(), Loading) || !strings.Contains(h.m.View(), "Evening hands, slowly") {
		t.Fatalf("home with the new library, before the journal:\n%s", h.m.View())
	}
	h.loadJournal(cmd)
	if v := h.m.View(); h.m.ctx.loading || strings.Contains(v, Loading) || !strings.Contains(v, "done today ✓") {
		t.Fatalf("after reading the journal again:\n%s", v)
	}
}

// Lines the reader skipped are counted at home once the journal is read,
// the first one named, before the other problems.
func TestDamagedLinesAreToldAtHome(t *testing.T) {
	noLoadWait(t)
	path, _ := fileJournal(t, doneToday(t)...)
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	for range 1234 {
		f.WriteString("not json\n")
	}
	f.Close()
	h := newHarness(t, 120, 40, func(o *Options) { o.Journal = path; o.Problems = []string{"profile.yaml could not be read"} })
	h.loadJournal(h.m.Init())
	v := h.m.View()
	i, j := strings.Index(v, "! 1,234 damaged journal line(s) skipped, first "), strings.Index(v, "! profile.yaml")
	if i < 0 || j < i {
		t.Errorf("home:\n%s", v)
	}
	if p := h.m.problems(); len(p) != 2 || !strings.HasPrefix(p[0], "1,234 damaged journal line(s) skipped, first "+path+":7: skipped a damaged line") {
		t.Errorf("problems %q", p)
	}
}

// A journal read within loadWait is on the first screen: Init takes it in
// before the screen is drawn, with no "Loading" at all.
func TestFirstScreenWaitsAMomentForASmallJournal(t *testing.T) {
	was := loadWait
	loadWait = 5 * time.Second // read long before: a small journal
	t.Cleanup(func() { loadWait = was })
	recs := doneToday(t)
	path, _ := fileJournal(t, recs...)
	var term strings.Builder
	h := newHarness(t, 80, 30, func(o *Options) { o.Journal, o.FirstFrame, o.Width, o.Height = path, &term, 80, 30 })
	h.m.Init()
	given := newHarness(t, 80, 30, func(o *Options) { o.Records = recs })
	if h.m.ctx.loading || h.m.View() != given.m.View() {
		t.Fatalf("after Init:\n%s\nwant:\n%s", h.m.View(), given.m.View())
	}
	if !strings.Contains(term.String(), "All done") || strings.Contains(term.String(), Loading) {
		t.Errorf("the first frame:\n%q", term.String())
	}
}

// The first frame is the screen, written as the renderer would write it:
// from the top left, each line shorter than the window cleared to its
// end, the cursor left on the last line.
func TestFirstFrameIsTheScreen(t *testing.T) {
	var term strings.Builder
	h := newHarness(t, 60, 20, func(o *Options) { o.FirstFrame, o.Width, o.Height = &term, 60, 20 })
	if cmd := h.m.Init(); cmd != nil {
		t.Error("a coach given its records has nothing to read")
	}
	got, ok := strings.CutPrefix(term.String(), "\x1b[H\r")
	view := strings.Split(h.m.View(), "\n")
	got, end := got[:strings.LastIndex(got, "\x1b[")], got[strings.LastIndex(got, "\x1b["):]
	lines := strings.Split(got, "\r\n")
	if !ok || len(lines) != len(view) || len(view) != 20 || end != "\x1b[20;H" {
		t.Fatalf("first frame %q (%d lines), ends %q", term.String(), len(lines), end)
	}
	for i, l := range lines {
		if want := view[i]; l != want && l != want+"\x1b[K" {
			t.Errorf("line %d: %q, want %q", i, l, want)
		}
	}
	// Without the window's size there is no first frame of its own.
	var none strings.Builder
	n := newHarness(t, 60, 20, func(o *Options) { o.FirstFrame = &none })
	n.m.Init()
	if none.Len() != 0 {
		t.Errorf("drawn without a size: %q", none.String())
	}
}
