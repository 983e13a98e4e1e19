import DubanCore
import PostgresNIO

/// DubanCore's `SharedPlan` on PostgreSQL (issue 15). Being built: see the issue.
enum PostgresAdapter {
    static let minimumServer = 13
}
