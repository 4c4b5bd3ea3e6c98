package emit

import (
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/generator/model"
)

// variantField is the unexported struct field that holds a variant.
func variantField(v *model.Variant) string { return "v" + v.Name }

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
func (e *typeEmitter) unionType(t *model.Type) jen.Code {
	names := make([]string, len(t.Variants))
	for i, v := range t.Variants {
		names[i] = v.Name
	}
	doc := typeDoc(t, "a union").Add(comment("It holds exactly one of its variants: " + strings.Join(names, ", ") + "."))
	code := doc.Type().Id(t.Name).StructFunc(func(g *jen.Group) {
		g.Id("variant").Int().Comment("1-based index of the variant held; 0 when empty")
		for _, v := range t.Variants {
			g.Id(variantField(v)).Add(goType(v.Type))
		}
	}).Line().Line()
	for i, v := range t.Variants {
		ctor := "New" + t.Name + v.Name
		code.Add(commentf("%s returns a %s that holds the %s variant.", ctor, t.Name, v.Name))
		code.Func().Id(ctor).Params(jen.Id("v").Add(goType(v.Type))).Id(t.Name).Block(
			jen.Return(jen.Id(t.Name).Values(jen.Dict{jen.Id("variant"): jen.Lit(i + 1), jen.Id(variantField(v)): jen.Id("v")})),
		).Line().Line()
		code.Add(commentf("%s returns the %s variant and whether u holds it.", v.Name, v.Name))
		code.Func().Params(jen.Id("u").Id(t.Name)).Id(v.Name).Params().Params(goType(v.Type), jen.Bool()).Block(
			jen.Return(jen.Id("u").Dot(variantField(v)), jen.Id("u").Dot("variant").Op("==").Lit(i+1)),
		).Line().Line()
	}
	code.Add(e.unionMarshal(t)).Line().Line()
	code.Add(e.unionUnmarshal(t)).Line().Line()
	code.Add(e.validateMethods(t, jen.Op("*").Id(t.Name)))
	return code
}

// unionMarshal encodes the variant held:
//
//	func (u ListClientGrantResponseContent) MarshalJSON() ([]byte, error) {
//		switch u.variant {
//		case 1:
//			return json.Marshal(u.vArray)
//		}
//		return nil, errors.New("...: no variant is set")
//	}
func (e *typeEmitter) unionMarshal(t *model.Type) jen.Code {
	code := comment("MarshalJSON encodes the variant u holds; an empty union is an error.")
	return code.Func().Params(jen.Id("u").Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Switch(jen.Id("u").Dot("variant")).BlockFunc(func(g *jen.Group) {
			for i, v := range t.Variants {
				g.Case(jen.Lit(i + 1)).Block(jen.Return(jen.Qual("encoding/json", "Marshal").Call(jen.Id("u").Dot(variantField(v)))))
			}
		}),
		jen.Return(jen.Nil(), jen.Qual("errors", "New").Call(jen.Lit(t.Name+": no variant is set"))),
	)
}

// unionUnmarshal decodes by shape: the first byte of the JSON narrows the
// candidates to the variants of that shape; several object variants are told
// apart by their keys; several variants of another shape are tried in order,
// the first that decodes and validates winning (else the first that decodes).
func (e *typeEmitter) unionUnmarshal(t *model.Type) jen.Code {
	byShape := map[model.Shape][]int{}
	var shapes []model.Shape
	for i, v := range t.Variants {
		if len(byShape[v.Shape]) == 0 {
			shapes = append(shapes, v.Shape)
		}
		byShape[v.Shape] = append(byShape[v.Shape], i)
	}
	want := make([]string, len(shapes))
	for i, s := range shapes {
		want[i] = s.String()
	}
	code := comment("UnmarshalJSON picks the variant by the shape of the data and, between objects, by their keys.")
	code.Func().Params(jen.Id("u").Op("*").Id(t.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().BlockFunc(func(g *jen.Group) {
		g.Id("shape").Op(":=").Id("shapeOf").Call(jen.Id("data"))
		g.Switch(jen.Id("shape")).BlockFunc(func(sw *jen.Group) {
			for _, s := range shapes {
				idx := byShape[s]
				sw.Case(jen.Id(shapeConst(s))).BlockFunc(func(c *jen.Group) {
					switch {
					case s == model.ShapeObject && t.Discriminator != "":
						chooseByDiscriminator(c, t, idx)
					case len(idx) == 1:
						decodeVariant(c, t, idx[0])
					case s == model.ShapeObject:
						e.chooseObject(c, t, idx)
					default:
						tryVariants(c, t, idx)
					}
				})
			}
		})
		g.Return(jen.Op("&").Id("UnionError").Values(jen.Dict{
			jen.Id("Type"):  jen.Lit(t.Name),
			jen.Id("Shape"): jen.Id("shape").Dot("String").Call(),
			jen.Id("Want"):  jen.Lit(strings.Join(want, ", ")),
		}))
	})
	return code
}

func shapeConst(s model.Shape) string {
	switch s {
	case model.ShapeObject:
		return "shapeObject"
	case model.ShapeArray:
		return "shapeArray"
	case model.ShapeString:
		return "shapeString"
	case model.ShapeNumber:
		return "shapeNumber"
	}
	return "shapeBool"
}

// decodeVariant decodes data as variant i and returns:
//
//	var v T
//	if err := json.Unmarshal(data, &v); err != nil {
//		return err
//	}
//	*u = Union{variant: i+1, vX: v}
//	return nil
func decodeVariant(g *jen.Group, t *model.Type, i int) {
	v := t.Variants[i]
	g.Var().Id("v").Add(goType(v.Type))
	g.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("v")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	g.Op("*").Id("u").Op("=").Id(t.Name).Values(jen.Dict{jen.Id("variant"): jen.Lit(i + 1), jen.Id(variantField(v)): jen.Id("v")})
	g.Return(jen.Nil())
}

// chooseByDiscriminator picks the object variant the discriminator
// property names:
//
//	tag, _, err := discriminatorValue(data, "kind")
//	switch tag {
//	case "circle": ...
//	}
//	return &UnionError{...}
func chooseByDiscriminator(g *jen.Group, t *model.Type, idx []int) {
	g.List(jen.Id("tag"), jen.Id("_"), jen.Err()).Op(":=").Id("discriminatorValue").Call(jen.Id("data"), jen.Lit(t.Discriminator))
	g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	var tags []string
	g.Switch(jen.Id("tag")).BlockFunc(func(sw *jen.Group) {
		for _, i := range idx {
			v := t.Variants[i]
			var values []jen.Code
			for _, tag := range v.Tags {
				values = append(values, jen.Lit(tag))
				tags = append(tags, strconv.Quote(tag))
			}
			sw.Case(values...).BlockFunc(func(c *jen.Group) { decodeVariant(c, t, i) })
		}
	})
	g.Return(jen.Op("&").Id("UnionError").Values(jen.Dict{
		jen.Id("Type"):  jen.Lit(t.Name),
		jen.Id("Shape"): jen.Lit("object whose "+t.Discriminator+" is ").Op("+").Qual("strconv", "Quote").Call(jen.Id("tag")),
		jen.Id("Want"):  jen.Lit(t.Discriminator + " one of " + strings.Join(tags, ", ")),
	}))
}

// chooseObject picks among object variants by their keys.
func (e *typeEmitter) chooseObject(g *jen.Group, t *model.Type, idx []int) {
	g.List(jen.Id("i"), jen.Err()).Op(":=").Id("chooseObjectVariant").Call(jen.Id("data"), jen.Index().Id("objectVariant").ValuesFunc(func(vs *jen.Group) {
		for _, i := range idx {
			v := t.Variants[i]
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
			vs.Values(d)
		}
	}))
	g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	g.Switch(jen.Id("i")).BlockFunc(func(sw *jen.Group) {
		for n, i := range idx {
			sw.Case(jen.Lit(n)).BlockFunc(func(c *jen.Group) { decodeVariant(c, t, i) })
		}
	})
}

// tryVariants decodes same-shaped variants in order.
func tryVariants(g *jen.Group, t *model.Type, idx []int) {
	g.Id("fallback").Op(":=").Op("*").Id("u")
	g.Id("decoded").Op(":=").False()
	for _, i := range idx {
		v := t.Variants[i]
		g.BlockFunc(func(b *jen.Group) {
			b.Var().Id("v").Add(goType(v.Type))
			b.If(jen.Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("v")).Op("==").Nil()).BlockFunc(func(ok *jen.Group) {
				ok.Id("candidate").Op(":=").Id(t.Name).Values(jen.Dict{jen.Id("variant"): jen.Lit(i + 1), jen.Id(variantField(v)): jen.Id("v")})
				ok.Var().Id("c").Id("validator")
				ok.Id("candidate").Dot("validate").Call(jen.Op("&").Id("c"), jen.Nil())
				ok.If(jen.Len(jen.Id("c").Dot("violations")).Op("==").Lit(0)).Block(
					jen.Op("*").Id("u").Op("=").Id("candidate"),
					jen.Return(jen.Nil()),
				)
				ok.If(jen.Op("!").Id("decoded")).Block(
					jen.List(jen.Id("fallback"), jen.Id("decoded")).Op("=").List(jen.Id("candidate"), jen.True()),
				)
			})
		})
	}
	g.If(jen.Id("decoded")).Block(jen.Op("*").Id("u").Op("=").Id("fallback"), jen.Return(jen.Nil()))
}

// unionChecks validates the variant held.
func (e *typeEmitter) unionChecks(g *jen.Group, t *model.Type) {
	p := pathVar{name: "p", pointer: true}
	g.Switch(jen.Id("v").Dot("variant")).BlockFunc(func(sw *jen.Group) {
		sw.Case(jen.Lit(0)).Block(jen.Id("c").Dot("report").Call(p.ptr(), jen.Lit("no variant of "+t.Name+" is set")))
		for i, v := range t.Variants {
			if !e.refHasChecks(v.Type) {
				continue
			}
			sw.Case(jen.Lit(i + 1)).BlockFunc(func(c *jen.Group) {
				e.check(c, v.Type, jen.Id("v").Dot(variantField(v)), p, 1)
			})
		}
	})
}
