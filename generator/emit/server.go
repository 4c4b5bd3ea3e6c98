package emit

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/generator/model"
)

// serverFile declares the server: the Handler interface the user
// implements, a response type per operation, the SecurityHandler, and
// NewServer, whose handlers parse and validate everything before calling
// the user's code.
func serverFile(d *decls, api *model.API) {
	e := newTypeEmitter("serverPattern")
	d.add(handlerInterface(api))
	for _, o := range api.Operations {
		d.add(responseType(o))
	}
	schemes := usedSchemes(api)
	d.add(securityInterface(schemes))
	d.add(newServer(api))
	d.add(authorize(schemes))
	credentials := queryCredentials(api)
	for _, o := range api.Operations {
		d.add(e.operationHandler(o, credentials))
	}
	if len(api.Operations) > 0 {
		d.add(operationVars(api.Operations))
	}
	for _, t := range formTypes(api.Operations) {
		d.add(formDecoder(t))
	}
	e.patternVars(d)
}

// queryCredentials lists the query parameters of the API's apiKey schemes:
// the client sends them with every request (see credentialOption), so
// every operation takes them.
func queryCredentials(api *model.API) []string {
	var names []string
	for _, s := range api.SecuritySchemes {
		if s.Credential() == model.APIKey && s.In == "query" && s.ParamName != "" && !slices.Contains(names, s.ParamName) {
			names = append(names, s.ParamName)
		}
	}
	return names
}

// usedSchemes lists the security schemes some operation requires.
func usedSchemes(api *model.API) []*model.SecurityScheme {
	var out []*model.SecurityScheme
	seen := map[*model.SecurityScheme]bool{}
	for _, s := range api.SecuritySchemes {
		for _, o := range api.Operations {
			for _, alt := range o.Security {
				for _, req := range alt {
					if req.Scheme == s && !seen[s] {
						seen[s] = true
						out = append(out, s)
					}
				}
			}
		}
	}
	return out
}

// handlerArgs lists an operation's arguments after ctx: path parameters,
// the parameters struct, the body.
func handlerArgs(o *model.Operation) []jen.Code {
	args := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, p := range o.PathParams() {
		args = append(args, jen.Id(p.Arg).Add(goType(p.Type)))
	}
	if o.ParamsType != nil {
		args = append(args, jen.Id("params").Id(o.ParamsType.Name))
	}
	if m := requestBody(o); m != nil {
		args = append(args, jen.Id("body").Add(goType(m.Type)))
	}
	return args
}

// handlerInterface declares what the user implements:
//
//	type Handler interface {
//		ClientGrantsList(ctx context.Context, params ListClientGrantsRequestParameters) (ClientGrantsListResponse, error)
//		...
//	}
func handlerInterface(api *model.API) jen.Code {
	code := comment("Handler is the API's server side: implement it and serve it with NewServer. Each method receives parameters and a body that are already parsed and valid, and returns a response built with one of its constructors, or an error: an *Error chooses the status, code and message; any other error answers 500 and is logged, never shown to the client.")
	return code.Type().Id("Handler").InterfaceFunc(func(g *jen.Group) {
		for _, o := range api.Operations {
			doc := fmt.Sprintf("%s serves operation %s: %s.", o.HandlerName, o.ID, o.Target())
			if o.Summary != "" {
				doc += " " + strings.TrimSuffix(o.Summary, ".") + "."
			}
			g.Add(comment(doc)).Id(o.HandlerName).Params(handlerArgs(o)...).Params(jen.Id(o.ResponseType), jen.Error())
		}
	})
}

// responseType declares the answer of one operation and its constructors:
//
//	type ClientGrantsListResponse struct{ status int; body jsonEncodable }
//	func ClientGrantsListOK(body ListClientGrantResponseContent) ClientGrantsListResponse
//
// The body is kept as its encoder: a pointer to a generated type, or an
// encodeFunc for a builtin, array or map.
func responseType(o *model.Operation) jen.Code {
	code := commentf("%s is the answer of %s; build it with %s.", o.ResponseType, o.HandlerName, constructorList(o))
	code.Type().Id(o.ResponseType).StructFunc(func(g *jen.Group) {
		g.Id("status").Int()
		if answersWithHeaders(o) {
			g.Id("header").Qual("net/http", "Header") // nil for none
		}
		g.Id("body").Id("jsonEncodable") // nil for no body
	}).Line().Line()
	for _, a := range o.Answers {
		var params []jen.Code
		fields := jen.Dict{jen.Id("status"): jen.Lit(a.Status)}
		var doc string
		if a.Media != nil && rawMedia(a.Media.ContentType) {
			// Sent as the handler gives it, as the client returns it.
			params = append(params, jen.Id("body").Index().Byte())
			fields[jen.Id("body")] = jen.Op("&").Id("rawBody").Values(jen.Dict{jen.Id("contentType"): jen.Lit(a.Media.ContentType), jen.Id("data"): jen.Id("body")})
			doc = fmt.Sprintf("%s answers %d %s with body, sent as it is as %s", a.Constructor, a.Status, strings.ToLower(statusText(a.Status)), a.Media.ContentType)
			if a.Headers != nil {
				doc += ", and headers"
			}
		} else if a.Media != nil && a.Media.Type != nil {
			var body jen.Code = jen.Op("&").Id("body")
			if a.Media.Type.Kind != model.RefNamed {
				body = jen.Id("encodeFunc").Call(jen.Func().Params(jen.Id("w").Op("*").Id("jsonWriter")).Block(encodeCall(a.Media.Type, at(jen.Id("body")))))
			}
			params = append(params, jen.Id("body").Add(goType(a.Media.Type)))
			fields[jen.Id("body")] = body
			doc = fmt.Sprintf("%s answers %d %s with body", a.Constructor, a.Status, strings.ToLower(statusText(a.Status)))
			if a.Headers != nil {
				doc += " and headers"
			}
		} else {
			doc = fmt.Sprintf("%s answers %d %s, without a body", a.Constructor, a.Status, strings.ToLower(statusText(a.Status)))
			if a.Headers != nil {
				doc = fmt.Sprintf("%s answers %d %s with headers and without a body", a.Constructor, a.Status, strings.ToLower(statusText(a.Status)))
			}
		}
		if a.Headers != nil {
			params = append(params, jen.Id("headers").Id(a.Headers.Name))
			fields[jen.Id("header")] = jen.Id("headers").Dot("header").Call()
		}
		code.Add(comment(doc + "."))
		code.Func().Id(a.Constructor).Params(params...).Id(o.ResponseType).Block(
			jen.Return(jen.Id(o.ResponseType).Values(fields)),
		).Line().Line()
		if a.Headers != nil {
			code.Add(headerWriter(a.Headers)).Line().Line()
		}
	}
	return code
}

// rawMedia reports whether an answer of media type ct is sent as the bytes
// the handler gives: one that is not JSON, a range (image/*) among them,
// since the model makes a range over a typed body JSON.
func rawMedia(ct string) bool {
	return !isJSON(ct)
}

// answersWithHeaders reports whether any answer of o sends headers the
// spec declares.
func answersWithHeaders(o *model.Operation) bool {
	for _, a := range o.Answers {
		if a.Headers != nil {
			return true
		}
	}
	return false
}

// headerWriter declares how the server puts a headers struct on the wire,
// each header in its style, an absent optional one left out:
//
//	func (v *ItemsListOKHeaders) header() http.Header {
//		h := http.Header{}
//		h.Add("X-Total-Count", strconv.FormatInt(v.XTotalCount, 10))
//		return h
//	}
func headerWriter(t *model.Type) jen.Code {
	add := func(name, text jen.Code) jen.Code { return jen.Id("h").Dot("Add").Call(name, text) }
	return comment("header renders v as response headers.").
		Func().Params(jen.Id("v").Op("*").Id(t.Name)).Id("header").Params().Qual("net/http", "Header").BlockFunc(func(g *jen.Group) {
		g.Id("h").Op(":=").Qual("net/http", "Header").Values()
		for _, f := range t.Fields {
			paramEncodingTo(g, f, jen.Id("v"), add)
		}
		g.Return(jen.Id("h"))
	})
}

func constructorList(o *model.Operation) string {
	var names []string
	for _, a := range o.Answers {
		names = append(names, a.Constructor)
	}
	if len(names) == 0 {
		return "no constructor (the spec declares no success answer; return an *Error)"
	}
	return strings.Join(names, " or ")
}

func statusText(status int) string {
	if t := http.StatusText(status); t != "" {
		return t
	}
	return "status " + strconv.Itoa(status)
}

// securityInterface declares the checks of the security schemes:
//
//	type SecurityHandler interface {
//		BearerAuth(ctx context.Context, op Operation, token string) (context.Context, error)
//	}
func securityInterface(schemes []*model.SecurityScheme) jen.Code {
	code := comment("SecurityHandler checks credentials, one method per security scheme the spec declares. Each receives the credential the request carries, the operation (with every scope its requirements name) and the scopes this scheme must grant; it returns the context the operation runs with, an error wrapping ErrInsufficientScope for a valid credential that lacks scopes (answered 403), or another error to reject the credential (401). An operation's requirements are alternatives; within one, every scheme must pass.")
	return code.Type().Id("SecurityHandler").InterfaceFunc(func(g *jen.Group) {
		for _, s := range schemes {
			g.Add(commentf("%s checks the %s of scheme %s.", s.GoName, credentialName(s), s.Name)).
				Id(s.GoName).Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("op").Id("Operation"), jen.Id("credential").String(), jen.Id("scopes").Index().String()).Params(jen.Qual("context", "Context"), jen.Error())
		}
	})
}

// credentialName says, in the SecurityHandler's doc, what a scheme's
// credential is.
func credentialName(s *model.SecurityScheme) string {
	switch s.Credential() {
	case model.APIKey:
		return "API key (" + s.In + " " + s.ParamName + ")"
	case model.BasicAuth:
		return "basic credentials (the base64 text after \"Basic \")"
	case model.OtherHTTP:
		return "credentials (the text after \"" + s.Scheme + " \" in Authorization)"
	case model.ClientCert:
		return "client certificate (the SHA-256 fingerprint, in hex, of the one the client presented over TLS, which the server's tls.Config must ask for)"
	}
	return "bearer token"
}

// credentialExpr reads the credential of a scheme from the request.
func credentialExpr(s *model.SecurityScheme) jen.Code {
	switch s.Credential() {
	case model.APIKey:
		switch s.In {
		case "header":
			return jen.Id("r").Dot("Header").Dot("Get").Call(jen.Lit(s.ParamName))
		case "query":
			return jen.Id("r").Dot("URL").Dot("Query").Call().Dot("Get").Call(jen.Lit(s.ParamName))
		case "cookie":
			return jen.Id("cookieValue").Call(jen.Id("r"), jen.Lit(s.ParamName))
		}
	case model.BasicAuth:
		return jen.Id("basicCredentials").Call(jen.Id("r"))
	case model.OtherHTTP:
		return jen.Id("authCredentials").Call(jen.Id("r"), jen.Lit(s.Scheme))
	case model.ClientCert:
		return jen.Id("clientCertificate").Call(jen.Id("r"))
	}
	return jen.Id("bearerToken").Call(jen.Id("r"))
}

// newServer declares the server and its routes:
//
//	func NewServer(h Handler, opts ...ServerOption) http.Handler
func newServer(api *model.API) jen.Code {
	code := comment("server routes requests to the Handler.")
	code.Type().Id("server").Struct(
		jen.Id("core").Op("*").Id("serverCore"),
		jen.Id("h").Id("Handler"),
		jen.Id("sec").Id("SecurityHandler"),
	).Line().Line()
	code.Add(comment("WithSecurity sets the SecurityHandler that checks credentials. Without it, a Handler that also implements SecurityHandler checks them itself, and otherwise every request that needs credentials is refused."))
	code.Func().Id("WithSecurity").Params(jen.Id("sec").Id("SecurityHandler")).Id("ServerOption").Block(
		jen.Return(jen.Func().Params(jen.Id("o").Op("*").Id("serverOptions")).Block(jen.Id("o").Dot("security").Op("=").Id("sec"))),
	).Line().Line()
	code.Add(comment("NewServer returns an http.Handler that serves the API with h. It answers 404 for unknown paths, 405 with Allow for a wrong method, 415, 413 and 400 for bodies it cannot take, 401 and 403 for requests that fail the security requirements, and 400 listing every violation for invalid parameters or bodies, a query parameter the operation does not declare among them (see WithUnknownQueryIgnored); only valid requests reach h."))
	code.Func().Id("NewServer").Params(jen.Id("h").Id("Handler"), jen.Id("opts").Op("...").Id("ServerOption")).Qual("net/http", "Handler").BlockFunc(func(g *jen.Group) {
		g.Id("s").Op(":=").Op("&").Id("server").Values(jen.Dict{jen.Id("core"): jen.Id("newServerCore").Call(jen.Id("opts")), jen.Id("h"): jen.Id("h")})
		g.List(jen.Id("s").Dot("sec"), jen.Id("_")).Op("=").Id("s").Dot("core").Dot("opts").Dot("security").Op(".").Parens(jen.Id("SecurityHandler"))
		g.If(jen.Id("s").Dot("sec").Op("==").Nil()).Block(
			jen.List(jen.Id("s").Dot("sec"), jen.Id("_")).Op("=").Id("h").Op(".").Parens(jen.Id("SecurityHandler")),
		)
		g.Id("base").Op(":=").Id("s").Dot("core").Dot("opts").Dot("basePath")
		g.Id("rt").Op(":=").Id("newRouter").Call(jen.Id("s").Dot("core"))
		for _, ops := range sharedRoutes(api.Operations) {
			o := ops[0]
			handler := jen.Id("s").Dot(handlerFunc(o))
			if len(ops) > 1 || len(o.When) > 0 {
				// Alone, an operation still takes only what its
				// fragment names: Flickr's /rest?method=photos.search.
				handler = jen.Id("s").Dot("core").Dot("chooseRoute").Call(jen.Index().Id("sharedRoute").ValuesFunc(func(list *jen.Group) {
					for _, o := range ops {
						list.Line().Values(routeConditions(o.When), jen.Id("s").Dot(handlerFunc(o)))
					}
					list.Line()
				}))
			}
			g.Id("rt").Dot("handle").Call(jen.Lit(o.Method), jen.Id("base").Op("+").Lit(routePath(o)), handler)
		}
		g.Return(jen.Id("rt"))
	})
	return code
}

// sharedRoutes groups ops by their method and route, in the order each
// group's first comes. Within a group of several (told apart by what
// their spec paths' fragments name, see model.Operation.When), those with
// more conditions come first, as the more specific, and an operation with
// none comes last.
func sharedRoutes(ops []*model.Operation) [][]*model.Operation {
	var groups [][]*model.Operation
	index := map[string]int{}
	for _, o := range ops {
		key := o.Method + " " + routePath(o)
		i, ok := index[key]
		if !ok {
			i = len(groups)
			index[key] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], o)
	}
	for _, g := range groups {
		slices.SortStableFunc(g, func(a, b *model.Operation) int { return len(b.When) - len(a.When) })
	}
	return groups
}

// routeConditions writes when as the runtime's []routeCondition, a
// condition a line, {name, value, header}: {"Action", "CreateUser", false}.
func routeConditions(when []model.RouteCondition) jen.Code {
	if len(when) == 0 {
		return jen.Nil()
	}
	return jen.Index().Id("routeCondition").ValuesFunc(func(list *jen.Group) {
		for _, c := range when {
			list.Values(jen.Lit(c.Name), jen.Lit(c.Value), jen.Lit(c.Header))
		}
	})
}

// routePath turns a spec path into a router pattern; wildcards are named
// by position ({p0}), since spec names need not be Go identifiers. A
// parameter that can hold one value only and meets another wildcard with
// no text between them is matched as its value ({p1=.json}): nothing else
// could tell where healthcare.gov's {pageName}{mediaTypeExtension} splits.
// A parameter that starts a segment and cannot hold the text that follows
// it there, as an integer cannot hold the dot of {segmentId}.{container},
// takes the shorter share ({p3:short}), so that the dot is the first one
// (the router otherwise splits a.tar.gz of {name}.{ext} at the last).
// A parameter whose enum lists strings, in a segment it shares, names them
// ({p3|diff|patch}): the router takes that segment for the route only when
// the parameter's share is one of them, unless no route would take it then.
func routePath(o *model.Operation) string {
	var b strings.Builder
	locs := serverVar.FindAllStringSubmatchIndex(o.Path, -1)
	last := 0
	for i, loc := range locs {
		b.WriteString(o.Path[last:loc[0]])
		last = loc[1]
		b.WriteString("{p" + strconv.Itoa(i))
		name := o.Path[loc[2]:loc[3]]
		meets := i > 0 && locs[i-1][1] == loc[0] || i+1 < len(locs) && locs[i+1][0] == loc[1]
		if value, ok := o.FixedPathValue(name); ok && meets {
			b.WriteString("=" + value + "}")
			continue
		}
		if next, ok := textBetween(o.Path, locs, i); ok && o.Path[loc[0]-1] == '/' && holdsNo(o, name, next) {
			b.WriteString(":short")
		}
		alone := o.Path[loc[0]-1] == '/' && (loc[1] == len(o.Path) || o.Path[loc[1]] == '/')
		if values, ok := o.PathValues(name); ok && !alone {
			b.WriteString("|" + strings.Join(values, "|"))
		}
		b.WriteString("}")
	}
	b.WriteString(o.Path[last:])
	return b.String()
}

// textBetween returns the text between wildcard i of a path and the next,
// when the two share a segment and the text is not empty.
func textBetween(path string, locs [][]int, i int) (string, bool) {
	if i+1 >= len(locs) {
		return "", false
	}
	text := path[locs[i][1]:locs[i+1][0]]
	return text, text != "" && !strings.Contains(text, "/")
}

// holdsNo reports whether no value of path parameter name of o contains
// text: an integer is digits and a sign, a boolean true or false, and an
// enum lists its values.
func holdsNo(o *model.Operation, name, text string) bool {
	for _, p := range o.Params {
		if p.In != model.InPath || p.Name != name {
			continue
		}
		if p.Type.Kind == model.RefNamed && p.Type.Named.Kind == model.Enum {
			for _, v := range p.Type.Named.Enum.Values {
				if strings.Contains(fmt.Sprint(v.Value), text) {
					return false
				}
			}
			return true
		}
		switch b, _ := scalarBase(p.Type); b {
		case model.Int64, model.Int32:
			return strings.ContainsFunc(text, func(r rune) bool { return !strings.ContainsRune("0123456789+-", r) })
		case model.Bool:
			return !strings.Contains("true", text) && !strings.Contains("false", text)
		}
	}
	return false
}

func handlerFunc(o *model.Operation) string { return "serve" + o.HandlerName }

// authorize declares the check of an operation's security requirements:
// alternatives are tried in turn, and every scheme of one must pass.
func authorize(schemes []*model.SecurityScheme) jen.Code {
	code := comment("requirement is one scheme of a security requirement, with its scopes.")
	code.Type().Id("requirement").Struct(jen.Id("scheme").String(), jen.Id("scopes").Index().String()).Line().Line()
	code.Add(comment("authorize checks the operation's requirements (alternatives OR-ed, schemes within one AND-ed) and returns the context the operation runs with, or the *Error to answer: 401 for missing or rejected credentials, 403 when a valid one lacks scopes."))
	return code.Func().Params(jen.Id("s").Op("*").Id("server")).Id("authorize").Params(
		jen.Id("r").Op("*").Qual("net/http", "Request"), jen.Id("op").Id("Operation"), jen.Id("alternatives").Index().Index().Id("requirement"),
	).Params(jen.Qual("context", "Context"), jen.Error()).BlockFunc(func(g *jen.Group) {
		g.If(jen.Len(jen.Id("alternatives")).Op("==").Lit(0)).Block(jen.Return(jen.Id("r").Dot("Context").Call(), jen.Nil()))
		g.Var().Id("rejected").Error()
		g.For(jen.List(jen.Id("_"), jen.Id("alt")).Op(":=").Range().Id("alternatives")).BlockFunc(func(loop *jen.Group) {
			loop.List(jen.Id("ctx"), jen.Id("err")).Op(":=").List(jen.Id("r").Dot("Context").Call(), jen.Error().Call(jen.Nil()))
			loop.For(jen.List(jen.Id("_"), jen.Id("req")).Op(":=").Range().Id("alt")).BlockFunc(func(in *jen.Group) {
				in.Switch(jen.Id("req").Dot("scheme")).BlockFunc(func(sw *jen.Group) {
					for _, sc := range schemes {
						sw.Case(jen.Lit(sc.Name)).Block(
							jen.Id("credential").Op(":=").Add(credentialExpr(sc)),
							jen.Switch().Block(
								jen.Case(jen.Id("credential").Op("==").Lit("")).Block(jen.Id("err").Op("=").Id("errNoCredential")),
								jen.Case(jen.Id("s").Dot("sec").Op("==").Nil()).Block(jen.Id("err").Op("=").Id("errNoSecurityHandler")),
								jen.Default().Block(jen.List(jen.Id("ctx"), jen.Id("err")).Op("=").Id("s").Dot("sec").Dot(sc.GoName).Call(jen.Id("ctx"), jen.Id("op"), jen.Id("credential"), jen.Id("req").Dot("scopes"))),
							),
						)
					}
				})
				in.If(jen.Id("err").Op("!=").Nil()).Block(jen.Break())
			})
			loop.If(jen.Id("err").Op("==").Nil()).Block(jen.Return(jen.Id("ctx"), jen.Nil()))
			loop.Id("rejected").Op("=").Id("strongerRejection").Call(jen.Id("rejected"), jen.Id("err"))
		})
		g.Return(jen.Nil(), jen.Id("s").Dot("core").Dot("rejection").Call(jen.Id("op"), jen.Id("rejected")))
	})
}
