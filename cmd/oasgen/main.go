// Command oasgen generates a self-contained Go package from an OpenAPI 3.0
// or 3.1 document: types with validators, and the runtime support they
// need. With no flags it regenerates generated/clientgrants from the
// embedded client-grants spec.
//
// Exit status: 0 on success, 1 when -check finds drift, 2 on bad input or
// usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/oasgen/oasgen/generator"
	"github.com/oasgen/oasgen/generator/config"
	"github.com/oasgen/oasgen/internal/collect"
)

func main() {
	// The collector waits for collect.Limit (see collect.Late); GOGC and
	// GOMEMLIMIT, when set, are left to decide.
	if os.Getenv("GOMEMLIMIT") == "" && os.Getenv("GOGC") == "" {
		collect.Late(collect.Limit)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `oasgen generates a Go package from an OpenAPI 3.0 or 3.1 document.

Usage:
  oasgen [-config oasgen.yaml] [-spec file] [-out dir] [-package name] [-generate types,client,server]
         [-include-tags a,b] [-include-operations x,y] [-check]

With no flags, oasgen regenerates generated/clientgrants from the embedded
spec/client-grants.yaml.

Flags:
`

// settings starts the config from the config file, when one is named.
func settings(path string) (generator.Config, bool, error) {
	if path == "" {
		return generator.Config{}, false, nil
	}
	f, err := config.Load(path)
	if err != nil {
		return generator.Config{}, false, err
	}
	return generator.Config{
		Spec:              f.Spec,
		Out:               f.Out,
		Package:           f.Package,
		Generate:          f.Generate,
		TypeNames:         f.TypeNames,
		MethodNames:       f.MethodNames,
		IncludeTags:       f.IncludeTags,
		IncludeOperations: f.IncludeOperations,
	}, f.Check, nil
}

// run is main without the process: it parses args, runs the generator and
// returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("oasgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	specPath := fs.String("spec", "", "the OpenAPI document to read, YAML or JSON (default: the embedded spec/client-grants.yaml)")
	out := fs.String("out", "", "the directory to write the package to (default: "+generator.DefaultOut+" for the embedded spec, else ./api)")
	pkg := fs.String("package", "", "the Go package name (default: the last element of -out, lower-cased, without punctuation)")
	check := fs.Bool("check", false, "write nothing; exit 1 and print a diff when -out differs from what would be generated")
	configPath := fs.String("config", "", "read settings from this YAML or JSON file (see the README); flags given as well override it")
	generate := fs.String("generate", "", "what to generate, comma-separated: types, client, server (default: all)")
	strict := fs.Bool("strict", false, "treat warnings (constructs generated in a simplified form) as errors: print them and exit 2")
	includeTags := fs.String("include-tags", "", "generate only the operations with one of these tags, comma-separated, and the schemas they use")
	includeOps := fs.String("include-operations", "", "generate only the operations with one of these operationIds, comma-separated (with -include-tags: those too)")
	report := fs.Bool("report", false, "also print how the exported Go API changes against what is on disk, with a compatible/breaking verdict (always printed when -check finds drift)")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
		fmt.Fprint(stderr, "\nExit status: 0 on success, 1 when -check finds drift, 2 on bad input or usage.\n")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "oasgen: unexpected argument %q; the spec is given with -spec\n", fs.Arg(0))
		return 2
	}
	cfg, checkMode, err := settings(*configPath)
	if err != nil {
		fmt.Fprintf(stderr, "oasgen: %v\n", err)
		return 2
	}
	// Flags given on the command line override the config file.
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "spec":
			cfg.Spec = *specPath
		case "out":
			cfg.Out = *out
		case "package":
			cfg.Package = *pkg
		case "check":
			checkMode = *check
		case "generate":
			cfg.Generate = strings.Split(*generate, ",")
		case "include-tags":
			cfg.IncludeTags = commaList(*includeTags)
		case "include-operations":
			cfg.IncludeOperations = commaList(*includeOps)
		}
	})
	dir := cfg.OutDir()
	res, err := generator.Generate(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "oasgen: %v\n", err)
		return 2
	}
	if *strict && len(res.Warnings) > 0 {
		for _, w := range res.Warnings {
			fmt.Fprintf(stderr, "oasgen: %v\n", w)
		}
		if len(res.Warnings) == 1 {
			fmt.Fprintln(stderr, "oasgen: -strict: the warning is an error")
		} else {
			fmt.Fprintf(stderr, "oasgen: -strict: %d warnings are errors\n", len(res.Warnings))
		}
		return 2
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "oasgen: warning: %v\n", w)
	}
	if checkMode {
		drift, err := generator.Check(dir, res.Files)
		if err != nil {
			fmt.Fprintf(stderr, "oasgen: %v\n", err)
			return 2
		}
		if !drift.Empty() {
			fmt.Fprint(stdout, drift.String())
			printReport(stdout, stderr, dir, res.Files)
			fmt.Fprintf(stderr, "oasgen: %s is out of date with its spec; run oasgen to regenerate it\n", dir)
			return 1
		}
		return 0
	}
	if *report {
		printReport(stdout, stderr, dir, res.Files) // before the write replaces what it compares with
	}
	if err := generator.Write(dir, res.Files); err != nil {
		fmt.Fprintf(stderr, "oasgen: %v\n", err)
		return 2
	}
	return 0
}

// printReport prints the API-change report; a package on disk that does not
// type-check gets a warning instead, since the report cannot be computed.
func printReport(stdout, stderr io.Writer, dir string, files []generator.File) {
	r, err := generator.Report(dir, files)
	if err != nil {
		fmt.Fprintf(stderr, "oasgen: warning: no API report: %v\n", err)
		return
	}
	fmt.Fprintf(stdout, "API changes in %s:\n%s\n", dir, r)
}

// commaList splits a comma-separated flag value, dropping empty items and
// the spaces around each.
func commaList(s string) []string {
	var out []string
	for item := range strings.SplitSeq(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
