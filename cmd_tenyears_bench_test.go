package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"limber/coach"
	"limber/journal"
)

// BenchmarkCommandsTenYears runs plan, report and history in-process over
// a journal of the size the issue calls ten years (87,600 records: the
// latest of tenYears, from a session's start on), with a warm state
// cache and with none (the cache deleted before each run, outside the
// timer). Each prints to io.Discard. DESIGN section 8: warm plan and
// report under 50 ms, history --csv under 250 ms, the text history under
// 500 ms, and a cold replay under 200 ms. scripts/measure-startup.py
// --commands times the same as whole processes, with their peak memory.
func BenchmarkCommandsTenYears(b *testing.B) {
	dir := b.TempDir()
	tenYears(b, dir, time.Now())
	n := keepLast(b, journal.Path(dir), 87_600)
	state := filepath.Join(dir, coach.StateFile)
	commands := []struct {
		name string
		args []string
	}{
		{"plan", []string{"plan", "feet-daily"}},
		{"report", []string{"report"}},
		{"history-csv", []string{"history", "--csv"}},
		{"history-json", []string{"history", "--json"}},
		{"history", []string{"history"}},
	}
	runOnce := func(b *testing.B, args []string) {
		if code := run(append([]string{"--data-dir", dir}, args...), io.Discard, io.Discard); code != 0 {
			b.Fatalf("limber %v: exit %d", args, code)
		}
	}
	for _, cache := range []string{"warm", "cold"} {
		for _, c := range commands {
			b.Run(cache+"/"+c.name, func(b *testing.B) {
				os.Remove(state)
				if cache == "warm" {
					runOnce(b, c.args) // writes the cache
					if _, err := os.Stat(state); err != nil {
						b.Fatalf("no state cache after a first run: %v", err)
					}
				}
				for b.Loop() {
					if cache == "cold" {
						b.StopTimer()
						os.Remove(state)
						b.StartTimer()
					}
					runOnce(b, c.args)
				}
				b.ReportMetric(float64(n), "records")
			})
		}
	}
}

// keepLast cuts the journal at path to its last n records or a few more,
// from the start of a session on, and says how many it kept.
func keepLast(tb testing.TB, path string, n int) int {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	if lines[len(lines)-1] == nil || len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	from := max(0, len(lines)-n)
	for from > 0 && !bytes.Contains(lines[from], []byte(`"kind":"session_start"`)) {
		from--
	}
	if err := os.WriteFile(path, bytes.Join(lines[from:], nil), 0o600); err != nil {
		tb.Fatal(err)
	}
	return len(lines) - from
}
