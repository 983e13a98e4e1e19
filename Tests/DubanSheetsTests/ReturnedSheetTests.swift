import DubanCore
import DubanImport
import DubanSheets
import Foundation
import XCTest
import ZIPFoundation

/// Returned sheets as units send them: reshaped, retyped, broken. Each merges or is refused
/// with the file, sheet, row and column; never a crash, never a half-merged plan.
final class ReturnedSheetTests: XCTestCase {
    func testMergedCellsBlankRowsExtraColumnRenamedHeaderAndDeletedIDColumnStillMerge() throws {
        let plan = fixturePlan()
        let (path, back) = try ledgerToReturn("reshaped", plan, unit: "市财政局", name: "财政局.xlsx", back: "back.xlsx")
        // Rows: t3 (3), t4 (4), t5 (5). The unit deletes the id column, renames 本期进展 and
        // 状态, adds a column, inserts a blank row, merges 状态 over t3 and t4, types dates as text.
        try editWithOpenpyxl(path, back, """
        ws.protection.sheet = False
        ws.delete_cols(12)
        ws.insert_rows(4)
        ws["I2"] = "进展情况"
        ws["G2"] = "完成状态"
        ws["M2"] = "联系人"
        ws["M3"] = "李四"
        ws["G3"] = "已完成"
        ws.merge_cells("G3:G5")
        ws["F6"] = "12月15日"
        ws["I6"] = "持续推进中"
        ws["A8"] = "填报人：王五　电话：1234567"
        """)
        let r = try merge(plan, [back])
        XCTAssertTrue(r.conflicts.isEmpty)
        XCTAssertEqual(r.changes.map { "\($0.taskID) \($0.field.rawValue) \($0.new) @\($0.place.ref)" }, [
            "t3 status 已完成 @G3",
            "t4 status 已完成 @G5",
            "t5 deadline 2020-12-15 @F6",
            "t5 note 持续推进中 @I6",
        ])
        XCTAssertTrue(r.notes.contains { $0.contains("联系人") }, "the extra column is said: \(r.notes)")
        XCTAssertTrue(r.notes.contains { $0.contains("第8行") }, "the footer line is said: \(r.notes)")
        XCTAssertEqual(r.plan.tasks[4].deadline?.iso, "2020-12-15")
    }

    func testWithoutTheRecordTheSheetIsComparedWithThePlanAndMatchedByNumberAndText() throws {
        let plan = fixturePlan()
        let (path, back) = try ledgerToReturn("norecord", plan, unit: "市财政局", name: "财政局.xlsx", back: "copied.xlsx")
        try editWithOpenpyxl(path, back, """
        del wb["_duban"]
        ws.delete_cols(12)
        ws["H4"] = 0.5
        ws["F3"] = "2020年10月8日"
        """)
        let r = try merge(plan, [back])
        XCTAssertEqual(r.changes.map { "\($0.taskID) \($0.field.rawValue) \($0.new)" }, ["t3 deadline 2020-10-08", "t4 progress 50%"])
        XCTAssertTrue(r.notes.contains { $0.contains("_duban") })
    }

    func testAStatusNotUnderstoodNamesFileSheetRowAndColumnAndMergesNothing() throws {
        let dir = try scratch("badstatus")
        let plan = fixturePlan()
        let a = try exportLedger(plan, unit: "市发展改革委", to: dir, name: "a.xlsx")
        let b = try exportLedger(plan, unit: "市财政局", to: dir, name: "b.xlsx")
        let a2 = dir.appendingPathComponent("a2.xlsx").path, b2 = dir.appendingPathComponent("b2.xlsx").path
        try editWithOpenpyxl(a, a2, #"ws["G3"] = "已完成""#)
        try editWithOpenpyxl(b, b2, #"ws["G4"] = "差不多了""#)
        XCTAssertThrowsError(try merge(plan, [a2, b2])) { e in
            let zh = Strings(.zh).describe(e), en = Strings(.en).describe(e)
            XCTAssertEqual(zh, "\(b2)：工作表“台账”第4行第G列（G4，状态）：状态“差不多了”无法识别；应为 未启动、推进中、已完成 或 滞后")
            XCTAssertTrue(en.contains("sheet \"台账\" row 4, column G (G4, 状态)"), en)
        }
        let p = try XLSXReader().read(path: b2)
        XCTAssertEqual(p.sheets[0].cell(row: 4, column: 7)?.text, "差不多了")
    }

    func testAnEnglishLedgerMergesBackToo() throws {
        let dir = try scratch("english")
        let plan = fixturePlan()
        let path = try exportLedger(plan, unit: "市财政局", to: dir, name: "en.xlsx", period: "2020Q3", strings: Strings(.en))
        let back = dir.appendingPathComponent("back.xlsx").path
        try editWithOpenpyxl(path, back, """
        assert ws["G2"].value == "Status" and ws["A1"].value.endswith("period 2020Q3"), (ws["G2"].value, ws["A1"].value)
        ws["G3"] = "done"
        ws.delete_cols(12)
        """)
        let r = try merge(plan, [back])
        XCTAssertEqual(r.changes.map { "\($0.taskID) \($0.field.rawValue) \($0.new)" }, ["t3 status 已完成"])
        XCTAssertEqual(r.plan.tasks[2].history.last?.period, "2020Q3")
        XCTAssertEqual(r.plan.tasks[2].history.last?.author, "市财政局")
    }

    func testProgressAndDatesInTheirForms() throws {
        func cell(_ t: String, number: Double? = nil, percent: Bool = false) -> SheetCell {
            SheetCell(text: t, row: 1, column: 1, number: number, isPercent: percent)
        }
        XCTAssertEqual(CellValues.progress(cell("70%")), 70)
        XCTAssertEqual(CellValues.progress(cell("70％")), 70)
        XCTAssertEqual(CellValues.progress(cell("0.7")), 70)
        XCTAssertEqual(CellValues.progress(cell("70")), 70)
        XCTAssertEqual(CellValues.progress(cell("0.7", number: 0.7, percent: true)), 70)
        XCTAssertEqual(CellValues.progress(cell("1", number: 1, percent: true)), 100)
        XCTAssertEqual(CellValues.progress(cell("100", number: 100)), 100)
        XCTAssertNil(CellValues.progress(cell("120%")))
        XCTAssertNil(CellValues.progress(cell("很多")))
        XCTAssertEqual(CellValues.date(text: "2020.6.30", year: nil)?.iso, "2020-06-30")
        XCTAssertEqual(CellValues.date(text: "2020/6/30", year: nil)?.iso, "2020-06-30")
        XCTAssertEqual(CellValues.date(text: "2020年6月30日", year: nil)?.iso, "2020-06-30")
        XCTAssertEqual(CellValues.date(text: "6月30日", year: 2020)?.iso, "2020-06-30")
        XCTAssertEqual(CellValues.date(text: "6月30日前", year: 2021)?.iso, "2021-06-30")
        XCTAssertNil(CellValues.date(text: "6月30日", year: nil))
        XCTAssertNil(CellValues.date(text: "2020.2.30", year: nil), "no real day")
        XCTAssertNil(CellValues.date(text: "年底前", year: 2020))
        XCTAssertEqual(CellValues.date(serial: 44012)?.iso, "2020-06-30")
        for (w, s) in [("完成", TaskStatus.done), ("已完成。", .done), ("正在推进", .inProgress), ("推进中", .inProgress),
                       ("未启动", .notStarted), ("滞后", .lagging), ("进度滞后", .lagging), ("inProgress", .inProgress)] {
            XCTAssertEqual(CellValues.status(w), s, w)
        }
        XCTAssertNil(CellValues.status("也许"))
    }

    func testAnOldXlsIsRefusedWithTheConverter() throws {
        let dir = try scratch("xls")
        // An OLE2 compound file's signature, as an old Excel saves .xls.
        let path = dir.appendingPathComponent("清单.xls").path
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        bytes += [UInt8](repeating: 0, count: 504)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try XLSXReader().read(path: path)) { e in
            XCTAssertEqual(Strings(.zh).describe(e), "\(path)：这是旧版 Excel（.xls）二进制文件，duban 不读；请先转换为 .xlsx：libreoffice --headless --convert-to xlsx \(path)")
        }
    }

    func testNotAZipAZipBombAndMalformedXMLAreClearErrors() throws {
        let dir = try scratch("broken")
        let text = dir.appendingPathComponent("text.xlsx").path
        try "序号,任务\n".write(toFile: text, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try XLSXReader().read(path: text)) { e in
            XCTAssertTrue(Strings(.en).describe(e).hasPrefix("\(text): not an .xlsx workbook (not a zip archive)"), "\(e)")
        }
        // A sheet part that inflates far past the limit: reading stops at the limit.
        let bomb = dir.appendingPathComponent("bomb.xlsx").path
        try makeWorkbook(bomb, sheet: "<worksheet><sheetData>" + String(repeating: " ", count: 4 << 20) + "</sheetData></worksheet>")
        var reader = XLSXReader()
        reader.partLimit = 1 << 20
        XCTAssertThrowsError(try reader.read(path: bomb)) { e in
            XCTAssertEqual(Strings(.en).describe(e), "\(bomb): xl/worksheets/sheet1.xml inflates to more than 1 MB; reading stopped (a zip bomb?)")
        }
        let bad = dir.appendingPathComponent("bad.xlsx").path
        try makeWorkbook(bad, sheet: "<worksheet>\n<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row></sheetData></worksheet>")
        XCTAssertThrowsError(try XLSXReader().read(path: bad)) { e in
            let m = Strings(.en).describe(e)
            XCTAssertTrue(m.hasPrefix("\(bad): xl/worksheets/sheet1.xml line 2, column "), m)
            XCTAssertTrue(m.contains("malformed XML"), m)
        }
        let cut = dir.appendingPathComponent("cut.xlsx").path
        try makeWorkbook(cut, sheet: "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v>")
        XCTAssertThrowsError(try XLSXReader().read(path: cut)) { e in
            XCTAssertTrue(Strings(.zh).describe(e).hasPrefix("\(cut)：xl/worksheets/sheet1.xml 第1行第"), "\(e)")
        }
    }

    func testTheReaderTakesSharedAndInlineStringsNumbersDatesMergesAndSeveralSheets() throws {
        let dir = try scratch("reader")
        let path = dir.appendingPathComponent("book.xlsx").path
        let sheet1 = """
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><r><t>富</t></r><r><t xml:space="preserve"> 文本</t></r></is></c></row>
        <row r="3"><c r="A3"><v>0.7</v></c><c r="B3" s="1"><v>44012</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" s="2"><v>0.25</v></c></row>
        </sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells></worksheet>
        """
        try makeWorkbook(path, sheet: sheet1, second: "<worksheet><sheetData><row r=\"2\"><c r=\"B2\" t=\"str\"><v>二</v></c></row></sheetData></worksheet>",
                         shared: "<sst><si><t>共享 &amp; 合并</t></si></sst>",
                         styles: #"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="9"/></cellXfs></styleSheet>"#)
        let book = try XLSXReader().read(path: path)
        XCTAssertEqual(book.sheets.map(\.sheet), ["一", "二"])
        let s = book.sheets[0]
        XCTAssertEqual(s.texts, [
            ["共享 & 合并", "共享 & 合并", "富 文本", ""],
            ["共享 & 合并", "共享 & 合并", "", ""],
            ["0.7", "2020-06-30", "TRUE", "0.25"],
        ])
        XCTAssertTrue(s.rows[1][1].isMerged)
        XCTAssertEqual(s.rows[1][1].originRow, 1)
        XCTAssertTrue(s.rows[2][1].isDate)
        XCTAssertTrue(s.rows[2][3].isPercent)
        XCTAssertEqual(CellValues.progress(s.rows[2][3]), 25)
        XCTAssertEqual(book.sheets[1].texts, [["", ""], ["", "二"]])
        XCTAssertEqual(s.rows[2][1].ref, "B3")
        // XMLCoder for every part reads the same (the benchmark compares the two).
        var coder = XLSXReader()
        coder.engine = .xmlCoder
        XCTAssertEqual(try coder.read(path: path).sheets.map(\.texts), book.sheets.map(\.texts))
    }

    func testATaskTableInXlsxBecomesAPlanThroughTheImportersTableRecognition() throws {
        let dir = try scratch("import")
        let path = dir.appendingPathComponent("分解表.xlsx").path
        try python("""
        import sys, openpyxl
        wb = openpyxl.Workbook(); ws = wb.active; ws.title = "分解表"
        ws.append(["某市2020年重点工作任务分解表"]); ws.merge_cells("A1:E1")
        ws.append(["序号", "工作事项", "牵头单位", "配合单位", "完成时限"])
        ws.append(["一、稳增长"]); ws.merge_cells("A3:E3")
        ws.append([1, "推进重大项目建设，完成投资100亿元。", "市发展改革委", "市财政局、市自然资源局", "2020-06-30"])
        ws.append([2, "实施减税降费政策。", "市财政局", "市税务局", "2020.9.30"])
        ws.append([3, "扩大有效投资。", None, "市住建局", "2020-12-31"])
        ws.merge_cells("C5:C6")
        wb.save(sys.argv[1])
        """, [path])
        let book = try XLSXReader().read(path: path)
        let tables = book.sheets.map { sh in
            ImportTable(name: sh.sheet, rows: sh.rows.map { $0.map {
                ImportTable.Cell(text: CellValues.textForImport($0), row: $0.row, column: $0.column, originRow: $0.originRow, originColumn: $0.originColumn)
            } })
        }
        let r = try NoticeImporter(options: .init(useUserAliasFile: false)).importTable(tables, source: path, columns: ["工作事项": "任务"])
        XCTAssertEqual(r.plan.tasks.map(\.text), ["推进重大项目建设，完成投资100亿元。", "实施减税降费政策。", "扩大有效投资。"])
        XCTAssertEqual(r.plan.tasks.map(\.leadUnits), [["市发展改革委"], ["市财政局"], ["市财政局"]], "the merged 牵头单位 spreads")
        XCTAssertEqual(r.plan.tasks[0].coUnits, ["市财政局", "市自然资源局"])
        XCTAssertEqual(r.plan.tasks.map { $0.deadline?.iso }, ["2020-06-30", "2020-09-30", "2020-12-31"])
        XCTAssertEqual(r.plan.chapters.map(\.title), ["稳增长"])
        XCTAssertEqual(r.plan.title, "某市2020年重点工作任务分解表")
    }

    /// A workbook written part by part (for what openpyxl would never write).
    func makeWorkbook(_ path: String, sheet: String, second: String? = nil, shared: String? = nil, styles: String? = nil) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        var parts: [(String, String)] = [
            ("xl/workbook.xml", #"<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="一" sheetId="1" r:id="rId1"/>"#
                + (second != nil ? #"<sheet name="二" sheetId="2" r:id="rId2"/>"# : "") + "</sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/other.xml"/></Relationships>"#),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        if let second { parts.append(("xl/worksheets/other.xml", second)) }
        if let shared { parts.append(("xl/sharedStrings.xml", shared)) }
        if let styles { parts.append(("xl/styles.xml", styles)) }
        for (p, t) in parts {
            let d = Data(t.utf8)
            try archive.addEntry(with: p, type: .file, uncompressedSize: Int64(d.count), compressionMethod: .deflate) { pos, size in
                d.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
    }
}
