package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"limber/coach"
	"limber/content"
	"limber/exercises"
	"limber/journal"
	"limber/remind"
)

// fakeSystem is a temporary HOME and a PATH that holds only fake
// systemctl, crontab, notify-send and gdbus. Each records its calls in
// log; the crontab lives in the file crontab; systemd answers only while
// the file systemd-up exists; a notifier succeeds only while its file
// NAME-works exists.
type fakeSystem struct {
	t              *testing.T
	home, bin, dir string
	data           string
}

const fakeSystemctl = `#!/bin/sh
echo "systemctl $*" >> "$FAKE_DIR/log"
units="$HOME/.config/systemd/user"
case "$*" in
"--user show-environment")
	[ -f "$FAKE_DIR/systemd-up" ] || { echo "Failed to connect to bus: No medium found" >&2; exit 1; }
	echo "HOME=$HOME" ;;
"--user enable --now limber-remind.timer")
	[ -f "$units/limber-remind.timer" ] || { echo "Unit file limber-remind.timer does not exist." >&2; exit 1; }
	/bin/mkdir -p "$units/timers.target.wants" &&
	/bin/ln -sf "$units/limber-remind.timer" "$units/timers.target.wants/limber-remind.timer" ;;
"--user disable --now limber-remind.timer")
	/bin/rm -f "$units/timers.target.wants/limber-remind.timer" ;;
esac
exit 0
`

const fakeCrontab = `#!/bin/sh
echo "crontab $*" >> "$FAKE_DIR/log"
tab="$FAKE_DIR/crontab"
case "$1" in
-l) [ -f "$tab" ] || { echo "no crontab for $USER" >&2; exit 1; }; /bin/cat "$tab" ;;
-r) [ -f "$tab" ] || { echo "no crontab for $USER" >&2; exit 1; }; /bin/rm "$tab" ;;
-) /bin/cat > "$tab" ;;
*) exit 2 ;;
esac
`

// fakeNotifier records its arguments, one a line, and fails unless its
// NAME-works file exists.
const fakeNotifier = `#!/bin/sh
name=$(/usr/bin/basename "$0")
echo "$name" >> "$FAKE_DIR/log"
for a in "$@"; do echo "$a"; done > "$FAKE_DIR/$name.args"
[ -f "$FAKE_DIR/$name-works" ] || { echo "Cannot autolaunch D-Bus without X11 \$DISPLAY" >&2; exit 1; }
`

func newFakeSystem(t *testing.T, tools ...string) *fakeSystem {
	t.Helper()
	root := t.TempDir()
	f := &fakeSystem{t: t, home: filepath.Join(root, "home"), bin: filepath.Join(root, "bin"), dir: filepath.Join(root, "fake")}
	f.data = filepath.Join(f.home, "data")
	for _, d := range []string{f.home, f.bin, f.dir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	scripts := map[string]string{"systemctl": fakeSystemctl, "crontab": fakeCrontab, "notify-send": fakeNotifier, "gdbus": fakeNotifier}
	for _, name := range tools {
		if err := os.WriteFile(filepath.Join(f.bin, name), []byte(scripts[name]), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("HOME", f.home)
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("XDG_RUNTIME_DIR", f.dir) // no bus socket there
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("PATH", f.bin)
	t.Setenv("FAKE_DIR", f.dir)
	old := executable
	executable = func() (string, error) { return "/opt/limber apps/bin/limber", nil }
	t.Cleanup(func() { executable = old })
	return f
}

func (f *fakeSystem) set(name string, on bool) {
	f.t.Helper()
	path := filepath.Join(f.dir, name)
	if on {
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			f.t.Fatal(err)
		}
	} else {
		os.Remove(path)
	}
}

func (f *fakeSystem) log() string {
	data, _ := os.ReadFile(filepath.Join(f.dir, "log"))
	os.Remove(filepath.Join(f.dir, "log"))
	return string(data)
}

func (f *fakeSystem) crontab() (string, bool) {
	data, err := os.ReadFile(filepath.Join(f.dir, "crontab"))
	return string(data), err == nil
}

// tree lists every file, folder and link under HOME, with each file's
// content and each link's target.
func (f *fakeSystem) tree() []string {
	var out []string
	filepath.WalkDir(f.home, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(f.home, p)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			out = append(out, rel+" -> "+target)
		case d.IsDir():
			out = append(out, rel+"/")
		default:
			data, _ := os.ReadFile(p)
			out = append(out, rel+": "+string(data))
		}
		return nil
	})
	return out
}

func (f *fakeSystem) limber(args ...string) (int, string, string) {
	f.t.Helper()
	var out, errb strings.Builder
	code := run(append([]string{"--data-dir", f.data}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func TestRemindSystemdTimer(t *testing.T) {
	f := newFakeSystem(t, "systemctl", "crontab")
	f.set("systemd-up", true)
	f.set("crontab", true) // an empty crontab that must stay untouched
	os.MkdirAll(filepath.Join(f.home, ".config"), 0o755)
	before := f.tree()

	code, out, stderr := f.limber("remind", "--at", "9:30,18:00", "--days", "mon,wed,fri")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	units := filepath.Join(f.home, ".config", "systemd", "user")
	for _, want := range []string{"Reminder set for 09:30 and 18:00 on Mon, Wed, Fri, by a systemd user timer",
		filepath.Join(units, "limber-remind.timer"), "To remove it: limber remind --off",
		"At those times it runs: /opt/limber apps/bin/limber --data-dir " + f.data + " remind --fire"} {
		if !strings.Contains(out, want) {
			t.Errorf("the output lacks %q:\n%s", want, out)
		}
	}
	timer, _ := os.ReadFile(filepath.Join(units, "limber-remind.timer"))
	svc, _ := os.ReadFile(filepath.Join(units, "limber-remind.service"))
	for _, want := range []string{"OnCalendar=Mon,Wed,Fri *-*-* 09:30:00\nOnCalendar=Mon,Wed,Fri *-*-* 18:00:00\n", "WantedBy=timers.target"} {
		if !strings.Contains(string(timer), want) {
			t.Errorf("the timer lacks %q:\n%s", want, timer)
		}
	}
	if want := `ExecStart="/opt/limber apps/bin/limber" --data-dir ` + f.data + " remind --fire\n"; !strings.Contains(string(svc), want) {
		t.Errorf("the service lacks %q:\n%s", want, svc)
	}
	log := f.log()
	for _, want := range []string{"systemctl --user daemon-reload", "systemctl --user enable --now limber-remind.timer"} {
		if !strings.Contains(log, want) {
			t.Errorf("systemctl was not asked to %q:\n%s", want, log)
		}
	}
	if strings.Contains(log, "crontab -\n") || strings.Contains(log, "crontab -r") {
		t.Errorf("the crontab was written:\n%s", log)
	}
	if _, err := os.Lstat(filepath.Join(units, "timers.target.wants", "limber-remind.timer")); err != nil {
		t.Errorf("the timer was not enabled: %v", err)
	}

	code, out, _ = f.limber("remind")
	if code != 0 || !strings.Contains(out, "Set: the systemd user timer limber-remind.timer (OnCalendar=Mon,Wed,Fri *-*-* 09:30:00; OnCalendar=Mon,Wed,Fri *-*-* 18:00:00)") {
		t.Errorf("remind shows, exit %d:\n%s", code, out)
	}

	code, out, _ = f.limber("remind", "--off")
	if code != 0 || !strings.Contains(out, "Removed: the systemd user timer") || !strings.Contains(out, "Nothing else was changed.") {
		t.Errorf("--off, exit %d:\n%s", code, out)
	}
	if !strings.Contains(f.log(), "systemctl --user disable --now limber-remind.timer") {
		t.Error("--off did not disable the timer")
	}
	if after := f.tree(); !slices.Equal(after, before) {
		t.Errorf("--off left HOME as\n%s\nnot as before\n%s", strings.Join(after, "\n"), strings.Join(before, "\n"))
	}
	if tab, ok := f.crontab(); !ok || tab != "" {
		t.Errorf("the crontab changed: %q %v", tab, ok)
	}
	code, out, _ = f.limber("remind", "--off")
	if code != 0 || out != "No reminder was set; nothing changed.\n" {
		t.Errorf("a second --off, exit %d: %s", code, out)
	}
}

// A unit folder that was there before is kept; one that the install made
// goes with --off, unless something else was put in it since.
func TestRemindSystemdKeepsOthersFiles(t *testing.T) {
	f := newFakeSystem(t, "systemctl")
	f.set("systemd-up", true)
	units := filepath.Join(f.home, ".config", "systemd", "user")
	if code, _, stderr := f.limber("remind", "--at", "07:00"); code != 0 {
		t.Fatal(stderr)
	}
	mine := filepath.Join(units, "my.service")
	os.WriteFile(mine, []byte("[Service]\n"), 0o644)
	if code, _, stderr := f.limber("remind", "--off"); code != 0 {
		t.Fatal(stderr)
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("--off removed a file it did not write: %v", err)
	}
	for _, gone := range []string{"limber-remind.timer", "limber-remind.service", "timers.target.wants"} {
		if _, err := os.Lstat(filepath.Join(units, gone)); err == nil {
			t.Errorf("--off left %s", gone)
		}
	}
}

func TestRemindCronWithoutSystemd(t *testing.T) {
	const tab = "MAILTO=\"\"\n# my backups, and a line that names limber\n0 3 * * * /usr/bin/backup 50\\% --quiet\n*/5 * * * * limber status --short > /tmp/s\n"
	for _, c := range []struct {
		name  string
		tools []string
	}{
		{"systemctl does not answer", []string{"systemctl", "crontab"}},
		{"no systemctl", []string{"crontab"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeSystem(t, c.tools...)
			os.WriteFile(filepath.Join(f.dir, "crontab"), []byte(tab), 0o600)
			before := f.tree()
			code, out, stderr := f.limber("remind", "--at", "09:30", "--days", "tue,thu")
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			line := `30 9 * * 2,4 '/opt/limber apps/bin/limber' --data-dir ` + f.data + " remind --fire " + remind.Marker
			got, _ := f.crontab()
			if got != tab+line+"\n" {
				t.Errorf("the crontab is\n%s\nwant the old one and\n%s", got, line)
			}
			if !strings.Contains(out, "by this line in your crontab (no other line was touched):\n  "+line+"\n") {
				t.Errorf("the output does not show the line:\n%s", out)
			}
			// Set again at another time: the old line goes, the new one comes.
			if code, _, stderr := f.limber("remind", "--at", "18:15"); code != 0 {
				t.Fatal(stderr)
			}
			got, _ = f.crontab()
			if strings.Count(got, remind.Marker) != 1 || !strings.HasPrefix(got, tab+"15 18 * * * ") {
				t.Errorf("set twice, the crontab is\n%s", got)
			}
			code, out, _ = f.limber("remind", "--off")
			if code != 0 || !strings.Contains(out, "Removed: limber's line(s) in your crontab") {
				t.Errorf("--off, exit %d: %s", code, out)
			}
			if got, _ := f.crontab(); got != tab {
				t.Errorf("--off left the crontab as\n%q\nnot as before\n%q", got, tab)
			}
			if after := f.tree(); !slices.Equal(after, before) {
				t.Errorf("HOME changed:\n%s", strings.Join(after, "\n"))
			}
		})
	}
}

// With no crontab before, --off leaves none: not an empty one.
func TestRemindCronNoCrontabBefore(t *testing.T) {
	f := newFakeSystem(t, "crontab")
	if code, _, stderr := f.limber("remind", "--at", "09:30"); code != 0 {
		t.Fatal(stderr)
	}
	if _, ok := f.crontab(); !ok {
		t.Fatal("no crontab was installed")
	}
	if code, _, stderr := f.limber("remind", "--off"); code != 0 {
		t.Fatal(stderr)
	}
	if tab, ok := f.crontab(); ok {
		t.Errorf("--off left a crontab: %q", tab)
	}
	if log := f.log(); !strings.HasSuffix(log, "crontab -l\ncrontab -r\n") {
		t.Errorf("calls:\n%s", log)
	}
}

func TestRemindNeitherSystemdNorCron(t *testing.T) {
	f := newFakeSystem(t, "systemctl")
	code, _, stderr := f.limber("remind", "--at", "09:30")
	if code != 1 || !strings.Contains(stderr, "neither a systemd user session nor crontab; install cron") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// Times and days: 1 for a value out of range, 2 for a malformed flag, each
// limit at its value and one either side.
func TestRemindFlags(t *testing.T) {
	cases := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"--at", "23:59"}, 0, ""},
		{[]string{"--at", "24:00"}, 1, `limber: --at "24:00" is not a time of day; hours go from 00 to 23 and minutes from 00 to 59`},
		{[]string{"--at", "25:00"}, 1, `limber: --at "25:00" is not a time of day`},
		{[]string{"--at", "09:59"}, 0, ""},
		{[]string{"--at", "09:60"}, 1, `limber: --at "09:60" is not a time of day`},
		{[]string{"--at", "00:00"}, 0, ""},
		{[]string{"--at", "9h30"}, 2, `limber: --at "9h30" is not a time of day; use 24-hour HH:MM, such as 09:30 or 09:30,18:00`},
		{[]string{"--at", ""}, 2, "limber: --at needs a value; run limber remind --help"},
		{[]string{"--at"}, 2, "limber: --at needs a value; run limber remind --help"},
		{[]string{"--at", "09:30", "--days", "mon,fry"}, 1, `limber: --days: "fry" is not a day of the week; did you mean "fri"?`},
		{[]string{"--at", "09:30", "--days", "mon;wed"}, 2, `limber: --days "mon;wed" is not a list of days`},
		{[]string{"--days", "mon"}, 2, "limber: --days goes with --at"},
		{[]string{"--off", "--at", "09:30"}, 2, "limber: choose one of --at and --off"},
		{[]string{"--fire", "--off"}, 2, "limber: --fire goes alone"},
		{[]string{"now"}, 2, `limber: remind takes no arguments, found "now"`},
	}
	for _, c := range cases {
		f := newFakeSystem(t, "crontab")
		code, _, stderr := f.limber(append([]string{"remind"}, c.args...)...)
		if code != c.code || !strings.HasPrefix(stderr, c.err) || (c.err == "") != (stderr == "") {
			t.Errorf("remind %q: exit %d, %q; want %d, %q", c.args, code, stderr, c.code, c.err)
		}
		if tab, _ := f.crontab(); (c.code == 0) != strings.Contains(tab, remind.Marker) {
			t.Errorf("remind %q: the crontab is %q", c.args, tab)
		}
	}
}

// The reminder runs this limber by a path that lasts: not a go run build.
func TestRemindRefusesATemporaryBuild(t *testing.T) {
	f := newFakeSystem(t, "crontab")
	executable = func() (string, error) { return "/tmp/go-build1234/b001/exe/limber", nil }
	code, _, stderr := f.limber("remind", "--at", "09:30")
	if code != 1 || !strings.Contains(stderr, "temporary build (go run)") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if _, ok := f.crontab(); ok {
		t.Error("a crontab was installed")
	}
}

// The libraries and the data directory go into the reminder as absolute
// paths.
func TestRemindKeepsLibrariesAbsolute(t *testing.T) {
	f := newFakeSystem(t, "crontab")
	t.Chdir(f.home)
	os.MkdirAll(filepath.Join(f.home, "mylib"), 0o755)
	var out, errb strings.Builder
	if code := run([]string{"--data-dir", "data", "--library", "mylib", "remind", "--at", "09:30"}, &out, &errb); code != 0 {
		t.Fatal(errb.String())
	}
	tab, _ := f.crontab()
	if want := " --data-dir " + f.data + " --library " + filepath.Join(f.home, "mylib") + " remind --fire "; !strings.Contains(tab, want) {
		t.Errorf("the line lacks %q:\n%s", want, tab)
	}
}

// writeSession journals a finished session of a routine at t, every
// exercise done, through the journal as the coach does.
func writeSession(t *testing.T, dir, routine string, at time.Time, outcome string) {
	t.Helper()
	lib, _ := exercises.Load(exercises.Source{FS: content.FS, Root: ".", Label: "content", Origin: "built-in"})
	rt, ok := lib.Routine(routine)
	if !ok {
		t.Fatalf("no routine %s", routine)
	}
	j, err := journal.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	sid := journal.NewSessionID(at)
	pain := 1
	recs := []journal.Record{{Kind: journal.KindSessionStart, At: at, Session: sid, Routine: routine, Baseline: &pain}}
	for _, it := range rt.Items {
		rg := it.Start.Rung()
		recs = append(recs,
			journal.Record{Kind: journal.KindSet, At: at, Session: sid, Routine: routine, Exercise: it.ID, Set: 1, Rung: &rg, Target: rg.Value, Achieved: rg.Value, Effort: 2},
			journal.Record{Kind: journal.KindExerciseEnd, At: at, Session: sid, Routine: routine, Exercise: it.ID, Pain: &pain})
	}
	recs = append(recs, journal.Record{Kind: journal.KindSessionEnd, At: at, Session: sid, Routine: routine, Outcome: outcome})
	if err := j.Append(recs...); err != nil {
		t.Fatal(err)
	}
}

func TestRemindFire(t *testing.T) {
	f := newFakeSystem(t, "notify-send", "gdbus")
	now := time.Now()
	writeSession(t, f.data, "feet-daily", now.AddDate(0, 0, -2), coach.OutcomeFinished)

	// A routine in use and not done today: notify-send shows it.
	f.set("notify-send-works", true)
	code, out, stderr := f.limber("remind", "--fire")
	if code != 0 || stderr != "" || out != "" {
		t.Fatalf("exit %d: %q %q (cron mails what a job prints)", code, out, stderr)
	}
	args, _ := os.ReadFile(filepath.Join(f.dir, "notify-send.args"))
	if want := "--app-name=limber\n--expire-time=0\n--\nlimber: time for your exercises\nFeet and ankles, daily: "; !strings.HasPrefix(string(args), want) {
		t.Errorf("notify-send was given\n%s\nwant it to begin\n%s", args, want)
	}
	if log := f.log(); log != "notify-send\n" {
		t.Errorf("calls: %q", log)
	}

	// No notify-send that works: gdbus, to the notification service.
	f.set("notify-send-works", false)
	f.set("gdbus-works", true)
	if code, out, _ := f.limber("remind", "--fire"); code != 0 || out != "" {
		t.Fatalf("exit %d: %s", code, out)
	}
	if log := f.log(); log != "notify-send\ngdbus\n" {
		t.Errorf("calls: %q", log)
	}
	args, _ = os.ReadFile(filepath.Join(f.dir, "gdbus.args"))
	if want := "call\n--session\n--dest\norg.freedesktop.Notifications\n--object-path\n/org/freedesktop/Notifications\n--method\norg.freedesktop.Notifications.Notify\n\"limber\"\n0\n\"\"\n\"limber: time for your exercises\"\n\"Feet and ankles, daily: "; !strings.HasPrefix(string(args), want) {
		t.Errorf("gdbus was given\n%s", args)
	}

	// No desktop at all: the next prompt says so, once.
	f.set("gdbus-works", false)
	code, out, stderr = f.limber("remind", "--fire")
	if code != 0 || stderr != "" || out != "" {
		t.Fatalf("exit %d: %s %s", code, out, stderr)
	}
	for i, want := range []string{"limber: reminder, 1 to do\n", "limber: 1 to do\n"} {
		if code, out, _ := f.limber("status", "--short"); code != 0 || out != want {
			t.Errorf("prompt %d: %q, want %q", i+1, out, want)
		}
	}

	// With nowhere to leave it either (a folder where the file goes): an
	// error, which cron mails.
	pending := filepath.Join(f.data, remind.PendingName)
	os.Mkdir(pending, 0o700)
	code, _, stderr = f.limber("remind", "--fire")
	if code != 1 || !strings.Contains(stderr, "could not show the reminder (notify-send: exit status 1: Cannot autolaunch D-Bus") ||
		!strings.Contains(stderr, "nor leave it for the next prompt") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	os.Remove(pending)

	// Done today: the reminder stays quiet, and calls nothing.
	f.set("notify-send-works", true)
	f.log()
	writeSession(t, f.data, "feet-daily", now, coach.OutcomeFinished)
	if code, out, stderr := f.limber("remind", "--fire"); code != 0 || out != "" || stderr != "" {
		t.Errorf("done today: exit %d, %q %q", code, out, stderr)
	}
	if log := f.log(); log != "" {
		t.Errorf("done today, the reminder ran %q", log)
	}
	if _, err := os.Stat(filepath.Join(f.data, remind.PendingName)); err == nil {
		t.Error("done today, the reminder left a line for the prompt")
	}
}

// A reminder left for the prompt yesterday is not said today.
func TestPendingFromYesterdayIsDropped(t *testing.T) {
	f := newFakeSystem(t)
	writeSession(t, f.data, "feet-daily", time.Now().AddDate(0, 0, -2), coach.OutcomeFinished)
	if err := remind.LeavePending(f.data, time.Now()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(f.data, remind.PendingName)
	old := time.Now().AddDate(0, 0, -1)
	os.Chtimes(path, old, old)
	if _, out, _ := f.limber("status", "--short"); out != "limber: 1 to do\n" {
		t.Errorf("%q", out)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("the old reminder was not removed")
	}
}
