import XCTest
@testable import DubanCore

/// Every input the fuzzers ever crashed on (Fuzz/regressions/<target>/) and every seed
/// (Fuzz/corpus/<target>/) goes through the loader again on each `swift test`: each must
/// give a plan, or an error naming the file and a line and column; never a crash.
/// (The importer's and the theme's inputs are replayed by `scripts/fuzz.sh`, which CI runs.)
final class FuzzRegressionTests: XCTestCase {
    static let root: String = {
        var p = "\(#filePath)"
        for _ in 0..<3 { p = PlanFile.folder(of: p) }   // Tests/DubanCoreTests/<file>
        return p
    }()

    func inputs(_ target: String) throws -> [String] {
        var out: [String] = []
        for kind in ["regressions", "corpus"] {
            let dir = "\(Self.root)/Fuzz/\(kind)/\(target)"
            guard let d = opendir(dir) else { continue }
            defer { closedir(d) }
            while let e = readdir(d) {
                let name = withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if !name.hasPrefix(".") { out.append(dir + "/" + name) }
            }
        }
        if out.isEmpty { throw XCTSkip("no Fuzz/ folder beside the tests (\(Self.root))") }
        return out.sorted()
    }

    func testPlanLoaderInputs() throws {
        for path in try inputs("planjson") {
            let bytes = try PlanFile.read(path: path)
            do {
                let plan = try PlanJSON.decode(bytes, file: path)
                XCTAssertEqual(try PlanJSON.decode(PlanJSON.encode(plan), file: "again"), plan, path)
                let store = PlanStore(plan: plan, rules: Rules(asOf: Fixture.asOf))
                XCTAssertEqual(store.query(TaskFilter()).count, plan.tasks.count, path)
            } catch let e as PlanLoadError {
                XCTAssertFalse(e.problems.isEmpty, path)
                for p in e.problems {
                    XCTAssertEqual(p.file, path)
                    XCTAssertGreaterThanOrEqual(p.line, 1, "\(p)")
                    XCTAssertGreaterThanOrEqual(p.column, 1, "\(p)")
                }
            }
        }
    }

    func testJournalReaderInputs() throws {
        for path in try inputs("journal") {
            let bytes = try PlanFile.read(path: path)
            let contents = JournalContents(bytes, path: path)
            XCTAssertLessThanOrEqual(contents.goodLength, bytes.count, path)
            for note in contents.notes { XCTAssertTrue(note.text.hasPrefix(path + ":"), note.text) }
            let entries = contents.pending(plan: ContentHash(size: -1, value: 0), path: path)?.entries ?? []
            for e in entries {
                let back = JournalLine.entry(e).bytes.dropLast().withUnsafeBufferPointer { JournalLine.parse($0, number: e.line, file: path) }
                XCTAssertEqual(try back.get(), .entry(e), "\(path):\(e.line)")
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
