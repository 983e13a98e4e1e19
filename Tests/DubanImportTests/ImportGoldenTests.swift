import Foundation
import XCTest
@testable import DubanImport
import DubanCore

/// Every notice under Tests/Fixtures imported and compared byte for byte with the plan (and the layout and
/// warnings) recorded in Tests/Fixtures/golden: a reshaping of the importer must not change one imported plan.
/// After a deliberate change of what the importer reads, rewrite the records with `DUBAN_GOLDEN=write`.
final class ImportGoldenTests: XCTestCase {
    static let golden = Fixtures.folder.appendingPathComponent("golden")

    /// The notices: seeds, other places' notices and the Word/web files.
    static var inputs: [(name: String, path: String)] {
        var out: [(String, String)] = []
        for dir in ["seeds", "notices", "docx"] {
            let folder = Fixtures.folder.appendingPathComponent(dir)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            for n in names where n.hasSuffix(".txt") || n.hasSuffix(".docx") || n.hasSuffix(".html") {
                out.append(("\(dir)-\(n)", folder.appendingPathComponent(n).path))
            }
        }
        return out
    }

    /// What one import gives, as bytes: the layout, the warnings (English) and the plan's JSON,
    /// with the checkout's own folder written as `Tests/Fixtures/` so a record holds wherever
    /// the repository is cloned.
    static func record(_ path: String) throws -> [UInt8] {
        let r = try Seeds.importer.importNotice(path: path)
        var head = "layout: \(r.layout.rawValue)\n"
        for w in r.warnings { head += "warning: \(w.description)\n" }
        head += "plan:\n"
        let text = head + String(decoding: PlanJSON.encode(r.plan), as: UTF8.self)
        return Array(text.replacingAll(Fixtures.folder.path + "/", with: "Tests/Fixtures/").utf8)
    }

    func testEveryFixtureImportsAsRecorded() throws {
        let inputs = Self.inputs
        XCTAssertGreaterThanOrEqual(inputs.count, 13, "fixtures missing under \(Fixtures.folder.path)")
        let write = ProcessInfo.processInfo.environment["DUBAN_GOLDEN"] == "write"
        if write { try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true) }
        for (name, path) in inputs {
            let got = try Self.record(path)
            let file = Self.golden.appendingPathComponent(name + ".golden")
            if write { try Data(got).write(to: file); continue }
            guard let want = FileManager.default.contents(atPath: file.path) else {
                XCTFail("no record \(file.path): run with DUBAN_GOLDEN=write once"); continue
            }
            if [UInt8](want) != got {
                let a = String(decoding: want, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let b = String(decoding: got, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                XCTFail("\(name) imports differently from its record at line \(i + 1):\n- \(i < a.count ? a[i] : "")\n+ \(i < b.count ? b[i] : "")")
            }
        }
    }
}
