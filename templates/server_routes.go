package templates

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
)

// respond writes what a handler returned: its status, and its body as
// JSON when it has one. A zero response (no constructor used) is a bug in
// the handler, answered 500 and logged.
func (s *serverCore) respond(w http.ResponseWriter, r *http.Request, operation string, status int, body any) {
	switch {
	case status == 0:
		s.fail(w, r, operation, errors.New("the handler returned a zero response; build one with its constructors"))
	case body == nil:
		w.WriteHeader(status)
	default:
		s.writeJSON(w, r, status, body)
	}
}

// methodNotAllowed answers a known path asked for with a method the spec
// does not declare on it: 405, with the methods it does in Allow.
func (s *serverCore) methodNotAllowed(allow string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.opts.writeError(w, r, &Error{
			Status:  http.StatusMethodNotAllowed,
			Code:    "method_not_allowed",
			Message: "method " + r.Method + " is not allowed on " + r.URL.Path + "; allowed: " + allow,
			Header:  http.Header{"Allow": {allow}},
		})
	}
}

// notFound answers a path the API does not have.
func (s *serverCore) notFound(w http.ResponseWriter, r *http.Request) {
	s.opts.writeError(w, r, &Error{Status: http.StatusNotFound, Code: "not_found", Message: "no operation at " + r.URL.Path})
}

var (
	// errNoCredential: the request carries no credential for a scheme.
	errNoCredential = errors.New("missing credentials")
	// errNoSecurityHandler: the server was built without a SecurityHandler.
	errNoSecurityHandler = errors.New("the server has no security handler")
)

// strongerRejection keeps the more telling of two reasons a request failed
// its security requirements: an explicit *Error, then a lack of scope (the
// caller is known but not allowed), then a rejected credential, then a
// missing one.
func strongerRejection(prev, err error) error {
	rank := func(e error) int {
		var he *Error
		switch {
		case e == nil:
			return 0
		case errors.As(e, &he):
			return 4
		case errors.Is(e, ErrInsufficientScope):
			return 3
		case errors.Is(e, errNoCredential):
			return 1
		}
		return 2
	}
	if rank(err) > rank(prev) {
		return err
	}
	return prev
}

// rejection turns the reason a request failed its security requirements
// into the answer: 403 for a lack of scope, 401 with WWW-Authenticate
// otherwise. The reason itself (which may name the credential) is logged,
// not sent.
func (s *serverCore) rejection(op Operation, err error) error {
	var he *Error
	switch {
	case errors.As(err, &he):
		return he
	case errors.Is(err, ErrInsufficientScope):
		return &Error{Status: http.StatusForbidden, Code: "insufficient_scope",
			Message: "Insufficient scope; expected any of: " + strings.Join(op.Scopes, ", ") + "."}
	case errors.Is(err, errNoCredential):
		return &Error{Status: http.StatusUnauthorized, Code: "missing_credentials", Message: "Missing authentication.",
			Header: http.Header{"Www-Authenticate": {"Bearer"}}}
	}
	s.opts.logger.Info("credential rejected", "operation", op.ID, "reason", err)
	return &Error{Status: http.StatusUnauthorized, Code: "invalid_token", Message: "Invalid token.",
		Header: http.Header{"Www-Authenticate": {`Bearer error="invalid_token"`}}}
}

// cookieValue returns the value of the named cookie, or "".
func cookieValue(r *http.Request, name string) string {
	c, err := r.Cookie(name)
	if err != nil {
		return ""
	}
	return c.Value
}

// cookieValues returns the values of the named cookie, in the shape of a
// query lookup.
func cookieValues(r *http.Request, name string) ([]string, bool) {
	var out []string
	for _, c := range r.CookiesNamed(name) {
		out = append(out, c.Value)
	}
	return out, len(out) > 0
}

// basicCredentials returns the base64 text of an "Authorization: Basic"
// header, or "".
func basicCredentials(r *http.Request) string {
	scheme, rest, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Basic") {
		return ""
	}
	return strings.TrimSpace(rest)
}

// deepObject collects the query keys name[key] of a deepObject parameter.
func deepObject(query map[string][]string, name string) (map[string]string, bool) {
	out := map[string]string{}
	for k, vs := range query {
		if strings.HasPrefix(k, name+"[") && strings.HasSuffix(k, "]") && len(vs) > 0 {
			out[k[len(name)+1:len(k)-1]] = vs[0]
		}
	}
	return out, len(out) > 0
}

// splitList splits comma-separated values of a parameter that does not
// explode: ids=1,2&ids=3 gives 1, 2, 3.
func splitList(values []string) []string {
	var out []string
	for _, v := range values {
		out = append(out, strings.Split(v, ",")...)
	}
	return out
}

// parseMultipart reads the fields of a multipart/form-data body; file
// parts are read as text fields of their content.
func parseMultipart(data []byte, contentType string) (url.Values, error) {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return nil, err
	}
	reader := multipart.NewReader(bytes.NewReader(data), params["boundary"])
	form := url.Values{}
	for {
		part, err := reader.NextPart()
		if err == io.EOF {
			return form, nil
		}
		if err != nil {
			return nil, err
		}
		value, err := io.ReadAll(part)
		if err != nil {
			return nil, err
		}
		form.Add(part.FormName(), string(value))
	}
}
