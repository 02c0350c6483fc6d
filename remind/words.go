package remind

import (
	"fmt"
	"strings"
)

// PickUp is what a missed day says: never a reproach.
const PickUp = "that's fine: pick up today"

// Words says where the routine stands today and this week, in a few plain
// words: "not yet today", "1 of 3 this week", "done today ✓". A missed day
// or a week behind says PickUp, never how much was missed.
func (r Routine) Words() string {
	week := fmt.Sprintf("%d of %d this week", r.ThisWeek, r.PerWeek)
	switch {
	case r.Done && r.PerWeek >= 7:
		return "done today ✓"
	case r.Done:
		return "done today ✓, " + week
	case r.Started:
		return fmt.Sprintf("started: %d of %d done", r.Finished, r.Items)
	case r.PerWeek >= 7 && r.MissedYesterday:
		return PickUp
	case r.PerWeek >= 7:
		return "not yet today"
	case r.ThisWeek > r.PerWeek:
		return fmt.Sprintf("%d this week, %d planned ✓", r.ThisWeek, r.PerWeek)
	case r.ThisWeek == r.PerWeek:
		return week + " ✓"
	case r.Behind:
		return week + ", " + PickUp
	}
	return week
}

// Line is today in one line: each routine in use with its words, such as
// "Feet and ankles: not yet today · Balance: 1 of 3 this week".
func (t Today) Line() string {
	switch {
	case t.Advised:
		return "No exercise today, as the check-in advised."
	case t.Resting:
		return "A rest day today, as you chose at the check-in."
	}
	in := t.InUse()
	if len(in) == 0 {
		return "No routine in the last four weeks: run limber when you are ready."
	}
	parts := make([]string, len(in))
	for i, r := range in {
		parts[i] = r.Name + ": " + r.Words()
	}
	return strings.Join(parts, " · ")
}

// Short is today for a shell prompt, in under 30 characters: "limber: 2
// to do", "limber: done ✓".
func (t Today) Short() string {
	switch {
	case t.Advised:
		return "limber: no exercise today"
	case t.Resting:
		return "limber: rest day"
	case len(t.InUse()) == 0:
		return "limber: ready when you are"
	}
	if n := len(t.ToDo()); n > 0 {
		return fmt.Sprintf("limber: %d to do", n)
	}
	return "limber: done ✓"
}

// ShortReminder is Short once a reminder went off with no desktop to show
// it: the next prompt says so, once.
func (t Today) ShortReminder() string {
	if !t.Remind() {
		return t.Short()
	}
	if n := len(t.ToDo()); n > 0 {
		return fmt.Sprintf("limber: reminder, %d to do", n)
	}
	return "limber: reminder, when ready"
}

// Notice is the desktop notification's title and body.
func (t Today) Notice() (title, body string) {
	title = "limber: time for your exercises"
	if len(t.InUse()) == 0 {
		return title, "Your routine is ready when you are. Run limber in a terminal to start."
	}
	var parts []string
	for _, r := range t.ToDo() {
		parts = append(parts, r.Name+": "+r.Words())
	}
	return title, strings.Join(parts, " · ") + ". Run limber in a terminal when you are ready."
}
