package model

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// declareEnum makes t a typed enum of s's values (its enum, or its const):
// its base type is the schema's type or, without one, the type its values
// agree on; values written in the other spelling ("1" for 1) are read as
// meant, and enum values of no one type keep t as raw JSON.
func (b *builder) declareEnum(t *Type, s *openapi3.Schema) {
	t.Kind = Enum
	values := s.Enum
	if len(values) == 0 && s.Const != nil {
		values = []any{s.Const}
	}
	base := Builtin(0)
	switch types := nonNullTypes(s); {
	case len(types) == 1 && types[0] == "string":
		base = String
	case len(types) == 1 && types[0] == "boolean":
		base = Bool
	case len(types) == 1 && types[0] == "integer":
		base = Int64
	case len(types) == 1 && types[0] == "number":
		base = Float64
	default:
		// No type: the values say, when they agree.
		kinds := map[Builtin]bool{}
		for _, v := range values {
			switch v.(type) {
			case string:
				kinds[String] = true
			case bool:
				kinds[Bool] = true
			case float64, int, int64:
				kinds[Float64] = true
			case nil:
			default:
				kinds[RawJSON] = true
			}
		}
		if len(kinds) == 1 && !kinds[RawJSON] {
			for k := range kinds {
				base = k
			}
		}
	}
	if base != 0 && base != String && allWords(values) {
		// enum: [created, comment] under type: integer names strings:
		// no value could be both, and the words are what is sent.
		b.warn(b.doc.Field(s.Origin, "type"), "schema %s: the enum's values are strings that are not %s, so its type is taken as string", t.Schema, withArticle(nonNullTypes(s)[0]))
		base = String
	}
	if base == 0 {
		b.warn(t.Pos, "schema %s: enum without a type, of objects, arrays or values of several types, is kept as raw JSON", t.Schema)
		t.Kind, t.Elem = Alias, &Ref{Kind: RefBuiltin, Builtin: RawJSON}
		return
	}
	t.Enum = &EnumDef{Base: base}
	seen := map[any]bool{}
	// Values written in the other spelling, read as meant and reported
	// in one warning: enum: [1, 2] under type: string is the strings "1"
	// and "2" unquoted, and enum: ["1", "2"] under type: integer the
	// numbers quoted, as real specs write them.
	var respelt []string
	emptyLeftOut, bits := false, false
	for _, v := range values {
		if v == nil {
			continue
		}
		value, ok := enumValue(base, v)
		exact := ok
		if text, isText := v.(string); !ok && isText {
			value, ok = parsedEnumValue(base, text)
		} else if !ok && base == String {
			value, ok = scalarText(v)
		}
		if !ok && base == Bool {
			// image-charts lists "0" and "1" beside true and false, as a
			// query string spells them.
			value, ok = bitValue(v)
			bits = bits || ok
		}
		if !ok && v == "" {
			// An empty option, as forms offer for "none" (ReadMe's
			// examples have one in a numeric enum): no value of the
			// type can equal it, so leaving it out checks the same.
			if !emptyLeftOut {
				kind := map[Builtin]string{Int64: "integer", Float64: "number", Bool: "boolean"}[base]
				b.warn(b.doc.Field(s.Origin, "enum"), "schema %s: enum value \"\" is not %s; it is left out, since no %s can equal it", t.Schema, withArticle(kind), kind)
			}
			emptyLeftOut = true
			continue
		}
		if !ok {
			b.fail(b.doc.Field(s.Origin, "enum"), "schema %s: enum value %s is not %s", t.Schema, jsonText(v), withArticle(strings.Join(nonNullTypes(s), "/")))
			continue
		}
		if !exact {
			respelt = append(respelt, jsonText(v))
		}
		if seen[value] {
			continue
		}
		seen[value] = true
		t.Enum.Values = append(t.Enum.Values, &EnumValue{Name: b.names.claim(t.Name + enumSuffix(value)), Value: value})
	}
	if len(respelt) > 0 {
		what := "values " + strings.Join(respelt, ", ") + " are"
		if len(respelt) == 1 {
			what = "value " + respelt[0] + " is"
		}
		switch {
		case base == String:
			b.warn(b.doc.Field(s.Origin, "enum"), "schema %s: enum %s not quoted; read as text, as the type says", t.Schema, what)
		case bits:
			b.warn(b.doc.Field(s.Origin, "enum"), "schema %s: enum %s not a boolean; read as one, 0 as false and 1 as true, as the type says", t.Schema, what)
		default:
			b.warn(b.doc.Field(s.Origin, "enum"), "schema %s: enum %s quoted; read as %s, as the type says", t.Schema, what, withArticle(nonNullTypes(s)[0]))
		}
	}
}

// jsonText writes a decoded JSON value as JSON, so that a string shows its
// quotes (an empty one included).
func jsonText(v any) string {
	text, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(text)
}

// withArticle puts "a" or "an" before a type name.
func withArticle(s string) string {
	if s != "" && strings.ContainsRune("aeiou", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

// enumValue converts a decoded enum value to the Go value of base.
func enumValue(base Builtin, v any) (any, bool) {
	switch base {
	case String:
		s, ok := v.(string)
		return s, ok
	case Bool:
		x, ok := v.(bool)
		return x, ok
	case Int64:
		f, ok := toFloat(v)
		if !ok || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
			return nil, false
		}
		return int64(f), true
	case Float64:
		return toFloat(v)
	}
	return nil, false
}

// allWords reports whether every value of an enum (null aside) is a
// string, and none of them a number or boolean written in quotes.
func allWords(values []any) bool {
	words := 0
	for _, v := range values {
		switch x := v.(type) {
		case nil:
		case string:
			if jsonNumber.MatchString(x) || x == "true" || x == "false" {
				return false // a value of some type, in quotes
			}
			words++
		default:
			return false
		}
	}
	return words > 0
}

// parsedEnumValue converts an enum value written as a string to the Go
// value of base when the string is a JSON number or boolean of that type.
func parsedEnumValue(base Builtin, text string) (any, bool) {
	if base == Bool {
		if text == "true" || text == "false" {
			return text == "true", true
		}
		return nil, false
	}
	if !jsonNumber.MatchString(text) {
		return nil, false
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return nil, false
	}
	return enumValue(base, f)
}

// bitValue reads 0 and 1, as numbers or text, as false and true.
func bitValue(v any) (bool, bool) {
	switch v {
	case 0.0, 0, "0":
		return false, true
	case 1.0, 1, "1":
		return true, true
	}
	return false, false
}

// jsonNumber matches a number as JSON writes it.
var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$`)

// scalarText is the JSON text of a number or boolean.
func scalarText(v any) (string, bool) {
	switch x := v.(type) {
	case bool:
		return strconv.FormatBool(x), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case int:
		return strconv.Itoa(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	}
	return "", false
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	}
	return 0, false
}

// enumSuffix names the constant for an enum value: "client" → Client,
// true → True, 1.5 → Value1Point5.
func enumSuffix(v any) string {
	switch x := v.(type) {
	case string:
		if x == "" {
			return "Empty"
		}
		name := GoName(x)
		if strings.HasPrefix(name, "X") && !strings.HasPrefix(strings.ToUpper(x), "X") {
			return "Value" + name[1:]
		}
		return name
	case bool:
		if x {
			return "True"
		}
		return "False"
	case int64:
		return "Value" + strings.ReplaceAll(strconv.FormatInt(x, 10), "-", "Minus")
	case float64:
		s := strconv.FormatFloat(x, 'f', -1, 64)
		return "Value" + strings.NewReplacer("-", "Minus", ".", "Point").Replace(s)
	}
	return "Value"
}
