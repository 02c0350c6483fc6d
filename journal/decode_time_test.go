package journal

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
	_ "time/tzdata" // zones with clock changes, whatever the machine has
)

// TestDayCacheAgreesWithUnmarshalJSON reads timestamps written in several
// zones, by several local zones, through clock changes, in one cache (as a
// journal is read) and checks each against time.Time.UnmarshalJSON, down to
// the *Location.
func TestDayCacheAgreesWithUnmarshalJSON(t *testing.T) {
	saved := time.Local
	t.Cleanup(func() { time.Local = saved })
	rng := rand.New(rand.NewPCG(7, 7))
	for _, localName := range []string{"UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"} {
		local, err := time.LoadLocation(localName)
		if err != nil {
			t.Fatal(err)
		}
		time.Local = local
		writers := []*time.Location{time.Local, time.UTC, time.FixedZone("", 5*3600+1800), time.FixedZone("", -3*3600),
			time.FixedZone("", 0), local}
		// Every few minutes across the clock changes of these zones in
		// 2024, then random instants.
		var instants []time.Time
		for _, day := range []string{"2024-03-09", "2024-03-30", "2024-04-06", "2024-10-05", "2024-10-26", "2024-11-02"} {
			start, _ := time.Parse(time.DateOnly, day)
			for at := start; at.Before(start.AddDate(0, 0, 3)); at = at.Add(7*time.Minute + 13*time.Second) {
				instants = append(instants, at)
			}
		}
		for range 1000 {
			instants = append(instants, time.Unix(rng.Int64N(2_300_000_000), rng.Int64N(1e9)))
		}
		var c dayCache
		for i, at := range instants {
			at = at.Add(time.Duration(rng.IntN(3)) * time.Duration(rng.IntN(1e9))) // some fractions, some none
			quoted, err := at.In(writers[i%len(writers)]).MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			var want time.Time
			if err := want.UnmarshalJSON(quoted); err != nil {
				t.Fatal(err)
			}
			got, ok := c.parse(quoted[1 : len(quoted)-1])
			if !ok {
				t.Fatalf("Local %s: refused %s", localName, quoted)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("Local %s: %s read as %v (%v), want %v (%v)", localName, quoted, got, got.Location(), want, want.Location())
			}
		}
	}
}

func TestDayCacheRefusesWhatItDoesNotKnow(t *testing.T) {
	for _, s := range []string{
		"", "2025-03-01", "2025-03-01T07:00:00", "2025-03-01T07:00:00z", "2025-03-01t07:00:00Z",
		"2025-02-29T07:00:00Z", "2024-13-01T07:00:00Z", "2024-00-01T07:00:00Z", "2024-01-00T07:00:00Z",
		"2025-03-01T24:00:00Z", "2025-03-01T07:60:00Z", "2025-03-01T07:00:60Z",
		"2025-03-01T07:00:00.Z", "2025-03-01T07:00:00.1234567891Z", "2025-03-01T07:00:00,5Z",
		"2025-03-01T07:00:00+24:00", "2025-03-01T07:00:00+01:60", "2025-03-01T07:00:00+0100",
		"2025-03-01T07:00:00 +01:00", "+2025-03-01T07:00:00Z", "2025-3-01T07:00:00Z",
		"2025-03-01T07:00:00+01:00x", "2025-03-01T7:00:00Z", "2025-03-01T07:00:0aZ",
	} {
		var c dayCache
		if got, ok := c.parse([]byte(s)); ok {
			t.Errorf("parse(%q) = %v, want a refusal", s, got)
		}
	}
	// Refusals must not spoil the cache for the next good stamp.
	var c dayCache
	c.parse([]byte("2025-02-29T07:00:00Z"))
	c.parse([]byte("2025-03-01T24:00:00Z"))
	if got, ok := c.parse([]byte("2025-03-01T07:00:00Z")); !ok || !got.Equal(time.Date(2025, 3, 1, 7, 0, 0, 0, time.UTC)) {
		t.Errorf("after refusals: %v, %v", got, ok)
	}
}
