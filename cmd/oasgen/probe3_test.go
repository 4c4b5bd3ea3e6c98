package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestProbe3(t *testing.T) {
	for _, p := range []string{"func", "type", "go", "main", "_", "my-pkg", "ä"} {
		var o, e bytes.Buffer
		dir := filepath.Join(t.TempDir(), "x")
		code := run([]string{"-spec", "testdata/good.yaml", "-out", dir, "-package", p}, &o, &e)
		b, _ := os.ReadFile(filepath.Join(dir, "doc.go"))
		fmt.Printf("%s: %d %q %q\n", p, code, e.String(), firstLines(string(b)))
	}
	var o, e bytes.Buffer
	dir := filepath.Join(t.TempDir(), "go")
	code := run([]string{"-spec", "testdata/good.yaml", "-out", dir}, &o, &e)
	fmt.Printf("out go: %d %q\n", code, e.String())
}

func firstLines(s string) string {
	if len(s) > 200 {
		return s[:200]
	}
	return s
}
