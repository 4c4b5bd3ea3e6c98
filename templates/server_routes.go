package templates

import (
	"bytes"
	"errors"
	"io"
	"maps"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// respond writes what a handler returned: its status, the response
// headers the spec declares, and its body as JSON when it has one. A zero response (no constructor used) is a bug in
// the handler, answered 500 and logged.
func (s *serverCore) respond(w http.ResponseWriter, r *http.Request, operation string, status int, header http.Header, body jsonEncodable) {
	if status != 0 {
		for k, v := range header {
			w.Header()[k] = v
		}
	}
	switch {
	case status == 0:
		s.fail(w, r, operation, errors.New("the handler returned a zero response; build one with its constructors"))
	case body == nil:
		w.WriteHeader(status)
	default:
		if raw, ok := body.(*rawBody); ok {
			w.Header().Set("Content-Type", concreteMediaType(raw.contentType, raw.data))
			w.WriteHeader(status)
			if bodyAllowed(status) {
				w.Write(raw.data)
			}
			return
		}
		s.writeJSON(w, r, status, body)
	}
}

// rawBody is an answer whose media type is not JSON (text/plain, XML,
// application/octet-stream): the bytes the handler gave, sent as they are
// under that media type, as the client reads them.
type rawBody struct {
	contentType string
	data        []byte
}

// encodeJSON writes the bytes as a JSON string; respond sends them as
// they are instead, so only a caller that wants JSON of the answer uses it.
func (b *rawBody) encodeJSON(w *jsonWriter) {
	s := string(b.data)
	encodeString(&s, w)
}

// router routes requests to the operations' handlers by method and path.
// Go's ServeMux would, but it refuses two paths that overlap with neither
// more specific than the other, which real specs have: Auth0's
// /organizations/name/{name} and /organizations/{id}/client-grants both
// match /organizations/name/client-grants, and NewServer would panic. The
// router reads the path segment by segment from the left, trying a
// literal segment before a wildcard (OpenAPI prefers concrete paths) and
// backing off when the rest does not match; among the paths that match,
// the first that has the request's method serves it (HEAD falls back to
// GET, as with ServeMux). A path that matches only under other methods is
// answered 405, one that matches nothing 404.
type router struct {
	core *serverCore
	root routeNode
}

// routeNode is one segment of the routes: its literal children, its
// children that mix text and wildcards, its wildcard child, and, at the end
// of a route, its handlers by method.
type routeNode struct {
	literals map[string]*routeNode
	mixed    []*mixedSegment
	wildcard *routeNode
	methods  []string // as added, for Allow
	handlers map[string]http.HandlerFunc
}

// pathValueName names the i-th wildcard of a route, as the handlers read
// it: p0, p1, ...
func pathValueName(i int) string {
	if i < len(pathValueNames) {
		return pathValueNames[i]
	}
	return "p" + strconv.Itoa(i)
}

var pathValueNames = [...]string{"p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7"}

func newRouter(core *serverCore) *router { return &router{core: core} }

// mixedSegment is a route segment that holds text beside its wildcards,
// as {id}.json, {name}:cancel or System.{location} do: the texts around
// and between the wildcards, and the node it leads to. A wildcard that
// can hold one value only ({p1=.json}, a parameter whose enum lists one)
// is matched as that text and given that value: healthcare.gov writes
// /profiles/{id}{mediaTypeExtension}, which could not be split otherwise.
// A wildcard that names the values it can hold ({p1|diff|patch}, an enum's)
// matches only one of them while the router looks for a strict match.
type mixedSegment struct {
	texts []string // len(texts) is one more than the wildcards matched
	// fixed holds the values of the one-value wildcards by their place
	// among all the segment's wildcards; nil when there are none.
	fixed map[int]string
	// shortFirst is set when the first wildcard starts the segment and
	// cannot hold the text after it ({p0:short}.{p1}, an integer before a
	// dot): it ends at the first occurrence of that text.
	shortFirst bool
	// oneOf holds the values a matched wildcard can hold, by its place among
	// the matched ones; nil when no wildcard names its values.
	oneOf map[int][]string
	node  *routeNode
}

// match splits seg into the segment's wildcard values, each non-empty, or
// returns false. Where two wildcards meet at a text that seg has more than
// once, the earlier wildcard takes the longer share: {name}.{ext} splits
// a.tar.gz as a.tar and gz. A short first wildcard takes the shorter one:
// {segmentId:short}.{container} splits 5.a.b as 5 and a.b. When strict, a
// wildcard that names its values must hold one of them.
func (m *mixedSegment) match(seg string, strict bool) ([]string, bool) {
	if len(m.texts) == 1 { // every wildcard holds one value only
		return m.withFixed(nil), seg == m.texts[0]
	}
	first, last := m.texts[0], m.texts[len(m.texts)-1]
	if len(seg) < len(first)+len(last) || !strings.HasPrefix(seg, first) || !strings.HasSuffix(seg, last) {
		return nil, false
	}
	rest := seg[len(first) : len(seg)-len(last)]
	values := make([]string, len(m.texts)-1)
	from := 0 // the first wildcard the loop below leaves the rest to
	if m.shortFirst && len(values) > 1 {
		cut := strings.Index(rest, m.texts[1])
		if cut < 0 {
			return nil, false
		}
		values[0], rest = rest[:cut], rest[cut+len(m.texts[1]):]
		from = 1
	}
	for i := len(values) - 1; i > from; i-- {
		cut := strings.LastIndex(rest, m.texts[i])
		if cut < 0 {
			return nil, false
		}
		values[i], rest = rest[cut+len(m.texts[i]):], rest[:cut]
	}
	values[from] = rest
	for i, v := range values {
		if v == "" || strict && m.oneOf[i] != nil && !slices.Contains(m.oneOf[i], v) {
			return nil, false
		}
	}
	return m.withFixed(values), true
}

// withFixed returns the values of the segment's wildcards, in order: the
// ones matched, with the one-value wildcards' values in their places.
func (m *mixedSegment) withFixed(matched []string) []string {
	if m.fixed == nil {
		return matched
	}
	all := make([]string, len(matched)+len(m.fixed))
	for i := range all {
		if v, ok := m.fixed[i]; ok {
			all[i] = v
		} else {
			all[i], matched = matched[0], matched[1:]
		}
	}
	return all
}

// handle adds the handler of method at pattern, a path whose wildcards
// ({p0}, {p1}, ...) each match a non-empty segment or, beside text in one
// segment, a non-empty part of it.
func (rt *router) handle(method, pattern string, h http.HandlerFunc) {
	n := &rt.root
	for _, seg := range strings.Split(strings.TrimPrefix(pattern, "/"), "/") {
		if strings.HasPrefix(seg, "{p") && strings.HasSuffix(seg, "}") && strings.Count(seg, "{") == 1 {
			if n.wildcard == nil {
				n.wildcard = &routeNode{}
			}
			n = n.wildcard
			continue
		}
		if strings.Contains(seg, "{p") {
			n = n.mixedChild(seg)
			continue
		}
		child := n.literals[seg]
		if child == nil {
			if n.literals == nil {
				n.literals = map[string]*routeNode{}
			}
			child = &routeNode{}
			n.literals[seg] = child
		}
		n = child
	}
	if n.handlers == nil {
		n.handlers = map[string]http.HandlerFunc{}
	}
	if _, ok := n.handlers[method]; !ok {
		n.methods = append(n.methods, method)
	}
	n.handlers[method] = h
}

// mixedChild returns the child for a segment of text and wildcards,
// adding it when new. A segment with more text is tried first, as the more
// specific one.
func (n *routeNode) mixedChild(seg string) *routeNode {
	var texts []string
	var fixed map[int]string
	var oneOf map[int][]string
	shortFirst := false
	text := ""
	for i := 0; ; i++ {
		open := strings.Index(seg, "{p")
		end := strings.IndexByte(seg[max(open, 0):], '}')
		if open < 0 || end < 0 {
			break
		}
		wildcard := seg[open+1 : open+end]
		text += seg[:open]
		if _, value, ok := strings.Cut(wildcard, "="); ok {
			if fixed == nil {
				fixed = map[int]string{}
			}
			fixed[i] = value
			text += value
			seg = seg[open+end+1:]
			continue
		}
		wildcard, values, named := strings.Cut(wildcard, "|")
		if strings.HasSuffix(wildcard, ":short") && i == 0 && text == "" {
			shortFirst = true
		}
		if named {
			if oneOf == nil {
				oneOf = map[int][]string{}
			}
			oneOf[len(texts)] = strings.Split(values, "|")
		}
		texts, text = append(texts, text), ""
		seg = seg[open+end+1:]
	}
	texts = append(texts, text+seg)
	for _, m := range n.mixed {
		if slices.Equal(m.texts, texts) && maps.Equal(m.fixed, fixed) && m.shortFirst == shortFirst && maps.EqualFunc(m.oneOf, oneOf, slices.Equal) {
			return m.node
		}
	}
	m := &mixedSegment{texts: texts, fixed: fixed, shortFirst: shortFirst, oneOf: oneOf, node: &routeNode{}}
	n.mixed = append(n.mixed, m)
	size := func(m *mixedSegment) int { return len(strings.Join(m.texts, "")) }
	slices.SortStableFunc(n.mixed, func(a, b *mixedSegment) int { return size(b) - size(a) })
	return m.node
}

// handler returns the node's handler for method, or nil.
func (n *routeNode) handler(method string) http.HandlerFunc {
	if h := n.handlers[method]; h != nil {
		return h
	}
	if method == http.MethodHead {
		return n.handlers[http.MethodGet]
	}
	return nil
}

// routeMatch is where a request's path leads.
type routeMatch struct {
	node   *routeNode
	values []string // the wildcards' segments, in order
}

// ServeHTTP dispatches r to the handler its method and path select.
func (rt *router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	segs := strings.Split(strings.TrimPrefix(r.URL.EscapedPath(), "/"), "/")
	for i, seg := range segs {
		if strings.IndexByte(seg, '%') < 0 {
			continue
		}
		unescaped, err := url.PathUnescape(seg)
		if err != nil {
			rt.core.notFound(w, r)
			return
		}
		segs[i] = unescaped
	}
	values := make([]string, 0, len(pathValueNames))
	var found routeMatch
	var other *routeNode // the first path that matches under another method
	strict := true       // see mixedSegment.match
	var walk func(n *routeNode, i, wild int) bool
	walk = func(n *routeNode, i, wild int) bool {
		if i == len(segs) {
			switch {
			case n.handler(r.Method) != nil:
				found = routeMatch{n, values[:wild]}
				return true
			case len(n.handlers) > 0 && other == nil:
				other = n
			}
			return false
		}
		if child := n.literals[segs[i]]; child != nil && walk(child, i+1, wild) {
			return true
		}
		for _, m := range n.mixed {
			if parts, ok := m.match(segs[i], strict); ok {
				values = append(values[:wild], parts...)
				if walk(m.node, i+1, wild+len(parts)) {
					return true
				}
			}
		}
		if n.wildcard != nil && segs[i] != "" {
			values = append(values[:wild], segs[i])
			return walk(n.wildcard, i+1, wild+1)
		}
		return false
	}
	matched := walk(&rt.root, 0, 0)
	if !matched {
		// No route takes the request with each wildcard that names its
		// values holding one of them: the route that takes it otherwise
		// serves it, and its handler says which value is wrong.
		strict = false
		matched = walk(&rt.root, 0, 0)
	}
	switch {
	case matched:
		for i, v := range found.values {
			r.SetPathValue(pathValueName(i), v)
		}
		found.node.handler(r.Method)(w, r)
	case other != nil:
		rt.core.methodNotAllowed(strings.Join(other.methods, ", "))(w, r)
	default:
		rt.core.notFound(w, r)
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
// sharedRoute is one of the operations that share a method and a path,
// told apart by what the request carries (AWS's query APIs write
// /#Action=CreateUser and /#Action=DeleteUser, both POST /): its
// conditions, and its handler.
type sharedRoute struct {
	when []routeCondition
	h    http.HandlerFunc
}

// routeCondition is what a request must carry to reach a shared route:
// the query parameter or, when header is set, the header name, with the
// given value unless value is "" (AWS's JSON APIs put every action on
// POST /, told apart by the X-Amz-Target header).
type routeCondition struct {
	name, value string
	header      bool
}

// chooseRoute serves a request with the first of routes whose conditions
// it meets (the model puts the routes with more conditions first), and
// answers 404 when it meets none, naming what tells the routes apart.
func (s *serverCore) chooseRoute(routes []sharedRoute) http.HandlerFunc {
	var keys []string
	for _, rt := range routes {
		for _, c := range rt.when {
			if !slices.Contains(keys, c.name) {
				keys = append(keys, c.name)
			}
		}
	}
	return func(w http.ResponseWriter, r *http.Request) {
		query := r.URL.Query()
		for _, rt := range routes {
			if slices.ContainsFunc(rt.when, func(c routeCondition) bool { return !c.metBy(r, query) }) {
				continue
			}
			rt.h(w, r)
			return
		}
		s.opts.writeError(w, r, &Error{Status: http.StatusNotFound, Code: "not_found", Message: "no operation at " + r.Method + " " + r.URL.Path + " takes this request; the operations there are told apart by " + strings.Join(keys, ", ")})
	}
}

// metBy reports whether r, whose query is query, meets c.
func (c routeCondition) metBy(r *http.Request, query url.Values) bool {
	if c.header {
		values, ok := r.Header[http.CanonicalHeaderKey(c.name)]
		return ok && (c.value == "" || slices.Contains(values, c.value))
	}
	values, ok := query[c.name]
	return ok && (c.value == "" || slices.Contains(values, c.value))
}

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

// cookieValues returns the values of the named cookie parameter, in the
// shape of a query lookup, percent-decoded as the generated client encodes
// them (cookieText); a value that does not decode is kept as it came.
func cookieValues(r *http.Request, name string) ([]string, bool) {
	var out []string
	for _, c := range r.CookiesNamed(name) {
		v := c.Value
		if strings.IndexByte(v, '%') >= 0 {
			if decoded, err := url.PathUnescape(v); err == nil {
				v = decoded
			}
		}
		out = append(out, v)
	}
	return out, len(out) > 0
}

// basicCredentials returns the base64 text of an "Authorization: Basic"
// header, or "".
func basicCredentials(r *http.Request) string { return authCredentials(r, "Basic") }

// queryParams is a parsed query string. It keeps the pairs in two slices
// sorted by key rather than in a map: a request has a few parameters, a
// scan of them beats hashing, the values of a key come out as a subslice,
// and for up to a dozen pairs nothing is allocated. It also records which
// keys the operation read, so that leftovers can report the rest, and the
// pairs that did not decode, which url.ParseQuery rejects and
// (*url.URL).Query silently drops.
type queryParams struct {
	keys, values []string
	read         []bool   // read[i]: the operation read keys[i], one of its parameters
	malformed    []string // pairs with a bad %-escape or a semicolon, as sent
	buf          [2][12]string
	readBuf      [12]bool
}

// parse reads raw, the query string without its '?'.
func (q *queryParams) parse(raw string) {
	q.keys, q.values = q.buf[0][:0], q.buf[1][:0]
	for raw != "" {
		var pair string
		pair, raw, _ = strings.Cut(raw, "&")
		if pair == "" {
			continue
		}
		key, value, _ := strings.Cut(pair, "=")
		key, ok1 := queryUnescape(key)
		value, ok2 := queryUnescape(value)
		if !ok1 || !ok2 || strings.Contains(pair, ";") {
			q.malformed = append(q.malformed, pair)
			continue
		}
		// Insert after the last pair with the same or a smaller key, so
		// that the values of a key keep their order.
		i := len(q.keys)
		for i > 0 && q.keys[i-1] > key {
			i--
		}
		q.keys = slices.Insert(q.keys, i, key)
		q.values = slices.Insert(q.values, i, value)
	}
	if len(q.keys) <= len(q.readBuf) {
		q.read = q.readBuf[:len(q.keys)]
	} else {
		q.read = make([]bool, len(q.keys))
	}
}

// queryUnescape decodes a query key or value, leaving plain text as it is.
func queryUnescape(s string) (string, bool) {
	if !strings.ContainsAny(s, "%+") {
		return s, true
	}
	u, err := url.QueryUnescape(s)
	return u, err == nil
}

// get returns the values of key in the order they came, and whether there
// are any. It marks them read.
func (q *queryParams) get(key string) ([]string, bool) {
	i, found := slices.BinarySearch(q.keys, key)
	if !found {
		return nil, false
	}
	j := i + 1
	for j < len(q.keys) && q.keys[j] == key {
		j++
	}
	for k := i; k < j; k++ {
		q.read[k] = true
	}
	return q.values[i:j:j], true
}

// skipEmpty takes parameter key, when it came with nothing but empty
// values (?offset= or ?offset), as left out: it has allowEmptyValue, which
// lets a client send it so in place of leaving it out (OpenAPI 3.1.1). The
// pairs are dropped, so the lookup that follows finds none, a default
// applies and a required parameter is reported missing.
func (q *queryParams) skipEmpty(key string) {
	i, found := slices.BinarySearch(q.keys, key)
	if !found {
		return
	}
	j := i
	for ; j < len(q.keys) && q.keys[j] == key; j++ {
		if q.values[j] != "" {
			return
		}
	}
	q.keys = slices.Delete(q.keys, i, j)
	q.values = slices.Delete(q.values, i, j)
	q.read = slices.Delete(q.read, i, j)
}

// one is get for a parameter that takes one value: a key given more than
// once, which the spec does not allow, is reported at its path under p.
// Its first value is still returned, so that its own checks run too.
func (q *queryParams) one(c *validator, p *path, key string) ([]string, bool) {
	values, ok := q.get(key)
	if len(values) > 1 {
		fp := p.field(key)
		c.report(&fp, "must be given once, not "+strconv.Itoa(len(values))+" times")
	}
	return values, ok
}

// leftovers reports, once the operation has read its parameters, each pair
// that did not decode and, unless ignoreUnknown, each key the operation
// does not declare, as Auth0's own API refuses them ("Additional
// properties not allowed"). known are the keys read elsewhere: the names
// of the API keys sent in the query, which the security check has read
// already, and the keys the route chose the operation by.
func (q *queryParams) leftovers(c *validator, ignoreUnknown bool, known ...string) {
	for _, pair := range q.malformed {
		key, value, _ := strings.Cut(pair, "=")
		kp := (*path)(nil).key(key)
		if _, err := url.QueryUnescape(key + value); err != nil {
			c.report(&kp, "is not a valid query parameter: "+err.Error())
		} else {
			c.report(&kp, "is not a valid query parameter: a semicolon does not separate parameters (an ampersand does); escape one in a value as %3B")
		}
	}
	if ignoreUnknown {
		return
	}
	for i, key := range q.keys {
		if q.read[i] || slices.Contains(known, key) || (i > 0 && q.keys[i-1] == key) {
			continue // read, or reported once already
		}
		kp := (*path)(nil).key(key)
		c.report(&kp, "unknown query parameter")
	}
}

// deepObject collects the name[key]=value parameters of deepObject
// parameter name as key → value (see objectKeys).
func deepObject(c *validator, p *path, query *queryParams, name string) (map[string]string, bool) {
	return objectKeys(c, p, query, name, func(key string, _ bool) (string, bool) {
		if strings.HasPrefix(key, name+"[") && strings.HasSuffix(key, "]") {
			return key[len(name)+1 : len(key)-1], true
		}
		return "", false
	})
}

// formObject collects the properties of object query parameter name in
// form style that explodes, each a parameter of its own (R=100&G=200), as
// key → value (see objectKeys). keys are the object's properties; nil
// takes every key that no parameter has read and that is not one of
// credentials, the entries of a free-form object, so that parameter is
// read last.
func formObject(c *validator, p *path, query *queryParams, name string, keys []string, credentials ...string) (map[string]string, bool) {
	return objectKeys(c, p, query, name, func(key string, read bool) (string, bool) {
		if keys == nil {
			return key, !read && !slices.Contains(credentials, key)
		}
		return key, slices.Contains(keys, key)
	})
}

// objectKeys collects the query parameters that hold the properties of
// object parameter name, those whose key property turns into a property's
// name, as property → value, marks them read, and reports whether there
// were any. A property given more than once, which a strict server does
// not take, is reported at its path under p; its first value is kept, so
// that its own checks run too.
func objectKeys(c *validator, p *path, query *queryParams, name string, property func(key string, read bool) (string, bool)) (map[string]string, bool) {
	var out map[string]string
	var counts map[string]int // of the properties given more than once
	for i, k := range query.keys {
		prop, ok := property(k, query.read[i])
		if !ok {
			continue
		}
		query.read[i] = true
		if out == nil {
			out = map[string]string{}
		}
		if _, seen := out[prop]; seen {
			if counts == nil {
				counts = map[string]int{}
			}
			counts[prop] = max(counts[prop], 1) + 1
			continue
		}
		out[prop] = query.values[i]
	}
	reportRepeats(c, p, name, counts)
	return out, out != nil
}

// pairs reads an object query parameter in form style that does not
// explode, its keys and values in turn after its name
// (color=R,100,G,200), as key → value (see objectItems).
func (q *queryParams) pairs(c *validator, p *path, key string) (map[string]string, bool) {
	values, ok := q.one(c, p, key)
	if !ok {
		return nil, false
	}
	return objectItems(c, p, key, values[0], false), true
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
