package emit

import (
	"encoding/json"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/generator/model"
)

// The JSON codecs. Every generated JSON type gets two methods that the
// runtime's jsonReader and jsonWriter drive, without reflection:
//
//	func (v *T) decodeJSON(d *jsonReader) bool
//	func (v *T) encodeJSON(w *jsonWriter)
//
// Builtins have functions of the same shape in the runtime (decodeString,
// encodeInt64 …), so that arrays, maps and nullable values can take either
// as a function value: decodeArray(&v.Scope, d, decodeString). No paths
// are passed around: the reader knows where it is, for its errors.
// Objects, unions, arrays, maps and named times and raw JSON also get
// MarshalJSON and UnmarshalJSON, so code that goes through encoding/json
// gets the same codec.

// jsonFile declares the JSON codecs of every type, in the order of the
// types: the methods, the tables that tell union variants apart, and the
// functions that tell declared properties from additional ones.
func jsonFile(d *decls, api *model.API) {
	for _, t := range api.Types {
		if !hasCodec(t) {
			continue
		}
		if t.Kind == model.Union {
			d.add(unionTables(t))
		}
		d.add(codecMethods(t))
		if t.Extra == model.ExtraKeep {
			d.add(knownFieldsMethod(t))
		}
	}
}

// place is where a codec reads or writes a value: an addressable
// expression, or (pointer) an expression that points at one.
type place struct {
	code    *jen.Statement
	pointer bool
}

func at(code *jen.Statement) place { return place{code: code} }

// addr is a pointer to the value.
func (pl place) addr() *jen.Statement {
	if pl.pointer {
		return pl.code.Clone()
	}
	return jen.Op("&").Add(pl.code.Clone())
}

// value is the value itself.
func (pl place) value() *jen.Statement {
	if pl.pointer {
		return jen.Parens(jen.Op("*").Add(pl.code.Clone()))
	}
	return pl.code.Clone()
}

// builtinCodec names the runtime functions for a builtin: "String" for
// decodeString and encodeString.
func builtinCodec(b model.Builtin) string {
	switch b {
	case model.String:
		return "String"
	case model.Int64:
		return "Int64"
	case model.Int32:
		return "Int32"
	case model.Float64:
		return "Float64"
	case model.Float32:
		return "Float32"
	case model.Bool:
		return "Bool"
	case model.Time:
		return "Time"
	}
	return "RawJSON"
}

// decodeCall reads a value of r into pl from d; the expression is true
// unless the value was null.
func decodeCall(r *model.Ref, pl place) *jen.Statement {
	d := jen.Id("d")
	switch r.Kind {
	case model.RefNamed:
		return pl.code.Clone().Dot("decodeJSON").Call(d)
	case model.RefSlice:
		return jen.Id("decodeArray").Call(pl.addr(), d, elemDecoder(r.Elem))
	case model.RefMap:
		return jen.Id("decodeMap").Call(pl.addr(), d, elemDecoder(r.Elem))
	case model.RefExternal:
		return jen.Id("decodeExternal").Call(pl.addr(), d)
	}
	return jen.Id("decode"+builtinCodec(r.Builtin)).Call(pl.addr(), d)
}

// elemDecoder is the decoding function for an array item or map value of
// r, which may be held as Nullable.
func elemDecoder(r *model.Ref) jen.Code {
	if !heldNullable(r) {
		return plainDecoder(r)
	}
	return jen.Func().Params(jen.Id("v").Op("*").Add(elemType(r)), jen.Id("d").Op("*").Id("jsonReader")).Bool().Block(
		jen.Return(jen.Id("decodeNullable").Call(jen.Id("v"), jen.Id("d"), plainDecoder(r))),
	)
}

// plainDecoder is the decoding function for a value of r as a function
// value: decodeString, (*T).decodeJSON, or a literal for nested arrays.
func plainDecoder(r *model.Ref) jen.Code {
	switch r.Kind {
	case model.RefNamed:
		return jen.Parens(jen.Op("*").Id(r.Named.Name)).Dot("decodeJSON")
	case model.RefSlice, model.RefMap:
		return jen.Func().Params(jen.Id("v").Op("*").Add(goType(r)), jen.Id("d").Op("*").Id("jsonReader")).Bool().Block(
			jen.Return(decodeCall(r, place{code: jen.Id("v"), pointer: true})),
		)
	case model.RefExternal:
		return jen.Id("decodeExternal").Types(goType(r))
	}
	return jen.Id("decode" + builtinCodec(r.Builtin))
}

// encodeCall writes the value of r at pl to w.
func encodeCall(r *model.Ref, pl place) *jen.Statement {
	w := jen.Id("w")
	switch r.Kind {
	case model.RefNamed:
		return pl.code.Clone().Dot("encodeJSON").Call(w)
	case model.RefSlice:
		return jen.Id("encodeArray").Call(pl.value(), w, elemEncoder(r.Elem))
	case model.RefMap:
		return jen.Id("encodeMap").Call(pl.value(), w, elemEncoder(r.Elem))
	case model.RefExternal:
		return jen.Id("encodeExternal").Call(pl.addr(), w)
	}
	return jen.Id("encode"+builtinCodec(r.Builtin)).Call(pl.addr(), w)
}

// elemEncoder is the encoding function for an array item or map value.
func elemEncoder(r *model.Ref) jen.Code {
	if !heldNullable(r) {
		return plainEncoder(r)
	}
	return jen.Func().Params(jen.Id("v").Op("*").Add(elemType(r)), jen.Id("w").Op("*").Id("jsonWriter")).Block(
		jen.Id("encodeNullable").Call(jen.Id("v"), jen.Id("w"), plainEncoder(r)),
	)
}

// plainEncoder is the encoding function for a value of r as a function value.
func plainEncoder(r *model.Ref) jen.Code {
	switch r.Kind {
	case model.RefNamed:
		return jen.Parens(jen.Op("*").Id(r.Named.Name)).Dot("encodeJSON")
	case model.RefSlice, model.RefMap:
		return jen.Func().Params(jen.Id("v").Op("*").Add(goType(r)), jen.Id("w").Op("*").Id("jsonWriter")).Block(
			encodeCall(r, place{code: jen.Id("v"), pointer: true}),
		)
	case model.RefExternal:
		return jen.Id("encodeExternal").Types(goType(r))
	}
	return jen.Id("encode" + builtinCodec(r.Builtin))
}

// isUnion reports whether r is a union, whose decoder refuses null.
func isUnion(r *model.Ref) bool {
	return r.Kind == model.RefNamed && r.Named.Kind == model.Union
}

// jsonKey is a property name as the encoder writes it before the value:
// quoted and escaped as json.Marshal escapes it, with the colon.
func jsonKey(name string) string {
	b, _ := json.Marshal(name) // a string always encodes
	return string(b) + ":"
}

// hasCodec reports whether t is JSON and so gets codec methods: every type
// but parameter structs and plain aliases of another named type.
func hasCodec(t *model.Type) bool {
	if t.Params {
		return false
	}
	return !(t.Kind == model.Alias && t.Elem.Kind == model.RefNamed)
}

// codecMethods declares decodeJSON and encodeJSON, and for objects,
// unions, arrays, maps and named times and raw JSON MarshalJSON and
// UnmarshalJSON on top of them.
func codecMethods(t *model.Type) jen.Code {
	recv := jen.Id("v").Op("*").Id(t.Name)
	code := comment("decodeJSON reads v from d; it returns false when the value is null, which leaves v as it was.")
	code.Func().Params(recv.Clone()).Id("decodeJSON").Params(jen.Id("d").Op("*").Id("jsonReader")).Bool().BlockFunc(func(g *jen.Group) {
		switch t.Kind {
		case model.Struct:
			structDecoder(g, t)
		case model.Union:
			unionDecoder(g, t)
		default:
			g.Return(decodeCall(underlyingRef(t), place{code: jen.Parens(jen.Op("*").Add(underlyingType(t))).Call(jen.Id("v")), pointer: true}))
		}
	}).Line().Line()
	code.Add(comment("encodeJSON writes v to w as JSON."))
	code.Func().Params(recv.Clone()).Id("encodeJSON").Params(jen.Id("w").Op("*").Id("jsonWriter")).BlockFunc(func(g *jen.Group) {
		switch t.Kind {
		case model.Struct:
			structEncoder(g, t)
		case model.Union:
			unionEncoder(g, t)
		default:
			g.Add(encodeCall(underlyingRef(t), place{code: jen.Parens(jen.Op("*").Add(underlyingType(t))).Call(jen.Id("v")), pointer: true}))
		}
	})
	if t.Kind == model.Enum || t.Kind == model.Alias && !losesMarshaler(t) {
		// encoding/json handles a named builtin as fast as a Marshaler.
		return code
	}
	code.Line().Line()
	code.Add(comment("MarshalJSON encodes v with its generated encoder."))
	code.Func().Params(jen.Id("v").Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("marshalJSON").Call(jen.Op("&").Id("v"))),
	).Line().Line()
	code.Add(comment("UnmarshalJSON decodes data into v with its generated decoder."))
	code.Func().Params(recv.Clone()).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(jen.Id("unmarshalJSON").Call(jen.Id("data"), jen.Id("v"))),
	)
	return code
}

// losesMarshaler reports whether t is a named time.Time or
// json.RawMessage, which do not inherit the methods that encoding/json
// needs to read and write them: without its own, encoding/json would
// write a time as {} and read raw JSON as base64.
func losesMarshaler(t *model.Type) bool {
	r := underlyingRef(t)
	return r.Kind == model.RefBuiltin && (r.Builtin == model.Time || r.Builtin == model.RawJSON)
}

// underlyingRef is the reference a named enum, alias, slice or map type
// stands on, for decoding and encoding it through its underlying type.
func underlyingRef(t *model.Type) *model.Ref {
	switch t.Kind {
	case model.Enum:
		return &model.Ref{Kind: model.RefBuiltin, Builtin: t.Enum.Base}
	case model.Slice:
		return &model.Ref{Kind: model.RefSlice, Elem: t.Elem}
	case model.Map:
		return &model.Ref{Kind: model.RefMap, Elem: t.Elem}
	}
	return t.Elem
}

// underlyingType is the Go type of underlyingRef.
func underlyingType(t *model.Type) *jen.Statement {
	return goType(underlyingRef(t))
}

// structDecoder reads an object member by member, matching keys exactly:
//
//	if !d.beginObject() {
//		return false
//	}
//	var seen uint64
//	for d.nextKey() {
//		switch d.key {
//		case "audience":
//			seen |= 1 << 0
//			decodeString(&v.Audience, d)
//		case "scope":
//			v.Scope.found(decodeArray(&v.Scope.Value, d, decodeString))
//		default:
//			d.unknown(true)
//		}
//	}
//	d.missing(seen, "audience")
//	return true
func structDecoder(g *jen.Group, t *model.Type) {
	g.If(jen.Op("!").Id("d").Dot("beginObject").Call()).Block(jen.Return(jen.False()))
	var required []jen.Code
	for _, f := range t.Fields {
		if f.Required && len(required) < 64 {
			required = append(required, jen.Lit(f.JSONName))
		}
	}
	if len(required) > 0 {
		g.Var().Id("seen").Uint64()
	}
	if t.Extra == model.ExtraKeep {
		// The object replaces what a repeated key held before.
		g.Id("v").Dot("AdditionalProperties").Op("=").Nil()
	}
	g.For(jen.Id("d").Dot("nextKey").Call()).Block(jen.Switch(jen.Id("d").Dot("key")).BlockFunc(func(sw *jen.Group) {
		bit := 0
		for _, f := range t.Fields {
			sw.Case(jen.Lit(f.JSONName)).BlockFunc(func(c *jen.Group) {
				if f.Required && bit < 64 {
					c.Id("seen").Op("|=").Lit(1).Op("<<").Lit(bit)
					bit++
				}
				field := jen.Id("v").Dot(f.Name)
				switch f.Wrap {
				case model.WrapOpt:
					decode := decodeCall(f.Type, at(field.Clone().Dot("Value")))
					if isUnion(f.Type) {
						// A union's reader takes no null: here a lenient
						// reader takes it as absent, and a strict one
						// refuses it.
						decode = jen.Op("!").Id("d").Dot("absentNull").Call().Op("&&").Add(decode)
					}
					c.Add(field.Clone().Dot("found").Call(decode))
				case model.WrapNullable:
					c.Id("decodeNullable").Call(jen.Op("&").Add(field.Clone()), jen.Id("d"), plainDecoder(f.Type))
				case model.WrapPointer:
					null := "absentNull"
					if f.Type.Nullable {
						null = "null"
					}
					c.If(jen.Id("d").Dot(null).Call()).Block(
						field.Clone().Op("=").Nil(),
					).Else().Block(
						jen.If(field.Clone().Op("==").Nil()).Block(field.Clone().Op("=").New(goType(f.Type))),
						decodeCall(f.Type, place{code: field.Clone(), pointer: true}),
					)
				default:
					c.Add(decodeCall(f.Type, at(field)))
				}
			})
		}
		sw.Default().BlockFunc(func(c *jen.Group) {
			switch t.Extra {
			case model.ExtraKeep:
				c.Id("d").Dot("keep").Call(jen.Op("&").Id("v").Dot("AdditionalProperties"))
			default:
				c.Id("d").Dot("unknown").Call(jen.Lit(t.Extra == model.ExtraForbid))
			}
		})
	}))
	if len(required) > 0 {
		g.Id("d").Dot("missing").Call(append([]jen.Code{jen.Id("seen")}, required...)...)
	}
	g.Return(jen.True())
}

// structEncoder writes the declared properties in order, leaving out
// absent optional ones, then any additional properties.
func structEncoder(g *jen.Group, t *model.Type) {
	g.Id("w").Dot("buf").Op("=").Append(jen.Id("w").Dot("buf"), jen.LitRune('{'))
	for _, f := range t.Fields {
		key := jen.Id("w").Dot("key").Call(jen.Lit(jsonKey(f.JSONName)))
		field := jen.Id("v").Dot(f.Name)
		switch f.Wrap {
		case model.WrapOpt:
			g.If(field.Clone().Dot("Set")).Block(key, encodeCall(f.Type, at(field.Clone().Dot("Value"))))
		case model.WrapNullable:
			g.If(field.Clone().Dot("Set")).Block(key, jen.If(field.Clone().Dot("Null")).Block(
				jen.Id("w").Dot("null").Call(),
			).Else().Block(encodeCall(f.Type, at(field.Clone().Dot("Value")))))
		case model.WrapPointer:
			g.If(field.Clone().Op("!=").Nil()).Block(key, encodeCall(f.Type, place{code: field.Clone(), pointer: true}))
		default:
			g.Add(key)
			g.Add(encodeCall(f.Type, at(field)))
		}
	}
	if t.Extra == model.ExtraKeep {
		g.Id("encodeExtra").Call(jen.Id("w"), jen.Id("v").Dot("AdditionalProperties"), jen.Id(knownFieldsFunc(t)))
	}
	g.Id("w").Dot("buf").Op("=").Append(jen.Id("w").Dot("buf"), jen.LitRune('}'))
}
