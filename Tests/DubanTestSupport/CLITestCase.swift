import Foundation
import XCTest

/// The built `duban` run as a user would, from a scratch folder of the test's own (made
/// before each test, removed after): the harness the command-line test classes share
/// (this class has no tests of its own).
open class CLITestCase: XCTestCase {
    public var dir: URL!
    public typealias Run = Ran

    /// The scratch folder's name before its UUID (`duban-cli-…`).
    open class var folderPrefix: String { "duban-cli" }

    public static var binary: URL { BuiltProducts.duban }

    open override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(Self.folderPrefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    open override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    /// `duban ARGS` in the scratch folder, LANG=C.UTF-8 unless told.
    @discardableResult
    public func duban(_ args: [String], env: [String: String] = ["LANG": "C.UTF-8"]) throws -> Run {
        try runToEnd(Self.binary, args, env: env, in: dir).text
    }

    /// The checkout (Tests/DubanTestSupport/this file, three levels up).
    public var repoRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
