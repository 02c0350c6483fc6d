package journal

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"limber/exercises"
)

var benchExercises = []struct {
	name  string
	sided bool
}{
	{"wall-sit", false}, {"step-down", true}, {"heel-raise", false},
	{"clamshell", true}, {"glute-bridge", false}, {"side-plank", true},
}

// history writes n records of a realistic journal: ten years of sessions,
// each a start, six exercises of three sets (both sides where the exercise
// has sides), an exercise end with its decision, and an end.
func history(n int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	var buf bytes.Buffer
	count := 0
	add := func(r Record) {
		if count < n {
			r.V = SchemaVersion
			if err := encodeRecord(&buf, &r); err != nil {
				panic(err)
			}
			count++
		}
	}
	ip := func(v int) *int { return &v }
	bp := func(v bool) *bool { return &v }
	zone := time.FixedZone("", 3600)
	day := time.Date(2016, 1, 4, 7, 0, 0, 0, zone)
	// 26 to 35 records a session and about ten thousand sessions: a little
	// under three a day over ten years.
	step := 10 * 365 * 24 * time.Hour / time.Duration(n/30+1)
	rungs := make([]exercises.Rung, len(benchExercises))
	for i := range rungs {
		rungs[i] = exercises.Rung{Sets: 3, Level: 1, Value: 8}
	}
	for count < n {
		at := day.Add(time.Duration(rng.Int64N(int64(time.Hour))) + time.Duration(rng.IntN(1e9)))
		sess := NewSessionID(at)
		add(Record{Kind: KindSessionStart, At: at, Session: sess, Routine: "knee-daily",
			Baseline: ip(rng.IntN(4)), RedFlag: bp(false), Settled: bp(rng.IntN(10) > 0)})
		for i, ex := range benchExercises {
			sides := []string{""}
			if ex.sided {
				sides = []string{"left", "right"}
			}
			r := rungs[i]
			for set := 1; set <= r.Sets; set++ {
				for _, side := range sides {
					at = at.Add(time.Duration(30+rng.IntN(90))*time.Second + time.Duration(rng.IntN(1e9)))
					rr := r
					add(Record{Kind: KindSet, At: at, Session: sess, Routine: "knee-daily", Exercise: ex.name, Name: ex.name, Unit: "reps",
						Set: set, Side: side, Rung: &rr, Target: r.Value, Achieved: r.Value - rng.IntN(2), Effort: 1 + rng.IntN(5)})
				}
			}
			to := r
			reason := "held: effort above 3 or a short set"
			if rng.IntN(4) == 0 {
				to.Value++
				reason = "3 sessions at target with effort ≤ 3: up one step"
			}
			at = at.Add(20 * time.Second)
			add(Record{Kind: KindExerciseEnd, At: at, Session: sess, Routine: "knee-daily", Exercise: ex.name, Name: ex.name, Unit: "reps",
				Pain: ip(rng.IntN(4)), Score: ip(rng.IntN(100)),
				Decision: &Decision{From: r, To: to, Streak: rng.IntN(3), Reason: reason}})
			rungs[i] = to
		}
		add(Record{Kind: KindSessionEnd, At: at.Add(time.Minute), Session: sess, Routine: "knee-daily", Outcome: "finished"})
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

func benchRead(b *testing.B, n int) {
	data := cachedHistory(n)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		recs, warns, err := ReadFrom(bytes.NewReader(data), "bench")
		if err != nil || len(warns) != 0 || len(recs) != n {
			b.Fatalf("read %d records, %d warnings, err %v; want %d", len(recs), len(warns), err, n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/record")
}

// BenchmarkRead250k is the start-up cost of a heavy user's ten years.
func BenchmarkRead250k(b *testing.B) { benchRead(b, 250_000) }

// BenchmarkReadScaling shows that reading stays linear in the journal's size.
func BenchmarkReadScaling(b *testing.B) {
	for _, n := range []int{62_500, 125_000, 250_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) { benchRead(b, n) })
	}
}

// BenchmarkReadFile includes opening, locking and reading from the page cache.
func BenchmarkReadFile(b *testing.B) {
	const n = 250_000
	path := filepath.Join(b.TempDir(), FileName)
	if err := os.WriteFile(path, cachedHistory(n), 0o600); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		recs, _, err := Read(path)
		if err != nil || len(recs) != n {
			b.Fatalf("read %d records, err %v", len(recs), err)
		}
	}
}

// BenchmarkReadEncodingJSON is the baseline the fast path is measured against.
func BenchmarkReadEncodingJSON(b *testing.B) {
	const n = 250_000
	data := cachedHistory(n)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		recs := make([]Record, 0, n)
		for line := range bytes.Lines(data) {
			var r Record
			if err := json.Unmarshal(line, &r); err != nil {
				b.Fatal(err)
			}
			recs = append(recs, r)
		}
	}
}

// BenchmarkAppend is dominated by fsync, which is the point.
func BenchmarkAppend(b *testing.B) {
	j, err := Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	r := Record{Kind: KindSet, At: time.Now(), Session: NewSessionID(time.Now()), Exercise: "wall-sit",
		Set: 1, Rung: &exercises.Rung{Sets: 3, Level: 2, Value: 30}, Target: 30, Achieved: 30, Effort: 3}
	for b.Loop() {
		if err := j.Append(r); err != nil {
			b.Fatal(err)
		}
	}
}
