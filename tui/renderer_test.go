package tui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// sessionRenderer is a renderer as limber serve makes one per session:
// its own profile and background, whatever the default renderer says.
func sessionRenderer(p termenv.Profile, dark bool) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(&bytes.Buffer{})
	r.SetColorProfile(p)
	r.SetHasDarkBackground(dark)
	return r
}

func TestStylesFollowTheirRenderer(t *testing.T) {
	// TestMain set the default renderer to ASCII: a session's renderer
	// must still colour, and in the shade for its own background.
	dark := NewStylesFor(sessionRenderer(termenv.TrueColor, true), true)
	light := NewStylesFor(sessionRenderer(termenv.TrueColor, false), true)
	plain := NewStylesFor(sessionRenderer(termenv.Ascii, true), true)
	d, l, p := dark.Title.Render("x"), light.Title.Render("x"), plain.Title.Render("x")
	// #A5D6A7 on dark, #1B5E20 on light.
	if !strings.Contains(d, "38;2;165;214;167") || !strings.Contains(l, "38;2;27;94;32") {
		t.Fatalf("dark %q, light %q", d, l)
	}
	if strings.Contains(p, "38;") {
		t.Fatalf("an ASCII renderer coloured: %q", p)
	}
	if got := NewStyles(true).Title.Render("x"); strings.Contains(got, "38;") {
		t.Fatalf("NewStyles no longer follows the default renderer: %q", got)
	}
	// The footer's key help is drawn by the same renderer.
	if k, kl := dark.Help.ShortKey.Render("q"), light.Help.ShortKey.Render("q"); !strings.Contains(k, "38;2;") || k == kl {
		t.Fatalf("help key on dark %q, on light %q", k, kl)
	}
}

func TestModelDrawsWithItsRenderer(t *testing.T) {
	h := newHarness(t, 80, 24, func(o *Options) {
		o.Color, o.Renderer = true, sessionRenderer(termenv.ANSI256, true)
	})
	if v := h.m.View(); !strings.Contains(v, "\x1b[") {
		t.Fatalf("no colour from a 256-colour renderer:\n%s", v)
	}
	h = newHarness(t, 80, 24, func(o *Options) { o.Color = true })
	if v := h.m.View(); strings.Contains(v, "\x1b[") {
		t.Fatalf("colour from the ASCII default renderer:\n%s", v)
	}
}

func TestNoAdjustTurnsOffThePlacement(t *testing.T) {
	for _, off := range []bool{false, true} {
		h := newHarness(t, 80, 24, func(o *Options) { o.NoAdjust = off })
		h.keys("l", "down", "enter", "a")
		card := h.m.models[scrCard].(*cardModel)
		if card.adjusting == off {
			t.Fatalf("NoAdjust %v: adjusting %v", off, card.adjusting)
		}
		if shown := strings.Contains(h.m.View(), "adjust (therapist)"); off && shown {
			t.Fatalf("NoAdjust: the footer still offers it:\n%s", h.m.View())
		}
	}
}
