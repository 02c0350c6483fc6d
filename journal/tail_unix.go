//go:build unix

package journal

import (
	"io/fs"
	"syscall"
)

// fileID is the file's device and inode.
func fileID(fi fs.FileInfo) [2]uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return [2]uint64{uint64(st.Dev), uint64(st.Ino)}
	}
	return [2]uint64{}
}
