/// A fingerprint of a file's bytes: its length and FNV-1a 64-bit hash. The journal
/// records it for the plan version its edits apply to, so recovery can tell whether the
/// plan on disk is still that version. Not cryptographic: it tells versions of one file
/// apart, it does not defend against an adversary.
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    public var size: Int
    public var fnv: UInt64

    public init(size: Int, fnv: UInt64) { self.size = size; self.fnv = fnv }

    public init(_ bytes: [UInt8]) {
        self.init(size: bytes.count, fnv: bytes.withUnsafeBufferPointer { ContentHash.fnv1a($0) })
    }

    public init(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.init(size: buffer.count, fnv: ContentHash.fnv1a(buffer))
    }

    static let fnvStart: UInt64 = 0xcbf2_9ce4_8422_2325

    /// FNV-1a of `b` continued from `h` (the hash of the bytes before it): a file's hash
    /// worked out piece by piece as it is written.
    static func fnv1a(_ b: UnsafeRawBufferPointer, from h: UInt64) -> UInt64 {
        var h = h
        for c in b {
            h ^= UInt64(c)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    static func fnv1a(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in b {
            h ^= UInt64(c)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// The hash as 16 lower-case hex digits.
    public var hex: String {
        let s = String(fnv, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    public var description: String { "\(size) bytes, fnv1a64 \(hex)" }

    /// Parses what `hex` printed.
    init?(size: Int, hex: String) {
        guard hex.utf8.count == 16, let v = UInt64(hex, radix: 16) else { return nil }
        self.init(size: size, fnv: v)
    }
}
