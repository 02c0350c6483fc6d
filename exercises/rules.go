package exercises

import (
	"fmt"
	"strings"

	"unicode"
	"unicode/utf8"
)

// State is where a patient stands on one exercise's ladder.
type State struct {
	Rung   Rung
	Streak int // easy sessions in a row at this rung
}

// SetResult is one finished set (or one side of a set).
type SetResult struct {
	Target   int // reps or seconds asked
	Achieved int // reps or seconds done
	Effort   int // 1 very easy … 5 too hard or could not finish
}

// Performance is one session's work on one exercise.
type Performance struct {
	Sets        []SetResult
	Pain        int  // 0–10, after the exercise
	Baseline    int  // 0–10, before the session
	HasBaseline bool // false where none was given (limber log allows it)
	Score       *int // where the exercise asks for one
}

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
	Flag     bool   // the therapist should see this
	Reason   string // in words a patient can read; empty from DecideQuiet
	quiet    bool
}

// Effort words, shown beside the keys 1–5.
var EffortWords = [6]string{"", "very easy", "easy", "just right", "hard", "too hard or could not finish"}

// Decide applies the rules of DESIGN section 4, in order, to one session's
// performance on an exercise: safety, too hard, easy, otherwise stay.
func Decide(e *Exercise, s State, p Performance) Decision { return decide(e, s, p, true) }

// DecideQuiet is Decide without the reason: the same rung, streak and flag
// for a fraction of the cost, for replaying years of sessions whose
// reasons nobody reads.
func DecideQuiet(e *Exercise, s State, p Performance) Decision { return decide(e, s, p, false) }

func decide(e *Exercise, s State, p Performance, explain bool) Decision {
	r := e.Rules
	d := Decision{From: s.Rung, To: s.Rung, quiet: !explain}
	var name string
	if explain {
		name = sentenceName(e.Name)
	}

	rise := p.HasBaseline && p.Pain-p.Baseline >= r.RegressPainRise
	if p.Pain >= r.RegressPainAtLeast || rise {
		var why string
		switch {
		case !explain:
		case rise && p.Pain < r.RegressPainAtLeast:
			why = fmt.Sprintf("Pain rose from %d to %d", p.Baseline, p.Pain)
		default:
			why = fmt.Sprintf("Pain was %d out of 10", p.Pain)
		}
		d.Flag = true
		return d.down(e, why, "talk to your therapist if it stays painful", "Your therapist will see this.")
	}

	short, hardest := false, 0
	for _, set := range p.Sets {
		short = short || set.Achieved < set.Target
		hardest = max(hardest, set.Effort)
	}
	if short || hardest >= r.RegressEffortAtLeast {
		why := "A set was too hard"
		if short {
			why = "A set fell short of its target"
		}
		return d.down(e, why, "talk to your therapist if this stays too hard", "")
	}

	easy := len(p.Sets) > 0 && hardest <= r.ProgressEffortAtMost && p.Pain <= r.ProgressPainAtMost
	scoreLow := false
	if e.Score != nil {
		scoreLow = p.Score == nil || *p.Score*100 < r.ProgressScoreAtLeast*e.Score.OutOf
	}
	if easy && !scoreLow {
		d.Streak = s.Streak + 1
		if d.Streak < r.SessionsToProgress {
			if d.quiet {
				return d
			}
			d.Reason = fmt.Sprintf("An easy session (%d of %d in a row to move up): %s again for %s.",
				d.Streak, r.SessionsToProgress, RungText(e, s.Rung), name)
			return d
		}
		d.Streak = 0
		up, ok := e.Ladder.Up(s.Rung)
		if !ok {
			if d.quiet {
				return d
			}
			d.Reason = fmt.Sprintf("%d easy sessions in a row at the top of the ladder for %s. Well done: your therapist can set new goals.",
				r.SessionsToProgress, name)
			return d
		}
		d.To, d.Move = up, Up
		if d.quiet {
			return d
		}
		d.Reason = fmt.Sprintf("%d easy sessions in a row: up to %s for %s.", r.SessionsToProgress, RungText(e, up), name)
		return d
	}
	if d.quiet {
		return d
	}
	switch {
	case easy && scoreLow && p.Score == nil:
		d.Reason = fmt.Sprintf("No score was given: %s again for %s.", RungText(e, s.Rung), name)
	case easy && scoreLow:
		d.Reason = fmt.Sprintf("Easy, but the score was %d of %d: %s again for %s, to build accuracy.", *p.Score, e.Score.OutOf, RungText(e, s.Rung), name)
	default:
		d.Reason = fmt.Sprintf("Good work: %s again for %s.", RungText(e, s.Rung), name)
	}
	return d
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

// Ease is the in-session rule: a set rated too hard, or pain at the regress
// threshold, eases the remaining sets of the exercise by one rung at once.
func Ease(e *Exercise, current Rung, effort, pain int) (Rung, bool) {
	if effort >= e.Rules.RegressEffortAtLeast || pain >= e.Rules.RegressPainAtLeast {
		return e.Ladder.Down(current)
	}
	return current, false
}

// MustStop is the stop rule: pain this high ends the exercise.
func MustStop(e *Exercise, pain int) bool { return pain >= e.Rules.StopPainAtLeast }

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
