package model

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
	// ParamsType names the struct for query, header and cookie parameters;
	// empty when the operation has none.
	ParamsType string
	Body       *Body
	Responses  []*Response
	// Security lists alternatives (OR); each alternative lists schemes that
	// must all hold (AND). Empty means no authentication.
	Security [][]*SecurityRequirement
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
	Name     string // on the wire
	GoName   string // field or argument name, exported form
	In       ParamIn
	Doc      string
	Pos      Pos
	Required bool
	Type     *Ref
	Style    string // form, simple, deepObject, ...
	Explode  bool
	Default  any
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
}

// Response is one declared response.
type Response struct {
	Status int    // 0 for default
	Range  string // "2XX" and the like; empty when Status is exact
	Doc    string
	Media  []*Media
}

// SecurityScheme is a declared way to authenticate.
type SecurityScheme struct {
	Name         string // key in components.securitySchemes
	Type         string // http, oauth2, apiKey, openIdConnect
	Scheme       string // for http: bearer, basic
	BearerFormat string
	In           string // for apiKey: header, query, cookie
	ParamName    string // for apiKey
	Scopes       []string
	Doc          string
}

// SecurityRequirement is one scheme with the scopes an operation needs.
type SecurityRequirement struct {
	Scheme *SecurityScheme
	Scopes []string
}
