import XCTest
import DubanCore
@testable import DubanTUI

/// Long fields drawn lazily (issue 10): the detail pane lays out the lines it shows, the
/// list panes' one-line cuts stop at their width, and what is shown is what the eager
/// layout showed.
final class LazyDetailTests: XCTestCase {
    static let texts: [String] = [
        "", "a", "\n", "\n\n", "a\n", "\na", "a\r\nb\rc\u{2028}d\u{2029}e", "全年城镇新增就业1.2万人，城镇登记失业率控制在4%以内。",
        "Build the one-stop online service portal (一网通办) for every district and county government.",
        "word  two   spaces and a verylongwordthatdoesnotfitonaline at all", "  leading spaces", "trailing spaces   ",
        "e\u{301}te\u{301} cafe\u{301} \u{301}lone mark", "👨‍👩‍👧 family 🇨🇳 flag 中文", "河长制\u{1B}[31m 注入\u{07}测试\t制表",
        "<\u{202E}>bidi\u{200B}zero\u{9B}c1", String(repeating: "督办进展情况，", count: 40),
        String(repeating: "ab cd ", count: 50) + "\n" + String(repeating: "中", count: 30) + "\r\n\r\n" + "end",
        String(repeating: "x", count: 300), "한국어 조합 각", "a\u{0}b\u{7F}c",
    ]

    func testLazyWrapIsDisplayWrapAtEveryChunkSize() {
        CellWidth.setUpLocale()
        for text in Self.texts {
            for width in [1, 2, 3, 5, 8, 13, 40] {
                let expected = Display.wrap(text, width: width)
                for chunk in [1, 2, 3, 7, 64, 16_384] {
                    let w = LazyWrap(text, width: width, chunkScalars: chunk)
                    XCTAssertEqual(w.allLines, expected, "\(text.debugDescription) width \(width) chunk \(chunk)")
                    XCTAssertTrue(w.isComplete)
                    XCTAssertEqual(w.knownCount, expected.count)
                }
            }
        }
    }

    func testPartsWrapAsTheJoinedText() {
        CellWidth.setUpLocale()
        let cases: [[String]] = [["市教育局", "、", "市退役军人事务局"], ["已完成年度目标的40%", " — ", "张伟"], ["", "", "a"],
                                 ["a\n", "b"], ["ab", "\ncd", ""], [String(repeating: "中", count: 25), " ", "end word"]]
        for parts in cases {
            for width in [3, 7, 20] {
                for chunk in [1, 4, 16_384] {
                    XCTAssertEqual(LazyWrap(parts: parts, width: width, chunkScalars: chunk).allLines,
                                   Display.wrap(parts.joined(), width: width), "\(parts) width \(width) chunk \(chunk)")
                }
            }
        }
    }

    func testAnyRangeIsTheSliceOfAllLines() {
        CellWidth.setUpLocale()
        let text = Self.texts.joined(separator: "\n") + String(repeating: "进展 ab ", count: 500)
        let all = Display.wrap(text, width: 9)
        var rng = SystemRandomNumberGenerator()
        let w = LazyWrap(text, width: 9, chunkScalars: 50)
        for _ in 0..<200 {
            let lo = Int.random(in: 0..<(all.count + 5), using: &rng)
            let hi = lo + Int.random(in: 0..<40, using: &rng)
            XCTAssertEqual(w.lines(lo..<hi), Array(all[min(lo, all.count)..<min(hi, all.count)]), "\(lo)..<\(hi)")
        }
    }

    func testPrefixMeasuresAgreeWithTheWholeOnes() {
        CellWidth.setUpLocale()
        for text in Self.texts {
            for width in [0, 1, 2, 3, 10, 50, 1000] {
                XCTAssertEqual(Display.fit(prefixOf: text, width: width), Display.fit(Display.units(text), width: width),
                               "\(text.debugDescription) \(width)")
                let whole = CellWidth.of(text)
                let prefix = Display.width(text, upTo: width)
                XCTAssertEqual(min(prefix, width + 1), min(whole, width + 1), "\(text.debugDescription) \(width)")
            }
        }
    }

    /// A dashboard whose task 5 has a remark of about `megabytes` MB.
    func hugeRemarkDashboard(megabytes: Int, lang: Lang = .zh) -> (Dashboard, String) {
        CellWidth.setUpLocale()
        var plan = Fixture.plan()
        let piece = "督办进展情况，第一阶段 "  // 11 characters, 32 bytes
        plan.tasks[4].remarks = String(repeating: piece, count: megabytes * 1_000_000 / piece.utf8.count)
        let d = Dashboard(plan: plan, options: DashboardOptions(asOf: Fixture.asOf, lang: lang, environment: [:]), saver: { _, _ in })
        d.state.resize(width: 100, height: 30)
        return (d, piece)
    }

    func testA50MegabyteRemarkLaysOutOnlyAScreenful() throws {
        let (d, piece) = hugeRemarkDashboard(megabytes: 50)
        XCTAssertTrue(d.state.select(taskIndex: 4))
        let screen = Renderer.render(d.state).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("备注"), screen)
        XCTAssertTrue(screen.contains("督办进展情况，第一阶段"), "the remark's first lines are shown:\n\(screen)")
        // The position mark says the total is not counted yet: "1-N/M+".
        XCTAssertTrue(screen.contains("+ "), "an open-ended total in the position mark:\n\(screen)")
        let layout = try XCTUnwrap(d.state.detailLayoutObject)
        XCTAssertFalse(layout.isComplete)
        let remarkUnits = d.state.store.task(at: 4).remarks.count
        XCTAssertGreaterThan(remarkUnits, 4_000_000)
        XCTAssertLessThan(layout.unitsLaidOut, 200_000, "a bounded prefix of the \(remarkUnits) units is laid out")

        // Scrolling down inside the field: each page lays out about a page more.
        d.state.focus = .detail
        d.state.relayout()
        d.state.refresh()
        for _ in 0..<20 { _ = d.handle(.key(.pageDown)); _ = Renderer.render(d.state) }
        let after = try XCTUnwrap(d.state.detailLayoutObject)
        XCTAssertTrue(after === layout, "the same cached layout")
        XCTAssertGreaterThan(d.state.detailOffset, 100)
        XCTAssertLessThan(after.unitsLaidOut, 600_000, "20 pages cost 20 pages, not the field")
        let paged = Renderer.render(d.state).lines.joined(separator: "\n")
        XCTAssertTrue(paged.contains(String(piece.prefix(4))), paged)
        // End jumps by a bounded step, and the mark still reads "…+".
        _ = d.handle(.key(.end))
        let end = Renderer.render(d.state).lines.joined(separator: "\n")
        XCTAssertTrue(end.contains("+ "), end)
        XCTAssertLessThan(after.unitsLaidOut, 12_000_000, "End counts a bounded way ahead, not all of the field")
    }

    func testAHugeTaskTextAndHistoryNoteAreCutAndWrappedLazilyToo() throws {
        CellWidth.setUpLocale()
        var plan = Fixture.plan()
        let piece = "推进老旧小区改造 abc "
        plan.tasks[3].text = String(repeating: piece, count: 20_000_000 / piece.utf8.count)
        plan.tasks[3].history = [HistoryEntry(date: Fixture.asOf, status: .done, progress: 100,
                                              note: String(repeating: piece, count: 20_000_000 / piece.utf8.count), author: "张伟")]
        let d = Dashboard(plan: plan, options: DashboardOptions(asOf: Fixture.asOf, environment: [:]), saver: { _, _ in })
        d.state.resize(width: 100, height: 30)
        XCTAssertTrue(d.state.select(taskIndex: 3))
        // A search that matches: the list row's highlight looks only at what fits.
        d.state.searchText = "abc"
        d.state.refresh()
        let screen = Renderer.render(d.state).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("推进老旧小区改造 abc 推"), screen)
        XCTAssertTrue(screen.contains("…"), "the list row is cut:\n\(screen)")
        let layout = try XCTUnwrap(d.state.detailLayoutObject)
        XCTAssertFalse(layout.isComplete, "the text is not counted to its end")
        XCTAssertLessThan(layout.unitsLaidOut, 200_000)
        // The history note after it is reached only by scrolling; its lines exist lazily too.
        let note = LazyWrap(parts: [plan.tasks[3].history[0].note, " — ", "张伟"], width: 40)
        XCTAssertEqual(note.lines(1000..<1002).count, 2)
        XCTAssertLessThan(note.unitsLaidOut, 100_000)
    }

    func testDetailOfNormalTasksIsUnchanged() {
        // The lazily built lines are the eager ones: each field wrapped whole.
        let (d, _) = Fixture.dashboard(width: 100, height: 30)
        let s = d.state
        for i in 0..<s.store.taskCount {
            let lines = DetailPane.lines(s, task: i, width: 60)
            let layout = DetailPane.layout(s, task: i, width: 60)
            XCTAssertEqual(layout.lines(3..<9).count, min(6, max(lines.count - 3, 0)))
            XCTAssertTrue(layout.isComplete || layout.knownCount >= 9)
            XCTAssertEqual(layout.lines(0..<Int.max).count, lines.count)
        }
    }
}
