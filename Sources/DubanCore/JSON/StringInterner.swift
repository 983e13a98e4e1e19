/// Keeps one copy of each short string read from a file: unit names, leaders and
/// authors repeat hundreds of thousands of times in a province-sized plan, and so do
/// progress notes (已完成方案制定。, 正在推进。) and remarks (issue 16). A repeat
/// costs a hash of its bytes and one comparison instead of a UTF-8 validation and an
/// allocation, and every task shares the one string's storage (a third less memory
/// for a 100k-task plan; see DECISIONS.md). Equal bytes give the same string, so what
/// is decoded does not change.
struct StringInterner {
    /// Strings longer than this are rarely repeated (texts, notes) and not kept.
    static let maxLength = 96
    /// No more than this many distinct strings are kept (a file of unique names should
    /// not grow the table without bound); later ones are simply decoded.
    static let maxEntries = 1 << 16

    private struct Entry {
        /// Where the string's bytes are in `arena`.
        var start: Int
        var count: Int
        var string: String
    }
    private var table = HashSlots(capacity: 1024)
    private var entries: [Entry] = []
    /// Every kept string's bytes, one after another: compared with here rather than
    /// with the file's bytes, which may have been given back by then (`ByteRelease`).
    /// At most `maxEntries * maxLength` bytes (6 MiB).
    private var arena: [UInt8] = []

    /// The string for `buf[range]`, reusing an earlier equal one; nil when the bytes are
    /// not valid UTF-8.
    mutating func string(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        let n = range.count
        guard n <= StringInterner.maxLength, n > 15 else {
            // Up to 15 bytes a String is stored inline: nothing to share.
            return JSONScanner.validString(UnsafeBufferPointer(rebasing: buf[range]))
        }
        let base = buf.baseAddress.unsafelyUnwrapped + range.lowerBound
        let h = StringInterner.hash(base, n)
        let found: Int?, slot: Int
        (found, slot) = arena.withUnsafeBufferPointer { a in
            table.find(h) { k in
                entries[k].count == n && memcmp(a.baseAddress.unsafelyUnwrapped + entries[k].start, base, n) == 0
            }
        }
        if let found { return entries[found].string }
        guard let s = JSONScanner.validString(UnsafeBufferPointer(start: base, count: n)) else { return nil }
        guard entries.count < StringInterner.maxEntries else { return s }
        entries.append(Entry(start: arena.count, count: n, string: s))
        arena.append(contentsOf: UnsafeBufferPointer(start: base, count: n))
        table.insert(h, at: slot)
        return s
    }

    /// A fast hash of a few dozen bytes, eight at a time (not for untrusted adversaries:
    /// the worst a crafted file can do is make the table slow, and it is bounded).
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n { tail |= UInt64(p[i]) << shift; shift += 8; i += 1 }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
