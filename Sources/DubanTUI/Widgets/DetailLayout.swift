import DubanCore

/// The detail pane's lines, laid out on demand: blocks of lines built at once (short
/// rows) and blocks wrapped lazily (`LazyWrap`), one after the other. A block's first
/// line is only known once every block before it is counted to its end, so a huge
/// value is counted as far as the lines asked for, no further.
final class DetailLayout {
    enum Block {
        case fixed([DetailPane.Line])
        /// A wrapped value after a prefix (its label on the first line, blanks after).
        case wrapped(LazyWrap, first: DetailPane.Line, rest: DetailPane.Line, role: Role)
    }
    private(set) var blocks: [Block] = []

    func add(_ b: Block) { blocks.append(b) }

    /// Lines known (all of them when `isComplete`).
    var knownCount: Int {
        var n = 0
        for b in blocks {
            switch b {
            case .fixed(let ls): n += ls.count
            case .wrapped(let w, _, _, _):
                n += w.knownCount
                if !w.isComplete { return n }
            }
        }
        return n
    }

    var isComplete: Bool {
        blocks.allSatisfy { if case .wrapped(let w, _, _, _) = $0 { return w.isComplete } else { return true } }
    }

    /// Display units laid out by the lazy blocks so far (what the laziness bounds).
    var unitsLaidOut: Int {
        blocks.reduce(0) { if case .wrapped(let w, _, _, _) = $1 { return $0 + w.unitsLaidOut } else { return $0 } }
    }

    /// Counts lines until `count` are known (or all are), then a bounded way further.
    func count(upTo count: Int, extraScalars: Int = 16_384) {
        var start = 0
        for b in blocks {
            switch b {
            case .fixed(let ls): start += ls.count
            case .wrapped(let w, _, _, _):
                w.count(upTo: max(count - start, 0), extraScalars: extraScalars)
                start += w.knownCount
                if !w.isComplete { return }
            }
        }
    }

    /// The first line to show for a wanted offset: no further than the last screenful.
    func clampedOffset(_ wanted: Int, visible: Int) -> Int {
        let want = max(wanted, 0)
        count(upTo: want + visible + 1)
        return min(want, max(0, knownCount - visible))
    }

    /// The lines in `range` that exist.
    func lines(_ range: Range<Int>) -> [DetailPane.Line] {
        var out: [DetailPane.Line] = []
        var start = 0
        for b in blocks {
            guard start < range.upperBound else { break }
            switch b {
            case .fixed(let ls):
                let lo = max(range.lowerBound - start, 0), hi = min(range.upperBound - start, ls.count)
                if lo < hi { out += ls[lo..<hi] }
                start += ls.count
            case .wrapped(let w, let first, let rest, let role):
                let lo = max(range.lowerBound - start, 0)
                let hi = range.upperBound == Int.max ? Int.max : range.upperBound - start
                for (k, units) in w.lines(lo..<hi).enumerated() {
                    out.append((lo + k == 0 ? first : rest) + [(units, role)])
                }
                // Lines after this block need its end: counted only as far as asked.
                if !w.isComplete { w.count(upTo: hi) }
                guard w.isComplete else { return out }
                start += w.knownCount
            }
        }
        return out
    }
}

