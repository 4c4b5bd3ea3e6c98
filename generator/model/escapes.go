package model

import (
	"fmt"
	"slices"
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

// javaClasses are the character classes of Java's regular expressions
// that specs generated from Java code use and Go's regexp names
// otherwise: Java's POSIX classes, which like Go's are ASCII only, and
// its Is-prefixed Unicode categories. ECMA-262 has none of them (without
// its u flag, \p{Print} is the text "p{Print}"), so reading them as Java
// does is the only reading that can be what the spec means.
var javaClasses = map[string]string{
	"Lower": "lower", "Upper": "upper", "ASCII": "ascii", "Alpha": "alpha", "Digit": "digit",
	"Alnum": "alnum", "Punct": "punct", "Graph": "graph", "Print": "print", "Blank": "blank",
	"Cntrl": "cntrl", "XDigit": "xdigit", "Space": "space",
	"IsLetter": `\p{L}`, "IsDigit": `\p{Nd}`, "IsUppercase": `\p{Lu}`, "IsLowercase": `\p{Ll}`,
	"IsPunctuation": `\p{P}`,
}

// translateJavaClasses rewrites Java's \p{Print} and the like (see
// javaClasses) as Go spells them: [[:print:]] outside a bracket class,
// [:print:] inside one, and \P{Print} as [[:^print:]]. It returns the
// pattern and the classes it rewrote, in order of first use.
func translateJavaClasses(pattern string) (string, []string) {
	if !strings.Contains(pattern, `\p{`) && !strings.Contains(pattern, `\P{`) {
		return pattern, nil
	}
	var b strings.Builder
	var used []string
	classClose := -1 // index of the ] that closes the bracket class we are in
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch {
		case i == classClose:
			classClose = -1
		case c == '[' && classClose < 0:
			classClose = classEnd(pattern, i)
		case c == '\\' && i+1 < len(pattern):
			name, end, ok := classEscape(pattern, i)
			goName, known := javaClasses[name]
			if !ok || !known {
				b.WriteString(pattern[i : i+2])
				i++
				continue
			}
			if !slices.Contains(used, pattern[i:end]) {
				used = append(used, pattern[i:end])
			}
			negated := pattern[i+1] == 'P'
			switch {
			case strings.HasPrefix(goName, `\p`) && negated:
				b.WriteString(`\P` + goName[2:])
			case strings.HasPrefix(goName, `\p`):
				b.WriteString(goName)
			default:
				if negated {
					goName = "^" + goName
				}
				posix := "[:" + goName + ":]"
				if classClose < 0 {
					posix = "[" + posix + "]"
				}
				b.WriteString(posix)
			}
			i = end - 1
			continue
		}
		b.WriteByte(c)
	}
	return b.String(), used
}

// classEscape reads \p{Name} or \P{Name} at s[i]: the name and where the
// escape ends.
func classEscape(s string, i int) (name string, end int, ok bool) {
	if !strings.HasPrefix(s[i:], `\p{`) && !strings.HasPrefix(s[i:], `\P{`) {
		return "", 0, false
	}
	close := strings.IndexByte(s[i+3:], '}')
	if close < 0 {
		return "", 0, false
	}
	return s[i+3 : i+3+close], i + 4 + close, true
}

// plural returns one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// stripDelimiters returns the pattern inside a JavaScript regular
// expression literal written where a pattern belongs, such as
// /^[a-z0-9._]+$/ or /^[0-9]{5}$/i, with its flags i, m and s spelled as
// Go spells them, and true. As written, the slashes are part of the
// pattern, and next to an anchor they make it match nothing: PeerTube's
// usernames and sinao's dates were refused whatever they held. Only a
// literal with an anchor inside a slash is taken for one (a pattern such
// as /api/v1/ matches the slashes it has), and only with the flags g, i,
// m, s and u, of which g and u change nothing a test of one string sees.
func stripDelimiters(pattern string) (string, bool) {
	end := strings.LastIndexByte(pattern, '/')
	if len(pattern) < 3 || pattern[0] != '/' || end < 2 {
		return pattern, false
	}
	inner, flags := pattern[1:end], pattern[end+1:]
	if strings.Trim(flags, "gimsu") != "" || !(strings.HasPrefix(inner, "^") || strings.HasSuffix(inner, "$")) {
		return pattern, false
	}
	var goFlags string
	for _, f := range "ims" {
		if strings.ContainsRune(flags, f) {
			goFlags += string(f)
		}
	}
	if goFlags != "" {
		inner = "(?" + goFlags + ")" + inner
	}
	return inner, true
}
