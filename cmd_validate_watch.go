package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"limber/exercises"
)

// settle is how long --watch waits after a change before it checks: an
// editor's save is often several events (a write, or a new file renamed
// over the old one), and one check after the last is enough.
const settle = 150 * time.Millisecond

// watchValidate checks the paths (or every --library), then again after
// every change to a library file under them, until ctx ends. It watches
// folders, not files, so that a save by rename (vim, many IDEs) is seen
// as well as a write in place. clear clears the screen before each check.
func (e *env) watchValidate(ctx context.Context, paths []string, strict, clear bool) error {
	watched := paths
	if len(watched) == 0 {
		watched = e.libraries
	}
	if len(watched) == 0 {
		return usagef("validate --watch needs a PATH or a --library to watch")
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return invalidf("cannot watch for changes: %v", err)
	}
	defer w.Close()
	lf := libraryFiles{files: map[string]bool{}}
	for _, p := range watched {
		st, err := os.Stat(p)
		if err != nil {
			return invalidf("cannot watch %s: %v", exercises.Escape(p), unwrapPath(err))
		}
		abs, _ := filepath.Abs(p)
		if !st.IsDir() {
			lf.files[abs] = true
			if err := w.Add(filepath.Dir(p)); err != nil {
				return invalidf("cannot watch %s: %v", exercises.Escape(p), err)
			}
			continue
		}
		if err := addTree(w, p); err != nil {
			return invalidf("cannot watch %s: %v", exercises.Escape(p), err)
		}
		lf.trees = append(lf.trees, abs)
	}
	check := func() {
		if clear {
			fmt.Fprint(e.stdout, "\x1b[H\x1b[2J")
		}
		fmt.Fprintf(e.stdout, "limber validate --watch · %s · %s (Ctrl+C to stop)\n",
			time.Now().Format("15:04:05"), exercises.Escape(strings.Join(watched, ", ")))
		e.validate(paths, strict)
	}
	check()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() && !hidden(ev.Name) {
					addTree(w, ev.Name) // a new folder: its files count too
					timer.Reset(settle)
					continue
				}
			}
			if ev.Op == fsnotify.Chmod || !lf.has(ev.Name) {
				continue
			}
			timer.Reset(settle)
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			fmt.Fprintf(e.stderr, "limber: warning: watching: %s\n", exercises.Escape(err.Error()))
		case <-timer.C:
			check()
		}
	}
}

// addTree watches a folder and the folders under it, as Load reads them
// (names starting with "." are skipped).
func addTree(w *fsnotify.Watcher, root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != root && hidden(p) {
			return filepath.SkipDir
		}
		return w.Add(p)
	})
}

func hidden(p string) bool { return strings.HasPrefix(filepath.Base(p), ".") }

// libraryFiles are what --watch checks: every .yaml or .yml file under
// the folders (not hidden: an editor's swap and backup files are), and the
// single files named on the line.
type libraryFiles struct {
	trees []string
	files map[string]bool
}

// has reports whether a change to name can change what validate says.
func (lf libraryFiles) has(name string) bool {
	abs, _ := filepath.Abs(name)
	if lf.files[abs] {
		return true
	}
	if hidden(name) || !(strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")) {
		return false
	}
	for _, t := range lf.trees {
		if rel, err := filepath.Rel(t, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return true
		}
	}
	return false
}

// unwrapPath is a path error's reason alone: the path is in the message.
func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
