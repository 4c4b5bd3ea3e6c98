package generator

// UnifiedDiff renders the line differences between a and b in unified
// format, as the drift check prints them.
func UnifiedDiff(nameA, nameB, a, b string) string { return unifiedDiff(nameA, nameB, a, b) }
