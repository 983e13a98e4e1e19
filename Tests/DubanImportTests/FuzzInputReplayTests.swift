import XCTest
import Foundation
import DubanCore
import DubanImport

/// Every input the importer's fuzz target starts from (Fuzz/corpus/import) and every
/// input that ever crashed it (Fuzz/regressions/import) gives a plan that survives a
/// save, or a clear error naming the file: `swift test` replays them, so a crash that
/// was found once fails the suite.
final class FuzzInputReplayTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func inputs(_ folder: String) -> [URL] {
        let dir = Self.root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0 != "README.md" && !$0.hasPrefix(".") }.sorted().map { dir.appendingPathComponent($0) }
    }

    func testImporterCorpusAndRegressions() throws {
        let files = inputs("Fuzz/corpus/import") + inputs("Fuzz/regressions/import")
        XCTAssertGreaterThanOrEqual(files.count, 8, "the seed corpus is there")
        let importer = NoticeImporter(options: ImportOptions(useUserAliasFile: false))
        for f in files {
            let bytes = Array(try Data(contentsOf: f))
            do {
                let plan = try importer.importNotice(bytes: bytes, source: f.lastPathComponent).plan
                let saved = PlanJSON.encode(plan)
                XCTAssertEqual(try PlanJSON.decode(saved, file: f.lastPathComponent), plan, f.lastPathComponent)
            } catch let e as ImportError {
                XCTAssertTrue(String(describing: e).contains(f.lastPathComponent), "\(f.lastPathComponent): \(e)")
            }
        }
    }
}
