package model

import (
	"cmp"
	"go/token"
	"path"
	"reflect"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/generator/load"
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
	classUnion               // oneOf or anyOf with two or more non-null members
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
	return out
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

// plainObject reports whether s, as written, is an object that is not a
// union, enum or anything else: one that says nothing of its type, or that
// it is an object. allOfUnion decides with it without classifying the
// members, which may refer back to the schema being classified.
func plainObject(s *openapi3.Schema) bool {
	types := nonNullTypes(s)
	return (len(types) == 0 || len(types) == 1 && types[0] == "object") && s.Items == nil &&
		len(unionMembers(s)) == 0 && len(s.Enum) == 0 && s.Const == nil
}

// unionSchema returns the schema of s's oneOf or anyOf: s itself, the
// union its allOf stands for (see allOfUnion), or the union its several
// types stand for (see typeUnion).
func unionSchema(s *openapi3.Schema) *openapi3.Schema {
	if u := allOfUnion(s); u != nil {
		return u
	}
	if len(nonNullMembers(s)) == 0 && len(nonNullTypes(s)) > 1 {
		return typeUnion(s)
	}
	return s
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
// which holds it. A format goes to the type it is a format of: int32 and
// int64 to integer, float and double to number, any other to string.
// classify sends only schemas of several types, without oneOf, anyOf,
// allOf, enum or const, here.
func typeUnion(s *openapi3.Schema) *openapi3.Schema {
	types := nonNullTypes(s)
	if slices.Contains(types, "number") {
		types = slices.DeleteFunc(slices.Clone(types), func(t string) bool { return t == "integer" })
	}
	numericFormat := map[string]string{"int32": "integer", "int64": "integer", "float": "number", "double": "number"}
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

// describe returns the description of s (or its title) and whether it is
// deprecated, taking both from the allOf members that only document s when
// s itself does not say.
func describe(s *openapi3.Schema) (doc string, deprecated bool) {
	doc, deprecated = cmp.Or(s.Description, s.Title), s.Deprecated
	for _, m := range s.AllOf {
		if documenting(m) {
			doc = cmp.Or(doc, m.Value.Description, m.Value.Title)
			deprecated = deprecated || m.Value.Deprecated
		}
	}
	return doc, deprecated
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

// ref returns the type for a schema used somewhere; hint names the Go type
// an inline schema gets when it needs one.
func (b *builder) ref(sr *openapi3.SchemaRef, hint string) *Ref {
	if sr == nil || sr.Value == nil {
		return &Ref{Kind: RefBuiltin, Builtin: RawJSON}
	}
	s := sr.Value
	if goType, ok := s.Extensions["x-go-type"].(string); ok {
		return b.externalRef(b.schemaPos(sr), goType, nullable(s))
	}
	if t, ok := b.types[s]; ok {
		return &Ref{Kind: RefNamed, Named: t, Nullable: t.Nullable}
	}
	b.lintSchema(s)
	if sr.Ref != "" {
		// A $ref with sibling keywords (3.1) arrives as a copy of its
		// target, so find the component by name rather than by identity.
		name := sr.Ref[strings.LastIndex(sr.Ref, "/")+1:]
		if t, ok := b.componentTypes[name]; ok && strings.HasPrefix(sr.Ref, "#/components/schemas/") {
			return &Ref{Kind: RefNamed, Named: t, Nullable: t.Nullable || nullable(s)}
		}
		if !strings.Contains(sr.Ref, "#") {
			// A whole file: name it after the file, not its extension.
			name = strings.TrimSuffix(name, path.Ext(name))
		}
		if name != "" {
			hint = GoName(name)
		}
	}
	pos := b.schemaPos(sr)
	isNullable := nullable(s)
	switch cls, same := classify(s); cls {
	case classSame:
		r := *b.ref(same, hint)
		r.Nullable = r.Nullable || isNullable
		return &r
	case classStruct, classEnum, classUnion:
		t := &Type{Name: b.names.claim(hint), Schema: hint, Pos: pos}
		b.types[s] = t
		b.declare(t, s)
		return &Ref{Kind: RefNamed, Named: t, Nullable: isNullable}
	case classArray:
		return &Ref{Kind: RefSlice, Elem: b.ref(s.Items, hint+"Item"), Nullable: isNullable, Constraints: b.constraints(s, pos)}
	case classMap:
		return &Ref{Kind: RefMap, Elem: b.ref(s.AdditionalProperties.Schema, hint+"Value"), Nullable: isNullable, Constraints: b.constraints(s, pos)}
	case classScalar:
		return &Ref{Kind: RefBuiltin, Builtin: scalarBuiltin(s), Nullable: isNullable, Constraints: b.allConstraints(s, pos)}
	}
	return &Ref{Kind: RefBuiltin, Builtin: RawJSON, Nullable: isNullable}
}

// schemaPos is where a schema is written: at the $ref when there is one.
func (b *builder) schemaPos(sr *openapi3.SchemaRef) Pos {
	if sr.Origin != nil && sr.Origin.Key != nil {
		return b.doc.Origin(sr.Origin)
	}
	return b.doc.Origin(sr.Value.Origin)
}

// lintSchema warns, once per schema, about what load lets through but a
// reader should hear of: each keyword that is neither defined for a schema
// nor an x- extension (JSON Schema ignores them, but one may be a misspelt
// constraint), and what the other version of OpenAPI spells differently
// (see load.prepareValidation): in a 3.0 document the type "null" and an
// array without items, which are read as 3.1 reads them, and an exclusive
// bound in the other version's form, read as that version reads it.
func (b *builder) lintSchema(s *openapi3.Schema) {
	if b.linted[s] {
		return
	}
	b.linted[s] = true
	for _, m := range unionMembers(s) {
		if m.Value != nil && isNull(m.Value) {
			b.lintSchema(m.Value) // a null member is read by nullable alone
		}
	}
	openapi30 := b.doc.Minor == 0
	if openapi30 && s.Type.Includes("null") {
		b.warn(b.doc.Field(s.Origin, "type"), "type \"null\" is OpenAPI 3.1; this 3.0 document is read as 3.1 reads it, as a value that may be null")
	}
	if openapi30 && s.Items == nil && s.Type.Is("array") {
		b.warn(b.doc.Field(s.Origin, "type"), "an array without items is OpenAPI 3.1; this 3.0 document is read as 3.1 reads it, as an array of any values")
	}
	for _, bound := range []struct {
		keyword, of string
		value       openapi3.ExclusiveBound
	}{{"exclusiveMinimum", "minimum", s.ExclusiveMin}, {"exclusiveMaximum", "maximum", s.ExclusiveMax}} {
		switch {
		case !load.OtherVersionBound(bound.value, openapi30):
		case openapi30:
			b.warn(b.doc.Field(s.Origin, bound.keyword), "a number as %s is OpenAPI 3.1; this 3.0 document is read as 3.1 reads it, as an exclusive bound", bound.keyword)
		default:
			b.warn(b.doc.Field(s.Origin, bound.keyword), "a boolean as %s is OpenAPI 3.0; this 3.1 document is read as 3.0 reads it, as saying whether %s is exclusive", bound.keyword, bound.of)
		}
	}
	for _, key := range sortedKeys(s.Extensions) {
		if !strings.HasPrefix(key, "x-") {
			b.warn(b.doc.Field(s.Origin, key), "schema keyword %q is not one OpenAPI defines; it is ignored", key)
		}
	}
	for _, key := range uncheckedKeywords(s) {
		b.warn(b.doc.Field(s.Origin, key), "schema keyword %q is not checked: a value it refuses passes Validate and the server", key)
	}
}

// declare fills in a named type from its schema.
func (b *builder) declare(t *Type, s *openapi3.Schema) {
	b.lintSchema(s)
	doc, deprecated := describe(s)
	t.Doc, t.Deprecated = plainText(doc), deprecated
	t.Nullable = nullable(s)
	b.api.Types = append(b.api.Types, t)
	switch cls, same := classify(s); cls {
	case classStruct:
		b.declareStruct(t, s)
	case classEnum:
		b.declareEnum(t, s)
	case classUnion:
		b.declareUnion(t, s)
	case classArray:
		t.Kind = Slice
		t.Elem = b.ref(s.Items, t.Name+"Item")
		t.Constraints = b.constraints(s, t.Pos)
	case classMap:
		t.Kind = Map
		t.Elem = b.ref(s.AdditionalProperties.Schema, t.Name+"Value")
		t.Constraints = b.constraints(s, t.Pos)
	case classScalar:
		t.Kind = Alias
		t.Elem = &Ref{Kind: RefBuiltin, Builtin: scalarBuiltin(s)}
		t.Constraints = b.allConstraints(s, t.Pos)
	case classSame:
		t.Kind = Alias
		t.Elem = b.ref(same, t.Name)
		t.Nullable = t.Nullable || t.Elem.Nullable
		t.Elem.Nullable = false
	default:
		t.Kind = Alias
		t.Elem = &Ref{Kind: RefBuiltin, Builtin: RawJSON}
	}
}

// property is one declared property, wherever in an allOf it came from.
type property struct {
	name string
	ref  *openapi3.SchemaRef
}

// objectPartsOf is what objectParts found for a schema.
type objectPartsOf struct {
	props    []property
	required []string
	ok       bool
}

// objectParts gathers the properties and required names of an object
// schema, merging allOf members in order; a later declaration of the same
// property wins. Each schema is read once (see builder.parts). ok is false
// when a member is not an object, and round when an allOf holds, through
// its members, a schema it is inside: each is merged once.
func (b *builder) objectParts(s *openapi3.Schema) (props []property, required []string, ok, round bool) {
	p, round := b.partsWithin(s, nil)
	return p.props, p.required, p.ok, round
}

// partsWithin is objectParts for a schema inside the allOf members of
// those within. It reports whether it met one of them again (an allOf that
// goes round), which makes what it found depend on where it came in, so
// that it is not kept for the next reader.
func (b *builder) partsWithin(s *openapi3.Schema, within []*openapi3.Schema) (p objectPartsOf, cut bool) {
	if p, done := b.parts[s]; done {
		return p, false
	}
	if len(within) > 32 || slices.Contains(within, s) {
		return objectPartsOf{}, true
	}
	p, cut = b.readObjectParts(s, append(within, s))
	if !cut {
		if b.parts == nil {
			b.parts = map[*openapi3.Schema]objectPartsOf{}
		}
		b.parts[s] = p
	}
	return p, cut
}

// readObjectParts is partsWithin for a schema not read yet.
func (b *builder) readObjectParts(s *openapi3.Schema, within []*openapi3.Schema) (parts objectPartsOf, cut bool) {
	var props []property
	var required []string
	ok := true
	merge := func(s *openapi3.Schema) {
		p, c := b.partsWithin(s, within)
		ok = ok && p.ok && !c
		cut = cut || c
		props = append(props, p.props...)
		required = append(required, p.required...)
	}
	for _, m := range s.AllOf {
		if m.Value == nil {
			continue
		}
		if u := unionSchema(m.Value); isMemberOf(s, u) && unionShared(u) != nil {
			// allOf [Pet] where Pet is a union with s among its members,
			// as the discriminator pattern writes Cat: what Pet says
			// beside its oneOf, which holds for every variant.
			merge(unionShared(u).Value)
			continue
		}
		if !objectLike(m.Value, len(within)) {
			ok = false
			continue
		}
		member := m.Value
		if cls, same := classify(member); cls == classSame && len(nonNullMembers(member)) > 0 {
			member = same.Value // anyOf [X, null]: X's properties
		}
		merge(member)
	}
	names := make([]string, 0, len(s.Properties))
	for name := range s.Properties {
		names = append(names, name)
	}
	slices.SortFunc(names, func(x, y string) int {
		return cmp.Or(comparePos(b.schemaPos(s.Properties[x]), b.schemaPos(s.Properties[y])), strings.Compare(x, y))
	})
	for _, name := range names {
		props = append(props, property{name: name, ref: s.Properties[name]})
	}
	required = append(required, s.Required...)
	// Keep the last declaration of each name, at its first position.
	last := map[string]*openapi3.SchemaRef{}
	for _, p := range props {
		last[p.name] = p.ref
	}
	var merged []property
	for _, p := range props {
		if ref, pending := last[p.name]; pending {
			merged = append(merged, property{name: p.name, ref: ref})
			delete(last, p.name)
		}
	}
	return objectPartsOf{merged, required, ok}, cut
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

func comparePos(x, y Pos) int {
	return cmp.Or(strings.Compare(x.File, y.File), cmp.Compare(x.Line, y.Line), cmp.Compare(x.Column, y.Column))
}

// fieldName is the Go name of a property: its x-go-name (written next to
// the property, or on its schema), or one derived from its name.
func (b *builder) fieldName(p property) string {
	if n, ok := p.ref.Extensions["x-go-name"].(string); ok {
		return b.checkedName(b.schemaPos(p.ref), "x-go-name", n)
	}
	if p.ref.Ref == "" && p.ref.Value != nil {
		if n, ok := p.ref.Value.Extensions["x-go-name"].(string); ok {
			return b.checkedName(b.doc.Field(p.ref.Value.Origin, "x-go-name"), "x-go-name", n)
		}
	}
	return GoName(p.name)
}

// structMethods are names a field must not take: the methods generated on
// every struct and the field that keeps unknown properties.
var structMethods = []string{"Validate", "MarshalJSON", "UnmarshalJSON", "AdditionalProperties", "String"}

func (b *builder) declareStruct(t *Type, s *openapi3.Schema) {
	t.Kind = Struct
	props, required, ok, round := b.objectParts(s)
	switch {
	case round:
		b.warn(t.Pos, "schema %s: its allOf goes round (a member is, through others, in its own allOf); each object member is merged once, and the other members are left out", t.Schema)
	case !ok:
		b.warn(t.Pos, "schema %s: allOf mixes objects with other types; only the object members are merged", t.Schema)
	}
	if members := nonNullMembers(s); len(members) > 0 && requiredAlternatives(s, members) {
		var common []string
		common, t.Alternatives = alternatives(s, members)
		required = append(required, common...)
	}
	switch ap := s.AdditionalProperties; {
	case ap.Has != nil && !*ap.Has:
		t.Extra = ExtraForbid
	case ap.Has != nil && *ap.Has, ap.Schema != nil:
		t.Extra = ExtraKeep
		if ap.Schema != nil {
			if r := b.ref(ap.Schema, t.Name+"Value"); r.Kind != RefBuiltin || r.Builtin != RawJSON {
				t.ExtraType = r
			}
		}
	}
	// A struct with patterns keeps its undeclared properties to check them;
	// one whose pattern Go cannot run refuses none of them.
	if patterns, unchecked := b.patternProperties(t, s); len(patterns) > 0 || unchecked && t.Extra == ExtraForbid {
		t.PatternProperties = patterns
		t.ExtraClosed = t.Extra == ExtraForbid && !unchecked
		t.Extra = ExtraKeep
	}
	t.Constraints = b.constraints(s, t.Pos)
	isRequired := map[string]bool{}
	declared := map[string]bool{}
	for _, p := range props {
		declared[p.name] = true
	}
	t.Dependencies = b.dependencies(s, t, declared)
	for _, r := range required {
		isRequired[r] = true
		if !declared[r] && t.Extra == ExtraForbid {
			b.warn(b.doc.Field(s.Origin, "required"), "schema %s: required property %q is not declared in properties, and additionalProperties is false; the requirement is ignored", t.Schema, r)
		}
	}
	fieldNames := newNamespace(structMethods...)
	for _, p := range props {
		if p.name == "" {
			// encoding/json cannot name an empty key in a struct tag; the
			// property travels with the additional ones instead.
			b.warn(b.schemaPos(p.ref), "schema %s: a property named \"\" cannot be a Go field; it is kept in AdditionalProperties and not validated", t.Schema)
			t.Extra = ExtraKeep
			continue
		}
		pos := b.schemaPos(p.ref)
		f := &Field{
			Name:     fieldNames.claim(b.fieldName(p)),
			JSONName: p.name,
			Pos:      pos,
			Required: isRequired[p.name],
		}
		f.Type = b.ref(p.ref, t.Name+GoName(p.name))
		if v := p.ref.Value; v != nil {
			doc, deprecated := describe(v)
			f.Doc = plainText(doc)
			f.NullOnly = len(v.Enum) > 0 && !slices.ContainsFunc(v.Enum, func(x any) bool { return x != nil })
			f.ReadOnly, f.WriteOnly, f.Deprecated = v.ReadOnly, v.WriteOnly, deprecated
			f.Default = v.Default
		}
		if f.Required && (f.ReadOnly || f.WriteOnly) {
			// The value is absent in one direction, so the Go field is
			// optional; a property both read- and write-only is never
			// required.
			f.Required = false
			f.RequiredInRequest = f.WriteOnly && !f.ReadOnly
			f.RequiredInResponse = f.ReadOnly && !f.WriteOnly
		}
		switch {
		case f.Type.Nullable:
			f.Wrap = WrapNullable
		case !f.Required:
			f.Wrap = WrapOpt
		}
		t.Fields = append(t.Fields, f)
	}
}

// externalRef is a type the user names with x-go-type instead of one
// generated from the schema: "time.Duration", "encoding/json.Number", or
// "example.com/money.Amount". It must encode and decode JSON itself, and
// nothing is validated for it.
func (b *builder) externalRef(pos Pos, goType string, isNullable bool) *Ref {
	i := strings.LastIndex(goType, ".")
	name := goType[i+1:]
	if !token.IsIdentifier(name) || (i >= 0 && goType[:i] == "") {
		b.fail(pos, "x-go-type %q is not a Go type such as time.Duration or example.com/pkg.Type", goType)
		return &Ref{Kind: RefBuiltin, Builtin: RawJSON}
	}
	r := &Ref{Kind: RefExternal, External: name, Nullable: isNullable}
	if i >= 0 {
		r.Import = goType[:i]
	}
	return r
}
