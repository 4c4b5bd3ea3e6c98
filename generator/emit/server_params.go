package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/generator/model"
)

// pathParamDecoding declares path parameter p's variable and fills it from
// text, the route's wildcard, reporting what does not parse or breaks the
// schema. In label and matrix style the value must carry its mark:
//
//	var id int64
//	{
//		fp := p.field("id")
//		if text, ok := strings.CutPrefix(r.PathValue("p0"), ";id="); !ok {
//			c.report(&fp, "must start with \";id=\"")
//		} else {
//			id = parseInt(c, &fp, text)
//		}
//	}
func (e *typeEmitter) pathParamDecoding(g *jen.Group, p *model.Param, text jen.Code) {
	name := p.Arg
	if !e.pathParamFallible(p) && p.ObjectForm() == model.NotObject && !pathList(p) {
		// Its text as it is: id := r.PathValue("p0").
		declareParsed(g, name, p.Type, text, pathVar{name: "fp"})
		return
	}
	g.Var().Id(name).Add(goType(p.Type))
	prefix := p.PathPrefix()
	parse := func(b *jen.Group, text jen.Code) {
		if form := p.ObjectForm(); form != model.NotObject {
			// Its keys and values, joined with commas.
			b.BlockFunc(func(o *jen.Group) {
				items, assign := valuesName(p), ":="
				if items == "_" {
					assign = "="
				}
				o.Id(items).Op(assign).Id("objectItems").Call(jen.Id("c"), jen.Id("p"), jen.Lit(p.Name), text, jen.Lit(form == model.EqualsForm))
				o.Var().Id("v").Add(goType(p.Type))
				if freeObject(p) {
					entriesDecoding(o, p.Type)
				} else {
					objectDecoding(o, p)
				}
				o.Id(name).Op("=").Id("v")
			})
			return
		}
		if pathList(p) {
			// The items' texts, joined with commas (or as the style
			// explodes them).
			itemsDecoding(b, p.Type.Elem, jen.Id(name), jen.Qual("strings", "Split").Call(text, jen.Lit(p.Separator())))
			return
		}
		parseStrictInto(b, p.Type, jen.Id(name), text, pathVar{name: "fp"})
	}
	if !e.pathParamFallible(p) || !e.pathParamNeedsPath(p) {
		parse(g, text) // nothing to report at its own path
		return
	}
	g.BlockFunc(func(b *jen.Group) {
		b.Id("fp").Op(":=").Id("p").Dot("field").Call(jen.Lit(p.Name))
		parseAndCheck := func(b *jen.Group, text jen.Code) {
			if textOnly(p.Type) || !e.refHasChecks(p.Type) {
				parse(b, text)
				e.check(b, p.Type, jen.Id(name), pathVar{name: "fp"}, 1)
				return
			}
			// Only a value that parsed is checked further.
			b.Id("before").Op(":=").Len(jen.Id("c").Dot("violations"))
			parse(b, text)
			b.If(jen.Len(jen.Id("c").Dot("violations")).Op("==").Id("before")).BlockFunc(func(ok *jen.Group) {
				e.check(ok, p.Type, jen.Id(name), pathVar{name: "fp"}, 1)
			})
		}
		if prefix == "" {
			parseAndCheck(b, text)
			return
		}
		b.If(jen.List(jen.Id("text"), jen.Id("ok")).Op(":=").Qual("strings", "CutPrefix").Call(text, jen.Lit(prefix)), jen.Op("!").Id("ok")).Block(
			jen.Id("c").Dot("report").Call(jen.Op("&").Id("fp"), jen.Lit(fmt.Sprintf("must start with %q", prefix))),
		).Else().BlockFunc(func(ok *jen.Group) { parseAndCheck(ok, jen.Id("text")) })
	})
}

// pathParamFallible reports whether path parameter p's text can be wrong:
// when it must parse, carry a mark or meet its schema, which a string or
// a list of strings in style simple need not.
func (e *typeEmitter) pathParamFallible(p *model.Param) bool {
	text := textOnly(p.Type) || pathList(p) && textOnly(p.Type.Elem)
	return !text || p.PathPrefix() != "" || e.refHasChecks(p.Type)
}

// pathParamNeedsPath reports whether a violation in path parameter p is
// reported at its own path (fp): not for an object whose keys and values
// are text as they are, whose only violations (a key given twice, a key
// without a value) objectItems reports below the root.
func (e *typeEmitter) pathParamNeedsPath(p *model.Param) bool {
	switch {
	case p.PathPrefix() != "" || e.refHasChecks(p.Type):
		return true
	case objectStruct(p):
		return objectNeedsPath(p)
	case freeObject(p):
		return !textOnly(p.Type.Elem)
	}
	return true
}

// parseInto converts the text of a parameter into dst, reporting text that
// is not of the type: dst = parseInt(c, &fp, text).
func parseInto(g *jen.Group, r *model.Ref, dst, text jen.Code, p pathVar) {
	if v, ok := parsedText(r, text, p); ok {
		g.Add(dst).Op("=").Add(v)
		return
	}
	// Anything else travels as JSON text, a string unquoted (see
	// paramText).
	g.Id("parseJSONText").Call(jen.Id("c"), p.ptr(), text, jen.Op("&").Add(dst))
}

// parseStrictInto is parseInto for a server, which reads an object or an
// array that travels as JSON text as strictly as it reads a body: a
// property the schema requires and the text leaves out, one a closed
// object does not declare, or a value of the wrong type is reported where
// it stands (where[0].attribute: is required).
//
//	parseJSONParam(c, &fp, values[0], &v)
//	parseJSONParam(c, &fp, values[0], decodeFunc(func(d *jsonReader) bool { return decodeArray(&v, d, (*Criterion).decodeJSON) }))
func parseStrictInto(g *jen.Group, r *model.Ref, dst, text jen.Code, p pathVar) {
	switch {
	case !strictJSON(r):
		parseInto(g, r, dst, text, p)
	case r.Kind == model.RefNamed: // it has its decodeJSON
		g.Id("parseJSONParam").Call(jen.Id("c"), p.ptr(), text, jen.Op("&").Add(dst))
	default:
		decode := jen.Func().Params(jen.Id("d").Op("*").Id("jsonReader")).Bool().Block(jen.Return(decodeCall(r, at(jen.Add(dst)))))
		g.Id("parseJSONParam").Call(jen.Id("c"), p.ptr(), text, jen.Id("decodeFunc").Call(decode))
	}
}

// declareStrict is declareParsed for a server: an object or an array of
// JSON text is read strictly (see parseStrictInto).
func declareStrict(g *jen.Group, name string, r *model.Ref, text jen.Code, p pathVar) {
	if !strictJSON(r) {
		declareParsed(g, name, r, text, p)
		return
	}
	g.Var().Id(name).Add(goType(r))
	parseStrictInto(g, r, jen.Id(name), text, p)
}

// strictJSON reports whether a parameter of r travels as JSON text that a
// server reads strictly (see parseStrictInto): an object or an array. A
// union may hold a string, which travels without its quotes.
func strictJSON(r *model.Ref) bool {
	switch {
	case r.Kind == model.RefSlice, r.Kind == model.RefMap:
		return true
	case r.Kind == model.RefNamed:
		k := r.Named.Kind
		return k == model.Struct || k == model.Slice || k == model.Map
	}
	return false
}

// declareParsed declares a variable called name holding the value of r
// parsed from text: name := parseInt(c, &fp, text), or var name T filled
// by parseJSONText for what travels as JSON text.
func declareParsed(g *jen.Group, name string, r *model.Ref, text jen.Code, p pathVar) {
	if v, ok := parsedText(r, text, p); ok {
		g.Id(name).Op(":=").Add(v)
		return
	}
	g.Var().Id(name).Add(goType(r))
	parseInto(g, r, jen.Id(name), text, p)
}

// parsedValue is the value of r parsed from text, as an expression where
// one converts it (parseInt(c, &fp, text)), else as a variable called
// name that declareParsed declares first; so call it before starting the
// statement that uses the value, which would otherwise come first.
func parsedValue(g *jen.Group, name string, r *model.Ref, text jen.Code, p pathVar) jen.Code {
	if v, ok := parsedText(r, text, p); ok {
		return v
	}
	declareParsed(g, name, r, text, p)
	return jen.Id(name)
}

// parsedText is the expression that converts the text of a parameter to a
// value of r, reporting text that is not of the type (parseInt(c, &fp,
// text)), and false for a value that travels as JSON text.
func parsedText(r *model.Ref, text jen.Code, p pathVar) (jen.Code, bool) {
	b, named := model.Builtin(0), false
	switch {
	case r.Kind == model.RefBuiltin:
		b = r.Builtin
	case r.Kind == model.RefNamed && r.Named.Kind == model.Enum:
		b, named = r.Named.Enum.Base, true
	case r.Kind == model.RefNamed && r.Named.Kind == model.Alias && r.Named.Elem.Kind == model.RefBuiltin:
		b, named = r.Named.Elem.Builtin, true
	}
	conv := func(v jen.Code) jen.Code {
		if named {
			return goType(r).Call(v)
		}
		return v
	}
	switch b {
	case model.String:
		return conv(text), true
	case model.Int64:
		return conv(jen.Id("parseInt").Call(jen.Id("c"), p.ptr(), text)), true
	case model.Int32:
		return goType(r).Call(jen.Id("parseInt").Call(jen.Id("c"), p.ptr(), text)), true
	case model.Float64:
		return conv(jen.Id("parseFloat").Call(jen.Id("c"), p.ptr(), text)), true
	case model.Float32:
		return goType(r).Call(jen.Id("parseFloat").Call(jen.Id("c"), p.ptr(), text)), true
	case model.Bool:
		return conv(jen.Id("parseBool").Call(jen.Id("c"), p.ptr(), text)), true
	case model.Time:
		return conv(jen.Id("parseTime").Call(jen.Id("c"), p.ptr(), text)), true
	}
	return nil, false
}

// paramDecoding reads one query, header or cookie parameter into the
// parameters struct, applying its default when it is absent:
//
//	if values, ok := query.get("per_page"); ok {
//		fp := p.field("per_page")
//		params.PerPage = NewOpt(parseInt(c, &fp, values[0]))
//	}
//
// queryCredentials are the query keys that carry API keys, which a
// free-form object's entries leave alone.
func paramDecoding(g *jen.Group, f *model.Field, queryCredentials []string) {
	paramDecodingFrom(g, f, jen.Id("r").Dot("Header"), jen.Id("params"), true, queryCredentials)
}

// paramDecodingFrom is paramDecoding with the headers read from header and
// the value stored in target's field; server says it is the server's
// reading, which reports an absent required value and reads JSON text
// strictly (see parseStrictInto). The client reads response headers with
// it, forgiving both.
func paramDecodingFrom(g *jen.Group, f *model.Field, header, target jen.Code, server bool, queryCredentials []string) {
	p := f.Param
	var find jen.Code // what finds the parameter's values, and whether it is there
	switch p.In {
	case model.InQuery:
		find = jen.Id("query").Dot("get").Call(jen.Lit(p.Name))
	case model.InHeader:
		find = jen.Add(header).Index(jen.Qual("net/http", "CanonicalHeaderKey").Call(jen.Lit(p.Name)))
	default:
		find = jen.Id("cookieValues").Call(jen.Id("r"), jen.Lit(p.Name))
	}
	deep := freeObject(p) // a map, entry by entry
	switch form := p.ObjectForm(); {
	case form == model.DeepForm:
		find = jen.Id("deepObject").Call(jen.Id("c"), jen.Id("p"), jen.Op("&").Id("query"), jen.Lit(p.Name))
	case form == model.SpreadForm && deep:
		// Every key no other parameter reads (see paramDecoding).
		args := []jen.Code{jen.Id("c"), jen.Id("p"), jen.Op("&").Id("query"), jen.Lit(p.Name), jen.Nil()}
		for _, name := range queryCredentials {
			args = append(args, jen.Lit(name))
		}
		find = jen.Id("formObject").Call(args...)
	case form == model.SpreadForm:
		keys := jen.Index().String().ValuesFunc(func(l *jen.Group) {
			for _, f := range p.Type.Named.Fields {
				l.Lit(f.JSONName)
			}
		})
		find = jen.Id("formObject").Call(jen.Id("c"), jen.Id("p"), jen.Op("&").Id("query"), jen.Lit(p.Name), keys)
	case form == model.PairsForm:
		find = jen.Id("query").Dot("pairs").Call(jen.Id("c"), jen.Id("p"), jen.Lit(p.Name))
	case form == model.CommaForm || form == model.EqualsForm:
		find = jen.Id("simpleObject").Call(jen.Id("c"), jen.Id("p"), jen.Lit(p.Name),
			jen.Add(header).Index(jen.Qual("net/http", "CanonicalHeaderKey").Call(jen.Lit(p.Name))), jen.Lit(form == model.EqualsForm))
	case p.In == model.InQuery && (p.Type.Kind != model.RefSlice || !scalarItems(p)):
		// One value: a repeated key is reported.
		find = jen.Id("query").Dot("one").Call(jen.Id("c"), jen.Id("p"), jen.Lit(p.Name))
	}
	lookup := jen.List(jen.Id(valuesName(p)), jen.Id("ok")).Op(":=").Add(find)
	field := jen.Add(target).Dot(f.Name)
	set := func(b *jen.Group, value jen.Code) {
		b.Add(field.Clone()).Op("=").Add(wrapped(f.Wrap, value))
	}
	if p.EmptyMeansUnused() {
		// Sent empty, it counts as left out (allowEmptyValue).
		g.Id("query").Dot("skipEmpty").Call(jen.Lit(p.Name))
	}
	ifFound := g.If(lookup, jen.Id("ok")).BlockFunc(func(b *jen.Group) {
		if !textOnly(parsedElem(p)) {
			b.Id("fp").Op(":=").Id("p").Dot("field").Call(jen.Lit(p.Name))
			b.Id("before").Op(":=").Len(jen.Id("c").Dot("violations"))
		}
		switch {
		case objectStruct(p):
			b.Var().Id("v").Add(goType(p.Type))
			objectDecoding(b, p)
		case deep:
			b.Var().Id("v").Add(goType(p.Type))
			entriesDecoding(b, p.Type)
		case p.Type.Kind == model.RefSlice && scalarItems(p):
			b.Var().Id("v").Add(goType(p.Type))
			items := jen.Id("values")
			if !explodesItems(p) {
				items = jen.Id("splitList").Call(jen.Id("values"), jen.Lit(p.Separator()))
			}
			itemsDecoding(b, p.Type.Elem, jen.Id("v"), items)
		case textOnly(p.Type):
			// Its text is its value.
			set(b, parsedValue(b, "v", p.Type, jen.Id("values").Index(jen.Lit(0)), pathVar{name: "fp"}))
			return
		default:
			// A scalar to parse, or an object or an array of anything
			// else as one JSON text, as the client sends it (see
			// explodesItems), which the server reads strictly.
			declare := declareParsed
			if server {
				declare = declareStrict
			}
			declare(b, "v", p.Type, jen.Id("values").Index(jen.Lit(0)), pathVar{name: "fp"})
		}
		if textOnly(parsedElem(p)) {
			set(b, jen.Id("v"))
			return
		}
		keepParsed(b, f.Required, func(ok *jen.Group) { set(ok, jen.Id("v")) })
	})
	// When it is absent: its default, or a violation when it is required.
	// The server sets an optional parameter's default after validation
	// (see paramDefaults).
	if f.Default != nil && !(server && optionalWrap(f)) {
		if lit, ok := defaultLit(p.Type, f.Default); ok {
			ifFound.Else().BlockFunc(func(b *jen.Group) { set(b, lit) })
			return
		}
	}
	if f.Required && server {
		ifFound.Else().Block(
			jen.Id("fp").Op(":=").Id("p").Dot("field").Call(jen.Lit(p.Name)),
			jen.Id("c").Dot("absent").Call(jen.Op("&").Id("fp")),
		)
	}
}

// parsedElem is what each text of parameter p holds: an item of an array
// sent item by item or joined, an entry's value of a free-form object, and
// otherwise p's own type. For an object read field by field, it stands for
// the fields: a string when no field's text can be wrong. Where it is not
// text only, the reading needs a path to report at.
func parsedElem(p *model.Param) *model.Ref {
	switch {
	case objectStruct(p) && objectNeedsPath(p):
		return &model.Ref{Kind: model.RefBuiltin, Builtin: model.Int64}
	case objectStruct(p):
		return &model.Ref{Kind: model.RefBuiltin, Builtin: model.String}
	case freeObject(p), p.Type.Kind == model.RefSlice && scalarItems(p):
		return p.Type.Elem
	}
	return p.Type
}

// itemsDecoding parses each text of items into an item appended to dst,
// reporting one that does not parse at its index under fp:
//
//	for i, text := range splitList(values, ",") {
//		ip := fp.at(i)
//		v = append(v, parseInt(c, &ip, text))
//	}
func itemsDecoding(b *jen.Group, elem *model.Ref, dst *jen.Statement, items jen.Code) {
	index := jen.Id("_")
	if !textOnly(elem) {
		index = jen.Id("i")
	}
	b.For(jen.List(index, jen.Id("text")).Op(":=").Range().Add(items)).BlockFunc(func(l *jen.Group) {
		if !textOnly(elem) {
			l.Id("ip").Op(":=").Id("fp").Dot("at").Call(jen.Id("i"))
		}
		x := parsedValue(l, "x", elem, jen.Id("text"), pathVar{name: "ip"})
		l.Add(dst.Clone()).Op("=").Append(dst.Clone(), parsedItem(elem, x))
	})
}

// scalarItems reports whether array parameter p holds scalars, which
// travel as text, or travels item by item (see explodesItems); otherwise
// the client sends it as one JSON array.
func scalarItems(p *model.Param) bool {
	if explodesItems(p) {
		return true
	}
	if p.JSON {
		return false // one JSON array, as its content says
	}
	_, _, ok := itemText(p.Type.Elem)
	return ok
}

// paramDefaults gives each optional parameter the request left out its
// default, once the parameters are validated: the request did not send
// it, so a default that breaks the parameter's own schema (optimade's
// email_address defaults to "", which is no email) must not fail it.
//
//	if !params.PerPage.Set {
//		params.PerPage = NewOpt(int64(50))
//	}
func paramDefaults(g *jen.Group, fields []*model.Field) {
	for _, f := range fields {
		if f.Default == nil || !optionalWrap(f) {
			continue
		}
		lit, ok := defaultLit(f.Param.Type, f.Default)
		if !ok {
			continue
		}
		field := jen.Id("params").Dot(f.Name)
		g.If(jen.Op("!").Add(field.Clone()).Dot("Set")).Block(field.Clone().Op("=").Add(wrapped(f.Wrap, lit)))
	}
}

// wrapped returns value the way a field held as w takes it: NewOpt(value),
// NewNullable(value), &value (value must be addressable) or value itself.
func wrapped(w model.Wrap, value jen.Code) jen.Code {
	switch w {
	case model.WrapOpt:
		return jen.Id("NewOpt").Call(value)
	case model.WrapNullable:
		return jen.Id("NewNullable").Call(value)
	case model.WrapPointer:
		return jen.Op("&").Add(value)
	}
	return value
}

// optionalWrap reports whether field f is an Opt or a Nullable, which says
// whether it was set.
func optionalWrap(f *model.Field) bool {
	return f.Wrap == model.WrapOpt || f.Wrap == model.WrapNullable
}

// parsedItem is item x, parsed from a parameter's text, wrapped as a
// Nullable when the items may be null (the text itself never is).
func parsedItem(elem *model.Ref, x jen.Code) jen.Code {
	if elem.Nullable {
		return jen.Id("NewNullable").Call(x)
	}
	return x
}

// entriesDecoding fills v, of map type r, from values, key → text,
// reporting an entry that does not parse at its key under fp.
func entriesDecoding(b *jen.Group, r *model.Ref) {
	b.Id("v").Op("=").Make(goType(r), jen.Len(jen.Id("values")))
	b.For(jen.List(jen.Id("k"), jen.Id("text")).Op(":=").Range().Id("values")).BlockFunc(func(l *jen.Group) {
		if !textOnly(r.Elem) {
			l.Id("kp").Op(":=").Id("fp").Dot("key").Call(jen.Id("k"))
		}
		x := parsedValue(l, "x", r.Elem, jen.Id("text"), pathVar{name: "kp"})
		l.Id("v").Index(jen.Id("k")).Op("=").Add(parsedItem(r.Elem, x))
	})
}

// objectNeedsPath reports whether decoding the struct of object
// parameter p can report a violation: a field that must parse or is
// missing, or a key the schema does not declare (which, in form style
// exploded, is another query parameter).
func objectNeedsPath(p *model.Param) bool {
	if refusesUnknownKeys(p) {
		return true
	}
	for _, f := range p.Type.Named.Fields {
		if !textOnly(f.Type) || missingReported(f) {
			return true
		}
	}
	return false
}

// objectDecoding fills a struct from the keys and values of object
// parameter p, read into values; keys the struct does not declare are
// violations where the schema forbids them.
func objectDecoding(b *jen.Group, p *model.Param) {
	t := p.Type.Named
	for _, f := range t.Fields {
		found := b.If(jen.List(jen.Id("text"), jen.Id("ok")).Op(":=").Id("values").Index(jen.Lit(f.JSONName)), jen.Id("ok")).BlockFunc(func(fb *jen.Group) {
			if !textOnly(f.Type) {
				fb.Id("kp").Op(":=").Id("fp").Dot("field").Call(jen.Lit(f.JSONName))
			}
			var x jen.Code = jen.Id("x")
			if f.Wrap == model.WrapPointer {
				declareParsed(fb, "x", f.Type, jen.Id("text"), pathVar{name: "kp"}) // &x takes a variable
			} else {
				x = parsedValue(fb, "x", f.Type, jen.Id("text"), pathVar{name: "kp"})
			}
			fb.Id("v").Dot(f.Name).Op("=").Add(wrapped(f.Wrap, x))
		})
		if missingReported(f) {
			found.Else().Block(
				jen.Id("kp").Op(":=").Id("fp").Dot("field").Call(jen.Lit(f.JSONName)),
				jen.Id("c").Dot("absent").Call(jen.Op("&").Id("kp")),
			)
		}
	}
	if refusesUnknownKeys(p) {
		b.Add(unknownKeys(t, jen.Id("values"), jen.Id("fp").Dot("key").Call(jen.Id("k"))))
	}
}

// missingReported reports whether decoding an object parameter reports
// field f when its key is missing: a required field held as it is, whose
// zero value validate cannot tell from one sent (a nullable or pointer
// one, validate finds unset).
func missingReported(f *model.Field) bool {
	return f.Required && f.Wrap == model.WrapNone
}

// valuesName is what the decoding of parameter p calls the values it
// finds: "values", or "_" for an object struct that reads nothing from its
// keys (it has no field, and lets undeclared keys through).
func valuesName(p *model.Param) string {
	if objectStruct(p) && len(p.Type.Named.Fields) == 0 && !refusesUnknownKeys(p) {
		return "_"
	}
	return "values"
}

// refusesUnknownKeys reports whether decoding the struct of object
// parameter p reports the keys it does not declare: where the schema
// forbids them (see closedToText), unless the keys are query parameters
// of their own (form style, exploded), which the query's leftovers report.
func refusesUnknownKeys(p *model.Param) bool {
	return closedToText(p.Type.Named) && p.ObjectForm() != model.SpreadForm
}

// closedToText reports whether struct t, read from text (a form body or
// an object parameter), refuses the keys it does not declare: where
// additionalProperties is false, even beside patternProperties, since
// text keeps no undeclared property to check against a pattern.
func closedToText(t *model.Type) bool {
	return t.Extra == model.ExtraForbid || t.ExtraClosed
}

// textOnly reports whether a parameter value is its text as it is (a
// string, or a type over string), so parsing needs no path for errors.
func textOnly(r *model.Ref) bool {
	return isStringRef(r) || r.Kind == model.RefNamed && r.Named.Kind == model.Alias && r.Named.Elem.Kind == model.RefBuiltin && r.Named.Elem.Builtin == model.String
}

// defaultLit renders a scalar default as a Go value of the parameter's type.
func defaultLit(r *model.Ref, v any) (jen.Code, bool) {
	switch x := v.(type) {
	case string:
		if isStringRef(r) {
			return goType(r).Call(jen.Lit(x)), true
		}
	case bool:
		if r.Kind == model.RefBuiltin && r.Builtin == model.Bool {
			return jen.Lit(x), true
		}
	case float64:
		if r.Kind == model.RefBuiltin && (r.Builtin == model.Int64 || r.Builtin == model.Int32) && x == float64(int64(x)) {
			return goType(r).Call(jen.Lit(int(x))), true
		}
		if r.Kind == model.RefBuiltin && (r.Builtin == model.Float64 || r.Builtin == model.Float32) {
			return goType(r).Call(jen.Lit(x)), true
		}
	}
	return nil, false
}
