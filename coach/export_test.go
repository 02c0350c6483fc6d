package coach

import "os"

// SetSaveAfter sets how much of the journal a cache may leave uncovered,
// for tests that want a cache at every step; it returns a func that puts
// it back.
func SetSaveAfter(n int64) func() {
	was := saveAfter
	saveAfter = n
	return func() { saveAfter = was }
}

// NoSync skips syncing caches to disk, for tests that write thousands; it
// returns a func that puts it back.
func NoSync() func() {
	was := syncFile
	syncFile = func(*os.File) error { return nil }
	return func() { syncFile = was }
}
