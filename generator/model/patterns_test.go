package model

import (
	"slices"
	"testing"
)

// addPatterns keeps every pattern once, in the order the allOf gives them,
// with the split each carries.
func TestAddPatterns(t *testing.T) {
	split := &SplitPattern{Alternatives: []SplitAlternative{{All: []string{"^b{1000}b{1}$"}}}}
	var c Constraints
	c.addPatterns(Constraints{Pattern: "^a"})
	c.addPatterns(Constraints{Pattern: "^b{1001}$", Split: split})
	c.addPatterns(Constraints{Pattern: "^a", More: &PatternCheck{Pattern: "c$", Next: &PatternCheck{Pattern: "^b{1001}$", Split: split}}})
	var got []string
	if c.Split != nil {
		t.Errorf("the first pattern, ^a, has the split of another")
	}
	got = append(got, c.Pattern)
	for m := c.More; m != nil; m = m.Next {
		got = append(got, m.Pattern)
		if (m.Split != nil) != (m.Pattern == "^b{1001}$") {
			t.Errorf("%s: split %v", m.Pattern, m.Split)
		}
	}
	if want := []string{"^a", "^b{1001}$", "c$"}; !slices.Equal(got, want) {
		t.Errorf("patterns %q, want %q", got, want)
	}
}
