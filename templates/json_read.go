package templates

import (
	"encoding/json"
	"slices"
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonReader decodes one JSON text held in memory, for the generated
// decodeJSON methods. It reads in one pass and without reflection: the
// generated code asks for the value it expects next (an object, a string,
// an int64 …) and the reader checks the syntax as it goes, so malformed
// input is rejected wherever it sits, as encoding/json rejects it.
//
// src is a single copy of the input. Strings without escapes are
// substrings of it and cost no allocation of their own; the price is that
// decoded strings keep the input alive.
//
// The first syntax error stops reading: it is kept in err and every later
// call returns at once. A value of the wrong type depends on the mode. A
// lenient reader (check is nil: clients and UnmarshalJSON) stops with an
// error as well. A strict reader (a server decoding a request) reports the
// value to check with its path, skips it and reads on, so that one answer
// lists every problem; it also reports undeclared properties of closed
// objects and missing required ones.
type jsonReader struct {
	src   string
	pos   int
	depth int
	err   error
	check *validator
	// key is the property name nextKey read last; it is valid until the
	// next call, as reading the value may read keys of its own.
	key string
	// opened is true right after '{' or '[': the next member needs no comma.
	opened  bool
	scratch []byte
	// at is where the reader is, one segment per open object or array:
	// the key or index being read. Errors render it as their path, so
	// decoding passes no paths around and allocates none.
	at     []path
	atBase [16]path
	// retried is the union that this reader tries a variant of on src,
	// and outer the reader it tries it within (see retry); "" and nil for
	// the reader of a whole document.
	retried string
	outer   *jsonReader
	// lacking is set when an object read lacks a required property, on a
	// lenient reader too: a union trying its variants takes one whose
	// objects lack nothing (an array of stargazers is not an array of
	// users, whose zero values would pass their checks).
	lacking bool
}

// maxJSONDepth bounds how deeply arrays and objects may nest, as
// encoding/json bounds it, so that hostile input cannot exhaust the stack.
const maxJSONDepth = 10000

// DecodeError reports JSON that is malformed or does not fit the Go type it
// is decoded into: where (the byte offset, and the JSON path of the value
// when it is known) and what is wrong.
type DecodeError struct {
	Offset int    // byte offset in the input, counted from 0
	Path   string // JSON path of the value, such as "scope[2]"; empty at the top
	Msg    string
}

// Error renders the problem as "json: path: msg (offset n)".
func (e *DecodeError) Error() string {
	where := ""
	if e.Path != "" {
		where = e.Path + ": "
	}
	return "json: " + where + e.Msg + " (offset " + strconv.Itoa(e.Offset) + ")"
}

// jsonDecodable is a generated type that reads itself from a jsonReader.
// decodeJSON returns false when the value was null (and left v as it was)
// or did not fit.
type jsonDecodable interface {
	decodeJSON(d *jsonReader) bool
}

// newJSONReader returns a reader of text; check makes it strict.
func newJSONReader(text string, check *validator) *jsonReader {
	d := &jsonReader{src: text, check: check}
	d.at = d.atBase[:0]
	return d
}

// newJSONReaderAt is newJSONReader for a value that stands at p, so that
// what a strict reader reports is named from the top: where[0].attribute.
func newJSONReaderAt(text string, check *validator, p *path) *jsonReader {
	d := newJSONReader(text, check)
	for q := p; q != nil; q = q.parent {
		d.at = append(d.at, path{name: q.name, index: q.index, kind: q.kind})
	}
	slices.Reverse(d.at)
	return d
}

// newBodyReader is newJSONReader for a whole HTTP body, which may start
// with a byte order mark: RFC 8259 lets a reader skip one, and some
// Windows tools write one before a body, which encoding/json refuses as
// an invalid character. JSON text within a body (a raw value, a value a
// union retries) may not start with one, so other readers keep it.
func newBodyReader(body []byte, check *validator) *jsonReader {
	d := newJSONReader(string(body), check)
	if len(body) >= 3 && string(body[:3]) == "\ufeff" {
		d.pos = 3
	}
	return d
}

// retry returns a reader of text, a value d is at, for union to try one
// of its variants on, or nil when union is trying the same text further
// out already: a union whose variants hold it again (U1: oneOf [U2,
// string], U2: oneOf [U1, string]) would try it for ever, without reading
// a byte, until the stack ran out.
func (d *jsonReader) retry(union, text string) *jsonReader {
	for r := d; r != nil; r = r.outer {
		if r.retried == union && r.src == text {
			return nil
		}
	}
	sub := newJSONReader(text, nil)
	sub.retried, sub.outer = union, d
	return sub
}

// unmarshalJSON decodes data into v leniently: the entry point of the
// generated UnmarshalJSON methods and of the client.
func unmarshalJSON(data []byte, v jsonDecodable) error {
	return decodeAll(newJSONReader(string(data), nil), v)
}

// decodeAll decodes d's whole text into v.
func decodeAll(d *jsonReader, v jsonDecodable) error {
	v.decodeJSON(d)
	return d.finish()
}

// where renders the reader's position as a JSON path, such as "scope[2]".
func (d *jsonReader) where() string { return pathText(d.at) }

// finish checks that only white space follows the value and returns the
// first error.
func (d *jsonReader) finish() error {
	if d.err == nil {
		d.space()
		if d.pos < len(d.src) {
			d.syntax("invalid character " + quoteChar(d.src[d.pos]) + " after top-level value")
		}
	}
	return d.err
}

// syntax records a syntax error at the current offset.
func (d *jsonReader) syntax(msg string) {
	if d.err == nil {
		d.err = &DecodeError{Offset: d.pos, Msg: msg}
	}
}

// eof records that the input ended inside a value.
func (d *jsonReader) eof() { d.syntax("unexpected end of JSON input") }

func (d *jsonReader) space() {
	for d.pos < len(d.src) {
		switch d.src[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// peek skips white space and returns the next byte, or 0 (with an error)
// at the end of the input or after an error.
func (d *jsonReader) peek() byte {
	if d.err != nil {
		return 0
	}
	d.space()
	if d.pos >= len(d.src) {
		d.eof()
		return 0
	}
	return d.src[d.pos]
}

// literal consumes the keyword word (true, false or null) at d.pos.
func (d *jsonReader) literal(word string) bool {
	end := d.pos + len(word)
	if end <= len(d.src) && d.src[d.pos:end] == word {
		d.pos = end
		return true
	}
	for i := 0; i < len(word); i++ {
		if d.pos+i >= len(d.src) {
			d.pos += i
			d.eof()
			return false
		}
		if d.src[d.pos+i] != word[i] {
			d.pos += i
			d.syntax("invalid character " + quoteChar(d.src[d.pos]) + " in literal " + word + " (expecting " + quoteChar(word[i]) + ")")
			return false
		}
	}
	return false
}

// nullValue consumes the null at d.pos where the schema does not allow
// one: a strict reader reports it; a lenient one leaves the value as it was,
// as encoding/json does. (Where null is allowed, decoding goes through
// decodeNullable, which takes the null first.)
func (d *jsonReader) nullValue() {
	if d.literal("null") && d.check != nil {
		d.refuse("must not be null")
	}
}

// absentNull consumes a null where the value may be absent but not null (an
// optional union, or an optional property held through a pointer because
// its type holds itself) and reports whether there was one: a lenient
// reader takes it as absent, a strict one refuses it, as nullValue does.
func (d *jsonReader) absentNull() bool {
	if d.peek() != 'n' {
		return false
	}
	d.nullValue()
	return true
}

// refuse records, on a strict reader, that the value where the reader is
// does not fit, and marks its path so that the checks of the zero left in
// its place stay quiet.
func (d *jsonReader) refuse(msg string) {
	where := d.where()
	d.check.violations = append(d.check.violations, Violation{Path: where, Message: msg})
	d.check.rejected = append(d.check.rejected, where)
}

// null consumes a JSON null if one comes next.
func (d *jsonReader) null() bool {
	if d.peek() == 'n' {
		return d.literal("null")
	}
	return false
}

// mismatch handles a value that is not the want the schema asks for
// ("an object", "a string" …): a syntax error if it is no JSON value at
// all; otherwise, strictly, a violation where the reader is with the value
// skipped, and leniently an error that stops decoding.
func (d *jsonReader) mismatch(want string) {
	if d.err != nil {
		return
	}
	got := jsonKind(d.src[d.pos])
	if got == "" {
		d.syntax("invalid character " + quoteChar(d.src[d.pos]) + " looking for beginning of value")
		return
	}
	d.reject("must be " + want + ", not " + got)
}

// reject handles a well-formed value at d.pos that does not fit: it is
// reported to check (and skipped) or becomes the error.
func (d *jsonReader) reject(msg string) {
	if d.err != nil {
		return
	}
	if d.check != nil {
		start := len(d.check.violations)
		d.refuse(msg)
		d.skip()
		if d.err != nil { // the value itself was malformed: that is the answer
			d.check.violations = d.check.violations[:start]
		}
		return
	}
	d.err = &DecodeError{Offset: d.pos, Path: d.where(), Msg: msg}
}

// jsonKind names the kind of value that starts with c, or "" if none does.
func jsonKind(c byte) string {
	switch {
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == '"':
		return "a string"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	case c == '-' || (c >= '0' && c <= '9'):
		return "a number"
	}
	return ""
}

// quoteChar renders a byte for a syntax error message.
func quoteChar(c byte) string {
	switch c {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	if c < 0x20 || c >= 0x7f {
		q := strconv.Quote(string(rune(c)))
		return "'" + q[1:len(q)-1] + "'"
	}
	return "'" + string(rune(c)) + "'"
}

// beginObject enters the object at d.pos, whose keys are property names.
// It returns false for null (consumed) and for anything else, which is
// handled as a mismatch.
func (d *jsonReader) beginObject() bool {
	switch d.peek() {
	case '{':
		return d.enter(fieldSegment)
	case 'n':
		d.nullValue()
	default:
		d.mismatch("an object")
	}
	return false
}

// beginArray enters the array at d.pos, like beginObject.
func (d *jsonReader) beginArray() bool {
	switch d.peek() {
	case '[':
		return d.enter(indexSegment)
	case 'n':
		d.nullValue()
	default:
		d.mismatch("an array")
	}
	return false
}

// enter consumes '{' or '[' and notes the new level in d.at: its members
// are named as kind says.
func (d *jsonReader) enter(kind pathKind) bool {
	d.depth++
	if d.depth > maxJSONDepth {
		d.syntax("exceeded max depth")
		return false
	}
	d.pos++
	d.opened = true
	d.at = append(d.at, path{kind: kind, index: -1})
	return true
}

// leave consumes '}' or ']'.
func (d *jsonReader) leave() {
	d.pos++
	d.depth--
	d.opened = false
	d.at = d.at[:len(d.at)-1]
}

// nextKey moves to the next member of the object being read, reading its
// key into d.key and the colon after it. It returns false, having consumed
// the closing brace, when the object ends (or on a syntax error).
func (d *jsonReader) nextKey() bool {
	c := d.peek()
	if c == '}' {
		d.leave()
		return false
	}
	if !d.opened {
		if c != ',' {
			if d.err == nil {
				d.syntax("invalid character " + quoteChar(c) + " after object key:value pair")
			}
			return false
		}
		d.pos++
		c = d.peek()
	}
	d.opened = false
	if c != '"' {
		if d.err == nil {
			d.syntax("invalid character " + quoteChar(c) + " looking for beginning of object key string")
		}
		return false
	}
	key, ok := d.str()
	if !ok {
		return false
	}
	if d.peek() != ':' {
		if d.err == nil {
			d.syntax("invalid character " + quoteChar(d.src[d.pos]) + " after object key")
		}
		return false
	}
	d.pos++
	d.key = key
	d.at[len(d.at)-1].name = key
	return true
}

// nextItem moves to the next element of the array being read. It returns
// false, having consumed the closing bracket, when the array ends.
func (d *jsonReader) nextItem() bool {
	c := d.peek()
	if c == ']' {
		d.leave()
		return false
	}
	if !d.opened {
		if c != ',' {
			if d.err == nil {
				d.syntax("invalid character " + quoteChar(c) + " after array element")
			}
			return false
		}
		d.pos++
		if d.peek() == ']' {
			d.syntax("invalid character ']' looking for beginning of value")
			return false
		}
	}
	d.opened = false
	d.at[len(d.at)-1].index++
	return d.err == nil
}

// str reads the string at d.pos (which is '"'). A string without escapes
// and with valid UTF-8 is a substring of src; any other is unescaped, with
// invalid UTF-8 and lone surrogates replaced by U+FFFD as encoding/json does.
func (d *jsonReader) str() (string, bool) {
	s := d.src
	for i := d.pos + 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			out := s[d.pos+1 : i]
			d.pos = i + 1
			return out, true
		case c == '\\' || c < 0x20 || c >= utf8.RuneSelf:
			return d.slowStr(i)
		}
	}
	d.pos = len(s)
	d.eof()
	return "", false
}

// slowStr finishes a string from offset i, the first byte that is not
// plain ASCII.
func (d *jsonReader) slowStr(i int) (string, bool) {
	s := d.src
	start := d.pos + 1
	buf := append(d.scratch[:0], s[start:i]...)
	copied := false // whether the result differs from the source text
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"':
			d.pos = i + 1
			d.scratch = buf[:0]
			if !copied {
				return s[start:i], true
			}
			return string(buf), true
		case c < 0x20:
			d.pos = i
			d.syntax("invalid character " + quoteChar(c) + " in string literal")
			return "", false
		case c == '\\':
			copied = true
			if i+1 >= len(s) {
				d.pos = len(s)
				d.eof()
				return "", false
			}
			switch e := s[i+1]; e {
			case '"', '\\', '/':
				buf = append(buf, e)
				i += 2
			case 'b':
				buf = append(buf, '\b')
				i += 2
			case 'f':
				buf = append(buf, '\f')
				i += 2
			case 'n':
				buf = append(buf, '\n')
				i += 2
			case 'r':
				buf = append(buf, '\r')
				i += 2
			case 't':
				buf = append(buf, '\t')
				i += 2
			case 'u':
				r, ok := d.hex4(i + 2)
				if !ok {
					return "", false
				}
				i += 6
				if utf16.IsSurrogate(r) {
					r2, ok2 := rune(-1), false
					if i+1 < len(s) && s[i] == '\\' && s[i+1] == 'u' {
						r2, ok2 = d.hex4(i + 2)
						if !ok2 {
							return "", false
						}
					}
					if dec := utf16.DecodeRune(r, r2); ok2 && dec != utf8.RuneError {
						r = dec
						i += 6
					} else {
						r = utf8.RuneError
					}
				}
				buf = utf8.AppendRune(buf, r)
			default:
				d.pos = i + 1
				d.syntax("invalid character " + quoteChar(e) + " in string escape code")
				return "", false
			}
		case c < utf8.RuneSelf:
			buf = append(buf, c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				copied = true
				buf = utf8.AppendRune(buf, utf8.RuneError)
			} else {
				buf = append(buf, s[i:i+size]...)
			}
			i += size
		}
	}
	d.pos = len(s)
	d.eof()
	return "", false
}

// hex4 reads the four hex digits of a \u escape at offset i.
func (d *jsonReader) hex4(i int) (rune, bool) {
	var r rune
	for j := i; j < i+4; j++ {
		if j >= len(d.src) {
			d.pos = len(d.src)
			d.eof()
			return 0, false
		}
		c := d.src[j]
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			d.pos = j
			d.syntax("invalid character " + quoteChar(c) + " in \\u hexadecimal character escape")
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// number scans the JSON number at d.pos and returns its text.
func (d *jsonReader) number() (string, bool) {
	s, i := d.src, d.pos
	if i < len(s) && s[i] == '-' {
		i++
	}
	if i < len(s) && s[i] == '0' {
		i++
	} else if i = d.digits(i); i < 0 {
		return "", false
	}
	if i < len(s) && s[i] == '.' {
		if i = d.digits(i + 1); i < 0 {
			return "", false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i = d.digits(i); i < 0 {
			return "", false
		}
	}
	text := s[d.pos:i]
	d.pos = i
	return text, true
}

// digits scans one or more digits from offset i and returns the offset
// after them, or -1 (with a syntax error) when there is none.
func (d *jsonReader) digits(i int) int {
	s, start := d.src, i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > start {
		return i
	}
	d.pos = i
	if i >= len(s) {
		d.eof()
	} else {
		d.syntax("invalid character " + quoteChar(s[i]) + " in numeric literal")
	}
	return -1
}

// skip consumes one value of any kind, checking its syntax.
func (d *jsonReader) skip() {
	switch c := d.peek(); {
	case c == '"':
		d.skipStr()
	case c == '{':
		if !d.enter(fieldSegment) {
			return
		}
		for d.nextKeyRaw() {
			d.skip()
		}
	case c == '[':
		if !d.enter(indexSegment) {
			return
		}
		for d.nextItem() {
			d.skip()
		}
	case c == 't':
		d.literal("true")
	case c == 'f':
		d.literal("false")
	case c == 'n':
		d.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		d.number()
	case d.err == nil:
		d.syntax("invalid character " + quoteChar(c) + " looking for beginning of value")
	}
}

// nextKeyRaw is nextKey for skipping: the key is checked, not kept.
func (d *jsonReader) nextKeyRaw() bool {
	saved := d.key
	ok := d.nextKey()
	d.key = saved
	return ok
}

// skipStr consumes a string, checking it without building it.
func (d *jsonReader) skipStr() {
	s := d.src
	for i := d.pos + 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			d.pos = i + 1
			return
		case c == '\\' || c < 0x20:
			d.str() // rare: let the full reader check the escapes
			return
		}
	}
	d.pos = len(s)
	d.eof()
}

// raw consumes one value and returns its text.
func (d *jsonReader) raw() string {
	d.space()
	start := d.pos
	d.skip()
	if d.err != nil {
		return ""
	}
	return d.src[start:d.pos]
}

// unknown skips the value of an undeclared property; a strict reader
// reports it when the object is closed to such properties.
func (d *jsonReader) unknown(closed bool) {
	if closed && d.check != nil {
		top := &d.at[len(d.at)-1]
		top.kind = keySegment // an undeclared key is quoted when it is odd
		d.reject("unknown property")
		d.at[len(d.at)-1].kind = fieldSegment // skipping may have moved d.at
		return
	}
	d.skip()
}

// keep stores the value of an undeclared property, as raw JSON, in extra.
func (d *jsonReader) keep(extra *map[string]json.RawMessage) {
	key := d.key
	text := d.raw()
	if d.err != nil {
		return
	}
	if *extra == nil {
		*extra = make(map[string]json.RawMessage)
	}
	(*extra)[key] = json.RawMessage(text)
}

// missing reports, on a strict reader, the required properties of the
// object just read whose bit in seen is clear: names[i] is bit i. Like
// validator.absent, it marks their paths so that the checks of the zero
// values left there stay quiet. On any reader it sets lacking.
func (d *jsonReader) missing(seen uint64, names ...string) {
	if all := uint64(1)<<len(names) - 1; seen&all != all {
		d.lacking = true
	}
	if d.check == nil || d.err != nil {
		return
	}
	for i, name := range names {
		if seen&(1<<i) == 0 {
			d.at = append(d.at, path{name: name, kind: fieldSegment})
			where := d.where()
			d.check.violations = append(d.check.violations, Violation{Path: where, Message: "is required"})
			d.check.rejected = append(d.check.rejected, where)
			d.at = d.at[:len(d.at)-1]
		}
	}
}

// decodeString reads a string into dst. Like every decodeX function, it
// returns false for null, leaving dst as it was, and for a mismatch.
func decodeString(dst *string, d *jsonReader) bool {
	switch d.peek() {
	case '"':
		s, ok := d.str()
		if ok {
			*dst = s
		}
		return ok
	case 'n':
		d.nullValue()
	default:
		d.mismatch("a string")
	}
	return false
}

// decodeBool reads true or false into dst.
func decodeBool(dst *bool, d *jsonReader) bool {
	switch d.peek() {
	case 't':
		if d.literal("true") {
			*dst = true
			return true
		}
	case 'f':
		if d.literal("false") {
			*dst = false
			return true
		}
	case 'n':
		d.nullValue()
	default:
		d.mismatch("a boolean")
	}
	return false
}

// numberText reads the number at d.pos, or handles null and mismatches.
func (d *jsonReader) numberText(want string) (string, bool) {
	switch c := d.peek(); {
	case c == '-' || (c >= '0' && c <= '9'):
		return d.number()
	case c == 'n':
		d.nullValue()
	default:
		d.mismatch(want)
	}
	return "", false
}

// decodeInt64 reads an integer into dst, exactly: a fraction, an exponent
// or a value beyond int64 is a mismatch, as it is for encoding/json.
func decodeInt64(dst *int64, d *jsonReader) bool {
	start := d.pos
	text, ok := d.numberText("an integer")
	if !ok {
		return false
	}
	if n, ok := parseSmallInt(text); ok {
		*dst = n
		return true
	}
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		want := "an integer"
		if err.(*strconv.NumError).Err == strconv.ErrRange {
			want = "a 64-bit integer" // a whole number beyond int64, such as a big uint64
		}
		d.pos = start
		d.space()
		d.reject("must be " + want + ", not " + text)
		return false
	}
	*dst = n
	return true
}

// parseSmallInt parses up to 18 digits, with an optional minus sign, which
// cannot overflow int64.
func parseSmallInt(text string) (int64, bool) {
	neg := len(text) > 0 && text[0] == '-'
	digits := text
	if neg {
		digits = text[1:]
	}
	if len(digits) == 0 || len(digits) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// decodeInt32 reads an integer that fits in int32 into dst.
func decodeInt32(dst *int32, d *jsonReader) bool {
	start := d.pos
	var n int64
	if !decodeInt64(&n, d) {
		return false
	}
	if n < -1<<31 || n > 1<<31-1 {
		d.pos = start
		d.space()
		text, _ := d.number()
		d.pos = start
		d.space()
		d.reject("must be " + "a 32-bit integer" + ", not " + text)
		return false
	}
	*dst = int32(n)
	return true
}

// decodeFloat64 reads a number into dst; one beyond float64's range is a
// mismatch, as it is for encoding/json.
func decodeFloat64(dst *float64, d *jsonReader) bool {
	return decodeFloat(dst, d, 64)
}

// decodeFloat32 reads a number that fits in float32 into dst.
func decodeFloat32(dst *float32, d *jsonReader) bool {
	var f float64
	if !decodeFloat(&f, d, 32) {
		return false
	}
	*dst = float32(f)
	return true
}

func decodeFloat(dst *float64, d *jsonReader, bits int) bool {
	start := d.pos
	text, ok := d.numberText("a number")
	if !ok {
		return false
	}
	f, err := strconv.ParseFloat(text, bits)
	if err != nil {
		d.pos = start
		d.space()
		d.reject("must be " + "a number in range" + ", not " + text)
		return false
	}
	*dst = f
	return true
}

// decodeTime reads an RFC 3339 date-time string into dst with time.Time's
// own UnmarshalJSON, which takes the string as it is written, escapes and
// all, exactly as encoding/json hands it over.
func decodeTime(dst *time.Time, d *jsonReader) bool {
	switch d.peek() {
	case '"':
		start := d.pos
		s, ok := d.str()
		if !ok {
			return false
		}
		var t time.Time
		if err := t.UnmarshalJSON([]byte(d.src[start:d.pos])); err != nil {
			d.pos = start
			d.reject("must be an RFC 3339 date-time, not " + strconv.Quote(s))
			return false
		}
		*dst = t
		return true
	case 'n':
		d.nullValue()
	default:
		d.mismatch("a date-time string")
	}
	return false
}

// decodeRawJSON keeps any value, as its text, in dst; null becomes nil.
func decodeRawJSON(dst *json.RawMessage, d *jsonReader) bool {
	if d.peek() == 'n' {
		d.literal("null")
		*dst = nil
		return false
	}
	text := d.raw()
	if d.err != nil {
		return false
	}
	*dst = append((*dst)[:0], text...)
	return true
}

// decodeExternal reads a value of a type named by x-go-type through
// encoding/json: the generator knows nothing of its shape.
func decodeExternal[T any](dst *T, d *jsonReader) bool {
	return decodeWithJSON(dst, d)
}

// decodeWithJSON reads one value into dst with encoding/json, for types
// the generator knows nothing of.
func decodeWithJSON(dst any, d *jsonReader) bool {
	start := d.pos
	text := d.raw()
	if d.err != nil {
		return false
	}
	if err := json.Unmarshal([]byte(text), dst); err != nil {
		d.pos = start
		d.space()
		d.reject("does not fit: " + err.Error())
		return false
	}
	return text != "null"
}

// decodeArray reads a JSON array into dst, with elem decoding each element;
// null sets dst to nil.
func decodeArray[E any](dst *[]E, d *jsonReader, elem func(*E, *jsonReader) bool) bool {
	if d.peek() == 'n' {
		d.nullValue()
		*dst = nil
		return false
	}
	if !d.beginArray() {
		return false
	}
	// Reuse the slice's room, as encoding/json does (which matters only
	// when a key comes twice); else start with room for a few elements.
	s := (*dst)[:0]
	for d.nextItem() {
		switch {
		case len(s) < cap(s):
			s = s[:len(s)+1]
		case cap(s) == 0:
			s = make([]E, 1, 4)
		default:
			var zero E
			s = append(s, zero)
		}
		elem(&s[len(s)-1], d)
	}
	if len(s) == 0 {
		s = []E{} // empty, not nil; and no room left to reuse
	}
	*dst = s
	return true
}

// decodeMap reads a JSON object into dst with elem decoding each value.
// null sets dst to nil; keys are added to an existing map.
func decodeMap[V any](dst *map[string]V, d *jsonReader, elem func(*V, *jsonReader) bool) bool {
	if d.peek() == 'n' {
		d.nullValue()
		*dst = nil
		return false
	}
	if d.peek() != '{' {
		d.mismatch("an object")
		return false
	}
	if !d.enter(keySegment) {
		return false
	}
	if *dst == nil {
		*dst = make(map[string]V)
	}
	for d.nextKey() {
		key := d.key
		var v V
		elem(&v, d)
		(*dst)[key] = v
	}
	return true
}

// decodeNullable reads a value that may be null into dst, afresh: what a
// repeated key held before is gone, as it is for Nullable's UnmarshalJSON.
func decodeNullable[T any](dst *Nullable[T], d *jsonReader, elem func(*T, *jsonReader) bool) bool {
	var v T
	if !d.null() && elem(&v, d) {
		*dst = Nullable[T]{Value: v, Set: true}
	} else {
		*dst = Nullable[T]{Set: true, Null: true}
	}
	return true
}
