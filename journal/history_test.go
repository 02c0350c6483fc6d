package journal_test

import (
	"limber/journal"
	"limber/journal/journaltest"
)

func init() { journal.History = journaltest.History }
