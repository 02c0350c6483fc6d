package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"limber/coach"
	"limber/exercises"
	"limber/journal"
)

func init() {
	register(planCommand)
	register(logCommand)
	register(adjustCommand)
	register(historyCommand)
}

// openJournal finds the data directory and opens the journal in it.
func (e *env) openJournal() (*journal.Journal, error) {
	dir, err := journal.DataDir(e.dataDir)
	if err != nil {
		return nil, invalidf("no data directory: %v; give one with --data-dir DIR", err)
	}
	j, err := journal.Open(dir)
	if err != nil {
		return nil, invalidf("cannot open the journal in %s: %v", exercises.Escape(dir), err)
	}
	return j, nil
}

// progress reads the journal and replays it through the rules. Skipped
// lines are told on stderr; the rest still counts.
func (e *env) progress(lib *exercises.Library) (*journal.Journal, []journal.Record, *coach.Progress, error) {
	j, err := e.openJournal()
	if err != nil {
		return nil, nil, nil, err
	}
	recs, warns, err := journal.Read(j.Path())
	if err != nil {
		return nil, nil, nil, invalidf("%v", err)
	}
	for _, w := range warns {
		fmt.Fprintf(e.stderr, "limber: warning: %s\n", exercises.Escape(w.String()))
	}
	return j, recs, coach.Replay(lib, recs), nil
}

// findExercise looks an id up, with a suggestion when it is mistyped.
func findExercise(lib *exercises.Library, id string) (*exercises.Exercise, error) {
	if x, ok := lib.Exercise(id); ok {
		return x, nil
	}
	return nil, notFound("exercise", id, lib.ExerciseIDs())
}

func findRoutine(lib *exercises.Library, id string) (*exercises.Routine, error) {
	if r, ok := lib.Routine(id); ok {
		return r, nil
	}
	return nil, notFound("routine", id, lib.RoutineIDs())
}

func notFound(what, id string, known []string) error {
	msg := fmt.Sprintf("no %s has the id %s", what, exercises.Quote(id))
	if s := exercises.Suggest(id, known); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	} else {
		msg += "; limber list shows the ids"
	}
	return invalidf("%s", msg)
}

var planCommand = &command{
	name:    "plan",
	args:    "ROUTINE|--exercise ID",
	summary: "the next session's prescription, with the reason for each dose",
	flags: func(fs *flag.FlagSet) {
		fs.String("exercise", "", "plan one exercise by `ID` instead of a routine")
		fs.Bool("json", false, "print a JSON array, one object per exercise")
	},
	run: func(e *env, fs *flag.FlagSet, args []string) error {
		exID := fs.Lookup("exercise").Value.String()
		if (exID == "") == (len(args) == 0) || len(args) > 1 {
			return usagef("plan takes one ROUTINE, or --exercise ID")
		}
		lib := e.library()
		var items []coach.PlanItem
		title := ""
		if exID != "" {
			x, err := findExercise(lib, exID)
			if err != nil {
				return err
			}
			_, _, p, err := e.progress(lib)
			if err != nil {
				return err
			}
			items = []coach.PlanItem{p.PlanExercise(x, x.Dose)}
			title = x.Name
		} else {
			rt, err := findRoutine(lib, args[0])
			if err != nil {
				return err
			}
			_, _, p, err := e.progress(lib)
			if err != nil {
				return err
			}
			items = p.Plan(rt)
			title = rt.Name
		}
		if fs.Lookup("json").Value.String() == "true" {
			return writePlanJSON(e, items)
		}
		fmt.Fprintf(e.stdout, "Next session: %s\n\n", exercises.Clean(title, false))
		for _, it := range items {
			x := it.Exercise
			fmt.Fprintf(e.stdout, "%s: %s\n", exercises.Clean(x.Name, false), x.DoseLine(it.Dose, exercises.DoseCard))
			flag := ""
			if it.Flag {
				flag = "[!] "
			}
			fmt.Fprintf(e.stdout, "  %s%s\n", flag, exercises.Clean(it.Reason, false))
		}
		return nil
	},
}

type planJSON struct {
	Exercise        string `json:"exercise"`
	Name            string `json:"name"`
	Level           int    `json:"level"`
	LevelName       string `json:"level_name"`
	Sets            int    `json:"sets"`
	Reps            int    `json:"reps"`
	HoldSeconds     int    `json:"hold_seconds"`
	DurationSeconds int    `json:"duration_seconds"`
	RestSeconds     int    `json:"rest_seconds"`
	Sides           string `json:"sides"`
	Reason          string `json:"reason"`
	Flag            bool   `json:"flag"`
}

func writePlanJSON(e *env, items []coach.PlanItem) error {
	out := []planJSON{}
	for _, it := range items {
		d := it.Dose
		j := planJSON{
			Exercise: it.Exercise.ID, Name: it.Exercise.Name, Level: d.Level, LevelName: it.Exercise.LevelName(d.Level),
			Sets: d.Sets, RestSeconds: int(d.Rest / time.Second), Sides: "one", Reason: it.Reason, Flag: it.Flag,
		}
		switch d.Kind {
		case exercises.Reps:
			j.Reps = d.Reps
		case exercises.Hold:
			j.HoldSeconds = d.Value()
		case exercises.Timed:
			j.DurationSeconds = d.Value()
		}
		if d.Sides == 2 {
			j.Sides = "both"
		}
		out = append(out, j)
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

var logCommand = &command{
	name:    "log",
	args:    "EXERCISE --done 10,10,8 --effort N --pain N",
	summary: "record one exercise done in one session, without the coach screen, and print the decision",
	flags: func(fs *flag.FlagSet) {
		fs.String("done", "", "what each set achieved: reps, or seconds for hold and timed exercises (such as 10,10,8)")
		fs.Int("effort", 0, "how hard it felt, 1 very easy … 5 too hard or could not finish")
		fs.Int("pain", -1, "pain now, 0 (none) to 10 (worst)")
		fs.Int("baseline", -1, "pain before starting, 0 to 10 (optional)")
		fs.Int("score", -1, "the result, for exercises that ask for a score (optional)")
		fs.String("at", "", "when it was done: RFC 3339 (2026-01-05T09:00:00Z) or a date (2026-01-05); default now")
	},
	run: func(e *env, fs *flag.FlagSet, args []string) error {
		if len(args) != 1 {
			return usagef("log takes one EXERCISE id, then --done, --effort and --pain")
		}
		get := func(name string) string { return fs.Lookup(name).Value.String() }
		num := func(name string) int { n, _ := strconv.Atoi(get(name)); return n }
		given := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
		if !given["done"] || !given["effort"] || !given["pain"] {
			return usagef("log needs --done, --effort and --pain, such as: limber log heel-raises --done 10,10 --effort 2 --pain 1")
		}
		lib := e.library()
		x, err := findExercise(lib, args[0])
		if err != nil {
			return err
		}
		effort, pain, baseline, score := num("effort"), num("pain"), num("baseline"), num("score")
		switch {
		case effort < 1 || effort > 5:
			return invalidf("--effort %d is out of range; use 1 (very easy) to 5 (too hard)", effort)
		case pain < 0 || pain > 10:
			return invalidf("--pain %d is out of range; use 0 (none) to 10 (worst)", pain)
		case given["baseline"] && (baseline < 0 || baseline > 10):
			return invalidf("--baseline %d is out of range; use 0 to 10", baseline)
		case given["score"] && x.Score == nil:
			return invalidf("%s does not ask for a score; leave --score out", x.ID)
		case given["score"] && (score < 0 || score > x.Score.OutOf):
			return invalidf("--score %d is out of range; use 0 to %d", score, x.Score.OutOf)
		}
		at, err := parseAt(get("at"))
		if err != nil {
			return err
		}
		j, _, p, err := e.progress(lib)
		if err != nil {
			return err
		}
		dose, state := p.Now(x, x.Dose)
		rung := dose.Rung()
		var achieved []int
		for _, f := range strings.Split(get("done"), ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n < 0 || n > 10000 {
				return invalidf("--done %s: %s is not a whole number of %s; give one per set, such as 10,10,8", exercises.Quote(get("done")), exercises.Quote(f), x.Dose.Kind.Unit())
			}
			achieved = append(achieved, n)
		}
		if len(achieved) > rung.Sets {
			return invalidf("%s is %d set(s) now; --done has %d values", x.ID, rung.Sets, len(achieved))
		}
		for len(achieved) < rung.Sets {
			achieved = append(achieved, 0) // a set not done is a set short
		}
		sid := journal.NewSessionID(at)
		start := journal.Record{Kind: journal.KindSessionStart, At: at, Session: sid}
		if given["baseline"] {
			start.Baseline = &baseline
		}
		recs := []journal.Record{start}
		perf := exercises.Performance{Pain: pain, Baseline: baseline, HasBaseline: given["baseline"]}
		sides := []string{""}
		if dose.Sides == 2 {
			sides = []string{"left", "right"}
		}
		for i, a := range achieved {
			for _, side := range sides {
				r := rung
				recs = append(recs, journal.Record{Kind: journal.KindSet, At: at, Session: sid, Exercise: x.ID,
					Set: i + 1, Side: side, Rung: &r, Target: rung.Value, Achieved: a, Effort: effort})
				perf.Sets = append(perf.Sets, exercises.SetResult{Target: rung.Value, Achieved: a, Effort: effort})
			}
		}
		end := journal.Record{Kind: journal.KindExerciseEnd, At: at, Session: sid, Exercise: x.ID, Pain: &pain}
		if given["score"] {
			end.Score = &score
			perf.Score = &score
		}
		d := exercises.Decide(x, state, perf)
		end.Decision = &journal.Decision{From: d.From, To: d.To, Streak: d.Streak, Flag: d.Flag, Reason: d.Reason}
		recs = append(recs, end, journal.Record{Kind: journal.KindSessionEnd, At: at, Session: sid, Outcome: "finished"})
		if err := j.Append(recs...); err != nil {
			return invalidf("could not save to the journal: %v", err)
		}
		fmt.Fprintf(e.stdout, "Recorded %s on %s: %d set(s).\n", exercises.Clean(x.Name, false), at.Local().Format("Mon 2 Jan 2006 15:04"), len(achieved))
		fmt.Fprintf(e.stdout, "Next time: %s\n", x.DoseLine(x.Dose.WithRung(d.To), exercises.DoseCard))
		fmt.Fprintln(e.stdout, d.Reason)
		if exercises.MustStop(x, pain, baseline) {
			fmt.Fprintln(e.stdout, "Pain this high means stop for today and rest. If it does not settle, contact your clinician.")
		}
		return nil
	},
}

// parseAt reads --at: RFC 3339, or a plain date (noon, local time).
func parseAt(s string) (time.Time, error) {
	if s == "" {
		return time.Now(), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.ParseInLocation("2006-01-02", s, time.Local); err == nil {
		return t.Add(12 * time.Hour), nil
	}
	return time.Time{}, invalidf("--at %s is not a time; use 2026-01-05T09:00:00Z or 2026-01-05", exercises.Quote(s))
}

var adjustCommand = &command{
	name:    "adjust",
	args:    "EXERCISE",
	summary: "place the patient on a rung of an exercise's ladder (for therapists); recorded in the journal",
	flags: func(fs *flag.FlagSet) {
		fs.Int("level", 0, "the level, from 1")
		fs.Int("sets", 0, "the number of sets")
		fs.Int("reps", 0, "reps per set (reps exercises)")
		fs.String("hold", "", "seconds held per set (hold exercises), such as 20 or 20s")
		fs.String("duration", "", "seconds per set (timed exercises), such as 90 or 1m30s")
		fs.String("note", "", "a note for the record")
	},
	run: func(e *env, fs *flag.FlagSet, args []string) error {
		if len(args) != 1 {
			return usagef("adjust takes one EXERCISE id and at least one of --level, --sets, --reps, --hold, --duration")
		}
		get := func(name string) string { return fs.Lookup(name).Value.String() }
		set := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		if !set["level"] && !set["sets"] && !set["reps"] && !set["hold"] && !set["duration"] {
			return usagef("adjust needs at least one of --level, --sets, --reps, --hold, --duration")
		}
		lib := e.library()
		x, err := findExercise(lib, args[0])
		if err != nil {
			return err
		}
		j, _, p, err := e.progress(lib)
		if err != nil {
			return err
		}
		dose, state := p.Now(x, x.Dose)
		from := dose.Rung()
		to := from
		if set["level"] {
			to.Level, _ = strconv.Atoi(get("level"))
		}
		if set["sets"] {
			to.Sets, _ = strconv.Atoi(get("sets"))
		}
		valueFlag := x.Dose.Kind.Field()
		for _, k := range []string{"reps", "hold", "duration"} {
			if !set[k] {
				continue
			}
			if k != valueFlag {
				return invalidf("%s is a %s exercise: use --%s", x.ID, x.Dose.Kind, valueFlag)
			}
			v, err := parseValue(k, get(k))
			if err != nil {
				return err
			}
			to.Value = v
		}
		if !x.Ladder.Contains(to) {
			return invalidf("%s is not on the ladder of %s: %s", exercises.RungText(x, to), x.ID, exercises.OffLadder(x, to))
		}
		d := exercises.Adjusted(x, state, to)
		now := time.Now()
		rg := to
		rec := journal.Record{Kind: journal.KindAdjust, At: now, Session: journal.NewSessionID(now), Exercise: x.ID, Rung: &rg, Note: get("note"),
			Decision: &journal.Decision{From: d.From, To: d.To, Reason: d.Reason}}
		if err := j.Append(rec); err != nil {
			return invalidf("could not save to the journal: %v", err)
		}
		fmt.Fprintf(e.stdout, "%s: now %s (was %s).\n", exercises.Clean(x.Name, false), x.DoseLine(x.Dose.WithRung(to), exercises.DoseCard), exercises.RungText(x, from))
		return nil
	},
}

func parseValue(flagName, s string) (int, error) {
	if flagName == "reps" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return 0, invalidf("--reps %s is not a whole number of reps", exercises.Quote(s))
		}
		return n, nil
	}
	if n, err := strconv.Atoi(s); err == nil && n > 0 {
		return n, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < time.Second || d%time.Second != 0 {
		return 0, invalidf("--%s %s is not a whole number of seconds; use 20 or 20s or 1m30s", flagName, exercises.Quote(s))
	}
	return int(d / time.Second), nil
}

var historyCommand = &command{
	name:    "history",
	summary: "every recorded set, one row each",
	flags: func(fs *flag.FlagSet) {
		fs.Bool("json", false, "print JSON, one object per set")
		fs.Bool("csv", false, "print CSV (RFC 4180) with a header row")
	},
	run: func(e *env, fs *flag.FlagSet, args []string) error {
		if len(args) > 0 {
			return usagef("history takes no arguments, found %s", exercises.Quote(args[0]))
		}
		asJSON, asCSV := fs.Lookup("json").Value.String() == "true", fs.Lookup("csv").Value.String() == "true"
		if asJSON && asCSV {
			return usagef("choose one of --json and --csv")
		}
		lib := e.library()
		_, recs, _, err := e.progress(lib)
		if err != nil {
			return err
		}
		rows := historyRows(lib, recs)
		switch {
		case asJSON:
			enc := json.NewEncoder(e.stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(rows)
		case asCSV:
			w := csv.NewWriter(e.stdout)
			w.Write([]string{"date", "session", "routine", "exercise", "set", "side", "level", "target", "achieved", "effort", "pain"})
			for _, r := range rows {
				pain := ""
				if r.Pain != nil {
					pain = strconv.Itoa(*r.Pain)
				}
				w.Write([]string{r.At.Format(time.RFC3339), r.Session, r.Routine, r.Exercise, strconv.Itoa(r.Set), r.Side,
					strconv.Itoa(r.Level), strconv.Itoa(r.Target), strconv.Itoa(r.Achieved), strconv.Itoa(r.Effort), pain})
			}
			w.Flush()
			return w.Error()
		}
		if len(rows) == 0 {
			fmt.Fprintln(e.stdout, "Nothing recorded yet.")
			return nil
		}
		tw := tabwriter.NewWriter(e.stdout, 2, 8, 2, ' ', 0)
		fmt.Fprintln(tw, "date\texercise\tset\tlevel\ttarget\tdone\teffort\tpain")
		for _, r := range rows {
			pain := "-"
			if r.Pain != nil {
				pain = strconv.Itoa(*r.Pain)
			}
			set := strconv.Itoa(r.Set)
			if r.Side != "" {
				set += " " + r.Side
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d %s\t%s\n", r.At.Local().Format("2006-01-02 15:04"), exercises.Escape(r.Exercise), set,
				r.Level, r.Target, r.Achieved, r.Effort, exercises.EffortWords[min(max(r.Effort, 0), 5)], pain)
		}
		return tw.Flush()
	},
}

type historyRow struct {
	At       time.Time `json:"date"`
	Session  string    `json:"session"`
	Routine  string    `json:"routine"`
	Exercise string    `json:"exercise"`
	Set      int       `json:"set"`
	Side     string    `json:"side"`
	Level    int       `json:"level"`
	Target   int       `json:"target"`
	Achieved int       `json:"achieved"`
	Effort   int       `json:"effort"`
	Pain     *int      `json:"pain"` // after the exercise; null if not asked
}

// historyRows joins each set with the pain reported at its exercise's end.
func historyRows(lib *exercises.Library, recs []journal.Record) []historyRow {
	pain := map[[2]string]*int{}
	routine := map[string]string{}
	for _, r := range recs {
		if r.Kind == journal.KindExerciseEnd {
			pain[[2]string{r.Session, r.Exercise}] = r.Pain
		}
		if r.Kind == journal.KindSessionStart {
			routine[r.Session] = r.Routine
		}
	}
	rows := []historyRow{}
	for _, r := range recs {
		if r.Kind != journal.KindSet || r.Demo {
			continue
		}
		row := historyRow{At: r.At, Session: r.Session, Routine: r.Routine, Exercise: r.Exercise, Set: r.Set, Side: r.Side,
			Target: r.Target, Achieved: r.Achieved, Effort: r.Effort, Pain: pain[[2]string{r.Session, r.Exercise}]}
		if row.Routine == "" {
			row.Routine = routine[r.Session]
		}
		if r.Rung != nil {
			row.Level = r.Rung.Level
		}
		rows = append(rows, row)
	}
	return rows
}
