import XCTest
import DubanCore
@testable import DubanTUI

final class CellWidthTests: XCTestCase {
    override func setUp() { CellWidth.setUpLocale() }

    func testPinnedWidths() {
        // The widths tmux and ncursesw use here (glibc under C.UTF-8).
        let table: [(String, Int)] = [("中", 2), ("，", 2), ("ｱ", 1), ("e\u{301}", 1), ("a中b", 4),
                                      ("（一）", 6), ("…", 1), ("─", 1), ("PM2.5", 5), ("", 0)]
        for (s, w) in table { XCTAssertEqual(CellWidth.of(s), w, s) }
    }

    func testPlaceholders() {
        let table: [(String, String)] = [
            ("a\u{1B}[31mb", "a^[[31mb"), ("x\u{07}", "x^G"), ("\u{7F}", "^?"), ("\u{9B}1m", "<9B>1m"),
            ("abc\u{202E}def", "abc<U+202E>def"), ("tab\there", "tab here"), ("two\nlines", "two↵lines"),
        ]
        for (input, shown) in table {
            let units = Display.units(input)
            XCTAssertEqual(units.map(\.text).joined(), shown, input.debugDescription)
            XCTAssertFalse(units.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) } })
        }
    }

    func testFitNeverSplitsAWideCharacter() {
        let table: [(String, Int, String)] = [
            ("中文字符", 8, "中文字符"), ("中文字符", 7, "中文字…"), ("中文字符", 6, "中文…"),
            ("中文字符", 5, "中文…"), ("中文字符", 2, "…"), ("中文字符", 1, "…"), ("abc", 0, ""),
        ]
        for (s, w, want) in table {
            let got = Display.fit(s, width: w)
            XCTAssertEqual(got, want, "\(s) in \(w)")
            XCTAssertLessThanOrEqual(CellWidth.of(got), w)
        }
    }

    func testWrapChineseAndWords() {
        XCTAssertEqual(Display.wrap("一二三四五六七", width: 6).map { $0.map(\.text).joined() }, ["一二三", "四五六", "七"])
        XCTAssertEqual(Display.wrap("hello big world", width: 9).map { $0.map(\.text).joined() }, ["hello big", "world"])
        XCTAssertEqual(Display.wrap("第一行\n第二行", width: 20).map { $0.map(\.text).joined() }, ["第一行", "第二行"])
        for line in Display.wrap("全年城镇新增就业1.2万人，城镇登记失业率控制在4%以内。", width: 7) {
            XCTAssertLessThanOrEqual(line.reduce(0) { $0 + $1.width }, 7)
        }
    }
}

final class CanvasTests: XCTestCase {
    override func setUp() { CellWidth.setUpLocale() }

    func testWideGlyphAtClipEdgeBecomesSpace() {
        var c = Canvas(width: 6, height: 1)
        c.text("中文字", x: 0, y: 0, width: 5, role: .normal)
        XCTAssertEqual(c.lines, ["中文… "])
        var d = Canvas(width: 5, height: 1)
        d.put(Display.units("中文字"), x: 0, y: 0, role: .normal)
        XCTAssertEqual(d.lines, ["中文 "])
        XCTAssertTrue(d[1, 0].isContinuation)
        XCTAssertFalse(d[4, 0].isContinuation)
    }

    func testOverwritingHalfAGlyphBlanksTheOtherHalf() {
        var c = Canvas(width: 6, height: 1)
        c.put(Display.units("中文字"), x: 0, y: 0, role: .normal)
        c.put(Display.units("x"), x: 1, y: 0, role: .normal)     // right half of 中
        XCTAssertEqual(c.lines, [" x文字"])
        c.put(Display.units("y"), x: 2, y: 0, role: .normal)     // left half of 文
        XCTAssertEqual(c.lines, [" xy 字"])
        c.put(Display.units("国"), x: 3, y: 0, role: .normal)    // over the right half of (gone) 文 and half of 字
        XCTAssertEqual(c.lines, [" xy国 "])
    }

    func testBoxAndTitleStayInside() {
        var c = Canvas(width: 9, height: 3)
        c.box(c.bounds, role: .border, title: "标题很长很长")
        XCTAssertEqual(c.lines, ["┌ 标题…─┐", "│       │", "└───────┘"])
        for l in c.lines { XCTAssertEqual(CellWidth.of(l), 9) }
    }
}

final class LineEditorTests: XCTestCase {
    override func setUp() { CellWidth.setUpLocale() }

    func testMovesAndDeletesWholeCharacters() {
        var e = LineEditor("进展👨‍👩‍👧e\u{301}")
        XCTAssertEqual(e.cursor, 4)
        e.backspace()
        XCTAssertEqual(e.text, "进展👨‍👩‍👧")
        e.backspace()
        XCTAssertEqual(e.text, "进展")
        e.home(); e.right(); e.insert("度")
        XCTAssertEqual(e.text, "进度展")
        e.end(); e.left(); e.delete()
        XCTAssertEqual(e.text, "进度")
        e.home(); e.right(); e.killToEnd()
        XCTAssertEqual(e.text, "进")
        e.end(); e.insert("行中"); e.left(); e.killToStart()
        XCTAssertEqual(e.text, "中")
        XCTAssertEqual(e.cursor, 0)
        e.insert("\u{1B}")
        XCTAssertEqual(e.text, "中", "control characters never enter the text")
    }

    func testViewScrollsByCells() {
        var e = LineEditor("一二三四五六七八九十")
        // Drawing only reads the scroll; the state keeps it (when the editor changes).
        XCTAssertEqual(e.view(width: 9).units.map(\.text).joined(), "一二三四", "not scrolled yet")
        e.keepCursorVisible(width: 9)
        let v = e.view(width: 9)
        XCTAssertEqual(v.cursorX, 8)
        XCTAssertEqual(v.units.map(\.text).joined(), "七八九十")
        e.home()
        e.keepCursorVisible(width: 9)
        let h = e.view(width: 9)
        XCTAssertEqual(h.cursorX, 0)
        XCTAssertEqual(h.units.map(\.text).joined(), "一二三四")
    }
}

final class LayoutTests: XCTestCase {
    func testModesBySize() {
        let table: [(Int, Int, Layout.Mode, Int)] = [
            (80, 24, .four, 4), (200, 60, .four, 4), (79, 24, .two, 2), (120, 20, .two, 2),
            (60, 20, .two, 2), (40, 12, .two, 2), (39, 12, .one, 1), (30, 8, .one, 1), (23, 10, .tooSmall, 0), (80, 5, .tooSmall, 0),
        ]
        for (w, h, mode, panes) in table {
            let l = Layout.compute(width: w, height: h, focus: .tasks)
            XCTAssertEqual(l.mode, mode, "\(w)x\(h)")
            XCTAssertEqual(l.panes.count, panes, "\(w)x\(h)")
            // Panes fill the body exactly once.
            var covered = Array(repeating: 0, count: w * h)
            for r in l.panes.values {
                XCTAssertTrue(r.x >= 0 && r.y >= 1 && r.maxX <= w && r.maxY <= h - 1, "\(w)x\(h) \(r)")
                for y in r.y..<r.maxY { for x in r.x..<r.maxX { covered[y * w + x] += 1 } }
            }
            if panes > 0 { XCTAssertEqual(covered.filter { $0 > 1 }.count, 0); XCTAssertEqual(covered.reduce(0, +), w * (h - 2)) }
        }
    }

    func testAsciiBoxes80x24() {
        let l = Layout.compute(width: 80, height: 24, focus: .tasks)
        var c = Canvas(width: 80, height: 24)
        for (p, r) in l.panes { c.box(r, role: .border, title: String(p.rawValue.prefix(1)).uppercased()) }
        XCTAssertEqual(c.line(1), "┌ C " + String(repeating: "─", count: 21) + "┐┌ T " + String(repeating: "─", count: 49) + "┐")
        XCTAssertEqual(c.line(12), "└" + String(repeating: "─", count: 24) + "┘└" + String(repeating: "─", count: 52) + "┘")
        XCTAssertEqual(c.line(13), "┌ W " + String(repeating: "─", count: 21) + "┐┌ D " + String(repeating: "─", count: 49) + "┐")
        XCTAssertEqual(l.panes[.chapters], Rect(x: 0, y: 1, width: 26, height: 12))
        XCTAssertEqual(l.panes[.detail], Rect(x: 26, y: 13, width: 54, height: 10))
    }

    func testNeighbours() {
        let l = Layout.compute(width: 120, height: 40, focus: .tasks)
        XCTAssertEqual(l.neighbour(of: .tasks, left: true), .chapters)
        XCTAssertEqual(l.neighbour(of: .detail, left: true), .workload)
        XCTAssertEqual(l.neighbour(of: .chapters, left: false), .tasks)
        XCTAssertEqual(l.neighbour(of: .workload, left: false), .detail)
        XCTAssertNil(l.neighbour(of: .chapters, left: true))
    }

    func testTwoPaneShowsFocusedList() {
        let l = Layout.compute(width: 60, height: 20, focus: .workload)
        XCTAssertEqual(Set(l.panes.keys), [.workload, .detail])
        let d = Layout.compute(width: 60, height: 20, focus: .detail, lastList: .chapters)
        XCTAssertEqual(Set(d.panes.keys), [.chapters, .detail])
    }
}
