//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd)

package journal

import "os"

// lock is a no-op where flock is missing: appends then rely on O_APPEND
// alone, which still keeps one process's lines whole.
func lock(f *os.File, exclusive bool) error { return nil }

func unlock(f *os.File) error { return nil }

// mapFile is not offered here: Read copies the file instead.
func mapFile(f *os.File, size int64) (data []byte, unmap func(), ok bool) { return nil, nil, false }
