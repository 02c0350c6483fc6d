// Package journaltest writes synthetic journals for the tests and
// benchmarks of journal and coach. It is imported by tests only.
package journaltest

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"sync"
	"time"

	"limber/exercises"
	"limber/journal"
)

// Exercise is one exercise that History writes.
type Exercise struct {
	Name  string
	Sided bool // done on the left side, then the right
}

// Exercises are the exercises History writes, in this order, all in the
// routine "knee-daily": each of three sets of 8 reps at level 1 at first.
var Exercises = []Exercise{
	{"wall-sit", false}, {"step-down", true}, {"heel-raise", false},
	{"clamshell", true}, {"glute-bridge", false}, {"side-plank", true},
}

var (
	mu    sync.Mutex
	cache = map[int][]byte{}
)

// History returns n records of a realistic journal, one a line, as the
// coach writes it now: ten years of sessions, each a check-in, six
// exercises of three sets (a left side saved before its effort, then the
// right side with it), now and then a flare, an exercise end with its
// decision, and an end. It is made once for each n (the same records every
// time but for the random end of each session's id); callers must not
// change it.
func History(n int) []byte {
	mu.Lock()
	defer mu.Unlock()
	if b, ok := cache[n]; ok {
		return b
	}
	b := history(n)
	cache[n] = b
	return b
}

func history(n int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf) // as journal.Append encodes
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
	// About 30 records a session: a little under three sessions a day over
	// ten years for 250,000 records.
	step := 10 * 365 * 24 * time.Hour / time.Duration(n/30+1)
	rungs := make([]exercises.Rung, len(Exercises))
	for i := range rungs {
		rungs[i] = exercises.Rung{Sets: 3, Level: 1, Value: 8}
	}
	for count < n {
		at := day.Add(time.Duration(rng.Int64N(int64(time.Hour))) + time.Duration(rng.IntN(1e9)))
		sess := journal.NewSessionID(at)
		add(journal.Record{Kind: journal.KindSessionStart, At: at, Session: sess, Routine: "knee-daily",
			Baseline: ip(rng.IntN(4)), RedFlag: bp(false), Settled: bp(rng.IntN(10) > 0)})
		for i, ex := range Exercises {
			r := rungs[i]
			for set := 1; set <= r.Sets; set++ {
				effort := 1 + rng.IntN(5)
				at = at.Add(time.Duration(30+rng.IntN(90))*time.Second + time.Duration(rng.IntN(1e9)))
				rr := r
				rec := journal.Record{Kind: journal.KindSet, At: at, Session: sess, Routine: "knee-daily", Exercise: ex.Name, Name: ex.Name, Unit: "reps",
					Set: set, Rung: &rr, Target: r.Value, Achieved: r.Value - rng.IntN(2), Effort: effort}
				if ex.Sided {
					left := rec
					left.Side, left.Effort = "left", 0
					add(left)
					rec.Side = "right"
				}
				add(rec)
				if rng.IntN(50) == 0 {
					add(journal.Record{Kind: journal.KindFlare, At: at, Session: sess, Exercise: ex.Name, Set: set, Pain: ip(rng.IntN(8))})
				}
			}
			to := r
			reason := "held: effort above 3 or a short set"
			if rng.IntN(4) == 0 {
				to.Value++
				reason = "3 sessions at target with effort ≤ 3: up one step"
			}
			at = at.Add(20 * time.Second)
			add(journal.Record{Kind: journal.KindExerciseEnd, At: at, Session: sess, Routine: "knee-daily", Exercise: ex.Name, Name: ex.Name, Unit: "reps",
				Pain: ip(rng.IntN(4)), Score: ip(rng.IntN(100)),
				Decision: &journal.Decision{From: r, To: to, Streak: rng.IntN(3), Reason: reason}})
			rungs[i] = to
		}
		add(journal.Record{Kind: journal.KindSessionEnd, At: at.Add(time.Minute), Session: sess, Routine: "knee-daily", Outcome: "finished"})
		day = day.Add(step)
	}
	return buf.Bytes()
}
