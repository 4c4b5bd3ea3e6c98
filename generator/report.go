package generator

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/oasgen/oasgen/generator/apidiff"
)

// Report compares the exported Go API of the package in dir with the one
// files would make it: what SDK maintainers read before they tag a release
// after a spec change. Test files and non-Go files are left out.
func Report(dir string, files []File) (*apidiff.Report, error) {
	old := apidiff.Source{}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		old[e.Name()] = data
	}
	next := apidiff.Source{}
	for _, f := range files {
		next[f.Name] = f.Content
	}
	return apidiff.Compare(old, next)
}
