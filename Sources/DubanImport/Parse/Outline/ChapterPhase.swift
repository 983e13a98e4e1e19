/// Phase 4, chapters: every heading with a task below it (or an unnumbered task directly under it); a task that
/// has children is also a chapter.
extension OutlineParser {
    func chapterPhase(_ d: inout Decision, into drafts: inout Drafts) {
        var hasTaskBelow = [Bool](repeating: false, count: nodes.count)
        func markUp(_ start: Int?) {
            var p = start
            while let j = p, !hasTaskBelow[j] { hasTaskBelow[j] = true; p = nodes[j].parent }
        }
        for i in nodes.indices where nodes[i].isTask { markUp(nodes[i].parent) }
        for st in d.segmentTasks {
            if let n = st.node {
                if nodes[n].isTask { markUp(nodes[n].parent) } else { markUp(n) }
            }
        }
        for i in nodes.indices where nodes[i].isTask && !nodes[i].children.isEmpty { markUp(i) }

        var chapterOfNode: [Int: Int] = [:]
        for i in nodes.indices where hasTaskBelow[i] {
            var parentChapter: Int? = nil
            var p = nodes[i].parent
            while let j = p { if let c = chapterOfNode[j] { parentChapter = c; break }; p = nodes[j].parent }
            var goal: String? = nil, main: String? = nil
            if !nodes[i].isTask, let seg0 = nodes[i].segments.first {
                for f in seg0.fields where f.kind == .goal { goal = f.value }
                for f in seg0.fields where f.kind == .mainTasks { main = f.value }
            }
            // A chapter heading printed again at a page break (五、民生保障 … 五、民生保障（续）): the
            // same chapter, when its label and title (续 aside) are those of the last chapter beside it.
            if let last = drafts.chapters.lastIndex(where: { $0.parent == parentChapter }),
               drafts.chapters[last].label == nodes[i].label,
               Self.withoutContinued(drafts.chapters[last].title) == Self.withoutContinued(nodes[i].title) {
                chapterOfNode[i] = last
                continue
            }
            chapterOfNode[i] = drafts.chapters.count
            drafts.chapters.append(DraftChapter(label: nodes[i].label, title: nodes[i].title, parent: parentChapter,
                                                line: nodes[i].line, goal: goal, mainTasks: main))
        }
        d.hasTaskBelow = hasTaskBelow
        d.chapterOfNode = chapterOfNode
    }

    /// A title without the mark of a heading printed again: 民生保障（续） / 民生保障(续表) / 民生保障 续.
    static func withoutContinued(_ title: String) -> String {
        var t = Folded(title).withoutSpaces.string
        for mark in ["(续表)", "(续)", "续表", "续"] where t.hasSuffix(mark) && t.count > mark.count {
            t = String(t.dropLast(mark.count)); break
        }
        return t
    }

    /// The chapter a node stands in: its own or its nearest ancestor's.
    func chapter(for node: Int?, _ d: Decision) -> Int? {
        var p = node
        while let j = p { if let c = d.chapterOfNode[j] { return c }; p = nodes[j].parent }
        return nil
    }
}
