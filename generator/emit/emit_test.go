package emit

import (
	"go/format"
	"slices"
	"strings"
	"testing"
)

// TestCanonicalDoc checks that a doc comment comes out as gofmt leaves it,
// so that formatting a generated file again changes nothing: one paragraph
// of prose stays as it is, and the quotes gofmt rewrites are rewritten.
func TestCanonicalDoc(t *testing.T) {
	for _, text := range []string{
		"Plain prose, kept as it is.",
		"An operationId such as createAc''''' (found by FuzzGenerate).",
		"Quoted ``like this'' in TeX style.",
		"Two paragraphs.\n\nThe second with '' in it.",
		"# Heading\n\nText.",
	} {
		lines := canonicalDoc(wrap(text, 77))
		var src strings.Builder
		src.WriteString("package x\n\n")
		for _, line := range lines {
			src.WriteString(commentLine(line) + "\n")
		}
		src.WriteString("func F() {}\n")
		formatted, err := format.Source([]byte(src.String()))
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if string(formatted) != src.String() {
			t.Errorf("%q: gofmt changes the comment:\n%s\nto\n%s", text, src.String(), formatted)
		}
	}
	if got := canonicalDoc([]string{"Plain prose."}); !slices.Equal(got, []string{"Plain prose."}) {
		t.Errorf("plain prose came back as %q", got)
	}
}
