import XCTest
import Foundation
import DubanCore
import DubanPostgres
import DubanSynthetic
import DubanImport
import DubanTestSupport

final class MigrationTests: PostgresTestCase {
    func testInitTwiceIsAtTheLatestVersionAndChangesNothing() throws {
        // setUp ran the first init; the second finds everything there.
        let again = try PostgresAdmin.initialize(address)
        XCTAssertEqual(again.from, again.to)
        XCTAssertGreaterThanOrEqual(again.to, 2)
        let versions = try server.psql(url, "SELECT string_agg(version::text, ',' ORDER BY version) FROM duban.migrations")
        XCTAssertEqual(versions.trimmingCharacters(in: .whitespacesAndNewlines), (1...again.to).map(String.init).joined(separator: ","))
        let roles = try server.psql(url, "SELECT count(*) FROM pg_roles WHERE rolname IN ('duban_inspector','duban_unit','duban_leader')")
        XCTAssertEqual(roles.trimmingCharacters(in: .whitespacesAndNewlines), "3")
    }

    func testAFreshDatabaseStartsAtZero() throws {
        let other = try PostgresAddress.parse(try server.freshDatabase(), environment: [:], home: nil)
        let r = try PostgresAdmin.initialize(other)
        XCTAssertEqual(r.from, 0)
        XCTAssertEqual(r.to, try PostgresAdmin.initialize(other).to)
    }

    func testAnUninitialisedDatabaseIsRefusedWithTheCommandToRun() throws {
        let bare = try server.freshDatabase()
        XCTAssertThrowsError(try PostgresPlan(address: PostgresAddress.parse(bare + "&plan=x", environment: [:], home: nil))) { e in
            guard case PostgresAdminError.notInitialized = e else { return XCTFail("\(e)") }
            XCTAssertTrue((e as! PostgresAdminError).message(Strings(.en)).contains("duban db init"))
        }
    }
}

final class PushPullTests: PostgresTestCase {
    func roundTrip(_ bytes: [UInt8], name: String, file: String) throws {
        let plan = try PlanJSON.decode(bytes, file: file)
        let r = try PostgresAdmin.push(address, plan: plan, bytes: bytes, name: name, replace: false, progress: nil)
        XCTAssertEqual(r.tasks, plan.tasks.count)
        XCTAssertFalse(r.keptOriginal, "\(file) is in the writer's form: the pieces rebuild it")
        let back = try PostgresAdmin.pull(address, name: name, progress: nil)
        XCTAssertEqual(back.count, bytes.count, file)
        XCTAssertTrue(back == bytes, "\(file): pull gave other bytes")
        // And load reads the same plan.
        let snap = try open(name).load(progress: nil)
        XCTAssertEqual(snap.plan, plan)
        XCTAssertEqual(snap.versions.count, plan.tasks.count)
        XCTAssertTrue(snap.versions.values.allSatisfy { $0 == 1 })
        XCTAssertEqual(snap.position, 0)
    }

    func testDemoPlanComesBackByteForByte() throws {
        try roundTrip(PlanJSON.encode(NoticeImporter.demoPlan()), name: "demo", file: "demo")
    }

    func testGeneratedPlanOf2000TasksComesBackByteForByte() throws {
        try roundTrip(PlanJSON.encode(PlanGenerator(tasks: 2000, seed: 7).generate()), name: "gen2000", file: "gen")
    }

    func testSeedImportsComeBackByteForByte() throws {
        let folder = FixtureFiles.folder.appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 3)
        let importer = NoticeImporter(options: ImportOptions(useUserAliasFile: false))
        for (k, n) in names.enumerated() {
            let plan = try importer.importNotice(path: folder.appendingPathComponent(n).path).plan
            try roundTrip(PlanJSON.encode(plan), name: "seed\(k)", file: n)
        }
    }

    func testAnEmptyPlanComesBack() throws {
        try roundTrip(PlanJSON.encode(Plan(title: "空计划")), name: "empty", file: "empty")
    }

    func testAHandWrittenFileIsKeptAsItWasUntilTheFirstEdit() throws {
        let text = """
        {"formatVersion": 1, "title": "手写计划", "chapters": [],
         "tasks": [{"id": "t1", "text": "推进项目建设", "leadUnits": ["市发改委"], "status": "inProgress", "progress": 40}]}
        """
        let bytes = Array(text.utf8)
        let plan = try PlanJSON.decode(bytes, file: "hand.json")
        let r = try PostgresAdmin.push(address, plan: plan, bytes: bytes, name: "hand", replace: false, progress: nil)
        XCTAssertTrue(r.keptOriginal)
        XCTAssertEqual(try PostgresAdmin.pull(address, name: "hand", progress: nil), bytes)
        let p = try open("hand")
        defer { p.close() }
        _ = try p.commit(Edit(taskID: "t1", command: .setProgress(50), date: Self.asOf), expecting: 1, strings: Strings(.en))
        let after = try PostgresAdmin.pull(address, name: "hand", progress: nil)
        var want = plan
        want.tasks[0].progress = 50
        let edited = try PlanJSON.decode(after, file: "pulled")
        XCTAssertEqual(edited.tasks[0].progress, 50)
        XCTAssertEqual(after, PlanJSON.encode(edited), "after an edit the pull is in the writer's form")
    }

    func testPushingANameTwiceIsRefusedUnlessReplace() throws {
        let one = PlanGenerator(tasks: 20, seed: 1).generate()
        let two = PlanGenerator(tasks: 30, seed: 2).generate()
        try push(one, as: "p")
        XCTAssertThrowsError(try push(two, as: "p")) { e in
            XCTAssertEqual(e as? PostgresAdminError, .planExists(name: "p", address: address.display))
        }
        XCTAssertEqual(try PostgresAdmin.pull(address, name: "p", progress: nil), PlanJSON.encode(one), "the refused push changed nothing")
        let r = try push(two, as: "p", replace: true)
        XCTAssertTrue(r.replaced)
        XCTAssertEqual(try PostgresAdmin.pull(address, name: "p", progress: nil), PlanJSON.encode(two))
        XCTAssertEqual(try PostgresAdmin.planNames(address), ["p"])
    }

    func testAMissingPlanIsNamed() throws {
        XCTAssertThrowsError(try open("nope")) { e in
            XCTAssertEqual(e as? SharedPlanError, .noSuchPlan(name: "nope", address: address.with(plan: .some("nope")).display))
        }
    }
}

final class CommitTests: PostgresTestCase {
    func plan() -> Plan {
        var p = Plan(title: "计划")
        p.tasks = [PlanTask(id: "t1", text: "推进项目建设"), PlanTask(id: "t2", text: "优化营商环境")]
        p.tasks[0].leadUnits = ["市发改委"]
        p.tasks[1].leadUnits = ["市财政局"]
        p.tasks[0].status = .inProgress
        p.tasks[0].progress = 40
        return p
    }

    func testACommitChangesOneRowAndWritesOneChange() throws {
        try push(plan(), as: "p")
        let a = try open("p")
        defer { a.close() }
        XCTAssertEqual(a.access, .inspector)
        let r = try a.commit(Edit(taskID: "t1", command: .setProgress(60), date: Self.asOf, author: "张三"), expecting: 1, strings: Strings(.zh))
        guard case .committed(let c) = r else { return XCTFail("\(r)") }
        XCTAssertEqual(c.version, 2)
        XCTAssertEqual(c.position, 1)
        XCTAssertEqual(c.task.progress, 60)
        XCTAssertEqual(c.task.history.last?.author, "张三")
        let snap = try a.load(progress: nil)
        XCTAssertEqual(snap.versions, ["t1": 2, "t2": 1])
        XCTAssertEqual(snap.position, 1)
        XCTAssertEqual(snap.plan.tasks[0], c.task)
        XCTAssertEqual(try server.psql(url, "SELECT count(*) FROM duban.changes").trimmingCharacters(in: .whitespacesAndNewlines), "1")
        XCTAssertEqual(try a.changes(since: 0).map(\.task.id), ["t1"])
        XCTAssertEqual(try a.changes(since: 1), [])
    }

    func testTwoInspectorsOnOneTaskBothKeepTheirNotesAndTheSecondIsTold() throws {
        try push(plan(), as: "p")
        let a = try open("p"), b = try open("p")
        defer { a.close(); b.close() }
        let first = try a.commit(Edit(taskID: "t1", command: .addNote("甲：已开工"), date: Self.asOf, author: "甲"), expecting: 1, strings: Strings(.zh))
        guard case .committed = first else { return XCTFail("\(first)") }
        // b still believes version 1.
        let second = try b.commit(Edit(taskID: "t1", command: .addNote("乙：资金到位"), date: Self.asOf, author: "乙"), expecting: 1, strings: Strings(.zh))
        guard case .merged(let mine, let others) = second else { return XCTFail("the second is told: \(second)") }
        XCTAssertEqual(mine.version, 3)
        XCTAssertEqual(others.map(\.author), ["甲"])
        XCTAssertEqual(others.map(\.version), [2])
        let notes = try a.load(progress: nil).plan.tasks[0].history.map(\.note)
        XCTAssertEqual(notes, ["甲：已开工", "乙：资金到位"])
    }

    func testTheSameChangeTwiceIsUnchanged() throws {
        try push(plan(), as: "p")
        let a = try open("p")
        defer { a.close() }
        _ = try a.commit(Edit(taskID: "t1", command: .setProgress(70), date: Self.asOf), expecting: 1, strings: Strings(.en))
        let again = try a.commit(Edit(taskID: "t1", command: .setProgress(70), date: Self.asOf), expecting: 1, strings: Strings(.en))
        guard case .unchanged(let c) = again else { return XCTFail("\(again)") }
        XCTAssertEqual(c.version, 2)
        XCTAssertEqual(try a.load(progress: nil).versions["t1"], 2)
    }

    func testAnUnknownTaskAndABadEditAreTheEditsErrors() throws {
        try push(plan(), as: "p")
        let a = try open("p")
        defer { a.close() }
        XCTAssertThrowsError(try a.commit(Edit(taskID: "zz", command: .setProgress(1), date: Self.asOf), expecting: nil, strings: Strings(.en))) {
            XCTAssertEqual($0 as? EditError, .noSuchTask("zz"))
        }
        XCTAssertThrowsError(try a.commit(Edit(taskID: "t1", command: .setProgress(101), date: Self.asOf), expecting: nil, strings: Strings(.en))) {
            XCTAssertEqual($0 as? EditError, .progressOutOfRange(101))
        }
        // The connection is still good after the rolled-back transactions.
        guard case .committed = try a.commit(Edit(taskID: "t1", command: .setProgress(41), date: Self.asOf), expecting: nil, strings: Strings(.en)) else {
            return XCTFail()
        }
    }

    func testListenHearsAnotherConnectionsCommit() throws {
        try push(plan(), as: "p")
        let a = try open("p"), b = try open("p")
        defer { a.close(); b.close() }
        let heard = expectation(description: "notified")
        heard.assertForOverFulfill = false
        try a.listen { heard.fulfill() }
        _ = try b.commit(Edit(taskID: "t2", command: .setProgress(10), date: Self.asOf), expecting: 1, strings: Strings(.en))
        wait(for: [heard], timeout: 2)
        let got = try a.changes(since: 0)
        XCTAssertEqual(got.map(\.task.id), ["t2"])
        XCTAssertEqual(got.first?.task.progress, 10)
    }

    func testAServerNobodyListensOnFailsQuicklyAsUnreachable() throws {
        // A port nothing listens on: bind one, note it, close it.
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var sin = sockaddr_in()
        sin.sin_family = sa_family_t(AF_INET)
        sin.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &sin) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, len) } }
        _ = withUnsafeMutablePointer(to: &sin) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &len) } }
        let port = Int(UInt16(bigEndian: sin.sin_port))
        close(s)
        let start = Date()
        XCTAssertThrowsError(try PostgresPlan(address: PostgresAddress.parse("postgres://u:p@127.0.0.1:\(port)/db?plan=x&sslmode=disable",
                                                                           environment: [:], home: nil))) { e in
            guard case SharedPlanError.unreachable(let a, _) = e else { return XCTFail("\(e)") }
            XCTAssertFalse(a.contains(":p@"), "no password in the message")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }
}
