package tui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
)

// Styles are built once, at start, and never inside a render. Every colour
// cue also has a word or a symbol, so NO_COLOR loses nothing but colour.
type Styles struct {
	App       lipgloss.Style
	Title     lipgloss.Style
	Subtle    lipgloss.Style
	Banner    lipgloss.Style // DEMO
	Heading   lipgloss.Style
	Selected  lipgloss.Style
	Normal    lipgloss.Style
	Digits    lipgloss.Style
	DigitsHot lipgloss.Style // the last three seconds
	Flash     lipgloss.Style
	Paused    lipgloss.Style
	BarFull   lipgloss.Style
	BarEmpty  lipgloss.Style
	Good      lipgloss.Style
	Warn      lipgloss.Style
	Stop      lipgloss.Style
	Key       lipgloss.Style
	Box       lipgloss.Style
	Rule      lipgloss.Style
	Help      help.Styles // the footer's keys
}

// NewStyles builds the palette for this process's terminal (lipgloss's
// default renderer); with color false, no colour is used at all.
func NewStyles(color bool) Styles { return NewStylesFor(lipgloss.DefaultRenderer(), color) }

// NewStylesFor builds the palette for one renderer. Over SSH every
// session has its own, so that the colour profile and the light or dark
// background are those of the person's terminal, not the server's.
func NewStylesFor(r *lipgloss.Renderer, color bool) Styles {
	c := func(s lipgloss.Style, light, dark string) lipgloss.Style {
		if !color {
			return s
		}
		return s.Foreground(lipgloss.AdaptiveColor{Light: light, Dark: dark})
	}
	bg := func(s lipgloss.Style, light, dark string) lipgloss.Style {
		if !color {
			return s.Reverse(true)
		}
		return s.Background(lipgloss.AdaptiveColor{Light: light, Dark: dark})
	}
	s := r.NewStyle
	// bubbles/help's own colours, built on this renderer.
	keyStyle := c(s(), "#909090", "#626262")
	descStyle := c(s(), "#B2B2B2", "#4A4A4A")
	sepStyle := c(s(), "#DDDADA", "#3C3C3C")
	return Styles{
		App:       s().Padding(0, 1),
		Title:     c(s().Bold(true), "#1B5E20", "#A5D6A7"),
		Subtle:    c(s(), "#616161", "#9E9E9E"),
		Banner:    c(bg(s().Bold(true).Padding(0, 1), "#FFE082", "#8D6E00"), "#000000", "#FFFFFF"),
		Heading:   c(s().Bold(true).Underline(true), "#0D47A1", "#90CAF9"),
		Selected:  c(bg(s().Bold(true), "#C8E6C9", "#2E7D32"), "#000000", "#FFFFFF"),
		Normal:    s(),
		Digits:    c(s().Bold(true), "#0D47A1", "#E3F2FD"),
		DigitsHot: c(s().Bold(true), "#E65100", "#FFB74D"),
		Flash:     bg(s().Bold(true), "#FFF59D", "#F9A825"),
		Paused:    c(s().Bold(true), "#6A1B9A", "#CE93D8"),
		BarFull:   c(s(), "#2E7D32", "#81C784"),
		BarEmpty:  c(s(), "#BDBDBD", "#424242"),
		Good:      c(s().Bold(true), "#2E7D32", "#81C784"),
		Warn:      c(s().Bold(true), "#E65100", "#FFB74D"),
		Stop:      c(s().Bold(true), "#B71C1C", "#EF9A9A"),
		Key:       c(s().Bold(true), "#0D47A1", "#90CAF9"),
		Box:       s().Border(lipgloss.RoundedBorder()).Padding(0, 1),
		Rule:      c(s(), "#BDBDBD", "#424242"),
		Help: help.Styles{ShortKey: keyStyle, ShortDesc: descStyle, ShortSeparator: sepStyle, Ellipsis: sepStyle,
			FullKey: keyStyle, FullDesc: descStyle, FullSeparator: sepStyle},
	}
}
