package main

import (
	"fmt"
	"hash/fnv"
	"io/fs"
	"path/filepath"
	"strings"

	"limber/exercises"
)

// libraryStamp sums up what the --library files are now: each .yaml or
// .yml file's path, size and time of change, as Load would read them
// (names starting with "." skipped). Two stamps differ when a file was
// saved, added, removed or renamed.
func libraryStamp(paths []string) uint64 {
	h := fnv.New64a()
	for _, root := range paths {
		fmt.Fprintf(h, "root %s\n", root)
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(h, "error %s\n", p)
				return nil
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || (p != root && !strings.HasSuffix(p, ".yaml") && !strings.HasSuffix(p, ".yml")) {
				return nil
			}
			if info, err := d.Info(); err == nil {
				fmt.Fprintf(h, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
			}
			return nil
		})
	}
	return h.Sum64()
}

// reloader is the coach's Reload for --library: the library loaded again
// when a stamp of its files differs from the last one, else nil.
func (e *env) reloader() func() (*exercises.Library, []*exercises.Error) {
	stamp := libraryStamp(e.libraries)
	return func() (*exercises.Library, []*exercises.Error) {
		now := libraryStamp(e.libraries)
		if now == stamp {
			return nil, nil
		}
		stamp = now
		return e.loadLibrary()
	}
}
