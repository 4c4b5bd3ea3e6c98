package model

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/generator/load"
)

var methodOrder = []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodHead, http.MethodOptions, http.MethodTrace}

// operations builds every operation, in path then method order.
func (b *builder) operations() {
	paths := b.doc.Spec.Paths
	if paths == nil {
		return
	}
	ids := map[string]Pos{}
	methods := map[string]*namespace{}       // group path → method names taken
	unserved := map[string]*load.SameRoute{} // "METHOD path" → the route it shares
	for _, same := range b.doc.SameRoutes {
		earlier := paths.Value(same.Earlier)
		for _, method := range same.Methods {
			// The earlier path's operation takes the route, if it is generated.
			if earlier != nil && b.opts.Include.selects(earlier.GetOperation(method)) {
				unserved[method+" "+same.Path] = same
			}
		}
	}
	keys := paths.Keys()
	slices.Sort(keys)
	short := b.shortNames(paths, keys)
	for _, path := range keys {
		item := paths.Value(path)
		if item == nil {
			continue
		}
		ops := item.Operations()
		for _, method := range methodOrder {
			op := ops[method]
			if op == nil || !b.opts.Include.selects(op) {
				continue
			}
			o := b.operation(path, method, item, op, short[op])
			if o == nil {
				continue
			}
			if first, dup := ids[o.ID]; dup && op.OperationID != "" {
				b.fail(o.Pos, "operation %s %s: operationId %q is already used by the operation at %s", method, path, o.ID, first)
			}
			ids[o.ID] = o.Pos
			// Method names are unique within a group; a clash falls back to
			// the operationId, numbered if need be.
			group := strings.Join(o.Group, ".")
			if methods[group] == nil {
				methods[group] = newNamespace(vetMethods...)
			}
			if methods[group].taken[o.Name] {
				o.Name = GoName(o.ID)
			}
			o.Name = methods[group].claim(o.Name)
			if o.Pagination != nil {
				o.Pagination.Method = methods[group].claim(o.Name + "All")
			}
			if o.Success != nil && len(o.Success.Headers) > 0 {
				o.HeadersMethod = methods[group].claim(o.Name + "WithHeaders")
			}
			if same := unserved[method+" "+path]; same != nil {
				o.Unserved = fmt.Sprintf("path %q is one route with %q (they differ only in their parameters' names), which also has %s, so a server cannot tell their calls apart", path, same.Earlier, method)
			} else if first, second, ok := o.unsplittable(); ok {
				o.Unserved = fmt.Sprintf("path parameters {%s} and {%s} have no text between them, so a server cannot tell where one ends", first, second)
			}
			if o.Unserved != "" && b.opts.Server {
				b.warn(o.Pos, "operation %s: the server leaves it out (the client calls it): %s", o.ID, o.Unserved)
			}
			b.api.Operations = append(b.api.Operations, o)
		}
	}
	b.shareRoutes()
}

// shareRoutes leaves out of the server each operation that shares its
// method and path with an earlier one and carries nothing that tells a
// request to it apart: neither has a fragment in its spec path, or both
// name the same things in it (/#Action=A twice, in two spellings of the
// path). Operations told apart by their fragments are served together.
func (b *builder) shareRoutes() {
	served := map[string][]*Operation{} // "METHOD path" → its served operations
	for _, o := range b.api.Operations {
		if o.Unserved != "" {
			continue
		}
		key := o.Method + " " + o.Path
		for _, earlier := range served[key] {
			if slices.Equal(earlier.When, o.When) {
				o.Unserved = fmt.Sprintf("operation %s has %s %s too, and nothing in their spec paths (after a #) tells their calls apart", earlier.ID, o.Method, o.Path)
				if b.opts.Server {
					b.warn(o.Pos, "operation %s: the server leaves it out (the client calls it): %s", o.ID, o.Unserved)
				}
				break
			}
		}
		if o.Unserved == "" {
			served[key] = append(served[key], o)
		}
	}
}

// routeConditions reads the fragment of an operation's spec path as what
// a request to it carries: Action=CreateUser, a query parameter and its
// value; uploads or uploadId, a query parameter with any value;
// x-amz-copy-source, a header, and X-Amz-Target=Shield.ListAttacks, a
// header and its value, where o declares a header of that name.
// A value that o's own parameter of that name lists among others is read
// as any value, which the parameter's checks judge: openSUSE's
// ?view=fileinfo declares a view that may also be fileinfo_ext.
func routeConditions(o *Operation, fragment string) []RouteCondition {
	var when []RouteCondition
	for part := range strings.SplitSeq(fragment, "&") {
		name, value, _ := strings.Cut(part, "=")
		if name == "" {
			continue
		}
		var query, header *Param
		for _, p := range o.Params {
			switch {
			case p.In == InQuery && p.Name == name:
				query = p
			case p.In == InHeader && strings.EqualFold(p.Name, name):
				header = p
			}
		}
		own := query
		if own == nil {
			own = header
		}
		if own != nil && value != "" {
			if values := stringEnum(own.Type); len(values) > 1 && slices.Contains(values, value) {
				value = ""
			}
		}
		when = append(when, RouteCondition{Name: name, Value: value, Header: query == nil && header != nil})
	}
	return when
}

// stringEnum lists the values of a string enum, or of the items of an
// array of one; nil for anything else.
func stringEnum(r *Ref) []string {
	if r.Kind == RefSlice {
		r = r.Elem
	}
	if r.Kind != RefNamed || r.Named.Kind != Enum || r.Named.Enum.Base != String {
		return nil
	}
	var values []string
	for _, v := range r.Named.Enum.Values {
		if s, ok := v.Value.(string); ok {
			values = append(values, s)
		}
	}
	return values
}

// pathParam matches a parameter of a path template, {name}: the loader's
// pattern, so that both read a path alike.
var pathParam = load.PathTemplateParam

// statusCode and statusRange match the keys of an operation's responses
// besides default: a status code, and a range of them (OpenAPI spells it
// 4XX; 4xx is taken too).
var (
	statusCode  = regexp.MustCompile(`^[1-5][0-9][0-9]$`)
	statusRange = regexp.MustCompile(`^[1-5][xX][xX]$`)
)

// ignoredHeader reports whether p is a header parameter that HTTP clients
// set on their own, which the generated code leaves out: Accept and
// Content-Type, which OpenAPI says to ignore and the client derives from
// the operation's answers and body, and Accept-Encoding, which Go's
// transport sets to gzip (and unzips) when the request has none, and
// leaves zipped when it has one. A strict server would refuse a browser's
// Accept, a charset after a media type, or that gzip.
func ignoredHeader(p *openapi3.Parameter) bool {
	return p.In == "header" && headerIn(p.Name, "Accept", "Content-Type", "Accept-Encoding")
}

// framingHeader reports whether p is a header parameter that Go's
// transport writes from the request itself and drops from the headers it
// is given: Content-Length, Transfer-Encoding, Host and Trailer. A client
// cannot send one as a parameter, so a server that required one refused
// every request (PeerTube declares a required Content-Length on a DELETE
// that has no body).
func framingHeader(p *openapi3.Parameter) bool {
	return p.In == "header" && headerIn(p.Name, "Content-Length", "Transfer-Encoding", "Host", "Trailer")
}

// headerIn reports whether header name is one of names, which HTTP spells
// in any case.
func headerIn(name string, names ...string) bool {
	return slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(name, n) })
}

// operation builds one operation; shortName, when not empty, is its method
// name without its group's (see shortNames).
func (b *builder) operation(path, method string, item *openapi3.PathItem, op *openapi3.Operation, shortName string) *Operation {
	route, fragment, _ := strings.Cut(path, "#")
	o := &Operation{
		ID:         cmp.Or(op.OperationID, method+" "+path),
		Method:     method,
		Path:       route,
		Summary:    plainText(op.Summary),
		Doc:        plainText(op.Description),
		Pos:        b.doc.Origin(op.Origin),
		Deprecated: op.Deprecated,
	}
	o.Group, o.Name = b.operationName(op, method, path)
	if shortName != "" {
		o.Name = shortName
	}
	if n, ok := b.opts.MethodNames[o.ID]; ok {
		o.Name = b.checkedName(o.Pos, "the name given to operation "+o.ID+" in the config", n)
	} else if n, ok := op.Extensions["x-go-name"].(string); ok {
		o.Name = b.checkedName(b.doc.Field(op.Origin, "x-go-name"), "x-go-name", n)
	}
	base := strings.Join(o.Group, "") + o.Name

	// Parameters: the operation's own override the path item's.
	params := map[string]*openapi3.ParameterRef{}
	var order []string
	for _, list := range []openapi3.Parameters{item.Parameters, op.Parameters} {
		for _, p := range list {
			if p == nil || p.Value == nil {
				continue
			}
			key := p.Value.In + ":" + p.Value.Name
			if _, seen := params[key]; !seen {
				order = append(order, key)
			}
			params[key] = p
		}
	}
	goNames := newNamespace("Ctx")
	args := newNamespace()
	declaredPath := map[string]bool{}
	for _, key := range order {
		pr := params[key]
		p := pr.Value
		pos := b.doc.Origin(p.Origin)
		if ignoredHeader(p) {
			b.ignoredHeaders = append(b.ignoredHeaders, pos)
			continue
		}
		if framingHeader(p) {
			b.framingHeaders = append(b.framingHeaders, pos)
			continue
		}
		if (p.In == "header" || p.In == "cookie") && !isToken(p.Name) {
			b.warnToken(pos, fmt.Sprintf("operation %s: parameter %q", o.ID, p.Name), p.In, p.Name)
		}
		param := &Param{
			Name:     p.Name,
			GoName:   goNames.claim(GoName(p.Name)),
			In:       ParamIn(p.In),
			Doc:      plainText(p.Description),
			Pos:      pos,
			Required: p.Required || p.In == "path",
			Style:    p.Style,

			AllowEmptyValue: p.AllowEmptyValue && p.In == "query",
			AllowReserved:   p.AllowReserved && p.In == "query",
		}
		if param.Style == "" {
			param.Style = map[string]string{"query": "form", "cookie": "form", "path": "simple", "header": "simple"}[p.In]
		}
		param.Explode = param.Style == "form"
		if p.Explode != nil {
			param.Explode = *p.Explode
		}
		if p.Schema != nil {
			param.Type = b.ref(p.Schema, base+GoName(p.Name))
			if p.Schema.Value != nil {
				param.Default = p.Schema.Value.Default
			}
		} else if param.Type, param.JSON = b.contentParam(p.Content, base+GoName(p.Name)); param.JSON {
			param.Style, param.Explode = "", false
		}
		param.Type = byShape(param.Type)
		if p.In == "path" {
			declaredPath[p.Name] = true
			param.Arg = args.claim(b.argName(param.GoName))
		}
		o.Params = append(o.Params, param)
	}
	for _, m := range pathParam.FindAllStringSubmatch(route, -1) {
		if !declaredPath[m[1]] {
			b.fail(o.Pos, "operation %s %s: path parameter {%s} is not declared in parameters", method, path, m[1])
		}
	}
	b.paramsType(o, op, base)
	b.checkSpreadKeys(o)
	if op.RequestBody != nil && op.RequestBody.Value != nil {
		rb := op.RequestBody.Value
		o.Body = &Body{Required: rb.Required, Doc: plainText(rb.Description)}
		o.Body.Media = b.media(rb.Content, base+"Body", o.Pos, "operation "+o.ID+": request body")
		if len(o.Body.Media) == 0 && len(rb.Content) > 0 {
			o.Body = nil // each media type was left out, and the body with them
		} else {
			b.textBodies(o, rb.Content)
		}
	}
	if op.Responses != nil {
		for _, code := range sortedKeys(op.Responses.Map()) {
			rr := op.Responses.Value(code)
			if rr == nil || rr.Value == nil {
				continue
			}
			resp := &Response{Doc: plainText(deref(rr.Value.Description))}
			pos := b.doc.Origin(rr.Value.Origin)
			if pos.Line == 0 {
				pos = o.Pos
			}
			switch {
			case code == "default":
			case statusRange.MatchString(code):
				resp.Range = strings.ToUpper(code)
			case statusCode.MatchString(code):
				resp.Status, _ = strconv.Atoi(code)
			default:
				b.fail(pos, "operation %s: response %q is not an HTTP status code (such as 200), a range (such as 4XX) or default", o.ID, code)
				continue
			}
			if resp.Status/100 == 1 || resp.Range == "1XX" {
				// OSIsoft's PI Web API declares its WebSocket channels as
				// GETs answered 101 with the messages' schema for a body.
				// An informational answer is no result: net/http sends
				// 100 and 103 itself, and after a 101 the connection
				// speaks another protocol, which neither the generated
				// client nor the generated server speaks.
				why := "an informational answer (1xx) carries no result"
				if resp.Status == http.StatusSwitchingProtocols {
					why = "a switch to another protocol (such as a WebSocket) is not generated"
				}
				b.warn(pos, "operation %s: response %s is ignored: %s", o.ID, code, why)
				continue
			}
			if method != "HEAD" {
				// An answer to HEAD has no body, whatever the spec gives
				// it (AWS S3's HeadObject declares one).
				resp.Media = b.media(rr.Value.Content, base+"Response"+cmp.Or(strings.ToUpper(code), "Default"), o.Pos, "operation "+o.ID+": response "+code)
			}
			resp.Headers = b.responseHeaders(rr.Value.Headers, base+"Response"+cmp.Or(strings.ToUpper(code), "Default"))
			o.Responses = append(o.Responses, resp)
			success := resp.Succeeds()
			if o.Result == nil && len(resp.Media) > 0 && success {
				o.Result, o.Success = resp.Media[0], resp
			}
			if o.Success == nil && success {
				o.Success = resp
			}
		}
		// An operation that answers only with a redirect (GitHub's
		// tarball download: a 302 to its Location) has that answer, and
		// its body if it declares one, for its success: the client
		// returns it rather than follow it.
		if o.Success == nil {
			for _, resp := range o.Responses {
				if resp.Status/100 == 3 && resp.Status != http.StatusNotModified || resp.Range == "3XX" {
					o.Success, o.Redirect = resp, true
					if len(resp.Media) > 0 {
						o.Result = resp.Media[0]
					}
					withLocation(resp)
					break
				}
			}
		}
	}
	if o.Body != nil {
		for _, m := range o.Body.Media {
			if m.IsForm() && m.Type != nil && m.Type.Kind == RefNamed && m.Type.Named.Kind == Struct {
				m.Type.Named.FormBody = true
			}
		}
	}
	o.Accept = accept(o.Responses)
	o.Pagination = b.pagination(o, op)
	security := b.doc.Spec.Security
	if op.Security != nil {
		security = *op.Security
	}
	for _, req := range security {
		var alt []*SecurityRequirement
		for _, name := range sortedKeys(req) {
			scheme := b.scheme(name)
			if scheme == nil {
				b.fail(o.Pos, "operation %s %s: security scheme %q is not declared in components.securitySchemes", method, path, name)
				continue
			}
			alt = append(alt, &SecurityRequirement{Scheme: scheme, Scopes: slices.Clone(req[name])})
		}
		b.checkCredentialClash(o, alt)
		o.Security = append(o.Security, alt)
	}
	if len(op.Callbacks) > 0 {
		b.warn(o.Pos, "operation %s: callbacks are ignored", o.ID)
	}
	o.When = routeConditions(o, fragment)
	return o
}

// accept lists the media types of responses, each once, successes first,
// as an Accept header; "" when that is application/json alone (or
// nothing), which the client sends by default. A Spring service answers
// 406 to an Accept its operation cannot produce: the client had asked for
// JSON of every operation, a CSV export or an image among them.
func accept(responses []*Response) string {
	var types []string
	seen := map[string]bool{}
	for _, success := range []bool{true, false} {
		for _, r := range responses {
			if r.Succeeds() != success {
				continue
			}
			for _, m := range r.Media {
				if base := m.Base(); !seen[base] {
					seen[base] = true
					types = append(types, m.ContentType)
				}
			}
		}
	}
	if len(types) == 0 || len(types) == 1 && MediaBase(types[0]) == "application/json" {
		return ""
	}
	return strings.Join(types, ", ")
}

// textBodies makes each request body media type that oasgen neither
// encodes nor decodes (XML, CSV, YAML, a file of any type) travel as text
// the caller writes and the handler reads, whatever its schema says: the
// client used to send such a body as JSON under the other media type, and
// the server could not read it at all. It warns when that drops the
// schema's type from the body oasgen generates for the operation, which
// a schema that only says the body is a file (see fileSchema) does not.
//
// A form is encoded from the fields of an object, so a form whose schema
// is anything else travels as text too: SoundCloud's token request is a
// oneOf of three objects, and the client sent it as JSON under the form's
// media type.
func (b *builder) textBodies(o *Operation, content openapi3.Content) {
	for i, m := range o.Body.Media {
		if IsJSONMedia(m.ContentType) || m.IsForm() && m.Type != nil && m.Type.Kind == RefNamed && m.Type.Named.Kind == Struct {
			continue
		}
		if m.Type != nil && m.Type.HoldsBytes() {
			continue
		}
		if i == 0 && m.Type != nil && (m.IsForm() || !fileSchema(content[m.ContentType])) {
			why := "oasgen encodes only JSON, form and multipart bodies"
			if m.IsForm() {
				why = "oasgen encodes a form only from an object's fields"
			}
			b.warn(o.Pos, "operation %s: request body %s is sent and received as text (a string holding the document), not as the schema's type: %s", o.ID, m.ContentType, why)
		}
		m.Type = &Ref{Kind: RefBuiltin, Builtin: String}
	}
}

// fileSchema reports whether a body's schema says only that the body is
// a file, which is what travelling as text keeps: Swagger 2's type file,
// written in 3.0 as {type: object, format: file} (Azure's image uploads),
// or an array of bytes (Apache Qakka's binary messages).
func fileSchema(mt *openapi3.MediaType) bool {
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		return false
	}
	s := mt.Schema.Value
	types := nonNullTypes(s)
	switch {
	case len(types) == 1 && types[0] == "file":
		return true
	case len(types) <= 1 && (len(types) == 0 || types[0] == "object") && len(s.Properties) == 0 && (s.Format == "file" || s.Format == "binary"):
		return true
	case slices.Equal(types, []string{"array"}) && s.Items != nil && s.Items.Value != nil:
		item := s.Items.Value
		return slices.Equal(nonNullTypes(item), []string{"string"}) && (item.Format == "byte" || item.Format == "binary")
	}
	return false
}

// responseHeaders reads the headers a response declares, in name order,
// as header parameters. Content-Type is left out, as OpenAPI says: the
// media type already says it. So are the headers that frame the body,
// which net/http writes and reads itself (specs recorded from traffic,
// Notion's, declare them): a handler that set Transfer-Encoding or
// Content-Length would break the answer, and Content-Encoding would claim
// a compression the generated server does not apply.
func (b *builder) responseHeaders(headers openapi3.Headers, base string) []*Param {
	var out []*Param
	goNames := newNamespace()
	for _, name := range sortedKeys(headers) {
		hr := headers[name]
		if hr == nil || hr.Value == nil || headerIn(name, "Content-Type", "Content-Length", "Content-Encoding", "Transfer-Encoding", "Connection") {
			continue
		}
		h := hr.Value
		p := &Param{
			Name:     name,
			GoName:   goNames.claim(GoName(name)),
			In:       InHeader,
			Doc:      plainText(h.Description),
			Pos:      b.doc.Origin(h.Origin),
			Required: h.Required,
			Style:    "simple",
		}
		if h.Schema != nil {
			p.Type = b.ref(h.Schema, base+GoName(name))
		} else if p.Type, p.JSON = b.contentParam(h.Content, base+GoName(name)); p.JSON {
			p.Style = ""
		}
		p.Type = byShape(p.Type)
		out = append(out, p)
	}
	return out
}

// byShape is r, the type of a parameter, with a named array or map type
// replaced by the array or map itself and the named type's checks: a
// parameter travels by its shape, which the emitters read off the
// reference. Auth0's event_type, a $ref to an array of event types, went
// as one JSON text where its explode asks for a key an item, and a $ref to
// a free-form object as JSON where its style spreads its entries.
func byShape(r *Ref) *Ref {
	if r.Kind != RefNamed || r.Named.Kind != Slice && r.Named.Kind != Map {
		return r
	}
	kind := RefSlice
	if r.Named.Kind == Map {
		kind = RefMap
	}
	return &Ref{Kind: kind, Elem: r.Named.Elem, Nullable: r.Nullable, Constraints: r.Named.Constraints}
}

// contentParam is the type of a parameter or header given as content
// rather than a schema (one media type, as the loader checks), and whether
// that media type is JSON (see Param.JSON); a string when it has no schema.
func (b *builder) contentParam(content openapi3.Content, hint string) (*Ref, bool) {
	for media, mt := range content {
		if mt.Schema != nil {
			return b.ref(mt.Schema, hint), IsJSONMedia(media)
		}
	}
	return &Ref{Kind: RefBuiltin, Builtin: String}, false
}

// withLocation gives a redirect the Location header, which HTTP has it
// carry, when the spec leaves it out (GitHub's migration archive
// downloads do): without it, a redirect the client returns would not say
// where to.
func withLocation(resp *Response) {
	names := newNamespace()
	for _, h := range resp.Headers {
		if strings.EqualFold(h.Name, "Location") {
			return
		}
		names.claim(h.GoName)
	}
	resp.Headers = append(resp.Headers, &Param{
		Name:   "Location",
		GoName: names.claim("Location"),
		In:     InHeader,
		Doc:    "Location is where the redirect points (HTTP's own header, which the spec does not declare).",
		Style:  "simple",
		Type:   &Ref{Kind: RefBuiltin, Builtin: String},
	})
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// media lists the content types of a body or response, JSON first. A key
// that is not a media type is left out with a warning naming what (the
// request body, or a response) and placed at its media type object, else
// at where.
func (b *builder) media(content openapi3.Content, hint string, where Pos, what string) []*Media {
	var out []*Media
	var repeated map[string]*Ref // by inlineText, when there is more than one media type
	types := sortedKeys(content)
	slices.SortStableFunc(types, func(x, y string) int { return cmp.Compare(mediaRank(x), mediaRank(y)) })
	for _, ct := range types {
		mt := content[ct]
		if !strings.Contains(MediaBase(ct), "/") {
			// spoonacular's "" and LUIS's "JSON" name no type/subtype, so
			// no Content-Type could match them: the server refused every
			// request as having none of no media types.
			pos := where
			if mt != nil && mt.Origin != nil {
				pos = b.doc.Origin(mt.Origin)
			}
			left := "it is left out"
			if len(content) == 1 {
				left = "it is left out, and the body with it"
			}
			b.warn(pos, "%s: %q is not a media type (type/subtype); %s", what, ct, left)
			continue
		}
		m := &Media{ContentType: ct}
		if mt != nil && mt.Schema != nil {
			// A schema repeated under another media type is the type of
			// the first: with a type each, the client could send none
			// but the first, and the server refused the others (415).
			text := ""
			if len(content) > 1 {
				text = inlineText(mt.Schema)
			}
			if earlier := repeated[text]; text != "" && earlier != nil {
				m.Type = earlier
			} else {
				m.Type = b.ref(mt.Schema, hint)
				if text != "" {
					if repeated == nil {
						repeated = map[string]*Ref{}
					}
					repeated[text] = m.Type
				}
			}
			if MediaBase(ct) == "multipart/form-data" {
				m.FileParts = b.fileParts(mt)
			}
		}
		if jsonRange(ct) && m.Type != nil && !m.Type.HoldsBytes() && !fileSchema(mt) {
			// A range that JSON falls in, over a schema that types the
			// body, is JSON: springfox writes */* for every answer of a
			// Spring service (2,590 in 68 directory specs), and
			// Kubernetes for its request bodies. Under its own name the
			// client sent "*/*" as the Content-Type and returned bytes.
			if hasJSONMedia(content) {
				continue // the JSON media type the content names says it
			}
			m.ContentType = "application/json"
		}
		out = append(out, m)
	}
	slices.SortStableFunc(out, func(x, y *Media) int { return cmp.Compare(mediaRank(x.ContentType), mediaRank(y.ContentType)) })
	return out
}

// jsonRange reports whether a media type is a range that application/json
// falls in: */* or application/*.
func jsonRange(ct string) bool {
	base := MediaBase(ct)
	return base == "*/*" || base == "application/*"
}

// hasJSONMedia reports whether content names a JSON media type outright,
// not as a range.
func hasJSONMedia(content openapi3.Content) bool {
	for ct := range content {
		if IsJSONMedia(ct) && !strings.Contains(ct, "*") {
			return true
		}
	}
	return false
}

// inlineText is the JSON of an inline schema, by which the same schema
// written out again under another media type of one content is found
// (Telegram repeats each body's for JSON, a form and multipart); it is
// empty for a $ref, whose type is one already.
func inlineText(schema *openapi3.SchemaRef) string {
	if schema.Ref != "" || schema.Value == nil {
		return ""
	}
	text, err := json.Marshal(schema.Value)
	if err != nil {
		return ""
	}
	return string(text)
}

// fileParts finds the properties of a multipart body that hold files, with
// the media type of each one's part (see Media.FileParts).
func (b *builder) fileParts(mt *openapi3.MediaType) map[string]string {
	if mt.Schema.Value == nil {
		return nil
	}
	props, _, _, _ := b.objectParts(mt.Schema.Value)
	var parts map[string]string
	for _, p := range props {
		s := p.ref.Value
		if s != nil && slices.Equal(nonNullTypes(s), []string{"array"}) && s.Items != nil {
			s = s.Items.Value // each item is a part of its own
		}
		if s == nil || !slices.Equal(nonNullTypes(s), []string{"string"}) || !(s.Format == "binary" || s.ContentMediaType != "" && s.ContentEncoding == "") {
			continue
		}
		contentType := cmp.Or(s.ContentMediaType, "application/octet-stream")
		if enc := mt.Encoding[p.name]; enc != nil && enc.ContentType != "" {
			// A list of types says which the server takes; the part
			// is sent as the first.
			contentType = strings.TrimSpace(strings.Split(enc.ContentType, ",")[0])
		}
		if parts == nil {
			parts = map[string]string{}
		}
		parts[p.name] = contentType
	}
	return parts
}

// IsJSONMedia reports whether a media type is JSON: application/json,
// or one ending in +json or /json (application/problem+json, text/json).
func IsJSONMedia(ct string) bool {
	ct = MediaBase(ct)
	return ct == "application/json" || strings.HasSuffix(ct, "+json") || strings.HasSuffix(ct, "/json")
}

// MediaBase returns a media type without its parameters, lower-cased:
// "application/json" for Azure's "application/json; odata=minimalmetadata".
func MediaBase(ct string) string {
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	return strings.ToLower(strings.TrimSpace(ct))
}

// Base is the media type without its parameters (see MediaBase).
func (m *Media) Base() string { return MediaBase(m.ContentType) }

// IsForm reports whether m is a form: urlencoded or multipart.
func (m *Media) IsForm() bool {
	base := m.Base()
	return base == "application/x-www-form-urlencoded" || base == "multipart/form-data"
}

func mediaRank(ct string) int {
	ct = MediaBase(ct)
	switch {
	case ct == "application/json":
		return 0
	case IsJSONMedia(ct):
		return 1
	case ct == "application/x-www-form-urlencoded":
		return 2
	}
	return 3
}

func (b *builder) scheme(name string) *SecurityScheme {
	for _, s := range b.api.SecuritySchemes {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// operationName picks the client group and method name: from
// x-operation-group / x-operation-name when present, otherwise the first
// tag and the operationId (or method and path).
func (b *builder) operationName(op *openapi3.Operation, method, path string) ([]string, string) {
	var group []string
	switch g := op.Extensions["x-operation-group"].(type) {
	case string:
		group = []string{GoName(g)}
	case []any:
		for _, e := range g {
			if s, ok := e.(string); ok {
				group = append(group, GoName(s))
			}
		}
	}
	name, _ := op.Extensions["x-operation-name"].(string)
	if len(group) > 0 && name != "" {
		return group, GoName(name)
	}
	if len(op.Tags) > 0 {
		group = []string{GoName(op.Tags[0])}
	}
	if op.OperationID != "" {
		return group, GoName(op.OperationID)
	}
	return group, GoName(strings.ToLower(method) + " " + path)
}

// shortNames finds the operations whose method names drop the name of their
// group, which operationIds often repeat: GitHub's repos/get under the tag
// repos is Repos.Get rather than Repos.ReposGet (and its types ReposGet...
// rather than ReposReposGet...), Azure's Provider_GetSourceControl is
// Provider.GetSourceControl. Only a whole word goes (under the tag pets,
// PetsList is List; under the tag pet, it stays PetsList), a name that is
// the group's alone stays, and so does one whose shorter form another
// operation of the group has or takes, so that no name gets a number it
// did not have. It maps each such operation to its short name.
func (b *builder) shortNames(paths *openapi3.Paths, keys []string) map[*openapi3.Operation]string {
	type named struct {
		op          *openapi3.Operation
		group, name string
	}
	var all []named
	taken := map[string]int{} // "group.name" → how many operations have or would take it
	for _, path := range keys {
		item := paths.Value(path)
		if item == nil {
			continue
		}
		for method, op := range item.Operations() {
			if !b.opts.Include.selects(op) {
				continue
			}
			group, name := b.operationName(op, method, path)
			if len(group) != 1 || op.OperationID == "" || op.Extensions["x-operation-name"] != nil {
				continue
			}
			taken[group[0]+"."+name]++
			if short := withoutGroup(name, group[0]); short != name {
				taken[group[0]+"."+short]++
				all = append(all, named{op, group[0], short})
			}
		}
	}
	out := map[*openapi3.Operation]string{}
	for _, n := range all {
		if taken[n.group+"."+n.name] == 1 {
			out[n.op] = n.name
		}
	}
	return out
}

// withoutGroup returns name without the group's name it starts with as a
// whole word, or name itself.
func withoutGroup(name, group string) string {
	rest, ok := strings.CutPrefix(name, group)
	if !ok || rest == "" {
		return name
	}
	if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) {
		return name
	}
	return rest
}

// checkSpreadKeys notes an operation where two query parameters send the
// same key, one of them an object in form style that explodes, whose
// properties are query parameters of their own (sinao's contact_infos
// holds a details beside the parameter details; EC2's SpotOptions and
// OnDemandOptions both hold an AllocationStrategy): nothing on the wire
// says whose the key is, so the server reads it for both. Two free-form
// such objects are the same: the first takes every key.
func (b *builder) checkSpreadKeys(o *Operation) {
	owner := map[string]string{} // key → the parameter that sends it
	var free string              // the first free-form object
	for _, p := range o.Params {
		if p.In != InQuery {
			continue
		}
		keys := []string{p.Name}
		if p.ObjectForm() == SpreadForm {
			keys = nil
			if p.Type.Kind == RefMap {
				if free != "" {
					b.sharedKeys = append(b.sharedKeys, operationNote{p.Pos, fmt.Sprintf("operation %s: query parameters %q and %q are free-form objects in form style, exploded, whose entries are query parameters of their own; the server gives every key no other parameter declares to %q", o.ID, free, p.Name, free)})
					return
				}
				free = p.Name
				continue
			}
			for _, f := range p.Type.Named.Fields {
				keys = append(keys, f.JSONName)
			}
		}
		for _, k := range keys {
			if other, taken := owner[k]; taken {
				b.sharedKeys = append(b.sharedKeys, operationNote{p.Pos, fmt.Sprintf("operation %s: query parameters %q and %q both send the key %q (an object in form style, exploded, sends each property as a query parameter of its own), so the server reads it for both; style deepObject would tell them apart", o.ID, other, p.Name, k)})
				return
			}
			owner[k] = p.Name
		}
	}
}

// checkCredentialClash notes o when alt, one alternative of its security,
// asks for schemes that send different credentials in one header: HTTP
// basic and an API key named Authorization (Azure's container registry),
// or basic and bearer. A request carries the header once, so the
// credential the client sets last replaces the other, and a server that
// checks both finds one of them wrong. Two bearer schemes (Google's
// Oauth2 and Oauth2c) take the same token, which is no clash.
func (b *builder) checkCredentialClash(o *Operation, alt []*SecurityRequirement) {
	type sender struct {
		scheme string
		form   string
	}
	first := map[string]sender{} // header → the first scheme that sends it
	for _, req := range alt {
		c := credentialCarrier(req.Scheme)
		if c.header == "" {
			continue
		}
		f, seen := first[c.header]
		if !seen {
			first[c.header] = sender{req.Scheme.Name, c.form}
			continue
		}
		if f.form != c.form {
			b.credentialClashes = append(b.credentialClashes, operationNote{o.Pos, fmt.Sprintf("operation %s: its security asks for schemes %q and %q together, but both send their credentials in the %s header (%s and %s), which a request carries once, so no request can carry both: the client sends the one set last", o.ID, f.scheme, req.Scheme.Name, c.header, f.form, c.form)})
			return
		}
	}
}

// credentialHeader is the header a scheme's credential travels in, and
// the form it takes there.
type credentialHeader struct {
	header string // canonical; "" for an API key in the query or a cookie
	form   string // "HTTP basic", "HTTP bearer" (OAuth2 too), "an API key"
}

// credentialCarrier returns where and how scheme s sends its credential.
func credentialCarrier(s *SecurityScheme) credentialHeader {
	switch s.Credential() {
	case BearerToken:
		return credentialHeader{"Authorization", "HTTP bearer"}
	case BasicAuth, OtherHTTP:
		return credentialHeader{"Authorization", "HTTP " + s.Scheme}
	case APIKey:
		if s.In == "header" {
			return credentialHeader{http.CanonicalHeaderKey(s.ParamName), "an API key"}
		}
	}
	return credentialHeader{}
}
