#!/usr/bin/env python3
"""Render a terminal screen captured with `tmux capture-pane -p -e` as an
HTML page, so that it can be looked at as a picture (headless Chromium
--screenshot). Handles the SGR attributes limber uses: bold, reverse video,
and 16, 256 and true colours.

    tmux capture-pane -p -e -t T | scripts/screen2html.py > screen.html
    chromium --headless --no-sandbox --screenshot=screen.png \
        --window-size=1300,800 file://$PWD/screen.html
"""
import html
import re
import sys

BASIC = ["#000000", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
         "#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff"]
FG, BG = "#e5e5e5", "#1e1e1e"


def c256(n):
    if n < 16:
        return BASIC[n]
    if n < 232:
        n -= 16
        v = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (v[n // 36], v[(n // 6) % 6], v[n % 6])
    g = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (g, g, g)


def render(text):
    out = []
    st = {"fg": None, "bg": None, "bold": False, "rev": False}
    for line in text.rstrip("\n").split("\n"):
        parts = re.split(r"(\x1b\[[0-9;]*m)", line)
        row = []
        for p in parts:
            m = re.fullmatch(r"\x1b\[([0-9;]*)m", p)
            if m:
                codes = [int(c) if c else 0 for c in m.group(1).split(";")] if m.group(1) else [0]
                i = 0
                while i < len(codes):
                    c = codes[i]
                    if c == 0:
                        st = {"fg": None, "bg": None, "bold": False, "rev": False}
                    elif c == 1:
                        st["bold"] = True
                    elif c == 22:
                        st["bold"] = False
                    elif c == 7:
                        st["rev"] = True
                    elif c == 27:
                        st["rev"] = False
                    elif 30 <= c <= 37:
                        st["fg"] = BASIC[c - 30]
                    elif 90 <= c <= 97:
                        st["fg"] = BASIC[c - 90 + 8]
                    elif c == 39:
                        st["fg"] = None
                    elif 40 <= c <= 47:
                        st["bg"] = BASIC[c - 40]
                    elif 100 <= c <= 107:
                        st["bg"] = BASIC[c - 100 + 8]
                    elif c == 49:
                        st["bg"] = None
                    elif c in (38, 48) and i + 1 < len(codes):
                        if codes[i + 1] == 5 and i + 2 < len(codes):
                            col, i = c256(codes[i + 2]), i + 2
                        elif codes[i + 1] == 2 and i + 4 < len(codes):
                            col, i = "#%02x%02x%02x" % tuple(codes[i + 2:i + 5]), i + 4
                        else:
                            col = None
                        st["fg" if c == 38 else "bg"] = col
                    i += 1
                continue
            if not p:
                continue
            fg, bg = st["fg"] or FG, st["bg"] or BG
            if st["rev"]:
                fg, bg = bg, fg
            style = "color:%s;background:%s;%s" % (fg, bg, "font-weight:bold;" if st["bold"] else "")
            row.append('<span style="%s">%s</span>' % (style, html.escape(p)))
        out.append("".join(row))
    return ("<!doctype html><meta charset=utf-8><body style='margin:0;background:%s'>"
            "<pre style='margin:8px;font:15px/1.15 \"DejaVu Sans Mono\",monospace;color:%s'>%s</pre></body>"
            % (BG, FG, "\n".join(out)))


if __name__ == "__main__":
    sys.stdout.write(render(sys.stdin.read()))
