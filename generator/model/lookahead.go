package model

import (
	"regexp"
	"strings"
)

// SplitPattern is a pattern Go's regexp cannot run as the spec writes it,
// as regexps it can run: a string matches the pattern when it matches one
// of the alternatives. Look-arounds ((?!...), (?=...), (?<!...) and
// (?<=...), which Go's regexp lacks) that test the start or the end of the
// string, as Auth0's ^(?!.*\x00)\S(.*\S)?$ and AWS's
// ^(?!\s).*(?<!\s)$ do, split into regexps of their own; a count above
// Go's 1,000 is spelled out in one (see expandRepeats).
type SplitPattern struct {
	Alternatives []SplitAlternative
	// Loosened lists the look-arounds left out because they stand
	// mid-pattern, where no regexp of their own can stand in for them,
	// as in ^[a-z]((?!--)[a-z-])+$. Leaving out a look-around only
	// removes a condition, so the split accepts every string the pattern
	// does, and some it does not.
	Loosened []string
}

// SplitAlternative is one alternative of a SplitPattern: a string
// matches it when it matches every regexp in All and none in None (Go
// syntax; each look-around anchored where it stood, at the start or the
// end).
type SplitAlternative struct {
	All, None []string
}

// add appends re to None when negative, else to All.
func (a *SplitAlternative) add(negative bool, re string) {
	if negative {
		a.None = append(a.None, re)
	} else {
		a.All = append(a.All, re)
	}
}

// splitLookaheads splits pattern into a SplitPattern, or returns nil when a
// look-around holds another, or a part Go's regexp cannot compile. In each
// top-level alternative:
//
//   - look-aheads just before or after the ^ that starts it test the start
//     of the string: ^(?!X)(?=Y)R and (?!X)(?=Y)^R become All ^(?:Y),
//     ^(?:R) and None ^(?:X). A group around a lone look-ahead, as in
//     ^((?!-))..., is the look-ahead;
//   - look-behinds just before the $ that ends it test the end: R(?<!X)$
//     becomes All R$ and None (?:X)$;
//   - any other is resolved as resolveLookarounds can: left out where
//     it cannot fail, folded into its neighbour, or tested by a regexp of
//     its own at a fixed distance from the start or the end; or else
//     left out (see SplitPattern.Loosened).
//
// An alternative without look-arounds is kept as it is, unanchored as it
// was.
func splitLookaheads(pattern string) *SplitPattern {
	if hasFlagGroup(pattern) {
		return nil // (?i) and the like reach across alternatives and groups
	}
	if hasQuotedRun(pattern) {
		return nil // \Q...\E quotes | and ( as well, which the split would read
	}
	var out SplitPattern
	for _, alt := range topLevelAlternatives(pattern) {
		var a SplitAlternative
		var tails SplitAlternative
		for {
			body, negative, before, found := trailingLookbehind(alt)
			if !found {
				break
			}
			if hasLookaround(body) {
				return nil
			}
			tails.add(negative, "(?:"+body+")$")
			alt = before + "$"
		}
		rest, anchored := alt, false
		var heads SplitAlternative
		for {
			if r, ok := strings.CutPrefix(rest, "^"); ok && !anchored {
				rest, anchored = r, true
				continue
			}
			body, negative, after, found := leadingLookahead(rest)
			if !found {
				break
			}
			if hasLookaround(body) {
				return nil
			}
			heads.add(negative, "^(?:"+body+")")
			rest = after
		}
		if anchored {
			a = heads
			rest = "^(?:" + rest + ")"
		} else {
			rest = alt // look-aheads at the start of an unanchored alternative test wherever it matches
		}
		rest, tests, dropped, ok := resolveLookarounds(rest)
		if !ok {
			return nil
		}
		out.Loosened = append(out.Loosened, dropped...)
		a.All = append(a.All, rest)
		a.All = append(a.All, tests.All...)
		a.None = append(a.None, tests.None...)
		a.All = append(a.All, tails.All...)
		a.None = append(a.None, tails.None...)
		for _, re := range append(a.All, a.None...) {
			if _, err := regexp.Compile(re); err != nil {
				return nil
			}
		}
		out.Alternatives = append(out.Alternatives, a)
	}
	return &out
}

// trailingLookbehind reads the look-behind that s ends with, just before a
// final $: its body, whether it is negative, and what precedes it.
func trailingLookbehind(s string) (body string, negative bool, before string, ok bool) {
	if !strings.HasSuffix(s, "$") {
		return "", false, "", false
	}
	var opens []int
	open, dollar, balanced := -1, false, true
	eachSyntaxByte(s, func(i int) bool {
		switch s[i] {
		case '(':
			opens = append(opens, i)
		case ')':
			if len(opens) == 0 {
				balanced = false
				return false
			}
			if i == len(s)-2 {
				open = opens[len(opens)-1]
			}
			opens = opens[:len(opens)-1]
		case '$':
			dollar = i == len(s)-1
		}
		return true
	})
	if !balanced || !dollar || open < 0 {
		return "", false, "", false
	}
	group := s[open : len(s)-1]
	switch {
	case strings.HasPrefix(group, "(?<!"):
		negative = true
	case strings.HasPrefix(group, "(?<="):
	default:
		return "", false, "", false
	}
	return group[len("(?<!") : len(group)-1], negative, s[:open], true
}

// dropLookarounds replaces each look-around in s, outside character
// classes, by an empty group, and returns them; ok is false when one is not
// closed.
func dropLookarounds(s string) (out string, dropped []string, ok bool) {
	return replaceLookarounds(s, func(int) string { return "(?:)" })
}

// replaceLookarounds replaces the i-th look-around in s, outside character
// classes, by with(i), and returns them; ok is false when one is not
// closed.
func replaceLookarounds(s string, with func(i int) string) (out string, arounds []string, ok bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\':
			b.WriteString(s[i:min(i+2, len(s))])
			i++
			continue
		case s[i] == '[':
			if end := classEnd(s, i); end >= 0 {
				b.WriteString(s[i : end+1])
				i = end
				continue
			}
		case startsLookaround(s[i:]):
			end := closingParen(s[i:])
			if end < 0 {
				return "", nil, false
			}
			b.WriteString(with(len(arounds)))
			arounds = append(arounds, s[i:i+end+1])
			i += end
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String(), arounds, true
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
		found = startsLookaround(s[i:])
		return !found
	})
	return found
}

// startsLookaround reports whether s starts with a look-ahead or
// look-behind.
func startsLookaround(s string) bool {
	for _, op := range []string{"(?=", "(?!", "(?<=", "(?<!"} {
		if strings.HasPrefix(s, op) {
			return true
		}
	}
	return false
}

// hasQuotedRun reports whether s has a \Q, which starts a run of literal
// text in Go's regexp (and Java's), outside character classes.
func hasQuotedRun(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 < len(s) && s[i+1] == 'Q' {
				return true
			}
			i++
		case '[':
			if end := classEnd(s, i); end >= 0 {
				i = end
			}
		}
	}
	return false
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
