package model

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"
)

// declareUnion gives t a variant for each member of s; describeVariants
// and finishUnion fill in the rest once every type is declared.
//
// What s says beside its oneOf or anyOf (properties, required, allOf)
// holds for every variant, so each object member becomes a struct of its
// own that merges the two, as allOf [the rest of s, member] would:
// {properties: {kind}, discriminator: kind, oneOf: [Cat, Dog]} is a union
// of two structs that each have kind, not of Cat and Dog without it. An
// allOf with a union among its members is read as that union with the
// other members beside it (see allOfUnion).
func (b *builder) declareUnion(t *Type, schema *openapi3.Schema) {
	t.Kind = Union
	s := unionSchema(schema)
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
	// The members a type array was split into (see typeUnion) are named
	// after their types: ValueObject rather than ValueVariant1.
	byType := severalTypes(schema)
	called := make([]string, len(members))
	for i, m := range members {
		hint := t.Name + "Variant" + strconv.Itoa(i+1)
		if byType {
			hint = t.Name + GoName(m.Value.Type.Slice()[0])
		}
		if shared == nil || m.Value == nil || !objectLike(m.Value, 0) || mergesUnion(m.Value, schema) {
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
			if s != schema {
				r.Named.Schema = fmt.Sprintf("%s and the other members of the allOf of %q", from, t.Schema)
			}
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
	for i := len(t.Variants) - 1; i >= 0; i-- {
		if r := t.Variants[i].Type; r.Kind == RefNamed && resolve(r.Named) == t {
			// D: allOf [{oneOf: [D, E]}] lists D among D's own members,
			// which says nothing of what a D is; decoding such a variant
			// would only decode the union again.
			b.warn(t.Pos, "schema %s: member %d is the union itself; it is left out", t.Schema, i+1)
			t.Variants = slices.Delete(t.Variants, i, i+1)
			u.members = slices.Delete(u.members, i, i+1)
			u.called = slices.Delete(u.called, i, i+1)
		}
	}
	for _, v := range t.Variants {
		if v.Takes(ShapeObject) && v.Type.Kind == RefNamed && v.Type.Named.Kind == Union {
			v.Nested = nestedObjects(v.Type.Named, map[*Type]bool{t: true})
		}
	}
	bases := variantNames(t.Name, u.members, t.Variants, u.called)
	// Accessors are methods of the union, beside these.
	names := newNamespace(append([]string{"Variant", "Validate", "Unknown"}, vetMethods...)...)
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
			if v.Takes(ShapeObject) && len(v.Tags) == 0 {
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
			if shareNonObjectShape(v, w) && !checked(v.Type) && !checked(w.Type) {
				alike = append(alike, w.Name+"/"+v.Name)
			}
		}
	}
	if len(alike) > 0 {
		b.warn(t.Pos, "schema %s: variants %s cannot be told apart; decoding picks the first that fits", t.Schema, strings.Join(alike, ", "))
	}
}

// resolve follows t's aliases to the type they name.
func resolve(t *Type) *Type {
	for range 64 {
		if t.Kind != Alias || t.Elem == nil || t.Elem.Kind != RefNamed {
			break
		}
		t = t.Elem.Named
	}
	return t
}

// describeVariants records each variant's shape and, for an object
// variant, its properties, the required ones, whether it is closed, and
// its const-like properties.
func describeVariants(t *Type) {
	for _, v := range t.Variants {
		v.Shapes = shapesOf(v.Type, map[*Type]bool{t: true})
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
		if v.Type.Kind == RefNamed && v.Type.Named.Kind == Struct {
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
		case !v.Takes(ShapeObject):
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
		default:
			bases[i] = shapesName(v.Shapes)
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
		} else if name := itemsName(v.Type, inline); name != "" {
			bases[i] = name
		}
	}
	return bases
}

// itemsName names an array variant after the named type of its items
// (StargazerArray beside SimpleUserArray in GitHub's stargazers, rather
// than Array and Array2), or returns "" when they have none of their own.
func itemsName(r *Ref, inline func(*Ref) bool) string {
	if r.Kind != RefSlice || r.Elem == nil || r.Elem.Kind != RefNamed || inline(r.Elem) {
		return ""
	}
	name := r.Elem.Named.Name
	if r.Elem.As != nil {
		name = r.Elem.As.Name
	}
	if name += "Array"; len(name) > maxVariantName {
		return ""
	}
	return name
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

// checked reports whether decoding can tell a value of r from one of
// another variant of the same shape by r's checks: its constraints, or an
// array's items', among them the properties that objects require, which
// decoding notes (GitHub's stargazers, a list of users or of stars).
func checked(r *Ref) bool {
	switch {
	case constrained(r):
		return true
	case r.Kind == RefSlice && r.Elem != nil:
		e := r.Elem
		if e.Kind == RefNamed && e.Named.Kind == Struct && slices.ContainsFunc(e.Named.Fields, func(f *Field) bool { return f.Required }) {
			return true
		}
		return checked(e)
	case r.Kind == RefNamed && r.Named.Kind == Alias && r.Named.Elem != nil && r.Named.Elem.Kind == RefSlice:
		return checked(r.Named.Elem)
	}
	return false
}

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

// shapesOf lists the JSON shapes a type encodes to: one, but for a union,
// which has its variants' shapes (a union of string formats is a string
// to the union that holds it; one of a string and an integer is either).
// A union among those within, which are being looked into, adds none: a
// variant takes a shape only through a way that does not go round to the
// union deciding, or decoding would go round for ever without reading a
// byte (Expr: oneOf [Group, string] with Group: oneOf [Expr, array] would
// take a string as a Group, which takes it as an Expr, which...).
func shapesOf(r *Ref, within map[*Type]bool) []Shape {
	switch r.Kind {
	case RefSlice:
		return []Shape{ShapeArray}
	case RefMap:
		return []Shape{ShapeObject}
	case RefNamed:
		switch t := r.Named; t.Kind {
		case Struct, Map:
			return []Shape{ShapeObject}
		case Union:
			if within[t] {
				return nil
			}
			if len(t.Variants) == 0 {
				return []Shape{ShapeObject}
			}
			if within == nil {
				within = map[*Type]bool{}
			}
			within[t] = true
			defer delete(within, t)
			var shapes []Shape
			for _, v := range t.Variants {
				for _, s := range shapesOf(v.Type, within) {
					if !slices.Contains(shapes, s) {
						shapes = append(shapes, s)
					}
				}
			}
			slices.Sort(shapes)
			return shapes
		case Slice:
			return []Shape{ShapeArray}
		case Enum:
			return []Shape{builtinShape(t.Enum.Base)}
		case Alias:
			return shapesOf(t.Elem, within)
		}
	case RefBuiltin:
		return []Shape{builtinShape(r.Builtin)}
	}
	return []Shape{ShapeObject}
}

// shapesName names an inline variant after its shapes: String, Bool, or
// StringOrNumber for a union of both; Union for one that takes none but
// through the union it is a variant of (see shapesOf).
func shapesName(shapes []Shape) string {
	if len(shapes) == 0 {
		return "Union"
	}
	words := make([]string, len(shapes))
	for i, s := range shapes {
		words[i] = GoName(s.String())
		if s == ShapeBool {
			words[i] = "Bool"
		}
	}
	return strings.Join(words, "Or")
}

// shareNonObjectShape reports whether variants v and w both take values of a
// shape other than object, which only their checks can tell apart.
func shareNonObjectShape(v, w *Variant) bool {
	return slices.ContainsFunc(v.Shapes, func(s Shape) bool { return s != ShapeObject && w.Takes(s) })
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
