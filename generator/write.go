package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Write puts files into dir. Every file goes to a temporary file first and
// is renamed into place only when all of them were written, so a failed run
// leaves the previous output as it was. Go files in dir that carry the
// oasgen header and are no longer produced are removed; other files are
// never touched.
func Write(dir string, files []File) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var temps []string
	cleanup := func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}
	for _, f := range files {
		tmp, err := os.CreateTemp(dir, "."+f.Name+".oasgen-*")
		if err != nil {
			cleanup()
			return err
		}
		temps = append(temps, tmp.Name())
		_, werr := tmp.Write(f.Content)
		cerr := tmp.Close()
		if err := errors.Join(werr, cerr); err != nil {
			cleanup()
			return fmt.Errorf("write %s: %w", filepath.Join(dir, f.Name), err)
		}
		if err := os.Chmod(tmp.Name(), 0o644); err != nil {
			cleanup()
			return err
		}
	}
	// Renames replace one file at a time, so everything that could make
	// one fail is checked before the first: a failed run must leave the
	// previous output as it was.
	for _, f := range files {
		info, err := os.Lstat(filepath.Join(dir, f.Name))
		if err == nil && !info.Mode().IsRegular() {
			cleanup()
			return fmt.Errorf("write %s: it exists and is not a regular file", filepath.Join(dir, f.Name))
		}
	}
	for i, f := range files {
		if err := os.Rename(temps[i], filepath.Join(dir, f.Name)); err != nil {
			cleanup()
			return err
		}
	}
	stale, err := staleFiles(dir, files)
	if err != nil {
		return err
	}
	for _, name := range stale {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	return nil
}

// staleFiles lists the Go files in dir that oasgen wrote earlier (they start
// with its header) and that files no longer contains.
func staleFiles(dir string, files []File) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var stale []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || slices.ContainsFunc(files, func(f File) bool { return f.Name == name }) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		if bytes.HasPrefix(data, []byte(Header+"\n")) {
			stale = append(stale, name)
		}
	}
	return stale, nil
}

// Drift describes how dir differs from the files that would be generated.
type Drift struct {
	Missing []string // would be generated, not on disk
	Stale   []string // generated earlier, no longer produced
	Changed []string // on disk with other content
	Diff    string   // unified diffs of the changed files
}

// Empty reports whether dir is up to date.
func (d *Drift) Empty() bool {
	return len(d.Missing) == 0 && len(d.Stale) == 0 && len(d.Changed) == 0
}

// String lists every difference, then the diffs.
func (d *Drift) String() string {
	var b strings.Builder
	for _, name := range d.Missing {
		fmt.Fprintf(&b, "missing: %s\n", name)
	}
	for _, name := range d.Stale {
		fmt.Fprintf(&b, "stale: %s (generated earlier, no longer produced)\n", name)
	}
	for _, name := range d.Changed {
		fmt.Fprintf(&b, "differs: %s\n", name)
	}
	b.WriteString(d.Diff)
	return b.String()
}

// Check compares dir with files without writing anything.
func Check(dir string, files []File) (*Drift, error) {
	d := &Drift{}
	var diff strings.Builder
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		old, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			d.Missing = append(d.Missing, path)
			continue
		}
		if err != nil {
			return nil, err
		}
		if !bytes.Equal(old, f.Content) {
			d.Changed = append(d.Changed, path)
			diff.WriteString(unifiedDiff(path+" (on disk)", path+" (generated)", string(old), string(f.Content)))
		}
	}
	stale, err := staleFiles(dir, files)
	if err != nil {
		return nil, err
	}
	for _, name := range stale {
		d.Stale = append(d.Stale, filepath.Join(dir, name))
	}
	d.Diff = diff.String()
	return d, nil
}
