//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package journal

import (
	"errors"
	"os"
	"syscall"
)

// lock takes an advisory flock on f, exclusive for writers and shared for
// readers, so a reader never sees a line that a writer is half-way through.
// flock locks belong to the open file, so two goroutines of one process
// exclude each other too.
func lock(f *os.File, exclusive bool) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	for {
		err := syscall.Flock(int(f.Fd()), how)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}

func unlock(f *os.File) error { return syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }

// mapFile maps f's first size bytes read-only, which at start-up is faster
// than copying them: the kernel hands over its cached pages. ok is false
// where mapping fails (some file systems); the caller then reads instead.
// Reading the mapping can fault if another program truncates the file, so
// readers of it run with debug.SetPanicOnFault.
func mapFile(f *os.File, size int64) (data []byte, unmap func(), ok bool) {
	if size <= 0 || int64(int(size)) != size {
		return nil, nil, false
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, false
	}
	return data, func() { syscall.Munmap(data) }, true
}
