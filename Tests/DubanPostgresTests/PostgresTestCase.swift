import XCTest
import DubanCore
import DubanPostgres
import DubanTestSupport

/// A test on a database of its own, `db init` done (the server: TestDatabase.shared).
class PostgresTestCase: XCTestCase {
    var server: TestDatabase!
    /// The superuser's address of this test's database.
    var url: String!
    var address: PostgresAddress!

    override func setUpWithError() throws {
        server = try TestDatabase.shared()
        url = try server.freshDatabase()
        address = try PostgresAddress.parse(url, environment: [:], home: nil)
        _ = try PostgresAdmin.initialize(address)
    }

    func planAddress(_ name: String, base: String? = nil) -> String {
        (base ?? url) + (((base ?? url).contains("?")) ? "&" : "?") + "plan=" + name
    }

    func open(_ name: String, base: String? = nil) throws -> PostgresPlan {
        try PostgresPlan(address: PostgresAddress.parse(planAddress(name, base: base), environment: [:], home: nil))
    }

    @discardableResult
    func push(_ plan: Plan, as name: String, replace: Bool = false) throws -> PostgresAdmin.PushResult {
        try PostgresAdmin.push(address, plan: plan, bytes: PlanJSON.encode(plan), name: name, replace: replace, progress: nil)
    }

    static let asOf = PlanDate(year: 2020, month: 9, day: 1)!
}
