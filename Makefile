# oasgen — see README.md. Every target works on a fresh clone with Go installed.

GO ?= go

.PHONY: generate check vet test bench fuzz fmt

# Regenerate generated/clientgrants from the embedded spec/client-grants.yaml.
generate:
	$(GO) run ./cmd/oasgen

# Fail when the committed generated code differs from what the generator produces.
check:
	$(GO) run ./cmd/oasgen -check

# Fail on unformatted files and on go vet findings.
vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

# The whole suite: drift check, formatting and vet, then every test with the race detector.
test: check vet
	$(GO) test -race -count=1 ./...

# Benchmarks of the runtime support, the generated package, the fake server
# and the generator (its stages, the command end to end with its peak memory,
# and compiling the package generated from the Auth0 spec, about a minute,
# and from two of its tags),
# ending with the goals and whether each is met. The generator's benchmarks
# run for 3 s each, so that the Auth0 spec's figures are a few runs' and
# not one run's, the first of which also warms the caches.
bench:
	bash -c 'set -o pipefail; { $(GO) test -run "^\$$" -bench . -benchmem ./templates/... ./generated/... ./cmd/clientgrants-fake/... && $(GO) test -run "^\$$" -bench . -benchmem -benchtime 3s ./generator/...; } | $(GO) run ./tools/benchratio'

# Fuzz for a while (FUZZTIME each): the generator on mutated specs, the
# quick JSON loader, the split of look-ahead patterns, the spelling out of
# long repeat counts, the generated decoders, the generated codecs against
# encoding/json (both directions), the JSON reader and writer, the Link
# header's reader, and the fake server. Their seed corpora run in make
# test. Minimizing a new input is capped at 5 s: at the default minute, the
# workers spent most of a run minimizing and looked stalled at 0 execs/s.
FUZZTIME ?= 60s
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzGenerate -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./generator
	$(GO) test -run '^$$' -fuzz FuzzLoadJSON -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./generator/load
	$(GO) test -run '^$$' -fuzz FuzzSplitLookaheads -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./generator/model
	$(GO) test -run '^$$' -fuzz FuzzExpandRepeats -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./generator/model
	$(GO) test -run '^$$' -fuzz FuzzDecode -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./generated/clientgrants
	$(GO) test -run '^$$' -fuzz FuzzCodecDecode -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./generated/clientgrants
	$(GO) test -run '^$$' -fuzz FuzzCodecEncode -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./generated/clientgrants
	$(GO) test -run '^$$' -fuzz FuzzReaderString -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./templates
	$(GO) test -run '^$$' -fuzz FuzzReaderNumber -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./templates
	$(GO) test -run '^$$' -fuzz FuzzSkip -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./templates
	$(GO) test -run '^$$' -fuzz FuzzWriterString -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./templates
	$(GO) test -run '^$$' -fuzz FuzzNextLinkHeader -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./templates
	$(GO) test -run '^$$' -fuzz FuzzServer -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./cmd/clientgrants-fake

fmt:
	gofmt -w $$(git ls-files '*.go')
