package exercises

import (
	"fmt"
	"strings"
	"testing"
)

// The invisible characters text may not hold, each with its neighbours,
// which it may.
var invisible = []struct {
	r   rune
	bad bool
}{
	{0x200a, false}, {0x200b, true}, {0x200c, true}, {0x200d, true}, {0x200e, true}, {0x200f, true}, {0x2010, false},
	{0x205f, false}, {0x2060, true}, {0x2061, false},
	{0x061b, false}, {0x061c, true}, {0x061d, false},
	{0x2027, false}, {0x2028, true}, {0x2029, true},
	{0x2029, true}, {0x202a, true}, {0x202e, true}, {0x202f, false},
	{0x2065, false}, {0x2066, true}, {0x2069, true}, {0x206a, false},
	{0xfefe, false}, {0xfeff, true}, {0xff00, false},
	{0xfff8, false}, {0xfff9, true}, {0xfffb, true}, {0xfffc, false},
	{0xdffff, false}, {0xe0000, true}, {0xe0041, true}, {0xe007f, true}, {0xe0080, false},
}

func TestInvisibleCharacters(t *testing.T) {
	for _, c := range invisible {
		if badRune(c.r) != c.bad {
			t.Errorf("U+%04X: bad %v, want %v", c.r, !c.bad, c.bad)
		}
		s := "heel" + string(c.r) + "raises"
		clean, esc := Clean(s, false), Escape(s)
		if c.bad {
			want := fmt.Sprintf(`heel\u%04xraises`, c.r)
			if c.r > 0xffff {
				want = fmt.Sprintf(`heel\U%08xraises`, c.r)
			}
			if clean != "heelraises" || esc != want {
				t.Errorf("U+%04X: Clean %q, Escape %q, want %q", c.r, clean, esc, want)
			}
		} else if clean != s || esc != s {
			t.Errorf("U+%04X: Clean %q, Escape %q, want it kept", c.r, clean, esc)
		}
	}
}

// Validation refuses them inside any text, at the text's place.
func TestValidationRefusesInvisibleCharacters(t *testing.T) {
	for _, c := range invisible {
		if !c.bad {
			continue
		}
		yaml := "category: rom\nexercises:\n  - id: ankle-circles\n    name: \"Ankle" + string(c.r) + " circles\"\n" +
			"    summary: Circle the ankle.\n    steps: [Circle.]\n    dose: {kind: reps, reps: 5}\n"
		_, errs := loadFiles(map[string]string{"a.yaml": yaml})
		all := strings.Join(errStrings(errs), "\n")
		if len(errs) != 1 || !strings.HasPrefix(all, "lib/a.yaml:4:11: exercises[0].name: ") || !strings.Contains(all, `\u`) && !strings.Contains(all, `\U`) {
			t.Errorf("U+%04X: %q", c.r, all)
		}
		if strings.ContainsRune(all, c.r) {
			t.Errorf("U+%04X reached the error message raw: %q", c.r, all)
		}
	}
}
