package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"limber/exercises"
	"limber/remind"
)

// executable is the path of the running limber; tests stand in for it.
var executable = os.Executable

func newRemindCmd(e *env) *cobra.Command {
	var at, days string
	var off, fire bool
	cmd := &cobra.Command{
		Use:   "remind --at HH:MM [--days mon,wed,fri] | --off",
		Short: "a reminder at the times you choose, run by the system, only while a routine is still to do",
		Long: `A reminder that the system runs at the times you choose, with no limber
left running: a systemd user timer where systemd runs your session, else a
line in your crontab. At those times, if a routine you follow is still to
do today, it shows a desktop notification; with no desktop, your next shell
prompt says so (limber status --short). limber remind alone shows the
reminder set; --off removes it and nothing else.`,
		Example: `  limber remind --at 09:30
  limber remind --at 09:30,18:00 --days mon,wed,fri
  limber remind --off`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			given := cmd.Flags().Changed
			switch {
			case fire && (given("at") || given("days") || off):
				return usagef("--fire goes alone; run limber remind --help")
			case off && (given("at") || given("days")):
				return usagef("choose one of --at and --off")
			case given("days") && !given("at"):
				return usagef("--days goes with --at, such as: limber remind --at 09:30 --days mon,wed,fri")
			}
			in := e.installer()
			switch {
			case fire:
				return e.fire(clock())
			case off:
				return e.remindOff(in)
			case given("at"):
				return e.remindAt(in, at, days)
			}
			return e.remindShow(in)
		},
	}
	f := cmd.Flags()
	f.StringVar(&at, "at", "", "remind at `HH:MM`, 24-hour; several with commas, such as 09:30,18:00")
	f.StringVar(&days, "days", "", "only on these `DAYS`, such as mon,wed,fri (default: every day)")
	f.BoolVar(&off, "off", false, "remove the reminder limber set, and nothing else")
	f.BoolVar(&fire, "fire", false, "what the reminder runs: notify now if a routine is still to do")
	f.MarkHidden("fire")
	cmd.RegisterFlagCompletionFunc("at", completeWords("08:00", "09:30", "12:00", "18:00"))
	cmd.RegisterFlagCompletionFunc("days", completeWords("mon,wed,fri", "tue,thu,sat", "mon,tue,wed,thu,fri"))
	return cmd
}

// installer is the reminder's installer on this machine.
func (e *env) installer() *remind.Installer {
	config, err := os.UserConfigDir()
	return &remind.Installer{Sys: remind.Exec{}, Config: config, Systemd: runtime.GOOS == "linux" && err == nil}
}

func (e *env) remindAt(in *remind.Installer, at, days string) error {
	var s remind.Schedule
	var err error
	if s.Times, err = remind.ParseTimes(at); err == nil && days != "" {
		s.Days, err = remind.ParseDays(days)
	}
	switch {
	case errors.Is(err, remind.ErrForm):
		return usagef("%s", strings.TrimPrefix(err.Error(), remind.ErrForm.Error()+": "))
	case err != nil:
		return invalidf("%v", err)
	}
	argv, err := e.fireCommand()
	if err != nil {
		return err
	}
	r, err := in.Install(s, argv)
	if err != nil {
		return invalidf("could not set the reminder: %v", err)
	}
	out := e.stdout
	switch r.Method {
	case "systemd":
		fmt.Fprintf(out, "Reminder set for %s, by a systemd user timer:\n", s)
		for _, f := range r.Files {
			fmt.Fprintf(out, "  %s\n", exercises.Escape(f))
		}
	default:
		fmt.Fprintf(out, "Reminder set for %s, by this line in your crontab (no other line was touched):\n", s)
		for _, l := range r.Lines {
			fmt.Fprintf(out, "  %s\n", exercises.Escape(l))
		}
	}
	fmt.Fprintf(out, "At those times it runs: %s\n", exercises.Escape(strings.Join(argv, " ")))
	fmt.Fprintln(out, "It says something only while a routine you follow is still to do that day: a desktop notification, or with no desktop a line at your next prompt (limber status --short).")
	fmt.Fprintln(out, "To remove it: limber remind --off")
	return nil
}

// fireCommand is what the reminder runs: this limber by its absolute
// path, with the same data directory and libraries, also absolute, since
// cron and systemd start it elsewhere and with little of the environment.
func (e *env) fireCommand() ([]string, error) {
	exe, err := executable()
	if err != nil {
		return nil, invalidf("cannot tell where limber is installed: %v", err)
	}
	// A link on PATH (a package manager's) outlives the file it points to
	// now: keep the name limber was found by when it is the same file.
	if p, err := exec.LookPath(filepath.Base(os.Args[0])); err == nil && filepath.IsAbs(p) {
		if a, err1 := os.Stat(p); err1 == nil {
			if b, err2 := os.Stat(exe); err2 == nil && os.SameFile(a, b) {
				exe = p
			}
		}
	}
	if strings.Contains(exe, string(filepath.Separator)+"go-build") {
		return nil, invalidf("limber is running from a temporary build (go run), which the reminder could not find later; install it first (go install), then run limber remind again")
	}
	dir, err := e.dataDirectory()
	if err != nil {
		return nil, err
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return nil, invalidf("%v", err)
	}
	argv := []string{exe, "--data-dir", dir}
	for _, l := range e.libraries {
		abs, err := filepath.Abs(l)
		if err != nil {
			return nil, invalidf("%v", err)
		}
		argv = append(argv, "--library", abs)
	}
	return append(argv, "remind", "--fire"), nil
}

func (e *env) remindOff(in *remind.Installer) error {
	removed, err := in.Remove()
	for _, r := range removed {
		e.describe("Removed", r)
	}
	if err != nil {
		return invalidf("could not remove the reminder: %v", err)
	}
	if len(removed) == 0 {
		fmt.Fprintln(e.stdout, "No reminder was set; nothing changed.")
		return nil
	}
	fmt.Fprintln(e.stdout, "Nothing else was changed.")
	return nil
}

func (e *env) remindShow(in *remind.Installer) error {
	current, err := in.Current()
	if err != nil {
		return invalidf("could not read the reminder: %v", err)
	}
	if len(current) == 0 {
		fmt.Fprintln(e.stdout, "No reminder is set. Set one with: limber remind --at 09:30 [--days mon,wed,fri]")
		return nil
	}
	for _, r := range current {
		e.describe("Set", r)
	}
	fmt.Fprintln(e.stdout, "To remove it: limber remind --off")
	return nil
}

// describe says what a reminder is made of.
func (e *env) describe(verb string, r remind.Reminder) {
	if r.Method == "systemd" {
		fmt.Fprintf(e.stdout, "%s: the systemd user timer %s.timer (%s)\n", verb, remind.Unit, strings.Join(r.Lines, "; "))
		for _, f := range r.Files {
			fmt.Fprintf(e.stdout, "  %s\n", exercises.Escape(f))
		}
		return
	}
	fmt.Fprintf(e.stdout, "%s: limber's line(s) in your crontab\n", verb)
	for _, l := range r.Lines {
		fmt.Fprintf(e.stdout, "  %s\n", exercises.Escape(l))
	}
}

// fire is what the reminder runs: if a routine is still to do today, a
// desktop notification; with no desktop, a line for the next prompt.
// Otherwise it does nothing at all. It prints only to a terminal (run by
// hand): cron mails whatever a job prints, and a reminder that went as
// planned is no news.
func (e *env) fire(now time.Time) error {
	st := e.status(now)
	if !st.today.Remind() {
		e.say("Nothing to remind of: %s\n", st.line())
		return nil
	}
	if addr := remind.SessionBus(os.Getenv, os.Getuid()); addr != "" {
		os.Setenv("DBUS_SESSION_BUS_ADDRESS", addr) // cron gives none
	}
	title, body := st.today.Notice()
	how, err := remind.Notify(remind.Exec{}, runtime.GOOS, title, body)
	if err == nil {
		e.say("Reminder shown (%s): %s\n", how, body)
		return nil
	}
	if st.dir == "" {
		return invalidf("could not show the reminder (%v), and there is no data directory to leave it in", err)
	}
	if perr := remind.LeavePending(st.dir, now); perr != nil {
		return invalidf("could not show the reminder (%v), nor leave it for the next prompt: %v", err, perr)
	}
	e.say("No desktop notification (%s); the next prompt shows the reminder (limber status --short).\n", exercises.Escape(err.Error()))
	return nil
}

// say prints to a terminal only.
func (e *env) say(format string, args ...any) {
	if f, ok := e.stdout.(*os.File); ok && isTerminal(f) {
		fmt.Fprintf(e.stdout, format, args...)
	}
}
