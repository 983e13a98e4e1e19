import Foundation
import XCTest
@testable import DubanImport
import DubanCore

/// The review's trace and corrections, without a terminal: what each line became, and
/// each correction applied as data (issue 11, item 6).
final class ReviewCorrectionTests: XCTestCase {
    /// A notice the importer gets partly wrong: the signature 某市人民政府 (line 15) becomes a
    /// co-unit of task 5, and item 4 (line 12) has no units of its own.
    static let signed = ReviewNotice.signed

    /// No year anywhere (so 9月底前 is not understood), and two tasks in item 2.
    static let yearless = """
    重点工作任务分解
    一、稳增长
    1.全年地区生产总值增长6%左右。
    责任单位：市发展改革委、市统计局
    2.实施重点项目100个，完成投资200亿元。
    推进老旧小区改造30个。
    责任单位：市住房城乡建设局
    完成时限：9月底前
    二、惠民生
    3.新增城镇就业2万人。
    牵头单位：市教育局
    配合单位：市人力资源社会保障局
    配合单位：市民政局
    """

    func open(_ text: String, _ corrections: [KeptCorrection] = []) throws -> NoticeReview {
        try NoticeReview(bytes: Array(text.utf8), source: "notice.txt",
                         options: ImportOptions(useUserAliasFile: false), corrections: corrections)
    }

    func roles(_ r: NoticeReview) -> [LineRole] { r.trace.lines.map(\.role) }

    func task(_ r: NoticeReview, _ number: String) -> PlanTask? { r.plan.tasks.first { $0.number == number } }

    // MARK: the trace

    func testEachLineIsMarkedWithWhatItBecame() throws {
        let r = try open(Self.signed)
        XCTAssertEqual(roles(r), [.ignored, .ignored, .ignored, .chapter, .task, .units, .task, .units, .chapter,
                                  .task, .units, .task, .task, .units, .units, .ignored])
        XCTAssertEqual(r.trace.line(4)?.chapter, "c1")
        XCTAssertEqual(r.trace.line(6)?.task, "t1")
        XCTAssertEqual(r.trace.line(15)?.task, "t5", "the signature is read as a unit of the last task")
        XCTAssertEqual(r.trace.owner(at: 16), "t5")
        XCTAssertNil(r.trace.owner(at: 2))
    }

    func testEveryTaskOfTheSeedsAndNoticesHasItsLine() throws {
        var checked = 0
        for sub in ["seeds", "notices"] {
            let dir = Fixtures.folder.appendingPathComponent(sub)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".txt") {
                let bytes = Array(try Data(contentsOf: dir.appendingPathComponent(name)))
                guard let r = try? NoticeReview(bytes: bytes, source: name, options: ImportOptions(useUserAliasFile: false)) else { continue }
                for t in r.plan.tasks {
                    guard let n = r.trace.startLine(ofTask: t.id), let line = r.trace.line(n) else {
                        XCTFail("\(name): task \(t.id) \(t.text.prefix(20)) has no line"); continue
                    }
                    let probe = String(ReviewText.key(t.text).prefix(4))
                    let around = (n...min(n + 4, r.trace.lines.count)).map { ReviewText.key(r.trace.lines[$0 - 1].text) }.joined()
                    XCTAssertTrue(probe.isEmpty || around.contains(probe), "\(name):\(n): \(line.text.prefix(30)) is not task \(t.text.prefix(20))")
                }
                for c in r.plan.chapters { XCTAssertNotNil(r.trace.line(ofChapter: c.id), "\(name): chapter \(c.label) \(c.title)") }
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 8, "the fixtures were read")
    }

    func testTheImportersOwnTraceIsUsedAndAgreesWithTheDerivedOne() throws {
        let r = try open(Self.signed)
        XCTAssertTrue(r.traceFromImporter)
        let derived = ImportTrace.derive(lines: r.lines, plan: r.base.plan)
        // Where each task starts, both ways.
        for t in r.plan.tasks { XCTAssertEqual(r.trace.startLine(ofTask: t.id), derived.startLine(ofTask: t.id), t.text) }
        for sub in ["seeds", "notices"] {
            let dir = Fixtures.folder.appendingPathComponent(sub)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".txt") {
                let bytes = Array(try Data(contentsOf: dir.appendingPathComponent(name)))
                guard let r = try? NoticeReview(bytes: bytes, source: name, options: ImportOptions(useUserAliasFile: false)) else { continue }
                XCTAssertTrue(r.traceFromImporter, name)
                let d = ImportTrace.derive(lines: r.lines, plan: r.base.plan)
                let agree = r.plan.tasks.filter { t in
                    guard let a = r.trace.startLine(ofTask: t.id), let b = d.startLine(ofTask: t.id) else { return false }
                    return abs(a - b) <= 4
                }.count
                XCTAssertGreaterThanOrEqual(agree * 10, r.plan.tasks.count * 9, "\(name): \(agree) of \(r.plan.tasks.count) task lines agree")
            }
        }
    }

    func testAWebPagesTableIsReviewedCellByCell() throws {
        let html = """
        <html><head><meta charset="utf-8"></head><body>
        <p>某市人民政府关于印发2021年重点工作任务分解的通知</p>
        <table border="1">
        <tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>
        <tr><td>1</td><td>推进老旧小区改造</td><td>市住建局</td><td>市财政局</td><td>6月底前</td></tr>
        <tr><td>2</td><td>完成棚户区改造</td><td>市自然资源局</td><td>市住建局</td><td>9月底前</td></tr>
        </table>
        <p>某市人民政府</p>
        </body></html>
        """
        var r = try NoticeReview(bytes: Array(html.utf8), source: "page.html", options: ImportOptions(useUserAliasFile: false))
        XCTAssertEqual(r.plan.tasks.count, 2)
        guard let cell = r.trace.lines.first(where: { $0.text == "市自然资源局" }) else { return XCTFail("no cell line: \(r.trace.lines)") }
        XCTAssertEqual(cell.role, .units)
        XCTAssertNil(r.apply(.swapUnits(line: cell.number)))
        XCTAssertEqual(r.plan.tasks[1].leadUnits, ["市住建局"])
        XCTAssertEqual(r.plan.tasks[1].coUnits, ["市自然资源局"])
        let again = try NoticeReview(bytes: Array(html.utf8), source: "page.html", options: ImportOptions(useUserAliasFile: false),
                                     corrections: r.corrections)
        XCTAssertEqual(again.savedPlan, r.savedPlan)
    }

    // MARK: corrections

    func testIgnoringTheSignatureDropsTheCoUnit() throws {
        var r = try open(Self.signed)
        XCTAssertEqual(task(r, "5")?.coUnits, ["某市人民政府"])
        XCTAssertNil(r.apply(.mark(line: 15, as: .ignored)))
        XCTAssertEqual(task(r, "5")?.coUnits, [])
        XCTAssertEqual(task(r, "5")?.leadUnits, ["市住房城乡建设局"])
        XCTAssertFalse(r.plan.units.contains { $0.name == "某市人民政府" }, "a unit no task names any more is dropped")
        XCTAssertEqual(r.trace.line(15)?.role, .ignored)
        XCTAssertFalse(r.warnings(Strings(.en)).isEmpty, "the warning on line 12 stays")
    }

    func testATaskStartMarkedAsContinuationJoinsTheTaskBefore() throws {
        var r = try open(Self.signed)
        XCTAssertNil(r.apply(.mark(line: 12, as: .continuation)))
        XCTAssertEqual(r.plan.tasks.map(\.id), ["t1", "t2", "t3", "t4"])
        XCTAssertEqual(r.plan.tasks.map(\.number), ["1", "2", "3", "5"])
        XCTAssertEqual(task(r, "3")?.text, "新增城镇就业2万人。新建幼儿园10所。")
        XCTAssertEqual(r.trace.line(12)?.role, .continuation)
        XCTAssertEqual(r.trace.line(12)?.task, "t3")
        XCTAssertEqual(r.trace.startLine(ofTask: "t4"), 13)
        XCTAssertFalse(r.warnings(Strings(.en)).contains { $0.line == 12 }, "the warning of the corrected line is gone")
        XCTAssertTrue(r.base.warnings.contains { $0.line == 12 })
    }

    func testSplitMovesTheLinesBelowToTheNewTask() throws {
        var r = try open(Self.yearless)
        XCTAssertEqual(r.plan.tasks.count, 3)
        XCTAssertEqual(r.trace.line(6)?.role, .continuation)
        XCTAssertNil(r.apply(.split(line: 6)))
        XCTAssertEqual(r.plan.tasks.count, 4)
        let old = r.plan.tasks[1], new = r.plan.tasks[2]
        XCTAssertEqual(old.text, "实施重点项目100个，完成投资200亿元。")
        XCTAssertEqual(old.leadUnits, [])
        XCTAssertEqual(new.text, "推进老旧小区改造30个。")
        XCTAssertNil(new.number)
        XCTAssertEqual(new.chapter, "c1")
        XCTAssertEqual(new.leadUnits, ["市住房城乡建设局"])
        XCTAssertEqual(new.deadlineText, "9月底前")
        XCTAssertEqual(new.origin?.line, 6)
        XCTAssertEqual(r.plan.tasks.map(\.id), ["t1", "t2", "t3", "t4"])
        XCTAssertEqual(r.trace.line(7)?.task, "t3")
    }

    func testTheYearMakesTheDeadlinesDates() throws {
        var r = try open(Self.yearless)
        XCTAssertNil(r.plan.year)
        XCTAssertNil(task(r, "2")?.deadline)
        XCTAssertNil(r.apply(.year(2021)))
        XCTAssertEqual(r.plan.year, 2021)
        XCTAssertEqual(task(r, "2")?.deadline?.iso, "2021-09-30")
        XCTAssertEqual(task(r, "1")?.deadline?.iso, "2021-12-31")
        XCTAssertEqual(task(r, "1")?.deadlineAssumed, true)
        // Corrections made before the year are applied again after it.
        var s = try open(Self.yearless)
        XCTAssertNil(s.apply(.split(line: 6)))
        XCTAssertNil(s.apply(.year(2021)))
        XCTAssertEqual(s.plan.tasks.count, 4)
        XCTAssertEqual(s.plan.tasks[2].deadline?.iso, "2021-09-30")
    }

    func testSwapAndUnitsAndDeadlineLines() throws {
        var r = try open(Self.yearless + "\n完成时限：6月底前")
        XCTAssertNil(r.apply(.year(2021)))
        XCTAssertTrue(r.warnings(Strings(.en)).contains { $0.line == 4 }, "the lead by position is warned")
        XCTAssertNil(r.apply(.swapUnits(line: 3)))
        XCTAssertFalse(r.warnings(Strings(.en)).contains { $0.line == 4 }, "the swap settled it")
        XCTAssertEqual(task(r, "1")?.leadUnits, ["市统计局"])
        XCTAssertEqual(task(r, "1")?.coUnits, ["市发展改革委"])
        // Line 13 (配合单位：市民政局) marked ignored, then units again: a co-unit of task 3.
        XCTAssertEqual(task(r, "3")?.coUnits, ["市人力资源社会保障局", "市民政局"])
        XCTAssertNil(r.apply(.mark(line: 13, as: .ignored)))
        XCTAssertEqual(task(r, "3")?.coUnits, ["市人力资源社会保障局"])
        XCTAssertNil(r.apply(.mark(line: 13, as: .units)))
        XCTAssertEqual(task(r, "3")?.coUnits, ["市人力资源社会保障局", "市民政局"])
        // Line 14 (完成时限：6月底前) as the deadline of task 3.
        XCTAssertNil(r.apply(.mark(line: 14, as: .deadline)))
        XCTAssertEqual(task(r, "3")?.deadline?.iso, "2021-06-30")
        XCTAssertEqual(task(r, "3")?.deadlineText, "6月底前")
        XCTAssertEqual(task(r, "3")?.deadlineAssumed, false)
        // Ignored again: the year's end, assumed.
        XCTAssertNil(r.apply(.mark(line: 14, as: .ignored)))
        XCTAssertEqual(task(r, "3")?.deadline?.iso, "2021-12-31")
        XCTAssertEqual(task(r, "3")?.deadlineAssumed, true)
    }

    func testChaptersMarkedAndUnmarked() throws {
        var r = try open(Self.signed)
        // 二、惠民生 not a chapter: tasks 3 to 5 go to the chapter before.
        XCTAssertNil(r.apply(.mark(line: 9, as: .ignored)))
        XCTAssertEqual(r.plan.chapters.map(\.id), ["c1"])
        XCTAssertEqual(Set(r.plan.tasks.map { $0.chapter ?? "" }), ["c1"])
        // And back: a new chapter heading; the tasks below it are its.
        XCTAssertNil(r.apply(.mark(line: 9, as: .chapter)))
        XCTAssertEqual(r.plan.chapters.map(\.title), ["稳增长", "惠民生"])
        XCTAssertEqual(r.plan.chapters[1].label, "二")
        XCTAssertNil(r.plan.chapters[1].parent)
        let c2 = r.plan.chapters[1].id
        XCTAssertEqual(r.plan.tasks.map { $0.chapter ?? "" }, ["c1", "c1", c2, c2, c2])
        // A task line made a chapter: the task is gone, the tasks below are the chapter's.
        XCTAssertNil(r.apply(.mark(line: 12, as: .chapter)))
        XCTAssertEqual(r.plan.tasks.count, 4)
        XCTAssertEqual(r.plan.chapters.count, 3)
        XCTAssertEqual(r.plan.chapters[2].title, "新建幼儿园10所。")
        XCTAssertEqual(r.plan.tasks.last?.chapter, r.plan.chapters[2].id)
    }

    func testAnIgnoredLineMadeATask() throws {
        var r = try open(Self.signed)
        XCTAssertNil(r.apply(.mark(line: 3, as: .task)))
        XCTAssertEqual(r.plan.tasks.count, 6)
        XCTAssertEqual(r.plan.tasks[0].text, "现将2020年重点工作任务分解印发给你们，请认真贯彻落实。")
        XCTAssertNil(r.plan.tasks[0].chapter)
        XCTAssertEqual(r.plan.tasks[0].deadlineAssumed, true)
        XCTAssertEqual(r.plan.tasks.map(\.id), ["t1", "t2", "t3", "t4", "t5", "t6"])
    }

    func testRefusals() throws {
        var r = try open(Self.signed)
        XCTAssertEqual(r.apply(.mark(line: 99, as: .task)), .noSuchLine(line: 99, count: 16))
        XCTAssertEqual(r.apply(.mark(line: 2, as: .units)), .noTaskAbove(line: 2))
        XCTAssertEqual(r.apply(.join(line: 5)), .noTaskAbove(line: 5), "the first task of a chapter has none before it")
        XCTAssertEqual(r.apply(.swapUnits(line: 12)), .nothingToSwap(line: 12))
        XCTAssertTrue(r.corrections.isEmpty, "a refused correction is not kept")
        XCTAssertEqual(CorrectionProblem.noTaskAbove(line: 2).message(Strings(.zh)), "第2行：上方没有任务可并入")
    }

    func testUndoGoesBackOneCorrection() throws {
        var r = try open(Self.signed)
        let before = r.plan
        XCTAssertNil(r.apply(.mark(line: 15, as: .ignored)))
        XCTAssertNil(r.apply(.join(line: 12)))
        XCTAssertTrue(r.undo())
        XCTAssertEqual(r.plan.tasks.count, 5)
        XCTAssertEqual(r.corrections.count, 1)
        XCTAssertTrue(r.undo())
        XCTAssertEqual(r.plan, before)
        XCTAssertFalse(r.undo())
    }

    // MARK: kept with the plan

    func testCorrectionsKeptInThePlanGiveTheSamePlanAgain() throws {
        var r = try open(Self.signed)
        XCTAssertNil(r.apply(.mark(line: 15, as: .ignored)))
        XCTAssertNil(r.apply(.mark(line: 12, as: .continuation)))
        XCTAssertNil(r.apply(.year(2021)))
        let saved = r.savedPlan
        let bytes = PlanJSON.encode(saved)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("\"importCorrections\""))
        XCTAssertTrue(text.contains("\"op\": \"mark\""), text)
        let decoded = try PlanJSON.decode(bytes, file: "plan.json")
        let (kept, problems) = ImportCorrections.read(from: decoded)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(kept, r.corrections)
        XCTAssertEqual(kept.first?.lineText, "某市人民政府")
        let again = try open(Self.signed, kept)
        XCTAssertEqual(PlanJSON.encode(again.savedPlan), bytes, "a re-import with the kept corrections gives the same bytes")
        XCTAssertEqual(again.plan.year, 2021)
        XCTAssertEqual(again.plan.tasks.count, 4)
    }

    func testAChangedNoticeIsToldNotCorrectedInTheWrongPlace() throws {
        var r = try open(Self.signed)
        XCTAssertNil(r.apply(.mark(line: 15, as: .ignored)))
        // Two lines more at the top: line 15 is now another line.
        let moved = try open("附件\n\n" + Self.signed, r.corrections)
        XCTAssertEqual(moved.corrections, [])
        XCTAssertEqual(moved.problems, [.lineChanged(line: 15, was: "某市人民政府", now: "5.改造老旧小区30个,6月底前完成。")])
        XCTAssertTrue(moved.warnings(Strings(.en)).contains { $0.line == 15 && $0.message.contains("the notice changed") })
        XCTAssertEqual(moved.plan, moved.base.plan)
    }

    func testBadCorrectionsAreNamedWithTheirPath() {
        let value = JSONValue.array([
            .object([JSONField("op", .string("mark")), JSONField("line", .number("3")), JSONField("as", .string("task"))]),
            .object([JSONField("op", .string("rename")), JSONField("line", .number("3"))]),
            .object([JSONField("op", .string("mark")), JSONField("line", .number("0")), JSONField("as", .string("task"))]),
            .object([JSONField("op", .string("mark")), JSONField("line", .number("4")), JSONField("as", .string("blank"))]),
            .object([JSONField("op", .string("year")), JSONField("year", .number("20"))]),
            .string("x"),
        ])
        let (cs, problems) = ImportCorrections.read(value)
        XCTAssertEqual(cs, [KeptCorrection(.mark(line: 3, as: .task))])
        XCTAssertEqual(problems.count, 5)
        XCTAssertTrue(problems[0].hasPrefix("importCorrections[1].op: \"rename\" is not a correction"), problems[0])
        XCTAssertTrue(problems[1].hasPrefix("importCorrections[2].line"), problems[1])
        XCTAssertTrue(problems[2].hasPrefix("importCorrections[3].as: expected one of chapter, task"), problems[2])
        XCTAssertTrue(problems[3].hasPrefix("importCorrections[4].year"), problems[3])
        XCTAssertEqual(problems[4], "importCorrections[5]: expected an object")
        XCTAssertEqual(ImportCorrections.read(value, Strings(.zh)).problems[0],
                       "importCorrections[1].op：“rename”不是更正；应为 mark、split、join、swap 或 year")
    }

    func testLinesAreNumberedAsTheImporterNumbersThem() {
        XCTAssertEqual(NoticeReview.lines(of: Array("a\r\nb\rc\nd\u{0C}e".utf8)), ["a", "b", "c", "d", "e"])
        XCTAssertEqual(NoticeReview.lines(of: Array("\u{FEFF}一\n\n二".utf8)), ["一", "", "二"])
        XCTAssertEqual(NoticeReview.lines(of: Array("一\n二\n".utf8)), ["一", "二"], "a last line end starts no line")
        XCTAssertEqual(NoticeReview.lines(of: Array("一\n\n".utf8)), ["一", ""])
    }
}
