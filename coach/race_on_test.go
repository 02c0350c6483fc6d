//go:build race

package coach_test

const raceEnabled = true
