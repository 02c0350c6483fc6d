package exercises

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// fileDef is what one library file defines, before ids are resolved across
// files.
type fileDef struct {
	name      string
	exercises []*Exercise
	progSets  map[*Exercise]bool // progression.sets.min was written
	routines  []*rawRoutine
	tips      []*Tip
	// assessments are the file's outcome measures (assessments_yaml.go).
	assessments []*Assessment
	warnings    []*Error       // valid, but likely not what the author meant
	broken      map[string]Pos // ids of exercises left out for their errors
}

type rawRoutine struct {
	r     Routine
	items []rawItem
}

// rawItem is a routine's reference to an exercise, with its partial dose.
type rawItem struct {
	id       string
	pos      Pos
	field    string
	sets     *int
	level    *int
	value    *int   // reps, or seconds of hold or duration
	valueKey string // which of reps, hold, duration gave value
	valuePos Pos
	rest     *time.Duration
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseFile decodes and validates one file. Exercises, routines and tips
// with errors are left out; the rest of the file still counts.
func parseFile(name string, data []byte) (*fileDef, []*Error) {
	d := &decoder{file: name}
	top := &yaml.Node{Line: 1, Column: 1}
	if len(data) > MaxFileSize {
		d.errorf(top, "", "the file is %d bytes; library files may be at most 8 MiB", len(data))
		return nil, d.errs
	}
	if !utf8.Valid(data) {
		line, col := badUTF8(data)
		d.errorf(&yaml.Node{Line: line, Column: col}, "", "the file is not valid UTF-8 text; save it as UTF-8")
		return nil, d.errs
	}
	var doc yaml.Node
	if failed := decodeYAML(d, data, &doc); failed {
		return nil, d.errs
	}
	if depth(&doc, 0) > maxDepth {
		d.errorf(top, "", "nesting is deeper than %d levels; limber files are flat", maxDepth)
		return nil, d.errs
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	f := &fileDef{name: name, progSets: map[*Exercise]bool{}, broken: map[string]Pos{}}
	var fileCategory Category
	var fileRules *ruleSet
	var exNode, rtNode, tipNode, asNode *yaml.Node
	d.fields(root, "", []string{"title", "category", "rules", "exercises", "routines", "tips", "assessments"}, func(key string, v *yaml.Node) {
		switch key {
		case "title":
			d.text(v, key, MaxNameLen, false)
		case "category":
			fileCategory = Category(d.oneOf(v, key, categoryWords...))
		case "rules":
			fileRules = d.rules(v, key, DefaultRules)
		case "exercises":
			exNode = v
		case "routines":
			rtNode = v
		case "tips":
			tipNode = v
		case "assessments":
			asNode = v
		}
	})
	if exNode != nil {
		d.list(exNode, "exercises", "exercises", func(_ int, field string, v *yaml.Node) {
			before := d.count()
			e, setsMin := d.exercise(v, field, fileCategory, hasKey(root, "category"), fileRules)
			if d.count() == before && e != nil {
				f.exercises = append(f.exercises, e)
				f.progSets[e] = setsMin
			} else if id := itemID(v); id != "" {
				f.broken[id] = d.pos(v)
			}
		})
	}
	f.routines = decodeItems(d, rtNode, "routines", d.routine)
	f.tips = decodeItems(d, tipNode, "tips", d.tip)
	f.assessments = decodeItems(d, asNode, "assessments", d.assessment)
	f.warnings = authoring(name, data, root, d.errs)
	if d.dropped > 0 {
		d.errs = append(d.errs, &Error{Pos: Pos{File: name, Line: 1, Col: 1},
			Msg: fmt.Sprintf("and %d more errors; fix these first", d.dropped)})
	}
	return f, d.errs
}

// decodeItems decodes each item of a top-level list (n may be nil), keeping
// those that have no errors.
func decodeItems[T any](d *decoder, n *yaml.Node, key string, decode func(n *yaml.Node, field string) *T) []*T {
	if n == nil {
		return nil
	}
	var out []*T
	d.list(n, key, key, func(_ int, field string, v *yaml.Node) {
		before := d.count()
		if x := decode(v, field); d.count() == before && x != nil {
			out = append(out, x)
		}
	})
	return out
}

var categoryWords = []string{"rom", "stretching", "strengthening", "balance", "sensory"}

func depth(n *yaml.Node, at int) int {
	if at > maxDepth {
		return at
	}
	deepest := at
	for _, c := range n.Content {
		if d := depth(c, at+1); d > deepest {
			deepest = d
			if d > maxDepth {
				break
			}
		}
	}
	return deepest
}

// badUTF8 finds the line and column of the first byte that is not UTF-8.
func badUTF8(data []byte) (line, col int) {
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return line, col
}

var exerciseFields = []string{"id", "name", "category", "summary", "position", "areas", "equipment",
	"safety", "steps", "cues", "dose", "levels", "progression", "score", "rules", "source", "figure"}

// exercise decodes one exercise, builds its ladder and checks that its
// starting dose sits on it. setsMin reports whether progression.sets.min was
// given (a routine may then not lower the base sets).
func (d *decoder) exercise(n *yaml.Node, field string, cat Category, catGiven bool, fileRules *ruleSet) (*Exercise, bool) {
	e := &Exercise{Category: cat, Position: Any, Pos: d.pos(n), Rules: DefaultRules}
	if fileRules != nil {
		e.Rules = fileRules.apply(e.Rules)
	}
	var doseNode, progNode, ruleNode *yaml.Node
	ok := d.fields(n, field, exerciseFields, func(key string, v *yaml.Node) {
		f := field + "." + key
		switch key {
		case "id":
			e.ID = d.id(v, f)
		case "name":
			e.Name = d.text(v, f, MaxNameLen, false)
		case "category":
			e.Category = Category(d.oneOf(v, f, categoryWords...))
		case "summary":
			e.Summary = d.text(v, f, MaxTextLen, true)
		case "position":
			e.Position = Position(d.oneOf(v, f, "lying", "seated", "standing", "any"))
		case "areas":
			e.Areas = d.texts(v, f, MaxNameLen)
		case "equipment":
			e.Equipment = d.texts(v, f, MaxNameLen)
		case "safety":
			e.Safety = d.texts(v, f, MaxTextLen)
		case "steps":
			e.Steps = d.texts(v, f, MaxTextLen)
		case "cues":
			e.Cues = d.texts(v, f, MaxTextLen)
		case "dose":
			doseNode = v
		case "levels":
			e.Levels = d.texts(v, f, MaxNameLen)
		case "progression":
			progNode = v
		case "score":
			d.fields(v, f, []string{"out_of"}, func(_ string, v *yaml.Node) {
				if x, ok := d.integer(v, f+".out_of", 1, 1000); ok {
					e.Score = &Score{OutOf: x}
				}
			})
		case "rules":
			ruleNode = v
		case "source":
			e.Source = d.text(v, f, MaxTextLen, false)
		case "figure":
			e.Figure = d.figure(v, f)
		}
	})
	if !ok {
		return nil, false
	}
	if ruleNode != nil {
		e.Rules = d.rules(ruleNode, field+".rules", e.Rules).apply(e.Rules)
	}
	need := func(cond bool, what string) {
		if !cond {
			d.errorf(n, field, "%s is required", what)
		}
	}
	need(e.ID != "" || hasKey(n, "id"), "id")
	need(e.Name != "" || hasKey(n, "name"), "name")
	need(e.Category != "" || catGiven || hasKey(n, "category"), "category (here or at the top of the file)")
	need(doseNode != nil, "dose")
	if doseNode == nil {
		return nil, false
	}
	before := d.count()
	var doseKeys map[string]*yaml.Node
	e.Dose, doseKeys = d.dose(doseNode, field+".dose")
	if d.count() > before {
		return nil, false
	}
	setsMin := d.ladder(e, progNode, doseKeys["level"], field)
	return e, setsMin
}

// require reports each of keys that the mapping n lacks.
func (d *decoder) require(n *yaml.Node, field string, keys ...string) {
	for _, k := range keys {
		if !hasKey(n, k) {
			d.errorf(n, field, "%s is required", k)
		}
	}
}

func hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

// dose decodes an exercise's full starting dose.
func (d *decoder) dose(n *yaml.Node, field string) (Dose, map[string]*yaml.Node) {
	ds := Dose{Sets: 1, Level: 1, Sides: 1, Rest: 30 * time.Second}
	var keys = map[string]*yaml.Node{}
	d.fields(n, field, []string{"kind", "sets", "reps", "hold", "duration", "rest", "sides", "tempo", "level", "source"}, func(key string, v *yaml.Node) {
		keys[key] = v
		f := field + "." + key
		switch key {
		case "kind":
			ds.Kind = Kind(d.oneOf(v, f, "reps", "hold", "timed"))
		case "sets":
			ds.Sets, _ = d.integer(v, f, 1, 10)
		case "reps":
			ds.Reps, _ = d.integer(v, f, 1, 1000)
		case "hold":
			ds.Hold, _ = d.duration(v, f)
		case "duration":
			ds.Duration, _ = d.duration(v, f)
		case "rest":
			ds.Rest, _ = d.duration(v, f)
		case "sides":
			if d.oneOf(v, f, "one", "both") == "both" {
				ds.Sides = 2
			}
		case "tempo":
			ds.Tempo = d.tempo(v, f)
		case "level":
			ds.Level, _ = d.integer(v, f, 1, 100)
		case "source":
			ds.Source = d.text(v, f, MaxTextLen, false)
		}
	})
	if n.Kind != yaml.MappingNode {
		return ds, keys
	}
	if keys["kind"] == nil {
		d.errorf(n, field+".kind", "kind is required: reps, hold or timed")
		return ds, keys
	}
	valueKey := ds.Kind.Field()
	for _, k := range []string{"reps", "hold", "duration"} {
		if v := keys[k]; v != nil && k != valueKey && ds.Kind != "" {
			d.errorf(v, field+"."+k, "%s does not apply to kind %s; use %s", k, ds.Kind, valueKey)
		}
	}
	if ds.Kind != "" && keys[valueKey] == nil {
		d.errorf(n, field+"."+valueKey, "kind %s needs %s", ds.Kind, valueKey)
	}
	if v := keys["tempo"]; v != nil && ds.Kind != Reps && ds.Kind != "" {
		d.errorf(v, field+".tempo", "tempo applies only to kind reps")
	}
	return ds, keys
}

func (d *decoder) tempo(n *yaml.Node, field string) *Tempo {
	t := &Tempo{}
	d.fields(n, field, []string{"up", "hold", "down"}, func(key string, v *yaml.Node) {
		x, _ := d.duration(v, field+"."+key)
		switch key {
		case "up":
			t.Up = x
		case "hold":
			t.Hold = x
		case "down":
			t.Down = x
		}
	})
	if t.Up == 0 || t.Down == 0 {
		d.errorf(n, field, "tempo needs up and down (hold is optional), such as {up: 2s, hold: 1s, down: 2s}")
	}
	return t
}

var routineFields = []string{"id", "name", "summary", "frequency", "before", "after", "exercises", "source"}

var frequencyPattern = regexp.MustCompile(`^([1-7])x/week$`)

func (d *decoder) routine(n *yaml.Node, field string) *rawRoutine {
	rr := &rawRoutine{r: Routine{Pos: d.pos(n), PerWeek: 7, Frequency: "daily"}}
	r := &rr.r
	var items *yaml.Node
	ok := d.fields(n, field, routineFields, func(key string, v *yaml.Node) {
		f := field + "." + key
		switch key {
		case "id":
			r.ID = d.id(v, f)
		case "name":
			r.Name = d.text(v, f, MaxNameLen, false)
		case "summary":
			r.Summary = d.text(v, f, MaxTextLen, true)
		case "frequency":
			if !d.scalar(v, f, "daily or Nx/week") {
				return
			}
			if v.Value == "daily" {
				r.PerWeek, r.Frequency = 7, "daily"
			} else if m := frequencyPattern.FindStringSubmatch(v.Value); m != nil {
				r.PerWeek, _ = strconv.Atoi(m[1])
				r.Frequency = v.Value
			} else {
				d.errorf(v, f, "%s is not a frequency; use daily, or 1x/week to 7x/week", Quote(clip(v.Value, 40)))
			}
		case "before":
			r.Before = d.texts(v, f, MaxTextLen)
		case "after":
			r.After = d.texts(v, f, MaxTextLen)
		case "exercises":
			items = v
		case "source":
			r.Source = d.text(v, f, MaxTextLen, false)
		}
	})
	if !ok {
		return nil
	}
	d.require(n, field, "id", "name")
	if items == nil {
		d.errorf(n, field, "exercises is required: a list of exercise ids")
		return nil
	}
	d.list(items, field+".exercises", "exercise ids", func(_ int, f string, v *yaml.Node) {
		if v.Kind == yaml.ScalarNode {
			if id := d.id(v, f); id != "" {
				rr.items = append(rr.items, rawItem{id: id, pos: d.pos(v), field: f})
			}
			return
		}
		it := rawItem{pos: d.pos(v), field: f}
		d.fields(v, f, []string{"id", "dose", "level"}, func(key string, v *yaml.Node) {
			switch key {
			case "id":
				it.id = d.id(v, f+".id")
			case "level":
				if x, ok := d.integer(v, f+".level", 1, 100); ok {
					it.level = &x
				}
			case "dose":
				d.override(v, f+".dose", &it)
			}
		})
		if it.id == "" && v.Kind == yaml.MappingNode && !hasKey(v, "id") {
			d.errorf(v, f, "id is required")
		}
		rr.items = append(rr.items, it)
	})
	if len(rr.items) == 0 && items.Kind == yaml.SequenceNode {
		d.errorf(items, field+".exercises", "a routine needs at least one exercise")
	}
	return rr
}

// override decodes a routine's partial dose for one of its exercises.
func (d *decoder) override(n *yaml.Node, field string, it *rawItem) {
	d.fields(n, field, []string{"sets", "reps", "hold", "duration", "rest", "level"}, func(key string, v *yaml.Node) {
		f := field + "." + key
		switch key {
		case "sets":
			if x, ok := d.integer(v, f, 1, 10); ok {
				it.sets = &x
			}
		case "level":
			if x, ok := d.integer(v, f, 1, 100); ok {
				it.level = &x
			}
		case "reps":
			if x, ok := d.integer(v, f, 1, 1000); ok {
				it.value, it.valueKey, it.valuePos = &x, key, d.pos(v)
			}
		case "hold", "duration":
			if x, ok := d.duration(v, f); ok {
				s := int(x / time.Second)
				it.value, it.valueKey, it.valuePos = &s, key, d.pos(v)
			}
		case "rest":
			if x, ok := d.duration(v, f); ok {
				it.rest = &x
			}
		}
	})
}

var tipFields = []string{"id", "title", "text", "source"}

func (d *decoder) tip(n *yaml.Node, field string) *Tip {
	t := &Tip{Pos: d.pos(n)}
	if !d.fields(n, field, tipFields, func(key string, v *yaml.Node) {
		f := field + "." + key
		switch key {
		case "id":
			t.ID = d.id(v, f)
		case "title":
			t.Title = d.text(v, f, MaxNameLen, false)
		case "text":
			t.Text = d.text(v, f, MaxTextLen, true)
		case "source":
			t.Source = d.text(v, f, MaxTextLen, false)
		}
	}) {
		return nil
	}
	d.require(n, field, "id", "title", "text")
	return t
}

// decodeYAML parses one file with yaml.v3 into a node tree, keeping every
// node's line and column for messages. It reports whether the file could
// not be parsed.
func decodeYAML(d *decoder, data []byte, doc *yaml.Node) (failed bool) {
	top := &yaml.Node{Line: 1, Column: 1}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.errorf(top, "", "the file is empty; a library needs exercises, routines or tips")
			return true
		}
		d.errs = append(d.errs, syntaxError(d.file, data, err))
		return true
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		d.errorf(&extra, "", "a second YAML document (after ---); put one library in each file")
	case !errors.Is(err, io.EOF):
		// yaml.v3 ends the first document where a line is less indented
		// than the file's first line, and keeps it without a word.
		d.errs = append(d.errs, syntaxError(d.file, data, err))
		return true
	}
	return false
}
