// Package config reads oasgen.yaml, the file that tells oasgen what to
// generate in a user's repository. YAML and JSON are both accepted; paths in
// it are relative to the file; unknown keys are errors that name the key and
// its line.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/oasgen/oasgen/generator/load"
)

// File is the content of a config file, with its paths resolved against
// the directory that holds it.
type File struct {
	Spec     string   // path of the OpenAPI document
	Out      string   // output directory
	Package  string   // Go package name
	Generate []string // what to generate: "types", "client", "server"; empty means all
	Check    bool     // drift check instead of writing
	// TypeNames renames schemas: component name → Go type name.
	TypeNames map[string]string
	// MethodNames renames operations: operationId → Go method name.
	MethodNames map[string]string
	// IncludeTags and IncludeOperations select the operations to generate
	// by tag and by operationId; both empty means all of them.
	IncludeTags, IncludeOperations []string
}

// Kinds lists what a config may ask to generate.
var Kinds = []string{"types", "client", "server"}

// Example is a complete config file, for documentation and tests.
const Example = `# oasgen.yaml
spec: api/openapi.yaml     # the OpenAPI document, relative to this file
out: internal/api          # where to write the package, relative to this file
package: api               # the Go package name (default: last element of out)
generate: [types, client]  # any subset of types, client, server (default: all)
check: false               # true: compare only, exit 1 on drift
names:
  types:                   # schema name → Go type name
    ClientGrantResponseContent: Grant
  operations:              # operationId → Go method name
    get_client-grants: ListGrants
include:                   # only these operations and the schemas they use (default: all)
  tags: [client-grants]    # the operations with one of these tags
  operations: [get_clients] # and those with one of these operationIds
`

// Load reads the config file at path.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &load.Error{Pos: load.Pos{File: path}, Msg: "cannot read config: " + err.Error()}
	}
	return Parse(path, data)
}

// Parse reads a config from data; path names it in errors and anchors its
// relative paths.
func Parse(path string, data []byte) (*File, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &load.Error{Pos: load.Pos{File: path}, Msg: "invalid config: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	p := &parser{path: path}
	f := &File{}
	if len(doc.Content) == 0 {
		return nil, p.errorf(&doc, "the config file is empty; it needs at least spec and out")
	}
	root := doc.Content[0]
	if err := p.mapping(root, "the config", func(key, value *yaml.Node) error {
		switch key.Value {
		case "spec":
			return p.str(value, &f.Spec)
		case "out":
			return p.str(value, &f.Out)
		case "package":
			return p.str(value, &f.Package)
		case "check":
			return p.boolean(value, &f.Check)
		case "generate":
			return p.kinds(value, &f.Generate)
		case "names":
			return p.mapping(value, "names", func(k, v *yaml.Node) error {
				switch k.Value {
				case "types":
					return p.stringMap(v, &f.TypeNames)
				case "operations":
					return p.stringMap(v, &f.MethodNames)
				}
				return p.errorf(k, "unknown key %q in names; known keys: types, operations", k.Value)
			})
		case "include":
			return p.mapping(value, "include", func(k, v *yaml.Node) error {
				switch k.Value {
				case "tags":
					return p.strings(v, "include.tags", &f.IncludeTags)
				case "operations":
					return p.strings(v, "include.operations", &f.IncludeOperations)
				}
				return p.errorf(k, "unknown key %q in include; known keys: tags, operations", k.Value)
			})
		}
		return p.errorf(key, "unknown key %q; known keys: spec, out, package, generate, check, names, include", key.Value)
	}); err != nil {
		return nil, err
	}
	if f.Spec == "" {
		return nil, p.errorf(root, "spec is required: the OpenAPI document to read")
	}
	if f.Out == "" {
		return nil, p.errorf(root, "out is required: the directory to write the package to")
	}
	dir := filepath.Dir(path)
	f.Spec = resolve(dir, f.Spec)
	f.Out = resolve(dir, f.Out)
	return f, nil
}

func resolve(dir, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}

// parser walks the YAML tree and positions its errors.
type parser struct{ path string }

func (p *parser) errorf(n *yaml.Node, format string, args ...any) error {
	return &load.Error{Pos: load.Pos{File: p.path, Line: n.Line, Column: n.Column}, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) mapping(n *yaml.Node, what string, each func(key, value *yaml.Node) error) error {
	if n.Kind != yaml.MappingNode {
		return p.errorf(n, "%s must be a mapping of keys to values", what)
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		if seen[key.Value] {
			return p.errorf(key, "key %q appears twice", key.Value)
		}
		seen[key.Value] = true
		if err := each(key, value); err != nil {
			return err
		}
	}
	return nil
}

func (p *parser) str(n *yaml.Node, dst *string) error {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" || n.Tag == "!!map" {
		return p.errorf(n, "expected a string")
	}
	*dst = n.Value
	return nil
}

func (p *parser) boolean(n *yaml.Node, dst *bool) error {
	switch {
	case n.Kind == yaml.ScalarNode && n.Tag == "!!bool" && n.Value == "true":
		*dst = true
	case n.Kind == yaml.ScalarNode && n.Tag == "!!bool" && n.Value == "false":
		*dst = false
	default:
		return p.errorf(n, "expected true or false, not %q", n.Value)
	}
	return nil
}

func (p *parser) kinds(n *yaml.Node, dst *[]string) error {
	if n.Kind != yaml.SequenceNode {
		return p.errorf(n, "generate must be a list, such as [types, client]")
	}
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode || !slices.Contains(Kinds, item.Value) {
			return p.errorf(item, "cannot generate %q; choose from %s", item.Value, strings.Join(Kinds, ", "))
		}
		if !slices.Contains(*dst, item.Value) {
			*dst = append(*dst, item.Value)
		}
	}
	return nil
}

// strings reads a list of non-empty strings, such as [a, b].
func (p *parser) strings(n *yaml.Node, what string, dst *[]string) error {
	if n.Kind != yaml.SequenceNode {
		return p.errorf(n, "%s must be a list, such as [a, b]", what)
	}
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode || item.Value == "" {
			return p.errorf(item, "%s lists strings; this item is not one", what)
		}
		*dst = append(*dst, item.Value)
	}
	return nil
}

func (p *parser) stringMap(n *yaml.Node, dst *map[string]string) error {
	*dst = map[string]string{}
	return p.mapping(n, "a name map", func(k, v *yaml.Node) error {
		var s string
		if err := p.str(v, &s); err != nil {
			return err
		}
		(*dst)[k.Value] = s
		return nil
	})
}
