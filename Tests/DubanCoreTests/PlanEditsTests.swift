import XCTest
import Foundation
import DubanSynthetic
@testable import DubanCore
#if canImport(Glibc)
import Glibc
#endif

/// Issue 16: `duban set` and `duban extend` edit a plan file through `PlanEdits`, without
/// a store. Its look-up and its edits must be the store's: the same task found (or the
/// same refusal), the same plan after the same edits.
final class PlanEditsTests: XCTestCase {
    func testLookupIsTheStoresOnEveryKey() {
        var p = PlanGenerator(tasks: 400, units: 12, seed: 5).generate()
        p.tasks[7].number = "重号"
        p.tasks[300].number = "重号"
        p.tasks[9].number = p.tasks[20].id       // a number that is another task's id: the id wins
        p.tasks[40].number = nil
        let store = PlanStore(plan: p, rules: Rules(asOf: PlanDate(year: 2020, month: 9, day: 1)!))
        var keys = p.tasks.map(\.id) + p.tasks.compactMap(\.number)
        keys += ["重号", "没有这个", "", "t", " 1"]
        var found = 0, ambiguous = 0
        for k in keys {
            let a = p.lookup(k), b = store.lookup(k)
            XCTAssertEqual(a, b, k)
            if case .found = a { found += 1 }
            if case .ambiguous = a { ambiguous += 1 }
        }
        XCTAssertEqual(p.lookup("重号"), .ambiguous([p.tasks[7].id, p.tasks[300].id]))
        XCTAssertEqual(p.lookup(p.tasks[20].id), .found(20))
        XCTAssertGreaterThan(found, 400)
        XCTAssertGreaterThan(ambiguous, 0)
    }

    func testEditsGiveTheStoresPlan() throws {
        let p = PlanGenerator(tasks: 300, units: 10, seed: 8).generate()
        let day = PlanDate(year: 2020, month: 9, day: 1)!
        let store = PlanStore(plan: p, rules: Rules(asOf: day), strings: Strings(.en))
        var edits = PlanEdits(p, strings: Strings(.en))
        XCTAssertFalse(edits.isDirty)
        let ids = [p.tasks[3].id, p.tasks[150].id, p.tasks[3].id, p.tasks[299].id]
        let commands: [EditCommand] = [.setStatus(.done), .setProgress(40), .addNote("已完成立项"),
                                       .requestExtension(to: PlanDate(year: 2021, month: 3, day: 1)!, reason: "资金未到位")]
        for (id, c) in zip(ids, commands) {
            let e = Edit(taskID: id, command: c, date: day, author: "督查室")
            XCTAssertTrue(try edits.apply(e))
            XCTAssertTrue(try store.apply(e))
        }
        XCTAssertTrue(edits.isDirty)
        XCTAssertEqual(PlanJSON.encode(edits.plan), PlanJSON.encode(store.plan))
        XCTAssertEqual(edits.task(at: 3).status, .done)
        // An edit that changes nothing is no change, as in the store.
        XCTAssertFalse(try edits.apply(Edit(taskID: ids[0], command: .setStatus(.done), date: day)))
        XCTAssertThrowsError(try edits.apply(Edit(taskID: "没有", command: .setProgress(1), date: day))) {
            XCTAssertEqual($0 as? EditError, .noSuchTask("没有"))
        }
        XCTAssertThrowsError(try edits.apply(Edit(taskID: ids[1], command: .setProgress(101), date: day))) {
            XCTAssertEqual($0 as? EditError, .progressOutOfRange(101))
        }
    }

    /// The edit session saves only when a task changed, and gives the plan as saved.
    func testSessionSavesOnlyAChange() throws {
        let dir = NSTemporaryDirectory() + "planedits-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/p.json"
        let p = PlanGenerator(tasks: 50, units: 5, seed: 2).generate()
        try PlanFile.save(p, to: path, backup: false)
        let day = PlanDate(year: 2020, month: 9, day: 1)!
        let id = p.tasks[10].id
        let target: TaskStatus = p.tasks[10].status == .done ? .inProgress : .done
        let first = try PlanSession.edit(path: path, command: "test", strings: Strings(.en)) { e in
            try e.apply(Edit(taskID: id, command: .setStatus(target), date: day))
        }
        XCTAssertTrue(first.outcome.saved)
        XCTAssertEqual(first.plan.tasks[10].status, target)
        XCTAssertEqual(try PlanFile.load(path: path).tasks[10].status, target)
        XCTAssertEqual(try PlanFile.load(path: path + ".bak").tasks[10].status, p.tasks[10].status)
        let again = try PlanSession.edit(path: path, command: "test", strings: Strings(.en)) { e in
            try e.apply(Edit(taskID: id, command: .setStatus(target), date: day))
        }
        XCTAssertFalse(again.outcome.saved)
        XCTAssertEqual(PlanJSON.encode(again.plan), try PlanFile.read(path: path))
    }
}
