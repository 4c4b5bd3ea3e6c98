package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/generator"
)

func file(name, body string) generator.File {
	return generator.File{Name: name, Content: []byte(generator.Header + "\n\npackage p\n" + body)}
}

func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			out[e.Name()+"/"] = ""
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(data)
	}
	return out
}

// TestWriteReplacesRemovesAndKeeps: a second run replaces what it produces
// again, removes generated files it no longer produces, and leaves files
// without the header alone.
func TestWriteReplacesRemovesAndKeeps(t *testing.T) {
	dir := t.TempDir()
	if err := generator.Write(dir, []generator.File{file("a.go", "// v1\n"), file("old.go", "")}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "mine.go"), []byte("package p\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte(generator.Header+"\n"), 0o644)
	if err := generator.Write(dir, []generator.File{file("a.go", "// v2\n"), file("b.go", "")}); err != nil {
		t.Fatal(err)
	}
	got := readDir(t, dir)
	if _, ok := got["old.go"]; ok {
		t.Error("old.go, generated earlier and no longer produced, was not removed")
	}
	if got["mine.go"] != "package p\n" || got["notes.txt"] == "" {
		t.Error("files without the header (or not Go) were touched")
	}
	if !strings.Contains(got["a.go"], "// v2") || got["b.go"] == "" {
		t.Errorf("new output not written: %v", got)
	}
	if len(got) != 4 {
		t.Errorf("unexpected files, temporary files left behind? %v", got)
	}
}

// TestWriteFailureLeavesOldOutput: a run that fails partway leaves every
// file as it was and no temporary files behind.
func TestWriteFailureLeavesOldOutput(t *testing.T) {
	dir := t.TempDir()
	old := []generator.File{file("a.go", "// v1\n"), file("c.go", "// v1\n")}
	if err := generator.Write(dir, old); err != nil {
		t.Fatal(err)
	}
	// b.go cannot be written: a directory stands in its place. a.go comes
	// before it and c.go after it in the run.
	if err := os.Mkdir(filepath.Join(dir, "b.go"), 0o755); err != nil {
		t.Fatal(err)
	}
	before := readDir(t, dir)
	err := generator.Write(dir, []generator.File{file("a.go", "// v2\n"), file("b.go", ""), file("c.go", "// v2\n")})
	if err == nil || !strings.Contains(err.Error(), "b.go") {
		t.Fatalf("Write = %v, want an error naming b.go", err)
	}
	after := readDir(t, dir)
	if len(after) != len(before) {
		t.Fatalf("files changed: before %v, after %v", before, after)
	}
	for name, content := range before {
		if after[name] != content {
			t.Errorf("%s changed although the run failed", name)
		}
	}
}
