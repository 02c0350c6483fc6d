package coach

import (
	"bytes"
	"strings"
	"testing"

	"limber/journal"
	"limber/journal/journaltest"
)

// FuzzReplay reads any bytes as a journal and replays them: whatever the
// file holds, the replay must not panic, every exercise must stand on its
// ladder, and no word from the file may reach the Progress with a control
// or escape character in it.
func FuzzReplay(f *testing.F) {
	for _, l := range strings.SplitAfter(string(journaltest.History(120)), "\n") {
		f.Add([]byte(l))
	}
	f.Add(journaltest.History(400))
	f.Add([]byte(`{"v":1,"kind":"adjust","at":"2026-01-05T09:00:00Z","session":"a","exercise":"heel-raises","rung":{"sets":1000000,"level":9999,"value":8}}` + "\n" +
		`{"v":1,"kind":"exercise_end","at":"2026-01-05T09:00:00Z","session":"s\u001b[2J","exercise":"heel-raises","pain":9999}` + "\n" +
		`{"v":1,"kind":"flare","at":"2026-01-05T09:00:00Z","session":"s","exercise":"heel-raises","side":"\u001b]52;c;aGk=\u0007","pain":9}`))
	lib := testLibrary(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, _, err := journal.ReadFrom(bytes.NewReader(data), "f")
		if err != nil {
			t.Fatal(err)
		}
		p := Replay(lib, recs)
		for _, e := range lib.Exercises() {
			if st, ok := p.State(e.ID); ok && !e.Ladder.Contains(st.Rung) {
				t.Fatalf("%s stands off its ladder at %v", e.ID, st.Rung)
			}
		}
		var words []string
		for _, s := range p.Sessions {
			words = append(words, s.ID, s.Routine, s.Unit, s.Today, s.Resumes, s.Outcome)
			words = append(words, s.RedFlags...)
			words = append(words, s.Exercises...)
		}
		for _, fl := range p.Flags {
			words = append(words, fl.Session, fl.Exercise, fl.Reason)
		}
		for id := range p.Unknown {
			words = append(words, id, p.ExerciseName(id))
		}
		for _, w := range p.Warnings {
			words = append(words, w.Msg)
		}
		for _, w := range words {
			if rawControl(w) {
				t.Fatalf("%q reached the Progress raw", w)
			}
		}
	})
}
