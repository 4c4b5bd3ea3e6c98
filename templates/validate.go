package templates

import (
	"encoding/json"
	"fmt"
	"math"
	"net/mail"
	"net/netip"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// ValidationError lists every constraint a value violates. Validate methods
// return it; use errors.As to reach the individual violations.
type ValidationError struct {
	Violations []Violation
}

// Violation is one broken constraint: where it is, as a JSON path such as
// `scope[3]`, and what is wrong.
type Violation struct {
	Path    string
	Message string
}

// String renders the violation as "path: message".
func (v Violation) String() string {
	if v.Path == "" {
		return v.Message
	}
	return v.Path + ": " + v.Message
}

// Error joins all violations into one line.
func (e *ValidationError) Error() string {
	switch len(e.Violations) {
	case 0:
		return "validation failed"
	case 1:
		return e.Violations[0].String()
	}
	var b strings.Builder
	b.WriteString(strconv.Itoa(len(e.Violations)))
	b.WriteString(" violations: ")
	for i, v := range e.Violations {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(v.String())
	}
	return b.String()
}

// path locates a value for error messages. Segments are built on the
// caller's stack while walking a value and rendered only when a check fails;
// a nil *path is the root.
type path struct {
	parent *path
	name   string
	index  int
	kind   pathKind
}

type pathKind uint8

const (
	fieldSegment pathKind = iota + 1
	indexSegment
	keySegment
	nameSegment // a property's name, checked against propertyNames
)

// field returns the path of the object property name below p. It, at and
// key are kept out of line: the validate methods call them at thousands of
// sites, and inlined there they made a large generated package (the whole
// Auth0 API) about 10% slower to compile, while a call costs nanoseconds.
//
//go:noinline
func (p *path) field(name string) path { return path{parent: p, name: name, kind: fieldSegment} }

// at returns the path of array item i below p.
//
//go:noinline
func (p *path) at(i int) path { return path{parent: p, index: i, kind: indexSegment} }

// key returns the path of map entry k below p.
//
//go:noinline
func (p *path) key(k string) path { return path{parent: p, name: k, kind: keySegment} }

// propertyName returns the path of the name of property k below p: a
// violation there is reported at p, naming the property.
//
//go:noinline
func (p *path) propertyName(k string) path { return path{parent: p, name: k, kind: nameSegment} }

// String renders p as a JSON path: `a.b[3]["odd key"]`. It walks the chain
// with a loop rather than recursion, so that p does not escape and
// segments stay on the caller's stack.
func (p *path) String() string {
	if p == nil {
		return ""
	}
	var segs [16]path
	n := 0
	for q := p; q != nil; q = q.parent {
		if n == len(segs) {
			break // deeper than any real document; the outer segments are dropped
		}
		segs[n] = path{name: q.name, index: q.index, kind: q.kind}
		n++
	}
	slices.Reverse(segs[:n])
	return pathText(segs[:n])
}

// pathText renders segments, outermost first, as a JSON path.
func pathText(segs []path) string {
	var b strings.Builder
	for _, s := range segs {
		switch {
		case s.kind == indexSegment:
			b.WriteString("[" + strconv.Itoa(s.index) + "]")
		case s.kind == keySegment && !isPlainKey(s.name):
			b.WriteString("[" + strconv.Quote(s.name) + "]")
		default:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.name)
		}
	}
	return b.String()
}

// isPlainKey reports whether k can be written after a dot in a path.
func isPlainKey(k string) bool {
	if k == "" {
		return false
	}
	for _, r := range k {
		if r != '_' && r != '-' && (r < '0' || r > '9') && (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}

// validator collects violations while a value is walked.
type validator struct {
	violations []Violation
	// rejected lists the paths whose values a strict reader refused (a
	// wrong kind, a null): the zero value left there, and everything in it,
	// is not checked again, which would only repeat the problem in other
	// words ("audience: is required" after a body that is not an object).
	rejected []string
	// request is set when the value is a request on its way to or into
	// the server: readOnly properties are refused there, and required
	// writeOnly ones required.
	request bool
}

// report records that the value at p breaks a constraint.
func (v *validator) report(p *path, message string) {
	if p != nil && p.kind == nameSegment {
		p, message = p.parent, "property name "+strconv.Quote(p.name)+": "+message
	}
	where := p.String()
	if len(v.rejected) > 0 && v.withinRejected(where) {
		return
	}
	v.violations = append(v.violations, Violation{Path: where, Message: message})
}

// withinRejected reports whether where is a rejected path or lies inside
// one: "inner.id" inside "inner", anything inside the root "".
func (v *validator) withinRejected(where string) bool {
	for _, r := range v.rejected {
		if where == r || r == "" {
			return true
		}
		if len(where) > len(r) && strings.HasPrefix(where, r) && (where[len(r)] == '.' || where[len(r)] == '[') {
			return true
		}
	}
	return false
}

// err returns the collected violations as a *ValidationError, or nil. A
// violation found twice (by two checks that overlap) is listed once. Every
// Validate method calls it, so it is kept out of line like path.field.
//
//go:noinline
func (v *validator) err() error {
	if len(v.violations) == 0 {
		return nil
	}
	return v.distinct()
}

// distinct is err's slow path, kept out of line: err is called by every
// Validate method, and inlining this loop into each of them made large
// generated packages markedly slower to compile.
//
//go:noinline
func (v *validator) distinct() error {
	out := v.violations[:0:0]
	for _, x := range v.violations {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return &ValidationError{Violations: out}
}

// required reports a missing required property.
func (v *validator) required(p *path) { v.report(p, "is required") }

// absent reports a required property or parameter that a request left out,
// and marks its path as refused, so that the checks of the zero left in its
// place stay quiet: they would add "does not match pattern" about a value
// nobody sent.
func (v *validator) absent(p *path) {
	v.required(p)
	v.refused(p)
}

// refused marks the path of a value that a request gave but that did not
// parse (a parameter "abc" where an integer belongs), so that what is left
// in its place, absent or zero, is not checked again: that would add "is
// required", or "is less than minimum 1" about a zero nobody sent.
func (v *validator) refused(p *path) { v.rejected = append(v.rejected, p.String()) }

// requiredBy reports a property that dependentRequired asks for, because
// the value has the property named by.
func (v *validator) requiredBy(p *path, by string) {
	v.report(p, "is required when "+by+" is given")
}

// unknownProperty reports a property that the schema neither declares nor
// admits by a pattern of patternProperties, where additionalProperties is
// false: in a JSON body, a form or an object parameter.
func (v *validator) unknownProperty(p *path) { v.report(p, "unknown property") }

// readOnly reports a readOnly property sent in a request.
func (v *validator) readOnly(p *path) {
	v.report(p, "is read-only: the server sets it, and a request must not carry it")
}

// minLength checks a string's length in characters (Unicode code points).
func (v *validator) minLength(p *path, s string, min int) {
	if len(s) >= min*utf8.UTFMax {
		return
	}
	if n := utf8.RuneCountInString(s); n < min {
		v.report(p, "length "+strconv.Itoa(n)+" is less than minLength "+strconv.Itoa(min))
	}
}

// maxLength checks a string's length in characters (Unicode code points).
func (v *validator) maxLength(p *path, s string, max int) {
	if len(s) <= max {
		return
	}
	if n := utf8.RuneCountInString(s); n > max {
		v.report(p, "length "+strconv.Itoa(n)+" exceeds maxLength "+strconv.Itoa(max))
	}
}

// pattern checks a string against a pattern compiled once per package.
func (v *validator) pattern(p *path, s string, re matcher) {
	if !re.MatchString(s) {
		v.report(p, "does not match pattern "+strconv.Quote(re.String()))
	}
}

// matcher is a compiled pattern: a *regexp.Regexp, or a *splitPattern.
type matcher interface {
	MatchString(s string) bool
	String() string // the pattern as the spec writes it
}

// splitPattern is a pattern Go's regexp cannot run as the spec writes it,
// as regexps it can run: a string matches when, for one alternative, it
// matches every regexp in all and none in none. Look-aheads ((?!…) and
// (?=…), which Go's regexp lacks) at the start of an alternative become
// regexps of their own; counts above Go's 1,000 are spelled out.
type splitPattern struct {
	source       string
	alternatives []splitAlternative
}

// splitAlternative is one alternative of a splitPattern.
type splitAlternative struct {
	all, none []*regexp.Regexp
}

// MatchString reports whether s matches the pattern.
func (l *splitPattern) MatchString(s string) bool {
	for _, a := range l.alternatives {
		if a.match(s) {
			return true
		}
	}
	return false
}

func (a splitAlternative) match(s string) bool {
	for _, re := range a.all {
		if !re.MatchString(s) {
			return false
		}
	}
	for _, re := range a.none {
		if re.MatchString(s) {
			return false
		}
	}
	return true
}

// String returns the pattern as the spec writes it.
func (l *splitPattern) String() string { return l.source }

// knownFormat checks the string formats Go can check exactly; other
// formats (and vendor ones) are documentation only.
func (v *validator) knownFormat(p *path, s, format string) {
	ok := true
	switch format {
	case "date":
		_, err := time.Parse(time.DateOnly, s)
		ok = err == nil
	case "uuid":
		ok = len(s) == 36 && uuidPattern.MatchString(s)
	case "email":
		a, err := mail.ParseAddress(s)
		ok = err == nil && a.Address == s
	case "uri":
		u, err := url.Parse(s)
		ok = err == nil && u.Scheme != ""
	case "ipv4":
		a, err := netip.ParseAddr(s)
		ok = err == nil && a.Is4()
	case "ipv6":
		a, err := netip.ParseAddr(s)
		ok = err == nil && a.Is6()
	case "hostname":
		ok = isHostname(s)
	case "cidr": // IPv4, as Auth0 and AWS write it beside ipv6_cidr
		p, err := netip.ParsePrefix(s)
		ok = err == nil && p.Addr().Is4()
	case "ipv6_cidr":
		p, err := netip.ParsePrefix(s)
		ok = err == nil && p.Addr().Is6()
	case "byte":
		if !isBase64(s) {
			v.report(p, "is not valid base64")
		}
	}
	if !ok {
		v.report(p, "is not a valid "+format)
	}
}

// isBase64 reports whether s is base64 as OpenAPI's format byte means it:
// the standard alphabet of RFC 4648, section 4, padded to a multiple of 4
// or, as many encoders write it, not padded at all.
func isBase64(s string) bool {
	data := strings.TrimSuffix(strings.TrimSuffix(s, "="), "=")
	if pad := len(s) - len(data); pad > 0 && (len(s)%4 != 0 || len(data)%4 != 4-pad) {
		return false
	}
	if len(data)%4 == 1 {
		return false
	}
	for i := 0; i < len(data); i++ {
		if c := data[i]; !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '/') {
			return false
		}
	}
	return true
}

// isHostname reports whether s is a host name as RFC 1123 writes one: dot-
// separated labels of letters, digits and hyphens, each 1 to 63 bytes and
// neither starting nor ending with a hyphen, 253 bytes in all; a final dot
// (the root) is allowed.
func isHostname(s string) bool {
	s = strings.TrimSuffix(s, ".")
	if s == "" || len(s) > 253 {
		return false
	}
	for label := range strings.SplitSeq(s, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			if c := label[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}

var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// number is every Go type a JSON Schema number or integer becomes.
type number interface {
	~int | ~int32 | ~int64 | ~float32 | ~float64
}

// minimum checks x >= min, or x > min when exclusive.
func minimum[N number](v *validator, p *path, x, min N, exclusive bool) {
	switch {
	case exclusive && x <= min:
		v.report(p, "value "+formatNumber(x)+" must be greater than exclusiveMinimum "+formatNumber(min))
	case !exclusive && x < min:
		v.report(p, "value "+formatNumber(x)+" is less than minimum "+formatNumber(min))
	}
}

// maximum checks x <= max, or x < max when exclusive.
func maximum[N number](v *validator, p *path, x, max N, exclusive bool) {
	switch {
	case exclusive && x >= max:
		v.report(p, "value "+formatNumber(x)+" must be less than exclusiveMaximum "+formatNumber(max))
	case !exclusive && x > max:
		v.report(p, "value "+formatNumber(x)+" exceeds maximum "+formatNumber(max))
	}
}

// multipleOf checks that x is a whole multiple of m: exactly for integers,
// and for fractions within a tolerance relative to m that absorbs binary
// rounding (0.3 is a multiple of 0.1).
func multipleOf[N number](v *validator, p *path, x, m N) {
	if xi, mi := int64(x), int64(m); N(xi) == x && N(mi) == m && mi != 0 {
		if xi%mi != 0 {
			v.report(p, "value "+formatNumber(x)+" is not a multiple of "+formatNumber(m))
		}
		return
	}
	r := math.Remainder(float64(x), float64(m))
	if math.Abs(r) > 1e-9*math.Abs(float64(m)) {
		v.report(p, "value "+formatNumber(x)+" is not a multiple of "+formatNumber(m))
	}
}

// formatNumber writes whole numbers without a fraction, exactly even beyond
// 2^53, and other numbers in the shortest form that reads back the same.
func formatNumber[N number](x N) string {
	if i := int64(x); N(i) == x {
		return strconv.FormatInt(i, 10)
	}
	if f := math.Abs(float64(x)); f >= 1e-6 && f < 1e15 {
		return strconv.FormatFloat(float64(x), 'f', -1, 64)
	}
	return strconv.FormatFloat(float64(x), 'g', -1, 64)
}

// minItems checks an array's length.
func (v *validator) minItems(p *path, n, min int) {
	if n < min {
		v.report(p, strconv.Itoa(n)+" items are fewer than minItems "+strconv.Itoa(min))
	}
}

// maxItems checks an array's length.
func (v *validator) maxItems(p *path, n, max int) {
	if n > max {
		v.report(p, strconv.Itoa(n)+" items exceed maxItems "+strconv.Itoa(max))
	}
}

// uniqueItems checks that no two items of a comparable element type are equal.
func uniqueItems[T comparable](v *validator, p *path, items []T) {
	seen := make(map[T]int, len(items))
	for i, item := range items {
		if j, dup := seen[item]; dup {
			v.report(p, "items "+strconv.Itoa(j)+" and "+strconv.Itoa(i)+" are equal; uniqueItems requires distinct items")
			return
		}
		seen[item] = i
	}
}

// containsItems checks JSON Schema's contains where its schema is a const
// or an enum of scalars: at least min of items must equal one of values,
// and at most max unless max is negative. want names the values for the
// message ("openid", or "a" or "b").
func containsItems[T comparable](v *validator, p *path, items, values []T, want string, min, max int) {
	n := 0
	for _, item := range items {
		if slices.Contains(values, item) {
			n++
		}
	}
	switch {
	case n < min && n == 0:
		v.report(p, "no item is "+want+"; contains requires "+strconv.Itoa(min))
	case n < min:
		v.report(p, strconv.Itoa(n)+" items are "+want+", fewer than minContains "+strconv.Itoa(min))
	case max >= 0 && n > max:
		v.report(p, strconv.Itoa(n)+" items are "+want+", more than maxContains "+strconv.Itoa(max))
	}
}

// uniqueItemsJSON checks uniqueness of items that Go cannot compare with ==,
// by comparing their JSON encodings.
func uniqueItemsJSON[T any](v *validator, p *path, items []T) {
	seen := make(map[string]int, len(items))
	for i, item := range items {
		b, err := json.Marshal(item)
		if err != nil {
			continue
		}
		if j, dup := seen[string(b)]; dup {
			v.report(p, "items "+strconv.Itoa(j)+" and "+strconv.Itoa(i)+" are equal; uniqueItems requires distinct items")
			return
		}
		seen[string(b)] = i
	}
}

// extra checks an additional property, found at p, against the type that
// additionalProperties gives: decode reads raw strictly into dst, a value of
// that type, so that a value of another kind (or a null, unless nullable)
// is reported where it stands. It reports whether dst holds a value for the
// type's other checks.
func extra[T any](c *validator, p *path, raw json.RawMessage, dst *T, decode func(*T, *jsonReader) bool, nullable bool) bool {
	if nullable && string(raw) == "null" {
		return false
	}
	d := newJSONReaderAt(string(raw), c, p)
	before := len(c.violations)
	decode(dst, d)
	if err := d.finish(); err != nil {
		c.report(p, err.Error()) // not JSON: only a caller can have put it there
		return false
	}
	return len(c.violations) == before
}

// sortedKeys returns the keys of m in order, so that violations inside maps
// are reported in the same order on every run.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// minProperties checks an object's number of properties.
func (v *validator) minProperties(p *path, n, min int) {
	if n < min {
		v.report(p, strconv.Itoa(n)+" properties are fewer than minProperties "+strconv.Itoa(min))
	}
}

// maxProperties checks an object's number of properties.
func (v *validator) maxProperties(p *path, n, max int) {
	if n > max {
		v.report(p, strconv.Itoa(n)+" properties exceed maxProperties "+strconv.Itoa(max))
	}
}

// notAllowed reports a value outside an enumeration; allowed lists the
// permitted values as they are written in JSON.
func (v *validator) notAllowed(p *path, value any, allowed string) {
	v.report(p, "value "+fmt.Sprintf("%#v", value)+" is not one of "+allowed)
}

// alternatives reports a value that has all the properties of n of the
// sets its schema's oneOf or anyOf requires (sets lists them) when it
// must have those of one: none, or more than one for a oneOf.
func (v *validator) alternatives(p *path, n int, sets string) {
	if n == 0 {
		v.report(p, "must have all the properties of one of "+sets)
		return
	}
	v.report(p, "has all the properties of "+strconv.Itoa(n)+" of "+sets+", and must have those of exactly one")
}

// notNull reports a null where the schema does not allow one.
func (v *validator) notNull(p *path) { v.report(p, "must not be null") }
