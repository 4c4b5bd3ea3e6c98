package model

import (
	"regexp"
	"slices"
	"testing"
)

func TestTranslateEscapes(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		match    []string // strings the translated pattern matches
		miss     []string // and strings it does not
	}{
		{`[\u0009\u000A\u000D\u0020-\u00FF]+`, `[\x{9}\x{A}\x{D}\x{20}-\x{FF}]+`, []string{"a\tb", "ÿ"}, []string{"\x01", "Ā"}},
		{`^(\u002F)|(\u002F[\u0021-\u007E]+\u002F)$`, `^(\x{2F})|(\x{2F}[\x{21}-\x{7E}]+\x{2F})$`, []string{"/", "/ab/"}, []string{"a"}},
		{`^\uD83D\uDE00$`, `^\x{1F600}$`, []string{"😀"}, []string{"\uFFFD"}},
		{`^\u{1F600}\u00e9$`, `^\x{1F600}\x{E9}$`, []string{"😀é"}, nil},
		{`^\\u0041$`, `^\\u0041$`, []string{`\u0041`}, []string{"A"}}, // an escaped backslash, then u0041
		{`^[a-z]\d$`, `^[a-z]\d$`, []string{"a1"}, nil},
		// Left as written: a lone surrogate, and \u cut short.
		{`[\uD800-\uDBFF][\uDC00-\uDFFF]`, `[\uD800-\uDBFF][\uDC00-\uDFFF]`, nil, nil},
		{`\uD83D`, `\uD83D`, nil, nil},
		{`^\u12`, `^\u12`, nil, nil},
	} {
		got := translateEscapes(tc.in)
		if got != tc.want {
			t.Errorf("translateEscapes(%q) = %q, want %q", tc.in, got, tc.want)
			continue
		}
		if len(tc.match)+len(tc.miss) == 0 {
			continue
		}
		re, err := regexp.Compile(got)
		if err != nil {
			t.Errorf("%q: %v", got, err)
			continue
		}
		for _, s := range tc.match {
			if !re.MatchString(s) {
				t.Errorf("%q does not match %q", got, s)
			}
		}
		for _, s := range tc.miss {
			if re.MatchString(s) {
				t.Errorf("%q matches %q", got, s)
			}
		}
	}
}

// TestTranslateJavaClasses: Java's class names become Go's, inside a
// bracket class and out, negated or not; anything else is left as it is.
func TestTranslateJavaClasses(t *testing.T) {
	tests := []struct {
		in, want string
		used     []string
	}{
		{`\p{Print}+`, `[[:print:]]+`, []string{`\p{Print}`}},
		{`[\p{Alnum}_-]`, `[[:alnum:]_-]`, []string{`\p{Alnum}`}},
		{`[^\P{Punct}]\P{Space}`, `[^[:^punct:]][[:^space:]]`, []string{`\P{Punct}`, `\P{Space}`}},
		{`\p{IsLetter}\P{IsDigit}\p{IsLetter}`, `\p{L}\P{Nd}\p{L}`, []string{`\p{IsLetter}`, `\P{IsDigit}`}},
		{`[\]\p{XDigit}]\\p{Print}`, `[\][:xdigit:]]\\p{Print}`, []string{`\p{XDigit}`}}, // an escaped ] and an escaped backslash
		{`\p{L}\p{Greek}\p{Printable}`, `\p{L}\p{Greek}\p{Printable}`, nil},              // Go's own, and unknown
		{`\p{Print`, `\p{Print`, nil},
		{`[a`, `[a`, nil},
	}
	for _, tc := range tests {
		got, used := translateJavaClasses(tc.in)
		if got != tc.want || !slices.Equal(used, tc.used) {
			t.Errorf("translateJavaClasses(%q) = %q, %q; want %q, %q", tc.in, got, used, tc.want, tc.used)
		}
	}
}

func TestStripDelimiters(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		literal  bool
	}{
		{`/^[a-z0-9._]+$/`, `^[a-z0-9._]+$`, true},
		{`/^[0-9]{5}$/i`, `(?i)^[0-9]{5}$`, true},
		{`/^a.b$/gms`, `(?ms)^a.b$`, true},
		{`/^\d+/u`, `^\d+`, true},
		{`/x$/`, `x$`, true},
		// The slashes may be meant: no anchor stands next to them.
		{`/api/v1/`, `/api/v1/`, false},
		{`/magnet:[a-z]+/i`, `/magnet:[a-z]+/i`, false},
		// Not a literal: no closing slash, a flag Go has no use for, too short.
		{`/^abc`, `/^abc`, false},
		{`/^a$/y`, `/^a$/y`, false},
		{`//`, `//`, false},
		{`/^/`, `^`, true},
		{`^[a-z]+$`, `^[a-z]+$`, false},
	} {
		got, literal := stripDelimiters(tc.in)
		if got != tc.want || literal != tc.literal {
			t.Errorf("stripDelimiters(%q) = %q, %v; want %q, %v", tc.in, got, literal, tc.want, tc.literal)
		}
	}
}
