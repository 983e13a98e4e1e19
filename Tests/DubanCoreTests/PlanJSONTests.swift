import XCTest
import DubanSynthetic
@testable import DubanCore

final class PlanJSONTests: XCTestCase {
    func decode(_ text: String, file: String = "plan.json") throws -> Plan {
        try PlanJSON.decode(Array(text.utf8), file: file)
    }

    /// The problems' descriptions, for a text that must not load.
    func problems(_ text: String) -> [String] {
        problems(Array(text.utf8))
    }

    func problems(_ bytes: [UInt8]) -> [String] {
        do {
            _ = try PlanJSON.decode(bytes, file: "plan.json")
            XCTFail("expected problems")
            return []
        } catch let e as PlanLoadError {
            return e.problems.map(\.description)
        } catch {
            XCTFail("unexpected error \(error)")
            return []
        }
    }

    func testRoundTripIsByteIdentical() throws {
        var plan = Fixture.plan
        plan.documentNumber = "界政发〔2020〕11号"
        plan.issueDate = PlanDate(iso: "2020-03-02")
        plan.source = "seeds/001.txt"
        plan.chapters[0].goal = "全年PM2.5浓度下降"
        plan.chapters[0].mainTasks = "1. 治理\n2. 修复"
        plan.tasks[0].history = [HistoryEntry(date: PlanDate(iso: "2020-03-01")!, status: .inProgress, progress: 30,
                                              note: "引号\"反斜杠\\ 制表\t控制\u{1}", author: "王五")]
        plan.tasks[0].statusInferred = true
        plan.tasks[0].startDate = PlanDate(iso: "2020-02-01")
        plan.tasks[1].remarks = "😀 emoji and 中文"
        plan.tasks[2].goal = "全年造林5000亩"
        plan.tasks[2].mainTasks = "1. 规划\n2. 造林"
        plan.tasks[1].deadlineText = "6月底前"
        plan.tasks[1].milestones = [Milestone(date: PlanDate(iso: "2020-03-31"), text: "一季度完成招标", done: true),
                                    Milestone(date: nil, text: "适时启动", extra: [JSONField("w", .number("2"))])]
        plan.tasks[1].statusReason = "已于2020年二季度完成"
        plan.tasks[1].origin = SourcePlace(table: 1, row: 3, column: 2)
        plan.tasks[2].origin = SourcePlace(line: 42)
        plan.tasks[0].history.append(HistoryEntry(date: PlanDate(iso: "2020-04-28")!, status: .inProgress,
                                                  progress: 40, note: "月报", author: "市发改委", period: "2020-04"))
        let first = PlanJSON.encode(plan)
        let back = try PlanJSON.decode(first, file: "x")
        XCTAssertEqual(back, plan)
        XCTAssertEqual(PlanJSON.encode(back), first)
    }

    func testParallelEncodingGivesTheSameBytes() throws {
        var plans: [Plan] = [Fixture.plan, Plan(title: "空", chapters: [], tasks: [])]
        var withExtras = Fixture.plan
        withExtras.extra = [JSONField("x", .array([.number("1"), .object([JSONField("k", .string("v"))])]))]
        withExtras.units = []
        withExtras.tasks[3].extra = [JSONField("weight", .number("2"))]
        plans.append(withExtras)
        var one = Fixture.plan
        one.tasks = [one.tasks[0]]
        plans.append(one)
        plans.append(PlanGenerator(tasks: 4321, units: 50, seed: 7).generate())
        for p in plans {
            let single = PlanJSON.encode(p, parallelAbove: Int.max)
            XCTAssertEqual(PlanJSON.encode(p, parallelAbove: 0), single, p.title)
            XCTAssertEqual(try PlanJSON.decode(single, file: "x"), p)
        }
    }

    func testOutputLayoutIsStableAndReadable() {
        let text = PlanJSON.encodeString(Plan(title: "示例", chapters: [],
            tasks: [PlanTask(id: "t1", number: "1", text: "任务", leadUnits: ["市发改委", "市财政局"],
                             deadline: PlanDate(iso: "2020-06-30"))]))
        XCTAssertEqual(text, """
        {
          "formatVersion": 1,
          "title": "示例",
          "chapters": [],
          "tasks": [
            {
              "id": "t1",
              "number": "1",
              "chapter": null,
              "text": "任务",
              "leaders": [],
              "leadUnits": [
                "市发改委",
                "市财政局"
              ],
              "coUnits": [],
              "deadline": "2020-06-30",
              "deadlineAssumed": false,
              "status": "notStarted",
              "progress": 0,
              "remarks": "",
              "history": []
            }
          ]
        }

        """)
    }

    func testNewTaskKeysAreCheckedWithTheirPaths() {
        let text = """
        {"title": "x", "tasks": [{"id": "a", "text": "t", "milestones": [{"date": "2020-13-01", "text": "n"}, {"done": true}],
          "origin": {"line": 0}, "deadlineText": 5}]}
        """
        let all = problems(text).joined(separator: "\n")
        XCTAssertTrue(all.contains("tasks[0].milestones[0].date"), all)
        XCTAssertTrue(all.contains("tasks[0].milestones[1]"), all)
        XCTAssertTrue(all.contains("tasks[0].origin.line"), all)
        XCTAssertTrue(all.contains("tasks[0].deadlineText"), all)
    }

    func testMinimalFileLoadsWithDefaults() throws {
        let p = try decode(#"{"formatVersion":1,"title":"T","chapters":[],"tasks":[{"id":"a","text":"x"}]}"#)
        XCTAssertEqual(p.tasks.count, 1)
        let t = p.tasks[0]
        XCTAssertNil(t.number); XCTAssertNil(t.chapter); XCTAssertNil(t.deadline)
        XCTAssertEqual(t.status, .notStarted); XCTAssertEqual(t.progress, 0)
        XCTAssertEqual(t.leadUnits, []); XCTAssertEqual(t.history, []); XCTAssertFalse(t.deadlineAssumed)
        XCTAssertNil(p.year); XCTAssertEqual(p.units, [])
    }

    func testUnknownKeysAreKept() throws {
        let text = """
        {"formatVersion":1,"title":"T","x-owner":{"name":"督查室","tags":[1,2.50,true,null]},
         "chapters":[{"id":"c","label":"一","title":"t","parent":null,"color":"red"}],
         "tasks":[{"id":"a","text":"x","weight":3e2,"history":[{"date":"2020-01-02","mood":"ok"}]}]}
        """
        let p = try decode(text)
        XCTAssertEqual(p.extra, [JSONField("x-owner", .object([JSONField("name", .string("督查室")),
            JSONField("tags", .array([.number("1"), .number("2.50"), .bool(true), .null]))]))])
        XCTAssertEqual(p.chapters[0].extra, [JSONField("color", .string("red"))])
        XCTAssertEqual(p.tasks[0].extra, [JSONField("weight", .number("3e2"))])
        XCTAssertEqual(p.tasks[0].history[0].extra, [JSONField("mood", .string("ok"))])
        let saved = PlanJSON.encode(p)
        let again = try PlanJSON.decode(saved, file: "x")
        XCTAssertEqual(again, p)
        XCTAssertEqual(PlanJSON.encode(again), saved)
        XCTAssertTrue(String(decoding: saved, as: UTF8.self).contains("\"weight\": 3e2"))
    }

    func testMalformedJSONNamesLineAndColumn() {
        XCTAssertEqual(problems("{\n  \"title\": \"T\",\n  \"tasks\": [,]\n}"),
                       ["plan.json:3:13: expected a value, found ','"])
        XCTAssertEqual(problems("{\"title\": \"T\"") , ["plan.json:1:14: the file ends inside the plan object: expected ',' or '}'"])
        XCTAssertEqual(problems("{\"title\": \"未完"), ["plan.json:1:11: string not closed before the end of the file"])
        XCTAssertEqual(problems("[1]"), ["plan.json:1:1: expected a plan object '{', found an array"])
        XCTAssertEqual(problems("{} x"), ["plan.json:1:4: expected the end of the file after the plan object, found 'x'"])
    }

    func testEmptyFile() {
        XCTAssertEqual(problems(""), ["plan.json:1:1: the file is empty; expected a plan: an object with formatVersion, title, chapters and tasks"])
        XCTAssertEqual(problems("  \n "), ["plan.json:2:2: the file is empty; expected a plan: an object with formatVersion, title, chapters and tasks"])
    }

    func testMissingRequiredKeys() {
        XCTAssertEqual(problems(#"{"title":"T","tasks":[{"text":"x"}]}"#).sorted(), [
            #"plan.json:1:23: tasks[0]: missing required key "id""#,
            #"plan.json:1:1: missing required key "formatVersion""#,
            #"plan.json:1:1: missing required key "chapters""#,
        ].sorted())
    }

    let head = #"{"formatVersion":1,"title":"T","chapters":[{"id":"c1","label":"一","title":"章"}],"tasks":["#

    func testWrongTypesUnknownStatusImpossibleDateProgress() {
        let body = head + """

        {"id":"a","text":"x","status":"finished"},
        {"id":"b","text":"x","deadline":"2021-02-29"},
        {"id":"c","text":"x","deadline":"30/06/2020"},
        {"id":"d","text":"x","progress":120},
        {"id":"e","text":"x","progress":"50"},
        {"id":"f","text":7},
        {"id":"g","text":"x","leadUnits":"市发改委"},
        {"id":"h","text":"x","deadlineAssumed":"yes"}
        ]}
        """
        XCTAssertEqual(problems(body), [
            #"plan.json:2:31: tasks[0].status: unknown status "finished" (expected notStarted, inProgress, done or lagging)"#,
            #"plan.json:3:33: tasks[1].deadline: "2021-02-29" is not a real day (expected a date "YYYY-MM-DD")"#,
            #"plan.json:4:33: tasks[2].deadline: expected a date "YYYY-MM-DD" or null, found "30/06/2020""#,
            "plan.json:5:33: tasks[3].progress: expected a whole number from 0 to 100, found 120",
            "plan.json:6:33: tasks[4].progress: expected a whole number from 0 to 100, found a string",
            "plan.json:7:18: tasks[5].text: expected a string, found a number",
            "plan.json:8:34: tasks[6].leadUnits: expected an array of strings, found a string",
            "plan.json:9:40: tasks[7].deadlineAssumed: expected true or false, found a string",
        ])
    }

    func testDuplicateIdsAndMissingChapter() {
        let body = head + """

        {"id":"a","text":"x","chapter":"c1"},
        {"id":"a","text":"y","chapter":"c9"}
        ]}
        """
        XCTAssertEqual(problems(body), [
            #"plan.json:3:7: tasks[1].id: duplicate task id "a""#,
            #"plan.json:3:32: tasks[1].chapter: no chapter has the id "c9""#,
        ])
    }

    func testChapterParentsMustExistAndNotLoop() {
        let text = #"{"formatVersion":1,"title":"T","chapters":[{"id":"a","parent":"b"},{"id":"b","parent":"a"},{"id":"c","parent":"zz"}],"tasks":[]}"#
        let p = problems(text)
        XCTAssertTrue(p.contains(#"plan.json:1:111: chapters[2].parent: no chapter has the id "zz""#), "\(p)")
        XCTAssertTrue(p.contains(#"plan.json:1:63: chapters[0].parent: chapter "a" is its own ancestor"#), "\(p)")
    }

    func testInvalidUTF8() {
        var bytes = Array(#"{"formatVersion":1,"title":"T","chapters":[],"tasks":[{"id":"a","text":"ab"#.utf8)
        bytes += [0xE4, 0xB8]  // a cut-off 中
        bytes += Array(#""}]}"#.utf8)
        XCTAssertEqual(problems(bytes), ["plan.json:1:72: invalid UTF-8 in a string"])
    }

    func testNewerFormatVersion() {
        XCTAssertEqual(problems(#"{"formatVersion":2,"title":"T","chapters":[],"tasks":[]}"#),
                       ["plan.json:1:18: formatVersion: format version 2 is newer than this duban reads (1); upgrade duban to open it"])
    }

    func testEscapesAndBOM() throws {
        let text = "\u{FEFF}" + #"{"formatVersion":1,"title":"\u7763\u529e \ud83d\ude00 \"q\" \/","chapters":[],"tasks":[]}"#
        XCTAssertEqual(try decode(text).title, "督办 😀 \"q\" /")
        XCTAssertTrue(problems(#"{"formatVersion":1,"title":"\ud83d","chapters":[],"tasks":[]}"#)[0].contains("unpaired surrogate"))
        XCTAssertTrue(problems(#"{"formatVersion":1,"title":"\q","chapters":[],"tasks":[]}"#)[0].contains("invalid escape \\q"))
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let deep = #"{"formatVersion":1,"title":"T","chapters":[],"tasks":[],"x":"# + String(repeating: "[", count: 100_000)
        XCTAssertTrue(problems(deep)[0].contains("nested more than 512 levels"))
    }
}
