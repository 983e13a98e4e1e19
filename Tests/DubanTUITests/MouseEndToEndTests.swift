import XCTest
import Foundation
import DubanCore
import DubanTUI

/// The mouse in a real terminal: tmux passes an xterm mouse report typed into the pane
/// (ESC [ M, then button, column and row, each plus 32) to the program, as a terminal
/// does when the user clicks.
final class MouseEndToEndTests: TmuxTestCase {
    /// A click (press then release) at a 0-based cell.
    func click(x: Int, y: Int, button: Int = 0) {
        func report(_ b: Int) -> String {
            String(UnicodeScalar(UInt8(32 + b))) + String(UnicodeScalar(UInt8(33 + x))) + String(UnicodeScalar(UInt8(33 + y)))
        }
        literal("\u{1B}[M" + report(button))
        if button < 64 { literal("\u{1B}[M" + report(3)) }
    }

    func testClickSelectsATaskAndTheWheelMovesTheSelection() {
        start()
        let screen = waitForText("任务 1/7")
        // The tasks pane: its title on row 1, column headers on row 2, the first task on row 3.
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 7, let col = lines[1].firstIndex(of: "任") else { return XCTFail("layout:\n\(screen)") }
        let x = CellWidth.of(String(lines[1][..<col])) + 4
        click(x: x, y: 7)  // the fifth task
        let picked = waitForText("任务 5/7")
        XCTAssertTrue(picked.contains("逾期32天"), "the detail shows the clicked task:\n\(picked)")
        click(x: x, y: 4, button: 64)  // wheel up over the tasks pane
        _ = waitFor("the wheel moved the selection") { !$0.contains("任务 5/7") && $0.contains("/7") }
        keys("q")
        _ = waitForText("EXIT=0")
    }
}
