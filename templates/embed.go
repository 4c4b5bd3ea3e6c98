// Package templates holds the runtime support that every generated package
// needs: optional and nullable wrappers, the validation error type and its
// checks, union and additional-property helpers. The files are ordinary Go,
// compiled and tested here, and copied verbatim (with the package clause
// rewritten) into each generated package, so generated code imports only the
// standard library.
package templates

import (
	"bytes"
	"embed"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"slices"
	"strings"
)

//go:embed json_read.go json_write.go optional.go validate.go union.go transport.go params.go server_runtime.go server_routes.go text.go
var runtimeFiles embed.FS

// Source is one runtime file, ready to be written into a generated package.
type Source struct {
	Name string // file name, such as "optional.go"
	Body []byte // the source after the package clause
	// Client and Server say which generated code needs the file: a client,
	// a server, or (both set) either one; neither set means every package.
	Client bool
	Server bool
}

// clientFiles are the runtime files that a client uses.
var clientFiles = map[string]bool{"transport.go": true, "params.go": true, "text.go": true}

// serverFiles are the runtime files that a server uses.
var serverFiles = map[string]bool{"server_runtime.go": true, "server_routes.go": true, "text.go": true}

// Sources returns the runtime files in name order, each without its package
// clause, so the emitter can write its own header and package name above.
func Sources() []Source {
	entries, err := fs.ReadDir(runtimeFiles, ".")
	if err != nil {
		panic("templates: embedded files unreadable: " + err.Error()) // cannot happen: embed checked at build time
	}
	var out []Source
	for _, e := range entries {
		body, err := runtimeFiles.ReadFile(e.Name())
		if err != nil {
			panic("templates: embedded files unreadable: " + err.Error())
		}
		_, after, ok := bytes.Cut(body, []byte("package templates\n"))
		if !ok {
			panic("templates: " + e.Name() + " lacks its package clause")
		}
		out = append(out, Source{Name: e.Name(), Body: after, Client: clientFiles[e.Name()], Server: serverFiles[e.Name()]})
	}
	return out
}

// Identifiers returns every package-level name the runtime files declare,
// sorted. The model builder keeps generated names clear of them. The list
// is kept in identifiers.go, so that a run does not parse the runtime to
// learn it; TestIdentifiersUpToDate checks it against ParseIdentifiers.
func Identifiers() []string { return slices.Clone(identifiers) }

// ParseIdentifiers computes what Identifiers returns, from the source.
func ParseIdentifiers() []string {
	fset := token.NewFileSet()
	var names []string
	for _, src := range Sources() {
		f, err := parser.ParseFile(fset, src.Name, append([]byte("package templates\n"), src.Body...), parser.SkipObjectResolution)
		if err != nil {
			panic("templates: " + err.Error())
		}
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					names = append(names, d.Name.Name)
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						names = append(names, s.Name.Name)
					case *ast.ValueSpec:
						for _, n := range s.Names {
							names = append(names, n.Name)
						}
					}
				}
			}
		}
	}
	slices.SortFunc(names, strings.Compare)
	return slices.Compact(names)
}
