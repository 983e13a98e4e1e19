#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `-o FILE` writes (demo, import, generate, and every later `-o`). A new path, a
/// regular file or a link to one gets the atomic save of `PlanFile.write`. An existing
/// special file is never replaced nor unlinked: a FIFO with a reader, a character device
/// (/dev/null, a terminal) or /dev/stdout is written into; a FIFO nobody reads, a folder,
/// a socket or a block device is refused with a message saying what it is.
public enum OutputFile {
    public enum Written: Equatable, Sendable {
        /// Saved atomically as a regular file.
        case saved(FileStamp?)
        /// Written into an existing FIFO or character device, which is still one.
        case streamed(SpecialFile)
    }

    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String, backup: Bool = false) throws -> Written {
        guard let what = SafeOpen.special(path) else {
            return .saved(try PlanFile.write(bytes, to: path, expecting: nil, backup: backup))
        }
        switch what {
        case .fifo, .characterDevice: break
        default: throw SafeOpenError.notRegular(path: path, kind: .output, is: what)
        }
        // Non-blocking, so a FIFO with no reader fails at once (ENXIO) instead of waiting.
        var fd: Int32
        repeat { fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY) } while fd < 0 && errno == EINTR
        guard fd >= 0 else {
            let e = errno
            if e == ENXIO && what == .fifo { throw SafeOpenError.noReader(path: path) }
            throw SafeOpenError.cannotWrite(path: path, reason: SafeOpen.text(e))
        }
        defer { close(fd) }
        // What was opened is checked again: the path may have changed since the look.
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw SafeOpenError.cannotWrite(path: path, reason: SafeOpen.text(errno)) }
        if (st.st_mode & S_IFMT) == S_IFREG {
            return .saved(try PlanFile.write(bytes, to: path, expecting: nil, backup: backup))
        }
        let opened = SpecialFile(mode: st.st_mode)
        guard opened == .fifo || opened == .characterDevice else {
            throw SafeOpenError.notRegular(path: path, kind: .output, is: opened)
        }
        let fl = fcntl(fd, F_GETFL)
        if fl >= 0 { _ = fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) }
        // A reader that goes away gives EPIPE, not a SIGPIPE that kills us mid-message.
        let oldPipe = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, oldPipe) }
        var off = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            while off < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + off, raw.count - off)  // non-empty: count > off
                if n < 0 { if errno == EINTR { continue }; failure = errno; return }
                if n == 0 { failure = EIO; return }
                off += n
            }
        }
        if failure != 0 { throw SafeOpenError.cannotWrite(path: path, reason: SafeOpen.text(failure)) }
        return .streamed(opened)
    }
}
