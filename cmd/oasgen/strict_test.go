package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStrict: a warning is printed and generation goes on; with -strict it
// is an error, nothing is written, and the exit status is 2.
func TestStrict(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x")
	warning := "testdata/warning.yaml:10:7: pattern \"^[A-Za-z]+(?=.*[0-9]).{7,}$\" is checked without its look-around (?=.*[0-9])"

	r := runArgs(t, "-spec", "testdata/warning.yaml", "-out", out)
	if r.code != 0 || !strings.Contains(r.stderr, "oasgen: warning: "+warning) {
		t.Fatalf("without -strict: exit %d, stderr %q", r.code, r.stderr)
	}
	os.RemoveAll(out)

	r = runArgs(t, "-strict", "-spec", "testdata/warning.yaml", "-out", out)
	if r.code != 2 || !strings.Contains(r.stderr, "oasgen: "+warning) || !strings.Contains(r.stderr, "-strict: the warning is an error") {
		t.Fatalf("with -strict: exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("-strict wrote %s although it failed", out)
	}
}
