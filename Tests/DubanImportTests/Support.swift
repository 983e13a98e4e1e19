import Foundation
import XCTest
@testable import DubanImport
import DubanCore
@_exported import DubanTestSupport

/// The repository's copies of the real notices (Tests/Fixtures), so no test depends on ../shared.
enum Fixtures {
    static let folder: URL = FixtureFiles.folder
}

/// The five seed notices (Tests/Fixtures/seeds, copied from ../shared/seeds).
enum Seeds {
    static let folder: URL = Fixtures.folder.appendingPathComponent("seeds")

    static func path(_ prefix: String) -> String? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        return names.sorted().first { $0.hasPrefix(prefix) }.map { folder.appendingPathComponent($0).path }
    }

    static func result(_ prefix: String, file: StaticString = #filePath, line: UInt = #line) throws -> ImportResult {
        guard let p = path(prefix) else { XCTFail("seed \(prefix) not found under \(folder.path)", file: file, line: line); throw CocoaError(.fileNoSuchFile) }
        return try importer.importNotice(path: p)
    }

    static let importer = NoticeImporter(options: ImportOptions(useUserAliasFile: false))
}

/// The five notices of other places (Tests/Fixtures/notices, copied from ../shared/notices with EXPECTED.md).
enum Notices {
    static let folder: URL = Fixtures.folder.appendingPathComponent("notices")

    static func result(_ prefix: String, file: StaticString = #filePath, line: UInt = #line) throws -> ImportResult {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard let n = names.sorted().first(where: { $0.hasPrefix(prefix) }) else {
            XCTFail("notice \(prefix) not found under \(folder.path)", file: file, line: line); throw CocoaError(.fileNoSuchFile)
        }
        return try Seeds.importer.importNotice(path: folder.appendingPathComponent(n).path)
    }
}

/// Imports a hand-made notice given as text.
func importText(_ text: String, year: Int? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> ImportResult {
    try NoticeImporter(options: ImportOptions(year: year, useUserAliasFile: false))
        .importNotice(bytes: Array(text.utf8), source: "test.txt")
}

/// Rules every imported plan must keep.
func assertCleanUnits(_ plan: Plan, file: StaticString = #filePath, line: UInt = #line) {
    var names = Set<String>()
    for t in plan.tasks { names.formUnion(t.leadUnits); names.formUnion(t.coUnits) }
    for u in plan.units { names.insert(u.name); names.formUnion(u.members) }
    for n in names {
        XCTAssertFalse(n.hasSuffix("等"), "unit with a trailing 等: \(n)", file: file, line: line)
        XCTAssertFalse(n.contains(where: { $0.isASCIIDigit }), "unit with a number: \(n)", file: file, line: line)
        var depth = 0
        var ok = true
        for c in n {
            if c == "(" || c == "（" { depth += 1 }
            if c == ")" || c == "）" { depth -= 1; if depth < 0 { ok = false } }
        }
        XCTAssertTrue(ok && depth == 0, "unit with a stray bracket: \(n)", file: file, line: line)
        XCTAssertFalse(n.contains("。") || n.contains(":") || n.contains("："), "unit with punctuation: \(n)", file: file, line: line)
        XCTAssertGreaterThanOrEqual(n.count, 2, "unit name too short: \(n)", file: file, line: line)
    }
}

/// No page chrome in tasks or units.
func assertNoChrome(_ plan: Plan, file: StaticString = #filePath, line: UInt = #line) {
    let chrome = ["发布时间", "信息来源", "阅读次数", "字体:", "字号:", "首页", "ICP", "主办", "承办", "运维电话", "网站标识码", "累计访问", "联系我们", "logo", ".pdf", ".xls", "打印", "收藏"]
    for t in plan.tasks {
        for c in chrome { XCTAssertFalse(t.text.contains(c), "chrome \(c) in task \(t.id): \(t.text)", file: file, line: line) }
    }
    for u in plan.units {
        for c in chrome { XCTAssertFalse(u.name.contains(c), "chrome \(c) in unit \(u.name)", file: file, line: line) }
    }
}
