package journal

import "slices"

// Same reports whether a and b say the same thing, field by field,
// wherever they were read from (Line is not compared): a line repeated
// byte for byte reads as two records that are the Same, and counts once.
func Same(a, b *Record) bool {
	if a.V != b.V || a.Kind != b.Kind || !a.At.Equal(b.At) || a.Session != b.Session || a.Routine != b.Routine ||
		a.Exercise != b.Exercise || a.Name != b.Name || a.Unit != b.Unit || a.Set != b.Set || a.Side != b.Side ||
		a.Target != b.Target || a.Achieved != b.Achieved || a.Effort != b.Effort || a.Stopped != b.Stopped ||
		a.Demo != b.Demo || a.Outcome != b.Outcome || a.Note != b.Note {
		return false
	}
	return samePtr(a.Baseline, b.Baseline) && samePtr(a.RedFlag, b.RedFlag) && samePtr(a.Settled, b.Settled) &&
		samePtr(a.Rung, b.Rung) && samePtr(a.Pain, b.Pain) && samePtr(a.Score, b.Score) && samePtr(a.Decision, b.Decision) &&
		sameAnswers(a.Answers, b.Answers) && samePtr(a.Assessed, b.Assessed)
}

func samePtr[T comparable](a, b *T) bool { return a == b || (a != nil && b != nil && *a == *b) }

func sameAnswers(a, b *Answers) bool {
	if a == nil || b == nil {
		return a == b
	}
	return slices.Equal(a.RedFlags, b.RedFlags) && a.Glucose == b.Glucose && a.GlucoseUnit == b.GlucoseUnit &&
		samePtr(a.Ketones, b.Ketones) && a.Today == b.Today && a.Resumes == b.Resumes
}
