import XCTest
import DubanCore
@testable import DubanTUI

@_silgen_name("wcwidth")
private func libcWcwidth(_ c: Int32) -> Int32

/// One width function: the dashboard's `CellWidth` and the core's `DisplayWidth` (which the
/// reports use) give the same cells for every scalar, and both are glibc's `wcwidth` under
/// a UTF-8 locale except for the documented control handling: what `TerminalText` replaces
/// counts as its placeholder (`^[` 2, `<9B>` 4, `<U+202E>` 8), a tab and a line break 1.
final class WidthAgreementTests: XCTestCase {
    override func setUp() { CellWidth.setUpLocale() }

    func testCellWidthAndDisplayWidthAgreeWithWcwidthOverTheBMPAndTheCJKPlanes() {
        var compared = 0
        for v in UInt32(0)...0x3FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            let core = DisplayWidth.of(u)
            XCTAssertEqual(CellWidth.of(u), core, "U+\(String(v, radix: 16)) scalar")
            let one = String(Character(u))
            XCTAssertEqual(DisplayWidth.of(one), core, "U+\(String(v, radix: 16)) as a string")
            let c = libcWcwidth(Int32(v))
            // What the dashboard draws (Display.units, each unit measured by DisplayWidth).
            let drawn = Display.units(one).reduce(0) { $0 + $1.width }
            if let p = TerminalText.placeholderWidth(v) {
                XCTAssertEqual(core, [0x09, 0x0A, 0x0D].contains(v) ? 1 : p, "U+\(String(v, radix: 16)) control")
                XCTAssertEqual(drawn, core, "U+\(String(v, radix: 16)): the dashboard draws the same cells")
            } else if v == 0x2028 || v == 0x2029 {
                XCTAssertEqual(core, 1, "a line break shows as ↵")
            } else if c >= 0 {
                XCTAssertEqual(core, Int(c), "U+\(String(v, radix: 16)) is wcwidth's")
                // A lone zero-width character is spelled out by the dashboard (`<U+0301>`):
                // it has nothing to join; elsewhere the string widths agree too.
                if c > 0 { XCTAssertEqual(drawn, core, "U+\(String(v, radix: 16)) drawn") }
                compared += 1
            } else {
                XCTAssertEqual(core, DisplayWidth.isWideFallbackForTests(v) ? 2 : 1, "U+\(String(v, radix: 16)) unknown to the C library")
            }
        }
        XCTAssertGreaterThan(compared, 100_000)
        // Pinned: Han 2, full-width comma 2, half-width katakana 1, a combining mark 0, ESC 2.
        XCTAssertEqual(["中", "，", "ｱ", "\u{301}", "\u{1B}", "\u{9B}", "\u{202E}"].map { DisplayWidth.of(Character($0)) }, [2, 2, 1, 0, 2, 4, 8])
        let mixed = "a\u{1B}[2J中\r\n\t\u{9B}\u{202E}x"
        XCTAssertEqual(DisplayWidth.of(mixed), Display.units(mixed).reduce(0) { $0 + $1.width }, "controls drawn as counted")
        XCTAssertEqual(CellWidth.of(mixed), DisplayWidth.of(mixed))
    }
}
