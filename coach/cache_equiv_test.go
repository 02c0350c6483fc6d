package coach_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"limber/coach"
	"limber/content"
	"limber/exercises"
	"limber/journal"
	"limber/report"
)

// Deleting the state cache never changes an answer (DESIGN section 5):
// a thousand random journals, each grown in a few appends with a start
// (and a cache written) after each, give from the cache and what was
// appended since exactly what a full replay of the final journal gives:
// every plan, state, flag, session, warning with its line, result, note,
// exercise end, and the report, text and page. Each journal holds what a
// journal can: check-ins with every answer, sets of both sides, flares,
// stops, therapists' adjusts (on and off the ladder) with notes, outcome
// measures, demo sessions, exercises the library lacks, records given one
// time by limber log, back-filled sessions, repeated lines, damaged and
// impossible lines, records dated ahead of the clock, and torn last lines.
func TestCacheGivesWhatTheFullReplayGives(t *testing.T) {
	defer coach.SetSaveAfter(0)()
	defer coach.NoSync()()
	lib := builtin(t)
	n := 1000
	if raceEnabled {
		n = 250 // the race detector makes each ten times slower; CI runs both
	}
	var stats struct{ cached, rebuilt, fresh int }
	for i := range n {
		rng := rand.New(rand.NewPCG(uint64(i), 2026))
		g := newGen(rng, lib)
		g.journal()
		dir := t.TempDir()
		path := filepath.Join(dir, journal.FileName)
		// The journal grows in a few appends; limber starts after each.
		cuts := g.cuts()
		var file []byte
		for k, cut := range cuts {
			file = append(file, cut...)
			if err := os.WriteFile(path, file, 0o600); err != nil {
				t.Fatal(err)
			}
			switch rng.IntN(12) {
			case 0: // the cache deleted
				os.Remove(filepath.Join(dir, coach.StateFile))
			case 1: // the cache damaged
				damage(t, filepath.Join(dir, coach.StateFile), rng)
			}
			st, err := coach.Resume(path, lib)
			if err != nil {
				t.Fatalf("journal %d, step %d: %v", i, k, err)
			}
			switch {
			case st.Cached > 0:
				stats.cached++
			case st.Rebuilt != "":
				stats.rebuilt++
			default:
				stats.fresh++
			}
			if err := st.Save(); err != nil {
				t.Fatal(err)
			}
			want := fullReplay(t, lib, path)
			last := k == len(cuts)-1
			compare(t, fmt.Sprintf("journal %d (seed %d), step %d of %d, %s", i, i, k+1, len(cuts), how(st)), lib, st, want, last)
			if last {
				// The coach goes on from where the start left it.
				more := g.session(time.Now().Add(-time.Minute), "")
				recs := parse(t, more)
				st.Replayer.Add(recs)
				got := &coach.Start{Progress: st.Replayer.Progress(), Warnings: st.Warnings}
				all, _, _ := journal.Read(path)
				ref := coach.NewReplayer(lib)
				ref.Add(all)
				ref.Add(parse(t, more))
				compare(t, fmt.Sprintf("journal %d, the coach's records after the start", i), lib, got, &coach.Start{Progress: ref.Progress(), Warnings: want.Warnings}, false)
			}
		}
		if t.Failed() {
			t.Logf("journal %d:\n%s", i, g.text())
			return
		}
	}
	// The random journals must have taken every road.
	if stats.cached < n || stats.rebuilt < n/20 || stats.fresh < n/2 {
		t.Errorf("starts from the cache %d, rebuilt %d, with none %d: the journals did not test enough of each", stats.cached, stats.rebuilt, stats.fresh)
	}
	t.Logf("starts from the cache %d, rebuilt %d, with none %d", stats.cached, stats.rebuilt, stats.fresh)
}

func how(st *coach.Start) string {
	switch {
	case st.Cached > 0:
		return fmt.Sprintf("from the cache (%d bytes)", st.Cached)
	case st.Rebuilt != "":
		return "rebuilt: " + st.Rebuilt
	}
	return "no cache"
}

func builtin(t testing.TB) *exercises.Library {
	t.Helper()
	lib, errs := exercises.Load(exercises.Source{FS: content.FS, Root: ".", Label: "content", Origin: "built-in"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return lib
}

// fullReplay is what limber gave before the cache: read it all, replay it
// all.
func fullReplay(t *testing.T, lib *exercises.Library, path string) *coach.Start {
	t.Helper()
	recs, warns, err := journal.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	return &coach.Start{Progress: coach.Replay(lib, recs), Warnings: warns}
}

func parse(t *testing.T, lines []string) []journal.Record {
	t.Helper()
	recs, _, err := journal.ReadFrom(strings.NewReader(strings.Join(lines, "")), "more")
	if err != nil {
		t.Fatal(err)
	}
	for i := range recs {
		recs[i].Line = 0 // made by the coach, not read from a file
	}
	return recs
}

func damage(t *testing.T, path string, rng *rand.Rand) {
	data, err := os.ReadFile(path)
	if err != nil || len(data) == 0 {
		return
	}
	switch rng.IntN(3) {
	case 0:
		data = data[:rng.IntN(len(data))]
	case 1:
		data[rng.IntN(len(data))] ^= byte(1 + rng.IntN(255))
	default:
		data = []byte("not a cache")
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// compare reports every difference between got (from the cache) and want
// (the full replay); with page, between the report pages too.
func compare(t *testing.T, where string, lib *exercises.Library, got, want *coach.Start, page bool) {
	t.Helper()
	g, w := got.Progress, want.Progress
	now := time.Now()
	same := func(what string, a, b any) {
		t.Helper()
		ja, err1 := json.Marshal(a)
		jb, err2 := json.Marshal(b)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %s: %v %v", where, what, err1, err2)
		}
		if !bytes.Equal(ja, jb) {
			t.Errorf("%s: %s differ:\ncache %s\nfull  %s", where, what, ja, jb)
		}
	}
	same("the reader's warnings", got.Warnings, want.Warnings)
	same("the replay's warnings", g.Warnings, w.Warnings)
	same("counts", []any{g.Unknown, g.Implausible, g.Duplicates, g.OffLadder}, []any{w.Unknown, w.Implausible, w.Duplicates, w.OffLadder})
	same("flags", g.Flags, w.Flags)
	same("results", g.Results, w.Results)
	same("sessions", g.Sessions, w.Sessions)
	for i := range min(len(g.Sessions), len(w.Sessions)) {
		a, b := g.Sessions[i], w.Sessions[i]
		same("session "+b.ID+"'s pain", a.RaisedPain(), b.RaisedPain())
		for _, id := range append(b.Exercises, "ankle-pumps", "no-such") {
			pa, sa, oka := g.End(b.ID, id)
			pb, sb, okb := w.End(b.ID, id)
			same("the end of "+id+" in "+b.ID, []any{pa, sa, oka}, []any{pb, sb, okb})
		}
	}
	same("the last session", g.LastSession(), w.LastSession())
	same("the next-morning question", g.NeedsNextMorning(now), w.NeedsNextMorning(now))
	for _, x := range lib.Exercises() {
		sa, oka := g.State(x.ID)
		sb, okb := w.State(x.ID)
		if !oka && !okb {
			continue // never done in either: nothing to differ
		}
		same(x.ID+"'s state", []any{sa, oka}, []any{sb, okb})
		same(x.ID+"'s plan", g.PlanExercise(x, x.Dose), w.PlanExercise(x, x.Dose))
		same(x.ID+"'s notes", g.Notes(x.ID), w.Notes(x.ID))
		same(x.ID+"'s name", g.ExerciseName(x.ID), w.ExerciseName(x.ID))
	}
	for id := range w.Unknown {
		same(id+"'s name", g.ExerciseName(id), w.ExerciseName(id))
	}
	for _, rt := range lib.Routines() {
		same(rt.ID+"'s plan", g.Plan(rt), w.Plan(rt))
		for d := range 3 {
			day := now.AddDate(0, 0, -d)
			same(rt.ID+"'s day", g.Day(rt, day), w.Day(rt, day))
		}
	}
	same("the stop day", g.StopDay(now), w.StopDay(now))
	ra := report.Build(report.Input{Lib: lib, Progress: g, Now: now})
	rb := report.Build(report.Input{Lib: lib, Progress: w, Now: now})
	if a, b := ra.Text(100), rb.Text(100); a != b {
		t.Errorf("%s: the reports differ:\ncache:\n%s\nfull:\n%s", where, a, b)
	}
	if !page {
		return
	}
	var ha, hb bytes.Buffer
	ra.HTML(&ha, "r")
	rb.HTML(&hb, "r")
	if !bytes.Equal(ha.Bytes(), hb.Bytes()) {
		t.Errorf("%s: the report pages differ", where)
	}
}

// gen writes a random journal as lines, each ending in a newline.
type gen struct {
	rng   *rand.Rand
	lib   *exercises.Library
	lines []string
}

func newGen(rng *rand.Rand, lib *exercises.Library) *gen { return &gen{rng: rng, lib: lib} }

func (g *gen) text() string { return strings.Join(g.lines, "") }

// journal writes up to forty sessions over the last two months, and
// whatever else a journal may hold between them.
func (g *gen) journal() {
	r := g.rng
	at := time.Now().AddDate(0, 0, -60).Add(time.Duration(r.IntN(3600)) * time.Second)
	for range r.IntN(40) {
		at = at.Add(time.Duration(6+r.IntN(40)) * time.Hour)
		when := at
		if r.IntN(15) == 0 { // back-filled: a past session, recorded now
			when = at.AddDate(0, 0, -1-r.IntN(20))
		}
		switch r.IntN(20) {
		case 0:
			g.adjust(when)
		case 1:
			g.assessment(when)
		case 2:
			g.add(g.garbage())
		case 3: // dated ahead of the clock, or before 2000
			ahead := time.Now().Add(time.Duration(2+r.IntN(72)) * time.Hour)
			if r.IntN(3) == 0 {
				ahead = time.Date(1999, 12, 31, 8, 0, 0, 0, time.UTC)
			}
			g.lines = append(g.lines, g.session(ahead, "")...)
		default:
			g.lines = append(g.lines, g.session(when, "")...)
		}
		// A line again, at once or much later.
		if r.IntN(6) == 0 && len(g.lines) > 0 {
			g.add(g.lines[len(g.lines)-1-r.IntN(min(len(g.lines), 30))])
		}
	}
	if r.IntN(4) == 0 { // a torn last line
		l := g.session(at.Add(time.Hour), "")[0]
		g.lines = append(g.lines, l[:r.IntN(len(l))])
	}
}

func (g *gen) add(line string) { g.lines = append(g.lines, line) }

// cuts splits the journal into the appends that wrote it: whole lines,
// but where a crash cut a line short, the next append starts on a line of
// its own, as journal.Append does.
func (g *gen) cuts() [][]byte {
	r := g.rng
	var out [][]byte
	var cur []byte
	for i, l := range g.lines {
		cur = append(cur, l...)
		if i < len(g.lines)-1 && r.IntN(len(g.lines)) < 3 {
			out = append(out, cur)
			cur = nil
		}
	}
	out = append(out, cur)
	if len(out) == 1 && r.IntN(2) == 0 {
		out = append([][]byte{nil}, out...) // a start before the first record
	}
	return out
}

func (g *gen) garbage() string {
	r := g.rng
	return []string{`{"v":1,"kind":"set","at":"2020-0`, `not json at all`, `{}`, `[1,2,3]`, `{"v":7,"kind":"set"}`, "\x00\x01",
		`{"v":1,"kind":"teleport","at":"2026-01-05T09:00:00Z","session":"x"}`,
		fmt.Sprintf(`{"v":1,"kind":"exercise_end","at":"%s","session":"x","exercise":"ankle-pumps","pain":99}`, time.Now().Add(-time.Hour).Format(time.RFC3339)),
	}[r.IntN(8)] + "\n"
}

func (g *gen) line(v map[string]any) string {
	v["v"] = 1
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b) + "\n"
}

func stamp(t time.Time) string { return t.Format(time.RFC3339Nano) }

// session is one session's lines: a check-in, some exercises, an end. A
// session as limber log writes it has one time for every record.
func (g *gen) session(at time.Time, routine string) []string {
	r := g.rng
	rts := g.lib.Routines()
	rt := rts[r.IntN(len(rts))]
	if routine == "" {
		routine = rt.ID
	}
	logged := r.IntN(4) == 0
	sid := journal.NewSessionID(at)
	if r.IntN(30) == 0 {
		sid += "\x1b[2J" // damage, or a hostile edit
	}
	var out []string
	tick := func() {
		if !logged {
			at = at.Add(time.Duration(20+r.IntN(90))*time.Second + time.Duration(r.IntN(1e9)))
		}
	}
	start := map[string]any{"kind": "session_start", "at": stamp(at), "session": sid}
	if !logged {
		start["routine"] = routine
	}
	if r.IntN(5) > 0 {
		start["baseline"] = r.IntN(9)
	}
	if r.IntN(3) == 0 {
		start["settled"] = r.IntN(3) > 0
	}
	switch r.IntN(14) {
	case 0:
		start["red_flags"] = []string{string(coach.ChestPain)}
		start["red_flag"] = true
	case 1:
		start["red_flags"] = []string{string(coach.FootWound), "a-newer-flag"}
	case 2:
		start["glucose"], start["glucose_unit"], start["ketones"] = 260+r.IntN(100), "mg/dL", r.IntN(2) == 0
	case 3:
		start["today"] = []string{coach.TodayEasier, coach.TodayRest}[r.IntN(2)]
	case 4:
		start["demo"] = true
	case 5:
		start["resumes"] = "earlier"
	}
	out = append(out, g.line(start))
	items := rt.Items
	if len(items) > 0 {
		items = items[:1+r.IntN(len(items))]
	}
	for _, it := range items {
		id := it.ID
		x, _ := g.lib.Exercise(id)
		if r.IntN(25) == 0 {
			id = "ghost-exercise" // gone from the library
		}
		rung := x.Ladder.At(r.IntN(x.Ladder.Len()))
		if r.IntN(30) == 0 {
			rung.Value += 1000 // off the ladder: a library changed since
		}
		sides := []string{""}
		if it.Start.Sides == 2 {
			sides = []string{"left", "right"}
		}
		for set := 1; set <= rung.Sets; set++ {
			effort := 1 + r.IntN(5)
			for _, side := range sides {
				tick()
				rec := map[string]any{"kind": "set", "at": stamp(at), "session": sid, "routine": routine, "exercise": id,
					"name": x.Name, "unit": x.Dose.Kind.Unit(), "set": set, "rung": rung, "target": rung.Value,
					"achieved": max(0, rung.Value-r.IntN(3))}
				if side != "" {
					rec["side"] = side
				}
				if side != "left" || r.IntN(3) == 0 {
					rec["effort"] = effort
				}
				out = append(out, g.line(rec))
				if r.IntN(20) == 0 {
					out = append(out, g.line(map[string]any{"kind": "flare", "at": stamp(at), "session": sid, "exercise": id,
						"set": set, "side": side, "pain": r.IntN(11)}))
				}
			}
		}
		tick()
		end := map[string]any{"kind": "exercise_end", "at": stamp(at), "session": sid, "routine": routine, "exercise": id,
			"name": x.Name, "unit": x.Dose.Kind.Unit(), "decision": map[string]any{"from": rung, "to": rung, "streak": 0, "reason": "as recorded"}}
		if r.IntN(8) > 0 {
			end["pain"] = r.IntN(11)
		}
		if r.IntN(15) == 0 {
			end["stopped"] = true
		}
		out = append(out, g.line(end))
		if r.IntN(10) == 0 {
			break // quit part-way
		}
	}
	if r.IntN(6) > 0 {
		tick()
		out = append(out, g.line(map[string]any{"kind": "session_end", "at": stamp(at), "session": sid, "routine": routine,
			"outcome": []string{coach.OutcomeFinished, coach.OutcomeFinished, coach.OutcomeQuit, coach.OutcomeStopped, coach.OutcomeRest}[r.IntN(5)]}))
	}
	return out
}

func (g *gen) adjust(at time.Time) {
	r := g.rng
	xs := g.lib.Exercises()
	x := xs[r.IntN(len(xs))]
	rung := x.Ladder.At(r.IntN(x.Ladder.Len()))
	if r.IntN(4) == 0 {
		rung.Level = 99 // not on the ladder
	}
	rec := map[string]any{"kind": "adjust", "at": stamp(at), "session": journal.NewSessionID(at), "exercise": x.ID, "rung": rung}
	if r.IntN(2) == 0 {
		rec["note"] = fmt.Sprintf("note %d", r.IntN(100))
	}
	g.add(g.line(rec))
}

func (g *gen) assessment(at time.Time) {
	r := g.rng
	as := g.lib.Assessments()
	a := as[r.IntN(len(as))]
	g.add(g.line(map[string]any{"kind": "assessment", "at": stamp(at), "session": journal.NewSessionID(at),
		"test": a.ID, "result": r.IntN(a.MaxResult() + 2), "age": 60 + r.IntN(30), "sex": []string{"F", "M", ""}[r.IntN(3)]}))
}
