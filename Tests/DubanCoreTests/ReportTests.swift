import XCTest
import DubanCore
import Foundation
import DubanSynthetic

final class ReportTests: XCTestCase {
    override func setUp() { DisplayWidth.prepareLocale() }

    func testDisplayWidthCountsCells() {
        XCTAssertEqual(DisplayWidth.of("中"), 2)
        XCTAssertEqual(DisplayWidth.of("，"), 2)
        XCTAssertEqual(DisplayWidth.of("ｱ"), 1)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.of("市发改委a"), 9)
        XCTAssertEqual(DisplayWidth.truncate("市发展和改革委员会", to: 7), "市发展…")
        XCTAssertEqual(DisplayWidth.truncate("市发展和改革委员会", to: 8), "市发展…", "never half a character")
        XCTAssertEqual(DisplayWidth.pad("中a", to: 6), "中a   ")
    }

    func testUnitTableAlignsByDisplayWidth() {
        let text = Reports(Fixture.store()).render(by: .unit, overdue: false, format: .table)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "单位            牵头  协同  完成  逾期  滞后  无时限  完成率")
        // Every row's last column ends at the same display column.
        let widths = Set(lines.map { DisplayWidth.of($0) })
        XCTAssertEqual(widths.count, 1, text)
        XCTAssertTrue(lines.contains("市发展改革委       2     1     1     0     0       0     50%"), text)
        XCTAssertTrue(lines.contains("市财政局           1     1     0     0     0       1      0%"), text)  // t6: no deadline
    }

    func testUnitJSON() {
        let json = Reports(Fixture.store()).render(by: .unit, overdue: false, format: .json)
        XCTAssertTrue(json.contains("""
            {
              "name": "市发展改革委",
              "led": 2,
              "shared": 1,
              "done": 1,
              "overdue": 0,
              "lagging": 0,
              "noDeadline": 0,
              "percentDone": 50
            }
          """), json)
    }

    func testOverdueJSONHasTaskKeysAndDays() throws {
        let json = Reports(Fixture.store(asOf: PlanDate(iso: "2020-07-10")!)).render(by: .unit, overdue: true, format: .json)
        // t1 (deadline 06-30, 10 days), t2 (07-01, 9 days), t5 (07-08, 2 days), most overdue first.
        let ids = json.split(separator: "\n").filter { $0.hasPrefix("    \"id\"") }
        XCTAssertEqual(ids, ["    \"id\": \"t1\",", "    \"id\": \"t2\",", "    \"id\": \"t5\","])
        XCTAssertTrue(json.contains("\"daysOverdue\": 10"))
        XCTAssertTrue(json.contains("\"leadUnits\": ["))
    }

    func testCSVQuotesAndMarkdownEscapes() {
        let t = ReportTable(columns: [.init("名称"), .init("n", numeric: true)], rows: [["a,b \"c\"", "1"], ["x|y", "2"]])
        XCTAssertEqual(t.renderCSV(), "名称,n\r\n\"a,b \"\"c\"\"\",1\r\nx|y,2\r\n")
        XCTAssertEqual(t.renderMarkdown(), "| 名称 | n |\n| --- | ---: |\n| a,b \"c\" | 1 |\n| x\\|y | 2 |\n")
    }

    /// A quote, comma, CR or LF is quoted, and so is a control or an invisible character;
    /// the data stays exact (a CR LF inside a field is one
    /// Character in Swift: it must still be quoted).
    func testCSVQuotesLineBreaksControlsAndInvisiblesExactly() {
        let t = ReportTable(columns: [.init("a"), .init("b")],
                            rows: [["x\r\ny", "esc\u{1B}[2J"], ["rtl\u{202E}", "空格 和、顿号"], ["lone\rcr", ""]])
        XCTAssertEqual(t.renderCSV(), "a,b\r\n\"x\r\ny\",\"esc\u{1B}[2J\"\r\n\"rtl\u{202E}\",空格 和、顿号\r\n\"lone\rcr\",\r\n")
    }

    func testChapterReportRollsUp() {
        let text = Reports(Fixture.store()).render(by: .chapter, overdue: false, format: .csv)
        XCTAssertEqual(text, "章节,任务,完成,逾期,红灯,黄灯,无时限,完成率\r\n一、生态环境,3,1,1,1,1,0,33%\r\n  (一)污染防治,2,0,1,1,1,0,0%\r\n二、民生,2,0,0,1,1,0,0%\r\n（无章节）,1,0,0,0,0,1,0%\r\n")
    }

    func testLanguageChoice() {
        XCTAssertEqual(Lang.resolve(flag: nil, environment: [:]), .zh)
        XCTAssertEqual(Lang.resolve(flag: nil, environment: ["LANG": "en_US.UTF-8"]), .en)
        XCTAssertEqual(Lang.resolve(flag: nil, environment: ["LANG": "zh_CN.UTF-8"]), .zh)
        XCTAssertEqual(Lang.resolve(flag: "en", environment: ["LANG": "zh_CN.UTF-8"]), .en)
        XCTAssertEqual(Lang.resolve(flag: "zh", environment: ["LANG": "en_US.UTF-8"]), .zh)
        XCTAssertEqual(Lang.resolve(flag: nil, environment: ["LC_ALL": "C.UTF-8", "LANG": "en_US"]), .zh)
    }

    // MARK: issue 13, reports an office can paste. The fixture on 2020-07-10: t1 10 days
    // overdue (leads 市生态环境局, co 各县(市)区政府, 李四, (一)污染防治), t2 9 days (leads
    // 市发改委 = 市发展改革委 and 市生态环境局, its co-unit is its lead under another name,
    // 李四, (一)污染防治), t5 2 days (leads 市教育局, 张三, 二、民生).

    static let july10 = PlanDate(iso: "2020-07-10")!

    func render(_ r: ReportRequest, _ f: ReportFormat, asOf: PlanDate = ReportTests.july10, lang: Lang = .zh,
                excel: Bool = false) throws -> String {
        try Reports(PlanStore(plan: Fixture.plan, rules: Rules(asOf: asOf), strings: Strings(lang))).render(r, format: f, excel: excel)
    }

    func testOverdueByUnitGroupsUnderLeadAndCoUnitsWithTheRole() throws {
        // 市生态环境局 leads two overdue tasks; 市发展改革委 and 市教育局 one each (by name:
        // 发 U+53D1 before 教 U+6559); 各县(市)区政府 leads none, shares t1.
        XCTAssertEqual(try render(.init(grouping: .unit, overdue: true), .csv), """
            单位,角色,序号,逾期天数,完成时限,状态,牵头单位,任务\r
            市生态环境局,牵头,1,10,2020-06-30,推进中,市生态环境局,扎实打好污染防治攻坚战\r
            市生态环境局,牵头,2,9,2020-07-01,未启动,市发改委、市生态环境局,推进国土空间规划编制\r
            市发展改革委,牵头,2,9,2020-07-01,未启动,市发改委、市生态环境局,推进国土空间规划编制\r
            市教育局,牵头,5,2,2020-07-08,推进中,市教育局,实施义务教育薄弱环节改善\r
            各县(市)区政府,协同,1,10,2020-06-30,推进中,市生态环境局,扎实打好污染防治攻坚战\r

            """)
        let md = try render(.init(grouping: .unit, overdue: true), .markdown)
        XCTAssertTrue(md.hasPrefix("# 2020年度重点工作任务\n\n逾期任务（3项）\n\n截至2020年7月10日\n\n## 市生态环境局（2项）\n\n| 角色 | 序号 |"), md)
        XCTAssertTrue(md.contains("\n## 各县(市)区政府（1项）\n\n| 角色 | 序号 | 逾期天数 | 完成时限 | 状态 | 牵头单位 | 任务 |\n| --- | --- | ---: | --- | --- | --- | --- |\n| 协同 | 1 | 10 | 2020-06-30 | 推进中 | 市生态环境局 | 扎实打好污染防治攻坚战 |\n"), md)
        let en = try render(.init(grouping: .unit, overdue: true), .csv, lang: .en)
        XCTAssertTrue(en.hasPrefix("Unit,Role,No.,Days overdue,Deadline,Status,Lead units,Task\r\n市生态环境局,lead,1,10,"), en)
        XCTAssertTrue(en.hasSuffix("各县(市)区政府,co,1,10,2020-06-30,in progress,市生态环境局,扎实打好污染防治攻坚战\r\n"), en)
    }

    func testOverdueByUnitTableHasHeaderAndAlignedGroups() throws {
        let text = try render(.init(grouping: .unit, overdue: true), .table)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(Array(lines.prefix(6)), ["2020年度重点工作任务", "逾期任务（3项）", "截至2020年7月10日", "",
                                               "市生态环境局（2项）",
                                               "角色  序号  逾期天数  完成时限    状态    牵头单位                任务"])
        XCTAssertEqual(lines.filter { $0.hasSuffix("项）") && !$0.hasPrefix("逾期") }.count, 4, text)
        // Every group's rows share the columns: the deadline starts at the same cell.
        let rows = lines.filter { $0.contains("2020-0") }
        XCTAssertEqual(rows.count, 5, text)
        // 角色 4 + 2, 序号 4 + 2, 逾期天数 8 + 2 cells.
        XCTAssertEqual(Set(rows.map { DisplayWidth.of(String($0[..<$0.range(of: "2020-0")!.lowerBound])) }), [22], text)
    }

    func testNoOverdueTaskGivesTheHeaderAndNoGroup() throws {
        // On 2020-06-30 nothing is overdue yet (t1's deadline is that day).
        let june30 = PlanDate(iso: "2020-06-30")!
        XCTAssertEqual(try render(.init(grouping: .unit, overdue: true), .table, asOf: june30),
                       "2020年度重点工作任务\n逾期任务（0项）\n截至2020年6月30日\n\n")
        XCTAssertEqual(try render(.init(grouping: .unit, overdue: true), .csv, asOf: june30), "单位,角色,序号,逾期天数,完成时限,状态,牵头单位,任务\r\n")
        XCTAssertEqual(try render(.init(grouping: .leader, overdue: true), .json, asOf: june30), "[]\n")
    }

    func testOverdueByLeaderChapterAndStatus() throws {
        // 李四 answers for t1 and t2, 张三 for t5.
        XCTAssertEqual(try render(.init(grouping: .leader, overdue: true), .csv), """
            牵头领导,序号,逾期天数,完成时限,状态,牵头单位,任务\r
            李四,1,10,2020-06-30,推进中,市生态环境局,扎实打好污染防治攻坚战\r
            李四,2,9,2020-07-01,未启动,市发改委、市生态环境局,推进国土空间规划编制\r
            张三,5,2,2020-07-08,推进中,市教育局,实施义务教育薄弱环节改善\r

            """)
        let chapters = try render(.init(grouping: .chapter, overdue: true), .csv).split(separator: "\r\n").map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
        XCTAssertEqual(chapters, ["章节,序号", "(一)污染防治,1", "(一)污染防治,2", "二、民生,5"])
        let statuses = try render(.init(grouping: .status, overdue: true), .csv).split(separator: "\r\n").map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
        XCTAssertEqual(statuses, ["状态,序号", "未启动,2", "推进中,1", "推进中,5"])
    }

    func testOverdueGroupedJSON() throws {
        let json = try render(.init(grouping: .unit, overdue: true), .json)
        let groups = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        XCTAssertEqual(groups.map { $0["unit"] as? String }, ["市生态环境局", "市发展改革委", "市教育局", "各县(市)区政府"])
        let tasks = try XCTUnwrap(groups[0]["tasks"] as? [[String: Any]])
        XCTAssertEqual(tasks.map { $0["id"] as? String }, ["t1", "t2"])
        XCTAssertEqual(tasks.map { $0["daysOverdue"] as? Int }, [10, 9])
        XCTAssertEqual(tasks.map { $0["role"] as? String }, ["lead", "lead"])
        let last = try XCTUnwrap(groups[3]["tasks"] as? [[String: Any]])
        XCTAssertEqual(last.map { $0["role"] as? String }, ["co"])
    }

    func testTitleAndAsOfOnTableAndMarkdownOnly() throws {
        let table = try render(.init(), .table, asOf: Fixture.asOf)
        XCTAssertTrue(table.hasPrefix("2020年度重点工作任务\n截至2020年7月1日\n\n单位            牵头"), table)
        XCTAssertTrue(try render(.init(), .table, asOf: Fixture.asOf, lang: .en).hasPrefix("2020年度重点工作任务\nas of 2020-07-01\n\nUnit  "))
        XCTAssertTrue(try render(.init(grouping: .chapter), .markdown, asOf: Fixture.asOf).hasPrefix("# 2020年度重点工作任务\n\n截至2020年7月1日\n\n| 章节 |"))
        XCTAssertTrue(try render(.init(grouping: .chapter), .csv, asOf: Fixture.asOf).hasPrefix("章节,任务,"))
        XCTAssertTrue(try render(.init(), .json, asOf: Fixture.asOf).hasPrefix("[\n  {\n    \"name\""))
    }

    func testOneUnitUnderAnyNameWithRoles() throws {
        // 市发改委 is 市发展改革委: it leads t2 (as 市发改委) and t3 (as 市发展和改革委员会),
        // shares t4; on 07-01 t2 is due today (yellow), t3 done (green), t4 lagging (red).
        let expected = """
            角色,序号,完成时限,状态,进度,灯,逾期天数,任务\r
            牵头,2,2020-07-01,未启动,0%,黄灯,,推进国土空间规划编制\r
            牵头,3,2020-05-31,已完成,100%,绿灯,,完成5000亩长江岸线造林\r
            协同,4,2020-12-31,滞后,10%,红灯,,新建改扩建中小学校\r

            """
        XCTAssertEqual(try render(.init(unit: "市发改委"), .csv, asOf: Fixture.asOf), expected)
        XCTAssertEqual(try render(.init(unit: "市发展和改革委员会"), .csv, asOf: Fixture.asOf), expected)
        XCTAssertTrue(try render(.init(unit: "市发改委"), .table, asOf: Fixture.asOf).hasPrefix("2020年度重点工作任务\n市发展改革委的任务（3项）\n截至2020年7月1日\n\n角色"))
        // On 07-10 only t2 of them is overdue (9 days).
        XCTAssertEqual(try render(.init(overdue: true, unit: "市发展改革委"), .csv),
                       "角色,序号,完成时限,状态,进度,灯,逾期天数,任务\r\n牵头,2,2020-07-01,未启动,0%,红灯,9,推进国土空间规划编制\r\n")
        let json = try render(.init(unit: "市发改委"), .json, asOf: Fixture.asOf)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["role"] as? String }, ["lead", "lead", "co"])
        XCTAssertEqual(rows.map { $0["light"] as? String }, ["yellow", "green", "red"])
    }

    func testOneLeader() throws {
        // 张三 answers for t4 (lagging, red) and t5 (yellow on 07-01).
        XCTAssertEqual(try render(.init(leader: "张三"), .csv, asOf: Fixture.asOf), """
            序号,完成时限,状态,进度,灯,逾期天数,任务\r
            4,2020-12-31,滞后,10%,红灯,,新建改扩建中小学校\r
            5,2020-07-08,推进中,60%,黄灯,,实施义务教育薄弱环节改善\r

            """)
        XCTAssertTrue(try render(.init(overdue: true, leader: "张三"), .markdown).hasPrefix("# 2020年度重点工作任务\n\n张三牵头负责的逾期任务（1项）\n\n"))
    }

    func testUnknownNamesListCloseOnes() {
        XCTAssertThrowsError(try render(.init(unit: "发改委"), .table)) { e in
            XCTAssertEqual(e as? ReportError, .unknownUnit("发改委", close: ["市发展改革委"]))
            XCTAssertEqual(Strings(.zh).describe(e), "--unit 发改委：计划中没有这个单位；相近的名称：市发展改革委")
        }
        XCTAssertThrowsError(try render(.init(unit: "市教委"), .table)) { e in
            XCTAssertEqual(e as? ReportError, .unknownUnit("市教委", close: ["市教育局", "市发展改革委"]), "市教 begins both 市教委 and 市教育局")
        }
        XCTAssertThrowsError(try render(.init(unit: "国家航天局"), .table)) { e in
            XCTAssertEqual(Strings(.en).describe(e), "--unit 国家航天局: no unit of the plan has this name, nor a close one; duban report --by unit lists them all")
        }
        XCTAssertThrowsError(try render(.init(leader: "张"), .table)) { e in
            XCTAssertEqual(e as? ReportError, .unknownLeader("张", close: ["张三"]))
        }
        XCTAssertThrowsError(try render(.init(grouping: .unit, unit: "市教育局"), .table)) { e in
            XCTAssertEqual(e as? ReportError, .byWithOne(option: "--unit"))
        }
        XCTAssertThrowsError(try render(.init(unit: "市教育局", leader: "张三"), .table))
    }

    func testBadChoicesListTheAllowedValues() {
        XCTAssertThrowsError(try Reports.grouping("foo")) { e in
            XCTAssertEqual(Strings(.zh).describe(e), "--by foo：无效的值；可选 unit、leader、chapter、status")
            XCTAssertEqual(Strings(.en).describe(e), "--by foo: not a valid value; use one of unit, leader, chapter, status")
        }
        XCTAssertThrowsError(try Reports.format("xlsx")) { e in
            XCTAssertEqual(Strings(.en).describe(e), "--format xlsx: not a valid value; use one of table, csv, json, markdown")
        }
        XCTAssertEqual(try Reports.grouping("chapter"), .chapter)
    }

    func testExcelCSVStartsWithABOMAndEndsLinesCRLF() throws {
        let csv = try render(.init(grouping: .chapter), .csv, asOf: Fixture.asOf, excel: true)
        XCTAssertEqual(Array(csv.utf8.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(String(csv.dropFirst()), try render(.init(grouping: .chapter), .csv, asOf: Fixture.asOf))
        XCTAssertEqual(csv.unicodeScalars.filter { $0 == "\n" }.count, 5)
        XCTAssertEqual(csv.components(separatedBy: "\r\n").count, 6)
    }
}

/// speed2 (issue 16): `duban report` on a workload builds the store's counts only
/// (`PlanStore(extent: .counts)`); every such report is the same text as from the whole store.
final class CountsOnlyStoreTests: XCTestCase {
    override func setUp() { DisplayWidth.prepareLocale() }

    func plans() throws -> [(String, Plan)] {
        let cycle = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/cycle/plan.json")
        let bytes = try [UInt8](Data(contentsOf: cycle))
        return [("fixture", Fixture.plan), ("cycle", try PlanJSON.decode(bytes, file: "plan.json")),
                ("generated", PlanGenerator(tasks: 3000, seed: 16).generate())]
    }

    func testEveryWorkloadReportIsTheWholeStoresText() throws {
        let asOf = PlanDate(iso: "2020-07-15")!
        var compared = 0
        for (name, plan) in try plans() {
            let full = PlanStore(plan: plan, rules: Rules(asOf: asOf))
            let counts = PlanStore(plan: plan, rules: Rules(asOf: asOf), extent: .counts)
            XCTAssertEqual(counts.extent, .counts)
            XCTAssertEqual(counts.unitTallies, full.unitTallies, name)
            XCTAssertEqual(counts.leaderTallies, full.leaderTallies, name)
            XCTAssertEqual(counts.chapterTallies, full.chapterTallies, name)
            XCTAssertEqual(counts.statusCounts, full.statusCounts, name)
            XCTAssertEqual(counts.totals, full.totals, name)
            XCTAssertFalse(full.unitTallies.isEmpty, name)
            for g in ReportGrouping.allCases {
                for f in ReportFormat.allCases {
                    for width in [nil, 60] as [Int?] {
                        let r = ReportRequest(grouping: g)
                        let a = try Reports(full).render(r, format: f, width: width, excel: f == .csv)
                        let b = try Reports(counts).render(r, format: f, width: width, excel: f == .csv)
                        XCTAssertEqual(a, b, "\(name) by \(g) as \(f), width \(width.map(String.init) ?? "none")")
                        XCTAssertFalse(a.isEmpty)
                        compared += 1
                    }
                }
            }
        }
        XCTAssertEqual(compared, 3 * 4 * 4 * 2)
    }
}
