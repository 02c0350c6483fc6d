package exercises

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"limber/content"
)

// slowParse is the reference: yaml.v3's own tree, as parseFile decodes it.
// A panic inside yaml.v3 counts as an error.
func slowParse(data []byte) (doc *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("yaml.v3 panicked: %v", r)
		}
	}()
	var n yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&n); err != nil {
		return nil, err
	}
	return &n, nil
}

// nodeDiff describes the first difference between two trees, or returns "".
// It compares every field a tree's reader can see except the comments.
func nodeDiff(path string, got, want *yaml.Node) string {
	if got == nil || want == nil {
		if got != want {
			return fmt.Sprintf("%s: got %v, want %v", path, got, want)
		}
		return ""
	}
	at := fmt.Sprintf("%s (%d:%d %q)", path, want.Line, want.Column, want.Value)
	switch {
	case got.Kind != want.Kind:
		return fmt.Sprintf("%s: Kind %v, want %v", at, got.Kind, want.Kind)
	case got.Tag != want.Tag:
		return fmt.Sprintf("%s: Tag %q, want %q", at, got.Tag, want.Tag)
	case got.ShortTag() != want.ShortTag():
		return fmt.Sprintf("%s: ShortTag %q, want %q", at, got.ShortTag(), want.ShortTag())
	case got.Style != want.Style:
		return fmt.Sprintf("%s: Style %v, want %v", at, got.Style, want.Style)
	case got.Value != want.Value:
		return fmt.Sprintf("%s: Value %q, want %q", at, got.Value, want.Value)
	case got.Line != want.Line || got.Column != want.Column:
		return fmt.Sprintf("%s: at %d:%d, want %d:%d", at, got.Line, got.Column, want.Line, want.Column)
	case got.Anchor != want.Anchor || got.Alias != want.Alias:
		return fmt.Sprintf("%s: anchor or alias differs", at)
	case len(got.Content) != len(want.Content):
		return fmt.Sprintf("%s: %d children, want %d", at, len(got.Content), len(want.Content))
	case (got.Content == nil) != (want.Content == nil):
		return fmt.Sprintf("%s: Content nil %v, want nil %v", at, got.Content == nil, want.Content == nil)
	}
	for i := range got.Content {
		if d := nodeDiff(fmt.Sprintf("%s/%d", path, i), got.Content[i], want.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

// checkFast asserts the property fastParse promises: it refuses data, or
// builds exactly yaml.v3's tree. It reports whether fastParse took it.
func checkFast(t *testing.T, data []byte) bool {
	t.Helper()
	got, ok := fastParse(data)
	want, err := slowParse(data)
	if !ok {
		if got != nil {
			t.Errorf("fastParse(%q) refused but returned a tree", data)
		}
		return false
	}
	if err != nil {
		t.Errorf("fastParse(%q) accepted what yaml.v3 rejects: %v", data, err)
		return true
	}
	if d := nodeDiff("doc", got, want); d != "" {
		t.Errorf("fastParse(%q) differs from yaml.v3: %s", data, d)
	}
	return true
}

func contentFiles(t testing.TB) map[string][]byte {
	names, err := fs.Glob(content.FS, "*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no content files: %v", err)
	}
	files := map[string][]byte{}
	for _, n := range names {
		data, err := fs.ReadFile(content.FS, n)
		if err != nil {
			t.Fatal(err)
		}
		files[n] = data
	}
	return files
}

// The built-in content must take the fast path, or the optimisation is
// silently off.
func TestFastParseContent(t *testing.T) {
	for name, data := range contentFiles(t) {
		if !checkFast(t, data) {
			t.Errorf("%s does not take the fast path", name)
		}
	}
}

// genLibraryFile is one file of the benchmark's generated library
// (load_bench_test.go): exercises from..to-1 and a routine.
func genLibraryFile(from, to int) []byte {
	var b strings.Builder
	b.WriteString("title: Generated\ncategory: balance\nexercises:\n")
	for i := from; i < to; i++ {
		fmt.Fprintf(&b, `  - id: exercise-%d
    name: Exercise number %d
    summary: A generated exercise to measure the loader.
    position: standing
    areas: [ankles, feet]
    equipment: [kitchen counter, chair]
    safety:
      - Stand at a counter with a chair behind you.
    steps:
      - Stand facing the counter, hands resting on it.
      - Put one foot directly in front of the other.
      - Hold, then switch which foot is in front.
    cues: [Look ahead, Breathe]
    dose: {kind: hold, sets: 3, hold: 10s, rest: 30s, sides: both}
    levels: [Two hands, One hand, Fingertips, No hands, Eyes closed]
    progression:
      hold: {min: 10s, max: 30s, step: 5s}
      sets: {max: 4}
    source: ADA 2016 position statement, table 3
`, i, i)
	}
	fmt.Fprintf(&b, "routines:\n  - id: routine-%d\n    name: Routine %d\n    frequency: 3x/week\n    exercises: [exercise-%d, exercise-%d]\n", from/100, from/100, from, from+1)
	return []byte(b.String())
}

func TestFastParseGenerated(t *testing.T) {
	for _, r := range [][2]int{{0, 100}, {4900, 5000}, {0, 1}} {
		data := genLibraryFile(r[0], r[1])
		if !checkFast(t, data) {
			t.Errorf("generated library %v does not take the fast path", r)
		}
	}
}

// Whether a snippet must take the fast path, must not, or may do either.
const (
	mayFall = iota
	mustFast
	mustFall
)

var fastSnippets = []struct {
	name, data string
	want       int
}{
	// The subset.
	{"map", "a: 1\nb: two\n", mustFast},
	{"no final newline", "a: 1\nb: two", mustFast},
	{"comments and blanks", "# head\n\na: 1 # line\n\n  # indented\n# col 0\nb: 2\n", mustFast},
	{"comment-only lines inside blocks", "a:\n  b: 1\n# out\n      # deep\n  c: 2\n", mustFast},
	{"empty value", "a:\nb:   \nc: # comment\n", mustFast},
	{"empty value at eof", "a: 1\nb:", mustFast},
	{"nested map", "a:\n  b:\n    c: 1\n  d: 2\ne: 3\n", mustFast},
	{"indentless sequence", "a:\n- x\n- y\nb: 1\n", mustFast},
	{"indented sequence", "a:\n  - x\n  - y\nb: 1\n", mustFast},
	{"mapping in sequence", "a:\n  - id: x\n    n: 1\n  - id: y\n", mustFast},
	{"mapping in indentless sequence", "a:\n- b: 1\n  c: 2\n- d: 3\ne: 4\n", mustFast},
	{"wide dash", "-   a: 1\n    b: 2\n-    c\n", mustFast},
	{"empty entries", "- \n-\n- x\n-  # c\n", mustFast},
	{"empty indentless entry then key", "a:\n-\nb: 1\n", mustFast},
	{"entry on the next line", "-\n  a: 1\n-\n  - x\n", mustFast},
	{"sequence under map item key", "- a:\n  - x\n  - y\n  b: 1\n", mustFast},
	{"top-level sequence", "- a\n- b: 1\n", mustFast},
	{"indented top level", "  a: 1\n  b:\n  - x\n", mustFast},
	{"flow", "a: {id: x, dose: {sets: 1, reps: 10}}\nb: [a, b, \"c d\"]\nc: []\nd: {}\ne: [ ]\nf: [[1], {a: [b]}]\n", mustFast},
	{"flow spacing", "a: [a,b ,  c]\nb: {x: 1,y: 2 }\nc: {k : v}\n", mustFast},
	{"flow plain with colon", "a: [http://x.y/z, a:b]\nb: {a:b: c}\n", mustFast},
	{"flow negative", "a: [-5, -x, -.5]\n", mustFast},
	{"plain with hash", "a: x#y\nb: c# d\nc: 'q' # c\n", mustFast},
	{"plain with colon", "a: http://x.y:80/z\nb: 10:30\nc: a:b:c\nd: x:\"y\"\n", mustFast},
	{"plain with indicators inside", "a: x [y] {z}, w & v * u ! t | s > r ' q \" p % o @ n ` m\n", mustFast},
	{"leading dash", "a: -5\nb: -x\n-c: 1\nd: --\n", mustFast},
	{"utf-8", "é: é–x “y” …\nb: [é, \"é\", 'é'] # é\nc: {é: é}\n", mustFast},
	{"utf-8 null column", "éé:\nb: 1\n", mustFast},
	{"wide characters", "日本: 語 😀\nx: [😀, 😀]\n", mustFast},
	{"U+FFFD", "a: \uFFFD\n", mustFast},
	{"quoted", "a: \"x \\\" \\\\ \\n \\t \\e \\a \\0 \\x41 \\u00e9 \\u20AC\"\nb: 'it''s \\n'\nc: \"\"\nd: ''\ne: \"  \"\n", mustFast},
	{"quoted control escapes", "a: \"\\x00\\x1b\\x85\\u0085\\u2028\\uFEFF\\uFFFF\"\n", mustFast},
	{"resolved tags", "a: [1, 1.5, .5, 1e3, 0x1F, 0o17, 017, true, True, no, yes, on, off, ~, null, Null, 2001-12-14, 2001-12-14t21:59:43.10-05:00, +1, -0, 1_000, .inf, -.inf, .nan, 0b101, 10s]\n", mustFast},
	{"merge key", "<<: {a: 1}\nb: [<<, <a]\n", mustFast},
	{"keys resolve too", "1: a\ntrue: b\n~: c\nnull: d\n", mustFast},
	{"spaces before colon", "a  : 1\nb c : 2\n", mustFast},
	{"trailing spaces", "a: x   \nb: [x]   \n- \n", mayFall},
	{"duplicate keys", "a: 1\na: 2\n", mustFast},
	{"comments around indentless sequence", "a:\n  # c\n- x\n    # d\n- y\n# e\nb: 1\n", mustFast},
	{"comment between entry and its block", "-\n# c\n  x: 1\n-  # d\n\n\n   - y\n", mustFast},
	{"deeper comment after plain value", "a: 1\n      # deeper\nb: 2\n", mustFast},
	{"nbsp", "\u00a0a: \u00a0b\u00a0\nc: [\u00a0]\n", mustFast},

	// Outside the subset, or errors.
	{"empty", "", mustFall},
	{"only comments", "# a\n\n# b\n", mustFall},
	{"top-level scalar", "hello\n", mustFall},
	{"top-level flow", "{a: 1}\n", mustFall},
	{"tab", "a:\t1\n", mustFall},
	{"tab indent", "a:\n\tb: 1\n", mustFall},
	{"tab in comment", "a: 1 #\tx\n", mustFall},
	{"cr", "a: 1\r\nb: 2\r\n", mustFall},
	{"bom", "\uFEFFa: 1\n", mustFall},
	{"bom inside", "a: x\uFEFFy\n", mustFall},
	{"nul", "a: 1\x00\n", mustFall},
	{"del", "a: \x7f\n", mustFall},
	{"c1 control", "a: \u0085\n", mustFall},
	{"nel", "a: b\u0085c: d\n", mustFall},
	{"line separator", "a: b\u2028c\n", mustFall},
	{"invalid utf-8", "a: \xff\n", mustFall},
	{"document start", "---\na: 1\n", mustFall},
	{"second document", "a: 1\n---\nb: 2\n", mustFall},
	{"document end", "a: 1\n...\n", mustFall},
	{"directive", "%YAML 1.2\n---\na: 1\n", mustFall},
	{"anchor", "a: &x 1\nb: *x\n", mustFall},
	{"alias", "a: *x\n", mustFall},
	{"tag", "a: !!str 1\n", mustFall},
	{"complex key", "? a\n: b\n", mustFall},
	{"literal", "a: |\n  x\n", mustFall},
	{"folded", "a: >\n  x\n", mustFall},
	{"multi-line plain", "a: x\n  y\n", mustFall},
	{"multi-line plain after blank", "a: x\n\n  y\n", mustFall},
	{"multi-line plain in sequence", "- x\n  y\n", mustFall},
	{"multi-line plain in indentless sequence", "a:\n- x\n y\n", mustFall},
	{"multi-line plain looks like entry", "a:\n- x\n  - y\n", mustFall},
	{"plain on the next line", "a:\n  x\n", mustFall},
	{"multi-line double", "a: \"x\n  y\"\n", mustFall},
	{"multi-line single", "a: 'x\n  y'\n", mustFall},
	{"escaped line break", "a: \"x\\\n  y\"\n", mustFall},
	{"multi-line flow", "a: [x,\n  y]\n", mustFall},
	{"flow comment", "a: [x, # c\n  y]\n", mustFall},
	{"quoted key", "\"a\": 1\n", mustFall},
	{"single-quoted key", "'a': 1\n", mustFall},
	{"flow quoted key", "a: {\"b\": 1}\n", mustFall},
	{"flow key", "[a]: 1\n", mustFall},
	{"colon in value", "a: b: c\n", mustFall},
	{"value ends in colon", "a: b:\n", mustFall},
	{"trailing comma", "a: [x, y,]\n", mustFall},
	{"trailing comma map", "a: {x: 1,}\n", mustFall},
	{"empty flow entry", "a: [x, , y]\n", mustFall},
	{"flow map without value", "a: {x}\n", mustFall},
	{"flow map empty value", "a: {x: }\n", mustFall},
	{"flow map colon no space", "a: {x:1}\n", mustFall},
	{"flow pair in sequence", "a: [x: 1]\n", mustFall},
	{"flow plain ends in colon", "a: [x:]\n", mustFall},
	{"flow question", "a: [?x]\n", mustFall},
	{"flow dash", "a: [- x]\n", mustFall},
	{"unknown escape", "a: \"\\q\"\n", mustFall},
	{"slash escape", "a: \"\\/\"\n", mustFall},
	{"surrogate escape", "a: \"\\ud800\"\n", mustFall},
	{"short hex escape", "a: \"\\x4\"\n", mustFall},
	{"U escape", "a: \"\\U0001F600\"\n", mustFall},
	{"text after quoted", "a: \"x\" y\n", mustFall},
	{"comment glued to quoted", "a: \"x\"#c\n", mustFall},
	{"comment glued to flow", "a: [x]#c\n", mustFall},
	{"compact nested sequence", "- - a\n", mustFall},
	{"dash after key", "a: - b\n", mustFall},
	{"dash alone after key", "a: -\n", mustFall},
	{"bad dedent", "a:\n    b: 1\n  c: 2\n", mustFall},
	{"bad dedent in sequence item", "- a: 1\n b: 2\n", mustFall},
	{"over-indented key", "a: 1\n  b: 2\n", mustFall},
	{"sequence after map at same column", "a: 1\n- b\n", mustFall},
	{"key after sequence at same column", "- a\nb: 1\n", mustFall},
	{"dedent below top", "  a: 1\nb: 2\n", mustFall},
	{"scalar in sequence", "- a\nb\n", mustFall},
	{"long key", strings.Repeat("k", 1100) + ": 1\n", mustFall},
	{"long flow key", "a: {b: 1, " + strings.Repeat("k", 1100) + ": 1}\n", mustFall},
	{"long key with spaces", "a: {" + strings.Repeat("k ", 550) + ": 1}\n", mustFall},
	{"long flow value", "a: [" + strings.Repeat("k", 1100) + ", {b: " + strings.Repeat("v", 1100) + "}]\n", mustFast},
	{"long value", "a: " + strings.Repeat("v", 1100) + "\nb: \"" + strings.Repeat("v", 1100) + "\"\n", mustFast},
	{"value in place of key", "a: 1\nb\n", mustFall},
	{"reserved start", "a: @x\n", mustFall},
	{"backtick start", "a: `x\n", mustFall},
	{"flow close in block", "a: ]\n", mustFall},
	{"comma start", "a: ,x\n", mustFall},
	{"question start", "a: ?x\n", mustFall},
	{"colon start", "a: :x\n", mustFall},
}

func TestFastParseSnippets(t *testing.T) {
	for _, c := range fastSnippets {
		t.Run(c.name, func(t *testing.T) {
			ok := checkFast(t, []byte(c.data))
			switch {
			case c.want == mustFast && !ok:
				t.Errorf("%q fell back; it is in the subset", c.data)
			case c.want == mustFall && ok:
				t.Errorf("%q took the fast path; it should fall back", c.data)
			}
		})
	}
}

// Pieces for random documents: keys and values, tricky ones and some that
// are outside the subset or errors.
var (
	randKeys = []string{"a", "id", "b c", "-k", "é", "10:30", "x#y", "<<", "1", "~", "k ", "http://h", "a:b",
		"\"q\"", "[f]", "? c"}
	randVals = []string{"x", "two words", "-5", "1.5", "true", "~", "null", "10s", "é–x “y”", "x#y", "x #c", "http://x:1/",
		"\"dq \\\" \\\\ \\x41 \\u00e9\"", "'it''s'", "\"\"", "''", "[a, b]", "{a: 1, b: [c, d]}", "[]", "{}", "[[1], {a: b}]",
		"a: b", "a:", "- x", "&a x", "*a", "!t x", "|", ">", "[a,]", "{a}", "{a: }", "\"open", "'open", "[open", "x]", "--", "-", "<<",
		"\"\\/\"", "[a:]", "[x: 1]", "2001-12-14", "0x10", ".inf", "{a:b: c}", "[ ]", "\"a\" #c", "[a]#c", "@x"}
)

// randomLines builds YAML-ish text line by line, with random indentation,
// so that the comparison with yaml.v3 reaches the corners of block
// structure (and its errors) that a byte-level fuzzer finds slowly.
func randomLines(r *rand.Rand) string {
	indents := []int{0, 0, 0, 1, 2, 2, 2, 3, 4, 4, 6}
	var b strings.Builder
	for range 1 + r.IntN(14) {
		ind := strings.Repeat(" ", indents[r.IntN(len(indents))])
		k, v := randKeys[r.IntN(len(randKeys))], randVals[r.IntN(len(randVals))]
		var line string
		switch r.IntN(12) {
		case 0, 1, 2:
			line = k + ": " + v
		case 3, 4:
			line = k + ":"
		case 5, 6:
			line = "- " + v
		case 7:
			line = "- " + k + ": " + v
		case 8:
			line = "-"
		case 9:
			line = "# comment"
		case 10:
			line = ""
		case 11:
			line = "- " + k + ":"
		}
		if r.IntN(6) == 0 {
			line += " # c"
		}
		if r.IntN(10) == 0 {
			line += strings.Repeat(" ", r.IntN(3))
		}
		b.WriteString(ind + line + "\n")
	}
	return b.String()
}

// randomTree builds a mostly well-formed document: nested block mappings and
// sequences (indented, indentless, compact "- key:"), empty values, and
// comments and blank lines anywhere.
func randomTree(r *rand.Rand) string {
	var b strings.Builder
	pick := func(list []string, tricky int) string {
		if r.IntN(tricky) == 0 {
			return list[r.IntN(len(list))]
		}
		return list[r.IntN(8)] // mostly the tame ones at the start
	}
	noise := func(ind int) {
		switch r.IntN(10) {
		case 0:
			b.WriteString("\n")
		case 1:
			b.WriteString(strings.Repeat(" ", r.IntN(ind+3)) + "# note\n")
		}
	}
	end := func() {
		if r.IntN(8) == 0 {
			b.WriteString(" # c")
		}
		b.WriteString("\n")
	}
	var block func(ind, depth int, first string)
	// value writes what follows "key:" or "-" on a line at indentation ind.
	value := func(ind, depth int, inMap bool) {
		switch n := r.IntN(10); {
		case n < 6 || depth > 3:
			b.WriteString(" " + pick(randVals, 6))
			end()
		case n < 7:
			end() // empty
		case n < 8 && inMap:
			end()
			noise(ind)
			block(ind, depth+1, "- ") // indentless sequence
		default:
			end()
			noise(ind)
			block(ind+1+r.IntN(4), depth+1, "")
		}
	}
	block = func(ind, depth int, first string) {
		seq := first == "- " || first == "" && r.IntN(2) == 0
		pad := strings.Repeat(" ", ind)
		for i := range 1 + r.IntN(4) {
			if i > 0 {
				noise(ind)
			}
			if !seq {
				b.WriteString(pad + pick(randKeys, 8) + ":")
				value(ind, depth, true)
				continue
			}
			b.WriteString(pad + "-")
			switch r.IntN(3) {
			case 0:
				value(ind, depth, false)
			case 1:
				// "- key: value" and more keys below at the key's column.
				gap := 1 + r.IntN(3)
				b.WriteString(strings.Repeat(" ", gap) + pick(randKeys, 8) + ":")
				value(ind+1+gap, depth, true)
				for range r.IntN(3) {
					noise(ind)
					b.WriteString(strings.Repeat(" ", ind+1+gap) + pick(randKeys, 8) + ":")
					value(ind+1+gap, depth, true)
				}
			default:
				b.WriteString(" " + pick(randVals, 6))
				end()
			}
		}
	}
	noise(0)
	block(r.IntN(2)*2, 0, "")
	return b.String()
}

// randomDoc is a random document from either generator, sometimes damaged.
func randomDoc(r *rand.Rand) string {
	var s string
	if r.IntN(3) == 0 {
		s = randomLines(r)
	} else {
		s = randomTree(r)
	}
	for range r.IntN(3) {
		if r.IntN(2) == 0 {
			continue
		}
		i := r.IntN(len(s) + 1)
		ins := []string{" ", ":", "-", "#", "\"", "'", "[", "]", "{", "}", ",", "\n", "x", "\t", "  ", ": ", "- ",
			"é", "😀", "\u00a0", "\\", "?", "&", "!"}
		s = s[:i] + ins[r.IntN(len(ins))] + s[i:]
	}
	if r.IntN(8) == 0 {
		s = strings.TrimSuffix(s, "\n")
	}
	return s
}

func TestFastParseRandom(t *testing.T) {
	n := 100000
	if testing.Short() {
		n = 5000
	}
	r := rand.New(rand.NewPCG(1, 2))
	fast := 0
	for range n {
		if checkFast(t, []byte(randomDoc(r))) {
			fast++
		}
		if t.Failed() {
			return
		}
	}
	// The generator must reach the fast path often, or it tests nothing.
	if fast < n/4 {
		t.Errorf("only %d of %d random documents took the fast path", fast, n)
	}
	t.Logf("%d of %d random documents took the fast path", fast, n)
}

func FuzzFastParse(f *testing.F) {
	for _, data := range contentFiles(f) {
		f.Add(data)
	}
	f.Add(genLibraryFile(0, 3))
	for _, c := range fastSnippets {
		f.Add([]byte(c.data))
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 50 {
		f.Add([]byte(randomDoc(r)))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFast(t, data)
	})
}

// The parsers alone, on one 100-exercise file of the generated library.
func BenchmarkParseFast(b *testing.B) {
	data := genLibraryFile(0, 100)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, ok := fastParse(data); !ok {
			b.Fatal("fell back")
		}
	}
}

func BenchmarkParseYAMLv3(b *testing.B) {
	data := genLibraryFile(0, 100)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := slowParse(data); err != nil {
			b.Fatal(err)
		}
	}
}
