#!/usr/bin/env python3
"""Time from start to first frame, limber against a minimal bubbletea program;
and, with --commands, what plan, report and history cost with a big journal.

First frame: each program runs in a pseudo-terminal (120x40,
TERM=xterm-256color) that answers the queries a real terminal would
(background colour, cursor position); the time is from fork to the first
frame's last line. Runs are interleaved (minimal, limber, minimal, ...) so
that the load of a shared machine hits them alike, and the median of N runs
of each is compared. DESIGN section 8: limber within 1.2x of the minimal
program, with an empty journal and with a ten-year one.

--journal ten-years writes a ten-year journal (87,600 records, about 22 MB)
in limber's own format, as the coach writes it: a check-in (session_start),
each set with both sides where the exercise has two, each exercise's end
with its name, unit and decision, and the session's end, over ten years of
the built-in routines up to yesterday. --cache warm lets limber write its
state cache (state.cache) before the timed runs; --cache cold deletes it
before each run. Besides the first frame, it times how long until the
journal is on screen (home says how many times this week), which limber
reads after its first frame.

--commands times whole processes of plan, report, history --csv and
history (text) with the ten-year journal, warm and cold cache, with their
peak memory (the children's maximum resident set size, from wait4).

Usage:
  scripts/measure-startup.py [-n 15]                        first frame, empty journal
  scripts/measure-startup.py --journal both                 empty and ten-year (warm cache)
  scripts/measure-startup.py --journal ten-years --cache cold
  scripts/measure-startup.py --commands [-n 15]             plan, report, history
  scripts/measure-startup.py --bin base=/tmp/limber-old     add another binary (A/B)
  scripts/measure-startup.py --fps 30,60,120                limber built at each frame rate
  scripts/measure-startup.py --write-journal DIR            only write the ten-year journal
Exit status: 0 when every target is met, 1 when one is missed.
"""
import argparse, fcntl, json, os, pty, random, resource, select, signal, statistics, struct, subprocess, sys, tempfile, termios, time
from datetime import datetime, timedelta, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIRST_FRAME_RATIO = 1.2


def first_frame(argv, marker, env, then=None):
    """Seconds from fork to marker on the terminal; nan after 10 s. With
    then, a pair: the seconds to marker, and to then after it."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    start, buf, first = time.monotonic(), b"", None
    try:
        while time.monotonic() - start < 10:
            r, _, _ = select.select([fd], [], [], 0.05)
            if not r:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            buf += chunk
            if b"\x1b]11;?" in chunk:  # background colour query
                os.write(fd, b"\x1b]11;rgb:0000/0000/0000\x07")
            if b"\x1b[6n" in chunk:  # cursor position query
                os.write(fd, b"\x1b[1;1R")
            if marker in buf and first is None:
                first = time.monotonic() - start
                if then is None:
                    return first
            if first is not None and then in buf:
                return first, time.monotonic() - start
        return float("nan") if then is None else (first or float("nan"), float("nan"))
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


TIME = "/usr/bin/time"  # GNU time: the peak memory of the command alone


def run_command(argv, env):
    """Wall seconds and peak resident memory (MB) of one process.

    The peak is read by GNU time, which runs the command from its own small
    process: a child forked from this script would count the script's own
    memory (Linux keeps the larger of the two at exec). Without GNU time it
    is read from wait4, and is then no less than this script's own."""
    if os.access(TIME, os.X_OK):
        argv = [TIME, "-f", "%M", "-o", "/dev/fd/3"] + argv
    r, w = os.pipe()
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.dup2(w, 3)
        os.execve(argv[0], argv, env)
    os.close(w)
    _, status, usage = os.wait4(pid, 0)
    wall = time.monotonic() - start
    out = os.read(r, 100).decode().strip()
    os.close(r)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed with {status}")
    kb = int(out.splitlines()[-1]) if out else usage.ru_maxrss  # Linux reports kilobytes
    return wall, kb / 1024


# --- the ten-year journal ----------------------------------------------------

ROUTINES = ["feet-daily", "hands-daily", "feet-daily", "balance-3x", "feet-daily", "hands-daily", "feet-daily"]


def routine_items(limber, routine):
    """Each exercise of a built-in routine at its starting dose, with its name and unit."""
    env = dict(os.environ, LIMBER_DATA_DIR=tempfile.mkdtemp(prefix="limber-empty."))
    plan = json.loads(subprocess.run([limber, "plan", routine, "--json"], env=env, check=True, capture_output=True).stdout)
    items = []
    for it in plan:
        value = it["reps"] or it["hold_seconds"] or it["duration_seconds"]
        unit = "reps" if it["reps"] else "seconds"
        items.append({"id": it["exercise"], "name": it["name"], "unit": unit, "sides": 2 if it["sides"] == "both" else 1,
                      "rung": {"sets": it["sets"], "level": it["level"], "value": value}})
    return items


class At:
    """A UTC time with nanoseconds (datetime keeps microseconds only)."""
    def __init__(self, dt, ns):
        self.dt, self.ns = dt, ns

    def add(self, seconds, ns):
        total = self.ns + ns
        return At(self.dt + timedelta(seconds=seconds + total // 1_000_000_000), total % 1_000_000_000)

    def json(self):
        s = self.dt.strftime("%Y-%m-%dT%H:%M:%S")
        if self.ns:
            s += ("." + f"{self.ns:09d}").rstrip("0")
        return s + "Z"

    def session_id(self, rng):
        return self.dt.strftime("%Y%m%dT%H%M%SZ") + "-" + f"{rng.getrandbits(24):06x}"


def write_journal(path, limber, records=87_600, seed=7):
    """Writes about ten years of sessions up to yesterday, records lines in all."""
    items = {r: routine_items(limber, r) for r in set(ROUTINES)}
    per_session = {r: 2 + sum(1 + it["rung"]["sets"] * it["sides"] for it in items[r]) for r in items}
    mean = sum(per_session[r] for r in ROUTINES) / len(ROUTINES)
    sessions = int(records / mean) + 1
    today = datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    first = today - timedelta(days=3652)
    step = (today - timedelta(days=1) - first) / sessions
    rng = random.Random(seed)
    out, n = [], 0

    def add(rec):
        nonlocal n
        if n < records:
            out.append(json.dumps(rec, ensure_ascii=False, separators=(",", ":")))
            n += 1

    for i in range(sessions):
        if n >= records:
            break
        routine = ROUTINES[i % len(ROUTINES)]
        base = first + step * i
        # In the day, from 8 in the morning to 6 in the evening.
        day = base.replace(hour=8, minute=0, second=0, microsecond=0)
        at = At(day + timedelta(minutes=rng.randrange(600)), rng.randrange(1_000_000_000))
        sid = at.session_id(rng)
        pain = rng.randrange(4)
        start = {"v": 1, "kind": "session_start", "at": at.json(), "session": sid, "routine": routine, "baseline": pain, "red_flag": False}
        if rng.randrange(3) == 0:
            start["settled"] = True
        add(start)
        for it in items[routine]:
            rung = it["rung"]
            for s in range(1, rung["sets"] + 1):
                effort = 1 + rng.randrange(4)
                sides = ["left", "right"] if it["sides"] == 2 else [""]
                for side in sides:
                    at = at.add(20 + rng.randrange(70), rng.randrange(1_000_000_000))
                    rec = {"v": 1, "kind": "set", "at": at.json(), "session": sid, "routine": routine, "exercise": it["id"],
                           "name": it["name"], "unit": it["unit"], "set": s}
                    if side:
                        rec["side"] = side
                    rec.update({"rung": rung, "target": rung["value"], "achieved": rung["value"]})
                    if side != "left":  # a left side is saved before its effort is asked
                        rec["effort"] = effort
                    add(rec)
            at = at.add(10 + rng.randrange(20), rng.randrange(1_000_000_000))
            after = min(10, pain + rng.randrange(2))
            add({"v": 1, "kind": "exercise_end", "at": at.json(), "session": sid, "routine": routine, "exercise": it["id"],
                 "name": it["name"], "unit": it["unit"], "pain": after,
                 "decision": {"from": rung, "to": rung, "streak": rng.randrange(2),
                              "reason": f"An easy session (1 of 2 in a row to move up): {rung['sets']} × {rung['value']} {it['unit']} again for {it['name'].lower()}."}})
        at = at.add(30, 0)
        add({"v": 1, "kind": "session_end", "at": at.json(), "session": sid, "routine": routine, "outcome": "finished"})
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    return n


# --- measuring ---------------------------------------------------------------

def build(work, fps_list):
    bins = {}
    if fps_list:
        for fps in fps_list:
            out = f"{work}/limber-fps{fps}"
            subprocess.run(["go", "build", "-ldflags", f"-X main.coachFPS={fps}", "-o", out, "."], cwd=ROOT, check=True)
            bins[f"limber@{fps}fps"] = out
    else:
        subprocess.run(["go", "build", "-o", f"{work}/limber", "."], cwd=ROOT, check=True)
        bins["limber"] = f"{work}/limber"
    subprocess.run(["go", "build", "-o", f"{work}/minimal", "./scripts/minimal"], cwd=ROOT, check=True)
    return bins


def data_dir(work, name, journal_src):
    d = f"{work}/{name}"
    os.makedirs(d, exist_ok=True)
    open(f"{d}/notice-seen", "w").close()
    if journal_src:
        os.link(journal_src, f"{d}/journal.jsonl")
    return d


def drop_cache(d):
    try:
        os.remove(f"{d}/state.cache")
    except FileNotFoundError:
        pass


def warm(limber, d, env):
    """Lets limber write its state cache (plan reads and writes it)."""
    subprocess.run([limber, "--data-dir", d, "plan", "feet-daily"], env=env, check=True, capture_output=True)


def median_ms(v):
    return statistics.median(v) * 1000


# What is on screen once the journal is read: every built-in library has
# a routine done so many times a week, and home says how many this week.
JOURNAL_ON_SCREEN = b"this week"


def measure_first_frame(args, work, bins, env, journals):
    ok = True
    for jname, jsrc in journals:
        runs = {"minimal": []}
        read = {}  # limber: until the journal is on screen
        dirs = {}
        for name, path in bins.items():
            runs[name], read[name] = [], []
            dirs[name] = data_dir(work, f"data-{jname}-{name}", jsrc)
            if args.cache == "warm":
                warm(path, dirs[name], env)
        for _ in range(args.n):  # interleaved, so that load hits all alike
            runs["minimal"].append(first_frame([f"{work}/minimal"], b"minimal first frame", env))
            for name, path in bins.items():
                if args.cache == "cold":
                    drop_cache(dirs[name])
                # The footer is the last line of the first frame.
                first, then = first_frame([path, "--data-dir", dirs[name]], b"more keys", env, JOURNAL_ON_SCREEN)
                runs[name].append(first)
                read[name].append(then)
        base = median_ms(runs["minimal"])
        print(f"== first frame, {jname} journal" + (f", {args.cache} cache" if jsrc else "") + f" ({args.n} runs each)")
        for name, v in runs.items():
            med = median_ms(v)
            line = f"{name:16s} median {med:6.1f} ms   min {min(v)*1000:6.1f}   max {max(v)*1000:6.1f}"
            if name != "minimal":
                ratio = med / base
                good = ratio <= FIRST_FRAME_RATIO
                if name == "limber" or name.startswith("limber@"):
                    ok = ok and good
                line += f"   {ratio:.2f}x   target {FIRST_FRAME_RATIO}x: {'ok' if good else 'MISSED'}"
                line += f"   journal on screen {median_ms(read[name]):6.1f} ms"
            print(line)
    return ok


COMMANDS = [
    # name, arguments, wall target (ms), memory target (MB)
    ("plan", ["plan", "feet-daily"], 50, None),
    ("report", ["report"], 50, None),
    ("history --csv", ["history", "--csv"], 250, 20),
    ("history", ["history"], 500, None),
]


def measure_commands(args, work, bins, env, journal_src):
    ok = True
    print(f"== commands with the ten-year journal ({args.n} runs each, interleaved; wall ms and peak MB, median)")
    for cache in ("warm", "cold"):
        dirs = {name: data_dir(work, f"cmd-{cache}-{name}", journal_src) for name in bins}
        for name, path in bins.items():
            if cache == "warm":
                warm(path, dirs[name], env)
        results = {(c[0], name): ([], []) for c in COMMANDS for name in bins}
        for _ in range(args.n):
            for cname, cargs, _, _ in COMMANDS:
                for name, path in bins.items():
                    if cache == "cold":
                        drop_cache(dirs[name])
                    wall, mem = run_command([path, "--data-dir", dirs[name]] + cargs, env)
                    results[(cname, name)][0].append(wall)
                    results[(cname, name)][1].append(mem)
        for cname, _, wall_t, mem_t in COMMANDS:
            for name in bins:
                walls, mems = results[(cname, name)]
                w, m = median_ms(walls), statistics.median(mems)
                line = f"{cache:4s} {cname:14s} {name:16s} {w:7.1f} ms {m:6.1f} MB"
                if cache == "warm":
                    good = w < wall_t and (mem_t is None or m < mem_t)
                    target = f"under {wall_t} ms" + (f" and {mem_t} MB" if mem_t else "")
                    line += f"   target {target}: {'ok' if good else 'MISSED'}"
                    if name == "limber":
                        ok = ok and good
                print(line)
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=15, help="runs of each program (median)")
    ap.add_argument("positional_n", nargs="?", type=int, help=argparse.SUPPRESS)  # the old form: measure-startup.py N
    ap.add_argument("--journal", choices=["empty", "ten-years", "both"], default="empty")
    ap.add_argument("--cache", choices=["warm", "cold"], default="warm")
    ap.add_argument("--records", type=int, default=87_600, help="records in the ten-year journal")
    ap.add_argument("--commands", action="store_true", help="time plan, report and history instead of the first frame")
    ap.add_argument("--bin", action="append", default=[], metavar="NAME=PATH", help="another limber binary to measure alongside")
    ap.add_argument("--fps", help="build limber at each of these frame rates (comma-separated) instead")
    ap.add_argument("--write-journal", metavar="DIR", help="write the ten-year journal into DIR and stop")
    args = ap.parse_args()
    if args.positional_n:
        args.n = args.positional_n

    work = tempfile.mkdtemp(prefix="limber-startup.")
    fps = [int(x) for x in args.fps.split(",")] if args.fps else None
    bins = build(work, fps)
    for spec in args.bin:
        name, _, path = spec.partition("=")
        bins[name] = os.path.abspath(path)
    limber = next(iter(bins.values()))
    env = {"PATH": os.environ.get("PATH", ""), "TERM": "xterm-256color", "HOME": work, "LANG": "C.UTF-8"}

    if args.write_journal:
        os.makedirs(args.write_journal, exist_ok=True)
        n = write_journal(f"{args.write_journal}/journal.jsonl", limber, args.records)
        print(f"wrote {n} records, {os.path.getsize(args.write_journal + '/journal.jsonl') / 1e6:.1f} MB")
        return
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    journals = []
    ten = None
    if args.journal in ("ten-years", "both") or args.commands:
        ten = f"{work}/ten-years.jsonl"
        t = time.monotonic()
        n = write_journal(ten, limber, args.records)
        print(f"ten-year journal: {n} records, {os.path.getsize(ten) / 1e6:.1f} MB (written in {time.monotonic() - t:.1f} s)")
    if args.commands:
        ok = measure_commands(args, work, bins, env, ten)
    else:
        if args.journal in ("empty", "both"):
            journals.append(("empty", None))
        if ten:
            journals.append(("ten-year", ten))
        ok = measure_first_frame(args, work, bins, env, journals)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
