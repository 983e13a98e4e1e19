import Foundation
import XCTest
@testable import DubanImport
import DubanCore

/// Word, WPS, PDF and spreadsheets given to the importer: told by content, with the converter named (issue 11).
final class ForeignFormatTests: XCTestCase {
    /// Converters never run here (ConverterTests runs them), whatever the machine has installed.
    let importer: NoticeImporter = {
        var o = ImportOptions(useUserAliasFile: false)
        o.converters.enabled = false
        return NoticeImporter(options: o)
    }()
    static let ole2: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)

    static func utf16(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }

    static func zip(member: String) -> [UInt8] {
        // A local file header (PK\3\4) and the member's name, as a zip stores it.
        [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0] + [UInt8](repeating: 0, count: 16)
            + [UInt8(member.utf8.count), 0, 0, 0] + Array(member.utf8) + [1, 2, 3, 0, 0xFF]
    }

    func format(of bytes: [UInt8], named name: String) -> NoticeFormat? {
        do { _ = try importer.importNotice(bytes: bytes, source: name); return nil } catch {
            guard case .needsConversion(let f, let format) = error else { XCTFail("\(error)"); return nil }
            XCTAssertEqual(f, name)
            return format
        }
    }

    func testToldByContent() {
        XCTAssertEqual(format(of: Self.ole2, named: "通知.doc"), .doc)
        XCTAssertEqual(format(of: Self.ole2, named: "通知.wps"), .wps)
        XCTAssertEqual(format(of: Self.ole2, named: "清单.xls"), .xls)
        // No telling name: the streams decide.
        XCTAssertEqual(format(of: Self.ole2 + Self.utf16("Workbook"), named: "附件1"), .xls)
        XCTAssertEqual(format(of: Self.ole2 + Self.utf16("WordDocument"), named: "notice.txt"), .doc)
        XCTAssertEqual(format(of: Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj".utf8), named: "notice.txt"), .pdf)
        // Word files are read (DocxTests); this one is a zip cut short.
        XCTAssertEqual(NoticeFormat.sniff(Self.zip(member: "word/document.xml"), name: "通知"), .docx)
        XCTAssertThrowsError(try importer.importNotice(bytes: Self.zip(member: "word/document.xml"), source: "通知")) { e in
            guard case ImportError.word(.damaged(file: "通知", _, _)) = e else { return XCTFail("\(e)") }
        }
        XCTAssertEqual(format(of: Self.zip(member: "xl/workbook.xml"), named: "清单.docx"), .xlsx)
        XCTAssertEqual(format(of: Self.zip(member: "mimetypeapplication/vnd.oasis.opendocument.text"), named: "a.odt"), .odf)
        XCTAssertEqual(format(of: Self.zip(member: "notice.txt"), named: "a.zip"), .zip)
    }

    /// A file named .docx that holds a notice's text is read as the text it is.
    func testTextNamedDocxIsRead() throws {
        let r = try importer.importNotice(bytes: Array("一、稳增长\n1.地区生产总值增长7%以上。\n牵头单位：市发改委\n".utf8), source: "通知.docx")
        XCTAssertEqual(r.plan.tasks.map(\.leadUnits), [["市发改委"]])
    }

    /// A .docx that is no zip and no text: a Word message naming the file, not a crash.
    func testBrokenDocx() {
        XCTAssertThrowsError(try importer.importNotice(bytes: [0x50, 0x4B, 0x00, 0x01, 0, 0, 0, 0, 0xFF], source: "x.docx")) { e in
            guard case ImportError.word(.notZip(file: "x.docx")) = e else { return XCTFail("\(e)") }
        }
        // The same bytes under another name: not text.
        XCTAssertThrowsError(try importer.importNotice(bytes: [0x50, 0x4B, 0x00, 0x01, 0, 0, 0, 0, 0xFF], source: "x.bin")) { e in
            guard case ImportError.notText = e else { return XCTFail("\(e)") }
        }
    }

    func testMessageNamesTheConverterInBothLanguages() {
        let e = ImportError.needsConversion(file: "附件/重点任务.doc", format: .doc)
        let zh = e.message(Strings(.zh)), en = e.message(Strings(.en))
        XCTAssertTrue(zh.hasPrefix("附件/重点任务.doc：这是Word（.doc）文件"), zh)
        XCTAssertTrue(zh.contains("libreoffice --headless --convert-to docx 附件/重点任务.doc && duban import 重点任务.docx"), zh)
        XCTAssertTrue(en.contains("this is a Word (.doc) file"), en)
        XCTAssertEqual(e.description, en)
        let pdf = ImportError.needsConversion(file: "my notice.pdf", format: .pdf).message(Strings(.en))
        XCTAssertTrue(pdf.contains("pdftotext -layout -enc UTF-8 'my notice.pdf' 'my notice.txt'"), pdf)
        // Never the name of the file converted.
        let named = ImportError.needsConversion(file: "/tmp/notice.txt", format: .pdf).message(Strings(.en))
        XCTAssertTrue(named.contains("pdftotext -layout -enc UTF-8 /tmp/notice.txt notice-text.txt && duban import notice-text.txt"), named)
        let doc = ImportError.needsConversion(file: "notice.docx", format: .doc).message(Strings(.en))
        XCTAssertTrue(doc.contains("--convert-to docx --outdir converted notice.docx && duban import converted/notice.docx"), doc)
        let xls = ImportError.needsConversion(file: "清单.xlsx", format: .xlsx).message(Strings(.zh))
        XCTAssertTrue(xls.contains("libreoffice --headless --convert-to html 清单.xlsx && duban import 清单.html"), xls)
    }
}
