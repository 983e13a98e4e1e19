import CXXHash

/// A fingerprint of a file's bytes: its length and a 64-bit hash. The journal records it
/// for the plan version its edits apply to, so recovery can tell whether the plan on disk
/// is still that version. Not cryptographic: it tells versions of one file apart, it does
/// not defend against an adversary.
///
/// The hash is XXH3-64 (Debian's libxxhash, issue 16): FNV-1a, one multiply per byte in
/// one chain, took 14% of the CPU of opening a 100k-task plan, on a core the decode
/// needed; XXH3 reads the same 193 MB in a few milliseconds. Journals of format 1 recorded
/// FNV-1a: their hashes keep that kind (`Kind.fnv1a`) and are compared with the plan's
/// FNV-1a, worked out only for them (`Journal.open`).
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// XXH3, 64 bits, seed 0: what duban writes.
        case xxh3
        /// FNV-1a, 64 bits: journals of format 1 (read, never written).
        case fnv1a
    }

    public var size: Int
    public var value: UInt64
    public var kind: Kind

    public init(size: Int, value: UInt64, kind: Kind = .xxh3) {
        self.size = size; self.value = value; self.kind = kind
    }

    public init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { ContentHash($0) }
    }

    public init(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.init(size: buffer.count, value: XXH3_64bits(buffer.baseAddress, buffer.count))
    }

    /// The fingerprint of `bytes` of the given kind (a journal line names its kind).
    public static func of(_ bytes: [UInt8], kind: Kind) -> ContentHash {
        kind == .fnv1a ? fnv1a(bytes) : ContentHash(bytes)
    }

    /// The format-1 fingerprint of `bytes` (FNV-1a), for a journal that recorded one.
    public static func fnv1a(_ bytes: [UInt8]) -> ContentHash {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in bytes {
            h ^= UInt64(c)
            h = h &* 0x0000_0100_0000_01B3
        }
        return ContentHash(size: bytes.count, value: h, kind: .fnv1a)
    }

    /// The same hash of bytes given piece by piece (a file's hash worked out as it is
    /// written): `add` each piece in order, then `result`.
    public final class Streamed {
        private let state: OpaquePointer
        private var size = 0

        public init() {
            state = XXH3_createState()
            XXH3_64bits_reset(state)
        }

        deinit { XXH3_freeState(state) }

        public func add(_ piece: UnsafeRawBufferPointer) {
            guard piece.count > 0 else { return }
            XXH3_64bits_update(state, piece.baseAddress, piece.count)
            size += piece.count
        }

        public var result: ContentHash { ContentHash(size: size, value: XXH3_64bits_digest(state)) }
    }

    /// How a journal line writes the hash: `xxh3:` and 16 lower-case hex digits; a
    /// format-1 (FNV-1a) hash as the 16 digits alone, as it was written then.
    public var text: String {
        let s = String(value, radix: 16)
        let digits = String(repeating: "0", count: 16 - s.count) + s
        switch kind {
        case .xxh3: return "xxh3:" + digits
        case .fnv1a: return digits
        }
    }

    public var description: String { "\(size) bytes, \(kind == .xxh3 ? "xxh3-64" : "fnv1a64") \(text)" }

    /// Parses what `text` printed.
    init?(size: Int, text: String) {
        var digits = Substring(text)
        var kind = Kind.fnv1a
        if digits.hasPrefix("xxh3:") { digits = digits.dropFirst(5); kind = .xxh3 }
        guard digits.utf8.count == 16, digits.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }),
              let v = UInt64(digits, radix: 16) else { return nil }
        self.init(size: size, value: v, kind: kind)
    }
}
