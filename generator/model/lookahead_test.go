package model

import (
	"regexp"
	"slices"
	"testing"
)

// matches runs a split pattern as the generated code does.
func matches(l *SplitPattern, s string) bool {
	for _, a := range l.Alternatives {
		ok := true
		for _, re := range a.All {
			ok = ok && regexp.MustCompile(re).MatchString(s)
		}
		for _, re := range a.None {
			ok = ok && !regexp.MustCompile(re).MatchString(s)
		}
		if ok {
			return true
		}
	}
	return false
}

// checkExactSplit checks that pattern splits with no look-around left
// out, into regexps that match each of match and none of miss.
func checkExactSplit(t *testing.T, pattern string, match, miss []string) {
	t.Helper()
	l := splitLookaheads(pattern)
	if l == nil {
		t.Errorf("%s: not split", pattern)
		return
	}
	if l.Loosened != nil {
		t.Errorf("%s: loosened by %q; want it checked exactly", pattern, l.Loosened)
	}
	for _, s := range match {
		if !matches(l, s) {
			t.Errorf("%s: %q does not match %+v; want a match", pattern, s, l.Alternatives)
		}
	}
	for _, s := range miss {
		if matches(l, s) {
			t.Errorf("%s: %q matches %+v; want none", pattern, s, l.Alternatives)
		}
	}
}

// TestSplitLookaheads: patterns whose look-arounds test the start or the
// end of the string (Auth0's and AWS's among them) split into Go regexps
// that accept and reject what the look-around pattern does; others are
// refused.
func TestSplitLookaheads(t *testing.T) {
	tests := []struct {
		pattern     string
		match, miss []string
	}{
		{`^(?!.*\x00)\S(.*\S)?$`, []string{"a", "a b", "x\ty"}, []string{"", " a", "a ", "a\x00b"}},
		{`^(?:(?!org_))[a-z0-9]([a-z0-9-_]*[a-z0-9])?$`, []string{"acme", "org1", "o-r_g"}, []string{"org_acme", "-acme", "Acme"}},
		{`^((?!-))(xn--)?([a-z0-9]+\.)*[a-z0-9]+$`, []string{"example.com", "xn--abc.example"}, []string{"-example.com", "example..com"}},
		{`^(?!-)(?!.*--)(?:[a-zA-Z0-9-]|{org_id}|{org_name})*$`, []string{"login-{org_name}", "a-b-c", ""}, []string{"-a", "a--b"}},
		{`^$|^(?=.)(?!https?:\/\/localhost)https?://\S+$`, []string{"", "https://example.com"}, []string{"https://localhost/x", "ftp://x"}},
		{`^(?=.*[A-Z])(?=.*[0-9]).{8,}$`, []string{"Passw0rdX"}, []string{"password1", "PASSWORDX", "Pa55"}},
		{`[(?!)]x|^(?!a)b`, []string{"(x", "b"}, []string{"ab", "x"}},
		// Look-aheads before the ^ (Azure's resource names).
		{`(?!^.*--)(?!^[0-9]+$)(?!^-)(?!.*-$)^[A-Za-z0-9-]+$`, []string{"abc", "a-b", "a1", "1a"}, []string{"a--b", "123", "-ab", "ab-", "a_b", ""}},
		// Look-behinds before the $ (AWS's "no space at either end").
		{`^(?!\s).*(?<!\s)$`, []string{"", "a", "a b"}, []string{" a", "a ", "a\t"}},
		{`^(?!-)[A-Za-z0-9-].*(?<!-)$`, []string{"a", "a-b"}, []string{"-a", "a-", ""}},
		{`^[a-z0-9]+(?<=[0-9])$`, []string{"ab1", "1"}, []string{"abc", "ab1c"}},
		{`^a$|(?<!b)$`, []string{"a", "", "ba", "ab c"}, []string{"ab", "b"}},
		{`^x(?<=a|x)(?<!bx)$`, []string{"x"}, []string{"xx", "bx", ""}},
	}
	for _, tc := range tests {
		checkExactSplit(t, tc.pattern, tc.match, tc.miss)
	}
	for _, pattern := range []string{
		`^(?!(?=a)b)c`,          // a look-around inside one
		`^a(?<!(?=b)c)$`,        // the same, at the end
		`^(?!\p{Print})x`,       // a part Go cannot compile
		`^(?!a`,                 // unclosed
		`^a(?!b`,                // unclosed, mid-pattern
		`^(.){1,1024}$|^(?!a)b`, // a repeat count Go refuses
	} {
		if l := splitLookaheads(pattern); l != nil {
			t.Errorf("%s: split into %+v; want it refused", pattern, l.Alternatives)
		}
	}
	if got := splitLookaheads(`^(?!a)b`); !slices.Equal(got.Alternatives[0].None, []string{`^(?:a)`}) || !slices.Equal(got.Alternatives[0].All, []string{`^(?:b)`}) {
		t.Errorf("^(?!a)b split into %+v", got.Alternatives)
	}
	if got := splitLookaheads(`^a(?<!b)$`); !slices.Equal(got.Alternatives[0].None, []string{`(?:b)$`}) || !slices.Equal(got.Alternatives[0].All, []string{`^(?:a$)`}) {
		t.Errorf("^a(?<!b)$ split into %+v", got.Alternatives)
	}
}

// TestLoosenedLookarounds: a look-around that neither starts nor ends its
// alternative is left out and named. What is left accepts every string the
// pattern accepts (match) and still rejects what the rest of the pattern
// rejects (miss); strings only the look-around rejects pass (loose).
func TestLoosenedLookarounds(t *testing.T) {
	tests := []struct {
		pattern            string
		loosened           []string
		match, miss, loose []string
	}{
		{`^[a-zA-Z]((?!--|__)[a-zA-Z0-9-_])+$`, []string{"(?!--|__)"}, []string{"ab-c", "a_b"}, []string{"1ab", "a", "a b"}, []string{"a--b"}},
		{`^(-?)P(?=\d|T\d)(?:(\d+)Y)?(?:T(?:(\d+)H)?)?$`, []string{`(?=\d|T\d)`}, []string{"P1Y", "-PT1H"}, []string{"X", "P1H"}, []string{"P", "PT"}},
		{`^a+(?!b)`, []string{"(?!b)"}, []string{"a", "ac"}, []string{"b"}, []string{"ab"}},
		{`^[a-z]+(?<!ab)c+$`, []string{"(?<!ab)"}, []string{"xc", "bc"}, []string{"1c"}, []string{"abc"}},
		// The start still splits when the middle loosens.
		{`^(?!ftp:)[a-z]+:(?!xy)[^#]*$`, []string{"(?!xy)"}, []string{"http:y", "http:"}, []string{"ftp:y", "1:y"}, []string{"http:xy"}},
		// One character, but what follows may be empty (or take a - that
		// the look-ahead refuses, further on), so it cannot be folded; nor
		// does it stand at a fixed place.
		{`^a+(?!$)b?$`, []string{"(?!$)"}, []string{"ab"}, []string{"ac"}, []string{"a"}},
		{`^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$`, []string{"(?!-)"}, []string{"a-b", "ab1"}, []string{"-ab"}, []string{"a--b"}},
	}
	for _, tc := range tests {
		l := splitLookaheads(tc.pattern)
		if l == nil {
			t.Errorf("%s: refused; want it loosened", tc.pattern)
			continue
		}
		if !slices.Equal(l.Loosened, tc.loosened) {
			t.Errorf("%s: loosened by %q, want %q", tc.pattern, l.Loosened, tc.loosened)
		}
		for _, s := range append(tc.match, tc.loose...) {
			if !matches(l, s) {
				t.Errorf("%s: %q does not match %+v; want a match", tc.pattern, s, l.Alternatives)
			}
		}
		for _, s := range tc.miss {
			if matches(l, s) {
				t.Errorf("%s: %q matches %+v; want none", tc.pattern, s, l.Alternatives)
			}
		}
	}
}

// TestResolvedLookarounds: a look-around mid-pattern that tests one
// character is checked exactly: left out where whatever stands on its side
// passes it (Auth0's (?=#|$) after a URL's query), or folded into what
// stands there in its group (the hostname label that does not start or
// end with a dash).
func TestResolvedLookarounds(t *testing.T) {
	tests := []struct {
		pattern     string
		match, miss []string
	}{
		{`^(?!ftp:)[a-z]+:[^#]*(?=#|$)(#.*)?$`, []string{"http:x", "http:x#y", "a:"}, []string{"ftp:x", "1:x"}},
		{`^[0-9a-z.-]*(?!\.)$`, []string{"a.", "abc", ""}, []string{"A"}},
		{`(?!a)b`, []string{"b", "ab"}, []string{"a", ""}},
		{`^((?!a)b)`, []string{"b"}, []string{"a"}},
		{`^x(?=[a-c])[a-z]*$`, []string{"xa", "xcz"}, []string{"x", "xd", "xz"}},
		{`^(?!ftp:)[a-z]+:(?!x)[^#]*$`, []string{"http:y", "http:", "http:yx"}, []string{"http:x", "ftp:y", "http:#"}},
		{`^(((?!-)[A-Za-z0-9-]{0,62}[A-Za-z0-9])\.)+((?!-)[A-Za-z0-9-]{1,62}[A-Za-z0-9])$`,
			[]string{"a.b1", "ab-c.de", "a-b.c-d", "a.bc"}, []string{"-a.bc", "a.-bc", "a-.bc", "a..bc", "a.b"}},
		{`^[a-zA-Z0-9]?((?!-)([A-Za-z0-9-]*[A-Za-z0-9])\.)+[a-zA-Z0-9]+$`, []string{"a.b", "x-b.c", "xa-b.c"}, []string{"-b.c", "a.-b.c", "a.b-.c"}},
		// Look-behinds, likewise: into what precedes them.
		{`^(?<!a)b`, []string{"b"}, []string{"a", "ab"}},
		{`^((?!-)[a-z-]{1,5}(?<!-)\.)+$`, []string{"ab.", "a-b.c."}, []string{"-a.", "a-.", "ab"}},
		{`^[a-z-]+(?<![-])\.com$`, []string{"a-b.com", "a.com"}, []string{"a-.com", "-.com"}},
		// Any look-around, at a fixed distance from the start or the end,
		// is tested there by a regexp of its own.
		{`^a(?!b)`, []string{"a", "ac"}, []string{"ab", "b"}},
		{`^[a-z](?!.*--)(?!.*-$)[0-9a-z-]*$`, []string{"a", "a-b", "ab-c-d"}, []string{"a--b", "ab-", "-a"}},
		{`(^(?!_{2}))(^[a-zA-Z0-9_]+$)`, []string{"a_", "_a", "a__"}, []string{"__a", "__", "a-"}},
		{`^[a-z]+(?<!ab)c$`, []string{"xc", "bc", "bac"}, []string{"abc", "1c"}},
		{`^a(?!$)b?$`, []string{"ab"}, []string{"a", "ac"}},
		{`^default(?!.*--)(?!.*\.\.)[0-9A-Za-z-.]*[^-]$`, []string{"default1", "default-a.b"}, []string{"default--a", "default..a", "default-"}},
	}
	for _, tc := range tests {
		checkExactSplit(t, tc.pattern, tc.match, tc.miss)
	}
	// A look-ahead left out keeps the pattern as written.
	got := splitLookaheads(`^(?!ftp:)[a-z]+:[^#]*(?=#|$)(#.*)?$`).Alternatives[0].All
	if want := []string{`^(?:[a-z]+:[^#]*(?:)(#.*)?$)`}; !slices.Equal(got, want) {
		t.Errorf("split into %q, want %q", got, want)
	}
}

// FuzzSplitLookaheads: any pattern splits or is refused without a panic;
// what splits compiles; a pattern Go's regexp takes whole is refused or
// matches as Go's regexp does.
func FuzzSplitLookaheads(f *testing.F) {
	for _, seed := range []string{`^(?!.*\x00)\S(.*\S)?$`, `^$|^(?=.)(?!a)b`, `[(?!)]x|^(?!a)b`, `^((?!-))x`, `a|b|`, `\`, `[`, `(?!`, `^(?:(?!`, `^[]]`} {
		f.Add(seed, "abc")
	}
	f.Add(`(?!^-)^[a-z-]+(?<!-)$`, "a-b")
	f.Add(`^a((?!b)c)+$`, "acc")
	f.Add(`(?i)a|b`, "B") // a flag reaches across the alternatives
	f.Add(`^((?!-)[a-z-]*[a-z]\.)+(?!x)[a-z]*$`, "a-b.c")
	f.Add(`^x(?=[a-c]|$)a?(?:b(?!c)|c)*$`, "xabb")
	f.Fuzz(func(t *testing.T, pattern, s string) {
		l := splitLookaheads(pattern)
		if l == nil {
			return
		}
		for _, a := range l.Alternatives {
			for _, re := range append(a.All, a.None...) {
				if _, err := regexp.Compile(re); err != nil {
					t.Fatalf("%q split into %q, which does not compile: %v", pattern, re, err)
				}
			}
		}
		if whole, err := regexp.Compile(pattern); err == nil && matches(l, s) != whole.MatchString(s) {
			t.Fatalf("%q on %q: the split gives %v, Go's regexp %v", pattern, s, matches(l, s), whole.MatchString(s))
		}
	})
}
