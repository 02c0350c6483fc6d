package tui

import "time"

// countdown runs from a wall-clock deadline, never by counting ticks, so a
// pause, a slow machine or a suspended terminal never stretch a hold. Its
// durations are "exercise time"; speed (demo mode) makes wall time pass
// faster than exercise time.
type countdown struct {
	total    time.Duration // exercise time
	deadline time.Time     // wall time
	left     time.Duration // exercise time remaining while paused
	paused   bool
	speed    float64
}

func newCountdown(now time.Time, total time.Duration, speed float64) countdown {
	c := countdown{total: total, speed: max(speed, 1)}
	c.deadline = now.Add(c.wall(total))
	return c
}

func (c countdown) wall(d time.Duration) time.Duration { return time.Duration(float64(d) / c.speed) }

// remaining is the exercise time left.
func (c countdown) remaining(now time.Time) time.Duration {
	if c.paused {
		return c.left
	}
	return max(0, time.Duration(float64(c.deadline.Sub(now))*c.speed))
}

// elapsed is the exercise time done.
func (c countdown) elapsed(now time.Time) time.Duration { return c.total - c.remaining(now) }

// shown is the whole number of seconds on screen: it reads 10 for the whole
// first second and reaches 0 at the deadline itself.
func (c countdown) shown(now time.Time) int {
	r := c.remaining(now)
	return int((r + time.Second - 1) / time.Second)
}

func (c countdown) done(now time.Time) bool { return !c.paused && c.remaining(now) <= 0 }

// nextWake is the wall time until the shown number changes (or the
// deadline), so that the program wakes once a second and not more.
func (c countdown) nextWake(now time.Time) time.Duration {
	if c.paused {
		return 0
	}
	r := c.remaining(now)
	if r <= 0 {
		return 0
	}
	step := r - time.Duration(c.shown(now)-1)*time.Second
	return max(c.wall(step), time.Millisecond)
}

func (c *countdown) pause(now time.Time) {
	if !c.paused {
		c.left, c.paused = c.remaining(now), true
	}
}

func (c *countdown) resume(now time.Time) {
	if c.paused {
		c.deadline, c.paused = now.Add(c.wall(c.left)), false
	}
}

// extend adds exercise time (rest +15 s).
func (c *countdown) extend(d time.Duration) {
	c.total += d
	if c.paused {
		c.left += d
	} else {
		c.deadline = c.deadline.Add(c.wall(d))
	}
}

// fraction is how much is done, 0 to 1, in whole seconds so the bar moves
// only when the number does.
func (c countdown) fraction(now time.Time) float64 {
	if c.total <= 0 {
		return 1
	}
	done := c.total - time.Duration(c.shown(now))*time.Second
	return min(1, max(0, float64(done)/float64(c.total)))
}

// withFlash is wake (0: no wake), or sooner the end of a flash lit until
// until: the screen wakes to put the flash out.
func withFlash(wake time.Duration, until, now time.Time) time.Duration {
	if until.After(now) {
		if fw := until.Sub(now); wake == 0 || fw < wake {
			return fw
		}
	}
	return wake
}
