// Package generator runs the oasgen pipeline — load → model → emit — and
// writes the result to disk or compares it with what is there.
//
// Generate returns the files as data; Write, Check and the golden tests all
// reuse that one result.
package generator

import (
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/oasgen/oasgen/generator/emit"
	"github.com/oasgen/oasgen/generator/load"
	"github.com/oasgen/oasgen/generator/model"
	"github.com/oasgen/oasgen/spec"
	"github.com/oasgen/oasgen/templates"
)

// File is one generated file.
type File = emit.File

// Header marks the files oasgen writes.
const Header = emit.Header

// Config says what to generate from which spec.
type Config struct {
	// Spec is the path of the OpenAPI document; empty means the embedded
	// default, spec/client-grants.yaml.
	Spec string
	// Package is the Go package name; empty means one derived from Out.
	Package string
	// Out is the output directory; empty means DefaultOut for the embedded
	// spec and ./api otherwise. See OutDir.
	Out string
	// Generate lists what to produce: "types", "client", "server". Empty
	// means all three.
	Generate []string
	// TypeNames renames schemas: component name → Go type name.
	TypeNames map[string]string
	// MethodNames renames operations: operationId → Go method name.
	MethodNames map[string]string
	// IncludeTags and IncludeOperations select the operations to generate
	// (those with one of the tags, and those with one of the operationIds)
	// and with them the schemas they use; both empty means everything.
	IncludeTags, IncludeOperations []string
}

// wants reports whether the config asks for kind.
func (c Config) wants(kind string) bool {
	return len(c.Generate) == 0 || slices.Contains(c.Generate, kind)
}

// OutDir returns the output directory the config names or implies.
func (c Config) OutDir() string {
	switch {
	case c.Out != "":
		return c.Out
	case c.Spec == "":
		return DefaultOut
	}
	return "api"
}

// Defaults for the embedded spec.
const (
	DefaultOut     = "generated/clientgrants"
	DefaultPackage = "clientgrants"
)

// Result is what one run produces.
type Result struct {
	Files    []File
	Warnings []*load.Error
}

// Generate loads the spec, builds the model and renders every file. It
// writes nothing.
func Generate(cfg Config) (*Result, error) {
	var doc *load.Document
	var err error
	if cfg.Spec == "" {
		doc, err = load.Data(spec.ClientGrantsPath, spec.ClientGrants)
	} else {
		doc, err = load.File(cfg.Spec)
	}
	if err != nil {
		return nil, err
	}
	pkg, err := PackageName(cfg)
	if err != nil {
		return nil, err
	}
	for _, kind := range cfg.Generate {
		switch kind {
		case "types", "client", "server":
		default:
			return nil, fmt.Errorf("cannot generate %q; choose from types, client, server", kind)
		}
	}
	api, err := model.Build(doc, model.Options{
		Reserved:    templates.Identifiers(),
		TypeNames:   cfg.TypeNames,
		MethodNames: cfg.MethodNames,
		Server:      cfg.wants("server"),
		Include:     model.Include{Tags: cfg.IncludeTags, Operations: cfg.IncludeOperations},
	})
	if err != nil {
		return nil, err
	}
	files, err := emit.Files(api, emit.Options{Package: pkg, Source: filepath.ToSlash(filepath.Base(doc.Path)), Client: cfg.wants("client"), Server: cfg.wants("server")})
	if err != nil {
		return nil, err
	}
	return &Result{Files: files, Warnings: api.Warnings}, nil
}

// PackageName returns the package name the config asks for, or derives one
// from the output directory (generated/clientgrants → clientgrants).
func PackageName(cfg Config) (string, error) {
	name := cfg.Package
	if name == "" {
		abs, err := filepath.Abs(cfg.OutDir())
		if err != nil {
			return "", err
		}
		name = strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, filepath.Base(abs))
		if name == "" || unicode.IsDigit([]rune(name)[0]) {
			name = "api" + name
		}
	}
	if !isPackageName(name) {
		return "", fmt.Errorf("package name %q is not a valid Go identifier for a package (nor a keyword, nor main); choose one with -package", name)
	}
	return name, nil
}

func isPackageName(s string) bool {
	if s == "" || s == "_" || s == "main" || token.IsKeyword(s) {
		return false
	}
	for i, r := range s {
		if !unicode.IsLetter(r) && r != '_' && (i == 0 || !unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}
