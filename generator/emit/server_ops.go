package emit

import (
	"slices"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/generator/model"
)

// operationHandler declares the HTTP handler of one operation: it checks
// credentials, parses and validates every parameter and the body, collects
// every violation, and calls the user's Handler only for a valid request.
// queryCredentials are the query parameters that carry API keys, which the
// client sends with every request:
//
//	func (s *server) serveClientGrantsList(w http.ResponseWriter, r *http.Request) { ... }
func (e *typeEmitter) operationHandler(o *model.Operation, queryCredentials []string) jen.Code {
	code := commentf("%s serves %s.", handlerFunc(o), o.Target())
	return code.Func().Params(jen.Id("s").Op("*").Id("server")).Id(handlerFunc(o)).Params(
		jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Id("r").Op("*").Qual("net/http", "Request"),
	).BlockFunc(func(g *jen.Group) {
		g.Const().Id("operation").Op("=").Lit(o.ID)
		g.Defer().Id("s").Dot("core").Dot("recoverPanic").Call(jen.Id("w"), jen.Id("r"), jen.Id("operation"))
		repeatedPathParams(g, o)
		failReturn := func(err jen.Code) jen.Code {
			return jen.Block(jen.Id("s").Dot("core").Dot("fail").Call(jen.Id("w"), jen.Id("r"), jen.Id("operation"), err), jen.Return())
		}
		g.List(jen.Id("ctx"), jen.Err()).Op(":=").Id("s").Dot("authorize").Call(jen.Id("r"), jen.Id(operationVar(o)), securityArg(o))
		g.If(jen.Err().Op("!=").Nil()).Add(failReturn(jen.Err()))
		g.Id("c").Op(":=").Op("&").Id("validator").Values(jen.Dict{jen.Id("request"): jen.True()})
		needsRoot := o.ParamsType != nil
		for _, p := range o.PathParams() {
			needsRoot = needsRoot || e.pathParamFallible(p)
		}
		if needsRoot {
			g.Var().Id("p").Op("*").Id("path") // the root
		}
		occurrences := o.PathOccurrences()
		for _, p := range o.PathParams() {
			e.pathParamDecoding(g, p, jen.Id("r").Dot("PathValue").Call(jen.Lit("p"+strconv.Itoa(occurrences[p.Name][0]))))
		}
		// The query is read for every operation, even one that declares
		// no query parameter, so that what it does not declare is refused.
		g.Var().Id("query").Id("queryParams")
		g.Id("query").Dot("parse").Call(jen.Id("r").Dot("URL").Dot("RawQuery"))
		if o.ParamsType != nil {
			g.Var().Id("params").Id(o.ParamsType.Name)
			// A free-form object in form style takes the keys no other
			// parameter reads, so it is read last.
			takesRest := func(f *model.Field) bool { return f.Param.ObjectForm() == model.SpreadForm && freeObject(f.Param) }
			for _, last := range []bool{false, true} {
				for _, f := range o.ParamsType.Fields {
					if takesRest(f) == last {
						paramDecoding(g, f, queryCredentials)
					}
				}
			}
			g.Id("params").Dot("validate").Call(jen.Id("c"), jen.Id("p"))
		}
		leftovers := []jen.Code{jen.Id("c"), jen.Id("s").Dot("core").Dot("opts").Dot("ignoreUnknownQuery")}
		for _, name := range queryCredentials {
			leftovers = append(leftovers, jen.Lit(name))
		}
		for _, c := range o.FixedQuery() {
			leftovers = append(leftovers, jen.Lit(c.Name)) // the route chose the operation by it
		}
		g.Id("query").Dot("leftovers").Call(leftovers...)
		if o.ParamsType != nil {
			paramDefaults(g, o.ParamsType.Fields)
		}
		body := requestBody(o)
		if body != nil {
			e.bodyDecoding(g, o, body, failReturn)
		}
		g.If(jen.Err().Op(":=").Id("c").Dot("err").Call(), jen.Err().Op("!=").Nil()).Add(failReturn(jen.Err()))
		var call []jen.Code
		call = append(call, jen.Id("ctx"))
		for _, p := range o.PathParams() {
			call = append(call, jen.Id(p.Arg))
		}
		if o.ParamsType != nil {
			call = append(call, jen.Id("params"))
		}
		if body != nil {
			call = append(call, jen.Id("body"))
		}
		g.List(jen.Id("resp"), jen.Err()).Op(":=").Id("s").Dot("h").Dot(o.HandlerName).Call(call...)
		g.If(jen.Err().Op("!=").Nil()).Add(failReturn(jen.Err()))
		header := jen.Nil()
		if answersWithHeaders(o) {
			header = jen.Id("resp").Dot("header")
		}
		g.Id("s").Dot("core").Dot("respond").Call(jen.Id("w"), jen.Id("r"), jen.Id("operation"), jen.Id("resp").Dot("status"), header, jen.Id("resp").Dot("body"))
	})
}

// operationVar names the package-level Operation of o and securityVar its
// requirements: built once, not per request.
func operationVar(o *model.Operation) string { return "op" + o.HandlerName }

func securityVar(o *model.Operation) string { return "security" + o.HandlerName }

// securityArg is what a handler passes as its requirements.
func securityArg(o *model.Operation) jen.Code {
	if len(o.Security) == 0 {
		return jen.Nil()
	}
	return jen.Id(securityVar(o))
}

// operationVars declares, for every operation, the Operation a security
// handler sees and the requirements it is checked against:
//
//	var opClientGrantsList = Operation{ID: "get_client-grants", ...}
//	var securityClientGrantsList = [][]requirement{...}
func operationVars(ops []*model.Operation) jen.Code {
	code := comment("The operations as security handlers see them, and their requirements. Handlers must not modify them.")
	return code.Var().DefsFunc(func(g *jen.Group) {
		for _, o := range ops {
			g.Id(operationVar(o)).Op("=").Add(operationValue(o))
			if len(o.Security) > 0 {
				g.Id(securityVar(o)).Op("=").Add(securityValue(o))
			}
		}
	})
}

// operationValue is the Operation a security handler sees.
func operationValue(o *model.Operation) jen.Code {
	scopes := jen.Nil()
	if s := o.Scopes(); len(s) > 0 {
		scopes = jen.Index().String().ValuesFunc(func(g *jen.Group) {
			for _, x := range s {
				g.Lit(x)
			}
		})
	}
	return jen.Id("Operation").Values(jen.Dict{jen.Id("ID"): jen.Lit(o.ID), jen.Id("Method"): jen.Lit(o.Method), jen.Id("Path"): jen.Lit(o.Path), jen.Id("Scopes"): scopes})
}

// securityValue is the operation's requirements as data.
func securityValue(o *model.Operation) jen.Code {
	if len(o.Security) == 0 {
		return jen.Nil()
	}
	return jen.Index().Index().Id("requirement").ValuesFunc(func(g *jen.Group) {
		for _, alt := range o.Security {
			g.ValuesFunc(func(a *jen.Group) {
				for _, req := range alt {
					d := jen.Dict{jen.Id("scheme"): jen.Lit(req.Scheme.Name)}
					if len(req.Scopes) > 0 {
						d[jen.Id("scopes")] = jen.Index().String().ValuesFunc(func(l *jen.Group) {
							for _, s := range req.Scopes {
								l.Lit(s)
							}
						})
					}
					a.Values(d)
				}
			})
		}
	})
}

// bodyDecoding reads, decodes and checks the body:
//
//	data, mediaType, herr := s.core.readBody(w, r, []string{"application/json"}, true)
//	var body T
//	switch mediaType { case "application/json": ... }
func (e *typeEmitter) bodyDecoding(g *jen.Group, o *model.Operation, body *model.Media, failReturn func(jen.Code) jen.Code) {
	// A media type whose schema is not the body's (text/csv as a string
	// beside a JSON object) cannot be decoded into it, so it is refused
	// (415) like one the spec does not list; when none can be, all are
	// accepted and the handler gets the zero body.
	accepted := slices.DeleteFunc(slices.Clone(o.Body.Media), func(m *model.Media) bool { return !decodableAs(m, body.Type) })
	handled := len(accepted) > 0
	if !handled {
		accepted = o.Body.Media
	}
	var media []jen.Code
	for _, m := range accepted {
		media = append(media, jen.Lit(m.ContentType))
	}
	g.List(jen.Id("data"), jen.Id("mediaType"), jen.Id("herr")).Op(":=").Id("s").Dot("core").Dot("readBody").Call(jen.Id("w"), jen.Id("r"), jen.Index().String().Values(media...), jen.Lit(o.Body.Required))
	g.If(jen.Id("herr").Op("!=").Nil()).Add(failReturn(jen.Id("herr")))
	g.Var().Id("body").Add(goType(body.Type))
	g.Switch(jen.Id("mediaType")).BlockFunc(func(sw *jen.Group) {
		if !handled {
			// No media type of this body can be decoded yet.
			sw.Default().Block(jen.Id("_").Op("=").Id("data"))
			return
		}
		for _, m := range accepted {
			switch {
			case isFormOf(m, body.Type):
				sw.Case(jen.Lit(m.ContentType)).BlockFunc(func(b *jen.Group) {
					parse := jen.Qual("net/url", "ParseQuery").Call(jen.String().Call(jen.Id("data")))
					if m.Base() == "multipart/form-data" {
						parse = jen.Id("parseMultipart").Call(jen.Id("data"), jen.Id("r").Dot("Header").Dot("Get").Call(jen.Lit("Content-Type")))
					}
					b.List(jen.Id("form"), jen.Err()).Op(":=").Add(parse)
					b.If(jen.Err().Op("!=").Nil()).Add(failReturn(jen.Id("NewError").Call(jen.Qual("net/http", "StatusBadRequest"), jen.Lit("invalid_form"), jen.Lit("malformed form body: ").Op("+").Err().Dot("Error").Call())))
					b.Id("body").Dot("decodeForm").Call(jen.Id("c"), jen.Id("form"))
				})
			case !isJSON(m.ContentType):
				sw.Case(jen.Lit(m.ContentType)).Block(jen.Id("body").Op("=").Add(goType(m.Type)).Call(jen.Id("data")))
			default:
				sw.Case(jen.Lit(m.ContentType)).BlockFunc(func(b *jen.Group) {
					b.If(jen.Id("herr").Op(":=").Id("decodeStrict").Call(jen.Id("c"), jen.Id("data"), jen.Func().Params(jen.Id("d").Op("*").Id("jsonReader")).Block(decodeCall(m.Type, at(jen.Id("body"))))), jen.Id("herr").Op("!=").Nil()).Add(failReturn(jen.Id("herr")))
				})
			}
		}
	})
	if body.Type.Kind == model.RefNamed {
		g.Id("body").Dot("validate").Call(jen.Id("c"), jen.Nil())
	} else if e.refHasChecks(body.Type) {
		g.BlockFunc(func(b *jen.Group) {
			b.Var().Id("p").Op("*").Id("path")
			e.check(b, body.Type, jen.Id("body"), pathVar{name: "p", pointer: true}, 1)
		})
	}
}

// repeatedPathParams declares the check that a parameter the path names
// twice has the same value at both places; a request whose path differs
// there is not one of this operation's, so it gets 404:
//
//	if r.PathValue("p1") != r.PathValue("p3") {
//		s.core.notFound(w, r)
//		return
//	}
func repeatedPathParams(g *jen.Group, o *model.Operation) {
	value := func(i int) jen.Code { return jen.Id("r").Dot("PathValue").Call(jen.Lit("p" + strconv.Itoa(i))) }
	occurrences := o.PathOccurrences()
	for _, p := range o.PathParams() { // in path order, not the map's
		at := occurrences[p.Name]
		for _, later := range at[1:] {
			g.If(jen.Add(value(at[0])).Op("!=").Add(value(later))).Block(
				jen.Id("s").Dot("core").Dot("notFound").Call(jen.Id("w"), jen.Id("r")),
				jen.Return(),
			)
		}
	}
}

// decodableAs reports whether the server can decode media m into a body
// of type body: as a form of its struct, as JSON of the same type, or as
// the raw text or bytes of a string or raw JSON body.
func decodableAs(m *model.Media, body *model.Ref) bool {
	switch {
	case isFormOf(m, body):
		return true
	case m.Type == nil || !m.Type.SameGoType(body):
		return false
	case isJSON(m.ContentType):
		return true
	}
	return m.Type.HoldsBytes()
}

// isFormOf reports whether media m is a form (urlencoded or multipart) of
// the body's struct type, which then has a form decoder.
func isFormOf(m *model.Media, body *model.Ref) bool {
	return m.IsForm() &&
		m.Type != nil && m.Type.Kind == model.RefNamed && m.Type.Named.FormBody && body.Kind == model.RefNamed && m.Type.Named == body.Named
}

// formTypes lists, once each, the struct types that operations accept as
// form bodies, in operation order.
func formTypes(ops []*model.Operation) []*model.Type {
	var out []*model.Type
	seen := map[*model.Type]bool{}
	for _, o := range ops {
		body := requestBody(o)
		if body == nil {
			continue
		}
		for _, m := range o.Body.Media {
			if isFormOf(m, body.Type) && !seen[m.Type.Named] {
				seen[m.Type.Named] = true
				out = append(out, m.Type.Named)
			}
		}
	}
	return out
}

// keepParsed keeps a parameter's or form field's value only when it parsed
// (no violation since before): one that did not stays absent, so that its
// checks do not also report the zero it parsed as, and a required one has
// its path (fp) refused, so that being required does not report it either.
func keepParsed(b *jen.Group, required bool, set func(*jen.Group)) {
	parsed := b.If(jen.Len(jen.Id("c").Dot("violations")).Op("==").Id("before")).BlockFunc(set)
	if required {
		parsed.Else().Block(jen.Id("c").Dot("refused").Call(jen.Op("&").Id("fp")))
	}
}

// formDecoder declares the strict form decoding of a struct: each declared
// field from its key (arrays from repeated keys), unknown keys reported when
// the schema forbids them, required keys reported when missing.
func formDecoder(t *model.Type) jen.Code {
	code := comment("decodeForm fills v from a form body, recording in c the keys it does not declare and the values that are not of their type.")
	return code.Func().Params(jen.Id("v").Op("*").Id(t.Name)).Id("decodeForm").Params(jen.Id("c").Op("*").Id("validator"), jen.Id("form").Qual("net/url", "Values")).BlockFunc(func(g *jen.Group) {
		needsRoot := closedToText(t)
		for _, f := range t.Fields {
			needsRoot = needsRoot || f.Required || !textOnly(formElem(f))
		}
		if needsRoot {
			g.Var().Id("p").Op("*").Id("path")
		}
		for _, f := range t.Fields {
			target := jen.Id("v").Dot(f.Name)
			set := func(b *jen.Group, value jen.Code) {
				b.Add(target.Clone()).Op("=").Add(wrapped(f.Wrap, value))
			}
			isList := f.Type.Kind == model.RefSlice && !heldNullable(f.Type.Elem)
			elem := formElem(f)
			ifFound := g.If(jen.List(jen.Id("values"), jen.Id("ok")).Op(":=").Id("form").Index(jen.Lit(f.JSONName)), jen.Id("ok")).BlockFunc(func(b *jen.Group) {
				if !textOnly(elem) {
					b.Id("fp").Op(":=").Id("p").Dot("field").Call(jen.Lit(f.JSONName))
					b.Id("before").Op(":=").Len(jen.Id("c").Dot("violations"))
				}
				if isList {
					b.Var().Id("x").Add(goType(f.Type))
					index := jen.Id("_")
					if !textOnly(elem) {
						index = jen.Id("i")
					}
					b.For(jen.List(index, jen.Id("text")).Op(":=").Range().Id("values")).BlockFunc(func(l *jen.Group) {
						if !textOnly(elem) {
							l.Id("ip").Op(":=").Id("fp").Dot("at").Call(jen.Id("i"))
						}
						var item jen.Code = jen.Id("item")
						if strictJSON(f.Type.Elem) {
							declareStrict(l, "item", f.Type.Elem, jen.Id("text"), pathVar{name: "ip"})
						} else {
							item = parsedValue(l, "item", f.Type.Elem, jen.Id("text"), pathVar{name: "ip"})
						}
						l.Id("x").Op("=").Append(jen.Id("x"), item)
					})
				} else if textOnly(elem) {
					set(b, parsedValue(b, "x", f.Type, jen.Id("values").Index(jen.Lit(0)), pathVar{name: "fp"}))
					return
				} else {
					declareStrict(b, "x", f.Type, jen.Id("values").Index(jen.Lit(0)), pathVar{name: "fp"})
				}
				if textOnly(elem) {
					set(b, jen.Id("x"))
					return
				}
				keepParsed(b, f.Required, func(ok *jen.Group) { set(ok, jen.Id("x")) })
			})
			if f.Required {
				ifFound.Else().Block(
					jen.Id("fp").Op(":=").Id("p").Dot("field").Call(jen.Lit(f.JSONName)),
					jen.Id("c").Dot("absent").Call(jen.Op("&").Id("fp")),
				)
			}
		}
		if closedToText(t) {
			g.Add(unknownKeys(t, jen.Id("form"), jen.Id("p").Dot("field").Call(jen.Id("k"))))
		}
	})
}

// formElem is the type of one form value of field f: its items' type when
// it is a list sent as repeated keys.
func formElem(f *model.Field) *model.Ref {
	if f.Type.Kind == model.RefSlice && !heldNullable(f.Type.Elem) {
		return f.Type.Elem
	}
	return f.Type
}

// unknownKeys reports each key k of the map keyed that struct t does not
// declare, at the path keyPath (an expression of k):
//
//	for _, k := range sortedKeys(form) {
//		switch k {
//		case "audience", "scope":
//		default:
//			kp := p.field(k)
//			c.unknownProperty(&kp)
//		}
//	}
func unknownKeys(t *model.Type, keyed, keyPath jen.Code) jen.Code {
	report := []jen.Code{
		jen.Id("kp").Op(":=").Add(keyPath),
		jen.Id("c").Dot("unknownProperty").Call(jen.Op("&").Id("kp")),
	}
	loop := jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("sortedKeys").Call(keyed))
	if len(t.Fields) == 0 {
		return loop.Block(report...) // an object that admits no property
	}
	return loop.Block(
		jen.Switch(jen.Id("k")).Block(
			jen.CaseFunc(func(c *jen.Group) {
				for _, f := range t.Fields {
					c.Lit(f.JSONName)
				}
			}),
			jen.Default().Block(report...),
		),
	)
}
