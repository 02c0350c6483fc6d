package exercises

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// State is where a patient stands on one exercise's ladder.
type State struct {
	Rung   Rung
	Streak int // easy sessions in a row at this rung
	// Since is when the exercise came to this rung, for progress.min_days;
	// zero means the rung begins with the session being decided.
	Since time.Time
}

// SetResult is one finished set (or one side of a set).
type SetResult struct {
	Target   int // reps or seconds asked
	Achieved int // reps or seconds done
	Effort   int // 1 very easy … 5 too hard or could not finish
}

// Performance is one session's work on one exercise.
type Performance struct {
	Sets     []SetResult
	Pain     int // 0–10, after the exercise
	Flare    int // the highest pain reported during the exercise (a flare); 0 if none
	Baseline int // the session's usual pain b, 0–10; 0 where none was given
	// HasBaseline says b was given; it changes only the words of a reason
	// ("rose from your usual 0" would be odd when nobody said 0).
	HasBaseline bool
	Score       *int      // where the exercise asks for one
	At          time.Time // when the exercise ended: min_days counts dates up to it
	// Easier says the exercise was done one rung below its place, for
	// today only (a high-pain day): an easy session then does not count
	// towards moving up.
	Easier bool
}

// Peak is the highest pain reported during and after the exercise: the
// pain the rules read.
func (p Performance) Peak() int { return max(p.Pain, p.Flare) }

// Move says which way a decision goes.
type Move int

const (
	Stay Move = iota
	Up
	Down
)

// Decision is the rules' answer for the next session.
type Decision struct {
	From, To Rung
	Move     Move
	Streak   int
	Flag     bool // a safety matter: the therapist should see this
	// Ready says the exercise waits at its gate (progression.gate) for the
	// therapist to move it on. It is not a safety flag.
	Ready  bool
	Reason string // in words a patient can read; empty from DecideQuiet
	quiet  bool
}

// Effort words, shown beside the keys 1–5.
var EffortWords = [6]string{"", "very easy", "easy", "just right", "hard", "too hard or could not finish"}

// Thresholds are the three pain numbers of DESIGN section 4 for a session
// whose usual pain is b (0 where none was given):
//
//	flare: pain >= min(10, max(regress.pain_at_least, b + regress.pain_rise_at_least))
//	stop:  pain >= min(10, max(stop.pain_at_least,    b + stop.pain_rise_at_least))
//	calm:  pain <= max(progress.pain_at_most,          b + progress.pain_rise_at_most)
//
// At the very top of the scale (usual pain 9 or 10 with the defaults) the
// cap at 10 brings flare down to where calm would reach; the flare rule is
// read first, so calm is returned as at most flare − 1: the three never
// overlap, and screens show the numbers the rules really use.
func Thresholds(r Rules, b int) (flare, stop, calm int) {
	b = min(max(b, 0), 10)
	flare = min(10, max(r.RegressPainAtLeast, b+r.RegressPainRise))
	stop = min(10, max(r.StopPainAtLeast, b+r.StopPainRise))
	calm = min(max(r.ProgressPainAtMost, b+r.ProgressPainRise), flare-1)
	return flare, stop, calm
}

// HighPainDay reports whether usual pain b is high enough
// (checkin.high_pain_at_least) for the check-in to offer an easier session
// or rest today.
func (r Rules) HighPainDay(b int) bool { return b >= r.CheckinHighPain }

// Decide applies the rules of DESIGN section 4, in order, to one session's
// performance on an exercise: safety, too hard, easy, otherwise stay.
func Decide(e *Exercise, s State, p Performance) Decision { return decide(e, s, p, true) }

// DecideQuiet is Decide without the reason: the same rung, streak and flags
// for a fraction of the cost, for replaying years of sessions whose
// reasons nobody reads.
func DecideQuiet(e *Exercise, s State, p Performance) Decision { return decide(e, s, p, false) }

func decide(e *Exercise, s State, p Performance, explain bool) Decision {
	d := Decision{From: s.Rung, To: s.Rung, quiet: !explain}
	flare, _, calm := Thresholds(e.Rules, p.Baseline)
	if p.Peak() >= flare {
		d.Flag = true
		why := ""
		if explain {
			why = painWhy(e.Rules, p)
		}
		return d.down(e, why, "talk to your therapist if it stays painful", "Your therapist will see this.")
	}
	if why, hard := tooHard(e.Rules, p.Sets); hard {
		return d.down(e, why, "talk to your therapist if this stays too hard", "")
	}
	if p.Easier {
		// An easier day says nothing about the rung itself: the streak
		// neither grows nor restarts.
		d.Streak = s.Streak
		return d.explain(func() string {
			return fmt.Sprintf("An easier day today: back to %s next time for %s.", RungText(e, s.Rung), sentenceName(e.Name))
		})
	}
	if easy, scoreLow := isEasy(e, p, calm); easy && !scoreLow {
		return d.easy(e, s, p)
	} else if !explain {
		return d
	} else if name := sentenceName(e.Name); easy && p.Score == nil {
		d.Reason = fmt.Sprintf("No score was given: %s again for %s.", RungText(e, s.Rung), name)
	} else if easy {
		d.Reason = fmt.Sprintf("Easy, but the score was %d of %d: %s again for %s, to build accuracy.", *p.Score, e.Score.OutOf, RungText(e, s.Rung), name)
	} else {
		d.Reason = fmt.Sprintf("Good work: %s again for %s.", RungText(e, s.Rung), name)
	}
	return d
}

// painWhy says which pain threshold applied: the rise over the usual pain,
// or the pain itself.
func painWhy(r Rules, p Performance) string {
	b, pain := min(max(p.Baseline, 0), 10), p.Peak()
	during := ""
	if p.Flare > p.Pain {
		during = " during the exercise"
	}
	if p.HasBaseline && b+r.RegressPainRise > r.RegressPainAtLeast {
		return fmt.Sprintf("Pain rose from your usual %d to %d%s", b, pain, during)
	}
	if during != "" {
		return fmt.Sprintf("Pain reached %d out of 10 during the exercise", pain)
	}
	return fmt.Sprintf("Pain was %d out of 10", pain)
}

// tooHard is rule 2: a set short of its target, or effort at
// regress.effort_at_least.
func tooHard(r Rules, sets []SetResult) (string, bool) {
	short, hardest := false, 0
	for _, set := range sets {
		short = short || set.Achieved < set.Target
		hardest = max(hardest, set.Effort)
	}
	switch {
	case short:
		return "A set fell short of its target", true
	case hardest >= r.RegressEffortAtLeast:
		return "A set was too hard", true
	}
	return "", false
}

// isEasy is rule 3's test: sets done, every effort easy, pain calm; and,
// apart from that, whether a score that is asked for fell short.
func isEasy(e *Exercise, p Performance, calm int) (easy, scoreLow bool) {
	hardest := 0
	for _, set := range p.Sets {
		hardest = max(hardest, set.Effort)
	}
	easy = len(p.Sets) > 0 && hardest <= e.Rules.ProgressEffortAtMost && p.Peak() <= calm
	if e.Score != nil {
		scoreLow = p.Score == nil || *p.Score*100 < e.Rules.ProgressScoreAtLeast*e.Score.OutOf
	}
	return easy, scoreLow
}

// easy is rule 3's outcome: the streak grows; when it is long enough and
// the rung old enough, one rung up, unless a gate or the top is in the way.
func (d Decision) easy(e *Exercise, s State, p Performance) Decision {
	r := e.Rules
	name := ""
	if !d.quiet {
		name = sentenceName(e.Name)
	}
	d.Streak = min(s.Streak+1, r.SessionsToProgress)
	if d.Streak < r.SessionsToProgress {
		return d.explain(func() string {
			return fmt.Sprintf("An easy session (%d of %d in a row to move up): %s again for %s.",
				d.Streak, r.SessionsToProgress, RungText(e, s.Rung), name)
		})
	}
	up, ok := e.Ladder.Up(s.Rung)
	switch {
	case !ok:
		d.Streak = 0
		return d.explain(func() string {
			return fmt.Sprintf("%d easy sessions in a row at the top of the ladder for %s. Well done: your therapist can set new goals.",
				r.SessionsToProgress, name)
		})
	case e.AtGate(s.Rung):
		d.Streak, d.Ready = 0, true
		return d.explain(func() string {
			return fmt.Sprintf("Ready for the next level: ask your therapist. Until then, %s again for %s.", RungText(e, s.Rung), name)
		})
	}
	if days := DaysOnRung(s.Since, p.At); days < r.ProgressMinDays {
		// The streak stays full: the first easy session once the days
		// have passed moves up.
		return d.explain(func() string {
			return fmt.Sprintf("Easy again: %s stays at %s a little longer, as each step is held for at least %s (%s to go).",
				name, RungText(e, s.Rung), count(r.ProgressMinDays, "day", "days"), count(r.ProgressMinDays-days, "day", "days"))
		})
	}
	d.Streak = 0
	d.To, d.Move = up, Up
	return d.explain(func() string {
		return fmt.Sprintf("%d easy sessions in a row: up to %s for %s.", r.SessionsToProgress, RungText(e, up), name)
	})
}

// explain sets the reason, unless the decision is quiet.
func (d Decision) explain(reason func() string) Decision {
	if !d.quiet {
		d.Reason = reason()
	}
	return d
}

// AtGate reports whether r is the last rung below the exercise's gate: the
// next rung up is at the gated level, which only a therapist may open.
func (e *Exercise) AtGate(r Rung) bool {
	g := e.Progression.Gate
	if g == 0 || r.Level >= g {
		return false
	}
	up, ok := e.Ladder.Up(r)
	return ok && up.Level >= g
}

// DaysOnRung counts calendar days from since (when the exercise came to
// its rung) to at, by date in at's time zone: a rung begun on Monday has
// been held 7 days on the next Monday, whatever the hours. Zero times
// count as the same day.
func DaysOnRung(since, at time.Time) int {
	if since.IsZero() || at.IsZero() {
		return 0
	}
	y1, m1, d1 := since.In(at.Location()).Date()
	y2, m2, d2 := at.Date()
	a := time.Date(y1, m1, d1, 0, 0, 0, 0, time.UTC)
	b := time.Date(y2, m2, d2, 0, 0, 0, 0, time.UTC)
	return int(b.Sub(a) / (24 * time.Hour))
}

// down moves one rung down, or says the patient is at the easiest step.
func (d Decision) down(e *Exercise, why, atBottom, tail string) Decision {
	d.Streak = 0
	to, ok := e.Ladder.Down(d.From)
	if ok {
		d.To, d.Move = to, Down
	}
	if d.quiet {
		return d
	}
	name := sentenceName(e.Name)
	if !ok {
		d.Reason = fmt.Sprintf("%s, and this is already the easiest step for %s: %s.", why, name, atBottom)
	} else {
		d.Reason = fmt.Sprintf("%s: down to %s for %s.", why, RungText(e, to), name)
	}
	if tail != "" {
		d.Reason += " " + tail
	}
	return d
}

// NotSettled is the pain-monitoring model's next-morning rule: pain stirred
// up by the last session had not settled, so the exercise steps down.
func NotSettled(e *Exercise, s State) Decision {
	d := Decision{From: s.Rung, To: s.Rung, Flag: true}
	return d.down(e, "Pain from the last session had not settled by the next morning",
		"talk to your therapist", "Your therapist will see this.")
}

// Adjusted is a therapist's placement of the patient on a rung.
func Adjusted(e *Exercise, s State, to Rung) Decision {
	move := Stay
	i, _ := e.Ladder.Index(to)
	j, _ := e.Ladder.Index(s.Rung)
	if i > j {
		move = Up
	} else if i < j {
		move = Down
	}
	return Decision{From: s.Rung, To: to, Move: move, Reason: fmt.Sprintf("Your therapist set %s to %s.", sentenceName(e.Name), RungText(e, to))}
}

// Ease is the in-session rule: a set rated too hard, or pain at the flare
// threshold for the session's usual pain b, eases the remaining sets of the
// exercise by one rung at once.
func Ease(e *Exercise, current Rung, effort, pain, b int) (Rung, bool) {
	flare, _, _ := Thresholds(e.Rules, b)
	if effort >= e.Rules.RegressEffortAtLeast || pain >= flare {
		return e.Ladder.Down(current)
	}
	return current, false
}

// MustStop is the stop rule: pain at the stop threshold for the session's
// usual pain b ends the exercise.
func MustStop(e *Exercise, pain, b int) bool {
	_, stop, _ := Thresholds(e.Rules, b)
	return pain >= stop
}

// Seconds writes a number of seconds the way people say it.
func Seconds(n int) string {
	switch {
	case n < 60:
		return fmt.Sprintf("%d s", n)
	case n%60 == 0:
		return fmt.Sprintf("%d min", n/60)
	}
	return fmt.Sprintf("%d min %d s", n/60, n%60)
}

// sentenceName lowercases a name's first letter for use inside a sentence
// ("Heel raises" → "heel raises"), but leaves a first word with other
// capitals or digits alone ("E2E hold", "ADA walk").
func sentenceName(name string) string {
	first, _, _ := strings.Cut(name, " ")
	for i, r := range first {
		if i > 0 && !unicode.IsLower(r) && unicode.IsLetter(r) || unicode.IsDigit(r) {
			return name
		}
	}
	r, size := utf8.DecodeRuneInString(name)
	if size == 0 {
		return name
	}
	return string(unicode.ToLower(r)) + name[size:]
}
