package report

import (
	"testing"
	"time"

	"limber/coach"
	"limber/exercises"
	"limber/profile"
)

func TestReadingWords(t *testing.T) {
	lib, _, _ := fixture(t)
	cs, _ := lib.Assessment("chair-stand-30s")
	bs, _ := lib.Assessment("balance-4-stage")
	for _, c := range []struct {
		a       *exercises.Assessment
		result  int
		age     int
		sex     string
		want    string
		below   bool
		unknown bool
	}{
		{cs, 9, 72, "F", "Below the usual range for women 70-74 (10 stands or more): talk to your therapist about fall risk.", true, false},
		{cs, 10, 72, "F", "In the usual range for women 70-74 (10 stands or more).", false, false},
		{cs, 11, 72, "F", "In the usual range for women 70-74 (10 stands or more).", false, false},
		{cs, 11, 72, "M", "Below the usual range for men 70-74 (12 stands or more): talk to your therapist about fall risk.", true, false},
		{cs, 1, 60, "M", "Below the usual range for men 60-64 (14 stands or more): talk to your therapist about fall risk.", true, false},
		{cs, 9, 0, "F", "No comparison yet: " + ProfileHint + ".", false, true},
		{cs, 9, 72, "", "No comparison yet: " + ProfileHint + ".", false, true},
		{cs, 9, 58, "F", "The source gives no usual range for age 58.", false, false},
		{bs, 2, 65, "", "Below the usual range for adults 65 and over (stage 3 or more held): talk to your therapist about fall risk.", true, false},
		{bs, 3, 80, "M", "In the usual range for adults 65 and over (stage 3 or more held).", false, false},
		{bs, 2, 64, "F", "The source gives no usual range for age 64.", false, false},
	} {
		rd := Read(c.a, c.result, c.age, c.sex)
		if got := rd.Words(c.a); got != c.want || rd.Below != c.below || rd.Unknown != c.unknown {
			t.Errorf("%s %d at %d %q: %q below %v unknown %v, want %q %v %v", c.a.ID, c.result, c.age, c.sex, got, rd.Below, rd.Unknown, c.want, c.below, c.unknown)
		}
	}
	// A recorded age and sex come first; the profile fills what is missing,
	// with the age reached in the result's year.
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	prof := &profile.Profile{Born: 1960, Sex: "M"}
	if rd := ReadResult(cs, coach.Result{At: at, Result: 11, Age: 72, Sex: "F"}, prof); !rd.HasNorm || rd.Norm.Group() != "women 70-74" {
		t.Errorf("recorded age and sex: %+v", rd)
	}
	if rd := ReadResult(cs, coach.Result{At: at, Result: 12}, prof); !rd.HasNorm || rd.Norm.Group() != "men 65-69" || rd.Below || rd.Age != 66 {
		t.Errorf("profile's age and sex: %+v", rd)
	}
	if rd := ReadResult(cs, coach.Result{At: at, Result: 11}, nil); !rd.Unknown {
		t.Errorf("no profile: %+v", rd)
	}
}
