package generator_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/oasgen/oasgen/generator"
)

// auth0Spec is the whole Auth0 Management API: 245 paths, 2,698 schemas.
const auth0Spec = "../../shared/specs/auth0-management-api.json"

// TestWholeAuth0Spec generates types, client and server for the whole Auth0
// Management API and checks that the package is gofmt'd, builds and vets: the
// generator's behaviour on a large real spec, beyond client-grants.
func TestWholeAuth0Spec(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large generated package; skipped in -short mode")
	}
	if _, err := os.Stat(auth0Spec); err != nil {
		t.Skipf("%s is absent (it lives in ../shared next to the checkout): %v", auth0Spec, err)
	}
	res, err := generator.Generate(generator.Config{Spec: auth0Spec, Package: "management"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		checkGofmt(t, f)
	}
	mod := t.TempDir()
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module auth0check\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := generator.Write(filepath.Join(mod, "management"), res.Files); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the generated Auth0 package does not vet: %v\n%s", err, out)
	}
	t.Logf("%d files, %d warnings", len(res.Files), len(res.Warnings))
}
