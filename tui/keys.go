package tui

import (
	"github.com/charmbracelet/bubbles/key"
)

// KeyMap is every key limber answers to. A screen matches keys against it
// with key.Matches and lists the ones it answers now (keys()), which the
// help footer shows. One key means one thing: n is only ever "no", s
// skips, b goes back, space pauses a countdown or counts a rep, never both
// on one screen.
type KeyMap struct {
	Pause    key.Binding
	Count    key.Binding
	Enter    key.Binding
	Skip     key.Binding
	Back     key.Binding
	Quit     key.Binding
	Help     key.Binding
	Close    key.Binding
	Plus     key.Binding
	Minus    key.Binding
	Extend   key.Binding
	Up       key.Binding
	Down     key.Binding
	Left     key.Binding
	Right    key.Binding
	Yes      key.Binding
	No       key.Binding
	Number   key.Binding
	Ten      key.Binding
	Pain     key.Binding
	End      key.Binding
	GoOn     key.Binding
	Retry    key.Binding
	Library  key.Binding
	Tips     key.Binding
	Progress key.Binding
	Measure  key.Binding
	Adjust   key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	ForceQ   key.Binding
	Suspend  key.Binding
}

// DefaultKeyMap is the one key map. Keys are chosen for one hand and few
// presses: space, enter and the digits do nearly everything.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, h string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, h))
	}
	return KeyMap{
		Pause:    b([]string{" "}, "space", "pause/resume"),
		Count:    b([]string{" "}, "space", "count a rep"),
		Enter:    b([]string{"enter"}, "enter", "continue"),
		Skip:     b([]string{"s"}, "s", "skip"),
		Back:     b([]string{"b"}, "b", "back"),
		Quit:     b([]string{"q"}, "q", "quit"),
		Help:     b([]string{"?"}, "?", "more keys"),
		Close:    b([]string{"esc"}, "esc", "close"),
		Plus:     b([]string{"+", "="}, "+", "one more"),
		Minus:    b([]string{"-"}, "-", "one less"),
		Extend:   b([]string{"+", "="}, "+", "15 s more rest"),
		Up:       b([]string{"up", "k"}, "↑", "up"),
		Down:     b([]string{"down", "j"}, "↓", "down"),
		Left:     b([]string{"left"}, "←", "left"),
		Right:    b([]string{"right"}, "→", "right"),
		Yes:      b([]string{"y"}, "y", "yes"),
		No:       b([]string{"n"}, "n", "no"),
		Number:   b([]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}, "0–9", "answer"),
		Ten:      b([]string{"t"}, "t", "ten"),
		Pain:     b([]string{"p"}, "p", "pain flared"),
		End:      b([]string{"e"}, "e", "end session"),
		GoOn:     b([]string{"c"}, "c", "carry on"),
		Retry:    b([]string{"r"}, "r", "try to save again"),
		Library:  b([]string{"l"}, "l", "library"),
		Tips:     b([]string{"t"}, "t", "tips"),
		Progress: b([]string{"g"}, "g", "progress"),
		Measure:  b([]string{"m"}, "m", "do the check that is due"),
		Adjust:   b([]string{"a"}, "a", "adjust (therapist)"),
		PageUp:   b([]string{"pgup"}, "pgup", "page up"),
		PageDown: b([]string{"pgdown", " "}, "pgdn", "page down"),
		ForceQ:   b([]string{"ctrl+c"}, "ctrl+c", "quit now"),
		Suspend:  b([]string{"ctrl+z"}, "ctrl+z", "suspend"),
	}
}

// as is a binding with other help words, for a screen where the same key
// does something more particular ("enter: start", "s: next exercise").
func as(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// label is a binding shown with other key words too ("1–5" for digits).
func label(b key.Binding, keys, desc string) key.Binding {
	b.SetHelp(keys, desc)
	return b
}

// helpKeys is the footer's view of a screen's keys, for bubbles/help.
type helpKeys struct {
	short  []key.Binding
	always []key.Binding
}

// ShortHelp is the footer: the keys of this screen, most needed first.
func (h helpKeys) ShortHelp() []key.Binding {
	return append(append([]key.Binding{}, h.short...), h.always...)
}

// FullHelp is ?: every key of this screen in columns, with those always
// there.
func (h helpKeys) FullHelp() [][]key.Binding {
	var cols [][]key.Binding
	for i := 0; i < len(h.short); i += 4 {
		cols = append(cols, h.short[i:min(i+4, len(h.short))])
	}
	return append(cols, h.always)
}
