import XCTest
import Foundation

/// Issue 10, clear errors: each case runs the binary and checks its exact message in
/// Chinese (the default) and in English, and a non-zero exit.
final class ErrorCLITests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-errors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    struct Run { var status: Int32; var out: String; var err: String; var seconds: Double }

    func duban(_ args: [String], env: [String: String] = ["LANG": "C.UTF-8"]) throws -> Run {
        let r = try runToEnd(CLITests.binary, args, env: env, in: dir)
        return Run(status: r.status, out: String(decoding: r.out, as: UTF8.self),
                   err: String(decoding: r.err, as: UTF8.self), seconds: r.seconds)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    /// The first line of standard error (ArgumentParser's usage lines follow it).
    func firstErrorLine(_ r: Run) -> String { String(r.err.split(separator: "\n").first ?? "") }

    func testHugeGenerateIsRefusedFastWithALimit() throws {
        let r = try duban(["generate", "--tasks", "1000000000"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertNotEqual(r.status, 134, "not SIGABRT")
        XCTAssertLessThan(r.seconds, 5)
        XCTAssertEqual(firstErrorLine(r), "Error: --tasks 1000000000：应为 0 到 1000000 之间的整数（一个省的计划也不过几万项任务）")
        XCTAssertTrue(r.out.isEmpty)
        let en = try duban(["generate", "--tasks", "1000000000", "--lang", "en"])
        XCTAssertNotEqual(en.status, 0)
        XCTAssertEqual(firstErrorLine(en), "Error: --tasks 1000000000: expected a whole number from 0 to 1000000 (a province's plan has tens of thousands of tasks)")
        for (args, zh, english) in [
            (["--tasks", "-5"], "Error: --tasks -5：应为 0 到 1000000 之间的整数（一个省的计划也不过几万项任务）",
             "Error: --tasks -5: expected a whole number from 0 to 1000000 (a province's plan has tens of thousands of tasks)"),
            (["--tasks", "99999999999999999999"], "Error: --tasks 99999999999999999999：应为 0 到 1000000 之间的整数（一个省的计划也不过几万项任务）",
             "Error: --tasks 99999999999999999999: expected a whole number from 0 to 1000000 (a province's plan has tens of thousands of tasks)"),
            (["--tasks", "3", "--units", "0"], "Error: --units 0：应为 1 到 100000 之间的整数", "Error: --units 0: expected a whole number from 1 to 100000"),
            (["--tasks", "3", "--units", "-1"], "Error: --units -1：应为 1 到 100000 之间的整数", "Error: --units -1: expected a whole number from 1 to 100000"),
            (["--tasks", "3", "--units", "1000000000"], "Error: --units 1000000000：应为 1 到 100000 之间的整数", "Error: --units 1000000000: expected a whole number from 1 to 100000"),
            (["--tasks", "3", "--seed", "-1"], "Error: --seed -1：应为从 0 起的整数", "Error: --seed -1: expected a whole number from 0"),
            (["--tasks", "3", "--seed", "99999999999999999999999"], "Error: --seed 99999999999999999999999：应为从 0 起的整数",
             "Error: --seed 99999999999999999999999: expected a whole number from 0"),
        ] {
            let z = try duban(["generate"] + args), e = try duban(["generate"] + args + ["--lang", "en"])
            XCTAssertNotEqual(z.status, 0, "\(args)")
            XCTAssertEqual(firstErrorLine(z), zh)
            XCTAssertEqual(firstErrorLine(e), english)
        }
        let zero = try duban(["generate", "--tasks", "0"])
        XCTAssertEqual(zero.status, 0, zero.err)
    }

    func testValidateSaysWhatTheFileIs() throws {
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in "{\"title\": \"计划\"}".utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let cases: [(String, [UInt8], String, String)] = [
            ("hello.json", Array("hello\n".utf8), "1:1: 应为计划对象“{”，实际是单词“hello”", "1:1: expected a plan object '{', found the word 'hello'"),
            ("utf16.json", utf16, "1:1: 文件是 UTF-16（小端） 编码；计划应为 UTF-8：请用 iconv -f UTF-16LE -t UTF-8 转换",
             "1:1: the file is UTF-16 little-endian; a plan is UTF-8: convert it with iconv -f UTF-16LE -t UTF-8"),
            ("bin.json", [0x1F, 0x8B, 0x08, 0x00], "1:1: 文件是二进制数据（第0字节是 0x1f），不是计划；计划应为 UTF-8 的 JSON 文本",
             "1:1: the file holds binary data (byte 0x1f at offset 0), not a plan; a plan is JSON text in UTF-8"),
            ("empty.json", [], "1:1: 文件是空的；应为一个计划：含 formatVersion、title、chapters 和 tasks 的对象",
             "1:1: the file is empty; expected a plan: an object with formatVersion, title, chapters and tasks"),
            ("array.json", Array("[{\"id\": \"t1\"}]".utf8), "1:1: 应为计划对象“{”，实际是数组", "1:1: expected a plan object '{', found an array"),
            ("string.json", Array("\"plan\"".utf8), "1:1: 应为计划对象“{”，实际是字符串", "1:1: expected a plan object '{', found a string"),
            ("cut.json", Array("{\"formatVersion\": 1, \"title\": \"T\", \"chapters\": [],\n \"tasks\": [{\"id\": \"t1\", \"text\": \"x\"}, {\"id\": \"t2\"".utf8),
             "2:50: 文件在tasks[1]内部就结束了：应为“,”或“}”", "2:50: the file ends inside tasks[1]: expected ',' or '}'"),
            ("history.json", Array("{\"formatVersion\": 1, \"title\": \"T\", \"chapters\": [],\n \"tasks\": [{\"id\": \"t1\", \"text\": \"x\", \"history\": [{\"date\": \"2020-02-30\"}]}]}".utf8),
             "2:59: tasks[0].history[0].date: \"2020-02-30\" 不是真实的日期（应为日期 \"YYYY-MM-DD\"）",
             "2:59: tasks[0].history[0].date: \"2020-02-30\" is not a real day (expected a date \"YYYY-MM-DD\")"),
            ("dup.json", Array("{\"formatVersion\": 1, \"title\": \"T\", \"chapters\": [],\n \"tasks\": [{\"id\": \"t1\", \"text\": \"x\",\n  \"text\": \"y\"}]}".utf8),
             "3:3: tasks[0]: 键 \"text\" 重复（第2行已有）；同一对象中每个键只能出现一次",
             "3:3: tasks[0]: duplicate key \"text\" (first given at line 2); a key may appear once in an object"),
        ]
        for (name, bytes, zh, en) in cases {
            let path = try write(name, bytes)
            let z = try duban(["validate", path])
            XCTAssertEqual(z.status, 1, name)
            XCTAssertEqual(z.out, "\(path):\(zh)\n", name)
            XCTAssertEqual(z.err, "\(path)：发现1个问题\n", name)
            let e = try duban(["validate", path, "--lang", "en"])
            XCTAssertEqual(e.status, 1, name)
            XCTAssertEqual(e.out, "\(path):\(en)\n", name)
            let env = try duban(["validate", path], env: ["LANG": "en_US.UTF-8"])
            XCTAssertEqual(env.out, e.out, name)
        }
        // A UTF-8 byte order mark is accepted.
        let bom = try write("bom.json", [0xEF, 0xBB, 0xBF] + Array("{\"formatVersion\": 1, \"title\": \"T\", \"chapters\": [], \"tasks\": []}".utf8))
        let ok = try duban(["validate", bom])
        XCTAssertEqual(ok.status, 0, ok.out)
        // A file that cannot be read at all says so in the language.
        let missing = dir.appendingPathComponent("none.json").path
        let r = try duban(["validate", missing])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.out.hasPrefix("\(missing)：无法读取："), r.out)
        XCTAssertTrue(try duban(["report", missing, "--lang", "en"]).err.hasPrefix("\(missing): cannot read: "))
    }

    func testNegativeAndWrongNumbersSayWhatIsExpected() throws {
        let plan = try write("plan.json", """
        {"formatVersion": 1, "title": "T", "chapters": [], "tasks": [{"id": "t1", "number": "3", "text": "x"}]}
        """)
        let before = try Data(contentsOf: URL(fileURLWithPath: plan))
        for (args, zh, en) in [
            (["--progress", "-1"], "Error: 进度“-1”无效，应为 0 到 100 的整数", "Error: invalid progress \"-1\", expected a whole number from 0 to 100"),
            (["--progress", "101"], "Error: 进度“101”无效，应为 0 到 100 的整数", "Error: invalid progress \"101\", expected a whole number from 0 to 100"),
            (["--deadline", "-3"], "Error: 时限“-3”无法识别，可写 2020-06-30、2020.6.30、6月30日、10月15日、6月底、年底",
             "Error: cannot read the deadline \"-3\"; write 2020-06-30, 2020.6.30, 6月30日, 10月15日, 6月底 or 年底"),
            (["--status", "-x"], "Error: 状态“-x”无效，应为 notStarted、inProgress、done、lagging 或 未启动、推进中、已完成、滞后",
             "Error: invalid status \"-x\", expected notStarted, inProgress, done, lagging or 未启动, 推进中, 已完成, 滞后"),
            (["--progress", "5", "--as-of", "-1"], "Error: 日期“-1”无效，应为 YYYY-MM-DD", "Error: invalid date \"-1\", expected YYYY-MM-DD"),
        ] {
            let z = try duban(["set", plan, "3"] + args), e = try duban(["set", plan, "3"] + args + ["--lang", "en"])
            XCTAssertNotEqual(z.status, 0, "\(args)")
            XCTAssertEqual(firstErrorLine(z), zh)
            XCTAssertNotEqual(e.status, 0, "\(args)")
            XCTAssertEqual(firstErrorLine(e), en)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: plan)), before, "nothing written")
        // A note may start with '-'.
        let note = try duban(["set", plan, "3", "--note", "-已开工", "--as-of", "2020-05-01"])
        XCTAssertEqual(note.status, 0, note.err)
        XCTAssertTrue(try String(contentsOfFile: plan, encoding: .utf8).contains("-已开工"))
        let year = try duban(["import", "x.txt", "--year", "-2020"])
        XCTAssertNotEqual(year.status, 0)
        XCTAssertEqual(firstErrorLine(year), "Error: --year -2020：应为年份，如 2020")
        let report = try duban(["report", plan, "--as-of", "-1", "--lang", "en"])
        XCTAssertNotEqual(report.status, 0)
        XCTAssertEqual(firstErrorLine(report), "Error: invalid date \"-1\", expected YYYY-MM-DD")
    }

    func testAnUnknownLanguageIsRefusedNamingZhAndEn() throws {
        let plan = try write("plan.json", "{\"formatVersion\": 1, \"title\": \"T\", \"chapters\": [], \"tasks\": []}")
        for args in [["validate", plan], ["report", plan], ["set", plan, "t1", "--progress", "5"], ["generate", "--tasks", "1"],
                     ["demo"], ["recover", plan], [plan]] {
            let r = try duban(args + ["--lang", "fr"])
            XCTAssertNotEqual(r.status, 0, "\(args)")
            XCTAssertEqual(firstErrorLine(r), "Error: --lang fr：不支持此语言；可选 zh（中文）或 en（英文）", "\(args)")
            XCTAssertTrue(r.out.isEmpty, "\(args)")
            let en = try duban(args + ["--lang", "fr"], env: ["LANG": "en_GB.UTF-8"])
            XCTAssertEqual(firstErrorLine(en), "Error: --lang fr: not a language duban speaks; use zh (Chinese) or en (English)", "\(args)")
        }
        XCTAssertEqual(try duban(["validate", plan, "--lang", "EN"]).status, 0)
        XCTAssertEqual(try duban(["validate", plan, "--lang", "zh"]).status, 0)
    }

    func testImportErrorsSpeakTheLanguage() throws {
        let empty = try write("empty.txt", "")
        let z = try duban(["import", empty])
        XCTAssertEqual(z.status, 1)
        XCTAssertEqual(z.err, "\(empty)：文件是空的；应为任务分解通知的文本\n")
        let e = try duban(["import", empty, "--lang", "en"])
        XCTAssertEqual(e.err, "\(empty): the file is empty; expected the text of a task decomposition notice\n")
    }
}
