package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileJournal is a journal someone edited by hand: escape sequences
// that clear the screen or write the clipboard (OSC 52), and cells a
// spreadsheet would run as formulas.
const hostileJournal = `{"v":1,"kind":"set","at":"2026-01-05T09:00:00Z","session":"s1","exercise":"heel-raises","set":1,"side":"\u001b[2J","rung":{"level":1,"sets":1,"value":8},"target":8,"achieved":8,"effort":2}
{"v":1,"kind":"set","at":"2026-01-05T09:00:01Z","session":"s1","exercise":"\u001b]52;c;aGVsbG8=\u0007","set":1,"rung":{"level":1,"sets":1,"value":8},"target":8,"achieved":8,"effort":2}
{"v":1,"kind":"set","at":"2026-01-05T09:00:02Z","session":"=HYPERLINK(\"http://x\")","routine":"+cmd|' /C calc'!A0","exercise":"@SUM(1+1)","set":1,"side":"-2+3","rung":{"level":1,"sets":1,"value":8},"target":8,"achieved":8,"effort":2}
{"v":1,"kind":"set","at":"2026-01-05T09:00:03Z","session":"s2\u009b31m","exercise":"\u202eheel-raises","set":1,"rung":{"level":1,"sets":1,"value":8},"target":8,"achieved":8,"effort":2}
`

func hostileHistory(t *testing.T, format ...string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "journal.jsonl"), []byte(hostileJournal), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := limber(t, append([]string{"--data-dir", dir, "history"}, format...)...)
	// Their exercises are not in the library: each is named in a warning,
	// with its escapes written out.
	if code != 0 || rawControl(stderr) || strings.Count(stderr, "limber: warning: ") != 3 ||
		!strings.Contains(stderr, `journal.jsonl:2: "\x1b]52;c;aGVsbG8=\x07" is not in the library: its 1 record(s) move no rung`) {
		t.Fatalf("history %v: exit %d, stderr %q", format, code, stderr)
	}
	return out
}

// rawControl reports whether s holds a control or escape character a
// terminal would act on: C0 (but newline), DEL, C1, or a bidi override.
func rawControl(s string) bool {
	for _, r := range s {
		if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) {
			return true
		}
	}
	return false
}

func TestHistoryTextStripsEscapes(t *testing.T) {
	out := hostileHistory(t)
	if rawControl(out) {
		t.Errorf("history printed a raw control character:\n%q", out)
	}
	if strings.Contains(out, `\x1b`) || !strings.Contains(out, "1 [2J") || !strings.Contains(out, "]52;c;aGVsbG8=") {
		t.Errorf("history should strip the escape bytes and keep the rest:\n%s", out)
	}
}

func TestHistoryJSONStripsEscapes(t *testing.T) {
	out := hostileHistory(t, "--json")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 4 {
		t.Fatalf("%v, %d rows", err, len(rows))
	}
	// Decoded, as a program that prints it would see it.
	for _, r := range rows {
		for k, v := range r {
			if s, ok := v.(string); ok && rawControl(s) {
				t.Errorf("row %v: %s = %q", r["date"], k, s)
			}
		}
	}
	if rows[0]["side"] != "[2J" || rows[3]["exercise"] != "heel-raises" || rows[3]["session"] != "s231m" {
		t.Errorf("rows: %v", rows)
	}
}

func TestHistoryCSVStripsEscapesAndDefusesFormulas(t *testing.T) {
	out := hostileHistory(t, "--csv")
	if rawControl(strings.ReplaceAll(out, "\r\n", "\n")) {
		t.Errorf("CSV holds a raw control character:\n%q", out)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 5 {
		t.Fatalf("%v, %d rows", err, len(rows))
	}
	got := rows[3]
	want := map[int]string{1: `'=HYPERLINK("http://x")`, 2: `'+cmd|' /C calc'!A0`, 3: "'@SUM(1+1)", 5: "'-2+3"}
	for i, w := range want {
		if got[i] != w {
			t.Errorf("cell %d (%s) = %q, want %q", i, rows[0][i], got[i], w)
		}
	}
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q starts as a formula", cell)
			}
		}
	}
}

func TestCSVCell(t *testing.T) {
	cases := map[string]string{
		"=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@A1": "'@A1", "\tx": "'\tx", "\rx": "'\rx",
		"": "", "a=1": "a=1", "1": "1", "'=1": "'=1", " =1": " =1", "heel-raises": "heel-raises",
	}
	for in, want := range cases {
		if got := csvCell(in); got != want {
			t.Errorf("csvCell(%q) = %q, want %q", in, got, want)
		}
	}
}
