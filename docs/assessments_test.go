package docs_test

import (
	"slices"
	"strings"
	"testing"
)

// assessBase is a valid file with one outcome measure of each kind; each
// case below changes one thing in it.
const assessBase = `title: Checks
assessments:
  - id: stands
    name: Stands
    kind: count
    duration: 30s
    unit: stands
    steps: [Stand up and sit down.]
    every: 4w
    norms:
      - {age: 60-64, sex: F, below: 12}
      - {age: 65+, sex: M, below: 11}
    source: A source
  - id: stages
    name: Stages
    kind: stages
    duration: 10s
    stages: [One, Two, Three]
    steps: [Hold each.]
    every: 28d
    norms:
      - {age: 65, below: 2}
`

func assessMutate(t *testing.T, old, new string) []byte {
	t.Helper()
	return mutateFrom(t, assessBase, change{old, new})
}

// The schema and the loader agree on outcome measures: both accept the
// good ones, and both refuse the structural mistakes, the schema at the
// place intended.
func TestSchemaAssessments(t *testing.T) {
	for name, data := range map[string][]byte{
		"base":       []byte(assessBase),
		"every 1d":   assessMutate(t, "every: 28d", "every: 1d"),
		"every 52w":  assessMutate(t, "every: 4w", "every: 52w"),
		"every 364d": assessMutate(t, "every: 28d", "every: 364d"),
		"no unit":    assessMutate(t, "    unit: stands\n", ""),
		"no norms":   assessMutate(t, "    norms:\n      - {age: 65, below: 2}\n", ""),
	} {
		if errs := load(data, "lib", "a.yaml"); errs != nil {
			t.Errorf("%s: the loader refuses it: %v", name, errs)
		}
		if errs := schemaErrors(t, data); errs != nil {
			t.Errorf("%s: the schema refuses it: %v", name, errs)
		}
	}
	for _, c := range []struct {
		name, old, new, loader, schemaAt string
	}{
		{"unknown field", "unit: stands", "units: stands", `assessments[0].units: unknown field`, "/assessments/0"},
		{"wrong kind", "kind: count", "kind: counts", `"counts" is not one of count | stages`, "/assessments/0/kind"},
		{"every 0d", "every: 28d", "every: 0d", `"0d" is out of range`, "/assessments/1/every"},
		{"every 365d", "every: 28d", "every: 365d", `"365d" is out of range`, "/assessments/1/every"},
		{"every 53w", "every: 4w", "every: 53w", `"53w" is out of range`, "/assessments/0/every"},
		{"every in words", "every: 4w", "every: monthly", `"monthly" is not a period`, "/assessments/0/every"},
		{"sex in words", "sex: F,", "sex: female,", `"female" is not one of F | M`, "/assessments/0/norms/0/sex"},
		{"below 0", "below: 12", "below: 0", `0 is out of range`, "/assessments/0/norms/0/below"},
		{"age in words", "age: 60-64", "age: sixty", `"sixty" is not an age band`, "/assessments/0/norms/0/age"},
		{"no below", "{age: 65, below: 2}", "{age: 65}", `below is required`, "/assessments/1/norms/0"},
		{"no duration", "    duration: 10s\n", "", `duration is required`, "/assessments/1"},
		{"stages without stages", "    stages: [One, Two, Three]\n", "", `kind stages needs stages`, "/assessments/1"},
		{"one stage", "[One, Two, Three]", "[One]", `a stages test has 2 to 10 stages`, "/assessments/1/stages"},
		{"stages on a count", "    unit: stands\n", "    stages: [A, B]\n", `stages apply only to kind stages`, "/assessments/0"},
		{"unit on stages", "    stages: [One", "    unit: holds\n    stages: [One", `unit applies only to kind count`, "/assessments/1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := assessMutate(t, c.old, c.new)
			lerrs := load(data, "lib", "a.yaml")
			if !strings.Contains(strings.Join(lerrs, "\n"), c.loader) {
				t.Errorf("the loader should say %q, said %q", c.loader, lerrs)
			}
			serrs := schemaErrors(t, data)
			if !slices.Contains(errorPlaces(serrs), c.schemaAt) {
				t.Errorf("the schema should refuse it at %s; it said %v", c.schemaAt, serrs)
			}
		})
	}
}
