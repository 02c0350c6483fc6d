// Package profile keeps the person's profile: profile.yaml in the data
// directory (DESIGN section 6). Reports and handouts show the name, year of
// birth and clinician; assessments read age and sex for their norms; the
// check-in asks for blood sugar when the person uses insulin or a
// sulfonylurea, in their units. The file is optional, validated like a
// library file, and saved atomically: it is either the old file or the new
// one, never half of each.
package profile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"limber/exercises"
	"limber/regfile"
)

// FileName is the profile's name inside the data directory.
const FileName = "profile.yaml"

// MaxFileSize is the most a profile may hold; a real one is a few lines.
const MaxFileSize = 64 << 10

// MinBorn is the earliest year of birth a profile accepts.
const MinBorn = 1900

// Units of a blood sugar reading, as the profile writes them.
const (
	MgPerDL  = "mg/dl"
	MmolPerL = "mmol/l"
)

// Profile is what the person (or their therapist) told limber about them.
// Every field is optional; the zero value is an empty profile.
type Profile struct {
	Name      string
	Born      int    // year of birth; 0 when not given
	Sex       string // "F" or "M", for the assessments' norms; "" when not given
	Clinician string
	// Insulin says the person uses insulin or a sulfonylurea, which can
	// lower blood sugar during exercise: the check-in then asks for a
	// reading. Nil when not given.
	Insulin *bool
	Units   string // MgPerDL or MmolPerL; "" when not given
}

// Keys are the profile's fields, in the order the file and limber profile
// list them.
var Keys = []string{"name", "born", "sex", "clinician", "insulin", "units"}

// UsesInsulin reports whether the check-in asks for blood sugar.
func (p *Profile) UsesInsulin() bool { return p.Insulin != nil && *p.Insulin }

// Age is the age a person born in Born reaches in at's year: their age on
// at, or one more where the birthday is still to come. False when Born is
// not given.
func (p *Profile) Age(at time.Time) (int, bool) {
	if p.Born == 0 {
		return 0, false
	}
	return at.Year() - p.Born, true
}

// Error is one problem in a profile, with its place.
type Error struct {
	File      string
	Line, Col int
	Field     string // such as born; empty for the whole file
	Msg       string
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: ", exercises.Escape(e.File), e.Line, e.Col)
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors are every problem of one profile file, one a line.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// now is the clock for the latest year of birth; tests set it.
var now = time.Now

// Path is the profile's path inside the data directory dir.
func Path(dir string) string { return filepath.Join(dir, FileName) }

// Load reads the profile in the data directory dir. A missing file is an
// empty profile. A file with errors returns them all as Errors, each with
// its place; anything else that stops the reading is a plain error.
func Load(dir string) (*Profile, error) {
	path := Path(dir)
	data, err := readRegular(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Profile{}, nil
	}
	if err != nil {
		return nil, err
	}
	p, errs := Parse(path, data)
	if len(errs) > 0 {
		return nil, Errors(errs)
	}
	return p, nil
}

// readRegular reads a regular file of at most MaxFileSize bytes. A FIFO, a
// device or a folder is refused without being read, and never waited on:
// it is opened without blocking, so that even one put there after a look
// at the path cannot hang the reading.
func readRegular(path string) ([]byte, error) {
	f, err := regfile.Open(path, os.O_RDONLY, 0)
	if errors.Is(err, regfile.ErrNotRegular) {
		return nil, fmt.Errorf("%s is not a regular file; the profile must be a plain YAML file", exercises.Escape(path))
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s is over %d KiB; a profile is a few lines", exercises.Escape(path), MaxFileSize>>10)
	}
	return data, nil
}

// Parse reads a profile from data; name is used in errors. It returns every
// error of the file, not just the first.
func Parse(name string, data []byte) (*Profile, []*Error) {
	d := &decoder{file: name}
	root := d.document(data)
	p := &Profile{}
	switch {
	case len(d.errs) > 0:
		return nil, d.errs
	case root == nil || root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null":
		return p, nil // empty, or only comments
	case root.Kind != yaml.MappingNode:
		d.errorf(root, "", "expected the fields %s, found %s", strings.Join(Keys, ", "), describe(root))
		return nil, d.errs
	}
	d.fields(root, p)
	if len(d.errs) > 0 {
		return nil, d.errs
	}
	return p, nil
}

// document parses data as one YAML document and returns its top node, nil
// for an empty file.
func (d *decoder) document(data []byte) *yaml.Node {
	if !utf8.Valid(data) {
		d.errorf(nil, "", "the file is not valid UTF-8 text; save it as UTF-8")
		return nil
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil
		}
		at, msg := &yaml.Node{Line: 1, Column: 1}, strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			at.Line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		d.errorf(at, "", "not valid YAML: %s", exercises.Escape(msg))
		return nil
	}
	var extra yaml.Node
	if dec.Decode(&extra) == nil {
		d.errorf(&extra, "", "a second YAML document (after ---); a profile is one")
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		return doc.Content[0]
	}
	return &doc
}

// fields reads each key of the profile's mapping into p, refusing unknown
// and repeated keys and values that are not single scalars.
func (d *decoder) fields(root *yaml.Node, p *Profile) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "", "a key must be a plain word, found %s", describe(k))
			continue
		}
		switch key := k.Value; {
		case seen[key]:
			d.errorf(k, key, "duplicate key %s; give each field once", exercises.Quote(key))
		case !known(key):
			msg := "unknown field " + exercises.Quote(key) + exercises.Meant(key, Keys, "; valid fields: "+strings.Join(Keys, ", "))
			d.errorf(k, key, "%s", msg)
		case v.Kind == yaml.AliasNode:
			seen[key] = true
			d.errorf(v, key, "aliases (*name) are not allowed; write the value out")
		case v.Kind != yaml.ScalarNode:
			seen[key] = true
			d.errorf(v, key, "expected a single value, found %s", describe(v))
		default:
			seen[key] = true
			if err := p.set(key, v.Value, v.ShortTag() == "!!null"); err != nil {
				d.errorf(v, key, "%s", err.Msg)
			}
		}
	}
}

func known(key string) bool {
	for _, k := range Keys {
		if k == key {
			return true
		}
	}
	return false
}

type decoder struct {
	file string
	errs []*Error
}

func (d *decoder) errorf(n *yaml.Node, field, format string, args ...any) {
	e := &Error{File: d.file, Line: 1, Col: 1, Field: field, Msg: fmt.Sprintf(format, args...)}
	if n != nil && n.Line > 0 {
		e.Line, e.Col = n.Line, n.Column
	}
	d.errs = append(d.errs, e)
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.ShortTag() == "!!null" {
		return "nothing"
	}
	return "the text " + exercises.Quote(n.Value)
}

// fieldError is a value refused for one field.
type fieldError struct{ Key, Msg string }

func (e *fieldError) Error() string { return e.Key + ": " + e.Msg }

// Set gives the field key the value typed on the command line, such as
// Set("born", "1950") for limber profile --born 1950. An empty value clears
// the field. A value out of range is refused with what would be valid,
// and the profile is left as it was.
func (p *Profile) Set(key, value string) error {
	if !known(key) {
		return errors.New("no profile field is called " + exercises.Quote(key) + exercises.Meant(key, Keys, "; the fields are "+strings.Join(Keys, ", ")))
	}
	if err := p.set(key, value, strings.TrimSpace(value) == ""); err != nil {
		return err
	}
	return nil
}

// set checks and sets one field; clear empties it. A refused value leaves
// p as it was.
func (p *Profile) set(key, value string, clear bool) *fieldError {
	value = strings.TrimSpace(value)
	var msg string
	switch key {
	case "name":
		p.Name, msg = text(value, clear, p.Name)
	case "clinician":
		p.Clinician, msg = text(value, clear, p.Clinician)
	case "born":
		p.Born, msg = born(value, clear, p.Born)
	case "sex":
		p.Sex, msg = oneOf(value, clear, p.Sex, strings.ToUpper, "F", "M")
		if msg != "" {
			msg += " (used for the norms of the outcome measures)"
		}
	case "units":
		p.Units, msg = oneOf(value, clear, p.Units, strings.ToLower, MgPerDL, MmolPerL)
		if msg != "" {
			msg += " (the units of your blood sugar meter)"
		}
	case "insulin":
		p.Insulin, msg = insulin(value, clear, p.Insulin)
	}
	if msg != "" {
		return &fieldError{Key: key, Msg: msg}
	}
	return nil
}

// Each setter returns the new value, or the old one and why not.

func text(v string, clear bool, old string) (string, string) {
	if clear {
		return "", ""
	}
	if msg := checkText(v); msg != "" {
		return old, msg
	}
	return v, ""
}

func born(v string, clear bool, old int) (int, string) {
	if clear {
		return 0, ""
	}
	y, err := strconv.Atoi(v)
	if last := now().Year(); err != nil || y < MinBorn || y > last {
		return old, fmt.Sprintf("%s is not a year of birth; use a year from %d to %d, such as 1950", exercises.Quote(v), MinBorn, last)
	}
	return y, ""
}

// oneOf takes v, normalised, if it is one of words.
func oneOf(v string, clear bool, old string, norm func(string) string, words ...string) (string, string) {
	if clear {
		return "", ""
	}
	for _, w := range words {
		if norm(v) == w {
			return w, ""
		}
	}
	return old, fmt.Sprintf("%s is not one of %s", exercises.Quote(v), strings.Join(words, " | "))
}

func insulin(v string, clear bool, old *bool) (*bool, string) {
	if clear {
		return nil, ""
	}
	var yes bool
	switch strings.ToLower(v) {
	case "yes", "true":
		yes = true
	case "no", "false":
	default:
		return old, fmt.Sprintf("%s is not yes or no (yes: insulin or a sulfonylurea, which can lower blood sugar during exercise)", exercises.Quote(v))
	}
	return &yes, ""
}

// checkText refuses what a name may not hold: control and escape
// characters, and more than exercises.MaxNameLen characters.
func checkText(s string) string {
	if c := exercises.Clean(s, false); c != s {
		return fmt.Sprintf("%s holds a control or escape character; remove it", exercises.Quote(s))
	}
	if n := utf8.RuneCountInString(s); n > exercises.MaxNameLen {
		return fmt.Sprintf("is %d characters long; keep it to %d", n, exercises.MaxNameLen)
	}
	return ""
}

// Get is a field's value as Set takes it and limber profile shows it; ""
// when not given.
func (p *Profile) Get(key string) string {
	switch key {
	case "name":
		return p.Name
	case "born":
		if p.Born != 0 {
			return strconv.Itoa(p.Born)
		}
	case "sex":
		return p.Sex
	case "clinician":
		return p.Clinician
	case "insulin":
		if p.Insulin != nil {
			if *p.Insulin {
				return "yes"
			}
			return "no"
		}
	case "units":
		return p.Units
	}
	return ""
}

// Marshal writes the profile as Load reads it: the fields given, in the
// order of Keys, under a comment that says what the file is.
func (p *Profile) Marshal() []byte {
	doc := &yaml.Node{Kind: yaml.MappingNode}
	for _, k := range Keys {
		v := p.Get(k)
		if v == "" {
			continue
		}
		val := &yaml.Node{Kind: yaml.ScalarNode, Value: v}
		if k == "born" {
			val.Tag = "!!int"
		} else {
			val.Tag = "!!str"
		}
		doc.Content = append(doc.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, val)
	}
	var b bytes.Buffer
	b.WriteString("# limber profile: read by reports, handouts, assessments and the check-in.\n")
	b.WriteString("# Fields: name, born (year), sex (F|M), clinician, insulin (yes|no), units (mg/dl|mmol/l).\n")
	if len(doc.Content) > 0 {
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(doc); err != nil {
			panic("profile: encoding a validated profile: " + err.Error()) // scalars only: cannot happen
		}
		enc.Close()
	}
	return b.Bytes()
}

// Save writes the profile to the data directory dir atomically: a temporary
// file beside it is written, synced and renamed over profile.yaml, and the
// directory is synced, so a crash leaves the old profile or the new one,
// never a half-written file.
func Save(dir string, p *Profile) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("profile: cannot create the data directory: %w", err)
	}
	path := Path(dir)
	if fi, err := os.Lstat(path); err == nil && !fi.Mode().IsRegular() {
		return fmt.Errorf("profile: %s is not a regular file; move it away first", exercises.Escape(path))
	}
	f, err := os.CreateTemp(dir, ".profile-*.yaml")
	if err != nil {
		return fmt.Errorf("profile: %w", err)
	}
	tmp := f.Name()
	done := false
	defer func() {
		if !done {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err := f.Chmod(0o600); err != nil {
		return fmt.Errorf("profile: %w", err)
	}
	if _, err := f.Write(p.Marshal()); err != nil {
		return fmt.Errorf("profile: writing %s: %w", exercises.Escape(tmp), err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("profile: syncing %s: %w", exercises.Escape(tmp), err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("profile: closing %s: %w", exercises.Escape(tmp), err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("profile: %w", err)
	}
	done = true
	if d, err := os.Open(dir); err == nil {
		err = d.Sync()
		d.Close()
		if err != nil {
			return fmt.Errorf("profile: syncing the data directory: %w", err)
		}
	}
	return nil
}
