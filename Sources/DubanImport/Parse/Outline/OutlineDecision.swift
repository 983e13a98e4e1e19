/// What the deciding phases find out, handed from one phase to the next.
extension OutlineParser {
    /// An unnumbered task: a segment of paragraphs with responsibility fields, before the first heading or
    /// under a node.
    struct SegmentTask {
        var node: Int?
        var segment: Int
    }

    /// A task made, waiting to be put in document order.
    struct PendingTask {
        var line: Int
        var task: DraftTask
        var lastLine: Int
    }

    struct Decision {
        /// Unnumbered tasks, in the order found.
        var segmentTasks: [SegmentTask] = []
        /// Segments used as a task's text or fields.
        var consumed = Set<SegmentID>()
        /// Heading tasks made without responsibility lines of their own (sibling rule, fallback).
        var missingLines = Set<Int>()
        /// No responsibility anywhere: the run of numbered items taken as the tasks.
        var fallback = false
        /// Per node: a task stands below it (it is a chapter).
        var hasTaskBelow: [Bool] = []
        /// Node -> index in the drafts' chapters.
        var chapterOfNode: [Int: Int] = [:]
        var pending: [PendingTask] = []
        /// The plan's region in source lines.
        var start = 0
        var end = 0

        mutating func take(_ node: Int?, _ segment: Int) { consumed.insert(SegmentID(node, segment)) }
        func took(_ node: Int?, _ segment: Int) -> Bool { consumed.contains(SegmentID(node, segment)) }
    }

    /// Fields that make the text above them a task (goal and main tasks only on a leaf).
    static func makesTask(_ fields: [Field], hasChildren: Bool) -> Bool {
        fields.contains { f in
            switch f.kind {
            case .leaders, .leadUnits, .coUnits, .units, .deadline, .completion: return true
            case .goal, .mainTasks: return !hasChildren
            case .remarks: return false
            }
        }
    }

    /// Paragraphs joined as one text (a space only between two Latin words).
    static func joined(_ ps: [Paragraph]) -> String {
        var s = ""
        for p in ps {
            if let last = s.last, let first = p.text.first, last.isASCII && first.isASCII && last.isLetter && first.isLetter { s += " " }
            s += p.text
        }
        return s
    }

    static func excerpt(_ s: String) -> String {
        s.charCount <= 30 ? s : String(s.prefix(30)) + "…"
    }
}
