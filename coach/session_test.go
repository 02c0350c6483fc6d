package coach

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"limber/exercises"
	"limber/journal"
)

// recorder writes one session the way the coach screen does, record by
// record.
type recorder struct {
	id, routine string
	at          time.Time
	recs        []journal.Record
}

func newSession(id, routine string, at time.Time, c CheckIn) *recorder {
	s := &recorder{id: id, routine: routine, at: at}
	s.recs = append(s.recs, c.Record(at, id, routine))
	return s
}

func (s *recorder) tick() time.Time { s.at = s.at.Add(time.Minute); return s.at }

func (s *recorder) set(ex string, rung exercises.Rung, set int, side string, achieved, effort int) *recorder {
	r := rung
	s.recs = append(s.recs, journal.Record{Kind: journal.KindSet, At: s.tick(), Session: s.id, Routine: s.routine, Exercise: ex,
		Set: set, Side: side, Rung: &r, Target: rung.Value, Achieved: achieved, Effort: effort})
	return s
}

func (s *recorder) flare(ex string, set int, side string, pain int) *recorder {
	s.recs = append(s.recs, journal.Record{Kind: journal.KindFlare, At: s.tick(), Session: s.id, Routine: s.routine, Exercise: ex,
		Set: set, Side: side, Pain: &pain})
	return s
}

func (s *recorder) end(ex string, pain int) *recorder {
	s.recs = append(s.recs, journal.Record{Kind: journal.KindExerciseEnd, At: s.tick(), Session: s.id, Routine: s.routine, Exercise: ex, Pain: &pain})
	return s
}

func (s *recorder) close(outcome string) []journal.Record {
	return append(s.recs, journal.Record{Kind: journal.KindSessionEnd, At: s.tick(), Session: s.id, Routine: s.routine, Outcome: outcome})
}

var (
	step6 = exercises.Rung{Sets: 2, Level: 1, Value: 6}
	heel8 = exercises.Rung{Sets: 2, Level: 1, Value: 8}
	wall8 = exercises.Rung{Sets: 1, Level: 1, Value: 8}
)

// A two-sided set: the left side is saved the moment it ends, with effort
// 0, and takes the effort of the same set's right side.
func TestTwoSidedSets(t *testing.T) {
	lib := scenarioLibrary(t)
	var recs []journal.Record
	for i, at := range []time.Time{on(0), on(1)} {
		s := newSession("s"+string(rune('1'+i)), "daily", at, CheckIn{Baseline: 0})
		s.set("step-ups", step6, 1, "left", 6, 0).set("step-ups", step6, 1, "right", 6, 1)
		s.set("step-ups", step6, 2, "left", 6, 0).set("step-ups", step6, 2, "right", 6, 2)
		recs = append(recs, s.end("step-ups", 0).close(OutcomeFinished)...)
	}
	p := Replay(lib, recs)
	st, _ := p.State("step-ups")
	if st.Rung != (exercises.Rung{Sets: 2, Level: 1, Value: 7}) || p.Sessions[0].Sets != 4 {
		t.Fatalf("two easy two-sided sessions: %+v, sets %d", st.State, p.Sessions[0].Sets)
	}
	// The right side's effort carries over: a too-hard right side makes
	// the whole set too hard.
	s := newSession("s3", "daily", on(2), CheckIn{})
	s.set("step-ups", step6, 1, "left", 7, 0).set("step-ups", step6, 1, "right", 7, 5)
	p = Replay(lib, append(recs, s.end("step-ups", 0).close(OutcomeFinished)...))
	if st, _ := p.State("step-ups"); st.Last.Reason != "A set was too hard: down to 2 × 6 reps each side for step-ups." {
		t.Fatalf("effort 5 on the right: %q", st.Last.Reason)
	}
	// A left side never followed by its right side is work done, not a
	// finished set: its short count does not read as a set fell short.
	s = newSession("s4", "daily", on(2), CheckIn{})
	s.set("step-ups", step6, 1, "left", 6, 0).set("step-ups", step6, 1, "right", 6, 1)
	s.set("step-ups", step6, 2, "left", 2, 0) // stopped here
	p = Replay(lib, append(recs, s.end("step-ups", 0).close(OutcomeFinished)...))
	st, _ = p.State("step-ups")
	last := p.Sessions[len(p.Sessions)-1]
	if st.Last.Move == exercises.Down || strings.Contains(st.Last.Reason, "short") || last.Sets != 3 {
		t.Fatalf("a lone left side counted as a finished set: %q, sets %d", st.Last.Reason, last.Sets)
	}
	// Older records: both sides rated at once still read the same.
	s = newSession("s5", "daily", on(2), CheckIn{})
	s.set("step-ups", step6, 1, "left", 7, 5).set("step-ups", step6, 1, "right", 7, 5)
	p = Replay(lib, append(recs, s.end("step-ups", 0).close(OutcomeFinished)...))
	if st, _ := p.State("step-ups"); st.Rung.Value != 6 {
		t.Fatalf("old-style sides: %+v", st.State)
	}
}

// A flare reported mid-set counts in the exercise's decision, and one at
// the flare threshold is flagged for the therapist at once.
func TestFlareRecords(t *testing.T) {
	lib := scenarioLibrary(t)
	up := newSession("s0", "daily", on(0), CheckIn{Baseline: 2})
	up.set("heel-raises", heel8, 1, "", 8, 1).set("heel-raises", heel8, 2, "", 8, 1)
	up2 := newSession("s1", "daily", on(1), CheckIn{Baseline: 2})
	up2.set("heel-raises", heel8, 1, "", 8, 1).set("heel-raises", heel8, 2, "", 8, 1)
	base := append(up.end("heel-raises", 1).close(OutcomeFinished), up2.end("heel-raises", 1).close(OutcomeFinished)...) // 2 × 9
	heel9 := exercises.Rung{Sets: 2, Level: 1, Value: 9}

	for _, c := range []struct {
		name        string
		b, flare    int
		flagged     bool
		reasonStart string
		moved       bool
	}{
		{"below the threshold: not flagged, not calm", 2, 5, false, "Good work", false},
		{"at the threshold", 2, 6, true, "Pain reached 6 out of 10 during the exercise: down to", true},
		{"over the usual pain", 5, 7, true, "Pain rose from your usual 5 to 7 during the exercise: down to", true},
		{"one under the threshold over the usual pain is calm", 5, 6, false, "An easy session", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newSession("s2", "daily", on(2), CheckIn{Baseline: c.b})
			s.set("heel-raises", heel9, 1, "", 9, 1).flare("heel-raises", 2, "", c.flare).set("heel-raises", heel9, 2, "", 9, 1)
			p := Replay(lib, append(slices.Clone(base), s.end("heel-raises", 1).close(OutcomeFinished)...))
			st, _ := p.State("heel-raises")
			fl := flagsOf(p, FlagFlare)
			if (len(fl) == 1) != c.flagged || len(fl) > 1 || !strings.HasPrefix(st.Last.Reason, c.reasonStart) ||
				(st.Rung.Value == 8) != c.moved || p.Sessions[2].Flares != 1 {
				t.Fatalf("flags %+v, state %+v %q", p.Flags, st.State, st.Last.Reason)
			}
			if c.flagged && fl[0].Reason != "Pain flared to "+string(rune('0'+c.flare))+" during set 2 of Heel raises; usual pain "+string(rune('0'+c.b))+"." {
				t.Errorf("flare reason %q", fl[0].Reason)
			}
		})
	}
}

// A session left part-way is not done; the coach offers to carry on at the
// first exercise not finished; a carried-on session names it; together
// they make the routine done.
func TestPartWaySessions(t *testing.T) {
	lib := scenarioLibrary(t)
	rt, _ := lib.Routine("daily")
	now := on(0).Add(6 * time.Hour)

	a := newSession("a", "daily", on(0), CheckIn{Baseline: 1})
	a.set("heel-raises", heel8, 1, "", 8, 2).set("heel-raises", heel8, 2, "", 8, 2).end("heel-raises", 1)
	a.set("wall-push", wall8, 1, "", 8, 2)
	recs := a.close(OutcomeQuit)
	p := Replay(lib, recs)
	day := p.Day(rt, now)
	if day.Done || day.Resume == nil || day.Resume.ID != "a" || !slices.Equal(day.Finished, []string{"heel-raises"}) ||
		!slices.Equal(day.Left, []string{"wall-push", "step-ups"}) {
		t.Fatalf("after a quit: %+v", day)
	}
	if s := p.Sessions[0]; s.Counts() || !s.PartWay() || s.Finished() {
		t.Fatalf("a quit session counts: %+v", s)
	}
	// Yesterday is another day; tomorrow too.
	if d := p.Day(rt, on(1)); d.Resume != nil || d.Done || len(d.Finished) != 0 {
		t.Fatalf("tomorrow: %+v", d)
	}
	// A session with no end at all (a crash) is part-way too.
	crash := newSession("c", "daily", on(0), CheckIn{})
	crash.set("heel-raises", heel8, 1, "", 8, 2)
	if d := Replay(lib, crash.recs).Day(rt, now); d.Done || d.Resume == nil || d.Resume.ID != "c" || len(d.Left) != 3 {
		t.Fatalf("a crash: %+v", d)
	}

	// Carry on: the rest of the routine, resuming a.
	b := newSession("b", "daily", on(0).Add(2*time.Hour), CheckIn{Baseline: 1, Resumes: "a"})
	b.set("wall-push", wall8, 1, "", 8, 2).end("wall-push", 1)
	b.set("step-ups", step6, 1, "left", 6, 0).set("step-ups", step6, 1, "right", 6, 2)
	b.set("step-ups", step6, 2, "left", 6, 0).set("step-ups", step6, 2, "right", 6, 2).end("step-ups", 1)
	both := append(slices.Clone(recs), b.close(OutcomeQuit)...) // quit at the summary's edge, yet every exercise is done
	p = Replay(lib, both)
	if d := p.Day(rt, now); !d.Done || d.Resume != nil || len(d.Left) != 0 {
		t.Fatalf("together: %+v", d)
	}
	if p.Sessions[1].Resumes != "a" || p.Sessions[0].Counts() || p.Sessions[1].Counts() {
		t.Fatalf("sessions: %+v %+v", p.Sessions[0], p.Sessions[1])
	}
	// Or the carried-on session finishes: it counts, the part-way one does not.
	p = Replay(lib, append(slices.Clone(recs), append(b.recs[:3:3], journal.Record{Kind: journal.KindSessionEnd, At: b.at, Session: "b", Routine: "daily", Outcome: OutcomeFinished})...))
	if d := p.Day(rt, now); !d.Done || !p.Sessions[1].Counts() || p.Sessions[0].Counts() || !slices.Equal(d.Left, []string{"step-ups"}) {
		t.Fatalf("a finished session: %+v", d)
	}
	// A stopped session (the stop rule) is done: no offer to carry on
	// after a stop for pain.
	st := newSession("st", "daily", on(0), CheckIn{})
	st.set("heel-raises", heel8, 1, "", 8, 2)
	if d := Replay(lib, append(st.end("heel-raises", 8).recs, journal.Record{Kind: journal.KindSessionEnd, At: st.tick(), Session: "st", Outcome: OutcomeStopped})).Day(rt, now); !d.Done || d.Resume != nil {
		t.Fatalf("stopped: %+v", d)
	}
}

// Each red flag by name; the feet answers leave feet work out; the older
// single red_flag still reads as one.
func TestCheckInRecordsAndFlags(t *testing.T) {
	lib := scenarioLibrary(t)
	rt, _ := lib.Routine("daily")
	for _, q := range RedFlags {
		c := CheckIn{Baseline: 3, RedFlags: []RedFlag{q.Flag}}
		v := c.Verdict(7)
		rec := c.Record(on(0), "s", "daily")
		if v.Stop != q.Stops || v.LeaveOutFeet == q.Stops || *rec.RedFlag != q.Stops ||
			rec.Answers == nil || !slices.Equal(rec.Answers.RedFlags, []string{string(q.Flag)}) {
			t.Errorf("%s: verdict %+v record %+v", q.Flag, v, rec)
		}
		if q.Stops && v.Outcome != OutcomeRedFlag || !slices.Contains(v.Say, q.Advice) {
			t.Errorf("%s: outcome %q say %q", q.Flag, v.Outcome, v.Say)
		}
		kind := FlagFeet
		if q.Stops {
			kind = FlagRedFlag
		}
		p := Replay(lib, []journal.Record{rec})
		if fs := flagsOf(p, kind); len(fs) != 1 || !strings.Contains(fs[0].Reason, q.Short) || p.Sessions[0].RedFlag != q.Stops {
			t.Errorf("%s: flags %+v", q.Flag, p.Flags)
		}
		if d := p.Day(rt, on(0)); d.RedFlag != q.Stops {
			t.Errorf("%s: day %+v", q.Flag, d)
		}
	}
	if len(RedFlags) != 7 {
		t.Fatalf("%d red flags", len(RedFlags))
	}
	names := map[RedFlag]bool{ChestPain: true, Breathless: true, Fainted: true, Fall: true, Fever: true}
	for _, q := range RedFlags {
		if names[q.Flag] != q.Stops {
			t.Errorf("%s stops %v", q.Flag, q.Stops)
		}
	}
	// Both kinds at once: the session stops, and both are flagged.
	c := CheckIn{RedFlags: []RedFlag{FootWound, Fall}}
	p := Replay(lib, []journal.Record{c.Record(on(0), "s", "daily")})
	if !c.Verdict(7).Stop || len(flagsOf(p, FlagRedFlag)) != 1 || len(flagsOf(p, FlagFeet)) != 1 {
		t.Errorf("both: %+v", p.Flags)
	}
	// A name this limber does not know reads as the safer kind.
	unknown := journal.Record{Kind: journal.KindSessionStart, At: on(0), Session: "u", Answers: &journal.Answers{RedFlags: []string{"dizzy"}}}
	if p := Replay(lib, []journal.Record{unknown}); !p.Sessions[0].RedFlag || len(flagsOf(p, FlagRedFlag)) != 1 {
		t.Errorf("unknown name: %+v", p.Flags)
	}
	if v := (CheckIn{RedFlags: []RedFlag{"dizzy"}}).Verdict(7); !v.Stop {
		t.Error("an unknown red flag does not stop")
	}
	// The older journal: red_flag: true with no names.
	yes := true
	old := journal.Record{Kind: journal.KindSessionStart, At: on(0), Session: "o", RedFlag: &yes}
	p = Replay(lib, []journal.Record{old})
	if fs := flagsOf(p, FlagRedFlag); !p.Sessions[0].RedFlag || len(fs) != 1 ||
		fs[0].Reason != "Answered yes to the red-flag question: advised not to exercise and to contact the clinician." {
		t.Errorf("old red flag: %+v", p.Flags)
	}
	// No answers, no Answers.
	if r := (CheckIn{Baseline: 2}).Record(on(0), "s", "daily"); r.Answers != nil || *r.Baseline != 2 || *r.RedFlag {
		t.Errorf("plain check-in: %+v", r)
	}
}

// The high-pain day: offered at checkin.high_pain_at_least; easier is one
// rung lower for today only and moves nothing; rest is recorded.
func TestHighPainDay(t *testing.T) {
	lib := scenarioLibrary(t)
	rt, _ := lib.Routine("daily")
	for b, want := range map[int]bool{6: false, 7: true, 8: true} {
		if v := (CheckIn{Baseline: b}).Verdict(HighPainAt(lib, rt)); v.HighPain != want || v.Stop {
			t.Errorf("usual pain %d: %+v", b, v)
		}
	}
	if v := (CheckIn{Baseline: 8, Today: TodayRest}).Verdict(7); !v.Stop || v.Outcome != OutcomeRest {
		t.Errorf("rest: %+v", v)
	}
	p := Replay(lib, nil)
	plan := p.Plan(rt)
	easier := Easier(plan)
	if easier[0].Dose.Reps != 8 || easier[0].Dose.Sets != 2 || // heel raises start at the bottom: stays
		easier[0].Reason != "An easier day: this is already the easiest step, so take it gently." || plan[0].Reason != "Your starting dose." {
		t.Errorf("easier at the bottom: %+v", easier[0])
	}
	// After two easy sessions heel raises stand at 2 × 9: easier is 2 × 8.
	d := &diary{t: t, lib: lib}
	d.log("heel-raises", on(0), []int{8, 8}, 1, 0, 0)
	d.log("heel-raises", on(1), []int{8, 8}, 1, 0, 0)
	d.log("heel-raises", on(2), []int{9, 9}, 1, 0, 0) // streak 1 at 2 × 9
	p = d.progress()
	easier = Easier(p.Plan(rt))
	if easier[0].Dose.Reps != 8 || easier[0].Reason != "An easier day: 2 × 8 reps for today only, one step below your usual 2 × 9 reps." {
		t.Fatalf("easier: %+v", easier[0])
	}
	// The easier session, easy again: the rung and the streak stay.
	s := newSession("e", "daily", on(3), CheckIn{Baseline: 8, Today: TodayEasier})
	s.set("heel-raises", heel8, 1, "", 8, 1).set("heel-raises", heel8, 2, "", 8, 1)
	p = Replay(lib, append(d.recs, s.end("heel-raises", 8).close(OutcomeFinished)...))
	st, _ := p.State("heel-raises")
	if st.Rung.Value != 9 || st.Streak != 1 || st.Last.Reason != "An easier day today: back to 2 × 9 reps next time for heel raises." {
		t.Fatalf("after an easier day: %+v %q", st.State, st.Last.Reason)
	}
	// A new exercise done on an easier day starts at its real place.
	s = newSession("e2", "daily", on(3), CheckIn{Baseline: 8, Today: TodayEasier})
	s.set("wall-push", wall8, 1, "", 8, 1)
	p = Replay(lib, s.end("wall-push", 8).close(OutcomeFinished))
	if st, _ := p.State("wall-push"); st.Rung != wall8 || st.Start != wall8 {
		t.Fatalf("new on an easier day: %+v", st)
	}
}

// The blood sugar advice at each threshold and one either side, in both
// units (ADA 2016).
func TestGlucoseAdvice(t *testing.T) {
	cases := []struct {
		in   string
		unit GlucoseUnit
		want GlucoseLevel
	}{
		{"99", MgPerDL, GlucoseLow}, {"100", MgPerDL, GlucoseInRange}, {"101", MgPerDL, GlucoseInRange},
		{"249", MgPerDL, GlucoseInRange}, {"250", MgPerDL, GlucoseInRange}, {"251", MgPerDL, GlucoseHigh},
		{"5.5", MmolPerL, GlucoseLow}, {"5.6", MmolPerL, GlucoseInRange}, {"5,7", MmolPerL, GlucoseInRange},
		{"13.8", MmolPerL, GlucoseInRange}, {"13.9", MmolPerL, GlucoseInRange}, {"14", MmolPerL, GlucoseHigh},
	}
	for _, c := range cases {
		g, err := ParseGlucose(c.in, c.unit)
		if err != nil {
			t.Fatalf("%s %s: %v", c.in, c.unit, err)
		}
		a := g.Advice()
		if a.Level != c.want || a.Recheck != (c.want == GlucoseLow) || a.AskKetones != (c.want == GlucoseHigh) {
			t.Errorf("%s %s: %+v", c.in, c.unit, a)
		}
	}
	low, _ := ParseGlucose("92", MgPerDL)
	if a := low.Advice(); a.Wait != 15*time.Minute || !strings.Contains(a.Say, "Eat 15 g of fast sugar") || !strings.Contains(a.Say, "92 mg/dL") {
		t.Errorf("low advice: %+v", a)
	}
	for _, bad := range []struct {
		in   string
		unit GlucoseUnit
		msg  string
	}{
		{"5.6", MgPerDL, "5.6 has more decimals than a meter shows in mg/dL"},
		{"6", MgPerDL, "6 mg/dL is outside what a meter reads (20 to 600); check the number, and whether your meter shows mmol/L"},
		{"110", MmolPerL, "110 mmol/L is outside what a meter reads (1.1 to 33.3); check the number, and whether your meter shows mg/dL"},
		{"5.55", MmolPerL, "5.55 has more decimals"},
		{"high", MgPerDL, `"high" is not a reading`},
		{"NaN", MgPerDL, `"NaN" is not a reading`},
		{"90", "mmol", `unknown blood sugar unit "mmol"`},
	} {
		if _, err := ParseGlucose(bad.in, bad.unit); err == nil || !strings.HasPrefix(err.Error(), bad.msg) {
			t.Errorf("%s %s: %v", bad.in, bad.unit, err)
		}
	}
	// Ketones with a high reading: no exercise today, recorded and flagged.
	lib := scenarioLibrary(t)
	high, _ := ParseGlucose("14.5", MmolPerL)
	yes, no := true, false
	c := CheckIn{Baseline: 2, Glucose: &high, Ketones: &yes}
	v := c.Verdict(7)
	if !v.Stop || v.Outcome != OutcomeKetones {
		t.Fatalf("ketones: %+v", v)
	}
	rec := c.Record(on(0), "k", "daily")
	if rec.Answers.Glucose != 14.5 || rec.Answers.GlucoseUnit != "mmol/L" || !*rec.Answers.Ketones {
		t.Fatalf("record: %+v", rec.Answers)
	}
	p := Replay(lib, []journal.Record{rec})
	if s := p.Sessions[0]; s.Glucose != 14.5 || s.Unit != "mmol/L" || len(flagsOf(p, FlagKetones)) != 1 {
		t.Fatalf("replayed: %+v %+v", s, p.Flags)
	}
	if v := (CheckIn{Glucose: &high, Ketones: &no}).Verdict(7); v.Stop {
		t.Errorf("no ketones stops: %+v", v)
	}
	if v := (CheckIn{Glucose: &low}).Verdict(7); !v.Recheck || v.Stop {
		t.Errorf("low: %+v", v)
	}
	for in, want := range map[string]GlucoseUnit{"mg/dl": MgPerDL, "mmol/l": MmolPerL, "MMOL/L": MmolPerL} {
		if u, ok := UnitOf(in); !ok || u != want {
			t.Errorf("UnitOf(%q) = %v", in, u)
		}
	}
	if _, ok := UnitOf("mmol"); ok {
		t.Error("UnitOf accepted mmol")
	}
}

// A feet answer leaves out every standing exercise and every exercise
// whose areas include the feet or ankles, and says why.
func TestLeaveOutFeet(t *testing.T) {
	lib, errs := exercises.Load(exercises.Source{FS: mapFS(`category: rom
exercises:
  - {id: stand, name: Stand, position: standing, areas: [hips], dose: {kind: reps, reps: 5}}
  - {id: pumps, name: Ankle pumps, position: seated, areas: [Ankles, calves], dose: {kind: reps, reps: 5}}
  - {id: toes, name: Toe curls, position: seated, areas: [toes], dose: {kind: reps, reps: 5}}
  - {id: hands, name: Hand squeeze, position: seated, areas: [hands, fingers], dose: {kind: reps, reps: 5}}
  - {id: neck, name: Neck turns, dose: {kind: reps, reps: 5}}
routines:
  - {id: r, name: R, exercises: [stand, pumps, toes, hands, neck]}
`), Root: "."})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	rt, _ := lib.Routine("r")
	kept, left := LeaveOutFeet(Replay(lib, nil).Plan(rt))
	var ids, whys []string
	for _, it := range kept {
		ids = append(ids, it.Exercise.ID)
	}
	for _, l := range left {
		whys = append(whys, l.Item.Exercise.ID+": "+l.Why)
	}
	if strings.Join(ids, ",") != "hands,neck" ||
		strings.Join(whys, "; ") != "stand: it is done standing; pumps: it works the feet or ankles; toes: it works the feet or ankles" {
		t.Errorf("kept %v, left %v", ids, whys)
	}
}

// The new-level banner: the first session at a level, or after the level
// changed.
func TestNewLevel(t *testing.T) {
	lib := scenarioLibrary(t)
	x, _ := lib.Exercise("sit-to-stand")
	d := &diary{t: t, lib: lib}
	if !d.progress().NewLevel(x, x.Dose) {
		t.Fatal("never done: not new")
	}
	d.log("sit-to-stand", on(0), []int{5}, 1, 0, 0)
	if d.progress().NewLevel(x, x.Dose) {
		t.Fatal("done at level 1, still at level 1: new")
	}
	d.recs = append(d.recs, journal.Record{Kind: journal.KindAdjust, At: on(1), Session: "a", Exercise: "sit-to-stand",
		Rung: &exercises.Rung{Sets: 1, Level: 2, Value: 5}})
	if p := d.progress(); !p.NewLevel(x, x.Dose) || !p.PlanExercise(x, x.Dose).NewLevel {
		t.Fatal("moved to level 2: not new")
	}
	d.log("sit-to-stand", on(2), []int{5}, 5, 0, 0) // too hard: back to level 1
	p := d.progress()
	if st, _ := p.State("sit-to-stand"); st.Rung.Level != 1 || !p.NewLevel(x, x.Dose) {
		t.Fatalf("back to level 1 after level 2: %+v new %v", st.State, p.NewLevel(x, x.Dose))
	}
	d.log("sit-to-stand", on(3), []int{6}, 3, 0, 0)
	if d.progress().NewLevel(x, x.Dose) {
		t.Fatal("done again at level 1: new")
	}
}

// Records whose values no session can give are passed over.
func TestImplausibleRecordsSkipped(t *testing.T) {
	lib := scenarioLibrary(t)
	d := &diary{t: t, lib: lib}
	d.log("heel-raises", on(0), []int{8, 8}, 1, 0, 0)
	neg := -5
	d.recs = append(d.recs, journal.Record{Kind: journal.KindExerciseEnd, At: on(1), Session: "x", Exercise: "heel-raises", Pain: &neg})
	p := d.progress()
	if st, _ := p.State("heel-raises"); p.Implausible != 1 || st.Sessions != 1 || st.Streak != 1 {
		t.Fatalf("implausible %d, state %+v", p.Implausible, st)
	}
}

func TestHighPainAtIsTheMostCareful(t *testing.T) {
	lib, errs := exercises.Load(exercises.Source{FS: mapFS(`category: rom
exercises:
  - {id: a, name: A, dose: {kind: reps, reps: 5}}
  - {id: b, name: B, dose: {kind: reps, reps: 5}, rules: {checkin: {high_pain_at_least: 5}}}
routines:
  - {id: both, name: Both, exercises: [a, b]}
  - {id: one, name: One, exercises: [a]}
`), Root: "."})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	both, _ := lib.Routine("both")
	one, _ := lib.Routine("one")
	if HighPainAt(lib, both) != 5 || HighPainAt(lib, one) != 7 {
		t.Errorf("%d %d", HighPainAt(lib, both), HighPainAt(lib, one))
	}
}

func mapFS(yaml string) fstest.MapFS { return fstest.MapFS{"a.yaml": {Data: []byte(yaml)}} }

// The left side's effort is the right side's, set by set, whatever order
// the sets come in; a left side without its right is not a finished set.
func TestLeftSideTakesItsRightSidesEffort(t *testing.T) {
	lib := scenarioLibrary(t)
	rp := NewReplayer(lib)
	s := newSession("s", "daily", on(0), CheckIn{})
	s.set("step-ups", step6, 1, "left", 6, 0).set("step-ups", step6, 2, "left", 5, 0)
	s.set("step-ups", step6, 2, "right", 6, 4).set("step-ups", step6, 1, "right", 6, 2)
	s.set("step-ups", step6, 3, "left", 1, 0)
	for i := range s.recs {
		rp.record(&s.recs[i])
	}
	got := rp.open["step-ups"].finished()
	want := []exercises.SetResult{{Target: 6, Achieved: 6, Effort: 2}, {Target: 6, Achieved: 5, Effort: 4},
		{Target: 6, Achieved: 6, Effort: 4}, {Target: 6, Achieved: 6, Effort: 2}}
	if !slices.Equal(got, want) {
		t.Errorf("sets %+v, want %+v", got, want)
	}
}
