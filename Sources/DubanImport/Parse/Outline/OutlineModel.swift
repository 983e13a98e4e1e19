/// The outline model every reader's text becomes: headings as a tree of nodes, and under each node (or
/// before the first heading) segments of paragraphs and the responsibility fields that follow them.
extension OutlineParser {
    /// A line of body text (not a heading, not a field line), with its folded characters.
    struct Paragraph {
        var text: String
        var folded: Folded
        var line: Int
        var column: Int
    }

    /// Paragraphs and the fields after them: a unit the deciding phases take or leave whole.
    struct Segment {
        var paragraphs: [Paragraph] = []
        var fields: [Field] = []
        /// The fields came in brackets or after 。 on a paragraph's own line.
        var inline = false
        var lastLine: Int = 0
    }

    /// A numbered heading (一、 / (一) / 1. / (1) / ①) and what stands under it.
    struct Node {
        var kind: HeadingKind
        var label: String
        var value: Int
        var title: String
        var titleFolded: Folded
        var line: Int
        var column: Int
        var parent: Int?
        var children: [Int] = []
        var inlineFields: [Field] = []
        var segments: [Segment] = []
        var isTask = false
        var taskText = ""
        var taskFromSegment0 = false
        var chapterIndex: Int? = nil
        var lastLine: Int
    }

    /// Where a segment stands: before the first heading, or under a node.
    enum SegmentOwner: Hashable {
        case root
        case node(Int)

        init(_ node: Int?) { self = node.map { .node($0) } ?? .root }
    }

    /// One segment: its owner and its place among the owner's segments.
    struct SegmentID: Hashable {
        var owner: SegmentOwner
        var index: Int

        init(_ node: Int?, _ index: Int) { owner = SegmentOwner(node); self.index = index }
    }

    /// Headings of one kind under one parent: the list the sibling rule looks along.
    struct SiblingList: Hashable {
        var parent: Int?
        var kind: HeadingKind
    }
}
