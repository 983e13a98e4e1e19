import XCTest
import DubanCore
import DubanTUI
#if canImport(Glibc)
import Glibc
#endif

/// The built `duban` binary in a real terminal: tmux on a private socket, a fixed
/// size, LANG=C.UTF-8, the fixture plan and a fixed --as-of. Every wait polls
/// `capture-pane` instead of sleeping a fixed time. The helpers, shared by the end-to-end
/// test classes (this class has no tests of its own).
open class TmuxTestCase: XCTestCase {
    public var socket = ""
    public var session = ""
    public var dir = ""
    public var planPath: String { dir + "/plan.json" }

    public static var tmux: String? {
        for p in ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"] where access(p, X_OK) == 0 { return p }
        return nil
    }

    /// The products folder holds both the test bundle and the `duban` executable.
    public static var dubanBinary: String {
        var url = Bundle(for: Self.self).bundleURL
        while url.pathExtension == "xctest" || url.lastPathComponent == "Contents" { url.deleteLastPathComponent() }
        return url.appendingPathComponent("duban").path
    }

    open override func setUpWithError() throws {
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
        try PlanFile.save(DashboardFixture.plan(), to: planPath, backup: false)
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

    open override func tearDown() {
        if !socket.isEmpty {
            _ = tmux(["kill-server"])
            let base = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
            unlink("\(base)/tmux-\(getuid())/\(socket)")
        }
        if !dir.isEmpty { try? FileManager.default.removeItem(atPath: dir) }
    }

    // MARK: helpers

    @discardableResult
    public func tmux(_ args: [String]) -> (out: String, status: Int32) {
        // new-session starts the server, which keeps the client's stdout: give it /dev/null.
        Self.spawn([Self.tmux ?? "tmux", "-L", socket, "-f", "/dev/null"] + args, capture: args.first != "new-session")
    }

    /// Runs a program and waits for it (posix_spawn and waitpid: no run loop involved).
    public static func spawn(_ argv: [String], capture: Bool) -> (out: String, status: Int32) {
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

    public func start(_ args: [String] = [], width: Int = 120, height: Int = 40, env: [String] = []) {
        let plan = args.first.map { $0.hasPrefix("-") } ?? true ? [planPath] : []
        // `swift test` exports NO_COLOR=1 to its children: the dashboard must start from a
        // clean slate, with only what the test asks for.
        let cmd = ["env", "-u", "NO_COLOR", "-u", "COLORTERM", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "HOME=\(dir)",
                   "TERM=screen-256color"] + env
            + ["sh", dir + "/run.sh"] + plan + ["--as-of", "2020-09-01"] + args
        let r = tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", shellJoin(cmd)])
        XCTAssertEqual(r.status, 0, "tmux new-session")
    }

    public func shellJoin(_ words: [String]) -> String {
        words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    }

    public func capture(escapes: Bool = false) -> String {
        tmux(["capture-pane", "-p", "-N"] + (escapes ? ["-e"] : []) + ["-t", session]).out
    }

    public func keys(_ ks: String...) { tmux(["send-keys", "-t", session] + ks) }
    public func literal(_ text: String) { tmux(["send-keys", "-t", session, "-l", text]) }

    /// Polls the screen until the condition holds on a settled screen; fails with the last screen after `timeout`.
    @discardableResult
    open func waitFor(_ what: String, timeout: Double = 15, escapes: Bool = false, file: StaticString = #filePath, line: UInt = #line,
                 _ ok: (String) -> Bool) -> String {
        let end = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < end {
            screen = capture(escapes: escapes)
            // A capture can land while a frame is still being written: a screen is taken
            // only when a second capture a moment later shows the same.
            if ok(screen) {
                usleep(20_000)
                let again = capture(escapes: escapes)
                if again == screen { return screen }
                screen = again
                continue
            }
            usleep(30_000)
        }
        if let kept = lastScreenFile {
            try? screen.write(toFile: kept, atomically: true, encoding: .utf8)
            XCTFail("timed out waiting for \(what); the last screen is in \(kept)", file: file, line: line)
        } else {
            XCTFail("timed out waiting for \(what); screen:\n\(screen)", file: file, line: line)
        }
        return screen
    }

    /// Where `waitFor` keeps the last screen when it times out, named in the failure
    /// instead of the screen itself; nil puts the screen in the message.
    open var lastScreenFile: String? { nil }

    public func waitForText(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        waitFor("\"\(s)\"", file: file, line: line) { $0.contains(s) }
    }

    public func assertRestored(file: StaticString = #filePath, line: UInt = #line) {
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
    /// `corner` is the frame's bottom-right glyph ("+" with --ambiguous-wide).
    public func frameComplete(_ s: String, _ w: Int, _ h: Int, corner: String = "┘") -> Bool {
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= h else { return false }
        return (1..<(h - 1)).allSatisfy { CellWidth.of(String(lines[$0])) == w } && lines[h - 2].hasSuffix(corner)
    }

    /// The process id of duban, the child of the pane's shell script.
    public func dubanPID(file: StaticString = #filePath, line: UInt = #line) -> pid_t? {
        let shellPID = tmux(["display-message", "-p", "-t", session, "#{pane_pid}"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        let out = Self.spawn(["/bin/sh", "-c", "ps -o pid= --ppid \(shellPID)"], capture: true).out
        guard let pid = out.split(separator: "\n").compactMap({ Int32($0.trimmingCharacters(in: .whitespaces)) }).first else {
            XCTFail("no duban process under \(shellPID)", file: file, line: line)
            return nil
        }
        return pid
    }
}

