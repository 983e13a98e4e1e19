import XCTest
import Foundation
import DubanCore
import DubanTestSupport

/// `duban db init`, `db user add`, `push` and `pull` through the built binary (issue 15),
/// on a database of the test server (TestDatabase) of their own.
final class DatabaseCLITests: XCTestCase {
    var dir: URL!
    var server: TestDatabase!
    var url: String!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-dbcli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        server = try TestDatabase.shared()
        url = try server.freshDatabase()
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    struct Run { var status: Int32; var out: String; var err: String }

    @discardableResult
    func duban(_ args: [String], stdin: String? = nil) throws -> Run {
        let env = ["LANG": "C.UTF-8", "HOME": dir.path]
        let r: Finished
        if let stdin {
            let file = dir.appendingPathComponent("stdin.txt")
            try stdin.write(to: file, atomically: false, encoding: .utf8)
            let quoted = ([CLITests.binary.path] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            r = try runToEnd(URL(fileURLWithPath: "/bin/sh"), ["-c", quoted + " < '\(file.path)'"], env: env, in: dir)
        } else {
            r = try runToEnd(CLITests.binary, args, env: env, in: dir)
        }
        return Run(status: r.status, out: String(decoding: r.out, as: UTF8.self), err: String(decoding: r.err, as: UTF8.self))
    }

    func testInitTwiceThenPushPullGivesTheSameBytes() throws {
        let first = try duban(["db", "init", url, "--lang", "en"])
        XCTAssertEqual(first.status, 0, first.err)
        XCTAssertTrue(first.out.contains("from version 0 to"), first.out)
        XCTAssertFalse(first.out.contains("duban_test_pw"), "no password in the output")
        let second = try duban(["db", "init", url, "--lang", "en"])
        XCTAssertEqual(second.status, 0, second.err)
        XCTAssertTrue(second.out.contains("already at version"), second.out)

        let plan = dir.appendingPathComponent("office.json").path
        XCTAssertEqual(try duban(["demo", "-o", plan]).status, 0)
        let push = try duban(["push", plan, url, "--lang", "en"])
        XCTAssertEqual(push.status, 0, push.err)
        XCTAssertTrue(push.out.contains("plan \"office\" is in, 147 tasks"), push.out)

        let again = try duban(["push", plan, url, "--lang", "en"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.err.contains("already has a plan named \"office\"") && again.err.contains("--replace"), again.err)
        XCTAssertEqual(try duban(["push", plan, url, "--replace"]).status, 0)

        let back = dir.appendingPathComponent("back.json").path
        let pull = try duban(["pull", url + "&plan=office", "-o", back])
        XCTAssertEqual(pull.status, 0, pull.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: back)), try Data(contentsOf: URL(fileURLWithPath: plan)))
        // The only plan: the address need not name it; standard output without -o.
        let out = try duban(["pull", url])
        XCTAssertEqual(out.status, 0, out.err)
        XCTAssertEqual(Data(out.out.utf8), try Data(contentsOf: URL(fileURLWithPath: plan)))
        // --as names it otherwise.
        XCTAssertEqual(try duban(["push", plan, url, "--as", "2020年度"]).status, 0)
        let two = try duban(["pull", url, "--lang", "en"])
        XCTAssertEqual(two.status, 1)
        XCTAssertTrue(two.err.contains("?plan=NAME") && two.err.contains("2020年度"), two.err)
    }

    func testUserAddAndItsRefusals() throws {
        XCTAssertEqual(try duban(["db", "init", url]).status, 0)
        let add = try duban(["db", "user", "add", "cli_unit_\(UInt32.random(in: 0...UInt32.max))", "--role", "unit", "--unit", "市发改委",
                             url, "--password-stdin", "--lang", "en"], stdin: "pw\n")
        XCTAssertEqual(add.status, 0, add.err)
        XCTAssertTrue(add.out.contains("is ready"), add.out)
        let noUnit = try duban(["db", "user", "add", "someone", "--role", "unit", url, "--lang", "en"])
        XCTAssertEqual(noUnit.status, 1)
        XCTAssertTrue(noUnit.err.contains("--unit"), noUnit.err)
        let badRole = try duban(["db", "user", "add", "someone", "--role", "boss", url, "--lang", "en"])
        XCTAssertNotEqual(badRole.status, 0)
        XCTAssertTrue(badRole.err.contains("--role boss"), badRole.err)
    }

    func testAStoppedServerAndABadAddressAreToldQuickly() throws {
        let plan = dir.appendingPathComponent("p.json").path
        XCTAssertEqual(try duban(["demo", "-o", plan]).status, 0)
        let down = try duban(["push", plan, "postgres://u:secret@127.0.0.1:1/x?sslmode=disable", "--lang", "en"])
        XCTAssertEqual(down.status, 1)
        XCTAssertTrue(down.err.contains("cannot reach the database server (connection refused)"), down.err)
        XCTAssertFalse(down.err.contains("secret"))
        let bad = try duban(["pull", "postgres://u:secret@h:port/x", "--lang", "en"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.err.contains("bad database address: port"), bad.err)
        XCTAssertFalse(bad.err.contains("secret"))
        let init0 = try duban(["db", "init", "plan.json", "--lang", "en"])
        XCTAssertNotEqual(init0.status, 0)
        XCTAssertTrue(init0.err.contains("postgres://"), init0.err)
    }

    func testAnUninitialisedDatabaseSaysToRunDbInit() throws {
        let plan = dir.appendingPathComponent("p.json").path
        XCTAssertEqual(try duban(["demo", "-o", plan]).status, 0)
        let r = try duban(["push", plan, url, "--lang", "en"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("run `duban db init"), r.err)
    }
}
