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
        var text: String
        var id: Int
    }
    private var table = HashSlots(capacity: 256)
    private var spellings: [Spelling] = []
    private var idByName: [String: Int] = [:]
    /// The name of each number.
    private(set) var names: [String] = []

    mutating func id(of raw: String, canonical: (String) -> String) -> Int {
        let h = NameNumbering.withBytes(raw) { b in
            b.baseAddress.map { StringInterner.hash($0, b.count) } ?? 0
        }
        let (found, slot) = table.find(h) { k in NameNumbering.sameBytes(spellings[k].text, raw) }
        if let found { return spellings[found].id }
        let c = canonical(raw)
        let id: Int
        if let known = idByName[c] {
            id = known
        } else {
            id = names.count
            names.append(c)
            idByName[c] = id
        }
        spellings.append(Spelling(text: raw, id: id))
        table.insert(h, at: slot)
        return id
    }

    /// The number of a name already canonical (another numbering's `names`: the store's
    /// build merging two halves), numbering it if new; no spelling is recorded.
    mutating func id(ofCanonical c: String) -> Int {
        if let known = idByName[c] { return known }
        let id = names.count
        names.append(c)
        idByName[c] = id
        return id
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
