import XCTest
@testable import DubanCore
@testable import DubanTUI
#if canImport(Glibc)
import Glibc
#endif

/// The dashboard and files that are not what they should be (issue 10): a journal that is
/// a symbolic link or a FIFO opens the plan read-only with the reason; a plan replaced by a
/// FIFO or a device before a save or a reload never hangs it.
final class SafeOpenDashboardTests: PlanFolderTestCase {
    override class var folderPrefix: String { "duban-safeopen-tui" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        CellWidth.setUpLocale()
    }

    func dashboard() throws -> Dashboard {
        let session = try PlanSession.open(path: planPath, readOnly: false)
        var o = DashboardOptions(asOf: Fixture.asOf, theme: "default", configPath: nil, environment: [:])
        o.configPath = nil
        let d = Dashboard(session: session, options: o)
        d.state.resize(width: 120, height: 40)
        return d
    }

    func testAJournalThatIsALinkOrAFIFOOpensTheDashboardReadOnlyWithTheReason() throws {
        let target = dir + "/precious.txt"
        try "keep me\n".write(toFile: target, atomically: false, encoding: .utf8)
        XCTAssertEqual(symlink(target, planPath + ".journal"), 0)
        let d = try dashboard()
        guard case .noJournal(let p, let reason)? = d.state.readOnlyReason else {
            return XCTFail("not read-only: \(String(describing: d.state.readOnlyReason))")
        }
        XCTAssertEqual(p, planPath)
        XCTAssertTrue(reason.contains("is a symbolic link; a journal is never followed through a link"), reason)
        _ = d.handle(.key(.char("3")))
        XCTAssertTrue(d.state.message?.text.contains("无法建立修改日志") ?? false, d.state.message?.text ?? "")
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "keep me\n", "the link's target is untouched")

        unlink(planPath + ".journal")
        XCTAssertEqual(mkfifo(planPath + ".journal", 0o600), 0)
        let start = Date()
        let f = try dashboard()
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        guard case .noJournal(_, let why)? = f.state.readOnlyReason else { return XCTFail("not read-only") }
        XCTAssertTrue(why.contains("is a FIFO (named pipe), not a journal"), why)
    }

    func testAPlanReplacedByAFIFOOrADeviceBeforeASaveOrAReloadNeverHangs() throws {
        for make in ["fifo", "device"] {
            try PlanFile.save(Fixture.plan(), to: planPath, backup: false)
            let d = try dashboard()
            _ = d.handle(.key(.char("3")))
            XCTAssertTrue(d.state.store.isDirty)
            unlink(planPath)
            if make == "fifo" { XCTAssertEqual(mkfifo(planPath, 0o600), 0) } else {
                XCTAssertEqual(mknod(planPath, S_IFCHR | 0o666, (1 << 8) | 3), 0, "mknod (the tests run as root)")
            }
            let what = make == "fifo" ? "命名管道（FIFO）" : "字符设备"
            let start = Date()
            _ = d.handle(.key(.char("w")))
            // The save is refused, saying what the file is; nothing is written over it.
            XCTAssertTrue(d.state.message?.text.contains(what) ?? false, d.state.message?.text ?? "")
            XCTAssertTrue(d.state.message?.isError ?? false)
            // The merge (the changed-on-disk dialog's answer) reads it: refused the same way.
            d.run(effects: [.merge(thenQuit: false)])
            XCTAssertTrue(d.state.message?.text.contains(what) ?? false, d.state.message?.text ?? "")
            d.run(effects: [.reload])
            XCTAssertTrue(d.state.message?.text.contains(what) ?? false, d.state.message?.text ?? "")
            XCTAssertTrue(d.state.store.isDirty, "the edit is kept")
            XCTAssertLessThan(Date().timeIntervalSince(start), 2, "\(make): took too long")
            XCTAssertEqual(SafeOpen.special(planPath), make == "fifo" ? .fifo : .characterDevice, "never replaced")
            d.session?.close(unsaved: true)
            unlink(planPath)
            unlink(planPath + ".journal")
        }
    }
}
