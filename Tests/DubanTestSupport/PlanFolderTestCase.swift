import Foundation
import XCTest
import DubanCore
#if canImport(Glibc)
import Glibc
#endif

/// A fresh folder for each test with a plan file in it (`planPath`), removed after: the
/// preamble of the tests on a plan file and its journal, lock and backups (this class has
/// no tests of its own).
open class PlanFolderTestCase: XCTestCase {
    public var dir = ""
    public var planPath: String { dir + "/plan.json" }

    /// The folder's name before the process id and a random number (`duban-plan-…`).
    open class var folderPrefix: String { "duban-plan" }
    /// The plan written to `planPath` before each test.
    open var initialPlan: Plan { DashboardFixture.plan() }

    open override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "\(Self.folderPrefix)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try PlanFile.save(initialPlan, to: planPath, backup: false)
    }

    open override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
    }
}
