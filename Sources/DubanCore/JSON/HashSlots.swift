/// The probe table behind `StringInterner` and `NameNumbering`: entry numbers in open
/// addressing with linear probing, keyed by a byte hash the caller computes; the caller
/// keeps the entries and says when one matches. Kept at most half full.
struct HashSlots {
    /// Slot -> entry number + 1 (0: empty).
    private var slots: [Int32]
    private var hashes: [UInt64] = []

    init(capacity: Int) { slots = [Int32](repeating: 0, count: capacity) }

    var count: Int { hashes.count }

    /// The entry with this hash for which `same` holds, or nil and the slot a new entry
    /// with this hash goes to.
    @inline(__always)
    func find(_ h: UInt64, _ same: (Int) -> Bool) -> (entry: Int?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = Int(slots[slot])
            if e == 0 { return (nil, slot) }
            if hashes[e - 1] == h, same(e - 1) { return (e - 1, slot) }
            slot = (slot + 1) & mask
        }
    }

    /// Records entry number `count` (the caller's next) at the slot `find` gave.
    @inline(__always)
    mutating func insert(_ h: UInt64, at slot: Int) {
        hashes.append(h)
        slots[slot] = Int32(hashes.count)
        if hashes.count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (k, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(k + 1)
        }
    }
}
