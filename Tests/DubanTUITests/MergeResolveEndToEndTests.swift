import XCTest
import DubanCore
import DubanTestSupport

/// issue 14, sheetsdash: `duban merge PLAN A.xlsx B.xlsx --resolve` in a real terminal
/// (tmux on its own socket, `sheetsdash-…`): two returned sheets conflict on one task's
/// status; the conflict is shown side by side, resolved with keys, and `w` saves: the plan
/// on disk holds the chosen value and the plain change, each with its history entry, the
/// sheet's unit as author and the sheet's period.
final class MergeResolveEndToEndTests: TmuxTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        socket = "sheetsdash-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    func run(_ args: [String]) -> (out: String, status: Int32) {
        Self.spawn([Self.dubanBinary] + args, capture: true)
    }

    func python(_ script: String, _ args: [String]) throws {
        let path = dir + "/edit.py"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        let r = Self.spawn(["/usr/bin/env", "python3", path] + args, capture: true)
        XCTAssertEqual(r.status, 0, "python: \(r.out)")
    }

    func testTwoSheetsConflictingOnOneTaskResolvedWithKeysAndSaved() throws {
        let a = dir + "/人社局.xlsx", b = dir + "/县区.xlsx"
        let ex = run(["export", planPath, "--unit", "市人力资源和社会保障局", "--as-of", "2020-09-01", "--period", "2020-08", "-o", a])
        XCTAssertEqual(ex.status, 0, ex.out)
        // Sheet A: t1 已完成 and t2 80%; sheet B (sent back by the co-unit): t1 滞后.
        try python("""
        import sys, openpyxl
        def edit(src, dst, values, unit=None):
            wb = openpyxl.load_workbook(src)
            ws = wb.worksheets[0]
            head = next(r for r in ws.iter_rows() if any(c.value == "状态" for c in r))
            col = {c.value: c.column for c in head}
            for row in ws.iter_rows(min_row=head[0].row + 1):
                ids = [c.value for c in row]
                for (tid, name, v) in values:
                    if tid in ids: ws.cell(row=row[0].row, column=col[name]).value = v
            if unit:
                rec = wb["_duban"]
                for r in rec.iter_rows():
                    if r[0].value == "unit": r[1].value = unit
            wb.save(dst)
        edit(sys.argv[1], sys.argv[2], [("t1", "状态", "滞后")], unit="各县(市)区政府")
        edit(sys.argv[1], sys.argv[1], [("t1", "状态", "已完成"), ("t2", "进度", 80)])
        """, [a, b])
        let script = """
        #!/bin/sh
        "\(Self.dubanBinary)" merge "$@" 2> "\(dir)/stderr"
        echo "EXIT=$?"
        exec sleep 600
        """
        try script.write(toFile: dir + "/merge.sh", atomically: true, encoding: .utf8)
        let cmd = ["env", "-u", "NO_COLOR", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "HOME=\(dir)", "TERM=screen-256color", "DUBAN_AUTHOR=督查室",
                   "sh", dir + "/merge.sh", planPath, a, b, "--resolve", "--as-of", "2020-09-15"]
        XCTAssertEqual(tmux(["new-session", "-d", "-s", session, "-x", "120", "-y", "40", shellJoin(cmd)]).status, 0)

        // The conflict, side by side: the plan's value and each sheet's, with who and when.
        let screen = waitForText("合并冲突 1/1")
        for t in ["推进中", "已完成", "滞后", "人社局.xlsx", "县区.xlsx", "各县(市)区政府", "2020-08"] {
            XCTAssertTrue(screen.contains(t), "\(t) missing:\n\(screen)")
        }
        // → selects the second sheet, t takes its 滞后; then w saves and q quits.
        keys("Right")
        keys("t")
        waitForText("冲突处理完毕")
        keys("w")
        waitForText("已保存")
        keys("q")
        waitForText("EXIT=0")

        let plan = try PlanFile.load(path: planPath)
        let t1 = try XCTUnwrap(plan.tasks.first { $0.id == "t1" })
        XCTAssertEqual(t1.status, .lagging)
        XCTAssertEqual(t1.history.last?.author, "各县(市)区政府")
        XCTAssertEqual(t1.history.last?.period, "2020-08")
        XCTAssertEqual(t1.history.last?.date.iso, "2020-09-15")
        XCTAssertEqual(t1.history.count, 2, "the fixture's entry and the merge's")
        let t2 = try XCTUnwrap(plan.tasks.first { $0.id == "t2" })
        XCTAssertEqual(t2.progress, 80)
        XCTAssertEqual(t2.history.last?.author, "市人力资源和社会保障局")
        XCTAssertEqual(t2.history.last?.period, "2020-08")
        // Nothing else changed.
        let before = DashboardFixture.plan()
        for (x, y) in zip(plan.tasks, before.tasks) where x.id != "t1" && x.id != "t2" { XCTAssertEqual(x, y, x.id) }
    }
}
