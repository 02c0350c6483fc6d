package exercises

import (
	"testing"
	"time"
)

func TestDoseTextWords(t *testing.T) {
	sec := time.Second
	for _, c := range []struct {
		d    Dose
		want string
	}{
		{Dose{Kind: Reps, Sets: 2, Reps: 10, Rest: 30 * sec, Sides: 2}, "2 sets of 10 reps, each side, rest 30 s"},
		{Dose{Kind: Reps, Sets: 1, Reps: 8, Rest: 45 * sec, Sides: 1}, "1 set of 8 reps"},
		{Dose{Kind: Hold, Sets: 3, Hold: 15 * sec, Rest: 30 * sec, Sides: 1}, "3 holds of 15 s, rest 30 s"},
		{Dose{Kind: Hold, Sets: 1, Hold: 90 * sec, Sides: 1}, "1 hold of 1 min 30 s"},
		{Dose{Kind: Timed, Sets: 1, Duration: 60 * sec, Rest: 20 * sec, Sides: 2}, "1 set of 1 min, each side, rest 20 s"},
		{Dose{Kind: Reps, Sets: 1, Reps: 10, Sides: 1, Tempo: &Tempo{Up: 2 * sec, Hold: 1 * sec, Down: 2 * sec}},
			"1 set of 10 reps (each rep: up 2 s, hold 1 s, down 2 s)"},
		{Dose{Kind: Reps, Sets: 1, Reps: 10, Sides: 1, Tempo: &Tempo{Up: 1 * sec, Down: 1 * sec}},
			"1 set of 10 reps (each rep: up 1 s, down 1 s)"},
	} {
		if got := DoseText(c.d, DoseWords); got != c.want {
			t.Errorf("DoseText(%+v, DoseWords) = %q, want %q", c.d, got, c.want)
		}
	}
}

func TestDoseTextShortAndCard(t *testing.T) {
	sec := time.Second
	for _, c := range []struct {
		d           Dose
		short, card string
	}{
		{Dose{Kind: Reps, Sets: 1, Reps: 10, Rest: 30 * sec, Sides: 1}, "1 × 10 reps", "1 × 10 reps"},
		{Dose{Kind: Reps, Sets: 2, Reps: 10, Rest: 30 * sec, Sides: 1}, "2 × 10 reps", "2 × 10 reps, rest 30 s"},
		{Dose{Kind: Hold, Sets: 2, Hold: 15 * sec, Rest: 20 * sec, Sides: 2}, "2 × 15 s hold each side", "2 × 15 s hold each side, rest 20 s"},
		{Dose{Kind: Hold, Sets: 1, Hold: 15 * sec, Rest: 20 * sec, Sides: 2}, "1 × 15 s hold each side", "1 × 15 s hold each side, rest 20 s"},
		{Dose{Kind: Timed, Sets: 1, Duration: 120 * sec, Sides: 1}, "1 × 2 min", "1 × 2 min"},
	} {
		if got := DoseText(c.d, DoseShort); got != c.short {
			t.Errorf("short %+v = %q, want %q", c.d, got, c.short)
		}
		if got := DoseText(c.d, DoseCard); got != c.card {
			t.Errorf("card %+v = %q, want %q", c.d, got, c.card)
		}
	}
}

func TestRungTextHasLevelAndUnit(t *testing.T) {
	e := &Exercise{Name: "Tandem", Levels: []string{"Two hands", "One hand"},
		Dose: Dose{Kind: Hold, Sets: 2, Level: 1, Hold: 10 * time.Second, Sides: 2}}
	if got := RungText(e, Rung{Sets: 3, Level: 2, Value: 20}); got != "level 2 (One hand), 3 × 20 s hold each side" {
		t.Errorf("got %q", got)
	}
	e = &Exercise{Name: "Lift", Dose: Dose{Kind: Reps, Sets: 1, Level: 1, Reps: 8, Sides: 1}}
	if got := RungText(e, Rung{Sets: 1, Level: 1, Value: 9}); got != "1 × 9 reps" {
		t.Errorf("got %q", got)
	}
}
