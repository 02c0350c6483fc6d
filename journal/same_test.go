package journal

import (
	"reflect"
	"testing"

	"limber/exercises"
)

// Same compares every field but Line: changing any one makes two records.
func TestSame(t *testing.T) {
	recs := everyKind()
	for i := range recs {
		a, b := recs[i], recs[i]
		b.Line = 7
		if !Same(&a, &b) {
			t.Errorf("record %d differs from itself on another line", i)
		}
	}
	base := Record{V: 1, Kind: KindSet, Session: "s", Exercise: "x", Set: 1, Rung: &exercises.Rung{Sets: 1, Level: 1, Value: 8},
		Baseline: ptr(1), RedFlag: ptr(false), Settled: ptr(true), Pain: ptr(2), Score: ptr(3), Decision: &Decision{Reason: "r"},
		Answers: &Answers{RedFlags: []string{"a"}, Ketones: ptr(false)}}
	// Every field of Record and Answers, changed one at a time.
	changes := map[string]func(r *Record){
		"V": func(r *Record) { r.V = 2 }, "Kind": func(r *Record) { r.Kind = KindFlare },
		"At": func(r *Record) { r.At = r.At.Add(1) }, "Session": func(r *Record) { r.Session = "t" },
		"Routine": func(r *Record) { r.Routine = "r" }, "Exercise": func(r *Record) { r.Exercise = "y" },
		"Name": func(r *Record) { r.Name = "N" }, "Unit": func(r *Record) { r.Unit = "reps" },
		"Baseline": func(r *Record) { r.Baseline = ptr(2) }, "RedFlag": func(r *Record) { r.RedFlag = nil },
		"Settled": func(r *Record) { r.Settled = ptr(false) }, "Set": func(r *Record) { r.Set = 2 },
		"Side": func(r *Record) { r.Side = "left" }, "Rung": func(r *Record) { r.Rung = &exercises.Rung{Sets: 1, Level: 1, Value: 9} },
		"Target": func(r *Record) { r.Target = 1 }, "Achieved": func(r *Record) { r.Achieved = 1 },
		"Effort": func(r *Record) { r.Effort = 1 }, "Pain": func(r *Record) { r.Pain = ptr(3) },
		"Score": func(r *Record) { r.Score = nil }, "Stopped": func(r *Record) { r.Stopped = true },
		"Demo": func(r *Record) { r.Demo = true }, "Decision": func(r *Record) { r.Decision = &Decision{Reason: "s"} },
		"Outcome": func(r *Record) { r.Outcome = "quit" }, "Note": func(r *Record) { r.Note = "n" },
		"Answers":          func(r *Record) { r.Answers = nil },
		"Assessed":         func(r *Record) { r.Assessed = &Assessed{Test: "chair-stand-30s", Result: 12} },
		"Answers.RedFlags": func(r *Record) { r.Answers = &Answers{RedFlags: []string{"b"}, Ketones: ptr(false)} },
		"Answers.Glucose":  func(r *Record) { r.Answers = &Answers{RedFlags: []string{"a"}, Ketones: ptr(false), Glucose: 5} },
		"Answers.GlucoseUnit": func(r *Record) {
			r.Answers = &Answers{RedFlags: []string{"a"}, Ketones: ptr(false), GlucoseUnit: "mmol/L"}
		},
		"Answers.Ketones": func(r *Record) { r.Answers = &Answers{RedFlags: []string{"a"}, Ketones: ptr(true)} },
		"Answers.Today":   func(r *Record) { r.Answers = &Answers{RedFlags: []string{"a"}, Ketones: ptr(false), Today: "rest"} },
		"Answers.Resumes": func(r *Record) { r.Answers = &Answers{RedFlags: []string{"a"}, Ketones: ptr(false), Resumes: "s0"} },
	}
	fields := reflect.TypeFor[Record]().NumField() - 1 + reflect.TypeFor[Answers]().NumField() // all but Line
	if len(changes) != fields {
		t.Errorf("%d changes for %d fields: a new field needs a case here, and in Same", len(changes), fields)
	}
	for name, change := range changes {
		a, b := base, base
		change(&b)
		if Same(&a, &b) || Same(&b, &a) {
			t.Errorf("records that differ in %s are the Same", name)
		}
	}
}
