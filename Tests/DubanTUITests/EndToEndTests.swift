import XCTest
import DubanCore
@testable import DubanTUI
#if canImport(Glibc)
import Glibc
#endif

/// The built `duban` binary in a real terminal: tmux on a private socket, a fixed
/// size, LANG=C.UTF-8, the fixture plan and a fixed --as-of. Every wait polls
/// `capture-pane` instead of sleeping a fixed time. The helpers, shared by the end-to-end
/// test classes (this class has no tests of its own).
class TmuxTestCase: XCTestCase {
    var socket = ""
    var session = ""
    var dir = ""
    var planPath: String { dir + "/plan.json" }

    static var tmux: String? {
        for p in ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"] where access(p, X_OK) == 0 { return p }
        return nil
    }

    /// The products folder holds both the test bundle and the `duban` executable.
    static var dubanBinary: String {
        var url = Bundle(for: TmuxTestCase.self).bundleURL
        while url.pathExtension == "xctest" || url.lastPathComponent == "Contents" { url.deleteLastPathComponent() }
        return url.appendingPathComponent("duban").path
    }

    override func setUpWithError() throws {
        guard Self.tmux != nil else { throw XCTSkip("tmux is not installed") }
        guard FileManager.default.isExecutableFile(atPath: Self.dubanBinary) else {
            XCTFail("no duban binary at \(Self.dubanBinary); build it first (swift build)")
            throw XCTSkip("no binary")
        }
        let id = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        socket = "duban-test-\(id)"
        session = "e2e-\(id)"
        dir = NSTemporaryDirectory() + "duban-e2e-\(id)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try PlanFile.save(Fixture.plan(), to: planPath, backup: false)
        let script = """
        #!/bin/sh
        stty -g > "\(dir)/before"
        "\(Self.dubanBinary)" open "$@" 2> "\(dir)/stderr"
        echo "EXIT=$?"
        stty -g > "\(dir)/after"
        exec sleep 600
        """
        try script.write(toFile: dir + "/run.sh", atomically: true, encoding: .utf8)
    }

    override func tearDown() {
        if !socket.isEmpty {
            _ = tmux(["kill-server"])
            let base = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
            unlink("\(base)/tmux-\(getuid())/\(socket)")
        }
        if !dir.isEmpty { try? FileManager.default.removeItem(atPath: dir) }
    }

    // MARK: helpers

    @discardableResult
    func tmux(_ args: [String]) -> (out: String, status: Int32) {
        // new-session starts the server, which keeps the client's stdout: give it /dev/null.
        Self.spawn([Self.tmux ?? "tmux", "-L", socket, "-f", "/dev/null"] + args, capture: args.first != "new-session")
    }

    /// Runs a program and waits for it (posix_spawn and waitpid: no run loop involved).
    static func spawn(_ argv: [String], capture: Bool) -> (out: String, status: Int32) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return ("", -1) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if capture {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cargs { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, nil, &cargs, environ)
        close(fds[1])
        guard rc == 0 else { close(fds[0]); return ("", -1) }
        var bytes: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fds[0], &buf, buf.count)
            if n > 0 { bytes += buf[0..<n] } else if n < 0 && errno == EINTR { continue } else { break }
        }
        close(fds[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (String(decoding: bytes, as: UTF8.self), (status >> 8) & 0xFF)
    }

    func start(_ args: [String] = [], width: Int = 120, height: Int = 40, env: [String] = []) {
        let plan = args.first.map { $0.hasPrefix("-") } ?? true ? [planPath] : []
        // `swift test` exports NO_COLOR=1 to its children: the dashboard must start from a
        // clean slate, with only what the test asks for.
        let cmd = ["env", "-u", "NO_COLOR", "-u", "COLORTERM", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "HOME=\(dir)",
                   "TERM=screen-256color"] + env
            + ["sh", dir + "/run.sh"] + plan + ["--as-of", "2020-09-01"] + args
        let r = tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", shellJoin(cmd)])
        XCTAssertEqual(r.status, 0, "tmux new-session")
    }

    func shellJoin(_ words: [String]) -> String {
        words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    }

    func capture(escapes: Bool = false) -> String {
        tmux(["capture-pane", "-p", "-N"] + (escapes ? ["-e"] : []) + ["-t", session]).out
    }

    func keys(_ ks: String...) { tmux(["send-keys", "-t", session] + ks) }
    func literal(_ text: String) { tmux(["send-keys", "-t", session, "-l", text]) }

    /// Polls the screen until the condition holds; fails with the last screen after `timeout`.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 15, escapes: Bool = false, file: StaticString = #filePath, line: UInt = #line,
                 _ ok: (String) -> Bool) -> String {
        let end = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < end {
            screen = capture(escapes: escapes)
            if ok(screen) { return screen }
            usleep(30_000)
        }
        XCTFail("timed out waiting for \(what); screen:\n\(screen)", file: file, line: line)
        return screen
    }

    func waitForText(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        waitFor("\"\(s)\"", file: file, line: line) { $0.contains(s) }
    }

    func assertRestored(file: StaticString = #filePath, line: UInt = #line) {
        let before = try? String(contentsOfFile: dir + "/before", encoding: .utf8)
        // The script writes the settings after printing EXIT=: wait for the file.
        var after = try? String(contentsOfFile: dir + "/after", encoding: .utf8)
        for _ in 0..<200 where (after ?? "").isEmpty {
            usleep(20_000)
            after = try? String(contentsOfFile: dir + "/after", encoding: .utf8)
        }
        XCTAssertNotNil(before, file: file, line: line)
        XCTAssertEqual(before, after, "stty settings restored", file: file, line: line)
        let screen = capture()
        XCTAssertFalse(screen.contains("┌"), "the dashboard's screen is gone (alternate screen left)", file: file, line: line)
    }

    /// Whether a capture holds a whole frame of that size (the last pane row drawn to its
    /// corner): a capture can land while ncurses is still writing the frame.
    func frameComplete(_ s: String, _ w: Int, _ h: Int) -> Bool {
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= h else { return false }
        return (1..<(h - 1)).allSatisfy { CellWidth.of(String(lines[$0])) == w } && lines[h - 2].hasSuffix("┘")
    }

    /// The process id of duban, the child of the pane's shell script.
    func dubanPID(file: StaticString = #filePath, line: UInt = #line) -> pid_t? {
        let shellPID = tmux(["display-message", "-p", "-t", session, "#{pane_pid}"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        let out = Self.spawn(["/bin/sh", "-c", "ps -o pid= --ppid \(shellPID)"], capture: true).out
        guard let pid = out.split(separator: "\n").compactMap({ Int32($0.trimmingCharacters(in: .whitespaces)) }).first else {
            XCTFail("no duban process under \(shellPID)", file: file, line: line)
            return nil
        }
        return pid
    }
}

final class EndToEndTests: TmuxTestCase {
    // MARK: tests

    func testNavigationReachesTaskAndOverdueRowIsRed() {
        start()
        _ = waitForText("任务7")
        keys("j", "j", "j", "j")
        let screen = waitForText("逾期32天")
        XCTAssertTrue(screen.contains("打好蓝天保卫战"), screen)
        // Move off task 5 so its row is drawn with its light, not the selection.
        keys("j")
        let colored = waitFor("task 6 selected", escapes: true) { $0.contains("6/7") }
        guard let row = colored.split(separator: "\n").first(where: { $0.contains("打好蓝天保卫战") && $0.contains("07-31") }) else {
            return XCTFail("no row for task 5:\n\(colored)")
        }
        let red = try? NSRegularExpression(pattern: "\u{1B}\\[([0-9;]*;)?(31|91|38;5;196)(;[0-9;]*)?m")
        let matches = red?.numberOfMatches(in: String(row), range: NSRange(row.startIndex..., in: row)) ?? 0
        XCTAssertGreaterThan(matches, 0, "task 5's row carries red: \(row.debugDescription)")
        keys("q")
        _ = waitForText("EXIT=0")
        assertRestored()
    }

    func testStatusChangeSaveThenUndo() throws {
        start()
        _ = waitForText("任务7")
        keys("3", "w")
        _ = waitForText("已保存")
        var plan = try PlanFile.load(path: planPath)
        XCTAssertEqual(plan.tasks[0].status, .done)
        XCTAssertEqual(plan.tasks[0].history.last?.note, "状态：推进中 → 已完成；进度：40% → 100%")
        XCTAssertTrue(FileManager.default.fileExists(atPath: planPath + ".bak"))
        keys("u")
        _ = waitForText("已撤销")
        keys("C-s")
        _ = waitForText("已保存")
        plan = try PlanFile.load(path: planPath)
        XCTAssertEqual(plan.tasks[0].status, .inProgress)
        XCTAssertEqual(plan.tasks[0].history.count, 1)
        keys("q")
        _ = waitForText("EXIT=0")
    }

    func testQuitWithUnsavedChangesAsks() throws {
        start()
        _ = waitForText("任务7")
        keys("a")
        literal("已召开推进会")
        keys("Enter")
        _ = waitForText("未保存1")
        keys("q")
        _ = waitForText("有1处修改尚未保存")
        keys("Escape")
        _ = waitFor("question gone") { !$0.contains("有1处修改尚未保存") }
        keys("C-c")
        _ = waitForText("有1处修改尚未保存")
        keys("n")
        _ = waitForText("EXIT=0")
        XCTAssertEqual(try PlanFile.load(path: planPath).tasks[0].history.count, 1, "nothing saved")
        assertRestored()
    }

    func testRedrawAfterResize() {
        start()
        _ = waitForText("任务7")
        tmux(["resize-window", "-t", session, "-x", "60", "-y", "20"])
        var screen = waitFor("two panes at 60x20") { s in
            let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 20 && lines[1].hasPrefix("┌ 任务") && !s.contains("┌ 单位") && self.frameComplete(s, 60, 20)
        }
        checkBorders(screen, width: 60, height: 20)
        tmux(["resize-window", "-t", session, "-x", "200", "-y", "60"])
        screen = waitFor("four panes at 200x60") { $0.contains("┌ 单位") && $0.contains("┌ 章节") && self.frameComplete($0, 200, 60) }
        checkBorders(screen, width: 200, height: 60)
        keys("q")
        _ = waitForText("EXIT=0")
    }

    func testChineseLinesUpAtOddWidths() {
        start(width: 81, height: 25)
        _ = waitForText("任务7")
        for (w, h) in [(81, 25), (97, 31), (133, 41)] {
            tmux(["resize-window", "-t", session, "-x", "\(w)", "-y", "\(h)"])
            let screen = waitFor("\(w)x\(h)") { s in
                let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
                return lines.count >= h && lines[h - 2].hasSuffix("┘") && CellWidth.of(String(lines[h - 2])) == w
            }
            checkBorders(screen, width: w, height: h)
        }
        keys("q")
        _ = waitForText("EXIT=0")
    }

    /// Every pane border is where the layout puts it, counted in cells: no wide glyph
    /// pushed a border or was split by one.
    func checkBorders(_ screen: String, width: Int, height: Int, file: StaticString = #filePath, line: UInt = #line) {
        CellWidth.setUpLocale()
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= height else { return XCTFail("short capture", file: file, line: line) }
        let layout = Layout.compute(width: width, height: height, focus: .tasks)
        let xs = Set(layout.panes.values.flatMap { [$0.x, $0.maxX - 1] })
        for y in 1..<(height - 1) {
            var cells: [String] = []
            for c in lines[y] {
                cells.append(String(c))
                for _ in 1..<max(CellWidth.of(c), 1) { cells.append("") }
            }
            XCTAssertEqual(cells.count, width, "row \(y) is \(cells.count) cells: \(lines[y])", file: file, line: line)
            for x in xs where x < cells.count {
                XCTAssertTrue("│┌┐└┘".contains(cells[x]) || (cells[x] == "─" && false) || cells[x] == "│",
                              "row \(y) col \(x) is a border, got \"\(cells[x])\": \(lines[y])", file: file, line: line)
            }
        }
    }

    func testTerminalRestoredOnCtrlC() {
        start()
        _ = waitForText("任务7")
        keys("C-c")
        _ = waitForText("EXIT=0")
        assertRestored()
    }

    func testTerminalRestoredOnSIGTERM() {
        start()
        _ = waitForText("任务7")
        let shellPID = tmux(["display-message", "-p", "-t", session, "#{pane_pid}"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        let out = Self.spawn(["/bin/sh", "-c", "ps -o pid= --ppid \(shellPID)"], capture: true).out
        guard let pid = out.split(separator: "\n").compactMap({ Int32($0.trimmingCharacters(in: .whitespaces)) }).first else {
            return XCTFail("no duban process under \(shellPID)")
        }
        kill(pid, SIGTERM)
        _ = waitForText("EXIT=143")
        assertRestored()
    }

    func testTerminalRestoredOnError() {
        start([dir + "/missing.json"])
        _ = waitForText("EXIT=1")
        assertRestored()
        let err = (try? String(contentsOfFile: dir + "/stderr", encoding: .utf8)) ?? ""
        XCTAssertTrue(err.contains("missing.json"), err)
    }

    func testReadOnlyTitleAndNoEdits() throws {
        start(["--read-only"])
        _ = waitForText("只读")
        keys("3", "w")
        _ = waitForText("只读模式：不能修改")
        XCTAssertEqual(try PlanFile.load(path: planPath).tasks[0].status, .inProgress)
        keys("q")
        _ = waitForText("EXIT=0")
    }

    func testNoColorStillMarksLights() {
        start(env: ["NO_COLOR=1"])
        let screen = waitForText("任务7")
        XCTAssertTrue(screen.contains("│! 1"), screen)
        let esc = capture(escapes: true)
        XCTAssertFalse(esc.contains("\u{1B}[31m") || esc.contains("38;5;"), "no colour with NO_COLOR")
        XCTAssertTrue(esc.contains("\u{1B}[7m") || esc.contains(";7m"), "the selection shows in reverse video")
        keys("q")
        _ = waitForText("EXIT=0")
    }
}
