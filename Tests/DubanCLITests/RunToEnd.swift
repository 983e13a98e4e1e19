@_exported import DubanTestSupport

// `runToEnd` and `Finished` live in the shared test-support target
// (Tests/DubanTestSupport/RunToEnd.swift), with the fixtures and the tmux harness.
