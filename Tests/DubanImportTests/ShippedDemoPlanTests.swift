import XCTest
import Foundation
import DubanCore
@testable import DubanImport

/// The shipped demo plan is the importer's output on the demo notice, byte for byte.
final class ShippedDemoPlanTests: XCTestCase {
    func testShippedDemoPlanIsTheImportedNotice() throws {
        let made = PlanJSON.encode(NoticeImporter.importedDemoPlan())
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/DubanImport/Resources/demo-plan.json").standardized.path
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try PlanFile.write(made, to: shipped)
            XCTFail("re-recorded \(shipped); run again without RECORD_SNAPSHOTS")
            return
        }
        let onDisk = try PlanFile.read(path: shipped)
        XCTAssertTrue(made == onDisk, "Resources/demo-plan.json is stale: the importer now makes another demo plan; re-record with RECORD_SNAPSHOTS=1")
        XCTAssertEqual(NoticeImporter.demoPlan(), NoticeImporter.importedDemoPlan())
        XCTAssertEqual(NoticeImporter.demoPlan().tasks.count, 147)
    }
}
