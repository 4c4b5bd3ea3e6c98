package generator_test

import (
	"bytes"
	"errors"
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/oasgen/oasgen/generator"
	"github.com/oasgen/oasgen/generator/load"
)

// fuzzSeeds returns the spec.yaml of every golden case plus a few
// mutations of each, about thirty inputs in all so the seed corpus stays
// quick under plain go test.
func fuzzSeeds(f *testing.F) [][]byte {
	paths, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil {
		f.Fatal(err)
	}
	var specs [][]byte
	for _, p := range paths {
		a, err := txtar.ParseFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range a.Files {
			if file.Name == "spec.yaml" {
				specs = append(specs, file.Data)
			}
		}
	}
	if len(specs) == 0 {
		f.Fatal("no spec.yaml in testdata/golden/*.txtar")
	}
	mutations := []func([]byte) []byte{
		// Every string becomes an integer: enums, patterns and formats
		// no longer match their type.
		func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("type: string"), []byte("type: integer")) },
		// The other OpenAPI version: nullable, exclusive bounds and type
		// lists change meaning.
		func(b []byte) []byte {
			if bytes.Contains(b, []byte("3.1.0")) {
				return bytes.ReplaceAll(b, []byte("3.1.0"), []byte("3.0.3"))
			}
			return bytes.ReplaceAll(b, []byte("3.0.3"), []byte("3.1.0"))
		},
	}
	seen := map[string]bool{}
	var seeds [][]byte
	add := func(b []byte) {
		if !seen[string(b)] {
			seen[string(b)] = true
			seeds = append(seeds, b)
		}
	}
	for i, s := range specs {
		add(s)
		for _, m := range mutations {
			add(m(bytes.Clone(s)))
		}
		if i < 3 {
			add(bytes.Clone(s[:len(s)/2])) // cut off mid-document
		}
	}
	return seeds
}

func FuzzGenerate(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec []byte) {
		path := filepath.Join(t.TempDir(), "spec.yaml")
		if err := os.WriteFile(path, spec, 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := generator.Generate(generator.Config{Spec: path, Package: "x"})
		if err != nil {
			var le *load.Error
			if !errors.As(err, &le) {
				t.Fatalf("error is %T, not a *load.Error: %v", err, err)
			}
			if le.Pos.File == "" {
				t.Fatalf("error has no file: %v", err)
			}
			return
		}
		for _, file := range res.Files {
			if !strings.HasSuffix(file.Name, ".go") {
				continue
			}
			formatted, err := format.Source(file.Content)
			if err != nil {
				t.Fatalf("%s does not parse: %v\n%s", file.Name, err, file.Content)
			}
			if !bytes.Equal(formatted, file.Content) {
				t.Fatalf("%s is not gofmt'd:\n%s", file.Name, generator.UnifiedDiff("generated", "gofmt", string(file.Content), string(formatted)))
			}
		}
	})
}
