import Foundation
import XCTest
@testable import DubanBulletin
import DubanCore

/// The bulletin's files as other programs read them: the .docx converted by LibreOffice
/// and read back with pdftotext, and read by a second library (python-docx); the Markdown
/// and text writers; XML escaping. LibreOffice, pdftotext and python3-docx are installed
/// by scripts/setup.sh: a missing one fails the test, it is never skipped.
final class BulletinFileTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/cycle/plan.json")

    func d(_ s: String) -> PlanDate { PlanDate(iso: s)! }

    func blocks(_ lang: Lang = .zh) throws -> [BulletinBlock] {
        let bytes = try [UInt8](Data(contentsOf: Self.fixture))
        var plan = try PlanJSON.decode(bytes, file: "plan.json")
        // A title with XML's special characters: escaped in every part.
        plan.title += "<A&B>"
        return Bulletin(plan: plan, asOf: d("2020-07-31")).document(Strings(lang))
    }

    func tempDir() throws -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("duban-bulletin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: u) }
        return u
    }

    /// Runs a program found on PATH; fails the test (never skips) when it is missing or fails.
    /// Its output goes through files (no pipe to fill up while we wait).
    @discardableResult
    func run(_ args: [String], timeout: TimeInterval = 180) throws -> String {
        let dir = try tempDir()
        let outURL = dir.appendingPathComponent("out"), errURL = dir.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        p.standardOutput = try FileHandle(forWritingTo: outURL)
        p.standardError = try FileHandle(forWritingTo: errURL)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(50_000) }
        if p.isRunning { p.terminate(); XCTFail("\(args[0]) still running after \(Int(timeout)) s") }
        p.waitUntilExit()
        let text = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        if p.terminationStatus != 0 {
            let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
            XCTFail("\(args.joined(separator: " ")) exited \(p.terminationStatus) (run scripts/setup.sh): \(err)")
        }
        return text
    }

    func squeeze(_ s: String) -> String { String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }

    func testDocxConvertedByLibreOfficeShowsEverySectionAndFigure() throws {
        let dir = try tempDir()
        let docx = dir.appendingPathComponent("通报.docx")
        try Data(BulletinWriter.bytes(blocks(), .docx, asOf: d("2020-07-31"))).write(to: docx)
        try run(["libreoffice", "-env:UserInstallation=file://\(dir.path)/profile", "--headless",
                 "--convert-to", "pdf", "--outdir", dir.path, docx.path])
        let pdf = dir.appendingPathComponent("通报.pdf")
        XCTAssertTrue(FileManager.default.fileExists(atPath: pdf.path), "LibreOffice wrote no PDF")
        // pdftotext puts spaces between Chinese and digits and breaks lines: compare without them.
        let text = squeeze(try run(["pdftotext", pdf.path, "-"]))
        let want = [
            "关于测试市2020年重点工作<A&B>推进情况的通报", "（截至2020年7月31日）",
            "一、总体进展情况", "纳入督办的重点工作任务共10项", "已完成3项，占30.0%", "逾期未完成3项，占30.0%", "无完成时限1项，占10.0%",
            "二、各牵头单位逾期及红灯情况排名", "2（并列）市交通局", "三、亮红灯单位及逾期任务", "市教育局：红灯任务2项，其中逾期1项。",
            "建成智慧教育平台", "四、未按时报送进展情况的单位", "未报送的单位1个：市教育局。",
            "五、延期审批情况", "完成棚户区改造征迁", "征迁户诉讼未结", "六、与上期相比的变化", "新增逾期2项，逾期销除2项，新完成2项，持续红灯1项",
            "七、各期趋势",
            // The chart: its title, legend and period labels are drawn as text.
            "各期已完成、逾期、红灯任务数", "2020-06", "2020-07",
        ]
        for w in want { XCTAssertTrue(text.contains(squeeze(w)), "the PDF lacks \(w)") }
    }

    func testDocxReadBackByPythonDocx() throws {
        let dir = try tempDir()
        let docx = dir.appendingPathComponent("b.docx")
        let bl = try blocks()
        try Data(BulletinWriter.bytes(bl, .docx, asOf: d("2020-07-31"))).write(to: docx)
        let script = """
        import json, sys, zipfile, xml.dom.minidom
        import docx
        from docx.oxml.ns import qn
        path = sys.argv[1]
        for name in zipfile.ZipFile(path).namelist():
            if name.endswith('.xml') or name.endswith('.rels'):
                xml.dom.minidom.parseString(zipfile.ZipFile(path).read(name))
        d = docx.Document(path)
        paras = [p.text for p in d.paragraphs if p.text]
        tables = [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]
        heads = [t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(qn('w:tblHeader')) is not None for t in d.tables]
        borders = [t._tbl.tblPr.find(qn('w:tblBorders')) is not None for t in d.tables]
        fonts = {}
        for sid in ['BulletinTitle', 'Heading1', 'Normal', 'TableText']:
            rf = d.styles[sid].element.rPr.find(qn('w:rFonts'))
            fonts[sid] = rf.get(qn('w:eastAsia'))
        z = zipfile.ZipFile(path)
        ft = xml.dom.minidom.parseString(z.read('word/fontTable.xml'))
        alt = {f.getAttribute('w:name'): [a.getAttribute('w:val') for a in f.getElementsByTagName('w:altName')] for f in ft.getElementsByTagName('w:font')}
        charts = [n for n in z.namelist() if n.startswith('word/charts/')]
        # The chart's paragraph: single line spacing (the body's exact 28pt would clip it).
        drawn = [p for p in d.paragraphs if p._p.find('.//' + qn('w:drawing')) is not None]
        charts += [p._p.pPr.find(qn('w:spacing')).get(qn('w:lineRule')) for p in drawn]
        print(json.dumps({'paras': paras, 'tables': tables, 'heads': heads, 'borders': borders, 'fonts': fonts, 'alt': alt, 'charts': charts}, ensure_ascii=False))
        """
        // Debian's python3 (python3-docx from apt, scripts/setup.sh), not whatever python3 is first on PATH.
        let out = try run(["/usr/bin/python3", "-c", script, docx.path])
        let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any] ?? [:]
        var wantParas: [String] = [], wantTables: [[[String]]] = []
        for b in bl {
            switch b {
            case .title(let s), .asOf(let s), .heading(let s), .paragraph(let s): wantParas.append(s)
            case .table(let h, let rows): wantTables.append([h] + rows)
            case .chart: break
            }
        }
        XCTAssertEqual(json["paras"] as? [String], wantParas)
        XCTAssertEqual(json["tables"] as? [[[String]]], wantTables)
        XCTAssertEqual(json["heads"] as? [Bool], wantTables.map { _ in true }, "every table repeats its header row")
        XCTAssertEqual(json["borders"] as? [Bool], wantTables.map { _ in true })
        XCTAssertEqual(json["fonts"] as? [String: String],
                       ["BulletinTitle": "方正小标宋简体", "Heading1": "黑体", "Normal": "仿宋_GB2312", "TableText": "仿宋_GB2312"])
        let alt = json["alt"] as? [String: [String]] ?? [:]
        XCTAssertEqual(alt["方正小标宋简体"], ["宋体"]); XCTAssertEqual(alt["黑体"], ["SimHei"])
        XCTAssertEqual(alt["仿宋_GB2312"], ["仿宋"]); XCTAssertEqual(alt["仿宋"], ["FangSong"]); XCTAssertEqual(alt["宋体"], ["SimSun"])
        XCTAssertEqual(json["charts"] as? [String], ["word/charts/chart1.xml", "auto"])
    }

    func testSameBulletinSameBytes() throws {
        let a = try BulletinWriter.bytes(blocks(), .docx, asOf: d("2020-07-31"))
        let b = try BulletinWriter.bytes(blocks(), .docx, asOf: d("2020-07-31"))
        XCTAssertEqual(a, b)
    }

    func testXMLEscapesEveryText() {
        XCTAssertEqual(DocxWriter.xml("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;")
        XCTAssertEqual(DocxWriter.xml("x\u{1}y\u{FFFF}z\t"), "x\u{FFFD}y\u{FFFD}z\t")
        XCTAssertEqual(DocxWriter.runs("一\n二"), "<w:r><w:t xml:space=\"preserve\">一</w:t></w:r><w:r><w:br/></w:r><w:r><w:t xml:space=\"preserve\">二</w:t></w:r>")
    }

    func testMarkdownAndTextKeepEveryWord() throws {
        let bl: [BulletinBlock] = [.title("通报"), .asOf("（截至2020年7月31日）"), .heading("一、总体"), .paragraph("共1项"),
                                   .table(header: ["单位", "逾期"], rows: [["市a|b局", "12"], ["乙", "3"]])]
        XCTAssertEqual(BulletinWriter.markdown(bl),
                       "# 通报\n\n（截至2020年7月31日）\n\n## 一、总体\n\n共1项\n\n| 单位 | 逾期 |\n| --- | --- |\n| 市a\\|b局 | 12 |\n| 乙 | 3 |\n")
        // Columns aligned by display cells: 单位 is 4 cells, 市a|b局 7.
        XCTAssertEqual(BulletinWriter.text(bl),
                       "通报\n（截至2020年7月31日）\n\n一、总体\n共1项\n单位     逾期\n-------------\n市a|b局  12\n乙       3\n")
        XCTAssertEqual(BulletinFormat(path: "a/通报.DOCX"), .docx)
        XCTAssertEqual(BulletinFormat(path: "x.md"), .md)
        XCTAssertNil(BulletinFormat(path: "x.pdf"))
        XCTAssertNil(BulletinFormat(path: "dir.md/x"))
        XCTAssertNil(BulletinFormat(path: "x.word"))
    }
}
