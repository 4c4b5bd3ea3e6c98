package model

import (
	"cmp"
	"fmt"
	"go/token"
	"slices"
	"strings"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/generator/load"
)

// Options tune how the model is built.
type Options struct {
	// Reserved lists package-level identifiers already taken (by the
	// runtime support copied into every generated package); generated names
	// steer clear of them.
	Reserved []string
	// TypeNames renames schemas (component name → Go type name); the
	// schema's own x-go-name does the same from inside the spec.
	TypeNames map[string]string
	// MethodNames renames operations (operationId → Go method name); the
	// operation's own x-go-name does the same from inside the spec.
	MethodNames map[string]string
	// Server says the server stubs are generated, so that what they leave
	// out is warned about.
	Server bool
	// Include selects the operations to generate; the zero value selects
	// all of them.
	Include Include
}

// fixedNames are the identifiers every generated client and server
// declares; schemas and other generated names keep clear of them.
var fixedNames = []string{"Client", "NewClient", "ServerURL", "DefaultServerURL", "Handler", "SecurityHandler", "NewServer", "WithSecurity"}

// builder carries the state of one Build call.
type builder struct {
	doc   *load.Document
	api   *API
	names *namespace // package-level Go identifiers
	// types maps each schema that became a named type to that type, so a
	// schema reached twice (through $refs) is declared once.
	types map[*openapi3.Schema]*Type
	// components maps component schema names to their types.
	componentTypes map[string]*Type
	// errs collects fatal problems; Build reports the first by position.
	errs []*load.Error
	opts Options
	// linted marks the schemas lintSchema has warned about.
	linted map[*openapi3.Schema]bool
	// parts holds what objectParts found for each schema, since allOfs
	// that share members would otherwise be read once per path to them.
	parts map[*openapi3.Schema]objectPartsOf
	// unions lists the unions declared, for finishUnion.
	unions []declaredUnion
	// included names the component schemas the selected operations reach,
	// when opts.Include selects some; nil means every component.
	included map[string]bool
	// ignoredHeaders lists where the header parameters left out (see
	// ignoredHeader) are declared, for one warning.
	ignoredHeaders []Pos
	// framingHeaders lists where those of framingHeader are declared.
	framingHeaders []Pos
	// literalPatterns lists the patterns written with a regular expression
	// literal's slashes (see stripDelimiters), for one warning.
	literalPatterns []literalPattern
	// sharedKeys lists the operations whose query keys two parameters
	// send (see checkSpreadKeys), for one warning.
	sharedKeys []operationNote
	// credentialClashes lists the operations whose security asks for
	// credentials that one header cannot carry together (see
	// checkCredentialClash), for one warning.
	credentialClashes []operationNote
}

// operationNote is what an operation does wrong of one kind, the first
// such thing in it, to be warned about once for every operation.
type operationNote struct {
	pos  Pos
	text string
}

// literalPattern is a pattern written as /.../ and where it is.
type literalPattern struct {
	pos            Pos
	written, inner string
}

// Build turns a loaded document into the IR.
func Build(doc *load.Document, opts Options) (*API, error) {
	spec := doc.Spec
	b := &builder{
		doc:            doc,
		api:            &API{},
		names:          newNamespace(append(slices.Clone(opts.Reserved), fixedNames...)...),
		types:          make(map[*openapi3.Schema]*Type),
		componentTypes: make(map[string]*Type),
		opts:           opts,
		linted:         make(map[*openapi3.Schema]bool),
	}
	b.api.Warnings = append(b.api.Warnings, doc.Skipped...)
	if spec.Info != nil {
		b.api.Title = strings.TrimSpace(spec.Info.Title)
		b.api.Version = spec.Info.Version
		b.api.Description = plainText(spec.Info.Description)
	}
	if b.api.Title == "" {
		// The docs name the API by its title (load lets an empty one
		// through: real specs have them).
		b.api.Title = "the API"
		if spec.Info != nil {
			b.warn(b.doc.Origin(spec.Info.Origin), "info has no title; the generated docs call it %q", b.api.Title)
		}
	}
	if err := unknownRenames(spec, opts); err != nil {
		return nil, err
	}
	if !opts.Include.All() {
		included, err := includedComponents(spec, opts.Include)
		if err != nil {
			return nil, err
		}
		b.included = included
		b.api.Include = opts.Include
	}
	b.servers()
	b.securitySchemes()
	b.components()
	b.operations()
	for _, u := range b.unions {
		describeVariants(u.t)
	}
	for _, u := range b.unions {
		b.finishUnion(u)
	}
	if len(b.ignoredHeaders) > 0 {
		b.warn(b.ignoredHeaders[0], "header parameters named Accept, Content-Type or Accept-Encoding are ignored (%d of them): the client and the server set and read those headers from the bodies and answers each operation declares, and Go's transport asks for gzip and unzips it itself", len(b.ignoredHeaders))
	}
	if len(b.framingHeaders) > 0 {
		b.warn(b.framingHeaders[0], "header parameters named Content-Length, Transfer-Encoding, Host or Trailer are ignored (%d of them): Go's transport writes those headers from the request itself and drops them when a request sets them", len(b.framingHeaders))
	}
	b.warnOperations(b.sharedKeys)
	b.warnOperations(b.credentialClashes)
	if lp := b.literalPatterns; len(lp) > 0 {
		// A schema's constraints are read again where an allOf merges it.
		slices.SortStableFunc(lp, func(x, y literalPattern) int { return comparePos(x.pos, y.pos) })
		lp = slices.CompactFunc(lp, func(x, y literalPattern) bool { return x.pos == y.pos })
		more := ""
		if n := len(lp) - 1; n > 0 {
			more = fmt.Sprintf(" (and %d more %s written so)", n, plural(n, "pattern", "patterns"))
		}
		b.warn(lp[0].pos, "pattern %q is written as a JavaScript regular expression literal, whose slashes would make it match nothing; it is checked as %q%s", lp[0].written, lp[0].inner, more)
	}
	if names := sortedKeys(b.doc.Spec.Webhooks); len(names) > 0 {
		b.warn(b.doc.Origin(b.doc.Spec.Webhooks[names[0]].Origin), "webhooks (%s) are ignored: oasgen generates what calls the API and what serves it, not what receives its events", strings.Join(names, ", "))
	}
	b.groups()
	b.serverNames()
	b.credentialOptions()
	b.breakCycles()
	byPos := func(x, y *load.Error) int { return comparePos(x.Pos, y.Pos) }
	if len(b.errs) > 0 {
		slices.SortStableFunc(b.errs, byPos)
		return nil, b.errs[0]
	}
	b.shareShapes()
	markRecursive(b.api.Types)
	// Warnings come in the order the spec was read; a reader wants them
	// in the order of the file.
	slices.SortStableFunc(b.api.Warnings, byPos)
	slices.SortFunc(b.api.Types, func(x, y *Type) int { return strings.Compare(x.Name, y.Name) })
	return b.api, nil
}

// fail records a fatal problem in the spec.
func (b *builder) fail(pos Pos, format string, args ...any) {
	b.errs = append(b.errs, load.Errorf(pos, format, args...))
}

// warn records a construct that is generated in a simplified form.
func (b *builder) warn(pos Pos, format string, args ...any) {
	b.api.Warnings = append(b.api.Warnings, load.Errorf(pos, format, args...))
}

func (b *builder) servers() {
	for _, s := range b.doc.Spec.Servers {
		if s == nil || s.URL == "" {
			// No URL to default to (load lets an empty one through:
			// real specs have them); NewClient then needs a baseURL.
			continue
		}
		srv := &Server{URL: s.URL, Description: plainText(s.Description)}
		for _, name := range sortedKeys(s.Variables) {
			v := s.Variables[name]
			srv.Variables = append(srv.Variables, &ServerVariable{Name: name, Default: v.Default, Enum: v.Enum, Description: plainText(v.Description)})
		}
		b.api.Servers = append(b.api.Servers, srv)
	}
}

func (b *builder) securitySchemes() {
	if b.doc.Spec.Components == nil {
		return
	}
	methods := newNamespace(vetMethods...)
	for _, name := range sortedKeys(b.doc.Spec.Components.SecuritySchemes) {
		ref := b.doc.Spec.Components.SecuritySchemes[name]
		if ref == nil || ref.Value == nil {
			continue
		}
		s := ref.Value
		scheme := &SecurityScheme{Name: name, GoName: methods.claim(GoName(name)), Type: s.Type, Scheme: strings.ToLower(s.Scheme), BearerFormat: s.BearerFormat, In: s.In, ParamName: s.Name, Doc: plainText(s.Description)}
		if s.Flows != nil {
			seen := map[string]bool{}
			for _, f := range []*openapi3.OAuthFlow{s.Flows.Implicit, s.Flows.Password, s.Flows.ClientCredentials, s.Flows.AuthorizationCode} {
				if f == nil {
					continue
				}
				for scope := range f.Scopes {
					if !seen[scope] {
						seen[scope] = true
						scheme.Scopes = append(scheme.Scopes, scope)
					}
				}
			}
			slices.Sort(scheme.Scopes)
		}
		if s.Type == "apiKey" && (s.In == "header" || s.In == "cookie") && !isToken(s.Name) {
			b.warnToken(b.doc.Field(s.Origin, "name"), fmt.Sprintf("security scheme %q", name), s.In, s.Name)
		}
		b.api.SecuritySchemes = append(b.api.SecuritySchemes, scheme)
	}
}

// warnOperations gives notes, one per operation, one warning: the first,
// and how many operations more.
func (b *builder) warnOperations(notes []operationNote) {
	if len(notes) == 0 {
		return
	}
	more := ""
	if n := len(notes) - 1; n > 0 {
		more = fmt.Sprintf(" (and in %d more %s)", n, plural(n, "operation", "operations"))
	}
	b.warn(notes[0].pos, "%s%s", notes[0].text, more)
}

// warnToken warns that what names a header or cookie (in) with name, which
// is not an HTTP token: Go's client refuses to send such a header ("invalid
// header field name") and drops such a cookie, so whatever carries it
// fails. rapidapi's dynamicdocs names its API key header "ADVICEment API
// Key".
func (b *builder) warnToken(pos Pos, what, in, name string) {
	b.warn(pos, "%s: %s name %q is not a valid HTTP %s name (a token: letters, digits and !#$%%&'*+-.^_`|~); a request that carries it will fail", what, in, name, in)
}

// isToken reports whether name is an HTTP token (RFC 9110), as header
// field names and cookie names must be.
func isToken(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
		case strings.ContainsRune("!#$%&'*+-.^_`|~", r):
		default:
			return false
		}
	}
	return true
}

// credentialOptions names the client option of each scheme whose
// credential is not a bearer token: an API key (in a header, the query or
// a cookie), HTTP basic credentials, or those of another HTTP scheme
// (payone's payone-hmac-sha256, Airflow's negotiate). Without one a client
// could not send an API key in the query at all.
func (b *builder) credentialOptions() {
	for _, s := range b.api.SecuritySchemes {
		switch c := s.Credential(); {
		case c == BasicAuth, c == OtherHTTP,
			c == APIKey && s.ParamName != "" && (s.In == "header" || s.In == "query" || s.In == "cookie"):
			s.Option = b.names.claim("With" + s.GoName)
		}
	}
}

// components declares a named type for every component schema (each one
// the selected operations reach, when Options.Include selects some). Names
// are claimed for all of them first, so an inline schema never takes a
// name a component needs, and types are registered before their bodies
// are built, so recursive schemas refer to themselves.
func (b *builder) components() {
	if b.doc.Spec.Components == nil {
		return
	}
	schemas := b.doc.Spec.Components.Schemas
	names := sortedKeys(schemas)
	var declared []*Type
	var sources []*openapi3.SchemaRef
	for _, name := range names {
		ref := schemas[name]
		if ref == nil || ref.Value == nil || b.included != nil && !b.included[name] {
			continue
		}
		if goType, external := ref.Value.Extensions["x-go-type"]; external {
			// It stands for a Go type of the user's, which references use;
			// check it here too, in case nothing refers to it.
			if s, ok := goType.(string); ok {
				b.externalRef(b.doc.Field(ref.Value.Origin, "x-go-type"), s, false)
			} else {
				b.fail(b.doc.Field(ref.Value.Origin, "x-go-type"), "x-go-type must be a string naming a Go type")
			}
			continue
		}
		if other, dup := b.types[ref.Value]; dup {
			b.componentTypes[name] = other // an alias of another component: $ref: '#/components/schemas/Other'
			continue
		}
		// Nullability is known before any body is built, so references
		// from types declared earlier wrap it right. The name is the one
		// asked for until all are known, and then claimed.
		t := &Type{Name: b.typeName(name, ref.Value), Schema: name, Pos: b.doc.Origin(ref.Value.Origin), Nullable: nullable(ref.Value)}
		b.types[ref.Value] = t
		b.componentTypes[name] = t
		declared = append(declared, t)
		sources = append(sources, ref)
	}
	wanted := make(map[string]bool, len(declared))
	for _, t := range declared {
		wanted[t.Name] = true
	}
	for _, t := range declared {
		t.Name = b.names.claimSchema(t.Name, wanted)
	}
	for i, t := range declared {
		b.declare(t, sources[i].Value)
	}
}

// unknownRenames reports a rename in the config whose schema or operation
// the spec does not have: a misspelt one would otherwise rename nothing,
// silently. Operations are named by operationId, or "GET /path" for one
// without.
func unknownRenames(spec *openapi3.T, opts Options) error {
	var schemas map[string]*openapi3.SchemaRef
	if spec.Components != nil {
		schemas = spec.Components.Schemas
	}
	for _, name := range sortedKeys(opts.TypeNames) {
		if _, ok := schemas[name]; !ok {
			return fmt.Errorf("names.types: the spec has no component schema %q%s", name, didYouMean(name, sortedKeys(schemas)))
		}
	}
	var ids []string
	if spec.Paths != nil {
		for path, item := range spec.Paths.Map() {
			if item == nil {
				continue
			}
			for method, op := range item.Operations() {
				ids = append(ids, cmp.Or(op.OperationID, method+" "+path))
			}
		}
	}
	slices.Sort(ids) // for the hint, which names the first that fits
	for _, id := range sortedKeys(opts.MethodNames) {
		if !slices.Contains(ids, id) {
			return fmt.Errorf("names.operations: no operation has the operationId %q%s", id, didYouMean(id, ids))
		}
	}
	return nil
}

// didYouMean names the one of names that differs from name only in case
// or punctuation, as a hint for a message; it returns "" when none does.
func didYouMean(name string, names []string) string {
	key := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, s)
	}
	for _, n := range names {
		if key(n) == key(name) {
			return fmt.Sprintf(" (did you mean %q?)", n)
		}
	}
	return ""
}

// typeName is the Go name of a component schema: the config's rename, the
// schema's x-go-name, or one derived from its name.
func (b *builder) typeName(name string, s *openapi3.Schema) string {
	pos := b.doc.Origin(s.Origin)
	if n, ok := b.opts.TypeNames[name]; ok {
		return b.checkedName(pos, "the name given to schema "+name+" in the config", n)
	}
	if n, ok := s.Extensions["x-go-name"].(string); ok {
		return b.checkedName(b.doc.Field(s.Origin, "x-go-name"), "x-go-name", n)
	}
	return GoName(name)
}

// checkedName accepts a user-given Go name when it is an exported
// identifier, and otherwise reports it and falls back to a derived one.
func (b *builder) checkedName(pos Pos, what, name string) string {
	if !token.IsIdentifier(name) || !token.IsExported(name) {
		b.fail(pos, "%s %q is not an exported Go identifier", what, name)
		return GoName(name)
	}
	return name
}

// sortedKeys returns the keys of a map in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// markup is the Markdown emphasis and HTML entities plainText takes out,
// built once: a Replacer is costly to build and cheap to run.
var markup = strings.NewReplacer("`", "", "**", "", "&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", `"`, "&#39;", "'")

// plainText reduces Markdown and HTML in a description to plain text that
// reads well in a Go doc comment.
func plainText(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if strings.Contains(s, "<") {
		s = htmlTag.ReplaceAllStringFunc(s, func(tag string) string {
			switch strings.ToLower(strings.Trim(tag, "</>")) {
			case "br", "br/", "p", "/p":
				return "\n"
			}
			return ""
		})
	}
	if strings.Contains(s, "](") {
		s = mdLink.ReplaceAllString(s, "$1 ($2)")
	}
	s = markup.Replace(s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
