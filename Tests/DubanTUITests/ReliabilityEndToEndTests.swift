import XCTest
import DubanCore
@testable import DubanTUI
#if canImport(Glibc)
import Glibc
#endif

/// Issue 6's promises for the dashboard, in a real terminal (tmux, see `TmuxTestCase`):
/// edits survive a SIGKILL through the journal, a plan saved by someone else is merged
/// and not overwritten, hostile text never reaches the terminal raw, SIGHUP and Ctrl-Z
/// give the terminal back, and a plan that cannot be written opens read-only.
final class ReliabilityEndToEndTests: TmuxTestCase {
    var journalPath: String { planPath + ".journal" }
    var restarts = 0

    /// Starts duban again in a new tmux session. The old one stays (its script waits in
    /// `sleep`): killing the server's last session would stop the server, and a new
    /// session started right then can fail.
    func restart(_ args: [String] = []) {
        restarts += 1
        session = session.split(separator: "~").first.map(String.init).map { $0 + "~\(restarts)" } ?? session
        unlink(dir + "/before")
        unlink(dir + "/after")
        start(args)
    }

    /// A killed duban leaves the terminal as it was (nothing can run on SIGKILL), so the
    /// script's EXIT line may not show: wait for the process to be gone instead.
    func waitUntilGone(_ pid: pid_t, file: StaticString = #filePath, line: UInt = #line) {
        let end = Date().addingTimeInterval(15)
        while Date() < end {
            if kill(pid, 0) != 0 && errno == ESRCH { return }
            usleep(20_000)
        }
        XCTFail("process \(pid) still there", file: file, line: line)
    }

    func waitForFrame(_ what: String, width: Int = 120, height: Int = 40, file: StaticString = #filePath, line: UInt = #line,
                      _ ok: @escaping (String) -> Bool = { _ in true }) -> String {
        waitFor(what, file: file, line: line) { ok($0) && self.frameComplete($0, width, height) }
    }

    // MARK: the journal

    func testAKilledDashboardsEditsComeBackThroughTheRecoveryDialog() throws {
        start()
        _ = waitForText("任务7")
        keys("3")
        _ = waitForText("未保存1")
        keys("a")
        literal("已召开推进会")
        keys("Enter")
        _ = waitForText("未保存2")
        // Shown as done, so already in the journal: a SIGKILL gives no chance to save.
        guard let pid = dubanPID() else { return }
        kill(pid, SIGKILL)
        waitUntilGone(pid)
        XCTAssertEqual(try PlanFile.load(path: planPath).tasks[0].status, .inProgress, "nothing was saved")
        guard case .pending(2, false, _) = Journal.status(planPath: planPath) else {
            return XCTFail("the journal holds both edits: \(Journal.status(planPath: planPath))")
        }

        restart()
        let dialog = waitForFrame("the recovery dialog") { $0.contains("恢复未保存的修改") && $0.contains("退出（修改留待下次）") }
        XCTAssertTrue(dialog.contains("日志中有2处修改"), dialog)
        XCTAssertTrue(dialog.contains("[1] 状态：推进中 → 已完成"), dialog)
        XCTAssertTrue(dialog.contains("[1] 已召开推进会"), dialog)
        XCTAssertTrue(dialog.contains("丢弃（留存为 \(planPath).journal.discarded"), dialog)
        keys("r")
        let replayed = waitForText("已恢复2处修改")
        XCTAssertTrue(replayed.contains("未保存2"), "the title counts the replayed edits as unsaved:\n\(replayed)")
        XCTAssertTrue(replayed.contains("已召开推进会"), "the detail pane shows the note again:\n\(replayed)")
        keys("w")
        _ = waitForText("已保存")
        let plan = try PlanFile.load(path: planPath)
        XCTAssertEqual(plan.tasks[0].status, .done)
        XCTAssertEqual(plan.tasks[0].history.map(\.note).suffix(2), ["状态：推进中 → 已完成；进度：40% → 100%", "已召开推进会"])
        if case .pending = Journal.status(planPath: planPath) { XCTFail("the save emptied the journal") }
        keys("q")
        _ = waitForText("EXIT=0")
        XCTAssertFalse(FileManager.default.fileExists(atPath: journalPath), "quitting with nothing unsaved removes the journal")
        assertRestored()
    }

    func testDiscardingInTheRecoveryDialogSetsTheEditsAside() throws {
        start()
        _ = waitForText("任务7")
        keys("3")
        _ = waitForText("未保存1")
        guard let pid = dubanPID() else { return }
        kill(pid, SIGKILL)
        waitUntilGone(pid)
        restart()
        _ = waitForFrame("the recovery dialog") { $0.contains("恢复未保存的修改") }
        keys("d")
        let screen = waitForText("已丢弃上次的修改")
        XCTAssertFalse(screen.contains("未保存"), screen)
        XCTAssertTrue(FileManager.default.fileExists(atPath: planPath + ".journal.discarded"))
        keys("q")
        _ = waitForText("EXIT=0")
        XCTAssertEqual(try PlanFile.load(path: planPath).tasks[0].status, .inProgress)
        XCTAssertEqual(Journal.status(planPath: planPath), .clear)
    }

    func testChoosingReadOnlyInTheRecoveryDialogKeepsTheEditsForLater() throws {
        start()
        _ = waitForText("任务7")
        keys("3")
        _ = waitForText("未保存1")
        guard let pid = dubanPID() else { return }
        kill(pid, SIGKILL)
        waitUntilGone(pid)
        restart()
        _ = waitForFrame("the recovery dialog") { $0.contains("恢复未保存的修改") }
        keys("v")
        _ = waitForText("只读：有未恢复的修改")
        keys("4")
        _ = waitForText("尚未恢复，已只读打开：不能修改")
        keys("q")
        _ = waitForText("EXIT=0")
        guard case .pending(1, false, _) = Journal.status(planPath: planPath) else {
            return XCTFail("the edit still waits: \(Journal.status(planPath: planPath))")
        }
    }

    func testReadOnlySaysWhenAnEarlierSessionsChangesWait() throws {
        start()
        _ = waitForText("任务7")
        keys("3")
        _ = waitForText("未保存1")
        guard let pid = dubanPID() else { return }
        kill(pid, SIGKILL)
        waitUntilGone(pid)
        restart(["--read-only"])
        let screen = waitForFrame("read-only, no dialog") { $0.contains("只读") }
        XCTAssertTrue(screen.contains("上次会话未保存的1处修改"), screen)
        XCTAssertFalse(screen.contains("恢复未保存的修改"), "no dialog when read-only:\n\(screen)")
        keys("q")
        _ = waitForText("EXIT=0")
        guard case .pending(1, false, _) = Journal.status(planPath: planPath) else {
            return XCTFail("still waiting: \(Journal.status(planPath: planPath))")
        }
    }

    func testASecondDubanOnTheSamePlanOpensReadOnly() throws {
        start()
        _ = waitForText("任务7")
        let first = session
        session = first + "-second"
        start()
        _ = waitForText("只读：另一督办正在编辑")
        keys("3")
        _ = waitForText("另一个督办正在编辑此计划")
        keys("q")
        _ = waitForText("EXIT=0")
        session = first
        keys("3", "w")
        _ = waitForText("已保存")
        XCTAssertEqual(try PlanFile.load(path: planPath).tasks[0].status, .done, "the first one still edits")
        keys("q")
        _ = waitForText("EXIT=0")
    }

    // MARK: a plan changed on disk

    func testAPlanSavedFromOutsideIsMergedNotOverwritten() throws {
        start()
        _ = waitForText("任务7")
        keys("3")
        _ = waitForText("未保存1")
        // Another inspector saves the plan meanwhile: task 7 done.
        var theirs = try PlanFile.load(path: planPath)
        theirs.tasks[6].status = .done
        theirs.tasks[6].progress = 100
        try PlanFile.save(theirs, to: planPath)
        keys("w")
        let dialog = waitForFrame("the changed-on-disk dialog") { $0.contains("文件已被他人修改") && $0.contains("取消（暂不保存）") }
        XCTAssertTrue(dialog.contains("你有1处修改未保存"), dialog)
        for option in ["合并：把你的修改重放到新版本上，再保存", "重新载入新版本（放弃你的修改，先确认）", "另存为其他文件…", "c  取消（暂不保存）"] {
            XCTAssertTrue(dialog.contains(option), "offers \(option):\n\(dialog)")
        }
        XCTAssertEqual(try PlanFile.load(path: planPath), theirs, "not overwritten")
        keys("m")
        _ = waitForText("已把1处修改合并到新版本")
        let merged = try PlanFile.load(path: planPath)
        XCTAssertEqual(merged.tasks[0].status, .done, "yours")
        XCTAssertEqual(merged.tasks[0].history.last?.note, "状态：推进中 → 已完成；进度：40% → 100%")
        XCTAssertEqual(merged.tasks[6].status, .done, "theirs")
        XCTAssertEqual(merged.tasks[6].progress, 100, "theirs")
        keys("q")
        _ = waitForText("EXIT=0")
        XCTAssertFalse(FileManager.default.fileExists(atPath: journalPath))
    }

    func testAPlanSavedFromOutsideCanBeSavedElsewhere() throws {
        start()
        _ = waitForText("任务7")
        keys("3")
        _ = waitForText("未保存1")
        var theirs = try PlanFile.load(path: planPath)
        theirs.title = "他人保存的版本"
        try PlanFile.save(theirs, to: planPath)
        keys("w")
        _ = waitForFrame("the changed-on-disk dialog") { $0.contains("文件已被他人修改") }
        keys("s")
        _ = waitForText("保存为：")
        keys("Enter")
        let mine = dir + "/plan-2.json"
        _ = waitForText("已保存：\(mine)")
        XCTAssertEqual(try PlanFile.load(path: mine).tasks[0].status, .done)
        XCTAssertEqual(try PlanFile.load(path: planPath), theirs, "theirs untouched")
        keys("q")
        _ = waitForText("EXIT=0")
    }

    // MARK: hostile text

    func testEscapeSequencesInTextsNeverReachTheTerminal() throws {
        // The test can see an escape get through: a raw OSC 0 does retitle a pane here.
        let probe = session + "-probe"
        tmux(["new-session", "-d", "-s", probe, "printf '\\033]0;PROBE-TITLE\\007'; sleep 30"])
        _ = waitFor("the probe's title") { _ in
            self.tmux(["display-message", "-p", "-t", probe, "#{pane_title}"]).out.contains("PROBE-TITLE")
        }
        tmux(["kill-session", "-t", probe])

        let nasty = "\u{1B}[31m红\u{1B}]0;PWNED\u{07}题\u{1B}[2J清屏\r回车\u{08}退格\u{9B}31mC1\u{202E}反向"
        var plan = Fixture.plan()
        plan.title = "计划" + nasty
        plan.tasks[0].text = "任务" + nasty
        plan.tasks[0].remarks = "备注" + nasty
        plan.tasks[0].leadUnits = ["单位\u{1B}]0;PWNED\u{07}"]
        plan.tasks[0].history.append(HistoryEntry(date: Fixture.asOf, status: .inProgress, progress: 40, note: "记录" + nasty))
        try PlanFile.save(plan, to: planPath, backup: false)
        start()
        _ = waitForText("任务7")
        let titleBefore = tmux(["display-message", "-p", "-t", session, "#{host}"]).out
        let screen = waitForFrame("a whole frame with the hostile task in the detail pane") { $0.contains("备注") }
        // Visible placeholders instead of the controls.
        for shown in ["^[[31m红", "^[]0;PWNED^G题", "^[[2J清屏", "↵回车", "^H退格", "<U+202E>"] {
            XCTAssertTrue(screen.contains(shown), "shows \(shown):\n\(screen)")
        }
        XCTAssertTrue(screen.contains("<9B>31mC1"),
                      "the C1 CSI shows as a placeholder:\n\(screen)")
        let raw = capture(escapes: true)
        for bad in ["\u{1B}]", "\u{1B}[2J", "\u{9B}", "\u{202E}", "\u{07}", "\u{08}", "\r"] {
            XCTAssertFalse(raw.contains(bad), "no \(bad.debugDescription) on screen")
        }
        XCTAssertEqual(tmux(["display-message", "-p", "-t", session, "#{pane_title}"]).out, titleBefore,
                       "the pane's title is unchanged")
        XCTAssertFalse(tmux(["display-message", "-p", "-t", session, "#{pane_title}"]).out.contains("PWNED"))
        keys("q")
        _ = waitForText("EXIT=0")
        assertRestored()
    }

    // MARK: huge input

    func testAOneMegabyteLineKeepsTheLayout() throws {
        var plan = Fixture.plan()
        plan.tasks[0].text = String(String(repeating: "很长的一行\u{1B}[31m", count: 100_000).prefix(1_000_000))
        plan.tasks[1].remarks = String(repeating: "x", count: 1_000_000)
        try PlanFile.save(plan, to: planPath, backup: false)
        start()
        var screen = waitForFrame("a whole frame with the 1 MB task selected") { $0.contains("任务7") && $0.contains("很长的一行^[[31m") }
        XCTAssertTrue(screen.contains("很长的一行^[[31m很长的一行^[[31m很…"), "cut with an ellipsis:\n\(screen)")
        keys("j")
        screen = waitForFrame("a whole frame with the 1 MB remarks in the detail pane") { $0.contains(" 2/7 ") && $0.contains("xxxxxxxxxx") }
        XCTAssertTrue(screen.contains("│备注      xxxx"), "the remarks wrapped inside the detail pane:\n\(screen)")
        keys("q")
        _ = waitForText("EXIT=0")
        assertRestored()
    }

    // MARK: the terminal

    func testTerminalRestoredOnSIGHUP() {
        start()
        _ = waitForText("任务7")
        guard let pid = dubanPID() else { return }
        kill(pid, SIGHUP)
        _ = waitForText("EXIT=129")
        assertRestored()
    }

    func testCtrlZSuspendsAndFgRedraws() {
        // Job control needs an interactive shell: start one, then run duban from it.
        let shell = ["env", "-u", "NO_COLOR", "-u", "COLORTERM", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "HOME=\(dir)",
                     "TERM=screen-256color", "PS1=READY$ ", "/bin/bash", "--norc", "--noprofile", "-i"]
        XCTAssertEqual(tmux(["new-session", "-d", "-s", session, "-x", "120", "-y", "40", shellJoin(shell)]).status, 0)
        _ = waitForText("READY$")
        // One command a line: a job stopped inside a list lets the rest of the list run.
        literal("stty -g > \(dir)/before")
        keys("Enter")
        literal("\(Self.dubanBinary) open \(planPath) --as-of 2020-09-01")
        keys("Enter")
        _ = waitForFrame("the dashboard") { $0.contains("任务7") }
        keys("C-z")
        let stopped = waitFor("the shell's prompt after Ctrl-Z") { $0.contains("Stopped") && !$0.contains("┌") }
        XCTAssertFalse(stopped.contains("任务7"), stopped)
        // The shell goes on while duban is stopped.
        literal("echo STILL-$((40+2))")
        keys("Enter")
        _ = waitForText("STILL-42")
        literal("fg")
        keys("Enter")
        _ = waitForFrame("the dashboard redrawn after fg") { $0.contains("任务7") && $0.contains("┌ 任务") }
        keys("3")
        _ = waitForText("未保存1")
        keys("q")
        _ = waitForText("有1处修改尚未保存")
        keys("n")
        _ = waitFor("the prompt after quitting") { $0.hasSuffix("READY$") || $0.contains("READY$ \n") || $0.split(separator: "\n").last == "READY$" }
        literal("echo EXIT=$?")
        keys("Enter")
        _ = waitFor("duban's exit status") { $0.contains("\nEXIT=0") }
        literal("stty -g > \(dir)/after")
        keys("Enter")
        assertRestored()
    }

    // MARK: read-only files

    func testAReadOnlyPlanFileOpensReadOnlyWithABanner() throws {
        chmod(planPath, 0o444)
        defer { chmod(planPath, 0o644) }
        start()
        let screen = waitForFrame("the banner") { $0.contains("只读：文件不可写") }
        XCTAssertTrue(screen.contains("不可写（文件或所在文件夹没有写权限）"), "says why, at once:\n\(screen)")
        keys("3")
        _ = waitForText("plan.json 不可写")
        keys("a")
        _ = waitForText("plan.json 不可写")
        keys("w")
        _ = waitForText("plan.json 不可写")
        XCTAssertFalse(screen.contains("未保存"))
        keys("q")
        _ = waitForText("EXIT=0")
        XCTAssertEqual(try PlanFile.load(path: planPath).tasks[0].status, .inProgress)
        XCTAssertFalse(FileManager.default.fileExists(atPath: journalPath), "no journal for a read-only plan")
    }

    func testAPlanInAFolderThatCannotBeWrittenOpensReadOnly() throws {
        let folder = dir + "/locked"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let plan = folder + "/plan.json"
        try PlanFile.save(Fixture.plan(), to: plan, backup: false)
        chmod(folder, 0o555)
        defer { chmod(folder, 0o755) }
        start([plan])
        _ = waitForFrame("the banner") { $0.contains("只读：文件不可写") }
        keys("3")
        _ = waitForText("plan.json 不可写")
        keys("q")
        _ = waitForText("EXIT=0")
        XCTAssertEqual(try PlanFile.load(path: plan).tasks[0].status, .inProgress)
        XCTAssertFalse(FileManager.default.fileExists(atPath: plan + ".journal"))
    }
}
