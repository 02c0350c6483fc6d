package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestCuesRingAndSpeak(t *testing.T) {
	var bell bytes.Buffer
	out := filepath.Join(t.TempDir(), "said")
	c := Cues{Bell: &bell, Voice: []string{"sh", "-c", `printf %s "$1" > "$0"`, out}}
	c.ring()()
	if bell.String() != "\a" {
		t.Fatalf("bell wrote %q", bell.String())
	}
	c.say("Hold")()
	if got, err := os.ReadFile(out); err != nil || string(got) != "Hold" {
		t.Fatalf("voice said %q, %v", got, err)
	}
	// Silence is no command at all.
	if (Cues{}).ring() != nil || (Cues{}).say("x") != nil {
		t.Fatal("silent cues made commands")
	}
}
