package coach

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"limber/journal"
	"limber/journal/journaltest"
)

// A ten-year journal with one line in a hundred of garbage, absurd values
// and repeats gives the very plan, rungs, streaks, flags and sessions of
// the clean one, and a warning for every line it did not apply.
func TestTenYearsWithGarbageGiveTheSamePlan(t *testing.T) {
	const n = 87_600
	lib, rt := benchLibrary(t)
	cleanData := journaltest.History(n)
	lines := strings.SplitAfter(string(cleanData), "\n")
	lines = lines[:len(lines)-1]

	// What would change the plan if it were applied, dated near the end
	// of the journal where it would count most.
	last := `2025-12-30T08:00:00+01:00`
	future := `2099-01-05T08:00:00Z`
	absurd := []string{
		`{"v":1,"kind":"exercise_end","at":"` + last + `","session":"x","exercise":"wall-sit","pain":9999}`,
		`{"v":1,"kind":"exercise_end","at":"` + last + `","session":"x","exercise":"wall-sit","pain":-3}`,
		`{"v":1,"kind":"set","at":"` + last + `","session":"x","exercise":"wall-sit","set":1,"rung":{"sets":3,"level":1,"value":8},"target":8,"achieved":-50,"effort":2}`,
		`{"v":1,"kind":"set","at":"` + last + `","session":"x","exercise":"wall-sit","set":1,"rung":{"sets":3,"level":1,"value":8},"target":8,"achieved":8,"effort":99}`,
		`{"v":1,"kind":"adjust","at":"` + last + `","session":"a","exercise":"heel-raise","rung":{"sets":1000000,"level":9999,"value":8}}`,
		`{"v":1,"kind":"adjust","at":"` + last + `","session":"a","exercise":"heel-raise","rung":{"sets":3,"level":4,"value":8}}`,
		`{"v":1,"kind":"adjust","at":"` + last + `","session":"a","exercise":"clamshell","rung":{"sets":3,"level":1,"value":41}}`,
		`{"v":1,"kind":"teleport","at":"` + last + `","session":"x","exercise":"wall-sit"}`,
		`{"v":1,"kind":"exercise_end","at":"` + last + `","session":"x","exercise":"moon-walk","pain":0}`,
		`{"v":1,"kind":"session_start","at":"` + future + `","session":"f","routine":"knee-daily","baseline":0,"settled":false}`,
		`{"v":1,"kind":"exercise_end","at":"` + future + `","session":"f","exercise":"glute-bridge","pain":0}`,
		`{"v":1,"kind":"session_start","at":"1999-12-31T08:00:00Z","session":"p","routine":"knee-daily","settled":false}`,
		`{"v":1,"kind":"flare","at":"` + last + `","session":"x\u001b[2J","exercise":"step-down","side":"\u001b]52;c;aGk=\u0007","pain":11}`,
	}
	garbage := []string{`{"v":1,"kind":"set","at":"2020-0`, `not json at all`, `{}`, `[1,2,3]`, `{"v":7,"kind":"set"}`,
		"\x00\x01\x02", `{"v":1,"kind":"set","at":"2021-13-45T99:00:00Z","session":"s"}`}

	rng := rand.New(rand.NewPCG(11, 12))
	var b bytes.Buffer
	injected, repeats, unknown := 0, 0, 0
	var later []string
	for _, l := range lines {
		b.WriteString(l)
		switch r := rng.IntN(300); {
		case r == 0: // a third of the one in a hundred each
			// Each in a session of its own, so that none repeats another.
			injected++
			l := absurd[rng.IntN(len(absurd))]
			if strings.Contains(l, "moon-walk") {
				unknown++
			}
			b.WriteString(strings.Replace(l, `"session":"`, fmt.Sprintf(`"session":"%d`, injected), 1) + "\n")
		case r == 1:
			b.WriteString(garbage[rng.IntN(len(garbage))] + "\n")
			injected++
		case r == 2: // the line again, at once or much later
			if rng.IntN(2) == 0 {
				b.WriteString(l)
			} else {
				later = append(later, l)
			}
			repeats++
		}
	}
	// The repeats saved for later go at the end, as a copy of an old
	// file appended to a new one would leave them.
	for _, l := range later {
		b.WriteString(l)
	}
	if got := injected + repeats; got < n/100*9/10 || got > n/100*11/10 {
		t.Fatalf("%d lines injected, want about 1 %% of %d", got, n)
	}

	read := func(data []byte) (*Progress, []journal.Warning) {
		recs, warns, err := journal.ReadFrom(bytes.NewReader(data), "j")
		if err != nil {
			t.Fatal(err)
		}
		p := Replay(lib, recs)
		return p, append(warns, p.Warnings...)
	}
	clean, cleanWarns := read(cleanData)
	dirty, dirtyWarns := read(b.Bytes())
	if len(cleanWarns) != 0 {
		t.Fatalf("the clean journal gave warnings: %v", cleanWarns[:min(5, len(cleanWarns))])
	}
	// One warning a line, but for an exercise the library lacks, whose
	// records share one.
	if want := injected + repeats - max(unknown-1, 0); len(dirtyWarns) != want || unknown < 2 {
		t.Errorf("%d warnings for %d lines injected (%d of an unknown exercise) and %d repeated; want %d",
			len(dirtyWarns), injected, unknown, repeats, want)
	}
	if dirty.Duplicates != repeats {
		t.Errorf("%d repeats counted once, want %d", dirty.Duplicates, repeats)
	}
	if !reflect.DeepEqual(dirty.Plan(rt), clean.Plan(rt)) {
		t.Errorf("the plan differs:\n%+v\nclean:\n%+v", dirty.Plan(rt), clean.Plan(rt))
	}
	for _, ex := range journaltest.Exercises {
		a, _ := dirty.State(ex.Name)
		c, _ := clean.State(ex.Name)
		if a.State != c.State || a.Sessions != c.Sessions || a.Waiting != c.Waiting || len(a.Moves) != len(c.Moves) || a.Last.Reason != c.Last.Reason {
			t.Errorf("%s: %+v (%d sessions, %d moves), clean %+v (%d, %d)", ex.Name, a.State, a.Sessions, len(a.Moves), c.State, c.Sessions, len(c.Moves))
		}
	}
	if len(dirty.Sessions) != len(clean.Sessions) || !reflect.DeepEqual(dirty.Flags, clean.Flags) {
		t.Errorf("%d sessions and %d flags, clean %d and %d", len(dirty.Sessions), len(dirty.Flags), len(clean.Sessions), len(clean.Flags))
	}
}
