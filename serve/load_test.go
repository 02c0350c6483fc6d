package serve

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// loadDuration is how long the load test runs: a few seconds in go test
// ./..., the full minute with LIMBER_SERVE_LOAD=60s.
func loadDuration(t testing.TB) time.Duration {
	if v := os.Getenv("LIMBER_SERVE_LOAD"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			t.Fatalf("LIMBER_SERVE_LOAD=%q: %v", v, err)
		}
		return d
	}
	return 4 * time.Second
}

// goTB lets a client goroutine fail without calling FailNow off the
// test's goroutine: Fatalf records the failure and ends the goroutine.
type goTB struct {
	testing.TB
	mu  sync.Mutex
	err string
}

func (g *goTB) Helper() {}

func (g *goTB) Fatalf(format string, args ...any) {
	g.mu.Lock()
	if g.err == "" {
		g.err = fmt.Sprintf(format, args...)
	}
	g.mu.Unlock()
	runtime.Goexit()
}

func (g *goTB) Fatal(args ...any) { g.Fatalf("%s", fmt.Sprint(args...)) }

// Under load: 32 patients at once, each doing the routine at --speed 50
// again and again, and a therapist watching one of them. No session
// stalls, and every journal holds exactly what its patient finished.
func TestLoad32Sessions(t *testing.T) {
	const n = 32
	d := loadDuration(t)
	data := t.TempDir()
	var people []*person
	for i := range n {
		people = append(people, newPerson(t, fmt.Sprintf("Patient %02d", i), Patient))
	}
	ruth := newPerson(t, "Ruth Jones", Therapist)
	ts := startServer(t, data, func(c *Config) { c.MaxSessions = n + 1 }, append(people, ruth)...)

	r := ts.connect(ruth, 100, 32, "")
	r.waitFor("Patient 00")
	r.keys("enter")
	r.waitFor("watch their session")
	r.keys("w")

	start := time.Now()
	deadline := start.Add(d)
	done := make([]int, n)
	slowest := make([]time.Duration, n)
	tbs := make([]*goTB, n)
	var wg sync.WaitGroup
	for i, p := range people {
		tbs[i] = &goTB{TB: t}
		wg.Add(1)
		go func() {
			defer wg.Done()
			tm := ts.connectAs(tbs[i], p, 80, 24, "")
			for first := true; time.Now().Before(deadline); first = false {
				t0 := time.Now()
				tm.doRoutine(first)
				slowest[i] = max(slowest[i], time.Since(t0))
				done[i]++
			}
			tm.keys("q")
			tm.waitFor("Leave limber?")
			tm.keys("y")
			tm.waitEnd()
		}()
	}
	// The therapist's mirror keeps up: it changes while they work.
	changes := 0
	for time.Now().Before(deadline) {
		if _, ok := r.await(func(s string) bool { return s != r.last }, time.Second); ok {
			changes++
		}
	}
	wg.Wait()
	elapsed := time.Since(start)
	for i, g := range tbs {
		if g.err != "" {
			t.Errorf("patient %02d: %s", i, g.err)
		}
	}
	if t.Failed() {
		return
	}
	total := 0
	for i := range n {
		total += done[i]
		folder := fmt.Sprintf("patient-%02d", i)
		recs := readJournal(t, data, folder)
		want := strings.Repeat("session_start,set,exercise_end,set,exercise_end,session_end(finished),", done[i])
		if got := kinds(recs) + ","; got != want {
			t.Errorf("%s finished %d routines; the journal holds %d records: %s", folder, done[i], len(recs), got)
		}
	}
	worst := time.Duration(0)
	for _, s := range slowest {
		worst = max(worst, s)
	}
	t.Logf("%d sessions for %v: %d routines finished (%.1f a second), the slowest routine took %v; the therapist saw %d changes",
		n, elapsed.Round(time.Millisecond), total, float64(total)/elapsed.Seconds(), worst.Round(time.Millisecond), changes)
	// A routine is about 10 screens; none may take a stall's time.
	if worst > 15*time.Second {
		t.Errorf("a routine took %v: a session stalled", worst)
	}
	if changes == 0 {
		t.Error("the therapist's mirror never changed")
	}
	for i := range n {
		if done[i] == 0 {
			t.Errorf("patient %02d finished nothing in %v", i, d)
		}
	}
}

// idleCost connects n patients, lets them sit at home for window, and
// measures the whole process (server and clients): CPU per session (per
// cent of one core) and memory per session.
func idleCost(t testing.TB, n int, window time.Duration) (cpuPct, mib float64) {
	data := t.TempDir()
	var people []*person
	for i := range n {
		people = append(people, newPerson(t, fmt.Sprintf("Idle %02d", i), Patient))
	}
	ts := startServer(t, data, func(c *Config) { c.MaxSessions = n; c.Idle = time.Hour }, people...)
	// One session first, so that what every session shares (the library,
	// the first replay, code paths) is not counted per session.
	warm := ts.connect(people[0], 80, 24, "")
	warm.waitFor("I understand")
	before := heap()
	var terms []*term
	for _, p := range people[1:] {
		tm := ts.connect(p, 80, 24, "")
		tm.waitFor("I understand")
		terms = append(terms, tm)
	}
	after := heap()
	mib = float64(after-before) / float64(n-1) / (1 << 20)
	time.Sleep(500 * time.Millisecond) // the start-up settles
	c0, w0 := cpuTime(), time.Now()
	time.Sleep(window)
	cpu, wall := cpuTime()-c0, time.Since(w0)
	cpuPct = 100 * cpu.Seconds() / wall.Seconds() / float64(n)
	runtime.KeepAlive(terms)
	return cpuPct, mib
}

func heap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse + m.StackInuse
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// The targets: an idle session costs under 8 MiB and under 0.5 % of a
// core (measured with the clients in the same process, so an upper bound).
func TestIdleSessionCost(t *testing.T) {
	cpu, mib := idleCost(t, 16, 2*time.Second)
	t.Logf("an idle session: %.3f %% of a core, %.2f MiB", cpu, mib)
	if cpu >= 0.5 {
		t.Errorf("an idle session costs %.3f %% of a core; the target is under 0.5 %%", cpu)
	}
	if mib >= 8 {
		t.Errorf("an idle session costs %.2f MiB; the target is under 8 MiB", mib)
	}
}

// BenchmarkIdleSessions reports what an idle session costs with 32 of
// them: go test ./serve -run '^$' -bench IdleSessions -benchtime 1x
func BenchmarkIdleSessions(b *testing.B) {
	for range b.N {
		cpu, mib := idleCost(b, 32, 10*time.Second)
		b.ReportMetric(cpu, "%core/session")
		b.ReportMetric(mib, "MiB/session")
	}
}
