#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one cell shows, in four bytes: one Unicode scalar stored inline (nearly every
/// cell: ASCII, Han, punctuation, box drawing), or a grapheme cluster of several
/// scalars (a base with combining marks, an emoji sequence) kept once in a shared table
/// and named by its number there. Two glyphs are equal when their scalars are.
public struct Glyph: Hashable {
    /// The scalar's value, or `clusterBit | number` of a cluster; 0 is the empty glyph
    /// (the text of a continuation cell).
    let raw: UInt32
    static let clusterBit: UInt32 = 0x8000_0000

    init(raw: UInt32) { self.raw = raw }

    /// A one-scalar glyph. (U+0000 gives the empty glyph; controls never reach a cell.)
    @inline(__always)
    public init(_ scalar: Unicode.Scalar) { raw = scalar.value }

    /// The glyph of a string: empty, one scalar, or a cluster.
    public init(_ text: String) {
        var it = text.unicodeScalars.makeIterator()
        guard let first = it.next() else { self = .empty; return }
        if it.next() == nil { raw = first.value; return }
        raw = Glyph.clusterBit | ClusterTable.shared.number(of: Array(text.utf8))
    }

    init<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        var count = 0
        var only: UInt32 = 0
        for s in scalars {
            count += 1; only = s.value
            UTF8.encode(s) { bytes.append($0) }
        }
        if count == 0 { self = .empty; return }
        if count == 1 { raw = only; return }
        raw = Glyph.clusterBit | ClusterTable.shared.number(of: bytes)
    }

    public static let empty = Glyph(raw: 0)
    public static let space = Glyph(raw: 0x20)

    public var isEmpty: Bool { raw == 0 }
    /// Whether this glyph has several scalars (kept in the table).
    public var isCluster: Bool { raw & Glyph.clusterBit != 0 }

    /// The scalar of a one-scalar glyph; nil for a cluster or the empty glyph.
    @inline(__always)
    public var scalar: Unicode.Scalar? {
        guard raw != 0, raw & Glyph.clusterBit == 0 else { return nil }
        return Unicode.Scalar(raw)
    }

    /// The glyph's text.
    public var string: String {
        if raw == 0 { return "" }
        if let s = scalar { return String(Character(s)) }
        return ClusterTable.shared.text(raw & ~Glyph.clusterBit)
    }

    /// Appends the glyph's text to a string without making a string of it.
    @inline(__always)
    public func append(to s: inout String) {
        if raw == 0 { return }
        if let u = scalar { s.unicodeScalars.append(u) } else { s += string }
    }

    /// The glyph's scalars (for a terminal backend).
    public var scalars: [Unicode.Scalar] {
        if raw == 0 { return [] }
        if let s = scalar { return [s] }
        return Array(string.unicodeScalars)
    }

    /// This glyph with more scalars after it (a combining mark joining its base).
    func appending<S: Sequence>(_ more: S) -> Glyph where S.Element == Unicode.Scalar {
        Glyph(scalars: scalars + Array(more))
    }
}

/// Grapheme clusters of several scalars, each stored once for the life of the process
/// and numbered in order of first use. Keyed by UTF-8 bytes, not by `String` equality,
/// so canonically equivalent but different spellings stay apart and a cell shows
/// exactly the bytes the data had. Rare in a plan (combining marks, emoji sequences),
/// so a lock per lookup costs nothing that matters. Past `limit` distinct clusters a new
/// one shows as U+FFFD rather than growing the table without end.
final class ClusterTable: @unchecked Sendable {
    static let shared = ClusterTable()
    static let limit = 1 << 20

    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    private var numbers: [[UInt8]: UInt32] = [:]
    private var texts: [String] = []

    private init() {
        lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
    }

    /// The number of a cluster (its UTF-8 bytes), added when new.
    func number(of bytes: [UInt8]) -> UInt32 {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if let n = numbers[bytes] { return n }
        if texts.count >= ClusterTable.limit {
            // Full: the replacement character, stored as a cluster of one so the table
            // cannot fail; every later new cluster shares it.
            let r: [UInt8] = [0xEF, 0xBF, 0xBD]
            if let n = numbers[r] { return n }
            let n = UInt32(texts.count)
            texts.append("\u{FFFD}"); numbers[r] = n
            return n
        }
        let n = UInt32(texts.count)
        texts.append(String(decoding: bytes, as: UTF8.self))
        numbers[bytes] = n
        return n
    }

    func text(_ n: UInt32) -> String {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return Int(n) < texts.count ? texts[Int(n)] : "\u{FFFD}"
    }
}
