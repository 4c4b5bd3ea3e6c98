package templates

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// objectVariant describes one object-shaped member of a oneOf or anyOf, as
// far as choosing between members needs: its declared properties, which of
// them are required, whether it forbids other properties, and the
// properties that hold one string only.
type objectVariant struct {
	properties []string
	required   []string
	closed     bool
	consts     []constProperty
	nested     []nestedConst
}

// constProperty is a property that holds one string only, such as
// "type": "ACTIVECAMPAIGN", which tells apart variants with the same keys.
type constProperty struct {
	key, value string
}

// nestedConst is a constProperty of the object in property in, for
// variants told apart only one level down, such as Auth0's event streams
// by "destination": {"type": "action"}.
type nestedConst struct {
	in, key, value string
}

// chooseObject returns the index of the variant that fits the keys of the
// JSON object at d.pos best, or -1 when none can hold it, reading ahead
// without consuming the object (a syntax error is left in d.err). A variant
// is out when a required key is missing, when a property it holds one
// string in has another, or, if it is closed, when the object has a key it
// does not declare. Among the rest, the one that declares more of the
// object's keys wins; on a tie, the one with fewer declared properties (the
// tighter fit); then the earlier one. When that leaves none, a client may
// be reading a newer server: strings no variant expects are let through,
// then keys no variant declares are ignored, for an object that otherwise
// fits one variant and mixes in no other's keys (the chosen variant's
// validation still reports what does not fit it).
func (d *jsonReader) chooseObject(variants []objectVariant) int {
	var buf [32]string
	var constBuf [4]constProperty
	keys, values, ok := d.objectKeys(buf[:0], constBuf[:0], variants)
	if !ok {
		return -1
	}
	if best := bestObjectVariant(keys, values, variants); best >= 0 {
		return best
	}
	if len(values) > 0 {
		if best := bestObjectVariant(keys, nil, variants); best >= 0 {
			return best
		}
	}
	// No variant takes every key. Keys that no variant declares may be new
	// properties from a newer server: ignore them, but only for an object
	// that otherwise fits one variant and mixes in no other's keys.
	known := keys[:0]
	for _, key := range keys {
		for _, v := range variants {
			if slices.Contains(v.properties, key) {
				known = append(known, key)
				break
			}
		}
	}
	if len(known) == 0 {
		return -1
	}
	return bestObjectVariant(known, nil, variants)
}

// objectKeys appends the distinct keys of the object at d.pos to keys, and
// to values the string values of the keys some variant holds one string
// in, reading ahead without consuming it. It returns false on a syntax
// error (left in d.err) or when the value is not an object.
func (d *jsonReader) objectKeys(keys []string, values []constProperty, variants []objectVariant) ([]string, []constProperty, bool) {
	ahead, ok := d.lookAhead()
	if !ok {
		return keys, values, false
	}
	anyConsts := slices.ContainsFunc(variants, func(v objectVariant) bool { return len(v.consts) > 0 })
	anyNested := slices.ContainsFunc(variants, func(v objectVariant) bool { return len(v.nested) > 0 })
	for ahead.nextKey() {
		if !slices.Contains(keys, ahead.key) {
			keys = append(keys, ahead.key)
		}
		if anyConsts && ahead.peek() == '"' && isConstKey(variants, ahead.key) {
			key := ahead.key
			if value, ok := ahead.str(); ok {
				values = append(values, constProperty{key, value})
			}
			continue
		}
		if anyNested && ahead.peek() == '{' && isNestedKey(variants, ahead.key, "") {
			// Its const-like strings go in values as "in.key".
			in := ahead.key
			inner, ok := ahead.lookAhead()
			for ok && inner.nextKey() {
				if inner.peek() == '"' && isNestedKey(variants, in, inner.key) {
					key := inner.key
					if value, ok := inner.str(); ok {
						values = append(values, constProperty{in + "." + key, value})
					}
					continue
				}
				inner.skip()
			}
		}
		ahead.skip()
	}
	d.err = ahead.err
	return keys, values, d.err == nil
}

// isNestedKey reports whether some variant holds one string in key of the
// object in property in; any key when key is "".
func isNestedKey(variants []objectVariant, in, key string) bool {
	for _, v := range variants {
		for _, c := range v.nested {
			if c.in == in && (key == "" || c.key == key) {
				return true
			}
		}
	}
	return false
}

// isConstKey reports whether some variant holds one string in key.
func isConstKey(variants []objectVariant, key string) bool {
	for _, v := range variants {
		for _, c := range v.consts {
			if c.key == key {
				return true
			}
		}
	}
	return false
}

// lookAhead returns a copy of d that has entered the object at d.pos, to
// read ahead without consuming it, and whether there is one; a syntax
// error on the way in is passed back to d.
func (d *jsonReader) lookAhead() (jsonReader, bool) {
	ahead := *d
	ahead.at = nil // keep d's path as it is
	if ahead.peek() != '{' || !ahead.enter(fieldSegment) {
		d.err = ahead.err
		return ahead, false
	}
	return ahead, true
}

// discriminator returns the string value of the property name in the
// object at d.pos, reading ahead without consuming it; "" when it has none.
func (d *jsonReader) discriminator(name string) string {
	ahead, ok := d.lookAhead()
	if !ok {
		return ""
	}
	tag := ""
	for ahead.nextKey() {
		if ahead.key == name && ahead.peek() == '"' {
			tag, _ = ahead.str()
			continue
		}
		ahead.skip()
	}
	d.err = ahead.err
	return tag
}

// unknownTag handles an object whose discriminator property (name) names
// none of a union's variants: tag is its value, "" when it has none.
//
// A lenient reader (a client's, or UnmarshalJSON) keeps a copy of the
// object's text in *unknown and reports true, when tag is not "": most
// likely the variant was added to the API after the code was generated,
// and one such item should not fail a whole answer. Without a tag, it is
// noVariant's *UnionError.
//
// A strict reader reports the object at that property, as missing or as
// not one of tags (the values that name a variant, as JSON writes them),
// and skips it, rejecting its path as noVariant does.
func (d *jsonReader) unknownTag(typeName, name, tag, tags string, unknown *string) bool {
	if d.err != nil {
		return false
	}
	if d.check == nil {
		if tag == "" {
			d.noVariant(typeName, "object")
			return false
		}
		raw := d.raw()
		if d.err != nil {
			return false
		}
		*unknown = strings.Clone(raw) // not a view that would keep the whole input alive
		return true
	}
	msg := "is required: it tells which of " + typeName + "'s variants the object is"
	if ahead, ok := d.lookAhead(); ok {
		for ahead.nextKey() {
			if ahead.key == name {
				msg = "value " + ahead.raw() + " is not one of " + tags
				break
			}
			ahead.skip()
		}
	}
	where := d.where()
	d.at = append(d.at, path{name: name, kind: fieldSegment})
	d.check.violations = append(d.check.violations, Violation{Path: d.where(), Message: msg})
	d.at = d.at[:len(d.at)-1]
	d.check.rejected = append(d.check.rejected, where)
	d.skip()
	return false
}

// unknownVariant writes a union that holds none of its variants: the
// object a lenient reader kept (see unknownTag), without its white space,
// or, when there is none ("", always for a union without a discriminator),
// null and an error, since the union is empty.
func (w *jsonWriter) unknownVariant(typeName, unknown string) {
	if unknown == "" || !w.compact(unknown) {
		w.fail(errors.New(typeName + ": no variant is set"))
		w.null()
	}
}

// rawNotNull reports raw, a union's variant of raw JSON (a member that
// allows any value), when it is null or nil, which encodes as null: null
// chooses no variant, so the server would refuse it.
func (v *validator) rawNotNull(p *path, raw []byte) {
	if text := strings.TrimSpace(string(raw)); text == "" || text == "null" {
		v.report(p, "must be a value, not null")
	}
}

// noVariant reports a union that holds none of its variants: empty
// (unknown is ""), or holding an object a lenient reader kept (see
// unknownTag), which the spec does not allow either.
func (v *validator) noVariant(p *path, typeName, unknown string) {
	if unknown != "" {
		v.report(p, "is an object whose discriminator names none of the variants of "+typeName+" (kept as it was read)")
		return
	}
	v.report(p, "no variant of "+typeName+" is set")
}

// noVariant handles a value that fits none of a union's variants: a
// violation on a strict reader (the value skipped), else a *UnionError that
// stops decoding. want lists the shapes the variants take.
func (d *jsonReader) noVariant(typeName, want string) {
	if d.err != nil {
		return
	}
	got := jsonKind(d.src[d.pos])
	if got == "" {
		d.mismatch(want)
		return
	}
	if d.check != nil {
		d.reject("matches none of the variants of " + typeName + " (want " + want + ")")
		return
	}
	shape := got
	if _, kind, ok := strings.Cut(got, " "); ok {
		shape = kind
	}
	d.err = &UnionError{Type: typeName, Shape: shape, Want: want}
}

// bestObjectVariant scores the variants against the keys present and the
// string values read of their const-like properties (nil to ignore those).
func bestObjectVariant(keys []string, values []constProperty, variants []objectVariant) int {
	best, bestMatched := -1, -1
	for i, v := range variants {
		matched, fits := 0, true
		for _, c := range v.consts {
			for _, got := range values {
				if got.key == c.key && got.value != c.value {
					fits = false
				}
			}
		}
		for _, c := range v.nested {
			for _, got := range values {
				if got.key == c.in+"."+c.key && got.value != c.value {
					fits = false
				}
			}
		}
		for _, key := range keys {
			if slices.Contains(v.properties, key) {
				matched++
			} else if v.closed {
				fits = false
				break
			}
		}
		for _, r := range v.required {
			if !slices.Contains(keys, r) {
				fits = false
				break
			}
		}
		if !fits {
			continue
		}
		if best < 0 || matched > bestMatched ||
			(matched == bestMatched && len(v.properties) < len(variants[best].properties)) {
			best, bestMatched = i, matched
		}
	}
	return best
}

// UnionError reports JSON that fits none of a union's variants.
type UnionError struct {
	Type  string // the Go type being decoded
	Shape string // the JSON shape that was found
	Want  string // the shapes the variants accept
}

// Error says which type could not hold which shape.
func (e *UnionError) Error() string {
	return fmt.Sprintf("%s: a JSON %s matches none of its variants (%s)", e.Type, e.Shape, e.Want)
}
