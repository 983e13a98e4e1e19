/// Where a wrapped line may end, for every wrapper (`LazyWrap`, and `Display.wrap`
/// through it): between two characters when one of them is wide (Chinese breaks
/// anywhere) or after a space, but
///
/// - never before line-start-forbidden punctuation (避头: 。，、；：？！）》」』 and the
///   like, ASCII , . ; : ? ! ) ] } %): the character before it goes down with it;
/// - never after an opening bracket or quote (避尾: （《「『【“ ( [ {);
/// - never between two narrow characters that are not spaces, so a number, a size
///   (`24x6`) or a Latin word stays whole unless it is longer than the line.
enum LineBreaking {
    static let noStart: Set<UInt32> = Set("。，、；：？！）》」』】〉〕］｝”’…‥・．％·,.;:?!)]}%".unicodeScalars.map(\.value))
    static let noEnd: Set<UInt32> = Set("（《「『【〈〔［｛“‘([{".unicodeScalars.map(\.value))

    static func isSpace(_ u: DisplayUnit) -> Bool { u.glyph == .space }
    static func startForbidden(_ u: DisplayUnit) -> Bool { u.glyph.scalar.map { noStart.contains($0.value) } ?? false }
    static func endForbidden(_ u: DisplayUnit) -> Bool { u.glyph.scalar.map { noEnd.contains($0.value) } ?? false }

    /// Whether a line may end after `a` with `b` starting the next one.
    static func canBreak(after a: DisplayUnit, before b: DisplayUnit) -> Bool {
        if isSpace(b) { return false }
        if isSpace(a) { return true }
        if startForbidden(b) || endForbidden(a) { return false }
        return a.width >= 2 || b.width >= 2
    }

    /// A full line that `next` does not fit on: the count of its units that stay (a
    /// space they end with is dropped by the caller), the rest going down with `next`;
    /// nil when no break fits (the line is cut where it is full).
    static func cut(_ line: [DisplayUnit], before next: DisplayUnit, width: Int) -> Int? {
        var moved = next.width
        var k = line.count
        var after = next
        while k > 0 {
            let a = line[k - 1]
            if moved > width { return nil }
            if canBreak(after: a, before: after) {
                // Nothing but a space would stay: no break here.
                if isSpace(a) && k == 1 { return nil }
                return k
            }
            moved += a.width
            after = a
            k -= 1
        }
        return nil
    }
}
