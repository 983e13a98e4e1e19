import XCTest
import DubanCore
@testable import DubanTUI
#if canImport(Glibc)
import Glibc
#endif

/// Issue 12, part 2: the rough edges an inspector hit, each in a real terminal (tmux on
/// its own socket, `rough-…`), at the sizes the issue names, on a plan built to show
/// each one: 22 tasks numbered (一) to (二十二), a history kept out of date order, a unit
/// leading 8 tasks with 3 done (37.5%), units whose pinyin order differs from their
/// code points, a unit that leads nothing, a text that wraps before a 。.
final class RoughEdgesEndToEndTests: TmuxTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        socket = "rough-" + socket
        try PlanFile.save(Self.plan(), to: planPath, backup: false)
    }

    static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
                           "十五", "十六", "十七", "十八", "十九", "二十", "二十一", "二十二"]
    /// 36 ideographs fill the detail pane's value column at 120x40 (72 cells): a 。 after
    /// them would start the next line.
    static let wrapText = String(repeating: "督办事项", count: 9) + "。后续工作继续推进，确保按期完成。"

    static func plan() -> Plan {
        func d(_ s: String) -> PlanDate { PlanDate(iso: s) ?? Fixture.asOf }
        var tasks: [PlanTask] = []
        func add(_ text: String, _ lead: [String], co: [String] = [], status: TaskStatus = .inProgress,
                 progress: Int = 20, deadline: String = "2020-12-31", history: [HistoryEntry] = []) {
            let i = tasks.count
            tasks.append(PlanTask(id: "t\(i + 1)", number: "(\(numerals[i]))", chapter: "c1", text: text,
                                  leadUnits: lead, coUnits: co, deadline: d(deadline), status: status,
                                  progress: progress, history: history))
        }
        // (一): its history written newest first in the file, by two people.
        add("建立督办台账，按月通报进展。", ["市教育局"], progress: 40, history: [
            HistoryEntry(date: d("2020-04-17"), status: .inProgress, progress: 40, note: "四月进展", author: "督查室"),
            HistoryEntry(date: d("2020-03-28"), status: .inProgress, progress: 20, note: "三月进展", author: "张三"),
        ])
        // (二): at 50%, shared by 市财政局.
        add("推进义务教育优质均衡发展。", ["市教育局"], co: ["市财政局"], progress: 50)
        // (三): the text that wraps before a 。.
        add(wrapText, ["市科技局"], progress: 10)
        // (四)...(十一): 市财政局 leads 8, 3 done: 37.5%, shown 38%. (十一) is overdue.
        for k in 0..<8 {
            add("财政任务\(k + 1)。", ["市财政局"], status: k < 3 ? .done : .inProgress, progress: k < 3 ? 100 : 30,
                deadline: k == 7 ? "2020-06-30" : "2020-12-31")
        }
        // By code point 东 (U+4E1C) < 中 (U+4E2D) < 代 (U+4EE3); by pinyin 代 dài, 东 dōng, 中 zhōng.
        add("东城街道的任务。", ["东城街道"])
        add("人民银行的任务。", ["中国人民银行界首市支行"])
        add("代桥镇的任务。", ["代桥镇"], co: ["市审计局"])
        for k in 0..<8 { add("科技任务\(k + 1)。", ["市科技局"]) }
        return Plan(title: "督办测试计划", year: 2020, chapters: [Chapter(id: "c1", label: "一", title: "重点任务")],
                    tasks: tasks)
    }

    func lines(_ s: String) -> [String] { s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The left column of a screen's lines (chapters above, units below), up to `││`.
    func left(_ s: String) -> [String] {
        lines(s).map { l in l.range(of: "││").map { String(l[..<$0.lowerBound]) } ?? l }
    }

    /// The inside of the detail pane: the lines between its title and its bottom border,
    /// right of the `││` (or all the line, when it is the only pane).
    func detailRows(_ s: String) -> [String] {
        var out: [String] = []
        var inside = false
        for l in lines(s) {
            let right = l.range(of: "││").map { String(l[$0.upperBound...]) } ?? l
            if right.contains("┌ 详情") { inside = true; continue }
            if inside && right.contains("└") { break }
            if inside { out.append(right.trimmingCharacters(in: CharacterSet(charactersIn: "│"))) }
        }
        return out
    }

    /// A new session name, so a loop over sizes never reuses one being torn down.
    func nextSession(_ tag: String) {
        session = "rough-\(getpid())-\(tag)-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// The screen once a whole frame of that size is drawn.
    func frame(_ what: String, _ w: Int, _ h: Int, _ ok: @escaping (String) -> Bool) -> String {
        waitFor(what) { ok($0) && self.frameComplete($0, w, h) }
    }

    func quit() {
        keys("q")
        _ = waitForText("EXIT=0")
    }

    // MARK: 2. the 序号 column

    func testNumberColumnNeverCutsChineseNumerals() {
        for (w, h) in [(120, 40), (60, 15), (40, 10)] {
            nextSession("\(w)x\(h)")
            // A state folder of its own: the view remembered from the size before (the last
            // task selected) is not this run's start.
            start(width: w, height: h, env: ["XDG_STATE_HOME=\(dir)/state-\(w)x\(h)"])
            _ = frame("the dashboard at \(w)x\(h)", w, h) { $0.contains("(一)") }
            keys("G")
            let screen = frame("the last task at \(w)x\(h)", w, h) { $0.contains("(二十二)") }
            XCTAssertTrue(screen.contains("(二十一)"), "\(w)x\(h):\n\(screen)")
            XCTAssertFalse(screen.contains("(十…") || screen.contains("(二…") || screen.contains("(二十…"),
                           "no number label cut at \(w)x\(h):\n\(screen)")
            // The session stays (its shell sleeps) until tearDown: killing the last one
            // stops the server, and a new session then races its exit.
            quit()
        }
    }

    // MARK: 4. history newest first, with who wrote it

    func testHistoryNewestFirstByDateAndNotesSayWhoWroteThem() {
        start(env: ["DUBAN_AUTHOR=王五"])
        var screen = frame("the first task's history", 120, 40) { $0.contains("三月进展") }
        let ls = lines(screen)
        guard let april = ls.firstIndex(where: { $0.contains("2020-04-17") }),
              let march = ls.firstIndex(where: { $0.contains("2020-03-28") }) else {
            return XCTFail("both entries shown:\n\(screen)")
        }
        XCTAssertLessThan(april, march, "newest first by date, though the file keeps 03-28 last:\n\(screen)")
        XCTAssertTrue(ls[april].contains("· 督查室") && ls[march].contains("· 张三"), "each says who wrote it:\n\(screen)")
        keys("a")
        literal("已召开推进会")
        keys("Enter")
        screen = frame("the new note", 120, 40) { $0.contains("    已召开推进会") && $0.contains("未保存1") }
        let now = lines(screen)
        guard let today = now.firstIndex(where: { $0.contains("2020-09-01") && $0.contains("·") }),
              let before = now.firstIndex(where: { $0.contains("2020-04-17") }) else { return XCTFail(screen) }
        XCTAssertLessThan(today, before, screen)
        XCTAssertTrue(now[today].contains("· 王五"), "the dashboard's note carries its author:\n\(screen)")
        keys("q")
        _ = waitForText("尚未保存")
        keys("n")
        _ = waitForText("EXIT=0")
    }

    // MARK: 5. 已完成 means 100%

    func testProgressHundredIsDoneAndNotStartedIsZero() {
        start()
        _ = frame("the dashboard", 120, 40) { $0.contains("(一)") }
        keys("j")
        _ = frame("task (二)", 120, 40) { $0.contains("2/22") && $0.contains("50%") }
        keys("p", "C-u")
        literal("100")
        keys("Enter")
        var screen = frame("(二) done", 120, 40) { $0.contains("完成4 ") }
        XCTAssertTrue(lines(screen).contains { $0.contains("状态") && $0.contains("已完成") }, screen)
        XCTAssertTrue(screen.contains("进度：50% → 100%；状态：推进中 → 已完成"), "the note says both:\n\(screen)")
        keys("1")
        screen = frame("(二) not started", 120, 40) { $0.contains("完成3 ") && $0.contains("状态：已完成 → 未启动") }
        XCTAssertTrue(lines(screen).contains { $0.contains("(二)") && $0.contains("未启动") && $0.contains(" 0%") },
                      "not started is 0%, never 未启动 100%:\n\(screen)")
        keys("q")
        _ = waitForText("尚未保存")
        keys("n")
        _ = waitForText("EXIT=0")
    }

    // MARK: 6, 7, 8. the workload pane: sort column, zeros, 0 of 0, rounding, pinyin, roles

    func testWorkloadPaneShowsItsSortZerosRatesAndPinyinOrder() {
        start(width: 160, height: 40)
        let screen = frame("the workload pane", 160, 40) { $0.contains("单位 7") }
        let ls = left(screen)
        XCTAssertTrue(screen.contains("单位 7 ↓牵头"), "the title names the sort column:\n\(screen)")
        XCTAssertTrue(ls.contains { $0.contains("↓牵头") && $0.contains("完成率") }, "the header marks it:\n\(screen)")
        // Names whole when the pane has room.
        XCTAssertTrue(screen.contains("中国人民银行界首市支行"), screen)
        // 3 of 8 done: 38%, not 37%.
        guard let finance = ls.first(where: { $0.contains("市财政局") && $0.contains("%") }) else { return XCTFail(screen) }
        XCTAssertTrue(finance.contains("38%"), finance)
        XCTAssertFalse(finance.contains("37%"), finance)
        // A unit that leads nothing: · for its zeros, — for its rate, and last.
        guard let audit = ls.firstIndex(where: { $0.contains("市审计局") }),
              let bank = ls.firstIndex(where: { $0.contains("中国人民银行界首市支行") }),
              let east = ls.firstIndex(where: { $0.contains("东城街道") && !$0.contains("任务") }),
              let dai = ls.firstIndex(where: { $0.contains("代桥镇") && !$0.contains("任务") }) else { return XCTFail(screen) }
        XCTAssertTrue(ls[audit].contains("—") && !ls[audit].contains("0%"), "0 of 0 is no rate: \(ls[audit])")
        XCTAssertFalse(ls[audit].contains(" 0 "), "zero is · in every column: \(ls[audit])")
        XCTAssertGreaterThan(audit, bank, "a unit leading nothing does not rank before the others")
        // Equal counts in pinyin order: 代桥镇, 东城街道, 中国人民银行.
        XCTAssertLessThan(dai, east, screen)
        XCTAssertLessThan(east, bank, screen)
        // Sorted by 完成率 (o twice: overdue, then percent): the unit leading nothing stays last.
        keys("Tab", "Tab")
        _ = frame("the workload pane focused", 160, 40) { $0.contains("o 排序") }
        keys("o", "o")
        let byRate = frame("sorted by 完成率", 160, 40) { $0.contains("↓完成率") }
        let rl = left(byRate)
        guard let first = rl.firstIndex(where: { $0.contains("市财政局") && $0.contains("%") }),
              let auditNow = rl.firstIndex(where: { $0.contains("市审计局") }) else { return XCTFail(byRate) }
        XCTAssertLessThan(first, auditNow, "38% first, the unit with no rate last:\n\(byRate)")
        quit()
    }

    func testWorkloadNamesWholeAt120x40OnTheDemo() throws {
        // The shipped demo plan (a file of the repository), where 市自然资源和… was cut.
        let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/DubanImport/Resources/demo-plan.json")
        try? FileManager.default.removeItem(atPath: planPath)
        try FileManager.default.copyItem(at: demo, to: URL(fileURLWithPath: planPath))
        start()
        let screen = frame("the demo", 120, 40) { $0.contains("单位 72") }
        let ls = left(screen)
        for name in ["市自然资源和规划局", "市住房和城乡建设局", "市经济和信息化局"] {
            XCTAssertTrue(ls.contains { $0.contains(name) }, "\(name) whole:\n\(screen)")
        }
        XCTAssertTrue(screen.contains("单位 72 ↓牵头"), screen)
        quit()
    }

    func testAUnitsTasksSayWhichItLeadsAndWhichItShares() {
        start(width: 160, height: 40)
        _ = frame("the dashboard", 160, 40) { $0.contains("单位 7") }
        keys("Tab", "Tab")
        _ = frame("the workload pane focused", 160, 40) { $0.contains("o 排序") }
        keys("j")
        keys("Enter")
        let screen = frame("市财政局's tasks", 160, 40) { $0.contains("任务 1/9") }
        let ls = lines(screen)
        XCTAssertTrue(ls.contains { $0.contains("角色") && $0.contains("序号") }, screen)
        XCTAssertTrue(ls.contains { $0.contains("(二)") && $0.contains("协同") }, "shared:\n\(screen)")
        XCTAssertTrue(ls.contains { $0.contains("(四)") && $0.contains("牵头") }, "led:\n\(screen)")
        quit()
    }

    // MARK: 7. 序时进度 rounded half up

    func testExpectedProgressRoundedHalfUp() {
        start()
        keys("j", "j")
        // 244 of 365 days by 2020-09-01: 66.8%, shown 67%.
        let screen = frame("task (三)'s light", 120, 40) { $0.contains("3/22") && $0.contains("序时进度") }
        XCTAssertTrue(screen.contains("序时进度67%"), screen)
        XCTAssertFalse(screen.contains("序时进度66%"), screen)
        // The chapter pane: 3 of 22 done is 13.6%, shown 14%.
        XCTAssertTrue(lines(screen).contains { $0.contains("全部任务") && $0.contains("14%") }, screen)
        quit()
    }

    // MARK: 9. 避头尾

    func testWrappedLinesNeverStartWithClosingPunctuation() {
        start()
        keys("j", "j")
        var screen = frame("task (三)'s text", 120, 40) { $0.contains("3/22") && $0.contains("后续工作") }
        // The detail pane's lines, each without the label column's blanks.
        func starts(_ s: String) -> [String] {
            detailRows(s).compactMap { l in
                let t = l.trimmingCharacters(in: .whitespaces)
                return t.isEmpty ? nil : String(t.prefix(1))
            }
        }
        XCTAssertFalse(starts(screen).isEmpty, screen)
        XCTAssertTrue(detailRows(screen).contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("项。后续") },
                      "the 。 went down with the character before it:\n\(screen)")
        for first in starts(screen) { XCTAssertFalse("。，、；：？！）》」』,.;:?!)".contains(first), "a line starts with \(first):\n\(screen)") }
        tmux(["resize-window", "-t", session, "-x", "60", "-y", "30"])
        screen = frame("60x30", 60, 30) { $0.contains("┌ 详情") }
        XCTAssertFalse(starts(screen).isEmpty, screen)
        for first in starts(screen) { XCTAssertFalse("。，、；：？！）》」』,.;:?!)".contains(first), "a line starts with \(first):\n\(screen)") }
        quit()
    }

    // MARK: 12. the too-small message

    func testTooSmallMessageKeepsSizesWhole() {
        for (w, h) in [(20, 5), (14, 5), (23, 3)] {
            nextSession("\(w)x\(h)")
            start(width: w, height: h)
            let screen = waitFor("the too-small message at \(w)x\(h)") { $0.contains("终端太小") || $0.contains("现在是") }
            XCTAssertTrue(screen.contains("24x6"), "24x6 whole at \(w)x\(h):\n\(screen)")
            XCTAssertTrue(screen.contains("\(w)x\(h)"), "\(w)x\(h) whole:\n\(screen)")
            for l in lines(screen) { XCTAssertFalse(l.hasSuffix("24") || l.trimmingCharacters(in: .whitespaces).hasPrefix("x6"), l) }
            // The session stays (its shell sleeps) until tearDown: killing the last one
            // stops the server, and a new session then races its exit.
            quit()
        }
    }

    // MARK: 13. a theme that does not exist

    func testMissingThemeIsSaidInWords() {
        start(["--theme", "bogus"])
        let screen = frame("the theme message", 120, 40) { $0.contains("bogus") }
        XCTAssertTrue(screen.contains("没有名为“bogus”的主题"), screen)
        XCTAssertFalse(screen.contains(":0:0"), screen)
        quit()
    }

    // MARK: 16. the deadline editor reads what the importer reads

    func testDeadlineEditorAcceptsChineseDates() {
        start()
        _ = frame("the dashboard", 120, 40) { $0.contains("(一)") }
        for (typed, shown) in [("10月15日", "2020-10-15"), ("6月底", "2020-06-30"), ("2020.6.30", "2020-06-30"), ("年底", "2020-12-31")] {
            keys("e", "C-u")
            literal(typed)
            keys("Enter")
            let screen = frame("deadline \(typed)", 120, 40) { $0.contains("完成时限  \(shown)") }
            XCTAssertFalse(screen.contains("无法识别"), screen)
        }
        keys("e", "C-u")
        literal("下个月吧")
        keys("Enter")
        _ = frame("the refusal", 120, 40) { $0.contains("时限“下个月吧”无法识别") }
        keys("Escape", "q")
        _ = waitForText("尚未保存")
        keys("n")
        _ = waitForText("EXIT=0")
    }

    // MARK: 18. what ! means, and one count in the title and the chapter pane

    func testRedMarkerLegendInHintLineAndHelpAndTheTitleAgrees() {
        start()
        let screen = frame("the dashboard", 120, 40) { $0.contains("(一)") }
        XCTAssertTrue(screen.contains("! 红=逾期或滞后"), "the hint line says what ! is:\n\(screen)")
        // 1 overdue task, 1 red: the chapter pane's !1 and the title's 红灯1.
        XCTAssertTrue(screen.contains("红灯1"), screen)
        XCTAssertTrue(lines(screen).contains { $0.contains("全部任务") && $0.contains("!1") }, screen)
        keys("?")
        let help = frame("the help screen", 120, 40) { $0.contains("红灯：逾期或滞后") }
        XCTAssertTrue(help.contains("黄灯：临近时限或落后于序时进度"), help)
        XCTAssertTrue(help.contains("!N ~N"), help)
        keys("Escape")
        quit()
    }

    // MARK: 14, 15. --help in Chinese, --version, man duban from the built page

    /// A shell in tmux running a command line; the screen once it printed `DONE`.
    func shell(_ line: String, width: Int = 80, height: Int = 40, env: [String] = []) -> String {
        nextSession("sh")
        let cmd = ["env", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "HOME=\(dir)", "TERM=screen-256color"] + env
            + ["sh", "-c", line + "; echo DONE; exec sleep 600"]
        let r = tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", shellJoin(cmd)])
        XCTAssertEqual(r.status, 0)
        return waitForText("DONE")
    }

    func testChineseHelpVersionAndManPage() throws {
        let bin = shellJoin([Self.dubanBinary])
        var screen = shell("\(bin) --version")
        XCTAssertTrue(screen.contains("0.12.0"), screen)
        screen = shell("\(bin) set --help | head -30", width: 60)
        XCTAssertTrue(screen.contains("已完成即 100%"), "Chinese under the Chinese interface:\n\(screen)")
        XCTAssertTrue(screen.contains("示例："), screen)
        for l in lines(screen) { XCTAssertLessThanOrEqual(DisplayWidth.of(l), 60, "wrapped once, to the width: \(l)") }
        screen = shell("\(bin) --help", width: 80)
        XCTAssertTrue(screen.contains("--generate-completion-script"), "the completions are mentioned:\n\(screen)")
        screen = shell("\(bin) --lang fr --help; echo rc=$?")
        XCTAssertTrue(screen.contains("rc=64") && screen.contains("--lang fr"), screen)
        // man duban from the page make install put under a PREFIX.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let prefix = dir + "/prefix"
        screen = shell("cd \(shellJoin([root])) && make -s install-built BIN=\(bin) PREFIX=\(shellJoin([prefix])) && echo installed", width: 100)
        XCTAssertTrue(screen.contains("installed"), screen)
        for f in ["bin/duban", "share/man/man1/duban.1", "share/bash-completion/completions/duban",
                  "share/zsh/site-functions/_duban", "share/fish/vendor_completions.d/duban.fish"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: prefix + "/" + f), f)
        }
        screen = shell("MANPATH=\(shellJoin([prefix + "/share/man"])) MANPAGER=cat MANWIDTH=80 man duban | head -30", width: 100)
        XCTAssertTrue(screen.contains("DUBAN(1)"), screen)
        XCTAssertTrue(screen.contains("(重点工作任务督办)"), screen)
    }
}
