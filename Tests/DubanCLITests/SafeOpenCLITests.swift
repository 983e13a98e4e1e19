import XCTest
import Foundation
import DubanCore
#if canImport(Glibc)
import Glibc
#endif

/// Files opened for what they are (issue 10), through the real `duban` binary: a FIFO,
/// a device or a link where a plan, a notice or a journal should be never hangs a command
/// and is refused with a message; `-o` writes into a FIFO or device and never replaces it.
/// Every child runs under a watchdog that kills it after 5 s (and the test then fails).
final class SafeOpenCLITests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "duban-safeopen-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
    }

    struct Run { var status: Int32; var out: Data; var err: String; var seconds: Double; var killed: Bool
        var outText: String { String(decoding: out, as: UTF8.self) }
    }

    /// Runs duban with stdin from /dev/null (not a terminal), killing it after `watchdog` s.
    func duban(_ args: [String], lang: String = "C.UTF-8", watchdog: Double = 5, addressSpaceKB: Int? = nil) throws -> Run {
        let p = Process()
        if let kb = addressSpaceKB {
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", "ulimit -v \(kb) && exec \"$0\" \"$@\"", CLITests.binary.path] + args
        } else {
            p.executableURL = CLITests.binary
            p.arguments = args
        }
        p.environment = ["LANG": lang, "HOME": dir]
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        let start = Date()
        try p.run()
        let killedFlag = Flag()
        let pid = p.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + watchdog) {
            if p.isRunning { killedFlag.set(); kill(pid, SIGKILL) }
        }
        let o = Box()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { o.set(out.fileHandleForReading.readDataToEndOfFile()) }
        let e = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, out: o.data, err: String(decoding: e, as: UTF8.self),
                   seconds: Date().timeIntervalSince(start), killed: killedFlag.value)
    }

    /// The device number of /dev/null (1, 3), as glibc's makedev builds it.
    static let nullDevice: dev_t = (1 << 8) | 3

    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var v = false
        func set() { lock.lock(); v = true; lock.unlock() }
        var value: Bool { lock.lock(); defer { lock.unlock() }; return v }
    }

    func fifo(_ name: String) -> String {
        let path = dir + "/" + name
        XCTAssertEqual(mkfifo(path, 0o600), 0, String(cString: strerror(errno)))
        return path
    }

    func kind(_ path: String, follow: Bool = false) -> mode_t {
        var st = stat()
        guard (follow ? stat(path, &st) : lstat(path, &st)) == 0 else { return 0 }
        return st.st_mode & S_IFMT
    }

    func demoPlan() throws -> String {
        let path = dir + "/plan.json"
        let r = try duban(["demo", "-o", path])
        XCTAssertEqual(r.status, 0, r.err)
        return path
    }

    func assertQuickRefusal(_ r: Run, _ expected: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(r.killed, "\(what): hung (killed by the watchdog after 5 s)", file: file, line: line)
        XCTAssertLessThan(r.seconds, 2, "\(what): took \(r.seconds) s", file: file, line: line)
        XCTAssertNotEqual(r.status, 0, "\(what): exit status 0", file: file, line: line)
        XCTAssertTrue((r.err + r.outText).contains(expected), "\(what): no \"\(expected)\" in: \(r.err) \(r.outText)", file: file, line: line)
    }

    // MARK: a FIFO as plan, notice and journal

    func testAFIFOAsPlanOrNoticeNeverHangsAnyCommand() throws {
        let f = fifo("plan.json")
        let message = "\(f)：是命名管道（FIFO），不是计划文件；未读取"
        assertQuickRefusal(try duban(["validate", f]), message, "validate")
        assertQuickRefusal(try duban(["report", f, "--as-of", "2020-07-01"]), message, "report")
        assertQuickRefusal(try duban(["set", f, "1", "--status", "done", "--as-of", "2020-07-01"]), message, "set")
        assertQuickRefusal(try duban(["recover", f]), message, "recover")
        assertQuickRefusal(try duban([f, "--as-of", "2020-07-01"]), message, "the dashboard")
        assertQuickRefusal(try duban(["validate", f], lang: "en_US.UTF-8"), "\(f): is a FIFO (named pipe), not a plan file; not read", "validate (English)")
        let n = fifo("notice.txt")
        assertQuickRefusal(try duban(["import", n]), "\(n)：是命名管道（FIFO），不是通知文本；未读取", "import")
        assertQuickRefusal(try duban([n, "--as-of", "2020-07-01"]), "\(n)：是命名管道（FIFO），不是通知文本；未读取", "the dashboard on a notice")
        XCTAssertEqual(kind(f), S_IFIFO, "the FIFO is still one")
        XCTAssertEqual(kind(n), S_IFIFO)
    }

    func testAFIFOAsJournalIsRefusedAtOnce() throws {
        let plan = try demoPlan()
        let before = try PlanFile.read(path: plan)
        let j = fifo("plan.json.journal")
        let set = try duban(["set", plan, "1", "--status", "done", "--as-of", "2020-07-01", "--lang", "en"])
        assertQuickRefusal(set, "is a FIFO (named pipe), not a journal", "set")
        XCTAssertTrue(set.err.contains("Nothing was changed"), set.err)
        assertQuickRefusal(try duban(["recover", plan]), "\(j)：是命名管道（FIFO），不是修改日志；未读取", "recover")
        XCTAssertEqual(try PlanFile.read(path: plan), before, "the plan is untouched")
        XCTAssertEqual(kind(j), S_IFIFO)
    }

    // MARK: a plan that links to /dev/zero

    func testAPlanLinkedToDevZeroIsRefusedAtOnceWithLittleMemory() throws {
        let z = dir + "/zero.json"
        XCTAssertEqual(symlink("/dev/zero", z), 0)
        for args in [["validate", z], ["report", z, "--as-of", "2020-07-01"], ["set", z, "1", "--status", "done", "--as-of", "2020-07-01"]] {
            assertQuickRefusal(try duban(args), "\(z)：是字符设备，不是计划文件；未读取", args[0])
            // Again with the address space limited to 256 MiB (`ulimit -v`): reading
            // /dev/zero (0.5 GB a second until memory ran out) would fail to allocate and
            // die without the message. (wait4's ru_maxrss cannot tell: after posix_spawn it
            // carries the parent's peak.)
            let limited = try duban(args, addressSpaceKB: 256 * 1024)
            assertQuickRefusal(limited, "\(z)：是字符设备，不是计划文件；未读取", args[0] + " in 256 MiB")
        }
    }

    // MARK: -o onto special files

    func testDemoOntoACharacterDeviceWritesIntoItAndKeepsIt() throws {
        let node = dir + "/NODE"
        guard mknod(node, S_IFCHR | 0o666, Self.nullDevice) == 0 else {
            return XCTFail("mknod NODE c 1 3: \(String(cString: strerror(errno))) (the tests run as root)")
        }
        let r = try duban(["demo", "-o", node])
        XCTAssertFalse(r.killed)
        XCTAssertEqual(r.status, 0, r.err)
        var st = stat()
        XCTAssertEqual(lstat(node, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFCHR, "still a character device")
        XCTAssertEqual(st.st_rdev, Self.nullDevice)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["NODE"], "no temporary, nothing beside it")
        // import -o and generate -o the same way.
        let notice = dir + "/n.txt"
        try "一、经济\n1. 推进项目建设\n牵头单位：市发改委\n".write(toFile: notice, atomically: false, encoding: .utf8)
        XCTAssertEqual(try duban(["import", notice, "-o", node]).status, 0)
        XCTAssertEqual(try duban(["generate", "--tasks", "3", "-o", node]).status, 0)
        XCTAssertEqual(kind(node), S_IFCHR)
    }

    func testOutputThroughALinkToStandardOutputAppearsOnStandardOutput() throws {
        let link = dir + "/out.json"
        XCTAssertEqual(symlink("/proc/self/fd/1", link), 0)
        let plain = try duban(["demo"])
        XCTAssertEqual(plain.status, 0)
        let r = try duban(["demo", "-o", link])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertFalse(r.out.isEmpty)
        XCTAssertEqual(r.out, plain.out, "the plan came out on standard output")
        XCTAssertEqual(kind(link), S_IFLNK, "the link is still a link")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "/proc/self/fd/1")
    }

    func testOutputIntoAFIFOWithAReaderAndWithout() throws {
        let f = fifo("out.json")
        // Without a reader: refused at once, the FIFO left as it is.
        let none = try duban(["demo", "-o", f])
        assertQuickRefusal(none, "\(f)：是命名管道（FIFO），但没有进程在读；未写入", "demo -o FIFO without a reader")
        XCTAssertEqual(kind(f), S_IFIFO)

        // With a reader: it gets the bytes. The reader is opened first (non-blocking, so
        // the test cannot hang either), a writer held open so it sees no end meanwhile.
        let rfd = open(f, O_RDONLY | O_NONBLOCK)
        XCTAssertGreaterThanOrEqual(rfd, 0)
        let wfd = open(f, O_WRONLY | O_NONBLOCK)
        XCTAssertGreaterThanOrEqual(wfd, 0)
        _ = fcntl(rfd, F_SETFL, fcntl(rfd, F_GETFL) & ~O_NONBLOCK)
        let got = Box()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            var buf = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(rfd, &buf, buf.count)
                if n <= 0 { break }
                got.append(buf[0..<n])
            }
            done.signal()
        }
        let r = try duban(["demo", "-o", f])
        close(wfd)
        XCTAssertEqual(done.wait(timeout: .now() + 5), .success, "the reader never saw the end")
        close(rfd)
        XCTAssertFalse(r.killed)
        XCTAssertEqual(r.status, 0, r.err)
        let plain = try duban(["demo"])
        XCTAssertEqual(got.data, plain.out, "the reader got the plan")
        XCTAssertEqual(kind(f), S_IFIFO, "still a FIFO")
    }

    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var d = Data()
        func append(_ s: ArraySlice<UInt8>) { lock.lock(); d.append(contentsOf: s); lock.unlock() }
        func set(_ n: Data) { lock.lock(); d = n; lock.unlock() }
        var data: Data { lock.lock(); defer { lock.unlock() }; return d }
    }

    func testOutputOntoAFolderIsRefused() throws {
        let d = dir + "/folder"
        try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: false)
        let r = try duban(["demo", "-o", d, "--lang", "en"])
        assertQuickRefusal(r, "\(d): is a folder, which cannot be written to; nothing written, and it was not replaced", "demo -o folder")
        XCTAssertEqual(kind(d), S_IFDIR)
    }

    // MARK: the journal follows no link

    func testAJournalThatIsASymbolicLinkIsRefusedAndItsTargetUntouched() throws {
        let plan = try demoPlan()
        let before = try PlanFile.read(path: plan)
        let target = dir + "/precious.txt"
        try "not to be overwritten\n".write(toFile: target, atomically: false, encoding: .utf8)
        let j = plan + ".journal"
        XCTAssertEqual(symlink(target, j), 0)
        let set = try duban(["set", plan, "1", "--status", "done", "--as-of", "2020-07-01", "--lang", "en"])
        assertQuickRefusal(set, "\(j): is a symbolic link; a journal is never followed through a link", "set")
        let rec = try duban(["recover", plan])
        assertQuickRefusal(rec, "\(j)：是符号链接，修改日志不跟随链接", "recover")
        let discard = try duban(["recover", plan, "--discard"])
        XCTAssertNotEqual(discard.status, 0)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "not to be overwritten\n")
        XCTAssertEqual(kind(j), S_IFLNK, "the link is still a link")
        XCTAssertEqual(try PlanFile.read(path: plan), before, "the plan is untouched")
    }
}
