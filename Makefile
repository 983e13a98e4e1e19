# The two commands of README: `make run` and `make test`.
SWIFT ?= swift

.PHONY: setup build run test bench fuzz clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build

# Opens the dashboard on the built-in demo plan (a 2020 plan), looked at as of a day
# inside its year: DEMO_AS_OF= (empty) counts overdue against today instead.
DEMO_AS_OF ?= 2020-09-01
run: build
	$(SWIFT) run duban $(if $(DEMO_AS_OF),--as-of $(DEMO_AS_OF))

# Every test: unit tests, rendering tests and the end-to-end tests in tmux.
test: setup
	$(SWIFT) build
	$(SWIFT) test

# The whole-process figures run the release `duban` beside the benchmark: build both.
bench:
	@bash scripts/setup.sh bench
	$(SWIFT) build -c release --product duban
	$(SWIFT) run -c release duban-bench

# libFuzzer on the plan loader, the journal, the importer and the themes:
# FUZZ_SECONDS each (60 by default). See docs/reliability.md.
FUZZ_SECONDS ?= 60
fuzz: setup
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build
