package model

import (
	"regexp"
	"strings"
)

// SplitPattern is a pattern Go's regexp cannot run as the spec writes it,
// as regexps it can run: a string matches the pattern when it matches one
// of the alternatives. Look-aheads ((?!...) and (?=...), which Go's regexp
// lacks) that stand at the start of an anchored alternative, as in
// Auth0's ^(?!.*\x00)\S(.*\S)?$, split into several regexps; a count above
// Go's 1,000 is spelled out in one (see expandRepeats).
type SplitPattern struct {
	Alternatives []SplitAlternative
}

// SplitAlternative is one alternative of a SplitPattern: a string
// matches it when it matches every regexp in All and none in None (Go
// syntax; each look-ahead anchored where it stood, at the start).
type SplitAlternative struct {
	All, None []string
}

// splitLookaheads splits pattern into a SplitPattern, or returns nil when it
// has a look-around elsewhere (after the start of its alternative, or a
// look-behind) or a part Go's regexp cannot compile. A top-level
// alternative without look-aheads is kept as it is, unanchored as it was;
// ^(?!X)(?=Y)R becomes All ^(?:Y), ^(?:R) and None ^(?:X), since a
// look-ahead at the start checks X and Y from the start without consuming
// anything. A group around a lone look-ahead, as in ^((?!-))..., is the
// look-ahead.
func splitLookaheads(pattern string) *SplitPattern {
	if hasFlagGroup(pattern) {
		return nil // (?i) and the like reach across alternatives and groups
	}
	var out SplitPattern
	for _, alt := range topLevelAlternatives(pattern) {
		var a SplitAlternative
		rest, ok := strings.CutPrefix(alt, "^")
		if !ok {
			if hasLookaround(alt) {
				return nil
			}
			a.All = append(a.All, alt)
		} else {
			for {
				body, negative, after, found := leadingLookahead(rest)
				if !found {
					break
				}
				if hasLookaround(body) {
					return nil
				}
				if negative {
					a.None = append(a.None, "^(?:"+body+")")
				} else {
					a.All = append(a.All, "^(?:"+body+")")
				}
				rest = after
			}
			if hasLookaround(rest) {
				return nil
			}
			a.All = append(a.All, "^(?:"+rest+")")
		}
		for _, re := range append(a.All, a.None...) {
			if _, err := regexp.Compile(re); err != nil {
				return nil
			}
		}
		out.Alternatives = append(out.Alternatives, a)
	}
	return &out
}

// leadingLookahead reads the look-ahead that s starts with, alone or as the
// only content of a group: its body, whether it is negative, and what
// follows it.
func leadingLookahead(s string) (body string, negative bool, rest string, ok bool) {
	for _, open := range []string{"", "(", "(?:"} {
		inner, ok := strings.CutPrefix(s, open)
		if !ok {
			continue
		}
		var kind string
		switch {
		case strings.HasPrefix(inner, "(?!"):
			kind = "(?!"
		case strings.HasPrefix(inner, "(?="):
			kind = "(?="
		default:
			continue
		}
		end := closingParen(inner)
		if end < 0 {
			return "", false, "", false
		}
		after := inner[end+1:]
		if open != "" {
			if !strings.HasPrefix(after, ")") {
				continue
			}
			after = after[1:]
		}
		return inner[len(kind):end], kind == "(?!", after, true
	}
	return "", false, "", false
}

// closingParen returns the index of the parenthesis that closes the group
// s starts with, or -1.
func closingParen(s string) int {
	depth, end := 0, -1
	eachSyntaxByte(s, func(i int) bool {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				end = i
				return false
			}
		}
		return true
	})
	return end
}

// eachSyntaxByte calls visit with the index of each byte of s that is not
// escaped or inside a character class, until visit returns false.
func eachSyntaxByte(s string, visit func(i int) bool) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
			continue
		case '[':
			if end := classEnd(s, i); end >= 0 {
				i = end
				continue
			}
		}
		if !visit(i) {
			return
		}
	}
}

// classEnd returns the index of the ] that closes the character class
// opening at s[start], or -1. A ] right after [ or [^ is a member, and so
// is a named class such as [:alpha:].
func classEnd(s string, start int) int {
	i := start + 1
	if i < len(s) && s[i] == '^' {
		i++
	}
	if i < len(s) && s[i] == ']' {
		i++
	}
	for ; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			if strings.HasPrefix(s[i:], "[:") {
				if end := strings.Index(s[i+2:], ":]"); end >= 0 {
					i += end + 3
				}
			}
		case ']':
			return i
		}
	}
	return -1
}

// topLevelAlternatives splits a pattern at the | that stand outside any
// group or class.
func topLevelAlternatives(s string) []string {
	var out []string
	depth, from := 0, 0
	eachSyntaxByte(s, func(i int) bool {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		case '|':
			if depth == 0 {
				out = append(out, s[from:i])
				from = i + 1
			}
		}
		return true
	})
	return append(out, s[from:])
}

// hasLookaround reports whether s has a look-ahead or look-behind outside
// character classes.
func hasLookaround(s string) bool {
	found := false
	eachSyntaxByte(s, func(i int) bool {
		for _, op := range []string{"(?=", "(?!", "(?<=", "(?<!"} {
			found = found || strings.HasPrefix(s[i:], op)
		}
		return !found
	})
	return found
}

// hasFlagGroup reports whether s sets flags inline, as (?i) or (?s:...)
// do, outside character classes.
func hasFlagGroup(s string) bool {
	found := false
	eachSyntaxByte(s, func(i int) bool {
		if strings.HasPrefix(s[i:], "(?") && i+2 < len(s) && strings.IndexByte("imsU-", s[i+2]) >= 0 {
			found = true
		}
		return !found
	})
	return found
}
