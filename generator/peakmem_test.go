package generator_test

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestPeakMemoryAuth0 measures the oasgen command on the whole Auth0 spec:
// the peak resident set size and wall time of one run, and the time to
// `go build` the package it writes. It asserts nothing about the figures;
// it only logs them. It runs only with OASGEN_PEAKMEM=1:
//
//	OASGEN_PEAKMEM=1 go test -run TestPeakMemoryAuth0 -v ./generator
func TestPeakMemoryAuth0(t *testing.T) {
	if os.Getenv("OASGEN_PEAKMEM") != "1" {
		t.Skip("set OASGEN_PEAKMEM=1 to measure the peak memory of oasgen on the Auth0 spec")
	}
	specPath, err := filepath.Abs(auth0Spec)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(specPath); err != nil {
		t.Skipf("skipping: the Auth0 spec %s is absent (it lives in ../shared next to the checkout): %v", auth0Spec, err)
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("skipping: no go command: %v", err)
	}

	// Build the command.
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "oasgen")
	build := exec.Command(goTool, "build", "-o", bin, "./cmd/oasgen")
	build.Dir = ".." // the module root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/oasgen: %v\n%s", err, out)
	}

	// Run it on the Auth0 spec, under /usr/bin/time -v when there is one.
	mod := filepath.Join(tmp, "auth0gen")
	if err := os.MkdirAll(mod, 0o755); err != nil {
		t.Fatal(err)
	}
	args := []string{"-spec", specPath, "-out", filepath.Join(mod, "management"), "-package", "management"}
	timeTool := "/usr/bin/time"
	useTime := false
	if _, err := os.Stat(timeTool); err == nil {
		useTime = true
	}
	var cmd *exec.Cmd
	if useTime {
		cmd = exec.Command(timeTool, append([]string{"-v", bin}, args...)...)
	} else {
		cmd = exec.Command(bin, args...)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	if err != nil {
		t.Fatalf("oasgen on %s: %v\nstdout:\n%s\nstderr:\n%s", auth0Spec, err, stdout.String(), tail(stderr.String(), 40))
	}

	// The rusage of the child: with /usr/bin/time in between, Maxrss is the
	// largest of time and oasgen, which is oasgen's.
	var rusageMB float64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rusageMB = float64(ru.Maxrss) / 1024 // kilobytes on Linux
	}
	peakMB, timeWall := rusageMB, ""
	source := "syscall.Rusage.Maxrss"
	if useTime {
		stats := parseTimeV(stderr.String())
		if kb, err := strconv.ParseFloat(stats["Maximum resident set size (kbytes)"], 64); err == nil {
			peakMB = kb / 1024
			source = "/usr/bin/time -v"
		}
		timeWall = stats["Elapsed (wall clock) time (h:mm:ss or m:ss)"]
		t.Logf("/usr/bin/time -v: user %ss, system %ss, CPU %s, wall %s",
			stats["User time (seconds)"], stats["System time (seconds)"], stats["Percent of CPU this job got"], timeWall)
	}
	warnings := strings.Count(stderr.String(), "oasgen: warning:")
	t.Logf("oasgen on the Auth0 spec: peak RSS %.1f MB (%s; rusage says %.1f MB), wall %v, %d warnings",
		peakMB, source, rusageMB, wall.Round(time.Millisecond), warnings)

	// Build the generated package in its own module.
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module auth0gen\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files, size := 0, int64(0)
	entries, err := os.ReadDir(filepath.Join(mod, "management"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && !e.IsDir() {
			files++
			size += info.Size()
		}
	}
	gobuild := exec.Command(goTool, "build", "./...")
	gobuild.Dir = mod
	gobuild.Env = append(os.Environ(), "GOWORK=off")
	start = time.Now()
	out, err := gobuild.CombinedOutput()
	buildTime := time.Since(start)
	if err != nil {
		t.Fatalf("go build of the generated Auth0 package: %v\n%s", err, tail(string(out), 40))
	}
	var buildMB float64
	if ru, ok := gobuild.ProcessState.SysUsage().(*syscall.Rusage); ok {
		buildMB = float64(ru.Maxrss) / 1024
	}
	t.Logf("go build of the generated Auth0 package (%d files, %.1f MB of source; fresh directory, so the package itself is compiled, dependencies come from the build cache): %v, peak RSS of the largest process %.1f MB",
		files, float64(size)/(1<<20), buildTime.Round(time.Millisecond), buildMB)
}

// parseTimeV reads the "key: value" lines /usr/bin/time -v writes to stderr.
func parseTimeV(s string) map[string]string {
	stats := make(map[string]string)
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		// The wall clock key holds colons itself; the value follows the last ": ".
		i := strings.LastIndex(line, ": ")
		if i < 0 {
			continue
		}
		stats[line[:i]] = strings.TrimSpace(line[i+2:])
	}
	return stats
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
