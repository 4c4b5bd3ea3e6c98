package model

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// TestContainsCheck: contains is read where the items' Go type holds its
// values, and left to uncheckedKeywords otherwise.
func TestContainsCheck(t *testing.T) {
	items := func(typ, format string, nullable bool) *openapi3.SchemaRef {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{typ}, Format: format, Nullable: nullable}}
	}
	contains := func(values ...any) *openapi3.SchemaRef {
		if len(values) == 1 {
			return &openapi3.SchemaRef{Value: &openapi3.Schema{Const: values[0]}}
		}
		return &openapi3.SchemaRef{Value: &openapi3.Schema{Enum: values}}
	}
	one, two := uint64(1), uint64(2)
	for _, tc := range []struct {
		name    string
		s       *openapi3.Schema
		checked bool
	}{
		{"string const", &openapi3.Schema{Items: items("string", "", false), Contains: contains("openid")}, true},
		{"integer enum", &openapi3.Schema{Items: items("integer", "int32", false), Contains: contains(80.0, 443), MinContains: &one, MaxContains: &two}, true},
		{"number const", &openapi3.Schema{Items: items("number", "", false), Contains: contains(0.5)}, true},
		{"boolean const", &openapi3.Schema{Items: items("boolean", "", false), Contains: contains(true)}, true},
		{"a fraction among integers", &openapi3.Schema{Items: items("integer", "", false), Contains: contains(1.5)}, false},
		{"a string among integers", &openapi3.Schema{Items: items("integer", "", false), Contains: contains("1")}, false},
		{"beyond int32", &openapi3.Schema{Items: items("integer", "int32", false), Contains: contains(3e9)}, false},
		{"beyond float32", &openapi3.Schema{Items: items("number", "float", false), Contains: contains(1e300)}, false},
		{"nullable items", &openapi3.Schema{Items: items("string", "", true), Contains: contains("a")}, false},
		{"date-time items", &openapi3.Schema{Items: items("string", "date-time", false), Contains: contains("2024-01-02T03:04:05Z")}, false},
		{"a pattern", &openapi3.Schema{Items: items("string", "", false), Contains: &openapi3.SchemaRef{Value: &openapi3.Schema{Pattern: "^a"}}}, false},
		{"no items", &openapi3.Schema{Contains: contains("a")}, false},
	} {
		got := containsCheck(tc.s)
		if (got != nil) != tc.checked {
			t.Errorf("%s: containsCheck = %+v, want checked %v", tc.name, got, tc.checked)
		}
		if unchecked := len(uncheckedKeywords(tc.s)) > 0; unchecked == tc.checked {
			t.Errorf("%s: uncheckedKeywords = %v", tc.name, uncheckedKeywords(tc.s))
		}
	}
	// The spec's enum is left as written; the check holds float64s.
	s := &openapi3.Schema{Items: items("integer", "", false), Contains: contains(80, 443)}
	if got := containsCheck(s); got == nil || got.Values[0] != 80.0 || s.Contains.Value.Enum[0] != 80 {
		t.Errorf("values %v, enum %v", got, s.Contains.Value.Enum)
	}
}
