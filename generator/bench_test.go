package generator_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/oasgen/oasgen/generator"
	"github.com/oasgen/oasgen/generator/emit"
	"github.com/oasgen/oasgen/generator/load"
	"github.com/oasgen/oasgen/generator/model"
	"github.com/oasgen/oasgen/internal/collect"
	"github.com/oasgen/oasgen/spec"
	"github.com/oasgen/oasgen/templates"
)

// benchSpec is one input of the stage benchmarks.
type benchSpec struct {
	name string // sub-benchmark name
	pkg  string // Go package name to emit
	// load reads and loads the spec; it skips b when the spec is absent.
	load func(b *testing.B) (*load.Document, error)
	// config is the generator.Config that runs the whole pipeline on it.
	config generator.Config
}

func benchSpecs() []benchSpec {
	return []benchSpec{
		{
			name: "ClientGrants",
			pkg:  generator.DefaultPackage,
			load: func(*testing.B) (*load.Document, error) {
				return load.Data(spec.ClientGrantsPath, spec.ClientGrants)
			},
			config: generator.Config{}, // the embedded spec
		},
		{
			name: "Auth0",
			pkg:  "management",
			load: func(b *testing.B) (*load.Document, error) {
				skipWithoutAuth0(b)
				return load.File(auth0Spec)
			},
			config: generator.Config{Spec: auth0Spec, Package: "management"},
		},
	}
}

// skipWithoutAuth0 skips b when the Auth0 spec is not next to the checkout.
func skipWithoutAuth0(b *testing.B) {
	b.Helper()
	if _, err := os.Stat(auth0Spec); err != nil {
		b.Skipf("skipping: the Auth0 spec %s is absent (it lives in ../shared next to the checkout): %v", auth0Spec, err)
	}
}

func buildModel(doc *load.Document) (*model.API, error) {
	return model.Build(doc, model.Options{Reserved: templates.Identifiers()})
}

func emitOptions(s benchSpec, doc *load.Document) emit.Options {
	return emit.Options{Package: s.pkg, Source: filepath.ToSlash(filepath.Base(doc.Path)), Client: true, Server: true}
}

// BenchmarkLoad measures parsing and loading the spec (load.Data /
// load.File), including reading the file for Auth0.
func BenchmarkLoad(b *testing.B) {
	for _, s := range benchSpecs() {
		b.Run(s.name, func(b *testing.B) {
			if s.name == "Auth0" {
				skipWithoutAuth0(b)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.load(b); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// The Auth0 spec on one line: positions are counted along a 2.5 MB
	// line, which must cost no more than along short ones.
	b.Run("Auth0OneLine", func(b *testing.B) {
		skipWithoutAuth0(b)
		data, err := os.ReadFile(auth0Spec)
		if err != nil {
			b.Fatal(err)
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, data); err != nil {
			b.Fatal(err)
		}
		path := filepath.Join(b.TempDir(), "auth0.json")
		b.ReportAllocs()
		for b.Loop() {
			if _, err := load.Data(path, compact.Bytes()); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkModel measures model.Build alone. Each iteration gets a freshly
// loaded document (loaded with the timer stopped), in case Build keeps
// state on it.
func BenchmarkModel(b *testing.B) {
	for _, s := range benchSpecs() {
		b.Run(s.name, func(b *testing.B) {
			if _, err := s.load(b); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				doc, err := s.load(b)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := buildModel(doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEmit measures emit.Files alone (types, client and server). Each
// iteration gets a freshly built model (built with the timer stopped).
func BenchmarkEmit(b *testing.B) {
	for _, s := range benchSpecs() {
		b.Run(s.name, func(b *testing.B) {
			if _, err := s.load(b); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			var outBytes int
			for b.Loop() {
				b.StopTimer()
				doc, err := s.load(b)
				if err != nil {
					b.Fatal(err)
				}
				api, err := buildModel(doc)
				if err != nil {
					b.Fatal(err)
				}
				opts := emitOptions(s, doc)
				b.StartTimer()
				files, err := emit.Files(api, opts)
				if err != nil {
					b.Fatal(err)
				}
				outBytes = 0
				for _, f := range files {
					outBytes += len(f.Content)
				}
			}
			b.ReportMetric(float64(outBytes), "out-bytes/op")
		})
	}
}

// BenchmarkGenerate measures the whole pipeline, generator.Generate, from
// the spec bytes (or file) to the rendered files in memory; it writes
// nothing. It runs with the collector set as the oasgen command sets it
// (collect.Late), since a run of the command is what it stands for; the
// stage benchmarks above keep the test binary's settings.
func BenchmarkGenerate(b *testing.B) {
	for _, s := range benchSpecs() {
		b.Run(s.name, func(b *testing.B) {
			if s.name == "Auth0" {
				skipWithoutAuth0(b)
			}
			runtime.GC() // what earlier benchmarks left is not this one's to collect
			defer collect.Late(collect.Limit)()
			b.ReportAllocs()
			var files int
			for b.Loop() {
				res, err := generator.Generate(s.config)
				if err != nil {
					b.Fatal(err)
				}
				files = len(res.Files)
			}
			b.ReportMetric(float64(files), "files/op")
		})
	}
}
