package exercises

import (
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"limber/regfile"
)

// Source is one place library files come from: the built-in content, or a
// folder or file named with --library. Later sources override earlier ones
// by id.
type Source struct {
	FS     fs.FS
	Root   string // a folder or a file inside FS; "." for all of it
	Label  string // how positions name it: "content", or the path the user gave
	Origin string // "built-in", or "" to name each file
}

// PathSource is a folder or a single file on disk, as the user named it.
// Only regular files are read from it: a FIFO, a device or a folder named
// *.yaml is an error, never waited on.
func PathSource(p string) Source {
	clean := filepath.Clean(p)
	if st, err := os.Stat(clean); err == nil && !st.IsDir() {
		return Source{FS: newDirFS(filepath.Dir(clean)), Root: filepath.Base(clean), Label: filepath.Dir(p)}
	}
	return Source{FS: newDirFS(clean), Root: ".", Label: p}
}

// Library is the resolved set of exercises, routines and tips from all
// sources.
type Library struct {
	exercises map[string]*Exercise
	exOrder   []string
	routines  map[string]*Routine
	rtOrder   []string
	tips      map[string]*Tip
	tipOrder  []string
	// outcome measures (assessments.go)
	assessments map[string]*Assessment
	asOrder     []string
	broken      map[string]Pos // exercises left out for their errors
	// Notices tell content authors what replaced what.
	Notices []Notice
	// Warnings are for authors only: what is valid but likely not meant,
	// such as a step joined to the one above. The coach never shows them.
	Warnings []*Error
	// Files counts the files read; Skipped names those that could not be
	// used at all.
	Files   int
	Skipped []string
}

// Exercise returns the exercise with the id.
func (l *Library) Exercise(id string) (*Exercise, bool) {
	e, ok := l.exercises[id]
	return e, ok
}

// Routine returns the routine with the id.
func (l *Library) Routine(id string) (*Routine, bool) {
	r, ok := l.routines[id]
	return r, ok
}

// Exercises lists every exercise in the order the files define them.
func (l *Library) Exercises() []*Exercise { return inOrder(l.exercises, l.exOrder) }

// Routines lists every routine in definition order.
func (l *Library) Routines() []*Routine { return inOrder(l.routines, l.rtOrder) }

// Tips lists every tip in definition order.
func (l *Library) Tips() []*Tip { return inOrder(l.tips, l.tipOrder) }

// inOrder lists the values of m by the ids in order.
func inOrder[T any](m map[string]*T, order []string) []*T {
	out := make([]*T, 0, len(order))
	for _, id := range order {
		out = append(out, m[id])
	}
	return out
}

// ExerciseIDs lists every id, for suggestions.
func (l *Library) ExerciseIDs() []string { return slices.Clone(l.exOrder) }

// RoutineIDs lists every routine id, for suggestions.
func (l *Library) RoutineIDs() []string { return slices.Clone(l.rtOrder) }

// Suggest returns a known id close to a mistyped one, or "".
func Suggest(id string, known []string) string { return didYouMean(id, known) }

// Load reads every source, validates it, and resolves references. It always
// returns a usable library: what has errors is left out and reported, and
// the rest loads.
func Load(sources ...Source) (*Library, []*Error) {
	ld := &loader{
		lib: &Library{
			exercises:   map[string]*Exercise{},
			routines:    map[string]*Routine{},
			tips:        map[string]*Tip{},
			assessments: map[string]*Assessment{},
			broken:      map[string]Pos{},
		},
		progSets: map[*Exercise]bool{},
	}
	for _, src := range sources {
		ld.source(src)
	}
	winners := ld.winningRoutines()
	ld.lowerBases(winners)
	for _, r := range winners {
		if rerrs := ld.lib.resolve(r); len(rerrs) > 0 {
			ld.errs = append(ld.errs, rerrs...)
			continue
		}
		rt := r.r
		ld.lib.rtOrder = append(ld.lib.rtOrder, rt.ID)
		ld.lib.routines[rt.ID] = &rt
	}
	return ld.lib, ld.errs
}

// loader gathers a library from its sources, in order: a later source
// replaces an earlier one's definitions by id.
type loader struct {
	lib      *Library
	errs     []*Error
	routines []*rawRoutine // every routine read, winners picked at the end
	progSets map[*Exercise]bool
}

// source reads one source and takes in what its files define.
func (ld *loader) source(src Source) {
	lib := ld.lib
	files, ferrs := readSource(src)
	ld.errs = append(ld.errs, ferrs...)
	lib.Files += len(files)
	first := map[string]Pos{} // ids defined in this source
	dup := func(kind, id string, p Pos) bool {
		key := kind + "\x00" + id
		if q, ok := first[key]; ok {
			ld.errs = append(ld.errs, &Error{Pos: p, Field: "id", Msg: fmt.Sprintf(
				"%s %q is defined twice in this library (first at %s:%d); give each its own id", kind, id, Escape(q.File), q.Line)})
			return true
		}
		first[key] = p
		return false
	}
	for _, f := range files {
		if f.def == nil {
			lib.Skipped = append(lib.Skipped, f.name)
			continue
		}
		lib.Warnings = append(lib.Warnings, f.def.warnings...)
		maps.Copy(lib.broken, f.def.broken)
		origin := originOf(src, f.name)
		for _, e := range f.def.exercises {
			if !dup("exercise", e.ID, e.Pos) {
				ld.addExercise(e, origin, f.def.progSets[e])
			}
		}
		for _, r := range f.def.routines {
			if !dup("routine", r.r.ID, r.r.Pos) {
				r.r.Origin = origin
				ld.routines = append(ld.routines, r)
			}
		}
		for _, t := range f.def.tips {
			if !dup("tip", t.ID, t.Pos) {
				t.Origin = origin
				if _, ok := lib.tips[t.ID]; !ok {
					lib.tipOrder = append(lib.tipOrder, t.ID)
				}
				lib.tips[t.ID] = t
			}
		}
		for _, a := range f.def.assessments {
			if !dup("assessment", a.ID, a.Pos) {
				a.Origin = origin
				lib.addAssessment(a)
			}
		}
	}
}

// addExercise takes in an exercise, replacing one of the same id.
func (ld *loader) addExercise(e *Exercise, origin string, progSets bool) {
	lib := ld.lib
	e.Origin = origin
	if old, ok := lib.exercises[e.ID]; ok {
		lib.Notices = append(lib.Notices, Notice{e.Pos, fmt.Sprintf("exercise %q replaces the one from %s", e.ID, Escape(old.Origin))})
	} else {
		lib.exOrder = append(lib.exOrder, e.ID)
	}
	lib.exercises[e.ID] = e
	ld.progSets[e] = progSets
}

// winningRoutines are the last definition of each routine id, in the
// order they were first read; earlier ones are replaced.
func (ld *loader) winningRoutines() []*rawRoutine {
	final := map[string]*rawRoutine{}
	for _, r := range ld.routines {
		if old, ok := final[r.r.ID]; ok {
			ld.lib.Notices = append(ld.lib.Notices, Notice{r.r.Pos, fmt.Sprintf("routine %q replaces the one from %s", r.r.ID, Escape(old.r.Origin))})
		}
		final[r.r.ID] = r
	}
	var winners []*rawRoutine
	for _, r := range ld.routines {
		if final[r.r.ID] == r {
			winners = append(winners, r)
		}
	}
	return winners
}

// lowerBases lets a routine start an exercise with fewer sets than the
// exercise's own dose: for exercises without levels the ladder then
// reaches down to it.
func (ld *loader) lowerBases(winners []*rawRoutine) {
	for _, r := range winners {
		for _, it := range r.items {
			e, ok := ld.lib.exercises[it.id]
			if !ok || it.sets == nil || ld.progSets[e] || e.Ladder.Levels > 1 {
				continue
			}
			if *it.sets < e.Ladder.BaseSets {
				e.Ladder.BaseSets = *it.sets
				e.Progression.SetsMin = *it.sets
			}
		}
	}
}

func originOf(src Source, file string) string {
	if src.Origin != "" {
		return src.Origin
	}
	return file
}

// resolve links a routine's items to exercises and checks each starting dose
// lies on the exercise's ladder.
func (lib *Library) resolve(r *rawRoutine) []*Error {
	var errs []*Error
	bad := func(p Pos, field, format string, args ...any) {
		errs = append(errs, &Error{Pos: p, Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	r.r.Items = r.r.Items[:0]
	for _, it := range r.items {
		e, ok := lib.exercises[it.id]
		if p, left := lib.broken[it.id]; !ok && left {
			where := fmt.Sprintf("%s:%d", Escape(p.File), p.Line)
			if p.File == it.pos.File {
				where = fmt.Sprintf("line %d", p.Line)
			}
			bad(it.pos, it.field, "exercise %q is left out for its errors (%s); fix those first", it.id, where)
			continue
		}
		if !ok {
			bad(it.pos, it.field, "no exercise has the id %q%s", it.id, Meant(it.id, lib.exOrder, "; `limber list` shows the ids"))
			continue
		}
		ds := e.Dose
		if it.sets != nil {
			ds.Sets = *it.sets
		}
		if it.level != nil {
			ds.Level = *it.level
		}
		if it.rest != nil {
			ds.Rest = *it.rest
		}
		if it.value != nil {
			want := e.Dose.Kind.Field()
			if it.valueKey != want {
				bad(it.valuePos, it.field+".dose."+it.valueKey, "%s is a %s exercise; use %s", e.ID, e.Dose.Kind, want)
				continue
			}
			ds = ds.WithRung(Rung{Sets: ds.Sets, Level: ds.Level, Value: *it.value})
		}
		if !e.Ladder.Contains(ds.Rung()) {
			bad(it.pos, it.field+".dose", "this starting dose is not on %s's ladder: %s", e.ID, OffLadder(e, ds.Rung()))
			continue
		}
		r.r.Items = append(r.r.Items, RoutineItem{ID: e.ID, Start: ds, Pos: it.pos})
	}
	return errs
}

// OffLadder says why a rung is not on an exercise's ladder.
func OffLadder(e *Exercise, r Rung) string {
	l := e.Ladder
	switch {
	case r.Level > l.Levels:
		return fmt.Sprintf("level %d is past its %d levels", r.Level, l.Levels)
	case r.Value < l.Min || r.Value > l.Max || (r.Value-l.Min)%l.Step != 0:
		return fmt.Sprintf("%d is not on its grid %d to %d by %d", r.Value, l.Min, l.Max, l.Step)
	case r.Sets < l.BaseSets || r.Sets > l.MaxSets:
		return fmt.Sprintf("%d sets is outside %d to %d", r.Sets, l.BaseSets, l.MaxSets)
	}
	return fmt.Sprintf("more than %d sets only at its top level, %d", l.BaseSets, l.Levels)
}

type fileResult struct {
	name string
	def  *fileDef
}

// readSource lists a source's .yaml files and parses them, in parallel, in a
// stable order.
func readSource(src Source) ([]fileResult, []*Error) {
	root := src.Root
	if root == "" {
		root = "."
	}
	var names []string
	var errs []*Error
	label := func(p string) string {
		if src.Label == "" {
			return p
		}
		return path.Join(filepath.ToSlash(src.Label), p)
	}
	walkErr := fs.WalkDir(src.FS, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &Error{Pos: Pos{File: label(p), Line: 1, Col: 1}, Msg: "cannot read: " + Escape(unwrapPathErr(err))})
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && (p == root || strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			names = append(names, p)
		}
		return nil
	})
	if walkErr != nil {
		errs = append(errs, &Error{Pos: Pos{File: label(root), Line: 1, Col: 1}, Msg: "cannot read: " + Escape(unwrapPathErr(walkErr))})
	}
	results := make([]fileResult, len(names))
	perr := make([][]*Error, len(names))
	work := func(i int) {
		name := label(names[i])
		results[i].name = name
		data, err := readLimited(src.FS, names[i])
		if err != nil {
			perr[i] = []*Error{{Pos: Pos{File: name, Line: 1, Col: 1}, Msg: err.Error()}}
			return
		}
		results[i].def, perr[i] = parseFile(name, data)
	}
	// Two cores parse a large library in about half the time; small ones
	// are not worth a goroutine.
	workers := min(runtime.GOMAXPROCS(0), len(names))
	if workers <= 1 {
		for i := range names {
			work(i)
		}
	} else {
		var wg sync.WaitGroup
		next := make(chan int)
		for range workers {
			wg.Go(func() {
				for i := range next {
					work(i)
				}
			})
		}
		for i := range names {
			next <- i
		}
		close(next)
		wg.Wait()
	}
	for _, e := range perr {
		errs = append(errs, e...)
	}
	return results, errs
}

func unwrapPathErr(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// readLimited reads a regular file, refusing one over MaxFileSize without
// reading all of it, and anything else (a FIFO, a device, a folder named
// *.yaml) without reading it at all.
func readLimited(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %s", Escape(unwrapPathErr(err)))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read: %s", Escape(unwrapPathErr(err)))
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("this is %s, not a regular file; a library file must be a plain text file", regfile.What(st.Mode()))
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("the file is %d bytes; library files may be at most 8 MiB", st.Size())
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %s", Escape(unwrapPathErr(err)))
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("the file is over 8 MiB; library files may be at most 8 MiB")
	}
	return data, nil
}
