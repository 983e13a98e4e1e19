import Foundation
import XCTest
@testable import DubanImport
import DubanCore

/// .doc, .wps and .pdf with a converter on the search path: it is run in a folder of its own,
/// with a time limit, and what it writes is imported. The converters here are scripts standing
/// in for libreoffice and pdftotext, so the test does not depend on what the machine has.
final class ConverterTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("duban-conv-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func install(_ name: String, _ script: String) throws {
        let p = folder.appendingPathComponent(name)
        try ("#!/bin/sh\n" + script).write(to: p, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: p.path)
    }

    func importer(timeout: Double = 60) -> NoticeImporter {
        var o = ImportOptions(useUserAliasFile: false)
        o.converters.searchPath = folder.path
        o.converters.timeout = timeout
        return NoticeImporter(options: o)
    }

    static let docxFixture = Fixtures.folder.appendingPathComponent("docx/table-notice.docx").path
    static let textFixture = Fixtures.folder.appendingPathComponent("docx/seed-000.txt").path

    /// A fake libreoffice: writes the fixture .docx into --outdir under the input's name.
    static let libreoffice = """
    out=""; prev=""; last=""
    for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; last="$a"; done
    base=$(basename "$last")
    cp '\(docxFixture)' "$out/${base%.*}.docx"
    """

    func testDocConvertedWithLibreOfficeAndImported() throws {
        try install("libreoffice", Self.libreoffice)
        let r = try importer().importNotice(bytes: ForeignFormatTests.ole2, source: "通知.doc")
        XCTAssertEqual(r.plan.tasks.count, 6)
        XCTAssertEqual(r.plan.tasks[1].leadUnits, ["市住建局"])
        XCTAssertEqual(r.convertedWith, "libreoffice --headless --convert-to docx")
        XCTAssertEqual(r.convertedFrom, .doc)
        XCTAssertEqual(Strings(.en).format(.importConverted, "通知.doc", r.convertedFrom!.kind(Strings(.en)), r.convertedWith!),
                       "通知.doc: a Word (.doc) file, converted with libreoffice --headless --convert-to docx and imported")
        XCTAssertTrue(r.encoding.hasPrefix("Word (.doc) via libreoffice"), r.encoding)
        // The temporary folder is gone.
        let left = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
            .filter { $0.hasPrefix("duban-convert-\(getpid())-") }
        XCTAssertEqual(left, [])
    }

    func testPDFConvertedWithPdftotext() throws {
        try install("pdftotext", "for a in \"$@\"; do last=\"$a\"; done\ncp '\(Self.textFixture)' \"$last\"\n")
        let pdf = Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj".utf8)
        let r = try importer().importNotice(bytes: pdf, source: "通知.pdf")
        let direct = try Seeds.importer.importNotice(path: Self.textFixture)
        XCTAssertEqual(r.plan.tasks.count, direct.plan.tasks.count)
        XCTAssertEqual(r.plan.tasks.map(\.leadUnits), direct.plan.tasks.map(\.leadUnits))
        XCTAssertEqual(r.convertedWith, "pdftotext -layout -enc UTF-8")
    }

    func testConverterThatFailsNamesItAndTheManualCommand() throws {
        try install("libreoffice", "echo 'Error: source file could not be loaded' >&2\nexit 1\n")
        XCTAssertThrowsError(try importer().importNotice(bytes: ForeignFormatTests.ole2, source: "坏.doc")) { e in
            guard case ImportError.converter(let c) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(c, .failed(file: "坏.doc", program: "libreoffice", reason: "exit 1: Error: source file could not be loaded",
                                      manual: "libreoffice --headless --convert-to docx 坏.doc && duban import 坏.docx"))
            XCTAssertTrue(c.message(Strings(.zh)).hasPrefix("坏.doc：用 libreoffice 转换失败（exit 1: Error: source file could not be loaded）"), c.message(Strings(.zh)))
        }
        // Ends well but writes nothing.
        try install("libreoffice", "exit 0\n")
        XCTAssertThrowsError(try importer().importNotice(bytes: ForeignFormatTests.ole2, source: "坏.wps")) { e in
            guard case ImportError.converter(.noOutput(file: "坏.wps", program: "libreoffice", _)) = e else { return XCTFail("\(e)") }
        }
    }

    func testConverterThatHangsIsStopped() throws {
        try install("pdftotext", "sleep 60\n")
        XCTAssertThrowsError(try importer(timeout: 0.5).importNotice(bytes: Array("%PDF-1.4\n".utf8), source: "慢.pdf")) { e in
            guard case ImportError.converter(.timedOut(file: "慢.pdf", program: "pdftotext", seconds: 1, _)) = e else { return XCTFail("\(e)") }
        }
    }

    /// A converter whose output is again a file to convert is not run twice.
    func testNoConversionOfAConversion() throws {
        try install("libreoffice", """
        out=""; prev=""
        for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
        printf '\\320\\317\\021\\340\\241\\261\\032\\341' > "$out/notice.docx"
        """)
        XCTAssertThrowsError(try importer().importNotice(bytes: ForeignFormatTests.ole2, source: "x.doc")) { e in
            guard case ImportError.needsConversion(file: "x.doc", format: .doc) = e else { return XCTFail("\(e)") }
        }
    }

    /// No converter on the path: the message naming it, as before.
    func testWithoutConverterTheMessage() {
        XCTAssertThrowsError(try importer().importNotice(bytes: ForeignFormatTests.ole2, source: "x.doc")) { e in
            guard case ImportError.needsConversion(file: "x.doc", format: .doc) = e else { return XCTFail("\(e)") }
        }
    }
}
