package templates

import (
	"bytes"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
)

var wantRuntimeFiles = []string{"json_read.go", "json_write.go", "optional.go", "params.go", "server_routes.go", "server_runtime.go", "transport.go", "union.go", "validate.go"}

func TestSourcesNames(t *testing.T) {
	var names []string
	for _, s := range Sources() {
		names = append(names, s.Name)
	}
	if !slices.Equal(names, wantRuntimeFiles) {
		t.Fatalf("Sources() names = %q, want %q (in name order, no embed.go, no tests)", names, wantRuntimeFiles)
	}
}

func TestSourcesBodies(t *testing.T) {
	for _, s := range Sources() {
		t.Run(s.Name, func(t *testing.T) {
			if strings.HasSuffix(s.Name, "_test.go") || s.Name == "embed.go" {
				t.Fatalf("%s must not be shipped", s.Name)
			}
			if bytes.Contains(s.Body, []byte("package templates")) {
				t.Fatalf("%s body still holds the package clause", s.Name)
			}
			if bytes.Contains(s.Body, []byte("go:embed")) || bytes.Contains(s.Body, []byte(`"embed"`)) {
				t.Fatalf("%s body refers to embed", s.Name)
			}
			disk, err := os.ReadFile(s.Name)
			if err != nil {
				t.Fatal(err)
			}
			before, after, ok := bytes.Cut(disk, []byte("package templates\n"))
			if !ok {
				t.Fatalf("%s on disk has no package clause", s.Name)
			}
			if !bytes.Equal(s.Body, after) {
				t.Fatalf("%s: embedded body differs from the file after its package clause", s.Name)
			}
			// Whatever precedes the clause is dropped; it must not be a build
			// constraint, which the generated copy would silently lose.
			if bytes.Contains(before, []byte("//go:build")) {
				t.Fatalf("%s: build constraint before the package clause would be dropped", s.Name)
			}
			// With any package clause put back, the body parses.
			src := append([]byte("package gen\n"), s.Body...)
			if _, err := parser.ParseFile(token.NewFileSet(), s.Name, src, parser.SkipObjectResolution); err != nil {
				t.Fatalf("%s does not parse under another package name: %v", s.Name, err)
			}
		})
	}
}

// Sources returns fresh slices: a caller that edits one must not corrupt the
// next call.
func TestSourcesIndependentCalls(t *testing.T) {
	a := Sources()
	orig := string(a[0].Body)
	for i := range a[0].Body {
		a[0].Body[i] = 'X'
	}
	if got := string(Sources()[0].Body); got != orig {
		t.Fatalf("editing one Sources() result changed the next one")
	}
}

var runtimeCheck struct {
	once sync.Once
	pkg  *types.Package
	errs []string
}

// checkRuntime type-checks the runtime files alone, as a generated package
// named gen would hold them: stdlib imports only, nothing from embed.go. The
// result is computed once per test binary.
func checkRuntime(t *testing.T) *types.Package {
	t.Helper()
	rc := &runtimeCheck
	rc.once.Do(func() {
		fset := token.NewFileSet()
		var files []*ast.File
		for _, s := range Sources() {
			f, err := parser.ParseFile(fset, s.Name, append([]byte("package gen\n"), s.Body...), parser.SkipObjectResolution)
			if err != nil {
				rc.errs = append(rc.errs, err.Error())
				return
			}
			for _, imp := range f.Imports {
				if p := strings.Trim(imp.Path.Value, `"`); strings.Contains(strings.SplitN(p, "/", 2)[0], ".") {
					rc.errs = append(rc.errs, s.Name+" imports "+p+", which is not in the standard library")
				}
			}
			files = append(files, f)
		}
		conf := types.Config{
			Importer: importer.ForCompiler(fset, "source", nil),
			Error:    func(err error) { rc.errs = append(rc.errs, err.Error()) },
		}
		rc.pkg, _ = conf.Check("example.com/gen", fset, files, nil)
	})
	if len(rc.errs) > 0 {
		t.Fatalf("runtime files do not compile on their own:\n%s", strings.Join(rc.errs, "\n"))
	}
	return rc.pkg
}

func TestRuntimeCompilesStandalone(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the standard library from source")
	}
	checkRuntime(t)
}

func TestIdentifiers(t *testing.T) {
	ids := Identifiers()
	if !slices.IsSorted(ids) {
		t.Fatalf("Identifiers() not sorted: %q", ids)
	}
	if c := slices.Compact(slices.Clone(ids)); len(c) != len(ids) {
		t.Fatalf("Identifiers() has duplicates: %q", ids)
	}
	for _, want := range []string{
		"Opt", "NewOpt", "Nullable", "NewNullable", "NewNull",
		"ValidationError", "Violation", "validator", "path", "pathKind", "fieldSegment",
		"minimum", "maximum", "multipleOf", "uniqueItems", "uniqueItemsJSON", "formatNumber",
		"trimJSONSpace", "objectVariant", "queryParams", "encodeFunc",
		"chooseObjectVariant", "UnionError", "decodeString", "encodeExtra",
		"jsonReader", "jsonWriter", "DecodeError", "decodeArray", "encodeArray", "maxJSONDepth",
	} {
		if _, ok := slices.BinarySearch(ids, want); !ok {
			t.Errorf("Identifiers() lacks %q", want)
		}
	}
	for _, not := range []string{
		// embed.go is not shipped
		"Source", "Sources", "Identifiers", "runtimeFiles",
		// methods and fields are not package-level names ("Error" is left
		// out: server.go declares a type of that name)
		"MarshalJSON", "UnmarshalJSON", "String", "Get", "Or", "IsZero", "IsNull",
		"field", "at", "key", "report", "err", "Value", "Set", "Violations",
		"decodeJSON", "encodeJSON", "nextKey", "skip", "src", "buf",
		// imports and locals
		"json", "strconv", "fmt", "best", "keys",
		// test helpers
		"optDoc", "check", "record",
	} {
		if _, ok := slices.BinarySearch(ids, not); ok {
			t.Errorf("Identifiers() holds %q", not)
		}
	}
}

// Identifiers must be exactly the package scope of the runtime files, as the
// type checker sees it.
func TestIdentifiersMatchTypeChecker(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the standard library from source")
	}
	pkg := checkRuntime(t)
	want := pkg.Scope().Names() // sorted
	if got := Identifiers(); !slices.Equal(got, want) {
		t.Fatalf("Identifiers() = %q\nwant package scope %q", got, want)
	}
}
