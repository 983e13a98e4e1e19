import XCTest
import DubanSynthetic
@testable import DubanCore

/// The speed-ups of issue 7 must not change a single result: each fast path is checked
/// here against the straightforward code it replaced.
final class FastPathTests: XCTestCase {
    let asOf = PlanDate(year: 2020, month: 7, day: 15)!

    /// The store's counts after edits (kept up by remove/add per task) equal a store built
    /// from scratch on the edited plan (the array-based build on open).
    func testBuildOnOpenEqualsIncrementalUpkeep() throws {
        var plan = PlanGenerator(tasks: 1500, units: 120, seed: 21).generate()
        // Aliases, duplicates within a list, a unit both leading and sharing, unknown chapters.
        plan.tasks[0].leadUnits = ["市政府金融办", "市财政局(市政府金融办)", "市财政局(市政府金融办)"]
        plan.tasks[0].coUnits = ["市财政局(市政府金融办)", "市科技局", "市科技局"]
        plan.tasks[1].chapter = "no-such-chapter"
        plan.tasks[2].chapter = nil
        plan.tasks[3].leaders = ["滕敏", "滕敏", "沈辉"]
        let a = PlanStore(plan: plan, rules: Rules(asOf: asOf))
        var r = Xoshiro256(seed: 5)
        for k in 0..<300 {
            let i = r.below(plan.tasks.count)
            let id = a.task(at: i).id
            let command: EditCommand
            switch k % 4 {
            case 0: command = .setStatus(a.task(at: i).status.next)
            case 1: command = .setUnits(lead: [plan.tasks[r.below(50)].leadUnits.first ?? "市科技局"], co: ["市委编办"])
            case 2: command = .setLeaders([["滕敏"], ["沈辉", "郎瑞"], []][r.below(3)])
            default: command = .setDeadline(PlanDate(year: 2020, month: 1 + r.below(12), day: 1))
            }
            try a.apply(Edit(taskID: id, command: command, date: asOf))
        }
        for _ in 0..<40 { a.undo() }
        let b = PlanStore(plan: a.plan, rules: Rules(asOf: asOf))
        XCTAssertEqual(a.unitTallies, b.unitTallies)
        XCTAssertEqual(a.leaderTallies, b.leaderTallies)
        XCTAssertEqual(a.chapterTallies, b.chapterTallies)
        XCTAssertEqual(a.tasksByChapter, b.tasksByChapter)
        XCTAssertEqual(a.childChapters, b.childChapters)
        XCTAssertEqual(a.statusCounts, b.statusCounts)
        XCTAssertEqual(a.totals, b.totals)
        for (name, _) in b.unitWorkload() {
            for role in TaskFilter.UnitRole.allCases {
                XCTAssertEqual(a.query(TaskFilter(unit: name, unitRole: role)), b.query(TaskFilter(unit: name, unitRole: role)), name)
            }
        }
        for (name, _) in b.leaderWorkload() {
            XCTAssertEqual(a.query(TaskFilter(leader: name)), b.query(TaskFilter(leader: name)), name)
        }
        for s in TaskStatus.allCases {
            XCTAssertEqual(a.query(TaskFilter(statuses: [s])), b.query(TaskFilter(statuses: [s])))
        }
        XCTAssertEqual(a.query(TaskFilter(overdueOnly: true)), b.query(TaskFilter(overdueOnly: true)))
        for c in plan.chapters.prefix(200) {
            XCTAssertEqual(a.ancestors(ofChapter: c.id), b.ancestors(ofChapter: c.id))
            XCTAssertEqual(a.query(TaskFilter(chapter: c.id)), b.query(TaskFilter(chapter: c.id)))
        }
    }

    /// The definition, slowly: a chapter is on a loop when following parent links (an id
    /// stands for the last chapter with it) from it comes back to it; each loop is reported
    /// once, by its first chapter.
    func referenceCycles(_ chapters: [Chapter]) -> [Int] {
        var node: [String: Int] = [:]
        for (i, c) in chapters.enumerated() { node[c.id] = i }
        func up(_ i: Int) -> Int? { chapters[i].parent.flatMap { node[$0] } }
        var firsts = Set<Int>()
        for i in chapters.indices {
            var members = [i]
            var x = up(i)
            var steps = 0
            while let y = x, y != i, steps < chapters.count { members.append(y); x = up(y); steps += 1 }
            if x == i { firsts.insert(members.min() ?? i) }
        }
        return firsts.sorted()
    }

    func testCycleSearchAgreesWithTheDefinition() {
        var r = Xoshiro256(seed: 99)
        var found = 0, leadingIn = 0
        for _ in 0..<3000 {
            let n = 1 + r.below(9)
            let ids = (0..<n).map { _ in "c\(r.below(n + 1))" }  // duplicates on purpose
            let chapters = ids.map { id -> Chapter in
                let p: String? = r.chance(0.2) ? nil : "c\(r.below(n + 2))"  // sometimes unknown
                return Chapter(id: id, label: "", title: "", parent: p)
            }
            let d = PlanDecoder(JSONScanner(UnsafeBufferPointer(start: nil, count: 0)), file: "x")
            let expected = referenceCycles(chapters)
            XCTAssertEqual(d.cycles(chapters), expected, "\(chapters.map { ($0.id, $0.parent ?? "-") })")
            if !expected.isEmpty { found += 1 }
            // a loop reached first through a chapter that only leads into it
            if let first = expected.first, first > 0 { leadingIn += 1 }
        }
        XCTAssertGreaterThan(found, 100)
        XCTAssertGreaterThan(leadingIn, 10, "the cases the earlier search missed are covered")
    }

    func testLoopEnteredFromOutsideIsStillReported() {
        // a -> b -> c -> b: a only leads into the loop b <-> c, which is reported at b.
        let text = #"{"formatVersion":1,"title":"T","chapters":[{"id":"a","parent":"b"},{"id":"b","parent":"c"},{"id":"c","parent":"b"}],"tasks":[]}"#
        XCTAssertThrowsError(try PlanJSON.decode(Array(text.utf8), file: "p.json")) { e in
            XCTAssertEqual((e as? PlanLoadError)?.problems.map(\.path), ["chapters[1].parent"])
        }
    }

    func testScannerFastPathsKeepTheirVerdicts() throws {
        // Strings that straddle the eight-byte steps, with escapes and controls at each offset.
        for n in 0..<20 {
            let body = String(repeating: "中", count: n / 3) + String(repeating: "a", count: n % 3)
            let plan = try PlanJSON.decode(Array(#"{"formatVersion":1,"title":"\#(body)\"x\\y","chapters":[],"tasks":[]}"#.utf8), file: "p")
            XCTAssertEqual(plan.title, body + "\"x\\y")
            var bad = Array(#"{"formatVersion":1,"title":"\#(body)"#.utf8)
            bad.append(0x01)
            bad += Array(#"","chapters":[],"tasks":[]}"#.utf8)
            XCTAssertThrowsError(try PlanJSON.decode(bad, file: "p"))
            var invalid = Array(#"{"formatVersion":1,"title":"\#(body)"#.utf8)
            invalid += [0xE4, 0xB8]  // a cut-off character
            invalid += Array(#"","chapters":[],"tasks":[]}"#.utf8)
            XCTAssertThrowsError(try PlanJSON.decode(invalid, file: "p")) { e in
                XCTAssertTrue(String(describing: e).contains("invalid UTF-8"), "\(e)")
            }
        }
        // Interned names: long, repeated, one with an escape, one invalid.
        let unit = "安徽阜阳界首高新技术产业开发区管委会"
        let json = #"{"formatVersion":1,"title":"t","chapters":[],"tasks":[{"id":"a","text":"x","leadUnits":["\#(unit)","\#(unit)","\u5e02\u8d22\u653f\u5c40\u5e02\u8d22\u653f\u5c40"]},{"id":"b","text":"y","leadUnits":["\#(unit)"],"history":[{"date":"2020-01-01","status":"done","progress":100,"note":"n","author":"督查室 于桂艳督查室"}]}]}"#
        let plan = try PlanJSON.decode(Array(json.utf8), file: "p")
        XCTAssertEqual(plan.tasks[0].leadUnits, [unit, unit, "市财政局市财政局"])
        XCTAssertEqual(plan.tasks[1].leadUnits, [unit])
        XCTAssertEqual(plan.tasks[1].history.first?.author, "督查室 于桂艳督查室")
        XCTAssertEqual(plan.tasks[1].history.first?.status, .done)
        var broken = Array(#"{"formatVersion":1,"title":"t","chapters":[],"tasks":[{"id":"a","text":"x","leadUnits":["安徽阜阳界首高新技术产业开发区"#.utf8)
        broken += [0xFF]
        broken += Array(#""]}]}"#.utf8)
        XCTAssertThrowsError(try PlanJSON.decode(broken, file: "p")) { e in
            XCTAssertTrue(String(describing: e).contains("invalid UTF-8"), "\(e)")
        }
    }

    func testNumberFastPathFallsBackForEverythingElse() {
        func problems(_ progress: String) -> String {
            let json = #"{"formatVersion":1,"title":"t","chapters":[],"tasks":[{"id":"a","text":"x","progress":\#(progress)}]}"#
            do { _ = try PlanJSON.decode(Array(json.utf8), file: "p"); return "" } catch { return String(describing: error) }
        }
        XCTAssertEqual(problems("0"), "")
        XCTAssertEqual(problems("100"), "")
        XCTAssertTrue(problems("101").contains("found 101"))
        XCTAssertTrue(problems("1.5").contains("found 1.5"))
        XCTAssertTrue(problems("1e2").contains("found 1e2"))
        XCTAssertTrue(problems("-1").contains("found -1"))
        XCTAssertTrue(problems("007").contains("cannot start with 0"))
        XCTAssertTrue(problems("99999999999999999999999").contains("found 99999999999999999999999"))
    }

    func testWriterFastPathsWriteWhatTheSlowPathsWrote() {
        // Dates: every year shape, including ones PlanDate(year:) refuses but dayNumber allows.
        let days = [0, -1, -719_162, -719_528, 1_000_000, 2_932_896, 2_932_897, 18_000, -400_000]
        for n in days {
            let d = PlanDate(dayNumber: n)
            var w = PlanWriter()
            w.date(d)
            var v = PlanWriter()
            v.string(d.iso)
            XCTAssertEqual(w.out.bytes, v.out.bytes, d.iso)
        }
        for i in [0, 5, 9, 10, 99, 100, 999, 1000, -1, -100, 123_456_789, Int.min, Int.max] {
            var w = PlanWriter()
            w.int(i)
            XCTAssertEqual(String(decoding: w.out.bytes, as: UTF8.self), String(i))
        }
        // Strings: an escape at every offset of a longer string.
        for special in ["\"", "\\", "\u{1}", "\u{7F}", "\n", "\t"] {
            for k in 0..<20 {
                let text = String(repeating: "中", count: k / 3) + String(repeating: "x", count: k % 5) + special + "尾巴"
                var w = PlanWriter()
                w.string(text)
                let back = try? PlanJSON.decode(Array("{\"formatVersion\":1,\"title\":".utf8) + w.out.bytes
                                                 + Array(",\"chapters\":[],\"tasks\":[]}".utf8), file: "p")
                XCTAssertEqual(back?.title, text)
                XCTAssertFalse(Array(text.utf8).withUnsafeBufferPointer { PlanWriter.isClean($0) })
            }
        }
        XCTAssertTrue(Array("任务 plain ascii and 中文 ~ € 😀".utf8).withUnsafeBufferPointer { PlanWriter.isClean($0) })
    }
}
