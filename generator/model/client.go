package model

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// paramsType declares the struct that holds an operation's query, header
// and cookie parameters, named by x-operation-request-parameters-name when
// the spec gives one: required parameters are plain fields, optional ones
// Opt[T], and the struct validates like any other type.
func (b *builder) paramsType(o *Operation, op *openapi3.Operation, base string) {
	var params []*Param
	for _, p := range o.Params {
		if p.In != InPath {
			params = append(params, p)
		}
	}
	if len(params) == 0 {
		return
	}
	name := base + "Params"
	if ext, _ := op.Extensions["x-operation-request-parameters-name"].(string); ext != "" {
		name = GoName(ext)
	}
	t := &Type{
		Name:   b.names.claim(name),
		Schema: "the parameters of operation " + o.ID,
		Doc:    "The query, header and cookie parameters of " + o.Method + " " + o.Path + ".",
		Pos:    o.Pos,
		Kind:   Struct,
		Params: true,
	}
	t.Fields = paramFields(params)
	o.ParamsType = t
	b.api.Types = append(b.api.Types, t)
}

func isInteger(r *Ref) bool {
	return r.Kind == RefBuiltin && (r.Builtin == Int64 || r.Builtin == Int32)
}

func isString(r *Ref) bool { return r.Kind == RefBuiltin && r.Builtin == String }

func isBool(r *Ref) bool {
	return (r.Kind == RefBuiltin && r.Builtin == Bool) || (r.Kind == RefNamed && r.Named.Kind == Enum && r.Named.Enum.Base == Bool)
}

// answerName names the type of handler's answers: handler+"Response", or,
// where a schema holds that name (AWS names each operation's body so, as
// 27 of 629 directory packages do), handler+"Answer", since a number would
// read as a second response beside the first.
func (b *builder) answerName(handler string) string {
	if name := handler + "Response"; !b.names.taken[name] {
		return b.names.claim(name)
	}
	return b.names.claim(handler + "Answer")
}

// serverNames names what the server needs per operation: its Handler
// method, its response type, and a constructor per status it may answer
// with (2xx and 3xx, and any other status that declares a body; the other
// errors are answered through *Error).
func (b *builder) serverNames() {
	methods := newNamespace(vetMethods...)
	for _, o := range b.api.Operations {
		o.HandlerName = methods.claim(strings.Join(o.Group, "") + o.Name)
		o.ResponseType = b.answerName(o.HandlerName)
		for _, r := range o.Responses {
			if r.Status == 0 {
				continue
			}
			var media *Media
			if len(r.Media) > 0 && r.Status != 204 && r.Status != 304 {
				// A 204 or 304 has no body, whatever the spec gives it
				// (AWS's specs declare one on 204 Success).
				media = r.Media[0]
			}
			if r.Status >= 400 && media == nil {
				continue
			}
			a := &Answer{
				Constructor: b.names.claim(o.HandlerName + statusName(r.Status)),
				Status:      r.Status,
				Media:       media,
			}
			if len(r.Headers) > 0 {
				r.HeadersType = b.headersType(o, r, a.Constructor+"Headers")
				a.Headers = r.HeadersType
			}
			o.Answers = append(o.Answers, a)
		}
		if s := o.Success; s != nil && len(s.Headers) > 0 && s.HeadersType == nil {
			s.HeadersType = b.headersType(o, s, o.HandlerName+"Headers") // a 2XX range has no constructor
		}
	}
}

// headersType declares the struct that holds the headers of response r:
// the server's constructor for r takes one, and the client returns one for
// the success response. Its fields are header parameters.
func (b *builder) headersType(o *Operation, r *Response, name string) *Type {
	t := &Type{
		Name:    b.names.claim(name),
		Schema:  "the " + r.Code() + " response of operation " + o.ID,
		Doc:     "The response headers of " + o.Method + " " + o.Path + " that the spec declares.",
		Pos:     o.Pos,
		Kind:    Struct,
		Params:  true,
		Headers: true,
	}
	t.Fields = paramFields(r.Headers)
	b.api.Types = append(b.api.Types, t)
	return t
}

// paramFields makes a struct field of each parameter (or header), linked
// both ways: required ones are plain fields, optional ones Opt[T].
func paramFields(params []*Param) []*Field {
	var out []*Field
	names := newNamespace(structMethods...)
	for _, p := range params {
		f := &Field{Name: names.claim(p.GoName), JSONName: p.Name, Doc: p.Doc, Pos: p.Pos, Type: p.Type, Required: p.Required, Default: p.Default, Param: p}
		if p.EmptyMeansUnused() {
			f.Doc = strings.TrimSpace(f.Doc + "\n\nSent empty (" + p.Name + "=), it counts as left out (allowEmptyValue).")
		}
		if p.KeepsReserved() {
			f.Doc = strings.TrimSpace(f.Doc + "\n\nSent with the reserved characters a query allows (:/?@!$'()*,) as they are (allowReserved).")
		}
		switch {
		case p.Type.Nullable:
			f.Wrap = WrapNullable
		case !p.Required:
			f.Wrap = WrapOpt
		}
		p.Field = f
		out = append(out, f)
	}
	return out
}

// groups arranges the operations into the client's tree of groups; the
// group types are named after their path (ClientGrantsOrganizationsService).
func (b *builder) groups() {
	root := &Group{}
	for _, o := range b.api.Operations {
		g := root
		for i := range o.Group {
			var child *Group
			for _, c := range g.Groups {
				if c.Field == o.Group[i] {
					child = c
				}
			}
			if child == nil {
				child = &Group{Field: o.Group[i], TypeName: b.names.claim(strings.Join(o.Group[:i+1], "") + "Service")}
				g.Groups = append(g.Groups, child)
			}
			g = child
		}
		g.Operations = append(g.Operations, o)
	}
	b.api.Client = root
}

// statusName names a status for a constructor: OK, Created, NoContent, or
// Status299 for one without a standard text.
func statusName(status int) string {
	if text := http.StatusText(status); text != "" {
		return GoName(text)
	}
	return "Status" + strconv.Itoa(status)
}
