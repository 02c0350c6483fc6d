package remind

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"limber/exercises"
)

// ErrForm marks a value of the wrong form ("9h30", "mon;tue"): limber
// cannot tell what was meant (exit 2). Other errors of ParseTimes and
// ParseDays are values of the right form out of range (exit 1).
var ErrForm = errors.New("wrong form")

// Clock is a time of day.
type Clock struct{ Hour, Minute int }

func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute) }

// Schedule is when the reminder goes off: at each time, on each day
// (every day when Days is empty).
type Schedule struct {
	Times []Clock
	Days  []time.Weekday // Monday first
}

var clockPattern = regexp.MustCompile(`^([0-9]{1,2}):([0-9]{2})$`)

// ParseTimes reads --at: one time or several, 24-hour, such as 09:30 or
// 9:30,18:00.
func ParseTimes(s string) ([]Clock, error) {
	var out []Clock
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		m := clockPattern.FindStringSubmatch(f)
		if m == nil {
			return nil, fmt.Errorf("%w: --at %s is not a time of day; use 24-hour HH:MM, such as 09:30 or 09:30,18:00", ErrForm, exercises.Quote(s))
		}
		h, _ := strconv.Atoi(m[1])
		mi, _ := strconv.Atoi(m[2])
		if h > 23 || mi > 59 {
			return nil, fmt.Errorf("--at %s is not a time of day; hours go from 00 to 23 and minutes from 00 to 59", exercises.Quote(f))
		}
		if c := (Clock{h, mi}); !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b Clock) int { return (a.Hour*60 + a.Minute) - (b.Hour*60 + b.Minute) })
	return out, nil
}

var dayNames = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// fullDay is a day's whole name: "mon" is "monday".
func fullDay(short string) string {
	i := slices.Index(dayNames, short)
	return strings.ToLower(time.Weekday((i + 1) % 7).String())
}

var wordPattern = regexp.MustCompile(`^[A-Za-z]+$`)

// ParseDays reads --days: days of the week, such as mon,wed,fri (or
// whole names). The result is Monday first; all seven mean every day.
func ParseDays(s string) ([]time.Weekday, error) {
	var seen [7]bool
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if !wordPattern.MatchString(f) {
			return nil, fmt.Errorf("%w: --days %s is not a list of days; use names such as mon,wed,fri", ErrForm, exercises.Quote(s))
		}
		i := slices.IndexFunc(dayNames, func(d string) bool { return f == d || f == fullDay(d) })
		if i < 0 {
			return nil, errors.New("--days: " + exercises.Quote(f) + " is not a day of the week" + exercises.Meant(f, dayNames, "; use mon, tue, wed, thu, fri, sat or sun"))
		}
		seen[i] = true
	}
	var out []time.Weekday
	for i, ok := range seen {
		if ok {
			out = append(out, time.Weekday((i+1)%7))
		}
	}
	if len(out) == 7 {
		return nil, nil
	}
	return out, nil
}

// String says the schedule in words: "09:30 every day", "09:30 and 18:00
// on Mon, Wed, Fri".
func (s Schedule) String() string {
	times := make([]string, len(s.Times))
	for i, c := range s.Times {
		times[i] = c.String()
	}
	when := strings.Join(times, " and ")
	if len(s.Days) == 0 {
		return when + " every day"
	}
	return when + " on " + strings.Join(s.dayWords(), ", ")
}

// dayWords are the days as systemd writes them: Mon, Tue...
func (s Schedule) dayWords() []string {
	out := make([]string, len(s.Days))
	for i, d := range s.Days {
		out[i] = d.String()[:3]
	}
	return out
}

// OnCalendar is the schedule as systemd timer lines, one per time.
func (s Schedule) OnCalendar() []string {
	days := ""
	if len(s.Days) > 0 {
		days = strings.Join(s.dayWords(), ",") + " "
	}
	out := make([]string, len(s.Times))
	for i, c := range s.Times {
		out[i] = fmt.Sprintf("OnCalendar=%s*-*-* %02d:%02d:00", days, c.Hour, c.Minute)
	}
	return out
}

// CronTimes is the schedule as crontab time fields, one per time.
func (s Schedule) CronTimes() []string {
	days := "*"
	if len(s.Days) > 0 {
		nums := make([]string, len(s.Days))
		for i, d := range s.Days {
			nums[i] = strconv.Itoa(int(d)) // cron counts Sunday as 0, as Go does
		}
		days = strings.Join(nums, ",")
	}
	out := make([]string, len(s.Times))
	for i, c := range s.Times {
		out[i] = fmt.Sprintf("%d %d * * %s", c.Minute, c.Hour, days)
	}
	return out
}
