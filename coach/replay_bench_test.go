package coach

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"limber/exercises"
	"limber/journal"
)

var benchExercises = []struct {
	name  string
	sided bool
}{
	{"wall-sit", false}, {"step-down", true}, {"heel-raise", false},
	{"clamshell", true}, {"glute-bridge", false}, {"side-plank", true},
}

// benchLibrary defines the exercises that history() writes, so that the
// replay does its real work on every record.
func benchLibrary(b testing.TB) (*exercises.Library, *exercises.Routine) {
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

// history writes n records of a realistic journal, as the coach writes it
// now: ten years of sessions, each a check-in, six exercises of three sets
// (a left side saved before its effort, then the right side with it), now
// and then a flare, an exercise end with its decision, and an end.
func history(n int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	count := 0
	add := func(r journal.Record) {
		if count < n {
			r.V = journal.SchemaVersion
			if err := enc.Encode(&r); err != nil {
				panic(err)
			}
			count++
		}
	}
	ip := func(v int) *int { return &v }
	bp := func(v bool) *bool { return &v }
	zone := time.FixedZone("", 3600)
	day := time.Date(2016, 1, 4, 7, 0, 0, 0, zone)
	step := 10 * 365 * 24 * time.Hour / time.Duration(n/30+1)
	rungs := make([]exercises.Rung, len(benchExercises))
	for i := range rungs {
		rungs[i] = exercises.Rung{Sets: 3, Level: 1, Value: 8}
	}
	for count < n {
		at := day.Add(time.Duration(rng.Int64N(int64(time.Hour))) + time.Duration(rng.IntN(1e9)))
		sess := journal.NewSessionID(at)
		add(journal.Record{Kind: journal.KindSessionStart, At: at, Session: sess, Routine: "knee-daily",
			Baseline: ip(rng.IntN(4)), RedFlag: bp(false), Settled: bp(rng.IntN(10) > 0)})
		for i, ex := range benchExercises {
			r := rungs[i]
			for set := 1; set <= r.Sets; set++ {
				effort := 1 + rng.IntN(5)
				at = at.Add(time.Duration(30+rng.IntN(90))*time.Second + time.Duration(rng.IntN(1e9)))
				rr := r
				rec := journal.Record{Kind: journal.KindSet, At: at, Session: sess, Routine: "knee-daily", Exercise: ex.name, Name: ex.name, Unit: "reps",
					Set: set, Rung: &rr, Target: r.Value, Achieved: r.Value - rng.IntN(2), Effort: effort}
				if ex.sided {
					left := rec
					left.Side, left.Effort = "left", 0
					add(left)
					rec.Side = "right"
				}
				add(rec)
				if rng.IntN(50) == 0 {
					add(journal.Record{Kind: journal.KindFlare, At: at, Session: sess, Exercise: ex.name, Set: set, Pain: ip(rng.IntN(8))})
				}
			}
			to := r
			reason := "held: effort above 3 or a short set"
			if rng.IntN(4) == 0 {
				to.Value++
				reason = "3 sessions at target with effort ≤ 3: up one step"
			}
			at = at.Add(20 * time.Second)
			add(journal.Record{Kind: journal.KindExerciseEnd, At: at, Session: sess, Routine: "knee-daily", Exercise: ex.name, Name: ex.name, Unit: "reps",
				Pain: ip(rng.IntN(4)), Score: ip(rng.IntN(100)),
				Decision: &journal.Decision{From: r, To: to, Streak: rng.IntN(3), Reason: reason}})
			rungs[i] = to
		}
		add(journal.Record{Kind: journal.KindSessionEnd, At: at.Add(time.Minute), Session: sess, Routine: "knee-daily", Outcome: "finished"})
		day = day.Add(step)
	}
	return buf.Bytes()
}

var (
	historyMu    sync.Mutex
	historyCache = map[int][]byte{}
)

func cachedHistory(n int) []byte {
	historyMu.Lock()
	defer historyMu.Unlock()
	if b, ok := historyCache[n]; ok {
		return b
	}
	b := history(n)
	historyCache[n] = b
	return b
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
		recs, warns, err := journal.Read(path)
		if err != nil || len(warns) > 0 || len(recs) != n {
			b.Fatalf("read %d of %d: %v %v", len(recs), n, warns, err)
		}
		p := Replay(lib, recs)
		if plan := p.Plan(rt); len(plan) != len(benchExercises) || len(p.Unknown) > 0 || p.Implausible > 0 {
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
	recs, _, err := journal.ReadFrom(bytes.NewReader(cachedHistory(250_000)), "bench")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if plan := Replay(lib, recs).Plan(rt); len(plan) != len(benchExercises) {
			b.Fatal("no plan")
		}
	}
}
