package templates

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Option configures a Client through NewClient(baseURL, opts...).
//
// Credentials: each request carries those of the first of its operation's
// security alternatives that the client holds whole (the bearer token of
// WithToken, the API keys and basic credentials of the schemes' options),
// and every credential it holds when it holds no alternative whole or the
// operation names none, for the server to judge.
type Option func(*clientOptions)

// clientOptions holds what the options set; newTransport fills in defaults.
type clientOptions struct {
	httpClient *http.Client                          // default: a client with no overall timeout (per-attempt timeout below)
	token      func(context.Context) (string, error) // bearer token source; nil = no Authorization header
	userAgent  string                                // default "oasgen-client"
	header     http.Header                           // extra headers on every request
	query      url.Values                            // extra query parameters on every request
	timeout    time.Duration                         // per attempt; 0 = none
	retry      RetryPolicy                           // default DefaultRetryPolicy
	formBodies bool                                  // prefer application/x-www-form-urlencoded where an operation offers both
	// credentials holds what the security schemes' options set, by scheme.
	credentials map[string]credential
}

// credential is what one security scheme's option set: where it travels
// (query, header or cookie), under which name, and its value.
type credential struct{ in, name, value string }

// WithHTTPClient sends requests through c, for its transport, proxy or TLS
// settings. A nil c keeps the default. Leave c.Timeout at zero and use
// WithTimeout instead: c.Timeout spans all attempts and the waits between them.
func WithHTTPClient(c *http.Client) Option {
	return func(o *clientOptions) {
		if c != nil {
			o.httpClient = c
		}
	}
}

// WithToken sends `Authorization: Bearer token` with every request. An empty
// token sends no Authorization header.
func WithToken(token string) Option {
	return WithTokenFunc(func(context.Context) (string, error) { return token, nil })
}

// WithTokenFunc calls f before every attempt, retries included, and sends the
// token it returns as `Authorization: Bearer <token>`, so that f can refresh
// an expiring token. An empty token sends no Authorization header; an error
// aborts the call, before anything is sent, and is wrapped in the call's error.
func WithTokenFunc(f func(ctx context.Context) (string, error)) Option {
	return func(o *clientOptions) { o.token = f }
}

// WithUserAgent sets the User-Agent header; an empty ua sends none.
func WithUserAgent(ua string) Option {
	return func(o *clientOptions) { o.userAgent = ua }
}

// WithHeader adds a header to every request. Repeating it with the same key
// sends every value. These headers replace the client's own defaults of the
// same name (User-Agent, Accept) but not an operation's header parameters.
func WithHeader(key, value string) Option {
	return func(o *clientOptions) {
		if o.header == nil {
			o.header = make(http.Header)
		}
		o.header.Add(key, value)
	}
}

// WithQueryParam adds a query parameter to every request, such as an API
// key the spec sends in the query. An operation's own parameter of the same
// name replaces it, as an operation's header parameters replace WithHeader's,
// unless the operation's value is empty: a spec may declare its API key both
// as a scheme and as a required parameter (Trello's key and token, fec.gov's
// api_key), a server takes the key once, and a key set once for the client
// is not to be lost to a parameter left empty.
func WithQueryParam(key, value string) Option {
	return func(o *clientOptions) {
		if o.query == nil {
			o.query = make(url.Values)
		}
		o.query.Add(key, value)
	}
}

// withCredential sets the credential of security scheme scheme, which
// travels in the query, a header or a cookie under name. A request carries
// the credentials of the first of its operation's alternatives that the
// client holds them all for (see credentialsFor), so that a spec with HTTP
// basic for one operation and an API key in the same header for the rest
// (obono's) is served by one client; a second option for the same scheme
// replaces the first.
func withCredential(scheme, in, name, value string) Option {
	return func(o *clientOptions) {
		if o.credentials == nil {
			o.credentials = map[string]credential{}
		}
		o.credentials[scheme] = credential{in: in, name: name, value: value}
	}
}

// WithTimeout bounds each attempt, from sending the request to reading the
// whole answer; an attempt that runs out of time counts as a transport
// failure and is retried like one. Zero means no limit. The call as a whole
// is bounded by its context.
func WithTimeout(d time.Duration) Option {
	return func(o *clientOptions) { o.timeout = d }
}

// WithRetryPolicy replaces DefaultRetryPolicy.
func WithRetryPolicy(p RetryPolicy) Option {
	return func(o *clientOptions) { o.retry = p }
}

// WithFormBodies sends application/x-www-form-urlencoded bodies to the
// operations that accept both that and JSON.
func WithFormBodies() Option {
	return func(o *clientOptions) { o.formBodies = true }
}

// RetryPolicy says how failed attempts are retried. A 429 answer is retried
// for every method; a 5xx answer (except 501 and 505) and a transport
// failure only for idempotent methods, so that a POST or PATCH that may have
// taken effect is never sent again.
type RetryPolicy struct {
	MaxAttempts int           // attempts in all, the first included; 1 or less disables retries
	BaseDelay   time.Duration // backoff before the second attempt; doubles each time
	MaxDelay    time.Duration // cap on any single wait, including waits the server asks for; 0 = no cap
}

// DefaultRetryPolicy is the policy of a client built without WithRetryPolicy.
var DefaultRetryPolicy = RetryPolicy{MaxAttempts: 4, BaseDelay: 250 * time.Millisecond, MaxDelay: 30 * time.Second}

// backoff returns the wait after failed attempt n (counting from 1) when the
// server did not say how long to wait: BaseDelay·2^(n-1), capped, then
// jittered uniformly between half and all of it so that clients failing
// together do not retry together.
func (p RetryPolicy) backoff(n int) time.Duration {
	d := p.BaseDelay
	for i := 1; i < n && d < math.MaxInt64/2; i++ {
		d *= 2
	}
	d = p.capped(d)
	if d <= 0 {
		return 0
	}
	return d/2 + rand.N(d-d/2+1)
}

// delay returns the wait after failed attempt n, which got the answer of the
// given status and header at time now. Retry-After (seconds or an HTTP date)
// wins; a 429 may instead carry Auth0's X-RateLimit-Reset, the Unix second
// at which the rate limit resets. That header comes with every Auth0 answer,
// so it is not consulted for other statuses, and a reset time already past
// (a skewed clock) falls back to backoff rather than retrying at once.
func (p RetryPolicy) delay(n, status int, header http.Header, now time.Time) time.Duration {
	if d, ok := retryAfter(header.Get("Retry-After"), now); ok {
		return p.capped(d)
	}
	if status == http.StatusTooManyRequests {
		if secs, err := strconv.ParseInt(header.Get("X-RateLimit-Reset"), 10, 64); err == nil {
			if d := time.Unix(secs, 0).Sub(now); d > 0 {
				return p.capped(d)
			}
		}
	}
	return p.backoff(n)
}

// capped limits d to [0, MaxDelay].
func (p RetryPolicy) capped(d time.Duration) time.Duration {
	if p.MaxDelay > 0 && d > p.MaxDelay {
		d = p.MaxDelay
	}
	return max(d, 0)
}

// retryAfter parses a Retry-After value: delay seconds or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		return time.Duration(min(secs, int64(math.MaxInt64/time.Second))) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return t.Sub(now), true
	}
	return 0, false
}

// transport sends the requests of one client.
type transport struct {
	base *url.URL
	opts clientOptions
	// credentials holds every scheme's credential, in scheme order: what a
	// request carries when its operation names no alternative the client
	// holds.
	credentials []credential
	// keepRedirects is opts.httpClient, but returning a redirect instead
	// of following it: for the operations whose answer is one.
	keepRedirects *http.Client
}

// newTransport checks baseURL, which must be an absolute http or https URL
// without query or fragment, and applies opts over the defaults.
func newTransport(baseURL string, opts []Option) (*transport, error) {
	base, err := url.Parse(baseURL)
	if err != nil {
		var urlErr *url.Error
		if errors.As(err, &urlErr) {
			err = urlErr.Err // its message repeats the URL
		}
		return nil, fmt.Errorf("invalid base URL %q: %w", baseURL, err)
	}
	switch {
	case (base.Scheme != "http" && base.Scheme != "https") || base.Host == "":
		return nil, fmt.Errorf("invalid base URL %q: want an absolute http or https URL", baseURL)
	case base.RawQuery != "" || base.ForceQuery || base.Fragment != "":
		return nil, fmt.Errorf("invalid base URL %q: must not have a query or fragment", baseURL)
	}
	t := &transport{base: base, opts: clientOptions{
		httpClient: &http.Client{},
		userAgent:  "oasgen-client",
		retry:      DefaultRetryPolicy,
	}}
	for _, opt := range opts {
		if opt != nil {
			opt(&t.opts)
		}
	}
	for _, scheme := range slices.Sorted(maps.Keys(t.opts.credentials)) {
		t.credentials = append(t.credentials, t.opts.credentials[scheme])
	}
	keep := *t.opts.httpClient
	keep.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	t.keepRedirects = &keep
	return t, nil
}

// request is one call as the generated method built it.
type request struct {
	operation   string     // operationId, named in errors
	method      string     // such as http.MethodGet
	path        string     // expanded and escaped, e.g. "/client-grants/abc"; appended to the base URL's path ("/api/v2")
	query       url.Values // nil or empty = no query string
	header      http.Header
	cookies     []*http.Cookie
	body        []byte // nil = no body
	contentType string // Content-Type when body != nil
	accept      string // the Accept header; "" = application/json
	// redirect is set for an operation whose answer is a redirect (a
	// download's 302 with its Location): it is returned, not followed.
	redirect bool
	// reserved names the query parameters whose values keep the reserved
	// characters a query allows as they are (allowReserved).
	reserved []string
	// security lists the operation's alternatives, each the names of its
	// schemes ("" for a bearer token); nil sends every credential held.
	security [][]string
}

// response is a 2xx answer (or the redirect a request asked for), read in
// full.
type response struct {
	status int
	header http.Header
	body   []byte
}

// maxResponseBytes bounds how much of an answer is read into memory.
const maxResponseBytes = 32 << 20

// do sends r with authentication, headers and retries, and returns the 2xx
// answer, or the redirect r asks for. Any other final answer becomes
// *APIError; any other failure is wrapped with the operation, method and
// URL.
func (t *transport) do(ctx context.Context, r *request) (*response, error) {
	creds, bearer := t.credentialsFor(r)
	target, err := t.target(r, creds)
	if err != nil {
		return nil, fmt.Errorf("%s: %s %s: %w", r.operation, r.method, r.path, err)
	}
	if link, _ := ctx.Value(pageLinkKey{}).(string); link != "" {
		if target, err = t.follow(target, link, creds); err != nil {
			return nil, fmt.Errorf("%s: %s %s: %w", r.operation, r.method, link, err)
		}
	}
	attempts := max(t.opts.retry.MaxAttempts, 1)
	for n := 1; ; n++ {
		token := ""
		if bearer {
			token, err = t.token(ctx)
			if err != nil {
				return nil, fmt.Errorf("%s: %s %s: getting the bearer token: %w", r.operation, r.method, target.Redacted(), err)
			}
		}
		resp, err := t.attempt(ctx, r, target, token, creds)
		last := n >= attempts || ctx.Err() != nil
		var wait time.Duration
		switch {
		case err != nil:
			if last || !idempotent(r.method) || !transient(err) {
				return nil, transportError(r, target, n, err)
			}
			wait = t.opts.retry.backoff(n)
		case resp.status >= 200 && resp.status < 300 || r.redirect && isRedirect(resp.status):
			return resp, nil
		default:
			if last || !retryable(r.method, resp.status) {
				return nil, newAPIError(r, target, resp)
			}
			wait = t.opts.retry.delay(n, resp.status, resp.header, time.Now())
		}
		if err := sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("%s: %s %s: waiting to retry: %w", r.operation, r.method, target.Redacted(), err)
		}
	}
}

// isRedirect reports whether status is a redirect to another URL (304 Not
// Modified is not).
func isRedirect(status int) bool {
	return status >= 300 && status < 400 && status != http.StatusNotModified
}

// credentialsFor returns the credentials r carries and whether the bearer
// token goes too: those of the first alternative of r's operation that the
// client holds every credential of, or, when it holds none whole (or the
// operation names none), every credential and the token.
func (t *transport) credentialsFor(r *request) ([]credential, bool) {
	for _, alt := range r.security {
		var creds []credential
		bearer, held := false, len(alt) > 0
		for _, scheme := range alt {
			if scheme == "" {
				bearer, held = true, held && t.opts.token != nil
				continue
			}
			c, ok := t.opts.credentials[scheme]
			if !ok {
				held = false
				break
			}
			creds = append(creds, c)
		}
		if held {
			return creds, bearer
		}
	}
	return t.credentials, true
}

// pageLinkKey keys the link to the next page of a list (Azure's nextLink)
// in the context that an …All iterator passes to the list's method, so
// that the page is asked for with the method's checks, credentials and
// decoding, at the URL the server gave.
type pageLinkKey struct{}

// withPageLink returns ctx carrying link, or ctx itself for no link.
func withPageLink(ctx context.Context, link string) context.Context {
	if link == "" {
		return ctx
	}
	return context.WithValue(ctx, pageLinkKey{}, link)
}

// isPageURL reports whether next, a list's answer that is either a cursor
// or the next page's URL (Django REST framework's next is the URL), is a
// URL: an absolute one, http or https. A cursor is opaque text that never
// starts so.
func isPageURL(next string) bool {
	scheme, _, ok := strings.Cut(next, "://")
	return ok && (strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "http"))
}

// nextLinkHeader is the target of the link whose relation is next in v,
// the value of a Link header (RFC 8288), as GitHub writes it:
//
//	<https://api.github.com/users?since=46>; rel="next", <https://api.github.com/users{?since}>; rel="first"
//
// It is "" when v links no next page, or does not parse.
func nextLinkHeader(v string) string {
	token := func(s string) int {
		if i := strings.IndexAny(s, "=;, \t"); i >= 0 {
			return i
		}
		return len(s)
	}
	for {
		v = strings.TrimLeft(v, " \t,")
		end := strings.IndexByte(v, '>')
		if !strings.HasPrefix(v, "<") || end < 0 {
			return ""
		}
		target, next := v[1:end], false
		v = strings.TrimLeft(v[end+1:], " \t")
		for strings.HasPrefix(v, ";") {
			v = strings.TrimLeft(v[1:], " \t")
			name := v[:token(v)]
			v = strings.TrimLeft(v[len(name):], " \t")
			value := ""
			if strings.HasPrefix(v, "=") {
				v = strings.TrimLeft(v[1:], " \t")
				if strings.HasPrefix(v, `"`) {
					var b strings.Builder
					i := 1
					for ; i < len(v) && v[i] != '"'; i++ {
						if v[i] == '\\' && i+1 < len(v) {
							i++
						}
						b.WriteByte(v[i])
					}
					if i == len(v) {
						return "" // the quotes are not closed
					}
					value, v = b.String(), v[i+1:]
				} else {
					value, v = v[:token(v)], v[token(v):]
				}
			}
			if strings.EqualFold(name, "rel") && slices.ContainsFunc(strings.Fields(value), func(rel string) bool { return strings.EqualFold(rel, "next") }) {
				next = true
			}
			v = strings.TrimLeft(v, " \t")
		}
		if next {
			return target
		}
		if v != "" && !strings.HasPrefix(v, ",") {
			return ""
		}
	}
}

// onOrigin reports whether link u is on base's scheme, host and port,
// which a host in another case or a port written out (https://h:443) still
// is. A link written http:// on an https:// API's own host and port, as a
// proxy that forgets the scheme writes Django's links, is taken as https
// and u changed so: the credentials never go over plain HTTP.
func onOrigin(u, base *url.URL) bool {
	port := func(u *url.URL) string {
		switch {
		case u.Port() != "":
			return u.Port()
		case u.Scheme == "http":
			return "80"
		case u.Scheme == "https":
			return "443"
		}
		return ""
	}
	if !strings.EqualFold(u.Hostname(), base.Hostname()) {
		return false
	}
	if u.Scheme == "http" && base.Scheme == "https" && (u.Port() == "" || u.Port() == port(base)) {
		u.Scheme = "https"
	}
	return u.Scheme == base.Scheme && port(u) == port(base)
}

// follow returns the URL of a next-page link, resolved against target,
// the URL the operation's own request goes to. The link's query stays as
// the server wrote it, with the client's query parameters and the query
// credentials in creds that it lacks added. A link to another scheme or
// host is refused: the credentials would go with it.
func (t *transport) follow(target *url.URL, link string, creds []credential) (*url.URL, error) {
	u, err := target.Parse(link)
	if err != nil {
		return nil, fmt.Errorf("the next page's link does not parse: %w", err)
	}
	if !onOrigin(u, t.base) {
		return nil, fmt.Errorf("the next page's link leaves %s://%s, so it is not followed", t.base.Scheme, t.base.Host)
	}
	has := u.Query()
	extra := url.Values{}
	for k, vs := range t.withDefaults(nil, creds) {
		if _, ok := has[k]; !ok {
			extra[k] = vs
		}
	}
	if len(extra) > 0 {
		if u.RawQuery != "" {
			u.RawQuery += "&"
		}
		u.RawQuery += extra.Encode()
	}
	return u, nil
}

// target returns the URL of r: the base URL's path, r.path, and the query,
// with the client's query parameters and the query credentials in creds.
// r.path keeps its escaping, so an escaped slash in a path parameter stays
// part of that parameter.
func (t *transport) target(r *request, creds []credential) (*url.URL, error) {
	p := strings.TrimRight(t.base.EscapedPath(), "/")
	if r.path != "" && !strings.HasPrefix(r.path, "/") {
		p += "/"
	}
	p += r.path
	unescaped, err := url.PathUnescape(p)
	if err != nil {
		return nil, err
	}
	u := *t.base
	u.Path, u.RawPath = unescaped, p
	u.RawQuery = encodeQuery(t.withDefaults(r.query, creds), r.reserved)
	return &u, nil
}

// withDefaults returns query with the client's query parameters and the
// query credentials in creds added where query gives no value of its own;
// query itself when there are none to add.
func (t *transport) withDefaults(query url.Values, creds []credential) url.Values {
	if len(t.opts.query) == 0 && len(creds) == 0 {
		return query
	}
	all := make(url.Values, len(query)+len(t.opts.query)+len(creds))
	for k, vs := range query {
		all[k] = vs
	}
	for k, vs := range t.opts.query {
		if !given(query[k]) {
			all[k] = vs
		}
	}
	for _, c := range creds {
		if c.in == "query" && !given(query[c.name]) {
			all.Set(c.name, c.value)
		}
	}
	return all
}

// encodeQuery is query.Encode, except that the values of the keys in
// reserved keep the reserved characters a query allows (see reservedText).
func encodeQuery(query url.Values, reserved []string) string {
	if len(reserved) == 0 {
		return query.Encode()
	}
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(query)) {
		escape := url.QueryEscape
		if slices.Contains(reserved, k) {
			escape = reservedText
		}
		for _, v := range query[k] {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(url.QueryEscape(k) + "=" + escape(v))
		}
	}
	return b.String()
}

// given reports whether an operation's own parameter holds a value that
// is not empty: such a value wins over the client's of the same name.
func given(values []string) bool {
	return slices.ContainsFunc(values, func(v string) bool { return v != "" })
}

// token returns the bearer token for the next attempt, or "" for none.
func (t *transport) token(ctx context.Context) (string, error) {
	if t.opts.token == nil {
		return "", nil
	}
	return t.opts.token(ctx)
}

// attempt sends r once and reads the whole answer, within the per-attempt
// timeout when there is one.
func (t *transport) attempt(ctx context.Context, r *request, target *url.URL, token string, creds []credential) (*response, error) {
	if t.opts.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, t.opts.timeout)
		defer cancel()
	}
	req, err := t.newRequest(ctx, r, target, token, creds)
	if err != nil {
		return nil, err
	}
	client := t.opts.httpClient
	if r.redirect {
		client = t.keepRedirects
	}
	res, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	body, err := readBody(res.Body, maxResponseBytes)
	if err != nil {
		return nil, fmt.Errorf("reading the %d response: %w", res.StatusCode, err)
	}
	return &response{status: res.StatusCode, header: res.Header, body: body}, nil
}

// newRequest builds the HTTP request of one attempt. Each attempt reads the
// body afresh from r.body; http.NewRequest sets ContentLength and GetBody
// for a *bytes.Reader, so redirects can resend it too.
func (t *transport) newRequest(ctx context.Context, r *request, target *url.URL, token string, creds []credential) (*http.Request, error) {
	var body io.Reader
	if r.body != nil {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, target.String(), body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", t.opts.userAgent)
	accept := r.accept
	if accept == "" {
		accept = "application/json"
	}
	req.Header.Set("Accept", accept)
	for k, vs := range t.opts.header {
		req.Header[k] = append([]string(nil), vs...)
	}
	for _, c := range creds {
		if c.in == "header" {
			req.Header.Set(c.name, c.value)
		}
	}
	for k, vs := range r.header {
		if !given(vs) && req.Header.Get(k) != "" {
			continue // an empty parameter gives way, as in the query
		}
		req.Header[k] = append([]string(nil), vs...)
	}
	if r.body != nil && r.contentType != "" {
		req.Header.Set("Content-Type", r.contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for _, c := range creds {
		if c.in == "cookie" && !slices.ContainsFunc(r.cookies, func(own *http.Cookie) bool { return own.Name == c.name && own.Value != "" }) {
			req.AddCookie(&http.Cookie{Name: c.name, Value: c.value})
		}
	}
	for _, c := range r.cookies {
		if _, err := req.Cookie(c.Name); c.Value == "" && err == nil {
			continue // an empty parameter gives way, as in the query
		}
		req.AddCookie(c)
	}
	return req, nil
}

// readBody reads a whole answer, refusing one above limit bytes rather
// than holding an unbounded amount in memory.
func readBody(r io.Reader, limit int) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, err
	}
	if len(body) > limit {
		return nil, fmt.Errorf("body exceeds the %s limit", byteSize(limit))
	}
	return body, nil
}

// byteSize renders n bytes as "32 MiB" when it is a whole number of MiB.
func byteSize(n int) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return strconv.Itoa(n>>20) + " MiB"
	}
	return strconv.Itoa(n) + " bytes"
}

// idempotent reports whether sending a request with method twice has the
// same effect as sending it once, so that it may be retried after a failure
// that leaves unknown whether the server acted on it.
func idempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

// retryable reports whether an answer with status is worth another attempt.
// A 429 means the request was not processed, so any method may be retried; a
// 5xx may have come after the server acted, so only idempotent methods are.
// 501 and 505 say the server does not support the request, which no retry
// changes.
func retryable(method string, status int) bool {
	switch {
	case status == http.StatusTooManyRequests:
		return true
	case status == http.StatusNotImplemented || status == http.StatusHTTPVersionNotSupported:
		return false
	case status >= 500 && status < 600:
		return idempotent(method)
	}
	return false
}

// transient reports whether err, from one attempt, is a failure another
// attempt may not meet: the per-attempt timeout, a connection refused or
// reset, or an answer cut short. The caller's own context is checked apart.
func transient(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return true
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return dnsErr.IsTimeout || dnsErr.IsTemporary // not an unknown host
	}
	var opErr *net.OpError
	return errors.As(err, &opErr)
}

// transportError wraps the failure of the last attempt. The *url.Error that
// http.Client returns is unwrapped, as its message repeats method and URL.
func transportError(r *request, target *url.URL, attempts int, err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		err = urlErr.Err
	}
	if attempts > 1 {
		return fmt.Errorf("%s: %s %s: %w (after %d attempts)", r.operation, r.method, target.Redacted(), err, attempts)
	}
	return fmt.Errorf("%s: %s %s: %w", r.operation, r.method, target.Redacted(), err)
}

// sleep waits for d, returning early with ctx.Err() when ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}

// APIError is a non-2xx answer. Use errors.As to reach it, or IsNotFound and
// its siblings to test the status.
type APIError struct {
	Operation  string // operationId
	Method     string
	URL        string // with any password in it redacted
	StatusCode int
	Header     http.Header
	Body       []byte // raw body

	// Decoded from a JSON body of the Auth0 shape
	// {"statusCode":…,"error":…,"message":…,"errorCode":…} when present.
	ErrorName string // the "error" field, such as "Not Found"
	Message   string
	ErrorCode string
}

// newAPIError describes the non-2xx answer resp to r.
func newAPIError(r *request, target *url.URL, resp *response) *APIError {
	e := &APIError{
		Operation:  r.operation,
		Method:     r.method,
		URL:        target.Redacted(),
		StatusCode: resp.status,
		Header:     resp.header,
		Body:       resp.body,
	}
	if b := bytes.TrimLeft(resp.body, " \t\r\n"); len(b) > 0 && b[0] == '{' {
		var fields struct {
			Error     string `json:"error"`
			Message   string `json:"message"`
			ErrorCode string `json:"errorCode"`
		}
		// A field of another type is skipped and the rest still decoded;
		// a body that is not JSON at all leaves every field empty.
		_ = json.Unmarshal(b, &fields)
		e.ErrorName, e.Message, e.ErrorCode = fields.Error, fields.Message, fields.ErrorCode
	}
	return e
}

// errorBodyPrefix bounds how much of an undecoded body Error quotes.
const errorBodyPrefix = 200

// Error describes the answer on one line, such as `get_client-grant: GET
// https://h/api/v2/client-grants/x: 404 Not Found: The grant does not exist
// (errorCode inexistent_client_grant)`. Without a decoded Auth0 error it ends
// with the start of the raw body instead.
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s %s: %d", e.Operation, e.Method, e.URL, e.StatusCode)
	name := e.ErrorName
	if name == "" {
		name = http.StatusText(e.StatusCode)
	}
	if name != "" {
		b.WriteString(" " + name)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if e.ErrorCode != "" {
		b.WriteString(" (errorCode " + e.ErrorCode + ")")
	}
	if e.ErrorName == "" && e.Message == "" && e.ErrorCode == "" {
		if s := bodyPrefix(e.Body); s != "" {
			b.WriteString(": " + s)
		}
	}
	return b.String()
}

// bodyPrefix returns the start of body as one line of valid UTF-8, white
// space collapsed, ending in "…" when cut short.
func bodyPrefix(body []byte) string {
	const scan = 4 * errorBodyPrefix // enough for the prefix unless mostly white space
	cut := len(body) > scan
	s := strings.ToValidUTF8(string(body[:min(len(body), scan)]), "\uFFFD")
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return ""
	}
	if len(s) > errorBodyPrefix {
		n := errorBodyPrefix
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s, cut = s[:n], true
	}
	if cut {
		s += "…"
	}
	return s
}

// IsNotFound reports whether err is, or wraps, an *APIError with status 404.
func IsNotFound(err error) bool { return hasStatus(err, http.StatusNotFound) }

// IsUnauthorized reports whether err is, or wraps, an *APIError with status 401.
func IsUnauthorized(err error) bool { return hasStatus(err, http.StatusUnauthorized) }

// IsForbidden reports whether err is, or wraps, an *APIError with status 403.
func IsForbidden(err error) bool { return hasStatus(err, http.StatusForbidden) }

// IsConflict reports whether err is, or wraps, an *APIError with status 409.
func IsConflict(err error) bool { return hasStatus(err, http.StatusConflict) }

// IsRateLimited reports whether err is, or wraps, an *APIError with status
// 429, as a call does once its retries are spent.
func IsRateLimited(err error) bool { return hasStatus(err, http.StatusTooManyRequests) }

// hasStatus reports whether err is, or wraps, an *APIError with status.
func hasStatus(err error, status int) bool {
	var e *APIError
	return errors.As(err, &e) && e.StatusCode == status
}

// decodeResponse decodes the JSON body of resp into v. An answer that
// cannot have a body (204, 304) leaves v as it is, even where the spec
// gives it one: AWS's specs declare a JSON body on 204 Success.
func decodeResponse(operation string, resp *response, v any) error {
	if resp.status == http.StatusNoContent || resp.status == http.StatusNotModified {
		return nil
	}
	var err error
	if dv, ok := v.(jsonDecodable); ok {
		err = decodeAll(newBodyReader(resp.body, nil), dv)
	} else {
		err = json.Unmarshal(resp.body, v)
	}
	if err != nil {
		return fmt.Errorf("%s: decoding the %d response: %w", operation, resp.status, err)
	}
	return nil
}
