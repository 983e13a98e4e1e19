# The two commands of README: `make run` and `make test`.
SWIFT ?= swift

.PHONY: setup build run test bench fuzz clean install install-built uninstall

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
# issue 15 (pgdb): the database tests get a throwaway PostgreSQL cluster on loopback,
# started before `swift test` and stopped after it (scripts/with-pg.sh).
test: setup
	$(SWIFT) build
	bash scripts/with-pg.sh $(SWIFT) test

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

# Installs the release binary, the manual page (docs/duban.1) and the bash, zsh and fish
# completions under PREFIX (DESTDIR for packaging):
#   make install                      # /usr/local
#   make install PREFIX=$HOME/.local  # then: man duban, duban <Tab>
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
install: setup
	$(SWIFT) build -c release --product duban
	$(MAKE) install-built BIN="$$($(SWIFT) build -c release --show-bin-path)/duban"

# The copying half of install, for a binary already built (BIN=path/to/duban).
BIN ?= .build/release/duban
install-built:
	install -d "$(BINDIR)" "$(MANDIR)" "$(BASHDIR)" "$(ZSHDIR)" "$(FISHDIR)"
	install -m 755 "$(BIN)" "$(BINDIR)/duban"
	install -m 644 docs/duban.1 "$(MANDIR)/duban.1"
	"$(BIN)" --generate-completion-script bash > "$(BASHDIR)/duban"
	"$(BIN)" --generate-completion-script zsh > "$(ZSHDIR)/_duban"
	"$(BIN)" --generate-completion-script fish > "$(FISHDIR)/duban.fish"

uninstall:
	rm -f "$(BINDIR)/duban" "$(MANDIR)/duban.1" "$(BASHDIR)/duban" "$(ZSHDIR)/_duban" "$(FISHDIR)/duban.fish"

clean:
	rm -rf .build
