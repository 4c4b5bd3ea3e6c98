package emit

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/generator/model"
)

// clientFile declares the client: server URLs, the Client with its groups,
// NewClient, and one method per operation (plus an iterator per list
// operation that pages).
func clientFile(d *decls, api *model.API) {
	e := newTypeEmitter("clientPattern")
	concrete, baseURLDoc := serverURLs(d, api)
	clientType(d, api, concrete, baseURLDoc)
	for _, s := range api.SecuritySchemes {
		if s.Option != "" {
			d.add(credentialOption(s))
		}
	}
	var walk func(g *model.Group, recv string)
	walk = func(g *model.Group, recv string) {
		for _, o := range g.Operations {
			d.add(e.operationMethod(o, recv))
			if choosesCredentials(o) {
				d.add(schemesVar(o))
			}
			if o.Pagination != nil {
				d.add(pagerMethod(o, recv))
			}
		}
		for _, c := range g.Groups {
			d.add(groupType(c))
			walk(c, c.TypeName)
		}
	}
	walk(api.Client, "Client")
	for _, t := range api.Types {
		if t.FormBody {
			d.add(formValues(t))
		}
	}
	e.patternVars(d)
}

// credentialOption declares the option that sends the credential of a
// scheme that is not a bearer token:
//
//	// WithAPIKey sends the API key of security scheme api_key ...
//	func WithAPIKey(key string) Option { return withCredential("api_key", "query", "api_key", key) }
func credentialOption(s *model.SecurityScheme) jen.Code {
	var doc string
	var params []jen.Code
	var body jen.Code
	switch {
	case s.Credential() == model.OtherHTTP:
		doc = fmt.Sprintf("%s sets the credentials of security scheme %s, sent as the header Authorization: %s <credentials> with the requests of the operations that use the scheme (see Option).", s.Option, s.Name, s.Scheme)
		params = []jen.Code{jen.Id("credentials").String()}
		body = jen.Id("withCredential").Call(jen.Lit(s.Name), jen.Lit("header"), jen.Lit("Authorization"), jen.Lit(s.Scheme+" ").Op("+").Id("credentials"))
	case s.Credential() == model.BasicAuth:
		doc = fmt.Sprintf("%s sets HTTP basic credentials for security scheme %s; the client sends them with the requests of the operations that use the scheme (see Option).", s.Option, s.Name)
		params = []jen.Code{jen.List(jen.Id("user"), jen.Id("password")).String()}
		body = jen.Id("withCredential").Call(jen.Lit(s.Name), jen.Lit("header"), jen.Lit("Authorization"), jen.Lit("Basic ").Op("+").Qual("encoding/base64", "StdEncoding").Dot("EncodeToString").Call(jen.Index().Byte().Call(jen.Id("user").Op("+").Lit(":").Op("+").Id("password"))))
	case s.In == "query":
		doc = fmt.Sprintf("%s sets the API key of security scheme %s, sent as the query parameter %s with the requests of the operations that use the scheme (see Option).", s.Option, s.Name, s.ParamName)
		params = []jen.Code{jen.Id("key").String()}
		body = jen.Id("withCredential").Call(jen.Lit(s.Name), jen.Lit("query"), jen.Lit(s.ParamName), jen.Id("key"))
	case s.In == "cookie":
		doc = fmt.Sprintf("%s sets the API key of security scheme %s, sent as the cookie %s with the requests of the operations that use the scheme (see Option).", s.Option, s.Name, s.ParamName)
		params = []jen.Code{jen.Id("key").String()}
		body = jen.Id("withCredential").Call(jen.Lit(s.Name), jen.Lit("cookie"), jen.Lit(s.ParamName), jen.Id("key"))
	default:
		doc = fmt.Sprintf("%s sets the API key of security scheme %s, sent in the header %s with the requests of the operations that use the scheme (see Option).", s.Option, s.Name, s.ParamName)
		params = []jen.Code{jen.Id("key").String()}
		body = jen.Id("withCredential").Call(jen.Lit(s.Name), jen.Lit("header"), jen.Lit(s.ParamName), jen.Id("key"))
	}
	return comment(doc).Func().Id(s.Option).Params(params...).Id("Option").Block(jen.Return(body))
}

// choosesCredentials reports whether the client picks o's credentials
// from its requirements: when one of them is a credential an option sets
// (an API key, HTTP basic). With bearer tokens alone it sends the token,
// as it does for an operation without requirements.
func choosesCredentials(o *model.Operation) bool {
	for _, alt := range o.Security {
		for _, req := range alt {
			if req.Scheme.Option != "" {
				return true
			}
		}
	}
	return false
}

// schemesVar declares o's requirements as the transport reads them, the
// names of each alternative's schemes, "" for a bearer token:
//
//	var schemesAuthGet = [][]string{{"basicAuth"}}
func schemesVar(o *model.Operation) jen.Code {
	code := comment(schemesName(o) + " lists the security schemes of operation " + o.ID + ", alternative by alternative (\"\" for a bearer token).")
	return code.Var().Id(schemesName(o)).Op("=").Index().Index().String().ValuesFunc(func(g *jen.Group) {
		for _, alt := range o.Security {
			g.ValuesFunc(func(a *jen.Group) {
				for _, req := range alt {
					switch {
					case req.Scheme.Credential() == model.ClientCert:
						// The TLS layer presents it (see WithHTTPClient).
					case req.Scheme.Option == "":
						a.Lit("")
					default:
						a.Lit(req.Scheme.Name)
					}
				}
			})
		}
	})
}

func schemesName(o *model.Operation) string { return "schemes" + o.HandlerName }

var serverVar = regexp.MustCompile(`\{([^}]*)\}`)

// serverURLs declares the first server's URL, and reports whether it is
// concrete (no variable is left as a placeholder) so NewClient may default
// to it, with what NewClient's doc says of its baseURL:
//
//	const DefaultServerURL = "https://{TENANT}.auth0.com/api/v2"
//	func ServerURL(tenantDomain string) string { ... }
func serverURLs(d *decls, api *model.API) (concrete bool, baseURLDoc string) {
	if len(api.Servers) == 0 {
		return false, "A baseURL is required: the spec lists no server."
	}
	s := api.Servers[0]
	defaults := serverVar.ReplaceAllStringFunc(s.URL, func(m string) string {
		for _, v := range s.Variables {
			if "{"+v.Name+"}" == m {
				return v.Default
			}
		}
		return m
	})
	d.add(commentf("DefaultServerURL is the first server the spec lists, %s, with its variables at their defaults.", s.URL).
		Const().Id("DefaultServerURL").Op("=").Lit(defaults))
	if len(s.Variables) > 0 {
		var params []jen.Code
		var doc []string
		for _, v := range s.Variables {
			params = append(params, jen.Id(paramName(v.Name)).String())
			line := fmt.Sprintf("%s defaults to %q", paramName(v.Name), v.Default)
			if v.Description != "" {
				line += " (" + strings.TrimSuffix(v.Description, ".") + ")"
			}
			doc = append(doc, line)
		}
		d.add(commentf("ServerURL returns the URL of the server %s for the given variables: %s.", s.URL, strings.Join(doc, "; ")).
			Func().Id("ServerURL").Params(params...).String().Block(
			jen.Return(templateExpr(s.URL, func(name string) jen.Code { return jen.Id(paramName(name)) })),
		))
	}
	switch {
	case !strings.Contains(defaults, "{"):
		return true, "An empty baseURL means DefaultServerURL."
	case len(s.Variables) > 0:
		return false, "A baseURL is required: the spec's server has placeholders; ServerURL fills them in."
	}
	return false, "A baseURL is required: the spec's server has placeholders it declares no variables for."
}

// templateExpr renders a {variable} template (a server URL or a path) as
// a string concatenation, each variable replaced by the expression value
// gives for it: "https://" + tenantDomain + "/api/v2".
func templateExpr(tmpl string, value func(name string) jen.Code) *jen.Statement {
	expr, first := jen.Null(), true
	add := func(part jen.Code) {
		if !first {
			expr.Op("+")
		}
		expr.Add(part)
		first = false
	}
	rest := tmpl
	for rest != "" {
		loc := serverVar.FindStringSubmatchIndex(rest)
		if loc == nil {
			add(jen.Lit(rest))
			break
		}
		if loc[0] > 0 {
			add(jen.Lit(rest[:loc[0]]))
		}
		add(value(rest[loc[2]:loc[3]]))
		rest = rest[loc[1]:]
	}
	return expr
}

// paramName turns a spec name into a Go parameter name.
func paramName(s string) string { return model.ParamName(s) }

// clientType declares Client and NewClient:
//
//	type Client struct {
//		t            *transport
//		ClientGrants *ClientGrantsService
//	}
func clientType(d *decls, api *model.API, concrete bool, baseURLDoc string) {
	title := strings.TrimSpace(api.Title)
	d.add(commentf("Client calls %s. Create one with NewClient; it is safe for concurrent use.", title).
		Type().Id("Client").StructFunc(func(g *jen.Group) {
		g.Id("t").Op("*").Id("transport")
		groupFields(g, api.Client)
	}))
	d.add(commentf("NewClient returns a client for the API at baseURL, the server URL up to and including its base path. %s Options set the bearer token, the HTTP client, headers, timeouts and the retry policy.", baseURLDoc).
		Func().Id("NewClient").Params(jen.Id("baseURL").String(), jen.Id("opts").Op("...").Id("Option")).Params(jen.Op("*").Id("Client"), jen.Error()).BlockFunc(func(g *jen.Group) {
		if concrete {
			g.If(jen.Id("baseURL").Op("==").Lit("")).Block(jen.Id("baseURL").Op("=").Id("DefaultServerURL"))
		}
		g.List(jen.Id("t"), jen.Err()).Op(":=").Id("newTransport").Call(jen.Id("baseURL"), jen.Id("opts"))
		g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err()))
		g.Return(jen.Op("&").Id("Client").Values(groupValues(api.Client, jen.Dict{jen.Id("t"): jen.Id("t")})), jen.Nil())
	}))
}

// groupFields declares a field per child group.
func groupFields(g *jen.Group, parent *model.Group) {
	for _, c := range parent.Groups {
		g.Add(commentf("%s holds the %s operations.", c.Field, c.Field)).Id(c.Field).Op("*").Id(c.TypeName)
	}
}

// groupValues fills the group fields of a composite literal, recursively.
func groupValues(parent *model.Group, d jen.Dict) jen.Dict {
	for _, c := range parent.Groups {
		d[jen.Id(c.Field)] = jen.Op("&").Id(c.TypeName).Values(groupValues(c, jen.Dict{jen.Id("t"): jen.Id("t")}))
	}
	return d
}

// groupType declares the type of a group:
//
//	type ClientGrantsService struct {
//		t             *transport
//		Organizations *ClientGrantsOrganizationsService
//	}
func groupType(g *model.Group) jen.Code {
	code := commentf("%s holds the %s operations of the API.", g.TypeName, g.Field)
	return code.Type().Id(g.TypeName).StructFunc(func(s *jen.Group) {
		s.Id("t").Op("*").Id("transport")
		groupFields(s, g)
	})
}

// isJSON reports whether a content type carries JSON.
func isJSON(ct string) bool { return model.IsJSONMedia(ct) }

// resultType is what a successful call returns, or nil for nothing.
func resultType(o *model.Operation) *jen.Statement {
	switch {
	case o.Result == nil:
		return nil
	case !isJSON(o.Result.ContentType) || o.Result.Type == nil:
		return jen.Index().Byte()
	}
	return goType(o.Result.Type)
}

// operationDoc documents a method from the spec, with the request line and
// the credentials it needs.
func operationDoc(o *model.Operation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s invokes operation %s: %s.", o.Name, o.ID, o.Target())
	if o.Summary != "" {
		b.WriteString("\n\n" + strings.TrimSuffix(o.Summary, ".") + ".")
	}
	if o.Doc != "" {
		b.WriteString("\n\n" + o.Doc)
	}
	if o.Redirect {
		fmt.Fprintf(&b, "\n\nIts answer is a redirect (%s), which is returned, not followed", o.Success.Code())
		if o.HeadersMethod != "" {
			fmt.Fprintf(&b, "; %s returns its headers", o.HeadersMethod)
		}
		b.WriteString(".")
	}
	if sec := securityDoc(o); sec != "" {
		b.WriteString("\n\n" + sec)
	}
	if o.Deprecated {
		b.WriteString("\n\nDeprecated: the spec marks this operation as deprecated.")
	}
	return b.String()
}

// securityDoc says which credentials an operation accepts.
func securityDoc(o *model.Operation) string {
	var alts []string
	for _, alt := range o.Security {
		var parts []string
		for _, req := range alt {
			part := req.Scheme.Name
			if len(req.Scopes) > 0 {
				part += " with scope " + strings.Join(req.Scopes, ", ")
			}
			parts = append(parts, part)
		}
		if len(parts) > 0 {
			alts = append(alts, strings.Join(parts, " and "))
		}
	}
	if len(alts) == 0 {
		return ""
	}
	return "Authentication: " + strings.Join(alts, ", or ") + "."
}
