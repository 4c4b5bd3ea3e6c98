package templates

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestDecodeValueMatchesEncodingJSON checks decodeValue, which Opt and
// Nullable decode with, against encoding/json: same value, or an error
// from both.
func TestDecodeValueMatchesEncodingJSON(t *testing.T) {
	inputs := []string{
		`"plain"`, `""`, `"esc\"aped"`, `"tab\t"`, `"\u00e9t\u00e9"`, `"héllo"`, "\"bad\xff\"",
		`true`, `false`, `null`, `0`, `-0`, `7`, `-42`, `9223372036854775807`, `9223372036854775808`,
		`1.5`, `-2.5e3`, `1e400`, `01`, `-`, `+1`, `0x10`, `[1]`, `{}`, `"1"`, `1`,
	}
	for _, in := range inputs {
		check := func(name string, fast, slow any) {
			t.Helper()
			d := newJSONReader(in, nil)
			decodeValue(d, fast)
			errFast := d.finish()
			errSlow := json.Unmarshal([]byte(in), slow)
			if (errFast == nil) != (errSlow == nil) {
				t.Errorf("%s %s: decodeValue error %v, encoding/json error %v", name, in, errFast, errSlow)
				return
			}
			if errFast == nil && !reflect.DeepEqual(fast, slow) {
				t.Errorf("%s %s: decodeValue gave %v, encoding/json %v", name, in, reflect.ValueOf(fast).Elem(), reflect.ValueOf(slow).Elem())
			}
		}
		if !json.Valid([]byte(in)) {
			continue // encoding/json validates before calling UnmarshalJSON
		}
		check("string", new(string), new(string))
		check("bool", new(bool), new(bool))
		check("int64", new(int64), new(int64))
		check("float64", new(float64), new(float64))
	}
}

func BenchmarkOptStringDecode(b *testing.B) {
	data := []byte(`"a plain value"`)
	b.ReportAllocs()
	for b.Loop() {
		var o Opt[string]
		if err := o.UnmarshalJSON(data); err != nil {
			b.Fatal(err)
		}
	}
}
