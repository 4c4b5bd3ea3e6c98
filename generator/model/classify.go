package model

import (
	"reflect"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"
)

// class is what Go construct a schema calls for.
type class int

const (
	classRaw    class = iota // no usable type: json.RawMessage
	classScalar              // string, number, integer or boolean
	classArray               // []T
	classMap                 // map[string]T
	classStruct              // properties, possibly merged from allOf
	classEnum                // enum or const
	classUnion               // oneOf or anyOf with two or more non-null members, or several types
	classSame                // stands for another schema: a lone allOf or non-null oneOf member
)

// nonNullTypes returns the schema's types other than "null".
func nonNullTypes(s *openapi3.Schema) []string {
	var out []string
	if s.Type != nil {
		for _, t := range s.Type.Slice() {
			if t != "null" {
				out = append(out, t)
			}
		}
	}
	return out
}

// isNull reports whether a schema admits only null.
func isNull(s *openapi3.Schema) bool {
	return s != nil && s.Type != nil && s.Type.Includes("null") && len(nonNullTypes(s)) == 0 &&
		len(s.Properties) == 0 && len(s.OneOf) == 0 && len(s.AnyOf) == 0 && len(s.AllOf) == 0
}

// nullable reports whether a schema admits null, in any of the three ways
// OpenAPI spells it: 3.0 `nullable: true`, a 3.1 type array with "null",
// or null among the enum values.
func nullable(s *openapi3.Schema) bool {
	if s.Nullable || (s.Type != nil && s.Type.Includes("null")) || slices.Contains(s.Enum, nil) {
		return true
	}
	for _, m := range unionMembers(s) {
		if m.Value != nil && isNull(m.Value) {
			return true
		}
	}
	for _, m := range s.AllOf {
		// allOf: [{nullable: true}, $ref], 3.0's way to let a $ref be null
		// (PandaScore's spec writes it 25 times).
		if documenting(m) && m.Value.Nullable {
			return true
		}
	}
	return false
}

// unionMembers returns the oneOf (or else anyOf) members of s.
func unionMembers(s *openapi3.Schema) openapi3.SchemaRefs {
	if len(s.OneOf) > 0 {
		return s.OneOf
	}
	return s.AnyOf
}

// nonNullMembers returns the union members that are not just null.
func nonNullMembers(s *openapi3.Schema) []*openapi3.SchemaRef {
	var out []*openapi3.SchemaRef
	for _, m := range unionMembers(s) {
		if m.Value != nil && !isNull(m.Value) && !repeatsRef(out, m) {
			out = append(out, m)
		}
	}
	if !slices.ContainsFunc(out, func(m *openapi3.SchemaRef) bool { return !documenting(m) }) {
		// Members that only describe options (ReadMe's examples write
		// {type: string, oneOf: [{description: one}, {description: two}]})
		// constrain nothing: the schema is what it says beside them.
		return nil
	}
	for i, m := range out {
		out[i] = inheritType(s, m)
	}
	return withoutHeldIntegers(out)
}

// withoutHeldIntegers leaves out the inline integer members beside a plain
// number member, which holds every integer: pydantic writes Python's
// float | int as anyOf [{type: number}, {type: integer}] (FastAPI's specs;
// 33 warnings in four directory specs), which had been a union of a float64
// and an int64 that decoding could not tell apart, where a number is meant.
// typeUnion does the same for a type array. A oneOf is read the same way,
// though JSON Schema's oneOf refuses an integer that both members match.
func withoutHeldIntegers(members []*openapi3.SchemaRef) []*openapi3.SchemaRef {
	if !slices.ContainsFunc(members, plainNumber) {
		return members
	}
	return slices.DeleteFunc(slices.Clone(members), func(m *openapi3.SchemaRef) bool {
		return m.Ref == "" && slices.Equal(nonNullTypes(m.Value), []string{"integer"})
	})
}

// plainNumber reports whether m is an inline number that takes every
// number: no keyword beside its type but documentation, and no format but
// double, which float64 is.
func plainNumber(m *openapi3.SchemaRef) bool {
	if m.Ref != "" || m.Value == nil || !slices.Equal(nonNullTypes(m.Value), []string{"number"}) || m.Value.Format != "" && m.Value.Format != "double" {
		return false
	}
	c := *m.Value
	c.Type, c.Format = nil, ""
	return documenting(&openapi3.SchemaRef{Value: &c})
}

// inheritType gives m, an inline member of s's oneOf or anyOf that names
// no type of its own, the one scalar type s names beside it: both apply to
// the same value, so Auth0's {type: string, anyOf: [{format: uuid, ...},
// {pattern: ...}]} is a union of two strings, not of two raw values.
func inheritType(s *openapi3.Schema, m *openapi3.SchemaRef) *openapi3.SchemaRef {
	if m.Ref != "" || m.Value == nil || (m.Value.Type != nil && len(*m.Value.Type) > 0) || s.Type == nil {
		return m
	}
	var scalar string
	for _, t := range *s.Type {
		switch t {
		case "null":
		case "string", "integer", "number", "boolean":
			if scalar != "" {
				return m
			}
			scalar = t
		default:
			return m
		}
	}
	if scalar == "" {
		return m
	}
	c := *m.Value
	c.Type = &openapi3.Types{scalar}
	return &openapi3.SchemaRef{Value: &c, Origin: m.Origin}
}

// repeatsRef reports whether m is a $ref that one of members already
// makes: stream-io's ChatEvent lists AnyEvent twice, once for each of its
// discriminator values, and one variant stands for both.
func repeatsRef(members []*openapi3.SchemaRef, m *openapi3.SchemaRef) bool {
	return m.Ref != "" && slices.ContainsFunc(members, func(o *openapi3.SchemaRef) bool { return o.Ref == m.Ref })
}

// classify decides which Go construct a schema becomes, and for classSame
// the schema it stands for.
func classify(s *openapi3.Schema) (class, *openapi3.SchemaRef) {
	if members := nonNullMembers(s); len(members) > 0 {
		if requiredAlternatives(s, members) {
			return classStruct, nil
		}
		if len(members) == 1 && len(s.Properties) == 0 {
			return classSame, members[0]
		}
		return classUnion, nil
	}
	// An enum of null alone ({type: string, nullable: true, enum: [null]})
	// lists no value of its type: it is that type, nullable.
	if slices.ContainsFunc(s.Enum, func(v any) bool { return v != nil }) || s.Const != nil {
		return classEnum, nil
	}
	if len(s.AllOf) > 0 {
		if typed := typedMembers(s.AllOf); len(typed) == 1 && len(s.Properties) == 0 && typed[0].Value != nil {
			return classSame, typed[0]
		}
		if allOfUnion(s) != nil {
			return classUnion, nil
		}
		if scalarType(s) != "" {
			return classScalar, nil
		}
		return classStruct, nil
	}
	types := nonNullTypes(s)
	if len(types) > 1 {
		u := typeUnion(s)
		switch {
		case anyValue(u):
			return classRaw, nil
		case len(u.AnyOf) == 1:
			return classSame, u.AnyOf[0]
		}
		return classUnion, nil
	}
	typ := ""
	if len(types) == 1 {
		typ = types[0]
	}
	switch {
	case typ == "array" || (typ == "" && s.Items != nil):
		return classArray, nil
	case typ == "object" || (typ == "" && (len(s.Properties) > 0 || s.AdditionalProperties.Schema != nil)):
		// An object without properties is a map, unless it admits no
		// property (additionalProperties false) or only some, by pattern:
		// a struct checks those.
		if closed := s.AdditionalProperties.Has != nil && !*s.AdditionalProperties.Has; len(s.Properties) == 0 && !closed && len(s.PatternProperties) == 0 {
			return classMap, nil
		}
		return classStruct, nil
	case typ == "string" || typ == "integer" || typ == "number" || typ == "boolean":
		return classScalar, nil
	}
	return classRaw, nil
}

// plainObject reports whether s, as written, is an object that is not a
// union, enum or anything else: one that says nothing of its type, or that
// it is an object. allOfUnion decides with it without classifying the
// members, which may refer back to the schema being classified.
func plainObject(s *openapi3.Schema) bool {
	types := nonNullTypes(s)
	return (len(types) == 0 || len(types) == 1 && types[0] == "object") && s.Items == nil &&
		len(unionMembers(s)) == 0 && len(s.Enum) == 0 && s.Const == nil
}

// requiredAlternatives reports whether the oneOf or anyOf members of s
// only name which of its properties are required, as JSON Schema writes
// "orgID or org": {properties: {orgID, org, ...}, oneOf: [{required:
// [orgID]}, {required: [org]}]}. Such a schema is one struct whose
// validation checks the alternatives (see Alternatives), not a union.
func requiredAlternatives(s *openapi3.Schema, members []*openapi3.SchemaRef) bool {
	if len(s.Properties) == 0 {
		return false
	}
	for _, m := range members {
		if m.Ref != "" || m.Value == nil || len(m.Value.Required) == 0 {
			return false
		}
		c := *m.Value
		c.Required, c.Title, c.Description, c.Extensions, c.Origin = nil, "", "", nil, nil
		if c.Type.Is(openapi3.TypeObject) {
			c.Type = nil
		}
		if !reflect.ValueOf(c).IsZero() {
			return false
		}
		for _, name := range m.Value.Required {
			if s.Properties[name] == nil {
				return false
			}
		}
	}
	return true
}

// alternatives splits the required names of a schema's members (see
// requiredAlternatives) into those every member requires, which are
// required as any other, and the alternatives left, nil when one of them
// is then empty and the schema an anyOf, which any value satisfies.
func alternatives(s *openapi3.Schema, members []*openapi3.SchemaRef) (common []string, alt *Alternatives) {
	for _, name := range members[0].Value.Required {
		if !slices.Contains(common, name) && !slices.ContainsFunc(members[1:], func(m *openapi3.SchemaRef) bool { return !slices.Contains(m.Value.Required, name) }) {
			common = append(common, name)
		}
	}
	alt = &Alternatives{Exactly: len(s.OneOf) > 0}
	for _, m := range members {
		var set []string
		for _, name := range m.Value.Required {
			if !slices.Contains(common, name) && !slices.Contains(set, name) {
				set = append(set, name)
			}
		}
		if len(set) == 0 && !alt.Exactly {
			return common, nil
		}
		alt.Sets = append(alt.Sets, set)
	}
	return common, alt
}

// typedMembers returns the allOf members that say something about the
// value, leaving out those that only document it: allOf [$ref: Tags,
// {description: The tags.}] is a Tags, as real specs use it to describe a
// property whose type is a $ref.
func typedMembers(members openapi3.SchemaRefs) openapi3.SchemaRefs {
	var out openapi3.SchemaRefs
	for _, m := range members {
		if !documenting(m) {
			out = append(out, m)
		}
	}
	return out
}

// documenting reports whether an allOf member only documents its schema:
// an inline schema holding nothing but a title, a description, examples,
// deprecated, external docs, extensions and xml (how the value is written
// as XML, which JSON does not use; AWS's specs put it beside every $ref),
// or 3.0's nullable, which nullable reads from such a member.
func documenting(m *openapi3.SchemaRef) bool {
	if m.Value == nil || m.Ref != "" {
		return false
	}
	c := *m.Value
	c.Title, c.Description, c.Example, c.Examples, c.Deprecated, c.ExternalDocs = "", "", nil, nil, false, nil
	c.XML, c.Nullable = nil, false
	c.Extensions, c.Origin = nil, nil
	return reflect.ValueOf(c).IsZero()
}

// scalarType returns the one scalar type that s and all its allOf members
// agree on ("string", "integer", ...), or "" when they do not: an allOf of
// strings is a string with every member's constraints.
func scalarType(s *openapi3.Schema) string {
	typ := ""
	agree := func(x *openapi3.Schema) bool {
		types := nonNullTypes(x)
		switch {
		case len(types) > 1 || len(x.Properties) > 0 || x.Items != nil:
			return false
		case len(types) == 0:
			return true
		case types[0] == "object" || types[0] == "array":
			return false
		case typ == "":
			typ = types[0]
		}
		return typ == types[0]
	}
	if !agree(s) {
		return ""
	}
	for _, m := range s.AllOf {
		if m.Value == nil || len(m.Value.OneOf)+len(m.Value.AnyOf) > 0 || !agree(m.Value) {
			return ""
		}
		for _, mm := range m.Value.AllOf {
			if mm.Value == nil || !agree(mm.Value) {
				return ""
			}
		}
	}
	return typ
}

// scalarBuiltin maps a scalar schema to its Go type.
func scalarBuiltin(s *openapi3.Schema) Builtin {
	types := nonNullTypes(s)
	typ := ""
	if len(types) == 1 {
		typ = types[0]
	} else if len(s.AllOf) > 0 {
		typ = scalarType(s)
	}
	switch typ {
	case "string":
		if s.Format == "date-time" {
			return Time
		}
		return String
	case "integer":
		if s.Format == "int32" {
			return Int32
		}
		return Int64
	case "number":
		if s.Format == "float" {
			return Float32
		}
		return Float64
	case "boolean":
		return Bool
	}
	return RawJSON
}

// objectLike reports whether an allOf member can merge into a struct: an
// object, a map, a schema that says nothing of its type, or one that is
// another of these (Azure's ProxyResource is allOf [Resource] with empty
// properties, so it is a Resource).
func objectLike(s *openapi3.Schema, depth int) bool {
	switch cls, same := classify(s); cls {
	case classStruct, classMap:
		return true
	case classRaw:
		return len(nonNullTypes(s)) == 0
	case classSame:
		return depth < 32 && same.Value != nil && objectLike(same.Value, depth+1)
	}
	return false
}
