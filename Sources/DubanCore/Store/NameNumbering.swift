/// Numbers names (units, leaders) while the store builds its indexes on open, so that
/// counting happens in arrays and each distinct spelling is hashed as a Swift String
/// only once. Swift's String hashing normalises to NFC first, which for Chinese names
/// cost more than everything else in the build (see DECISIONS.md); here a repeated
/// spelling costs a byte hash and a memcmp.
///
/// Two names get the same number exactly when the original dictionaries would have
/// merged them: a new spelling is looked up through `canonical` and then in a
/// `[String: Int]` (canonical equivalence, as Dictionary compares keys), and the name
/// kept for a number is the first spelling that got it, as Dictionary keeps the first
/// key inserted.
struct NameNumbering {
    private struct Spelling {
        var hash: UInt64
        var text: String
        var id: Int
    }
    private var slots = [Int32](repeating: 0, count: 256)
    private var spellings: [Spelling] = []
    private var idByName: [String: Int] = [:]
    /// The name of each number.
    private(set) var names: [String] = []

    mutating func id(of raw: String, canonical: (String) -> String) -> Int {
        let h = NameNumbering.withBytes(raw) { StringInterner.hash($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = Int(slots[slot])
            if e == 0 { break }
            let sp = spellings[e - 1]
            if sp.hash == h, NameNumbering.sameBytes(sp.text, raw) { return sp.id }
            slot = (slot + 1) & mask
        }
        let c = canonical(raw)
        let id: Int
        if let known = idByName[c] {
            id = known
        } else {
            id = names.count
            names.append(c)
            idByName[c] = id
        }
        spellings.append(Spelling(hash: h, text: raw, id: id))
        slots[slot] = Int32(spellings.count)
        if spellings.count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (k, sp) in spellings.enumerated() {
            var slot = Int(truncatingIfNeeded: sp.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(k + 1)
        }
    }

    @inline(__always)
    static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = s
        return copy.withUTF8(body)
    }

    @inline(__always)
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        withBytes(a) { x in
            withBytes(b) { y in
                x.count == y.count && (x.count == 0 || x.baseAddress == y.baseAddress
                    || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
