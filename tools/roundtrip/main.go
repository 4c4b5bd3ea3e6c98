// Command roundtrip writes, into a package oasgen generated with its client
// and server, a test that runs the one against the other over HTTP:
//
//	go run ./tools/roundtrip ./api && (cd api && go test -run ZZ -v)
//
// It writes two files. zz_roundtrip_stub_test.go holds a stub Handler, built
// from the package's own interface, and what the test needs to fill values
// at random: each enum's constants, each union's constructors, the
// constructors of each operation's answers and the client options of each
// security scheme. zz_roundtrip_test.go holds the tests:
//
//   - TestZZRequests calls every client method up to 40 times with random
//     arguments while the stub answers 418. What the client accepts and sends,
//     the server must accept too and hand to the stub: any other answer than
//     418 (401 aside, for a scheme the client has no option for) is a
//     failure, and so is a panic or an error the server logs.
//   - TestZZAnswers has the stub answer with the operation's first
//     constructor and a random body, valid by the body's own Validate, and
//     checks that the client returns that body.
//
// The names start with zz so as not to clash with the package's. The
// directory specs were swept with it by hand (see the README); the package's
// test runs it on the client-grants package.
package main

import (
	"bytes"
	"cmp"
	_ "embed"
	"errors"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

//go:embed runner.go.txt
var runner string

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: roundtrip DIR (a package oasgen generated with its client and server)")
		os.Exit(2)
	}
	if err := write(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "roundtrip:", err)
		os.Exit(1)
	}
}

// write writes the stub and the tests into the package in dir.
func write(dir string) error {
	pkg, stub, err := stubFile(dir)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "zz_roundtrip_stub_test.go"), stub, 0o644); err != nil {
		return err
	}
	tests := strings.Replace(runner, "package PKG", "package "+pkg, 1)
	return os.WriteFile(filepath.Join(dir, "zz_roundtrip_test.go"), []byte(tests), 0o644)
}

// declarations is what the stub needs to know of the package.
type declarations struct {
	pkg               string
	handler, security *ast.InterfaceType
	imports           map[string]string   // name → path, of the package's files
	enums             map[string]bool     // types with an IsKnown method
	consts            map[string][]string // type → its constants
	unionCtors        map[string][]string // union type → its New… constructors
	answerCtors       map[string][]string // server.go's functions by the type they return: answers' constructors, in order
	credentialOptions []string            // calls of client.go's With… options, with "k" for each string
	clientOps         map[string][]string // operation ID → its client methods, as Receiver.Method
	servedOps         map[string]bool     // the operation IDs the Handler serves
	setsAuthorization bool                // one of them sets the Authorization header (HTTP basic)
	readsBearer       bool                // the server reads a bearer token for some scheme
	fset              *token.FileSet
}

// read parses the package's files (not its tests) and collects the
// declarations.
func read(dir string) (*declarations, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	d := &declarations{
		imports: map[string]string{}, enums: map[string]bool{}, consts: map[string][]string{},
		unionCtors: map[string][]string{}, answerCtors: map[string][]string{}, fset: token.NewFileSet(),
		clientOps: map[string][]string{}, servedOps: map[string]bool{},
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(d.fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution|parser.ParseComments)
		if err != nil {
			return nil, err
		}
		d.pkg = f.Name.Name
		for _, im := range f.Imports {
			path := strings.Trim(im.Path.Value, `"`)
			local := path[strings.LastIndex(path, "/")+1:]
			if im.Name != nil {
				local = im.Name.Name
			}
			d.imports[local] = path
		}
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.GenDecl:
				d.genDecl(decl)
			case *ast.FuncDecl:
				d.funcDecl(decl, name)
			}
		}
		if name == "server.go" {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "bearerToken" {
						d.readsBearer = true
					}
				}
				return true
			})
		}
	}
	if d.handler == nil {
		return nil, errors.New(dir + " has no Handler: generate the package with its server")
	}
	return d, nil
}

func (d *declarations) genDecl(decl *ast.GenDecl) {
	for _, spec := range decl.Specs {
		switch spec := spec.(type) {
		case *ast.TypeSpec:
			if it, ok := spec.Type.(*ast.InterfaceType); ok {
				switch spec.Name.Name {
				case "Handler":
					d.handler = it
					for _, m := range it.Methods.List {
						if id, ok := operationOf(m.Doc, "serves"); ok {
							d.servedOps[id] = true
						}
					}
				case "SecurityHandler":
					d.security = it
				}
			}
		case *ast.ValueSpec:
			if id, ok := spec.Type.(*ast.Ident); ok && decl.Tok == token.CONST {
				for _, n := range spec.Names {
					d.consts[id.Name] = append(d.consts[id.Name], n.Name)
				}
			}
		}
	}
}

func (d *declarations) funcDecl(fd *ast.FuncDecl, file string) {
	if fd.Recv != nil {
		if id, ok := operationOf(fd.Doc, "invokes"); ok && file == "client.go" {
			recv := fd.Recv.List[0].Type
			if star, ok := recv.(*ast.StarExpr); ok {
				recv = star.X
			}
			if t, ok := recv.(*ast.Ident); ok {
				for _, suffix := range []string{"", "WithHeaders", "All"} {
					d.clientOps[id] = append(d.clientOps[id], t.Name+"."+fd.Name.Name+suffix)
				}
			}
		}
		if fd.Name.Name == "IsKnown" {
			t := fd.Recv.List[0].Type
			if star, ok := t.(*ast.StarExpr); ok {
				t = star.X
			}
			if id, ok := t.(*ast.Ident); ok {
				d.enums[id.Name] = true
			}
		}
		return
	}
	if fd.Type.TypeParams != nil || fd.Type.Results.NumFields() != 1 || !ast.IsExported(fd.Name.Name) {
		return
	}
	result, ok := fd.Type.Results.List[0].Type.(*ast.Ident)
	if !ok {
		return
	}
	switch {
	case file == "client.go" && result.Name == "Option" && strings.HasPrefix(fd.Name.Name, "With"):
		args := slices.Repeat([]string{`"k"`}, fd.Type.Params.NumFields())
		d.credentialOptions = append(d.credentialOptions, fd.Name.Name+"("+strings.Join(args, ", ")+")")
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Value == `"Authorization"` {
				d.setsAuthorization = true
			}
			return true
		})
	case file == "server.go":
		// Answers' constructors, among others; they are looked up by the
		// type a Handler method returns, which is not always named
		// …Response, while a union's may be.
		d.answerCtors[result.Name] = append(d.answerCtors[result.Name], fd.Name.Name)
	case strings.HasPrefix(fd.Name.Name, "New") && fd.Type.Params.NumFields() == 1 && result.Name != "Client" && result.Name != "Error":
		if _, variadic := fd.Type.Params.List[0].Type.(*ast.Ellipsis); !variadic {
			d.unionCtors[result.Name] = append(d.unionCtors[result.Name], fd.Name.Name)
		}
	}
}

// operationOf reads the operation ID from a method's doc comment, whose
// first sentence says "ListItems invokes operation listItems: GET /items."
// (verb "invokes", in client.go) or "… serves operation …" (verb "serves",
// in the Handler).
func operationOf(doc *ast.CommentGroup, verb string) (string, bool) {
	if doc == nil {
		return "", false
	}
	text := strings.Join(strings.Fields(doc.Text()), " ") // unwrapped
	_, rest, ok := strings.Cut(text, " "+verb+" operation ")
	if !ok {
		return "", false
	}
	id, _, ok := strings.Cut(rest, ": ")
	return id, ok
}

// stubFile returns the package's name and the stub file's source.
func stubFile(dir string) (string, []byte, error) {
	d, err := read(dir)
	if err != nil {
		return "", nil, err
	}
	used := map[string]bool{"context": true, "reflect": true}
	var b strings.Builder
	d.stubMethods(&b, d.handler, false, used)
	options := "nil"
	if d.security != nil {
		d.stubMethods(&b, d.security, true, used)
		options = "[]ServerOption{WithSecurity(zzStub{})}"
	}
	fmt.Fprintf(&b, "func zzServerOptions() []ServerOption { return %s }\n\n", options)
	// The bearer token goes too, unless a scheme's option sets the
	// Authorization header and no scheme reads a bearer token: the token
	// would replace those credentials for nothing. (Where both kinds are,
	// as in authentiq's, the stub takes the token for either.)
	clientOptions := d.credentialOptions
	if !d.setsAuthorization || d.readsBearer {
		clientOptions = append(clientOptions, `WithToken("tok")`)
	}
	fmt.Fprintf(&b, "func zzClientOptions() []Option { return []Option{%s} }\n\n", strings.Join(clientOptions, ", "))
	b.WriteString("var zzEnums = map[reflect.Type][]any{\n")
	for _, t := range slices.Sorted(maps.Keys(d.enums)) {
		if len(d.consts[t]) > 0 {
			fmt.Fprintf(&b, "reflect.TypeFor[%s](): {%s},\n", t, strings.Join(d.consts[t], ", "))
		}
	}
	// The client methods of the operations the server leaves out (two
	// paths it cannot tell apart, see the generator's warning) have
	// nothing to reach.
	b.WriteString("}\n\nvar zzUnserved = map[string]bool{\n")
	for _, id := range slices.Sorted(maps.Keys(d.clientOps)) {
		if !d.servedOps[id] {
			for _, m := range d.clientOps[id] {
				fmt.Fprintf(&b, "%q: true,\n", m)
			}
		}
	}
	b.WriteString("}\n\nvar zzCtors = map[reflect.Type][]any{\n")
	for _, t := range slices.Sorted(maps.Keys(d.unionCtors)) {
		fmt.Fprintf(&b, "reflect.TypeFor[%s](): {%s},\n", t, strings.Join(d.unionCtors[t], ", "))
	}
	b.WriteString("}\n")
	var head strings.Builder
	head.WriteString("// Code written by tools/roundtrip: a stub of the package's Handler. DO NOT EDIT.\n\npackage " + d.pkg + "\n\nimport (\n")
	for _, name := range slices.Sorted(maps.Keys(used)) {
		path := cmp.Or(d.imports[name], name)
		fmt.Fprintf(&head, "%s %q\n", name, path)
	}
	head.WriteString(")\n\ntype zzStub struct{}\n\n")
	src, err := format.Source([]byte(head.String() + b.String()))
	if err != nil {
		return "", nil, fmt.Errorf("the stub does not parse: %w", err)
	}
	return d.pkg, src, nil
}

// stubMethods writes a method of zzStub for each method of it: a security
// check lets every request through; an operation answers 418, or, while
// zzMode is 1, with its first answer constructor and a random body.
func (d *declarations) stubMethods(b *strings.Builder, it *ast.InterfaceType, security bool, used map[string]bool) {
	ast.Inspect(it, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	for _, m := range it.Methods.List {
		ft := m.Type.(*ast.FuncType)
		var params, results []string
		for _, p := range ft.Params.List {
			for range max(len(p.Names), 1) {
				params = append(params, fmt.Sprintf("p%d %s", len(params), d.source(p.Type)))
			}
		}
		for _, r := range ft.Results.List {
			results = append(results, d.source(r.Type))
		}
		fmt.Fprintf(b, "func (zzStub) %s(%s) (%s) {\n", m.Names[0].Name, strings.Join(params, ", "), strings.Join(results, ", "))
		switch {
		case security:
			b.WriteString("return p0, nil\n")
		case len(results) == 1:
			b.WriteString("return NewError(418, \"zz_stub\", \"stub\")\n")
		default:
			if ctors := d.answerCtors[results[0]]; len(ctors) > 0 {
				fmt.Fprintf(b, "if zzMode == 1 {\nvar r %s\nzzAnswer(&r, %s)\nreturn r, nil\n}\n", results[0], strings.Join(ctors, ", "))
			}
			fmt.Fprintf(b, "var r %s\nreturn r, NewError(418, \"zz_stub\", \"stub\")\n", results[0])
		}
		b.WriteString("}\n\n")
	}
}

// source prints an expression of the package's files.
func (d *declarations) source(n ast.Node) string {
	var b bytes.Buffer
	format.Node(&b, d.fset, n)
	return b.String()
}
