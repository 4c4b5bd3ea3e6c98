package model

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxRepeat is the largest count Go's regexp takes in a repetition.
const maxRepeat = 1000

// expandRepeats rewrites the counted repetitions of pattern with a count
// above limit, which Go's regexp refuses (AWS writes .{0,1023} and
// \S{1,2000}, Auth0 (.){1,1024}), into repetitions it takes that match the
// same strings:
//
//   - x{n,m} at the start of a top-level alternative without ^, or at its
//     end without $, matches wherever x{n} does (a longer run contains a
//     shorter one), and becomes x{n};
//   - anywhere else it becomes consecutive repetitions of at most limit
//     each: x{1,2000} is x{1,1000}x{0,1000}.
//
// It returns pattern as it is when no count is above limit, or when it
// cannot read the pattern (an unclosed class, \Q...\E); compiling tells
// what is wrong then.
func expandRepeats(pattern string, limit int) string {
	r := repeatRewriter{src: pattern, limit: limit, altStart: true}
	if !r.run() || !r.changed {
		return pattern
	}
	return r.out.String()
}

// repeatRewriter copies a pattern token by token, remembering where in
// its output the last atom (a character, class, escape or group) starts so
// that a counted repetition of it can be rewritten.
type repeatRewriter struct {
	src      string
	limit    int
	out      strings.Builder
	changed  bool
	depth    int
	altStart bool // the next token starts a top-level alternative
	groups   []atomStart
	atom     atomStart // the last atom, while a repetition may follow it
	hasAtom  bool
}

// atomStart is where an atom begins in the output, and whether it begins
// a top-level alternative (nothing before it constrains a match).
type atomStart struct {
	at   int
	free bool
}

func (r *repeatRewriter) run() bool {
	s := r.src
	for i := 0; i < len(s); {
		start := atomStart{at: r.out.Len(), free: r.altStart && r.depth == 0}
		r.altStart = false
		switch c := s[i]; c {
		case '(':
			r.groups = append(r.groups, start)
			r.depth++
			r.hasAtom = false
			r.out.WriteByte(c)
			i++
		case ')':
			if len(r.groups) == 0 {
				return false
			}
			r.atom, r.hasAtom = r.groups[len(r.groups)-1], true
			r.groups = r.groups[:len(r.groups)-1]
			r.depth--
			r.out.WriteByte(c)
			i++
		case '|':
			r.altStart = r.depth == 0
			r.hasAtom = false
			r.out.WriteByte(c)
			i++
		case '^', '$', '*', '+', '?':
			r.hasAtom = false
			r.out.WriteByte(c)
			i++
		case '{':
			n, m, end, ok := countedRepeat(s, i)
			if !ok || !r.hasAtom {
				r.out.WriteByte(c) // a literal {
				r.atom, r.hasAtom = start, true
				i++
				continue
			}
			lazy := end < len(s) && s[end] == '?'
			if lazy {
				end++
			}
			free := r.atom.free || end == len(s) || (r.depth == 0 && s[end] == '|')
			if n <= r.limit && m <= r.limit || !r.rewrite(n, m, free, lazy) {
				r.out.WriteString(s[i:end])
			}
			r.hasAtom = false
			i = end
		case '[':
			end := classEnd(s, i)
			if end < 0 {
				return false
			}
			r.out.WriteString(s[i : end+1])
			r.atom, r.hasAtom = start, true
			i = end + 1
		case '\\':
			end, isAtom, ok := escapeEnd(s, i)
			if !ok {
				return false
			}
			r.out.WriteString(s[i:end])
			r.atom, r.hasAtom = start, isAtom
			i = end
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			r.out.WriteString(s[i : i+size])
			r.atom, r.hasAtom = start, true
			i += size
		}
	}
	return r.depth == 0
}

// rewrite replaces the last atom, already written, by its repetition n to
// m times (m < 0: no upper bound) in counts of at most limit; free says
// nothing around it constrains a match, so that n times will do.
// It returns false, writing nothing, for a count too large to spell out,
// which is left for the compiler to refuse.
func (r *repeatRewriter) rewrite(n, m int, free, lazy bool) bool {
	if free {
		m = n
	}
	if n > 100*r.limit || m > 100*r.limit {
		return false
	}
	out := r.out.String()
	atom := unnamed(out[r.atom.at:]) // a name may appear once
	r.out.Reset()
	r.out.WriteString(out[:r.atom.at])
	r.changed = true
	suffix := ""
	if lazy {
		suffix = "?"
	}
	repeat := func(counts string) { r.out.WriteString(atom + "{" + counts + "}" + suffix) }
	if m < 0 {
		for ; n > r.limit; n -= r.limit {
			repeat(strconv.Itoa(r.limit))
		}
		repeat(strconv.Itoa(n) + ",")
		return true
	}
	for m > 0 { // x{0} matches the empty string: x is left out
		hi := min(m, r.limit)
		lo := min(n, hi)
		if lo == hi {
			repeat(strconv.Itoa(hi))
		} else {
			repeat(strconv.Itoa(lo) + "," + strconv.Itoa(hi))
		}
		n, m = n-lo, m-hi
	}
	return true
}

// countedRepeat reads a repetition {n}, {n,} or {n,m} at s[i]; m is -1
// for {n,}. ok is false when s[i:] does not start with one (Go then reads
// the { as itself, as it does {04}) or when n > m.
func countedRepeat(s string, i int) (n, m, end int, ok bool) {
	close := strings.IndexByte(s[i:], '}')
	if close < 0 {
		return 0, 0, 0, false
	}
	lo, hi, comma := strings.Cut(s[i+1:i+close], ",")
	if n, ok = decimal(lo); !ok {
		return 0, 0, 0, false
	}
	m = n
	if comma {
		m = -1
		if hi != "" {
			if m, ok = decimal(hi); !ok || m < n {
				return 0, 0, 0, false
			}
		}
	}
	return n, m, i + close + 1, true
}

// decimal reads a count as Go's regexp does: digits, without a leading 0.
func decimal(s string) (int, bool) {
	if s == "" || len(s) > 9 || len(s) > 1 && s[0] == '0' || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// escapeEnd returns the end of the escape at s[i] (a backslash) and
// whether it is an atom (a character or class, not an assertion such as
// \b or \A). ok is false for \Q...\E, which this reader leaves alone, and
// for an escape cut short.
func escapeEnd(s string, i int) (end int, atom bool, ok bool) {
	if i+1 >= len(s) {
		return 0, false, false
	}
	switch c := s[i+1]; {
	case c == 'Q':
		return 0, false, false
	case c == 'A' || c == 'z' || c == 'b' || c == 'B':
		return i + 2, false, true
	case (c == 'p' || c == 'P' || c == 'x') && i+2 < len(s) && s[i+2] == '{':
		close := strings.IndexByte(s[i:], '}')
		if close < 0 {
			return 0, false, false
		}
		return i + close + 1, true, true
	case c == 'p' || c == 'P':
		return min(i+3, len(s)), true, true
	case c == 'x':
		return min(i+4, len(s)), true, true
	case '0' <= c && c <= '7':
		end := i + 2
		for end < len(s) && end < i+4 && '0' <= s[end] && s[end] <= '7' {
			end++
		}
		return end, true, true
	default:
		_, size := utf8.DecodeRuneInString(s[i+1:])
		return i + 1 + size, true, true
	}
}

// unnamed returns the atom s with its named groups, (?P<name>...) and
// (?<name>...), made non-capturing, so that copies of it compile: Go's
// regexp refuses a name used twice, and matching does not need them.
func unnamed(s string) string {
	var b strings.Builder
	from := 0
	eachSyntaxByte(s, func(i int) bool {
		rest := s[i:]
		if !strings.HasPrefix(rest, "(?P<") && !(strings.HasPrefix(rest, "(?<") && !strings.HasPrefix(rest, "(?<=") && !strings.HasPrefix(rest, "(?<!")) {
			return true
		}
		if end := strings.IndexByte(rest, '>'); end >= 0 {
			b.WriteString(s[from:i] + "(?:")
			from = i + end + 1
		}
		return true
	})
	return b.String() + s[from:]
}
