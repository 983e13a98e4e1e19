import XCTest
import Foundation
import DubanCore
import DubanPostgres

final class PlanAddressTests: XCTestCase {
    func testDatabaseAddressesAreToldFromFiles() {
        XCTAssertTrue(PlanAddress("postgres://u@h:5432/db?plan=x").isDatabase)
        XCTAssertTrue(PlanAddress("PostgreSQL://h/db").isDatabase)
        XCTAssertFalse(PlanAddress("plan.json").isDatabase)
        XCTAssertFalse(PlanAddress("postgres.json").isDatabase)
        XCTAssertEqual(PlanAddress("./postgres://x"), .file("./postgres://x"))
    }
}

final class PostgresAddressTests: XCTestCase {
    func parse(_ s: String, _ env: [String: String] = [:], home: String? = nil) throws -> PostgresAddress {
        try PostgresAddress.parse(s, environment: env, home: home)
    }

    func testEveryPartOfAFullAddress() throws {
        let a = try parse("postgres://ins%40pector:s3cr%3At@db.office.local:6543/du%20ban?plan=%E5%B8%82%E8%AE%A1%E5%88%92&sslmode=require")
        XCTAssertEqual(a.user, "ins@pector")
        XCTAssertEqual(a.password, "s3cr:t")
        XCTAssertEqual(a.host, "db.office.local")
        XCTAssertEqual(a.port, 6543)
        XCTAssertEqual(a.database, "du ban")
        XCTAssertEqual(a.plan, "市计划")
        XCTAssertEqual(a.sslMode, .require)
        XCTAssertEqual(a.display, "postgres://ins%40pector@db.office.local:6543/du%20ban?plan=市计划")
        XCTAssertFalse(a.display.contains("s3cr"))
    }

    func testPostgresqlSchemeAndIPv6() throws {
        let a = try parse("postgresql://u@[::1]:5433/d")
        XCTAssertEqual(a.host, "::1")
        XCTAssertEqual(a.port, 5433)
        XCTAssertEqual(a.display, "postgres://u@[::1]:5433/d")
    }

    func testMissingPartsComeFromTheEnvironment() throws {
        let env = ["PGHOST": "pg.local", "PGPORT": "5499", "PGUSER": "office", "PGPASSWORD": "pw",
                   "PGDATABASE": "duban", "PGSSLMODE": "disable"]
        let a = try parse("postgres://?plan=p", env)
        XCTAssertEqual([a.host, String(a.port), a.user, a.password ?? "-", a.database], ["pg.local", "5499", "office", "pw", "duban"])
        XCTAssertEqual(a.sslMode, .disable)
        // What the address gives wins over the environment.
        let b = try parse("postgres://me:mine@h:1/x?sslmode=prefer", env)
        XCTAssertEqual([b.host, String(b.port), b.user, b.password ?? "-", b.database], ["h", "1", "me", "mine", "x"])
        XCTAssertEqual(b.sslMode, .prefer)
        // Without either: libpq's defaults (the database is named after the user).
        let c = try parse("postgres:///", ["USER": "zhang"])
        XCTAssertEqual([c.host, String(c.port), c.user, c.database], ["localhost", "5432", "zhang", "zhang"])
        XCTAssertEqual(c.sslMode, .prefer)
        XCTAssertNil(c.password)
    }

    func testBadPartsAreNamed() {
        func reason(_ s: String, _ env: [String: String] = [:]) -> String {
            do { _ = try parse(s, env); return "parsed" } catch {
                guard case SharedPlanError.badAddress(let a, let r) = error else { return "\(error)" }
                XCTAssertFalse(a.contains("hunter2"), a)
                return r
            }
        }
        XCTAssertTrue(reason("postgres://u:hunter2@h:99999/d").hasPrefix("port"))
        XCTAssertTrue(reason("postgres://h:abc/d").hasPrefix("port"))
        XCTAssertTrue(reason("postgres://h/d?sslmode=maybe").hasPrefix("sslmode"))
        XCTAssertTrue(reason("postgres://h/d?plan=").hasPrefix("plan"))
        XCTAssertTrue(reason("postgres://h/d?colour=red").hasPrefix("parameter 'colour'"))
        XCTAssertTrue(reason("postgres://h/d%zz").hasPrefix("database"))
        XCTAssertTrue(reason("postgres://h/d", ["PGPORT": "x"]).hasPrefix("port"))
        XCTAssertTrue(reason("mysql://h/d").hasPrefix("scheme"))
        XCTAssertTrue(reason("postgres://u:hunter2@[::1/d").hasPrefix("host"))
    }

    func testRedactedHidesPasswords() {
        XCTAssertEqual(PostgresAddress.redacted("postgres://u:hunter2@h/d"), "postgres://u:***@h/d")
        XCTAssertEqual(PostgresAddress.redacted("postgres://h/d?password=hunter2&plan=x"), "postgres://h/d?password=***&plan=x")
    }

    func testPgpassFormat() {
        let text = """
        # comment
        other:5432:*:office:wrong
        db\\:host:5432:duban:office:escaped
        *:*:duban:office:pa\\:ss\\\\word
        *:*:*:*:fallback
        """
        XCTAssertEqual(PGPass.lookup(text: text, host: "db.local", port: 5432, database: "duban", user: "office"), "pa:ss\\word")
        XCTAssertEqual(PGPass.lookup(text: text, host: "db:host", port: 5432, database: "duban", user: "office"), "escaped")
        XCTAssertEqual(PGPass.lookup(text: text, host: "other", port: 5432, database: "x", user: "office"), "wrong")
        XCTAssertEqual(PGPass.lookup(text: text, host: "other", port: 5433, database: "x", user: "office"), "fallback")
        XCTAssertNil(PGPass.lookup(text: "h:1:d:u", host: "h", port: 1, database: "d", user: "u"), "four fields are no entry")
        XCTAssertEqual(PGPass.lookup(text: "*:*:*:*:x", host: "/run/pg", port: 1, database: "d", user: "u"), "x")
    }

    func testPgpassFileIsReadOnlyWhenPrivate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(".pgpass").path
        try "h:5432:d:u:fromfile\n".write(toFile: file, atomically: false, encoding: .utf8)
        chmod(file, 0o600)
        XCTAssertEqual(try parse("postgres://u@h/d", home: dir.path).password, "fromfile")
        XCTAssertEqual(try parse("postgres://u@h/d", ["PGPASSWORD": "env"], home: dir.path).password, "env", "PGPASSWORD comes first")
        let other = dir.appendingPathComponent("elsewhere").path
        try "*:*:*:*:viaPGPASSFILE\n".write(toFile: other, atomically: false, encoding: .utf8)
        chmod(other, 0o600)
        XCTAssertEqual(try parse("postgres://u@h/d", ["PGPASSFILE": other], home: dir.path).password, "viaPGPASSFILE")
        chmod(file, 0o644)
        XCTAssertNil(try parse("postgres://u@h/d", home: dir.path).password, "a group/world-readable pgpass is ignored")
    }
}
