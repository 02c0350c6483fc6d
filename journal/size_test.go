package journal

import (
	"testing"
	"unsafe"
)

// A journal holds hundreds of thousands of records and reading them is
// most of the time limber takes to start: the record's size is watched.
// Line shares the booleans' word.
func TestRecordSize(t *testing.T) {
	if got, want := unsafe.Sizeof(Record{}), uintptr(288); got != want {
		t.Errorf("a Record is %d bytes, want %d: 248 before the recorded name and unit (two strings) and the assessment (a pointer)", got, want)
	}
}
