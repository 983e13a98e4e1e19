import XCTest
import Foundation
import DubanTUI

/// The theme fuzz target's seeds and every input that ever broke it: each gives a theme
/// and problems that carry a line and a column.
final class FuzzThemeReplayTests: XCTestCase {
    func testThemeCorpusAndRegressions() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files: [URL] = []
        for folder in ["Fuzz/corpus/theme", "Fuzz/regressions/theme"] {
            let dir = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            files += names.filter { $0 != "README.md" && !$0.hasPrefix(".") }.sorted().map { dir.appendingPathComponent($0) }
        }
        XCTAssertGreaterThanOrEqual(files.count, 3)
        for f in files {
            let text = String(decoding: try Data(contentsOf: f), as: UTF8.self)
            let (_, problems) = ThemeParser.parse(text, name: "replay", path: f.lastPathComponent)
            for p in problems { XCTAssertGreaterThanOrEqual(p.line, 1, "\(f.lastPathComponent): \(p)") }
            _ = DashboardConfig.parse(text, path: f.lastPathComponent)
        }
        // a broken theme: every error named with its line, and the default kept for the rest
        let (_, problems) = ThemeParser.parse("overdue  rde  default  bold\n", name: "x", path: "x.theme")
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(String(describing: problems.first).contains("x.theme:1:"), "\(problems)")
    }
}
