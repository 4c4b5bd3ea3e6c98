package main

import (
	"bytes"
	"fmt"
	"testing"
)

func TestProbe(t *testing.T) {
	for _, f := range []string{"good", "dangling_ref", "not_openapi", "missing", "invalid_yaml", "version2", "version4", "min_above_max", "bad_pattern", "undeclared_path_param", "undeclared_security", "duplicate_operation_id", "enum_wrong_type"} {
		var o, e bytes.Buffer
		code := run([]string{"-spec", "testdata/" + f + ".yaml", "-check", "-out", t.TempDir()}, &o, &e)
		fmt.Printf("%s: %d\n  stderr=%q\n", f, code, e.String())
	}
}
