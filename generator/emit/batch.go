package emit

import (
	"bytes"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/dave/jennifer/jen"
)

// batchSize is how many top-level declarations a batch holds. Small
// batches keep few syntax trees alive at once and share the work evenly
// between the CPUs; much smaller ones cost a package clause and an import
// block each.
const batchSize = 16

// decls receives a file's top-level declarations in order. It cuts them
// into batches, each a jennifer file of its own that is rendered and
// formatted while the builder goes on, so that a large file's syntax trees
// are never all held at once and every CPU works on every file.
type decls struct {
	pkg   string
	batch *jen.File // the batch being filled, nil before the first add
	n     int       // declarations in batch
	seq   int       // number of batches sent
	send  func(seq int, batch *jen.File)
}

// add appends a declaration (with its doc comment) to the file.
func (d *decls) add(code jen.Code) {
	if d.batch == nil {
		d.batch = jen.NewFile(d.pkg)
	}
	d.batch.Add(code).Line()
	d.n++
	if d.n == batchSize {
		d.flush()
	}
}

// flush sends the batch being filled, if it holds anything.
func (d *decls) flush() {
	if d.batch == nil {
		return
	}
	d.send(d.seq, d.batch)
	d.seq++
	d.batch, d.n = nil, 0
}

// formatted is one batch rendered and gofmt'd: the imports it uses and
// the text of its declarations.
type formatted struct {
	imports map[string]string // import path → the name jennifer gave it ("" when not renamed)
	body    []byte            // the declarations, after the import block
}

// renderFiles runs each builder to fill its file and renders the batches
// they send on as many workers as there are CPUs, then joins each file's
// batches in order under one header, package clause and import block.
// Formatting a declaration does not depend on the ones around it (a blank
// line stands between any two), so the result is the file go/format
// would give, byte for byte.
func renderFiles(pkg string, names []string, builders map[string]func(*decls)) ([]File, error) {
	type job struct {
		file, seq int
		batch     *jen.File
	}
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan job, workers) // bounds the batches held in memory
	var mu sync.Mutex
	parts := make([][]formatted, len(names))
	var errs []error

	var builds sync.WaitGroup
	for i, name := range names {
		builds.Go(func() {
			d := &decls{pkg: pkg, send: func(seq int, batch *jen.File) { jobs <- job{i, seq, batch} }}
			builders[name](d)
			d.flush()
		})
	}
	go func() {
		builds.Wait()
		close(jobs)
	}()
	var renders sync.WaitGroup
	for range workers {
		renders.Go(func() {
			for j := range jobs {
				part, err := formatBatch(j.batch)
				mu.Lock()
				if err != nil {
					errs = append(errs, fmt.Errorf("emit %s: %w", names[j.file], err))
				} else {
					if j.seq >= len(parts[j.file]) {
						parts[j.file] = slices.Grow(parts[j.file], j.seq+1-len(parts[j.file]))[:j.seq+1]
					}
					parts[j.file][j.seq] = part
				}
				mu.Unlock()
			}
		})
	}
	renders.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	files := make([]File, len(names))
	for i, name := range names {
		content, err := joinBatches(pkg, parts[i])
		if err != nil {
			return nil, fmt.Errorf("emit %s: %w", name, err)
		}
		files[i] = File{Name: name, Content: content}
	}
	return files, nil
}

// formatBatch renders one batch with go/format and splits the result at
// the end of its import block.
func formatBatch(batch *jen.File) (formatted, error) {
	var buf bytes.Buffer
	if err := batch.Render(&buf); err != nil {
		// jennifer's message ends with the whole batch's source; the
		// first line says what is wrong.
		msg, _, _ := strings.Cut(err.Error(), " while formatting source")
		return formatted{}, fmt.Errorf("the generated code does not parse, which is a bug in oasgen (please report it with the spec): %s", strings.TrimPrefix(msg, "Error "))
	}
	src := buf.Bytes()
	fset := token.NewFileSet()
	head, err := parser.ParseFile(fset, "", src, parser.ImportsOnly)
	if err != nil {
		return formatted{}, fmt.Errorf("reading back the imports of a batch: %w", err)
	}
	part := formatted{imports: map[string]string{}}
	end := head.Name.End()
	for _, spec := range head.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			return formatted{}, fmt.Errorf("reading back the imports of a batch: %w", err)
		}
		part.imports[path] = ""
		if spec.Name != nil {
			part.imports[path] = spec.Name.Name
		}
	}
	if n := len(head.Decls); n > 0 {
		end = head.Decls[n-1].End()
	}
	part.body = bytes.TrimLeft(src[fset.Position(end).Offset:], "\n")
	return part, nil
}

// joinBatches writes a file from its formatted batches: the header, the
// package clause, the imports of all the batches, and their declarations
// a blank line apart, as go/format lays out a whole file.
func joinBatches(pkg string, parts []formatted) ([]byte, error) {
	imports := map[string]string{}
	owner := map[string]string{} // the name an import is used under → its path
	size := len(Header) + len(pkg) + 64
	for _, p := range parts {
		size += len(p.body) + 1
		for path, name := range p.imports {
			if seen, ok := imports[path]; ok && seen != name {
				return nil, fmt.Errorf("import %q is named both %q and %q", path, seen, name)
			}
			imports[path] = name
			used := name
			if used == "" {
				used = path[strings.LastIndex(path, "/")+1:]
			}
			if other, ok := owner[used]; ok && other != path {
				return nil, fmt.Errorf("imports %q and %q are both named %s", other, path, used)
			}
			owner[used] = path
		}
	}
	var out bytes.Buffer
	out.Grow(size + 32*len(imports))
	out.WriteString(Header + "\n\npackage " + pkg + "\n")
	paths := make([]string, 0, len(imports))
	for path := range imports {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	importLine := func(path string) string {
		if name := imports[path]; name != "" {
			return name + " " + strconv.Quote(path)
		}
		return strconv.Quote(path)
	}
	switch len(paths) {
	case 0:
	case 1:
		out.WriteString("\nimport " + importLine(paths[0]) + "\n")
	default:
		out.WriteString("\nimport (\n")
		for _, path := range paths {
			out.WriteString("\t" + importLine(path) + "\n")
		}
		out.WriteString(")\n")
	}
	for _, p := range parts {
		if len(p.body) == 0 {
			continue
		}
		out.WriteByte('\n')
		out.Write(p.body)
	}
	return out.Bytes(), nil
}
