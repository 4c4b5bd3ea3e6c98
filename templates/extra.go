package templates

import (
	"bytes"
	"encoding/json"
	"slices"
)

// decodeExtraFields returns the properties of the JSON object in data whose
// keys are not declared by the schema, so that a decode → encode round trip
// keeps them. It returns nil when there are none.
func decodeExtraFields(data []byte, known func(string) bool) (map[string]json.RawMessage, error) {
	var all map[string]json.RawMessage
	if err := json.Unmarshal(data, &all); err != nil {
		return nil, err
	}
	var extra map[string]json.RawMessage
	for k, v := range all {
		if known(k) {
			continue
		}
		if extra == nil {
			extra = make(map[string]json.RawMessage)
		}
		extra[k] = v
	}
	return extra, nil
}

// appendExtraFields adds the extra properties, in key order, to the JSON
// object in encoded. Keys the schema declares are skipped: the typed field wins.
func appendExtraFields(encoded []byte, extra map[string]json.RawMessage, known func(string) bool) ([]byte, error) {
	if len(extra) == 0 {
		return encoded, nil
	}
	keys := make([]string, 0, len(extra))
	for k := range extra {
		if !known(k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	encoded = bytes.TrimRight(encoded, " \t\r\n")
	if len(encoded) < 2 || encoded[len(encoded)-1] != '}' {
		return nil, &json.UnsupportedValueError{Str: "additional properties need a JSON object"}
	}
	out := slices.Clip(encoded[:len(encoded)-1])
	empty := bytes.Equal(bytes.TrimSpace(out), []byte("{"))
	for _, k := range keys {
		value := extra[k]
		if !json.Valid(value) {
			return nil, &json.UnsupportedValueError{Str: "additional property " + k + " holds invalid JSON"}
		}
		if !empty {
			out = append(out, ',')
		}
		empty = false
		name, _ := json.Marshal(k)
		out = append(out, name...)
		out = append(out, ':')
		out = append(out, value...)
	}
	return append(out, '}'), nil
}
