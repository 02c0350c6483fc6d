package profile

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func init() { now = func() time.Time { return time.Date(2026, 3, 5, 12, 0, 0, 0, time.UTC) } }

func yes() *bool { b := true; return &b }

const full = `# my profile
name: Ada Example
born: 1950
sex: F
clinician: "Dr Lee: foot clinic"
insulin: yes
units: mmol/l
`

func TestParseFull(t *testing.T) {
	p, errs := Parse("profile.yaml", []byte(full))
	if len(errs) > 0 {
		t.Fatal(Errors(errs))
	}
	want := &Profile{Name: "Ada Example", Born: 1950, Sex: "F", Clinician: "Dr Lee: foot clinic", Insulin: yes(), Units: MmolPerL}
	if !reflect.DeepEqual(p, want) {
		t.Fatalf("got %+v, want %+v", p, want)
	}
	if !p.UsesInsulin() {
		t.Error("insulin: yes not read")
	}
	if a, ok := p.Age(now()); !ok || a != 76 {
		t.Errorf("age %d %v", a, ok)
	}
	// What Marshal writes, Parse reads back the same.
	q, errs := Parse("again", p.Marshal())
	if len(errs) > 0 || !reflect.DeepEqual(q, p) {
		t.Fatalf("round trip: %+v %v\n%s", q, Errors(errs), p.Marshal())
	}
}

func TestParseLenientWhereUnambiguous(t *testing.T) {
	p, errs := Parse("p", []byte("sex: m\nunits: mg/dL\ninsulin: \"no\"\nborn: \"1960\"\n"))
	if len(errs) > 0 {
		t.Fatal(Errors(errs))
	}
	if p.Sex != "M" || p.Units != MgPerDL || p.Insulin == nil || *p.Insulin || p.Born != 1960 || p.UsesInsulin() {
		t.Fatalf("%+v", p)
	}
	for _, empty := range []string{"", "# only a comment\n", "name:\n"} {
		p, errs := Parse("p", []byte(empty))
		if len(errs) > 0 || !reflect.DeepEqual(p, &Profile{}) {
			t.Errorf("%q: %+v %v", empty, p, Errors(errs))
		}
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, yaml string
		want       []string
	}{
		{"a near miss", "nmae: Ada\n", []string{`p.yaml:1:1: nmae: unknown field "nmae"; did you mean "name"?`}},
		{"no near miss", "height: 170\n", []string{`p.yaml:1:1: height: unknown field "height"; valid fields: name, born, sex, clinician, insulin, units`}},
		{"year too early", "born: 1899\n", []string{`p.yaml:1:7: born: "1899" is not a year of birth; use a year from 1900 to 2026, such as 1950`}},
		{"year in the future", "born: 2027\n", []string{`p.yaml:1:7: born: "2027" is not a year of birth; use a year from 1900 to 2026, such as 1950`}},
		{"year as words", "born: nineteen fifty\n", []string{`p.yaml:1:7: born: "nineteen fifty" is not a year of birth; use a year from 1900 to 2026, such as 1950`}},
		{"sex", "sex: X\n", []string{`p.yaml:1:6: sex: "X" is not one of F | M (used for the norms of the outcome measures)`}},
		{"insulin", "insulin: sometimes\n", []string{`p.yaml:1:10: insulin: "sometimes" is not yes or no (yes: insulin or a sulfonylurea, which can lower blood sugar during exercise)`}},
		{"units", "units: mmol\n", []string{`p.yaml:1:8: units: "mmol" is not one of mg/dl | mmol/l (the units of your blood sugar meter)`}},
		{"escape in a name", "name: \"Ada \\e[31m\"\n", []string{`p.yaml:1:7: name: "Ada \x1b[31m" holds a control or escape character; remove it`}},
		{"name too long", "name: " + strings.Repeat("a", 61) + "\n", []string{`p.yaml:1:7: name: is 61 characters long; keep it to 60`}},
		{"duplicate", "name: A\nname: B\n", []string{`p.yaml:2:1: name: duplicate key "name"; give each field once`}},
		{"a list", "name: [A, B]\n", []string{`p.yaml:1:7: name: expected a single value, found a list`}},
		{"not a mapping", "- Ada\n", []string{`p.yaml:1:1: expected the fields name, born, sex, clinician, insulin, units, found a list`}},
		{"bad yaml", "name: [\n", []string{`p.yaml:1:1: not valid YAML: did not find expected node content`}},
		{"alias", "name: &n Ada\nclinician: *n\n", []string{`p.yaml:2:12: clinician: aliases (*name) are not allowed; write the value out`}},
		{"bad utf-8", "name: caf\xe9\n", []string{`p.yaml:1:1: the file is not valid UTF-8 text; save it as UTF-8`}},
		{"two documents", "name: A\n---\nname: B\n", []string{`p.yaml:2:1: a second YAML document (after ---); a profile is one`}},
		{"every error of a file", "born: 1800\nsex: female\nunits: mg\n", []string{
			`p.yaml:1:7: born: "1800" is not a year of birth; use a year from 1900 to 2026, such as 1950`,
			`p.yaml:2:6: sex: "female" is not one of F | M (used for the norms of the outcome measures)`,
			`p.yaml:3:8: units: "mg" is not one of mg/dl | mmol/l (the units of your blood sugar meter)`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, errs := Parse("p.yaml", []byte(c.yaml))
			if p != nil {
				t.Errorf("a profile came back with the errors: %+v", p)
			}
			got := Errors(errs).Error()
			if got != strings.Join(c.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(c.want, "\n"))
			}
		})
	}
	// The years either side of the range are refused above; its ends load.
	for _, y := range []string{"1900", "1901", "2025", "2026"} {
		if _, errs := Parse("p", []byte("born: "+y+"\n")); len(errs) > 0 {
			t.Errorf("born %s: %v", y, Errors(errs))
		}
	}
}

func TestSet(t *testing.T) {
	p := &Profile{}
	for _, kv := range [][2]string{{"name", "Ada"}, {"born", "1950"}, {"sex", "f"}, {"clinician", "Dr Lee"}, {"insulin", "YES"}, {"units", "MG/DL"}} {
		if err := p.Set(kv[0], kv[1]); err != nil {
			t.Fatalf("Set(%s, %s): %v", kv[0], kv[1], err)
		}
	}
	want := &Profile{Name: "Ada", Born: 1950, Sex: "F", Clinician: "Dr Lee", Insulin: yes(), Units: MgPerDL}
	if !reflect.DeepEqual(p, want) {
		t.Fatalf("%+v", p)
	}
	before := *p
	for _, c := range []struct{ key, value, msg string }{
		{"born", "1899", `born: "1899" is not a year of birth; use a year from 1900 to 2026, such as 1950`},
		{"born", "2027", `born: "2027" is not a year of birth`},
		{"sex", "X", `sex: "X" is not one of F | M`},
		{"insulin", "maybe", `insulin: "maybe" is not yes or no`},
		{"units", "mmol", `units: "mmol" is not one of mg/dl | mmol/l`},
		{"name", "a\x07b", `name: "a\x07b" holds a control or escape character; remove it`},
		{"nmae", "Ada", `no profile field is called "nmae"; did you mean "name"?`},
		{"weight", "70", `no profile field is called "weight"; the fields are name, born, sex, clinician, insulin, units`},
	} {
		err := p.Set(c.key, c.value)
		if err == nil || !strings.HasPrefix(err.Error(), c.msg) {
			t.Errorf("Set(%s, %q) = %v, want %s", c.key, c.value, err, c.msg)
		}
		if !reflect.DeepEqual(*p, before) {
			t.Fatalf("a refused Set changed the profile: %+v", p)
		}
	}
	if err := p.Set("born", "1900"); err != nil || p.Born != 1900 {
		t.Errorf("born 1900: %v", err)
	}
	if err := p.Set("born", "2026"); err != nil || p.Born != 2026 {
		t.Errorf("born 2026: %v", err)
	}
	// An empty value clears the field.
	for _, k := range Keys {
		if err := p.Set(k, ""); err != nil || p.Get(k) != "" {
			t.Errorf("clearing %s: %v %q", k, err, p.Get(k))
		}
	}
	if !reflect.DeepEqual(p, &Profile{}) {
		t.Errorf("not cleared: %+v", p)
	}
}

func TestLoadAndSave(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	// No file: an empty profile, and nothing created.
	p, err := Load(dir)
	if err != nil || !reflect.DeepEqual(p, &Profile{}) {
		t.Fatalf("missing: %+v %v", p, err)
	}
	want := &Profile{Name: "Ada Example", Born: 1950, Sex: "F", Clinician: "Dr Lee", Insulin: yes(), Units: MmolPerL}
	if err := Save(dir, want); err != nil {
		t.Fatal(err)
	}
	got, err := Load(dir)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("after Save: %+v %v", got, err)
	}
	fi, err := os.Stat(Path(dir))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v %v", fi.Mode(), err)
	}
	// Saving again replaces the whole file and leaves no temporary behind.
	want.Name, want.Insulin = "Ada", nil
	if err := Save(dir, want); err != nil {
		t.Fatal(err)
	}
	if got, err := Load(dir); err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("after the second Save: %+v %v", got, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != FileName {
		t.Fatalf("left in the data directory: %v", entries)
	}
	// A hand-edited file with an error: every error, with its place.
	os.WriteFile(Path(dir), []byte("name: Ada\nborn: 1850\nsexe: F\n"), 0o600)
	_, err = Load(dir)
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != 2 || !strings.HasPrefix(errs[0].Error(), Path(dir)+":2:7: born:") ||
		!strings.Contains(errs[1].Error(), `did you mean "sex"?`) {
		t.Fatalf("load errors: %v", err)
	}
}

func TestLoadRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(Path(dir), 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "is not a regular file") {
		t.Fatalf("a folder: %v", err)
	}
	// Save refuses to replace it, and leaves nothing behind.
	if err := Save(dir, &Profile{Name: "A"}); err == nil {
		t.Fatal("saved over a folder")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("left behind: %v", entries)
	}
	big := t.TempDir()
	os.WriteFile(Path(big), []byte("name: A\n"+strings.Repeat("# padding\n", MaxFileSize/10+1)), 0o600)
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "over 64 KiB") {
		t.Fatalf("a huge file: %v", err)
	}
}
