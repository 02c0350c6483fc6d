package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The coach's reload sees every kind of save, and nothing else.
func TestLibraryStampAndReloader(t *testing.T) {
	dir := writeLib(t, mylib)
	file := filepath.Join(dir, "hands.yaml")
	e := &env{libraries: []string{dir}}
	reload := e.reloader()
	if lib, errs := reload(); lib != nil || errs != nil {
		t.Fatal("a reload with nothing changed")
	}
	// Each change gives a library (or its errors), once.
	tick := time.Now()
	changes := []struct {
		what   string
		change func()
		errors int
	}{
		{"a save in place, same size", func() {
			os.WriteFile(file, []byte(strings.Replace(mylib, "Finger lifts", "Finger raise", 1)), 0o644)
			tick = tick.Add(time.Second)
			os.Chtimes(file, tick, tick)
		}, 0},
		{"a save by rename", func() {
			os.WriteFile(file+".tmp", []byte(mylib), 0o644)
			os.Rename(file+".tmp", file)
		}, 0},
		{"a broken save", func() {
			os.WriteFile(file, []byte(strings.Replace(mylib, "    name: Finger", "   name: Finger", 1)), 0o644)
		}, 1},
		{"a new file in a new folder", func() {
			os.WriteFile(file, []byte(mylib), 0o644)
			os.Mkdir(filepath.Join(dir, "more"), 0o755)
			os.WriteFile(filepath.Join(dir, "more", "tips.yaml"), []byte("tips:\n  - {id: warm, title: Warm, text: Warm water.}\n"), 0o644)
		}, 0},
		{"a file removed", func() { os.Remove(filepath.Join(dir, "more", "tips.yaml")) }, 0},
	}
	for _, c := range changes {
		c.change()
		lib, errs := reload()
		if lib == nil || len(errs) != c.errors {
			t.Fatalf("%s: library %v, %d errors, want %d", c.what, lib != nil, len(errs), c.errors)
		}
		if lib, _ := reload(); lib != nil {
			t.Fatalf("%s: reloaded twice", c.what)
		}
	}
	// An editor's swap file, a backup in a hidden folder and a file that is
	// not YAML change nothing the coach reads.
	os.WriteFile(filepath.Join(dir, ".hands.yaml.swp"), []byte("x"), 0o644)
	os.Mkdir(filepath.Join(dir, ".backup"), 0o755)
	os.WriteFile(filepath.Join(dir, ".backup", "hands.yaml"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o644)
	if lib, _ := reload(); lib != nil {
		t.Fatal("reloaded for a file that is not part of the library")
	}
}
