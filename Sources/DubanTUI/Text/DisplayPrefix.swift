/// Measures that look at a text only as far as a width needs: a one-line cut of a
/// 200 MB field reads the few units that fit, not the whole string. The results are
/// those of `Display.fit` and `CellWidth.of` (tested against them).
extension Display {
    /// The width of `s`, or of its start when it is wider than `limit`: then some
    /// number greater than `limit`. `min(CellWidth.of(s), limit)` without the scan.
    static func width(_ s: String, upTo limit: Int) -> Int {
        var n = 0
        var it = DisplayUnitIterator(s)
        while let u = it.next() {
            n += u.width
            if n > limit { return n }
        }
        return n
    }

    /// `fit(units(s), width:)`, reading only the units that can be shown (and one more,
    /// to know whether the text goes on).
    static func fit(prefixOf s: String, width: Int) -> [DisplayUnit] {
        guard width > 0 else { return [] }
        var out: [DisplayUnit] = []
        var used = 0
        var it = DisplayUnitIterator(s)
        while let u = it.next() {
            if used + u.width > width {
                // Longer than the room: cut to width - 1 and end with `…`.
                while let last = out.last, used > width - 1 { out.removeLast(); used -= last.width }
                out.append(ellipsis)
                return out
            }
            out.append(u); used += u.width
        }
        return out
    }
}
