package spec_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"

	"github.com/oasgen/oasgen/spec"
)

const (
	// ownSpecPath is client-grants.yaml, relative to this package's folder.
	ownSpecPath = "client-grants.yaml"
	// referencePath is the shared reference description, relative to this
	// package's folder (/work/main/spec -> /work/shared/specs).
	referencePath = "../../shared/specs/client-grants.reference.json"
)

// TestClientGrantsAgreesWithReference checks that every structural fact of
// client-grants.yaml (paths, operations, parameters, request bodies,
// responses, extensions, security, schemas and security schemes) is the same
// as in the reference description. Prose (descriptions, summaries, titles)
// and examples are ignored.
func TestClientGrantsAgreesWithReference(t *testing.T) {
	refData, err := os.ReadFile(referencePath)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("reference spec %s not found; skipping the agreement check", referencePath)
	}
	if err != nil {
		t.Fatalf("reading reference spec %s: %v", referencePath, err)
	}
	var ref any
	if err := json.Unmarshal(refData, &ref); err != nil {
		t.Fatalf("decoding reference spec %s: %v", referencePath, err)
	}

	ownData, err := os.ReadFile(ownSpecPath)
	if err != nil {
		t.Fatalf("reading %s: %v", ownSpecPath, err)
	}
	own, err := decodeYAML(ownData)
	if err != nil {
		t.Fatalf("decoding %s: %v", ownSpecPath, err)
	}

	ownTree := factsOf(own)
	refTree := factsOf(ref)
	ownRoot, ok1 := ownTree.(map[string]any)
	refRoot, ok2 := refTree.(map[string]any)
	if !ok1 || !ok2 {
		t.Fatalf("both documents must be objects at the top level (own %T, reference %T)", ownTree, refTree)
	}

	// Compare one subtest per top-level key, splitting the big sections
	// (paths, component schemas) further so that failures are easy to find.
	for _, key := range unionKeys(ownRoot, refRoot) {
		t.Run(key, func(t *testing.T) {
			ptr := "/" + escapePointer(key)
			o, inOwn := ownRoot[key]
			r, inRef := refRoot[key]
			switch {
			case !inOwn:
				t.Errorf("%s: missing from %s; reference has %s", ptr, ownSpecPath, show(r))
				return
			case !inRef:
				t.Errorf("%s: not in the reference; %s has %s", ptr, ownSpecPath, show(o))
				return
			}
			switch key {
			case "paths", "components":
				// paths/{path}/{method}, components/{kind}/{name}
				compareByKey(t, ptr, o, r, 2)
			default:
				compareTrees(t, ptr, o, r)
			}
		})
	}
}

// TestEmbeddedClientGrantsIsValid loads the embedded bytes with kin-openapi
// and validates the document.
func TestEmbeddedClientGrantsIsValid(t *testing.T) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(spec.ClientGrants)
	if err != nil {
		t.Fatalf("loading embedded %s: %v", spec.ClientGrantsPath, err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("validating embedded %s: %v", spec.ClientGrantsPath, err)
	}
	if got, want := doc.OpenAPI, "3.1.0"; got != want {
		t.Errorf("openapi version = %q, want %q", got, want)
	}
	if !doc.IsOpenAPI31OrLater() {
		t.Errorf("kin-openapi does not treat the document as OpenAPI 3.1")
	}
	if doc.Info == nil {
		t.Errorf("info is missing")
	} else if got, want := doc.Info.Version, "2.0"; got != want {
		t.Errorf("info.version = %q, want %q", got, want)
	}
	wantOps := map[string]string{
		"GET /client-grants":                    "get_client-grants",
		"POST /client-grants":                   "post_client-grants",
		"GET /client-grants/{id}":               "get_client-grant",
		"PATCH /client-grants/{id}":             "patch_client-grants_by_id",
		"DELETE /client-grants/{id}":            "delete_client-grants_by_id",
		"GET /client-grants/{id}/organizations": "get_client-grant-organizations",
	}
	gotOps := map[string]string{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			gotOps[method+" "+path] = op.OperationID
		}
	}
	if !reflect.DeepEqual(gotOps, wantOps) {
		t.Errorf("operations = %v, want %v", gotOps, wantOps)
	}
}

// TestEmbeddedClientGrantsMatchesFile checks that the embedded bytes are the
// file on disk.
func TestEmbeddedClientGrantsMatchesFile(t *testing.T) {
	data, err := os.ReadFile(ownSpecPath)
	if err != nil {
		t.Fatalf("reading %s: %v", ownSpecPath, err)
	}
	if !bytes.Equal(data, spec.ClientGrants) {
		t.Errorf("spec.ClientGrants (%d bytes) differs from %s on disk (%d bytes)", len(spec.ClientGrants), ownSpecPath, len(data))
	}
	if !strings.HasSuffix(spec.ClientGrantsPath, "/"+ownSpecPath) {
		t.Errorf("ClientGrantsPath = %q, want a path ending in /%s", spec.ClientGrantsPath, ownSpecPath)
	}
}

// TestClientGrantsSchemasHaveDescriptions checks that every component schema
// of client-grants.yaml is described.
func TestClientGrantsSchemasHaveDescriptions(t *testing.T) {
	tree, err := decodeYAML(spec.ClientGrants)
	if err != nil {
		t.Fatalf("decoding embedded spec: %v", err)
	}
	schemas, _ := lookup(tree, "components", "schemas").(map[string]any)
	if len(schemas) == 0 {
		t.Fatalf("no components/schemas in %s", ownSpecPath)
	}
	names := sortedKeys(schemas)
	order, err := schemaOrder(spec.ClientGrants)
	if err != nil {
		t.Fatalf("reading schema order: %v", err)
	}
	if !sort.StringsAreSorted(order) {
		t.Errorf("components/schemas are not in alphabetical order: %v", order)
	}
	for _, name := range names {
		s, _ := schemas[name].(map[string]any)
		if d, _ := s["description"].(string); strings.TrimSpace(d) == "" {
			t.Errorf("/components/schemas/%s has no description", escapePointer(name))
		}
	}
}

// schemaOrder returns the names of components/schemas in file order.
func schemaOrder(data []byte) ([]string, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	n := &doc
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	for _, key := range []string{"components", "schemas"} {
		n = mappingValue(n, key)
		if n == nil {
			return nil, fmt.Errorf("no %q mapping", key)
		}
	}
	if n.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("components/schemas is not a mapping")
	}
	var names []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		names = append(names, n.Content[i].Value)
	}
	return names, nil
}

// mappingValue returns the value node of key in a YAML mapping node.
func mappingValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// decodeYAML decodes YAML into the same generic shapes that encoding/json
// produces (map[string]any, []any, float64, string, bool, nil), so that a
// YAML tree and a JSON tree can be compared directly.
func decodeYAML(data []byte) (any, error) {
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	j, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("re-encoding as JSON: %w", err)
	}
	var out any
	if err := json.Unmarshal(j, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// proseKeys are object keys whose values are prose or examples, not facts.
var proseKeys = map[string]bool{
	"description":    true,
	"summary":        true,
	"title":          true,
	"termsOfService": true,
	"contact":        true,
	"example":        true,
	"examples":       true,
}

// nameMaps are keys whose object values map names (chosen by the author of
// the spec) to things. Their members are never stripped, even if a name
// happens to be "description" or "title".
var nameMaps = map[string]bool{
	"paths":             true,
	"schemas":           true,
	"properties":        true,
	"patternProperties": true,
	"$defs":             true,
	"dependentSchemas":  true,
	"responses":         true,
	"content":           true,
	"variables":         true,
	"securitySchemes":   true,
	"scopes":            true,
	"headers":           true,
	"requestBodies":     true,
	"parameters":        true,
	"links":             true,
	"callbacks":         true,
	"encoding":          true,
	"x-form-parameters": true,
}

// stripProse returns a copy of v without prose keys. inNameMap tells
// whether v is the value of a name map, whose keys are kept as they are.
func stripProse(v any, inNameMap bool) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, val := range v {
			if !inNameMap && (proseKeys[k] || strings.HasPrefix(k, "x-description-")) {
				continue
			}
			out[k] = stripProse(val, !inNameMap && nameMaps[k])
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = stripProse(e, false)
		}
		return out
	default:
		return v
	}
}

// factsOf strips the prose from a whole document. Of the info object only
// the version is a fact.
func factsOf(doc any) any {
	root, ok := doc.(map[string]any)
	if !ok {
		return doc
	}
	out, _ := stripProse(root, false).(map[string]any)
	if info, ok := root["info"].(map[string]any); ok {
		out["info"] = map[string]any{"version": info["version"]}
	}
	return out
}

// compareByKey compares two objects member by member, running one subtest
// per member down to the given depth and a plain tree comparison below it.
func compareByKey(t *testing.T, ptr string, own, ref any, depth int) {
	t.Helper()
	o, ok1 := own.(map[string]any)
	r, ok2 := ref.(map[string]any)
	if depth == 0 || !ok1 || !ok2 {
		compareTrees(t, ptr, own, ref)
		return
	}
	for _, key := range unionKeys(o, r) {
		p := ptr + "/" + escapePointer(key)
		ov, inOwn := o[key]
		rv, inRef := r[key]
		// Path keys start with "/", which would make an empty subtest name part.
		t.Run(strings.TrimPrefix(key, "/"), func(t *testing.T) {
			switch {
			case !inOwn:
				t.Errorf("%s: missing from %s; reference has %s", p, ownSpecPath, show(rv))
			case !inRef:
				t.Errorf("%s: not in the reference; %s has %s", p, ownSpecPath, show(ov))
			default:
				compareByKey(t, p, ov, rv, depth-1)
			}
		})
	}
}

// compareTrees reports, with one t.Errorf each, every JSON pointer at which
// the two trees differ.
func compareTrees(t *testing.T, ptr string, own, ref any) {
	t.Helper()
	switch r := ref.(type) {
	case map[string]any:
		o, ok := own.(map[string]any)
		if !ok {
			t.Errorf("%s: %s has %s, reference has %s", ptrOrRoot(ptr), ownSpecPath, show(own), show(ref))
			return
		}
		for _, key := range unionKeys(o, r) {
			p := ptr + "/" + escapePointer(key)
			ov, inOwn := o[key]
			rv, inRef := r[key]
			switch {
			case !inOwn:
				t.Errorf("%s: missing from %s; reference has %s", p, ownSpecPath, show(rv))
			case !inRef:
				t.Errorf("%s: not in the reference; %s has %s", p, ownSpecPath, show(ov))
			default:
				compareTrees(t, p, ov, rv)
			}
		}
	case []any:
		o, ok := own.([]any)
		if !ok {
			t.Errorf("%s: %s has %s, reference has %s", ptrOrRoot(ptr), ownSpecPath, show(own), show(ref))
			return
		}
		if len(o) != len(r) {
			t.Errorf("%s: %s has %d elements, reference has %d", ptrOrRoot(ptr), ownSpecPath, len(o), len(r))
		}
		for i := 0; i < len(o) || i < len(r); i++ {
			p := ptr + "/" + strconv.Itoa(i)
			switch {
			case i >= len(o):
				t.Errorf("%s: missing from %s; reference has %s", p, ownSpecPath, show(r[i]))
			case i >= len(r):
				t.Errorf("%s: not in the reference; %s has %s", p, ownSpecPath, show(o[i]))
			default:
				compareTrees(t, p, o[i], r[i])
			}
		}
	default:
		if !reflect.DeepEqual(own, ref) {
			t.Errorf("%s: %s has %s, reference has %s", ptrOrRoot(ptr), ownSpecPath, show(own), show(ref))
		}
	}
}

// lookup walks a generic tree along object keys.
func lookup(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

func unionKeys(a, b map[string]any) []string {
	seen := make(map[string]bool, len(a)+len(b))
	var keys []string
	for _, m := range []map[string]any{a, b} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// escapePointer escapes a key for use in a JSON pointer (RFC 6901).
func escapePointer(s string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

func ptrOrRoot(ptr string) string {
	if ptr == "" {
		return "(root)"
	}
	return ptr
}

// show renders a value compactly for error messages.
func show(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%v", v)
	}
	const limit = 300
	if len(b) > limit {
		return string(b[:limit]) + "…"
	}
	return string(b)
}
