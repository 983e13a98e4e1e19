import XCTest
import DubanSynthetic
@testable import DubanCore
#if canImport(Glibc)
import Glibc
#endif

/// Atomic saving, proved by killing: a child process (`duban-savetest`) saves a plan of a
/// few megabytes over one file, version A and version B in turn, and is killed with
/// SIGKILL at hundreds of random moments. After every kill the file must be, byte for
/// byte, version A or version B (both of which parse); never a mix, a stub or nothing.
final class ReliabilityKillTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        var template = Array("/tmp/duban-kill-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buf in buf.baseAddress.flatMap { mkdtemp($0) } }
        XCTAssertNotNil(made)
        dir = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    override func tearDown() {
        _ = system("rm -rf '\(dir)'")
    }

    /// The child: built by `swift build` / `swift test` next to the test bundle.
    static func savetestBinary() -> String? {
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buf, buf.count - 1)
        guard n > 0 else { return nil }
        let exe = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // .../debug/<Package>Tests.xctest, or a runner inside the bundle.
        var folder = PlanFile.folder(of: exe)
        for _ in 0..<3 {
            let candidate = folder + "/duban-savetest"
            if access(candidate, X_OK) == 0 { return candidate }
            folder = PlanFile.folder(of: folder)
        }
        return nil
    }

    func spawn(_ exe: String, _ args: [String]) throws -> (pid: pid_t, out: Int32) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw FileError.cannotWrite(path: "pipe", reason: errnoText()) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        let argv: [UnsafeMutablePointer<CChar>?] = ([exe] + args).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, exe, &actions, nil, argv, environ)
        close(fds[1])
        guard rc == 0 else { close(fds[0]); throw FileError.cannotRead(path: exe, reason: String(cString: strerror(rc))) }
        return (pid, fds[0])
    }

    func testSIGKILLAtRandomMomentsNeverLeavesAHalfWrittenPlan() throws {
        guard let exe = Self.savetestBinary() else {
            throw XCTSkip("duban-savetest is not built next to the tests; `swift build` builds it")
        }
        let rounds = getenv("DUBAN_KILL_ROUNDS").flatMap { Int(String(cString: $0)) } ?? 300

        // Two versions of a plan of a few megabytes, differing in size and throughout.
        let a = PlanGenerator(tasks: 1500, seed: 7).generate()
        var b = a
        b.title += "（修订）"
        for i in stride(from: 0, to: b.tasks.count, by: 3) {
            b.tasks[i].progress = (b.tasks[i].progress + 37) % 101
            b.tasks[i].remarks = "第\(i)项已督办"
        }
        let bytesA = PlanJSON.encode(a), bytesB = PlanJSON.encode(b)
        XCTAssertGreaterThan(bytesA.count, 2_000_000, "a large plan")
        XCTAssertNotEqual(bytesA.count, bytesB.count)
        XCTAssertEqual(try PlanJSON.decode(bytesA, file: "A"), a)
        XCTAssertEqual(try PlanJSON.decode(bytesB, file: "B"), b)

        let plan = dir + "/plan.json"
        try PlanFile.write(bytesA, to: dir + "/A.json")
        try PlanFile.write(bytesB, to: dir + "/B.json")
        try PlanFile.write(bytesA, to: plan)

        // How long one save takes here, to aim the kills across several saves.
        var t0 = timespec(), t1 = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t0)
        for k in 0..<4 { try PlanFile.write(k % 2 == 0 ? bytesB : bytesA, to: plan, expecting: nil, backup: true) }
        clock_gettime(CLOCK_MONOTONIC, &t1)
        let saveMicros = max(1000, ((t1.tv_sec - t0.tv_sec) * 1_000_000 + (t1.tv_nsec - t0.tv_nsec) / 1000) / 4)
        let window = UInt32(min(saveMicros * 3, 200_000))

        var rng = SystemRandomNumberGenerator()
        var sawA = 0, sawB = 0, changed = 0, leftovers = 0
        var last = try PlanFile.read(path: plan)
        for round in 0..<rounds {
            let (pid, out) = try spawn(exe, [plan, dir + "/A.json", dir + "/B.json"])
            var ready: UInt8 = 0
            let got = read(out, &ready, 1)
            close(out)
            XCTAssertEqual(got, 1, "the child started (round \(round))")
            usleep(UInt32.random(in: 0..<window, using: &rng))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            XCTAssertEqual(status & 0x7f, SIGKILL, "killed, not exited (round \(round))")

            let now = try PlanFile.read(path: plan)
            if same(now, bytesA) { sawA += 1 } else if same(now, bytesB) { sawB += 1 } else {
                XCTFail("round \(round): the plan is neither version (\(now.count) bytes)")
                break
            }
            if !same(now, last) { changed += 1 }
            last = now
            if round % 10 == 0, let bak = try? PlanFile.read(path: plan + ".bak") {
                XCTAssertTrue(same(bak, bytesA) || same(bak, bytesB), "round \(round): the backup is whole")
            }
            // What a kill before the rename leaves: counted, then cleared for the next round.
            for name in listFolder(dir) where name.contains(".tmp-") {
                leftovers += 1
                unlink(dir + "/" + name)
            }
        }
        // A spot check that what was compared byte for byte also loads.
        XCTAssertNoThrow(try PlanFile.load(path: plan))
        XCTAssertEqual(sawA + sawB, rounds)
        XCTAssertGreaterThan(changed, rounds / 10, "kills fell after completed saves too")
        XCTAssertGreaterThan(leftovers, rounds / 10, "kills fell in the middle of saves (temporary files left)")
        print("kill test: \(rounds) kills at random moments within \(window) µs of start (one save ≈ \(saveMicros) µs, \(bytesA.count) bytes); " +
              "file was A \(sawA)×, B \(sawB)×, changed version \(changed)×; \(leftovers) kills landed mid-save; never torn")
    }

    func testStaleTemporariesOfKilledSavesAreCleanedUp() throws {
        let plan = dir + "/plan.json"
        try PlanFile.save(Fixture.plan, to: plan)
        // A dead process: one we ran and reaped.
        let child = try spawn("/bin/true", [])
        close(child.out)
        var st: Int32 = 0
        waitpid(child.pid, &st, 0)
        let dead = child.pid
        let old = dir + "/.plan.json.tmp-\(dead)-12345"
        let oldBak = dir + "/plan.json.bak.tmp-\(dead)"
        let recent = dir + "/.plan.json.tmp-\(dead)-999"
        let alive = dir + "/.plan.json.tmp-1-777"        // pid 1 runs
        let other = dir + "/.other.json.tmp-\(dead)-1"    // another plan's
        for p in [old, oldBak, recent, alive, other] { FileManagerless.write(p, "half") }
        var times = [timeval(tv_sec: time(nil) - 3600, tv_usec: 0), timeval(tv_sec: time(nil) - 3600, tv_usec: 0)]
        for p in [old, oldBak, alive, other] { utimes(p, &times) }
        try PlanFile.save(Fixture.plan, to: plan)
        XCTAssertEqual(listFolder(dir).sorted(),
                       [".other.json.tmp-\(dead)-1", ".plan.json.tmp-1-777", ".plan.json.tmp-\(dead)-999", "plan.json", "plan.json.bak"])
    }

    /// Byte equality at memcmp speed (a debug build compares arrays element by element).
    func same(_ x: [UInt8], _ y: [UInt8]) -> Bool {
        guard x.count == y.count else { return false }
        return x.withUnsafeBytes { a in y.withUnsafeBytes { b in
            a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0
        } }
    }

    func listFolder(_ path: String) -> [String] {
        guard let d = opendir(path) else { return [] }
        defer { closedir(d) }
        var out: [String] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { out.append(name) }
        }
        return out
    }
}
