import XCTest
import DubanCore
@testable import DubanTUI

/// The compact cells (`Glyph`, `Cell`), the scanner that feeds them
/// (`DisplayUnitIterator`), `Canvas.text` writing straight into cells, and the
/// diffing present path (`FrameDiff`), each checked against the simple code it replaced.
final class CellStorageTests: XCTestCase {
    override func setUp() { CellWidth.setUpLocale() }

    // MARK: the scanner against the character-by-character definition

    /// `Display.units` as it was written before the scanner: one `Character` at a time.
    /// (The one change: a lone zero-width character's `<U+0301>` is one unit per cell,
    /// as every other placeholder, instead of one unit eight cells wide.)
    static func referenceUnits(_ s: String) -> [(String, Int, Bool)] {
        var out: [(String, Int, Bool)] = []
        for c in s {
            if let a = c.asciiValue, a >= 0x20, a < 0x7F { out.append((String(c), 1, false)); continue }
            if c == "\t" { out.append((" ", 1, false)); continue }
            if c == "\n" || c == "\r\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}" {
                out.append(("↵", 1, true)); continue
            }
            if let p = Display.placeholder(for: c) {
                for piece in p { out.append((piece, 1, true)) }
                continue
            }
            let w = DisplayWidth.of(c)
            if w == 0 {
                if let last = out.indices.last, !out[last].2 {
                    out[last].0 += String(c)
                } else {
                    for ch in "<U+\(Display.hex(c.unicodeScalars.first?.value ?? 0))>" { out.append((String(ch), 1, true)) }
                }
                continue
            }
            out.append((String(c), w, false))
        }
        return out
    }

    static let alphabet: [String] = [
        "a", "Z", " ", "1", "中", "文", "，", "。", "（", "）", "“", "”", "、", "…", "─", "│", "●", "é", "ｱ", "Ａ",
        "\u{301}", "\u{302}", "\u{20DD}", "\u{200D}", "\u{FE0F}", "\u{1F468}", "\u{1F469}", "\u{1F1E8}", "\u{1F1F3}",
        "\u{1F3FB}", "\u{2764}", "\u{1100}", "\u{1161}", "\u{11A8}", "\u{AC00}", "\u{0915}", "\u{094D}", "\u{093F}",
        "\u{0600}", "\t", "\n", "\r", "\r\n", "\u{1B}", "\u{7}", "\u{7F}", "\u{9B}", "\u{85}", "\u{AD}", "\u{200B}",
        "\u{202E}", "\u{2066}", "\u{2028}", "\u{FEFF}", "\u{E000}", "\u{10FFFD}", "\u{3030}", "\u{303F}", "\u{302A}",
        "\u{FF9E}", "\u{20000}", "\u{2E80}", "\u{FFFD}",
    ]

    func testUnitsAgreeWithTheCharacterByCharacterDefinition() {
        var rng = SplitMix(seed: 7)
        var inputs = Self.alphabet + ["", "\u{301}abc", "a\u{301}\u{302}b", "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",
                                      "\u{1F1E8}\u{1F1F3}\u{1F1E8}", "x\r\ny", "\u{301}\u{301}", "中\u{301}文", "\n\u{301}"]
        for _ in 0..<3000 {
            let n = Int(rng.next() % 12)
            inputs.append((0..<n).map { _ in Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))] }.joined())
        }
        for s in inputs {
            let got = Display.units(s).map { ($0.text, $0.width, $0.isPlaceholder) }
            let want = Self.referenceUnits(s)
            XCTAssertEqual(got.map(\.0), want.map(\.0), s.debugDescription)
            XCTAssertEqual(got.map(\.1), want.map(\.1), s.debugDescription)
            XCTAssertEqual(got.map(\.2), want.map(\.2), s.debugDescription)
            XCTAssertEqual(CellWidth.of(s), want.reduce(0) { $0 + $1.1 }, s.debugDescription)
            XCTAssertTrue(got.allSatisfy { $0.1 >= 1 }, "every unit takes a cell: \(s.debugDescription)")
        }
    }

    /// The scanner's shortcut: a plain scalar is a character of its own next to any other
    /// plain scalar, is never a placeholder, and its width is the C library's.
    func testPlainScalarsNeverJoinANeighbour() {
        var checked = 0
        for v in UInt32(0)...0xFFFF {
            guard DisplayUnitIterator.isPlain(v), let u = Unicode.Scalar(v) else { continue }
            checked += 1
            let s = String(Character(u))
            for other in ["a", "中", "\u{A0}", "─"] {
                XCTAssertEqual((s + other).count, 2, "U+\(String(v, radix: 16)) then \(other)")
                XCTAssertEqual((other + s).count, 2, "\(other) then U+\(String(v, radix: 16))")
            }
            XCTAssertNil(Display.placeholder(for: Character(u)), "U+\(String(v, radix: 16))")
            XCTAssertEqual(CellWidth.plainWidth(u), DisplayWidth.of(u), "U+\(String(v, radix: 16))")
            XCTAssertGreaterThanOrEqual(CellWidth.plainWidth(u), 1, "U+\(String(v, radix: 16))")
        }
        XCTAssertGreaterThan(checked, 30_000)
    }

    // MARK: compact cells

    func testCellsAreEightBytesAndClustersKeepTheirBytes() {
        XCTAssertEqual(MemoryLayout<Cell>.stride, 8)
        XCTAssertEqual(MemoryLayout<Glyph>.size, 4)
        XCTAssertEqual(Glyph("中").string, "中")
        XCTAssertFalse(Glyph("中").isCluster)
        XCTAssertEqual(Glyph("").string, "")
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
        XCTAssertTrue(Glyph(family).isCluster)
        XCTAssertEqual(Glyph(family).string, family)
        XCTAssertEqual(Glyph(family), Glyph(family), "the same cluster gets the same number")
        // Canonically equivalent, different bytes: the cell shows what the data had.
        let a = "e\u{301}\u{323}", b = "e\u{323}\u{301}"
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(Glyph(a), Glyph(b))
        XCTAssertEqual(Array(Glyph(b).string.unicodeScalars), Array(b.unicodeScalars))
    }

    func testCombiningMarksStayWithTheirBaseAndALoneMarkIsSpelledOut() {
        var c = Canvas(width: 12, height: 2)
        c.text("e\u{301}中\u{302}x", x: 0, y: 0, width: 12, role: .normal)
        XCTAssertEqual(c[0, 0].text, "e\u{301}")
        XCTAssertEqual(c[1, 0].text, "中\u{302}")
        XCTAssertTrue(c[2, 0].isContinuation)
        XCTAssertEqual(c[3, 0].text, "x")
        c.text("\u{301}ab", x: 0, y: 1, width: 12, role: .normal)
        XCTAssertEqual(c.line(1), "<U+0301>ab  ")
        XCTAssertEqual(c[0, 1].role, .placeholder)
        XCTAssertEqual(c[8, 1].role, .normal)
    }

    // MARK: Canvas.text against put(fit(units))

    func testTextWritesWhatPutOfTheFittedUnitsWrites() {
        var rng = SplitMix(seed: 11)
        for round in 0..<2000 {
            let n = Int(rng.next() % 14)
            let s = (0..<n).map { _ in Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))] }.joined()
            var base = Canvas(width: 16, height: 3)
            base.text("中文字中文字中文字", x: Int(rng.next() % 2), y: 1, width: 16, role: .dim)
            let x = Int(rng.next() % 18) - 2, w = Int(rng.next() % 18) - 1
            let clip = Rect(x: Int(rng.next() % 8), y: 0, width: Int(rng.next() % 16), height: 3)
            let useClip = round % 3 != 0
            var a = base, b = base
            let ea = a.text(s, x: x, y: 1, width: w, role: .normal, clip: useClip ? clip : nil)
            var eb = x
            if w > 0 {
                let box = Rect(x: x, y: 1, width: w, height: 1).intersection(useClip ? clip : b.bounds)
                eb = b.put(Display.fit(Display.units(s), width: w), x: x, y: 1, role: .normal, clip: box)
            }
            XCTAssertEqual(a, b, "\(s.debugDescription) x \(x) width \(w) clip \(useClip ? clip.description : "-")")
            XCTAssertEqual(ea, eb, "\(s.debugDescription) x \(x) width \(w)")
        }
    }

    func testFillEqualsWritingSpacesCellByCell() {
        var rng = SplitMix(seed: 5)
        for _ in 0..<500 {
            var base = Canvas(width: 12, height: 2)
            base.text("中文ab字中文", x: Int(rng.next() % 3), y: 0, width: 12, role: .dim)
            base.text("x中文字中", x: Int(rng.next() % 3), y: 1, width: 12, role: .red)
            let r = Rect(x: Int(rng.next() % 14) - 1, y: Int(rng.next() % 3) - 1,
                         width: Int(rng.next() % 14), height: Int(rng.next() % 3) + 1)
            var a = base, b = base
            a.fill(r, role: .selection)
            let spaces = [DisplayUnit](repeating: DisplayUnit(glyph: .space, width: 1, isPlaceholder: false), count: max(r.width, 0))
            let c = r.intersection(b.bounds)
            if !c.isEmpty { for y in c.y..<c.maxY { b.put(spaces, x: r.x, y: y, role: .selection, clip: c) } }
            XCTAssertEqual(a, b, "fill \(r)")
        }
    }

    // MARK: the diffing present path

    /// A screen in memory that records every write, as a terminal backend would get them.
    struct RecordingScreen: CellWriter {
        var cells: [Cell]
        let width: Int
        var calls: [(y: Int, x: Int, count: Int, role: Role)] = []
        var cellsWritten = 0

        init(_ c: Canvas) { cells = c.cells; width = c.width }

        mutating func write(y: Int, x: Int, cells run: ArraySlice<Cell>, role: Role) {
            calls.append((y, x, run.count, role))
            for (k, cell) in run.enumerated() {
                XCTAssertTrue(cell.role == role || cell.isContinuation, "a run has one role")
                cells[y * width + x + k] = cell
            }
            cellsWritten += run.count
            if run.count > 1 && !(run.count == 2 && run.first?.width == 2) {
                XCTAssertTrue(run.allSatisfy { FrameDiff.isRunSafe($0) || $0.isContinuation }, "runs carry plain glyphs only")
            }
        }
    }

    func testPresentWritesOnlyTheCellsThatChanged() {
        let (d, _) = Fixture.dashboard(width: 80, height: 24)
        d.state.resize(width: 80, height: 24)
        let first = Renderer.render(d.state)

        // The first frame: everything, one call per run of one role, not one per cell.
        var screen = RecordingScreen(Canvas(width: 80, height: 24))
        let all = FrameDiff.present(from: nil, to: first, width: 80, height: 24, into: &screen)
        XCTAssertEqual(screen.cells, first.cells)
        XCTAssertEqual(all, 80 * 24)
        XCTAssertLessThan(screen.calls.count, 80 * 24 / 4, "runs, not cells")

        // The same frame again: nothing.
        var same = RecordingScreen(first)
        XCTAssertEqual(FrameDiff.present(from: first, to: first, width: 80, height: 24, into: &same), 0)
        XCTAssertTrue(same.calls.isEmpty)

        // Moving the selection: only the cells that differ, and the screen ends up right.
        _ = d.handle(.key(.down))
        let second = Renderer.render(d.state)
        var moved = RecordingScreen(first)
        let n = FrameDiff.present(from: first, to: second, width: 80, height: 24, into: &moved)
        XCTAssertEqual(moved.cells, second.cells)
        let changed = zip(first.cells, second.cells).filter { $0 != $1 }.count
        XCTAssertGreaterThan(changed, 0)
        XCTAssertGreaterThanOrEqual(n, changed)
        XCTAssertLessThan(n, 80 * 24 / 4)
        for call in moved.calls {
            for x in call.x..<(call.x + call.count) {
                // Beside what changed, only the other half of a changed wide glyph.
                let y = call.y
                let differs = { (x: Int) in first[x, y] != second[x, y] }
                XCTAssertTrue(differs(x) || (second[x, y].isContinuation && differs(x - 1))
                              || (second[x, y].width == 2 && differs(x + 1)), "row \(y) column \(x) did not change")
            }
        }
    }

    func testPresentKeepsWideGlyphsWholeAndStaysInsideTheTerminal() {
        var rng = SplitMix(seed: 3)
        var old = Canvas(width: 10, height: 3)
        for _ in 0..<400 {
            var new = old
            let n = Int(rng.next() % 6)
            let s = (0..<n).map { _ in Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))] }.joined()
            new.text(s, x: Int(rng.next() % 10), y: Int(rng.next() % 3), width: Int(rng.next() % 8) + 1,
                     role: [Role.normal, .red, .selection][Int(rng.next() % 3)])
            if rng.next() % 4 == 0 { new.paint(Rect(x: Int(rng.next() % 10), y: 0, width: 3, height: 3), role: .match) }
            var screen = RecordingScreen(old)
            FrameDiff.present(from: old, to: new, width: 10, height: 3, into: &screen)
            for y in 0..<3 {
                for x in 0..<10 where !new[x, y].isContinuation {
                    XCTAssertEqual(screen.cells[y * 10 + x], new[x, y], "\(s.debugDescription) at \(x),\(y)")
                }
            }
            for call in screen.calls {
                XCTAssertFalse(new[call.x, call.y].isContinuation, "no run starts on the right half of a glyph")
            }
            old = new
        }
        // A terminal smaller than the frame: nothing is written outside it.
        var small = RecordingScreen(Canvas(width: 10, height: 3))
        FrameDiff.present(from: nil, to: old, width: 6, height: 2, into: &small)
        XCTAssertTrue(small.calls.allSatisfy { $0.y < 2 && $0.x + $0.count <= 6 })
    }
}

/// A small deterministic generator for the randomised tables above.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
