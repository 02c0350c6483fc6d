package coach

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"limber/exercises"
	"limber/journal"
)

// RedFlag names one red-flag question of the check-in (DESIGN section 4),
// as session_start's red_flags records it.
type RedFlag string

// The red flags. The first five end the session; the last two, about the
// feet, leave out standing and feet exercises.
const (
	ChestPain          RedFlag = "chest-pain"
	Breathless         RedFlag = "breathless"
	Fainted            RedFlag = "fainted"
	Fall               RedFlag = "fall"
	Fever              RedFlag = "fever"
	FootWound          RedFlag = "foot-wound"
	FootRedWarmSwollen RedFlag = "foot-red-warm-swollen"
)

// RedFlagQuestion is one red flag as the check-in asks it.
type RedFlagQuestion struct {
	Flag     RedFlag
	Question string // asked on its own line, answered yes or no
	Short    string // for the therapist's flag: "new chest pain or pressure"
	Stops    bool   // yes ends the session; else it leaves out feet work
	Advice   string // what a yes means, in plain words
}

// RedFlagSource is where the red-flag advice comes from.
const RedFlagSource = "ADA 2016 position statement (Colberg et al., Diabetes Care 39:2065): exercise precautions; foot ulcers and Charcot foot: non-weight-bearing activity only"

const stopAdvice = "Please do not exercise today, and contact your clinician."

// RedFlags are the check-in's red-flag questions, in the order asked.
var RedFlags = []RedFlagQuestion{
	{ChestPain, "Do you have new chest pain or pressure?", "new chest pain or pressure", true,
		stopAdvice + " If the pain is severe or does not go away, call emergency services now."},
	{Breathless, "Are you short of breath while resting?", "breathless at rest", true,
		stopAdvice + " If it is getting worse, call emergency services now."},
	{Fainted, "Have you fainted, or nearly fainted, since your last session?", "fainted or nearly fainted", true, stopAdvice},
	{Fall, "Have you had a fall since your last session?", "a fall since the last session", true, stopAdvice},
	{Fever, "Do you have a fever, or feel unwell?", "fever or feeling unwell", true,
		stopAdvice + " If you are having chemotherapy, call your cancer care team now: a fever can be serious."},
	{FootWound, "Is there a new wound, blister or sore on either foot?", "a new wound, blister or sore on a foot", false,
		"Keep weight off that foot as much as you can and show it to your foot team or clinician today."},
	{FootRedWarmSwollen, "Is either foot red, warm or swollen?", "a red, warm or swollen foot", false,
		"A red, warm or swollen foot can be a sign of Charcot foot. Keep weight off it and contact your foot team today."},
}

// Question returns a red flag's question, and false for a name this limber
// does not know.
func Question(f RedFlag) (RedFlagQuestion, bool) {
	for _, q := range RedFlags {
		if q.Flag == f {
			return q, true
		}
	}
	return RedFlagQuestion{}, false
}

// GlucoseUnit is the unit of a blood sugar reading, as the journal writes it.
type GlucoseUnit string

const (
	MgPerDL       GlucoseUnit = "mg/dL"
	MmolPerL      GlucoseUnit = "mmol/L"
	GlucoseSource             = "ADA 2016 position statement (Colberg et al., Diabetes Care 39:2065)"
)

// UnitOf reads the profile's units ("mg/dl" or "mmol/l", any case).
func UnitOf(profileUnits string) (GlucoseUnit, bool) {
	switch strings.ToLower(profileUnits) {
	case "mg/dl":
		return MgPerDL, true
	case "mmol/l":
		return MmolPerL, true
	}
	return "", false
}

// Glucose is one blood sugar reading.
type Glucose struct {
	Value float64
	Unit  GlucoseUnit
}

func (g Glucose) String() string {
	return strconv.FormatFloat(g.Value, 'f', -1, 64) + " " + string(g.Unit)
}

// The readings a meter can give, per unit; outside them a unit was most
// likely mixed up.
var glucoseRange = map[GlucoseUnit][2]float64{MgPerDL: {20, 600}, MmolPerL: {1.1, 33.3}}

// ParseGlucose reads a reading typed by a person in unit: a whole number
// for mg/dL, up to one decimal for mmol/L. A reading no meter gives in
// that unit is refused with a hint, as a mixed-up unit would turn a high
// reading into a low one.
func ParseGlucose(s string, unit GlucoseUnit) (Glucose, error) {
	rng, ok := glucoseRange[unit]
	if !ok {
		return Glucose{}, fmt.Errorf("unknown blood sugar unit %q; use mg/dL or mmol/L", unit)
	}
	s = strings.TrimSpace(strings.Replace(s, ",", ".", 1))
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return Glucose{}, fmt.Errorf("%q is not a reading; type the number your meter shows, such as %s", s, example(unit))
	}
	if unit == MgPerDL && v != math.Trunc(v) || unit == MmolPerL && math.Abs(v*10-math.Round(v*10)) > 1e-9 {
		return Glucose{}, fmt.Errorf("%s has more decimals than a meter shows in %s; type it as the meter shows it, such as %s", s, unit, example(unit))
	}
	if v < rng[0] || v > rng[1] {
		other := MmolPerL
		if unit == MmolPerL {
			other = MgPerDL
		}
		return Glucose{}, fmt.Errorf("%s %s is outside what a meter reads (%g to %g); check the number, and whether your meter shows %s", s, unit, rng[0], rng[1], other)
	}
	return Glucose{Value: v, Unit: unit}, nil
}

func example(u GlucoseUnit) string {
	if u == MmolPerL {
		return "6.2"
	}
	return "112"
}

// GlucoseLevel sorts a reading by what it means for exercise now.
type GlucoseLevel int

const (
	GlucoseInRange GlucoseLevel = iota
	GlucoseLow                  // under 100 mg/dL (5.6 mmol/L): eat first
	GlucoseHigh                 // over 250 mg/dL (13.9 mmol/L): check ketones
)

// GlucoseAdvice is what a reading means before exercise.
type GlucoseAdvice struct {
	Level GlucoseLevel
	Say   string // in plain words
	// Recheck asks for a new reading after eating and waiting (low).
	Recheck bool
	Wait    time.Duration
	// AskKetones asks whether ketones are present (high); if they are,
	// there is no exercise today.
	AskKetones bool
}

// tenths is a reading in tenths of its unit's step: whole mg/dL, or tenths
// of mmol/L, so that thresholds compare exactly.
func (g Glucose) tenths() int64 {
	if g.Unit == MmolPerL {
		return int64(math.Round(g.Value * 10))
	}
	return int64(math.Round(g.Value))
}

// Advice is what the reading means (ADA 2016, Colberg et al.): under 100
// mg/dL (5.6 mmol/L) eat 15 g of fast sugar, wait 15 minutes and check
// again first; over 250 mg/dL (13.9 mmol/L) check ketones, and do not
// exercise if they are present.
func (g Glucose) Advice() GlucoseAdvice {
	low, high := int64(100), int64(250)
	if g.Unit == MmolPerL {
		low, high = 56, 139
	}
	switch t := g.tenths(); {
	case t < low:
		return GlucoseAdvice{Level: GlucoseLow, Recheck: true, Wait: 15 * time.Minute,
			Say: fmt.Sprintf("Your blood sugar is %s: a little low to start. Eat 15 g of fast sugar (such as half a glass of juice or 3 glucose tablets), wait 15 minutes, then check again.", g)}
	case t > high:
		return GlucoseAdvice{Level: GlucoseHigh, AskKetones: true,
			Say: fmt.Sprintf("Your blood sugar is %s: high. Check your ketones before you exercise; if they are present, do not exercise today.", g)}
	}
	return GlucoseAdvice{Level: GlucoseInRange, Say: fmt.Sprintf("Your blood sugar is %s: fine to start.", g)}
}

// CheckIn is the answers given at the start of a session.
type CheckIn struct {
	Baseline int       // usual pain, 0–10
	RedFlags []RedFlag // answered yes
	Glucose  *Glucose  // nil when not asked (the profile says no insulin)
	Ketones  *bool     // asked after a high reading; nil when not asked
	Settled  *bool     // the next-morning question; nil when not asked
	Today    string    // TodayEasier, TodayRest, or "" (not a high-pain day)
	Resumes  string    // the part-way session this one carries on
}

// Verdict is what the check-in's answers mean for today's session.
type Verdict struct {
	// Stop says there is no exercise today; Outcome is the session_end
	// outcome to record (red_flag, ketones or rest).
	Stop    bool
	Outcome string
	// LeaveOutFeet says a feet answer leaves out standing and feet
	// exercises (LeaveOutFeet does it to a plan).
	LeaveOutFeet bool
	// HighPain says the usual pain is at checkin.high_pain_at_least: offer
	// an easier session or rest, unless Today already chose.
	HighPain bool
	// Recheck says the blood sugar is low: eat, wait, check again first.
	Recheck bool
	Glucose *GlucoseAdvice
	Say     []string // what to tell the person, in order
}

// Verdict reads the answers with the high-pain threshold of the routine
// (HighPainAt).
func (c CheckIn) Verdict(highPainAt int) Verdict {
	var v Verdict
	for _, f := range c.RedFlags {
		q, known := Question(f)
		if !known || q.Stops {
			v.Stop, v.Outcome = true, OutcomeRedFlag
		} else {
			v.LeaveOutFeet = true
		}
		if known {
			v.Say = append(v.Say, q.Advice)
		}
	}
	if v.Stop {
		return v
	}
	if v.LeaveOutFeet {
		v.Say = append(v.Say, FeetLeftOut)
	}
	if c.Glucose != nil {
		a := c.Glucose.Advice()
		v.Glucose, v.Recheck = &a, a.Recheck
		v.Say = append(v.Say, a.Say)
		if a.AskKetones && c.Ketones != nil && *c.Ketones {
			v.Stop, v.Outcome = true, OutcomeKetones
			v.Say = append(v.Say, "Ketones are present: no exercise today. Follow your plan for high blood sugar, and contact your diabetes team if you are unsure.")
			return v
		}
	}
	v.HighPain = c.Baseline >= highPainAt
	switch {
	case c.Today == TodayRest:
		v.Stop, v.Outcome = true, OutcomeRest
		v.Say = append(v.Say, "Rest today. Gentle movement through the day still helps; come back when the pain eases.")
	case c.Today == TodayEasier:
		v.Say = append(v.Say, "An easier session today: every exercise one step lower, for today only.")
	case v.HighPain:
		v.Say = append(v.Say, fmt.Sprintf("Your usual pain is %d out of 10 today, which is high. You can do an easier session (every exercise one step lower, for today only) or rest today.", c.Baseline))
	}
	return v
}

// Record is the session_start record of these answers. RedFlag is set for
// older readers when a red flag ends the session.
func (c CheckIn) Record(at time.Time, session, routine string) journal.Record {
	b := c.Baseline
	stops := false
	a := &journal.Answers{Ketones: c.Ketones, Today: c.Today, Resumes: c.Resumes}
	for _, f := range c.RedFlags {
		a.RedFlags = append(a.RedFlags, string(f))
		q, known := Question(f)
		stops = stops || !known || q.Stops
	}
	if g := c.Glucose; g != nil {
		a.Glucose, a.GlucoseUnit = g.Value, string(g.Unit)
	}
	r := journal.Record{Kind: journal.KindSessionStart, At: at, Session: session, Routine: routine,
		Baseline: &b, RedFlag: &stops, Settled: c.Settled}
	if len(a.RedFlags) > 0 || a.Glucose != 0 || a.Ketones != nil || a.Today != "" || a.Resumes != "" {
		r.Answers = a
	}
	return r
}

// HighPainAt is the usual pain at which the check-in of a routine offers
// an easier session or rest: the lowest checkin.high_pain_at_least among
// its exercises, so that the most careful rule wins.
func HighPainAt(lib *exercises.Library, rt *exercises.Routine) int {
	at := exercises.DefaultRules.CheckinHighPain
	first := true
	for _, it := range rt.Items {
		if e, ok := lib.Exercise(it.ID); ok && (first || e.Rules.CheckinHighPain < at) {
			at, first = e.Rules.CheckinHighPain, false
		}
	}
	return at
}
