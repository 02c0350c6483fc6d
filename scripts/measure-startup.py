#!/usr/bin/env python3
"""Time from start to first frame, limber against a minimal bubbletea program.

Runs each program in a pseudo-terminal (120x40, TERM=xterm-256color),
answers the terminal queries a real terminal would (background colour,
cursor position), and times from fork to the first frame's text. Prints the
median of N runs of each and their ratio; DESIGN section 8 asks for limber
to be within 1.5x of the minimal program.

Usage: scripts/measure-startup.py [N]      (builds both with go build)
"""
import fcntl, os, pty, select, signal, statistics, struct, subprocess, sys, tempfile, termios, time

def first_frame(argv, marker, env):
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    start, buf = time.monotonic(), b""
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
            if b"\x1b[6n" in chunk:    # cursor position query
                os.write(fd, b"\x1b[1;1R")
            if marker in buf:
                return time.monotonic() - start
        return float("nan")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)

def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    work = tempfile.mkdtemp(prefix="limber-startup.")
    subprocess.run(["go", "build", "-o", f"{work}/limber", "."], cwd=root, check=True)
    subprocess.run(["go", "build", "-o", f"{work}/minimal", "./scripts/minimal"], cwd=root, check=True)
    data = f"{work}/data"
    os.makedirs(data)
    open(f"{data}/notice-seen", "w").close()
    env = {"PATH": os.environ.get("PATH", ""), "TERM": "xterm-256color", "HOME": work, "LANG": "C.UTF-8"}
    runs = {"minimal": [], "limber": []}
    for _ in range(n):  # interleaved, so that load hits both alike
        runs["minimal"].append(first_frame([f"{work}/minimal"], b"minimal first frame", env))
        runs["limber"].append(first_frame([f"{work}/limber", "--data-dir", data], b"more keys", env))  # the footer: the last line of the first frame
    med = {k: statistics.median(v) * 1000 for k, v in runs.items()}
    for k, v in runs.items():
        print(f"{k:8s} median {med[k]:6.1f} ms   min {min(v)*1000:6.1f} ms   max {max(v)*1000:6.1f} ms   ({n} runs)")
    ratio = med["limber"] / med["minimal"]
    print(f"ratio    {ratio:.2f}x   target within 1.5x: {'ok' if ratio <= 1.5 else 'MISSED'}")
    sys.exit(0 if ratio <= 1.5 else 1)

if __name__ == "__main__":
    main()
