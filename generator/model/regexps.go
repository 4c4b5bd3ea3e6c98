package model

import (
	"errors"
	"regexp"
	"regexp/syntax"
	"strings"
)

var (
	htmlTag = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
	mdLink  = regexp.MustCompile(`\[([^\]]+)\]\(([^)\s]+)\)`)
)

// brokenRegexp tells a pattern that is malformed in any dialect (an
// unclosed bracket, a dangling repetition) from one that is valid ECMA-262
// but beyond Go's RE2 engine (look-arounds, back-references, repeat counts
// above 1000), which is only worth a warning.
func brokenRegexp(err error) bool {
	var se *syntax.Error
	if !errors.As(err, &se) {
		return true
	}
	if unknownClass(err) != "" {
		// \p{Print}, \p{Alnum}, \p{IsLetter}: Java's and other engines'
		// class names, which Go's regexp does not know (AWS's specs).
		return false
	}
	switch se.Code {
	case syntax.ErrMissingBracket, syntax.ErrMissingParen, syntax.ErrUnexpectedParen,
		syntax.ErrMissingRepeatArgument, syntax.ErrInvalidCharRange, syntax.ErrTrailingBackslash,
		syntax.ErrInvalidRepeatOp:
		return true
	}
	return false
}

// unknownClass returns the \p{Name} or \P{Name} class a regexp error is
// about, when it is one Go does not know, or "". That includes a \p with
// no name in braces after it: ECMA-262 without its u flag reads it as a
// plain p, and AWS's specs escape the braces (\p\{L\}).
func unknownClass(err error) string {
	var se *syntax.Error
	if errors.As(err, &se) && se.Code == syntax.ErrInvalidCharRange && (strings.HasPrefix(se.Expr, `\p`) || strings.HasPrefix(se.Expr, `\P`)) {
		return se.Expr
	}
	return ""
}
