package report

import (
	"time"

	"limber/coach"
	"limber/exercises"
	"limber/profile"
)

// Measure is one outcome measure of the library, with its results read
// against the norm for the person's age and sex.
type Measure struct {
	Assessment *exercises.Assessment
	Results    []MeasureResult // oldest first
	Due        coach.Due
}

// MeasureResult is one result and its reading.
type MeasureResult struct {
	At      time.Time
	Value   int
	Reading Reading
}

// Latest is the newest result, and false when there is none.
func (m Measure) Latest() (MeasureResult, bool) {
	if len(m.Results) == 0 {
		return MeasureResult{}, false
	}
	return m.Results[len(m.Results)-1], true
}

// Top is the highest value the chart of the measure needs: every result
// and the norm, with room above, or the number of stages.
func (m Measure) Top() int {
	a := m.Assessment
	if a.Kind == exercises.Stages {
		return len(a.Stages)
	}
	top := 1
	for _, r := range m.Results {
		top = max(top, r.Value)
		if r.Reading.HasNorm {
			top = max(top, r.Reading.Norm.Below)
		}
	}
	// A round number a little above the highest: 5, 10, 15 ...
	return (top*6/5/5 + 1) * 5
}

func measures(lib *exercises.Library, results []coach.Result, prof *profile.Profile, now time.Time) []Measure {
	var out []Measure
	for _, d := range coach.Dues(lib, results, now) {
		m := Measure{Assessment: d.Assessment, Due: d}
		for _, res := range coach.ResultsOf(d.Assessment, results) {
			m.Results = append(m.Results, MeasureResult{At: res.At, Value: res.Result, Reading: ReadResult(d.Assessment, res, prof)})
		}
		out = append(out, m)
	}
	return out
}
