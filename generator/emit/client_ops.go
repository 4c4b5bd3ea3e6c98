package emit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/generator/model"
)

// operationMethod declares one operation:
//
//	func (s *ClientGrantsService) Get(ctx context.Context, id string) (GetClientGrantResponseContent, error) {
//		var result GetClientGrantResponseContent
//		... validate, build the request, send, decode
//	}
//
// When the success response declares headers, the method that does the work
// is NameWithHeaders, which also returns them, and Name calls it.
func (e *typeEmitter) operationMethod(o *model.Operation, recv string) jen.Code {
	if o.HeadersMethod == "" {
		return e.operationCall(o, recv, o.Name, nil, comment(operationDoc(o)))
	}
	headers := o.Success.HeadersType
	doc := commentf("%s is %s that also returns the headers of the %s response.", o.HeadersMethod, o.Name, o.Success.Code())
	code := e.operationCall(o, recv, o.HeadersMethod, headers, doc).Line().Line()
	// Name has the parameters and the results of NameWithHeaders, less the headers.
	args, results := operationSignature(o, nil)
	call := []jen.Code{jen.Id("ctx")}
	for _, p := range o.PathParams() {
		call = append(call, jen.Id(p.Arg))
	}
	if o.ParamsType != nil {
		call = append(call, jen.Id("params"))
	}
	if requestBody(o) != nil {
		call = append(call, jen.Id("body"))
	}
	code.Add(comment(operationDoc(o))).Func().Params(jen.Id("s").Op("*").Id(recv)).Id(o.Name).Params(args...).Params(results...).BlockFunc(func(g *jen.Group) {
		if resultType(o) != nil {
			g.List(jen.Id("result"), jen.Id("_"), jen.Err()).Op(":=").Id("s").Dot(o.HeadersMethod).Call(call...)
			g.Return(jen.Id("result"), jen.Err())
		} else {
			g.List(jen.Id("_"), jen.Err()).Op(":=").Id("s").Dot(o.HeadersMethod).Call(call...)
			g.Return(jen.Err())
		}
	}).Line().Line()
	return code.Add(headerReader(headers))
}

// operationSignature returns the parameters and results of an operation's
// method; headers, when not nil, is returned after the result.
func operationSignature(o *model.Operation, headers *model.Type) (params, results []jen.Code) {
	params = append(params, jen.Id("ctx").Qual("context", "Context"))
	for _, p := range o.PathParams() {
		params = append(params, jen.Id(p.Arg).Add(goType(p.Type)))
	}
	if o.ParamsType != nil {
		params = append(params, jen.Id("params").Id(o.ParamsType.Name))
	}
	if body := requestBody(o); body != nil {
		params = append(params, jen.Id("body").Add(goType(body.Type)))
	}
	if result := resultType(o); result != nil {
		results = append(results, result)
	}
	if headers != nil {
		results = append(results, jen.Id(headers.Name))
	}
	return params, append(results, jen.Error())
}

// headerReader declares how the client reads a headers struct off a
// response. It is forgiving: a header whose value does not parse is left
// absent rather than failing a call that succeeded.
//
//	func (out *ItemsListOKHeaders) readHeader(h http.Header) { ... }
func headerReader(t *model.Type) jen.Code {
	checked := false
	for _, f := range t.Fields {
		checked = checked || !textOnly(parsedElem(f.Param))
	}
	// The receiver is not v, which the decoding code declares for a value.
	return comment("readHeader fills out from the headers of a response; a value that does not parse is left absent.").
		Func().Params(jen.Id("out").Op("*").Id(t.Name)).Id("readHeader").Params(jen.Id("h").Qual("net/http", "Header")).BlockFunc(func(g *jen.Group) {
		if checked {
			g.Id("c").Op(":=").Op("&").Id("validator").Values()
			g.Var().Id("p").Op("*").Id("path")
		}
		for _, f := range t.Fields {
			if strings.EqualFold(f.Param.Name, "Link") && f.Param.Type.Kind == model.RefBuiltin && f.Param.Type.Builtin == model.String {
				// Link is a list (RFC 8288), which a server may send a
				// line per link, as JAX-RS does: its lines are one value,
				// joined with commas (RFC 9110, section 5.3), and
				// rel="next" may be in any of them. Other headers keep
				// their first line: most are single values (Location,
				// ETag), whose lines joined would be nonsense.
				g.If(jen.List(jen.Id("values"), jen.Id("ok")).Op(":=").Id("h").Index(jen.Qual("net/http", "CanonicalHeaderKey").Call(jen.Lit(f.Param.Name))), jen.Id("ok")).Block(
					jen.Id("out").Dot(f.Name).Op("=").Add(wrapped(f.Wrap, jen.Qual("strings", "Join").Call(jen.Id("values"), jen.Lit(", ")))),
				)
				continue
			}
			paramDecodingFrom(g, f, jen.Id("h"), jen.Id("out"), false, nil)
		}
	})
}

// operationCall declares the method name that calls o, returning the
// headers of its success response too when headers is not nil.
func (e *typeEmitter) operationCall(o *model.Operation, recv, name string, headers *model.Type, code *jen.Statement) *jen.Statement {
	result := resultType(o)
	params, results := operationSignature(o, headers)
	body := requestBody(o)
	var returned []jen.Code
	if result != nil {
		returned = append(returned, jen.Id("result"))
	}
	if headers != nil {
		returned = append(returned, jen.Id("headers"))
	}
	fail := func(err jen.Code) jen.Code { return jen.Return(append(slices.Clone(returned), err)...) }
	readHeader := func(g *jen.Group) {
		if headers != nil {
			g.Id("headers").Dot("readHeader").Call(jen.Id("resp").Dot("header"))
		}
	}
	return code.Func().Params(jen.Id("s").Op("*").Id(recv)).Id(name).Params(params...).Params(results...).BlockFunc(func(g *jen.Group) {
		if result != nil {
			g.Var().Id("result").Add(result.Clone())
		}
		if headers != nil {
			g.Var().Id("headers").Id(headers.Name)
		}
		e.requestChecks(g, o, body, fail)
		fields := jen.Dict{
			jen.Id("operation"): jen.Lit(o.ID),
			jen.Id("method"):    jen.Lit(o.Method),
			jen.Id("path"):      pathExpr(o),
		}
		if fixed := o.FixedQuery(); len(fixed) > 0 {
			// What tells the operation apart on its route, and no
			// parameter sends: Flickr's method=flickr.photos.search.
			query := jen.Dict{}
			for _, c := range fixed {
				query[jen.Lit(c.Name)] = jen.Values(jen.Lit(c.Value))
			}
			fields[jen.Id("query")] = jen.Qual("net/url", "Values").Values(query)
		} else if hasParamsIn(o, model.InQuery) {
			fields[jen.Id("query")] = jen.Qual("net/url", "Values").Values()
		}
		if hasParamsIn(o, model.InHeader) {
			fields[jen.Id("header")] = jen.Qual("net/http", "Header").Values()
		}
		if names := reservedQuery(o); len(names) > 0 {
			fields[jen.Id("reserved")] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
				for _, n := range names {
					g.Lit(n)
				}
			})
		}
		if o.Redirect {
			fields[jen.Id("redirect")] = jen.True()
		}
		if o.Accept != "" {
			fields[jen.Id("accept")] = jen.Lit(o.Accept)
		}
		if choosesCredentials(o) {
			fields[jen.Id("security")] = jen.Id(schemesName(o))
		}
		g.Id("r").Op(":=").Op("&").Id("request").Values(fields)
		if o.ParamsType != nil {
			for _, f := range o.ParamsType.Fields {
				paramEncoding(g, f)
			}
		}
		if body != nil {
			bodyEncoding(g, o, body, fail)
		}
		target := jen.Id("s").Dot("t")
		switch {
		case result == nil && headers == nil:
			g.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Add(target).Dot("do").Call(jen.Id("ctx"), jen.Id("r")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
			g.Return(jen.Nil())
		case result == nil:
			g.List(jen.Id("resp"), jen.Err()).Op(":=").Add(target).Dot("do").Call(jen.Id("ctx"), jen.Id("r"))
			g.If(jen.Err().Op("!=").Nil()).Block(fail(jen.Err()))
			readHeader(g)
			g.Return(jen.Id("headers"), jen.Nil())
		case isJSON(o.Result.ContentType) && o.Result.Type != nil:
			g.List(jen.Id("resp"), jen.Err()).Op(":=").Add(target).Dot("do").Call(jen.Id("ctx"), jen.Id("r"))
			g.If(jen.Err().Op("!=").Nil()).Block(fail(jen.Err()))
			decode := jen.Err().Op("=").Id("decodeResponse").Call(jen.Lit(o.ID), jen.Id("resp"), jen.Op("&").Id("result"))
			if cond := decodeCondition(o); cond != nil {
				// A success the spec gives no body leaves the result zero,
				// as 204 does (Azure answers a finished DELETE with 200
				// and nothing, and a pending one with 202 and the resource).
				g.If(cond).Block(decode)
			} else {
				g.Add(decode)
			}
			readHeader(g)
			g.Return(append(slices.Clone(returned), jen.Err())...)
		default:
			g.List(jen.Id("resp"), jen.Err()).Op(":=").Add(target).Dot("do").Call(jen.Id("ctx"), jen.Id("r"))
			g.If(jen.Err().Op("!=").Nil()).Block(fail(jen.Err()))
			readHeader(g)
			g.Return(append([]jen.Code{jen.Id("resp").Dot("body")}, append(returned[1:], jen.Nil())...)...)
		}
	})
}

// hasParamsIn reports whether the operation has parameters in a place.
func hasParamsIn(o *model.Operation, in model.ParamIn) bool {
	for _, p := range o.Params {
		if p.In == in {
			return true
		}
	}
	return false
}

// requestBody returns the media the method takes as its body argument:
// the first one (JSON when offered), or nil.
func requestBody(o *model.Operation) *model.Media {
	if o.Body == nil || len(o.Body.Media) == 0 || o.Body.Media[0].Type == nil {
		return nil
	}
	return o.Body.Media[0]
}

// formMedia reports whether the operation also accepts the body as a form.
func formMedia(o *model.Operation) bool {
	for _, m := range o.Body.Media {
		if m.Base() == "application/x-www-form-urlencoded" {
			return true
		}
	}
	return false
}

// requestChecks validates path arguments, parameters and body together, so
// an invalid call reports every violation and sends nothing:
//
//	c := &validator{request: true}
//	params.validate(c, nil)
//	body.validate(c, nil)
//	if err := c.err(); err != nil {
//		return result, fmt.Errorf("get_client-grants: invalid request: %w", err)
//	}
func (e *typeEmitter) requestChecks(g *jen.Group, o *model.Operation, body *model.Media, fail func(jen.Code) jen.Code) {
	g.Id("c").Op(":=").Op("&").Id("validator").Values(jen.Dict{jen.Id("request"): jen.True()})
	// A path argument is checked when it is a string (it must not be
	// empty), a list or an object that may hold nothing to send, or its
	// schema constrains it; only then does it need a path.
	var checked []*model.Param
	for _, p := range o.PathParams() {
		mayBeEmpty := pathList(p) || freeObject(p) || objectStruct(p) && nothingSent(p.Type.Named, jen.Id(p.Arg)) != nil
		if textOnly(p.Type) || e.refHasChecks(p.Type) || jsonTextParam(p) || mayBeEmpty {
			checked = append(checked, p)
		}
	}
	// A required query, header or cookie array or map with nothing in it
	// would not be sent at all, nor would an empty User-Agent or a null
	// (sinao's nullable list of contacts to merge), and the server would
	// find it missing.
	var unsendable []jen.Code // their checks
	if o.ParamsType != nil {
		for _, f := range o.ParamsType.Fields {
			if cond := unsendableCond(f, jen.Id("params").Dot(f.Name)); cond != nil {
				unsendable = append(unsendable, jen.If(cond).Block(
					jen.Id("fp").Op(":=").Id("p").Dot("field").Call(jen.Lit(f.Param.Name)),
					jen.Id("c").Dot("required").Call(jen.Op("&").Id("fp")),
				))
			}
		}
	}
	if len(checked) > 0 || len(unsendable) > 0 {
		g.Var().Id("p").Op("*").Id("path") // the root
	}
	for _, check := range unsendable {
		g.Add(check)
	}
	for _, p := range checked {
		arg := jen.Id(p.Arg)
		g.BlockFunc(func(b *jen.Group) {
			b.Id("fp").Op(":=").Id("p").Dot("field").Call(jen.Lit(p.Name))
			switch {
			case textOnly(p.Type): // a string, a string enum, or a named string type
				b.If(jen.Add(arg.Clone()).Op("==").Lit("")).Block(jen.Id("c").Dot("required").Call(jen.Op("&").Id("fp")))
			case pathList(p), freeObject(p):
				// No items would be an empty segment, which leads to
				// another path.
				b.If(jen.Len(arg.Clone()).Op("==").Lit(0)).Block(jen.Id("c").Dot("required").Call(jen.Op("&").Id("fp")))
			case objectStruct(p):
				// So would an object with no field set.
				if cond := nothingSent(p.Type.Named, arg.Clone()); cond != nil {
					b.If(cond).Block(jen.Id("c").Dot("required").Call(jen.Op("&").Id("fp")))
				}
			case jsonTextParam(p):
				// A union's string can be empty too, and an empty
				// segment leads to another path.
				b.If(jen.Id("paramText").Call(arg.Clone()).Op("==").Lit("")).Block(jen.Id("c").Dot("required").Call(jen.Op("&").Id("fp")))
			}
			e.check(b, p.Type, arg.Clone(), pathVar{name: "fp"}, 1)
		})
	}
	if o.ParamsType != nil {
		g.Id("params").Dot("validate").Call(jen.Id("c"), jen.Nil())
	}
	if body != nil && body.Type.Kind == model.RefNamed {
		g.Id("body").Dot("validate").Call(jen.Id("c"), jen.Nil())
	} else if body != nil && e.refHasChecks(body.Type) {
		g.BlockFunc(func(b *jen.Group) {
			b.Var().Id("p").Op("*").Id("path")
			e.check(b, body.Type, jen.Id("body"), pathVar{name: "p", pointer: true}, 1)
		})
	}
	if body != nil && o.Body.Required && body.Type.Kind == model.RefBuiltin && body.Type.Builtin == model.String && !isJSON(body.ContentType) {
		// An empty text body is no body, which the server refuses.
		g.If(jen.Id("body").Op("==").Lit("")).Block(jen.Id("c").Dot("report").Call(jen.Nil(), jen.Lit("the request body is required")))
	}
	g.If(jen.Err().Op(":=").Id("c").Dot("err").Call(), jen.Err().Op("!=").Nil()).Block(
		fail(jen.Qual("fmt", "Errorf").Call(jen.Lit(o.ID+": invalid request: %w"), jen.Err())),
	)
}

// setter returns the statement that puts one name and text in place.
type setter func(name, text jen.Code) jen.Code

// bodyEncoding encodes the body as JSON, or as a form when that is the only
// media type or the client prefers forms:
//
//	data, err := encodeWireBytes(func(w *jsonWriter) { body.encodeJSON(w) })
//	r.body, r.contentType = data, "application/json"
func bodyEncoding(g *jen.Group, o *model.Operation, body *model.Media, fail func(jen.Code) jen.Code) {
	form := body.Base() == "application/x-www-form-urlencoded"
	canForm := formMedia(o) && body.Type.Kind == model.RefNamed && body.Type.Named.FormBody
	jsonBody := func(b *jen.Group) {
		b.List(jen.Id("data"), jen.Err()).Op(":=").Id("encodeWireBytes").Call(jen.Func().Params(jen.Id("w").Op("*").Id("jsonWriter")).Block(encodeCall(body.Type, at(jen.Id("body")))))
		b.If(jen.Err().Op("!=").Nil()).Block(fail(jen.Qual("fmt", "Errorf").Call(jen.Lit(o.ID+": encoding the body: %w"), jen.Err())))
		b.List(jen.Id("r").Dot("body"), jen.Id("r").Dot("contentType")).Op("=").List(jen.Id("data"), sentMediaType(body.ContentType, jen.Id("data")))
	}
	// formFields encodes the body's fields, refusing one that a form cannot
	// express rather than sending an empty form in its place; the refusal
	// is a *ValidationError naming the field, as the body's checks give.
	formFields := func(b *jen.Group) {
		b.List(jen.Id("form"), jen.Id("bad")).Op(":=").Id("body").Dot("formValues").Call()
		b.If(jen.Id("bad").Op("!=").Nil()).Block(fail(jen.Qual("fmt", "Errorf").Call(jen.Lit(o.ID+": invalid request: %w"),
			jen.Op("&").Id("ValidationError").Values(jen.Dict{jen.Id("Violations"): jen.Index().Id("Violation").Values(jen.Op("*").Id("bad"))}))))
	}
	// formBody sends the form; when JSON is accepted too, a body the form
	// cannot express is left for JSON.
	formBody := func(b *jen.Group, jsonAccepted bool) {
		send := jen.List(jen.Id("r").Dot("body"), jen.Id("r").Dot("contentType")).Op("=").List(
			jen.Index().Byte().Call(jen.Id("form").Dot("Encode").Call()), jen.Lit("application/x-www-form-urlencoded"))
		if jsonAccepted {
			b.If(jen.List(jen.Id("form"), jen.Id("bad")).Op(":=").Id("body").Dot("formValues").Call(), jen.Id("bad").Op("==").Nil()).Block(send)
			return
		}
		formFields(b)
		b.Add(send)
	}
	raw := body.Type.HoldsBytes()
	multipart := body.Base() == "multipart/form-data" && body.Type.Kind == model.RefNamed && body.Type.Named.FormBody
	switch {
	case form && canForm:
		formBody(g, false)
	case !form && canForm && isJSON(body.ContentType):
		g.If(jen.Id("s").Dot("t").Dot("opts").Dot("formBodies")).BlockFunc(func(b *jen.Group) { formBody(b, true) })
		g.If(jen.Id("r").Dot("body").Op("==").Nil()).BlockFunc(jsonBody)
	case multipart:
		formFields(g)
		g.List(jen.Id("r").Dot("body"), jen.Id("r").Dot("contentType")).Op("=").Id("multipartBody").Call(jen.Id("form"), fileParts(body.FileParts))
	case raw && !isJSON(body.ContentType):
		// Text and binary media take the body as it is.
		if strings.Contains(body.ContentType, "*") {
			g.Id("r").Dot("body").Op("=").Index().Byte().Call(jen.Id("body"))
			g.Id("r").Dot("contentType").Op("=").Add(sentMediaType(body.ContentType, jen.Id("r").Dot("body")))
			break
		}
		g.List(jen.Id("r").Dot("body"), jen.Id("r").Dot("contentType")).Op("=").List(jen.Index().Byte().Call(jen.Id("body")), jen.Lit(body.ContentType))
	default:
		jsonBody(g)
	}
}

// sentMediaType is the Content-Type the client sends a body of media type
// ct under. A range is no Content-Type: JSON under one (application/*+json)
// is sent as application/json, and bytes as the type the runtime sniffs
// from them (see concreteMediaType).
func sentMediaType(ct string, data jen.Code) jen.Code {
	switch {
	case !strings.Contains(ct, "*"):
		return jen.Lit(ct)
	case isJSON(ct):
		return jen.Lit("application/json")
	}
	return jen.Id("concreteMediaType").Call(jen.Lit(ct), data)
}

// fileParts writes the properties a multipart body sends as file parts,
// with their media types, or nil when there are none:
//
//	map[string]string{"avatar": "image/png"}
func fileParts(parts map[string]string) jen.Code {
	if len(parts) == 0 {
		return jen.Nil()
	}
	return jen.Map(jen.String()).String().Values(jen.DictFunc(func(d jen.Dict) {
		for name, contentType := range parts {
			d[jen.Lit(name)] = jen.Lit(contentType)
		}
	}))
}

// formValues declares the form encoding of a struct sent as
// application/x-www-form-urlencoded: scalars as text, arrays as repeated
// keys (an item that is not a scalar as JSON text), anything else as JSON
// text. A form cannot say null or an empty array, so bad names the first
// field that holds one: the caller then sends JSON, or refuses when only a
// form is accepted.
func formValues(t *model.Type) jen.Code {
	code := comment("formValues encodes v as the fields of a form body; bad names a field that holds a null or an empty array, which a form cannot express.")
	return code.Func().Params(jen.Id("v").Op("*").Id(t.Name)).Id("formValues").Params().Params(jen.Id("form").Qual("net/url", "Values"), jen.Id("bad").Op("*").Id("Violation")).BlockFunc(func(g *jen.Group) {
		g.Id("form").Op("=").Qual("net/url", "Values").Values()
		for _, f := range t.Fields {
			value := jen.Id("v").Dot(f.Name)
			var cond jen.Code
			switch f.Wrap {
			case model.WrapOpt:
				cond, value = value.Clone().Dot("Set"), value.Clone().Dot("Value")
			case model.WrapNullable:
				g.If(value.Clone().Dot("IsNull").Call()).Block(jen.Return(jen.Nil(), jen.Id("unformable").Call(jen.Lit(f.JSONName), jen.Lit("null"))))
				cond, value = value.Clone().Dot("Set"), value.Clone().Dot("Value")
			case model.WrapPointer:
				cond = value.Clone().Op("!=").Nil()
			}
			emit := func(b *jen.Group) {
				name := jen.Lit(f.JSONName)
				if text, ok := scalarText(f.Type, value.Clone()); ok {
					b.Id("form").Dot("Add").Call(name, text)
					return
				}
				if f.Type.Kind == model.RefSlice {
					// One value per item, as the server reads them: the
					// item's text, or its JSON when it is not a scalar.
					text, skip, ok := itemText(f.Type.Elem)
					if !ok {
						text, skip = itemJSON(f.Type.Elem)
					}
					b.If(jen.Len(value.Clone()).Op("==").Lit(0)).Block(jen.Return(jen.Nil(), jen.Id("unformable").Call(jen.Lit(f.JSONName), jen.Lit("an empty array"))))
					b.For(jen.List(jen.Id("_"), jen.Id("item")).Op(":=").Range().Add(value.Clone())).Block(skip, jen.Id("form").Dot("Add").Call(name, text))
					return
				}
				b.Id("form").Dot("Add").Call(name, jen.Id("paramText").Call(value.Clone()))
			}
			if cond != nil {
				g.If(cond).BlockFunc(emit)
			} else {
				emit(g) // declares nothing, so needs no block of its own
			}
		}
		if t.Extra == model.ExtraKeep {
			g.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("sortedKeys").Call(jen.Id("v").Dot("AdditionalProperties"))).Block(
				jen.Id("form").Dot("Add").Call(jen.Id("k"), jen.String().Call(jen.Id("v").Dot("AdditionalProperties").Index(jen.Id("k")))),
			)
		}
		g.Return(jen.Id("form"), jen.Nil())
	})
}

// pagerMethod declares the iterator over every item of a list operation:
//
//	func (s *ClientGrantsService) ListAll(ctx context.Context, params ListClientGrantsRequestParameters) iter.Seq2[ClientGrantResponseContent, error]
func pagerMethod(o *model.Operation, recv string) jen.Code {
	pg := o.Pagination
	item := elemType(pg.Item) // Nullable[T] when items may be null
	var args, call []jen.Code
	args = append(args, jen.Id("ctx").Qual("context", "Context"))
	call = append(call, jen.Id("ctx"))
	for _, p := range o.PathParams() {
		args = append(args, jen.Id(p.Arg).Add(goType(p.Type)))
		call = append(call, jen.Id(p.Arg))
	}
	if o.ParamsType != nil {
		args = append(args, jen.Id("params").Id(o.ParamsType.Name))
		call = append(call, jen.Id("params"))
	}
	signature := func(doc *jen.Statement) *jen.Statement {
		return doc.Func().Params(jen.Id("s").Op("*").Id(recv)).Id(pg.Method).Params(args...).Qual("iter", "Seq2").Types(item.Clone(), jen.Error())
	}
	if pg.Link {
		holder := "in " + jsonPath(pg.Sources[0].Next)
		if pg.LinkHeader != nil {
			holder = `in its ` + pg.LinkHeader.Name + ` header (rel="next")`
		}
		doc := commentf("%s walks every page of %s and yields each item, stopping at the first error (yielded last) or when the caller stops. It asks for each next page at the link the page before holds %s, on the client's own host only, until a page holds none. A server that links a page to itself ends the walk with an error rather than an endless loop.", pg.Method, o.Name, holder)
		return signature(doc).Block(linkPager(o, item, call))
	}

	var modes []string
	if pg.From != nil {
		switch {
		case pg.Page == nil:
			modes = append(modes, "it sends each page's next cursor as "+pg.From.Name+" until the last page")
		case pg.Take != nil && pg.Take != pg.PerPage:
			modes = append(modes, "with "+pg.From.Name+"/"+pg.Take.Name+" set, it follows the checkpoint cursor until the last page")
		default:
			modes = append(modes, "with "+pg.From.Name+" set, it follows the cursor until the last page")
		}
	}
	if pg.Page != nil {
		var m string
		switch {
		case pg.Offset:
			m = fmt.Sprintf("otherwise it asks for page after page of %s items, moving %s (%d by default) past the items of each", pg.PerPage.Name, pg.Page.Name, pg.FirstPage)
		case pg.FirstPageGiven:
			m = fmt.Sprintf("otherwise it asks for page after page, from %s (%d by default)", pg.Page.Name, pg.FirstPage)
		default:
			m = fmt.Sprintf("otherwise it asks for page after page, from %s (0 by default, and on from 2 when the server answers page 1 as it did page 0, counting from 1)", pg.Page.Name)
		}
		if pg.From == nil {
			m = strings.TrimPrefix(m, "otherwise ")
		}
		if pg.IncludeTotals != nil {
			m += " with " + pg.IncludeTotals.Name + "=true"
		}
		modes = append(modes, m+", until a short or empty page or the total is reached")
	}
	how := "It pages in the mode the parameters choose: " + strings.Join(modes, "; ")
	if len(modes) == 1 {
		how = "I" + strings.TrimPrefix(modes[0], "i")
	}
	loops := "sends the same page or cursor again"
	switch {
	case pg.From == nil:
		loops = "sends the same page again"
	case pg.Page == nil:
		loops = "answers with the cursor it was sent"
	}
	if pg.NextMayLink {
		how += ", or, when that cursor is a URL (as Django REST framework's next is), asks for the next page there, on the client's own host only"
		loops += " or links a page to itself"
	}
	doc := commentf("%s walks every page of %s and yields each item, stopping at the first error (yielded last) or when the caller stops. %s. A server that %s ends the walk with an error rather than an endless loop.", pg.Method, o.Name, how, loops)
	field := func(name string) *jen.Statement { return jen.Id("params").Dot(name) }
	return signature(doc).Block(
		jen.Return(jen.Func().Params(jen.Id("yield").Func().Params(item.Clone(), jen.Error()).Bool()).BlockFunc(func(g *jen.Group) {
			// With both page numbers and a cursor, checkpoint says which
			// the walk follows: the cursor when the caller starts it with
			// one, or with the cursor's own page size.
			both := pg.From != nil && pg.Page != nil
			if both {
				checkpoint := field(pg.From.Field.Name).Dot("Set")
				if pg.Take != nil && pg.Take != pg.PerPage {
					checkpoint = checkpoint.Op("||").Add(field(pg.Take.Field.Name)).Dot("Set")
				}
				g.Id("checkpoint").Op(":=").Add(checkpoint)
			}
			// byNumber emits what only the numbered walk runs: under
			// !checkpoint when a cursor could run instead.
			byNumber := func(g *jen.Group, cond *jen.Statement, code func(*jen.Group)) {
				switch {
				case both && cond != nil:
					g.If(jen.Op("!").Id("checkpoint").Op("&&").Add(cond)).BlockFunc(code)
				case both:
					g.If(jen.Op("!").Id("checkpoint")).BlockFunc(code)
				case cond != nil:
					g.If(cond).BlockFunc(code)
				default:
					code(g)
				}
			}
			// guess says the spec leaves open whether pages count from 0
			// or 1; fromZero then says the walk began at page 0, which a
			// server that counts from 1 answers as it does page 1.
			guess := pg.Page != nil && !pg.Offset && !pg.FirstPageGiven
			if pg.Page != nil {
				// offset counts the items before the current page, to compare with a total.
				if guess {
					g.List(jen.Id("perPage"), jen.Id("offset"), jen.Id("fromZero")).Op(":=").List(jen.Lit(0), jen.Lit(0), jen.False())
				} else {
					g.List(jen.Id("perPage"), jen.Id("offset")).Op(":=").List(jen.Lit(0), jen.Lit(0))
				}
				byNumber(g, nil, func(b *jen.Group) {
					b.If(jen.Op("!").Add(field(pg.Page.Field.Name)).Dot("Set")).BlockFunc(func(b *jen.Group) {
						b.Add(field(pg.Page.Field.Name)).Op("=").Id("NewOpt").Types(argType(pg.Page.Type)).Call(jen.Lit(int(pg.FirstPage)))
						if guess {
							b.Id("fromZero").Op("=").True()
						}
					})
					if pg.IncludeTotals != nil {
						b.Add(field(pg.IncludeTotals.Field.Name)).Op("=").Id("NewOpt").Types(argType(pg.IncludeTotals.Type)).Call(jen.True())
					}
					b.Id("perPage").Op("=").Int().Call(field(pg.PerPage.Field.Name).Dot("Value"))
					page := field(pg.Page.Field.Name).Dot("Value")
					if pg.FirstPage != 0 {
						page = page.Op("-").Lit(int(pg.FirstPage))
					}
					if pg.Offset {
						b.Id("offset").Op("=").Int().Call(page)
					} else {
						b.Id("offset").Op("=").Int().Call(page).Op("*").Id("perPage")
					}
				})
				// A server that ignores the page number sends the first
				// page again and again; its first item, encoded, tells.
				g.Id("lastFirst").Op(":=").Lit("")
			}
			stop := func(b *jen.Group, msg string) {
				b.Var().Id("zero").Add(item.Clone())
				b.Id("yield").Call(jen.Id("zero"), jen.Qual("errors", "New").Call(jen.Lit(o.ID+": "+msg)))
				b.Return()
			}
			if pg.NextMayLink {
				// The link to the next page, once the server answers with one.
				g.Id("link").Op(":=").Lit("")
				call = append([]jen.Code{jen.Id("withPageLink").Call(jen.Id("ctx"), jen.Id("link"))}, call[1:]...)
			}
			g.For().BlockFunc(func(loop *jen.Group) {
				loop.List(jen.Id("page"), jen.Err()).Op(":=").Id("s").Dot(o.Name).Call(call...)
				loop.If(jen.Err().Op("!=").Nil()).Block(
					jen.Var().Id("zero").Add(item.Clone()),
					jen.Id("yield").Call(jen.Id("zero"), jen.Err()),
					jen.Return(),
				)
				loop.Var().Id("items").Index().Add(item.Clone())
				if pg.From != nil {
					loop.Id("next").Op(":=").Lit("")
				}
				if pg.Page != nil {
					loop.Id("total").Op(":=").Lit(-1) // unknown
				}
				for _, src := range pg.Sources {
					assign := func(b *jen.Group, page *jen.Statement) {
						v := page // what holds the items and the total
						if src.Holder != nil {
							v = fieldValue(page.Clone(), src.Holder)
						}
						if src.Items == nil {
							b.Id("items").Op("=").Add(v.Clone())
						} else {
							b.Id("items").Op("=").Add(fieldValue(v.Clone(), src.Items))
						}
						if src.Next != nil && pg.From != nil {
							b.Id("next").Op("=").Add(nextValue(page.Clone(), src.Next))
						}
						if src.Total != nil && pg.Page != nil {
							set := jen.Id("total").Op("=").Int().Call(fieldValue(v.Clone(), src.Total))
							switch src.Total.Wrap {
							case model.WrapOpt:
								b.If(v.Clone().Dot(src.Total.Name).Dot("Set")).Block(set)
							case model.WrapNullable:
								b.If(jen.List(jen.Id("n"), jen.Id("ok")).Op(":=").Add(v.Clone()).Dot(src.Total.Name).Dot("Get").Call(), jen.Id("ok")).Block(jen.Id("total").Op("=").Int().Call(jen.Id("n")))
							case model.WrapPointer:
								b.If(v.Clone().Dot(src.Total.Name).Op("!=").Nil()).Block(set)
							default:
								b.Add(set)
							}
						}
					}
					if src.Variant == nil {
						assign(loop, jen.Id("page"))
						continue
					}
					loop.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Id("page").Dot(src.Variant.Name).Call(), jen.Id("ok")).BlockFunc(func(b *jen.Group) {
						assign(b, jen.Id("v"))
					})
				}
				if r := o.Result.Type; r.Kind == model.RefNamed && r.Named.Kind == model.Union && keepsUnknown(r.Named) {
					// A page of a form added since the code was generated
					// would otherwise end the walk as if it were the last.
					loop.If(jen.List(jen.Id("_"), jen.Id("ok")).Op(":=").Id("page").Dot("Unknown").Call(), jen.Id("ok")).BlockFunc(func(b *jen.Group) {
						stop(b, "the server sent a page that none of the forms of "+r.Named.Name+" fits, so paging stops")
					})
				}
				if pg.Page != nil {
					byNumber(loop, jen.Len(jen.Id("items")).Op(">").Lit(0), func(b *jen.Group) {
						b.List(jen.Id("first"), jen.Id("_")).Op(":=").Id("marshalValue").Call(jen.Op("&").Id("items").Index(jen.Lit(0)))
						b.If(jen.String().Call(jen.Id("first")).Op("==").Id("lastFirst")).BlockFunc(func(b *jen.Group) {
							if guess {
								b.If(jen.Id("fromZero").Op("&&").Add(field(pg.Page.Field.Name)).Dot("Value").Op("==").Lit(1)).Block(
									jen.Comment("The server counts pages from 1: page 1 was page 0."),
									field(pg.Page.Field.Name).Dot("Value").Op("++"),
									jen.Continue(),
								)
							}
							stop(b, "the server sent the same page again (it ignores "+pg.Page.Name+"), so paging stops")
						})
						b.Id("lastFirst").Op("=").String().Call(jen.Id("first"))
					})
				}
				loop.For(jen.List(jen.Id("_"), jen.Id("it")).Op(":=").Range().Id("items")).Block(
					jen.If(jen.Op("!").Id("yield").Call(jen.Id("it"), jen.Nil())).Block(jen.Return()),
				)
				if pg.From != nil {
					sent := field(pg.From.Field.Name).Dot("Set").Op("&&").Id("next").Op("==").Add(textValue(field(pg.From.Field.Name).Dot("Value"), pg.From.Type))
					follow := func(b *jen.Group) {
						if pg.NextMayLink {
							b.If(jen.Id("isPageURL").Call(jen.Id("next"))).BlockFunc(func(b *jen.Group) {
								b.If(jen.Id("next").Op("==").Id("link")).BlockFunc(func(b *jen.Group) {
									stop(b, "the server linked a page to itself, so paging stops")
								})
								b.Id("link").Op("=").Id("next")
								b.Continue()
							})
						}
						if both {
							// Auth0's checkpoints end with an empty page.
							b.If(jen.Id("next").Op("==").Lit("").Op("||").Len(jen.Id("items")).Op("==").Lit(0)).Block(jen.Return())
						} else {
							// A page may be empty and still lead on (AWS's
							// NextToken); one that leads back to itself ends.
							b.If(jen.Id("next").Op("==").Lit("").Op("||").Len(jen.Id("items")).Op("==").Lit(0).Op("&&").Parens(sent.Clone())).Block(jen.Return())
						}
						b.If(sent.Clone()).BlockFunc(func(b *jen.Group) {
							stop(b, "the server answered with the cursor it was sent, so paging stops")
						})
						cursor := jen.Id("next")
						if pg.From.Type.Kind == model.RefNamed {
							cursor = goType(pg.From.Type).Call(cursor)
						}
						b.Add(field(pg.From.Field.Name)).Op("=").Id("NewOpt").Call(cursor)
						if pg.NextMayLink {
							b.Id("link").Op("=").Lit("")
						}
					}
					if !both {
						follow(loop)
						return
					}
					loop.If(jen.Id("checkpoint")).BlockFunc(func(b *jen.Group) {
						follow(b)
						b.Continue()
					})
				}
				loop.Id("offset").Op("+=").Len(jen.Id("items"))
				loop.If(jen.Len(jen.Id("items")).Op("==").Lit(0).
					Op("||").Parens(jen.Id("perPage").Op(">").Lit(0).Op("&&").Len(jen.Id("items")).Op("<").Id("perPage")).
					Op("||").Parens(jen.Id("total").Op(">=").Lit(0).Op("&&").Id("offset").Op(">=").Id("total"))).Block(jen.Return())
				if pg.Offset {
					loop.Add(field(pg.Page.Field.Name)).Dot("Value").Op("+=").Add(argType(pg.Page.Type)).Call(jen.Len(jen.Id("items")))
				} else {
					loop.Add(field(pg.Page.Field.Name)).Dot("Value").Op("++")
				}
			})
		})),
	)
}

// linkPager is the body of the iterator over a list whose pages link to
// the next (Azure's nextLink), or whose answers do in a Link header, read
// through the list's WithHeaders method: each page is asked for through
// the list's own method, with the link in the context in place of its URL.
//
//	link := ""
//	for {
//		page, err := s.List(withPageLink(ctx, link), params)
//		...
//		items, next := page.Value.Value, page.NextLink.Value
//		for _, it := range items { yield }
//		if next == "" { return }
//		if next == link { an error }
//		link = next
//	}
func linkPager(o *model.Operation, item *jen.Statement, call []jen.Code) jen.Code {
	pg, src := o.Pagination, o.Pagination.Sources[0]
	call = append([]jen.Code{jen.Id("withPageLink").Call(jen.Id("ctx"), jen.Id("link"))}, call[1:]...)
	fetch := jen.List(jen.Id("page"), jen.Err()).Op(":=").Id("s").Dot(o.Name).Call(call...)
	items := jen.Id("page")
	if src.Holder != nil {
		items = fieldValue(items, src.Holder)
	}
	if src.Items != nil {
		items = fieldValue(items, src.Items)
	}
	var next *jen.Statement
	if pg.LinkHeader != nil {
		fetch = jen.List(jen.Id("page"), jen.Id("h"), jen.Err()).Op(":=").Id("s").Dot(o.HeadersMethod).Call(call...)
		i := slices.IndexFunc(o.Success.HeadersType.Fields, func(f *model.Field) bool { return f.Param == pg.LinkHeader })
		f := o.Success.HeadersType.Fields[i]
		next = jen.Id("nextLinkHeader").Call(textValue(fieldValue(jen.Id("h"), f), f.Type))
	} else {
		next = nextValue(jen.Id("page"), src.Next)
	}
	return jen.Return(jen.Func().Params(jen.Id("yield").Func().Params(item.Clone(), jen.Error()).Bool()).Block(
		jen.Id("link").Op(":=").Lit(""),
		jen.For().Block(
			fetch,
			jen.If(jen.Err().Op("!=").Nil()).Block(
				jen.Var().Id("zero").Add(item.Clone()),
				jen.Id("yield").Call(jen.Id("zero"), jen.Err()),
				jen.Return(),
			),
			jen.For(jen.List(jen.Id("_"), jen.Id("it")).Op(":=").Range().Add(items)).Block(
				jen.If(jen.Op("!").Id("yield").Call(jen.Id("it"), jen.Nil())).Block(jen.Return()),
			),
			jen.Id("next").Op(":=").Add(next),
			jen.If(jen.Id("next").Op("==").Lit("")).Block(jen.Return()),
			jen.If(jen.Id("next").Op("==").Id("link")).Block(
				jen.Var().Id("zero").Add(item.Clone()),
				jen.Id("yield").Call(jen.Id("zero"), jen.Qual("errors", "New").Call(jen.Lit(o.ID+": the server linked a page to itself, so paging stops"))),
				jen.Return(),
			),
			jen.Id("link").Op("=").Id("next"),
		),
	))
}

// nextValue reads the next cursor or link at path, a field and the fields
// within it, through their wrappers, as a string:
// page.Metadata.Value.Continue.Value, string(page.NextToken.Value).
func nextValue(v *jen.Statement, path []*model.Field) *jen.Statement {
	for _, f := range path {
		v = fieldValue(v, f)
	}
	return textValue(v, path[len(path)-1].Type)
}

// textValue is v, a string or a named string type (see model.isText), as
// a string.
func textValue(v *jen.Statement, r *model.Ref) *jen.Statement {
	if r.Kind == model.RefNamed {
		return jen.String().Call(v)
	}
	return v
}

// jsonPath names path as its JSON names joined with dots: links.next.
func jsonPath(path []*model.Field) string {
	names := make([]string, len(path))
	for i, f := range path {
		names[i] = f.JSONName
	}
	return strings.Join(names, ".")
}

// fieldValue reads a field through its wrapper.
func fieldValue(v *jen.Statement, f *model.Field) *jen.Statement {
	switch f.Wrap {
	case model.WrapOpt, model.WrapNullable:
		return v.Dot(f.Name).Dot("Value")
	case model.WrapPointer:
		return jen.Op("*").Add(v.Dot(f.Name))
	}
	return v.Dot(f.Name)
}

// decodeCondition is the condition under which the client decodes the
// result of o, whose result is JSON: the status is none of the successes
// that o declares without a body (204 and 304 carry none anyway), as in
// resp.status != 200; nil when there are none.
func decodeCondition(o *model.Operation) *jen.Statement {
	var cond *jen.Statement
	for _, r := range o.Responses {
		if r.Status/100 != 2 || r.Status == 204 || len(r.Media) > 0 {
			continue
		}
		test := jen.Id("resp").Dot("status").Op("!=").Lit(r.Status)
		if cond == nil {
			cond = test
		} else {
			cond = cond.Op("&&").Add(test)
		}
	}
	return cond
}

// reservedQuery lists the query parameters of o whose values keep the
// reserved characters a query allows (allowReserved), in order.
func reservedQuery(o *model.Operation) []string {
	var names []string
	for _, p := range o.Params {
		if p.KeepsReserved() {
			names = append(names, p.Name)
		}
	}
	return names
}
