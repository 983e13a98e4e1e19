/// Outlines: headings of any depth (一、 / (一) / 1. / (1)) whose items carry
/// responsibility lines (牵头负责领导 / 牵头责任单位 / 协同责任单位, or one
/// 责任单位 line), inline responsibility in brackets, or 年度目标 / 主要任务.
///
/// A heading that carries such lines is a task; a heading over tasks is a
/// chapter; an unnumbered paragraph followed by such lines is a task of the
/// heading above it; a chapter that carries them directly is also a task.
///
/// The pipeline, each step in its own file under Parse/Outline: `read` (OutlineReader) builds the outline
/// model (OutlineModel: nodes and segments), then the deciding phases run in order, handing a `Decision`
/// (OutlineDecision) along: responsibility, sibling, fallback, chapter, task, region, leftover.
struct OutlineParser {
    var nodes: [Node] = []
    var rootSegments: [Segment] = []

    /// Short heading titles such as 推进就业创业 or 引导多元共治: a body paragraph under them is its own task.
    static func isShortTitle(_ f: Folded) -> Bool {
        f.count <= 24 && !f.contains(where: { $0 == "," || $0 == "。" || $0 == ";" || $0 == ":" })
    }

    static func parse(_ lines: [SourceLine]) -> Drafts {
        var p = OutlineParser()
        p.read(lines)
        return p.decide()
    }

    private mutating func decide() -> Drafts {
        var drafts = Drafts()
        var d = Decision()
        responsibilityPhase(&d)
        siblingPhase(&d)
        fallbackPhase(&d)
        chapterPhase(&d, into: &drafts)
        taskPhase(&d, into: &drafts)
        guard regionPhase(&d, into: &drafts) else { return drafts }
        leftoverPhase(d, into: &drafts)
        return drafts
    }
}
