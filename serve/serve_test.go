package serve

import (
	"path/filepath"
	"testing"

	"limber/journal"
)

func TestPatientFinishesARoutine(t *testing.T) {
	data := t.TempDir()
	ann := newPerson(t, "Ann Lee", Patient)
	ts := startServer(t, data, nil, ann)
	a := ts.connect(ann, 80, 24, "")
	a.doRoutine(true)
	recs := readJournal(t, data, "ann-lee")
	if got, want := kinds(recs), "session_start,set,exercise_end,set,exercise_end,session_end(finished)"; got != want {
		t.Fatalf("journal: %s, want %s", got, want)
	}
	if recs[1].Exercise != "sv-hold" || recs[3].Exercise != "sv-reps" || recs[3].Achieved != 2 {
		t.Fatalf("sets: %+v %+v", recs[1], recs[3])
	}
	// Nothing of the patient's is kept outside their folder.
	if recs, _, _ := journal.Read(filepath.Join(data, journal.FileName)); len(recs) > 0 {
		t.Fatalf("a journal in the data directory itself: %d records", len(recs))
	}
}
