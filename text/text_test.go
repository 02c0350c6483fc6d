package text

import (
	"strings"
	"testing"
)

func TestWrapFitsAndKeepsEveryWord(t *testing.T) {
	cases := []struct {
		name string
		in   string
		w    int
	}{
		{"plain", "Stand tall and hold steady while the count runs down to zero.", 20},
		{"wide characters", "足首をゆっくり回します。左右それぞれ十回ずつ行ってください。", 16},
		{"mixed", "Tip: 深呼吸 breathe out as you push, never hold your breath", 12},
		{"long word", "Supercalifragilisticexpialidocious-stretching-with-a-towel done", 10},
		{"styled", "\x1b[1mBold words\x1b[0m that wrap across a narrow column", 12},
		{"paragraphs", "First paragraph here.\nSecond one, also wrapped.", 14},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := Wrap(c.in, c.w)
			for _, l := range strings.Split(out, "\n") {
				if Width(l) > c.w {
					t.Errorf("line %q is %d cells, over %d", l, Width(l), c.w)
				}
			}
			squash := func(s string) string {
				return strings.NewReplacer(" ", "", "\n", "").Replace(s)
			}
			if squash(out) != squash(c.in) {
				t.Errorf("text changed:\n got %q\nwant %q", squash(out), squash(c.in))
			}
		})
	}
}

func TestWrapBreaksOnlyWhereNeeded(t *testing.T) {
	// 10 cells: "aaaa bbbb" fits one line exactly at 9, then "cc".
	if got := Wrap("aaaa bbbb cc", 9); got != "aaaa bbbb\ncc" {
		t.Errorf("got %q", got)
	}
	if got := Wrap("aaaa bbbb cc", 12); got != "aaaa bbbb cc" {
		t.Errorf("at exactly its width it stays one line: %q", got)
	}
	if got := Wrap("aaaa bbbb cc", 11); got != "aaaa bbbb\ncc" {
		t.Errorf("one cell short it breaks: %q", got)
	}
}

func TestHangIndentsFollowOnLines(t *testing.T) {
	got := Hang("  • ", "one two three four five six", 14)
	want := []string{"  • one two", "    three four", "    five six"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestTruncate(t *testing.T) {
	if got := Truncate("hello", 5); got != "hello" {
		t.Errorf("at its width: %q", got)
	}
	if got := Truncate("hello", 4); got != "hel…" || Width(got) != 4 {
		t.Errorf("one short: %q", got)
	}
	if got := Truncate("足首足首", 5); Width(got) > 5 {
		t.Errorf("wide: %q is %d cells", got, Width(got))
	}
	styled := "\x1b[1mbold text here\x1b[0m"
	if got := Truncate(styled, 6); Width(got) != 6 || !strings.HasPrefix(got, "\x1b[1m") {
		t.Errorf("styled: %q", got)
	}
}

func TestIndent(t *testing.T) {
	for _, c := range []struct {
		s, first, rest string
		width          int
		want           []string
	}{
		{"one two three four", "- ", "  ", 14, []string{"- one two", "  three four"}},
		{"", "1. ", "   ", 20, []string{"1. "}},
		{"abcdefghijklmnopqrstuvwxy", "> ", "> ", 12, []string{"> abcdefghij", "> klmnopqrst", "> uvwxy"}},
	} {
		got := Indent(c.first, c.rest, c.s, c.width)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Indent(%q, %d) = %q, want %q", c.s, c.width, got, c.want)
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1001: "1,001", 99995: "99,995", 1234567: "1,234,567", -1000: "-1,000", -999: "-999"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
