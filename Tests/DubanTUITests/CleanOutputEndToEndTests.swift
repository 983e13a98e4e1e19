import XCTest
import DubanCore
@testable import DubanTUI
#if canImport(Glibc)
import Glibc
#endif

/// Issue 10, in a real terminal: `duban report`, `validate` and `import` print hostile text
/// (OSC 0 retitle, CSI 2J clear, OSC 52 clipboard, BEL, CR, the C1 CSI, bidi overrides) to a
/// tmux pane, and the pane's title is unchanged, the text printed before is still on screen
/// and tmux's paste buffers stay empty. Each test first proves the probes can fail: a raw
/// OSC 0 does retitle a pane, a raw CSI 2J does clear it, and a raw OSC 52 with
/// `set-clipboard on` does set a buffer. Own tmux socket (`duban-cleaner-...`).
final class CleanOutputEndToEndTests: TmuxTestCase {
    static let nasty = "\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{1B}]52;c;SGVsbG8=\u{07}\r\u{9B}2J\u{202E}反\u{2066}x\u{2069}"

    override func setUpWithError() throws {
        try super.setUpWithError()
        socket = "duban-cleaner-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // A server that accepts OSC 52 from its panes, as a user's tmux with set-clipboard on.
        tmux(["new-session", "-d", "-s", "holder", "sleep 600", ";", "set", "-s", "set-clipboard", "on"])
        XCTAssertEqual(tmux(["show", "-s", "-v", "set-clipboard"]).out.trimmingCharacters(in: .whitespacesAndNewlines), "on")
    }

    var buffers: String { tmux(["list-buffers"]).out }
    func title(_ s: String) -> String { tmux(["display-message", "-p", "-t", s, "#{pane_title}"]).out }

    /// Runs a shell line in a new pane after printing a mark, and waits for it to end.
    func runInPane(_ name: String, _ line: String, width: Int = 200, file: StaticString = #filePath, line l: UInt = #line) -> String {
        session = name
        let script = dir + "/\(name).sh"
        try? "#!/bin/sh\necho BEFORE-MARK\n\(line)\necho \"EXIT=$?\"\nexec sleep 600\n".write(toFile: script, atomically: true, encoding: .utf8)
        let cmd = ["env", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "HOME=\(dir)", "TERM=screen-256color", "sh", script]
        XCTAssertEqual(tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "300", shellJoin(cmd)]).status, 0, file: file, line: l)
        _ = waitFor("\(name) to finish", file: file, line: l) { $0.contains("EXIT=") }
        return joined()
    }

    /// The visible screen (a pane tall enough for every output here, so a clear would show),
    /// wrapped lines joined.
    func joined(escapes: Bool = false) -> String {
        tmux(["capture-pane", "-p", "-J"] + (escapes ? ["-e"] : []) + ["-t", session]).out
    }

    /// The probes can fail here: raw sequences do what the test checks they do not.
    func proveTheProbesCanFail(file: StaticString = #filePath, line: UInt = #line) {
        _ = runInPane("probe-title", "printf '\\033]0;PROBE-TITLE\\007'", file: file, line: line)
        _ = waitFor("the raw OSC 0 to retitle the pane", file: file, line: line) { _ in self.title("probe-title").contains("PROBE-TITLE") }
        let cleared = runInPane("probe-clear", "printf '\\033[2J'", file: file, line: line)
        XCTAssertFalse(cleared.contains("BEFORE-MARK"), "a raw CSI 2J clears the pane:\n\(cleared)", file: file, line: line)
        XCTAssertEqual(buffers, "", file: file, line: line)
        _ = runInPane("probe-clipboard", "printf '\\033]52;c;UFJPQkU=\\007'", file: file, line: line)
        _ = waitFor("the raw OSC 52 to set a buffer", file: file, line: line) { _ in self.buffers.contains("PROBE") }
        tmux(["delete-buffer"])
        XCTAssertEqual(buffers, "", "emptied again", file: file, line: line)
    }

    /// After `command` ran in a fresh pane: title unchanged, mark still shown, no buffer, no raw escape.
    func assertNothingInjected(_ name: String, _ command: String, expect shown: [String] = [],
                               file: StaticString = #filePath, line: UInt = #line) {
        let screen = runInPane(name, command, file: file, line: line)
        XCTAssertTrue(screen.contains("BEFORE-MARK"), "the screen was not cleared:\n\(screen)", file: file, line: line)
        let host = tmux(["display-message", "-p", "-t", name, "#{host}"]).out
        XCTAssertEqual(title(name), host, "the pane's title is unchanged", file: file, line: line)
        XCTAssertFalse(title(name).contains("PWNED"), file: file, line: line)
        XCTAssertEqual(buffers, "", "no OSC 52 reached tmux's clipboard", file: file, line: line)
        let raw = joined(escapes: true)
        for bad in ["\u{1B}]", "\u{9B}", "\u{202E}", "\u{2066}", "\u{07}"] {
            XCTAssertFalse(raw.contains(bad), "no \(bad.debugDescription) on screen", file: file, line: line)
        }
        for s in shown { XCTAssertTrue(screen.contains(s), "shows \(s):\n\(screen)", file: file, line: line) }
    }

    func hostilePlan() throws -> String {
        var plan = Fixture.plan()
        plan.tasks[0].leadUnits = ["单位" + Self.nasty]
        plan.tasks[0].text = "任务" + Self.nasty
        plan.chapters[0].title = "章" + Self.nasty
        let path = dir + "/hostile.json"
        try PlanFile.save(plan, to: path, backup: false)
        return path
    }

    func testReportTablesAndMarkdownInjectNothing() throws {
        proveTheProbesCanFail()
        let plan = try hostilePlan()
        let duban = "'\(Self.dubanBinary)'"
        assertNothingInjected("report-unit", "\(duban) report '\(plan)' --as-of 2020-09-01", expect: ["单位^[]0;PWNED^G^[[2J"])
        assertNothingInjected("report-chapter", "\(duban) report '\(plan)' --by chapter --as-of 2020-09-01")
        assertNothingInjected("report-overdue", "\(duban) report '\(plan)' --overdue --wide --as-of 2020-09-01",
                              expect: ["任务^[]0;PWNED^G^[[2J^[]52;c;SGVsbG8=^G↵<9B>2J<U+202E>反"])
        assertNothingInjected("report-md", "\(duban) report '\(plan)' --overdue --format markdown --as-of 2020-09-01")
        assertNothingInjected("report-csv", "\(duban) report '\(plan)' --overdue --format csv --as-of 2020-09-01")
        assertNothingInjected("report-json", "\(duban) report '\(plan)' --overdue --format json --as-of 2020-09-01",
                              expect: ["\\u001b]0;PWNED\\u0007"])
        // Not a terminal: the table is as clean through a pipe.
        assertNothingInjected("report-piped", "\(duban) report '\(plan)' --as-of 2020-09-01 | cat", expect: ["单位^[]0;PWNED^G"])
    }

    /// On a terminal a table is cut to its width (`…`), without --wide; CJK counts two cells.
    func testATableOnANarrowTerminalIsCutToItsWidth() throws {
        let plan = try hostilePlan()
        let screen = runInPane("narrow", "'\(Self.dubanBinary)' report '\(plan)' --overdue --as-of 2020-09-01", width: 70)
        let rows = screen.split(separator: "\n").map(String.init).filter { $0.contains("-0") || $0.contains("2020-") }
        XCTAssertFalse(rows.isEmpty, screen)
        for row in rows { XCTAssertLessThanOrEqual(CellWidth.of(row), 70, row) }
        XCTAssertTrue(rows.contains { $0.hasSuffix("…") }, "a long row is cut with …:\n\(screen)")
        XCTAssertTrue(screen.contains("单位^[]0;PWNED"), screen)
        XCTAssertTrue(screen.split(separator: "\n").allSatisfy { CellWidth.of(String($0)) <= 70 }, "no line wraps:\n\(screen)")
        let wide = runInPane("narrow-wide", "'\(Self.dubanBinary)' report '\(plan)' --overdue --wide --as-of 2020-09-01", width: 70)
        XCTAssertTrue(wide.contains("<U+202E>反<U+2066>x<U+2069>"), "--wide: the whole text, wrapped by the terminal:\n\(wide)")
    }

    func testValidateInjectsNothing() throws {
        proveTheProbesCanFail()
        let bad = dir + "/bad.json"
        try """
        {"formatVersion": 1, "title": "T", "chapters": [],
         "tasks": [{"id": "a", "text": "x", "status": "\\u001b]0;PWNED\\u0007\\u001b[2J\\u001b]52;c;SGVsbG8=\\u0007\\u009b2J\\u202e", "progress": 5}]}
        """.write(toFile: bad, atomically: false, encoding: .utf8)
        assertNothingInjected("validate", "'\(Self.dubanBinary)' validate '\(bad)' --lang en", expect: ["unknown status \"^[]0;PWNED^G^[[2J"])
    }

    func testImportWarningsInjectNothing() throws {
        proveTheProbesCanFail()
        let notice = dir + "/notice.txt"
        try """
        2020年重点工作任务分解

        一、扎实做好“六稳”工作

        1.全年城镇新增就业\u{1B}]0;PWNED\u{07}1.2万人\u{9B}2J\u{202E}。
        牵头单位：市\u{1B}]52;c;SGVsbG8=\u{07}局\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{9B}2J\u{202E}反

        2.推进老旧小区改造，开工改造小区120个，惠及居民两万户。
        牵头单位：市住房和城乡建设局

        3.打好蓝天保卫战，PM2.5平均浓度下降5%，优良天数比例达到80%以上。
        牵头单位：市生态环境局

        4.实施重点项目400个以上，完成投资500亿元，新开工项目150个。
        牵头单位：市发展和改革委员会

        5.做好高校毕业生、退役军人、农民工等重点群体就业工作。
        牵头单位：市人力资源和社会保障局

        """.write(toFile: notice, atomically: false, encoding: .utf8)
        assertNothingInjected("import", "'\(Self.dubanBinary)' import '\(notice)' -o '\(dir)/out.json' --lang en", expect: ["warning", "^[]52"])
        // The plan to the terminal: JSON, escaped.
        assertNothingInjected("import-stdout", "'\(Self.dubanBinary)' import '\(notice)'", expect: ["\\u001b]0;PWNED\\u0007", "\\u009b2J\\u202e"])
    }
}
