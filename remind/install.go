package remind

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

// Unit is the name of the systemd user units limber writes:
// limber-remind.service and limber-remind.timer.
const Unit = "limber-remind"

// header begins each unit file limber writes; --off removes only files
// that begin with it.
const header = "# Written by limber remind; limber remind --off removes this file.\n"

// madePrefix notes, in the service file, each folder the install made,
// so that --off can remove it again when it is empty.
const madePrefix = "# made folder: "

// Installer installs, finds and removes the reminder, through systemd
// where it runs the user's session, else through the crontab.
type Installer struct {
	Sys System
	// Config is $XDG_CONFIG_HOME, else ~/.config: systemd user units go
	// in its systemd/user.
	Config string
	// Systemd says whether to try systemd at all (Linux).
	Systemd bool
}

// Reminder is a reminder as installed.
type Reminder struct {
	Method string   // "systemd" or "cron"
	Files  []string // systemd: the unit files
	Lines  []string // cron: the crontab lines; systemd: the OnCalendar lines
}

func (in *Installer) unitDir() string { return filepath.Join(in.Config, "systemd", "user") }
func (in *Installer) service() string { return filepath.Join(in.unitDir(), Unit+".service") }
func (in *Installer) timer() string   { return filepath.Join(in.unitDir(), Unit+".timer") }
func (in *Installer) wants() string {
	return filepath.Join(in.unitDir(), "timers.target.wants", Unit+".timer")
}

// UsesSystemd reports whether systemd runs the user's session here:
// systemctl --user answers.
func (in *Installer) UsesSystemd() bool {
	if !in.Systemd {
		return false
	}
	if _, err := in.Sys.LookPath("systemctl"); err != nil {
		return false
	}
	_, err := in.Sys.Run(nil, "systemctl", "--user", "show-environment")
	return err == nil
}

// Install sets the reminder to run argv on schedule s, after removing any
// reminder limber set before. It returns what it installed.
func (in *Installer) Install(s Schedule, argv []string) (Reminder, error) {
	for _, a := range argv {
		if strings.ContainsFunc(a, unicode.IsControl) {
			return Reminder{}, fmt.Errorf("%q holds a control character; a reminder cannot run it", a)
		}
	}
	if _, err := in.Remove(); err != nil {
		return Reminder{}, err
	}
	if in.UsesSystemd() {
		return in.installSystemd(s, argv)
	}
	if _, err := in.Sys.LookPath("crontab"); err != nil {
		return Reminder{}, errors.New("this machine has neither a systemd user session nor crontab; install cron (such as: sudo apt install cron), or run limber remind --fire from your own scheduler")
	}
	return in.installCron(s, argv)
}

func (in *Installer) installSystemd(s Schedule, argv []string) (Reminder, error) {
	made := in.missingFolders()
	if err := os.MkdirAll(in.unitDir(), 0o755); err != nil {
		return Reminder{}, err
	}
	cmd := make([]string, len(argv))
	for i, a := range argv {
		cmd[i] = systemdQuote(a)
	}
	var svc strings.Builder
	svc.WriteString(header)
	for _, d := range made {
		svc.WriteString(madePrefix + d + "\n")
	}
	fmt.Fprintf(&svc, "[Unit]\nDescription=limber: a reminder for your exercises\n\n[Service]\nType=oneshot\nExecStart=%s\n", strings.Join(cmd, " "))
	timer := fmt.Sprintf("%s[Unit]\nDescription=limber: a reminder for your exercises, %s\n\n[Timer]\n%s\nAccuracySec=1min\n\n[Install]\nWantedBy=timers.target\n",
		header, s, strings.Join(s.OnCalendar(), "\n"))
	r := Reminder{Method: "systemd", Files: []string{in.timer(), in.service()}, Lines: s.OnCalendar()}
	err := os.WriteFile(in.service(), []byte(svc.String()), 0o644)
	if err == nil {
		err = os.WriteFile(in.timer(), []byte(timer), 0o644)
	}
	if err == nil {
		_, err = in.Sys.Run(nil, "systemctl", "--user", "daemon-reload")
	}
	if err == nil {
		_, err = in.Sys.Run(nil, "systemctl", "--user", "enable", "--now", Unit+".timer")
	}
	if err != nil {
		in.removeSystemd() // leave nothing half done
		return Reminder{}, err
	}
	return r, nil
}

// missingFolders are the folders from Config down to timers.target.wants
// that do not exist yet, deepest last.
func (in *Installer) missingFolders() []string {
	var out []string
	for d := filepath.Dir(in.wants()); ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil || d == filepath.Dir(d) {
			break
		}
		out = append(out, d)
		if d == in.Config {
			break
		}
	}
	slices.Reverse(out)
	return out
}

func (in *Installer) installCron(s Schedule, argv []string) (Reminder, error) {
	tab, err := in.crontab()
	if err != nil {
		return Reminder{}, err
	}
	lines := CronLines(s, argv)
	if _, err := in.Sys.Run(AddCron(tab, lines), "crontab", "-"); err != nil {
		return Reminder{}, err
	}
	return Reminder{Method: "cron", Lines: lines}, nil
}

// crontab is the user's crontab as crontab -l prints it; empty if there
// is none.
func (in *Installer) crontab() ([]byte, error) {
	tab, err := in.Sys.Run(nil, "crontab", "-l")
	if err != nil && said(err, "no crontab") {
		return nil, nil
	}
	return tab, err
}

// Current finds the reminders limber set: the systemd timer, the crontab
// lines, or both if a machine changed.
func (in *Installer) Current() ([]Reminder, error) {
	var out []Reminder
	if r, ok := in.currentSystemd(); ok {
		out = append(out, r)
	}
	if _, err := in.Sys.LookPath("crontab"); err == nil {
		tab, err := in.crontab()
		if err != nil {
			return out, err
		}
		if _, lines := RemoveCron(tab); len(lines) > 0 {
			out = append(out, Reminder{Method: "cron", Lines: lines})
		}
	}
	return out, nil
}

func (in *Installer) currentSystemd() (Reminder, bool) {
	data, err := os.ReadFile(in.timer())
	if err != nil || !strings.HasPrefix(string(data), header) {
		return Reminder{}, false
	}
	r := Reminder{Method: "systemd", Files: []string{in.timer()}}
	if svc, err := os.ReadFile(in.service()); err == nil && strings.HasPrefix(string(svc), header) {
		r.Files = append(r.Files, in.service())
	}
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "OnCalendar=") {
			r.Lines = append(r.Lines, l)
		}
	}
	return r, true
}

// Remove removes every reminder limber set, and nothing else: its unit
// files, the link systemd made to enable them and the folders the install
// made (when empty), and its own crontab lines, leaving the crontab byte
// for byte as it was before. It returns what it removed.
func (in *Installer) Remove() ([]Reminder, error) {
	var out []Reminder
	if r, ok := in.currentSystemd(); ok {
		if err := in.removeSystemd(); err != nil {
			return out, err
		}
		out = append(out, r)
	}
	if _, err := in.Sys.LookPath("crontab"); err != nil {
		return out, nil
	}
	tab, err := in.crontab()
	if err != nil {
		return out, err
	}
	rest, lines := RemoveCron(tab)
	if len(lines) == 0 {
		return out, nil
	}
	if len(rest) == 0 {
		// Nothing but limber's lines: there was no crontab before.
		_, err = in.Sys.Run(nil, "crontab", "-r")
	} else {
		_, err = in.Sys.Run(rest, "crontab", "-")
	}
	if err != nil {
		return out, err
	}
	return append(out, Reminder{Method: "cron", Lines: lines}), nil
}

// removeSystemd stops and removes the units. systemctl may not answer
// (an SSH login with no user session): the files go all the same, and the
// enabling link with them.
func (in *Installer) removeSystemd() error {
	var made []string
	if svc, err := os.ReadFile(in.service()); err == nil && strings.HasPrefix(string(svc), header) {
		for _, l := range strings.Split(string(svc), "\n") {
			if d, ok := strings.CutPrefix(l, madePrefix); ok {
				made = append(made, d)
			}
		}
	}
	if in.UsesSystemd() {
		in.Sys.Run(nil, "systemctl", "--user", "disable", "--now", Unit+".timer")
	}
	if fi, err := os.Lstat(in.wants()); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		if err := os.Remove(in.wants()); err != nil {
			return err
		}
	}
	for _, f := range []string{in.timer(), in.service()} {
		data, err := os.ReadFile(f)
		if err != nil || !strings.HasPrefix(string(data), header) {
			continue
		}
		if err := os.Remove(f); err != nil {
			return err
		}
	}
	if in.UsesSystemd() {
		in.Sys.Run(nil, "systemctl", "--user", "daemon-reload")
	}
	for _, d := range slices.Backward(made) {
		os.Remove(d) // only if empty: os.Remove never removes a folder with anything in it
	}
	return nil
}
