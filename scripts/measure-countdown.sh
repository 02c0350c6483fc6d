#!/usr/bin/env bash
# measure-countdown.sh: what a running countdown costs (DESIGN.md section 8).
#
# Builds limber, runs `limber run` on a one-exercise routine (a single 60 s
# hold) in a 120×40 tmux window, and over a 50 s window inside the hold
# measures:
#   - the CPU time of the limber process (utime+stime from /proc/PID/stat),
#   - the bytes limber writes to the terminal (tmux pipe-pane),
# and reads from LIMBER_TRACE how late the hold ended after its deadline.
# Targets: under 1 % of one core, under 500 bytes/s, within 20 ms.
#
# Usage: scripts/measure-countdown.sh      (takes about 75 s; Linux, tmux, go)
# Exit status: 0 when every target is met, 1 when one is missed, 2 when the
# measurement itself failed.
set -euo pipefail
cd "$(dirname "$0")/.."

WINDOW_START=6   # seconds after enter on the card: 1 s into the hold
WINDOW_LEN=50    # seconds measured; the hold ends at 65 s
SCREEN_TIMEOUT=20

die() { echo "measure-countdown: $*" >&2; exit 2; }
command -v tmux >/dev/null || die "tmux is required (apt-get install -y tmux)"
command -v go >/dev/null || die "go is required to build limber"
[ -r /proc/self/stat ] || die "needs /proc (Linux)"
CLK_TCK=$(getconf CLK_TCK)

work=$(mktemp -d "${TMPDIR:-/tmp}/limber-measure.XXXXXX")
sock="$work/tmux.sock" # removed with $work: tmux leaves it behind
cleanup() {
	tmux -S "$sock" kill-server 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

echo "== building limber"
go build -o "$work/limber" .

mkdir -p "$work/lib" "$work/data"
cat >"$work/lib/measure.yaml" <<'EOF'
title: Countdown measurement
category: balance
exercises:
  - id: measure-hold
    name: Measured hold
    summary: One 60 s hold, to measure what a countdown costs.
    position: standing
    steps: [Stand still.]
    dose: {kind: hold, sets: 1, hold: 60s, rest: 30s}
    progression: {hold: {min: 60s, max: 60s}}
routines:
  - id: measure
    name: Measure
    summary: One 60 s hold.
    frequency: daily
    exercises: [measure-hold]
EOF
trace="$work/trace"
out="$work/terminal-bytes"
: >"$out"
printf 'set -g status off\nset -g remain-on-exit on\n' >"$work/tmux.conf"

tm() { tmux -S "$sock" "$@"; }
screen() { tm capture-pane -p -t m 2>/dev/null || true; }
# wait_for TEXT: poll the screen until it shows TEXT.
wait_for() {
	local end=$((SECONDS + SCREEN_TIMEOUT))
	until [[ "$(screen)" == *"$1"* ]]; do
		if [ "$SECONDS" -ge "$end" ]; then
			echo "measure-countdown: waited ${SCREEN_TIMEOUT}s for \"$1\"; the screen:" >&2
			screen >&2
			exit 2
		fi
		sleep 0.05
	done
}
now() { date +%s.%N; }
calc() { awk "BEGIN { print ($1) }"; } # calc EXPR: floating-point arithmetic
# cpu_ticks PID: utime+stime of the whole process, in clock ticks. The
# fields are counted after the ")" that ends the command name.
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
size() { stat -c %s "$out"; }

echo "== starting limber in tmux (120×40)"
tm -f "$work/tmux.conf" new-session -d -s m -x 120 -y 40 \
	env TERM=xterm-256color LIMBER_TRACE="$trace" \
	"$work/limber" --data-dir "$work/data" --library "$work/lib" run measure
tm pipe-pane -o -t m "cat >> '$out'"
pid=$(tm display-message -p -t m '#{pane_pid}')
[ "$(cat "/proc/$pid/comm" 2>/dev/null)" = limber ] || die "pane process $pid is not limber"

wait_for "I understand" # the first-start notice
tm send-keys -t m Enter
wait_for "how much pain do you have right now?"
tm send-keys -t m 0
wait_for "have you had any of these?"
tm send-keys -t m n
wait_for "start when you are ready"
tm send-keys -t m Enter
t_enter=$(now)
wait_for "get ready"
echo "== in the hold; measuring for ${WINDOW_LEN}s from ${WINDOW_START}s after the get-ready began"

sleep "$(calc "($t_enter + $WINDOW_START - $(now)) > 0 ? $t_enter + $WINDOW_START - $(now) : 0")"
t0=$(now); c0=$(cpu_ticks "$pid"); b0=$(size)
sleep "$WINDOW_LEN"
t1=$(now); c1=$(cpu_ticks "$pid"); b1=$(size)
[[ "$(screen)" == *"seconds left in the hold"* ]] || {
	echo "measure-countdown: the hold was not on screen at the end of the window:" >&2
	screen >&2
	exit 2
}

end=$((SECONDS + 30))
until grep -q '^work-end ' "$trace" 2>/dev/null; do
	[ "$SECONDS" -lt "$end" ] || die "no work-end line in LIMBER_TRACE 30 s after the window"
	sleep 0.2
done
wait_for "How hard was that set?"
line=$(grep -m1 '^work-end ' "$trace")
late=$(sed -n 's/.*late_ms=\([-0-9.]*\).*/\1/p' <<<"$line")
[ -n "$late" ] || die "cannot read late_ms from: $line"

wall=$(calc "$t1 - $t0")
cpu=$(calc "($c1 - $c0) / $CLK_TCK / $wall * 100")
bps=$(calc "($b1 - $b0) / $wall")

verdict() { if [ "$(calc "$1")" = 1 ]; then echo "ok"; else echo "MISSED"; fi; }
v_cpu=$(verdict "$cpu < 1")
v_bps=$(verdict "$bps < 500")
v_late=$(verdict "$late >= 0 && $late <= 20") # never before it

echo
echo "window: $(printf '%.1f' "$wall") s inside the hold; $((c1 - c0)) CPU ticks at $CLK_TCK/s; $((b1 - b0)) bytes"
echo "trace:  $line"
printf '%-46s target under 1 %%: %s\n' "$(printf 'cpu: %.2f%% of one core' "$cpu")" "$v_cpu"
printf '%-46s target under 500: %s\n' "$(printf 'bytes/s: %.0f' "$bps")" "$v_bps"
printf '%-46s target within 20 ms: %s\n' "hold ended $late ms after its deadline" "$v_late"

[ "$v_cpu$v_bps$v_late" = okokok ] || exit 1
