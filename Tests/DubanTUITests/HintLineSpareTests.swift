import XCTest
import DubanCore
@testable import DubanTUI

/// Issue 12 item 14: `:` (the command line) and `d` (overdue only) were in the help
/// screen but never in the hint line. They are spare hints: shown where the line has
/// room for them after every other hint and the `!` legend, dropped first otherwise
/// (the 80x24, 81x24, 60x20 and 100x30 snapshots keep their lines).
final class HintLineSpareTests: XCTestCase {
    func hintLine(width: Int, lang: Lang = .zh) -> String {
        let (d, t) = Fixture.dashboard(width: width, height: 30, lang: lang)
        _ = d.run(on: t)
        return t.lines.last ?? ""
    }

    func testColonAndDAreInTheHintLineWhereThereIsRoom() {
        let wide = hintLine(width: 160)
        XCTAssertTrue(wide.contains("d 逾期"), wide)
        XCTAssertTrue(wide.contains(": 命令"), wide)
        XCTAssertTrue(wide.contains("! 红=逾期或滞后"), "the legend stays: \(wide)")
        XCTAssertTrue(wide.contains("f 筛选") && wide.contains("? 帮助"), wide)
        let en = hintLine(width: 160, lang: .en)
        XCTAssertTrue(en.contains("d overdue") && en.contains(": command"), en)
    }

    func testSpareHintsGoFirstWhenTheLineIsFull() {
        for w in [60, 80, 100, 120] {
            let line = hintLine(width: w)
            let full = hintLine(width: 160)
            // Every hint shown at this width is one of the wide line's, in its order; a
            // spare one only when the legend also fits.
            if line.contains("d 逾期") || line.contains(": 命令") {
                XCTAssertTrue(line.contains("! 红=逾期或滞后"), "\(w): a spare hint only with the legend: \(line)")
            }
            XCTAssertTrue(line.contains("? 帮助"), "\(w): \(line)")
            XCTAssertTrue(full.count >= line.trimmingCharacters(in: .whitespaces).count)
        }
    }
}
