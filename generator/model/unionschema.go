package model

import (
	"reflect"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"
)

// allOfUnion returns the union that an allOf stands for when one of its
// members is a oneOf or anyOf of objects and the others are objects:
// allOf [Base, {oneOf: [Cat, Dog]}] says what {allOf: [Base], oneOf:
// [Cat, Dog]} says, a union whose variants each merge Base (see
// declareUnion), where merging the members into one struct would lose the
// union. A member may be such an allOf itself. It returns nil for any
// other schema, and when two members are unions, whose product is not
// spelt out.
func allOfUnion(s *openapi3.Schema) *openapi3.Schema {
	u, _ := liftUnion(s, nil, map[*openapi3.Schema]*openapi3.Schema{})
	return u
}

// liftUnion is allOfUnion for a schema found inside the allOf members of
// those within. It reports whether it met one of those again: an allOf
// that goes round (A: allOf [B, {oneOf: ...}] with B: allOf [A, ...]) is
// not lifted, since each variant would merge the union again. done holds
// what it found for the schemas it has been through without going round,
// which does not depend on within: allOfs that share members (S3: allOf
// [S2, S1] with S2: allOf [S1, S0]) are gone through once each, not once
// per path to them.
func liftUnion(s *openapi3.Schema, within []*openapi3.Schema, done map[*openapi3.Schema]*openapi3.Schema) (lifted *openapi3.Schema, cyclic bool) {
	if len(s.AllOf) == 0 || len(unionMembers(s)) > 0 {
		return nil, false
	}
	if u, ok := done[s]; ok {
		return u, false
	}
	if len(within) > 32 || slices.Contains(within, s) {
		return nil, true
	}
	lifted, cyclic = liftMembers(s, append(within, s), done)
	if !cyclic {
		done[s] = lifted
	}
	return lifted, cyclic
}

// liftMembers is liftUnion's reading of s's allOf members, s last in
// within.
func liftMembers(s *openapi3.Schema, within []*openapi3.Schema, done map[*openapi3.Schema]*openapi3.Schema) (lifted *openapi3.Schema, cyclic bool) {
	var union *openapi3.Schema
	var rest openapi3.SchemaRefs // the members but the union, with what it shares in its place
	for _, m := range s.AllOf {
		if m.Value == nil {
			return nil, false
		}
		u := m.Value
		l, cyclic := liftUnion(u, within, done)
		if cyclic {
			return nil, true
		}
		if l != nil {
			u = l
		}
		members := nonNullMembers(u)
		switch {
		case documenting(m) || plainObject(u) || isMemberOf(s, u):
			// A union with s among its members says what s shares with
			// the other variants (Bird: allOf [Animal, ...] with Animal:
			// oneOf [Bird, Fish]); s is one of them, not a union.
			rest = append(rest, m)
		case len(members) == 1 && len(u.Properties) == 0 && plainObject(members[0].Value):
			rest = append(rest, m) // a lone member stands for itself
		case union == nil && len(members) > 0 && !requiredAlternatives(u, members) &&
			!slices.ContainsFunc(members, func(v *openapi3.SchemaRef) bool { return !plainObject(v.Value) }):
			union = u
			if shared := unionShared(u); shared != nil {
				rest = append(rest, shared)
			}
		default:
			return nil, false
		}
	}
	if union == nil {
		return nil, false
	}
	c := *s
	c.AllOf = rest
	c.OneOf, c.AnyOf = union.OneOf, union.AnyOf
	if c.Discriminator == nil {
		c.Discriminator = union.Discriminator
	}
	return &c, false
}

// unionSchema returns the schema of s's oneOf or anyOf: s itself, the
// union its allOf stands for (see allOfUnion), or the union its several
// types stand for (see typeUnion).
func unionSchema(s *openapi3.Schema) *openapi3.Schema {
	if u := allOfUnion(s); u != nil {
		return u
	}
	if severalTypes(s) {
		return typeUnion(s)
	}
	return s
}

// severalTypes reports whether s is a union by its types alone (see
// typeUnion): several besides null, and no oneOf, anyOf or allOf.
func severalTypes(s *openapi3.Schema) bool {
	return len(nonNullMembers(s)) == 0 && len(s.AllOf) == 0 && len(nonNullTypes(s)) > 1
}

// anyValue reports whether u, a typeUnion, takes any JSON value as it is:
// a member for every kind of value, none with a keyword beside its type,
// as specs write [boolean, number, string, array, object] to mean any
// value. Such a schema is raw JSON, as one without a type is.
func anyValue(u *openapi3.Schema) bool {
	kinds := map[string]bool{}
	for _, m := range u.AnyOf {
		bare := openapi3.Schema{Type: m.Value.Type, Origin: m.Value.Origin}
		if !reflect.DeepEqual(*m.Value, bare) {
			return false
		}
		kinds[m.Value.Type.Slice()[0]] = true
	}
	for _, kind := range []string{"boolean", "number", "string", "array", "object"} {
		if !kinds[kind] {
			return false
		}
	}
	return true
}

// typeUnion returns the union that a schema of several types stands for,
// with a member for each type that holds the keywords of that type: 3.1's
// {type: [string, integer], maxLength: 8, minimum: 0} is anyOf [{type:
// string, maxLength: 8}, {type: integer, minimum: 0}], since JSON Schema
// applies each keyword only to values of its own type. Such a schema had
// been kept as raw JSON, unchecked. integer is left out beside number,
// which holds it. A format goes to the type it is a format of: an
// integer's (int32, uint64, ...) to integer, float and double to number,
// any other to string.
// classify sends only schemas of several types, without oneOf, anyOf,
// allOf, enum or const, here.
func typeUnion(s *openapi3.Schema) *openapi3.Schema {
	types := nonNullTypes(s)
	if slices.Contains(types, "number") {
		types = slices.DeleteFunc(slices.Clone(types), func(t string) bool { return t == "integer" })
	}
	numericFormat := map[string]string{"float": "number", "double": "number"}
	for _, f := range []string{"int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64"} {
		numericFormat[f] = "integer"
	}
	u := &openapi3.Schema{Origin: s.Origin}
	seen := map[string]bool{}
	for _, t := range types {
		if seen[t] {
			continue
		}
		seen[t] = true
		m := &openapi3.Schema{Type: &openapi3.Types{t}, Origin: s.Origin}
		if f := numericFormat[s.Format]; f == t || f == "" && t == "string" || f == "integer" && t == "number" {
			m.Format = s.Format
		}
		switch t {
		case "string":
			m.MinLength, m.MaxLength, m.Pattern = s.MinLength, s.MaxLength, s.Pattern
			m.ContentMediaType, m.ContentEncoding = s.ContentMediaType, s.ContentEncoding
		case "integer", "number":
			m.Min, m.Max, m.ExclusiveMin, m.ExclusiveMax, m.MultipleOf = s.Min, s.Max, s.ExclusiveMin, s.ExclusiveMax, s.MultipleOf
		case "array":
			m.Items, m.MinItems, m.MaxItems, m.UniqueItems = s.Items, s.MinItems, s.MaxItems, s.UniqueItems
			m.Contains, m.MinContains, m.MaxContains = s.Contains, s.MinContains, s.MaxContains
			m.PrefixItems, m.UnevaluatedItems = s.PrefixItems, s.UnevaluatedItems
		case "object":
			m.Properties, m.Required, m.AdditionalProperties = s.Properties, s.Required, s.AdditionalProperties
			m.MinProps, m.MaxProps, m.PatternProperties = s.MinProps, s.MaxProps, s.PatternProperties
			m.PropertyNames, m.DependentRequired, m.DependentSchemas = s.PropertyNames, s.DependentRequired, s.DependentSchemas
			m.UnevaluatedProperties, m.Discriminator = s.UnevaluatedProperties, s.Discriminator
		}
		u.AnyOf = append(u.AnyOf, &openapi3.SchemaRef{Value: m})
	}
	return u
}
