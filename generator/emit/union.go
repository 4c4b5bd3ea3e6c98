package emit

import (
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/generator/model"
)

// variantField is the unexported struct field that holds a variant.
func variantField(v *model.Variant) string { return "v" + v.Name }

// variantPlace is where union recv keeps variant v: its field, or what
// the field points at for a variant held through a pointer (see
// model.Variant.Indirect).
func variantPlace(recv string, v *model.Variant) place {
	return place{code: jen.Id(recv).Dot(variantField(v)), pointer: v.Indirect}
}

// variantInit is what a union literal sets variant v's field to, from the
// variable x that holds the variant.
func variantInit(v *model.Variant, x string) jen.Code {
	if v.Indirect {
		return jen.Op("&").Id(x)
	}
	return jen.Id(x)
}

// keepsUnknown reports whether a lenient decoder keeps, in the union's
// field unknown, an object whose discriminator names none of its variants:
// a union with a discriminator, to which a newer server may add a variant
// as it may add a value to an enum. Without a discriminator, an object that
// fits no variant is as likely a broken answer as a new variant, and stays
// an error.
func keepsUnknown(t *model.Type) bool { return t.Discriminator != "" }

// unknownField is v.unknown, or "" for a union that keeps no unknown
// object: what the runtime's unknownVariant and noVariant take.
func unknownField(t *model.Type) jen.Code {
	if keepsUnknown(t) {
		return jen.Id("v").Dot("unknown")
	}
	return jen.Lit("")
}

// unionType declares a oneOf/anyOf as a struct holding one variant, with a
// constructor and an accessor per variant and JSON methods that pick the
// variant by the shape of the data:
//
//	type ListClientGrantResponseContent struct {
//		variant         int
//		vArray          []ClientGrantResponseContent
//		vOffsetPaginated ListClientGrantOffsetPaginatedResponseContent
//	}
//
//	func NewListClientGrantResponseContentArray(v []ClientGrantResponseContent) ListClientGrantResponseContent
//	func (u ListClientGrantResponseContent) Array() ([]ClientGrantResponseContent, bool)
//
// A union with a discriminator also keeps, in a field unknown, an object
// whose discriminator names none of its variants, which Unknown returns.
func (e *typeEmitter) unionType(t *model.Type) jen.Code {
	names := make([]string, len(t.Variants))
	for i, v := range t.Variants {
		names[i] = v.Name
	}
	holds := "It holds exactly one of its variants: " + strings.Join(names, ", ") + "."
	if keepsUnknown(t) {
		holds += " Decoded by a client, it may instead hold an object whose " + t.Discriminator + " names none of them; see Unknown."
	}
	doc := typeDoc(t, "a union").Add(comment(holds))
	code := doc.Type().Id(t.Name).StructFunc(func(g *jen.Group) {
		g.Id("variant").Int().Comment("1-based index of the variant held; 0 when empty")
		if len(triedVariants(t)) > 0 {
			g.Id("unmatched").Bool().Comment("decoded from a value that passes none of the variants' checks")
		}
		for _, v := range t.Variants {
			if v.Indirect {
				g.Id(variantField(v)).Op("*").Add(goType(v.Type))
			} else {
				g.Id(variantField(v)).Add(goType(v.Type))
			}
		}
		if keepsUnknown(t) {
			g.Id("unknown").String().Comment("an object whose discriminator names no variant, as a lenient decoder read it")
		}
	}).Line().Line()
	for i, v := range t.Variants {
		ctor := "New" + t.Name + v.Name
		doc := commentf("%s returns a %s that holds the %s variant.", ctor, t.Name, v.Name)
		if v.TagField != nil {
			doc = commentf("%s returns a %s that holds the %s variant; it sets %s, the discriminator, to %q when that is empty.", ctor, t.Name, v.Name, v.TagField.JSONName, v.Tags[0])
		}
		code.Add(doc)
		code.Func().Id(ctor).Params(jen.Id("v").Add(goType(v.Type))).Id(t.Name).BlockFunc(func(g *jen.Group) {
			if f := v.TagField; f != nil {
				field := jen.Id("v").Dot(f.Name)
				if f.Wrap == model.WrapOpt {
					g.If(jen.Op("!").Add(field.Clone()).Dot("Set").Op("||").Add(field.Clone()).Dot("Value").Op("==").Lit("")).Block(field.Clone().Op("=").Id("NewOpt").Types(argType(f.Type)).Call(jen.Lit(v.Tags[0])))
				} else {
					g.If(field.Clone().Op("==").Lit("")).Block(field.Clone().Op("=").Lit(v.Tags[0]))
				}
			}
			g.Return(jen.Id(t.Name).Values(jen.Dict{jen.Id("variant"): jen.Lit(i + 1), jen.Id(variantField(v)): variantInit(v, "v")}))
		}).Line().Line()
		code.Add(commentf("%s returns the %s variant and whether u holds it.", v.Name, v.Name))
		code.Func().Params(jen.Id("u").Id(t.Name)).Id(v.Name).Params().Params(goType(v.Type), jen.Bool()).BlockFunc(func(g *jen.Group) {
			if v.Indirect {
				g.If(jen.Id("u").Dot(variantField(v)).Op("==").Nil()).Block(
					jen.Var().Id("zero").Add(goType(v.Type)),
					jen.Return(jen.Id("zero"), jen.False()),
				)
			}
			g.Return(variantPlace("u", v).value(), jen.Id("u").Dot("variant").Op("==").Lit(i+1))
		}).Line().Line()
	}
	if keepsUnknown(t) {
		code.Add(commentf("Unknown returns an object whose %s, the discriminator, names none of %s's variants, as a client (or UnmarshalJSON) read it, and whether u holds one: most likely a variant the API added after this code was generated. Encoding u writes it back as it came; Validate reports it.", t.Discriminator, t.Name))
		code.Func().Params(jen.Id("u").Id(t.Name)).Id("Unknown").Params().Params(jen.Qual("encoding/json", "RawMessage"), jen.Bool()).Block(
			jen.Return(jen.Qual("encoding/json", "RawMessage").Call(jen.Id("u").Dot("unknown")), jen.Id("u").Dot("unknown").Op("!=").Lit("")),
		).Line().Line()
	}
	code.Add(e.validateMethods(t, jen.Op("*").Id(t.Name)))
	return code
}

// unionEncoder writes the variant held; an empty union is an error.
//
//	switch v.variant {
//	case 1:
//		encodeArray(v.vArray, w, (*ClientGrantResponseContent).encodeJSON)
//	default:
//		w.fail(errors.New("ListClientGrantResponseContent: no variant is set"))
//		w.null()
//	}
func unionEncoder(g *jen.Group, t *model.Type) {
	g.Switch(jen.Id("v").Dot("variant")).BlockFunc(func(sw *jen.Group) {
		for i, v := range t.Variants {
			sw.Case(jen.Lit(i + 1)).Block(encodeCall(v.Type, variantPlace("v", v)))
		}
		sw.Default().Block(jen.Id("w").Dot("unknownVariant").Call(jen.Lit(t.Name), unknownField(t)))
	})
}

// shapeBytes are the first bytes of a JSON value of a shape.
func shapeBytes(s model.Shape) []jen.Code {
	switch s {
	case model.ShapeObject:
		return []jen.Code{jen.LitRune('{')}
	case model.ShapeArray:
		return []jen.Code{jen.LitRune('[')}
	case model.ShapeString:
		return []jen.Code{jen.LitRune('"')}
	case model.ShapeBool:
		return []jen.Code{jen.LitRune('t'), jen.LitRune('f')}
	}
	out := []jen.Code{jen.LitRune('-')}
	for c := '0'; c <= '9'; c++ {
		out = append(out, jen.LitRune(c))
	}
	return out
}

// unionDecoder reads a union in one pass, choosing the variant by peeking
// (null is not a variant: where the schema allows it, the union is held as
// Opt or Nullable, whose decoding takes the null first):
// the first byte of the value narrows the candidates to the variants of
// that shape; several object variants are told apart by the discriminator
// or by their keys, read ahead; several variants of another shape are
// tried in order, the first that decodes and validates winning (else the
// first that decodes).
//
//	switch d.peek() {
//	case '[':
//		var x []ClientGrantResponseContent
//		decodeArray(&x, d, (*ClientGrantResponseContent).decodeJSON)
//		*v = ListClientGrantResponseContent{variant: 1, vArray: x}
//		return true
//	case '{':
//		switch d.chooseObject(variantsListClientGrantResponseContent) { ... }
//	}
//	d.noVariant("ListClientGrantResponseContent", "array, object")
//	return false
func unionDecoder(g *jen.Group, t *model.Type) {
	shapes, byShape := variantsByShape(t)
	want := make([]string, len(shapes))
	for i, s := range shapes {
		want[i] = s.String()
	}
	noVariant := jen.Id("d").Dot("noVariant").Call(jen.Lit(t.Name), jen.Lit(strings.Join(want, ", ")))
	// A variant that alone takes several shapes (a union of a string and
	// a number) is decoded under one case for all of them.
	var alone []model.Shape
	labels := map[model.Shape][]jen.Code{}
	for _, s := range shapes {
		labels[s] = shapeBytes(s)
		idx := byShape[s]
		if len(idx) != 1 || s == model.ShapeObject && t.Discriminator != "" {
			continue
		}
		if k := slices.IndexFunc(shapes, func(o model.Shape) bool { return slices.Contains(alone, o) && slices.Equal(byShape[o], idx) }); k >= 0 {
			labels[shapes[k]] = append(labels[shapes[k]], labels[s]...)
			labels[s] = nil
			continue
		}
		alone = append(alone, s)
	}
	g.Switch(jen.Id("d").Dot("peek").Call()).BlockFunc(func(sw *jen.Group) {
		for _, s := range shapes {
			idx := byShape[s]
			if labels[s] == nil {
				continue // under another shape's case
			}
			sw.Case(labels[s]...).BlockFunc(func(c *jen.Group) {
				switch {
				case s == model.ShapeObject && t.Discriminator != "":
					byDiscriminator(c, t, idx)
					return
				case len(idx) == 1:
					takeVariant(c, t, idx[0])
					return
				case s == model.ShapeObject:
					alike := alikeObjects(t)
					c.Switch(jen.Id("d").Dot("chooseObject").Call(jen.Id(variantsVar(t)))).BlockFunc(func(cs *jen.Group) {
						// The rows of each variant in the table; the variants of
						// an alike group share one case, which tries them all.
						labels := map[int][]jen.Code{}
						n := 0
						for _, i := range idx {
							for range objectRows(t.Variants[i]) {
								labels[i] = append(labels[i], jen.Lit(n))
								n++
							}
						}
						for _, i := range idx {
							group := groupOf(alike, i)
							if group != nil && group[0] != i {
								continue // in its group's case
							}
							rows := labels[i]
							for _, j := range group[min(1, len(group)):] {
								rows = append(rows, labels[j]...)
							}
							cs.Case(rows...).BlockFunc(func(b *jen.Group) {
								if group != nil {
									tryVariants(b, t, group)
								}
								takeVariant(b, t, i)
							})
						}
					})
				default:
					tryVariants(c, t, idx)
				}
				c.Add(noVariant.Clone())
				c.Return(jen.False())
			})
		}
	})
	if i := slices.IndexFunc(t.Variants, isRawVariant); i >= 0 {
		// A member that allows anything takes what no other variant
		// does, as JSON Schema has it, but null (see above).
		g.If(jen.Id("d").Dot("peek").Call().Op("!=").LitRune('n')).BlockFunc(func(b *jen.Group) { takeVariant(b, t, i) })
	}
	g.Add(noVariant)
	g.Return(jen.False())
}

// isRawVariant reports whether v is raw JSON: a member that allows any
// value ({}), which takes the objects no other variant does and every
// value of a shape no other variant takes. A named one counts too:
// Telegram's thumbnails are an InputFile, a component that is only a
// description, or a string, and a number was neither.
func isRawVariant(v *model.Variant) bool {
	return isRaw(v.Type)
}

// isRaw reports whether r is raw JSON, itself or under a name.
func isRaw(r *model.Ref) bool {
	switch r.Kind {
	case model.RefBuiltin:
		return r.Builtin == model.RawJSON
	case model.RefNamed:
		return r.Named.Kind == model.Alias && r.Named.Elem != nil && isRaw(r.Named.Elem)
	}
	return false
}

// variantsVar names the table that tells a union's object variants apart.
func variantsVar(t *model.Type) string { return "variants" + t.Name }

// unionTables declares, for a union with several object variants and no
// discriminator, what chooseObject needs to know of each.
func unionTables(t *model.Type) jen.Code {
	var objects []*model.Variant
	for _, v := range t.Variants {
		if v.Takes(model.ShapeObject) {
			objects = append(objects, v)
		}
	}
	if len(objects) < 2 || t.Discriminator != "" {
		return jen.Null()
	}
	code := commentf("%s tells the object variants of %s apart by their keys.", variantsVar(t), t.Name)
	var rows []*model.Variant
	for _, v := range objects {
		rows = append(rows, objectRows(v)...)
	}
	return code.Var().Id(variantsVar(t)).Op("=").Index().Id("objectVariant").ValuesFunc(func(vs *jen.Group) {
		for _, v := range rows {
			d := jen.Dict{}
			if len(v.Properties) > 0 {
				d[jen.Id("properties")] = jen.Index().String().ValuesFunc(func(l *jen.Group) {
					for _, p := range v.Properties {
						l.Lit(p)
					}
				})
			}
			if len(v.Required) > 0 {
				d[jen.Id("required")] = jen.Index().String().ValuesFunc(func(l *jen.Group) {
					for _, p := range v.Required {
						l.Lit(p)
					}
				})
			}
			if v.Closed {
				d[jen.Id("closed")] = jen.True()
			}
			var top, nested []model.Const
			for _, c := range v.Consts {
				if c.In == "" {
					top = append(top, c)
				} else {
					nested = append(nested, c)
				}
			}
			if len(top) > 0 {
				d[jen.Id("consts")] = jen.Index().Id("constProperty").ValuesFunc(func(l *jen.Group) {
					for _, c := range top {
						l.Values(jen.Lit(c.Property), jen.Lit(c.Value))
					}
				})
			}
			if len(nested) > 0 {
				d[jen.Id("nested")] = jen.Index().Id("nestedConst").ValuesFunc(func(l *jen.Group) {
					for _, c := range nested {
						l.Values(jen.Lit(c.In), jen.Lit(c.Property), jen.Lit(c.Value))
					}
				})
			}
			vs.Values(d)
		}
	}).Line().Line()
}

// objectRows lists the rows an object variant has in its union's table:
// one for the variant, or, for a variant that is itself a union, one for
// each object variant inside it, any of which makes it fit.
func objectRows(v *model.Variant) []*model.Variant {
	if len(v.Nested) > 0 {
		return v.Nested
	}
	return []*model.Variant{v}
}

// takeVariant decodes the value as variant i and keeps it:
//
//	var x T
//	decodeT(&x, d)
//	*v = Union{variant: i+1, vX: x}
//	return true
func takeVariant(g *jen.Group, t *model.Type, i int) {
	v := t.Variants[i]
	g.Var().Id("x").Add(goType(v.Type))
	g.Add(decodeCall(v.Type, at(jen.Id("x"))))
	g.Op("*").Id("v").Op("=").Id(t.Name).Values(jen.Dict{jen.Id("variant"): jen.Lit(i + 1), jen.Id(variantField(v)): variantInit(v, "x")})
	g.Return(jen.True())
}

// byDiscriminator picks the object variant the discriminator property
// names, read ahead of decoding:
//
//	tag := d.discriminator("kind")
//	switch tag {
//	case "circle": ...
//	}
//	*v = Shape{}
//	return d.unknownTag("Shape", "kind", tag, `"circle", "sq"`, &v.unknown)
//
// A tag that names no variant is, to a lenient reader, a variant added
// since: unknownTag keeps the object in v.unknown.
func byDiscriminator(g *jen.Group, t *model.Type, idx []int) {
	var all []string
	g.Id("tag").Op(":=").Id("d").Dot("discriminator").Call(jen.Lit(t.Discriminator))
	g.Switch(jen.Id("tag")).BlockFunc(func(sw *jen.Group) {
		for _, i := range idx {
			var tags []jen.Code
			for _, tag := range t.Variants[i].Tags {
				tags = append(tags, jen.Lit(tag))
				all = append(all, strconv.Quote(tag))
			}
			sw.Case(tags...).BlockFunc(func(c *jen.Group) { takeVariant(c, t, i) })
		}
	})
	g.Op("*").Id("v").Op("=").Id(t.Name).Values()
	g.Return(jen.Id("d").Dot("unknownTag").Call(jen.Lit(t.Name), jen.Lit(t.Discriminator), jen.Id("tag"), jen.Lit(strings.Join(all, ", ")), jen.Op("&").Id("v").Dot("unknown")))
}

// tryVariants decodes same-shaped variants in order, each from the value's
// text with a lenient reader of its own, which retry refuses where the
// union is trying the same text further out (a variant that holds the
// union again):
//
//	start := d.pos
//	raw := d.raw()
//	var fallback Union
//	decoded := false
//	if d := d.retry("Union", raw); d != nil {
//		var x T
//		decodeT(&x, d)
//		if d.finish() == nil { ... validate; keep the first valid one ... }
//	}
//	if decoded { *v = fallback; return true }
//	d.pos = start
//
// A variant wins when it decodes, validates and lacks no required
// property, which validation alone cannot see in a zero value.
func tryVariants(g *jen.Group, t *model.Type, idx []int) {
	g.Id("start").Op(":=").Id("d").Dot("pos")
	g.Id("raw").Op(":=").Id("d").Dot("raw").Call()
	g.Var().Id("fallback").Id(t.Name)
	g.Id("decoded").Op(":=").False()
	for _, i := range idx {
		v := t.Variants[i]
		g.If(jen.Id("d").Op(":=").Id("d").Dot("retry").Call(jen.Lit(t.Name), jen.Id("raw")), jen.Id("d").Op("!=").Nil()).BlockFunc(func(b *jen.Group) {
			b.Var().Id("x").Add(goType(v.Type))
			b.Add(decodeCall(v.Type, at(jen.Id("x"))))
			b.If(jen.Id("d").Dot("finish").Call().Op("==").Nil()).BlockFunc(func(ok *jen.Group) {
				ok.Id("candidate").Op(":=").Id(t.Name).Values(jen.Dict{jen.Id("variant"): jen.Lit(i + 1), jen.Id(variantField(v)): variantInit(v, "x")})
				ok.Var().Id("c").Id("validator")
				ok.Id("candidate").Dot("validate").Call(jen.Op("&").Id("c"), jen.Nil())
				ok.If(jen.Len(jen.Id("c").Dot("violations")).Op("==").Lit(0).Op("&&").Op("!").Id("d").Dot("lacking")).Block(
					jen.Op("*").Id("v").Op("=").Id("candidate"),
					jen.Return(jen.True()),
				)
				ok.If(jen.Op("!").Id("decoded")).Block(
					jen.List(jen.Id("fallback"), jen.Id("decoded")).Op("=").List(jen.Id("candidate"), jen.True()),
				)
			})
		})
	}
	g.If(jen.Id("decoded")).Block(
		jen.Op("*").Id("v").Op("=").Id("fallback"),
		jen.Id("v").Dot("unmatched").Op("=").True(),
		jen.Return(jen.True()),
	)
	g.Id("d").Dot("pos").Op("=").Id("start")
}

// groupOf returns the group that holds variant i, or nil.
func groupOf(groups [][]int, i int) []int {
	for _, g := range groups {
		if slices.Contains(g, i) {
			return g
		}
	}
	return nil
}

// variantsByShape groups the indices of t's variants by their JSON shape,
// the shapes in the order their first variant comes.
func variantsByShape(t *model.Type) ([]model.Shape, map[model.Shape][]int) {
	byShape := map[model.Shape][]int{}
	var shapes []model.Shape
	for i, v := range t.Variants {
		for _, s := range v.Shapes {
			if len(byShape[s]) == 0 {
				shapes = append(shapes, s)
			}
			byShape[s] = append(byShape[s], i)
		}
	}
	return shapes, byShape
}

// triedVariants groups the variants that decoding tries in turn: those of
// one shape other than object (which keys tell apart), when there are
// several, and the alike objects. A variant of several shapes (a union of
// a string and a number) joins the groups of each into one, so that each
// variant is in one group, which validation names when none passed.
func triedVariants(t *model.Type) [][]int {
	shapes, byShape := variantsByShape(t)
	var groups [][]int
	for _, s := range shapes {
		if s != model.ShapeObject && len(byShape[s]) > 1 {
			groups = joinGroup(groups, byShape[s])
		}
	}
	for _, g := range alikeObjects(t) {
		groups = joinGroup(groups, g)
	}
	return groups
}

// joinGroup adds group g to groups, merged with those that share a variant
// with it.
func joinGroup(groups [][]int, g []int) [][]int {
	g = slices.Clone(g)
	var out [][]int
	for _, h := range groups {
		if slices.ContainsFunc(h, func(i int) bool { return slices.Contains(g, i) }) {
			g = append(g, h...)
			continue
		}
		out = append(out, h)
	}
	slices.Sort(g)
	return append(out, slices.Compact(g))
}

// alikeObjects groups the object variants of t that their keys cannot tell
// apart (see model.Variant.Alike), when there is no discriminator: after
// chooseObject picks one of a group, decoding tries the group's variants in
// turn, the first that decodes and validates winning.
func alikeObjects(t *model.Type) [][]int {
	if t.Discriminator != "" {
		return nil
	}
	var groups [][]int
	for i, v := range t.Variants {
		if !v.Takes(model.ShapeObject) || len(v.Nested) > 0 {
			continue
		}
		placed := false
		for g, group := range groups {
			if t.Variants[group[0]].Alike(v) {
				groups[g], placed = append(group, i), true
				break
			}
		}
		if !placed {
			groups = append(groups, []int{i})
		}
	}
	return slices.DeleteFunc(groups, func(g []int) bool { return len(g) < 2 })
}

// unionChecks validates the variant held. A value decoding kept although
// no variant's checks pass it is reported as such, naming the variants it
// was tried against, rather than by the checks of the first of them.
func (e *typeEmitter) unionChecks(g *jen.Group, t *model.Type) {
	p := pathVar{name: "p", pointer: true}
	if groups := triedVariants(t); len(groups) > 0 {
		report := func(idx []int) jen.Code {
			names := make([]string, len(idx))
			for k, i := range idx {
				names[k] = t.Variants[i].Name
			}
			return jen.Id("c").Dot("report").Call(p.ptr(), jen.Lit("matches none of its variants ("+strings.Join(names, ", ")+")"))
		}
		g.If(jen.Id("v").Dot("unmatched")).BlockFunc(func(b *jen.Group) {
			if len(groups) == 1 {
				b.Add(report(groups[0]))
			} else {
				b.Switch(jen.Id("v").Dot("variant")).BlockFunc(func(sw *jen.Group) {
					for _, idx := range groups {
						cases := make([]jen.Code, len(idx))
						for k, i := range idx {
							cases[k] = jen.Lit(i + 1)
						}
						sw.Case(cases...).Block(report(idx))
					}
				})
			}
			b.Return()
		})
	}
	g.Switch(jen.Id("v").Dot("variant")).BlockFunc(func(sw *jen.Group) {
		sw.Case(jen.Lit(0)).Block(jen.Id("c").Dot("noVariant").Call(p.ptr(), jen.Lit(t.Name), unknownField(t)))
		for i, v := range t.Variants {
			raw := isRawVariant(v)
			if !e.refHasChecks(v.Type) && v.TagField == nil && !raw {
				continue
			}
			sw.Case(jen.Lit(i + 1)).BlockFunc(func(c *jen.Group) {
				if raw {
					// Null is no variant (see unionDecoder).
					c.Id("c").Dot("rawNotNull").Call(p.ptr(), variantPlace("v", v).value())
				}
				if v.TagField != nil {
					tagCheck(c, v, variantPlace("v", v).value(), p)
				}
				if e.refHasChecks(v.Type) {
					e.check(c, v.Type, variantPlace("v", v).value(), p, 1)
				}
			})
		}
	})
}

// tagCheck reports a variant whose discriminator property is absent or
// not one of the values that choose it, as a decoder would not choose it
// by that value (a hand-built value; a decoded one always passes):
//
//	if tag := v.vCat.PetType; tag != "Cat" {
//		fp := p.field("pet_type")
//		c.notAllowed(&fp, string(tag), `"Cat" (the discriminator of variant Cat)`)
//	}
//
// An Opt field that is not set is reported as required.
func tagCheck(g *jen.Group, v *model.Variant, value *jen.Statement, p pathVar) {
	f := v.TagField
	field := jen.Id("fp").Op(":=").Add(p.call("field", jen.Lit(f.JSONName)))
	tag := jen.Id("tag")
	if f.Wrap == model.WrapOpt {
		tag = jen.Id("tag").Dot("Value")
	}
	differs := tag.Clone().Op("!=").Lit(v.Tags[0])
	quoted := []string{strconv.Quote(v.Tags[0])}
	for _, t := range v.Tags[1:] {
		differs.Op("&&").Add(tag.Clone()).Op("!=").Lit(t)
		quoted = append(quoted, strconv.Quote(t))
	}
	noun := "the discriminator"
	if len(v.Tags) > 1 {
		noun = "the discriminators"
	}
	notAllowed := jen.Id("c").Dot("notAllowed").Call(jen.Op("&").Id("fp"), jen.String().Call(tag.Clone()), jen.Lit(strings.Join(quoted, ", ")+" ("+noun+" of variant "+v.Name+")"))
	if f.Wrap == model.WrapOpt {
		g.If(jen.Id("tag").Op(":=").Add(value.Clone().Dot(f.Name)), jen.Op("!").Id("tag").Dot("Set")).Block(
			field.Clone(),
			jen.Id("c").Dot("required").Call(jen.Op("&").Id("fp")),
		).Else().If(differs).Block(field, notAllowed)
		return
	}
	g.If(jen.Id("tag").Op(":=").Add(value.Clone().Dot(f.Name)), differs).Block(field, notAllowed)
}
