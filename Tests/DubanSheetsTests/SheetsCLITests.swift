import DubanCore
import DubanSheets
import Foundation
import XCTest

/// `duban export`, `duban merge` and `duban import` run as a user runs them.
final class SheetsCLITests: XCTestCase {
    func writePlan(_ dir: URL) throws -> String {
        let path = dir.appendingPathComponent("plan.json").path
        try OutputFile.write(PlanJSON.encode(fixturePlan()), to: path)
        return path
    }

    func testDryRunPrintsExactlyWhatTheMergeThenDoes() throws {
        let dir = try scratch("cli-dry")
        let plan = try writePlan(dir)
        let ex = try duban(["export", plan, "--per-unit", "台账", "--as-of", "2020-09-01", "--period", "2020-09"], in: dir)
        XCTAssertEqual(ex.status, 0, ex.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("台账").path).sorted(),
                       ["市发展改革委.xlsx", "市财政局.xlsx"])
        try editWithOpenpyxl(dir.appendingPathComponent("台账/市财政局.xlsx").path, dir.appendingPathComponent("back.xlsx").path, """
        ws["G3"] = "已完成"
        ws["I5"] = "常态化推进"
        """)
        let before = try Data(contentsOf: URL(fileURLWithPath: plan))
        let dry = try duban(["merge", plan, "back.xlsx", "--dry-run", "--as-of", "2020-09-20"], in: dir)
        XCTAssertEqual(dry.status, 0, dry.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: plan)), before, "a dry run saves nothing")
        let real = try duban(["merge", plan, "back.xlsx", "--as-of", "2020-09-20"], in: dir)
        XCTAssertEqual(real.status, 0, real.err)
        let dryLines = dry.out.split(separator: "\n").dropLast()   // less "试运行：…"
        let realLines = real.out.split(separator: "\n").dropLast() // less "已合并到 …"
        XCTAssertEqual(Array(dryLines), Array(realLines))
        XCTAssertEqual(Array(dryLines), [
            "back.xlsx 台账!G3  任务 3（t3）状态：未启动 → 已完成",
            "back.xlsx 台账!I5  任务 5（t5）本期进展：— → 常态化推进",
            "1 个表格：2 处修改，0 处冲突（未合并）",
        ])
        let after = try PlanFile.load(path: plan)
        XCTAssertEqual(after.tasks[2].status, .done)
        XCTAssertEqual(after.tasks[2].history.last?.author, "市财政局")
        XCTAssertEqual(after.tasks[4].history.last?.note, "常态化推进")
        XCTAssertEqual(after.tasks[4].history.last?.period, "2020-09")
        XCTAssertTrue(FileManager.default.fileExists(atPath: plan + ".bak"))
    }

    func testOneBadSheetAmongGoodOnesMergesNothing() throws {
        let dir = try scratch("cli-all")
        let plan = try writePlan(dir)
        XCTAssertEqual(try duban(["export", plan, "--unit", "市发展改革委", "-o", "a.xlsx", "--as-of", "2020-09-01"], in: dir).status, 0)
        XCTAssertEqual(try duban(["export", plan, "--unit", "市财政局", "-o", "b.xlsx", "--as-of", "2020-09-01"], in: dir).status, 0)
        try editWithOpenpyxl(dir.appendingPathComponent("a.xlsx").path, dir.appendingPathComponent("a2.xlsx").path, #"ws["G3"] = "已完成""#)
        try editWithOpenpyxl(dir.appendingPathComponent("b.xlsx").path, dir.appendingPathComponent("b2.xlsx").path, #"ws["H3"] = "一半""#)
        let xls = dir.appendingPathComponent("old.xls")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: xls)
        let before = try Data(contentsOf: URL(fileURLWithPath: plan))
        let r = try duban(["merge", plan, "a2.xlsx", "b2.xlsx"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("b2.xlsx：工作表“台账”第3行第H列（H3，进度）：进度“一半”无法识别"), r.err)
        XCTAssertTrue(r.err.contains("没有合并任何修改（计划未改动）"), r.err)
        let r2 = try duban(["merge", plan, "a2.xlsx", "old.xls", "--lang", "en"], in: dir)
        XCTAssertEqual(r2.status, 1)
        XCTAssertTrue(r2.err.contains("old.xls: this is an old binary Excel (.xls) file, which duban does not read; convert it to .xlsx first: libreoffice --headless --convert-to xlsx old.xls"), r2.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: plan)), before, "never half-merged")
        XCTAssertFalse(FileManager.default.fileExists(atPath: plan + ".bak"))
    }

    func testConflictsAreListedSideBySideAndExitTwo() throws {
        let dir = try scratch("cli-conflict")
        let plan = try writePlan(dir)
        XCTAssertEqual(try duban(["export", plan, "--unit", "市财政局", "-o", "b.xlsx", "--as-of", "2020-09-01"], in: dir).status, 0)
        try editWithOpenpyxl(dir.appendingPathComponent("b.xlsx").path, dir.appendingPathComponent("b2.xlsx").path, #"ws["H3"] = 50"#)
        XCTAssertEqual(try duban(["set", plan, "t3", "--progress", "20", "--as-of", "2020-09-10"], in: dir).status, 0)
        let r = try duban(["merge", plan, "b2.xlsx"], in: dir)
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertEqual(r.out.split(separator: "\n").map(String.init), [
            "冲突：任务 3（t3）进度：导出后计划和表格都改了，未合并",
            "    导出时：0%",
            "    计划现在：20%",
            "    b2.xlsx 台账!H3：50%",
            "1 个表格：0 处修改，1 处冲突（未合并）",
        ])
        XCTAssertEqual(try PlanFile.load(path: plan).tasks[2].progress, 20)
    }

    func testCSVExportHasABOMAndReadsBackInPythonsCSVModule() throws {
        let dir = try scratch("cli-csv")
        let plan = try writePlan(dir)
        let r = try duban(["export", plan, "--format", "csv", "--per-unit", "out", "--as-of", "2020-09-01"], in: dir)
        XCTAssertEqual(r.status, 0, r.err)
        let path = dir.appendingPathComponent("out/市发展改革委.csv").path
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        let out = try python("""
        import sys, csv, json
        with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
            print(json.dumps(list(csv.reader(f)), ensure_ascii=False))
        """, [path])
        let rows = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [[String]]
        XCTAssertEqual(rows.count, 5)
        XCTAssertEqual(rows[0].first, "序号")
        XCTAssertEqual(rows[3][1], "扩大有效投资 & 稳定就业 <重点>。")
        XCTAssertEqual(rows.map { $0.last! }, ["任务编号（请勿修改）", "t1", "t2", "t4", "t6"])
        XCTAssertEqual(rows[1][1], "推进重大项目建设，完成投资100亿元。", "no text is cut")
        XCTAssertEqual(rows[2][1], "优化营商环境，“一网通办”覆盖率达到90%。")
        // The CSV merges back too (compared with the plan: CSV keeps no record).
        try rows.enumerated().map { i, r in i == 1 ? r.enumerated().map { $0 == 7 ? "55%" : $1 } : r }
            .map { $0.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: ",") }
            .joined(separator: "\r\n").write(toFile: dir.appendingPathComponent("back.csv").path, atomically: true, encoding: .utf8)
        let m = try duban(["merge", plan, "back.csv", "--dry-run", "--author", "市发改委"], in: dir)
        XCTAssertEqual(m.status, 0, m.err)
        XCTAssertTrue(m.out.hasPrefix("back.csv back!H2  任务 1（t1）进度：40% → 55%\n"), m.out)
    }

    func testImportOfAnXlsxTableAndAnOldXls() throws {
        let dir = try scratch("cli-import")
        try python("""
        import sys, openpyxl
        wb = openpyxl.Workbook(); ws = wb.active
        ws.append(["序号", "工作事项", "责任处室", "完成时限"])
        ws.append([1, "完成市级财政预算编制。", "市财政局", "2020.6.30"])
        ws.append([2, "推进政务服务一网通办。", "市数据资源局", "2020年12月31日"])
        wb.save(sys.argv[1])
        """, [dir.appendingPathComponent("表.xlsx").path])
        let r = try duban(["import", "表.xlsx", "--columns", "责任处室=牵头单位", "-o", "p.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.err)
        let p = try PlanFile.load(path: dir.appendingPathComponent("p.json").path)
        XCTAssertEqual(p.tasks.map(\.leadUnits), [["市财政局"], ["市数据资源局"]])
        XCTAssertEqual(p.tasks.map { $0.deadline?.iso }, ["2020-06-30", "2020-12-31"])
        let bad = try duban(["import", "表.xlsx", "--columns", "责任处室=领导们"], in: dir)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.err.contains("--columns：列名“领导们”无效"), bad.err)
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: dir.appendingPathComponent("清单.xls"))
        let xls = try duban(["import", "清单.xls"], in: dir)
        XCTAssertEqual(xls.status, 1)
        XCTAssertTrue(xls.err.contains("libreoffice --headless --convert-to xlsx 清单.xls"), xls.err)
    }
}
