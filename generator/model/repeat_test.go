package model

import (
	"regexp"
	"strings"
	"testing"
)

func TestExpandRepeats(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Nothing above the limit: unchanged.
		{`^[a-z]{1,1000}$`, `^[a-z]{1,1000}$`},
		{`x{2000`, `x{2000`}, // not a repetition: a literal {
		// Between other parts: counts of at most 1,000 in a row.
		{`^(.){1,1024}$`, `^(.){1,1000}(.){0,24}$`},
		{`^\S{1,2000}$`, `^\S{1,1000}\S{0,1000}$`},
		{`^arn:.{16,2044}$`, `^arn:.{16,1000}.{0,1000}.{0,44}$`},
		{`^[^\x00]{1,1020}\.csv$`, `^[^\x00]{1,1000}[^\x00]{0,20}\.csv$`},
		{`^a{2500}$`, `^a{1000}a{1000}a{500}$`},
		{`^a{1500,}$`, `^a{1000}a{500,}$`},
		{`^a{1,2000}?$`, `^a{1,1000}?a{0,1000}?$`},
		{`^\p{Greek}{0,2000}$`, `^\p{Greek}{0,1000}\p{Greek}{0,1000}$`},
		{`^[[:alpha:]]{0,1001}$`, `^[[:alpha:]]{0,1000}[[:alpha:]]{0,1}$`},
		{`^[]a]{0,1001}$`, `^[]a]{0,1000}[]a]{0,1}$`},
		{`^é{1001}$`, `^é{1000}é{1}$`},
		// Where nothing constrains what follows or precedes, the least count.
		{`arn:[a-z]{1,63}:[^/].{0,1023}`, `arn:[a-z]{1,63}:[^/]`},
		{`^.{1,2097152}`, `^.{1}`},
		{`[\P{M}\p{M}]{1,10000}`, `[\P{M}\p{M}]{1}`},
		{`\p{ASCII}{0,8192}`, ``},
		{`[a-z]{1,2000}x`, `[a-z]{1}x`},
		{`x|^a{0,2000}$|b{1,1001}`, `x|^a{0,1000}a{0,1000}$|b{1}`},
		{`(a{0,1001})`, `(a{0,1000}a{0,1})`},
		{`(ab){1001,2002}`, `(ab){1000}(ab){1}`},
		{`^(?P<x>a){1001}$`, `^(?:a){1000}(?:a){1}$`}, // a group name may appear once
		// What this reader leaves alone.
		{`\Qa{2000}\E`, `\Qa{2000}\E`},
		{`[a{2000}`, `[a{2000}`},
		{`a{2000}(`, `a{2000}(`},
	} {
		if got := expandRepeats(tc.in, maxRepeat); got != tc.want {
			t.Errorf("expandRepeats(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// The rewritten patterns compile where the originals did not, and match
// what the originals mean.
func TestExpandRepeatsMatches(t *testing.T) {
	re := regexp.MustCompile(expandRepeats(`^(.){1,1024}$`, maxRepeat))
	for n, want := range map[int]bool{0: false, 1: true, 1000: true, 1024: true, 1025: false} {
		if got := re.MatchString(strings.Repeat("é", n)); got != want {
			t.Errorf("%d runes: match = %v, want %v", n, got, want)
		}
	}
	re = regexp.MustCompile(expandRepeats(`^arn:.{16,2044}$`, maxRepeat))
	for n, want := range map[int]bool{15: false, 16: true, 2044: true, 2045: false} {
		if got := re.MatchString("arn:" + strings.Repeat("x", n)); got != want {
			t.Errorf("arn: and %d bytes: match = %v, want %v", n, got, want)
		}
	}
}

// FuzzExpandRepeats holds the rewrite to Go's regexp: with a limit of 3,
// every pattern Go compiles whole must match the same strings once
// rewritten, and compile.
func FuzzExpandRepeats(f *testing.F) {
	for _, seed := range []string{`^(.){1,10}$`, `a{2,7}`, `^a{5,}b`, `x|^a{0,9}$|b{1,4}`, `(ab){4,8}`, `^[]a]{0,5}?$`, `\pL{4}`, `a{0,5}b{4}`, `^\x{41}{5}$`, `(?i)a{4}`, `[[:digit:]]{2,6}`, `\101{4,5}`, `^(?P<n>a|b){4}$`, `^(?<n>x(?P<m>y)){2,5}z`} {
		f.Add(seed, "aaaaab")
	}
	f.Fuzz(func(t *testing.T, pattern, s string) {
		whole, err := regexp.Compile(pattern)
		if err != nil {
			return
		}
		rewritten := expandRepeats(pattern, 3)
		re, err := regexp.Compile(rewritten)
		if err != nil {
			t.Fatalf("%q rewritten as %q, which does not compile: %v", pattern, rewritten, err)
		}
		if re.MatchString(s) != whole.MatchString(s) {
			t.Fatalf("%q on %q: rewritten as %q it gives %v, Go's regexp %v", pattern, s, rewritten, re.MatchString(s), whole.MatchString(s))
		}
	})
}
