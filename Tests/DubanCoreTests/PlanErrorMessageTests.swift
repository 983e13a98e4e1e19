import XCTest
import DubanSynthetic
@testable import DubanCore

/// Issue 10: a file that is no plan says what it is; every problem reads in Chinese and in
/// English; a key given twice is an error; a wrongly typed required value is not also
/// reported missing.
final class PlanErrorMessageTests: XCTestCase {
    /// The problems of decoding `bytes`, in the language (empty when it decodes).
    func problems(_ bytes: [UInt8], _ lang: Lang = .en) -> [String] {
        do {
            _ = try PlanJSON.decode(bytes, file: "p.json")
            return []
        } catch let e as PlanLoadError {
            return e.problems.map { $0.message(Strings(lang)) }
        } catch {
            return ["unexpected \(error)"]
        }
    }
    func problems(_ text: String, _ lang: Lang = .en) -> [String] { problems(Array(text.utf8), lang) }

    func both(_ text: String) -> (en: [String], zh: [String]) { (problems(text, .en), problems(text, .zh)) }

    func testAWordIsNamedNotCalledANumber() {
        XCTAssertEqual(problems("hello\n"), ["p.json:1:1: expected a plan object '{', found the word 'hello'"])
        XCTAssertEqual(problems("hello\n", .zh), ["p.json:1:1: 应为计划对象“{”，实际是单词“hello”"])
        XCTAssertEqual(problems("  42"), ["p.json:1:3: expected a plan object '{', found a number"])
        XCTAssertEqual(problems("[1, 2]"), ["p.json:1:1: expected a plan object '{', found an array"])
        XCTAssertEqual(problems("[1, 2]", .zh), ["p.json:1:1: 应为计划对象“{”，实际是数组"])
        XCTAssertEqual(problems("\"plan\""), ["p.json:1:1: expected a plan object '{', found a string"])
        XCTAssertEqual(problems("true"), ["p.json:1:1: expected a plan object '{', found a boolean"])
        XCTAssertEqual(problems("trash"), ["p.json:1:1: expected a plan object '{', found the word 'trash'"])
        XCTAssertEqual(problems("计划"), ["p.json:1:1: expected a plan object '{', found '计'"])
        XCTAssertEqual(problems("{\"title\": hello}"), ["p.json:1:11: expected a value, found the word 'hello'"])
    }

    func testUTF16AndUTF32AreNamedWithTheCommandThatConvertsThem() {
        let json = "{\"title\": \"计划\"}"
        func utf16(_ bigEndian: Bool, bom: Bool) -> [UInt8] {
            var out: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
            for u in json.utf16 { out += bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)] }
            return out
        }
        func utf32(_ bigEndian: Bool, bom: Bool) -> [UInt8] {
            var out: [UInt8] = bom ? (bigEndian ? [0, 0, 0xFE, 0xFF] : [0xFF, 0xFE, 0, 0]) : []
            for s in json.unicodeScalars {
                let v = s.value
                let b = [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
                out += bigEndian ? b.reversed() : b
            }
            return out
        }
        for bom in [true, false] {
            XCTAssertEqual(problems(utf16(false, bom: bom)), ["p.json:1:1: the file is UTF-16 little-endian; a plan is UTF-8: convert it with iconv -f UTF-16LE -t UTF-8"])
            XCTAssertEqual(problems(utf16(true, bom: bom)), ["p.json:1:1: the file is UTF-16 big-endian; a plan is UTF-8: convert it with iconv -f UTF-16BE -t UTF-8"])
            XCTAssertEqual(problems(utf32(false, bom: bom)), ["p.json:1:1: the file is UTF-32 little-endian; a plan is UTF-8: convert it with iconv -f UTF-32LE -t UTF-8"])
            XCTAssertEqual(problems(utf32(true, bom: bom)), ["p.json:1:1: the file is UTF-32 big-endian; a plan is UTF-8: convert it with iconv -f UTF-32BE -t UTF-8"])
        }
        XCTAssertEqual(problems(utf16(false, bom: true), .zh), ["p.json:1:1: 文件是 UTF-16（小端） 编码；计划应为 UTF-8：请用 iconv -f UTF-16LE -t UTF-8 转换"])
    }

    func testBinaryEmptyAndAUTF8ByteOrderMark() {
        XCTAssertEqual(problems([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]), ["p.json:1:1: the file holds binary data (byte 0x7f at offset 0), not a plan; a plan is JSON text in UTF-8"])
        XCTAssertEqual(problems([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], .zh), ["p.json:1:1: 文件是二进制数据（第2字节是 0x03），不是计划；计划应为 UTF-8 的 JSON 文本"])
        XCTAssertEqual(problems(""), ["p.json:1:1: the file is empty; expected a plan: an object with formatVersion, title, chapters and tasks"])
        XCTAssertEqual(problems("", .zh), ["p.json:1:1: 文件是空的；应为一个计划：含 formatVersion、title、chapters 和 tasks 的对象"])
        // A UTF-8 byte order mark is accepted.
        XCTAssertEqual(problems([0xEF, 0xBB, 0xBF] + Array(#"{"formatVersion": 1, "title": "T", "chapters": [], "tasks": []}"#.utf8)), [])
    }

    func testAFileCutShortSaysInsideWhatItEnds() {
        let plan = #"{"formatVersion": 1, "title": "T", "chapters": [], "tasks": [{"id": "t1", "text": "x", "history": [{"date": "2020-01-01", "note": "a"}]}, {"id": "t2", "text": "y"}]}"#
        let cut = { (n: Int) in String(plan.prefix(n)) }
        XCTAssertEqual(problems(cut(plan.count - 2)), ["p.json:1:\(plan.count - 1): the file ends inside tasks: expected ',' or ']'"])
        let inHistory = plan.range(of: #""a"}"#)!.upperBound
        let n = plan.distance(from: plan.startIndex, to: inHistory) - 1
        XCTAssertEqual(problems(cut(n)), ["p.json:1:\(n + 1): the file ends inside tasks[0].history[0]: expected ',' or '}'"])
        XCTAssertEqual(problems(cut(n), .zh), ["p.json:1:\(n + 1): 文件在tasks[0].history[0]内部就结束了：应为“,”或“}”"])
        let t2 = plan.distance(from: plan.startIndex, to: plan.range(of: #""t2","#)!.upperBound)
        XCTAssertEqual(problems(cut(t2)), ["p.json:1:\(t2 + 1): the file ends inside tasks[1]: expected a string"])
        XCTAssertEqual(problems(#"{"title": "#), ["p.json:1:11: the file ends inside the plan object: expected a value"])
        XCTAssertEqual(problems(#"{"title": "#, .zh), ["p.json:1:11: 文件在计划对象内部就结束了：应为一个值"])
    }

    func testAKeyGivenTwiceIsAnErrorNamingBothPlaces() {
        let text = """
        {"formatVersion": 1, "title": "T", "chapters": [],
         "tasks": [{"id": "t1", "text": "x", "status": "done",
           "status": "lagging", "custom": {"a": 1, "b": {"c": [1, {"d": 1, "d": 2}]}, "a": 3},
           "history": [{"date": "2020-01-01", "note": "a", "n\\u006fte": "b"}]}],
         "title": "U"}
        """
        XCTAssertEqual(problems(text), [
            #"p.json:3:4: tasks[0]: duplicate key "status" (first given at line 2); a key may appear once in an object"#,
            #"p.json:3:68: tasks[0].custom.b.c[1]: duplicate key "d" (first given at line 3); a key may appear once in an object"#,
            #"p.json:3:79: tasks[0].custom: duplicate key "a" (first given at line 3); a key may appear once in an object"#,
            #"p.json:4:52: tasks[0].history[0]: duplicate key "note" (first given at line 4); a key may appear once in an object"#,
            #"p.json:5:2: duplicate key "title" (first given at line 1); a key may appear once in an object"#,
        ])
        XCTAssertEqual(problems(text, .zh).first, #"p.json:3:4: tasks[0]: 键 "status" 重复（第2行已有）；同一对象中每个键只能出现一次"#)
        // Many keys in one unknown object (past the linear search) are still checked.
        let many = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        XCTAssertEqual(problems(#"{"formatVersion": 1, "title": "T", "chapters": [], "tasks": [], "x": {"# + many + #", "k3": 0}}"#).count, 1)
        // An escaped key equals its plain spelling, whichever comes first.
        XCTAssertEqual(problems(#"{"formatVersion": 1, "title": "T", "chapters": [], "tasks": [], "x": {"n\u006fte": 1, "note": 2}}"#),
                       [#"p.json:1:87: x: duplicate key "note" (first given at line 1); a key may appear once in an object"#])
        // Keys that only look alike are not duplicates.
        XCTAssertEqual(problems(#"{"formatVersion": 1, "title": "T", "chapters": [], "tasks": [], "ab": 1, "ba": 2, "a": 3, "abc": 4, "x": {"ab": 1}}"#), [])
    }

    func testAKeyGivenTwiceInALargeFileIsFoundOnTwoCoresToo() throws {
        let saved = PlanJSON.parallelDecodeBytes
        PlanJSON.parallelDecodeBytes = 1 << 10
        defer { PlanJSON.parallelDecodeBytes = saved }
        var plan = PlanGenerator(tasks: 200, units: 20, seed: 3).generate()
        plan.title = "T"
        var text = PlanJSON.encodeString(plan)
        // Give the 150th task its status twice (in the second half).
        let id = plan.tasks[150].id
        let r = try XCTUnwrap(text.range(of: "\"id\": \"\(id)\","))
        text.replaceSubrange(r, with: "\"id\": \"\(id)\", \"status\": \"done\",")
        let ps = problems(text)
        XCTAssertEqual(ps.count, 1, "\(ps)")
        XCTAssertTrue(ps.first?.contains("tasks[150]: duplicate key \"status\"") ?? false, "\(ps)")
    }

    func testAWronglyTypedRequiredValueIsNotAlsoMissing() {
        let text = """
        {"formatVersion": 1, "title": "T", "chapters": [{"id": 3, "label": "一", "title": "c"}],
         "tasks": [{"id": "t1", "text": "x", "history": [{"date": "2020-02-30"}, {"date": null}, {"note": "n"}]},
          {"id": ["t2"], "text": "y"}],
         "units": [{"name": false}, {"aliases": []}]}
        """
        XCTAssertEqual(problems(text), [
            "p.json:1:56: chapters[0].id: expected a string, found a number",
            #"p.json:2:59: tasks[0].history[0].date: "2020-02-30" is not a real day (expected a date "YYYY-MM-DD")"#,
            #"p.json:2:83: tasks[0].history[1].date: expected a date "YYYY-MM-DD", found null"#,
            #"p.json:2:90: tasks[0].history[2]: missing required key "date""#,
            "p.json:3:10: tasks[1].id: expected a string, found an array",
            "p.json:4:21: units[0].name: expected a string, found a boolean",
            #"p.json:4:29: units[1]: missing required key "name""#,
        ])
        XCTAssertEqual(problems(text, .zh)[1], #"p.json:2:59: tasks[0].history[0].date: "2020-02-30" 不是真实的日期（应为日期 "YYYY-MM-DD"）"#)
        XCTAssertEqual(problems(text, .zh)[3], #"p.json:2:90: tasks[0].history[2]: 缺少必需的键 "date""#)
    }

    func testEveryProblemKindReadsInBothLanguages() {
        let text = """
        {"formatVersion": 9, "title": 1, "chapters": [{"id": "c1", "label": "一", "title": "c", "parent": "c1"}, {"id": "c1", "label": "二", "title": "d"}],
         "tasks": [{"id": "t1", "text": "x", "status": "finished", "progress": 101, "chapter": "zz", "leaders": [1], "deadlineAssumed": 0},
          {"id": "t1", "text": "y", "deadline": "30/06/2020"}]}
        """
        let (en, zh) = both(text)
        XCTAssertEqual(en.count, zh.count)
        XCTAssertEqual(en[0], "p.json:1:31: title: expected a string, found a number")
        XCTAssertEqual(zh, [
            "p.json:1:31: title: 应为字符串，实际是数字",
            #"p.json:1:105: chapters[1].id: 章节编号 "c1" 重复"#,
            #"p.json:2:48: tasks[0].status: 未知状态 "finished"（应为 notStarted、inProgress、done 或 lagging）"#,
            "p.json:2:72: tasks[0].progress: 应为0 到 100 的整数，实际是101",
            "p.json:2:106: tasks[0].leaders[0]: 应为字符串，实际是数字",
            "p.json:2:129: tasks[0].deadlineAssumed: 应为true 或 false，实际是数字",
            #"p.json:3:41: tasks[1].deadline: 应为日期 "YYYY-MM-DD" 或 null，实际是"30/06/2020""#,
            #"p.json:3:10: tasks[1].id: 任务编号 "t1" 重复"#,
            "p.json:1:19: formatVersion: 格式版本 9 比本督办能读的版本（1）新；请升级督办后再打开",
            #"p.json:2:88: tasks[0].chapter: 没有编号为 "zz" 的章节"#,
        ])
        for line in zh { XCTAssertFalse(line.contains("expected"), line) }
    }

    func testTheCoreErrorsSpeakTheInterfaceLanguage() {
        let zh = Strings(.zh), en = Strings(.en)
        XCTAssertEqual(zh.describe(FileError.cannotRead(path: "p.json", reason: "it is a folder")), "p.json：无法读取：it is a folder")
        XCTAssertEqual(en.describe(FileError.changedOnDisk(path: "p.json")), FileError.changedOnDisk(path: "p.json").description)
        XCTAssertEqual(zh.describe(JournalError.undecided(journal: "p.json.journal")), "p.json.journal：日志中有上次会话未保存的修改；请先恢复或丢弃")
        XCTAssertEqual(en.describe(JournalError.inUse(journal: "j", plan: "p")), JournalError.inUse(journal: "j", plan: "p").description)
        XCTAssertEqual(zh.describe(EditError.progressOutOfRange(120)), "进度 120 不在 0 到 100 之间")
        // English words equal the old descriptions, so logs and tests that compare them keep working.
        let errors: [Error & CustomStringConvertible] = [
            FileError.cannotRead(path: "a", reason: "r"), FileError.cannotWrite(path: "a", reason: "r"), FileError.changedOnDisk(path: "a"),
            JournalError.inUse(journal: "j", plan: "p"), JournalError.cannotCreate(journal: "j", reason: "r"),
            JournalError.cannotWrite(journal: "j", reason: "r"), JournalError.cannotRead(journal: "j", reason: "r"),
            JournalError.undecided(journal: "j"), JournalError.closed(journal: "j"),
            EditError.noSuchTask("t"), EditError.progressOutOfRange(5), EditError.emptyText, EditError.readOnly,
        ]
        for e in errors {
            XCTAssertEqual(en.describe(e), e.description)
            XCTAssertNotEqual(zh.describe(e), e.description)
        }
    }
}
