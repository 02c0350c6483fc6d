package tui

import (
	"context"
	"io"
	"os/exec"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// Cues are the sounds: a terminal bell, and spoken words where a local
// text-to-speech command exists. Both run as commands, off the UI loop.
type Cues struct {
	Bell  io.Writer // where "\a" goes; nil for silence
	Voice []string  // a text-to-speech command and its arguments, or nil
}

// FindVoice returns the first text-to-speech command on this machine.
func FindVoice() []string {
	for _, c := range [][]string{{"espeak-ng", "-s", "140"}, {"espeak", "-s", "140"}, {"say"}, {"spd-say", "-w"}} {
		if p, err := exec.LookPath(c[0]); err == nil {
			return append([]string{p}, c[1:]...)
		}
	}
	return nil
}

// ring sounds the bell.
func (c Cues) ring() tea.Cmd {
	if c.Bell == nil {
		return nil
	}
	w := c.Bell
	return func() tea.Msg {
		w.Write([]byte{'\a'})
		return nil
	}
}

// say speaks words, giving up after a few seconds so that a stuck speech
// command can never pile up.
func (c Cues) say(words string) tea.Cmd {
	if len(c.Voice) == 0 || words == "" {
		return nil
	}
	argv := append(append([]string{}, c.Voice...), words)
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 6*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
		cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
		_ = cmd.Run()
		return nil
	}
}

// cue is a bell and, with a voice, the words.
func (c Cues) cue(words string) tea.Cmd { return tea.Batch(c.ring(), c.say(words)) }
