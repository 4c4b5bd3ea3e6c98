package apidiff

import (
	"errors"
	"go/scanner"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// pkg is a one-file version of package pets; an empty body is an empty
// version (nothing on disk).
func pkg(body string) Source {
	if body == "" {
		return nil
	}
	return Source{"pets.go": []byte("package pets\n\n" + body)}
}

func add(name, new string, breaking bool) Change {
	return Change{Kind: Added, Name: name, New: new, Breaking: breaking}
}

func rem(name, old string) Change {
	return Change{Kind: Removed, Name: name, Old: old, Breaking: true}
}

func chg(name, old, new string, breaking bool) Change {
	return Change{Kind: Changed, Name: name, Old: old, New: new, Breaking: breaking}
}

const optDecl = `type Opt[T any] struct {
	Value T
	Set   bool
}
`

var compareTests = []struct {
	name     string
	old, new Source
	want     []Change
}{
	{
		name: "identical",
		old:  pkg(optDecl + `type Pet struct{ Name string }`),
		new:  pkg(optDecl + `type Pet struct{ Name string }`),
	},
	{
		name: "optional struct field added",
		old: pkg(optDecl + `
type Pet struct {
	Name string "json:\"name\""
}`),
		new: pkg(optDecl + `
type Pet struct {
	Name string      "json:\"name\""
	Tag  Opt[string] "json:\"tag,omitzero\""
}`),
		want: []Change{add("Pet.Tag", "Opt[string] `json:\"tag,omitzero\"`", false)},
	},
	{
		name: "method removed",
		old: pkg(`import "context"
type Client struct{ base string }
func (c *Client) Get(ctx context.Context, id string) error { return nil }
func (c *Client) Delete(ctx context.Context, id string) error { return nil }`),
		new: pkg(`import "context"
type Client struct{ base string }
func (c *Client) Get(ctx context.Context, id string) error { return nil }`),
		want: []Change{rem("Client.Delete", "func (*Client) Delete(ctx context.Context, id string) error")},
	},
	{
		name: "method gains a parameter",
		old: pkg(`import "context"
type Client struct{ base string }
func (c *Client) List(ctx context.Context) ([]string, error) { return nil, nil }`),
		new: pkg(`import "context"
type Client struct{ base string }
func (c *Client) List(ctx context.Context, limit int) ([]string, error) { return nil, nil }`),
		want: []Change{chg("Client.List",
			"func (*Client) List(ctx context.Context) ([]string, error)",
			"func (*Client) List(ctx context.Context, limit int) ([]string, error)", true)},
	},
	{
		name: "function gains a variadic parameter",
		old: pkg(`type Client struct{ base string }
func NewClient(baseURL string) *Client { return nil }`),
		new: pkg(`type Client struct{ base string }
type Option func(*Client)
func NewClient(baseURL string, opts ...Option) *Client { return nil }`),
		want: []Change{
			// Calls still compile, but function values of the old type do not.
			chg("NewClient", "func NewClient(baseURL string) *Client", "func NewClient(baseURL string, opts ...Option) *Client", true),
			add("Option", "type Option func(*Client)", false),
		},
	},
	{
		name: "result type changed",
		old:  pkg(`func Count() int { return 0 }`),
		new:  pkg(`func Count() int64 { return 0 }`),
		want: []Change{chg("Count", "func Count() int", "func Count() int64", true)},
	},
	{
		name: "function added",
		old:  pkg(`type Thing struct{ Name string }`),
		new: pkg(`type Thing struct{ Name string }
func NewThing(name string) *Thing { return &Thing{Name: name} }`),
		want: []Change{add("NewThing", "func NewThing(name string) *Thing", false)},
	},
	{
		name: "type removed with its methods",
		old: pkg(`type Pet struct{ Name string }
type Thing struct {
	Name string
	ID   int
}
func (t Thing) String() string { return t.Name }`),
		new: pkg(`type Pet struct{ Name string }`),
		want: []Change{
			rem("Thing", "type Thing struct{Name string; ID int}"),
			rem("Thing.String", "func (Thing) String() string"),
		},
	},
	{
		name: "field type changed",
		old: pkg(optDecl + `
type Pet struct {
	Name string
}`),
		new: pkg(optDecl + `
type Pet struct {
	Name Opt[string]
}`),
		want: []Change{chg("Pet.Name", "string", "Opt[string]", true)},
	},
	{
		name: "field removed",
		old:  pkg(`type Pet struct{ Name, Nick string }`),
		new:  pkg(`type Pet struct{ Name string }`),
		want: []Change{rem("Pet.Nick", "string")},
	},
	{
		name: "struct tag changed",
		old: pkg(`type Pet struct {
	Name string "json:\"name\""
}`),
		new:  pkg("type Pet struct {\n\tName string `json:\"name,omitempty\"`\n}"),
		want: []Change{chg("Pet.Name", "string `json:\"name\"`", "string `json:\"name,omitempty\"`", false)},
	},
	{
		name: "struct no longer comparable",
		old:  pkg(`type Key struct{ A string }`),
		new: pkg(`type Key struct {
	A string
	B []string
}`),
		want: []Change{
			chg("Key", "type Key struct{A string} // comparable", "type Key struct{A string; B []string} // not comparable", true),
			add("Key.B", "[]string", false),
		},
	},
	{
		name: "unexported field makes a struct incomparable",
		old:  pkg(`type Key struct{ A string }`),
		new: pkg(`type Key struct {
	A     string
	cache map[string]int
}`),
		// Key values can no longer be compared or used as map keys.
		want: []Change{chg("Key", "type Key struct{A string} // comparable", "type Key struct{A string; ...} // not comparable", true)},
	},
	{
		name: "interface gains a method",
		old: pkg(`type Pet struct{}
type Store interface {
	Get(id string) (Pet, error)
}`),
		new: pkg(`type Pet struct{}
type Store interface {
	Get(id string) (Pet, error)
	Put(p Pet) error
}`),
		want: []Change{add("Store.Put", "func (Store) Put(p Pet) error", true)},
	},
	{
		name: "interface with unexported methods gains a method",
		old: pkg(`type Shape interface {
	Area() float64
	shape()
}`),
		new: pkg(`type Shape interface {
	Area() float64
	Perimeter() float64
	shape()
}`),
		// Only this package can implement Shape.
		want: []Change{add("Shape.Perimeter", "func (Shape) Perimeter() float64", false)},
	},
	{
		name: "interface gains an unexported method",
		old:  pkg(`type Shape interface{ Area() float64 }`),
		new: pkg(`type Shape interface {
	Area() float64
	shape()
}`),
		want: []Change{chg("Shape", "type Shape interface{Area() float64}", "type Shape interface{Area() float64; shape()}", true)},
	},
	{
		name: "interface loses and changes methods",
		old: pkg(`type Store interface {
	Get(id string) ([]byte, error)
	Delete(id string) error
}`),
		new: pkg(`type Store interface {
	Get(id int64) ([]byte, error)
}`),
		want: []Change{
			rem("Store.Delete", "func (Store) Delete(id string) error"),
			chg("Store.Get", "func (Store) Get(id string) ([]byte, error)", "func (Store) Get(id int64) ([]byte, error)", true),
		},
	},
	{
		name: "interface methods from an embedded interface",
		old: pkg(`import "io"
type Body interface {
	io.Reader
	io.Closer
}`),
		new: pkg(`type Body interface {
	Read(p []byte) (n int, err error)
	Close() error
}`),
	},
	{
		name: "unexported changes ignored",
		old: pkg(`type Pet struct {
	Name string
	id   int
}
func (p *Pet) reset() {}
type cache map[string]Pet
func helper(p Pet) {}
var debug = false
const maxPets = 3
func (c cache) Exported() {}`),
		new: pkg(`type Pet struct {
	Name  string
	id    string
	extra int
}
func (p Pet) reset(all bool) {}
func helper() int { return 0 }
var debug = 1
const maxPets = "many"
type newHelper struct{ Exported int }`),
	},
	{
		name: "parameter names, type spellings and declaration order are not changes",
		old: pkg(`import "context"
type Handler func(ctx context.Context, data []byte) error
func Do(ctx context.Context, b byte, r rune, f func(x int) error, v interface{}) (n int, err error) { return }
func Map[T, U any](xs []T, f func(T) U) []U { return nil }
type Pair[K comparable, V any] struct { Key K; Value V }`),
		new: pkg(`import "context"
type Pair[Key comparable, Val any] struct { Key Key; Value Val }
func Map[In, Out any](items []In, fn func(In) Out) []Out { return nil }
func Do(c context.Context, x uint8, y int32, g func(n int) error, w any) (int, error) { return 0, nil }
type Handler func(context.Context, []byte) error`),
	},
	{
		name: "constant value changed",
		old:  pkg(`const MaxRetries = 3`),
		new:  pkg(`const MaxRetries = 5`),
		want: []Change{chg("MaxRetries", "const MaxRetries untyped int = 3", "const MaxRetries untyped int = 5", false)},
	},
	{
		name: "constant type changed",
		old:  pkg(`const MaxRetries = 3`),
		new:  pkg(`const MaxRetries int64 = 3`),
		want: []Change{chg("MaxRetries", "const MaxRetries untyped int = 3", "const MaxRetries int64 = 3", true)},
	},
	{
		name: "enum value added and removed",
		old: pkg(`type Color string
const (
	ColorRed   Color = "red"
	ColorGreen Color = "green"
)`),
		new: pkg(`type Color string
const (
	ColorRed  Color = "red"
	ColorBlue Color = "blue"
)`),
		want: []Change{
			add("ColorBlue", `const ColorBlue Color = "blue"`, false),
			rem("ColorGreen", `const ColorGreen Color = "green"`),
		},
	},
	{
		name: "named type underlying changed",
		old:  pkg(`type Color string`),
		new:  pkg(`type Color int`),
		want: []Change{chg("Color", "type Color string", "type Color int", true)},
	},
	{
		name: "method on a named non-struct type",
		old:  pkg(`type Color string`),
		new: pkg(`type Color string
func (c Color) IsKnown() bool { return c != "" }`),
		want: []Change{add("Color.IsKnown", "func (Color) IsKnown() bool", false)},
	},
	{
		name: "variable type changed",
		old: pkg(`type Client struct{}
var DefaultClient = &Client{}`),
		new: pkg(`type Client struct{}
var DefaultClient Client`),
		want: []Change{chg("DefaultClient", "var DefaultClient *Client", "var DefaultClient Client", true)},
	},
	{
		name: "kind of declaration changed",
		old:  pkg(`type Thing struct{}`),
		new:  pkg(`func Thing() {}`),
		want: []Change{chg("Thing", "type Thing struct{}", "func Thing()", true)},
	},
	{
		name: "alias target changed",
		old:  pkg(`type ID = string`),
		new:  pkg(`type ID = int64`),
		want: []Change{chg("ID", "type ID = string", "type ID = int64", true)},
	},
	{
		name: "alias replaced by a defined type",
		old:  pkg(`type ID = string`),
		new:  pkg(`type ID string`),
		want: []Change{chg("ID", "type ID = string", "type ID string", true)},
	},
	{
		// oasgen declares a schema that repeats another as its alias: the
		// fields and methods stay, reached through the alias; the type's
		// identity, and so every signature that names it, changes.
		name: "struct replaced by an alias of a struct with the same fields",
		old: pkg(`type Pet struct{ Name string }
func (p *Pet) Validate() error { return nil }
type NewPet struct{ Name string }
func (p *NewPet) Validate() error { return nil }
func Adopt(p NewPet) {}`),
		new: pkg(`type Pet struct{ Name string }
func (p *Pet) Validate() error { return nil }
type NewPet = Pet
func Adopt(p NewPet) {}`),
		want: []Change{
			chg("Adopt", "func Adopt(p NewPet)", "func Adopt(p NewPet)", true),
			chg("NewPet", "type NewPet struct{Name string}", "type NewPet = Pet", true),
		},
	},
	{
		name: "receiver moved from value to pointer",
		old: pkg(`type Pet struct{ Name string }
func (p Pet) Validate() error { return nil }`),
		new: pkg(`type Pet struct{ Name string }
func (p *Pet) Validate() error { return nil }`),
		// Pet values no longer have the method.
		want: []Change{chg("Pet.Validate", "func (Pet) Validate() error", "func (*Pet) Validate() error", true)},
	},
	{
		name: "receiver moved from pointer to value",
		old: pkg(`type Pet struct{ Name string }
func (p *Pet) Validate() error { return nil }`),
		new: pkg(`type Pet struct{ Name string }
func (p Pet) Validate() error { return nil }`),
		want: []Change{chg("Pet.Validate", "func (*Pet) Validate() error", "func (Pet) Validate() error", false)},
	},
	{
		name: "embedded struct removed",
		old: pkg(`type Base struct{ ID string }
func (b Base) Kind() string { return "" }
type Pet struct {
	Base
	Name string
}`),
		new: pkg(`type Base struct{ ID string }
func (b Base) Kind() string { return "" }
type Pet struct {
	Name string
}`),
		want: []Change{
			rem("Pet.Base", "Base // embedded"),
			rem("Pet.ID", "string // promoted from Base"),
			rem("Pet.Kind", "func (Pet) Kind() string"),
		},
	},
	{
		name: "field moved into an embedded struct",
		old: pkg(`type Pet struct {
	ID   string
	Name string
}`),
		new: pkg(`type Base struct{ ID string }
type Pet struct {
	Base
	Name string
}`),
		want: []Change{
			add("Base", "type Base struct{ID string}", false),
			add("Pet.Base", "Base // embedded", false),
			// Pet{ID: "x"} no longer compiles.
			chg("Pet.ID", "string", "string // promoted from Base", true),
		},
	},
	{
		name: "fields and methods promoted from an unexported embedded struct",
		old: pkg(`type meta struct{ ETag string }
func (m *meta) Version() string { return m.ETag }
type Pet struct {
	meta
	Name string
}`),
		new: pkg(`type meta struct{ ETag int }
type Pet struct {
	meta
	Name string
}`),
		want: []Change{
			chg("Pet.ETag", "string // promoted from meta", "int // promoted from meta", true),
			rem("Pet.Version", "func (*Pet) Version() string"),
		},
	},
	{
		name: "recursive embedding",
		old: pkg(`type Node[T any] struct {
	*Node[T]
	Value T
}
type Tree struct {
	*Tree
	Left, Right *Tree
}`),
		new: pkg(`type Node[T any] struct {
	*Node[T]
	Value T
	Key   string
}
type Tree struct {
	*Tree
	Left *Tree
}`),
		want: []Change{
			add("Node.Key", "string", false),
			rem("Tree.Right", "*Tree"),
		},
	},
	{
		name: "generic type gains a method and changes a field",
		old: pkg(`type Opt[T any] struct {
	Value T
	Set   bool
}
func (o Opt[T]) Get() (T, bool) { return o.Value, o.Set }`),
		new: pkg(`type Opt[T any] struct {
	Value T
	Set   int
}
func (o Opt[T]) Get() (T, bool) { return o.Value, o.Set > 0 }
func (o Opt[T]) Or(def T) T { return def }
func (o *Opt[T]) Clear() { *o = Opt[T]{} }`),
		want: []Change{
			add("Opt.Clear", "func (*Opt[T]) Clear()", false),
			add("Opt.Or", "func (Opt[T]) Or(def T) T", false),
			chg("Opt.Set", "bool", "int", true),
		},
	},
	{
		name: "generic constraint changed",
		old:  pkg(optDecl),
		new: pkg(`type Opt[T comparable] struct {
	Value T
	Set   bool
}`),
		want: []Change{chg("Opt", "type Opt[T any] struct{Value T; Set bool}", "type Opt[T comparable] struct{Value T; Set bool}", true)},
	},
	{
		name: "generic function and instantiation changed",
		old: pkg(optDecl + `
func NewOpt[T any](v T) Opt[T] { return Opt[T]{Value: v, Set: true} }
type Pet struct{ Tags Opt[[]string] }
type Number interface{ ~int | ~int64 }
func Sum[N Number](xs ...N) N { return 0 }`),
		new: pkg(optDecl + `
func NewOpt[T any](v T, set bool) Opt[T] { return Opt[T]{Value: v, Set: set} }
type Pet struct{ Tags Opt[string] }
type Number interface{ ~int | ~int64 | ~float64 }
func Sum[N Number](xs ...N) N { return 0 }`),
		want: []Change{
			chg("NewOpt", "func NewOpt[T any](v T) Opt[T]", "func NewOpt[T any](v T, set bool) Opt[T]", true),
			chg("Number", "type Number interface{~int | ~int64}", "type Number interface{~int | ~int64 | ~float64}", true),
			chg("Pet.Tags", "Opt[[]string]", "Opt[string]", true),
		},
	},
	{
		name: "empty old version",
		new: pkg(`import (
	"context"
	"errors"
)
type Status string
const StatusAvailable Status = "available"
type Pet struct {
	ID     int64  "json:\"id\""
	Name   string "json:\"name\""
	status Status
}
func (p *Pet) Validate() error { return nil }
type Store interface {
	Get(ctx context.Context, id int64) (Pet, error)
}
var ErrNotFound = errors.New("not found")
func NewStore() Store { return nil }
func helper() {}`),
		want: []Change{
			add("ErrNotFound", "var ErrNotFound error", false),
			add("NewStore", "func NewStore() Store", false),
			add("Pet", "type Pet struct{ID int64 `json:\"id\"`; Name string `json:\"name\"`; ...}", false),
			add("Pet.Validate", "func (*Pet) Validate() error", false),
			add("Status", "type Status string", false),
			add("StatusAvailable", `const StatusAvailable Status = "available"`, false),
			add("Store", "type Store interface{Get(ctx context.Context, id int64) (Pet, error)}", false),
		},
	},
	{
		name: "empty new version",
		old: pkg(`type Pet struct{ Name string }
func (p Pet) String() string { return p.Name }
const Version = "1.0"`),
		want: []Change{
			rem("Pet", "type Pet struct{Name string}"),
			rem("Pet.String", "func (Pet) String() string"),
			rem("Version", `const Version untyped string = "1.0"`),
		},
	},
	{
		name: "both versions empty",
	},
	{
		name: "files split differently",
		old:  pkg(optDecl + `type Pet struct{ Name Opt[string] }`),
		new: Source{
			"optional.go": []byte("package pets\n\n" + optDecl),
			"types.go":    []byte("package pets\n\ntype Pet struct{ Name Opt[string] }\n"),
		},
	},
	{
		name: "test files, ignored files and other platforms are not part of the package",
		old:  pkg(`type Pet struct{ Name string }`),
		new: Source{
			"pets.go":          []byte("package pets\n\ntype Pet struct{ Name string }\n"),
			"pets_test.go":     []byte("package pets\n\nfunc TestBroken( {\n"),
			"export_test.go":   []byte("package pets\n\nfunc Exported() {}\n"),
			"gen.go":           []byte("//go:build ignore\n\npackage main\n\nfunc main() {}\n"),
			"_scratch.go":      []byte("not Go at all"),
			"pets_plan9.go":    []byte("package pets\n\nfunc Plan9Only() {}\n"),
			"README.md":        []byte("# pets\n"),
			"testdata/pets.go": []byte("//go:build never\n\npackage other\n"),
		},
	},
	{
		name: "package renamed",
		old:  Source{"a.go": []byte("package pets\n\nconst Version = 1\n")},
		new:  Source{"a.go": []byte("package animals\n\nconst Version = 1\n")},
		want: []Change{chg("package", "package pets", "package animals", true)},
	},
}

func TestCompare(t *testing.T) {
	for _, tt := range compareTests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel() // also exercises the shared importer
			r, err := Compare(tt.old, tt.new)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(r.Changes, tt.want) {
				t.Errorf("changes:\n%s\nwant:\n%s", dump(r.Changes), dump(tt.want))
			}
			wantBreaking := slices.ContainsFunc(tt.want, func(c Change) bool { return c.Breaking })
			if r.Breaking() != wantBreaking {
				t.Errorf("Breaking() = %v, want %v", r.Breaking(), wantBreaking)
			}
		})
	}
}

func dump(cs []Change) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString("\t" + c.Kind.String() + " " + c.Name + " old=" + strconvQuote(c.Old) + " new=" + strconvQuote(c.New))
		if c.Breaking {
			b.WriteString(" breaking")
		}
		b.WriteByte('\n')
	}
	if len(cs) == 0 {
		b.WriteString("\t(none)\n")
	}
	return b.String()
}

func strconvQuote(s string) string { return "`" + s + "`" }

func TestCompareErrors(t *testing.T) {
	good := pkg(`type Pet struct{ Name string }`)
	tests := []struct {
		name     string
		old, new Source
		want     string // the whole error message
		typeErr  bool   // wraps a types.Error rather than a *scanner.Error
	}{
		{
			name: "syntax error in new",
			old:  good,
			new:  Source{"pets.go": []byte("package pets\n\nfunc F( {}\n")},
			want: "apidiff: new version: pets.go:3:9: expected ')', found '{'",
		},
		{
			name:    "type error in old",
			old:     Source{"types.go": []byte("package pets\n\nfunc F() Missing { return nil }\n")},
			new:     good,
			want:    "apidiff: old version: types.go:3:10: undefined: Missing",
			typeErr: true,
		},
		{
			name: "several type errors",
			old:  good,
			new: Source{
				"a.go": []byte("package pets\n\nvar A int = \"a\"\n"),
				"b.go": []byte("package pets\n\nvar B string = 1\nvar C = undefinedThing\n"),
			},
			want:    "apidiff: new version: a.go:3:13: cannot use \"a\" (untyped string constant) as int value in variable declaration (and 2 more errors)",
			typeErr: true,
		},
		{
			name:    "import outside the standard library",
			old:     good,
			new:     Source{"pets.go": []byte("package pets\n\nimport \"example.com/nowhere/models\"\n\nvar M models.Pet\n")},
			want:    "apidiff: new version: pets.go:3:8: could not import example.com/nowhere/models",
			typeErr: true,
		},
		{
			name:    "files disagree on the package name",
			old:     good,
			new:     Source{"a.go": []byte("package pets\n"), "b.go": []byte("package animals\n")},
			want:    "apidiff: new version: b.go:1:1: package animals; expected package pets",
			typeErr: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, err := Compare(tt.old, tt.new)
			if err == nil {
				t.Fatalf("no error; report:\n%s", r)
			}
			// The import error carries the importer's explanation; match its start.
			if got := err.Error(); got != tt.want && !strings.HasPrefix(got, tt.want+" (") {
				t.Errorf("error:\n\t%s\nwant:\n\t%s", got, tt.want)
			}
			if tt.typeErr {
				var te types.Error
				if !errors.As(err, &te) || !te.Pos.IsValid() {
					t.Errorf("error %v does not wrap a types.Error with a position", err)
				}
			} else {
				var se *scanner.Error
				if !errors.As(err, &se) || se.Pos.Line == 0 {
					t.Errorf("error %v does not wrap a *scanner.Error with a position", err)
				}
			}
		})
	}
}

func TestReportString(t *testing.T) {
	old := pkg(`import "context"

type Opt[T any] struct {
	Value T
	Set   bool
}

type Status string

const StatusAvailable Status = "available"

type Pet struct {
	ID     int64  "json:\"id\""
	Name   string "json:\"name\""
	Status Status "json:\"status\""
}

type Client struct{ baseURL string }

func NewClient(baseURL string) (*Client, error) { return &Client{baseURL: baseURL}, nil }

func (c *Client) GetPet(ctx context.Context, id int64) (Pet, error) { return Pet{}, nil }

func (c *Client) DeletePet(ctx context.Context, id int64) error { return nil }
`)
	new := pkg(`import (
	"context"
	"net/http"
)

type Opt[T any] struct {
	Value T
	Set   bool
}

type Status string

const (
	StatusAvailable Status = "available"
	StatusSold      Status = "sold"
)

type Pet struct {
	ID     int64       "json:\"id\""
	Name   Opt[string] "json:\"name,omitzero\""
	Status Status      "json:\"status,omitempty\""
	Tag    Opt[string] "json:\"tag,omitzero\""
}

type Option func(*Client)

func WithHTTPClient(h *http.Client) Option { return func(c *Client) { c.http = h } }

type Client struct {
	baseURL string
	http    *http.Client
}

func NewClient(baseURL string, opts ...Option) (*Client, error) {
	c := &Client{baseURL: baseURL, http: http.DefaultClient}
	for _, o := range opts {
		o(c)
	}
	return c, nil
}

func (c *Client) GetPet(ctx context.Context, id int64) (Pet, error) { return Pet{}, nil }

func (c *Client) ListPets(ctx context.Context, status Status) ([]Pet, error) { return nil, nil }
`)
	r, err := Compare(old, new)
	if err != nil {
		t.Fatal(err)
	}
	want := `- removed func (*Client) DeletePet(ctx context.Context, id int64) error
+ added func (*Client) ListPets(ctx context.Context, status Status) ([]Pet, error)
~ changed NewClient: func NewClient(baseURL string) (*Client, error) → func NewClient(baseURL string, opts ...Option) (*Client, error)
+ added type Option func(*Client)
~ changed Pet.Name: string ` + "`json:\"name\"`" + ` → Opt[string] ` + "`json:\"name,omitzero\"`" + `
~ changed Pet.Status: Status ` + "`json:\"status\"`" + ` → Status ` + "`json:\"status,omitempty\"`" + `
+ added field Pet.Tag Opt[string] ` + "`json:\"tag,omitzero\"`" + `
+ added const StatusSold Status = "sold"
+ added func WithHTTPClient(h *http.Client) Option
verdict: breaking (3 breaking changes, 6 compatible)`
	if got := r.String(); got != want {
		t.Errorf("String():\n%s\nwant:\n%s", got, want)
	}
	if !r.Breaking() {
		t.Error("Breaking() = false, want true")
	}
}

func TestReportStringVerdicts(t *testing.T) {
	tests := []struct {
		name    string
		changes []Change
		want    string
	}{
		{"none", nil, "verdict: no API changes"},
		{
			"additions only",
			[]Change{
				add("NewThing", "func NewThing() *Thing", false),
				add("Pet.Tag", "Opt[string]", false),
			},
			"+ added func NewThing() *Thing\n+ added field Pet.Tag Opt[string]\nverdict: compatible (2 additions)",
		},
		{
			"one addition",
			[]Change{add("Version", `const Version untyped string = "2"`, false)},
			"+ added const Version untyped string = \"2\"\nverdict: compatible (1 addition)",
		},
		{
			"compatible changes that are not additions",
			[]Change{
				chg("Limit", "const Limit untyped int = 1", "const Limit untyped int = 2", false),
				add("Pet.Tag", "Opt[string]", false),
			},
			"~ changed Limit: const Limit untyped int = 1 → const Limit untyped int = 2\n+ added field Pet.Tag Opt[string]\nverdict: compatible (1 addition, 1 compatible change)",
		},
		{
			"only compatible changes",
			[]Change{chg("Pet.Name", "string `json:\"a\"`", "string `json:\"b\"`", false)},
			"~ changed Pet.Name: string `json:\"a\"` → string `json:\"b\"`\nverdict: compatible (1 compatible change)",
		},
		{
			"a change spelt the same",
			[]Change{chg("Adopt", "func Adopt(p NewPet)", "func Adopt(p NewPet)", true)},
			"~ changed Adopt: func Adopt(p NewPet) (spelt the same; a type it names is now an alias of another)\nverdict: breaking (1 breaking change, 0 compatible)",
		},
		{
			"one breaking change",
			[]Change{rem("Pet.Name", "string")},
			"- removed field Pet.Name string\nverdict: breaking (1 breaking change, 0 compatible)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Report{Changes: tt.changes}
			if got := r.String(); got != tt.want {
				t.Errorf("String():\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
	var nilReport *Report
	if got := nilReport.String(); got != "verdict: no API changes" || nilReport.Breaking() {
		t.Errorf("nil report: String() = %q, Breaking() = %v", got, nilReport.Breaking())
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Added: "added", Removed: "removed", Changed: "changed", 0: "Kind(0)"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", int(k), got, want)
		}
	}
}

// TestGeneratedPackage compares the checked-in generated package with itself
// and with nothing. Other work may leave it temporarily broken, in which case
// the test is skipped.
func TestGeneratedPackage(t *testing.T) {
	dir := filepath.Join("..", "..", "generated", "clientgrants")
	names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	if len(names) == 0 {
		t.Skip("no generated package in", dir)
	}
	src := Source{}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		src[filepath.Base(name)] = data
	}
	r, err := Compare(src, src)
	if err != nil {
		t.Skipf("generated package does not type-check: %v", err)
	}
	if len(r.Changes) != 0 || r.String() != "verdict: no API changes" {
		t.Errorf("package compared with itself:\n%s", r)
	}
	r, err = Compare(nil, src)
	if err != nil {
		t.Fatal(err)
	}
	if r.Breaking() || len(r.Changes) == 0 {
		t.Errorf("package compared with nothing: breaking=%v, %d changes", r.Breaking(), len(r.Changes))
	}
	for _, c := range r.Changes {
		if c.Kind != Added || c.Old != "" || c.New == "" {
			t.Errorf("package compared with nothing: %+v", c)
		}
	}
}

// TestRequiredParamField: a parameters-struct field tagged required is a
// breaking addition, an optional one is not.
func TestRequiredParamField(t *testing.T) {
	old := Source{"p.go": []byte("package p\n\ntype Params struct {\n\tLimit int `param:\"limit,query\"`\n}\n")}
	for _, tc := range []struct {
		field    string
		breaking bool
	}{
		{"Owner string `param:\"owner,query,required\"`", true},
		{"Owner string `param:\"owner,query\"`", false},
		{"Owner string `json:\"owner\"`", false},
	} {
		next := Source{"p.go": []byte("package p\n\ntype Params struct {\n\tLimit int `param:\"limit,query\"`\n\t" + tc.field + "\n}\n")}
		r, err := Compare(old, next)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Changes) != 1 || r.Changes[0].Name != "Params.Owner" || r.Changes[0].Breaking != tc.breaking || r.Breaking() != tc.breaking {
			t.Errorf("%s: changes %+v, want one, breaking %v", tc.field, r.Changes, tc.breaking)
		}
	}
}
