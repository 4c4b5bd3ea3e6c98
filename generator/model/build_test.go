package model

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/generator/load"
)

// buildYAML loads src (a whole OpenAPI document) as test.yaml and builds its
// IR, failing the test on any error.
func buildYAML(t *testing.T, src string) *API {
	t.Helper()
	doc, err := load.Data("test.yaml", []byte(src))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	api, err := Build(doc, Options{})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return api
}

// buildErr loads and builds src and returns the build error, failing the
// test when loading fails or building succeeds.
func buildErr(t *testing.T, src string) *load.Error {
	t.Helper()
	doc, err := load.Data("test.yaml", []byte(src))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	_, err = Build(doc, Options{})
	if err == nil {
		t.Fatalf("Build succeeded; want an error")
	}
	le, ok := err.(*load.Error)
	if !ok {
		t.Fatalf("Build error is %T (%v); want *load.Error", err, err)
	}
	return le
}

// doc31 wraps component schemas (indented by four spaces) into an OpenAPI
// 3.1 document with no paths.
func doc31(schemas string) string {
	return "openapi: 3.1.0\ninfo:\n  title: Test\n  version: \"1\"\npaths: {}\ncomponents:\n  schemas:\n" + schemas
}

// doc30 is doc31 for OpenAPI 3.0.
func doc30(schemas string) string {
	return "openapi: 3.0.3\ninfo:\n  title: Test\n  version: \"1\"\npaths: {}\ncomponents:\n  schemas:\n" + schemas
}

func findType(t *testing.T, api *API, name string) *Type {
	t.Helper()
	for _, ty := range api.Types {
		if ty.Name == name {
			return ty
		}
	}
	var names []string
	for _, ty := range api.Types {
		names = append(names, ty.Name)
	}
	t.Fatalf("no type %s; types: %v", name, names)
	return nil
}

func findField(t *testing.T, ty *Type, jsonName string) *Field {
	t.Helper()
	for _, f := range ty.Fields {
		if f.JSONName == jsonName {
			return f
		}
	}
	t.Fatalf("type %s has no field %q", ty.Name, jsonName)
	return nil
}

func typeNames(api *API) []string {
	var names []string
	for _, ty := range api.Types {
		names = append(names, ty.Name)
	}
	return names
}

func ptr[T any](v T) *T { return &v }

func TestWrapAndNullable(t *testing.T) {
	api31 := buildYAML(t, doc31(`
    Holder:
      type: object
      required: [typeArray, enumNull, oneOfNull, refNullable, required]
      properties:
        typeArray:
          type: [string, "null"]
        typeArrayOptional:
          type: [integer, "null"]
        enumNull:
          enum: [a, b, null]
        oneOfNull:
          oneOf:
            - type: string
            - type: "null"
        refNullable:
          $ref: "#/components/schemas/MaybeName"
        optional:
          type: string
        required:
          type: string
    MaybeName:
      type: [string, "null"]
      minLength: 1
`))
	api30 := buildYAML(t, doc30(`
    Holder:
      type: object
      required: [nullableRequired, required]
      properties:
        nullableRequired:
          type: string
          nullable: true
        nullableOptional:
          type: integer
          nullable: true
        nullableEnum:
          type: string
          enum: [a, b]
          nullable: true
        optional:
          type: string
        required:
          type: string
`))
	tests := []struct {
		api      *API
		version  string
		field    string
		wrap     Wrap
		required bool
	}{
		{api31, "3.1", "typeArray", WrapNullable, true},
		{api31, "3.1", "typeArrayOptional", WrapNullable, false},
		{api31, "3.1", "enumNull", WrapNullable, true},
		{api31, "3.1", "oneOfNull", WrapNullable, true},
		{api31, "3.1", "refNullable", WrapNullable, true},
		{api31, "3.1", "optional", WrapOpt, false},
		{api31, "3.1", "required", WrapNone, true},
		{api30, "3.0", "nullableRequired", WrapNullable, true},
		{api30, "3.0", "nullableOptional", WrapNullable, false},
		{api30, "3.0", "nullableEnum", WrapNullable, false},
		{api30, "3.0", "optional", WrapOpt, false},
		{api30, "3.0", "required", WrapNone, true},
	}
	for _, tt := range tests {
		t.Run(tt.version+"/"+tt.field, func(t *testing.T) {
			f := findField(t, findType(t, tt.api, "Holder"), tt.field)
			if f.Wrap != tt.wrap {
				t.Errorf("Wrap = %d, want %d", f.Wrap, tt.wrap)
			}
			if f.Required != tt.required {
				t.Errorf("Required = %v, want %v", f.Required, tt.required)
			}
			if (tt.wrap == WrapNullable) != f.Type.Nullable {
				t.Errorf("Type.Nullable = %v, want %v", f.Type.Nullable, tt.wrap == WrapNullable)
			}
		})
	}

	// The null member of a oneOf is not a variant: the property is a plain
	// nullable string.
	if r := findField(t, findType(t, api31, "Holder"), "oneOfNull").Type; r.Kind != RefBuiltin || r.Builtin != String {
		t.Errorf("oneOf [string, null]: type %+v, want builtin string", r)
	}
	// enum with null: the enum holds the other values, and the type admits null.
	e := findType(t, api31, "HolderEnumNull")
	if e.Kind != Enum || e.Enum.Base != String || !e.Nullable || len(e.Enum.Values) != 2 {
		t.Errorf("HolderEnumNull = kind %v, enum %+v, nullable %v; want a nullable string enum of a and b", e.Kind, e.Enum, e.Nullable)
	}
	if m := findType(t, api31, "MaybeName"); !m.Nullable || m.Kind != Alias {
		t.Errorf("MaybeName: kind %v nullable %v; want a nullable alias", m.Kind, m.Nullable)
	}
}

func TestFieldOrderAndPositions(t *testing.T) {
	api := buildYAML(t, doc31(`
    Pet:
      type: object
      properties:
        zebra:
          type: string
        apple:
          type: string
        client_id:
          type: string
`))
	pet := findType(t, api, "Pet")
	var got []string
	for _, f := range pet.Fields {
		got = append(got, f.Name)
	}
	// Fields keep the order of the spec, not alphabetical order.
	if want := []string{"Zebra", "Apple", "ClientID"}; !slices.Equal(got, want) {
		t.Errorf("fields = %v, want %v", got, want)
	}
	if want := (load.Pos{File: "test.yaml", Line: 9, Column: 5}); pet.Pos != want {
		t.Errorf("Pet.Pos = %v, want %v", pet.Pos, want)
	}
	if f := findField(t, pet, "apple"); f.Pos.File != "test.yaml" || f.Pos.Line != 14 {
		t.Errorf("apple.Pos = %v, want test.yaml:14", f.Pos)
	}
}

func TestEnums(t *testing.T) {
	api := buildYAML(t, doc31(`
    OnlyTrue:
      enum: [true]
    TypedBool:
      type: boolean
      enum: [true, false]
    Color:
      type: string
      enum: [red, green-blue, "", "1st", red]
    Level:
      type: integer
      enum: [1, -2]
    Ratio:
      type: number
      enum: [0.5, 2]
    Fixed:
      const: fixed
`))
	tests := []struct {
		name   string
		base   Builtin
		values []any
		consts []string
	}{
		{"OnlyTrue", Bool, []any{true}, []string{"OnlyTrueTrue"}},
		{"TypedBool", Bool, []any{true, false}, []string{"TypedBoolTrue", "TypedBoolFalse"}},
		{"Color", String, []any{"red", "green-blue", "", "1st"}, []string{"ColorRed", "ColorGreenBlue", "ColorEmpty", "ColorValue1st"}},
		{"Level", Int64, []any{int64(1), int64(-2)}, []string{"LevelValue1", "LevelValueMinus2"}},
		{"Ratio", Float64, []any{0.5, 2.0}, []string{"RatioValue0Point5", "RatioValue2"}},
		{"Fixed", String, []any{"fixed"}, []string{"FixedFixed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ty := findType(t, api, tt.name)
			if ty.Kind != Enum || ty.Enum == nil {
				t.Fatalf("kind %v, want enum", ty.Kind)
			}
			if ty.Enum.Base != tt.base {
				t.Errorf("Base = %v, want %v", ty.Enum.Base, tt.base)
			}
			var values []any
			var consts []string
			for _, v := range ty.Enum.Values {
				values = append(values, v.Value)
				consts = append(consts, v.Name)
			}
			if !reflect.DeepEqual(values, tt.values) {
				t.Errorf("values = %#v, want %#v", values, tt.values)
			}
			if !slices.Equal(consts, tt.consts) {
				t.Errorf("constants = %v, want %v", consts, tt.consts)
			}
		})
	}
}

func TestEnumValueOfWrongType(t *testing.T) {
	err := buildErr(t, doc31(`
    Size:
      type: integer
      enum: [1, 2, large]
`))
	if want := (load.Pos{File: "test.yaml", Line: 11, Column: 7}); err.Pos != want {
		t.Errorf("Pos = %v, want %v", err.Pos, want)
	}
	if !strings.Contains(err.Msg, `enum value "large" is not a`) {
		t.Errorf("Msg = %q, want it to name the bad value", err.Msg)
	}
}

func TestEnumValueOfWrongTypeGrammar(t *testing.T) {
	err := buildErr(t, doc31(`
    Size:
      type: integer
      enum: [1, 2, large]
`))
	if !strings.Contains(err.Msg, "is not an integer") {
		t.Errorf("Msg = %q, want %q", err.Msg, "is not an integer")
	}
}

func TestInlineObjectsGetNamedTypes(t *testing.T) {
	api := buildYAML(t, doc31(`
    Parent:
      type: object
      properties:
        settings:
          type: object
          properties:
            theme:
              type: string
        items:
          type: array
          items:
            type: object
            properties:
              sku:
                type: string
        labels:
          type: object
          additionalProperties:
            type: object
            properties:
              text:
                type: string
        status:
          type: string
          enum: [on, off]
`))
	parent := findType(t, api, "Parent")
	tests := []struct {
		field string
		check func(r *Ref) bool
		want  string
	}{
		{"settings", func(r *Ref) bool {
			return r.Kind == RefNamed && r.Named.Name == "ParentSettings" && r.Named.Kind == Struct
		}, "struct ParentSettings"},
		{"items", func(r *Ref) bool {
			return r.Kind == RefSlice && r.Elem.Kind == RefNamed && r.Elem.Named.Name == "ParentItemsItem"
		}, "[]ParentItemsItem"},
		{"labels", func(r *Ref) bool {
			return r.Kind == RefMap && r.Elem.Kind == RefNamed && r.Elem.Named.Name == "ParentLabelsValue"
		}, "map[string]ParentLabelsValue"},
		{"status", func(r *Ref) bool { return r.Kind == RefNamed && r.Named.Name == "ParentStatus" && r.Named.Kind == Enum }, "enum ParentStatus"},
	}
	for _, tt := range tests {
		if r := findField(t, parent, tt.field).Type; !tt.check(r) {
			t.Errorf("field %s: got %+v, want %s", tt.field, r, tt.want)
		}
	}
	if s := findType(t, api, "ParentSettings"); s.Schema != "ParentSettings" || len(s.Fields) != 1 || s.Fields[0].Name != "Theme" {
		t.Errorf("ParentSettings = %+v", s)
	}
}

func TestUnionVariants(t *testing.T) {
	api := buildYAML(t, doc31(`
    Pet:
      type: object
      properties:
        name:
          type: string
    ListPetsResponse:
      oneOf:
        - type: array
          items:
            $ref: "#/components/schemas/Pet"
        - $ref: "#/components/schemas/ListPetsOffsetPaginatedResponse"
        - $ref: "#/components/schemas/ListPetsCheckpointPaginatedResponse"
    ListPetsOffsetPaginatedResponse:
      type: object
      required: [pets, total]
      properties:
        total:
          type: integer
        pets:
          type: array
          items:
            $ref: "#/components/schemas/Pet"
    ListPetsCheckpointPaginatedResponse:
      type: object
      additionalProperties: false
      required: [pets]
      properties:
        pets:
          type: array
          items:
            $ref: "#/components/schemas/Pet"
        next:
          type: string
`))
	u := findType(t, api, "ListPetsResponse")
	if u.Kind != Union {
		t.Fatalf("kind %v, want union", u.Kind)
	}
	checkVariants(t, u, []variantWant{
		{"Array", ShapeArray, nil, nil, false},
		{"OffsetPaginated", ShapeObject, []string{"pets", "total"}, []string{"pets", "total"}, false},
		{"CheckpointPaginated", ShapeObject, []string{"next", "pets"}, []string{"pets"}, true},
	})
	if r := u.Variants[0].Type; r.Kind != RefSlice || r.Elem.Kind != RefNamed || r.Elem.Named.Name != "Pet" {
		t.Errorf("array variant type = %+v, want []Pet", r)
	}
	if len(api.Warnings) != 0 {
		t.Errorf("warnings: %v", api.Warnings)
	}
}

// TestUnionDeclaredBeforeItsMembers: what tells variants apart is known
// whatever the order of declaration: Animal is declared before Cat and Dog
// (components go in name order), Address before the string types it
// holds, and Folder, half-way through its declaration when its property
// child declares the union of Folder and File, still gives that union its
// properties.
func TestUnionDeclaredBeforeItsMembers(t *testing.T) {
	api := buildYAML(t, doc31(`
    Animal:
      oneOf:
        - $ref: "#/components/schemas/Cat"
        - $ref: "#/components/schemas/Dog"
    Cat: {type: object, required: [meow], properties: {meow: {type: string}}}
    Dog: {type: object, additionalProperties: false, properties: {bark: {type: string}}}
    Address:
      oneOf:
        - $ref: "#/components/schemas/IPv4Address"
        - $ref: "#/components/schemas/IPv6Address"
    IPv4Address: {type: string, format: ipv4}
    IPv6Address: {type: string, format: ipv6}
    Folder:
      type: object
      required: [name]
      properties:
        child: {oneOf: [{$ref: "#/components/schemas/Folder"}, {$ref: "#/components/schemas/File"}]}
        name: {type: string}
    File: {type: object, required: [size], properties: {size: {type: integer}}}
`))
	for union, variants := range map[string][]variantWant{
		"Animal":      {{"Cat", ShapeObject, []string{"meow"}, []string{"meow"}, false}, {"Dog", ShapeObject, []string{"bark"}, nil, true}},
		"Address":     {{"IPv4", ShapeString, nil, nil, false}, {"IPv6", ShapeString, nil, nil, false}},
		"FolderChild": {{"Folder", ShapeObject, []string{"child", "name"}, []string{"name"}, false}, {"File", ShapeObject, []string{"size"}, []string{"size"}, false}},
	} {
		checkVariants(t, findType(t, api, union), variants)
	}
}

// variantWant is what a test expects of a union's variant.
type variantWant struct {
	name       string
	shape      Shape
	props, req []string
	closed     bool
}

// checkVariants compares u's variants, in order, with want.
func checkVariants(t *testing.T, u *Type, want []variantWant) {
	t.Helper()
	if len(u.Variants) != len(want) {
		t.Fatalf("%s: %d variants, want %d", u.Name, len(u.Variants), len(want))
	}
	for i, w := range want {
		v := u.Variants[i]
		if v.Name != w.name || !slices.Equal(v.Shapes, []Shape{w.shape}) || !slices.Equal(v.Properties, w.props) || !slices.Equal(v.Required, w.req) || v.Closed != w.closed {
			t.Errorf("%s variant %d = {%s %v %v %v %v}, want %+v", u.Name, i, v.Name, v.Shapes, v.Properties, v.Required, v.Closed, w)
		}
	}
}

// TestUnionConsts: a struct variant's properties that hold one string only
// (an enum of one, or const) are its Consts, and a variant that is itself
// a union lists the object variants inside it as Nested.
func TestUnionConsts(t *testing.T) {
	api := buildYAML(t, doc31(`
    Shape:
      oneOf:
        - $ref: "#/components/schemas/Circle"
        - $ref: "#/components/schemas/Polygon"
    Circle:
      type: object
      properties:
        kind: {type: string, enum: [circle]}
        unit: {const: cm}
        r: {type: number}
    Polygon:
      oneOf:
        - $ref: "#/components/schemas/Square"
        - $ref: "#/components/schemas/Triangle"
    Square:
      type: object
      properties:
        kind: {type: string, enum: [square, rectangle]}
        sides: {type: integer, enum: [4]}
    Triangle:
      type: object
      properties:
        kind: {type: string, enum: [triangle]}
`))
	u := findType(t, api, "Shape")
	circle, polygon := u.Variants[0], u.Variants[1]
	if want := []Const{{Property: "kind", Value: "circle"}, {Property: "unit", Value: "cm"}}; !slices.Equal(circle.Consts, want) || circle.Nested != nil {
		t.Errorf("Circle: consts %v, nested %v; want %v and none", circle.Consts, circle.Nested, want)
	}
	if len(polygon.Nested) != 2 || polygon.Nested[0].Type.Named.Name != "Square" || polygon.Nested[1].Type.Named.Name != "Triangle" {
		t.Fatalf("Polygon nested = %v, want Square and Triangle", polygon.Nested)
	}
	if square := polygon.Nested[0]; len(square.Consts) != 0 {
		t.Errorf("Square consts = %v; an enum of two strings and an integer enum of one are not string consts", square.Consts)
	}
	if want := []Const{{Property: "kind", Value: "triangle"}}; !slices.Equal(polygon.Nested[1].Consts, want) {
		t.Errorf("Triangle consts = %v, want %v", polygon.Nested[1].Consts, want)
	}
}

// TestVariantNamesClearUnionMethods: a member named like one of the
// union's own methods gets another accessor name.
func TestVariantNamesClearUnionMethods(t *testing.T) {
	api := buildYAML(t, doc31(`
    Check:
      oneOf:
        - $ref: "#/components/schemas/Validate"
        - $ref: "#/components/schemas/MarshalJSON"
    Validate: {type: object, required: [a], properties: {a: {type: string}}}
    MarshalJSON: {type: object, required: [b], properties: {b: {type: string}}}
`))
	u := findType(t, api, "Check")
	if got := []string{u.Variants[0].Name, u.Variants[1].Name}; !slices.Equal(got, []string{"Validate2", "MarshalJSON2"}) {
		t.Errorf("variant names %q, want Validate2 and MarshalJSON2", got)
	}
}

func TestUnionOfScalars(t *testing.T) {
	api := buildYAML(t, doc31(`
    Value:
      oneOf:
        - type: string
        - type: integer
        - type: boolean
        - type: number
    Count:
      anyOf:
        - {type: integer, title: Small}
        - {type: integer, title: Large}
`))
	// The plain number holds every integer, so the integer is left out.
	u := findType(t, api, "Value")
	var names []string
	var shapes []Shape
	for _, v := range u.Variants {
		names = append(names, v.Name)
		shapes = append(shapes, v.Shapes...)
	}
	if want := []string{"String", "Bool", "Number"}; !slices.Equal(names, want) {
		t.Errorf("variant names = %v, want %v", names, want)
	}
	if want := []Shape{ShapeString, ShapeBool, ShapeNumber}; !slices.Equal(shapes, want) {
		t.Errorf("shapes = %v, want %v", shapes, want)
	}
	// Two integer variants cannot be told apart: that is worth a warning.
	if len(api.Warnings) != 1 || !strings.Contains(api.Warnings[0].Msg, "schema Count: variants Small/Large cannot be told apart") {
		t.Errorf("warnings = %v, want one about two integer variants", api.Warnings)
	}
}

// TestNumberHoldsIntegers checks which unions of a number and an integer
// are a number: only those whose number takes every number, and only for
// an inline integer.
func TestNumberHoldsIntegers(t *testing.T) {
	api := buildYAML(t, doc31(`
    Plain:
      anyOf: [{type: number}, {type: integer}]
    Nullable:
      oneOf: [{type: integer, minimum: 1}, {type: number, format: double, description: any number}, {type: "null"}]
    Bounded:
      anyOf: [{type: number, maximum: 1}, {type: integer}]
    Single:
      anyOf: [{type: number, format: float}, {type: integer}]
    Named:
      anyOf: [{type: number}, {$ref: "#/components/schemas/Count"}]
    Count: {type: integer}
`))
	for name, want := range map[string]string{"Plain": "float64", "Nullable": "float64", "Bounded": "union", "Single": "union", "Named": "union"} {
		typ := findType(t, api, name)
		got := "union"
		if typ.Kind != Union {
			got = fmt.Sprintf("kind %v", typ.Kind)
			if typ.Kind == Alias && typ.Elem.Kind == RefBuiltin {
				got = builtinNames[typ.Elem.Builtin]
			}
		}
		if got != want {
			t.Errorf("%s is %s, want %s", name, got, want)
		}
	}
}

func TestAdditionalProperties(t *testing.T) {
	api := buildYAML(t, doc31(`
    Closed:
      type: object
      additionalProperties: false
      properties:
        a:
          type: string
    Open:
      type: object
      additionalProperties: true
      properties:
        b:
          type: string
    Typed:
      type: object
      additionalProperties:
        type: integer
      properties:
        c:
          type: string
    Silent:
      type: object
      properties:
        d:
          type: string
    Dictionary:
      type: object
      additionalProperties:
        type: integer
`))
	for name, want := range map[string]Extra{"Closed": ExtraForbid, "Open": ExtraKeep, "Typed": ExtraKeep, "Silent": ExtraIgnore} {
		ty := findType(t, api, name)
		if ty.Kind != Struct || ty.Extra != want {
			t.Errorf("%s: kind %v extra %d, want struct with extra %d", name, ty.Kind, ty.Extra, want)
		}
	}
	d := findType(t, api, "Dictionary")
	if d.Kind != Map || d.Elem.Kind != RefBuiltin || d.Elem.Builtin != Int64 {
		t.Errorf("Dictionary: kind %v elem %+v, want map[string]int64", d.Kind, d.Elem)
	}
}

func TestConstraints(t *testing.T) {
	api31 := buildYAML(t, doc31(`
    Name:
      type: string
      minLength: 2
      maxLength: 10
      pattern: "^[a-z]+$"
      format: hostname
    Percent:
      type: number
      minimum: 0
      maximum: 100
      multipleOf: 0.5
    Positive:
      type: integer
      exclusiveMinimum: 0
      exclusiveMaximum: 10
    Stronger:
      type: integer
      minimum: 5
      exclusiveMinimum: 3
    Tags:
      type: array
      minItems: 1
      maxItems: 5
      uniqueItems: true
      items:
        type: string
        maxLength: 20
    Bag:
      type: object
      minProperties: 1
      maxProperties: 3
      properties:
        a:
          type: string
        count:
          type: integer
          minimum: 1
    Zero:
      type: string
      minLength: 0
`))
	api30 := buildYAML(t, doc30(`
    Positive:
      type: integer
      minimum: 0
      exclusiveMinimum: true
      maximum: 10
      exclusiveMaximum: true
    Inclusive:
      type: integer
      minimum: 0
      exclusiveMinimum: false
      maximum: 10
`))
	tests := []struct {
		name string
		api  *API
		want Constraints
	}{
		{"3.1/Name", api31, Constraints{MinLength: ptr(2), MaxLength: ptr(10), Pattern: "^[a-z]+$", Format: "hostname"}},
		{"3.1/Percent", api31, Constraints{Minimum: ptr(0.0), Maximum: ptr(100.0), MultipleOf: ptr(0.5)}},
		{"3.1/Positive", api31, Constraints{Minimum: ptr(0.0), ExclusiveMinimum: true, Maximum: ptr(10.0), ExclusiveMaximum: true}},
		{"3.1/Stronger", api31, Constraints{Minimum: ptr(5.0)}},
		{"3.1/Tags", api31, Constraints{MinItems: ptr(1), MaxItems: ptr(5), UniqueItems: true}},
		{"3.1/Bag", api31, Constraints{MinProperties: ptr(1), MaxProperties: ptr(3)}},
		{"3.1/Zero", api31, Constraints{}},
		{"3.0/Positive", api30, Constraints{Minimum: ptr(0.0), ExclusiveMinimum: true, Maximum: ptr(10.0), ExclusiveMaximum: true}},
		{"3.0/Inclusive", api30, Constraints{Minimum: ptr(0.0), Maximum: ptr(10.0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ty := findType(t, tt.api, tt.name[4:])
			if !reflect.DeepEqual(ty.Constraints, tt.want) {
				t.Errorf("constraints = %s, want %s", dump(ty.Constraints), dump(tt.want))
			}
		})
	}
	// Constraints on items and properties travel with the reference.
	if c := findType(t, api31, "Tags").Elem.Constraints; !reflect.DeepEqual(c, Constraints{MaxLength: ptr(20)}) {
		t.Errorf("Tags item constraints = %s", dump(c))
	}
	if c := findField(t, findType(t, api31, "Bag"), "count").Type.Constraints; !reflect.DeepEqual(c, Constraints{Minimum: ptr(1.0)}) {
		t.Errorf("Bag.count constraints = %s", dump(c))
	}
}

// dump renders constraints with their pointers followed.
func dump(c Constraints) string {
	var parts []string
	v := reflect.ValueOf(c)
	for i := range v.NumField() {
		f := v.Field(i)
		if f.IsZero() {
			continue
		}
		if f.Kind() == reflect.Pointer {
			f = f.Elem()
		}
		parts = append(parts, fmt.Sprintf("%s=%v", v.Type().Field(i).Name, f.Interface()))
	}
	return "{" + strings.Join(parts, " ") + "}"
}

func TestContradictoryConstraints(t *testing.T) {
	tests := []struct {
		name   string
		schema string
		line   int
		msg    string
	}{
		{"minimum above maximum", "type: integer\n      minimum: 10\n      maximum: 5", 10, "minimum 10 is above maximum 5"},
		// With only exclusive bounds there is no "minimum" key; the schema is named.
		{"exclusive bounds meet", "type: integer\n      exclusiveMinimum: 5\n      exclusiveMaximum: 5", 8, "exclusiveMinimum 5 and exclusiveMaximum 5 leave no value"},
		{"minLength above maxLength", "type: string\n      minLength: 3\n      maxLength: 2", 10, "minLength 3 is above maxLength 2"},
		{"minItems above maxItems", "type: array\n      items: {type: string}\n      minItems: 3\n      maxItems: 2", 11, "minItems 3 is above maxItems 2"},
		{"broken pattern", "type: string\n      pattern: \"[a-\"", 10, `pattern "[a-" is not a valid regular expression`},
		{"multipleOf zero", "type: number\n      multipleOf: 0", 0, "multipleOf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := load.Data("test.yaml", []byte(doc31("    Bad:\n      "+tt.schema+"\n")))
			if err != nil {
				// The loader may catch it first; that is fine as long as it says where.
				le, ok := err.(*load.Error)
				if !ok || le.Pos.Line == 0 {
					t.Fatalf("load error %v has no line", err)
				}
				return
			}
			_, err = Build(doc, Options{})
			le, ok := err.(*load.Error)
			if !ok {
				t.Fatalf("Build error = %v (%T), want *load.Error", err, err)
			}
			if le.Pos.File != "test.yaml" || le.Pos.Line < 8 || (tt.line != 0 && le.Pos.Line != tt.line) {
				t.Errorf("Pos = %v, want test.yaml:%d", le.Pos, tt.line)
			}
			if !strings.Contains(le.Msg, tt.msg) {
				t.Errorf("Msg = %q, want %q", le.Msg, tt.msg)
			}
		})
	}
}

// TestPatternBeyondRE2IsAWarning: a pattern beyond Go's regexp that
// cannot be split (a back-reference) is dropped with a warning; one with a
// look-ahead mid-pattern, at no fixed place, is checked without it, with a
// warning naming it;
// one at the start is split into regexps Go can run (see
// TestSplitLookaheads) and checked, without a warning.
func TestPatternBeyondRE2IsAWarning(t *testing.T) {
	api := buildYAML(t, doc31(`
    Backreference:
      type: string
      pattern: "^(a)\\1$"
    Lookahead:
      type: string
      pattern: "^a+(?=.*[0-9]).+$"
    LeadingLookahead:
      type: string
      pattern: "^(?=.*[0-9]).+$"
`))
	if c := findType(t, api, "Backreference").Constraints; c.Pattern != "" || c.Split != nil {
		t.Errorf("Backreference: Pattern = %q, %+v; want it dropped", c.Pattern, c.Split)
	}
	if c := findType(t, api, "Lookahead").Constraints; c.Pattern != "^a+(?=.*[0-9]).+$" || c.Split == nil || !slices.Equal(c.Split.Loosened, []string{"(?=.*[0-9])"}) || !slices.Equal(c.Split.Alternatives[0].All, []string{"^(?:a+(?:).+$)"}) {
		t.Errorf("Lookahead: Pattern = %q, %+v; want it checked without its look-ahead", c.Pattern, c.Split)
	}
	if len(api.Warnings) != 2 {
		t.Fatalf("warnings = %v, want two", api.Warnings)
	}
	if w := api.Warnings[0]; !strings.Contains(w.Msg, `pattern "^(a)\\1$" is beyond Go's regexp`) || w.Pos.Line != 11 {
		t.Errorf("warning = %v, want one at test.yaml:11 about Go's regexp", w)
	}
	if w := api.Warnings[1]; !strings.Contains(w.Msg, "is checked without its look-around (?=.*[0-9])") || w.Pos.Line != 14 {
		t.Errorf("warning = %v, want one at test.yaml:14 naming the look-ahead left out", w)
	}
	c := findType(t, api, "LeadingLookahead").Constraints
	if c.Pattern != "^(?=.*[0-9]).+$" || c.Split == nil || len(c.Split.Alternatives) != 1 || !slices.Equal(c.Split.Alternatives[0].All, []string{"^(?:.*[0-9])", "^(?:.+$)"}) || c.Split.Loosened != nil {
		t.Errorf("LeadingLookahead: Pattern %q, %+v; want it split", c.Pattern, c.Split)
	}
}

func TestNamesDifferingOnlyInCase(t *testing.T) {
	api := buildYAML(t, doc31(`
    foo:
      type: object
      properties:
        a:
          type: string
    Foo:
      type: object
      properties:
        b:
          type: string
    Holder:
      type: object
      properties:
        lower:
          $ref: "#/components/schemas/foo"
        upper:
          $ref: "#/components/schemas/Foo"
`))
	bySchema := map[string]string{}
	for _, ty := range api.Types {
		bySchema[ty.Schema] = ty.Name
	}
	if bySchema["foo"] == bySchema["Foo"] || bySchema["foo"] == "" || bySchema["Foo"] == "" {
		t.Fatalf("foo → %q, Foo → %q; want two distinct names", bySchema["foo"], bySchema["Foo"])
	}
	// Components are named in sorted order, and "Foo" sorts before "foo".
	if bySchema["Foo"] != "Foo" || bySchema["foo"] != "Foo2" {
		t.Errorf("Foo → %q, foo → %q; want Foo and Foo2", bySchema["Foo"], bySchema["foo"])
	}
	h := findType(t, api, "Holder")
	if got := findField(t, h, "lower").Type.Named.Schema; got != "foo" {
		t.Errorf("Holder.lower refers to %q, want foo", got)
	}
	if got := findField(t, h, "upper").Type.Named.Schema; got != "Foo" {
		t.Errorf("Holder.upper refers to %q, want Foo", got)
	}
}

func TestReservedNamesAreAvoided(t *testing.T) {
	doc, err := load.Data("test.yaml", []byte(doc31(`
    Opt:
      type: string
    ValidationError:
      type: object
      properties:
        validate:
          type: string
        Validate:
          type: string
        string:
          type: string
`)))
	if err != nil {
		t.Fatal(err)
	}
	api, err := Build(doc, Options{Reserved: []string{"Opt", "ValidationError"}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := typeNames(api), []string{"OptSchema", "ValidationErrorSchema"}; !slices.Equal(got, want) {
		t.Errorf("types = %v, want %v", got, want)
	}
	var fields []string
	for _, f := range findType(t, api, "ValidationErrorSchema").Fields {
		fields = append(fields, f.Name)
	}
	// Fields steer clear of the generated methods and of each other.
	if want := []string{"Validate2", "Validate3", "String2"}; !slices.Equal(fields, want) {
		t.Errorf("fields = %v, want %v", fields, want)
	}
}

// A schema named as the runtime's Error gets Schema after its name, unless
// another schema is named so; then it gets a number.
func TestReservedNameSuffix(t *testing.T) {
	for _, tc := range []struct {
		schemas string
		want    []string
	}{
		{"    Error:\n      type: string\n    Item:\n      type: string\n", []string{"ErrorSchema", "Item"}},
		{"    Error:\n      type: string\n    ErrorSchema:\n      type: string\n", []string{"Error2", "ErrorSchema"}},
		{"    error_schema:\n      type: string\n    Error:\n      type: string\n", []string{"Error2", "ErrorSchema"}},
	} {
		doc, err := load.Data("test.yaml", []byte(doc31(tc.schemas)))
		if err != nil {
			t.Fatal(err)
		}
		api, err := Build(doc, Options{Reserved: []string{"Error"}})
		if err != nil {
			t.Fatal(err)
		}
		if got := typeNames(api); !slices.Equal(got, tc.want) {
			t.Errorf("%s: types = %v, want %v", tc.schemas, got, tc.want)
		}
	}
}

func TestRecursiveSchema(t *testing.T) {
	api := buildYAML(t, doc31(`
    Node:
      type: object
      required: [name, parent]
      properties:
        name:
          type: string
        children:
          type: array
          items:
            $ref: "#/components/schemas/Node"
        parent:
          $ref: "#/components/schemas/Node"
        sibling:
          $ref: "#/components/schemas/Leaf"
        loop:
          $ref: "#/components/schemas/Loop"
    Leaf:
      type: object
      properties:
        value:
          type: string
    Loop:
      type: object
      properties:
        back:
          $ref: "#/components/schemas/Node"
`))
	node := findType(t, api, "Node")
	tests := []struct {
		field string
		wrap  Wrap
	}{
		{"name", WrapNone},
		{"children", WrapOpt},   // a slice already indirects
		{"parent", WrapPointer}, // Node inside Node
		{"sibling", WrapOpt},    // Leaf does not lead back
	}
	for _, tt := range tests {
		if f := findField(t, node, tt.field); f.Wrap != tt.wrap {
			t.Errorf("Node.%s: Wrap = %d, want %d", tt.field, f.Wrap, tt.wrap)
		}
	}
	if r := findField(t, node, "children").Type; r.Kind != RefSlice || r.Elem.Named != node {
		t.Errorf("children = %+v, want []Node", r)
	}
	if r := findField(t, node, "parent").Type; r.Kind != RefNamed || r.Named != node {
		t.Errorf("parent = %+v, want Node", r)
	}
	// Node.loop → Loop.back → Node is a cycle of two structs: one pointer
	// breaks it, and which one depends on the order the types are visited.
	loop, back := findField(t, node, "loop"), findField(t, findType(t, api, "Loop"), "back")
	if (loop.Wrap == WrapPointer) == (back.Wrap == WrapPointer) || (loop.Wrap != WrapPointer && loop.Wrap != WrapOpt) || (back.Wrap != WrapPointer && back.Wrap != WrapOpt) {
		t.Errorf("Node.loop Wrap = %d, Loop.back Wrap = %d; want exactly one pointer, the other WrapOpt", loop.Wrap, back.Wrap)
	}
}

func TestTypesSortedByName(t *testing.T) {
	api := buildYAML(t, doc31(`
    Zoo:
      type: object
      properties:
        keeper:
          type: object
          properties:
            name:
              type: string
    Alpha:
      type: string
      enum: [a]
    Middle:
      type: array
      items:
        type: string
`))
	got := typeNames(api)
	if want := []string{"Alpha", "Middle", "Zoo", "ZooKeeper"}; !slices.Equal(got, want) {
		t.Errorf("types = %v, want %v", got, want)
	}
	if !slices.IsSorted(got) {
		t.Errorf("types not sorted: %v", got)
	}
}

const operationsDoc = `openapi: 3.1.0
info:
  title: Ops
  version: "1"
security:
  - bearer: []
paths:
  /pets/{id}:
    parameters:
      - name: id
        in: path
        required: true
        schema:
          type: string
    delete:
      operationId: delete_pet
      tags: [pets]
      security: []
      responses:
        "204":
          description: Deleted.
    get:
      operationId: get_pet
      tags: [pets]
      x-operation-group: pets
      x-operation-name: get
      x-operation-request-parameters-name: GetPetRequestParameters
      parameters:
        - name: fields
          in: query
          schema:
            type: string
      responses:
        "200":
          description: The pet.
  /pets:
    post:
      operationId: create_pet
      x-operation-group: [pets, admin]
      x-operation-name: create
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
                name:
                  type: string
      responses:
        "201":
          description: Created.
    get:
      operationId: list_pets
      tags: [pet-store]
      parameters:
        - name: per_page
          in: query
          schema:
            type: integer
        - name: X-Request-Id
          in: header
          schema:
            type: string
      responses:
        "200":
          description: The pets.
        4XX:
          description: Client error.
        default:
          description: Anything else.
  /health:
    get:
      responses:
        "200":
          description: OK.
components:
  securitySchemes:
    bearer:
      type: http
      scheme: Bearer
`

func TestOperations(t *testing.T) {
	api := buildYAML(t, operationsDoc)
	type opSummary struct {
		method, path string
		group        []string
		name         string
	}
	var got []opSummary
	for _, o := range api.Operations {
		got = append(got, opSummary{o.Method, o.Path, o.Group, o.Name})
	}
	// Sorted by path, then by method in the order GET, POST, PUT, PATCH,
	// DELETE; Group and Name from x-operation-group and x-operation-name,
	// else from the first tag and the operationId, else from method and path.
	want := []opSummary{
		{"GET", "/health", nil, "GetHealth"},
		{"GET", "/pets", []string{"PetStore"}, "ListPets"},
		{"POST", "/pets", []string{"Pets", "Admin"}, "Create"},
		{"GET", "/pets/{id}", []string{"Pets"}, "Get"},
		{"DELETE", "/pets/{id}", []string{"Pets"}, "DeletePet"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("operations:\n got %+v\nwant %+v", got, want)
	}

	byID := map[string]*Operation{}
	for _, o := range api.Operations {
		byID[o.ID] = o
	}
	if o := byID["GET /health"]; o == nil {
		t.Errorf("operation without operationId should get ID %q; IDs: %v", "GET /health", keys(byID))
	}
	list := byID["list_pets"]
	if list == nil {
		t.Fatalf("no list_pets; IDs: %v", keys(byID))
	}
	var params []string
	for _, p := range list.Params {
		params = append(params, p.GoName+":"+string(p.In)+":"+p.Style)
	}
	if want := []string{"PerPage:query:form", "XRequestID:header:simple"}; !slices.Equal(params, want) {
		t.Errorf("list_pets params = %v, want %v", params, want)
	}
	var responses []string
	for _, r := range list.Responses {
		responses = append(responses, r.Range+"/"+strconv.Itoa(r.Status))
	}
	if want := []string{"/200", "4XX/0", "/0"}; !slices.Equal(responses, want) {
		t.Errorf("list_pets responses = %v, want %v", responses, want)
	}
	if len(list.Security) != 1 || len(list.Security[0]) != 1 || list.Security[0][0].Scheme.Name != "bearer" || list.Security[0][0].Scheme.Scheme != "bearer" {
		t.Errorf("list_pets security = %+v, want the global bearer", list.Security)
	}
	if del := byID["delete_pet"]; del == nil || len(del.Security) != 0 {
		t.Errorf("delete_pet has security: []; want none, got %+v", del)
	}
	get := byID["get_pet"]
	if len(get.Params) != 2 || get.Params[0].Name != "id" || get.Params[0].In != InPath || !get.Params[0].Required {
		t.Errorf("get_pet params = %+v, want the path item's id first", get.Params)
	}
	create := byID["create_pet"]
	if create.Body == nil || !create.Body.Required || len(create.Body.Media) != 1 || create.Body.Media[0].Type.Named == nil || create.Body.Media[0].Type.Named.Name != "PetsAdminCreateBody" {
		t.Errorf("create_pet body = %+v, want a required JSON body of type PetsAdminCreateBody", create.Body)
	}
}

func TestParamsType(t *testing.T) {
	api := buildYAML(t, operationsDoc)
	byID := map[string]*Operation{}
	for _, o := range api.Operations {
		byID[o.ID] = o
	}
	tests := []struct {
		id, want string
	}{
		{"get_pet", "GetPetRequestParameters"}, // x-operation-request-parameters-name
		{"delete_pet", ""},                     // path parameters only: no struct
		{"create_pet", ""},                     // no parameters
		{"list_pets", "PetStoreListPetsParams"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			got := ""
			if pt := byID[tt.id].ParamsType; pt != nil {
				got = pt.Name
				if !pt.Params || pt.Kind != Struct {
					t.Errorf("ParamsType %s is not a params struct", got)
				}
				for _, f := range pt.Fields {
					if f.Param == nil || f.Param.Field != f || f.Param.In == InPath {
						t.Errorf("field %s is not linked to a query/header/cookie parameter", f.Name)
					}
				}
			}
			if got != tt.want {
				t.Errorf("ParamsType = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOperationNameCollision(t *testing.T) {
	api := buildYAML(t, `openapi: 3.1.0
info:
  title: Ops
  version: "1"
paths:
  /a:
    get:
      operationId: first
      x-operation-group: things
      x-operation-name: list
      responses:
        "204":
          description: OK.
  /b:
    get:
      operationId: second
      x-operation-group: things
      x-operation-name: list
      responses:
        "204":
          description: OK.
`)
	var names []string
	for _, o := range api.Operations {
		names = append(names, strings.Join(o.Group, ".")+"."+o.Name)
	}
	if want := []string{"Things.List", "Things.Second"}; !slices.Equal(names, want) {
		t.Errorf("names = %v, want %v", names, want)
	}
}

func TestOperationErrors(t *testing.T) {
	// These are caught by the loader's validation before the model sees
	// them; the model checks them again for documents that skip it. Here
	// both stages together must name a line.
	tests := []struct {
		name string
		src  string
		line int
		msg  string
	}{
		{"undeclared path parameter", `openapi: 3.1.0
info:
  title: Ops
  version: "1"
paths:
  /pets/{id}:
    get:
      responses:
        "204":
          description: OK.
`, 7, "operation GET /pets/{id}: path parameter {id} is not declared in parameters"},
		{"undeclared security scheme", `openapi: 3.1.0
info:
  title: Ops
  version: "1"
paths:
  /pets:
    get:
      security:
        - key: []
      responses:
        "204":
          description: OK.
`, 7, `"key"`},
		{"duplicate operationId", `openapi: 3.1.0
info:
  title: Ops
  version: "1"
paths:
  /a:
    get:
      operationId: same
      responses:
        "204":
          description: OK.
  /b:
    get:
      operationId: same
      responses:
        "204":
          description: OK.
`, 13, `"same"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := load.Data("test.yaml", []byte(tt.src))
			if err == nil {
				_, err = Build(doc, Options{})
			}
			le, ok := err.(*load.Error)
			if !ok {
				t.Fatalf("error = %v (%T), want *load.Error", err, err)
			}
			if le.Pos.File != "test.yaml" || le.Pos.Line != tt.line {
				t.Errorf("Pos = %v, want test.yaml:%d", le.Pos, tt.line)
			}
			if !strings.Contains(le.Msg, tt.msg) {
				t.Errorf("Msg = %q, want %q", le.Msg, tt.msg)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	first := buildYAML(t, operationsDoc)
	for range 5 {
		again := buildYAML(t, operationsDoc)
		if !slices.Equal(typeNames(first), typeNames(again)) {
			t.Fatalf("types differ between runs: %v vs %v", typeNames(first), typeNames(again))
		}
		for i := range first.Operations {
			a, b := first.Operations[i], again.Operations[i]
			if a.ID != b.ID || a.Name != b.Name || typeName(a.ParamsType) != typeName(b.ParamsType) {
				t.Fatalf("operation %d differs between runs: %+v vs %+v", i, a, b)
			}
		}
	}
}

func keys[V any](m map[string]V) []string { return sortedKeys(m) }

func typeName(t *Type) string {
	if t == nil {
		return ""
	}
	return t.Name
}

func TestExclusiveBoundsMessage(t *testing.T) {
	err := buildErr(t, doc31("    Bad:\n      type: integer\n      exclusiveMinimum: 5\n      exclusiveMaximum: 5\n"))
	if strings.Contains(err.Msg, "5 is above maximum 5") || !strings.Contains(err.Msg, "exclusive") {
		t.Errorf("Msg = %q, want it to name the exclusive bounds", err.Msg)
	}
}

// requiredFields lists a struct's fields as name:required, in order.
func requiredFields(t *Type) []string {
	var out []string
	for _, f := range t.Fields {
		out = append(out, f.JSONName+":"+strconv.FormatBool(f.Required))
	}
	return out
}

// TestAllOfOfAnAlias: an allOf member that is itself another object (an
// allOf of one object with empty properties, as Azure's ProxyResource is
// of Resource; or anyOf [object, null]) merges that object's properties
// instead of being dropped with a warning.
func TestAllOfOfAnAlias(t *testing.T) {
	api := buildYAML(t, doc30(`
    Resource:
      type: object
      required: [id]
      properties:
        id: {type: string}
        name: {type: string}
    ProxyResource:
      type: object
      properties: {}
      allOf:
        - $ref: "#/components/schemas/Resource"
    Policy:
      type: object
      required: [kind]
      allOf:
        - $ref: "#/components/schemas/ProxyResource"
        - allOf:
            - type: object
              properties:
                inline: {type: boolean}
          properties: {}
          type: object
        - anyOf:
            - $ref: "#/components/schemas/Tagged"
            - type: "null"
      properties:
        kind: {type: string}
    Tagged:
      type: object
      properties:
        tags: {type: array, items: {type: string}}
`))
	fields := requiredFields(findType(t, api, "Policy"))
	if want := []string{"id:true", "name:false", "inline:false", "tags:false", "kind:true"}; !slices.Equal(fields, want) {
		t.Errorf("Policy fields = %v, want %v", fields, want)
	}
	if len(api.Warnings) != 0 {
		t.Errorf("warnings = %v, want none", api.Warnings)
	}
}

func TestAllOfAndRefSiblings(t *testing.T) {
	api := buildYAML(t, doc31(`
    Base:
      type: object
      required: [id]
      properties:
        id:
          type: string
        note:
          type: string
    Derived:
      allOf:
        - $ref: "#/components/schemas/Base"
        - type: object
          required: [note]
          properties:
            extra:
              type: integer
    Holder:
      type: object
      properties:
        described:
          $ref: "#/components/schemas/Base"
          description: A Base with a description next to the $ref.
        wrapped:
          allOf:
            - $ref: "#/components/schemas/Base"
`))
	d := findType(t, api, "Derived")
	fields := requiredFields(d)
	// allOf members are merged in order; required lists add up.
	if want := []string{"id:true", "note:true", "extra:false"}; d.Kind != Struct || !slices.Equal(fields, want) {
		t.Errorf("Derived: kind %v fields %v, want struct with %v", d.Kind, fields, want)
	}
	h := findType(t, api, "Holder")
	for _, name := range []string{"described", "wrapped"} {
		if r := findField(t, h, name).Type; r.Kind != RefNamed || r.Named.Name != "Base" {
			t.Errorf("Holder.%s = %+v, want Base", name, r)
		}
	}
	if got := typeNames(api); !slices.Equal(got, []string{"Base", "Derived", "Holder"}) {
		t.Errorf("types = %v, want no extra types for the $ref siblings or the lone allOf", got)
	}
}

// TestConfigNames: renames from the config win over the spec's names, and
// a rename that is not an exported identifier is an error.
func TestConfigNames(t *testing.T) {
	const spec = `openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /pets:
    get:
      operationId: list_pets
      responses:
        "200": {description: ok}
components:
  schemas:
    pet_record:
      type: object
      properties:
        name: {type: string}
`
	doc, err := load.Data("test.yaml", []byte(spec))
	if err != nil {
		t.Fatal(err)
	}
	api, err := Build(doc, Options{TypeNames: map[string]string{"pet_record": "Pet"}, MethodNames: map[string]string{"list_pets": "Pets"}})
	if err != nil {
		t.Fatal(err)
	}
	if names := typeNames(api); !slices.Contains(names, "Pet") || slices.Contains(names, "PetRecord") {
		t.Errorf("types = %v, want Pet instead of PetRecord", names)
	}
	if api.Operations[0].Name != "Pets" {
		t.Errorf("method = %s, want Pets", api.Operations[0].Name)
	}
	_, err = Build(doc, Options{TypeNames: map[string]string{"pet_record": "not-go"}})
	if err == nil || !strings.Contains(err.Error(), `the name given to schema pet_record in the config "not-go" is not an exported Go identifier`) {
		t.Errorf("bad rename: %v", err)
	}
	// A rename of something the spec does not have is an error, with a
	// hint when the name differs only in case or punctuation.
	for _, tc := range []struct {
		opts Options
		want string
	}{
		{Options{TypeNames: map[string]string{"PetRecord": "Pet"}}, `names.types: the spec has no component schema "PetRecord" (did you mean "pet_record"?)`},
		{Options{TypeNames: map[string]string{"Owner": "Person"}}, `names.types: the spec has no component schema "Owner"`},
		{Options{MethodNames: map[string]string{"listPets": "Pets"}}, `names.operations: no operation has the operationId "listPets" (did you mean "list_pets"?)`},
	} {
		if _, err := Build(doc, tc.opts); err == nil || err.Error() != tc.want {
			t.Errorf("Build(%+v) = %v, want %s", tc.opts, err, tc.want)
		}
	}
	if _, err := Build(doc, Options{MethodNames: map[string]string{"GET /pets": "All"}}); err == nil {
		// list_pets has an operationId, so "GET /pets" names nothing.
		t.Error(`a rename of "GET /pets", which has an operationId: no error`)
	}
}

// TestUntypedEnum: without a type, an enum's values choose its base when
// they agree, and values of several kinds (nexmo's [true, false, 0, 1])
// are kept as raw JSON with a warning instead of failing on a type the spec
// never named.
func TestUntypedEnum(t *testing.T) {
	api := buildYAML(t, doc31(`
    Numbers:
      enum: [1, 2.5]
    Mixed:
      enum: [true, false, 0, 1]
`))
	kinds := map[string]string{}
	for _, ty := range api.Types {
		switch {
		case ty.Kind == Enum:
			kinds[ty.Name] = fmt.Sprintf("enum of %v", ty.Enum.Base)
		case ty.Kind == Alias && ty.Elem.Builtin == RawJSON:
			kinds[ty.Name] = "raw JSON"
		}
	}
	if kinds["Numbers"] != fmt.Sprintf("enum of %v", Float64) || kinds["Mixed"] != "raw JSON" {
		t.Errorf("types = %v; want Numbers an enum of float64 and Mixed raw JSON", kinds)
	}
	if len(api.Warnings) != 1 || !strings.Contains(api.Warnings[0].Msg, "schema Mixed: enum without a type, of objects, arrays or values of several types, is kept as raw JSON") {
		t.Errorf("warnings = %v", api.Warnings)
	}
}

// TestEmptyTitleAndServerURL: real specs have an empty info.title or
// server URL; load lets them through, the docs call the API "the API"
// (with a warning) and a server without a URL is not a default.
func TestEmptyTitleAndServerURL(t *testing.T) {
	api := buildYAML(t, `openapi: 3.0.3
info: {title: "", version: "1"}
servers: [{url: ""}, {url: "https://api.example.com"}]
paths: {}
`)
	if api.Title != "the API" {
		t.Errorf("Title = %q, want %q", api.Title, "the API")
	}
	if len(api.Servers) != 1 || api.Servers[0].URL != "https://api.example.com" {
		t.Errorf("Servers = %+v, want only the one with a URL", api.Servers)
	}
	if len(api.Warnings) != 1 || api.Warnings[0].Msg != `info has no title; the generated docs call it "the API"` || api.Warnings[0].Pos.Line != 2 {
		t.Errorf("warnings = %v", api.Warnings)
	}
}

// TestBooleanEnumOfBits: image-charts' boolean parameter lists "0" and
// "1" beside true and false, as a query string spells them: they are read
// as false and true, with a warning; a 2 is still an error.
func TestBooleanEnumOfBits(t *testing.T) {
	api := buildYAML(t, doc31(`
    Watermark:
      type: boolean
      enum: ["0", "1", true, false]
    Flag:
      type: boolean
      enum: [1]
`))
	for name, want := range map[string][]any{"Watermark": {false, true}, "Flag": {true}} {
		var values []any
		for _, v := range findType(t, api, name).Enum.Values {
			values = append(values, v.Value)
		}
		if !slices.Equal(values, want) {
			t.Errorf("%s's values = %v, want %v", name, values, want)
		}
	}
	var msgs []string
	for _, w := range api.Warnings {
		msgs = append(msgs, w.Msg)
	}
	slices.Sort(msgs)
	want := []string{
		`schema Flag: enum value 1 is not a boolean; read as one, 0 as false and 1 as true, as the type says`,
		`schema Watermark: enum values "0", "1" are not a boolean; read as one, 0 as false and 1 as true, as the type says`,
	}
	if !slices.Equal(msgs, want) {
		t.Errorf("warnings = %q\nwant %q", msgs, want)
	}
	err := buildErr(t, doc31(`
    Flag:
      type: boolean
      enum: [true, 2]
`))
	if !strings.Contains(err.Msg, "enum value 2 is not a boolean") {
		t.Errorf("a 2 in a boolean enum: %v", err)
	}
}

// TestStringEnumOfNumbers: enum: [1, 2, true] under type: string (YAML
// without quotes, in real specs) is the strings "1", "2" and "true", with
// a warning; an object among them is still an error.
func TestStringEnumOfNumbers(t *testing.T) {
	api := buildYAML(t, doc31(`
    Verse:
      type: string
      enum: [1, 2.5, true, x]
`))
	var values []any
	for _, v := range findType(t, api, "Verse").Enum.Values {
		values = append(values, v.Value)
	}
	if want := []any{"1", "2.5", "true", "x"}; !slices.Equal(values, want) {
		t.Errorf("values = %v, want %v", values, want)
	}
	if len(api.Warnings) != 1 || !strings.Contains(api.Warnings[0].Msg, `schema Verse: enum values 1, 2.5, true are not quoted; read as text, as the type says`) {
		t.Errorf("warnings = %v", api.Warnings)
	}
	err := buildErr(t, doc31(`
    Verse:
      type: string
      enum: [x, {a: 1}]
`))
	if !strings.Contains(err.Msg, "is not a string") {
		t.Errorf("an object in a string enum: %v", err)
	}
}

// TestPatternWithUnknownClass: Java's \p{Print} and the like (in AWS's
// and other Java-made specs) are read as Java reads them, with a warning
// that says so; a class no dialect knows leaves the pattern unchecked, a
// warning that names the class; a broken range is still an error.
func TestPatternWithUnknownClass(t *testing.T) {
	api := buildYAML(t, doc31(`
    Printable:
      type: string
      pattern: "\\A\\S[\\p{Print}]*\\z"
    Letters:
      type: string
      pattern: "([A-Za-z' ]|\\p{IsLetter})*|\\P{XDigit}\\P{IsDigit}"
    Unknown:
      type: string
      pattern: "\\p{Printable}+"
`))
	c := findType(t, api, "Printable").Constraints
	if c.Pattern != `\A\S[\p{Print}]*\z` || c.Split == nil || !slices.Equal(c.Split.Alternatives[0].All, []string{`\A\S[[:print:]]*\z`}) {
		t.Errorf("Printable: Pattern = %q, %+v; want it read as [[:print:]]", c.Pattern, c.Split)
	}
	c = findType(t, api, "Letters").Constraints
	if c.Split == nil || !slices.Equal(c.Split.Alternatives[0].All, []string{`([A-Za-z' ]|\p{L})*|[[:^xdigit:]]\P{Nd}`}) {
		t.Errorf("Letters: Pattern = %q, %+v", c.Pattern, c.Split)
	}
	if c := findType(t, api, "Unknown").Constraints; c.Pattern != "" {
		t.Errorf("Unknown: Pattern = %q, want it dropped", c.Pattern)
	}
	var msgs []string
	for _, w := range api.Warnings {
		msgs = append(msgs, w.Msg)
	}
	for i, want := range []string{
		`pattern "\\A\\S[\\p{Print}]*\\z" uses \p{Print}, which ECMA-262 lacks and Java has; it is checked as Java reads it`,
		`pattern "([A-Za-z' ]|\\p{IsLetter})*|\\P{XDigit}\\P{IsDigit}" uses \p{IsLetter}, \P{XDigit}, \P{IsDigit}, which ECMA-262 lacks and Java has; it is checked as Java reads them`,
		`pattern "\\p{Printable}+" is beyond Go's regexp (it has no character class \p{Printable}); it is not checked`,
	} {
		if i >= len(msgs) || msgs[i] != want {
			t.Errorf("warnings = %q; want [%d] %s", msgs, i, want)
		}
	}
	// AWS's specs escape the braces: \p\{L\} (a plain p, to ECMA-262
	// without its u flag).
	api = buildYAML(t, doc31(`
    Escaped:
      type: string
      pattern: '[\p\{L\}]+'
`))
	if c := findType(t, api, "Escaped").Constraints; c.Pattern != "" || len(api.Warnings) != 1 || !strings.Contains(api.Warnings[0].Msg, `it is not checked`) {
		t.Errorf("Pattern = %q, warnings = %v; want it dropped with a warning", c.Pattern, api.Warnings)
	}
	err := buildErr(t, doc31(`
    Backwards:
      type: string
      pattern: "[z-a]"
`))
	if !strings.Contains(err.Msg, "is not a valid regular expression") {
		t.Errorf("a broken range: %v", err)
	}
}

// TestNullTypeIn30: type "null" is 3.1's, but real 3.0 specs use it
// (Blockfrost's anyOf ends with {type: 'null'}). A 3.0 document reads it
// as 3.1 does, a field that may be null, with a warning at each such
// type; the 3.1 document gives the same types and no warning.
func TestNullTypeIn30(t *testing.T) {
	schemas := `
    Metadata:
      type: object
      properties:
        json:
          anyOf:
            - type: string
            - type: integer
            - type: 'null'
        name:
          anyOf:
            - type: string
            - type: 'null'
`
	api30, api31 := buildYAML(t, doc30(schemas)), buildYAML(t, doc31(schemas))
	for _, api := range []*API{api30, api31} {
		meta := findType(t, api, "Metadata")
		for _, name := range []string{"json", "name"} {
			if f := findField(t, meta, name); f.Wrap != WrapNullable {
				t.Errorf("field %s: Wrap = %v, want WrapNullable", name, f.Wrap)
			}
		}
		if f := findField(t, meta, "name"); f.Type.Kind != RefBuiltin || f.Type.Builtin != String {
			t.Errorf("field name: %+v, want a string", f.Type)
		}
	}
	if len(api31.Warnings) != 0 {
		t.Errorf("3.1 warnings = %v, want none", api31.Warnings)
	}
	var lines []int
	for _, w := range api30.Warnings {
		if strings.Contains(w.Msg, `type "null" is OpenAPI 3.1; this 3.0 document is read as 3.1 reads it`) {
			lines = append(lines, w.Pos.Line)
		}
	}
	if want := []int{16, 20}; !slices.Equal(lines, want) {
		t.Errorf("warnings at lines %v, want %v: %v", lines, want, api30.Warnings)
	}
}

// TestNumericEnumOfStrings: enum: ["1", "2"] under type: integer (quoted
// in real specs: WhatsApp's, Bungie's) is the numbers, with a warning;
// a number of another type, or a word among numbers, is still an error.
func TestNumericEnumOfStrings(t *testing.T) {
	api := buildYAML(t, doc31(`
    Day:
      type: integer
      enum: ["1", 2, "3"]
    Ratio:
      type: number
      enum: ["0.5", "1e3"]
    Flag:
      type: boolean
      enum: ["true"]
`))
	for name, want := range map[string][]any{"Day": {int64(1), int64(2), int64(3)}, "Ratio": {0.5, 1000.0}, "Flag": {true}} {
		var values []any
		for _, v := range findType(t, api, name).Enum.Values {
			values = append(values, v.Value)
		}
		if !slices.Equal(values, want) {
			t.Errorf("%s values = %#v, want %#v", name, values, want)
		}
	}
	var got []string
	for _, w := range api.Warnings {
		got = append(got, w.Msg)
	}
	if want := []string{
		`schema Day: enum values "1", "3" are quoted; read as an integer, as the type says`,
		`schema Ratio: enum values "0.5", "1e3" are quoted; read as a number, as the type says`,
		`schema Flag: enum value "true" is quoted; read as a boolean, as the type says`,
	}; !slices.Equal(got, want) {
		t.Errorf("warnings = %v", api.Warnings)
	}
	for _, bad := range []string{`"1.5"`, `"2", "x"`, `1, "Primary"`} {
		err := buildErr(t, doc31(`
    Key:
      type: integer
      enum: [`+bad+`]
`))
		if !strings.Contains(err.Msg, "is not an integer") {
			t.Errorf("enum [%s] under type: integer: %v", bad, err)
		}
	}
}

// TestSkippedPathsAreWarnings: what load leaves out (a path with a query
// string whose key is in braces) is among the model's warnings, in file
// order, and generates no operation.
func TestSkippedPathsAreWarnings(t *testing.T) {
	api := buildYAML(t, `openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /rest?{method}=photos.search:
    get:
      operationId: searchPhotos
      responses: {"200": {description: ok}}
  /photos:
    get:
      operationId: listPhotos
      responses: {"200": {description: ok}}
components:
  schemas:
    Odd: {type: string, pattern: "(?=x)"}
`)
	if len(api.Operations) != 1 || api.Operations[0].ID != "listPhotos" {
		t.Errorf("operations = %v, want listPhotos alone", api.Operations)
	}
	if len(api.Warnings) != 2 || api.Warnings[0].Pos.Line != 4 || !strings.Contains(api.Warnings[0].Msg, "its operations (GET) are skipped") || api.Warnings[1].Pos.Line != 14 {
		t.Errorf("warnings = %v; want the skipped path (line 4), then the pattern (line 14)", api.Warnings)
	}
}

// TestEnumOfWordsUnderNumericType: an enum of words under a numeric or
// boolean type (Probely's enum: [created, comment] with type: integer)
// names strings, which no value of the type could equal: the type is
// taken as string, with a warning at it.
func TestEnumOfWordsUnderNumericType(t *testing.T) {
	api := buildYAML(t, doc31(`
    Change:
      type: integer
      enum: [created, comment, null]
    Answer:
      type: boolean
      enum: ["yes", "no"]
`))
	for name, want := range map[string][]any{"Change": {"created", "comment"}, "Answer": {"yes", "no"}} {
		ty := findType(t, api, name)
		var values []any
		for _, v := range ty.Enum.Values {
			values = append(values, v.Value)
		}
		if ty.Enum.Base != String || !slices.Equal(values, want) {
			t.Errorf("%s: base %v values %v, want strings %v", name, ty.Enum.Base, values, want)
		}
	}
	if len(api.Warnings) != 2 || api.Warnings[0].Pos.Line != 10 || !strings.Contains(api.Warnings[0].Msg, "schema Change: the enum's values are strings that are not an integer, so its type is taken as string") {
		t.Errorf("warnings = %v", api.Warnings)
	}
}

// TestSharedAllOfMembers: allOfs whose members share members (S2: allOf
// [S1, S0], S3: allOf [S2, S1], ...) are read once per schema, not once
// per path to it: sixty such levels, over a trillion paths, build at once,
// where they once never finished, and the last struct has every level's
// property. The unions that allOfs may stand for are looked for the same
// way (see allOfUnion).
func TestSharedAllOfMembers(t *testing.T) {
	var b strings.Builder
	b.WriteString("    S0:\n      type: object\n      properties:\n        p0: {type: string}\n")
	b.WriteString("    S1:\n      allOf:\n        - $ref: '#/components/schemas/S0'\n        - properties:\n            p1: {type: string}\n")
	for i := 2; i <= 60; i++ {
		fmt.Fprintf(&b, "    S%d:\n      allOf:\n        - $ref: '#/components/schemas/S%d'\n        - $ref: '#/components/schemas/S%d'\n        - properties:\n            p%d: {type: string}\n", i, i-1, i-2, i)
	}
	api := buildYAML(t, doc31(b.String()))
	last := findType(t, api, "S60")
	if len(last.Fields) != 61 {
		t.Errorf("S60 has %d fields, want 61", len(last.Fields))
	}
	if len(api.Warnings) != 0 {
		t.Errorf("warnings: %v", api.Warnings)
	}
}

// TestArrayVariantsToldApart: arrays whose items' objects require
// properties are told apart by decoding, which notes what an object
// lacks; arrays of plain strings are not, and are warned about.
func TestArrayVariantsToldApart(t *testing.T) {
	api := buildYAML(t, doc31(`
    Stargazers:
      oneOf:
        - {type: array, items: {$ref: "#/components/schemas/User"}}
        - {type: array, items: {$ref: "#/components/schemas/Star"}}
    Words:
      oneOf:
        - {type: array, items: {type: string}}
        - {type: array, items: {type: string, title: Tag}}
    User: {type: object, required: [login], properties: {login: {type: string}}}
    Star: {type: object, required: [user], properties: {user: {$ref: "#/components/schemas/User"}}}
`))
	var msgs []string
	for _, w := range api.Warnings {
		msgs = append(msgs, w.Msg)
	}
	if len(msgs) != 1 || !strings.HasPrefix(msgs[0], "schema Words: variants") {
		t.Errorf("warnings = %q, want one, about Words", msgs)
	}
	// Arrays of one shape are named after their items, when those have
	// a name of their own.
	for union, want := range map[string][]string{"Stargazers": {"UserArray", "StarArray"}, "Words": {"Array", "Array2"}} {
		var names []string
		for _, v := range findType(t, api, union).Variants {
			names = append(names, v.Name)
		}
		if !slices.Equal(names, want) {
			t.Errorf("%s's variants are %q, want %q", union, names, want)
		}
	}
}

// TestAccept: the Accept header names the media types an operation
// answers with, successes first, each once; JSON alone is the default.
func TestAccept(t *testing.T) {
	media := func(types ...string) []*Media {
		var out []*Media
		for _, ct := range types {
			out = append(out, &Media{ContentType: ct})
		}
		return out
	}
	for _, tc := range []struct {
		responses []*Response
		want      string
	}{
		{nil, ""},
		{[]*Response{{Status: 200, Media: media("application/json")}, {Status: 404, Media: media("application/json")}}, ""},
		{[]*Response{{Status: 200, Media: media("Application/JSON; charset=utf-8")}}, ""},
		{[]*Response{{Status: 400, Media: media("application/json")}, {Status: 200, Media: media("text/csv")}}, "text/csv, application/json"},
		{[]*Response{{Range: "2XX", Media: media("image/*", "image/png")}, {Status: 500, Media: media("image/png", "text/plain")}}, "image/*, image/png, text/plain"},
		{[]*Response{{Status: 204}, {Status: 404, Media: media("application/problem+json")}}, "application/problem+json"},
	} {
		if got := accept(tc.responses); got != tc.want {
			t.Errorf("accept(%d responses) = %q, want %q", len(tc.responses), got, tc.want)
		}
	}
}

// TestContentParams: a parameter given as content of a JSON media type is
// JSON (one JSON text, no style); one given as text keeps its style.
func TestContentParams(t *testing.T) {
	api := buildYAML(t, `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /x:
    get:
      operationId: getX
      parameters:
        - name: where
          in: query
          content:
            application/json: {schema: {type: object, properties: {a: {type: string}}}}
        - name: plain
          in: query
          content:
            text/plain: {schema: {type: array, items: {type: string}}}
        - {name: ids, in: query, schema: {type: array, items: {type: integer}}}
      responses:
        "204": {description: ok}
`)
	var got []string
	for _, p := range api.Operations[0].Params {
		got = append(got, fmt.Sprintf("%s json=%v style=%q explode=%v kind=%v", p.Name, p.JSON, p.Style, p.Explode, p.Type.Kind))
	}
	want := []string{
		fmt.Sprintf("where json=true style=\"\" explode=false kind=%v", RefNamed),
		fmt.Sprintf("plain json=false style=\"form\" explode=true kind=%v", RefSlice),
		fmt.Sprintf("ids json=false style=\"form\" explode=true kind=%v", RefSlice),
	}
	if !slices.Equal(got, want) {
		t.Errorf("params:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
