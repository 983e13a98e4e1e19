import XCTest
import DubanCore
@testable import DubanTUI
#if canImport(Glibc)
import Glibc
#endif

/// The first screen while a big plan loads (issue 16), written into a pipe with an
/// injected clock: nothing for a quick load; past the delay the alternate screen and the
/// progress line on the top row; the normal screen back when the dashboard never started.
final class LoadingScreenTests: XCTestCase {
    func output(_ body: (Int32) -> Void) -> String {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        body(fds[1])
        close(fds[1])
        var bytes: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fds[0], &buf, buf.count)
            if n <= 0 { break }
            bytes += buf[0..<n]
        }
        close(fds[0])
        return String(decoding: bytes, as: UTF8.self)
    }

    func testQuickLoadDrawsNothing() {
        var t = 0.0
        let out = output { fd in
            let screen = LoadingScreen(strings: Strings(.zh), fd: fd, clock: { t })
            XCTAssertNotNil(ProgressLine.current)
            ProgressLine.current?.begin(.load, name: "plan.json", total: 1000)
            t = 0.1; ProgressLine.current?.advance(to: 900)
            ProgressLine.current?.end()
            screen.finish()
            XCTAssertFalse(screen.shown)
        }
        XCTAssertEqual(out, "")
        XCTAssertNil(ProgressLine.current, "removed when the dashboard is over")
    }

    func testLongLoadShowsTheLineThenLeavesTheScreen() {
        var t = 0.0
        let out = output { fd in
            let screen = LoadingScreen(strings: Strings(.zh), fd: fd, clock: { t })
            ProgressLine.current?.begin(.load, name: "省计划.json", total: 200_000_000)
            t = 0.5; ProgressLine.current?.advance(to: 100_000_000)
            t = 0.7; ProgressLine.current?.end()
            t = 0.71; ProgressLine.current?.begin(.index, count: 100_000)
            XCTAssertTrue(screen.shown)
            screen.finish()  // ncurses never started (here): back to the normal screen
        }
        XCTAssertTrue(out.hasPrefix("\u{1B}[?1049h"), out.debugDescription)
        XCTAssertTrue(out.contains("\u{1B}[H 正在打开 省计划.json：50%（100 MB/200 MB）…\u{1B}[K"), out.debugDescription)
        XCTAssertTrue(out.contains("\u{1B}[H 正在建立索引（100000项任务）…\u{1B}[K"), out.debugDescription)
        XCTAssertTrue(out.hasSuffix("\u{1B}[?25h\u{1B}[?1049l"), out.debugDescription)
        XCTAssertEqual(out.components(separatedBy: "\u{1B}[?1049h").count, 2, "the alternate screen entered once")
    }
}
