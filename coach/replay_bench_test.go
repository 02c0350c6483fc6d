package coach

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"limber/exercises"
	"limber/journal"
	"limber/journal/journaltest"
)

// benchLibrary defines the exercises that journaltest.History writes, so
// that the replay does its real work on every record.
func benchLibrary(b testing.TB) (*exercises.Library, *exercises.Routine) {
	var y strings.Builder
	y.WriteString("category: strengthening\nexercises:\n")
	var ids []string
	for _, ex := range journaltest.Exercises {
		sides := "one"
		if ex.Sided {
			sides = "both"
		}
		fmt.Fprintf(&y, "  - id: %s\n    name: %s\n    dose: {kind: reps, sets: 3, reps: 8, sides: %s}\n"+
			"    levels: [Easy, Middle, Hard]\n    progression: {reps: {min: 8, max: 40}, sets: {max: 5}}\n", ex.Name, ex.Name, sides)
		ids = append(ids, ex.Name)
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
	data := journaltest.History(n)
	path := filepath.Join(b.TempDir(), "journal.jsonl")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		recs, warns, err := journal.Read(path)
		if err != nil || len(warns) > 0 || len(recs) != n {
			b.Fatalf("read %d of %d: %v %v", len(recs), n, warns, err)
		}
		p := Replay(lib, recs)
		if plan := p.Plan(rt); len(plan) != len(journaltest.Exercises) || len(p.Unknown) > 0 || p.Implausible > 0 {
			b.Fatalf("plan of %d, unknown %v, implausible %d", len(plan), p.Unknown, p.Implausible)
		}
	}
}

// BenchmarkReplayTenYears reads a ten-year journal (250,000 records), replays
// it through the rules and plans the next session: the work behind every
// start of limber, plan and report. DESIGN section 8: under 200 ms.
func BenchmarkReplayTenYears(b *testing.B) { benchReplay(b, 250_000) }

// BenchmarkReplayScaling shows the replay is linear in the journal's size.
func BenchmarkReplayScaling(b *testing.B) {
	for _, n := range []int{62_500, 125_000, 250_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) { benchReplay(b, n) })
	}
}

// BenchmarkReplayOnly is the replay alone, from records already read.
func BenchmarkReplayOnly(b *testing.B) {
	lib, rt := benchLibrary(b)
	recs, _, err := journal.ReadFrom(bytes.NewReader(journaltest.History(250_000)), "bench")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if plan := Replay(lib, recs).Plan(rt); len(plan) != len(journaltest.Exercises) {
			b.Fatal("no plan")
		}
	}
}
