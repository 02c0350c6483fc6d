package remind

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Notify shows title and body as a desktop notification: through
// osascript on macOS; elsewhere through the freedesktop notification
// service, by notify-send if it is installed, else by gdbus. It returns
// the command that showed it, or an error saying why none could: then
// the caller leaves the reminder for the next prompt. The notification
// stays until it is dismissed, as the person may be away from the screen.
func Notify(sys System, goos, title, body string) (string, error) {
	var why []string
	try := func(name string, args ...string) bool {
		if _, err := sys.LookPath(name); err != nil {
			return false
		}
		if _, err := sys.Run(nil, name, args...); err != nil {
			why = append(why, err.Error())
			return false
		}
		return true
	}
	if goos == "darwin" {
		if try("osascript", "-e", fmt.Sprintf("display notification %s with title %s", appleQuote(body), appleQuote(title))) {
			return "osascript", nil
		}
	} else {
		if try("notify-send", "--app-name=limber", "--expire-time=0", "--", title, body) {
			return "notify-send", nil
		}
		if try("gdbus", "call", "--session", "--dest", "org.freedesktop.Notifications",
			"--object-path", "/org/freedesktop/Notifications", "--method", "org.freedesktop.Notifications.Notify",
			`"limber"`, "0", `""`, gvariantQuote(title), gvariantQuote(body), "[]", "{}", "0") {
			return "gdbus", nil
		}
	}
	if len(why) == 0 {
		return "", errors.New("no desktop notifier here (notify-send, gdbus or osascript)")
	}
	return "", errors.New(strings.Join(why, "; "))
}

// appleQuote is s as an AppleScript string.
func appleQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// gvariantQuote is s as a GVariant text string, which gdbus call reads.
func gvariantQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// SessionBus is the address of the user's D-Bus session bus when the
// environment does not give one, as under cron: the bus socket in
// $XDG_RUNTIME_DIR, else in /run/user/UID, where a desktop login puts it.
// It is "" when the environment has one, or there is none.
func SessionBus(getenv func(string) string, uid int) string {
	if getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		return ""
	}
	dir := getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		dir = fmt.Sprintf("/run/user/%d", uid)
	}
	path := filepath.Join(dir, "bus")
	if fi, err := os.Stat(path); err != nil || fi.Mode()&fs.ModeSocket == 0 {
		return ""
	}
	return "unix:path=" + path
}
