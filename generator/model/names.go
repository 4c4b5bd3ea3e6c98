package model

import (
	"go/token"
	"strconv"
	"strings"
	"unicode"
)

// initialisms are written in upper case in Go names, as golint taught.
var initialisms = map[string]bool{
	"acl": true, "api": true, "ascii": true, "cpu": true, "css": true, "dns": true,
	"eof": true, "guid": true, "html": true, "http": true, "https": true, "id": true,
	"ip": true, "json": true, "jwt": true, "mfa": true, "oidc": true, "qps": true,
	"ram": true, "rpc": true, "saml": true, "sla": true, "smtp": true, "sms": true,
	"sql": true, "ssh": true, "sso": true, "tcp": true, "tls": true, "ttl": true,
	"udp": true, "ui": true, "uid": true, "uri": true, "url": true, "utf8": true,
	"uuid": true, "vm": true, "xml": true, "xmpp": true, "xsrf": true, "xss": true,
}

// GoName turns any spec name into an exported Go identifier: words are split
// at punctuation and case changes, capitalised, and initialisms upper-cased
// (client_id → ClientID, logo_url → LogoURL). A name that would start with a
// digit gets an X in front; a name with no letters or digits becomes "Empty".
func GoName(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
		lower := strings.ToLower(w)
		switch {
		case initialisms[lower]:
			b.WriteString(strings.ToUpper(lower))
		case strings.HasSuffix(lower, "s") && initialisms[lower[:len(lower)-1]]:
			b.WriteString(strings.ToUpper(lower[:len(lower)-1]) + "s")
		default:
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			b.WriteString(string(r))
		}
	}
	name := b.String()
	if name == "" {
		return "Empty"
	}
	if r := []rune(name)[0]; unicode.IsDigit(r) || !unicode.IsUpper(r) {
		name = "X" + name
	}
	return name
}

// words splits a name at anything that is not a letter or digit, at lower →
// upper changes (clientId), and before the last capital of an upper-case run
// followed by lower case (HTTPServer → HTTP Server).
func words(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if len(cur) > 0 && unicode.IsUpper(r) {
			prev := cur[len(cur)-1]
			// An upper-case run followed by lower case gives its last capital
			// to the next word (HTTPServer), unless the lower case is a
			// plural s that ends the word (URLs, IDs).
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1]) &&
				!(rs[i+1] == 's' && (i+2 == len(rs) || !unicode.IsLower(rs[i+2])))
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

// ParamName turns a spec name into a Go parameter name: tenantDomain,
// clientID, id; keywords and names the generated code uses get a trailing
// underscore.
func ParamName(s string) string { return lowerFirst(GoName(s)) }

// lowerFirst returns a Go name with its first word lower-cased, for
// unexported identifiers and parameters: ClientID → clientID, URL → url.
func lowerFirst(name string) string {
	ws := words(name)
	if len(ws) == 0 {
		return "v"
	}
	first := ws[0]
	if upper := strings.TrimSuffix(first, "s"); strings.ToUpper(upper) == upper {
		first = strings.ToLower(first)
	} else {
		r := []rune(first)
		r[0] = unicode.ToLower(r[0])
		first = string(r)
	}
	out := first + strings.TrimPrefix(name, ws[0])
	if token.IsKeyword(out) || predeclared[out] {
		out += "_"
	}
	return out
}

// predeclared names that a parameter must not shadow.
var predeclared = map[string]bool{
	"any": true, "bool": true, "byte": true, "error": true, "string": true, "int": true, "int64": true,
	"int32": true, "float64": true, "float32": true, "len": true, "cap": true, "new": true, "make": true,
	"append": true, "copy": true, "delete": true, "nil": true, "true": true, "false": true, "iota": true,
	"ctx": true, "c": true, "params": true, "body": true, "req": true, "resp": true, "err": true,
}

// namespace hands out names that are unique within one scope, adding a
// number to a name already taken: Foo, Foo2, Foo3.
type namespace struct {
	taken map[string]bool
}

func newNamespace(reserved ...string) *namespace {
	ns := &namespace{taken: make(map[string]bool)}
	for _, r := range reserved {
		ns.taken[r] = true
	}
	return ns
}

// claim returns base, or base with the smallest number that makes it free.
func (ns *namespace) claim(base string) string {
	name := base
	for i := 2; ns.taken[name]; i++ {
		name = base + strconv.Itoa(i)
	}
	ns.taken[name] = true
	return name
}
