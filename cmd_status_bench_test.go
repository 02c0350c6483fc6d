package main

import (
	"bytes"
	"encoding/json"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"limber/coach"
	"limber/content"
	"limber/exercises"
	"limber/journal"
	"limber/remind"
)

// tenYears writes a journal of ten years up to now with the built-in
// routines, as the coach writes them: the feet every day, the hands nine
// days in ten, balance three times a week, each set saved (both sides where the
// exercise has two), each exercise's end, now and then a session quit
// part-way; about 250,000 records. It returns the number of records.
func tenYears(tb testing.TB, dir string, now time.Time) int {
	tb.Helper()
	lib, errs := exercises.Load(exercises.Source{FS: content.FS, Root: ".", Label: "content", Origin: "built-in"})
	if len(errs) > 0 {
		tb.Fatal(errs)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	n := 0
	add := func(r journal.Record) {
		r.V = journal.SchemaVersion
		if err := enc.Encode(&r); err != nil {
			tb.Fatal(err)
		}
		n++
	}
	pain := 1
	session := func(id string, at time.Time) {
		rt, _ := lib.Routine(id)
		sid := journal.NewSessionID(at)
		add(journal.Record{Kind: journal.KindSessionStart, At: at, Session: sid, Routine: id, Baseline: &pain})
		outcome := coach.OutcomeFinished
		for i, it := range rt.Items {
			if rng.IntN(200) == 0 && i > 0 {
				outcome = coach.OutcomeQuit
				break
			}
			rg := it.Start.Rung()
			sides := []string{""}
			if it.Start.Sides == 2 {
				sides = []string{"left", "right"}
			}
			for set := 1; set <= rg.Sets; set++ {
				for _, side := range sides {
					at = at.Add(time.Duration(30+rng.IntN(60)) * time.Second)
					add(journal.Record{Kind: journal.KindSet, At: at, Session: sid, Routine: id, Exercise: it.ID, Set: set, Side: side,
						Rung: &rg, Target: rg.Value, Achieved: rg.Value, Effort: 1 + rng.IntN(4)})
				}
			}
			add(journal.Record{Kind: journal.KindExerciseEnd, At: at, Session: sid, Routine: id, Exercise: it.ID, Pain: &pain})
		}
		add(journal.Record{Kind: journal.KindSessionEnd, At: at, Session: sid, Routine: id, Outcome: outcome})
	}
	for day := now.AddDate(-10, 0, 0); day.Before(now.Add(-24 * time.Hour)); day = day.AddDate(0, 0, 1) {
		morning := time.Date(day.Year(), day.Month(), day.Day(), 8, rng.IntN(60), 0, 0, time.Local)
		session("feet-daily", morning)
		if rng.IntN(10) > 0 {
			session("hands-daily", morning.Add(2*time.Hour))
		}
		if wd := day.Weekday(); wd == time.Monday || wd == time.Wednesday || wd == time.Friday {
			session("balance-3x", morning.Add(9*time.Hour))
		}
	}
	if err := os.WriteFile(filepath.Join(dir, journal.FileName), buf.Bytes(), 0o600); err != nil {
		tb.Fatal(err)
	}
	return n
}

// BenchmarkStatusTenYears is limber status --short, in-process, over a
// ten-year journal: the command line, the built-in library, the end of
// the journal and its replay.
func BenchmarkStatusTenYears(b *testing.B) {
	dir := b.TempDir()
	n := tenYears(b, dir, time.Now())
	for b.Loop() {
		if code := run([]string{"--data-dir", dir, "status", "--short"}, io.Discard, io.Discard); code != 0 {
			b.Fatal(code)
		}
	}
	b.ReportMetric(float64(n), "records")
}

// BenchmarkStatusEmpty is the same with no journal: what is left is the
// command line and the library.
func BenchmarkStatusEmpty(b *testing.B) {
	dir := b.TempDir()
	for b.Loop() {
		if code := run([]string{"--data-dir", dir, "status", "--short"}, io.Discard, io.Discard); code != 0 {
			b.Fatal(code)
		}
	}
}

// BenchmarkStatusFullReplayTenYears is what status would cost reading the
// whole journal, for comparison.
func BenchmarkStatusFullReplayTenYears(b *testing.B) {
	dir := b.TempDir()
	tenYears(b, dir, time.Now())
	e := &env{stdout: io.Discard, stderr: io.Discard, dataDir: dir}
	for b.Loop() {
		lib, _ := e.loadLibrary()
		recs, _, err := journal.Read(journal.Path(dir))
		if err != nil {
			b.Fatal(err)
		}
		_ = remind.Summarize(lib, coach.Replay(lib, recs), time.Now()).Short()
	}
}

// The ten-year journal gives the same status read from its end as read
// whole.
func TestStatusTenYearsAgreesWithAFullReplay(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	n := tenYears(t, dir, now)
	e := &env{stdout: io.Discard, stderr: io.Discard, dataDir: dir}
	lib, _ := e.loadLibrary()
	all, _, _ := journal.Read(journal.Path(dir))
	recent, err := remind.Recent(journal.Path(dir), now)
	if err != nil || len(all) != n {
		t.Fatal(err, len(all), n)
	}
	if len(recent)*50 > n {
		t.Errorf("read %d of %d records: more than five weeks", len(recent), n)
	}
	full := remind.Summarize(lib, coach.Replay(lib, all), now)
	if got := remind.Summarize(lib, coach.Replay(lib, recent), now); !reflect.DeepEqual(got, full) || got.Line() == "" {
		t.Errorf("read from the end: %+v\nread whole: %+v", got, full)
	}
}

// BenchmarkStatusJournalTenYears is the journal's part of status alone,
// the library loaded once: read the end of a ten-year journal, replay it
// and say today.
func BenchmarkStatusJournalTenYears(b *testing.B) {
	dir := b.TempDir()
	tenYears(b, dir, time.Now())
	e := &env{stdout: io.Discard, stderr: io.Discard, dataDir: dir}
	lib, _ := e.loadLibrary()
	for b.Loop() {
		recs, err := remind.Recent(journal.Path(dir), time.Now())
		if err != nil {
			b.Fatal(err)
		}
		_ = remind.Summarize(lib, coach.Replay(lib, recs), time.Now()).Short()
	}
}
