import XCTest
import DubanCore
@testable import DubanTUI
#if canImport(Glibc)
import Glibc
#endif

/// Issue 10, the dashboard's smaller promises, through the built binary: no terminal,
/// a terminal it cannot drive, and a 20 MB remark selected in tmux.
final class SmallPromisesEndToEndTests: TmuxTestCase {
    /// Runs duban with stdin, stdout and stderr on the given files; the exit status.
    func run(_ args: [String], stdin: String, stdout: String, stderr: String, env: [String] = []) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ["/usr/bin/env", "LANG=C.UTF-8", "TERM=xterm-256color"] + env + [Self.dubanBinary] + args
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cargs { free(a) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, argv[0], &actions, nil, &cargs, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status >> 8) & 0xFF
    }

    func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? -1
    }

    func testWithoutATerminalNotOneByteGoesToStdout() throws {
        let input = dir + "/in", out = dir + "/out", err = dir + "/err"
        FileManager.default.createFile(atPath: input, contents: Data("q\n".utf8))
        for (args, env, expected) in [([planPath], [String](), "仪表盘需要在终端中运行"),
                                      ([planPath, "--lang", "en"], [], "the dashboard needs a terminal"),
                                      ([], ["LANG=en_US.UTF-8"], "duban report"),
                                      (["open", planPath, "--read-only"], [], "duban report")] {
            for stdin in ["/dev/null", input] {
                let code = run(args, stdin: stdin, stdout: out, stderr: err, env: env)
                XCTAssertNotEqual(code, 0, "\(args) exits non-zero")
                XCTAssertEqual(size(out), 0, "\(args) <\(stdin): not a byte on stdout: \(String(describing: try? String(contentsOfFile: out, encoding: .utf8)).debugDescription)")
                let message = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
                XCTAssertTrue(message.contains(expected), "\(args): \(message)")
                XCTAssertFalse(message.contains("\u{1B}"), "no escape on stderr either: \(message.debugDescription)")
            }
        }
        // No journal was started for a plan it never opened.
        XCTAssertFalse(FileManager.default.fileExists(atPath: planPath + ".journal"))
    }

    func testTermDumbUnsetOrUnknownRefusesAndLeavesTheTerminal() throws {
        // Killing the last session makes the tmux server exit, and a new-session racing that
        // exit fails: a second session keeps the server up between the three runs.
        _ = tmux(["new-session", "-d", "-s", session + "-keep", "sleep 600"])
        defer { _ = tmux(["kill-session", "-t", session + "-keep"]) }
        for (env, shown) in [(["TERM=dumb"], "TERM=dumb"), (["TERM=unknown-xyz"], "TERM=unknown-xyz"),
                             (["env", "-u", "TERM"], "未设置 TERM")] {
            start(env: env)
            let screen = waitForText("EXIT=1")
            XCTAssertFalse(screen.contains("┌"), "no dashboard drawn:\n\(screen)")
            let message = (try? String(contentsOfFile: dir + "/stderr", encoding: .utf8)) ?? ""
            XCTAssertTrue(message.contains(shown), message)
            XCTAssertTrue(message.contains("TERM=xterm-256color") && message.contains("duban report"), message)
            assertRestored()
            _ = tmux(["kill-session", "-t", session])
            unlink(dir + "/before"); unlink(dir + "/after"); unlink(dir + "/stderr")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: planPath + ".journal"))
    }

    func testATwentyMegabyteRemarkShowsItsFirstLinesAndKeysRespond() throws {
        var plan = Fixture.plan()
        let piece = "督办进展情况，第一阶段 "
        plan.tasks[1].remarks = String(repeating: piece, count: 20_000_000 / piece.utf8.count)
        try PlanFile.save(plan, to: planPath, backup: false)
        start()
        func frame(_ what: String, _ ok: @escaping (String) -> Bool) -> String {
            waitFor(what, timeout: 60) { ok($0) && self.frameComplete($0, 120, 40) }
        }
        _ = frame("the dashboard") { $0.contains("任务7") }
        keys("j")
        var screen = frame("the 20 MB remark in the detail pane") { $0.contains(" 2/7 ") && $0.contains("备注") && $0.contains("督办进展情况，第一阶段") }
        XCTAssertNotNil(screen.range(of: #"[0-9]+-[0-9]+/[0-9]+\+"#, options: .regularExpression),
                        "the position mark says the total is still being counted:\n\(screen)")
        keys("k")
        screen = frame("back on task 1") { $0.contains(" 1/7 ") && !$0.contains("第一阶段") }
        XCTAssertTrue(screen.contains("已完成年度目标的40%"), screen)
        keys("j")
        screen = frame("the remark again") { $0.contains(" 2/7 ") && $0.contains("督办进展情况，第一阶段") }
        // Into the detail and a few pages down inside the remark.
        keys("Tab")
        keys("NPage"); keys("NPage"); keys("NPage")
        screen = frame("paged inside the remark") { s in
            guard let r = s.range(of: #"([0-9]+)-[0-9]+/[0-9]+\+"#, options: .regularExpression) else { return false }
            return Int(s[r].split(separator: "-")[0]).map { $0 > 30 } ?? false
        }
        XCTAssertTrue(screen.contains("督办进展情况"), screen)
        keys("q")
        _ = waitForText("EXIT=0")
        assertRestored()
    }
}
