import XCTest
@testable import DubanCore
#if canImport(Glibc)
import Glibc
#endif

/// A save keeps the file's permissions; a read-only plan is known as read-only (so the
/// dashboard opens it read-only, with a banner), even for root, who could write it.
final class ReliabilityPermissionTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        var template = Array("/tmp/duban-perm-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buf in buf.baseAddress.flatMap { mkdtemp($0) } }
        XCTAssertNotNil(made)
        dir = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    override func tearDown() {
        _ = system("chmod -R u+w '\(dir)'; rm -rf '\(dir)'")
    }

    func mode(_ path: String) -> mode_t {
        var st = stat()
        stat(path, &st)
        return st.st_mode & 0o7777
    }

    func testEverySaveKeepsTheFilesPermissions() throws {
        let path = dir + "/plan.json"
        for m: mode_t in [0o600, 0o640, 0o664, 0o644, 0o660] {
            try PlanFile.save(Fixture.plan, to: path)
            chmod(path, m)
            var p = Fixture.plan
            p.title = "权限 \(m)"
            try PlanFile.save(p, to: path)
            XCTAssertEqual(mode(path), m, "PlanFile.save keeps \(String(m, radix: 8))")
            // And through the journal, as the dashboard saves.
            let opened = try PlanFile.loadForEditing(path: path)
            let journal = try Journal.open(planPath: path, planBytes: opened.bytes)
            let store = PlanStore(plan: opened.plan, rules: Rules(asOf: Fixture.asOf))
            try journal.apply(Edit(taskID: "t1", command: .setProgress(Int(m % 100)), date: Fixture.asOf), to: store)
            try journal.save(store.plan, expecting: opened.stamp)
            XCTAssertEqual(mode(path), m, "Journal.save keeps \(String(m, radix: 8))")
            journal.close(unsaved: false)
        }
    }

    func testANewPlanIsReadableByOthersAndWritableByItsOwner() throws {
        let path = dir + "/new.json"
        try PlanFile.save(Fixture.plan, to: path)
        XCTAssertEqual(mode(path), 0o644)
    }

    func testAReadOnlyPlanIsKnownAsReadOnly() throws {
        let path = dir + "/plan.json"
        try PlanFile.save(Fixture.plan, to: path)
        XCTAssertTrue(PlanFile.isWritable(path: path))
        XCTAssertTrue(try PlanFile.loadForEditing(path: path).writable)
        chmod(path, 0o444)
        XCTAssertFalse(PlanFile.isWritable(path: path), "no write bit: read-only, even for root (uid \(getuid()))")
        let opened = try PlanFile.loadForEditing(path: path)
        XCTAssertFalse(opened.writable)
        XCTAssertEqual(opened.plan, Fixture.plan, "a read-only plan still opens")
        chmod(path, 0o644)
    }

    func testANewFileInAFolderThatCannotBeWrittenIsNotWritable() throws {
        XCTAssertTrue(PlanFile.isWritable(path: dir + "/new.json"))
        XCTAssertFalse(PlanFile.isWritable(path: dir + "/no/such/folder/new.json"))
        XCTAssertFalse(PlanFile.isWritable(path: "/proc/duban-test.json"))
    }
}

extension ReliabilityPermissionTests {
    func testSavingThroughASymbolicLinkUpdatesItsTargetAndKeepsTheLink() throws {
        mkdir(dir + "/shared", 0o755)
        let real = dir + "/shared/plan.json"
        try PlanFile.save(Fixture.plan, to: real)
        chmod(real, 0o660)
        let link = dir + "/plan.json"
        symlink("shared/plan.json", link)
        var p = Fixture.plan
        p.title = "经由链接保存"
        try PlanFile.save(p, to: link, expecting: PlanFile.stamp(path: link))
        var st = stat()
        lstat(link, &st)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFLNK, "still a link")
        XCTAssertEqual(try PlanFile.load(path: real).title, "经由链接保存")
        XCTAssertEqual(mode(real), 0o660)
        XCTAssertEqual(try PlanFile.load(path: real + ".bak"), Fixture.plan, "the backup sits beside the real file")
    }
}
