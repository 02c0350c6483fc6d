package report

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"limber/coach"
	"limber/content"
	"limber/exercises"
	"limber/journal"
)

// tenYears writes about n records of built-in routines done every day for
// ten years (feet and hands daily, balance three times a week), as JSON
// lines.
func tenYears(b *testing.B, lib *exercises.Library, n int) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	count := 0
	add := func(r journal.Record) {
		r.V = journal.SchemaVersion
		enc.Encode(r)
		count++
	}
	day := time.Date(2016, 1, 4, 8, 0, 0, 0, time.UTC)
	for d := 0; count < n; d++ {
		at := day.AddDate(0, 0, d)
		routines := []string{"feet-daily", "hands-daily"}
		if at.Weekday() == time.Monday || at.Weekday() == time.Wednesday || at.Weekday() == time.Friday {
			routines = append(routines, "balance-3x")
		}
		for ri, id := range routines {
			rt, ok := lib.Routine(id)
			if !ok {
				b.Fatalf("no routine %s", id)
			}
			at := at.Add(time.Duration(ri) * time.Hour)
			sid := at.Format("20060102T150405")
			base := (d / 7) % 4
			add(journal.Record{Kind: journal.KindSessionStart, At: at, Session: sid, Routine: id, Baseline: &base})
			for xi, it := range rt.Items {
				rg := it.Start.Rung()
				for s := 1; s <= rg.Sets; s++ {
					r := rg
					add(journal.Record{Kind: journal.KindSet, At: at, Session: sid, Routine: id, Exercise: it.ID, Set: s,
						Rung: &r, Target: r.Value, Achieved: r.Value, Effort: 1 + (d+xi)%4})
				}
				pain := (d + xi) % 5
				add(journal.Record{Kind: journal.KindExerciseEnd, At: at, Session: sid, Routine: id, Exercise: it.ID, Pain: &pain})
			}
			add(journal.Record{Kind: journal.KindSessionEnd, At: at, Session: sid, Routine: id, Outcome: "finished"})
		}
	}
	return buf.Bytes()
}

// BenchmarkReportTenYears is limber report on a ten-year journal of about
// 250,000 records: read, replay through the rules, build, and draw the text.
func BenchmarkReportTenYears(b *testing.B) { benchReport(b, false) }

// BenchmarkReportHTMLTenYears is limber report --html on the same journal.
func BenchmarkReportHTMLTenYears(b *testing.B) { benchReport(b, true) }

func benchReport(b *testing.B, html bool) {
	lib, errs := exercises.Load(exercises.Source{FS: content.FS, Root: ".", Label: "content", Origin: "built-in"})
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	data := tenYears(b, lib, 250_000)
	if dump := os.Getenv("LIMBER_BENCH_DUMP"); dump != "" {
		os.WriteFile(dump, data, 0o600) // for timing limber report as a process
	}
	path := filepath.Join(b.TempDir(), "journal.jsonl")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.Fatal(err)
	}
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		recs, warns, err := journal.Read(path)
		if err != nil || len(warns) > 0 {
			b.Fatal(err, warns)
		}
		r := Build(Input{Lib: lib, Progress: coach.Replay(lib, recs), Now: now})
		if len(r.Text(80)) == 0 || r.Sessions < 7000 {
			b.Fatalf("%d sessions", r.Sessions)
		}
		if html {
			if err := r.HTML(io.Discard, "report"); err != nil {
				b.Fatal(err)
			}
		}
	}
}
