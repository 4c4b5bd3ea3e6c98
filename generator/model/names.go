package model

import (
	"go/token"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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
	b.Grow(len(s) + 1)
	for _, w := range words(s) {
		lower := strings.ToLower(w)
		switch {
		case initialisms[lower]:
			b.WriteString(strings.ToUpper(lower))
		case strings.HasSuffix(lower, "s") && initialisms[lower[:len(lower)-1]]:
			b.WriteString(strings.ToUpper(lower[:len(lower)-1]) + "s")
		default:
			first, size := utf8.DecodeRuneInString(w)
			b.WriteRune(unicode.ToUpper(first))
			b.WriteString(w[size:])
		}
	}
	name := b.String()
	if name == "" {
		return "Empty"
	}
	if r, _ := utf8.DecodeRuneInString(name); unicode.IsDigit(r) || !unicode.IsUpper(r) {
		name = "X" + name
	}
	return name
}

// words splits a name at anything that is not a letter or digit, at lower →
// upper changes (clientId), and before the last capital of an upper-case run
// followed by lower case (HTTPServer → HTTP Server).
func words(s string) []string {
	var out []string
	start := -1 // where the word being read starts, -1 between words
	var prev rune
	for i, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			continue
		}
		if start >= 0 && unicode.IsUpper(r) {
			// An upper-case run followed by lower case gives its last capital
			// to the next word (HTTPServer), unless the lower case is a
			// plural s that ends the word (URLs, IDs).
			end := i + utf8.RuneLen(r)
			next, size := utf8.DecodeRuneInString(s[end:])
			after, _ := utf8.DecodeRuneInString(s[end+size:])
			nextLower := size > 0 && unicode.IsLower(next) &&
				!(next == 's' && (end+size == len(s) || !unicode.IsLower(after)))
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				out = append(out, s[start:i])
				start = i
			}
		}
		if start < 0 {
			start = i
		}
		prev = r
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
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

// argName is the argument name of a path parameter whose GoName is given:
// ParamName's lower camel case, with "_" added when that would shadow a
// name the generated functions use, the package's own identifiers
// included (b.opts.Reserved lists the runtime's).
func (b *builder) argName(goName string) string {
	name := lowerFirst(goName)
	if generatedLocals[name] || importedPackages[name] || predeclared[name] || slices.Contains(b.opts.Reserved, name) || generatedFamily.MatchString(name) {
		name += "_"
	}
	return name
}

// generatedLocals are the variables that generated client methods, pagers
// and server handlers declare next to path parameters.
var generatedLocals = setOf("_", "s", "w", "r", "c", "p", "fp", "kp", "ip", "h", "t", "k", "i", "v", "x", "ok", "it", "yield",
	"ctx", "err", "body", "params", "query", "data", "form", "resp", "req", "result", "before", "text", "values",
	"item", "items", "next", "zero", "herr", "alt", "base", "rejected", "mediaType", "mux", "total", "checkpoint",
	"perPage", "offset", "page", "operation", "header", "headers", "status", "ct")

// importedPackages are the packages generated code may import, by name.
var importedPackages = setOf("bytes", "context", "json", "errors", "fmt", "io", "iter", "slog", "math", "mime", "multipart",
	"net", "http", "mail", "netip", "url", "regexp", "debug", "slices", "strconv", "strings", "sync", "time", "utf8", "base64", "sort")

// generatedFamily matches the package-level names emit derives from the
// spec's: patterns (pattern1, clientPattern1, serverPattern1), operations
// (opGetThing), union tables (variantsThing), known-field sets
// (knownThingField), the server.
var generatedFamily = regexp.MustCompile(`^((pattern|clientPattern|serverPattern)[0-9]+|(op|variants|known)[A-Z].*|server|requirement)$`)

func setOf(names ...string) map[string]bool {
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	return set
}

// predeclared names that a parameter must not shadow.
var predeclared = setOf("any", "bool", "byte", "comparable", "complex64", "complex128", "error", "float32", "float64",
	"int", "int8", "int16", "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
	"true", "false", "iota", "nil",
	"append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max", "min", "new", "panic",
	"print", "println", "real", "recover",
	"ctx", "c", "params", "body", "req", "resp", "err")

// vetMethods are the method names whose signatures go vet holds to those
// of well-known interfaces (json.Marshaler, io.ByteReader, gob.GobEncoder
// and the like) whatever the receiver: an operation, a security scheme or
// a union variant that took one would make a method that does not vet, so
// it gets a number instead (MarshalJSON2). Scan, Seek, Format, ReadFrom and
// WriteTo are held to theirs only with their first argument's type, and
// Is, As and Unwrap only on an error, so they stay free.
var vetMethods = []string{"GobDecode", "GobEncode", "MarshalJSON", "MarshalXML", "ReadByte", "ReadRune", "UnmarshalJSON", "UnmarshalXML", "UnreadByte", "UnreadRune", "WriteByte"}

// namespace hands out names that are unique within one scope, adding a
// number to a name already taken: Foo, Foo2, Foo3.
type namespace struct {
	taken    map[string]bool
	reserved map[string]bool // taken before any name was claimed
}

func newNamespace(reserved ...string) *namespace {
	ns := &namespace{taken: make(map[string]bool), reserved: make(map[string]bool)}
	for _, r := range reserved {
		ns.taken[r] = true
		ns.reserved[r] = true
	}
	return ns
}

// claimSchema is claim for the type of a component schema. A schema named
// as something the runtime or the generated client and server declare
// (Error, Operation, Client: 39, 35 and 1 of 354 real specs) gets Schema
// after its name rather than a number, since ErrorSchema says which Error
// it is and Error2 does not; unless another schema's name is that one
// (wanted holds the names the schemas ask for), which it is left to.
func (ns *namespace) claimSchema(base string, wanted map[string]bool) string {
	if ns.reserved[base] && !wanted[base+"Schema"] {
		base += "Schema"
	}
	return ns.claim(base)
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
