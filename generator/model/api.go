// Package model turns a loaded OpenAPI document into the intermediate
// representation that the emitters render: operations and named Go types
// with their constraints. Every decision — Go names, optionality, union
// strategy, which checks to run — is made here, once; the IR is plain,
// deterministic Go data with no kin-openapi values and no knowledge of how
// code is printed.
package model

import (
	"slices"
	"strings"

	"github.com/oasgen/oasgen/generator/load"
)

// Pos is a place in a spec file.
type Pos = load.Pos

// API is the whole IR of one spec.
type API struct {
	Title       string
	Version     string // the API's own version, from info.version
	Description string
	Servers     []*Server
	// Types lists every named Go type, sorted by name.
	Types []*Type
	// Operations lists every operation, sorted by path, then method.
	Operations []*Operation
	// Client is the root of the client's groups: its operations are methods
	// of the client itself, its groups are fields of it.
	Client *Group
	// SecuritySchemes lists the schemes the spec declares, sorted by name.
	SecuritySchemes []*SecurityScheme
	// Warnings lists constructs that were generated in a simplified form.
	Warnings []*load.Error
	// Include is the selection of operations the API was built from; its
	// zero value is every operation.
	Include Include
}

// Server is one base URL from the spec's servers list.
type Server struct {
	URL         string // may contain {variables}
	Description string
	Variables   []*ServerVariable
}

// ServerVariable is a {name} in a server URL with its default.
type ServerVariable struct {
	Name        string
	Default     string
	Enum        []string
	Description string
}

// Kind says what Go construct a named type is.
type Kind int

const (
	Struct Kind = iota + 1 // type T struct{...}
	Enum                   // type T string (or bool, int64, float64) with constants
	Slice                  // type T []E
	Map                    // type T map[string]E
	Union                  // a oneOf/anyOf: one of several variants
	Alias                  // type T string (or another builtin) with constraints
)

var kindNames = map[Kind]string{Struct: "struct", Enum: "enum", Slice: "slice", Map: "map", Union: "union", Alias: "alias"}

func (k Kind) String() string { return kindNames[k] }

// Type is a named Go type generated for a schema.
type Type struct {
	Name   string // Go name
	Schema string // the component name, or where an inline schema sits
	Doc    string // plain-text documentation
	Pos    Pos
	Kind   Kind
	// Params marks the struct of an operation's query, header and cookie
	// parameters: its fields are not JSON, and each points at its Param.
	Params bool
	// Headers marks a Params struct that holds a response's headers.
	Headers bool
	// FormBody marks a struct sent as application/x-www-form-urlencoded.
	FormBody bool
	// Nullable records that the schema itself admits null; references to
	// the type are wrapped as nullable.
	Nullable   bool
	Deprecated bool
	// Repeats marks an Alias declared for a schema whose Go type would
	// repeat Elem's, field for field (see shareShapes); an enumeration
	// keeps its constants in Enum.
	Repeats bool
	// Recursive marks a type that refers back to itself through some
	// chain of fields, items, variants and aliases (see markRecursive).
	Recursive bool

	// Struct
	Fields []*Field
	Extra  Extra // what happens to properties the schema does not declare
	// ExtraType is the type that additionalProperties gives the properties
	// the schema does not declare, when it gives one: they stay raw JSON,
	// and validation decodes each into it and checks it. Nil otherwise.
	ExtraType *Ref
	// Alternatives are the sets of properties of which a value must have
	// every one of some set, when the schema's oneOf or anyOf only names
	// required properties (influxdata's DBRP: orgID, or org); nil
	// otherwise.
	Alternatives *Alternatives
	// PatternProperties check the undeclared properties whose names match
	// a pattern of patternProperties; such a struct keeps its undeclared
	// properties (Extra is ExtraKeep).
	PatternProperties []PatternProperty
	// ExtraClosed: additionalProperties is false beside patternProperties,
	// so an undeclared property that no pattern matches is refused.
	ExtraClosed bool
	// Dependencies are the properties a struct must have when it has
	// another (dependentRequired), in the order of the properties that
	// require them.
	Dependencies []Dependency

	// Enum
	Enum *EnumDef

	// Slice, Map and Alias: the element (or underlying) type and its checks.
	Elem *Ref

	// Union
	Variants []*Variant
	// Discriminator is the property whose value picks an object variant
	// (the variants' Tags); empty when the union has none.
	Discriminator string

	// Constraints that apply to the value as a whole: property counts for
	// Struct and Map, item counts for Slice, everything for Alias.
	Constraints Constraints
}

// Extra is the policy for undeclared properties of an object.
type Extra int

const (
	// ExtraIgnore: the schema says nothing; undeclared properties are dropped on decode.
	ExtraIgnore Extra = iota
	// ExtraForbid: additionalProperties is false; servers reject them.
	ExtraForbid
	// ExtraKeep: additionalProperties is true; they are kept raw and re-encoded.
	ExtraKeep
)

// Alternatives say which properties a struct must have beside its required
// fields: all of one set, or all of exactly one set when Exactly (a oneOf).
// Each set leaves out the properties every set names, which are required
// fields.
type Alternatives struct {
	Sets    [][]string // JSON names
	Exactly bool
}

// String lists the sets as messages and docs name them: {orgID}, {org}.
func (a *Alternatives) String() string {
	sets := make([]string, len(a.Sets))
	for i, set := range a.Sets {
		sets[i] = "{" + strings.Join(set, ", ") + "}"
	}
	return strings.Join(sets, ", ")
}

// PatternProperty is one entry of patternProperties: an undeclared
// property whose name matches Names' pattern must be of Type.
type PatternProperty struct {
	Names Constraints // Pattern and Split only
	Type  *Ref
}

// Dependency says that an object with Property must have Requires too
// (JSON names; JSON Schema's dependentRequired).
type Dependency struct {
	Property string
	Requires []string
}

// Field is one property of a struct.
type Field struct {
	Name     string // Go name
	JSONName string
	Doc      string
	Pos      Pos
	Type     *Ref
	// Required holds in both directions. A required property that is
	// readOnly is required in responses only, and one that is writeOnly in
	// requests only (OpenAPI 3.x, Schema Object): the Go field is optional
	// and the direction is recorded below.
	Required           bool
	RequiredInRequest  bool // writeOnly and required
	RequiredInResponse bool // readOnly and required
	// Wrap is how the Go field holds the value: directly, as Opt[T], as
	// Nullable[T], or through a pointer (for recursive types).
	Wrap       Wrap
	ReadOnly   bool
	WriteOnly  bool
	Deprecated bool
	Default    any    // JSON value, or nil
	Param      *Param // for a field of a Params struct, the parameter it holds
	// NullOnly is set for a nullable field whose enum lists null alone
	// (enum: [null]): a value other than null breaks it.
	NullOnly bool
}

// Wrap is how an optional or nullable value is held.
type Wrap int

const (
	WrapNone     Wrap = iota // T: required and not nullable
	WrapOpt                  // Opt[T]: optional, never null
	WrapNullable             // Nullable[T]: may be null (and, unless required, absent)
	WrapPointer              // *T: optional and recursive; nil is absent
)

// Builtin is a Go type that needs no declaration.
type Builtin int

const (
	String Builtin = iota + 1
	Int64
	Int32
	Float64
	Float32
	Bool
	Time    // time.Time, for format date-time
	RawJSON // json.RawMessage, for schemas with no usable type
)

var builtinNames = map[Builtin]string{String: "string", Int64: "int64", Int32: "int32", Float64: "float64", Float32: "float32", Bool: "bool", Time: "time.Time", RawJSON: "json.RawMessage"}

func (b Builtin) String() string { return builtinNames[b] }

// Numeric reports whether b is a Go number type.
func (b Builtin) Numeric() bool { return b == Int64 || b == Int32 || b == Float64 || b == Float32 }

// RefKind says what a type reference is.
type RefKind int

const (
	RefBuiltin RefKind = iota + 1
	RefNamed
	RefSlice // []Elem
	RefMap   // map[string]Elem
	// RefExternal is a Go type the spec names with x-go-type.
	RefExternal
)

// Ref is a use of a type: in a field, an item, a parameter or a body.
type Ref struct {
	Kind    RefKind
	Builtin Builtin // RefBuiltin
	Named   *Type   // RefNamed
	Elem    *Ref    // RefSlice, RefMap
	// As is the alias that a use of a repeated schema goes by (see
	// shareShapes): Named is the type it repeats, which decides what the
	// code does, and As the name the code spells, the one the spec wrote.
	As *Type
	// RefExternal: the import path (empty for a predeclared type) and name.
	Import, External string
	// Nullable says the value may be null; items and map values that may
	// be null are held as Nullable[T].
	Nullable bool
	// Constraints are the checks on this value that its type does not
	// already carry (a named type validates itself).
	Constraints Constraints
}

// HoldsBytes reports whether a body of type r is held as its bytes: a
// string (text, or binary data) or raw JSON, which no codec reads.
func (r *Ref) HoldsBytes() bool {
	return r.Kind == RefBuiltin && (r.Builtin == String || r.Builtin == RawJSON)
}

// SameGoType reports whether r and o are held as the same Go type: the
// same builtin, named or external type, the same elements, both nullable
// or neither. Constraints do not count: they are checks, not types.
func (r *Ref) SameGoType(o *Ref) bool {
	if r == nil || o == nil {
		return r == o
	}
	return r.Kind == o.Kind && r.Builtin == o.Builtin && r.Named == o.Named &&
		r.Import == o.Import && r.External == o.External && r.Nullable == o.Nullable &&
		(r.Elem == nil) == (o.Elem == nil) && (r.Elem == nil || r.Elem.SameGoType(o.Elem))
}

// Constraints are JSON Schema validation keywords on one value.
type Constraints struct {
	Minimum          *float64
	Maximum          *float64
	ExclusiveMinimum bool // Minimum is exclusive
	ExclusiveMaximum bool // Maximum is exclusive
	MultipleOf       *float64
	MinLength        *int
	MaxLength        *int
	Pattern          string
	// Split is Pattern as regexps Go can run, when Go's regexp cannot
	// run Pattern as written (see SplitPattern); nil otherwise.
	Split *SplitPattern
	// More chains the further patterns of an allOf (Auth0 requires a PEM
	// block's BEGIN line with one pattern and its END line with another),
	// each checked as Pattern is; nil when there is one.
	More        *PatternCheck
	Format      string
	MinItems    *int
	MaxItems    *int
	UniqueItems bool
	// Contains is contains, with minContains and maxContains, where oasgen
	// checks it (see ContainsCheck); nil otherwise.
	Contains      *ContainsCheck
	MinProperties *int
	MaxProperties *int
	// PropertyNames holds the string checks every property name of a map,
	// or every undeclared one of a struct, must pass (propertyNames); nil
	// when there are none.
	PropertyNames *Constraints
}

// ContainsCheck is JSON Schema's contains where its schema is a const or an
// enum and the items are scalars of that kind: an array must hold at least
// Min items equal to one of Values, and at most Max unless it is nil
// (Auth0's ConnectionScopesSupported must contain "openid").
type ContainsCheck struct {
	Values []any // strings, float64s or bools, as the spec gives them
	Min    int
	Max    *int
}

// PatternCheck is one more pattern a value must match: as the spec writes
// it, with its Split, and the next in the chain.
type PatternCheck struct {
	Pattern string
	Split   *SplitPattern
	Next    *PatternCheck
}

// addPatterns makes c check m's patterns too: the first becomes c's
// Pattern when c has none, the others are chained, in order, in More. A
// pattern c checks already is not added again.
func (c *Constraints) addPatterns(m Constraints) {
	var all []PatternCheck
	for _, from := range []Constraints{*c, m} {
		if from.Pattern != "" {
			all = append(all, PatternCheck{Pattern: from.Pattern, Split: from.Split})
		}
		for p := from.More; p != nil; p = p.Next {
			all = append(all, PatternCheck{Pattern: p.Pattern, Split: p.Split})
		}
	}
	seen := map[string]bool{}
	c.Pattern, c.Split, c.More = "", nil, nil
	var last *PatternCheck
	for _, p := range all {
		switch {
		case seen[p.Pattern]:
		case c.Pattern == "":
			c.Pattern, c.Split = p.Pattern, p.Split
		case last == nil:
			c.More = &PatternCheck{Pattern: p.Pattern, Split: p.Split}
			last = c.More
		default:
			last.Next = &PatternCheck{Pattern: p.Pattern, Split: p.Split}
			last = last.Next
		}
		seen[p.Pattern] = true
	}
}

// CheckedFormat reports whether values of a string format are checked (by
// the runtime's knownFormat); other formats are documentation only.
func CheckedFormat(format string) bool {
	switch format {
	case "date", "uuid", "email", "uri", "ipv4", "ipv6", "hostname", "cidr", "ipv6_cidr", "byte":
		return true
	}
	return false
}

// Empty reports whether there is nothing to check.
func (c Constraints) Empty() bool { return c == Constraints{} }

// StringChecks reports whether c checks a string: its length, a pattern,
// or a format oasgen checks.
func (c Constraints) StringChecks() bool {
	return c.MinLength != nil || c.MaxLength != nil || c.Pattern != "" || CheckedFormat(c.Format)
}

// EnumDef lists the allowed values of an enum type.
type EnumDef struct {
	Base   Builtin // String, Bool, Int64 or Float64
	Values []*EnumValue
}

// EnumValue is one allowed value and its Go constant.
type EnumValue struct {
	Name  string // Go constant name
	Value any    // string, bool, int64 or float64
}

// Shape is the JSON kind of a value, which unions decode by.
type Shape int

const (
	ShapeObject Shape = iota + 1
	ShapeArray
	ShapeString
	ShapeNumber // integers too
	ShapeBool
)

var shapeNames = map[Shape]string{ShapeObject: "object", ShapeArray: "array", ShapeString: "string", ShapeNumber: "number", ShapeBool: "boolean"}

func (s Shape) String() string { return shapeNames[s] }

// Takes reports whether the variant takes JSON values of shape s.
func (v *Variant) Takes(s Shape) bool { return slices.Contains(v.Shapes, s) }

// Const is a property that holds one string only.
type Const struct {
	// In is the property whose object holds Property, for a const one
	// level down (destination.type); "" for one of the variant itself.
	In       string
	Property string
	Value    string
}

// Variant is one member of a union.
type Variant struct {
	Name string // accessor suffix, e.g. "OffsetPaginated"
	Type *Ref
	// Shapes are the JSON kinds the variant takes, in the order of Shape's
	// constants: one, but for a union of several kinds ({oneOf: [string,
	// integer]} is a string or a number).
	Shapes []Shape
	// Indirect is set when the variant's type holds the union by value
	// (A: oneOf [B, X] with B: oneOf [A, Y]): the union holds it through a
	// pointer, as Go could not lay it out otherwise.
	Indirect bool
	// For object variants: what tells them apart.
	Properties []string // declared property names, sorted
	Required   []string // sorted
	Closed     bool     // additionalProperties: false
	// Consts lists the properties that hold one string only (an enum of
	// one value, or const), sorted by property: they tell apart variants
	// that declare the same properties, as a discriminator would.
	Consts []Const
	// Nested lists, for a variant that is itself a union, the object
	// variants inside it at any depth: the variant fits an object when
	// one of them does.
	Nested []*Variant
	// Tags are the discriminator values that select this variant: the
	// mapping's keys, or the schema's name when there is no mapping.
	Tags []string
	// TagField is the field of an object variant that holds the
	// discriminator, when it holds a string directly or as Opt: the
	// variant's constructor fills it in with the first tag when it is
	// empty, and validation checks that it is one of Tags, since that is
	// what decoding chooses the variant by.
	TagField *Field
}
