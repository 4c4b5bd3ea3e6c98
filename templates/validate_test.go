package templates

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestPathString(t *testing.T) {
	tests := []struct {
		name  string
		build func() string
		want  string
	}{
		{"nil is the root", func() string { var p *path; return p.String() }, ""},
		{"root field", func() string { p := (*path)(nil).field("a"); return p.String() }, "a"},
		{"nested field", func() string {
			a := (*path)(nil).field("a")
			b := a.field("b")
			return b.String()
		}, "a.b"},
		{"index", func() string {
			s := (*path)(nil).field("scope")
			i := s.at(3)
			return i.String()
		}, "scope[3]"},
		{"index zero", func() string {
			s := (*path)(nil).field("scope")
			i := s.at(0)
			return i.String()
		}, "scope[0]"},
		{"index at the root", func() string { p := (*path)(nil).at(7); return p.String() }, "[7]"},
		{"nested index", func() string {
			a := (*path)(nil).field("a")
			b := a.field("b")
			i := b.at(2)
			c := i.field("c")
			return c.String()
		}, "a.b[2].c"},
		{"nested arrays", func() string {
			m := (*path)(nil).field("m")
			i := m.at(1)
			j := i.at(2)
			return j.String()
		}, "m[1][2]"},
		{"plain map key", func() string {
			m := (*path)(nil).field("metadata")
			k := m.key("key")
			return k.String()
		}, "metadata.key"},
		{"plain map key with digits, dash and underscore", func() string {
			m := (*path)(nil).field("metadata")
			k := m.key("A_b-9")
			return k.String()
		}, "metadata.A_b-9"},
		{"odd map key", func() string {
			m := (*path)(nil).field("metadata")
			k := m.key("odd key")
			return k.String()
		}, `metadata["odd key"]`},
		{"empty map key", func() string {
			m := (*path)(nil).field("metadata")
			k := m.key("")
			return k.String()
		}, `metadata[""]`},
		{"dotted map key", func() string {
			m := (*path)(nil).field("metadata")
			k := m.key("a.b")
			return k.String()
		}, `metadata["a.b"]`},
		{"map key with a quote", func() string {
			m := (*path)(nil).field("metadata")
			k := m.key(`say "hi"`)
			return k.String()
		}, `metadata["say \"hi\""]`},
		{"non-ASCII map key", func() string {
			m := (*path)(nil).field("m")
			k := m.key("ключ")
			return k.String()
		}, `m["ключ"]`},
		{"plain key at the root", func() string { p := (*path)(nil).key("k"); return p.String() }, "k"},
		{"odd key at the root", func() string { p := (*path)(nil).key("a b"); return p.String() }, `["a b"]`},
		{"field below map key", func() string {
			m := (*path)(nil).field("metadata")
			k := m.key("odd key")
			f := k.field("x")
			return f.String()
		}, `metadata["odd key"].x`},
	}
	for _, tt := range tests {
		if got := tt.build(); got != tt.want {
			t.Errorf("%s: String() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// The path of a failing check is rendered into the violation.
func TestViolationPath(t *testing.T) {
	var v validator
	a := (*path)(nil).field("a")
	b := a.field("b")
	i := b.at(2)
	c := i.field("c")
	v.required(&c)
	v.notNull(nil)
	want := []Violation{{Path: "a.b[2].c", Message: "is required"}, {Path: "", Message: "must not be null"}}
	if !reflect.DeepEqual(v.violations, want) {
		t.Fatalf("violations = %#v, want %#v", v.violations, want)
	}
}

// check runs one validator check against the field "f" and returns its
// messages.
func check(fn func(v *validator, p *path)) []string {
	var v validator
	p := (*path)(nil).field("f")
	fn(&v, &p)
	var out []string
	for _, x := range v.violations {
		if x.Path != "f" {
			out = append(out, "WRONG PATH "+x.Path+": "+x.Message)
			continue
		}
		out = append(out, x.Message)
	}
	return out
}

type point struct {
	X, Y int
	Tags []string
}

func TestValidatorChecks(t *testing.T) {
	s280 := strings.Repeat("a", 280)
	s281 := strings.Repeat("a", 281)
	e280 := strings.Repeat("é", 280) // 2 bytes each
	e281 := strings.Repeat("é", 281) //
	g280 := strings.Repeat("😀", 280) // 4 bytes each
	mix3 := "a" + "é" + "😀"          // 3 runes, 7 bytes
	abc := regexp.MustCompile(`^[a-z]+$`)
	// ^(?!.*\x00)\S(.*\S)?$|^$, as the generator splits it.
	noNulTrimmed := &splitPattern{source: `^(?!.*\x00)\S(.*\S)?$|^$`, alternatives: []splitAlternative{
		{all: []*regexp.Regexp{regexp.MustCompile(`^(?:\S(.*\S)?$)`)}, none: []*regexp.Regexp{regexp.MustCompile(`^(?:.*\x00)`)}},
		{all: []*regexp.Regexp{regexp.MustCompile(`^(?:$)`)}},
	}}
	none := []string(nil)

	tests := []struct {
		name string
		fn   func(v *validator, p *path)
		want []string
	}{
		// minLength
		{"minLength 1 empty", func(v *validator, p *path) { v.minLength(p, "", 1) }, []string{"length 0 is less than minLength 1"}},
		{"minLength 1 a", func(v *validator, p *path) { v.minLength(p, "a", 1) }, none},
		{"minLength 0 empty", func(v *validator, p *path) { v.minLength(p, "", 0) }, none},
		{"minLength 3 ab", func(v *validator, p *path) { v.minLength(p, "ab", 3) }, []string{"length 2 is less than minLength 3"}},
		{"minLength 3 abc", func(v *validator, p *path) { v.minLength(p, "abc", 3) }, none},
		{"minLength 3 two 4-byte runes", func(v *validator, p *path) { v.minLength(p, "😀😀", 3) }, []string{"length 2 is less than minLength 3"}},
		{"minLength 3 three 4-byte runes", func(v *validator, p *path) { v.minLength(p, "😀😀😀", 3) }, none},
		{"minLength 4 mixed 3 runes 7 bytes", func(v *validator, p *path) { v.minLength(p, mix3, 4) }, []string{"length 3 is less than minLength 4"}},
		{"minLength 2 é (2 bytes, 1 rune)", func(v *validator, p *path) { v.minLength(p, "é", 2) }, []string{"length 1 is less than minLength 2"}},
		{"minLength 281 e280", func(v *validator, p *path) { v.minLength(p, e280, 281) }, []string{"length 280 is less than minLength 281"}},
		// maxLength
		{"maxLength 280 with 280", func(v *validator, p *path) { v.maxLength(p, s280, 280) }, none},
		{"maxLength 280 with 281", func(v *validator, p *path) { v.maxLength(p, s281, 280) }, []string{"length 281 exceeds maxLength 280"}},
		{"maxLength 280 with 280 two-byte runes", func(v *validator, p *path) { v.maxLength(p, e280, 280) }, none},
		{"maxLength 280 with 281 two-byte runes", func(v *validator, p *path) { v.maxLength(p, e281, 280) }, []string{"length 281 exceeds maxLength 280"}},
		{"maxLength 280 with 280 four-byte runes", func(v *validator, p *path) { v.maxLength(p, g280, 280) }, none},
		{"maxLength 3 mixed 3 runes 7 bytes", func(v *validator, p *path) { v.maxLength(p, mix3, 3) }, none},
		{"maxLength 2 mixed 3 runes", func(v *validator, p *path) { v.maxLength(p, mix3, 2) }, []string{"length 3 exceeds maxLength 2"}},
		{"maxLength 0 empty", func(v *validator, p *path) { v.maxLength(p, "", 0) }, none},
		{"maxLength 0 a", func(v *validator, p *path) { v.maxLength(p, "a", 0) }, []string{"length 1 exceeds maxLength 0"}},
		// pattern
		{"pattern match", func(v *validator, p *path) { v.pattern(p, "abc", abc) }, none},
		{"pattern mismatch", func(v *validator, p *path) { v.pattern(p, "ab1", abc) }, []string{`does not match pattern "^[a-z]+$"`}},
		{"pattern mismatch empty", func(v *validator, p *path) { v.pattern(p, "", abc) }, []string{`does not match pattern "^[a-z]+$"`}},
		{"unanchored pattern matches a substring", func(v *validator, p *path) { v.pattern(p, "xx12yy", regexp.MustCompile(`\d+`)) }, none},
		{"look-ahead pattern match", func(v *validator, p *path) { v.pattern(p, "a b", noNulTrimmed) }, none},
		{"look-ahead pattern: a string its look-ahead excludes", func(v *validator, p *path) { v.pattern(p, "a\x00b", noNulTrimmed) }, []string{`does not match pattern "^(?!.*\\x00)\\S(.*\\S)?$|^$"`}},
		{"look-ahead pattern: a string the rest refuses", func(v *validator, p *path) { v.pattern(p, " a", noNulTrimmed) }, []string{`does not match pattern "^(?!.*\\x00)\\S(.*\\S)?$|^$"`}},
		{"look-ahead pattern: the second alternative", func(v *validator, p *path) { v.pattern(p, "", noNulTrimmed) }, none},
		// minimum
		{"minimum 1 with 0", func(v *validator, p *path) { minimum(v, p, 0, 1, false) }, []string{"value 0 is less than minimum 1"}},
		{"minimum 1 with 1", func(v *validator, p *path) { minimum(v, p, 1, 1, false) }, none},
		{"minimum 1 with 2", func(v *validator, p *path) { minimum(v, p, 2, 1, false) }, none},
		{"minimum -5 with -6", func(v *validator, p *path) { minimum(v, p, -6, -5, false) }, []string{"value -6 is less than minimum -5"}},
		{"exclusiveMinimum 1 with 1", func(v *validator, p *path) { minimum(v, p, 1, 1, true) }, []string{"value 1 must be greater than exclusiveMinimum 1"}},
		{"exclusiveMinimum 1 with 0", func(v *validator, p *path) { minimum(v, p, 0, 1, true) }, []string{"value 0 must be greater than exclusiveMinimum 1"}},
		{"exclusiveMinimum 1 with 2", func(v *validator, p *path) { minimum(v, p, 2, 1, true) }, none},
		{"minimum float 0.5 with 0.49", func(v *validator, p *path) { minimum(v, p, 0.49, 0.5, false) }, []string{"value 0.49 is less than minimum 0.5"}},
		{"minimum float 0.5 with 0.5", func(v *validator, p *path) { minimum(v, p, 0.5, 0.5, false) }, none},
		{"exclusiveMinimum float 0 with 0", func(v *validator, p *path) { minimum(v, p, 0.0, 0.0, true) }, []string{"value 0 must be greater than exclusiveMinimum 0"}},
		{"exclusiveMinimum float 0 with tiny", func(v *validator, p *path) { minimum(v, p, 1e-300, 0.0, true) }, none},
		{"minimum int64", func(v *validator, p *path) { minimum[int64](v, p, -1, 0, false) }, []string{"value -1 is less than minimum 0"}},
		{"minimum int32", func(v *validator, p *path) { minimum[int32](v, p, 4, 5, false) }, []string{"value 4 is less than minimum 5"}},
		{"minimum float32", func(v *validator, p *path) { minimum[float32](v, p, 1.5, 2, false) }, []string{"value 1.5 is less than minimum 2"}},
		// maximum
		{"maximum 100 with 100", func(v *validator, p *path) { maximum(v, p, 100, 100, false) }, none},
		{"maximum 100 with 101", func(v *validator, p *path) { maximum(v, p, 101, 100, false) }, []string{"value 101 exceeds maximum 100"}},
		{"maximum 100 with 99", func(v *validator, p *path) { maximum(v, p, 99, 100, false) }, none},
		{"exclusiveMaximum 100 with 100", func(v *validator, p *path) { maximum(v, p, 100, 100, true) }, []string{"value 100 must be less than exclusiveMaximum 100"}},
		{"exclusiveMaximum 100 with 101", func(v *validator, p *path) { maximum(v, p, 101, 100, true) }, []string{"value 101 must be less than exclusiveMaximum 100"}},
		{"exclusiveMaximum 100 with 99", func(v *validator, p *path) { maximum(v, p, 99, 100, true) }, none},
		{"maximum float 1.25 with 1.5", func(v *validator, p *path) { maximum(v, p, 1.5, 1.25, false) }, []string{"value 1.5 exceeds maximum 1.25"}},
		{"exclusiveMaximum float 1 with 0.999", func(v *validator, p *path) { maximum(v, p, 0.999, 1.0, true) }, none},
		{"maximum float big", func(v *validator, p *path) { maximum(v, p, 2e20, 1e20, false) }, []string{"value 2e+20 exceeds maximum 1e+20"}},
		// multipleOf
		{"multipleOf 5 with 10", func(v *validator, p *path) { multipleOf(v, p, 10, 5) }, none},
		{"multipleOf 5 with 0", func(v *validator, p *path) { multipleOf(v, p, 0, 5) }, none},
		{"multipleOf 5 with -15", func(v *validator, p *path) { multipleOf(v, p, -15, 5) }, none},
		{"multipleOf 5 with 11", func(v *validator, p *path) { multipleOf(v, p, 11, 5) }, []string{"value 11 is not a multiple of 5"}},
		{"multipleOf 5 with -11", func(v *validator, p *path) { multipleOf(v, p, -11, 5) }, []string{"value -11 is not a multiple of 5"}},
		{"multipleOf 2 with 3", func(v *validator, p *path) { multipleOf(v, p, 3, 2) }, []string{"value 3 is not a multiple of 2"}},
		{"multipleOf 2 with 1000001", func(v *validator, p *path) { multipleOf(v, p, 1000001, 2) }, []string{"value 1000001 is not a multiple of 2"}},
		{"multipleOf int64 7 with 49", func(v *validator, p *path) { multipleOf[int64](v, p, 49, 7) }, none},
		{"multipleOf 0.1 with 0.3", func(v *validator, p *path) { multipleOf(v, p, 0.3, 0.1) }, none},
		{"multipleOf 0.1 with 0.7", func(v *validator, p *path) { multipleOf(v, p, 0.7, 0.1) }, none},
		{"multipleOf 0.01 with 19.99", func(v *validator, p *path) { multipleOf(v, p, 19.99, 0.01) }, none},
		{"multipleOf 0.1 with 0.35", func(v *validator, p *path) { multipleOf(v, p, 0.35, 0.1) }, []string{"value 0.35 is not a multiple of 0.1"}},
		{"multipleOf 0.5 with 1.25", func(v *validator, p *path) { multipleOf(v, p, 1.25, 0.5) }, []string{"value 1.25 is not a multiple of 0.5"}},
		{"multipleOf 0.5 with 1.5", func(v *validator, p *path) { multipleOf(v, p, 1.5, 0.5) }, none},
		{"multipleOf 1 with 2.5", func(v *validator, p *path) { multipleOf(v, p, 2.5, 1.0) }, []string{"value 2.5 is not a multiple of 1"}},
		// minItems / maxItems
		{"minItems 1 with 0", func(v *validator, p *path) { v.minItems(p, 0, 1) }, []string{"0 items are fewer than minItems 1"}},
		{"minItems 1 with 1", func(v *validator, p *path) { v.minItems(p, 1, 1) }, none},
		{"minItems 2 with 1", func(v *validator, p *path) { v.minItems(p, 1, 2) }, []string{"1 items are fewer than minItems 2"}},
		{"maxItems 3 with 3", func(v *validator, p *path) { v.maxItems(p, 3, 3) }, none},
		{"maxItems 3 with 4", func(v *validator, p *path) { v.maxItems(p, 4, 3) }, []string{"4 items exceed maxItems 3"}},
		{"maxItems 0 with 0", func(v *validator, p *path) { v.maxItems(p, 0, 0) }, none},
		{"maxItems 0 with 1", func(v *validator, p *path) { v.maxItems(p, 1, 0) }, []string{"1 items exceed maxItems 0"}},
		// uniqueItems
		{"uniqueItems empty", func(v *validator, p *path) { uniqueItems(v, p, []int{}) }, none},
		{"uniqueItems nil", func(v *validator, p *path) { uniqueItems[string](v, p, nil) }, none},
		{"uniqueItems distinct ints", func(v *validator, p *path) { uniqueItems(v, p, []int{1, 2, 3}) }, none},
		{"uniqueItems duplicate ints", func(v *validator, p *path) { uniqueItems(v, p, []int{1, 2, 3, 2}) }, []string{"items 1 and 3 are equal; uniqueItems requires distinct items"}},
		{"uniqueItems adjacent duplicates", func(v *validator, p *path) { uniqueItems(v, p, []int{5, 5}) }, []string{"items 0 and 1 are equal; uniqueItems requires distinct items"}},
		{"contains met", func(v *validator, p *path) {
			containsItems(v, p, []string{"email", "openid"}, []string{"openid"}, `"openid"`, 1, -1)
		}, none},
		{"contains none", func(v *validator, p *path) {
			containsItems(v, p, []string{"email"}, []string{"openid"}, `"openid"`, 1, -1)
		}, []string{`no item is "openid"; contains requires 1`}},
		{"contains empty", func(v *validator, p *path) { containsItems(v, p, nil, []int64{1, 2}, "1 or 2", 1, -1) }, []string{"no item is 1 or 2; contains requires 1"}},
		{"minContains", func(v *validator, p *path) { containsItems(v, p, []int64{1, 3, 2}, []int64{1, 2}, "1 or 2", 3, -1) }, []string{"2 items are 1 or 2, fewer than minContains 3"}},
		{"maxContains", func(v *validator, p *path) { containsItems(v, p, []bool{true, true}, []bool{true}, "true", 1, 1) }, []string{"2 items are true, more than maxContains 1"}},
		{"minContains 0", func(v *validator, p *path) { containsItems(v, p, []string{}, []string{"a"}, `"a"`, 0, -1) }, none},
		{"uniqueItems reports the first duplicate only", func(v *validator, p *path) { uniqueItems(v, p, []string{"a", "b", "a", "b", "a"}) }, []string{"items 0 and 2 are equal; uniqueItems requires distinct items"}},
		{"uniqueItems strings differ by case", func(v *validator, p *path) { uniqueItems(v, p, []string{"a", "A"}) }, none},
		{"uniqueItemsJSON distinct structs", func(v *validator, p *path) {
			uniqueItemsJSON(v, p, []point{{1, 2, []string{"a"}}, {1, 2, []string{"b"}}, {2, 1, nil}})
		}, none},
		{"uniqueItemsJSON equal structs", func(v *validator, p *path) {
			uniqueItemsJSON(v, p, []point{{1, 2, []string{"a"}}, {3, 4, nil}, {1, 2, []string{"a"}}})
		}, []string{"items 0 and 2 are equal; uniqueItems requires distinct items"}},
		{"uniqueItemsJSON maps compared regardless of order", func(v *validator, p *path) {
			uniqueItemsJSON(v, p, []map[string]int{{"a": 1, "b": 2}, {"b": 2, "a": 1}})
		}, []string{"items 0 and 1 are equal; uniqueItems requires distinct items"}},
		{"uniqueItemsJSON slices", func(v *validator, p *path) {
			uniqueItemsJSON(v, p, [][]int{{1, 2}, {2, 1}, {1}})
		}, none},
		{"uniqueItemsJSON skips values that do not encode", func(v *validator, p *path) {
			uniqueItemsJSON(v, p, []any{func() {}, func() {}, 1})
		}, none},
		// min/maxProperties
		{"minProperties 1 with 0", func(v *validator, p *path) { v.minProperties(p, 0, 1) }, []string{"0 properties are fewer than minProperties 1"}},
		{"minProperties 1 with 1", func(v *validator, p *path) { v.minProperties(p, 1, 1) }, none},
		{"maxProperties 2 with 2", func(v *validator, p *path) { v.maxProperties(p, 2, 2) }, none},
		{"maxProperties 2 with 3", func(v *validator, p *path) { v.maxProperties(p, 3, 2) }, []string{"3 properties exceed maxProperties 2"}},
		// notAllowed, required, notNull
		{"notAllowed string", func(v *validator, p *path) { v.notAllowed(p, "purple", `["red","green"]`) }, []string{`value "purple" is not one of ["red","green"]`}},
		{"notAllowed int", func(v *validator, p *path) { v.notAllowed(p, 4, `[1,2,3]`) }, []string{`value 4 is not one of [1,2,3]`}},
		{"notAllowed float", func(v *validator, p *path) { v.notAllowed(p, 1.5, `[1,2]`) }, []string{`value 1.5 is not one of [1,2]`}},
		{"notAllowed named string", func(v *validator, p *path) {
			type color string
			v.notAllowed(p, color("x"), `["y"]`)
		}, []string{`value "x" is not one of ["y"]`}},
		{"required", func(v *validator, p *path) { v.required(p) }, []string{"is required"}},
		{"notNull", func(v *validator, p *path) { v.notNull(p) }, []string{"must not be null"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := check(tt.fn)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("messages = %q, want %q", got, tt.want)
			}
		})
	}
}

// The byte-length shortcuts in minLength and maxLength must agree with a
// plain rune count for every length around the limits.
func TestLengthShortcutsAgreeWithRuneCount(t *testing.T) {
	runes := []string{"a", "é", "€", "😀"}
	for _, r := range runes {
		for n := 0; n <= 12; n++ {
			s := strings.Repeat(r, n)
			for limit := 0; limit <= 12; limit++ {
				gotMin := len(check(func(v *validator, p *path) { v.minLength(p, s, limit) })) > 0
				if want := n < limit; gotMin != want {
					t.Errorf("minLength(%d × %q, %d) reported %v, want %v", n, r, limit, gotMin, want)
				}
				gotMax := len(check(func(v *validator, p *path) { v.maxLength(p, s, limit) })) > 0
				if want := n > limit; gotMax != want {
					t.Errorf("maxLength(%d × %q, %d) reported %v, want %v", n, r, limit, gotMax, want)
				}
			}
		}
	}
}

// Integer multipleOf must be exact. The check divides in float64 and allows a
// relative error of 1e-9 of the quotient, so for |x| > 1e9 a remainder below
// |x|·1e-9 goes unnoticed: every odd number above 10^9 passes multipleOf 2.
func TestMultipleOfLargeIntegers(t *testing.T) {
	tests := []struct {
		name string
		fn   func(v *validator, p *path)
		want string
	}{
		{"int 1000000001 by 2", func(v *validator, p *path) { multipleOf(v, p, 1000000001, 2) }, "value 1000000001 is not a multiple of 2"},
		{"int32 max by 2", func(v *validator, p *path) { multipleOf[int32](v, p, math.MaxInt32, 2) }, "value 2147483647 is not a multiple of 2"},
		{"int64 10000000001 by 10", func(v *validator, p *path) { multipleOf[int64](v, p, 10000000001, 10) }, "value 10000000001 is not a multiple of 10"},
		{"float 1000000000.5 by 1", func(v *validator, p *path) { multipleOf(v, p, 1000000000.5, 1.0) }, "value 1000000000.5 is not a multiple of 1"},
	}
	for _, tt := range tests {
		got := check(tt.fn)
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s: messages = %q, want [%q]", tt.name, got, tt.want)
		}
	}
}

// formatNumber goes through float64, so int64 values beyond 2^53 (and any
// integer of 10^15 or more) are printed rounded, in exponent form.
func TestFormatNumberLargeInt64(t *testing.T) {
	got := check(func(v *validator, p *path) { maximum[int64](v, p, 9007199254740993, 9007199254740992, false) })
	want := []string{"value 9007199254740993 exceeds maximum 9007199254740992"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("messages = %q, want %q", got, want)
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{formatNumber(0), "0"},
		{formatNumber(-7), "-7"},
		{formatNumber(int32(280)), "280"},
		{formatNumber(int64(1) << 40), "1099511627776"},
		{formatNumber(1.0), "1"},
		{formatNumber(-2.0), "-2"},
		{formatNumber(0.1), "0.1"},
		{formatNumber(1.5), "1.5"},
		{formatNumber(1e20), "1e+20"},
		{formatNumber(999999999999999.0), "999999999999999"},
		{formatNumber(float32(0.5)), "0.5"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: formatNumber = %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestIsPlainKey(t *testing.T) {
	tests := []struct {
		k    string
		want bool
	}{
		{"", false},
		{"a", true},
		{"Zz09_-", true},
		{"a b", false},
		{"a.b", false},
		{"a[0]", false},
		{`a"`, false},
		{"é", false},
	}
	for _, tt := range tests {
		if got := isPlainKey(tt.k); got != tt.want {
			t.Errorf("isPlainKey(%q) = %v, want %v", tt.k, got, tt.want)
		}
	}
}

func TestValidationErrorMessage(t *testing.T) {
	tests := []struct {
		name string
		e    *ValidationError
		want string
	}{
		{"none", &ValidationError{}, "validation failed"},
		{"one", &ValidationError{Violations: []Violation{{Path: "text", Message: "length 281 exceeds maxLength 280"}}}, "text: length 281 exceeds maxLength 280"},
		{"one at the root", &ValidationError{Violations: []Violation{{Message: "must not be null"}}}, "must not be null"},
		{"two", &ValidationError{Violations: []Violation{
			{Path: "a", Message: "is required"},
			{Path: "scope[3]", Message: `value "x" is not one of ["y"]`},
		}}, `2 violations: a: is required; scope[3]: value "x" is not one of ["y"]`},
		{"three with a root one", &ValidationError{Violations: []Violation{
			{Path: "a", Message: "m1"},
			{Message: "m2"},
			{Path: "b.c", Message: "m3"},
		}}, "3 violations: a: m1; m2; b.c: m3"},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("%s: Error() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestViolationString(t *testing.T) {
	if got := (Violation{Path: "a.b", Message: "is required"}).String(); got != "a.b: is required" {
		t.Errorf("String() = %q", got)
	}
	if got := (Violation{Message: "is required"}).String(); got != "is required" {
		t.Errorf("String() at root = %q", got)
	}
}

func TestValidatorErr(t *testing.T) {
	var v validator
	if err := v.err(); err != nil {
		t.Fatalf("err() with no violations = %v (%T), want untyped nil", err, err)
	}
	// Passing checks leave it nil.
	p := (*path)(nil).field("text")
	v.maxLength(&p, "ok", 280)
	minimum(&v, &p, 5, 1, false)
	if err := v.err(); err != nil {
		t.Fatalf("err() after passing checks = %v", err)
	}

	v.minLength(&p, "", 1)
	items := (*path)(nil).field("scope")
	item := items.at(3)
	v.notAllowed(&item, "admin", `["read","write"]`)
	err := v.err()
	if err == nil {
		t.Fatal("err() = nil with violations")
	}
	want := `2 violations: text: length 0 is less than minLength 1; scope[3]: value "admin" is not one of ["read","write"]`
	if err.Error() != want {
		t.Fatalf("Error() = %q, want %q", err.Error(), want)
	}

	var ve *ValidationError
	if !errors.As(fmt.Errorf("create user: %w", err), &ve) {
		t.Fatal("errors.As did not find *ValidationError through a wrap")
	}
	wantV := []Violation{
		{Path: "text", Message: "length 0 is less than minLength 1"},
		{Path: "scope[3]", Message: `value "admin" is not one of ["read","write"]`},
	}
	if !reflect.DeepEqual(ve.Violations, wantV) {
		t.Fatalf("Violations = %#v, want %#v", ve.Violations, wantV)
	}
}

// validateDeep is what a generated Validate method does for one string three
// levels down: the path lives on the stack and is rendered only on failure.
func validateDeep(v *validator, s string) {
	a := (*path)(nil).field("a")
	b := a.field("b")
	i := b.at(2)
	c := i.field("text")
	v.minLength(&c, s, 1)
	v.maxLength(&c, s, 280)
}

// With a one-segment path (no parent) nothing escapes, so the success path
// of every check allocates nothing.
func TestValidateSuccessDoesNotAllocate(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("allocation counts are not meaningful under -cover")
	}
	s := strings.Repeat("é", 280)
	re := regexp.MustCompile(`^é+$`)
	items := []int{1, 2, 3}
	allocs := testing.AllocsPerRun(100, func() {
		var v validator
		p := (*path)(nil).field("text")
		v.minLength(&p, s, 1)
		v.maxLength(&p, s, 280)
		v.pattern(&p, s, re)
		minimum(&v, &p, 5, 1, false)
		maximum(&v, &p, 5.0, 10.0, true)
		multipleOf(&v, &p, 10, 5)
		v.minItems(&p, 3, 1)
		v.maxItems(&p, 3, 3)
		v.minProperties(&p, 1, 1)
		v.maxProperties(&p, 1, 1)
		uniqueItems(&v, &p, items)
		if v.err() != nil {
			panic("unexpected violation")
		}
	})
	if allocs != 0 {
		t.Fatalf("success path allocated %v times per run, want 0", allocs)
	}
}

// The doc comment of path promises that segments live on the caller's stack
// and cost nothing until a check fails. They do not: report renders
// p.String(), whose result aliases p.name, into the heap-held violations
// slice, so escape analysis marks the content of every *path parameter as
// leaking, and each parent segment (a, b, i below) is moved to the heap on
// every call, failing or not: 3 allocations, 144 B, for a four-segment path.
func TestValidateDeepPathDoesNotAllocate(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("allocation counts are not meaningful under -cover")
	}
	s := strings.Repeat("é", 280)
	allocs := testing.AllocsPerRun(100, func() {
		var v validator
		validateDeep(&v, s)
		if v.err() != nil {
			panic("unexpected violation")
		}
	})
	if allocs != 0 {
		t.Fatalf("success path with a deep path allocated %v times per run, want 0", allocs)
	}
}

func TestValidateDeepPathReports(t *testing.T) {
	var v validator
	validateDeep(&v, strings.Repeat("x", 281))
	if err := v.err(); err == nil || err.Error() != "a.b[2].text: length 281 exceeds maxLength 280" {
		t.Fatalf("err() = %v", err)
	}
	v = validator{}
	validateDeep(&v, "")
	if err := v.err(); err == nil || err.Error() != "a.b[2].text: length 0 is less than minLength 1" {
		t.Fatalf("err() = %v", err)
	}
}

// BenchmarkValidateMaxLengthDeepPath should report 0 allocs/op; see
// TestValidateDeepPathDoesNotAllocate for why it currently reports 3.
func BenchmarkValidateMaxLengthDeepPath(b *testing.B) {
	s := strings.Repeat("a", 280)
	b.ReportAllocs()
	for b.Loop() {
		var v validator
		validateDeep(&v, s)
		if v.err() != nil {
			b.Fatal("unexpected violation")
		}
	}
}

func TestKnownFormat(t *testing.T) {
	for _, tc := range []struct {
		format, value string
		ok            bool
	}{
		{"date", "2026-11-25", true}, {"date", "2026-13-01", false},
		{"uuid", "123e4567-e89b-12d3-a456-426614174000", true}, {"uuid", "123e4567", false},
		{"email", "ann@example.com", true}, {"email", "Ann <ann@example.com>", false}, {"email", "nope", false},
		{"uri", "https://example.com/x", true}, {"uri", "/relative", false},
		{"ipv4", "10.0.0.1", true}, {"ipv4", "::1", false},
		{"ipv6", "::1", true}, {"ipv6", "10.0.0.1", false},
		{"hostname", "login.example.com", true}, {"hostname", "example.com.", true}, {"hostname", "a-1.b2", true},
		{"hostname", "-a.example", false}, {"hostname", "a-.example", false}, {"hostname", "a..b", false},
		{"hostname", "under_score.example", false}, {"hostname", "", false}, {"hostname", ".", false},
		{"hostname", strings.Repeat("a", 63) + ".x", true}, {"hostname", strings.Repeat("a", 64) + ".x", false},
		{"hostname", strings.Repeat("a.", 126) + "a", true}, {"hostname", strings.Repeat("a.", 126) + "ab", false},
		{"cidr", "10.0.0.0/8", true}, {"cidr", "10.0.0.1/32", true}, {"cidr", "10.0.0.0", false},
		{"cidr", "10.0.0.0/33", false}, {"cidr", "2001:db8::/32", false},
		{"ipv6_cidr", "2001:db8::/32", true}, {"ipv6_cidr", "10.0.0.0/8", false}, {"ipv6_cidr", "2001:db8::", false},
		{"byte", "", true}, {"byte", "aGk=", true}, {"byte", "aGk", true}, {"byte", "aGkh", true}, {"byte", "aA==", true},
		{"byte", "aA", true}, {"byte", "+/+/", true}, {"byte", "aGk==", false}, {"byte", "aA=", false}, {"byte", "a===", false},
		{"byte", "a", false}, {"byte", "aGkhI", false}, {"byte", "-_-_", false}, {"byte", "aG k", false}, {"byte", "a=Gk", false},
		{"organization-id", "anything", true},
	} {
		var v validator
		p := (*path)(nil).field("f")
		v.knownFormat(&p, tc.value, tc.format)
		want := "f: is not a valid " + tc.format
		if tc.format == "byte" {
			want = "f: is not valid base64"
		}
		if got := len(v.violations) == 0; got != tc.ok {
			t.Errorf("%s %q: valid = %v, want %v (%v)", tc.format, tc.value, got, tc.ok, v.violations)
		} else if !tc.ok && (len(v.violations) != 1 || v.violations[0].String() != want) {
			t.Errorf("%s %q: violations %v, want %s", tc.format, tc.value, v.violations, want)
		}
	}
}

// A path a strict reader refused stays quiet in the checks that follow,
// and so does everything inside it; its neighbours do not.
func TestReportWithinRejected(t *testing.T) {
	for _, tc := range []struct {
		rejected []string
		path     string
		quiet    bool
	}{
		{[]string{"inner"}, "inner", true},
		{[]string{"inner"}, "inner.id", true},
		{[]string{"scope"}, "scope[1]", true},
		{[]string{"meta"}, `meta["odd key"]`, true},
		{[]string{""}, "audience", true}, // the whole body was refused
		{[]string{"inner"}, "innerX", false},
		{[]string{"inner"}, "inner2.id", false},
		{[]string{"scope[1]"}, "scope[10]", false},
		{[]string{"a.b"}, "a", false},
		{nil, "audience", false},
	} {
		v := validator{rejected: tc.rejected}
		segs := strings.Split(tc.path, ".")
		p := &path{name: segs[0], kind: fieldSegment}
		if tc.path == `meta["odd key"]` {
			p = &path{parent: &path{name: "meta", kind: fieldSegment}, name: "odd key", kind: keySegment}
		} else if i := strings.Index(tc.path, "["); i >= 0 {
			var n int
			fmt.Sscanf(tc.path[i:], "[%d]", &n)
			p = &path{parent: &path{name: tc.path[:i], kind: fieldSegment}, index: n, kind: indexSegment}
		} else if len(segs) == 2 {
			p = &path{parent: &path{name: segs[0], kind: fieldSegment}, name: segs[1], kind: fieldSegment}
		}
		if got := p.String(); got != tc.path {
			t.Fatalf("test path %q renders as %q", tc.path, got)
		}
		v.report(p, "is required")
		if quiet := len(v.violations) == 0; quiet != tc.quiet {
			t.Errorf("rejected %q, report at %q: quiet = %v, want %v", tc.rejected, tc.path, quiet, tc.quiet)
		}
	}
}

// TestAbsent: a required value left out is reported once, and the checks
// of the zero left in its place, and of anything inside it, stay quiet;
// a neighbour whose name starts the same is still checked.
func TestAbsent(t *testing.T) {
	var v validator
	inner := &path{name: "inner", kind: fieldSegment}
	v.absent(inner)
	v.absent(inner) // a decoder and validate may both find it missing
	v.pattern(inner, "", regexp.MustCompile("^a$"))
	v.pattern(&path{parent: inner, name: "x", kind: fieldSegment}, "", regexp.MustCompile("^a$"))
	v.pattern(&path{name: "inner2", kind: fieldSegment}, "", regexp.MustCompile("^a$"))
	want := []Violation{{Path: "inner", Message: "is required"}, {Path: "inner2", Message: `does not match pattern "^a$"`}}
	if !reflect.DeepEqual(v.violations, want) {
		t.Errorf("violations = %q, want %q", v.violations, want)
	}
}
