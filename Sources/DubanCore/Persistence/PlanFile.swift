#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What identifies a file's version on disk: if any of it changed since the plan was
/// loaded, someone else saved over it.
public struct FileStamp: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modifiedSeconds: Int64
    public var modifiedNanoseconds: Int64
}

extension FileStamp {
    init(_ st: stat) {
        self.init(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                  modifiedSeconds: Int64(st.st_mtim.tv_sec), modifiedNanoseconds: Int64(st.st_mtim.tv_nsec))
    }
}

public enum FileError: Error, Hashable, Sendable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case changedOnDisk(path: String)

    public var description: String {
        switch self {
        case .cannotRead(let p, let r): return "\(p): cannot read: \(r)"
        case .cannotWrite(let p, let r): return "\(p): cannot save: \(r); the file on disk was not changed"
        case .changedOnDisk(let p): return "\(p): the file changed on disk since it was opened (someone else saved it); not overwritten"
        }
    }
}

/// Reading and writing plan files. A save is atomic and durable: the new version is
/// written to a temporary file in the same folder, flushed, given the old file's
/// permissions, then renamed over the old one and the folder flushed; the old version
/// is kept as `PLAN.json.bak`. Until the rename the old file is untouched.
public enum PlanFile {
    /// The whole file's bytes.
    public static func read(path: String) throws -> [UInt8] {
        try readWithStamp(path: path).bytes
    }

    /// The whole file's bytes and the stamp of the version read (taken from the open
    /// file, so a save by someone else in between cannot slip through unnoticed).
    /// Through `SafeOpen`: a FIFO, a device or a folder is refused at once (never read,
    /// never waited on), and so is a file above 2 GiB.
    public static func readWithStamp(path: String) throws -> (bytes: [UInt8], stamp: FileStamp) {
        let (bytes, st) = try SafeOpen.read(path, as: .plan)
        return (bytes, FileStamp(st))
    }

    /// A plan opened for editing: what the dashboard needs to edit it safely.
    public struct Opened: Sendable {
        public var plan: Plan
        /// The bytes it was read from: the journal records their hash. Empty for a plan of
        /// `ByteRelease.minimumBytes` or more opened with a hashing thread, whose pages were
        /// given back as it was decoded (issue 16); `hash` is there either way.
        public var bytes: [UInt8]
        /// The version read: pass it as `expecting:` when saving.
        public var stamp: FileStamp
        /// false for a read-only plan: open it read-only, with a banner.
        public var writable: Bool
        /// `ContentHash(bytes)`: the journal's base (`Journal.open(planPath:planBytes:hash:)`),
        /// worked out on another thread while the plan was decoded (hashing a 200 MB plan
        /// byte by byte takes about a quarter of its decode), or here when first asked
        /// for if the load was told nobody would need it.
        public var hash: ContentHash { hashing.result() }
        let hashing: BackgroundHash
    }

    /// Reads, decodes and stamps a plan, and tells whether it can be saved. `hashing`:
    /// work out `Opened.hash` beside the decode (for a journal); a writer that opens no
    /// journal (`PlanEditor.edit`) passes false.
    public static func loadForEditing(path: String, hashing background: Bool = true) throws -> Opened {
        let progress = ProgressLine.current
        progress?.begin(.load, name: path, total: stamp(path: path).map { Int($0.size) } ?? 0)
        defer { progress?.end() }
        var (bytes, stamp) = try readWithStamp(path: path)
        var hashing = BackgroundHash(bytes, minimum: background ? 1 << 20 : Int.max)
        let plan: Plan
        // A large plan's pages are given back as they are decoded (issue 16): then
        // `bytes` is empty and the hash the thread's. Without a hashing thread nothing is
        // given back (`hash`, worked out when asked, needs the bytes).
        var released = background && bytes.count >= ByteRelease.minimumBytes
        do {
            if released {
                let h = hashing
                plan = try PlanJSON.decodeReleasing(bytes, file: path, ready: { h.isDone }) {
                    // A message needs the bytes again: the file as it is now, hashed anew.
                    h.join()
                    (bytes, stamp) = try readWithStamp(path: path)
                    released = false
                    hashing = BackgroundHash(bytes, minimum: 1 << 20)
                    return bytes
                }
            } else {
                plan = try PlanJSON.decode(bytes, file: path)
            }
        } catch {
            hashing.join()
            throw error
        }
        hashing.join()
        if released { bytes = [] }
        return Opened(plan: plan, bytes: bytes, stamp: stamp, writable: isWritable(path: path), hashing: hashing)
    }

    /// Reads and decodes a plan; errors name the file, line, column and JSON path.
    public static func load(path: String) throws -> Plan {
        let progress = ProgressLine.current
        progress?.begin(.load, name: path, total: stamp(path: path).map { Int($0.size) } ?? 0)
        defer { progress?.end() }
        // A large plan's pages are given back as they are decoded (issue 16, `ByteRelease`).
        return try PlanJSON.decodeReleasing(try read(path: path), file: path) { try read(path: path) }
    }

    public static func stamp(path: String) -> FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileStamp(st)
    }

    /// Whether the file (or, for a new file, its folder) can be written. A file (or folder)
    /// with no write permission at all (`chmod a-w`) is read-only even for root, who could
    /// write it anyway: someone marked it read-only on purpose.
    public static func isWritable(path: String) -> Bool {
        var st = stat()
        if stat(path, &st) == 0 {
            if st.st_mode & 0o222 == 0 { return false }
            return access(path, W_OK) == 0
        }
        let dir = folder(of: path)
        guard stat(dir, &st) == 0, st.st_mode & 0o222 != 0 else { return false }
        return access(dir, W_OK) == 0
    }

    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let f = String(path[..<slash])
        return f.isEmpty ? "/" : f
    }

    /// Saves atomically. When `expecting` is given and the file on disk is no longer that
    /// version, nothing is written and `.changedOnDisk` is thrown. Returns the new stamp.
    @discardableResult
    public static func save(_ plan: Plan, to path: String, expecting: FileStamp? = nil, backup: Bool = true) throws -> FileStamp? {
        try saveReporting(plan, to: path, expecting: expecting, backup: backup).stamp
    }

    /// Failures to simulate, for tests of what a failed save leaves behind.
    struct Faults {
        /// The disk fills up after this many bytes of the new version.
        var diskFullAfter: Int? = nil
        var failRename = false
        static let none = Faults()
    }

    /// Writes bytes atomically (see `save`).
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String, expecting: FileStamp? = nil, backup: Bool = false) throws -> FileStamp? {
        try write(bytes, to: path, expecting: expecting, backup: backup, faults: .none)
    }

    static func write(_ bytes: [UInt8], to given: String, expecting: FileStamp?, backup: Bool, faults: Faults) throws -> FileStamp? {
        try writeReporting(bytes, to: given, expecting: expecting, backup: backup, faults: faults).stamp
    }

    /// What a save did beyond writing the file: the new stamp, and why no backup was kept
    /// when one was asked for and could not be (a `PLAN.json.bak` that is a folder): the
    /// save itself succeeded, and the caller says so.
    public struct Saved: Sendable {
        public var stamp: FileStamp?
        public var backupProblem: BackupProblem?
    }

    /// Writes bytes atomically (see `save`), telling whether the backup was kept.
    public static func writeReporting(_ bytes: [UInt8], to path: String, expecting: FileStamp? = nil, backup: Bool) throws -> Saved {
        try writeReporting(bytes, to: path, expecting: expecting, backup: backup, faults: .none)
    }

    static func writeReporting(_ bytes: [UInt8], to given: String, expecting: FileStamp?, backup: Bool, faults: Faults) throws -> Saved {
        try writeReporting(producing: { emit in try bytes.withUnsafeBytes { try emit($0) } }, total: bytes.count,
                           to: given, expecting: expecting, backup: backup, faults: faults)
    }

    /// Encodes and saves a plan atomically (as `writeReporting(PlanJSON.encode(plan), ...)`,
    /// the same bytes), writing each piece as the encoder finishes it (issue 16): the
    /// tasks' slices are encoded on the other cores while the earlier ones go to the disk,
    /// and no copy of the whole file is ever held.
    public static func saveReporting(_ plan: Plan, to path: String, expecting: FileStamp? = nil, backup: Bool) throws -> Saved {
        try saveReporting(plan, to: path, expecting: expecting, backup: backup, faults: .none)
    }

    static func saveReporting(_ plan: Plan, to path: String, expecting: FileStamp?, backup: Bool, faults: Faults) throws -> Saved {
        try writeReporting(producing: { emit in try PlanJSON.encodePieces(plan, emit) }, total: PlanJSON.estimatedSize(plan),
                           to: path, expecting: expecting, backup: backup, faults: faults)
    }

    /// `saveReporting`, piece by piece, and the `ContentHash` of the bytes written, worked
    /// out as they go to the disk (issue 16: the dashboard's and the journal's saves no
    /// longer encode the whole file into one array first). `beforeRename` is given that
    /// hash once every byte is flushed and before the new version takes the plan's name:
    /// the journal writes its "saving" marker there.
    static func saveHashing(_ plan: Plan, to path: String, expecting: FileStamp?, backup: Bool, faults: Faults = .none,
                            beforeRename: (ContentHash) -> Void = { _ in }) throws -> (saved: Saved, hash: ContentHash) {
        let hash = ContentHash.Streamed()
        let saved = try writeReporting(producing: { emit in
            try PlanJSON.encodePieces(plan) { piece in
                hash.add(piece)
                try emit(piece)
            }
        }, total: PlanJSON.estimatedSize(plan), to: path, expecting: expecting, backup: backup, faults: faults,
           beforeRename: { beforeRename(hash.result) })
        return (saved, hash.result)
    }

    /// A write that failed, with errno's words taken where it failed.
    struct WriteFailed: Error { var reason: String }

    /// The atomic save itself: `produce` hands the new version's bytes, in order, to the
    /// function it is given (which throws `WriteFailed` when the disk refuses them);
    /// `total` is their size or an estimate (for the progress line only).
    static func writeReporting(producing produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void, total: Int,
                               to given: String, expecting: FileStamp?, backup: Bool, faults: Faults,
                               beforeRename: () -> Void = {}) throws -> Saved {
        let path = target(of: given)
        // A FIFO, a device or a folder where the plan should be is never replaced.
        if let what = SafeOpen.special(path) { throw SafeOpenError.notRegular(path: path, kind: .plan, is: what) }
        if let expecting, let now = stamp(path: path), now != expecting {
            throw FileError.changedOnDisk(path: path)
        }
        let dir = folder(of: path)
        var old = stat()
        let exists = stat(path, &old) == 0
        let mode: mode_t = exists ? (old.st_mode & 0o7777) : 0o644
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let tmp = (dir == "." && !path.hasPrefix("./") ? "" : dir + "/") + ".\(base).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"

        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError.cannotWrite(path: path, reason: errnoText()) }
        func fail(_ reason: String) -> FileError {
            close(fd)
            unlink(tmp)
            return FileError.cannotWrite(path: path, reason: reason)
        }
        let progress = ProgressLine.current
        progress?.begin(.save, name: path, total: total)
        defer { progress?.end() }
        // In 8 MiB pieces, each handed to the disk as soon as it is written, so that the
        // fsync at the end finds most of a large plan already on its way.
        let piece = 8 << 20
        var written = 0, flushed = 0
        func put(_ raw: UnsafeRawBufferPointer) throws {
            var off = 0
            while off < raw.count {
                if let limit = faults.diskFullAfter, written >= limit { throw WriteFailed(reason: String(cString: strerror(ENOSPC))) }
                var chunk = min(raw.count - off, piece)
                if let limit = faults.diskFullAfter { chunk = max(1, min(chunk, limit - written)) }
                let n = Glibc.write(fd, raw.baseAddress! + off, chunk)  // non-empty: count > off
                if n < 0 { if errno == EINTR { continue }; throw WriteFailed(reason: errnoText()) }
                if n == 0 { throw WriteFailed(reason: String(cString: strerror(ENOSPC))) }
                off += n
                written += n
                if written - flushed >= piece {
                    _ = c_sync_file_range(fd, Int64(flushed), Int64(written - flushed), 2 /* SYNC_FILE_RANGE_WRITE */)
                    flushed = written
                    progress?.advance(to: written)
                }
            }
        }
        do { try produce(put) } catch let e as WriteFailed { throw fail(e.reason) } catch {
            close(fd)
            unlink(tmp)
            throw error
        }
        guard fsync(fd) == 0 else { throw fail(errnoText()) }
        if exists, fchown(fd, old.st_uid, old.st_gid) != 0 { /* not the owner: keep ours */ }
        guard fchmod(fd, mode) == 0 else { throw fail(errnoText()) }
        guard close(fd) == 0 else { unlink(tmp); throw FileError.cannotWrite(path: path, reason: errnoText()) }
        beforeRename()

        var backupProblem: BackupProblem? = nil
        if backup && exists {
            // The previous version as PLAN.json.bak: a hard link (no copy), else a copy,
            // through a temporary of this save's own (pid and a random number: two saves
            // never share one), removed whatever happens.
            let bak = path + ".bak"
            let bakTmp = bak + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            var bst = stat()
            if lstat(bak, &bst) == 0, (bst.st_mode & S_IFMT) != S_IFREG {
                backupProblem = BackupProblem(backup: bak, reason: (bst.st_mode & S_IFMT) == S_IFDIR ? .isFolder : .notAFile)
            } else if link(path, bakTmp) == 0 || ((try? copyFile(path, bakTmp)) != nil) {
                if rename(bakTmp, bak) != 0 { backupProblem = BackupProblem(backup: bak, reason: .failed(errnoText())) }
            } else {
                backupProblem = BackupProblem(backup: bak, reason: .failed(errnoText()))
            }
            // rename(2) leaves both names when they already are one file: never leave it.
            unlink(bakTmp)
        }
        guard !faults.failRename, rename(tmp, path) == 0 else {
            if faults.failRename { errno = EXDEV }
            let reason = errnoText()
            unlink(tmp)
            throw FileError.cannotWrite(path: path, reason: reason)
        }
        // Only a rename the folder has on disk is a save: a failed flush is reported, never
        // passed off as success (EINVAL: a file system that cannot flush folders).
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dfd >= 0 else { throw PlanWriteError.notFlushed(path: path, reason: errnoText()) }
        if fsync(dfd) != 0 && errno != EINVAL {
            let reason = errnoText()
            close(dfd)
            throw PlanWriteError.notFlushed(path: path, reason: reason)
        }
        close(dfd)
        removeStaleTemporaries(of: path)
        return Saved(stamp: stamp(path: path), backupProblem: backupProblem)
    }

    /// The file a save must replace: for a symbolic link, the file it points to (renaming
    /// over the link would turn it into a file and leave its target behind); otherwise
    /// the path itself.
    static func target(of path: String) -> String {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK, let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// Removes what saves of this file killed before their rename left behind: the
    /// temporary files `.PLAN.json.tmp-PID-N` and `PLAN.json.bak.tmp-PID` whose process
    /// is gone and that are more than a minute old. A file whose process still runs (a
    /// save in progress) is kept, and so is a recent one (on a shared folder the process
    /// may be another machine's).
    static func removeStaleTemporaries(of path: String) {
        let dir = folder(of: path)
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let prefixes = [".\(base).tmp-", "\(base).bak.tmp-"]
        guard let d = opendir(dir) else { return }
        defer { closedir(d) }
        var stale: [String] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }) else { continue }
            let digits = name.dropFirst(prefix.count).prefix { $0 >= "0" && $0 <= "9" }
            guard let pid = Int32(digits), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { stale.append(name) }
        }
        let prefixDir = (dir == "." && !path.hasPrefix("./")) ? "" : dir + "/"
        let now = time(nil)
        for name in stale {
            var st = stat()
            if lstat(prefixDir + name, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, now - st.st_mtim.tv_sec > 60 {
                unlink(prefixDir + name)
            }
        }
    }

    static func copyFile(_ from: String, _ to: String) throws {
        let bytes = try read(path: from)
        let fd = open(to, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError.cannotWrite(path: to, reason: errnoText()) }
        defer { close(fd) }
        var off = 0
        try bytes.withUnsafeBytes { raw in
            while off < bytes.count {
                let n = Glibc.write(fd, raw.baseAddress! + off, bytes.count - off)  // non-empty: count > off
                if n <= 0 { if errno == EINTR { continue }; throw FileError.cannotWrite(path: to, reason: errnoText()) }
                off += n
            }
        }
        var st = stat()
        if stat(from, &st) == 0 { fchmod(fd, st.st_mode & 0o7777) }
        fsync(fd)
    }
}

/// Linux's sync_file_range (starts writeback of a range without waiting); Glibc hides it
/// unless _GNU_SOURCE is defined. Only a hint: the fsync that follows is what counts.
@_silgen_name("sync_file_range")
func c_sync_file_range(_ fd: Int32, _ offset: Int64, _ count: Int64, _ flags: UInt32) -> Int32

func errnoText() -> String {
    String(cString: strerror(errno))
}

/// `ContentHash` of a buffer on a thread of its own (a pthread, not the global queue,
/// whose width on two cores the decoder's second half already takes), beside the decode.
/// XXH3 (issue 16) takes milliseconds where FNV-1a took a quarter of a second of a core
/// at 100k; the thread stays because `ByteRelease` waits for it to give bytes back.
final class BackgroundHash: @unchecked Sendable {
    private var bytes: [UInt8]
    private var hash: ContentHash? = nil
    private var thread: pthread_t? = nil
    private let lock = NSLockless()
    /// Guards `finished` (not `lock`: `join` holds that while it waits for the thread).
    private let doneLock = NSLockless()
    private var finished = false

    /// Whether the thread has read every byte (false when there is none: nothing then
    /// may give the bytes back, `result` would read them).
    var isDone: Bool { doneLock.locked { finished } }

    init(_ bytes: [UInt8], minimum: Int = 1 << 20) {
        self.bytes = bytes
        guard bytes.count >= minimum else { return }
        let box = Unmanaged.passRetained(self).toOpaque()
        var t = pthread_t()
        if pthread_create(&t, nil, { arg in
            let me = Unmanaged<BackgroundHash>.fromOpaque(arg!).takeRetainedValue()
            me.hash = ContentHash(me.bytes)
            me.bytes = []  // not kept alive beside the plan (its pages may be given back)
            me.doneLock.locked { me.finished = true }
            return nil
        }, box) == 0 {
            thread = t
        } else {
            Unmanaged<BackgroundHash>.fromOpaque(box).release()
        }
    }

    /// Waits for the thread, if one was started (the loader does, before it returns).
    func join() {
        lock.locked {
            if let t = thread {
                pthread_join(t, nil)
                thread = nil
            }
        }
    }

    /// The hash: the thread's, or worked out here the first time it is asked for.
    func result() -> ContentHash {
        join()
        return lock.locked {
            if let h = hash { return h }
            let h = ContentHash(bytes)
            hash = h
            return h
        }
    }
}
