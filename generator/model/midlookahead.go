package model

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
)

// resolveLookarounds is dropLookarounds for the look-arounds that stand
// mid-pattern, keeping what Go's regexp can say of those that test one
// character. A look-around whose body is one character of a set (-, [-.],
// #|$; ^ for a look-behind) is
//
//   - left out without loss when whatever can stand on its side already
//     passes it, as Auth0's (?=#|$) after a query string, which only # or
//     the end can follow;
//   - folded into what stands on its side in its group, when that always
//     takes a character, or takes none only at the edge of the string:
//     (?!-)[a-z0-9-]*[a-z0-9] becomes [a-z0-9][a-z0-9-]*[a-z0-9] or
//     [a-z0-9], the hostname label that does not start with a dash, and
//     [a-z-]+(?<!-) becomes [a-z-]*[a-z], one that does not end with one.
//
// Any look-around at a fixed distance from the start or the end of the
// string, whatever its body, is returned in tests, as a regexp that tests
// the string there (see fixedPlaceTest). Any other is left out, and
// returned in loosened, as dropLookarounds does.
func resolveLookarounds(s string) (out string, tests SplitAlternative, loosened []string, ok bool) {
	drop := func() (string, SplitAlternative, []string, bool) {
		out, dropped, ok := dropLookarounds(s)
		return out, SplitAlternative{}, dropped, ok
	}
	marked, arounds, ok := replaceLookarounds(s, func(i int) string { return fmt.Sprintf(`(?:\x{%X})`, markerRune(i)) })
	if !ok {
		return "", SplitAlternative{}, nil, false
	}
	if len(arounds) > maxMarkers || strings.ContainsFunc(s, isMarker) || strings.Contains(strings.ToLower(s), `\x{f`) {
		return drop() // too many to mark, or it spells a marker itself, or may
	}
	re, err := syntax.Parse(marked, syntax.Perl)
	if err != nil || countMarkers(re) != len(arounds) {
		return drop()
	}
	re = splitMarkers(re)
	rewritten := false
	for i, around := range arounds {
		switch resolveLookaround(re, markerRune(i), around) {
		case unresolved:
			if negative, test, ok := fixedPlaceTest(re, markerRune(i), around); ok {
				tests.add(negative, test)
			} else {
				loosened = append(loosened, around)
			}
		case folded:
			rewritten = true
		}
		removeMarker(re, markerRune(i))
	}
	if !rewritten {
		// The pattern as written, each look-around an empty group, reads
		// better in the generated code than re.String() would.
		out, _, _ = dropLookarounds(s)
		return out, tests, loosened, true
	}
	out = re.String()
	if _, err := regexp.Compile(out); err != nil {
		return drop()
	}
	return out, tests, loosened, true
}

// fixedPlaceTest returns, for a look-around that every match passes
// through at a fixed distance from an edge of the string, a regexp of its
// own that tests the string there: ^[a-z](?!.*--) stands one character
// after the start, so a string matches it when it does not match
// ^[a-z](?:.*--); a look-behind so many characters before the end, as
// (?<!-)\.com$, becomes (?:-)\.com$. Its body may be anything Go's regexp
// runs. ok is false for any other look-around.
func fixedPlaceTest(re *syntax.Regexp, m rune, around string) (negative bool, test string, ok bool) {
	look, negative, body := readLookaround(around)
	if hasLookaround(body) {
		return false, "", false
	}
	if _, err := regexp.Compile(body); err != nil {
		return false, "", false
	}
	seq := mandatory(re)
	at := slices.IndexFunc(seq, func(sub *syntax.Regexp) bool { return isMarkerNode(sub, m) })
	if at < 0 {
		return false, "", false // on a path some matches do not take
	}
	// The items between the look-around and the edge it is measured from:
	// the start for a look-ahead, the end for a look-behind.
	span, anchor := seq[:at], syntax.OpBeginText
	if look == behind {
		span, anchor = seq[at+1:], syntax.OpEndText
	}
	if len(span) == 0 {
		return false, "", false
	}
	outer := span[0]
	if look == behind {
		outer = span[len(span)-1]
	}
	if outer.Op != anchor {
		return false, "", false
	}
	var kept []*syntax.Regexp
	for _, sub := range span {
		if !fixedWidth(sub) {
			return false, "", false
		}
		if markerOf(sub) == 0 {
			kept = append(kept, sub) // other look-arounds are tested on their own
		}
	}
	between := (&syntax.Regexp{Op: syntax.OpConcat, Sub: kept}).String()
	if look == behind {
		return negative, "(?:" + body + ")" + between, true
	}
	return negative, between + "(?:" + body + ")", true
}

// mandatory returns the sequence of nodes that every match of re goes
// through, opening its concatenations and groups.
func mandatory(re *syntax.Regexp) []*syntax.Regexp {
	switch re.Op {
	case syntax.OpConcat:
		var seq []*syntax.Regexp
		for _, sub := range re.Sub {
			seq = append(seq, mandatory(sub)...)
		}
		return seq
	case syntax.OpCapture:
		return mandatory(re.Sub[0])
	}
	return []*syntax.Regexp{re}
}

// fixedWidth reports whether every match of re is as long as every other.
func fixedWidth(re *syntax.Regexp) bool {
	_, ok := width(re)
	return ok
}

// width returns the length of every match of re, in characters, and
// whether they all have one.
func width(re *syntax.Regexp) (int, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			if !isMarker(r) {
				n++
			}
		}
		return n, true
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0, true
	case syntax.OpCapture:
		return width(re.Sub[0])
	case syntax.OpRepeat:
		n, ok := width(re.Sub[0])
		return n * re.Min, ok && (re.Min == re.Max || n == 0 && re.Max >= 0)
	case syntax.OpConcat, syntax.OpAlternate:
		total, first := 0, -1
		for _, sub := range re.Sub {
			n, ok := width(sub)
			if !ok || re.Op == syntax.OpAlternate && first >= 0 && n != first {
				return 0, false
			}
			total, first = total+n, n
		}
		if re.Op == syntax.OpAlternate {
			return first, len(re.Sub) > 0
		}
		return total, true
	}
	return 0, false
}

// markerOf returns the marker that re is, or 0 when it is anything else.
func markerOf(re *syntax.Regexp) rune {
	if re.Op == syntax.OpLiteral && len(re.Rune) == 1 && isMarker(re.Rune[0]) {
		return re.Rune[0]
	}
	return 0
}

// markerBase is the first of the private-use runes that stand in for the
// look-arounds of a pattern while it is parsed.
const markerBase = 0xF0000

// markerRune is the marker of the i-th look-around.
func markerRune(i int) rune { return markerBase + rune(i) }

// maxMarkers is how many look-arounds a pattern may have for them to be
// resolved.
const maxMarkers = 0x1000

// isMarker reports whether r stands in for a look-around.
func isMarker(r rune) bool { return r >= markerBase && r < markerBase+maxMarkers }

// countMarkers counts the marker runes in the literals of re.
func countMarkers(re *syntax.Regexp) int {
	n := 0
	if re.Op == syntax.OpLiteral {
		for _, r := range re.Rune {
			if isMarker(r) {
				n++
			}
		}
	}
	for _, sub := range re.Sub {
		n += countMarkers(sub)
	}
	return n
}

// splitMarkers gives each marker a literal node of its own, within a
// concatenation, which the parser may have merged with the literal text
// around it.
func splitMarkers(re *syntax.Regexp) *syntax.Regexp {
	for i, sub := range re.Sub {
		re.Sub[i] = splitMarkers(sub)
	}
	if re.Op == syntax.OpConcat {
		var subs []*syntax.Regexp
		for _, sub := range re.Sub {
			if sub.Op == syntax.OpConcat {
				subs = append(subs, sub.Sub...)
			} else {
				subs = append(subs, sub)
			}
		}
		re.Sub = subs
		return re
	}
	if re.Op != syntax.OpLiteral || !slices.ContainsFunc(re.Rune, isMarker) || len(re.Rune) == 1 {
		return re
	}
	var parts []*syntax.Regexp
	from := 0
	for i, r := range re.Rune {
		if isMarker(r) {
			if from < i {
				parts = append(parts, literal(re, re.Rune[from:i]))
			}
			parts = append(parts, literal(re, []rune{r}))
			from = i + 1
		}
	}
	if from < len(re.Rune) {
		parts = append(parts, literal(re, re.Rune[from:]))
	}
	return &syntax.Regexp{Op: syntax.OpConcat, Flags: re.Flags, Sub: parts}
}

// literal is a literal node of runes with the flags of like.
func literal(like *syntax.Regexp, runes []rune) *syntax.Regexp {
	return &syntax.Regexp{Op: syntax.OpLiteral, Flags: like.Flags, Rune: slices.Clone(runes)}
}

// removeMarker takes the marker m out of re: out of its concatenation,
// or as an empty match.
func removeMarker(re *syntax.Regexp, m rune) {
	if re.Op == syntax.OpConcat && len(re.Sub) > 1 {
		re.Sub = slices.DeleteFunc(re.Sub, func(sub *syntax.Regexp) bool { return isMarkerNode(sub, m) })
	}
	for _, sub := range re.Sub {
		if isMarkerNode(sub, m) {
			*sub = syntax.Regexp{Op: syntax.OpEmptyMatch}
		} else {
			removeMarker(sub, m)
		}
	}
}

// isMarkerNode reports whether re is the node of marker m.
func isMarkerNode(re *syntax.Regexp, m rune) bool { return markerOf(re) == m }

// resolution is how resolveLookaround dealt with a look-around.
type resolution int

const (
	unresolved resolution = iota // left out, so some strings it refuses pass
	implied                      // left out, since what stands beside it always passes it
	folded                       // folded into what stands beside it
)

// side is the side of its place a look-around tests: a look-ahead the
// character after it, a look-behind the one before.
type side bool

const (
	ahead  side = false
	behind side = true
)

// resolveLookaround reports whether the look-around at marker m, written
// as around, can be checked exactly without a look-around, and if so
// rewrites re to check it: by leaving it out, when what can stand on its
// side always passes it, or by folding it into that side of its
// concatenation.
func resolveLookaround(re *syntax.Regexp, m rune, around string) resolution {
	look, negative, body := readLookaround(around)
	set, edge, ok := oneCharacter(body, look)
	if !ok {
		return unresolved
	}
	path := pathTo(re, m)
	if path == nil {
		return unresolved
	}
	if n := neighbours(path, look); !n.any && !n.anchorLine {
		passes := rangesSubset(n.chars, set) && (!n.edge || edge)
		if negative {
			passes = len(rangesIntersect(n.chars, set)) == 0 && (!n.edge || !edge)
		}
		if passes {
			return implied
		}
	}
	if len(path) < 2 {
		return unresolved // the look-around is the whole pattern
	}
	parent := path[len(path)-2]
	if parent.Op != syntax.OpConcat {
		return unresolved
	}
	at := slices.IndexFunc(parent.Sub, func(sub *syntax.Regexp) bool { return isMarkerNode(sub, m) })
	beside := parent.Sub[at+1:]
	anchor := syntax.OpEndText
	if look == behind {
		beside, anchor = parent.Sub[:at], syntax.OpBeginText
	}
	if len(beside) == 0 {
		return unresolved
	}
	// What stands beside it may match nothing only where it ends at an
	// anchor: ^[a-z]*(?<!-) at the start, (?!-)[a-z]*$ at the end, where
	// there is no character to test.
	atEdge := false
	if matchesEmpty(concatOf(beside...)) {
		outer, inner := beside[len(beside)-1], beside[:len(beside)-1]
		if look == behind {
			outer, inner = beside[0], beside[1:]
		}
		if outer.Op != anchor || edge || countMarkers(concatOf(beside...)) > 0 || slices.ContainsFunc(inner, hasZeroWidth) {
			return unresolved
		}
		atEdge = true
	}
	allowed := set
	if negative {
		allowed = rangesComplement(set)
	}
	restricted := restrictEdge(concatOf(beside...), allowed, look)
	if restricted == nil {
		return unresolved
	}
	if atEdge && negative {
		// At the edge there is no character for it to refuse.
		restricted = alternateOf(restricted, &syntax.Regexp{Op: anchor})
	}
	if look == ahead {
		parent.Sub = append(parent.Sub[:at+1:at+1], restricted)
	} else {
		parent.Sub = append([]*syntax.Regexp{restricted}, parent.Sub[at:]...)
	}
	return folded
}

// readLookaround reads a look-around as written, (?=body), (?!body),
// (?<=body) or (?<!body): which side it tests, whether it must not match,
// and its body.
func readLookaround(around string) (look side, negative bool, body string) {
	if strings.HasPrefix(around, "(?<") {
		return behind, around[3] == '!', around[4 : len(around)-1]
	}
	return ahead, around[2] == '!', around[3 : len(around)-1]
}

// oneCharacter reads a look-around's body as a set of single characters,
// and whether it also admits the edge of the string, $ ahead or ^ behind:
// -, [-.], \d, #|$.
func oneCharacter(body string, look side) (set []rune, edge bool, ok bool) {
	re, err := syntax.Parse(body, syntax.Perl)
	if err != nil {
		return nil, false, false
	}
	anchor := syntax.OpEndText
	if look == behind {
		anchor = syntax.OpBeginText
	}
	subs := []*syntax.Regexp{re}
	if re.Op == syntax.OpAlternate {
		subs = re.Sub
	}
	for _, sub := range subs {
		switch {
		case sub.Op == anchor:
			edge = true
		case sub.Op == syntax.OpCharClass || sub.Op == syntax.OpAnyChar || sub.Op == syntax.OpAnyCharNotNL ||
			sub.Op == syntax.OpLiteral && len(sub.Rune) == 1 && sub.Flags&syntax.FoldCase == 0:
			set = rangesUnion(set, charRanges(sub))
		default:
			return nil, false, false
		}
	}
	return set, edge, true
}

// pathTo returns the nodes from re down to the marker m, or nil.
func pathTo(re *syntax.Regexp, m rune) []*syntax.Regexp {
	if isMarkerNode(re, m) {
		return []*syntax.Regexp{re}
	}
	for _, sub := range re.Sub {
		if p := pathTo(sub, m); p != nil {
			return append([]*syntax.Regexp{re}, p...)
		}
	}
	return nil
}

// neighbourhood is what may stand on one side of a place in a pattern:
// one of chars, the edge of the string (the end ahead, the start behind),
// or, past the edge of a pattern not anchored there, anything (any).
// anchorLine marks a ^ or $ of multi-line mode on the way, which this
// reading does not follow.
type neighbourhood struct {
	look       side
	chars      []rune
	edge, any  bool
	anchorLine bool
}

// neighbours returns what may stand on the look side of the last node of
// path, read up through its ancestors. Repeats are taken as able to go
// round and to stop at any count, which may add neighbours but never
// loses one.
func neighbours(path []*syntax.Regexp, look side) neighbourhood {
	n := neighbourhood{look: look}
	for i := len(path) - 1; i > 0; i-- {
		parent, child := path[i-1], path[i]
		switch parent.Op {
		case syntax.OpConcat:
			at := slices.Index(parent.Sub, child)
			seq := parent.Sub[at+1:]
			if look == behind {
				seq = parent.Sub[:at]
			}
			if !n.addSeq(seq) {
				return n
			}
		case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
			if parent.Op != syntax.OpRepeat || parent.Max == -1 || parent.Max > 1 {
				n.addSeq(parent.Sub)
			}
		}
	}
	n.any = true // past the edge of a pattern not anchored there
	return n
}

// addSeq adds what the sequence seq may have at its edge next to the place
// (its start ahead of it, its end behind it), and reports whether seq may
// match nothing, letting what lies beyond it stand next to the place too.
func (n *neighbourhood) addSeq(seq []*syntax.Regexp) (passThrough bool) {
	for i := range seq {
		re := seq[i]
		if n.look == behind {
			re = seq[len(seq)-1-i]
		}
		if !n.add(re) {
			return false
		}
	}
	return true
}

// add adds what re may have at its edge next to the place, and reports
// whether it may match nothing.
func (n *neighbourhood) add(re *syntax.Regexp) (empty bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true
		}
		r := edgeRune(re.Rune, n.look)
		if isMarker(r) {
			return true // another look-around, which takes nothing
		}
		n.chars = rangesUnion(n.chars, charRanges(&syntax.Regexp{Op: syntax.OpLiteral, Flags: re.Flags, Rune: []rune{r}}))
		return false
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		n.chars = rangesUnion(n.chars, charRanges(re))
		return false
	case syntax.OpEndText:
		if n.look == ahead {
			n.edge = true
			return false
		}
		return true
	case syntax.OpBeginText:
		if n.look == behind {
			n.edge = true
			return false
		}
		return true
	case syntax.OpBeginLine, syntax.OpEndLine:
		n.anchorLine = true
		return true
	case syntax.OpNoMatch:
		return false
	case syntax.OpCapture:
		return n.add(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		n.add(re.Sub[0])
		return true
	case syntax.OpPlus:
		return n.add(re.Sub[0])
	case syntax.OpRepeat:
		if re.Max == 0 {
			return true
		}
		return n.add(re.Sub[0]) || re.Min == 0
	case syntax.OpConcat:
		return n.addSeq(re.Sub)
	case syntax.OpAlternate:
		empty := false
		for _, sub := range re.Sub {
			if n.add(sub) {
				empty = true
			}
		}
		return empty
	}
	return true // an empty match, \b: it takes nothing
}

// edgeRune is the first rune of runes, or the last behind.
func edgeRune(runes []rune, look side) rune {
	if look == behind {
		return runes[len(runes)-1]
	}
	return runes[0]
}

// charRanges returns the characters a one-character node matches, as
// sorted, non-overlapping lo-hi pairs.
func charRanges(re *syntax.Regexp) []rune {
	switch re.Op {
	case syntax.OpLiteral:
		r := re.Rune[0]
		if re.Flags&syntax.FoldCase != 0 {
			var set []rune
			for f := r; ; {
				set = rangesUnion(set, []rune{f, f})
				if f = unicode.SimpleFold(f); f == r {
					return set
				}
			}
		}
		return []rune{r, r}
	case syntax.OpCharClass:
		return rangesUnion(nil, re.Rune)
	case syntax.OpAnyCharNotNL:
		return []rune{0, '\n' - 1, '\n' + 1, unicode.MaxRune}
	}
	return []rune{0, unicode.MaxRune}
}

// matchesEmpty reports whether re may match the empty string; ^, $, \b and
// markers count as matching it.
func matchesEmpty(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		return !slices.ContainsFunc(re.Rune, func(r rune) bool { return !isMarker(r) })
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL, syntax.OpNoMatch:
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return matchesEmpty(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min == 0 || matchesEmpty(re.Sub[0])
	case syntax.OpConcat:
		return !slices.ContainsFunc(re.Sub, func(sub *syntax.Regexp) bool { return !matchesEmpty(sub) })
	case syntax.OpAlternate:
		return slices.ContainsFunc(re.Sub, matchesEmpty)
	}
	return true
}

// zeroWidth reports whether re takes nothing where it stands: an
// assertion, which holds only at some places, or a marker.
func zeroWidth(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		return markerOf(re) != 0
	}
	return false
}

// hasZeroWidth reports whether re holds an assertion or a marker anywhere.
func hasZeroWidth(re *syntax.Regexp) bool {
	return zeroWidth(re) || slices.ContainsFunc(re.Sub, hasZeroWidth)
}

// restrictEdge returns a regexp that matches the strings re matches that
// are not empty and start (ahead) or end (behind) with a character in
// allowed (lo-hi pairs), or nil when re holds what it does not rewrite.
func restrictEdge(re *syntax.Regexp, allowed []rune, look side) *syntax.Regexp {
	switch re.Op {
	case syntax.OpNoMatch, syntax.OpEmptyMatch:
		return noMatch()
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return noMatch()
		}
		r := edgeRune(re.Rune, look)
		if isMarker(r) {
			return nil // another look-around, within a group
		}
		class := classOf(rangesIntersect(charRanges(&syntax.Regexp{Op: syntax.OpLiteral, Flags: re.Flags, Rune: []rune{r}}), allowed))
		switch {
		case len(re.Rune) == 1:
			return class
		case look == behind:
			return concatOf(literal(re, re.Rune[:len(re.Rune)-1]), class)
		}
		return concatOf(class, literal(re, re.Rune[1:]))
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return classOf(rangesIntersect(charRanges(re), allowed))
	case syntax.OpCapture, syntax.OpQuest:
		return restrictEdge(re.Sub[0], allowed, look)
	case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		// x* is x x* (or x* x behind) where it is not empty, and x{n,m}
		// x x{n-1,m-1}; an x that may match nothing may do so any number
		// of times, so the rest then counts from 0.
		if re.Op == syntax.OpRepeat && re.Max == 0 {
			return noMatch()
		}
		if hasZeroWidth(re.Sub[0]) {
			return nil
		}
		edge := restrictEdge(re.Sub[0], allowed, look)
		if edge == nil {
			return nil
		}
		more := *re
		switch re.Op {
		case syntax.OpPlus:
			more.Op = syntax.OpStar
		case syntax.OpRepeat:
			more.Min = max(re.Min-1, 0)
			if matchesEmpty(re.Sub[0]) {
				more.Min = 0
			}
			if re.Max > 0 {
				more.Max = re.Max - 1
			}
			if more.Max == 0 {
				return edge
			}
		}
		if look == behind {
			return concatOf(&more, edge)
		}
		return concatOf(edge, &more)
	case syntax.OpConcat:
		// The first item that takes a character, or any after others that
		// took none (the last, behind): each choice is an alternative.
		var alts []*syntax.Regexp
		var kept []*syntax.Regexp // assertions and markers passed on the way, which stay
		for i := range re.Sub {
			j := i
			if look == behind {
				j = len(re.Sub) - 1 - i
			}
			sub := re.Sub[j]
			if zeroWidth(sub) {
				kept = append(kept, sub)
				continue
			}
			edge := restrictEdge(sub, allowed, look)
			if edge == nil {
				return nil
			}
			if look == behind {
				items := append(slices.Clone(re.Sub[:j]), edge)
				alts = append(alts, concatOf(append(items, reversed(kept)...)...))
			} else {
				alts = append(alts, concatOf(append(append(slices.Clone(kept), edge), re.Sub[j+1:]...)...))
			}
			if !matchesEmpty(sub) {
				break
			}
			if hasZeroWidth(sub) {
				return nil // its empty match holds only at some places
			}
		}
		return alternateOf(alts...)
	case syntax.OpAlternate:
		var alts []*syntax.Regexp
		for _, sub := range re.Sub {
			edge := restrictEdge(sub, allowed, look)
			if edge == nil {
				return nil
			}
			alts = append(alts, edge)
		}
		return alternateOf(alts...)
	}
	return nil
}

// reversed returns s in reverse order.
func reversed(s []*syntax.Regexp) []*syntax.Regexp {
	r := slices.Clone(s)
	slices.Reverse(r)
	return r
}

// noMatch is a node that matches nothing.
func noMatch() *syntax.Regexp { return &syntax.Regexp{Op: syntax.OpNoMatch} }

// classOf is a character class of ranges (lo-hi pairs), or noMatch when
// they hold no character.
func classOf(ranges []rune) *syntax.Regexp {
	if len(ranges) == 0 {
		return noMatch()
	}
	return &syntax.Regexp{Op: syntax.OpCharClass, Rune: ranges}
}

// concatOf concatenates subs; one that matches nothing makes it match
// nothing.
func concatOf(subs ...*syntax.Regexp) *syntax.Regexp {
	var flat []*syntax.Regexp
	for _, sub := range subs {
		switch sub.Op {
		case syntax.OpNoMatch:
			return noMatch()
		case syntax.OpConcat:
			flat = append(flat, sub.Sub...)
		default:
			flat = append(flat, sub)
		}
	}
	if len(flat) == 1 {
		return flat[0]
	}
	return &syntax.Regexp{Op: syntax.OpConcat, Sub: flat}
}

// alternateOf is the alternation of subs, leaving out those that match
// nothing.
func alternateOf(subs ...*syntax.Regexp) *syntax.Regexp {
	subs = slices.DeleteFunc(subs, func(sub *syntax.Regexp) bool { return sub.Op == syntax.OpNoMatch })
	switch len(subs) {
	case 0:
		return noMatch()
	case 1:
		return subs[0]
	}
	return &syntax.Regexp{Op: syntax.OpAlternate, Sub: subs}
}

// rangesUnion merges two sets of lo-hi pairs into one, sorted and without
// overlaps.
func rangesUnion(a, b []rune) []rune {
	type span struct{ lo, hi rune }
	var spans []span
	for _, set := range [][]rune{a, b} {
		for i := 0; i+1 < len(set); i += 2 {
			spans = append(spans, span{set[i], set[i+1]})
		}
	}
	slices.SortFunc(spans, func(x, y span) int { return int(x.lo) - int(y.lo) })
	var out []rune
	for _, s := range spans {
		if n := len(out); n > 0 && s.lo <= out[n-1]+1 {
			out[n-1] = max(out[n-1], s.hi)
			continue
		}
		out = append(out, s.lo, s.hi)
	}
	return out
}

// rangesIntersect returns the characters in both sets.
func rangesIntersect(a, b []rune) []rune {
	var out []rune
	for i := 0; i+1 < len(a); i += 2 {
		for j := 0; j+1 < len(b); j += 2 {
			if lo, hi := max(a[i], b[j]), min(a[i+1], b[j+1]); lo <= hi {
				out = append(out, lo, hi)
			}
		}
	}
	return rangesUnion(out, nil)
}

// rangesComplement returns the characters not in set.
func rangesComplement(set []rune) []rune {
	var out []rune
	next := rune(0)
	for i := 0; i+1 < len(set); i += 2 {
		if set[i] > next {
			out = append(out, next, set[i]-1)
		}
		next = set[i+1] + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, next, unicode.MaxRune)
	}
	return out
}

// rangesSubset reports whether every character of a is in b.
func rangesSubset(a, b []rune) bool {
	return slices.Equal(rangesIntersect(a, b), rangesUnion(a, nil))
}
