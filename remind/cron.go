package remind

import (
	"bytes"
	"strings"
)

// Marker ends every crontab line limber adds, and only those: --off
// removes the lines that end with it and touches no other.
const Marker = "# limber-remind: limber remind --off removes this line"

// CronLines are the crontab lines for the schedule and the command.
func CronLines(s Schedule, argv []string) []string {
	cmd := make([]string, len(argv))
	for i, a := range argv {
		// cron reads % as a new line unless escaped, even within quotes.
		cmd[i] = strings.ReplaceAll(shellQuote(a), "%", `\%`)
	}
	var out []string
	for _, t := range s.CronTimes() {
		out = append(out, t+" "+strings.Join(cmd, " ")+" "+Marker)
	}
	return out
}

// AddCron returns tab with lines added at its end. A crontab that does not
// end its last line (crontab(1) installs none such) has it ended first.
func AddCron(tab []byte, lines []string) []byte {
	out := bytes.Clone(tab)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	for _, l := range lines {
		out = append(out, l...)
		out = append(out, '\n')
	}
	return out
}

// RemoveCron returns tab without the lines limber added, and those lines.
// Every other byte stays as it was.
func RemoveCron(tab []byte) (out []byte, removed []string) {
	out = make([]byte, 0, len(tab))
	for rest := tab; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i+1], rest[i+1:]
		} else {
			rest = nil
		}
		if ours(string(line)) {
			removed = append(removed, strings.TrimRight(string(line), "\r\n"))
			continue
		}
		out = append(out, line...)
	}
	return out, removed
}

// ours reports whether a crontab line is one limber added.
func ours(line string) bool {
	return strings.HasSuffix(strings.TrimRight(line, " \t\r\n"), Marker)
}

// shellQuote quotes a word for /bin/sh where it needs it.
func shellQuote(a string) string {
	if a != "" && safeWord(a) {
		return a
	}
	return "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
}

// systemdQuote quotes a word of an ExecStart line: % and $ are doubled,
// as systemd reads them as specifiers and variables.
func systemdQuote(a string) string {
	a = strings.NewReplacer("%", "%%", "$", "$$").Replace(a)
	if a != "" && safeWord(a) {
		return a
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(a) + `"`
}

// safeWord reports whether a needs no quotes in sh or systemd.
func safeWord(a string) bool {
	for _, r := range a {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._,:+@=%-", r)
		if !ok {
			return false
		}
	}
	return true
}
