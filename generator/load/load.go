// Package load reads an OpenAPI 3.0 or 3.1 document with kin-openapi,
// resolves its $refs (local and relative files), validates it, and keeps the
// source positions that every later error message names.
//
// It is the first stage of the pipeline: load → model → emit → write/check.
package load

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// Document is a loaded, resolved and validated OpenAPI document.
type Document struct {
	// Spec is the resolved document; its elements carry their origins.
	Spec *openapi3.T
	// Path is the file name as the user gave it; positions are relative to it.
	Path string
	// Minor is the OpenAPI minor version: 0 for 3.0.x, 1 for 3.1.x.
	Minor int
	// SameRoutes lists the paths that differ from an earlier one only in
	// their parameters' names and share a method with it: a client can
	// call both, a server cannot route them apart.
	SameRoutes []*SameRoute
	// Skipped lists what load left out of Spec or ignored in it, each
	// with why, for the model to report among its warnings.
	Skipped []*Error
	// absPath is Path made absolute once, for turning kin-openapi's
	// absolute origins back into the user's relative positions.
	absPath string
}

// Pos is a place in a spec file.
type Pos struct {
	File   string
	Line   int // 1-based; 0 when unknown
	Column int // 1-based; 0 when unknown
}

// String renders the position as file:line:col, leaving out what is unknown.
func (p Pos) String() string {
	s := p.File
	if p.Line > 0 {
		s += ":" + strconv.Itoa(p.Line)
		if p.Column > 0 {
			s += ":" + strconv.Itoa(p.Column)
		}
	}
	return s
}

// SameRoute is a path that is one route with an earlier path (they differ
// only in their parameters' names, as /a/{x} and /a/{y}) and shares
// methods with it.
type SameRoute struct {
	Path    string
	Earlier string
	Methods []string // upper case, sorted
}

// Error is a problem in a spec, at a position.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Errorf returns an *Error at pos.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// File loads the spec at path.
func File(path string) (*Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &Error{Pos: Pos{File: path}, Msg: "cannot read spec: " + err.Error()}
	}
	return Data(path, data)
}

// Data loads a spec from data; path names it in errors and anchors relative
// $refs.
func Data(path string, data []byte) (*Document, error) {
	data = bytes.TrimPrefix(data, byteOrderMark)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &Error{Pos: Pos{File: path, Line: 1, Column: 1}, Msg: "not an OpenAPI document: the file is empty"}
	}
	if err := checkJSON(path, data); err != nil {
		return nil, err
	}
	if err := sniffVersion(path, data); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &Error{Pos: Pos{File: path}, Msg: err.Error()}
	}
	location := &url.URL{Path: filepath.ToSlash(abs)}
	spec := loadJSON(newLoader(), path, data, location)
	if spec == nil {
		// YAML, or JSON the quick path leaves to kin-openapi, whose errors
		// are the ones loadError knows how to place. A loader of its own:
		// one that resolved part of a discarded document may remember it.
		spec, err = newLoader().LoadFromDataWithPath(data, location)
		if err != nil {
			return nil, loadError(path, data, err)
		}
	}
	doc := &Document{Spec: spec, Path: path, absPath: abs}
	if err := doc.checkVersion(data); err != nil {
		return nil, err
	}
	queryPaths(doc)
	skipNamelessParameters(doc)
	ctx := context.Background()
	opts := []openapi3.ValidationOption{
		openapi3.DisableExamplesValidation(),
		// Real specs carry defaults that break their own patterns; they are
		// documentation, not something to refuse a spec over.
		openapi3.DisableSchemaDefaultsValidation(),
		// Patterns are checked by the model builder, which knows which
		// regular expressions Go can run and says where one is not.
		openapi3.DisableSchemaPatternValidation(),
	}
	if doc.Minor >= 1 {
		opts = append(opts, openapi3.IsOpenAPI31OrLater())
	}
	restore := prepareValidation(spec, doc.Minor == 0)
	err = spec.Validate(ctx, append(opts, openapi3.EnableMultiError())...)
	restore()
	if err := firstIntolerable(ctx, doc, err, opts); err != nil {
		return nil, validationError(doc, data, err)
	}
	return doc, nil
}

// firstIntolerable returns the first finding of kin-openapi's validation
// (err, with every finding) that oasgen cannot generate code for, or nil.
// It tolerates what real specs have and oasgen can do without:
//
//   - an empty info.title or server URL, which only the docs and the
//     default base URL use, an example with no value and external docs
//     with no URL (Microsoft Graph's spec has one), which nothing reads;
//   - keywords a schema does not define, which JSON Schema ignores (a
//     "name" next to a type); the model warns about each;
//   - fields other objects do not define (Mailchimp's spec has a "type" on
//     an operation), which nothing reads either: each goes to doc.Skipped,
//     for the model to warn about;
//   - two paths that differ only in their parameters' names, as GitHub's
//     spec has /orgs/{org}/attestations/{subject_digest} for GET and
//     .../{attestation_id} for DELETE. Different methods still tell their
//     calls apart. When a method is on both, a server cannot, but a client
//     can still make both calls, so the pair goes to doc.SameRoutes: the
//     model leaves the later path's operation out of the server, with a
//     warning. kin-openapi skips the later path's
//     operations after such a finding, so they are validated here.
func firstIntolerable(ctx context.Context, doc *Document, err error, opts []openapi3.ValidationOption) error {
	if err == nil {
		return nil
	}
	spec := doc.Spec
	findings := []error{err}
	if multi, ok := err.(openapi3.MultiError); ok {
		findings = multi
	}
	var schemas map[*openapi3.Origin]bool // found when first needed
	for _, finding := range findings {
		var extra *openapi3.ExtraSiblingFieldsError
		if errors.As(finding, &extra) {
			if extra.Origin != nil {
				if schemas == nil {
					schemas = schemaOrigins(spec)
				}
				if schemas[extra.Origin] {
					continue // the model warns about each unknown keyword
				}
			}
			// A field nothing reads (kin-openapi checks them after all
			// else, so no finding hides behind this one).
			doc.Skipped = append(doc.Skipped, &Error{Pos: unknownFieldPos(doc, extra), Msg: ignoredFieldsText(extra.Fields)})
			continue
		}
		var noTitle *openapi3.InfoTitleRequired
		var noURL *openapi3.ServerURLRequired
		var noExample *openapi3.ExampleValueOrExternalValueRequired
		var noDocsURL *openapi3.ExternalDocsURLRequired
		if errors.As(finding, &noTitle) || errors.As(finding, &noURL) || errors.As(finding, &noExample) || errors.As(finding, &noDocsURL) {
			continue // the model names the API "the API", or skips the server; examples and external docs are not read
		}
		var ppe *openapi3.PathParametersError
		if errors.As(finding, &ppe) && spec.Paths != nil {
			if op, problems := pathParameterProblems(doc, ppe); op != nil && len(problems) == 0 {
				continue // the names match as written
			}
		}
		var conflict *openapi3.ConflictingPathsError
		if !errors.As(finding, &conflict) || spec.Paths == nil {
			return finding
		}
		later, earlier := spec.Paths.Value(conflict.Path1), spec.Paths.Value(conflict.Path2)
		if later == nil || earlier == nil {
			return finding
		}
		if same := sameRoute(conflict, later, earlier); same != nil {
			doc.SameRoutes = append(doc.SameRoutes, same)
		}
		if err := later.Validate(ctx, opts...); err != nil {
			return &openapi3.PathValidationError{Path: conflict.Path1, Cause: err}
		}
	}
	return nil
}

// newLoader returns a kin-openapi loader that records origins and reads
// $refs from local files only.
func newLoader() *openapi3.Loader {
	loader := openapi3.NewLoader()
	loader.IncludeOrigin = true
	loader.IsExternalRefsAllowed = true
	loader.ReadFromURIFunc = readLocalFile
	return loader
}

// externalRef matches a $ref that leaves the document.
var externalRef = regexp.MustCompile(`"\$ref"\s*:\s*"[^#"]`)

// loadJSON is the quick way to load a JSON document: encoding/json and
// origins stamped from its own positions (see jsonorigin.go) instead of
// kin-openapi's YAML parser. It returns nil, leaving the document to
// kin-openapi, for YAML (a .yaml file that holds JSON is read this way
// too), for a document that refers to other files, and
// whenever decoding or resolving fails, so that errors read the same
// whichever way a document came in.
func loadJSON(loader *openapi3.Loader, path string, data []byte, location *url.URL) *openapi3.T {
	// A document held to JSON's grammar has passed checkJSON; a .yaml file
	// that looks like JSON is checked here, since jsonPositions reads
	// valid JSON only.
	if !(isJSON(path, data) || startsLikeJSON(data) && json.Valid(data)) || externalRef.Match(data) {
		return nil
	}
	root, repeats := jsonPositions(data)
	spec, err := decodeJSON(data, root, repeats)
	if err != nil {
		return nil
	}
	stamped := stampOrigins(spec, root, location)
	if err := loader.ResolveRefsIn(spec, location); err != nil {
		return nil
	}
	stamped.unresolveMappings()
	return spec
}

// decodeJSON decodes a document with encoding/json and kin-openapi's
// UnmarshalJSON methods. The component schemas, most of a large document,
// are decoded side by side, one CPU each: the rest of the document is
// decoded with an empty schemas object in their place, and each schema is
// decoded as kin-openapi decodes a value of that map. A document that
// repeats a key is decoded in one piece, as encoding/json reads repeats.
func decodeJSON(data []byte, root *jsonNode, repeats bool) (*openapi3.T, error) {
	var schemas *jsonNode
	if c := root.member("components"); c != nil && !repeats {
		schemas = c.member("schemas")
	}
	if schemas == nil || schemas.kind != '{' || len(schemas.members) < 64 {
		var spec openapi3.T
		if err := json.Unmarshal(data, &spec); err != nil {
			return nil, err
		}
		return &spec, nil
	}
	rest := make([]byte, 0, len(data)-(schemas.end-schemas.start)+2)
	rest = append(append(append(rest, data[:schemas.start]...), "{}"...), data[schemas.end:]...)
	var spec openapi3.T
	decoded := make([]openapi3.SchemaRef, len(schemas.members))
	errs := make([]error, len(schemas.members)+1)
	work := make(chan int, len(schemas.members)+1)
	work <- -1 // the rest of the document first: it is the largest piece
	for i := range schemas.members {
		work <- i
	}
	close(work)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				// kin-openapi's UnmarshalJSON methods are called
				// directly: each hands its bytes to json.Unmarshal,
				// which checks them anyway, and going through
				// json.Unmarshal first would check them once more.
				if i < 0 {
					errs[0] = spec.UnmarshalJSON(rest)
					continue
				}
				v := schemas.members[i].value
				errs[i+1] = decoded[i].UnmarshalJSON(data[v.start:v.end])
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if spec.Components == nil {
		return nil, errors.New("components did not decode")
	}
	spec.Components.Schemas = make(openapi3.Schemas, len(decoded))
	for i, m := range schemas.members {
		spec.Components.Schemas[m.name] = &decoded[i]
	}
	return &spec, nil
}

// isJSON reports whether a document is to be held to JSON's grammar: a
// .json file, or one that starts like JSON and is not named as YAML. A
// .yaml file may start with a brace as YAML's flow style, which takes
// unquoted keys and values that JSON does not.
func isJSON(path string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return true
	case ".yaml", ".yml":
		return false
	}
	return startsLikeJSON(data)
}

// startsLikeJSON reports whether data, after white space, starts with a
// brace or a bracket, as a JSON document does.
func startsLikeJSON(data []byte) bool {
	t := bytes.TrimLeft(data, " \t\r\n")
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

// byteOrderMark is the UTF-8 encoding of U+FEFF, which editors on Windows
// put at the start of a file. JSON does not allow it and no editor counts
// it as a column, so it is dropped before anything reads the spec.
var byteOrderMark = []byte("\uFEFF")

// readLocalFile reads $ref targets from the local file system only: a spec
// that points at the network would make generation depend on it.
func readLocalFile(_ *openapi3.Loader, location *url.URL) ([]byte, error) {
	if location.Scheme != "" && location.Scheme != "file" {
		return nil, fmt.Errorf("remote $ref %q is not supported; download the file and refer to it by a relative path", location.String())
	}
	data, err := os.ReadFile(filepath.FromSlash(location.Path))
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("cannot read %s: %v", location.Path, pe.Err)
		}
		return nil, err
	}
	return bytes.TrimPrefix(data, byteOrderMark), nil
}

// checkJSON holds a document that is JSON (see isJSON) to JSON's grammar:
// the YAML parser that reads both would accept a trailing comma or a
// comment.
func checkJSON(path string, data []byte) error {
	if !isJSON(path, data) {
		return nil
	}
	t := bytes.TrimSpace(data)
	if json.Valid(data) {
		return nil
	}
	// Only a broken document pays for a decode, to learn where it breaks.
	var v any
	err := json.Unmarshal(data, &v)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &Error{Pos: offsetPos(path, data, int(max(se.Offset-1, 0))), Msg: "invalid JSON: " + se.Error()}
	}
	if err != nil && len(t) > 0 {
		return &Error{Pos: offsetPos(path, data, len(data)), Msg: "invalid JSON: " + err.Error()}
	}
	return nil
}

var (
	supportedVersion = regexp.MustCompile(`^3\.([01])\.\d+$`)
	// versionField finds the top-level openapi field in YAML or JSON, quoted
	// or not, before kin-openapi refuses an unquoted number such as 2.0.
	// Group 1 is the key, group 2 the version.
	versionField = regexp.MustCompile(`(?m)("openapi"|^openapi)\s*:\s*["']?([^"'\s,#}]+)`)
	// flowVersionField finds it in a document that starts with a brace
	// (JSON, or YAML's flow style), where an unquoted key follows a brace
	// or a comma; in block YAML that would also match prose.
	flowVersionField = regexp.MustCompile(`(?:[{,]\s*)("openapi"|openapi)\s*:\s*["']?([^"'\s,#}]+)`)
)

// sniffVersion rejects a document whose openapi field names a version
// oasgen does not read, at that field, whatever its YAML type.
func sniffVersion(path string, data []byte) error {
	field := versionField
	if startsLikeJSON(data) {
		field = flowVersionField
	}
	loc := field.FindSubmatchIndex(data)
	if loc == nil {
		return nil
	}
	v := string(data[loc[4]:loc[5]])
	if supportedVersion.MatchString(v) {
		return nil
	}
	return &Error{Pos: offsetPos(path, data, loc[2]), Msg: fmt.Sprintf("unsupported OpenAPI version %q: oasgen reads 3.0.x and 3.1.x", v)}
}

// checkVersion accepts OpenAPI 3.0.x and 3.1.x and records which.
func (d *Document) checkVersion(data []byte) error {
	v := d.Spec.OpenAPI
	if v == "" {
		return &Error{Pos: Pos{File: d.Path, Line: 1, Column: 1}, Msg: `not an OpenAPI document: the "openapi" version field is missing`}
	}
	m := supportedVersion.FindStringSubmatch(v)
	if m == nil {
		return &Error{Pos: findKey(d.Path, data, "openapi"), Msg: fmt.Sprintf("unsupported OpenAPI version %q: oasgen reads 3.0.x and 3.1.x", v)}
	}
	d.Minor, _ = strconv.Atoi(m[1])
	return nil
}

// loadError turns a kin-openapi load failure into a positioned *Error.
func loadError(path string, data []byte, err error) error {
	msg := err.Error()
	if m := remoteRef.FindStringSubmatch(msg); m != nil {
		return &Error{Pos: findRef(path, data, m[1]), Msg: fmt.Sprintf("remote $ref %q is not supported; download the file and refer to it by a relative path", m[1])}
	}
	if m := missingFile.FindStringSubmatch(msg); m != nil {
		ref, what := findRefToFile(data, filepath.Base(m[1]))
		return &Error{Pos: findRef(path, data, ref), Msg: fmt.Sprintf("%s %q: cannot read %s: %s", what, ref, m[1], m[2])}
	}
	if e := yamlError(path, data, err); e != nil {
		return e
	}
	if m := wrongKindRef.FindStringSubmatch(msg); m != nil {
		article := "a"
		if strings.ContainsRune("aeiou", rune(m[2][0])) {
			article = "an"
		}
		return &Error{Pos: findRefInFiles(path, data, m[1]), Msg: fmt.Sprintf("$ref %q does not point at %s %s, which is what belongs here", m[1], article, m[2])}
	}
	if ref := danglingRef(msg); ref != "" {
		pos := findRefInFiles(path, data, ref)
		// kin-openapi names only the fragment; the $ref found may name a
		// file, which is named when it indeed lacks the fragment.
		if full := refAt(pos, path, data); full != ref && strings.HasSuffix(full, ref) {
			file := strings.TrimSuffix(full, ref)
			if lacks(filepath.Join(filepath.Dir(pos.File), file), strings.TrimPrefix(ref, "#")) {
				return &Error{Pos: pos, Msg: fmt.Sprintf("$ref %q points at nothing: %s has no %s", full, file, strings.TrimPrefix(ref, "#"))}
			}
		}
		return &Error{Pos: pos, Msg: fmt.Sprintf("$ref %q points at nothing", ref)}
	}
	msg = strings.TrimPrefix(msg, "failed to unmarshal data: ")
	return &Error{Pos: Pos{File: path, Line: 1, Column: 1}, Msg: "cannot load spec: " + msg}
}

// startsWithTab reports whether line n (1-based) of data begins with a tab.
func startsWithTab(data []byte, n int) bool {
	for i := 1; i < n; i++ {
		_, rest, ok := bytes.Cut(data, []byte("\n"))
		if !ok {
			return false
		}
		data = rest
	}
	return len(data) > 0 && data[0] == '\t'
}

var (
	remoteRef   = regexp.MustCompile(`remote \$ref "([^"]+)"`)
	missingFile = regexp.MustCompile(`cannot read ([^:]+): (.*)$`)
	refValue    = regexp.MustCompile(`\$ref"?\s*:\s*['"]?([^'"\s,}]+)`)
)

// findRefToFile returns the first $ref in data that points into file or,
// when no $ref does, the first value that names it (a discriminator's
// mapping), with which of the two it is.
func findRefToFile(data []byte, file string) (ref, what string) {
	for _, m := range refValue.FindAllSubmatch(data, -1) {
		if ref := string(m[1]); strings.Contains(ref, file) {
			return ref, "$ref"
		}
	}
	// A discriminator's mapping refers to schemas too, as plain values.
	value := regexp.MustCompile(`[^\s"',{}\[\]]*` + regexp.QuoteMeta(file) + `[^\s"',{}\[\]]*`)
	if m := value.Find(data); m != nil {
		return string(m), "reference"
	}
	return file, "reference"
}

// wrongKindRef matches kin-openapi's message for a $ref to the wrong kind
// of object, a response where a schema belongs, say.
var wrongKindRef = regexp.MustCompile(`bad data in "([^"]+)" \(expecting (?:ref to )?([a-z ]+?)\)`)

var refInMessage = regexp.MustCompile(`(?:fragment in URI: |failed to resolve |resolve reference |\$ref )"?([^"\s:]*#[^"\s:]*)"?`)

// danglingRef extracts the $ref that kin-openapi could not resolve.
func danglingRef(msg string) string {
	if m := refInMessage.FindStringSubmatch(msg); m != nil {
		return m[1]
	}
	return ""
}

// refAt returns the value of the $ref at pos (as findRefInFiles places
// one), reading pos.File unless it is path, whose content is data; "" when
// there is none.
func refAt(pos Pos, path string, data []byte) string {
	if pos.File != path {
		var err error
		if data, err = os.ReadFile(pos.File); err != nil {
			return ""
		}
	}
	for i := 1; i < pos.Line; i++ {
		_, rest, ok := bytes.Cut(data, []byte("\n"))
		if !ok {
			return ""
		}
		data = rest
	}
	line, _, _ := bytes.Cut(data, []byte("\n"))
	if pos.Column < 1 || pos.Column > len(line) {
		return ""
	}
	if m := refValue.FindSubmatch(line[pos.Column-1:]); m != nil {
		return string(m[1])
	}
	return ""
}

// lacks reports whether the YAML or JSON file holds nothing at the JSON
// pointer; false when the file cannot be read as either.
func lacks(file, pointer string) bool {
	src, err := os.ReadFile(file)
	if err != nil {
		return false
	}
	var v any
	if yaml.Unmarshal(src, &v) != nil {
		return false
	}
	for _, token := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		if unescaped, err := url.PathUnescape(token); err == nil {
			token = unescaped
		}
		token = pointerUnescaper.Replace(token)
		switch x := v.(type) {
		case map[string]any:
			child, ok := x[token]
			if !ok {
				return true
			}
			v = child
		case []any:
			i, err := strconv.Atoi(token)
			if err != nil || i < 0 || i >= len(x) {
				return true
			}
			v = x[i]
		default:
			return true
		}
	}
	return false
}

// pointerUnescaper undoes a JSON pointer token's escapes (RFC 6901).
var pointerUnescaper = strings.NewReplacer("~1", "/", "~0", "~")

// findRefInFiles locates `$ref: ref` in the main file or, when it is not
// there, in the local files the main file refers to (and those they refer
// to): kin-openapi does not say which file holds a dangling $ref.
func findRefInFiles(path string, data []byte, ref string) Pos {
	seen := map[string]bool{filepath.Clean(path): true}
	queue := []string{path}
	sources := map[string][]byte{path: data}
	for len(queue) > 0 && len(seen) <= 64 {
		file := queue[0]
		queue = queue[1:]
		src := sources[file]
		if pos := findRef(file, src, ref); pos.Line != 1 || pos.Column != 1 || bytes.Contains(src, []byte(ref)) {
			return pos
		}
		for _, m := range refValue.FindAllSubmatch(src, -1) {
			target, _, _ := strings.Cut(string(m[1]), "#")
			if target == "" || strings.Contains(target, "://") {
				continue
			}
			next := filepath.Clean(filepath.Join(filepath.Dir(file), target))
			if seen[next] {
				continue
			}
			seen[next] = true
			if b, err := os.ReadFile(next); err == nil {
				sources[next] = b
				queue = append(queue, next)
			}
		}
	}
	return Pos{File: path, Line: 1, Column: 1}
}

// findRef locates `$ref: ref` in the source, in YAML or JSON spelling.
func findRef(path string, data []byte, ref string) Pos {
	for _, needle := range []string{ref, strconv.Quote(ref)} {
		if i := indexWhole(data, []byte(needle)); i >= 0 {
			for j := i; j > 0 && data[j-1] != '\n'; j-- {
				if bytes.HasPrefix(data[j:], []byte(`"$ref"`)) {
					return offsetPos(path, data, j)
				}
				if bytes.HasPrefix(data[j:], []byte("$ref")) && (j == 0 || data[j-1] != '"') {
					return offsetPos(path, data, j)
				}
			}
			return offsetPos(path, data, i)
		}
	}
	return Pos{File: path, Line: 1, Column: 1}
}

// indexWhole is bytes.Index, but prefers an occurrence of ref that a quote,
// a space or a colon precedes, so that "#/a" is found as itself before
// inside "other.yaml#/a".
func indexWhole(data, ref []byte) int {
	first := bytes.Index(data, ref)
	for i := first; i >= 0; {
		if i == 0 || strings.IndexByte("'\" \t:", data[i-1]) >= 0 {
			return i
		}
		next := bytes.Index(data[i+1:], ref)
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return first
}

// findKey locates a top-level key in a YAML or JSON source.
func findKey(path string, data []byte, key string) Pos {
	for _, needle := range [][]byte{[]byte("\n" + key + ":"), []byte(`"` + key + `"`)} {
		if bytes.HasPrefix(data, needle[1:]) {
			return offsetPos(path, data, 0)
		}
		if i := bytes.Index(data, needle); i >= 0 {
			if needle[0] == '\n' {
				i++
			}
			return offsetPos(path, data, i)
		}
	}
	return Pos{File: path, Line: 1, Column: 1}
}

// offsetPos converts a byte offset into a line and column (in characters).
func offsetPos(path string, data []byte, offset int) Pos {
	line := 1 + bytes.Count(data[:offset], []byte("\n"))
	start := bytes.LastIndexByte(data[:offset], '\n') + 1
	return Pos{File: path, Line: line, Column: 1 + len([]rune(string(data[start:offset])))}
}

// validationError positions a kin-openapi validation failure: at the
// origin recorded on the innermost error that has one, else at the
// component or path the error context names.
func validationError(doc *Document, data []byte, err error) error {
	msg := err.Error()
	if m := unresolvedRef.FindStringSubmatch(msg); m != nil {
		var ce *openapi3.ComponentValidationError
		if errors.As(err, &ce) && ce.Section == "schema" && doc.Spec.Components != nil {
			if s := doc.Spec.Components.Schemas[ce.Name]; s != nil {
				return &Error{Pos: doc.Origin(s.Origin), Msg: fmt.Sprintf("schema %q is a cycle of $refs (through %s) with no schema of its own, so it cannot be typed", ce.Name, m[1])}
			}
		}
	}
	var ppe *openapi3.PathParametersError
	if errors.As(err, &ppe) && doc.Spec.Paths != nil {
		if e := pathParametersError(doc, ppe); e != nil {
			return e
		}
	}
	// The document's own origin says nothing about where the problem is
	// when it is the very start; any other origin places it, on the first
	// line too (a JSON document on one line).
	if o := originOf(err); o != nil && o.Key != nil && (o != doc.Spec.Origin || o.Key.Line > 1) {
		return &Error{Pos: doc.Origin(o), Msg: "invalid spec: " + msg}
	}
	if m := undefinedScheme.FindStringSubmatch(msg); m != nil {
		if i := bytes.Index(data, []byte("security")); i >= 0 {
			for _, needle := range []string{m[1] + ":", `"` + m[1] + `"`} {
				if j := bytes.Index(data[i:], []byte(needle)); j >= 0 {
					return &Error{Pos: offsetPos(doc.Path, data, i+j), Msg: "invalid spec: " + msg}
				}
			}
		}
	}
	var ce *openapi3.ComponentValidationError
	if errors.As(err, &ce) && ce.Section == "schema" && doc.Spec.Components != nil {
		if s := doc.Spec.Components.Schemas[ce.Name]; s != nil && s.Value != nil {
			return &Error{Pos: doc.Origin(s.Value.Origin), Msg: "invalid spec: " + msg}
		}
	}
	var pe *openapi3.PathValidationError
	if errors.As(err, &pe) && doc.Spec.Paths != nil {
		if item := doc.Spec.Paths.Value(pe.Path); item != nil {
			return &Error{Pos: doc.Origin(item.Origin), Msg: "invalid spec: " + msg}
		}
	}
	return &Error{Pos: Pos{File: doc.Path, Line: 1, Column: 1}, Msg: "invalid spec: " + msg}
}

// pathParametersError says which side of an operation's path parameters
// lacks what, at the operation: kin-openapi lists the names missing from
// either side as one list ("missing: [id petId]"). It returns nil when the
// names match as OpenAPI matches them, exactly (see pathParameterProblems).
func pathParametersError(doc *Document, ppe *openapi3.PathParametersError) *Error {
	op, problems := pathParameterProblems(doc, ppe)
	if len(problems) == 0 {
		return nil
	}
	return &Error{Pos: doc.Origin(op.Origin), Msg: fmt.Sprintf("operation %s %s: %s", ppe.Method, ppe.Path, strings.Join(problems, "; "))}
}

// pathParameterProblems compares the parameters in the path template of
// the operation ppe names with those it and its path item declare in:
// path, exactly as written. kin-openapi cuts a template's name at a colon
// or a trailing *, so idealspot's {insight_id:}, declared as insight_id:,
// was refused as missing both insight_id and insight_id:.
func pathParameterProblems(doc *Document, ppe *openapi3.PathParametersError) (*openapi3.Operation, []string) {
	item := doc.Spec.Paths.Value(ppe.Path)
	if item == nil {
		return nil, nil
	}
	op := item.GetOperation(ppe.Method)
	if op == nil {
		return nil, nil
	}
	declared := map[string]bool{}
	for _, params := range []openapi3.Parameters{item.Parameters, op.Parameters} {
		for _, p := range params {
			if p != nil && p.Value != nil && p.Value.In == "path" {
				declared[p.Value.Name] = true
			}
		}
	}
	inPath := map[string]bool{}
	var problems []string
	for _, m := range PathTemplateParam.FindAllStringSubmatch(ppe.Path, -1) {
		inPath[m[1]] = true
		if !declared[m[1]] {
			problems = append(problems, fmt.Sprintf("path parameter {%s} is not declared in parameters", m[1]))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(declared)) {
		if !inPath[name] {
			problems = append(problems, fmt.Sprintf("parameter %q is declared in: path, but the path has no {%s}", name, name))
		}
	}
	return op, problems
}

// PathTemplateParam matches a parameter of a path template, {name}, with
// the name as its first group; the model reads paths with it too.
var PathTemplateParam = regexp.MustCompile(`\{([^}]*)\}`)

// queryPaths reads each path with a query string in it, which OpenAPI
// does not allow (a path is matched without its query, and query
// parameters are declared with in: query), as the path without it and a
// fragment that names what its query holds: real specs write them
// (Weatherbit's /current?lat={lat}&lon={lon} beside
// /current?city={city}, Flickr's /rest?method=flickr.photos.search), and
// the fragment tells their operations apart on the one route, as AWS's
// fragments do (see model.Operation.When). The parameter a pair names,
// k={name}, becomes query parameter k. Each path read so is noted in
// doc.Skipped, so -strict refuses it. A path that cannot be read so (a
// key in braces, a pair that names no parameter, a path already there)
// is left out with its operations, also with a note.
func queryPaths(doc *Document) {
	if doc.Spec.Paths == nil {
		return
	}
	for _, path := range doc.Spec.Paths.InMatchingOrder() {
		before, query, found := strings.Cut(path, "?")
		if !found {
			continue
		}
		item := doc.Spec.Paths.Value(path)
		var origin *openapi3.Origin
		var methods []string
		if item != nil {
			origin = item.Origin
			for method := range item.Operations() {
				methods = append(methods, method)
			}
		}
		slices.Sort(methods)
		doc.Spec.Paths.Delete(path)
		if key, ok := readQuery(before, query, item); ok && doc.Spec.Paths.Value(key) == nil {
			doc.Spec.Paths.Set(key, item)
			doc.Skipped = append(doc.Skipped, &Error{Pos: doc.Origin(origin), Msg: fmt.Sprintf("path %q has a query string (?%s), which an OpenAPI path cannot have; it is read as %s with the query parameters it names (write it so, and declare each query parameter with in: query)", path, query, before)})
			continue
		}
		doc.Skipped = append(doc.Skipped, &Error{Pos: doc.Origin(origin), Msg: fmt.Sprintf("path %q has a query string (?%s), which an OpenAPI path cannot have; its operations (%s) are skipped (write the path as %q and declare each query parameter with in: query)", path, query, strings.Join(methods, ", "), before)})
	}
}

// readQuery returns the key that path before?query is read as, before and
// a fragment: k=v for a pair of fixed text, k alone for a pair k={name}
// or a key alone. It turns each parameter named by a pair k={name} into
// query parameter k, in the path item and in each of its operations (a
// copy, where a $ref shares it). ok is false when a key holds a brace, a
// pair names a parameter that none of them declares, or before holds a
// fragment already.
func readQuery(before, query string, item *openapi3.PathItem) (string, bool) {
	if item == nil || strings.Contains(before, "#") {
		return "", false
	}
	lists := []openapi3.Parameters{item.Parameters}
	for _, op := range item.Operations() {
		lists = append(lists, op.Parameters)
	}
	var conds []string
	for pair := range strings.SplitSeq(query, "&") {
		k, v, _ := strings.Cut(pair, "=")
		if k == "" || strings.ContainsAny(k, "{}") {
			return "", false
		}
		name, templated := strings.CutPrefix(v, "{")
		name, closed := strings.CutSuffix(name, "}")
		switch {
		case !templated && !strings.ContainsAny(v, "{}"):
			conds = append(conds, pair)
			continue
		case !templated || !closed || strings.ContainsAny(name, "{}"):
			return "", false
		}
		declared := false
		for _, list := range lists {
			for i, p := range list {
				if p != nil && p.Value != nil && p.Value.Name == name && (p.Value.In == "path" || p.Value.In == "query") {
					moved := *p.Value
					moved.In, moved.Name = "query", k
					list[i] = &openapi3.ParameterRef{Value: &moved}
					declared = true
				}
			}
		}
		if !declared {
			return "", false
		}
		conds = append(conds, k)
	}
	return before + "#" + strings.Join(conds, "&"), true
}

// skipNamelessParameters leaves out each parameter with an empty name,
// which kin-openapi refuses and which nothing could send or read (real
// specs converted from Postman have them: Notion's has a header named "").
// Each goes to doc.Skipped, once where it is declared.
func skipNamelessParameters(doc *Document) {
	skipped := map[*openapi3.Parameter]bool{}
	keep := func(params openapi3.Parameters) openapi3.Parameters {
		var out openapi3.Parameters
		for _, p := range params {
			if p == nil || p.Value == nil || p.Value.Name != "" {
				out = append(out, p)
				continue
			}
			if !skipped[p.Value] {
				skipped[p.Value] = true
				doc.Skipped = append(doc.Skipped, &Error{Pos: doc.Origin(p.Value.Origin), Msg: fmt.Sprintf("a parameter (in: %s) has no name, so nothing can send or read it; it is skipped", p.Value.In)})
			}
		}
		return out
	}
	if doc.Spec.Paths != nil {
		for _, item := range doc.Spec.Paths.Map() {
			item.Parameters = keep(item.Parameters)
			for _, op := range item.Operations() {
				op.Parameters = keep(op.Parameters)
			}
		}
	}
	if c := doc.Spec.Components; c != nil {
		for name, p := range c.Parameters {
			if p != nil && p.Value != nil && p.Value.Name == "" {
				keep(openapi3.Parameters{p})
				delete(c.Parameters, name)
			}
		}
	}
}

// unknownFieldPos is where the first of the fields an object does not
// define is written (kin-openapi's "extra sibling fields" finding places
// them at the object, which for the document itself is 1:1).
func unknownFieldPos(doc *Document, extra *openapi3.ExtraSiblingFieldsError) Pos {
	first := doc.Origin(extra.Origin)
	for i, name := range extra.Fields {
		pos := doc.Field(extra.Origin, name)
		if i == 0 || pos.Line < first.Line || pos.Line == first.Line && pos.Column < first.Column {
			first = pos
		}
	}
	return first
}

// ignoredFieldsText says that fields an object does not define are
// ignored (kin-openapi's words: "extra sibling fields: [a b]").
func ignoredFieldsText(fields []string) string {
	quoted := make([]string, len(fields))
	for i, f := range fields {
		quoted[i] = strconv.Quote(f)
	}
	if len(fields) == 1 {
		return fmt.Sprintf("field %s is not one OpenAPI defines here (an extension's name starts with x-); it is ignored", quoted[0])
	}
	return fmt.Sprintf("fields %s are not ones OpenAPI defines here (an extension's name starts with x-); they are ignored", strings.Join(quoted, ", "))
}

// sameRoute returns the pair of paths of one shape (a ConflictingPathsError,
// later and earlier being their items) when they share a method, else nil.
func sameRoute(conflict *openapi3.ConflictingPathsError, later, earlier *openapi3.PathItem) *SameRoute {
	var shared []string
	for method := range later.Operations() {
		if earlier.GetOperation(method) != nil {
			shared = append(shared, method)
		}
	}
	if len(shared) == 0 {
		return nil
	}
	slices.Sort(shared)
	return &SameRoute{Path: conflict.Path1, Earlier: conflict.Path2, Methods: shared}
}

// schemaOrigins returns the origins of every schema in spec, to tell a
// finding about a schema from one about another kind of object (the
// findings only carry the origin). kin-openapi's graph has no visitor, so
// it is walked by reflection; the walk only runs for such a finding.
func schemaOrigins(spec *openapi3.T) map[*openapi3.Origin]bool {
	type visit struct {
		t reflect.Type
		p uintptr
	}
	out := map[*openapi3.Origin]bool{}
	seen := map[visit]bool{}
	schemaType := reflect.TypeFor[*openapi3.Schema]()
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[visit{v.Type(), v.Pointer()}] {
				return
			}
			seen[visit{v.Type(), v.Pointer()}] = true
			if v.Type() == schemaType {
				if o := (*openapi3.Schema)(v.UnsafePointer()).Origin; o != nil {
					out[o] = true
				}
			}
			walk(v.Elem())
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				walk(it.Value())
			}
		}
	}
	walk(reflect.ValueOf(spec))
	return out
}

var unresolvedRef = regexp.MustCompile(`found unresolved ref: "([^"]+)"`)

var undefinedScheme = regexp.MustCompile(`undefined security scheme "([^"]+)"`)

var originType = reflect.TypeFor[*openapi3.Origin]()

// originOf finds the deepest error in err's chain that records where the
// offending element came from. kin-openapi puts an Origin field on many of
// its error types but gives them no common interface, hence reflection.
func originOf(err error) *openapi3.Origin {
	var found *openapi3.Origin
	var walk func(error)
	walk = func(e error) {
		if e == nil {
			return
		}
		v := reflect.ValueOf(e)
		for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
			if v.IsNil() {
				return
			}
			v = v.Elem()
		}
		if v.Kind() == reflect.Struct {
			if f := v.FieldByName("Origin"); f.IsValid() && f.Type() == originType && !f.IsNil() {
				found = f.Interface().(*openapi3.Origin)
			}
		}
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		case interface{ Unwrap() []error }:
			if errs := u.Unwrap(); len(errs) > 0 {
				walk(errs[0])
			}
		}
	}
	walk(err)
	return found
}

// Origin converts a kin-openapi origin into a position, relative to the path
// the user gave when the element is in the main file.
func (d *Document) Origin(o *openapi3.Origin) Pos {
	if o == nil || o.Key == nil {
		return Pos{File: d.Path}
	}
	return d.location(*o.Key)
}

// Field returns the position of one field of an element, falling back to
// the element itself.
func (d *Document) Field(o *openapi3.Origin, name string) Pos {
	if o != nil {
		if loc, ok := o.Fields.Lookup(name); ok {
			return d.location(loc)
		}
	}
	return d.Origin(o)
}

func (d *Document) location(loc openapi3.Location) Pos {
	// kin-openapi names the file by its URL, escaped: "my spec.yaml" is
	// "my%20spec.yaml" there.
	file := loc.File
	if strings.Contains(file, "%") { // escaped, which most names are not
		if u, err := url.Parse(file); err == nil && u.Scheme == "" {
			file = u.Path
		}
	}
	abs := d.absPath
	if abs == "" {
		abs, _ = filepath.Abs(d.Path)
	}
	if filepath.FromSlash(file) == abs {
		file = d.Path
	} else if rel, err := filepath.Rel(filepath.Dir(abs), filepath.FromSlash(file)); err == nil && file != "" {
		file = filepath.Join(filepath.Dir(d.Path), rel)
	}
	if file == "" {
		file = d.Path
	}
	return Pos{File: file, Line: loc.Line, Column: loc.Column}
}
