@_exported import DubanTestSupport

/// The shared test-support target's fixture (Tests/DubanTestSupport): the dashboard's plan,
/// the snapshot check and the tmux harness (`TmuxTestCase`), one copy for every target.
typealias Fixture = DashboardFixture
