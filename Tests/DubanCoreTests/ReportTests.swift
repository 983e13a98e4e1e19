import XCTest
import DubanCore

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
        XCTAssertEqual(lines[0], "单位            牵头  协同  完成  逾期  滞后  完成率")
        // Every row's last column ends at the same display column.
        let widths = Set(lines.map { DisplayWidth.of($0) })
        XCTAssertEqual(widths.count, 1, text)
        XCTAssertTrue(lines.contains("市发展改革委       2     1     1     0     0     50%"), text)
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

    func testChapterReportRollsUp() {
        let text = Reports(Fixture.store()).render(by: .chapter, overdue: false, format: .csv)
        XCTAssertEqual(text, "章节,任务,完成,逾期,红灯,黄灯,完成率\r\n一、生态环境,3,1,1,1,1,33%\r\n  (一)污染防治,2,0,1,1,1,0%\r\n二、民生,2,0,0,1,1,0%\r\n（无章节）,1,0,0,0,0,0%\r\n")
    }

    func testLanguageChoice() {
        XCTAssertEqual(Lang.resolve(flag: nil, environment: [:]), .zh)
        XCTAssertEqual(Lang.resolve(flag: nil, environment: ["LANG": "en_US.UTF-8"]), .en)
        XCTAssertEqual(Lang.resolve(flag: nil, environment: ["LANG": "zh_CN.UTF-8"]), .zh)
        XCTAssertEqual(Lang.resolve(flag: "en", environment: ["LANG": "zh_CN.UTF-8"]), .en)
        XCTAssertEqual(Lang.resolve(flag: "zh", environment: ["LANG": "en_US.UTF-8"]), .zh)
        XCTAssertEqual(Lang.resolve(flag: nil, environment: ["LC_ALL": "C.UTF-8", "LANG": "en_US"]), .zh)
    }
}
