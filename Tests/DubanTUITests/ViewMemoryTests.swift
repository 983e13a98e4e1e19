import XCTest
import DubanCore
@testable import DubanTUI
#if canImport(Glibc)
import Glibc
#endif

/// The view remembered per plan (XDG state folder): written and read back, restored into
/// the state; a damaged, foreign or hostile file is ignored without a crash.
final class ViewMemoryTests: XCTestCase {
    var dir = ""
    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "duban-view-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func state() -> DashboardState {
        let (d, _) = Fixture.dashboard(width: 120, height: 40)
        var s = d.state
        s.resize(width: 120, height: 40)
        return s
    }

    func testAViewIsWrittenReadBackAndRestored() throws {
        var s = state()
        _ = reduce(&s, .event(.key(.char("d"))))
        for c in ":sort deadline" { _ = reduce(&s, .event(.key(.char(c)))) }
        _ = reduce(&s, .event(.key(.enter)))
        _ = reduce(&s, .event(.key(.char("O"))))
        _ = reduce(&s, .event(.key(.down)))
        s.folded = ["c1"]
        s.filter.unit = "市生态环境局"
        s.refresh()
        let selected = s.store.task(at: try XCTUnwrap(s.selectedTask)).id
        _ = reduce(&s, .event(.key(.tab)))
        let plan = dir + "/plan.json"
        let v = s.savedView(planPath: plan)
        let env = ["XDG_STATE_HOME": dir + "/state", "HOME": "/nonexistent"]
        XCTAssertTrue(v.save(environment: env))
        let file = SavedView.file(forPlan: plan, in: dir + "/state/duban")
        XCTAssertTrue(FileManager.default.fileExists(atPath: file), "one file per plan, by its path's hash")
        XCTAssertEqual(SavedView.file(forPlan: plan, in: "/x"), SavedView.file(forPlan: plan, in: "/x"), "the same name every run")
        XCTAssertNotEqual(SavedView.file(forPlan: plan, in: "/x"), SavedView.file(forPlan: plan + "2", in: "/x"))
        let back = try XCTUnwrap(SavedView.parse(String(contentsOfFile: file, encoding: .utf8), planPath: plan))
        XCTAssertEqual(back, v)
        var fresh = state()
        fresh.restore(back)
        XCTAssertEqual(fresh.focus, .detail)
        XCTAssertTrue(fresh.filter.overdueOnly)
        XCTAssertEqual(fresh.filter.unit, "市生态环境局")
        XCTAssertEqual(fresh.taskSort, .deadline)
        XCTAssertTrue(fresh.taskSortReversed)
        XCTAssertEqual(fresh.folded, ["c1"])
        XCTAssertEqual(fresh.selectedTask.map { fresh.store.task(at: $0).id }, selected)
        XCTAssertEqual(fresh.taskList, s.taskList)
    }

    func testADamagedOrForeignFileIsIgnored() throws {
        let plan = dir + "/plan.json"
        let env = ["XDG_STATE_HOME": dir + "/state"]
        try FileManager.default.createDirectory(atPath: dir + "/state/duban", withIntermediateDirectories: true)
        let file = SavedView.file(forPlan: SavedView.absolute(plan), in: dir + "/state/duban")
        let cases: [(String, [UInt8])] = [
            ("binary", [0xFF, 0xFE, 0x00, 0x9B, 0x32, 0x4A]),
            ("empty", []),
            ("another plan's", Array("duban-view 1\nplan /elsewhere/plan.json\nfocus chapters\n".utf8)),
            ("another format", Array("{\"focus\": \"chapters\"}".utf8)),
        ]
        for (what, bytes) in cases {
            FileManager.default.createFile(atPath: file, contents: Data(bytes))
            XCTAssertNil(SavedView.load(planPath: plan, environment: env), what)
        }
        // Its own, but with values duban does not know: those lines are left out.
        let odd = "duban-view 1\nplan \(SavedView.absolute(plan))\nfocus nowhere\nsort sideways\nstatus bogus\nfold nosuch\ntask nosuch\nchapter nosuch\n\u{1B}[2J junk\n"
        FileManager.default.createFile(atPath: file, contents: Data(odd.utf8))
        let v = try XCTUnwrap(SavedView.load(planPath: plan, environment: env))
        var s = state()
        s.restore(v)
        XCTAssertEqual(s.focus, .tasks)
        XCTAssertEqual(s.taskSort, .documentOrder)
        XCTAssertEqual(s.folded, [])
        XCTAssertEqual(s.taskList.count, 7)
        // A directory where the file should be: nothing read, nothing written, no crash.
        try FileManager.default.removeItem(atPath: file)
        try FileManager.default.createDirectory(atPath: file, withIntermediateDirectories: true)
        XCTAssertNil(SavedView.load(planPath: plan, environment: env))
        XCTAssertFalse(s.savedView(planPath: SavedView.absolute(plan)).save(environment: env))
        XCTAssertNil(SavedView.folder(environment: [:]), "no HOME and no XDG_STATE_HOME: nothing is remembered")
        XCTAssertEqual(SavedView.folder(environment: ["HOME": "/home/a"]), "/home/a/.local/state/duban")
    }
}
