import Foundation
import XCTest
import ZIPFoundation
@testable import DubanImport
import DubanCore

/// Word files (.docx) built in the test: the XML parts written here and zipped with ZIPFoundation.
enum DocxBuilder {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    static func zip(_ parts: [(String, String)], compress: Bool = true) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: compress ? .deflate : .none) { pos, size in
                data.subdata(in: Int(pos)..<(Int(pos) + size))
            }
        }
        return [UInt8](archive.data!)
    }

    /// A .docx of `body` (the XML inside `<w:body>`), with numbering and styles when given.
    static func docx(body: String, numbering: String? = nil, styles: String? = nil) throws -> [UInt8] {
        var parts: [(String, String)] = [
            ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \(w)><w:body>\(body)</w:body></w:document>"),
        ]
        if let n = numbering { parts.append(("word/numbering.xml", "<?xml version=\"1.0\"?>\n<w:numbering \(w)>\(n)</w:numbering>")) }
        if let s = styles { parts.append(("word/styles.xml", "<?xml version=\"1.0\"?>\n<w:styles \(w)>\(s)</w:styles>")) }
        return try zip(parts)
    }

    /// A paragraph: numbered by `num` (numId, level) or styled, its text in runs.
    static func p(_ text: String, num: (Int, Int)? = nil, style: String? = nil) -> String {
        var ppr = ""
        if let s = style { ppr += "<w:pStyle w:val=\"\(s)\"/>" }
        if let (id, l) = num { ppr += "<w:numPr><w:ilvl w:val=\"\(l)\"/><w:numId w:val=\"\(id)\"/></w:numPr>" }
        return "<w:p>" + (ppr.isEmpty ? "" : "<w:pPr>\(ppr)</w:pPr>") + "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    static func lvl(_ i: Int, _ fmt: String, _ text: String, start: Int = 1, extra: String = "") -> String {
        "<w:lvl w:ilvl=\"\(i)\"><w:start w:val=\"\(start)\"/><w:numFmt w:val=\"\(fmt)\"/><w:lvlText w:val=\"\(text)\"/>\(extra)</w:lvl>"
    }

    /// A table cell: its paragraphs, a gridSpan, a vMerge ("restart" or "continue").
    static func tc(_ paragraphs: [String], span: Int = 1, vMerge: String? = nil) -> String {
        var pr = ""
        if span > 1 { pr += "<w:gridSpan w:val=\"\(span)\"/>" }
        if let v = vMerge { pr += v == "continue" ? "<w:vMerge/>" : "<w:vMerge w:val=\"\(v)\"/>" }
        return "<w:tc>" + (pr.isEmpty ? "" : "<w:tcPr>\(pr)</w:tcPr>") + (paragraphs.isEmpty ? "<w:p/>" : paragraphs.map { p($0) }.joined()) + "</w:tc>"
    }

    static func tr(_ cells: [String], header: Bool = false) -> String {
        "<w:tr>" + (header ? "<w:trPr><w:tblHeader/></w:trPr>" : "") + cells.joined() + "</w:tr>"
    }

    static func row(_ texts: [String], header: Bool = false) -> String { tr(texts.map { tc($0.isEmpty ? [] : [$0]) }, header: header) }
}

final class DocxTests: XCTestCase {
    typealias B = DocxBuilder
    let importer = DocxTests.importer(year: 2021)

    static func importer(year: Int?) -> NoticeImporter {
        var o = ImportOptions(year: year, useUserAliasFile: false)
        o.converters.enabled = false
        return NoticeImporter(options: o)
    }

    func lines(_ bytes: [UInt8]) throws -> [String] {
        try DocxReader.read(bytes, file: "t.docx").text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast()
    }

    // MARK: numbering

    /// Chapters numbered 一、 by a heading style linked to the list, tasks 1. 2. at the level below
    /// (restarting in each chapter), sub-items （一） from a list of their own, a restart by startOverride.
    static let numbering = """
    <w:abstractNum w:abstractNumId="10">\(B.lvl(0, "chineseCounting", "%1、", extra: "<w:pStyle w:val=\"H1\"/><w:suff w:val=\"nothing\"/>"))\(B.lvl(1, "decimal", "%2."))</w:abstractNum>
    <w:abstractNum w:abstractNumId="20">\(B.lvl(0, "chineseCountingThousand", "（%1）"))</w:abstractNum>
    <w:abstractNum w:abstractNumId="30">\(B.lvl(0, "decimal", "%1."))\(B.lvl(1, "decimal", "%1.%2", extra: "<w:lvlRestart w:val=\"0\"/>"))</w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="20"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    <w:num w:numId="4"><w:abstractNumId w:val="30"/></w:num>
    """
    static let styles = """
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="H1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>
    """

    func testNumberingResolvedToLabels() throws {
        let body = [
            B.p("某市2021年重点工作任务分解"),
            B.p("稳增长", style: "H1"),
            B.p("地区生产总值增长7%以上。", num: (1, 1)),
            B.p("牵头单位：市发改委"),
            B.p("6月底前完成项目前期工作。", num: (1, 1)),
            B.p("牵头单位：市住建局；配合单位：市财政局"),
            B.p("惠民生", style: "H1b"),            // the style's base carries the numbering
            B.p("新增城镇就业2万人。", num: (1, 1)),  // restarts under the new chapter
            B.p("责任单位：市人社局"),
            B.p("就业", num: (2, 0)),
            B.p("养老", num: (2, 0)),
            B.p("教育", num: (3, 0)),               // the override starts again at 一
            B.p("甲", num: (4, 0)),
            B.p("甲甲", num: (4, 1)),
            B.p("乙", num: (4, 0)),
            B.p("乙乙", num: (4, 1)),                // lvlRestart 0: never restarts
            B.p("没有编号", num: (0, 0)),
        ].joined()
        let bytes = try B.docx(body: body, numbering: Self.numbering, styles: Self.styles)
        XCTAssertEqual(try lines(bytes), [
            "某市2021年重点工作任务分解", "一、稳增长", "1. 地区生产总值增长7%以上。", "牵头单位：市发改委",
            "2. 6月底前完成项目前期工作。", "牵头单位：市住建局；配合单位：市财政局",
            "二、惠民生", "1. 新增城镇就业2万人。", "责任单位：市人社局",
            "（一）就业", "（二）养老", "（一）教育", "1. 甲", "1.1 甲甲", "2. 乙", "2.2 乙乙", "没有编号",
        ])
        let p = try importer.importNotice(bytes: bytes, source: "通知.docx").plan
        XCTAssertEqual(p.chapters.map(\.label), ["一", "二"])
        XCTAssertEqual(p.chapters.map(\.title), ["稳增长", "惠民生"])
        let tasks = p.tasks.prefix(3)
        XCTAssertEqual(tasks.map(\.number), ["1", "2", "1"])
        XCTAssertEqual(tasks.map(\.leadUnits), [["市发改委"], ["市住建局"], ["市人社局"]])
        XCTAssertEqual(tasks.map(\.coUnits), [[], ["市财政局"], []])
        XCTAssertEqual(p.tasks[1].deadline, PlanDate(year: 2021, month: 6, day: 30), "the label and the text stay apart: 2. 6月底前")
    }

    func testNumberFormats() {
        typealias N = DocxNumbering
        XCTAssertEqual([1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1000, 1001].map { N.format($0, "chineseCounting") },
                       ["一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百零一", "一百一十", "一千", "一千零一"])
        XCTAssertEqual(N.format(12, "chineseCountingThousand"), "十二")
        XCTAssertEqual(N.format(10, "chineseLegalSimplified"), "壹拾")
        XCTAssertEqual(N.format(3, "ideographTraditional"), "丙")
        XCTAssertEqual(N.format(11, "ideographTraditional"), "11")
        XCTAssertEqual(N.format(10, "ideographDigital"), "一〇")
        XCTAssertEqual(N.format(3, "decimalEnclosedCircle"), "③")
        XCTAssertEqual(N.format(2, "ideographEnclosedCircle"), "㊁")
        XCTAssertEqual(N.format(4, "decimalFullWidth"), "４")
        XCTAssertEqual(N.format(14, "upperRoman"), "XIV")
        XCTAssertEqual(N.format(28, "lowerLetter"), "bb")
        XCTAssertEqual(N.format(7, "decimalZero"), "07")
        XCTAssertEqual(N.format(5, "somethingNew"), "5")
        // Numbers no list reaches are written plainly, never a crash or a huge label.
        XCTAssertEqual(N.format(-3, "decimalFullWidth"), "-3")
        XCTAssertEqual(N.format(1_000_000_000, "upperLetter"), "1000000000")
        XCTAssertEqual(N.format(0, "chineseCounting"), "0")
    }

    /// Hidden runs, deleted text, field codes, tabs and manual line breaks, text boxes written twice.
    func testRunsAsTyped() throws {
        let body = """
        <w:p><w:r><w:t>牵头单位：</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:ins><w:r><w:t>市发改委</w:t></w:r></w:ins>\
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
        <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>序号</w:t><w:tab/><w:t>任务</w:t><w:br/><w:t>下一行</w:t></w:r></w:p>
        <w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing/></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框中</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文&amp;&lt;</w:t></w:r></w:p>
        """
        XCTAssertEqual(try lines(B.docx(body: body)), ["牵头单位：市发改委", "序号\t任务", "下一行", "正文&<"])
    }

    // MARK: tables

    func testTaskTableWithSpansAndRepeatedHeader() throws {
        let header = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
        let body = B.p("某市人民政府关于印发2021年重点工作任务分解的通知") + "<w:tbl><w:tblGrid/>" + [
            B.row(header, header: true),
            B.tr([B.tc(["一、稳增长"], span: 5)]),
            B.row(["1", "地区生产总值增长7%以上", "市发改委", "市统计局", "年底前"]),
            B.tr([B.tc(["2"]), B.tc(["推进老旧小区改造"]), B.tc(["市住建局"], vMerge: "restart"), B.tc(["市财政局"]), B.tc(["6月底前"])]),
            B.tr([B.tc(["3"]), B.tc(["完成棚户区改造"]), B.tc([], vMerge: "continue"), B.tc(["市自然资源局"]), B.tc(["9月底前"])]),
            B.row(header, header: true),            // a header row marked again further down: dropped
            B.tr([B.tc(["4"]), B.tc(["建设保障性租赁住房"]), B.tc([], vMerge: "continue"), B.tc([]), B.tc(["年底前"])]),
            B.row(header),                          // the header typed again at a page break: dropped
            B.tr([B.tc(["二、惠民生"], span: 5)]),
            B.tr([B.tc(["5"]), B.tc(["新增城镇就业2万人"]), B.tc(["市人社局"]), B.tc(["11月底前"], span: 2)]),
        ].joined() + "</w:tbl>" + B.p("某市人民政府") + B.p("2021年3月1日")
        let doc = try DocxReader.read(B.docx(body: body), file: "t.docx")
        XCTAssertEqual(doc.tables.count, 1)
        let t = doc.tables[0]
        XCTAssertEqual(t.rows.count, 9, "one tblHeader row further down dropped")
        XCTAssertTrue(t.rows[1].allSatisfy(\.spansRow))
        XCTAssertEqual(t.rows[4].map(\.text), ["3", "完成棚户区改造", "市住建局", "市自然资源局", "9月底前"])
        XCTAssertEqual(t.rows[8].map(\.text), ["5", "新增城镇就业2万人", "市人社局", "11月底前", "11月底前"])

        let r = try importer.importNotice(bytes: B.docx(body: body), source: "表.docx")
        let p = r.plan
        XCTAssertEqual(r.layout, .table)
        XCTAssertEqual(p.chapters.map(\.label), ["一", "二"])
        XCTAssertEqual(p.tasks.map(\.number), ["1", "2", "3", "4", "5"])
        XCTAssertEqual(p.tasks.map(\.leadUnits), [["市发改委"], ["市住建局"], ["市住建局"], ["市住建局"], ["市人社局"]])
        XCTAssertEqual(p.tasks.map(\.coUnits), [["市统计局"], ["市财政局"], ["市自然资源局"], [], []])
        XCTAssertEqual(p.tasks[4].deadline, PlanDate(year: 2021, month: 11, day: 30))
        XCTAssertEqual(p.tasks.map(\.chapter), ["c1", "c1", "c1", "c1", "c2"])
        XCTAssertEqual(p.tasks[2].deadline, PlanDate(year: 2021, month: 9, day: 30))
        XCTAssertEqual(r.encoding, "Word (.docx)")
    }

    /// Several units in one cell, a paragraph each: split as a web page's `<br>` units are.
    func testUnitsInOneCellAsParagraphs() throws {
        let body = "<w:tbl>" + [
            B.row(["序号", "重点任务", "牵头单位", "责任单位", "牵头领导"]),
            B.tr([B.tc(["1"]), B.tc(["推进老旧小区改造", "完成120个小区。"]), B.tc(["市住建局", "市发改委"]),
                  B.tc(["市财政局", "市自然资源局", "各县（市）区政府"]), B.tc(["王 嵘", "方 勇"])]),
        ].joined() + "</w:tbl>"
        let p = try importer.importNotice(bytes: B.docx(body: body), source: "t.docx").plan
        XCTAssertEqual(p.tasks.count, 1)
        XCTAssertEqual(p.tasks[0].text, "推进老旧小区改造完成120个小区。")
        XCTAssertEqual(p.tasks[0].leadUnits, ["市住建局", "市发改委"])
        XCTAssertEqual(p.tasks[0].coUnits, ["市财政局", "市自然资源局", "各县（市）区政府"].map { $0.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")") })
        XCTAssertEqual(p.tasks[0].leaders, ["王嵘", "方勇"])
    }

    /// The 序号 column numbered by Word itself: empty paragraphs of a list give 1. 2. 3.
    func testAutomaticallyNumberedNumberColumn() throws {
        let numbering = "<w:abstractNum w:abstractNumId=\"0\">\(B.lvl(0, "decimal", "%1"))</w:abstractNum><w:num w:numId=\"7\"><w:abstractNumId w:val=\"0\"/></w:num>"
        func numbered() -> String { "<w:tc>" + B.p("", num: (7, 0)) + "</w:tc>" }
        let body = "<w:tbl>" + B.row(["序号", "工作任务", "责任单位"], header: true)
            + B.tr([numbered(), B.tc(["推进老旧小区改造"]), B.tc(["市住建局"])])
            + B.tr([numbered(), B.tc(["完成棚户区改造"]), B.tc(["市自然资源局、市财政局"])])
            + B.tr([numbered(), B.tc(["建设保障性租赁住房"]), B.tc(["市住建局"])]) + "</w:tbl>"
        let p = try importer.importNotice(bytes: B.docx(body: body, numbering: numbering), source: "t.docx").plan
        XCTAssertEqual(p.tasks.map(\.number), ["1", "2", "3"])
        XCTAssertEqual(p.tasks.map(\.leadUnits), [["市住建局"], ["市自然资源局"], ["市住建局"]])
        XCTAssertEqual(p.tasks[1].coUnits, ["市财政局"])
    }

    /// A small table beside an outline of more tasks: the outline is the plan.
    func testOutlineOutnumbersASmallTable() throws {
        var body = B.p("一、稳增长")
        for (i, u) in ["市发改委", "市财政局", "市住建局", "市商务局"].enumerated() {
            body += B.p("\(i + 1).推进第\(i + 1)项重点工作。") + B.p("牵头单位：\(u)")
        }
        body += "<w:tbl>" + B.row(["序号", "工作任务", "牵头单位"]) + B.row(["1", "联络员名单报送", "市政府办公室"]) + "</w:tbl>"
        let p = try importer.importNotice(bytes: B.docx(body: body), source: "t.docx").plan
        XCTAssertEqual(p.tasks.map(\.leadUnits), [["市发改委"], ["市财政局"], ["市住建局"], ["市商务局"]])
    }

    /// Wide spans everywhere stop spreading past the web pages' cap: the grid cannot fill the memory.
    func testSpansAreCapped() throws {
        let wide = String(repeating: B.tc(["x"], span: 64), count: 40_000)
        // (The same cell 40 000 times inflates like a bomb; the ratio is not what is tested here.)
        let doc = try DocxReader.read(B.docx(body: "<w:tbl>" + B.tr([wide]) + "</w:tbl>"), file: "w.docx",
                                      limits: .init(partBytes: 256 << 20, ratio: 100_000, ratioFloor: 1 << 30))
        let cells = doc.tables.first?.rows.first?.count ?? 0
        XCTAssertGreaterThan(cells, 1_000_000)
        XCTAssertLessThanOrEqual(cells, HTMLTable.maxSpreadCells + 40_000)
    }

    /// Without a task table the document is text, a table a cell a line.
    func testTableWithoutHeaderIsText() throws {
        let body = B.p("一、稳增长") + "<w:tbl>" + B.row(["1.地区生产总值增长7%以上。", "牵头单位：市发改委"]) + "</w:tbl>"
        XCTAssertEqual(try lines(B.docx(body: body)), ["一、稳增长", "1.地区生产总值增长7%以上。", "牵头单位：市发改委"])
        let p = try importer.importNotice(bytes: B.docx(body: body), source: "t.docx").plan
        XCTAssertEqual(p.tasks.map(\.leadUnits), [["市发改委"]])
    }

    // MARK: fixtures converted by LibreOffice

    func assertSamePlan(_ docx: String, _ source: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = Fixtures.folder.appendingPathComponent("docx")
        let importer = Self.importer(year: nil)
        let a = try importer.importNotice(path: folder.appendingPathComponent(docx).path)
        let b = try importer.importNotice(path: folder.appendingPathComponent(source).path)
        XCTAssertGreaterThan(a.plan.tasks.count, 3, file: file, line: line)
        // The same tasks; only their source places differ (lines of the web page, of the Word text).
        func placeless(_ ts: [PlanTask]) -> [PlanTask] { ts.map { var t = $0; t.extra = []; t.origin = nil; return t } }
        XCTAssertEqual(placeless(a.plan.tasks), placeless(b.plan.tasks), file: file, line: line)
        XCTAssertEqual(a.plan.chapters, b.plan.chapters, file: file, line: line)
        XCTAssertEqual(a.plan.units, b.plan.units, file: file, line: line)
        XCTAssertEqual(a.plan.year, b.plan.year, file: file, line: line)
        XCTAssertEqual(a.plan.title, b.plan.title, file: file, line: line)
        XCTAssertEqual(a.layout, b.layout, file: file, line: line)
    }

    /// Tests/Fixtures/docx/seed-000.docx is seed 000 (text) converted by
    /// `libreoffice --headless --convert-to docx`; table-notice.docx is table-notice.html converted
    /// by `libreoffice --headless --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML'`
    /// (a real Word table with gridSpan and vMerge).
    func testLibreOfficeConversionsImportAsTheirSource() throws {
        try assertSamePlan("seed-000.docx", "seed-000.txt")
        try assertSamePlan("table-notice.docx", "table-notice.html")
    }

    // MARK: limits

    func error(_ bytes: [UInt8], _ name: String = "坏.docx") -> DocxError? {
        do { _ = try importer.importNotice(bytes: bytes, source: name); XCTFail("imported"); return nil } catch {
            guard case .word(let e) = error else { XCTFail("\(error)"); return nil }
            return e
        }
    }

    func testNotAZip() {
        let e = error([0x50, 0x4B, 0x00, 0x01, 0, 0, 0, 0, 0xFF, 0xFE, 0, 0])
        XCTAssertEqual(e, .notZip(file: "坏.docx"))
        XCTAssertEqual(e?.message(Strings(.zh)), "坏.docx：不是有效的 Word（.docx）文件：.docx 应为 ZIP 压缩包，此文件不是（也不是文本）")
        XCTAssertEqual(e?.message(Strings(.en)), "坏.docx: not a Word (.docx) file: a .docx is a zip archive and this is not one (nor text)")
        XCTAssertEqual(error([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0, 0, 0, 0]), .notZip(file: "坏.docx"))
    }

    func testCutShortAndMissingPart() throws {
        let whole = try B.docx(body: B.p("一、稳增长"))
        // Cut in the middle: the zip's directory is gone.
        guard case .damaged(let f, _, _)? = error(Array(whole.prefix(whole.count / 2))) else { return XCTFail() }
        XCTAssertEqual(f, "坏.docx")
        let noBody = try B.zip([("word/styles.xml", "<w:styles \(B.w)/>")])
        let e = error(noBody)
        XCTAssertEqual(e, .missingPart(file: "坏.docx", part: "word/document.xml"))
        XCTAssertTrue(e!.message(Strings(.zh)).contains("缺少 word/document.xml"))
    }

    func testMalformedXMLNamesPartLineAndColumn() throws {
        let bytes = try B.zip([("word/document.xml", "<?xml version=\"1.0\"?>\n<w:document \(B.w)><w:body>\n<w:p><w:r><w:t>abc</w:r></w:p>\n</w:body></w:document>")])
        XCTAssertEqual(error(bytes), .badXML(file: "坏.docx", part: "word/document.xml", line: 3, column: 19, problem: .mismatch(found: "w:r", open: "w:t")))
        XCTAssertEqual(error(bytes)?.message(Strings(.en)), "坏.docx: word/document.xml:3:19: malformed XML (</w:r> where </w:t> was expected)")
        // A DTD (entities to expand) is refused before parsing.
        let dtd = try B.zip([("word/document.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE lol [<!ENTITY a \"aaaa\">]>\n<w:document \(B.w)/>")])
        XCTAssertEqual(error(dtd), .badXML(file: "坏.docx", part: "word/document.xml", line: 2, column: 1, problem: .doctype))
        // Ends inside an element.
        let cut = try B.zip([("word/document.xml", "<w:document \(B.w)><w:body><w:p>")])
        XCTAssertEqual(error(cut), .badXML(file: "坏.docx", part: "word/document.xml", line: 1, column: 97, problem: .unclosed("w:p")))
        XCTAssertEqual(error(cut)?.message(Strings(.zh)), "坏.docx：word/document.xml:1:97：XML 格式错误（文件在 </w:p> 之前就结束了）")
        // Broken numbering names its own part.
        let num = try B.docx(body: B.p("x"), numbering: "<w:num w:numId=\"1\">")
        guard case .badXML(_, "word/numbering.xml", _, _, _)? = error(num) else { return XCTFail() }
    }

    /// A part inflating past the ratio is refused as it inflates, not after.
    func testZipBomb() throws {
        // 16 MiB of one repeated paragraph: about 16 KiB compressed (1000:1).
        let para = String(repeating: "<w:p/>", count: 1 << 10)
        let big = String(repeating: para, count: (16 << 20) / para.utf8.count)
        let bytes = try B.zip([("word/document.xml", "<w:document \(B.w)><w:body>" + big + "</w:body></w:document>")])
        XCTAssertLessThan(bytes.count, 1 << 20)
        guard case .bomb(_, "word/document.xml", let ratio)? = error(bytes) else { return XCTFail() }
        XCTAssertGreaterThan(ratio, DocxReader.maxRatio)
        // The same bomb lying about its size in the zip's directory (1000 bytes): caught while inflating,
        // having read no more than the ratio allows.
        let lying = Self.statingSize(1000, of: "word/document.xml", in: bytes)
        var stopped = 0
        do { _ = try DocxReader.read(lying, file: "b.docx") } catch {
            guard case .bomb(_, _, let r) = error else { return XCTFail("\(error)") }
            stopped = r
        }
        XCTAssertGreaterThan(stopped, DocxReader.maxRatio)
        XCTAssertLessThan(stopped, DocxReader.maxRatio * 2, "stopped near the limit, not after inflating it all")
        // And a size limit: a small limit stops a plain large part.
        let plain = try B.docx(body: String(repeating: B.p("地区生产总值增长7%以上。"), count: 20_000))
        XCTAssertThrowsError(try DocxReader.read(plain, file: "p.docx", limits: .init(partBytes: 1 << 20, ratio: 1000, ratioFloor: 1 << 30))) { e in
            XCTAssertEqual(e as? DocxError, .tooLarge(file: "p.docx", part: "word/document.xml", limit: 1 << 20))
            XCTAssertEqual((e as? DocxError)?.message(Strings(.zh)), "p.docx：word/document.xml 解压后超过 1 MiB，已停止读取")
        }
    }

    func testCRC32() throws {
        XCTAssertEqual(Array("123456789".utf8).withUnsafeBytes { ZipCRC32.update(0, $0) }, 0xCBF4_3926)
        let long = Array(String(repeating: "地区生产总值增长7%以上。", count: 1000).utf8)
        let whole = long.withUnsafeBytes { ZipCRC32.update(0, $0) }
        let split = long[..<333].withUnsafeBytes { a in long[333...].withUnsafeBytes { b in ZipCRC32.update(ZipCRC32.update(0, a), b) } }
        XCTAssertEqual(whole, split)
        // A stored (uncompressed) part with one byte changed: the checksum catches it.
        var bytes = try B.zip([("word/document.xml", "<w:document \(B.w)><w:body>\(B.p("一、稳增长"))</w:body></w:document>")], compress: false)
        let at = bytes.indices.first { bytes[$0] == 0xE7 && bytes[$0 + 1] == 0xA8 }!   // 稳
        bytes[at + 2] ^= 1
        guard case .damaged(_, "word/document.xml", _)? = error(bytes) else { return XCTFail() }
    }

    /// The bytes with the uncompressed size of `name` rewritten in its local header and central directory entry.
    static func statingSize(_ size: UInt32, of name: String, in bytes: [UInt8]) -> [UInt8] {
        var b = bytes
        let n = Array(name.utf8)
        let le = [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24)]
        var i = 0
        while i + 46 < b.count {
            if b[i] == 0x50, b[i + 1] == 0x4B, b[i + 2] == 3, b[i + 3] == 4, Array(b[(i + 30)..<(i + 30 + n.count)]) == n {
                b.replaceSubrange((i + 22)..<(i + 26), with: le)
            }
            if b[i] == 0x50, b[i + 1] == 0x4B, b[i + 2] == 1, b[i + 3] == 2, Array(b[(i + 46)..<(i + 46 + n.count)]) == n {
                b.replaceSubrange((i + 24)..<(i + 28), with: le)
            }
            i += 1
        }
        return b
    }
}
