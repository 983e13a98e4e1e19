import XCTest
import Foundation

/// `duban import` on Word files as a user runs it (issue 11): a .docx read, a broken one
/// refused in words, a .doc converted by the libreoffice on the PATH (a stand-in here).
final class WordImportCLITests: XCTestCase {
    var dir: URL!
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/docx")

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-word-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func duban(_ args: [String], path: String = "/usr/bin:/bin") throws -> (status: Int32, out: String, err: String) {
        let r = try runToEnd(CLITests.binary, args, env: ["LANG": "C.UTF-8", "PATH": path, "HOME": dir.path], in: dir)
        return (r.status, String(decoding: r.out, as: UTF8.self), String(decoding: r.err, as: UTF8.self))
    }

    func tasks(in plan: String) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plan))) as? [String: Any]
        return json?["tasks"] as? [[String: Any]] ?? []
    }

    func testImportsAWordFile() throws {
        let docx = Self.fixtures.appendingPathComponent("table-notice.docx").path
        let plan = dir.appendingPathComponent("plan.json").path
        let r = try duban(["import", "--lang", "en", docx, "-o", plan])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.contains("table-notice.docx: table of a web page or document"), r.err)
        XCTAssertTrue(r.err.contains("Word (.docx)"), r.err)
        let ts = try tasks(in: plan)
        XCTAssertEqual(ts.count, 6)
        XCTAssertEqual(ts.first?["leadUnits"] as? [String], ["市发改委"])
    }

    func testBrokenWordFileIsRefusedInWords() throws {
        let bad = dir.appendingPathComponent("坏.docx").path
        try Data([0x50, 0x4B, 0x00, 0x01, 0, 0, 0, 0, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: bad))
        let r = try duban(["import", bad])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "\(bad)：不是有效的 Word（.docx）文件：.docx 应为 ZIP 压缩包，此文件不是（也不是文本）\n")
        XCTAssertEqual(r.out, "")
    }

    func testDocConvertedByTheLibreOfficeOnThePath() throws {
        let bin = dir.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let fake = bin.appendingPathComponent("libreoffice")
        try """
        #!/bin/sh
        out=""; prev=""; last=""
        for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; last="$a"; done
        base=$(basename "$last")
        cp '\(Self.fixtures.appendingPathComponent("table-notice.docx").path)' "$out/${base%.*}.docx"
        """.write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let doc = dir.appendingPathComponent("通知.doc").path
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: URL(fileURLWithPath: doc))
        let plan = dir.appendingPathComponent("plan.json").path
        let r = try duban(["import", doc, "-o", plan], path: bin.path + ":/usr/bin:/bin")
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.hasPrefix("\(doc)：Word（.doc）文件，已用 libreoffice --headless --convert-to docx 转换后导入\n"), r.err)
        XCTAssertEqual(try tasks(in: plan).count, 6)
    }
}
