#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who holds a plan's lock, as recorded in the lock file.
public struct PlanLockHolder: Hashable, Sendable {
    public var pid: Int32
    public var command: String
    public var user: String
    public var host: String
    /// Seconds since 1970.
    public var since: Int

    /// The holder as the lock file records it: `key=value` lines.
    var text: String {
        "pid=\(pid)\ncommand=\(PlanLockHolder.oneLine(command))\nuser=\(PlanLockHolder.oneLine(user))\nhost=\(PlanLockHolder.oneLine(host))\nsince=\(since)\n"
    }

    init(pid: Int32, command: String, user: String, host: String, since: Int) {
        self.pid = pid; self.command = command; self.user = user; self.host = host; self.since = since
    }

    /// Parses what `text` wrote; nil for an empty or foreign file (a holder that has not
    /// written its name yet, or one that just let go).
    init?(parsing bytes: [UInt8]) {
        var fields: [String: String] = [:]
        for line in String(decoding: bytes.prefix(4096), as: UTF8.self).split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            fields[String(line[..<eq])] = String(line[line.index(after: eq)...])
        }
        guard let p = fields["pid"].flatMap({ Int32($0) }), p > 0 else { return nil }
        self.init(pid: p, command: fields["command"] ?? "?", user: fields["user"] ?? "?",
                  host: fields["host"] ?? "?", since: fields["since"].flatMap { Int($0) } ?? 0)
    }

    /// This process, doing `command`.
    static func current(command: String) -> PlanLockHolder {
        var host = [CChar](repeating: 0, count: 256)
        let h = gethostname(&host, host.count - 1) == 0 ? String(cString: host) : "?"
        var user = "uid \(getuid())"
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { user = String(cString: name) }
        return PlanLockHolder(pid: getpid(), command: command, user: user, host: h, since: Int(time(nil)))
    }

    /// The local time of `since`, `12:01:02`.
    public var sinceText: String {
        var t = time_t(since)
        var tm = tm()
        guard since > 0, localtime_r(&t, &tm) != nil else { return "?" }
        var buf = [CChar](repeating: 0, count: 32)
        let n = strftime(&buf, buf.count, "%H:%M:%S", &tm)
        return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// "duban set (pid 123, root@host) since 12:01:02", in the interface language.
    public func describe(_ S: Strings) -> String {
        S.format(.lockHolder, PlanLockHolder.printable(command), pid, PlanLockHolder.printable(user) + "@" + PlanLockHolder.printable(host), sinceText)
    }

    private static func oneLine(_ s: String) -> String {
        String(s.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(200).map(Character.init))
    }

    /// Lock file contents are anybody's words: no control characters reach the terminal.
    private static func printable(_ s: String) -> String {
        String(s.unicodeScalars.filter { !($0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)) }
            .prefix(60).map(Character.init))
    }
}

public enum PlanLockError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedMessage {
    /// Someone else held the lock for the whole wait.
    case busy(plan: String, holder: PlanLockHolder?, waited: Double)
    /// The lock file cannot be created or opened (a read-only folder, a link, not a file).
    case cannotLock(plan: String, lock: String, reason: String)

    public func message(_ S: Strings) -> String {
        switch self {
        case .busy(let p, let h, let w):
            return S.format(.lockBusy, p, h?.describe(S) ?? S[.lockHolderUnknown], Self.seconds(w))
        case .cannotLock(let p, let l, let r):
            return S.format(.lockCannot, p, l, r)
        }
    }

    public var description: String { message(Strings(.en)) }

    public static func seconds(_ w: Double) -> String {
        let tenths = Int((w * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

/// The exclusive lock that makes one writer at a time of a plan: `flock` on
/// `PLAN.json.lock` beside it, held from the read to the rename (see `PlanEditor`).
///
/// The lock file is never removed: a waiter blocked on a file that the holder unlinked
/// and a newcomer creating a fresh one would each think they hold the lock. Keeping it
/// costs one small file; while held it records who holds it (pid, command, user, host,
/// since), and it is emptied before it is let go.
public final class PlanLock {
    public let planPath: String
    public let lockPath: String
    private var fd: Int32

    /// How long a writer waits for the lock by default: `DUBAN_LOCK_WAIT` seconds, else 10.
    public static var defaultWait: Double {
        if let v = getenv("DUBAN_LOCK_WAIT"), let s = Double(String(cString: v)), s >= 0, s <= 3600 { return s }
        return 10
    }

    /// The lock file of a plan: beside the file a save replaces (a link's target).
    public static func path(forPlan planPath: String) -> String { PlanFile.target(of: planPath) + ".lock" }

    private init(planPath: String, lockPath: String, fd: Int32) {
        self.planPath = planPath; self.lockPath = lockPath; self.fd = fd
    }

    deinit { release() }

    /// Takes the plan's lock, waiting up to `wait` seconds (polling, with a short backoff)
    /// while someone else holds it. `waiting` is called once, with the holder, when the
    /// first try finds it held (a command prints one line on standard error). Throws
    /// `.busy` when the wait ends with the lock still held.
    public static func acquire(planPath: String, command: String, wait: Double = PlanLock.defaultWait,
                               waiting: (PlanLockHolder?) -> Void = { _ in }) throws -> PlanLock {
        let lockPath = path(forPlan: planPath)
        // Opened as every file is (SafeOpen): no link followed, a regular file only.
        let fd: Int32
        var st: stat
        do {
            (fd, st) = try SafeOpen.open(lockPath, as: .lock, flags: O_RDWR | O_CREAT, mode: 0o644)
        } catch {
            // Another user's lock file can still be locked through a read-only descriptor.
            guard access(lockPath, W_OK) != 0, let ro = try? SafeOpen.open(lockPath, as: .lock) else {
                throw PlanLockError.cannotLock(plan: planPath, lock: lockPath, reason: error.reason)
            }
            (fd, st) = ro
        }
        // Whoever may write the plan may lock it.
        if st.st_uid == geteuid() { fchmod(fd, 0o644) }
        let start = now()
        var pause = 0.005
        var told = false
        while true {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { break }
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let reason = errnoText()
                close(fd)
                throw PlanLockError.cannotLock(plan: planPath, lock: lockPath, reason: reason)
            }
            let waited = now() - start
            if !told { told = true; waiting(holder(fd)) }
            if waited >= wait {
                let h = holder(fd)
                close(fd)
                throw PlanLockError.busy(plan: planPath, holder: h, waited: waited)
            }
            let step = min(pause, wait - waited)
            var ts = timespec(tv_sec: Int(step), tv_nsec: Int((step - Double(Int(step))) * 1e9))
            nanosleep(&ts, nil)
            pause = min(pause * 2, 0.1)
        }
        let me = PlanLockHolder.current(command: command)
        let bytes = Array(me.text.utf8)
        if ftruncate(fd, 0) == 0 {
            _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        }
        return PlanLock(planPath: planPath, lockPath: lockPath, fd: fd)
    }

    /// Who holds the lock of a plan, as its lock file says; nil when nobody does (or it
    /// has not said yet).
    public static func holder(ofPlan planPath: String) -> PlanLockHolder? {
        let fd = open(path(forPlan: planPath), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 { flock(fd, LOCK_UN); return nil }
        return holder(fd)
    }

    /// Lets go: the record is emptied first, so that a waiter never names a writer gone.
    public func release() {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)
        close(fd)  // releases the flock
        fd = -1
    }

    private static func holder(_ fd: Int32) -> PlanLockHolder? {
        var buf = [UInt8](repeating: 0, count: 4096)
        let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return PlanLockHolder(parsing: Array(buf[0..<n]))
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
