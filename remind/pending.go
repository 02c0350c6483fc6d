package remind

import (
	"fmt"
	"limber/coach"
	"os"
	"path/filepath"
	"time"
)

// PendingName is the file in the data directory that a reminder leaves
// when there is no desktop to show it: the next shell prompt that runs
// limber status --short says so, once.
const PendingName = "reminder.pending"

// LeavePending leaves the reminder for the next prompt.
func LeavePending(dir string, now time.Time) error {
	path := filepath.Join(dir, PendingName)
	msg := fmt.Sprintf("a reminder went off at %s; limber status --short shows it once, then removes this file\n", now.Format(time.RFC3339))
	return os.WriteFile(path, []byte(msg), 0o600)
}

// TakePending reports whether a reminder of today is waiting for the
// prompt, and removes it, so that it is said once. One left from an
// earlier day is removed unsaid. Anything but a regular file is left
// alone and not said.
func TakePending(dir string, now time.Time) bool {
	path := filepath.Join(dir, PendingName)
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	if os.Remove(path) != nil {
		return false // said every time if it cannot be removed: better unsaid
	}
	return !fi.ModTime().Before(coach.Midnight(now))
}
