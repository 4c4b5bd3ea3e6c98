package load

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
	"golang.org/x/tools/txtar"
)

// jsonSpecs returns JSON documents to load both ways: the JSON in
// testdata, the project's spec and every golden case's spec written out as
// JSON (indented, and on one line), and the Auth0 spec when ../shared is there.
func jsonSpecs(t *testing.T) map[string][]byte {
	t.Helper()
	specs := map[string][]byte{}
	toJSON := func(name string, yamlText []byte) {
		var v any
		if err := yaml.Unmarshal(yamlText, &v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		data, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		specs[name+".json"] = data
		// On one line too, where columns run long and count characters
		// past names such as "ä".
		data, _ = json.Marshal(v)
		specs[name+".min.json"] = data
	}
	data, err := os.ReadFile("testdata/petstore.json")
	if err != nil {
		t.Fatal(err)
	}
	specs["petstore.json"] = data
	data, err = os.ReadFile("../../spec/client-grants.yaml")
	if err != nil {
		t.Fatal(err)
	}
	toJSON("client-grants", data)
	cases, _ := filepath.Glob("../testdata/golden/*.txtar")
	for _, c := range cases {
		a, err := txtar.ParseFile(c)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			if f.Name == "spec.yaml" && !strings.Contains(string(f.Data), "$ref: ./") && !strings.Contains(string(f.Data), ".yaml#") {
				toJSON(filepath.Base(c), f.Data)
			}
		}
	}
	// Enough schemas to be decoded side by side, and the same document
	// with a repeated key, which is decoded in one piece.
	var many strings.Builder
	many.WriteString(`{"openapi": "3.1.0", "info": {"title": "Many", "version": "1"}, "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/S0"}}}}}}}},` + "\n" + `"components": {"schemas": {`)
	for i := range 80 {
		if i > 0 {
			many.WriteString(",\n")
		}
		fmt.Fprintf(&many, `  "S%d": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string", "minLength": %d}, "next": {"$ref": "#/components/schemas/S%d"}, "tags": {"type": "array", "items": {"enum": ["a", "ä"]}}}}`, i, i, (i+1)%80)
	}
	many.WriteString("}}}\n")
	specs["many-schemas.json"] = []byte(many.String())
	specs["many-schemas-repeated-key.json"] = []byte(strings.Replace(many.String(), `"info": {"title": "Many", "version": "1"},`, `"info": {"title": "Many", "version": "0"}, "info": {"title": "Many", "version": "1"},`, 1))
	specs["many-schemas-repeated-schema.json"] = []byte(strings.Replace(many.String(), `"schemas": {`, `"schemas": {"S5": {"type": "string"},`+"\n", 1))

	if data, err := os.ReadFile(auth0Spec); err == nil {
		specs["auth0-management-api.json"] = data
	} else {
		t.Logf("%s is absent, so the whole Auth0 spec is not compared: %v", auth0Spec, err)
	}
	return specs
}

const auth0Spec = "../../../shared/specs/auth0-management-api.json"

// The quick JSON path must give the document kin-openapi's own loader
// gives, origins included (but for end positions, which it does not record).
func TestJSONOriginsMatchKinOpenAPI(t *testing.T) {
	specs := jsonSpecs(t)
	if len(specs) < 30 {
		t.Fatalf("only %d specs to compare", len(specs))
	}
	for name, data := range specs {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "spec.json")
			location := &url.URL{Path: filepath.ToSlash(path)}
			loader := openapi3.NewLoader()
			loader.IncludeOrigin = true
			quick := loadJSON(loader, path, data, location)
			loader = openapi3.NewLoader()
			loader.IncludeOrigin = true
			slow, err := loader.LoadFromDataWithPath(data, location)
			switch {
			case quick == nil && (err != nil || externalRef.Match(data)):
				t.Skipf("left to kin-openapi, as it should be: %v", err)
			case quick == nil:
				t.Fatal("the quick path refused a document kin-openapi loads")
			case err != nil:
				t.Fatalf("the quick path loaded a document kin-openapi refuses: %v", err)
			}
			// kin-openapi reads a document that repeats a key without
			// origins (YAML refuses repeats); the quick path keeps them.
			_, repeats := jsonPositions(data)
			if repeats != (slow.Origin == nil) {
				t.Errorf("repeats = %v, but kin-openapi recorded origins: %v", repeats, slow.Origin != nil)
			}
			var diffs []string
			compareDocs("T", reflect.ValueOf(slow), reflect.ValueOf(quick), !repeats, map[[2]uintptr]bool{}, &diffs)
			for _, d := range diffs {
				t.Error(d)
			}
		})
	}
}

// compareDocs appends to diffs where want and got differ, at most 20;
// origins are compared when origins is true.
func compareDocs(at string, want, got reflect.Value, origins bool, seen map[[2]uintptr]bool, diffs *[]string) {
	if len(*diffs) >= 20 {
		return
	}
	if want.Kind() != got.Kind() {
		*diffs = append(*diffs, fmt.Sprintf("%s: kind %v, want %v", at, got.Kind(), want.Kind()))
		return
	}
	switch want.Kind() {
	case reflect.Pointer, reflect.Interface:
		if want.IsNil() || got.IsNil() {
			if want.IsNil() != got.IsNil() {
				*diffs = append(*diffs, fmt.Sprintf("%s: nil is %v, want %v", at, got.IsNil(), want.IsNil()))
			}
			return
		}
		if want.Kind() == reflect.Pointer {
			key := [2]uintptr{want.Pointer(), got.Pointer()}
			if seen[key] {
				return
			}
			seen[key] = true
		}
		compareDocs(at, want.Elem(), got.Elem(), origins, seen, diffs)
	case reflect.Struct:
		if want.Type() == reflect.TypeFor[openapi3.Location]() {
			w, g := want.Interface().(openapi3.Location), got.Interface().(openapi3.Location)
			w.EndLine, w.EndColumn = 0, 0
			if w != g {
				*diffs = append(*diffs, fmt.Sprintf("%s: %+v, want %+v", at, g, w))
			}
			return
		}
		for i := range want.NumField() {
			f := want.Type().Field(i)
			if f.IsExported() && (origins || f.Name != "Origin") {
				compareDocs(at+"."+f.Name, want.Field(i), got.Field(i), origins, seen, diffs)
			}
		}
		if want.CanAddr() {
			if m := want.Addr().MethodByName("Map"); m.IsValid() {
				compareDocs(at+".Map()", m.Call(nil)[0], got.Addr().MethodByName("Map").Call(nil)[0], origins, seen, diffs)
			}
		}
	case reflect.Slice, reflect.Array:
		if want.Len() != got.Len() {
			*diffs = append(*diffs, fmt.Sprintf("%s: length %d, want %d", at, got.Len(), want.Len()))
			return
		}
		for i := range want.Len() {
			compareDocs(fmt.Sprintf("%s[%d]", at, i), want.Index(i), got.Index(i), origins, seen, diffs)
		}
	case reflect.Map:
		if want.Len() != got.Len() {
			*diffs = append(*diffs, fmt.Sprintf("%s: %d entries, want %d", at, got.Len(), want.Len()))
		}
		for _, k := range want.MapKeys() {
			if !got.MapIndex(k).IsValid() {
				*diffs = append(*diffs, fmt.Sprintf("%s[%v]: missing", at, k))
				continue
			}
			compareDocs(fmt.Sprintf("%s[%v]", at, k), want.MapIndex(k), got.MapIndex(k), origins, seen, diffs)
		}
	default:
		if !reflect.DeepEqual(want.Interface(), got.Interface()) {
			*diffs = append(*diffs, fmt.Sprintf("%s: %v, want %v", at, got.Interface(), want.Interface()))
		}
	}
}

// FuzzLoadJSON loads valid JSON documents the quick way: whatever they
// hold, loading returns a document or an error and never panics.
func FuzzLoadJSON(f *testing.F) {
	for _, data := range []string{
		`{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}}`,
		`{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {"/a": null}, "components": {"schemas": {"A": true, "B": {"$ref": "#/components/schemas/A"}}}}`,
		`{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "headers": {"X": {"schema": {"type": "integer"}}}}}}}}, "components": {"securitySchemes": {"o": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "https://x", "scopes": {"a": "b"}}}}}}}`,
	} {
		f.Add([]byte(data))
	}
	if data, err := os.ReadFile("testdata/petstore.json"); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) {
			return
		}
		doc, err := Data(filepath.Join(t.TempDir(), "spec.json"), data)
		if (doc == nil) == (err == nil) {
			t.Fatalf("Data = %v, %v", doc, err)
		}
	})
}

// A spec on one line gets errors placed on that line, at the element, as
// an indented one does, not at its start.
func TestOneLineJSONErrorPlaced(t *testing.T) {
	data := `{"openapi":"3.1.0","info":{"title":"x","version":"1"},"paths":{"/a/{id}":{"get":{"responses":{"200":{"description":"ok"}}}}}}`
	_, err := Data(filepath.Join(t.TempDir(), "one.json"), []byte(data))
	var le *Error
	if !errors.As(err, &le) {
		t.Fatalf("Data = %v, want a *load.Error", err)
	}
	if col := strings.Index(data, `"get"`) + 1; le.Pos.Line != 1 || le.Pos.Column != col {
		t.Errorf("error at %d:%d, want 1:%d (the operation): %v", le.Pos.Line, le.Pos.Column, col, err)
	}
}
