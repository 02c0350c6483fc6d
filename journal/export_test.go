package journal

// History is journaltest.History, which the tests of this package cannot
// import (journaltest imports journal): history_test.go, of package
// journal_test, sets it before any test runs.
var History func(n int) []byte
