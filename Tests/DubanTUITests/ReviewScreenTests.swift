import XCTest
import DubanCore
import DubanImport
@testable import DubanTUI

/// The review screen in a memory terminal: the layout, each key's effect on the plan
/// beside the notice, writing, and the binding table against docs/keys.md.
final class ReviewScreenTests: XCTestCase {
    static let notice = ReviewNotice.signed

    var written: [(Plan, String)] = []

    func state(lang: Lang = .zh, mode: ReviewMode = .importing, savePath: String? = nil,
               fail: Bool = false) throws -> ReviewState {
        _ = CellWidth.setUpLocale()
        let review = try NoticeReview(bytes: Array(Self.notice.utf8), source: "notice.txt",
                                      options: ImportOptions(useUserAliasFile: false))
        return ReviewState(review: review, strings: Strings(lang), mode: mode, savePath: savePath, suggestedPath: "notice.json",
                           writer: { [unowned self] plan, path in
                               if fail { throw PlanWriteError.readOnly(path: path) }
                               self.written.append((plan, path))
                           })
    }

    func run(_ s: ReviewState, _ keys: [Key], width: Int = 120, height: Int = 30) -> (ReviewEffect, MemoryTerminal) {
        let t = MemoryTerminal(width: width, height: height)
        t.type(keys)
        let effect = ReviewScreen.run(s, on: t, theme: BuiltinThemes.defaultTheme)
        return (effect, t)
    }

    func keys(_ s: String) -> [Key] { s.map { Key.char($0) } }

    func testTheNoticeBesideThePlanWarningsFirst() throws {
        let s = try state()
        let (_, t) = run(s, [])
        let lines = t.lines
        let warnings = s.warnings
        XCTAssertTrue(warnings.contains { $0.line == 12 }, "item 4's missing units are warned")
        XCTAssertTrue(lines[0].hasPrefix("审阅导入 notice.txt  任务5  章节2  年度2020  警告\(warnings.count)  更正0"), lines[0])
        XCTAssertTrue(lines[1].contains("通知（16行）") && lines[1].contains("计划（5项任务）"), lines[1])
        // The warnings come first, in line order, each with its line; then the lines with their marks.
        for (k, w) in warnings.enumerated() {
            XCTAssertTrue(lines[2 + k].hasPrefix("│! 第\(w.line)行："), lines[2 + k])
        }
        let first = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("│  1 略 某市人民政府关于印发") })
        XCTAssertEqual(first, 2 + warnings.count + 1, "after the warnings and a rule")
        XCTAssertTrue(lines[first + 3].hasPrefix("│  4 章 一、稳增长"), lines[first + 3])
        XCTAssertTrue(lines[first + 4].hasPrefix("│  5 任 1.全年地区生产总值增长6%左右。"), lines[first + 4])
        XCTAssertTrue(lines[first + 5].hasPrefix("│! 6 单 责任单位：市发展改革委、市统计局"), lines[first + 5])
        XCTAssertTrue(lines[first + 11].hasPrefix("│!12 任 4.新建幼儿园10所。"), lines[first + 11])
        XCTAssertTrue(lines[first + 14].hasPrefix("│ 15 单 某市人民政府"), lines[first + 14])
        // The plan: chapters, tasks, units and deadlines.
        let plan = lines.joined(separator: "\n")
        XCTAssertTrue(plan.contains("││一 稳增长"), plan)
        XCTAssertTrue(plan.contains("牵头：市住房城乡建设局  协同：某市人民政府"), plan)
        XCTAssertTrue(plan.contains("时限：2020-06-30"), plan)
        XCTAssertTrue(plan.contains("时限：2020-12-31 （推定为年底）"), plan)
        // The cursor starts on the first warned line, and its row is the selection.
        XCTAssertEqual(s.cursor, warnings[0].line)
        XCTAssertTrue(t.lastFrame?.roleLines[first + s.cursor - 1].dropFirst(1).hasPrefix("SSSS") == true)
        XCTAssertTrue(lines[28].contains("第\(s.cursor)行："), lines[28])
        XCTAssertTrue(lines[29].hasPrefix("j 移动  c 章  t 任务  o 续  r 单位"), lines[29])
    }

    func testEnglish() throws {
        let s = try state(lang: .en)
        let (_, t) = run(s, [])
        XCTAssertTrue(t.lines[0].hasPrefix("review notice.txt  tasks 5  chapters 2  year 2020  warnings \(s.warnings.count)"), t.lines[0])
        XCTAssertTrue(t.lines.contains { $0.hasPrefix("│  5 Tk 1.全年") }, t.screen)
        XCTAssertTrue(t.lines.contains { $0.hasPrefix("│! line 12: item 4 has no responsibility line") }, t.screen)
        XCTAssertTrue(t.screen.contains("lead: 市住房城乡建设局  co: 某市人民政府"), t.screen)
    }

    func testTwoFixesWithKeysThenWrite() throws {
        let s = try state(savePath: "out.json")
        // G to the last line, up to 15 (某市人民政府): ignored; up to 12: continuation; write.
        let (effect, t) = run(s, keys("Gki") + keys("kkko") + keys("w") + keys("q"))
        XCTAssertEqual(effect, .quit(0))
        XCTAssertEqual(written.count, 1)
        let (plan, path) = try XCTUnwrap(written.first)
        XCTAssertEqual(path, "out.json")
        XCTAssertEqual(plan.tasks.count, 4)
        XCTAssertEqual(plan.tasks[2].text, "新增城镇就业2万人。新建幼儿园10所。")
        XCTAssertEqual(plan.tasks[3].coUnits, [])
        let (kept, _) = ImportCorrections.read(from: plan)
        XCTAssertEqual(kept.map(\.correction), [.mark(line: 15, as: .ignored), .mark(line: 12, as: .continuation)])
        XCTAssertFalse(s.unsaved)
        XCTAssertTrue(t.screen.contains("已写入 out.json（更正 2 处）") || t.frames.contains { $0.lines.joined().contains("已写入 out.json（更正 2 处）") })
    }

    func testThePlanFollowsAtOnce() throws {
        let s = try state()
        let t = MemoryTerminal(width: 120, height: 30)
        t.type(keys("Gki"))
        _ = ReviewScreen.run(s, on: t, theme: BuiltinThemes.defaultTheme)
        XCTAssertTrue(t.screen.contains("│ 15 略 某市人民政府"), t.screen)
        XCTAssertFalse(t.screen.contains("协同：某市人民政府"), t.screen)
        XCTAssertTrue(t.lines[0].contains("更正1  [未写入]"), t.lines[0])
        XCTAssertTrue(t.lines[28].contains("第15行已改为：忽略"), t.lines[28])
    }

    func testWriteAsksForANameAndSplitSwapYearUndo() throws {
        let s = try state()
        // The cursor on line 12: x swaps nothing (no units); up to line 5: x swaps; y 2021.
        var ks = keys("x") + keys("kkkkkkk") + keys("x")
        ks += keys("y") + [.backspace, .backspace, .backspace, .backspace] + keys("2021") + [.enter]
        ks += keys("w") + [.enter] + keys("q")
        let (effect, t) = run(s, ks)
        XCTAssertEqual(effect, .quit(0))
        let (plan, path) = try XCTUnwrap(written.last)
        XCTAssertEqual(path, "notice.json", "the suggested name is offered")
        XCTAssertEqual(plan.year, 2021)
        XCTAssertEqual(plan.tasks[0].leadUnits, ["市统计局"])
        XCTAssertEqual(plan.tasks[0].coUnits, ["市发展改革委"])
        XCTAssertEqual(plan.tasks[4].deadline?.iso, "2021-06-30")
        XCTAssertTrue(t.lines[0].contains("年度2021"), t.lines[0])
        // Undo takes the year back.
        let s2 = try state()
        _ = run(s2, keys("y") + [.backspace, .backspace, .backspace, .backspace] + keys("1999") + [.enter] + keys("u"))
        XCTAssertEqual(s2.review.plan.year, 2020)
        XCTAssertTrue(s2.review.corrections.isEmpty)
    }

    func testRefusalsAndQuitTwiceWhenNotWritten() throws {
        let s = try state()
        let (effect, t) = run(s, keys("gr") + keys("ki"))
        XCTAssertEqual(effect, .quit(0), "end of input quits")
        XCTAssertTrue(t.frames[2].lines.joined().contains("第1行：上方没有任务可并入"), t.frames[2].lines.joined(separator: "\n"))
        let s2 = try state()
        let (e2, t2) = run(s2, keys("Gkiq"))
        XCTAssertEqual(e2, .quit(0))
        XCTAssertTrue(t2.lines[28].contains("更正尚未写入"), t2.lines[28])
        let s3 = try state()
        let (e3, _) = run(s3, keys("Gkiqq"))
        XCTAssertEqual(e3, .quit(0))
        let s4 = try state(fail: true)
        let (_, t4) = run(s4, keys("w") + [.enter])
        XCTAssertTrue(t4.lines[28].contains("未能写入 notice.json"), t4.lines[28])
        XCTAssertTrue(s4.unsaved == false && written.isEmpty)
        let s5 = try state()
        let (_, t5) = run(s5, keys("y") + keys("abc") + [.backspace, .backspace, .backspace, .backspace] + keys("12") + [.enter])
        XCTAssertTrue(t5.lines[28].contains("“12”不是年份"), t5.lines[28])
    }

    func testEnterGoesOnToTheDashboardOnlyWhenOpenedFromIt() throws {
        let (e1, t1) = run(try state(mode: .beforeDashboard), [.enter])
        XCTAssertEqual(e1, .openDashboard)
        XCTAssertTrue(t1.frames[0].lines[29].hasPrefix("Enter 进入看板  j 移动"), t1.frames[0].lines[29])
        let (e2, t2) = run(try state(), [.enter])
        XCTAssertEqual(e2, .quit(0))
        XCTAssertTrue(t2.lines[28].contains("Enter 仅在打开通知进入看板时可用"), t2.lines[28])
    }

    func testHelpSmallTerminalAndWideText() throws {
        let (_, t) = run(try state(), keys("?"))
        XCTAssertTrue(t.screen.contains("审阅按键（任意键关闭）"), t.screen)
        XCTAssertTrue(t.screen.contains("此行标为一项任务的开头（拆分上方任务）"), t.screen)
        let (_, small) = run(try state(), [], width: 30, height: 6)
        XCTAssertTrue(small.lines[0].hasPrefix("终端太小"), small.lines[0])
        // Every row fits the width, whatever the widths of its Chinese text.
        for w in [40, 61, 80, 99] {
            let (_, tw) = run(try state(), keys("jjj"), width: w, height: 12)
            for row in tw.lines { XCTAssertLessThanOrEqual(DisplayWidth.of(row), w, "\(w): \(row)") }
        }
    }

    func testNextWarningAndPaging() throws {
        let s = try state()
        let ws = s.warnings.map(\.line)
        XCTAssertGreaterThanOrEqual(ws.count, 2)
        _ = run(s, keys("gn"))
        XCTAssertEqual(s.cursor, ws[0])
        _ = run(s, keys("n"))
        XCTAssertEqual(s.cursor, ws[1])
        _ = run(s, keys("Gn"))
        XCTAssertEqual(s.cursor, ws[0], "round to the first")
        _ = run(s, [.pageDown, .pageDown])
        XCTAssertEqual(s.cursor, 16)
        _ = run(s, [.home])
        XCTAssertEqual(s.cursor, 1)
    }

    func testTheCursorLineIsAlwaysOnScreen() throws {
        _ = CellWidth.setUpLocale()
        var text = "一、任务\n"
        for i in 1...60 { text += "\(i).第\(i)项工作。\n责任单位：市发改委、市财政局\n\n" }
        let review = try NoticeReview(bytes: Array(text.utf8), source: "long.txt", options: ImportOptions(useUserAliasFile: false))
        let s = ReviewState(review: review, strings: Strings(.zh), mode: .importing, savePath: nil, suggestedPath: "long.json",
                            writer: { _, _ in })
        let t = MemoryTerminal(width: 90, height: 20)
        let steps: [Key] = [.end, .pageUp, .pageUp, .up, .home, .pageDown, .pageDown, .down, .down, .char("G"), .char("k")]
        for k in steps {
            t.type(k)
            _ = ReviewScreen.run(s, on: t, theme: BuiltinThemes.defaultTheme)
            let number = String(s.cursor)
            let row = try XCTUnwrap(t.lines.firstIndex { $0.hasPrefix("│") && $0.dropFirst(2).hasPrefix(String(repeating: " ", count: 3 - number.count) + number + " ") },
                                    "line \(s.cursor) not on screen after \(k):\n\(t.screen)")
            XCTAssertEqual(t.lastFrame?.roleLines[row].dropFirst(1).first, "S", "the cursor's row is the selection")
        }
        XCTAssertEqual(s.cursor, review.lines.count - 1)
    }

    /// docs/keys.md's review section is the binding table.
    func testDocsKeysHasTheReviewTable() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/keys.md").path
        let doc = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(doc.hasSuffix(ReviewBindings.keysDocSection()), "docs/keys.md lacks the review table: RECORD_SNAPSHOTS=1 swift test --filter KeysDoc")
        // Each key once per context.
        for c in ReviewContext.allCases {
            let ks = ReviewBindings.defaults.filter { $0.context == c }.flatMap(\.keys)
            XCTAssertEqual(ks.count, Set(ks).count, "\(c): a key bound twice")
        }
    }
}
