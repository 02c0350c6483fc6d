package journal

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// An assessment record goes to the file with its own keys and comes back
// whole, through whichever decoder reads it; the records around it are not
// disturbed.
func TestAssessmentRecordRoundTrip(t *testing.T) {
	j, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	pain := 2
	recs := []Record{
		{Kind: KindExerciseEnd, At: at, Session: "s1", Exercise: "heel-raises", Pain: &pain},
		{Kind: KindAssessment, At: at, Session: "a1", Assessed: &Assessed{Test: "chair-stand-30s", Result: 0, Age: 72, Sex: "F"}},
		{Kind: KindAssessment, At: at.Add(time.Hour), Session: "a2", Assessed: &Assessed{Test: "balance-4-stage", Result: 3}},
		{Kind: KindSessionEnd, At: at, Session: "s1", Outcome: "finished"},
	}
	if err := j.Append(recs...); err != nil {
		t.Fatal(err)
	}
	got, warns, err := Read(j.Path())
	if err != nil || len(warns) > 0 || len(got) != 4 {
		t.Fatalf("read %d records, %v, %v", len(got), warns, err)
	}
	a := got[1].Assessed
	if got[1].Kind != KindAssessment || a == nil || *a != (Assessed{Test: "chair-stand-30s", Result: 0, Age: 72, Sex: "F"}) {
		t.Errorf("first assessment read back as %+v %+v", got[1], a)
	}
	if b := got[2].Assessed; b == nil || *b != (Assessed{Test: "balance-4-stage", Result: 3}) {
		t.Errorf("second assessment read back as %+v", b)
	}
	if got[0].Assessed != nil || got[3].Assessed != nil || got[0].Pain == nil || *got[0].Pain != 2 {
		t.Errorf("other records changed: %+v %+v", got[0], got[3])
	}
	// A result of 0 (arms used in the chair stand) is written, not left out.
	var line bytes.Buffer
	if err := encodeRecord(&line, &recs[1]); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"kind":"assessment"`, `"test":"chair-stand-30s"`, `"result":0`, `"age":72`, `"sex":"F"`} {
		if !strings.Contains(line.String(), want) {
			t.Errorf("the line %s lacks %s", line.String(), want)
		}
	}
}
