package model

import (
	"slices"
	"strconv"
	"strings"
)

// Operation is one HTTP operation.
type Operation struct {
	ID     string // operationId, or METHOD path when the spec gives none
	Method string // upper case
	Path   string
	// Group is the path of client sub-objects the operation hangs under,
	// such as ["ClientGrants"] or ["ClientGrants", "Organizations"]; empty
	// for a flat client.
	Group []string
	// Name is the Go method name within its group, such as "List".
	Name       string
	Summary    string
	Doc        string
	Pos        Pos
	Deprecated bool
	Params     []*Param
	// ParamsType is the struct that holds the query, header and cookie
	// parameters (its fields point back at them); nil when there are none.
	ParamsType *Type
	Body       *Body
	Responses  []*Response
	// Security lists alternatives (OR); each alternative lists schemes that
	// must all hold (AND). Empty means no authentication.
	Security [][]*SecurityRequirement
	// Result is what a successful call returns: the body of the first 2xx
	// response that has one (or of the redirect, see Redirect); nil when
	// success carries no body (204).
	Result *Media
	// Success is the response the client takes a successful call to get:
	// the one Result comes from, or the first 2xx, or, when there is no
	// 2xx, the first redirect (see Redirect); nil when none is declared.
	Success *Response
	// HeadersMethod names the client method that also returns the headers
	// of Success; empty when Success declares none.
	HeadersMethod string
	// Pagination says how to walk the pages of a list operation; nil when
	// it does not page.
	Pagination *Pagination
	// Redirect says that Success is a redirect, the only answer the
	// operation declares besides errors: the client returns it instead
	// of following it.
	Redirect bool
	// Accept is the Accept header the client sends: the media types the
	// operation answers with, successes first ("text/csv,
	// application/json"); empty for application/json alone, the client's
	// default.
	Accept string
	// HandlerName is the operation's method in the server's Handler
	// interface: the group path and the name, as in ClientGrantsList.
	HandlerName string
	// ResponseType names the type a server handler returns, and Answers
	// the constructors that build it, one per declared status it can send.
	ResponseType string
	Answers      []*Answer
	// Unserved says why the server leaves the operation out (its path is
	// one route with another operation's, or holds two parameters it
	// cannot split); empty when the server serves it. The client calls it
	// all the same.
	Unserved string
	// When is what a request must carry to reach o on a route it shares
	// with other operations, as its spec path's fragment names it: AWS's
	// query APIs write /#Action=CreateUser beside /#Action=DeleteUser, and
	// S3 /{Bucket}/{Key}#uploadId beside /{Bucket}/{Key}. Path leaves the
	// fragment out, since no request carries one.
	When []RouteCondition
}

// Target is o's method, path and what tells it apart on its route, for
// documentation: "POST /?Action=CreateUser", "GET /{Bucket}/{Key}?uploadId",
// "PUT /{Bucket}/{Key} with header x-amz-copy-source".
func (o *Operation) Target() string {
	var query, headers []string
	for _, c := range o.When {
		switch {
		case c.Header:
			headers = append(headers, c.Name)
		case c.Value != "":
			query = append(query, c.Name+"="+c.Value)
		default:
			query = append(query, c.Name)
		}
	}
	target := o.Method + " " + o.Path
	if len(query) > 0 {
		target += "?" + strings.Join(query, "&")
	}
	if len(headers) > 0 {
		target += " with header " + strings.Join(headers, ", ")
	}
	return target
}

// FixedQuery lists the conditions of o.When that no parameter of o sends:
// query keys that the client adds to each call with their values (Flickr's
// /rest?method=flickr.photos.search is /rest#method=flickr.photos.search,
// and declares no method parameter), and that the server does not refuse
// as unknown.
func (o *Operation) FixedQuery() []RouteCondition {
	var fixed []RouteCondition
	for _, c := range o.When {
		if !c.Header && !slices.ContainsFunc(o.Params, func(p *Param) bool { return p.In == InQuery && p.Name == c.Name }) {
			fixed = append(fixed, c)
		}
	}
	return fixed
}

// RouteCondition is one thing a request must carry to reach an operation
// on a shared route: query parameter Name, holding Value unless Value is
// empty, or, when Header, header Name.
type RouteCondition struct {
	Name, Value string
	Header      bool
}

// FixedPathValue returns the only value that path parameter name of o can
// hold, when its enum lists one string that a route pattern can carry: a
// router matches it as that text, which tells where it and a parameter
// beside it split (healthcare.gov's {pageName}{mediaTypeExtension}).
func (o *Operation) FixedPathValue(name string) (string, bool) {
	for _, p := range o.Params {
		if p.In == InPath && p.Name == name {
			v, ok := p.Type.OneString()
			return v, ok && v != "" && !strings.ContainsAny(v, "/{}=")
		}
	}
	return "", false
}

// PathValues returns the values that path parameter name of o can hold,
// when its enum lists strings, each one a route pattern can carry: a
// router matches a segment that shares the parameter with other text only
// when its share is one of them, so that Gitea's
// /git/commits/{sha}.{diffType} (diff or patch) leaves a ref such as v1.2
// to /git/commits/{sha}.
func (o *Operation) PathValues(name string) ([]string, bool) {
	for _, p := range o.Params {
		if p.In != InPath || p.Name != name {
			continue
		}
		r := p.Type
		if r.Kind != RefNamed || r.Named.Kind != Enum || r.Named.Enum.Base != String || r.Nullable {
			return nil, false
		}
		var values []string
		for _, v := range r.Named.Enum.Values {
			s, ok := v.Value.(string)
			if !ok || s == "" || strings.ContainsAny(s, "/{}=|") {
				return nil, false
			}
			values = append(values, s)
		}
		return values, len(values) > 0
	}
	return nil, false
}

// unsplittable returns the first two path parameters of o that stand side
// by side with no text between them, neither with a fixed value: a server
// cannot tell where one ends (NASA's /api/projects/{id}{.format}: "5" and
// "json" arrive as "5json").
func (o *Operation) unsplittable() (first, second string, ok bool) {
	locs := pathParam.FindAllStringSubmatchIndex(o.Path, -1)
	for i := 0; i+1 < len(locs); i++ {
		if locs[i][1] != locs[i+1][0] {
			continue
		}
		first, second = o.Path[locs[i][2]:locs[i][3]], o.Path[locs[i+1][2]:locs[i+1][3]]
		_, fixed1 := o.FixedPathValue(first)
		_, fixed2 := o.FixedPathValue(second)
		if !fixed1 && !fixed2 {
			return first, second, true
		}
	}
	return "", "", false
}

// Answer is one way a server handler can answer: a status, with a body or
// without, built by a constructor such as ClientGrantsListOK.
type Answer struct {
	Constructor string
	Status      int
	Media       *Media // nil for no body
	Headers     *Type  // the response headers the constructor takes; nil for none
}

// Scopes returns every scope the operation's security requirements name,
// sorted and without repeats.
func (o *Operation) Scopes() []string {
	var out []string
	for _, alt := range o.Security {
		for _, req := range alt {
			out = append(out, req.Scopes...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// PathParams returns the path parameters in the order the path first
// names them; a path may name one twice, as Azure's
// /resourceGroups/System.{location}/.../fabricLocations/{location} does.
func (o *Operation) PathParams() []*Param {
	var out []*Param
	for _, m := range pathParam.FindAllStringSubmatch(o.Path, -1) {
		for _, p := range o.Params {
			if p.In == InPath && p.Name == m[1] && !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// PathOccurrences returns, for each path parameter's name, the positions
// among the path's {...} at which it stands, from 0.
func (o *Operation) PathOccurrences() map[string][]int {
	out := map[string][]int{}
	for i, m := range pathParam.FindAllStringSubmatch(o.Path, -1) {
		out[m[1]] = append(out[m[1]], i)
	}
	return out
}

// Group is a set of operations that the client reaches through a field,
// such as c.ClientGrants, possibly nested (c.ClientGrants.Organizations).
type Group struct {
	Field      string // field name in the parent: "ClientGrants"
	TypeName   string // Go type of the group: "ClientGrantsService"
	Operations []*Operation
	Groups     []*Group
}

// Pagination describes the paging parameters of a list operation and where
// the items, the next cursor and the total are in its result.
type Pagination struct {
	// Method names the iterator that walks every page, such as ListAll.
	Method string
	Item   *Ref // the type of one listed item
	// Numbered pages: the page number (or, when Offset, the offset of the
	// page's first item), the page size, and the flag that asks for totals
	// (nil when the spec has none). FirstPage is the first page's number:
	// the page parameter's default or minimum when FirstPageGiven, else 0,
	// and a server that counts from 1 answers page 1 as it did page 0.
	Page, PerPage, IncludeTotals *Param
	FirstPage                    int64
	FirstPageGiven               bool
	Offset                       bool
	// Cursor mode: the cursor to start from, and the page size (nil when
	// the spec has none).
	From, Take *Param
	// NextMayLink says the next cursor is answered as a bare next, which
	// Django REST framework's cursor lists (drchrono's) fill with the next
	// page's URL and others with a cursor: the client follows a next that
	// is a URL as a link, and sends any other as the cursor. Only where no
	// page number could be walked instead, and not for Auth0's from.
	NextMayLink bool
	// Link says the result holds the URL of the next page (Azure's and
	// OData's nextLink), in its sources' Next, or, when LinkHeader is set,
	// the answer's Link header does (RFC 8288's rel="next"); the client
	// follows it in place of the operation's own URL, and the other modes
	// are then unused.
	Link       bool
	LinkHeader *Param
	// Sources says, for each shape of the result, where the items, the
	// cursor of the next page and the total are.
	Sources []*PageSource
}

// PageSource is one variant of a list result.
type PageSource struct {
	Variant *Variant // nil when the result is not a union
	Items   *Field   // nil when the variant is the array of items itself
	// Holder is the struct field of the result that holds Items and Total
	// when they are one object down (HAL's _embedded.items, Spotify's
	// playlists.items); nil when the result holds them itself.
	Holder *Field
	Next   []*Field // the field of the next-page cursor or link, or the struct field holding it and it; nil if none
	Total  *Field   // the total number of items, beside Items, if there is one
}

// ParamIn is where a parameter travels.
type ParamIn string

const (
	InPath   ParamIn = "path"
	InQuery  ParamIn = "query"
	InHeader ParamIn = "header"
	InCookie ParamIn = "cookie"
)

// Param is one operation parameter.
type Param struct {
	Name   string // on the wire
	GoName string // field or argument name, exported form
	// Arg names a path parameter as the client method's argument and the
	// server handler's variable: GoName in lower camel case, kept clear of
	// every name those functions or the package use for something else.
	Arg      string
	In       ParamIn
	Doc      string
	Pos      Pos
	Required bool
	Type     *Ref
	Style    string // form, simple, deepObject, ...
	Explode  bool
	Default  any
	// AllowEmptyValue is the spec's allowEmptyValue on a query parameter:
	// the client may send it empty in place of leaving it out.
	AllowEmptyValue bool
	// AllowReserved is the spec's allowReserved on a query parameter: its
	// values may keep RFC 3986's reserved characters unescaped.
	AllowReserved bool
	// JSON says the spec gives the parameter as content of a JSON media
	// type rather than a schema: a value that is not a scalar (an object,
	// an array, a union) travels as one JSON text, as OpenAPI asks, and no
	// style spreads it (rudder's query={"where":[…]}, beside a where of its
	// own).
	JSON bool
	// Field is this parameter's field in the operation's ParamsType.
	Field *Field
}

// Separator is the text between the items of an array parameter sent as
// one value: "|" in pipeDelimited style, " " in spaceDelimited, "." in
// label style exploded and ";name=" in matrix style exploded, and a comma
// in every other case (form, simple).
func (p *Param) Separator() string {
	switch {
	case p.Style == "pipeDelimited":
		return "|"
	case p.Style == "spaceDelimited":
		return " "
	case p.Style == "label" && p.Explode:
		return "."
	case p.Style == "matrix" && p.Explode:
		return ";" + p.Name + "="
	}
	return ","
}

// ObjectForm is how an object parameter (a struct or a map) travels.
type ObjectForm int

const (
	NotObject  ObjectForm = iota // not an object, or one in a style that says nothing: JSON text
	DeepForm                     // query, deepObject style: color[R]=100&color[G]=200
	SpreadForm                   // query, form style, exploded: R=100&G=200
	PairsForm                    // query, form style, not exploded: color=R,100,G,200
	CommaForm                    // header or path, style simple: R,100,G,200
	EqualsForm                   // header or path, style simple, exploded: R=100,G=200
)

// JoinsItems reports whether form sends the object's keys and values as
// items of one value, joined with commas.
func (form ObjectForm) JoinsItems() bool {
	return form == PairsForm || form == CommaForm || form == EqualsForm
}

// ObjectForm says how p travels when its value is an object, a struct or
// a map; an object in a cookie, in a label or matrix path parameter, one
// given as JSON content, and anything that is not an object, is NotObject.
func (p *Param) ObjectForm() ObjectForm {
	isStruct := p.Type.Kind == RefNamed && p.Type.Named.Kind == Struct
	if !isStruct && p.Type.Kind != RefMap || p.JSON {
		return NotObject
	}
	switch {
	case p.In == InQuery && p.Style == "deepObject":
		return DeepForm
	case p.In == InQuery && p.Style == "form" && p.Explode:
		return SpreadForm
	case p.In == InQuery && p.Style == "form":
		return PairsForm
	case p.In == InHeader && p.Explode, p.In == InPath && p.Style == "simple" && p.Explode:
		return EqualsForm
	case p.In == InHeader, p.In == InPath && p.Style == "simple":
		return CommaForm
	}
	return NotObject
}

// EmptyMeansUnused reports whether a server takes an empty value of p
// (?offset= or ?offset) as p left out, as OpenAPI 3.1.1 defines
// allowEmptyValue: a query parameter that allows it and travels under its
// own name (an object spread over its properties' keys does not).
func (p *Param) EmptyMeansUnused() bool {
	form := p.ObjectForm()
	return p.AllowEmptyValue && p.In == InQuery && form != DeepForm && form != SpreadForm
}

// KeepsReserved reports whether the client sends p's values with the
// reserved characters a query allows left as they are (allowReserved): a
// query parameter under its own name (an object's keys are its
// properties'), whose values a server reads the same either way.
func (p *Param) KeepsReserved() bool {
	return p.AllowReserved && p.In == InQuery && p.ObjectForm() == NotObject
}

// PathPrefix is the text before a path parameter's value: "." in label
// style, ";name=" in matrix style, and nothing in style simple.
func (p *Param) PathPrefix() string {
	switch p.Style {
	case "label":
		return "."
	case "matrix":
		return ";" + p.Name + "="
	}
	return ""
}

// Body is an operation's request body.
type Body struct {
	Required bool
	Doc      string
	// Media lists the accepted content types, JSON first.
	Media []*Media
}

// Media is one content type with its schema.
type Media struct {
	ContentType string
	Type        *Ref // nil for a body without a schema
	// FileParts maps each property of a multipart/form-data body that
	// holds a file's content (a string with format: binary, or 3.1's
	// contentMediaType; or an array of them) to the media type of its
	// part: the encoding's contentType, else the contentMediaType, else
	// application/octet-stream. Such a property is sent as a file part
	// named after it, the others as text fields. Nil for other bodies.
	FileParts map[string]string
}

// Response is one declared response.
type Response struct {
	Status int    // 0 for default
	Range  string // "2XX" and the like; empty when Status is exact
	Doc    string
	Media  []*Media
	// Headers are the response headers the spec declares, but Content-Type
	// (which OpenAPI says to ignore), in name order; HeadersType is the
	// struct that holds them, nil when the client and server do not use it.
	Headers     []*Param
	HeadersType *Type
}

// Succeeds reports whether r is a success: a 2xx status or the 2XX range.
func (r *Response) Succeeds() bool { return r.Status/100 == 2 || r.Range == "2XX" }

// Code is the response's status as the spec writes it: "200", "2XX" or
// "default".
func (r *Response) Code() string {
	switch {
	case r.Range != "":
		return r.Range
	case r.Status == 0:
		return "default"
	}
	return strconv.Itoa(r.Status)
}

// SecurityScheme is a declared way to authenticate.
type SecurityScheme struct {
	Name         string // key in components.securitySchemes
	GoName       string // the SecurityHandler method that checks it: BearerAuth (BearerAuth2 for a bearerAuth beside it)
	Type         string // http, oauth2, apiKey, openIdConnect, mutualTLS
	Scheme       string // for http, lower case: bearer, basic, negotiate, ...
	BearerFormat string
	In           string // for apiKey: header, query, cookie
	ParamName    string // for apiKey
	Scopes       []string
	Doc          string
	// Option names the client option that sends this scheme's credential,
	// for an API key (WithAPIKey), HTTP basic credentials or another HTTP
	// scheme's; "" for a bearer token, which WithToken sends, and a client
	// certificate, which the TLS layer presents.
	Option string
}

// Credential is what a security scheme's credential is, which decides how
// the client sends it and the server reads it.
type Credential int

const (
	BearerToken Credential = iota // Authorization: Bearer <token> (http bearer, oauth2, openIdConnect)
	APIKey                        // in the header, query parameter or cookie ParamName
	BasicAuth                     // Authorization: Basic <base64>
	OtherHTTP                     // Authorization: <Scheme> <credentials> (payone-hmac-sha256, negotiate)
	ClientCert                    // the client certificate of mutualTLS, which the TLS layer presents
)

// Credential returns what s's credential is; a type OpenAPI does not
// define is taken for a bearer token, as most are.
func (s *SecurityScheme) Credential() Credential {
	switch {
	case s.Type == "apiKey":
		return APIKey
	case s.Type == "mutualTLS":
		return ClientCert
	case s.Type == "http" && s.Scheme == "basic":
		return BasicAuth
	case s.Type == "http" && s.Scheme != "bearer" && s.Scheme != "":
		return OtherHTTP
	}
	return BearerToken
}

// SecurityRequirement is one scheme with the scopes an operation needs.
type SecurityRequirement struct {
	Scheme *SecurityScheme
	Scopes []string
}
