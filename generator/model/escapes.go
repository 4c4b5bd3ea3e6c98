package model

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// translateEscapes rewrites the escapes of ECMA-262, the dialect JSON
// Schema patterns are written in, that Go's regexp spells otherwise:
// \u0041 and \u{1F600} become \x{41} and \x{1F600}, and a surrogate pair
// (\uD83D\uDE00) the one character it encodes. AWS writes
// [\u0009\u000A\u000D\u0020-\u00FF]+ (369 patterns in 46 directory specs
// have \u). A pattern with a surrogate that stands alone, as in a class
// range of surrogates, is returned as written, for Go to refuse: it
// matches characters beyond the BMP in JavaScript and nothing in Go.
func translateEscapes(pattern string) string {
	if !strings.Contains(pattern, `\u`) {
		return pattern
	}
	var b strings.Builder
	for i := 0; i < len(pattern); {
		if pattern[i] != '\\' || i+1 >= len(pattern) {
			b.WriteByte(pattern[i])
			i++
			continue
		}
		r, end, ok := unicodeEscape(pattern, i)
		if !ok {
			b.WriteString(pattern[i : i+2]) // another escape, kept as it is
			i += 2
			continue
		}
		if utf16.IsSurrogate(r) {
			low, after, ok := unicodeEscape(pattern, end)
			pair := utf16.DecodeRune(r, low)
			if !ok || pair == utf8.RuneError {
				return pattern
			}
			r, end = pair, after
		}
		fmt.Fprintf(&b, `\x{%X}`, r)
		i = end
	}
	return b.String()
}

// unicodeEscape reads \uXXXX or \u{X...} at s[i]: the code point and where
// the escape ends.
func unicodeEscape(s string, i int) (r rune, end int, ok bool) {
	if !strings.HasPrefix(s[i:], `\u`) {
		return 0, 0, false
	}
	hex, end := s[i+2:min(i+6, len(s))], i+6
	if strings.HasPrefix(s[i+2:], "{") {
		close := strings.IndexByte(s[i+2:], '}')
		if close < 0 {
			return 0, 0, false
		}
		hex, end = s[i+3:i+2+close], i+3+close
	} else if len(hex) < 4 {
		return 0, 0, false
	}
	n, err := strconv.ParseUint(hex, 16, 32)
	if err != nil || hex == "" || len(hex) > 6 || n > 0x10FFFF || strings.ContainsAny(hex, "+-_") {
		return 0, 0, false
	}
	return rune(n), end, true
}
