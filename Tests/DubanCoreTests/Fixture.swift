@_exported import DubanTestSupport

/// The shared test-support target's fixture plan for the core's tests (one copy:
/// Tests/DubanTestSupport/CoreFixture.swift).
typealias Fixture = CoreFixture
