import DubanCore
import DubanSheets
import Foundation
import XCTest

/// `duban import TABLE.xlsx|csv` reads units and dates as a text notice does: --aliases and
/// the user's alias file merge a unit's names; a date cell (a serial), ISO text, 2020.6.30
/// and 6月30日 all reach the deadline.
final class TableImportAliasTests: XCTestCase {
    func env(_ extra: [String: String] = [:]) -> [String: String] {
        ["LANG": "C.UTF-8", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": "/nonexistent"].merging(extra) { $1 }
    }

    func testXlsxTableHonoursAliasesAndReadsEveryDateForm() throws {
        let dir = try scratch("import-alias")
        try python("""
        import sys, datetime, openpyxl
        wb = openpyxl.Workbook(); ws = wb.active
        ws.append(["序号", "工作任务", "牵头单位", "完成时限"])
        ws.append([1, "修路。", "市城建委", datetime.datetime(2020, 6, 30)])
        ws.append([2, "修桥。", "市城乡建设委员会", "2020-09-30"])
        ws.append([3, "修渠。", "市城建委", "2020.10.31"])
        ws.append([4, "修堤。", "市城建委", "11月30日"])
        wb.save(sys.argv[1])
        """, [dir.appendingPathComponent("表.xlsx").path])
        // The serial really is a number cell with a date format (not text).
        let book = try XLSXReader().read(path: dir.appendingPathComponent("表.xlsx").path)
        XCTAssertTrue(book.sheets[0].rows[1][3].isDate)

        let plain = try runProgram(dubanBinary, ["import", "表.xlsx", "--year", "2020", "--no-user-aliases", "-o", "plain.json"], in: dir, env: env())
        XCTAssertEqual(plain.status, 0, plain.err)
        let p0 = try PlanFile.load(path: dir.appendingPathComponent("plain.json").path)
        XCTAssertEqual(p0.units.count, 2, "without the alias the two names are two units")
        XCTAssertEqual(p0.tasks.map { $0.deadline?.iso }, ["2020-06-30", "2020-09-30", "2020-10-31", "2020-11-30"])

        try "城建委 = 城乡建设委员会\n".write(to: dir.appendingPathComponent("my.txt"), atomically: true, encoding: .utf8)
        let r = try runProgram(dubanBinary, ["import", "表.xlsx", "--year", "2020", "--aliases", "my.txt", "--no-user-aliases", "-o", "p.json"], in: dir, env: env())
        XCTAssertEqual(r.status, 0, r.err)
        let p = try PlanFile.load(path: dir.appendingPathComponent("p.json").path)
        XCTAssertEqual(p.units.count, 1)
        XCTAssertEqual(p.tasks.map(\.leadUnits), [["市城建委"], ["市城建委"], ["市城建委"], ["市城建委"]])
        XCTAssertEqual(p.units.first?.aliases, ["市城乡建设委员会"])
    }

    func testCsvTableHonoursTheUsersAliasFile() throws {
        let dir = try scratch("import-alias-csv")
        let csv = "序号,工作任务,牵头单位,完成时限\n1,修路。,市城建委,2020-06-30\n2,修桥。,市城乡建设委员会,2020.6.30\n"
        try Data([0xEF, 0xBB, 0xBF] + Array(csv.utf8)).write(to: dir.appendingPathComponent("表.csv"))
        let user = dir.appendingPathComponent("aliases.txt").path
        try "城建委 = 城乡建设委员会\n".write(toFile: user, atomically: true, encoding: .utf8)
        let r = try runProgram(dubanBinary, ["import", "表.csv", "-o", "p.json"], in: dir, env: env(["DUBAN_ALIASES": user]))
        XCTAssertEqual(r.status, 0, r.err)
        let p = try PlanFile.load(path: dir.appendingPathComponent("p.json").path)
        XCTAssertEqual(p.units.count, 1, "the user's alias file merged the two names")
        XCTAssertEqual(p.tasks.map { $0.deadline?.iso }, ["2020-06-30", "2020-06-30"])
        let off = try runProgram(dubanBinary, ["import", "表.csv", "--no-user-aliases", "-o", "q.json"], in: dir, env: env(["DUBAN_ALIASES": user]))
        XCTAssertEqual(off.status, 0, off.err)
        XCTAssertEqual(try PlanFile.load(path: dir.appendingPathComponent("q.json").path).units.count, 2)
    }

    /// A Word file is a zip and an old .doc is OLE2 like an old .xls: only workbooks go to
    /// the spreadsheet reader; the rest to the notice importer.
    func testOnlyWorkbooksAreTakenForSpreadsheets() {
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array("word/document.xml".utf8)
        let book: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array("xl/workbook.xml".utf8)
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]
        XCTAssertNil(SheetFile.kind(bytes: zip, name: "通知.docx"))
        XCTAssertNil(SheetFile.kind(bytes: zip, name: "attachment"))
        XCTAssertEqual(SheetFile.kind(bytes: book, name: "attachment"), .xlsx)
        XCTAssertEqual(SheetFile.kind(bytes: zip, name: "表.xlsx"), .xlsx, "named a workbook: the reader says what is wrong with it")
        XCTAssertNil(SheetFile.kind(bytes: ole, name: "通知.doc"))
        XCTAssertNil(SheetFile.kind(bytes: ole, name: "通知.wps"))
        XCTAssertEqual(SheetFile.kind(bytes: ole, name: "清单.xls"), .xls)
        XCTAssertEqual(SheetFile.kind(bytes: Array("a,b\n".utf8), name: "t.csv"), .csv)
    }
}
