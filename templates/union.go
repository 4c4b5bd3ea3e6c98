package templates

import (
	"encoding/json"
	"fmt"
	"slices"
)

// jsonShape is the kind of a JSON value, told by its first byte.
type jsonShape uint8

const (
	shapeInvalid jsonShape = iota
	shapeNull
	shapeBool
	shapeNumber
	shapeString
	shapeArray
	shapeObject
)

// String names the shape as JSON Schema names types.
func (s jsonShape) String() string {
	switch s {
	case shapeNull:
		return "null"
	case shapeBool:
		return "boolean"
	case shapeNumber:
		return "number"
	case shapeString:
		return "string"
	case shapeArray:
		return "array"
	case shapeObject:
		return "object"
	}
	return "invalid JSON"
}

// shapeOf classifies the JSON value in data without decoding it.
func shapeOf(data []byte) jsonShape {
	data = trimJSONSpace(data)
	if len(data) == 0 {
		return shapeInvalid
	}
	switch c := data[0]; {
	case c == '{':
		return shapeObject
	case c == '[':
		return shapeArray
	case c == '"':
		return shapeString
	case c == 't' || c == 'f':
		return shapeBool
	case c == 'n':
		return shapeNull
	case c == '-' || (c >= '0' && c <= '9'):
		return shapeNumber
	}
	return shapeInvalid
}

// objectVariant describes one object-shaped member of a oneOf or anyOf, as
// far as choosing between members needs: its declared properties, which of
// them are required, and whether it forbids other properties.
type objectVariant struct {
	properties []string
	required   []string
	closed     bool
}

// chooseObjectVariant returns the index of the variant that fits the keys of
// the JSON object in data best, or -1 when none can hold it. A variant is out
// when a required key is missing or, if it is closed, when the object has a
// key it does not declare (unless no variant takes every key, in which case
// the undeclared keys are ignored, so that a client survives a server that
// adds a property). Among the rest, the one that declares more of the
// object's keys wins; on a tie, the one with fewer declared properties (the
// tighter fit); then the earlier one.
func chooseObjectVariant(data []byte, variants []objectVariant) (int, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return -1, err
	}
	if best := bestObjectVariant(fields, variants, true); best >= 0 {
		return best, nil
	}
	// No variant takes every key. Keys that no variant declares may be new
	// properties from a newer server: ignore them, but only for an object
	// that otherwise fits one variant and mixes in no other's keys.
	known := func(key string) bool {
		for _, v := range variants {
			if slices.Contains(v.properties, key) {
				return true
			}
		}
		return false
	}
	for key := range fields {
		if !known(key) {
			delete(fields, key)
		}
	}
	if len(fields) == 0 {
		return -1, nil
	}
	return bestObjectVariant(fields, variants, true), nil
}

// bestObjectVariant scores the variants against the keys present; closed
// says whether a closed variant refuses keys it does not declare.
func bestObjectVariant(fields map[string]json.RawMessage, variants []objectVariant, closed bool) int {
	best, bestMatched := -1, -1
	for i, v := range variants {
		matched, fits := 0, true
		for key := range fields {
			if slices.Contains(v.properties, key) {
				matched++
			} else if closed && v.closed {
				fits = false
				break
			}
		}
		for _, r := range v.required {
			if _, ok := fields[r]; !ok {
				fits = false
				break
			}
		}
		if !fits {
			continue
		}
		if best < 0 || matched > bestMatched ||
			(matched == bestMatched && len(v.properties) < len(variants[best].properties)) {
			best, bestMatched = i, matched
		}
	}
	return best
}

// UnionError reports JSON that fits none of a union's variants.
type UnionError struct {
	Type  string // the Go type being decoded
	Shape string // the JSON shape that was found
	Want  string // the shapes the variants accept
}

// Error says which type could not hold which shape.
func (e *UnionError) Error() string {
	return fmt.Sprintf("%s: a JSON %s matches none of its variants (%s)", e.Type, e.Shape, e.Want)
}

// discriminatorValue returns the string value of the discriminator
// property of the JSON object in data, and whether it has one.
func discriminatorValue(data []byte, property string) (string, bool, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return "", false, err
	}
	raw, ok := fields[property]
	if !ok {
		return "", false, nil
	}
	var value string
	if err := json.Unmarshal(raw, &value); err != nil {
		return "", false, nil
	}
	return value, true, nil
}
