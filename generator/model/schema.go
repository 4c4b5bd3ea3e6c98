package model

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"math"
	"path"
	"reflect"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"unicode"

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
		if scalarType(s) != "" {
			return classScalar, nil
		}
		return classStruct, nil
	}
	types := nonNullTypes(s)
	if len(types) > 1 {
		return classRaw, nil
	}
	typ := ""
	if len(types) == 1 {
		typ = types[0]
	}
	switch {
	case typ == "array" || (typ == "" && s.Items != nil):
		return classArray, nil
	case typ == "object" || (typ == "" && (len(s.Properties) > 0 || s.AdditionalProperties.Schema != nil)):
		if len(s.Properties) == 0 {
			return classMap, nil
		}
		return classStruct, nil
	case typ == "string" || typ == "integer" || typ == "number" || typ == "boolean":
		return classScalar, nil
	}
	return classRaw, nil
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
	if len(nonNullTypes(s)) > 1 {
		b.warn(pos, "schema %s: a value of several types (%s) is kept as raw JSON", hint, strings.Join(nonNullTypes(s), ", "))
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

// containsCheck reads contains, minContains and maxContains where oasgen
// checks them (see ContainsCheck): a const or enum of values the items'
// Go type holds, a string, an integer, a number or a boolean. It returns
// nil for any other contains, which uncheckedKeywords warns about.
func containsCheck(s *openapi3.Schema) *ContainsCheck {
	if s.Contains == nil || s.Contains.Value == nil || s.Items == nil || s.Items.Value == nil {
		return nil
	}
	items, values := s.Items.Value, slices.Clone(s.Contains.Value.Enum)
	if s.Contains.Value.Const != nil {
		values = []any{s.Contains.Value.Const}
	}
	if _, external := items.Extensions["x-go-type"]; len(values) == 0 || external || nullable(items) || len(unionMembers(items)) > 0 {
		return nil
	}
	builtin := scalarBuiltin(items)
	for i, v := range values {
		if f, ok := toFloat(v); ok {
			values[i] = f
		}
		switch v := values[i].(type) {
		case string:
			if builtin != String {
				return nil
			}
		case float64:
			if !builtin.Numeric() || !fitsBuiltin(v, builtin) {
				return nil
			}
		case bool:
			if builtin != Bool {
				return nil
			}
		default:
			return nil
		}
	}
	check := &ContainsCheck{Values: values, Min: 1, Max: toInt(s.MaxContains)}
	if s.MinContains != nil {
		check.Min = int(min(*s.MinContains, math.MaxInt32))
	}
	return check
}

// fitsBuiltin reports whether v is a constant of numeric type b: whole and
// in range for an integer, in range for a float32. A contains value that
// is not would not compile as one of the items.
func fitsBuiltin(v float64, b Builtin) bool {
	switch b {
	case Int32:
		return v == math.Trunc(v) && v >= math.MinInt32 && v <= math.MaxInt32
	case Int64:
		return v == math.Trunc(v) && math.Abs(v) < 1<<53
	case Float32:
		return math.Abs(v) <= math.MaxFloat32
	}
	return true
}

// uncheckedKeywords lists, in a fixed order, the JSON Schema keywords of s
// that oasgen reads but does not enforce. They had gone unsaid, so a strict
// server accepted what the spec refuses.
func uncheckedKeywords(s *openapi3.Schema) []string {
	var keys []string
	for _, k := range []struct {
		name string
		set  bool
	}{
		{"not", s.Not != nil},
		{"if", s.If != nil},
		{"prefixItems", len(s.PrefixItems) > 0},
		{"contains", s.Contains != nil && containsCheck(s) == nil},
		{"patternProperties", len(s.PatternProperties) > 0},
		{"propertyNames", s.PropertyNames != nil},
		{"dependentRequired", len(s.DependentRequired) > 0},
		{"dependentSchemas", len(s.DependentSchemas) > 0},
		{"unevaluatedItems", s.UnevaluatedItems.Has != nil || s.UnevaluatedItems.Schema != nil},
		{"unevaluatedProperties", s.UnevaluatedProperties.Has != nil || s.UnevaluatedProperties.Schema != nil},
	} {
		if k.set {
			keys = append(keys, k.name)
		}
	}
	return keys
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

// objectParts gathers the properties and required names of an object
// schema, merging allOf members in order; a later declaration of the same
// property wins.
func (b *builder) objectParts(s *openapi3.Schema, depth int) (props []property, required []string, ok bool) {
	if depth > 32 {
		return nil, nil, false
	}
	ok = true
	for _, m := range s.AllOf {
		if m.Value == nil {
			continue
		}
		if shared := unionShared(m.Value); shared != nil && isMemberOf(s, m.Value) {
			// allOf [Pet] where Pet is a union with s among its members,
			// as the discriminator pattern writes Cat: what Pet says
			// beside its oneOf, which holds for every variant.
			p, r, mok := b.objectParts(shared.Value, depth+1)
			ok = ok && mok
			props = append(props, p...)
			required = append(required, r...)
			continue
		}
		if !objectLike(m.Value, depth) {
			ok = false
			continue
		}
		member := m.Value
		if cls, same := classify(member); cls == classSame && len(nonNullMembers(member)) > 0 {
			member = same.Value // anyOf [X, null]: X's properties
		}
		p, r, mok := b.objectParts(member, depth+1)
		ok = ok && mok
		props = append(props, p...)
		required = append(required, r...)
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
	return merged, required, ok
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
	props, required, ok := b.objectParts(s, 0)
	if !ok {
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
	t.Constraints = b.constraints(s, t.Pos)
	isRequired := map[string]bool{}
	declared := map[string]bool{}
	for _, p := range props {
		declared[p.name] = true
	}
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

func (b *builder) declareEnum(t *Type, s *openapi3.Schema) {
	t.Kind = Enum
	values := s.Enum
	if len(values) == 0 && s.Const != nil {
		values = []any{s.Const}
	}
	base := Builtin(0)
	switch types := nonNullTypes(s); {
	case len(types) == 1 && types[0] == "string":
		base = String
	case len(types) == 1 && types[0] == "boolean":
		base = Bool
	case len(types) == 1 && types[0] == "integer":
		base = Int64
	case len(types) == 1 && types[0] == "number":
		base = Float64
	default:
		// No type: the values say, when they agree.
		kinds := map[Builtin]bool{}
		for _, v := range values {
			switch v.(type) {
			case string:
				kinds[String] = true
			case bool:
				kinds[Bool] = true
			case float64, int, int64:
				kinds[Float64] = true
			case nil:
			default:
				kinds[RawJSON] = true
			}
		}
		if len(kinds) == 1 && !kinds[RawJSON] {
			for k := range kinds {
				base = k
			}
		}
	}
	if base != 0 && base != String && allWords(values) {
		// enum: [created, comment] under type: integer names strings:
		// no value could be both, and the words are what is sent.
		b.warn(b.doc.Field(s.Origin, "type"), "schema %s: the enum's values are strings that are not %s, so its type is taken as string", t.Schema, withArticle(nonNullTypes(s)[0]))
		base = String
	}
	if base == 0 {
		b.warn(t.Pos, "schema %s: enum without a type, of objects, arrays or values of several types, is kept as raw JSON", t.Schema)
		t.Kind, t.Elem = Alias, &Ref{Kind: RefBuiltin, Builtin: RawJSON}
		return
	}
	t.Enum = &EnumDef{Base: base}
	seen := map[any]bool{}
	// Values written in the other spelling, read as meant and reported
	// in one warning: enum: [1, 2] under type: string is the strings "1"
	// and "2" unquoted, and enum: ["1", "2"] under type: integer the
	// numbers quoted, as real specs write them.
	var respelt []string
	emptyLeftOut := false
	for _, v := range values {
		if v == nil {
			continue
		}
		value, ok := enumValue(base, v)
		if text, isText := v.(string); !ok && isText {
			value, ok = parsedEnumValue(base, text)
		} else if !ok && base == String {
			value, ok = scalarText(v)
		}
		if !ok && v == "" {
			// An empty option, as forms offer for "none" (ReadMe's
			// examples have one in a numeric enum): no value of the
			// type can equal it, so leaving it out checks the same.
			if !emptyLeftOut {
				kind := map[Builtin]string{Int64: "integer", Float64: "number", Bool: "boolean"}[base]
				b.warn(b.doc.Field(s.Origin, "enum"), "schema %s: enum value \"\" is not %s; it is left out, since no %s can equal it", t.Schema, withArticle(kind), kind)
			}
			emptyLeftOut = true
			continue
		}
		if !ok {
			b.fail(b.doc.Field(s.Origin, "enum"), "schema %s: enum value %s is not %s", t.Schema, jsonText(v), withArticle(strings.Join(nonNullTypes(s), "/")))
			continue
		}
		if _, isText := v.(string); isText != (base == String) {
			respelt = append(respelt, fmt.Sprintf("%#v", v))
		}
		if seen[value] {
			continue
		}
		seen[value] = true
		t.Enum.Values = append(t.Enum.Values, &EnumValue{Name: b.names.claim(t.Name + enumSuffix(value)), Value: value})
	}
	if len(respelt) > 0 {
		what := "values " + strings.Join(respelt, ", ") + " are"
		if len(respelt) == 1 {
			what = "value " + respelt[0] + " is"
		}
		if base == String {
			b.warn(b.doc.Field(s.Origin, "enum"), "schema %s: enum %s not quoted; read as text, as the type says", t.Schema, what)
		} else {
			b.warn(b.doc.Field(s.Origin, "enum"), "schema %s: enum %s quoted; read as %s, as the type says", t.Schema, what, withArticle(nonNullTypes(s)[0]))
		}
	}
}

// jsonText writes a decoded JSON value as JSON, so that a string shows its
// quotes (an empty one included).
func jsonText(v any) string {
	text, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(text)
}

// withArticle puts "a" or "an" before a type name.
func withArticle(s string) string {
	if s != "" && strings.ContainsRune("aeiou", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

// enumValue converts a decoded enum value to the Go value of base.
func enumValue(base Builtin, v any) (any, bool) {
	switch base {
	case String:
		s, ok := v.(string)
		return s, ok
	case Bool:
		x, ok := v.(bool)
		return x, ok
	case Int64:
		f, ok := toFloat(v)
		if !ok || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
			return nil, false
		}
		return int64(f), true
	case Float64:
		return toFloat(v)
	}
	return nil, false
}

// allWords reports whether every value of an enum (null aside) is a
// string, and none of them a number or boolean written in quotes.
func allWords(values []any) bool {
	words := 0
	for _, v := range values {
		switch x := v.(type) {
		case nil:
		case string:
			if jsonNumber.MatchString(x) || x == "true" || x == "false" {
				return false // a value of some type, in quotes
			}
			words++
		default:
			return false
		}
	}
	return words > 0
}

// parsedEnumValue converts an enum value written as a string to the Go
// value of base when the string is a JSON number or boolean of that type.
func parsedEnumValue(base Builtin, text string) (any, bool) {
	if base == Bool {
		if text == "true" || text == "false" {
			return text == "true", true
		}
		return nil, false
	}
	if !jsonNumber.MatchString(text) {
		return nil, false
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return nil, false
	}
	return enumValue(base, f)
}

// jsonNumber matches a number as JSON writes it.
var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$`)

// scalarText is the JSON text of a number or boolean.
func scalarText(v any) (string, bool) {
	switch x := v.(type) {
	case bool:
		return strconv.FormatBool(x), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case int:
		return strconv.Itoa(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	}
	return "", false
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	}
	return 0, false
}

// enumSuffix names the constant for an enum value: "client" → Client,
// true → True, 1.5 → Value1Point5.
func enumSuffix(v any) string {
	switch x := v.(type) {
	case string:
		if x == "" {
			return "Empty"
		}
		name := GoName(x)
		if strings.HasPrefix(name, "X") && !strings.HasPrefix(strings.ToUpper(x), "X") {
			return "Value" + name[1:]
		}
		return name
	case bool:
		if x {
			return "True"
		}
		return "False"
	case int64:
		return "Value" + strings.ReplaceAll(strconv.FormatInt(x, 10), "-", "Minus")
	case float64:
		s := strconv.FormatFloat(x, 'f', -1, 64)
		return "Value" + strings.NewReplacer("-", "Minus", ".", "Point").Replace(s)
	}
	return "Value"
}

// declareUnion gives t a variant for each member of s; describeVariants
// and finishUnion fill in the rest once every type is declared.
//
// What s says beside its oneOf or anyOf (properties, required, allOf)
// holds for every variant, so each object member becomes a struct of its
// own that merges the two, as allOf [the rest of s, member] would:
// {properties: {kind}, discriminator: kind, oneOf: [Cat, Dog]} is a union
// of two structs that each have kind, not of Cat and Dog without it.
func (b *builder) declareUnion(t *Type, s *openapi3.Schema) {
	t.Kind = Union
	members := nonNullMembers(s)
	shared := unionShared(s)
	if shared != nil {
		// The types of the shared properties are named after the union,
		// not after the first variant that merges them.
		for _, name := range sortedKeys(s.Properties) {
			if p := s.Properties[name]; p != nil && p.Ref == "" && p.Value != nil {
				if cls, _ := classify(p.Value); cls == classStruct || cls == classEnum || cls == classUnion {
					b.ref(p, t.Name+GoName(name))
				}
			}
		}
	}
	called := make([]string, len(members))
	for i, m := range members {
		hint := t.Name + "Variant" + strconv.Itoa(i+1)
		if shared == nil || m.Value == nil || !objectLike(m.Value, 0) || mergesUnion(m.Value, s) {
			t.Variants = append(t.Variants, &Variant{Type: b.ref(m, hint)})
			continue
		}
		from := fmt.Sprintf("member %d", i+1)
		if m.Ref != "" {
			name := m.Ref[strings.LastIndex(m.Ref, "/")+1:]
			called[i], from = GoName(name), fmt.Sprintf("the schema %q", name)
			hint = t.Name + called[i]
		}
		merged := &openapi3.SchemaRef{Value: &openapi3.Schema{AllOf: openapi3.SchemaRefs{shared, m}, Origin: m.Value.Origin}, Origin: m.Origin}
		r := b.ref(merged, hint)
		if r.Kind == RefNamed {
			keyword := "anyOf"
			if len(s.OneOf) > 0 {
				keyword = "oneOf"
			}
			r.Named.Schema = fmt.Sprintf("%s and what %q says beside its %s", from, t.Schema, keyword)
		}
		t.Variants = append(t.Variants, &Variant{Type: r})
	}
	b.unions = append(b.unions, declaredUnion{t, s, members, called})
}

// mergesUnion reports whether member m of union u already has in its allOf
// what u says beside its members, by naming u there (Cat: allOf [Pet, ...]
// with Pet: oneOf [Cat, ...]; see objectParts).
func mergesUnion(m, u *openapi3.Schema) bool {
	return slices.ContainsFunc(m.AllOf, func(r *openapi3.SchemaRef) bool { return r.Value == u })
}

// isMemberOf reports whether s is one of union u's members.
func isMemberOf(s, u *openapi3.Schema) bool {
	return slices.ContainsFunc(nonNullMembers(u), func(m *openapi3.SchemaRef) bool { return m.Value == s })
}

// unionShared returns what a union's schema says of its object variants
// beside its oneOf or anyOf, as a schema of its own, or nil when it says
// nothing of them.
func unionShared(s *openapi3.Schema) *openapi3.SchemaRef {
	if len(s.Properties) == 0 && len(s.Required) == 0 && len(s.AllOf) == 0 {
		return nil
	}
	return &openapi3.SchemaRef{Value: &openapi3.Schema{
		Properties:           s.Properties,
		Required:             s.Required,
		AllOf:                s.AllOf,
		AdditionalProperties: s.AdditionalProperties,
		MinProps:             s.MinProps,
		MaxProps:             s.MaxProps,
		Origin:               s.Origin,
	}}
}

// declaredUnion is a union type with the schema it came from, left for
// describeVariants and finishUnion.
type declaredUnion struct {
	t       *Type
	s       *openapi3.Schema
	members []*openapi3.SchemaRef // the non-null ones, one per variant
	// called is, for a variant merged with what the union's schema says
	// beside its members (see declareUnion), the Go name of the member it
	// was merged from, which names the variant; else "".
	called []string
}

// finishUnion names a union's variants, lists the object variants inside
// those that are unions, takes their discriminator values and warns about
// what cannot be told apart. It and describeVariants run after every type
// is declared, because a member's type may be declared after the union
// that refers to it (Animal before Cat) or be half-way through its own
// declaration (a recursive member), and until then its kind and fields are
// not known; finishUnion runs after every union is described, since it
// reads the variants of nested ones.
func (b *builder) finishUnion(u declaredUnion) {
	t, s := u.t, u.s
	for _, v := range t.Variants {
		if v.Shape == ShapeObject && v.Type.Kind == RefNamed && v.Type.Named.Kind == Union {
			v.Nested = nestedObjects(v.Type.Named, map[*Type]bool{t: true})
		}
	}
	bases := variantNames(t.Name, u.members, t.Variants, u.called)
	// Accessors are methods of the union, beside these.
	names := newNamespace("Variant", "Validate", "MarshalJSON", "UnmarshalJSON", "Unknown")
	for i, v := range t.Variants {
		m, r := u.members[i], v.Type
		v.Name = names.claim(bases[i])
		if d := s.Discriminator; d != nil && d.PropertyName != "" && r.Kind == RefNamed {
			for _, value := range sortedKeys(d.Mapping) {
				target := d.Mapping[value].Ref
				if target == m.Ref || target == r.Named.Schema || strings.HasSuffix(target, "/"+r.Named.Schema) {
					v.Tags = append(v.Tags, value)
				}
			}
			if len(v.Tags) == 0 {
				v.Tags = []string{r.Named.Schema} // implicit: the schema's name
				if u.called[i] != "" {
					v.Tags = []string{m.Ref[strings.LastIndex(m.Ref, "/")+1:]} // the member's, not the merged struct's
				}
			}
		}
	}
	if d := s.Discriminator; d != nil && d.PropertyName != "" {
		t.Discriminator = d.PropertyName
		for _, v := range t.Variants {
			if v.Shape == ShapeObject && len(v.Tags) == 0 {
				b.warn(t.Pos, "schema %s: variant %s has no discriminator value; the discriminator is not used", t.Schema, v.Name)
				t.Discriminator = ""
			}
		}
	}
	if t.Discriminator != "" {
		for _, v := range t.Variants {
			v.TagField = tagField(v, t.Discriminator)
		}
	}
	// Variants of one non-object shape are told apart by their checks
	// (decoding picks the first that validates); warn only about those that
	// have none, which nothing can tell apart.
	var alike []string
	for i, v := range t.Variants {
		for _, w := range t.Variants[:i] {
			if v.Shape == w.Shape && v.Shape != ShapeObject && !constrained(v.Type) && !constrained(w.Type) {
				alike = append(alike, w.Name+"/"+v.Name)
			}
		}
	}
	if len(alike) > 0 {
		b.warn(t.Pos, "schema %s: variants %s cannot be told apart; decoding picks the first that fits", t.Schema, strings.Join(alike, ", "))
	}
}

// describeVariants records each variant's shape and, for an object
// variant, its properties, the required ones, whether it is closed, and
// its const-like properties.
func describeVariants(t *Type) {
	for _, v := range t.Variants {
		v.Shape = shapeOfRef(v.Type)
		r := v.Type
		if r.Kind != RefNamed || r.Named.Kind != Struct {
			continue
		}
		for _, f := range r.Named.Fields {
			v.Properties = append(v.Properties, f.JSONName)
			if f.Required {
				v.Required = append(v.Required, f.JSONName)
			}
			if value, ok := f.Type.OneString(); ok {
				v.Consts = append(v.Consts, Const{Property: f.JSONName, Value: value})
			}
		}
		slices.Sort(v.Properties)
		slices.Sort(v.Required)
		slices.SortFunc(v.Consts, func(x, y Const) int { return strings.Compare(x.Property, y.Property) })
		v.Closed = r.Named.Extra == ExtraForbid
	}
	nestedConsts(t)
}

// nestedConsts gives the object variants of t the const-like properties of
// their object properties, one level down, when two of them
// declare the same properties and no const tells them apart: Auth0's event
// streams differ only in destination.type ("webhook", "action"), and
// without it every one decoded as the first. An object that leaves such a
// property out is told apart by its keys alone, as before.
func nestedConsts(t *Type) {
	var objects []*Variant
	for _, v := range t.Variants {
		if v.Shape == ShapeObject && v.Type.Kind == RefNamed && v.Type.Named.Kind == Struct {
			objects = append(objects, v)
		}
	}
	alike := false
	for i, v := range objects {
		for _, w := range objects[:i] {
			alike = alike || v.Alike(w)
		}
	}
	if !alike {
		return
	}
	for _, v := range objects {
		var nested []Const
		for _, f := range v.Type.Named.Fields {
			if f.Type.Kind != RefNamed || f.Type.Named.Kind != Struct {
				continue
			}
			for _, g := range f.Type.Named.Fields {
				if value, ok := g.Type.OneString(); ok {
					nested = append(nested, Const{In: f.JSONName, Property: g.JSONName, Value: value})
				}
			}
		}
		slices.SortFunc(nested, func(x, y Const) int {
			return cmp.Or(strings.Compare(x.In, y.In), strings.Compare(x.Property, y.Property))
		})
		v.Consts = append(v.Consts, nested...)
	}
}

// Alike reports whether object variants v and w declare the same
// properties and no const tells them apart, so that their keys cannot say
// which of the two an object is (GitHub's labels, as strings or as
// objects with a name).
func (v *Variant) Alike(w *Variant) bool {
	return slices.Equal(v.Properties, w.Properties) && !constsDiffer(v.Consts, w.Consts)
}

// constsDiffer reports whether two variants' consts hold different values
// in one property, which tells them apart.
func constsDiffer(a, b []Const) bool {
	for _, x := range a {
		for _, y := range b {
			if x.In == y.In && x.Property == y.Property && x.Value != y.Value {
				return true
			}
		}
	}
	return false
}

// OneString returns the only value r can hold when it is a string enum
// of one value (an enum of one, or a const): a variant's tell, or a path
// parameter the router can match as text.
func (r *Ref) OneString() (string, bool) {
	if r.Kind != RefNamed || r.Named.Kind != Enum || r.Named.Enum.Base != String || len(r.Named.Enum.Values) != 1 {
		return "", false
	}
	value, ok := r.Named.Enum.Values[0].Value.(string)
	return value, ok
}

// tagField returns the field of variant v that holds the discriminator
// property, when v is a struct and the field a string held directly or as
// Opt; else nil.
func tagField(v *Variant, property string) *Field {
	if len(v.Tags) == 0 || v.Type.Kind != RefNamed || v.Type.Named.Kind != Struct {
		return nil
	}
	for _, f := range v.Type.Named.Fields {
		if f.JSONName == property && (f.Wrap == WrapNone || f.Wrap == WrapOpt) && holdsString(f.Type) {
			return f
		}
	}
	return nil
}

// holdsString reports whether r is held as a Go string or a named type
// whose underlying type is string.
func holdsString(r *Ref) bool {
	switch {
	case r.Kind == RefBuiltin:
		return r.Builtin == String
	case r.Kind != RefNamed:
		return false
	case r.Named.Kind == Enum:
		return r.Named.Enum.Base == String
	case r.Named.Kind == Alias:
		return holdsString(r.Named.Elem)
	}
	return false
}

// nestedObjects lists the object variants of union u, those of the unions
// among them in their place, skipping the unions in seen (a union that
// holds itself).
func nestedObjects(u *Type, seen map[*Type]bool) []*Variant {
	seen[u] = true
	var out []*Variant
	for _, v := range u.Variants {
		switch {
		case v.Shape != ShapeObject:
		case v.Type.Kind == RefNamed && v.Type.Named.Kind == Union:
			if !seen[v.Type.Named] {
				out = append(out, nestedObjects(v.Type.Named, seen)...)
			}
		default:
			out = append(out, v)
		}
	}
	return out
}

// variantNames returns the name each member of a union goes by: a named
// schema's name without what it shares with the union's (Pet's Cat for
// PetCat), or the shape of an inline one (String, Object). Members whose
// names would clash are told apart, where the spec says how, by their
// schema name with only the shared start trimmed, or by an inline member's
// title, format (Ipv4, Cidr) or the literal start its pattern requires
// (ClientMetadata for ^client\.metadata\.); the rest are numbered. A
// variant merged from a member (see declareUnion) goes by the member's name.
func variantNames(union string, members []*openapi3.SchemaRef, variants []*Variant, called []string) []string {
	bases := make([]string, len(members))
	// typeName is the name of the type a named member has, or of the member
	// a merged variant was made from.
	typeName := func(i int) string { return cmp.Or(called[i], variants[i].Type.Named.Name) }
	inline := func(r *Ref) bool { return r.Kind != RefNamed || strings.HasPrefix(r.Named.Name, union+"Variant") }
	for i, v := range variants {
		switch {
		case !inline(v.Type):
			bases[i] = trimShared(union, typeName(i))
		case v.Shape == ShapeBool:
			bases[i] = "Bool"
		default:
			bases[i] = GoName(v.Shape.String())
		}
	}
	// Named members that keep their whole name, as LogStreamHTTPResponseSchema
	// does in CreateLogStreamResponseContent, are named by what sets them
	// apart from each other instead (HTTP, Splunk, ...).
	var named []int
	whole := false
	for i, v := range variants {
		if !inline(v.Type) {
			named = append(named, i)
			whole = whole || bases[i] == typeName(i)
		}
	}
	if len(named) >= 2 && whole {
		full := make([]string, len(named))
		for k, i := range named {
			full[k] = typeName(i)
		}
		if apart := trimSiblings(full); apart != nil {
			for k, i := range named {
				bases[i] = apart[k]
			}
		}
	}
	count := map[string]int{}
	for _, base := range bases {
		count[base]++
	}
	for i, v := range variants {
		if count[bases[i]] < 2 {
			continue
		}
		if !inline(v.Type) {
			bases[i] = trimSharedStart(union, typeName(i))
		} else if name := describedName(members[i].Value); name != "" {
			bases[i] = name
		}
	}
	return bases
}

// describedName names an inline union member from what its schema says
// about itself: its title, its format, or the literal text its pattern
// requires a value to start with; "" when it says none of these in a name
// of at most maxVariantName bytes (a title can be a sentence).
func describedName(s *openapi3.Schema) string {
	if s == nil {
		return ""
	}
	var candidates []string
	if strings.TrimSpace(s.Title) != "" {
		candidates = append(candidates, s.Title)
	}
	if s.Format != "" {
		candidates = append(candidates, s.Format)
	}
	if strings.HasPrefix(s.Pattern, "^") {
		if re, err := regexp.Compile(s.Pattern); err == nil {
			if prefix, _ := re.LiteralPrefix(); strings.IndexFunc(prefix, unicode.IsLetter) >= 0 {
				candidates = append(candidates, prefix)
			}
		}
	}
	for _, c := range candidates {
		if name := GoName(c); len(name) <= maxVariantName {
			return name
		}
	}
	return ""
}

// maxVariantName bounds a variant name taken from a schema's words.
const maxVariantName = 40

// constrained reports whether a value of r has checks that can reject it,
// so that a union can tell it from a variant of the same shape.
func constrained(r *Ref) bool {
	if r.Kind == RefNamed {
		switch t := r.Named; t.Kind {
		case Enum:
			return true
		case Alias:
			return !t.Constraints.Empty() && (t.Constraints != (Constraints{Format: t.Constraints.Format}) || CheckedFormat(t.Constraints.Format))
		}
		return false
	}
	c := r.Constraints
	if CheckedFormat(c.Format) {
		return true
	}
	c.Format = ""
	return !c.Empty()
}

// shapeOfRef is the JSON shape a type encodes to. A union has its
// variants' shape when they all share one (a union of string formats is a
// string to the union that holds it), and is taken for an object
// otherwise, as its object variants are the ones told apart by keys.
func shapeOfRef(r *Ref) Shape { return shapeOf(r, nil) }

// shapeOf is shapeOfRef, with the unions being looked into (a union that
// holds itself is an object).
func shapeOf(r *Ref, within map[*Type]bool) Shape {
	switch r.Kind {
	case RefSlice:
		return ShapeArray
	case RefMap:
		return ShapeObject
	case RefNamed:
		switch t := r.Named; t.Kind {
		case Struct, Map:
			return ShapeObject
		case Union:
			if within[t] || len(t.Variants) == 0 {
				return ShapeObject
			}
			if within == nil {
				within = map[*Type]bool{}
			}
			within[t] = true
			defer delete(within, t)
			shape := shapeOf(t.Variants[0].Type, within)
			for _, v := range t.Variants[1:] {
				if shapeOf(v.Type, within) != shape {
					return ShapeObject
				}
			}
			return shape
		case Slice:
			return ShapeArray
		case Enum:
			return builtinShape(t.Enum.Base)
		case Alias:
			return shapeOf(t.Elem, within)
		}
	case RefBuiltin:
		return builtinShape(r.Builtin)
	}
	return ShapeObject
}

func builtinShape(b Builtin) Shape {
	switch b {
	case String, Time:
		return ShapeString
	case Bool:
		return ShapeBool
	case RawJSON:
		return ShapeObject
	}
	return ShapeNumber
}

// trimShared drops the words a variant's type name shares with its union's
// name at both ends: in ListClientGrantResponseContent, the member
// ListClientGrantOffsetPaginatedResponseContent becomes OffsetPaginated.
func trimShared(union, member string) string {
	u, m := words(union), words(member)
	start := sharedStart(u, m)
	end := len(m)
	for j := len(u) - 1; j >= start && end-1 > start && u[j] == m[end-1]; j-- {
		end--
	}
	name := strings.Join(m[start:end], "")
	if name == "" || !isUpperStart(name) {
		return member
	}
	return name
}

// trimSharedStart is trimShared for members whose trimmed names clash:
// only the words the member's name starts with in common with the union's
// are dropped (BotDetectionIPv6CidrBlock is IPv6CidrBlock, not IPv6, in
// BotDetectionIPAddressOrCidrBlock).
func trimSharedStart(union, member string) string {
	m := words(member)
	if name := strings.Join(m[sharedStart(words(union), m):], ""); isUpperStart(name) {
		return name
	}
	return member
}

// trimSiblings drops the words that all of names start with and end with,
// leaving each at least one, or returns nil when they share none or what
// is left of one does not start with a capital.
func trimSiblings(names []string) []string {
	ws := make([][]string, len(names))
	shortest := -1
	for i, n := range names {
		ws[i] = words(n)
		if shortest < 0 || len(ws[i]) < shortest {
			shortest = len(ws[i])
		}
	}
	sharedAt := func(pos func(w []string) string) bool {
		for _, w := range ws[1:] {
			if pos(w) != pos(ws[0]) {
				return false
			}
		}
		return true
	}
	start := 0
	for start < shortest-1 && sharedAt(func(w []string) string { return w[start] }) {
		start++
	}
	end := 0
	for start+end < shortest-1 && sharedAt(func(w []string) string { return w[len(w)-1-end] }) {
		end++
	}
	if start+end == 0 {
		return nil
	}
	out := make([]string, len(names))
	for i, w := range ws {
		out[i] = strings.Join(w[start:len(w)-end], "")
		if !isUpperStart(out[i]) {
			return nil
		}
	}
	return out
}

// sharedStart counts the words a member's name starts with in common with
// its union's, leaving the member at least one.
func sharedStart(union, member []string) int {
	n := 0
	for n < len(union) && n < len(member)-1 && union[n] == member[n] {
		n++
	}
	return n
}

func isUpperStart(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

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

// constraints collects the validation keywords of a schema, and reports
// those that contradict each other.
func (b *builder) constraints(s *openapi3.Schema, pos Pos) Constraints {
	c := Constraints{Format: s.Format}
	c.Minimum, c.Maximum = s.Min, s.Max
	if s.ExclusiveMin.Bool != nil && *s.ExclusiveMin.Bool {
		c.ExclusiveMinimum = true
	}
	if v := s.ExclusiveMin.Value; v != nil && (c.Minimum == nil || *v >= *c.Minimum) {
		c.Minimum, c.ExclusiveMinimum = v, true
	}
	if s.ExclusiveMax.Bool != nil && *s.ExclusiveMax.Bool {
		c.ExclusiveMaximum = true
	}
	if v := s.ExclusiveMax.Value; v != nil && (c.Maximum == nil || *v <= *c.Maximum) {
		c.Maximum, c.ExclusiveMaximum = v, true
	}
	if c.Minimum == nil {
		c.ExclusiveMinimum = false
	}
	if c.Maximum == nil {
		c.ExclusiveMaximum = false
	}
	if c.Minimum != nil && c.Maximum != nil {
		lo, hi := "minimum", "maximum"
		if c.ExclusiveMinimum {
			lo = "exclusiveMinimum"
		}
		if c.ExclusiveMaximum {
			hi = "exclusiveMaximum"
		}
		switch {
		case *c.Minimum > *c.Maximum:
			b.fail(b.doc.Field(s.Origin, "minimum"), "%s %v is above %s %v: no value can satisfy both", lo, *c.Minimum, hi, *c.Maximum)
		case *c.Minimum == *c.Maximum && (c.ExclusiveMinimum || c.ExclusiveMaximum):
			b.fail(b.doc.Field(s.Origin, "minimum"), "%s %v and %s %v leave no value between them", lo, *c.Minimum, hi, *c.Maximum)
		}
	}
	if s.MultipleOf != nil {
		if *s.MultipleOf <= 0 {
			b.fail(b.doc.Field(s.Origin, "multipleOf"), "multipleOf must be greater than 0, not %v", *s.MultipleOf)
		} else {
			c.MultipleOf = s.MultipleOf
		}
	}
	c.MinLength, c.MaxLength = positive(s.MinLength), toInt(s.MaxLength)
	if c.MinLength != nil && c.MaxLength != nil && *c.MinLength > *c.MaxLength {
		b.fail(b.doc.Field(s.Origin, "minLength"), "minLength %d is above maxLength %d", *c.MinLength, *c.MaxLength)
	}
	if s.Pattern != "" {
		// ECMA-262's \u escapes are spelled as Go spells them and counts
		// above Go's limit spelled out first; what remains beyond Go may
		// be look-aheads it can split.
		pattern, literal := stripDelimiters(s.Pattern)
		if literal {
			b.literalPatterns = append(b.literalPatterns, literalPattern{b.doc.Field(s.Origin, "pattern"), s.Pattern, pattern})
		}
		javaPattern, javaUsed := translateJavaClasses(translateEscapes(pattern))
		goPattern := expandRepeats(javaPattern, maxRepeat)
		if _, err := regexp.Compile(goPattern); err != nil {
			why := strings.TrimPrefix(err.Error(), "error parsing regexp: ")
			if class := unknownClass(err); class != "" {
				why = "it has no character class " + class
			}
			switch split := splitLookaheads(goPattern); {
			case brokenRegexp(err):
				b.fail(b.doc.Field(s.Origin, "pattern"), "pattern %q is not a valid regular expression: %v", s.Pattern, why)
			case split != nil:
				c.Pattern, c.Split = s.Pattern, split
				if n := len(split.Loosened); n == 1 {
					b.warn(b.doc.Field(s.Origin, "pattern"), "pattern %q is checked without its look-around %s: Go's regexp has none, and this one stands mid-pattern, where no regexp of its own can test it; a value only it rejects passes", s.Pattern, split.Loosened[0])
				} else if n > 1 {
					b.warn(b.doc.Field(s.Origin, "pattern"), "pattern %q is checked without its look-arounds %s: Go's regexp has none, and these stand mid-pattern, where no regexp of their own can test them; a value only they reject passes", s.Pattern, strings.Join(split.Loosened, ", "))
				}
			default:
				b.warn(b.doc.Field(s.Origin, "pattern"), "pattern %q is beyond Go's regexp (%v); it is not checked", s.Pattern, why)
			}
		} else if goPattern != s.Pattern {
			c.Pattern, c.Split = s.Pattern, &SplitPattern{Alternatives: []SplitAlternative{{All: []string{goPattern}}}}
		} else {
			c.Pattern = s.Pattern
		}
		if c.Pattern != "" && len(javaUsed) > 0 {
			b.warn(b.doc.Field(s.Origin, "pattern"), "pattern %q uses %s, which ECMA-262 lacks and Java has; it is checked as Java reads %s", s.Pattern, strings.Join(javaUsed, ", "), plural(len(javaUsed), "it", "them"))
		}
	}
	c.MinItems, c.MaxItems, c.UniqueItems = positive(s.MinItems), toInt(s.MaxItems), s.UniqueItems
	c.Contains = containsCheck(s)
	if c.MinItems != nil && c.MaxItems != nil && *c.MinItems > *c.MaxItems {
		b.fail(b.doc.Field(s.Origin, "minItems"), "minItems %d is above maxItems %d", *c.MinItems, *c.MaxItems)
	}
	c.MinProperties, c.MaxProperties = positive(s.MinProps), toInt(s.MaxProps)
	if c.MinProperties != nil && c.MaxProperties != nil && *c.MinProperties > *c.MaxProperties {
		b.fail(b.doc.Field(s.Origin, "minProperties"), "minProperties %d is above maxProperties %d", *c.MinProperties, *c.MaxProperties)
	}
	return c
}

func positive(n uint64) *int {
	if n == 0 {
		return nil
	}
	return toInt(&n)
}

func toInt(n *uint64) *int {
	if n == nil {
		return nil
	}
	v := int(min(*n, math.MaxInt32))
	return &v
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

// allConstraints is constraints for a scalar that may be an allOf of
// scalars: a value must meet every member's bounds, so the tightest of each
// wins, and every member's pattern.
func (b *builder) allConstraints(s *openapi3.Schema, pos Pos) Constraints {
	c := b.constraints(s, pos)
	for _, m := range s.AllOf {
		if m.Value == nil {
			continue
		}
		mc := b.allConstraints(m.Value, b.schemaPos(m))
		c.Minimum, c.ExclusiveMinimum = tighter(c.Minimum, c.ExclusiveMinimum, mc.Minimum, mc.ExclusiveMinimum, 1)
		c.Maximum, c.ExclusiveMaximum = tighter(c.Maximum, c.ExclusiveMaximum, mc.Maximum, mc.ExclusiveMaximum, -1)
		c.MinLength = tighterInt(c.MinLength, mc.MinLength, 1)
		c.MaxLength = tighterInt(c.MaxLength, mc.MaxLength, -1)
		if c.MultipleOf == nil {
			c.MultipleOf = mc.MultipleOf
		}
		if c.Format == "" {
			c.Format = mc.Format
		}
		c.addPatterns(mc)
	}
	return c
}

// tighter picks the stricter of two bounds: sign 1 for lower bounds (the
// larger wins), -1 for upper bounds (the smaller wins).
func tighter(a *float64, aExcl bool, b *float64, bExcl bool, sign float64) (*float64, bool) {
	switch {
	case b == nil:
		return a, aExcl
	case a == nil || *b*sign > *a*sign:
		return b, bExcl
	case *a == *b:
		return a, aExcl || bExcl
	}
	return a, aExcl
}

func tighterInt(a, b *int, sign int) *int {
	if b == nil || (a != nil && *a*sign >= *b*sign) {
		return a
	}
	return b
}
