import Foundation
import XCTest
@testable import DubanImport
import DubanCore

/// Saved web pages (.html): a `<table>` read as a table (issue 11).
final class WebPageTableTests: XCTestCase {
    func importHTML(_ html: String, year: Int? = 2021) throws -> ImportResult {
        try NoticeImporter(options: ImportOptions(year: year, useUserAliasFile: false))
            .importNotice(bytes: Array(html.utf8), source: "page.html")
    }

    static func page(_ rows: String, head: String = "<tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>") -> String {
        """
        <html><head><meta charset="utf-8"><title>某市2021年重点工作任务分解</title></head><body>
        <p>某市人民政府关于印发2021年重点工作任务分解的通知</p>
        <table border="1">
        \(head)
        \(rows)
        </table>
        </body></html>
        """
    }

    func testRowspanUnitCellCoversThreeRows() throws {
        let r = try importHTML(Self.page("""
        <tr><td>1</td><td>推进老旧小区改造</td><td rowspan="3">市住建局</td><td>市财政局</td><td>6月底前</td></tr>
        <tr><td>2</td><td>完成棚户区改造</td><td>市自然资源局</td><td>9月底前</td></tr>
        <tr><td>3</td><td>建设保障性租赁住房</td><td>&nbsp;</td><td>年底前</td></tr>
        <tr><td>4</td><td>整治城市道路</td><td>市城管局</td><td> </td><td>11月底前</td></tr>
        """))
        let p = r.plan
        XCTAssertEqual(p.tasks.map(\.number), ["1", "2", "3", "4"])
        XCTAssertEqual(p.tasks.map(\.leadUnits), [["市住建局"], ["市住建局"], ["市住建局"], ["市城管局"]])
        XCTAssertEqual(p.tasks.map(\.coUnits), [["市财政局"], ["市自然资源局"], [], []])
        XCTAssertEqual(p.tasks.map(\.deadline), [PlanDate(year: 2021, month: 6, day: 30), PlanDate(year: 2021, month: 9, day: 30),
                                                PlanDate(year: 2021, month: 12, day: 31), PlanDate(year: 2021, month: 11, day: 30)])
        XCTAssertEqual(p.tasks[2].deadlineAssumed, false)
        XCTAssertEqual(p.tasks[0].text, "推进老旧小区改造")
        XCTAssertEqual(r.layout, .table)
    }

    func testColspanChapterRowsAndRepeatedHeader() throws {
        let head = "<tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>"
        let r = try importHTML(Self.page("""
        <tr><td colspan="5">一、稳增长</td></tr>
        <tr><td>1</td><td>地区生产总值增长7%以上</td><td>市发改委</td><td>市统计局</td><td>年底前</td></tr>
        <tr><td>2</td><td>固定资产投资增长8%</td><td>市发改委</td><td>市财政局</td><td>年底前</td></tr>
        \(head)
        <tr><td colspan="5">二、惠民生</td></tr>
        <tr><td>3</td><td>新增城镇就业2万人</td><td>市人社局</td><td></td><td>年底前</td></tr>
        """, head: head))
        let p = r.plan
        XCTAssertEqual(p.chapters.map(\.label), ["一", "二"])
        XCTAssertEqual(p.chapters.map(\.title), ["稳增长", "惠民生"])
        XCTAssertEqual(p.tasks.count, 3, "the repeated header is no task")
        XCTAssertEqual(p.tasks.map(\.chapter), [p.chapters[0].id, p.chapters[0].id, p.chapters[1].id])
        XCTAssertEqual(p.tasks.map(\.number), ["1", "2", "3"])
    }

    /// 责任单位 spanning 牵头 / 配合 in the row below; both header rows repeated at a page break.
    func testTwoRowHeader() throws {
        let head = """
        <tr><td rowspan=2>序号</td><td rowspan=2>重点任务</td><td colspan=2>责任单位</td><td rowspan=2>完成时间</td></tr>
        <tr><td>牵头</td><td>配合</td></tr>
        """
        let p = try importHTML(Self.page("""
        <tr><td>1</td><td>推进老旧小区改造</td><td>市住建局</td><td>市财政局</td><td>6月底前</td></tr>
        \(head)
        <tr><td>2</td><td>完成棚户区改造</td><td>市自然资源局</td><td>市住建局</td><td>9月底前</td></tr>
        """, head: head)).plan
        XCTAssertEqual(p.tasks.map(\.text), ["推进老旧小区改造", "完成棚户区改造"])
        XCTAssertEqual(p.tasks.map(\.leadUnits), [["市住建局"], ["市自然资源局"]])
        XCTAssertEqual(p.tasks.map(\.coUnits), [["市财政局"], ["市住建局"]])
        XCTAssertEqual(p.tasks[1].deadline, PlanDate(year: 2021, month: 9, day: 30))
    }

    func testWordExportMarkupAndEntities() throws {
        func cell(_ s: String) -> String {
            "<td width=120 style='width:90.0pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt'><p class=MsoNormal align=center style='text-align:center'><span style='font-size:12.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:\"Times New Roman\"'>\(s)<o:p></o:p></span></p></td>"
        }
        let rows = [["1", "加快建设\n  &ldquo;智慧城市&rdquo;平台", "市数据资源局", "市公安局、市财政局", "2021年10月15日前"],
                    ["2", "优化营商环境&amp;服务", "市营商办", "&nbsp;", "三季度"]]
            .map { "<tr style='mso-yfti-irow:1'>" + $0.map(cell).joined() + "</tr>" }.joined(separator: "\n")
        let head = "<tr>" + ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"].map(cell).joined() + "</tr>"
        let html = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta http-equiv=Content-Type content=\"text/html; charset=utf-8\"><style><!-- p.MsoNormal {mso-style-parent:\"\"; } td { x: 1 } --></style><!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>x</o:Author></o:DocumentProperties></xml><![endif]--></head><body lang=ZH-CN><div class=WordSection1><table class=MsoNormalTable border=1 cellspacing=0>" + head + rows + "</table></div></body></html>"
        let p = try importHTML(html).plan
        XCTAssertEqual(p.tasks.map(\.text), ["加快建设“智慧城市”平台", "优化营商环境&服务"])
        XCTAssertEqual(p.tasks.map(\.leadUnits), [["市数据资源局"], ["市营商办"]])
        XCTAssertEqual(p.tasks[0].coUnits, ["市公安局", "市财政局"])
        XCTAssertEqual(p.tasks[1].coUnits, [])
        XCTAssertEqual(p.tasks[0].deadline, PlanDate(year: 2021, month: 10, day: 15))
        XCTAssertEqual(p.tasks[1].deadline, PlanDate(year: 2021, month: 9, day: 30))
    }

    func testUnitsSeparatedByBreaks() throws {
        let p = try importHTML(Self.page("""
        <tr><td>1</td><td>推进乡村振兴</td><td>市农业农村局<br>市乡村振兴局</td><td>市财政局<br/>市水利局<p>市林业局</p></td><td>年底前</td></tr>
        """)).plan
        XCTAssertEqual(p.tasks[0].leadUnits, ["市农业农村局", "市乡村振兴局"])
        XCTAssertEqual(p.tasks[0].coUnits, ["市财政局", "市水利局", "市林业局"])
    }

    func testTaskPlaceIsThePageLine() throws {
        let r = try importHTML(Self.page("<tr><td>1</td><td>推进乡村振兴</td><td>市农业农村局</td><td></td><td>年底前</td></tr>"))
        // Line 5 of the page: <html>, <p>, <table>, the header row, then the row.
        XCTAssertEqual(r.plan.tasks[0].origin, SourcePlace(line: 5, table: 1, row: 2, column: 2))
        XCTAssertEqual(r.plan.title, "某市人民政府关于印发2021年重点工作任务分解的通知")
    }

    func testPageWithoutTableIsReadAsText() throws {
        let html = "<html><body><p>一、稳增长</p><p>1.地区生产总值增长7%以上。</p><p>牵头单位：市发改委</p><p>配合单位：市统计局</p><p>2.固定资产投资增长8%。</p><p>牵头单位：市发改委</p></body></html>"
        let p = try importHTML(html).plan
        XCTAssertEqual(p.tasks.count, 2)
        XCTAssertEqual(p.tasks[0].leadUnits, ["市发改委"])
        XCTAssertEqual(p.tasks[0].coUnits, ["市统计局"])
    }

    func testLayoutTableWithoutHeaderIsReadAsText() throws {
        let html = "<html><body><table><tr><td>首页</td><td>政务公开</td></tr></table><p>一、稳增长</p><p>1.地区生产总值增长7%以上。</p><p>牵头单位：市发改委</p><p>2.固定资产投资增长8%。</p><p>牵头单位：市财政局</p></body></html>"
        let p = try importHTML(html).plan
        XCTAssertEqual(p.tasks.map(\.leadUnits), [["市发改委"], ["市财政局"]])
    }

    /// A GBK page whose bytes also happen to be valid UTF-8: the page's `<meta charset>` decides.
    func testMetaCharsetGBKHonoured() throws {
        // Characters whose GB18030 bytes form valid two-byte UTF-8 sequences.
        var chosen: [Character] = []
        for v in 0x4E00...0x9FA5 where chosen.count < 6 {
            let c = Character(Unicode.Scalar(v)!)
            guard let b = TextDecoding.encodeGB18030(String(c)), b.count == 2,
                  (0xC2...0xDF).contains(b[0]), (0x80...0xBF).contains(b[1]) else { continue }
            chosen.append(c)
        }
        XCTAssertEqual(chosen.count, 6)
        let word = String(chosen)
        for meta in ["<meta charset=\"gb2312\">", "<META http-equiv=Content-Type content='text/html; charset=GBK'>"] {
            let html = "<html><head>\(meta)</head><body><p>\(word)</p></body></html>"
            let bytes = try XCTUnwrap(TextDecoding.encodeGB18030(html))
            XCTAssertNotNil(String(validating: bytes, as: UTF8.self), "the bytes are valid UTF-8 too")
            let decoded = try TextDecoding.decode(bytes)
            XCTAssertEqual(decoded.encoding, .gb18030)
            XCTAssertTrue(decoded.text.contains(word))
        }
        // Without the meta, valid UTF-8 stays UTF-8.
        let plain = try XCTUnwrap(TextDecoding.encodeGB18030("<p>\(word)</p>"))
        XCTAssertEqual(try TextDecoding.decode(plain).encoding, .utf8)
    }

    /// Seed 000's table written as a web page gives the tasks the flattened text gives.
    func testSeedTableAsHTMLGivesTheSameTasks() throws {
        let text = try Seeds.result("000").plan
        var rows = ""
        var chapter: String? = nil
        for t in text.tasks {
            if t.chapter != chapter, let c = text.chapters.first(where: { $0.id == t.chapter }) {
                rows += "<tr><td colspan=\"4\">\(c.label)、\(c.title)</td></tr>\n"
                chapter = t.chapter
            }
            func esc(_ s: String) -> String { s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;") }
            rows += "<tr><td>\(t.number ?? "")</td><td>\(esc(t.text))</td><td>\(t.leadUnits.joined(separator: "<br>"))</td><td>\(t.coUnits.joined(separator: "、"))</td></tr>\n"
        }
        let html = "<html><body><table><tr><td>序号</td><td>目标与任务</td><td>牵头责任单位</td><td>责任单位</td></tr>\n\(rows)</table></body></html>"
        let page = try importHTML(html, year: text.year).plan
        XCTAssertGreaterThan(text.tasks.count, 30)
        XCTAssertEqual(page.tasks.count, text.tasks.count)
        XCTAssertEqual(page.tasks.map(\.number), text.tasks.map(\.number))
        XCTAssertEqual(page.tasks.map(\.text), text.tasks.map(\.text))
        XCTAssertEqual(page.tasks.map(\.leadUnits), text.tasks.map(\.leadUnits))
        XCTAssertEqual(page.tasks.map(\.coUnits), text.tasks.map(\.coUnits))
        XCTAssertEqual(page.tasks.map(\.deadline), text.tasks.map(\.deadline))
        XCTAssertEqual(page.chapters.map(\.title), text.chapters.map(\.title))
    }

    /// Spans that would copy a cell hundreds of millions of times stop being spread: the page
    /// finishes, in little memory.
    func testHugeSpansAreCapped() throws {
        var html = "<html><body><table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td></tr><tr><td colspan=\"999999\" rowspan=\"999999\">x</td></tr>"
        html += String(repeating: "<tr>", count: 20_000)
        html += "<tr>" + String(repeating: "<td colspan=64>y</td>", count: 40_000) + "</tr></table></body></html>"
        let tables = HTMLTable.tables(in: html)
        let cells = tables.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.count } }
        // 64 x 10 000 copies of the first cell, then 40 000 x 64 wanted by the last row: capped.
        XCTAssertLessThanOrEqual(cells, HTMLTable.maxSpreadCells + 40_000 + 64 + 10)
        XCTAssertGreaterThan(cells, 640_000)
        let r = try? importHTML(html)
        XCTAssertLessThanOrEqual(r?.plan.tasks.count ?? 0, 1)
    }

    /// A 50 MB page finishes (no timing asserted): Word-style markup around 40 000 rows.
    func testFiftyMegabytePageFinishes() throws {
        var html = "<html><body><table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td></tr>\n"
        let pad = "<span style='mso-bidi-font-family:\"Times New Roman\";mso-font-kerning:0pt'>" + String(repeating: " ", count: 900) + "</span>"
        var i = 0
        while html.utf8.count < 50_000_000 {
            i += 1
            html += "<tr><td>\(i % 200 + 1)</td><td>\(pad)推进第\(i)项工作</td><td rowspan=\"1\">市发改委</td><td>市财政局</td></tr>\n"
        }
        let p = try importHTML(html).plan
        XCTAssertEqual(p.tasks.count, i)
        XCTAssertEqual(p.tasks.last?.text, "推进第\(i)项工作")
    }
}
