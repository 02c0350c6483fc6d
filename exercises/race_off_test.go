//go:build !race

package exercises

// raceSlowdown stretches time limits in tests: the race detector makes
// code several times slower than the program people run.
const raceSlowdown = 1
