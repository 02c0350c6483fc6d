package journal

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"limber/exercises"
)

// benchLibrary defines the exercises that history() writes, so that the
// replay does its real work on every record.
func benchLibrary(b *testing.B) (*exercises.Library, *exercises.Routine) {
	var y strings.Builder
	y.WriteString("category: strengthening\nexercises:\n")
	var ids []string
	for _, ex := range benchExercises {
		sides := "one"
		if ex.sided {
			sides = "both"
		}
		fmt.Fprintf(&y, "  - id: %s\n    name: %s\n    dose: {kind: reps, sets: 3, reps: 8, sides: %s}\n"+
			"    levels: [Easy, Middle, Hard]\n    progression: {reps: {min: 8, max: 40}, sets: {max: 5}}\n", ex.name, ex.name, sides)
		ids = append(ids, ex.name)
	}
	fmt.Fprintf(&y, "routines:\n  - id: knee-daily\n    name: Knees\n    exercises: [%s]\n", strings.Join(ids, ", "))
	lib, errs := exercises.Load(exercises.Source{FS: fstest.MapFS{"b.yaml": {Data: []byte(y.String())}}, Root: "."})
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	rt, _ := lib.Routine("knee-daily")
	return lib, rt
}

// benchReplay reads the journal from a file, as limber does at every start.
func benchReplay(b *testing.B, n int) {
	lib, rt := benchLibrary(b)
	data := cachedHistory(n)
	path := filepath.Join(b.TempDir(), "journal.jsonl")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		recs, warns, err := Read(path)
		if err != nil || len(warns) > 0 || len(recs) != n {
			b.Fatalf("read %d of %d: %v %v", len(recs), n, warns, err)
		}
		p := Replay(lib, recs)
		if plan := p.Plan(rt); len(plan) != len(benchExercises) || len(p.Unknown) > 0 {
			b.Fatalf("plan of %d, unknown %v", len(plan), p.Unknown)
		}
	}
}

// BenchmarkReplayTenYears reads a ten-year journal (250,000 records), replays
// it through the rules and plans the next session: the work behind every
// start of limber, plan and report.
func BenchmarkReplayTenYears(b *testing.B) { benchReplay(b, 250_000) }

// BenchmarkReplayScaling shows the replay is linear in the journal's size.
func BenchmarkReplayScaling(b *testing.B) {
	for _, n := range []int{62_500, 125_000, 250_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) { benchReplay(b, n) })
	}
}
