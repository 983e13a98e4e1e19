import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a file is to duban: says which files may be followed through a symbolic link,
/// how large one may be, and names the file in messages.
public enum FileKind: String, Sendable, CaseIterable {
    case plan, journal, lock, backup, temporary, notice, config, theme, aliases, output

    /// The most bytes duban reads from a file of this kind. Plans (and what holds a copy
    /// of one) are allowed far more than a province's plan of about 200 MB.
    public var limit: Int {
        switch self {
        case .plan, .journal, .backup, .temporary, .output: return 2 << 30      // 2 GiB
        case .notice: return 256 << 20                                          // 256 MiB
        case .aliases: return 16 << 20                                          // 16 MiB
        case .config, .theme, .lock: return 1 << 20                             // 1 MiB
        }
    }

    /// Whether a symbolic link is followed. The journal, its lock and temporaries are
    /// duban's own files beside the plan: a link there is someone's trap (writing through
    /// it would overwrite the link's target), so it is refused.
    public var followsLinks: Bool {
        switch self {
        case .journal, .lock, .temporary: return false
        default: return true
        }
    }

    func name(_ S: Strings) -> String {
        switch self {
        case .plan: return S[.openKindPlan]
        case .journal: return S[.openKindJournal]
        case .lock: return S[.openKindLock]
        case .backup: return S[.openKindBackup]
        case .temporary: return S[.openKindTemporary]
        case .notice: return S[.openKindNotice]
        case .config: return S[.openKindConfig]
        case .theme: return S[.openKindTheme]
        case .aliases: return S[.openKindAliases]
        case .output: return S[.openKindOutput]
        }
    }
}

/// What a path is when it is not a regular file.
public enum SpecialFile: String, Sendable {
    case fifo, characterDevice, blockDevice, folder, socket, symbolicLink, unknown

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFDIR: self = .folder
        case S_IFSOCK: self = .socket
        case S_IFLNK: self = .symbolicLink
        default: self = .unknown
        }
    }

    func name(_ S: Strings) -> String {
        switch self {
        case .fifo: return S[.openIsFifo]
        case .characterDevice: return S[.openIsCharDevice]
        case .blockDevice: return S[.openIsBlockDevice]
        case .folder: return S[.openIsFolder]
        case .socket: return S[.openIsSocket]
        case .symbolicLink: return S[.openIsLink]
        case .unknown: return S[.openIsUnknown]
        }
    }
}

/// Why a file was not opened or read: each names the file and what it is or what went wrong.
public enum SafeOpenError: Error, Hashable, Sendable, LocalizedMessage, CustomStringConvertible {
    /// Not a regular file: a FIFO, a device, a folder, a socket (or a link where none may be).
    case notRegular(path: String, kind: FileKind, is: SpecialFile)
    /// Larger than the kind's limit (bytes).
    case tooLarge(path: String, kind: FileKind, limit: Int)
    /// open(2) or read(2) failed; `reason` is strerror's.
    case cannotOpen(path: String, kind: FileKind, reason: String)
    /// `-o` onto a FIFO that nobody reads: writing would wait forever.
    case noReader(path: String)
    /// Writing to an existing special file (`-o`) failed.
    case cannotWrite(path: String, reason: String)

    public var path: String {
        switch self {
        case .notRegular(let p, _, _), .tooLarge(let p, _, _), .cannotOpen(let p, _, _), .noReader(let p), .cannotWrite(let p, _): return p
        }
    }

    public func message(_ S: Strings) -> String {
        switch self {
        case .notRegular(let p, let k, .symbolicLink): return S.format(.openRefusedLink, p, k.name(S))
        case .notRegular(let p, .output, let what): return S.format(.openOutputRefused, p, what.name(S))
        case .notRegular(let p, let k, let what): return S.format(.openNotRegular, p, what.name(S), k.name(S))
        case .tooLarge(let p, let k, let limit): return S.format(.openTooLarge, p, k.name(S), SafeOpen.sizeText(limit))
        case .cannotOpen(let p, let k, let r): return S.format(.openCannotRead, p, k.name(S), r)
        case .noReader(let p): return S.format(.openNoReader, p)
        case .cannotWrite(let p, let r): return S.format(.openCannotWrite, p, r)
        }
    }

    public var description: String { message(Strings(.en)) }

    /// The English message without the leading path: for messages that name the file
    /// themselves (`path: cannot read the file: REASON`).
    public var reason: String {
        let m = description
        let prefix = path + ": "
        return m.hasPrefix(prefix) ? String(m.dropFirst(prefix.count)) : m
    }
}

/// Every file duban reads goes through here: opened without blocking (a FIFO cannot hang
/// it), checked on the open descriptor to be a regular file, links refused where following
/// one would be wrong, and read up to the kind's limit, never more than limit + 1 bytes
/// whatever fstat says (a /proc file says 0).
public enum SafeOpen {
    /// Opens `path` as a file of `kind` and checks it is a regular file. `flags` are
    /// O_RDONLY, O_RDWR, with O_CREAT for the journal and its lock (then `mode` applies).
    /// The descriptor is blocking again when returned; the caller closes it.
    public static func open(_ path: String, as kind: FileKind, flags: Int32 = O_RDONLY, mode: mode_t = 0o600) throws(SafeOpenError) -> (fd: Int32, stat: stat) {
        var f = flags | O_NONBLOCK | O_CLOEXEC | O_NOCTTY
        if !kind.followsLinks { f |= O_NOFOLLOW }
        var fd: Int32
        repeat { fd = Glibc.open(path, f, mode) } while fd < 0 && errno == EINTR
        guard fd >= 0 else {
            let e = errno
            if e == ELOOP && !kind.followsLinks, isLink(path) { throw .notRegular(path: path, kind: kind, is: .symbolicLink) }
            if e == EISDIR { throw .notRegular(path: path, kind: kind, is: .folder) }
            if e == ENXIO || e == EOPNOTSUPP, let what = special(path) { throw .notRegular(path: path, kind: kind, is: what) }
            throw .cannotOpen(path: path, kind: kind, reason: text(e))
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let e = errno
            Glibc.close(fd)
            throw .cannotOpen(path: path, kind: kind, reason: text(e))
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            Glibc.close(fd)
            throw .notRegular(path: path, kind: kind, is: SpecialFile(mode: st.st_mode))
        }
        let fl = fcntl(fd, F_GETFL)
        if fl >= 0 { _ = fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) }
        return (fd, st)
    }

    /// The whole file (at most the kind's limit) and its stat, taken from the open descriptor.
    public static func read(_ path: String, as kind: FileKind) throws(SafeOpenError) -> (bytes: [UInt8], stat: stat) {
        try read(path, as: kind, limit: kind.limit)
    }

    static func read(_ path: String, as kind: FileKind, limit: Int) throws(SafeOpenError) -> (bytes: [UInt8], stat: stat) {
        let (fd, st) = try open(path, as: kind)
        defer { Glibc.close(fd) }
        if let bytes = readHalves(fd, size: Int(st.st_size), limit: limit, regular: (st.st_mode & S_IFMT) == S_IFREG) {
            return (bytes, st)
        }
        let bytes = try readAll(fd, path: path, kind: kind, size: Int(st.st_size), limit: limit, positioned: false)
        return (bytes, st)
    }

    /// Regular files of at least this many bytes are read by two threads, a half each.
    nonisolated(unsafe) static var parallelReadBytes = 16 << 20
    /// How many reads were made in two halves (for tests).
    nonisolated(unsafe) static var halvesRead = 0

    /// A large regular file read by two threads at once, each `pread`ing its half into the
    /// same array (issue 16: the read of a 193 MB plan was 0.15 s on one core, most of it
    /// the kernel clearing and copying into fresh pages, which two cores do twice as fast).
    /// nil whenever anything is not as fstat said (a short read, an error, bytes past the
    /// size): the caller then reads the file the ordinary way, which gives the message.
    static func readHalves(_ fd: Int32, size: Int, limit: Int, regular: Bool) -> [UInt8]? {
        guard regular, size >= parallelReadBytes, size <= limit, Cores.online > 1 else { return nil }
        final class Half: @unchecked Sendable {
            var ok = false
            let done = DispatchSemaphore(value: 0)
        }
        @Sendable func fill(_ p: UnsafeMutableRawPointer, _ from: Int, _ to: Int) -> Bool {
            var at = from
            while at < to {
                let n = pread(fd, p + at, to - at, off_t(at))
                if n < 0 { if errno == EINTR { continue }; return false }
                if n == 0 { return false }
                at += n
            }
            return true
        }
        let mid = (size / 2) & ~4095
        var ok = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buf, count in
            count = 0
            guard let base = buf.baseAddress else { return }
            let raw = UnsafeMutableRawPointer(base)
            let second = Half()
            let address = UInt(bitPattern: raw)
            DispatchQueue.global().async {
                second.ok = fill(UnsafeMutableRawPointer(bitPattern: address)!, mid, size)
                second.done.signal()
            }
            let first = fill(raw, 0, mid)
            second.done.wait()
            // Nothing past the size fstat gave: the file did not grow while read.
            guard first, second.ok, pread(fd, raw + size, 1, off_t(size)) == 0 else { return }
            count = size
            ok = true
        }
        guard ok else { return nil }
        halvesRead += 1
        return bytes
    }

    /// Reads what `fd` holds from the start (pread) or from where it is (read), refusing more
    /// than `limit` bytes: at most limit + 1 are ever read. `size` (fstat's) is a hint for
    /// the first allocation only.
    public static func readAll(_ fd: Int32, path: String, kind: FileKind, size: Int, positioned: Bool = true) throws(SafeOpenError) -> [UInt8] {
        try readAll(fd, path: path, kind: kind, size: size, limit: kind.limit, positioned: positioned)
    }

    static func readAll(_ fd: Int32, path: String, kind: FileKind, size: Int, limit: Int, positioned: Bool) throws(SafeOpenError) -> [UInt8] {
        if size > limit { throw .tooLarge(path: path, kind: kind, limit: limit) }
        // read(2) straight into the array's storage: a copy through a chunk cost a third of
        // the parse on a 200 MB plan. One spare byte lets the loop see the end.
        let first = min(max(size, 0), limit) + 1
        var failure: Int32 = 0
        var offset = 0
        func step(_ p: UnsafeMutableRawPointer, _ n: Int) -> Int {
            positioned ? pread(fd, p, n, off_t(offset)) : Glibc.read(fd, p, n)
        }
        var out = [UInt8](unsafeUninitializedCapacity: first) { buf, count in
            count = 0
            while count < buf.count {
                let n = step(buf.baseAddress! + count, buf.count - count)  // capacity >= 1
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { return }
                count += n
                offset += n
            }
        }
        if failure != 0 { throw .cannotOpen(path: path, kind: kind, reason: text(failure)) }
        if out.count < first { return out }
        // Grown since fstat, or a size fstat does not know: read on, up to limit + 1.
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while out.count <= limit {
            let want = min(chunk.count, limit + 1 - out.count)
            let n = chunk.withUnsafeMutableBytes { step($0.baseAddress!, want) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotOpen(path: path, kind: kind, reason: text(errno))
            }
            if n == 0 { break }
            offset += n
            out.append(contentsOf: chunk[0..<n])
        }
        if out.count > limit { throw .tooLarge(path: path, kind: kind, limit: limit) }
        return out
    }

    /// nil when `path` is a regular file, does not exist or cannot be looked at; otherwise
    /// what it is (following links).
    public static func special(_ path: String) -> SpecialFile? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) != S_IFREG else { return nil }
        return SpecialFile(mode: st.st_mode)
    }

    static func isLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    /// 2 GiB, 256 MiB, 1 MiB, 512 bytes.
    static func sizeText(_ n: Int) -> String {
        if n >= 1 << 30, n % (1 << 30) == 0 { return "\(n >> 30) GiB" }
        if n >= 1 << 20, n % (1 << 20) == 0 { return "\(n >> 20) MiB" }
        if n >= 1 << 10, n % (1 << 10) == 0 { return "\(n >> 10) KiB" }
        return "\(n) bytes"
    }

    static func text(_ e: Int32) -> String { String(cString: strerror(e)) }
}
