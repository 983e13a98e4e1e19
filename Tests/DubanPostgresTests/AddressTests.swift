import XCTest
import DubanCore

final class PlanAddressTests: XCTestCase {
    func testDatabaseAddressesAreToldFromFiles() {
        XCTAssertTrue(PlanAddress("postgres://u@h:5432/db?plan=x").isDatabase)
        XCTAssertTrue(PlanAddress("PostgreSQL://h/db").isDatabase)
        XCTAssertFalse(PlanAddress("plan.json").isDatabase)
        XCTAssertFalse(PlanAddress("postgres.json").isDatabase)
        XCTAssertEqual(PlanAddress("./postgres://x"), .file("./postgres://x"))
    }
}
