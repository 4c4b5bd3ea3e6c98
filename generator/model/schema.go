package model

import (
	"cmp"
	"go/token"
	"path"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/generator/load"
)

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
