/// The order names are listed in everywhere (the workload pane, the pickers, reports):
/// Chinese by pinyin, as the office's spreadsheets sort it, not by code point
/// (`东城街道` before `代桥镇` only by code point; by pinyin 代 dài comes first).
///
/// A name's sort key is its scalars with each CJK Unified Ideograph (U+4E00...U+9FFF)
/// replaced by its place in `pinyinOrderedHan` (a table made once from ICU's Chinese
/// collation by scripts/pinyin-table.swift), put inside the same range so ASCII, digits
/// and Latin letters still come before Chinese, and any other scalar kept as it is.
/// Keys compare element by element; equal keys only for equal scalars.
public enum NameOrder {
    /// The key of one name: compare two keys with `lexicographicallyPrecedes`.
    public static func key(_ name: String) -> [UInt32] {
        let rank = ranks
        var out: [UInt32] = []
        out.reserveCapacity(name.utf8.count / 2 + 1)
        for s in name.unicodeScalars {
            let v = s.value
            if v >= 0x4E00 && v <= 0x9FFF { out.append(0x4E00 + UInt32(rank[Int(v - 0x4E00)])) } else { out.append(v) }
        }
        return out
    }

    /// Whether `a` sorts before `b` (keys made on the fly: for a few comparisons; sort
    /// many names with `sorted(_:by:)`, which makes each key once).
    public static func precedes(_ a: String, _ b: String) -> Bool {
        key(a).lexicographicallyPrecedes(key(b))
    }

    /// Elements sorted by the pinyin order of a name each has, every key made once.
    /// Stable: equal names keep their order.
    public static func sorted<T>(_ xs: [T], by name: (T) -> String) -> [T] {
        let keyed = xs.enumerated().map { (key: key(name($0.element)), at: $0.offset) }
        return keyed.sorted { a, b in
            a.key == b.key ? a.at < b.at : a.key.lexicographicallyPrecedes(b.key)
        }.map { xs[$0.at] }
    }

    public static func sorted(_ names: [String]) -> [String] { sorted(names) { $0 } }

    /// Each ideograph's place in pinyin order, by code point - 0x4E00.
    static let ranks: [UInt16] = {
        var r = [UInt16](repeating: 0, count: 0x9FFF - 0x4E00 + 1)
        var n: UInt16 = 0
        var seen = 0
        for s in pinyinOrderedHan.unicodeScalars where s.value >= 0x4E00 && s.value <= 0x9FFF {
            r[Int(s.value - 0x4E00)] = n
            n &+= 1
            seen += 1
        }
        // A table that missed some (it never does: a test checks) leaves them after the rest.
        if seen < r.count {
            var present = [Bool](repeating: false, count: r.count)
            for s in pinyinOrderedHan.unicodeScalars where s.value >= 0x4E00 && s.value <= 0x9FFF {
                present[Int(s.value - 0x4E00)] = true
            }
            for i in r.indices where !present[i] { r[i] = n; n &+= 1 }
        }
        return r
    }()
}
