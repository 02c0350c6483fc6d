package remind

import (
	"errors"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseTimes(t *testing.T) {
	good := map[string]string{
		"09:30":             "09:30",
		"9:30":              "09:30",
		"00:00":             "00:00",
		"23:59":             "23:59",
		"18:00, 09:30,9:30": "09:30 18:00",
	}
	for in, want := range good {
		cs, err := ParseTimes(in)
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		var got []string
		for _, c := range cs {
			got = append(got, c.String())
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%q: %v, want %s", in, got, want)
		}
	}
	// Out of range: the right form, a value no clock shows.
	for _, in := range []string{"24:00", "25:00", "23:60", "09:75", "99:99"} {
		if _, err := ParseTimes(in); err == nil || errors.Is(err, ErrForm) {
			t.Errorf("%q: %v, want an error of range", in, err)
		}
	}
	// The wrong form.
	for _, in := range []string{"9h30", "0930", "9:3", "09:30:00", "abc", "", "09:30,", "-1:00", "123:00"} {
		if _, err := ParseTimes(in); !errors.Is(err, ErrForm) {
			t.Errorf("%q: %v, want an error of form", in, err)
		}
	}
}

func TestParseDays(t *testing.T) {
	good := map[string][]time.Weekday{
		"mon,wed,fri":                 {time.Monday, time.Wednesday, time.Friday},
		"Sun, sat":                    {time.Saturday, time.Sunday},
		"monday,FRIDAY,mon":           {time.Monday, time.Friday},
		"mon,tue,wed,thu,fri,sat":     {time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday},
		"mon,tue,wed,thu,fri,sat,sun": nil, // every day
	}
	for in, want := range good {
		got, err := ParseDays(in)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("%q: %v %v, want %v", in, got, err, want)
		}
	}
	for in, msg := range map[string]string{
		"mon,fry": `did you mean "fri"?`,
		"sa":      "is not a day of the week",
		"moon":    `did you mean "mon"?`,
	} {
		if _, err := ParseDays(in); err == nil || errors.Is(err, ErrForm) || !strings.Contains(err.Error(), msg) {
			t.Errorf("%q: %v, want an error with %q", in, err, msg)
		}
	}
	for _, in := range []string{"mon;wed", "mon,,wed", "1,3,5", "mon wed", ""} {
		if _, err := ParseDays(in); !errors.Is(err, ErrForm) {
			t.Errorf("%q: %v, want an error of form", in, err)
		}
	}
}

func TestScheduleLines(t *testing.T) {
	s := Schedule{Times: []Clock{{9, 30}, {18, 5}}, Days: []time.Weekday{time.Monday, time.Wednesday, time.Sunday}}
	if got := s.String(); got != "09:30 and 18:05 on Mon, Wed, Sun" {
		t.Errorf("String %q", got)
	}
	if got := s.OnCalendar(); !slices.Equal(got, []string{"OnCalendar=Mon,Wed,Sun *-*-* 09:30:00", "OnCalendar=Mon,Wed,Sun *-*-* 18:05:00"}) {
		t.Errorf("OnCalendar %q", got)
	}
	if got := s.CronTimes(); !slices.Equal(got, []string{"30 9 * * 1,3,0", "5 18 * * 1,3,0"}) {
		t.Errorf("CronTimes %q", got)
	}
	every := Schedule{Times: []Clock{{7, 0}}}
	if every.String() != "07:00 every day" || every.OnCalendar()[0] != "OnCalendar=*-*-* 07:00:00" || every.CronTimes()[0] != "0 7 * * *" {
		t.Errorf("every day: %q %q %q", every, every.OnCalendar(), every.CronTimes())
	}
}

// A crontab keeps every byte that is not limber's, whatever it holds.
func TestCronRoundTrip(t *testing.T) {
	tabs := []string{
		"",
		"\n",
		"MAILTO=\"\"\n# my backups\n0 3 * * * /usr/bin/backup --quiet\n",
		"# limber is mentioned here but this is not limber's line\n*/5 * * * * limber status --short > /tmp/s\n",
		"@reboot echo 50% > /tmp/x\r\n0 1 * * * true\r\n",
		"\n\n# blank lines kept\n\n",
	}
	lines := CronLines(Schedule{Times: []Clock{{9, 30}, {18, 0}}}, []string{"/usr/local/bin/limber", "--data-dir", "/home/ann/.local/share/limber", "remind", "--fire"})
	for _, tab := range tabs {
		added := AddCron([]byte(tab), lines)
		if !strings.HasPrefix(string(added), tab) || !strings.HasSuffix(string(added), lines[1]+"\n") {
			t.Errorf("added to %q:\n%s", tab, added)
		}
		back, removed := RemoveCron(added)
		if string(back) != tab || !slices.Equal(removed, lines) {
			t.Errorf("%q: back %q, removed %q", tab, back, removed)
		}
		if again, none := RemoveCron(back); string(again) != tab || len(none) != 0 {
			t.Errorf("%q: removed %q from a crontab with no limber line", tab, none)
		}
	}
	// A line someone moved or indented is still found by its marker.
	tab := "0 1 * * * true\n  " + lines[0] + "  \n# after\n"
	if back, removed := RemoveCron([]byte(tab)); string(back) != "0 1 * * * true\n# after\n" || len(removed) != 1 {
		t.Errorf("%q, %q", back, removed)
	}
}

// The command of a crontab line reaches the program as the words it was
// made of, whatever a path holds: spaces, quotes, $ and %.
func TestCronCommandQuoting(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Fatal("no sh:", err)
	}
	argv := []string{"/opt/my apps/limber", "--data-dir", `/home/o'neil/"data" $HOME 100%`, "--library", `C:\lib`, "remind", "--fire"}
	line := CronLines(Schedule{Times: []Clock{{9, 30}}}, argv)[0]
	cmd := strings.TrimPrefix(line, "30 9 * * * ")
	if strings.Contains(strings.ReplaceAll(cmd, `\%`, ""), "%") {
		t.Fatalf("an unescaped %% in %s", cmd)
	}
	// What cron does: \% becomes %, and the line goes to sh -c.
	cmd = strings.ReplaceAll(cmd, `\%`, "%")
	out, err := exec.Command(sh, "-c", "printf '%s\\n' "+strings.TrimPrefix(cmd, shellQuote(argv[0]))).Output()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n"); !slices.Equal(got, argv[1:]) {
		t.Errorf("sh read %q, want %q", got, argv[1:])
	}
	if q := shellQuote(argv[0]); q != `'/opt/my apps/limber'` {
		t.Errorf("the program: %s", q)
	}
}

func TestSystemdQuoting(t *testing.T) {
	cases := map[string]string{
		"/usr/bin/limber":       "/usr/bin/limber",
		"/opt/my apps/limber":   `"/opt/my apps/limber"`,
		"/data/100%":            "/data/100%%",
		`/a "b" \c`:             `"/a \"b\" \\c"`,
		"/home/$USER":           `"/home/$$USER"`,
		"--data-dir":            "--data-dir",
		"/home/ann/limber,data": "/home/ann/limber,data",
	}
	for in, want := range cases {
		if got := systemdQuote(in); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}
