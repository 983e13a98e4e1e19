import XCTest
import Foundation

/// Issue 13, reports an office can paste: `duban report` run as a user runs it, on a plan
/// of three tasks whose every figure is worked out in the comments.
final class ReportCLITests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    static var binary: URL { BuiltProducts.duban }

    struct Run {
        var status: Int32; var out: Data; var err: String
        var text: String { String(decoding: out, as: UTF8.self) }
        var firstErrorLine: String { String(err.split(separator: "\n").first ?? "") }
    }

    func run(_ exe: URL, _ args: [String], env: [String: String] = ["LANG": "C.UTF-8"]) throws -> Run {
        let r = try runToEnd(exe, args, env: env, in: dir)
        return Run(status: r.status, out: r.out, err: String(decoding: r.err, as: UTF8.self))
    }

    func duban(_ args: [String]) throws -> Run { try run(Self.binary, args) }

    /// The text of t1 holds a quote, commas (ASCII and full-width) and a line break, so
    /// CSV must quote it.
    static let t1Text = "推进\"项目\"建设，含逗号,和换行\n第二行"

    /// On 2020-07-01: t3 is 92 days overdue (03-31; leads 市应急局 and 市发改委, 李四), t1
    /// one day (06-30; leads 市发改委, shares 市财政局, 张三); t2 is done. 市发改委 is an
    /// alias of 市发展和改革委员会, which thus leads both overdue tasks.
    func planFile() throws -> String {
        let path = dir.appendingPathComponent("plan.json").path
        let text = #""推进\"项目\"建设，含逗号,和换行\n第二行""#
        try """
        {"formatVersion": 1, "title": "测试计划", "year": 2020,
         "chapters": [{"id": "c1", "label": "一", "title": "经济", "parent": null}],
         "tasks": [
          {"id": "t1", "number": "1", "chapter": "c1", "text": \(text), "leaders": ["张三"], "leadUnits": ["市发改委"], "coUnits": ["市财政局"], "deadline": "2020-06-30", "status": "inProgress", "progress": 40},
          {"id": "t2", "number": "2", "chapter": "c1", "text": "优化营商环境", "leadUnits": ["市数据资源局"], "deadline": "2020-12-31", "status": "done", "progress": 100},
          {"id": "t3", "number": "3", "chapter": null, "text": "加强安全生产", "leaders": ["李四"], "leadUnits": ["市应急局", "市发改委"], "deadline": "2020-03-31", "status": "notStarted"}
         ],
         "units": [{"name": "市发展和改革委员会", "aliases": ["市发改委"]}]}
        """.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    static let byUnitRows: [[String]] = [
        ["单位", "角色", "序号", "逾期天数", "完成时限", "状态", "牵头单位", "任务"],
        ["市发展和改革委员会", "牵头", "3", "92", "2020-03-31", "未启动", "市应急局、市发改委", "加强安全生产"],
        ["市发展和改革委员会", "牵头", "1", "1", "2020-06-30", "推进中", "市发改委", t1Text],
        ["市应急局", "牵头", "3", "92", "2020-03-31", "未启动", "市应急局、市发改委", "加强安全生产"],
        ["市财政局", "协同", "1", "1", "2020-06-30", "推进中", "市发改委", t1Text],
    ]

    func testExcelCSVHasABOMCRLFAndReadsBackInPythonsCSVModule() throws {
        let plan = try planFile()
        let r = try duban(["report", plan, "--overdue", "--by", "unit", "--as-of", "2020-07-01", "--excel"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(Array(r.out.prefix(3)), [0xEF, 0xBB, 0xBF], "a UTF-8 BOM first")
        let bytes = Array(r.out)
        for (k, b) in bytes.enumerated() where b == 0x0A && !(k > 0 && bytes[k - 1] == 0x0D) {
            // The only bare LF is the one inside t1's quoted text.
            XCTAssertEqual(String(decoding: bytes[max(0, k - 9)..<k], as: UTF8.self), "和换行", "a bare LF at \(k)")
        }
        XCTAssertEqual(r.text.components(separatedBy: "\r\n").count, 6, "five records, each ended by CR LF")
        let csv = dir.appendingPathComponent("out.csv")
        try r.out.write(to: csv)
        // Python reads it as Excel does: the BOM is the encoding's, not part of the first field.
        let script = """
        import csv, json, sys
        with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
            print(json.dumps(list(csv.reader(f, dialect='excel')), ensure_ascii=False))
        """
        let py = try run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", script, csv.path])
        XCTAssertEqual(py.status, 0, py.err)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: py.out) as? [[String]])
        XCTAssertEqual(rows, Self.byUnitRows)
        // Without --excel: the same records, no BOM.
        let plain = try duban(["report", plan, "--overdue", "--by", "unit", "--as-of", "2020-07-01", "--format", "csv"])
        XCTAssertEqual(plain.out, r.out.dropFirst(3))
    }

    func testOverdueByUnitTable() throws {
        let plan = try planFile()
        let r = try duban(["report", plan, "--overdue", "--by", "unit", "--as-of", "2020-07-01", "--wide"])
        XCTAssertEqual(r.status, 0, r.err)
        // Columns: 角色 4, 序号 4, 逾期天数 8 (92 right-aligned), 完成时限 10, 状态 6,
        // 牵头单位 18 (市应急局、市发改委), then the text; t1's line break shows as ↵.
        let t1 = "推进\"项目\"建设，含逗号,和换行↵第二行"
        XCTAssertEqual(r.text, """
            测试计划
            逾期任务（2项）
            截至2020年7月1日

            市发展和改革委员会（2项）
            角色  序号  逾期天数  完成时限    状态    牵头单位            任务
            ----  ----  --------  ----------  ------  ------------------  \(String(repeating: "-", count: 36))
            牵头  3           92  2020-03-31  未启动  市应急局、市发改委  加强安全生产
            牵头  1            1  2020-06-30  推进中  市发改委            \(t1)

            市应急局（1项）
            角色  序号  逾期天数  完成时限    状态    牵头单位            任务
            ----  ----  --------  ----------  ------  ------------------  \(String(repeating: "-", count: 36))
            牵头  3           92  2020-03-31  未启动  市应急局、市发改委  加强安全生产

            市财政局（1项）
            角色  序号  逾期天数  完成时限    状态    牵头单位            任务
            ----  ----  --------  ----------  ------  ------------------  \(String(repeating: "-", count: 36))
            协同  1            1  2020-06-30  推进中  市发改委            \(t1)

            """)
    }

    func testOverdueByLeaderMarkdownAndJSON() throws {
        let plan = try planFile()
        // One task each: by pinyin 李 (lǐ) before 张 (zhāng), though 张 is U+5F20 and 李 U+674E.
        let md = try duban(["report", plan, "--overdue", "--by", "leader", "--as-of", "2020-07-01", "--format", "markdown", "--lang", "en"])
        XCTAssertEqual(md.status, 0, md.err)
        XCTAssertEqual(md.text, """
            # 测试计划

            Overdue tasks (2)

            as of 2020-07-01

            ## 李四 (1)

            | No. | Days overdue | Deadline | Status | Lead units | Task |
            | --- | ---: | --- | --- | --- | --- |
            | 3 | 92 | 2020-03-31 | not started | 市应急局、市发改委 | 加强安全生产 |

            ## 张三 (1)

            | No. | Days overdue | Deadline | Status | Lead units | Task |
            | --- | ---: | --- | --- | --- | --- |
            | 1 | 1 | 2020-06-30 | in progress | 市发改委 | 推进"项目"建设，含逗号,和换行↵第二行 |

            """)
        let json = try duban(["report", plan, "--overdue", "--by", "leader", "--as-of", "2020-07-01", "--format", "json"])
        let groups = try XCTUnwrap(try JSONSerialization.jsonObject(with: json.out) as? [[String: Any]])
        XCTAssertEqual(groups.map { $0["leader"] as? String }, ["李四", "张三"])
        let tasks = try XCTUnwrap(groups[1]["tasks"] as? [[String: Any]])
        XCTAssertEqual(tasks.first?["text"] as? String, Self.t1Text, "JSON keeps the text whole")
    }

    func testOneUnitUnderAnAliasAndOneLeader() throws {
        let plan = try planFile()
        // 市发改委 = 市发展和改革委员会: leads t1 (red, 1 day) and t3 (red, 92 days), in plan order.
        let unit = try duban(["report", plan, "--unit", "市发改委", "--as-of", "2020-07-01", "--format", "csv"])
        XCTAssertEqual(unit.status, 0, unit.err)
        XCTAssertEqual(unit.text, "角色,序号,完成时限,状态,进度,灯,逾期天数,任务\r\n"
                       + "牵头,1,2020-06-30,推进中,40%,红灯,1,\"推进\"\"项目\"\"建设，含逗号,和换行\n第二行\"\r\n"
                       + "牵头,3,2020-03-31,未启动,0%,红灯,92,加强安全生产\r\n")
        let table = try duban(["report", plan, "--unit", "市财政局", "--as-of", "2020-07-01"])
        XCTAssertTrue(table.text.hasPrefix("测试计划\n市财政局的任务（1项）\n截至2020年7月1日\n\n角色  序号"), table.text)
        XCTAssertTrue(table.text.contains("\n协同  1 "), table.text)
        let leader = try duban(["report", plan, "--leader", "李四", "--overdue", "--as-of", "2020-07-01", "--format", "csv"])
        XCTAssertEqual(leader.text, "序号,完成时限,状态,进度,灯,逾期天数,任务\r\n3,2020-03-31,未启动,0%,红灯,92,加强安全生产\r\n")
    }

    func testUnknownNamesAndValuesAreErrorsListingTheChoices() throws {
        let plan = try planFile()
        func refused(_ args: [String], _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
            let r = try duban(["report", plan, "--as-of", "2020-07-01"] + args)
            XCTAssertNotEqual(r.status, 0, "\(args)", file: file, line: line)
            XCTAssertTrue(r.out.isEmpty, "nothing on standard output: \(r.text)", file: file, line: line)
            XCTAssertEqual(r.firstErrorLine, message, "\(args)", file: file, line: line)
        }
        try refused(["--unit", "发改委"], "--unit 发改委：计划中没有这个单位；相近的名称：市发展和改革委员会")
        try refused(["--unit", "市应急管理局", "--lang", "en"], "--unit 市应急管理局: no unit of the plan has this name; close names: 市应急局")
        try refused(["--leader", "王五"], "--leader 王五：计划中没有这位牵头领导，也没有相近的名字；用 duban report --by leader 列出全部领导")
        try refused(["--by", "foo"], "Error: --by foo：无效的值；可选 unit、leader、chapter、status")
        try refused(["--format", "pdf", "--lang", "en"], "Error: --format pdf: not a valid value; use one of table, csv, json, markdown")
        // xlsx is a format since issue 14, written to a file only.
        try refused(["--format", "xlsx", "--lang", "en"], "Error: --format xlsx needs -o FILE (a workbook is not written to the terminal)")
        try refused(["--excel", "--format", "json"], "Error: --excel 只用于 CSV，不能与 --format json 同用")
        try refused(["--unit", "市财政局", "--by", "unit"], "Error: --by 不能与 --unit 同用：一个单位或一位领导的报表逐项列出其任务")
        try refused(["--unit", "市财政局", "--leader", "张三"], "Error: --unit 与 --leader 只能选一个")
        try refused(["--lang", "fr"], "Error: --lang fr：不支持此语言；可选 zh（中文）或 en（英文）")
    }
}
