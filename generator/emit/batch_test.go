package emit

import (
	"bytes"
	"go/format"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
)

// TestRenderFilesMatchesWholeFile renders more declarations than fit in a
// batch, each batch using different imports, and compares the joined file
// with go/format's result for the same declarations in one file.
func TestRenderFilesMatchesWholeFile(t *testing.T) {
	quals := []jen.Code{nil, jen.Qual("strings", "ToUpper"), jen.Qual("net/url", "PathEscape"), jen.Qual("fmt", "Sprint")}
	declare := func(i int) jen.Code {
		body := jen.Return(jen.Lit("x"))
		if q := quals[i%len(quals)]; q != nil && i < 2*batchSize {
			body = jen.Return(jen.Add(q).Call(jen.Lit("x")))
		}
		return comment("F returns x.\n\nIt is declaration number " + strings.Repeat("i", i%5) + ".").
			Func().Id("F" + strings.Repeat("x", i)).Params().String().Block(body)
	}
	n := 2*batchSize + 3
	whole := newFile("p")
	for i := range n {
		whole.Add(declare(i)).Line()
	}
	var want bytes.Buffer
	if err := whole.Render(&want); err != nil {
		t.Fatal(err)
	}
	files, err := renderFiles("p", []string{"a.go"}, map[string]func(*decls){
		"a.go": func(d *decls) {
			for i := range n {
				d.add(declare(i))
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := files[0].Content; !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("batched rendering differs from the whole file:\n--- batched\n%s\n--- whole\n%s", got, want.Bytes())
	}
	if formatted, err := format.Source(files[0].Content); err != nil || !bytes.Equal(formatted, files[0].Content) {
		t.Fatalf("the joined file is not gofmt'd (%v)", err)
	}
}

func TestJoinBatchesImports(t *testing.T) {
	body := []byte("var x = 1\n")
	for _, tc := range []struct {
		name    string
		imports []map[string]string
		want    string // the text between the package clause and the body, or the error
	}{
		{"none", []map[string]string{{}}, "\nvar x = 1\n"},
		{"one", []map[string]string{{"fmt": ""}, {"fmt": ""}}, "\nimport \"fmt\"\n\nvar x = 1\n"},
		{"block", []map[string]string{{"strings": ""}, {"fmt": "", "net/url": ""}}, "\nimport (\n\t\"fmt\"\n\t\"net/url\"\n\t\"strings\"\n)\n\nvar x = 1\n"},
		{"renamed", []map[string]string{{"math/rand": "mrand"}}, "\nimport mrand \"math/rand\"\n\nvar x = 1\n"},
		{"two names for one path", []map[string]string{{"fmt": ""}, {"fmt": "fmt2"}}, `import "fmt" is named both "" and "fmt2"`},
		{"one name for two paths", []map[string]string{{"math/rand": ""}, {"crypto/rand": ""}}, `imports "math/rand" and "crypto/rand" are both named rand`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var parts []formatted
			for _, imp := range tc.imports {
				parts = append(parts, formatted{imports: imp})
			}
			parts[len(parts)-1].body = body
			out, err := joinBatches("p", parts)
			got := ""
			if err != nil {
				got = err.Error()
			} else {
				got = strings.TrimPrefix(string(out), Header+"\n\npackage p\n")
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFormatBatchError: code that does not parse (an emitter bug) is
// reported in a line, without the batch's source.
func TestFormatBatchError(t *testing.T) {
	batch := jen.NewFile("p")
	batch.Func().Id("F").Params().Block(jen.Switch(jen.Id("x")).Block(jen.Case().Block()))
	_, err := formatBatch(batch)
	if err == nil {
		t.Fatal("no error for code that does not parse")
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "the generated code does not parse, which is a bug in oasgen") || strings.Contains(msg, "\n") {
		t.Errorf("error %q: want one line naming the bug", msg)
	}
}
