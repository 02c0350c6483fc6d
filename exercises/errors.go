package exercises

import (
	"fmt"
	"strings"
)

// Error is one problem in a library file, with its place and the field.
type Error struct {
	Pos   Pos
	Field string // such as exercises[2].dose.hold; empty for the whole file
	Msg   string // what is wrong and what would be valid
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: ", Escape(e.Pos.File), e.Pos.Line, e.Pos.Col)
	if e.Field != "" {
		b.WriteString(Escape(e.Field))
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Notice is something a content author should know that is not an error,
// such as a user library replacing a built-in exercise.
type Notice struct {
	Pos Pos
	Msg string
}

func (n Notice) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", Escape(n.Pos.File), n.Pos.Line, n.Pos.Col, n.Msg)
}

// didYouMean suggests the closest of the candidates to s, or "".
func didYouMean(s string, candidates []string) string {
	best, bestD := "", 3
	if len(s) <= 3 {
		bestD = 2
	}
	for _, c := range candidates {
		if d := editDistance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// Meant is "; did you mean "x"?" for the candidate closest to s, or
// otherwise when none is close.
func Meant(s string, candidates []string, otherwise string) string {
	if m := didYouMean(s, candidates); m != "" {
		return fmt.Sprintf("; did you mean %q?", m)
	}
	return otherwise
}

func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
