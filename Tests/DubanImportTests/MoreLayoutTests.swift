import Foundation
import XCTest
@testable import DubanImport
import DubanCore

/// Eighteen more notices (Tests/Fixtures/notices-more), each a member of a family of issue 11
/// that the seeds and the five real notices do not cover: what a right import gives is written in
/// that folder's expected.json (and EXPECTED.md), before the importer was run on them.
final class MoreLayoutTests: XCTestCase {
    static let folder = Fixtures.folder.appendingPathComponent("notices-more")

    struct Sample: Decodable {
        var index: Int
        var text: String
        var leads: [String]
        var cos: [String]
        var deadline: String?
        var deadlineText: String?
        var number: String?
        var score: String?
        var goal: String?
        var leaders: [String]?
        var milestones: [String]?
        var assumed: Bool?
        var textContains: String?
    }
    struct Expect: Decodable {
        var tasks: Int
        var topChapters: Int
        var chapterTitles: [String]
        var samples: [Sample]
        var year: Int
        var textPrefixOnly: Bool?
        var warned: Bool?
        var warningContains: String?
    }

    static let expected: [String: Expect] = {
        let url = folder.appendingPathComponent("expected.json")
        guard let data = try? Data(contentsOf: url),
              let e = try? JSONDecoder().decode([String: Expect].self, from: data) else { return [:] }
        return e
    }()

    /// Full-width digits read as ASCII, so a deadline's words compare whatever digits they were printed in.
    static func ascii(_ s: String?) -> String? {
        s.map { String($0.unicodeScalars.map { u in
            (0xFF10...0xFF19).contains(u.value) ? Character(Unicode.Scalar(u.value - 0xFF10 + 0x30)!) : Character(u)
        }) }
    }

    @discardableResult
    func check(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> ImportResult {
        let e = try XCTUnwrap(Self.expected[name], "no expectation for \(name)", file: file, line: line)
        let r = try Seeds.importer.importNotice(path: Self.folder.appendingPathComponent(name).path)
        let p = r.plan
        XCTAssertEqual(p.tasks.count, e.tasks, "\(name): tasks", file: file, line: line)
        XCTAssertEqual(p.year, e.year, "\(name): year", file: file, line: line)
        let tops = p.chapters.filter { $0.parent == nil }
        XCTAssertEqual(tops.count, e.topChapters, "\(name): top chapters \(tops.map(\.title))", file: file, line: line)
        XCTAssertEqual(tops.map(\.title), e.chapterTitles, "\(name): chapter titles", file: file, line: line)
        for s in e.samples {
            guard s.index < p.tasks.count else { XCTFail("\(name): no task \(s.index + 1)", file: file, line: line); continue }
            let t = p.tasks[s.index]
            let at = "\(name) task \(s.index + 1)"
            if e.textPrefixOnly == true || s.textContains != nil {
                XCTAssertTrue(t.text.hasPrefix(s.text), "\(at): text \(t.text)", file: file, line: line)
            } else {
                XCTAssertEqual(t.text, s.text, "\(at): text", file: file, line: line)
            }
            if let c = s.textContains {
                XCTAssertTrue((t.text + (t.goal ?? "")).contains(c), "\(at): \(c) not in \(t.text) / \(t.goal ?? "-")", file: file, line: line)
            }
            XCTAssertEqual(t.leadUnits, s.leads, "\(at): lead units", file: file, line: line)
            XCTAssertEqual(t.coUnits, s.cos, "\(at): co-units", file: file, line: line)
            if let n = s.number { XCTAssertEqual(t.number, n, "\(at): number", file: file, line: line) }
            if let leaders = s.leaders { XCTAssertEqual(t.leaders, leaders, "\(at): leaders", file: file, line: line) }
            if let score = s.score {
                XCTAssertEqual(t.extra.first { $0.key == "score" }?.value, .string(score), "\(at): score", file: file, line: line)
            }
            if let goal = s.goal { XCTAssertEqual(t.goal, goal, "\(at): goal", file: file, line: line) }
            switch (s.deadline, s.deadlineText) {
            case (nil, nil):       // the notice says nothing: the year's end, assumed
                XCTAssertEqual(t.deadline?.iso, "\(e.year)-12-31", "\(at): deadline", file: file, line: line)
                XCTAssertTrue(t.deadlineAssumed, "\(at): assumed", file: file, line: line)
            case (nil, let words?):   // 长期, 常态化: no date
                XCTAssertNil(t.deadline, "\(at): deadline of \(words)", file: file, line: line)
                XCTAssertFalse(t.deadlineAssumed, "\(at): assumed", file: file, line: line)
                XCTAssertEqual(Self.ascii(t.deadlineText), Self.ascii(words), "\(at): deadline text", file: file, line: line)
            case (let d?, let words):
                XCTAssertEqual(t.deadline?.iso, d, "\(at): deadline", file: file, line: line)
                XCTAssertEqual(t.deadlineAssumed, s.assumed ?? false, "\(at): assumed", file: file, line: line)
                XCTAssertEqual(Self.ascii(t.deadlineText), Self.ascii(words), "\(at): deadline text", file: file, line: line)
            }
            if let ms = s.milestones, !ms.isEmpty {
                XCTAssertEqual(t.milestones.map { $0.date?.iso ?? "-" }, ms, "\(at): milestones", file: file, line: line)
            }
        }
        if e.warned == true { XCTAssertFalse(r.warnings.isEmpty, "\(name): a guess without a warning", file: file, line: line) }
        if let w = e.warningContains {
            XCTAssertTrue(r.warnings.contains { $0.message(Strings(.zh)).contains(w) || $0.message.contains(w) },
                          "\(name): no warning naming \(w): \(r.warnings.map(\.message))", file: file, line: line)
        }
        assertCleanUnits(p, file: file, line: line)
        assertNoChrome(p, file: file, line: line)
        return r
    }

    func testWordExportWebPage() throws { try check("01_word_export.html") }
    func testWordNumbering() throws { try check("02_word_numbering.docx") }
    func testWordTable() throws { try check("03_word_table.docx") }
    func testCellsPerLineGBK() throws { try check("04_cells_per_line_gbk.txt") }
    func testRowPerLineWithBOM() throws { try check("05_row_per_line_bom.txt") }
    func testCrawlOnOneLine() throws { try check("06_crawl_one_line.txt") }
    func testProseResponsibility() throws { try check("07_prose_responsibility.txt") }
    func testGluedLabelsFullWidth() throws { try check("08_glued_labels_fullwidth.txt") }
    func testEveryDeadline() throws { try check("09_every_deadline.txt") }
    func testUnitsInAttachment() throws {
        let r = try check("10_units_in_attachment.txt")
        XCTAssertTrue(r.plan.tasks.allSatisfy { $0.leadUnits.isEmpty && $0.coUnits.isEmpty })
    }
    func testLongOutlineRepeatedChapterAndSkippedNumbers() throws { try check("11_long_outline_repeat_skip.txt") }
    func testNestedLayoutTable() throws { try check("12_nested_layout_table.html") }
    func testTwoRowHeader() throws { try check("13_two_row_header_bom.html") }
    func testUnmergedChapterRows() throws { try check("15_unmerged_chapter_rows.html") }
    func testTabbedRowsWithChapters() throws { try check("16_tabbed_rows.txt") }
    func testOtherOfficesLabels() throws { try check("17_other_labels.txt") }
    func testPdftotextLayout() throws { try check("18_pdftotext_layout.txt") }
    func testYiItemsAreTasks() throws {
        let r = try check("14_yi_items_are_tasks_gb18030.txt")
        XCTAssertTrue(r.warnings.contains { $0.message(Strings(.zh)).contains("汛前") || $0.message.contains("汛前") },
                      "汛前 is not a date the program knows: \(r.warnings.map(\.message))")
    }
}
