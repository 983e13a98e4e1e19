import XCTest
import Foundation

/// `duban bulletin` as a user runs it on Tests/Fixtures/cycle/plan.json: the format by
/// extension or --format, the file on disk, refusals that write nothing.
final class BulletinCLITests: XCTestCase {
    var dir: URL!
    var plan: String!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-bulletin-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        plan = dir.appendingPathComponent("plan.json").path
        try FileManager.default.copyItem(atPath: CycleCLITests.fixture.path, toPath: plan)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func duban(_ args: [String], lang: String = "C.UTF-8") throws -> (status: Int32, out: String, err: String) {
        let r = try runToEnd(CycleCLITests.binary, args, env: ["LANG": lang, "HOME": dir.path], in: dir)
        return (r.status, String(decoding: r.out, as: UTF8.self), String(decoding: r.err, as: UTF8.self))
    }

    func testMarkdownTextAndDocxByExtension() throws {
        let md = dir.appendingPathComponent("通报.md").path
        var r = try duban(["bulletin", plan, "--as-of", "2020-07-31", "--since", "2020-06-30", "-o", md])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.err, "通报已写入 \(md)（md）\n")
        let text = try String(contentsOfFile: md, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("# 关于测试市2020年重点工作推进情况的通报\n\n（截至2020年7月31日）\n"), text)
        XCTAssertTrue(text.contains("| 2（并列） | 市交通局 | 2 | 1 | 1 | 1 |"), text)
        XCTAssertTrue(text.contains("与2020年6月30日相比：新增逾期2项，逾期销除2项，新完成2项，持续红灯1项。"), text)

        let txt = dir.appendingPathComponent("b.out").path
        r = try duban(["bulletin", plan, "--as-of", "2020-07-31", "--format", "txt", "-o", txt, "--lang", "en"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(try String(contentsOfFile: txt, encoding: .utf8).hasPrefix("Circular on the progress of 测试市2020年重点工作\n(as of 2020-07-31)\n"))

        let docx = dir.appendingPathComponent("通报.docx").path
        r = try duban(["bulletin", plan, "--as-of", "2020-07-31", "-o", docx])
        XCTAssertEqual(r.status, 0, r.err)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: docx)))
        XCTAssertEqual(Array(bytes.prefix(2)), [0x50, 0x4B], "a ZIP archive")
    }

    func testRefusalsWriteNothing() throws {
        let pdf = dir.appendingPathComponent("x.pdf").path
        var r = try duban(["bulletin", plan, "--as-of", "2020-07-31", "-o", pdf])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("\(pdf)：无法判断通报格式"), r.err)
        r = try duban(["bulletin", plan, "--as-of", "2020-07-31", "--format", "pdf", "-o", pdf])
        XCTAssertTrue(r.err.contains("--format pdf：无效的值；可选 docx, md, txt"), r.err)
        r = try duban(["bulletin", plan, "--as-of", "2020-07-31", "--since", "2020-08-01", "-o", pdf + ".md"])
        XCTAssertTrue(r.err.contains("--since 2020-08-01 不早于 --as-of 2020-07-31"), r.err)
        r = try duban(["bulletin", dir.appendingPathComponent("none.json").path, "--as-of", "2020-07-31", "-o", pdf + ".md"])
        XCTAssertEqual(r.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: pdf))
        XCTAssertFalse(FileManager.default.fileExists(atPath: pdf + ".md"))
    }
}
