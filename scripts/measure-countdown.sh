#!/usr/bin/env bash
# measure-countdown.sh: what a running countdown costs (DESIGN.md section 8).
#
# Builds limber, runs `limber run` on a one-exercise routine (a single 60 s
# hold) in an 80×24 tmux window, and over a 50 s window inside the hold
# measures:
#   - the CPU time of the limber process (utime+stime from /proc/PID/stat),
#   - the bytes limber writes to the terminal (tmux pipe-pane),
# and reads from LIMBER_TRACE how late the hold ended after its deadline.
# Targets: under 0.5 % of one core, under 300 bytes/s, within 20 ms.
#
# Usage: scripts/measure-countdown.sh [--fps 30,60,120] [--runs N]
#   --fps    build limber at each frame rate (-ldflags -X main.coachFPS=N)
#            and measure each in turn, interleaved; default: as built
#   --runs   rounds of measurements (each takes about 75 s); the medians
#            are printed
# Exit status: 0 when every target is met (by limber as built, or by each
# frame rate), 1 when one is missed, 2 when the measurement itself failed.
set -euo pipefail
cd "$(dirname "$0")/.."

WINDOW_START=6   # seconds after enter on the card: 1 s into the hold
WINDOW_LEN=50    # seconds measured; the hold ends at 65 s
SCREEN_TIMEOUT=20
COLS=80 ROWS=24

FPS=""
RUNS=1
while [ $# -gt 0 ]; do
	case "$1" in
	--fps) FPS=${2//,/ }; shift 2 ;;
	--runs) RUNS=$2; shift 2 ;;
	*) echo "usage: $0 [--fps 30,60,120] [--runs N]" >&2; exit 2 ;;
	esac
done

die() { echo "measure-countdown: $*" >&2; exit 2; }
command -v tmux >/dev/null || die "tmux is required (apt-get install -y tmux)"
command -v go >/dev/null || die "go is required to build limber"
[ -r /proc/self/stat ] || die "needs /proc (Linux)"
CLK_TCK=$(getconf CLK_TCK)

work=$(mktemp -d "${TMPDIR:-/tmp}/limber-measure.XXXXXX")
cleanup() {
	local rc=$? # the script's verdict, whatever the clean-up meets
	for s in "$work"/*.sock; do
		if [ -e "$s" ]; then tmux -S "$s" kill-server 2>/dev/null || true; fi
	done
	rm -rf "$work" || true
	exit "$rc"
}
trap cleanup EXIT

variants=()
if [ -z "$FPS" ]; then
	echo "== building limber"
	go build -o "$work/limber" .
	variants=(limber)
else
	for f in $FPS; do
		echo "== building limber at $f frames a second"
		go build -ldflags "-X main.coachFPS=$f" -o "$work/limber@${f}fps" .
		variants+=("limber@${f}fps")
	done
fi

mkdir -p "$work/lib"
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
printf 'set -g status off\nset -g remain-on-exit on\n' >"$work/tmux.conf"

now() { date +%s.%N; }
calc() { awk "BEGIN { print ($1) }"; } # calc EXPR: floating-point arithmetic
# cpu_ticks PID: utime+stime of the whole process, in clock ticks. The
# fields are counted after the ")" that ends the command name.
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }

# measure NAME: one run of the binary NAME; appends "cpu bps late" to
# $work/NAME.results.
measure() {
	local name=$1 sock="$work/$1.sock" data="$work/data-$1" trace="$work/trace-$1" out="$work/bytes-$1"
	rm -rf "$data" "$trace"
	mkdir -p "$data"
	: >"$out"
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
	size() { stat -c %s "$out"; }

	echo "== $name: starting limber in tmux (${COLS}×${ROWS})"
	tm -f "$work/tmux.conf" new-session -d -s m -x "$COLS" -y "$ROWS" \
		env TERM=xterm-256color LIMBER_TRACE="$trace" \
		"$work/$name" --data-dir "$data" --library "$work/lib" run measure
	tm pipe-pane -o -t m "cat >> '$out'"
	local pid
	pid=$(tm display-message -p -t m '#{pane_pid}')
	[ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "${name:0:15}" ] || die "pane process $pid is not $name"

	wait_for "I understand" # the first-start notice
	tm send-keys -t m Enter
	wait_for "How is your usual nerve pain right now?"
	tm send-keys -t m 0
	wait_for "have you had any of these?"
	# "no" to each red flag, one at a time, until the card.
	local end=$((SECONDS + SCREEN_TIMEOUT))
	until [[ "$(screen)" == *"start when you are ready"* ]]; do
		[ "$SECONDS" -lt "$end" ] || die "the check-in did not end in ${SCREEN_TIMEOUT}s: $(screen)"
		tm send-keys -t m n
		sleep 0.3
	done
	tm send-keys -t m Enter
	local t_enter
	t_enter=$(now)
	wait_for "get ready"
	echo "   in the hold; measuring for ${WINDOW_LEN}s from ${WINDOW_START}s after the get-ready began"

	sleep "$(calc "($t_enter + $WINDOW_START - $(now)) > 0 ? $t_enter + $WINDOW_START - $(now) : 0")"
	local t0 c0 b0 t1 c1 b1
	t0=$(now); c0=$(cpu_ticks "$pid"); b0=$(size)
	sleep "$WINDOW_LEN"
	t1=$(now); c1=$(cpu_ticks "$pid"); b1=$(size)
	[[ "$(screen)" == *"left in the hold"* ]] || {
		echo "measure-countdown: the hold was not on screen at the end of the window:" >&2
		screen >&2
		exit 2
	}

	local end=$((SECONDS + 30))
	until grep -q '^work-end ' "$trace" 2>/dev/null; do
		[ "$SECONDS" -lt "$end" ] || die "no work-end line in LIMBER_TRACE 30 s after the window"
		sleep 0.2
	done
	wait_for "How hard was that set?"
	local line late wall cpu bps
	line=$(grep -m1 '^work-end ' "$trace")
	late=$(sed -n 's/.*late_ms=\([-0-9.]*\).*/\1/p' <<<"$line")
	[ -n "$late" ] || die "cannot read late_ms from: $line"
	wall=$(calc "$t1 - $t0")
	cpu=$(calc "($c1 - $c0) / $CLK_TCK / $wall * 100")
	bps=$(calc "($b1 - $b0) / $wall")
	printf '   %.1f s inside the hold: %d CPU ticks at %d/s, %d bytes; cpu %.2f %%, %.0f bytes/s, the hold ended %s ms after its deadline\n' \
		"$wall" $((c1 - c0)) "$CLK_TCK" $((b1 - b0)) "$cpu" "$bps" "$late"
	echo "$cpu $bps $late" >>"$work/$name.results"
	tm kill-server 2>/dev/null || true
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
for round in $(seq 1 "$RUNS"); do
	for v in "${variants[@]}"; do
		echo "== round $round of $RUNS"
		measure "$v"
	done
done

# median FILE COLUMN
median() { awk -v c="$2" '{print $c}' "$1" | sort -g | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
verdict() { if [ "$(calc "$1")" = 1 ]; then echo "ok"; else echo "MISSED"; fi; }

echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); medians of $RUNS run(s), ${WINDOW_LEN} s of a 60 s hold at ${COLS}×${ROWS}"
printf '%-16s %22s %22s %28s\n' "" "cpu (target < 0.5 %)" "bytes/s (target < 300)" "hold late (target 0-20 ms)"
all=ok
for v in "${variants[@]}"; do
	cpu=$(median "$work/$v.results" 1)
	bps=$(median "$work/$v.results" 2)
	late=$(median "$work/$v.results" 3)
	v_cpu=$(verdict "$cpu < 0.5")
	v_bps=$(verdict "$bps < 300")
	v_late=$(verdict "$late >= 0 && $late <= 20") # never before it
	printf '%-16s %14.2f %% %-6s %14.0f %-7s %17s ms %-8s\n' "$v" "$cpu" "$v_cpu" "$bps" "$v_bps" "$late" "$v_late"
	[ "$v_cpu$v_bps$v_late" = okokok ] || all=missed
done
[ "$all" = ok ] || exit 1
