package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// copyPackage copies the client-grants package, without its tests, into a
// module of its own and returns the module's directory.
func copyPackage(t *testing.T) string {
	t.Helper()
	mod := t.TempDir()
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module rt\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join("..", "..", "generated", "clientgrants")
	dst := filepath.Join(mod, "clientgrants")
	if err := os.Mkdir(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return mod
}

// roundTrip writes the tests into the copied package and runs them.
func roundTrip(t *testing.T, mod string) (string, error) {
	t.Helper()
	if err := write(filepath.Join(mod, "clientgrants")); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "test", "-count=1", "-run", "ZZ", "-v", "./clientgrants")
	cmd.Dir = mod
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestClientGrants runs the round trip on the client-grants package: every
// operation reaches the stub, and every answer comes back as it was sent.
func TestClientGrants(t *testing.T) {
	out, err := roundTrip(t, copyPackage(t))
	if err != nil {
		t.Fatalf("the round trip failed: %v\n%s", err, out)
	}
	for _, want := range []string{"ZZSUMMARY reached 8 of 8", "ZZANSWERS answered 6, compared 5 of 8 methods"} {
		if !strings.Contains(out, want) {
			t.Errorf("the output lacks %q:\n%s", want, out)
		}
	}
}

// TestFindsDisagreement breaks the package's JSON encoder for one property,
// which the server then reads as a property it does not know: the round
// trip must fail and say so.
func TestFindsDisagreement(t *testing.T) {
	mod := copyPackage(t)
	codec := filepath.Join(mod, "clientgrants", "json.go")
	data, err := os.ReadFile(codec)
	if err != nil {
		t.Fatal(err)
	}
	broken := bytes.ReplaceAll(data, []byte(`w.key("\"audience\":")`), []byte(`w.key("\"audiencx\":")`))
	if bytes.Equal(broken, data) {
		t.Fatal(`json.go no longer writes w.key("\"audience\":"); pick another property to break`)
	}
	if err := os.WriteFile(codec, broken, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := roundTrip(t, mod)
	if err == nil {
		t.Fatalf("the round trip passed with a broken encoder:\n%s", out)
	}
	if !strings.Contains(out, "audiencx") {
		t.Errorf("the failure does not name the property:\n%s", out)
	}
}

// TestNoServer refuses a package generated without its server.
func TestNoServer(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "types.go"), []byte("package x\n\ntype T struct{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := write(dir); err == nil || !strings.Contains(err.Error(), "has no Handler") {
		t.Errorf("write = %v, want an error saying there is no Handler", err)
	}
}

// TestErrorOnlyAnswer runs the round trip on an operation whose spec
// declares only an error answer: the stub answers with it, and the client
// returning it as an *APIError is the operation answered, not a failure.
func TestErrorOnlyAnswer(t *testing.T) {
	checkRoundTrip(t, `openapi: 3.0.3
info: {title: Locks, version: "1"}
paths:
  /locks/{id}:
    put:
      operationId: takeLock
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "409":
          description: the lock is held
          content:
            application/json:
              schema:
                type: object
                properties:
                  holder: {type: string}
`, "ZZANSWERS answered 1, compared 0 of 1 methods")
}

// TestUnionNamedResponse: a union whose name ends in Response (Twitter's
// TweetComplianceStreamResponse) is filled through its constructors, where
// it was taken for an answer and sent with no variant set; and an answer
// type named otherwise (StreamResponse2 here, beside the schema) is
// answered, where the stub had no constructor for it.
func TestUnionNamedResponse(t *testing.T) {
	checkRoundTrip(t, `openapi: 3.0.3
info: {title: Streams, version: "1"}
paths:
  /stream:
    get:
      operationId: stream
      responses:
        "200":
          description: an event
          content:
            application/json:
              schema: {$ref: '#/components/schemas/StreamResponse'}
components:
  schemas:
    StreamResponse:
      oneOf:
        - {type: object, required: [data], properties: {data: {type: string}}}
        - {type: object, required: [errors], properties: {errors: {type: array, items: {type: string}}}}
`, "ZZANSWERS answered 1, compared 1 of 1 methods")
}

// TestRedirectLocation: the stub's redirect carries a URL in Location,
// which Go's client parses before anything else; a random string such as
// 2024-01-02T03:04:05Z failed the call (GitHub's tarball download).
func TestRedirectLocation(t *testing.T) {
	checkRoundTrip(t, `openapi: 3.0.3
info: {title: Archives, version: "1"}
paths:
  /archives/{ref}:
    get:
      operationId: downloadArchive
      parameters:
        - {name: ref, in: path, required: true, schema: {type: string}}
      responses:
        "302":
          description: the archive is there
          headers:
            Location: {required: true, schema: {type: string}}
`, "ZZANSWERS answered 2, compared 0 of 2 methods")
}

// TestUnservedOperation: HubSpot's folders by id and by path are one route
// to a server, which serves only the first; the client still calls both.
// The one the server leaves out is not counted, where its calls reached
// the other with a path that breaks its pattern and failed the round trip.
func TestUnservedOperation(t *testing.T) {
	checkRoundTrip(t, `openapi: 3.0.3
info: {title: Folders, version: "1"}
paths:
  /folders/{folderId}:
    get:
      operationId: getById
      parameters:
        - {name: folderId, in: path, required: true, schema: {type: string, pattern: '^\d+$'}}
      responses:
        "204": {description: found}
  /folders/{folderPath}:
    get:
      operationId: getByPath
      parameters:
        - {name: folderPath, in: path, required: true, schema: {type: string, pattern: '^[a-z]+$'}}
      responses:
        "204": {description: found}
`, "ZZSUMMARY reached 1 of 1")
}

// TestAlikeVariants: a union whose second variant's objects all fit the
// first (GitHub's environment protection rules) reads the second's JSON
// as the first. The client holds the same JSON the server sent, which is
// counted apart, not as a disagreement.
func TestAlikeVariants(t *testing.T) {
	checkRoundTrip(t, `openapi: 3.0.3
info: {title: Rules, version: "1"}
paths:
  /rules/{id}:
    get:
      operationId: getRule
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: the rule
          content:
            application/json:
              schema:
                oneOf:
                  - {type: object, required: [id], properties: {id: {type: integer}, wait_timer: {type: integer}}}
                  - {type: object, required: [id], properties: {id: {type: integer}}}
`, "ZZALIKE 1 came back as another variant that holds the same JSON")
}

// checkRoundTrip generates the package of spec, with its client and
// server, runs the round trip on it, and wants it to pass and print want.
func checkRoundTrip(t *testing.T, spec, want string) {
	t.Helper()
	mod := t.TempDir()
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module rt\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(mod, "spec.yaml")
	if err := os.WriteFile(path, []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	gen := exec.Command("go", "run", "./cmd/oasgen", "-spec", path, "-out", filepath.Join(mod, "clientgrants"), "-package", "clientgrants")
	gen.Dir = filepath.Join("..", "..")
	if out, err := gen.CombinedOutput(); err != nil {
		t.Fatalf("oasgen: %v\n%s", err, out)
	}
	out, err := roundTrip(t, mod)
	if err != nil {
		t.Fatalf("the round trip failed: %v\n%s", err, out)
	}
	if !strings.Contains(out, want) {
		t.Errorf("the output lacks %q:\n%s", want, out)
	}
}
