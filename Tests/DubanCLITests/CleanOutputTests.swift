import XCTest
import Foundation
import DubanCore

/// Issue 10: every text the CLI writes goes through the cleaner (`TerminalText`). Real
/// processes with standard output and error piped (not a terminal): report tables and
/// Markdown, validate's problems and import's warnings hold no ESC, BEL, C1 or bidi control,
/// while CSV and JSON keep the data exactly (JSON escaped, CSV quoted).
final class CleanOutputTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-clean-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    struct Run { var status: Int32; var out: [UInt8]; var err: [UInt8]
        var outText: String { String(decoding: out, as: UTF8.self) }
        var errText: String { String(decoding: err, as: UTF8.self) }
    }

    func duban(_ args: [String]) throws -> Run {
        let r = try runToEnd(CLITests.binary, args, env: ["LANG": "C.UTF-8", "HOME": dir.path], in: dir)
        return Run(status: r.status, out: [UInt8](r.out), err: [UInt8](r.err))
    }

    /// OSC 0 (retitle), CSI 2J (clear), OSC 52 (clipboard), BEL, a bare CR, the C1 CSI, a
    /// bidi override and isolate: what a hostile unit name or task text may hold.
    static let nasty = "\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{1B}]52;c;SGVsbG8=\u{07}\r\u{9B}31m\u{202E}反\u{2066}x\u{2069}"

    /// Bytes that must never reach a terminal from data: C0 controls other than LF and
    /// tab (and CR as part of CSV's CR LF, not checked here), DEL, C1 (C2 80-C2 9F) and the
    /// bidi controls (E2 80 8E/8F, E2 80 AA-AE, E2 81 A6-A9).
    static func assertClean(_ bytes: [UInt8], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for (i, b) in bytes.enumerated() {
            if (b < 0x20 && b != 0x0A && b != 0x09) || b == 0x7F {
                return XCTFail("\(what): control byte 0x\(String(b, radix: 16)) at \(i)", file: file, line: line)
            }
            guard i + 2 < bytes.count else { continue }
            if b == 0xC2 && (0x80...0x9F).contains(bytes[i + 1]) {
                return XCTFail("\(what): C1 control at \(i)", file: file, line: line)
            }
            if b == 0xE2 && bytes[i + 1] == 0x80 && ([0x8E, 0x8F] + Array(0xAA...0xAE)).contains(bytes[i + 2]) {
                return XCTFail("\(what): bidi control at \(i)", file: file, line: line)
            }
            if b == 0xE2 && bytes[i + 1] == 0x81 && (0xA6...0xA9).contains(bytes[i + 2]) {
                return XCTFail("\(what): bidi isolate at \(i)", file: file, line: line)
            }
        }
    }

    func hostilePlan() throws -> String {
        let plan = Plan(title: "计划" + Self.nasty, year: 2020,
                        chapters: [Chapter(id: "c1", label: "一", title: "章" + Self.nasty)],
                        tasks: [PlanTask(id: "t1", number: "1", chapter: "c1", text: "任务" + Self.nasty + "|管道\n第二行",
                                         leaders: ["领导" + Self.nasty], leadUnits: ["单位" + Self.nasty],
                                         deadline: PlanDate(iso: "2020-03-31"), status: .inProgress, progress: 10)])
        let path = dir.appendingPathComponent("hostile.json").path
        try PlanFile.save(plan, to: path, backup: false)
        return path
    }

    func testReportTablesAndMarkdownAreCleanWhilePiped() throws {
        let plan = try hostilePlan()
        for args in [["--by", "unit"], ["--by", "leader"], ["--by", "chapter"], ["--overdue"], ["--overdue", "--wide"],
                     ["--by", "unit", "--format", "markdown"], ["--overdue", "--format", "markdown"]] {
            let r = try duban(["report", plan, "--as-of", "2020-09-01"] + args)
            XCTAssertEqual(r.status, 0, r.errText)
            Self.assertClean(r.out, "report \(args)")
            Self.assertClean(r.err, "report \(args) stderr")
        }
        let table = try duban(["report", plan, "--as-of", "2020-09-01", "--overdue", "--wide"]).outText
        XCTAssertTrue(table.contains("单位^[]0;PWNED^G^[[2J^[]52;c;SGVsbG8=^G↵<9B>31m<U+202E>反<U+2066>x<U+2069>"), table)
        XCTAssertTrue(table.contains("|管道↵第二行"), "one line per row: \(table)")
        let md = try duban(["report", plan, "--as-of", "2020-09-01", "--overdue", "--format", "markdown"]).outText
        XCTAssertTrue(md.contains("\\|管道↵第二行"), "| escaped, the line break shown: \(md)")
        XCTAssertEqual(md.split(separator: "\n").filter { $0.hasPrefix("|") }.count, 3, "one row: \(md)")
    }

    func testCSVAndJSONKeepTheDataExactly() throws {
        let plan = try hostilePlan()
        let csv = try duban(["report", plan, "--as-of", "2020-09-01", "--overdue", "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.errText)
        XCTAssertTrue(csv.outText.contains(",\"单位" + Self.nasty + "\","), "the unit exact, quoted: \(csv.outText.debugDescription)")
        XCTAssertTrue(csv.outText.contains("\"任务" + Self.nasty + "|管道\n第二行\""), csv.outText.debugDescription)

        let json = try duban(["report", plan, "--as-of", "2020-09-01", "--overdue", "--format", "json"])
        XCTAssertEqual(json.status, 0, json.errText)
        Self.assertClean(json.out, "report --format json")
        XCTAssertTrue(json.outText.contains("\\u001b]0;PWNED\\u0007"), json.outText)
        XCTAssertTrue(json.outText.contains("\\u009b31m\\u202e反\\u2066x\\u2069"), json.outText)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.out)) as? [[String: Any]])
        XCTAssertEqual(rows.first?["text"] as? String, "任务" + Self.nasty + "|管道\n第二行")
        XCTAssertEqual(rows.first?["leadUnits"] as? [String], ["单位" + Self.nasty])
        let units = try duban(["report", plan, "--as-of", "2020-09-01", "--format", "json"])
        Self.assertClean(units.out, "report --by unit --format json")
        let unitRows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(units.out)) as? [[String: Any]])
        XCTAssertEqual(unitRows.first?["name"] as? String, "单位" + Self.nasty)
    }

    /// Issue 13: CSV, JSON and Markdown never cut; a table cuts the text to 60 cells, not with --wide.
    func testOnlyATableCutsLongTextsAndWideDoesNot() throws {
        let long = String(repeating: "推进重点项目建设", count: 20) + "结尾"
        let plan = Plan(title: "T", year: 2020, chapters: [],
                        tasks: [PlanTask(id: "t1", number: "1", text: long, leadUnits: ["市发改委"],
                                         deadline: PlanDate(iso: "2020-03-31"), status: .inProgress)])
        let path = dir.appendingPathComponent("long.json").path
        try PlanFile.save(plan, to: path, backup: false)
        func report(_ extra: [String]) throws -> String {
            try duban(["report", path, "--overdue", "--as-of", "2020-09-01"] + extra).outText
        }
        for format in ["csv", "json", "markdown"] {
            let out = try report(["--format", format])
            XCTAssertTrue(out.contains(long), "\(format) holds the whole text")
            XCTAssertFalse(out.contains("…"), "\(format) is not cut")
        }
        let table = try report([])
        XCTAssertFalse(table.contains(long))
        let row = try XCTUnwrap(table.split(separator: "\n").last.map(String.init))
        XCTAssertTrue(row.hasSuffix("…"), row)
        XCTAssertTrue(row.contains(String(long.prefix(29))), row)
        XCTAssertTrue(try report(["--wide"]).contains(long), "--wide cuts nothing")
    }

    func testValidateShowsBadValuesCleaned() throws {
        // The file escapes the controls as JSON does; validate must not print them raw.
        let path = dir.appendingPathComponent("bad.json").path
        try """
        {"formatVersion": 1, "title": "T", "chapters": [],
         "tasks": [{"id": "a", "text": "x", "status": "\\u001b]0;PWNED\\u0007\\u009b2J\\u202e", "progress": 5}]}
        """.write(toFile: path, atomically: false, encoding: .utf8)
        let r = try duban(["validate", path, "--lang", "en"])
        XCTAssertEqual(r.status, 1)
        Self.assertClean(r.out, "validate stdout")
        Self.assertClean(r.err, "validate stderr")
        XCTAssertTrue(r.outText.contains("unknown status \"^[]0;PWNED^G<9B>2J<U+202E>\""), r.outText)
    }

    func testImportWarningsAndMessagesAreClean() throws {
        let notice = """
        2020年重点工作任务分解

        一、扎实做好“六稳”工作

        1.全年城镇新增就业1.2万人。
        牵头单位：市\u{1B}]52;c;SGVsbG8=\u{07}局\u{9B}31m\u{202E}反
        协同单位：市财政局

        2.推进老旧小区改造。
        牵头单位：市住房和城乡建设局

        """
        let path = dir.appendingPathComponent("notice\u{1B}[2J.txt").path
        try notice.write(toFile: path, atomically: false, encoding: .utf8)
        let r = try duban(["import", path, "-o", dir.appendingPathComponent("out.json").path, "--lang", "en"])
        XCTAssertEqual(r.status, 0, r.errText)
        XCTAssertTrue(r.errText.contains("warning"), "the notice gives warnings: \(r.errText)")
        XCTAssertTrue(r.errText.contains("^[]52"), "the warning shows the escape as a placeholder: \(r.errText)")
        XCTAssertTrue(r.errText.contains("notice^[[2J.txt"), "the file name too: \(r.errText)")
        Self.assertClean(r.err, "import stderr")
        Self.assertClean(r.out, "import stdout")
        // A file that does not exist: the error names it, cleaned.
        let missing = try duban(["import", dir.appendingPathComponent("no\u{1B}]0;PWNED\u{07}.txt").path])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.errText.contains("no^[]0;PWNED^G.txt"), missing.errText)
        Self.assertClean(missing.err, "import error")
    }

    func testSetAndUsageErrorsAreClean() throws {
        let plan = try hostilePlan()
        let set = try duban(["set", plan, "1", "--status", "done", "--as-of", "2020-09-01"])
        XCTAssertEqual(set.status, 0, set.errText)
        Self.assertClean(set.out, "set stdout")
        for args in [["set", plan, "\u{1B}]0;PWNED\u{07}", "--status", "done"],
                     ["set", plan, "1", "--status", "\u{1B}[2J\u{9B}"],
                     ["report", plan, "--by", "\u{1B}]0;PWNED\u{07}"],
                     ["\u{1B}]0;PWNED\u{07}"], ["report", plan, "--\u{1B}[2J"]] {
            let r = try duban(args)
            XCTAssertNotEqual(r.status, 0, "\(args)")
            XCTAssertFalse(r.errText.isEmpty, "says why: \(args)")
            Self.assertClean(r.out, "\(args) stdout")
            Self.assertClean(r.err, "\(args) stderr")
        }
        let help = try duban(["report", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.outText.contains("--wide"), help.outText)
        Self.assertClean(help.out, "help")
    }
}
