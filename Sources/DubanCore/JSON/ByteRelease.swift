#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives the pages of a large plan's bytes back to the system as the decoder leaves them
/// behind (issue 16: the file's 193 MB were alive beside the decoded plan until the last
/// task, the open's peak memory 2.36x the file). `madvise(MADV_DONTNEED)` on whole pages
/// of the read buffer's storage: the address range stays valid (it reads as zeros), so
/// nothing can crash on it, but nothing may read those bytes again either. Who could:
///
/// - the decoder itself, to place a problem (line and column are counted from the
///   start), to name a key given twice or the value a file ends in: when any of that is
///   needed after a page was given back (`spoiled`, a problem pending, a syntax error),
///   the decode stops with `Needed`, and the loader reads the file again and decodes it
///   the ordinary way, so every message is the same as without the release;
/// - the second core's half, which starts at `limit`: nothing at or past it is given back;
/// - the journal's hash thread (`ready` is false until it has read every byte);
/// - the caller: `PlanFile` hands such a buffer to nobody (`Opened.bytes` is empty).
final class ByteRelease {
    /// Files of at least this many bytes are released as they are decoded; smaller ones
    /// are not worth the system calls. A variable so that tests can lower it.
    nonisolated(unsafe) static var minimumBytes = 32 << 20
    /// Pages are given back in steps of this many bytes.
    nonisolated(unsafe) static var step = 4 << 20
    /// How many decodes gave pages back, and how many had to read the file again (for tests).
    nonisolated(unsafe) static var releasedDecodes = 0
    nonisolated(unsafe) static var rereads = 0

    struct Needed: Error {}

    let base: UnsafeRawPointer
    let count: Int
    /// Offsets from here on are not given back (where the second core's half starts).
    var limit: Int
    /// Bytes from the start already given back (their pages, whole, below it).
    private(set) var released = 0
    private(set) var used = false
    /// The given-back bytes were asked for again: the decode must be redone.
    var spoiled = false
    let ready: () -> Bool
    private let page: Int

    init(_ buf: UnsafeBufferPointer<UInt8>, ready: @escaping () -> Bool) {
        base = UnsafeRawPointer(buf.baseAddress ?? UnsafePointer(bitPattern: 1)!)
        count = buf.count
        limit = buf.count
        self.ready = ready
        page = max(Int(sysconf(Int32(_SC_PAGESIZE))), 4096)
    }

    /// The decoder is at `pos` and needs nothing before it: give back the whole pages
    /// below it, a step at a time. Cheap when there is nothing to do.
    @inline(__always) func behind(_ pos: Int) {
        if pos &- released >= ByteRelease.step && released < limit { give(upTo: pos) }
    }

    private func give(upTo pos: Int) {
        guard !spoiled, ready() else { return }
        let end = min(pos, limit)
        let start = UInt(bitPattern: base + released)
        let from = (start + UInt(page) - 1) & ~(UInt(page) - 1)
        let to = UInt(bitPattern: base + end) & ~(UInt(page) - 1)
        if to > from, let p = UnsafeMutableRawPointer(bitPattern: from) {
            if madvise(p, Int(to - from), Int32(MADV_DONTNEED)) == 0 { used = true }
        }
        released = max(released, end)
    }
}
