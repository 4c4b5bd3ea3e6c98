package load

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v4"
)

// yamlError places and words a failure of the YAML library (which
// kin-openapi parses JSON with too) that err wraps, or returns nil. The
// library's marks give the line and column; a failure inside a file that
// a $ref names is placed in that file. A value of the wrong type is said
// plainly ("/info must be an object, not an array") instead of in Go's
// types ("cannot construct !!seq into openapi3.Info").
func yamlError(path string, data []byte, err error) *Error {
	var first *yaml.LoadError
	var all *yaml.LoadErrors
	switch {
	case errors.As(err, &all) && len(all.Errors) > 0:
		first = all.Errors[0]
	case errors.As(err, &first):
	}
	if first == nil {
		return nil
	}
	if m := resolvingRef.FindStringSubmatch(err.Error()); m != nil && m[1] != "" {
		// The failure is in the file the $ref names, which is relative
		// to the spec (to the file that refers to it, for a $ref inside
		// another file; the spec's folder is the better guess left).
		path = filepath.Join(filepath.Dir(path), filepath.FromSlash(m[1]))
		if other, err := os.ReadFile(path); err == nil {
			data = other
		}
	}
	pos := Pos{File: path, Line: first.Mark.Line, Column: first.Mark.Column}
	// The parser counts a line past the end for an unterminated value.
	if last := 1 + bytes.Count(bytes.TrimRight(data, "\n"), []byte("\n")); pos.Line > last {
		pos.Line, pos.Column = last, 0
	}
	if m := wrongType.FindStringSubmatch(first.Message); m != nil {
		return &Error{Pos: pos, Msg: fmt.Sprintf("invalid spec: %s must be %s, not %s", m[4], kindOfGo(m[3]), kindOfYAML(m[1], m[2]))}
	}
	if m := notAString.FindStringSubmatch(first.Message); m != nil {
		return &Error{Pos: pos, Msg: fmt.Sprintf("invalid spec: %s/%s must be a string, not %s", m[3], m[2], kindOfYAML(m[1], ""))}
	}
	syntax, detail := "YAML", first.Message
	if isJSON(path, data) {
		syntax = "JSON"
	} else if startsWithTab(data, pos.Line) && !strings.Contains(detail, "tab") {
		// The library's wording for a line indented with tabs alone
		// never says what is wrong with it.
		detail += " (the line is indented with a tab; YAML indents with spaces only)"
	}
	return &Error{Pos: pos, Msg: "invalid " + syntax + ": " + detail}
}

var (
	// resolvingRef names the $ref kin-openapi was following.
	resolvingRef = regexp.MustCompile(`error resolving reference "([^"#]*)`)
	// wrongType is the YAML library's message for a value of the wrong
	// type, with the JSON pointer kin-openapi adds to it.
	wrongType = regexp.MustCompile("^cannot construct !!(\\w+)(?: `([^`]*)`)? into (.+?) in (/\\S*)$")
	// notAString is kin-openapi's message for a non-string where a string
	// field is.
	notAString = regexp.MustCompile(`^cannot unmarshal !!(\w+) into string field "([^"]*)" in (/\S*)$`)
)

// kindOfGo names, in JSON's terms, what a Go type of kin-openapi's holds.
func kindOfGo(goType string) string {
	switch {
	case strings.HasPrefix(goType, "[]"):
		return "an array"
	case goType == "string":
		return "a string"
	case goType == "bool":
		return "a boolean"
	case strings.HasPrefix(goType, "int"), strings.HasPrefix(goType, "uint"), strings.HasPrefix(goType, "float"):
		return "a number"
	}
	return "an object" // maps and kin-openapi's structs
}

// kindOfYAML names, in JSON's terms, a value the YAML library tagged, with
// the value itself when it is short.
func kindOfYAML(tag, value string) string {
	kind := map[string]string{"seq": "an array", "map": "an object", "str": "a string", "int": "a number",
		"float": "a number", "bool": "a boolean", "null": "null", "binary": "binary data", "timestamp": "a timestamp"}[tag]
	if kind == "" {
		kind = "a !!" + tag
	}
	if value != "" && len(value) <= 40 && kind != "null" {
		kind += " (" + value + ")"
	}
	return kind
}
