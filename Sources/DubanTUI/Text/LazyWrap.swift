/// `Display.wrap` of a text that may be huge (a 200 MB remark), computed only as far as
/// it is asked for: the lines of a range are laid out from the nearest checkpoint
/// before them, and the total is counted as the lines are reached, so showing a
/// screenful costs a screenful, wherever it is in the text.
///
/// The text is given as parts (a unit list and its separators, a note and its author)
/// and is wrapped as if they were joined, without joining them. It is read in chunks of
/// about `chunkScalars` scalars, cut only between two plain scalars
/// (`DisplayUnitIterator.isPlain`: a boundary that no grapheme cluster or zero-width
/// mark crosses) or at a line break, so the units, and the lines, are exactly those of
/// `Display.wrap` on the joined text (`LazyWrapTests` pins this). A checkpoint (where a
/// chunk starts, the half-built line, how many lines came before) is kept at every
/// chunk boundary reached.
final class LazyWrap {
    let parts: [String]
    let width: Int
    let chunkScalars: Int

    /// Where reading goes on: a part and a scalar index in it.
    struct Place { var part: Int; var index: String.Index }

    /// The wrapping state between two units: the line being built and its width.
    struct State { var line: [DisplayUnit] = []; var used = 0 }

    struct Checkpoint { var at: Place; var state: State; var linesBefore: Int }

    private var checkpoints: [Checkpoint]
    /// Lines known to exist (all of them once `isComplete`).
    private(set) var knownCount = 0
    private(set) var isComplete = false
    /// Display units laid out so far, over every call: what the laziness bounds (tests).
    private(set) var unitsLaidOut = 0
    private var countedAhead = false

    init(parts: [String], width: Int, chunkScalars: Int = 4096) {
        self.parts = parts.isEmpty ? [""] : parts
        self.width = width
        self.chunkScalars = max(chunkScalars, 1)
        let start = Place(part: 0, index: self.parts[0].unicodeScalars.startIndex)
        checkpoints = [Checkpoint(at: start, state: State(), linesBefore: 0)]
        if width <= 0 { isComplete = true }
    }

    convenience init(_ text: String, width: Int, chunkScalars: Int = 4096) {
        self.init(parts: [text], width: width, chunkScalars: chunkScalars)
    }

    /// Every line (for small texts and tests).
    var allLines: [[DisplayUnit]] { lines(0..<Int.max) }

    /// The lines in `range` that exist (fewer at the end of the text).
    func lines(_ range: Range<Int>) -> [[DisplayUnit]] {
        guard !range.isEmpty, !(isComplete && range.lowerBound >= knownCount) else { return [] }
        var out: [[DisplayUnit]] = []
        run(from: checkpoint(before: range.lowerBound)) { n, line in
            if n >= range.lowerBound { out.append(line) }
            return n + 1 < range.upperBound
        }
        return out
    }

    /// Counts on until `count` lines are known or the text ends, then at most about
    /// `extraScalars` scalars further (so a normal-sized text is counted to its end).
    func count(upTo count: Int, extraScalars: Int = 0) {
        // The look ahead is taken once: afterwards each call counts only what it needs.
        let extraScalars = countedAhead ? 0 : extraScalars
        guard !isComplete, knownCount < count || extraScalars > 0 else { return }
        countedAhead = countedAhead || extraScalars > 0
        var reachedAt: Int? = nil
        run(from: checkpoints[checkpoints.count - 1], { _, _ in true }, stopAtBoundary: { read in
            guard self.knownCount >= count else { return false }
            if reachedAt == nil { reachedAt = read }
            return read - (reachedAt ?? read) >= extraScalars
        })
    }

    private func checkpoint(before line: Int) -> Checkpoint {
        var lo = 0, hi = checkpoints.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if checkpoints[mid].linesBefore <= line { lo = mid } else { hi = mid - 1 }
        }
        return checkpoints[lo]
    }

    /// Wraps from a checkpoint, handing each finished line (its number, its units) to
    /// `emit` until it returns false (then it stops at once), or until `stopAtBoundary`
    /// (asked at each chunk boundary with the scalars read so far) returns true, or the
    /// text ends. Checkpoints are added at the chunk boundaries passed.
    private func run(from cp: Checkpoint, _ emit: (Int, [DisplayUnit]) -> Bool,
                     stopAtBoundary: (Int) -> Bool = { _ in false }) {
        var place = cp.at
        var st = cp.state
        var n = cp.linesBefore
        var read = 0
        var wantMore = true
        func finish(_ line: [DisplayUnit]) {
            wantMore = emit(n, line)
            n += 1
            if n > knownCount { knownCount = n }
        }
        while true {
            // One chunk: up to a line break, the end of the text, or a cut between two
            // plain scalars after about chunkScalars scalars.
            let (end, brk) = chunkEnd(from: place)
            let us = parts[place.part].unicodeScalars
            let text: String
            if place.index == us.startIndex && end.index == us.endIndex {
                text = parts[place.part]
            } else {
                text = String(String.UnicodeScalarView(us[place.index..<end.index]))
            }
            read += us.distance(from: place.index, to: end.index)
            var it = DisplayUnitIterator(text)
            while let u = it.next() {
                unitsLaidOut += 1
                let isSpace = u.glyph == .space
                if st.used + u.width > width {
                    // Where the line ends: `LineBreaking` (spaces, wide characters, 避头尾,
                    // no cut inside a number or a word).
                    if !isSpace, let k = LineBreaking.cut(st.line, before: u, width: width) {
                        let keep = LineBreaking.isSpace(st.line[k - 1]) ? k - 1 : k
                        let rest = Array(st.line[k...])
                        finish(Array(st.line[..<keep]))
                        st.line = rest
                        st.used = rest.reduce(0) { $0 + $1.width }
                    } else {
                        finish(st.line); st.line = []; st.used = 0
                    }
                    if !wantMore { return }
                    if isSpace && st.line.isEmpty { continue }
                }
                st.line.append(u); st.used += u.width
            }
            switch brk {
            case .lineBreak(let next):
                finish(st.line)
                st = State()
                place = next
            case .end:
                finish(st.line)
                isComplete = true
                return
            case .cut:
                place = normalized(end)
            }
            if comparePlace(place, checkpoints[checkpoints.count - 1].at) > 0 {
                checkpoints.append(Checkpoint(at: place, state: st, linesBefore: n))
            }
            if !wantMore || stopAtBoundary(read) { return }
        }
    }

    private enum Break { case lineBreak(next: Place), end, cut }

    private func comparePlace(_ a: Place, _ b: Place) -> Int {
        if a.part != b.part { return a.part < b.part ? -1 : 1 }
        return a.index == b.index ? 0 : (a.index < b.index ? -1 : 1)
    }

    /// Where the chunk that starts at `p` ends, and why. Parts are read one after the
    /// other; a part boundary is a cut (parts start and end between characters).
    private func chunkEnd(from p: Place) -> (Place, Break) {
        let us = parts[p.part].unicodeScalars
        var i = p.index
        var k = 0
        while i < us.endIndex {
            let v = us[i].value
            if v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 {
                var j = us.index(after: i)
                if v == 0x0D, j < us.endIndex, us[j].value == 0x0A { j = us.index(after: j) }
                return (Place(part: p.part, index: i), .lineBreak(next: normalized(Place(part: p.part, index: j))))
            }
            if k >= chunkScalars, i > p.index, DisplayUnitIterator.isPlain(v),
               DisplayUnitIterator.isPlain(us[us.index(before: i)].value) {
                return (Place(part: p.part, index: i), .cut)
            }
            i = us.index(after: i)
            k += 1
        }
        if p.part + 1 < parts.count {
            return (Place(part: p.part, index: us.endIndex), .cut)
        }
        return (Place(part: p.part, index: us.endIndex), .end)
    }

    /// A place at the end of a part moves to the start of the next one.
    private func normalized(_ p: Place) -> Place {
        var p = p
        while p.part + 1 < parts.count, p.index == parts[p.part].unicodeScalars.endIndex {
            p = Place(part: p.part + 1, index: parts[p.part + 1].unicodeScalars.startIndex)
        }
        return p
    }
}
