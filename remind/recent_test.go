package remind

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"limber/coach"
	"limber/exercises"
	"limber/journal"
)

// randomJournal writes a journal as people and the coach write them: weeks
// of routine sessions at rising times (finished, quit, stopped, closed with
// no end, left part-way), check-ins ended by a red flag or a rest day, demo
// sessions, two sessions at once from two terminals, a coach paused over
// days, limber log back-filling past days in between, adjustments, damaged
// lines, and now and then a routine's session_start that cannot be read.
// It returns the file's lines, the time of the last live record, and
// whether some routine's session_start cannot be read.
func randomJournal(rng *rand.Rand, lib *exercises.Library, weeks int) (lines [][]byte, last time.Time, unread bool) {
	b := &book{lib: lib}
	flush := func() {
		for i := range b.recs {
			line, err := json.Marshal(&b.recs[i])
			if err != nil {
				panic(err)
			}
			lines = append(lines, line)
		}
		b.recs = b.recs[:0]
	}
	zones := []*time.Location{time.UTC, zone, time.FixedZone("", -5*3600)}
	routines := []string{"feet", "balance", "walk"}
	outcomes := []string{coach.OutcomeFinished, coach.OutcomeFinished, coach.OutcomeQuit, coach.OutcomeStopped, ""}
	t := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC).AddDate(0, 0, -7*weeks)
	end := t.AddDate(0, 0, 7*weeks)
	for t.Before(end) {
		t = t.Add(time.Duration(1+rng.IntN(30)) * time.Hour).In(zones[rng.IntN(len(zones))])
		id := routines[rng.IntN(len(routines))]
		rt, _ := lib.Routine(id)
		switch k := rng.IntN(40); {
		case k == 0:
			b.checkIn(id, t, coach.OutcomeRedFlag)
		case k == 1:
			b.checkIn(id, t, coach.OutcomeRest)
		case k == 2: // a demo: recorded as such, never counted
			b.session(id, t, len(rt.Items), coach.OutcomeFinished)
			for i := range b.recs {
				b.recs[i].Demo = b.recs[i].Kind == journal.KindSessionStart
			}
		case k == 3: // two terminals at once
			b.session(id, t, rng.IntN(len(rt.Items)+1), coach.OutcomeFinished)
			b.session(routines[rng.IntN(len(routines))], t.Add(30*time.Second), 1, coach.OutcomeFinished)
			slices.SortStableFunc(b.recs, func(x, y journal.Record) int { return x.At.Compare(y.At) })
		case k == 4: // a coach paused for days: the session's end comes later
			b.session(id, t, len(rt.Items), coach.OutcomeFinished)
			t = t.Add(time.Duration(2+rng.IntN(3)) * 24 * time.Hour)
			for i := 1; i < len(b.recs); i++ {
				b.recs[i].At = t
			}
		default:
			b.session(id, t, rng.IntN(len(rt.Items)+1), outcomes[rng.IntN(len(outcomes))])
		}
		if rng.IntN(300) == 0 { // a session_start nobody can read
			b.recs[0].V = journal.SchemaVersion + 1
			unread = true
		}
		flush()
		switch rng.IntN(12) {
		case 0: // limber log, back-filled: a session with no routine
			past := t.Add(-time.Duration(rng.IntN(60*24)) * time.Hour)
			sid := journal.NewSessionID(past)
			pain, rg := 2, exercises.Rung{Level: 1, Sets: 1, Value: 10}
			b.recs = append(b.recs,
				journal.Record{V: 1, Kind: journal.KindSessionStart, At: past, Session: sid},
				journal.Record{V: 1, Kind: journal.KindSet, At: past, Session: sid, Exercise: "march", Set: 1, Rung: &rg, Target: 10, Achieved: 10, Effort: 2},
				journal.Record{V: 1, Kind: journal.KindExerciseEnd, At: past, Session: sid, Exercise: "march", Pain: &pain},
				journal.Record{V: 1, Kind: journal.KindSessionEnd, At: past, Session: sid, Outcome: coach.OutcomeFinished})
			flush()
		case 1:
			rg := exercises.Rung{Level: 1, Sets: 1, Value: 12}
			b.recs = append(b.recs, journal.Record{V: 1, Kind: journal.KindAdjust, At: t, Session: journal.NewSessionID(t), Exercise: "ankle", Rung: &rg})
			flush()
		case 2:
			lines = append(lines, []byte(`{"v":1,"kind":"set","at":"not a time"`))
		}
	}
	return lines, t, unread
}

// Recent gives the same answer as a full replay, for random journals and
// any size of read.
func TestRecentAgreesWithAFullReplay(t *testing.T) {
	lib := testLibrary(t)
	long, shorter := 0, 0
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 7))
		weeks := 2 + rng.IntN(14)
		lines, last, unread := randomJournal(rng, lib, weeks)
		data := append(bytes.Join(lines, []byte("\n")), '\n')
		if rng.IntN(5) == 0 { // a torn last line
			data = append(data, `{"v":1,"kind":"se`...)
		}
		now := last.Add(time.Duration(rng.IntN(72)-12) * time.Hour).In(zone)
		full, _, err := journal.ReadFrom(bytes.NewReader(data), "j")
		if err != nil {
			t.Fatal(err)
		}
		want := Summarize(lib, coach.Replay(lib, full), now)
		block := int64(1 + rng.IntN(4096))
		got, err := recent(bytes.NewReader(data), int64(len(data)), "j", Since(now).Add(-24*time.Hour), block)
		if err != nil {
			t.Fatal(err)
		}
		// A journal longer than the window, with every routine's
		// session_start readable, is not read to its start.
		if weeks > 8 && !unread {
			long++
			if len(got) < len(full) {
				shorter++
			}
		}
		if g := Summarize(lib, coach.Replay(lib, got), now); !reflect.DeepEqual(g, want) {
			t.Fatalf("seed %d, block %d, now %v: read %d of %d records\nrecent: %+v\nfull:   %+v", seed, block, now, len(got), len(full), g, want)
		}
		// Line numbers count from where a read began; every other field
		// is the same.
		if !slices.EqualFunc(got, full[len(full)-len(got):], func(a, b journal.Record) bool { return journal.Same(&a, &b) }) {
			t.Fatalf("seed %d: the records read are not the journal's last %d", seed, len(got))
		}
	}
	if long < 80 || shorter != long {
		t.Errorf("%d of %d reads of long journals stopped before their start", shorter, long)
	}
}

// The read stops at a routine's session_start a day before Since, and
// not before it.
func TestRecentStopsAtTheCutoff(t *testing.T) {
	lib := testLibrary(t)
	now := at(8, 9, 0)
	cutoff := Since(now).Add(-24 * time.Hour)
	b := &book{lib: lib}
	b.session("feet", cutoff.Add(-48*time.Hour), 2, coach.OutcomeFinished)
	b.session("feet", cutoff.Add(-time.Second), 2, coach.OutcomeFinished) // the stop
	b.session("feet", cutoff, 2, coach.OutcomeFinished)
	b.session("feet", at(7, 9, 0), 2, coach.OutcomeFinished)
	got := readBack(t, b.recs, now)
	if len(got) != len(b.recs)-6 || got[0].Kind != journal.KindSessionStart || !got[0].At.Equal(cutoff.Add(-time.Second)) {
		t.Fatalf("read %d of %d records, from %v", len(got), len(b.recs), got[0].At)
	}
	// Without a routine, a session_start says nothing of when it was
	// written (limber log --at): the read goes on past it.
	b.recs[6].Routine = ""
	if got := readBack(t, b.recs, now); len(got) != len(b.recs) {
		t.Fatalf("read %d of %d records: stopped at a session with no routine", len(got), len(b.recs))
	}
}

// A session that began before the cutoff and went on into the window is
// read whole: the read goes on until its session_start.
func TestRecentReadsASessionWhole(t *testing.T) {
	lib := testLibrary(t)
	now := at(8, 9, 0)
	b := &book{lib: lib}
	b.session("feet", at(1, 9, 0).AddDate(0, 0, -40), 2, coach.OutcomeFinished)
	long := b.session("feet", at(1, 9, 0).AddDate(0, 0, -36), 2, coach.OutcomeFinished)
	n := len(b.recs)
	b.session("feet", at(1, 9, 0).AddDate(0, 0, -35), 2, coach.OutcomeFinished)
	// The long session's end, written after the next session.
	b.recs = append(b.recs, journal.Record{V: 1, Kind: journal.KindSessionEnd, At: at(1, 9, 0).AddDate(0, 0, -30), Session: long, Routine: "feet", Outcome: coach.OutcomeFinished})
	b.recs[n-1].Kind = journal.KindExerciseEnd // its first end was not an end
	b.session("feet", at(7, 9, 0), 2, coach.OutcomeFinished)
	got := readBack(t, b.recs, now)
	if got[0].Session != long || got[0].Kind != journal.KindSessionStart {
		t.Fatalf("the read began at %s %s, want the start of %s", got[0].Kind, got[0].Session, long)
	}
}

func readBack(t *testing.T, recs []journal.Record, now time.Time) []journal.Record {
	t.Helper()
	var buf bytes.Buffer
	for i := range recs {
		line, _ := json.Marshal(&recs[i])
		buf.Write(append(line, '\n'))
	}
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, block := range []int64{7, 100, firstBlock} {
		got, err := recent(bytes.NewReader(buf.Bytes()), int64(buf.Len()), path, Since(now).Add(-24*time.Hour), block)
		if err != nil {
			t.Fatal(err)
		}
		viaFile, err := Recent(path, now)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(viaFile) {
			t.Fatalf("block %d read %d records, Recent %d", block, len(got), len(viaFile))
		}
	}
	got, _ := Recent(path, now)
	return got
}

// A missing journal is an empty one; a folder or a FIFO is refused, never
// waited on; a line longer than any block is still read.
func TestRecentFiles(t *testing.T) {
	dir := t.TempDir()
	if recs, err := Recent(filepath.Join(dir, "journal.jsonl"), at(8, 9, 0)); recs != nil || err != nil {
		t.Errorf("missing: %v, %v", recs, err)
	}
	if _, err := Recent(dir, at(8, 9, 0)); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a folder: %v", err)
	}
	note := strings.Repeat("x", 3*firstBlock)
	line := fmt.Sprintf(`{"v":1,"kind":"adjust","at":"2026-01-07T09:00:00Z","session":"a","exercise":"ankle","rung":{"level":1,"sets":1,"value":10},"note":%q}`+"\n", note)
	recs, err := recent(strings.NewReader(line), int64(len(line)), "j", at(1, 0, 0), firstBlock)
	if err != nil || len(recs) != 1 || recs[0].Note != note {
		t.Errorf("a long line: %d records, %v", len(recs), err)
	}
}
