package generator_test

import (
	"bytes"
	"flag"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/oasgen/oasgen/generator"
	"github.com/oasgen/oasgen/templates"
)

var update = flag.Bool("update", false, "rewrite golden files with the generator's current output")

// A golden case is a txtar archive in testdata/golden. Its input files are
// the spec (spec.yaml or spec.json, plus any files it $refs) and, under
// test/, Go tests to run against the generated package. Its expectations
// are out/NAME for each generated file other than the runtime support
// (which TestRuntimeFilesVerbatim covers), "error" for a spec that must
// fail, and "warnings" for the warnings a spec must produce.

type goldenCase struct {
	name    string
	path    string
	archive *txtar.Archive
}

func goldenCases(t *testing.T) []goldenCase {
	t.Helper()
	paths, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no golden cases in testdata/golden")
	}
	var cases []goldenCase
	for _, p := range paths {
		a, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, goldenCase{name: strings.TrimSuffix(filepath.Base(p), ".txtar"), path: p, archive: a})
	}
	return cases
}

func isRuntimeFile(name string) bool {
	for _, s := range templates.Sources() {
		if s.Name == name {
			return true
		}
	}
	return false
}

// run generates the case in a fresh directory holding its inputs, so that
// positions in messages read spec.yaml:LINE:COL.
func (c goldenCase) run(t *testing.T) (*generator.Result, error) {
	t.Helper()
	dir := t.TempDir()
	specName := ""
	for _, f := range c.archive.Files {
		if strings.HasPrefix(f.Name, "out/") || strings.HasPrefix(f.Name, "test/") || f.Name == "error" || f.Name == "warnings" {
			continue
		}
		if strings.HasPrefix(f.Name, "spec.") {
			specName = f.Name
		}
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(f.Name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if specName == "" {
		t.Fatalf("%s: no spec.yaml or spec.json", c.path)
	}
	t.Chdir(dir)
	return generator.Generate(generator.Config{Spec: specName, Package: "golden"})
}

// TestGolden compares the generator's output for each case with the
// expected files, byte for byte. With -update it rewrites the expectations.
func TestGolden(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			wd, _ := os.Getwd()
			res, err := c.run(t)
			var got []txtar.File
			if err != nil {
				got = append(got, txtar.File{Name: "error", Data: []byte(err.Error() + "\n")})
			} else {
				var warnings strings.Builder
				for _, w := range res.Warnings {
					warnings.WriteString(w.Error() + "\n")
				}
				if warnings.Len() > 0 {
					got = append(got, txtar.File{Name: "warnings", Data: []byte(warnings.String())})
				}
				for _, f := range res.Files {
					if !isRuntimeFile(f.Name) {
						checkGofmt(t, f)
						got = append(got, txtar.File{Name: "out/" + f.Name, Data: f.Content})
					}
				}
			}
			var want []txtar.File
			var keep []txtar.File
			for _, f := range c.archive.Files {
				if strings.HasPrefix(f.Name, "out/") || f.Name == "error" || f.Name == "warnings" {
					want = append(want, f)
				} else {
					keep = append(keep, f)
				}
			}
			if *update {
				c.archive.Files = append(keep, got...)
				if err := os.WriteFile(filepath.Join(wd, c.path), txtar.Format(c.archive), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			wantByName := map[string][]byte{}
			for _, f := range want {
				wantByName[f.Name] = f.Data
			}
			for _, f := range got {
				w, ok := wantByName[f.Name]
				if !ok {
					t.Errorf("%s: unexpected output %s:\n%s", c.path, f.Name, f.Data)
					continue
				}
				delete(wantByName, f.Name)
				if !bytes.Equal(w, f.Data) {
					t.Errorf("%s: %s differs from the golden file (run go test ./generator -update and read the diff):\n%s", c.path, f.Name, generator.UnifiedDiff("want", "got", string(w), string(f.Data)))
				}
			}
			for name := range wantByName {
				t.Errorf("%s: expected output %s was not produced", c.path, name)
			}
		})
	}
}

// checkGofmt fails t unless the file is exactly what gofmt makes of it
// (emit formats its declarations in batches and joins them, which must come
// to the same as formatting the whole file) and each comment inside a
// declaration documents the code below it.
func checkGofmt(t *testing.T, f generator.File) {
	t.Helper()
	formatted, err := format.Source(f.Content)
	if err != nil {
		t.Errorf("%s does not parse: %v", f.Name, err)
		return
	}
	if !bytes.Equal(formatted, f.Content) {
		t.Errorf("%s is not gofmt'd:\n%s", f.Name, generator.UnifiedDiff("generated", "gofmt", string(f.Content), string(formatted)))
	}
	if line, ok := detachedComment(f.Content); ok {
		t.Errorf("%s:%d: a comment is followed by a blank line, so it documents nothing", f.Name, line)
	}
}

// detachedComment finds an indented comment line, inside a declaration,
// that a blank line parts from the code it was written for, and returns
// that line's number.
func detachedComment(src []byte) (int, bool) {
	lines := bytes.Split(src, []byte("\n"))
	for i := 0; i+2 < len(lines); i++ {
		if bytes.HasPrefix(bytes.TrimLeft(lines[i], "\t"), []byte("//")) && lines[i][0] == '\t' &&
			len(lines[i+1]) == 0 && len(bytes.TrimSpace(lines[i+2])) > 0 {
			return i + 1, true
		}
	}
	return 0, false
}

// TestVersionTwins holds each pair of golden cases named,
// one API written in OpenAPI 3.0 and in 3.1, to the same generated code:
// the version is how a spec says things, not what the Go code is.
func TestVersionTwins(t *testing.T) {
	cases := map[string]goldenCase{}
	for _, c := range goldenCases(t) {
		cases[c.name] = c
	}
	pairs := 0
	for name, c30 := range cases {
		base, ok := strings.CutSuffix(name, "-30")
		if !ok {
			continue
		}
		c31, ok := cases[base+"-31"]
		if !ok {
			t.Errorf("%s has no twin %s-31", name, base)
			continue
		}
		pairs++
		out31 := map[string][]byte{}
		for _, f := range c31.archive.Files {
			if strings.HasPrefix(f.Name, "out/") {
				out31[f.Name] = f.Data
			}
		}
		n := 0
		for _, f := range c30.archive.Files {
			if !strings.HasPrefix(f.Name, "out/") {
				continue
			}
			n++
			if !bytes.Equal(f.Data, out31[f.Name]) {
				t.Errorf("%s: %s differs from %s-31's:\n%s", name, f.Name, base, generator.UnifiedDiff(name, base+"-31", string(f.Data), string(out31[f.Name])))
			}
		}
		if n == 0 || n != len(out31) {
			t.Errorf("%s has %d output files, %s-31 has %d", name, n, base, len(out31))
		}
	}
	if pairs < 2 {
		t.Errorf("%d version twins; want cov-exclusive and cov-versions at least", pairs)
	}
}

// TestGoldenCompilesAndRuns writes every successful case into one
// temporary module, with its test/ files, then vets and tests it: golden
// output is compiled and run, not only compared as text.
func TestGoldenCompilesAndRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds generated packages with the go command; skipped in -short mode")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	mod := t.TempDir()
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module goldencases\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range goldenCases(t) {
		var res *generator.Result
		var err error
		t.Run(c.name, func(t *testing.T) { res, err = c.run(t) })
		if err != nil || res == nil {
			continue
		}
		pkg := filepath.Join(mod, strings.ReplaceAll(c.name, "-", "_"))
		if err := generator.Write(pkg, res.Files); err != nil {
			t.Fatal(err)
		}
		for _, f := range c.archive.Files {
			if strings.HasPrefix(f.Name, "test/") {
				if err := os.WriteFile(filepath.Join(pkg, strings.TrimPrefix(f.Name, "test/")), f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		n++
	}
	t.Chdir(root)
	if n == 0 {
		t.Fatal("no golden case generated a package")
	}
	for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s in the generated golden packages failed: %v\n%s", strings.Join(args, " "), err, out)
		}
		t.Logf("go %s: %d packages\n%s", strings.Join(args, " "), n, out)
	}
}

// TestGeneratedUpToDate regenerates generated/clientgrants from the embedded
// spec and compares it with the committed files byte for byte, twice, so
// that the output is both current and deterministic.
func TestGeneratedUpToDate(t *testing.T) {
	first, err := generator.Generate(generator.Config{})
	if err != nil {
		t.Fatal(err)
	}
	second, err := generator.Generate(generator.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Files) != len(second.Files) {
		t.Fatalf("two runs produced %d and %d files", len(first.Files), len(second.Files))
	}
	for i, f := range first.Files {
		if f.Name != second.Files[i].Name || !bytes.Equal(f.Content, second.Files[i].Content) {
			t.Errorf("%s: two runs gave different bytes", f.Name)
		}
	}
	drift, err := generator.Check(filepath.Join("..", generator.DefaultOut), first.Files)
	if err != nil {
		t.Fatal(err)
	}
	if !drift.Empty() {
		t.Errorf("generated/clientgrants is out of date; run make generate:\n%s", drift)
	}
}

// TestGeneratedImportsOnlyStdlib parses every generated file and rejects
// imports outside the standard library, and checks the header.
func TestGeneratedImportsOnlyStdlib(t *testing.T) {
	res, err := generator.Generate(generator.Config{})
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range res.Files {
		if !bytes.HasPrefix(f.Content, []byte(generator.Header+"\n")) {
			t.Errorf("%s does not start with %q", f.Name, generator.Header)
		}
		file, err := parser.ParseFile(fset, f.Name, f.Content, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range file.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") {
				t.Errorf("%s imports %s, which is not in the standard library", f.Name, path)
			}
		}
	}
}

// TestRuntimeFilesVerbatim checks that the runtime support is written as it
// stands in templates/, under the header and the package's own name.
func TestRuntimeFilesVerbatim(t *testing.T) {
	res, err := generator.Generate(generator.Config{})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range res.Files {
		files[f.Name] = f.Content
	}
	for _, src := range templates.Sources() {
		got, ok := files[src.Name]
		if !ok {
			t.Errorf("runtime file %s is not generated", src.Name)
			continue
		}
		want := generator.Header + "\n\npackage " + generator.DefaultPackage + "\n" + string(src.Body)
		if string(got) != want {
			t.Errorf("runtime file %s differs from templates/%s", src.Name, src.Name)
		}
	}
}
