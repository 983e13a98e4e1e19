/// Phase 2, the sibling rule: a leaf item among task siblings of its kind is a task, even without its own lines.
extension OutlineParser {
    mutating func siblingPhase(_ d: inout Decision) {
        // Siblings of the same kind under the same parent, with each node's place among them.
        var listIndex: [SiblingList: Int] = [:]
        var lists: [[Int]] = []
        var place = [(list: Int, pos: Int)](repeating: (0, 0), count: nodes.count)
        for i in nodes.indices {
            let k = SiblingList(parent: nodes[i].parent, kind: nodes[i].kind)
            let li: Int
            if let x = listIndex[k] { li = x } else { li = lists.count; listIndex[k] = li; lists.append([]) }
            place[i] = (li, lists[li].count)
            lists[li].append(i)
        }
        for i in nodes.indices where !nodes[i].isTask && nodes[i].children.isEmpty {
            let n = nodes[i]
            let siblings = lists[place[i].list]
            let pos = place[i].pos
            let prevIsTask = pos > 0 && nodes[siblings[pos - 1]].isTask && nodes[siblings[pos - 1]].value + 1 == n.value
            let nextIsTask = pos + 1 < siblings.count && nodes[siblings[pos + 1]].isTask && nodes[siblings[pos + 1]].value == n.value + 1
            guard prevIsTask || nextIsTask else { continue }
            nodes[i].isTask = true
            var text = n.title
            if let seg0 = n.segments.first, seg0.fields.isEmpty, !Self.isShortTitle(n.titleFolded) || n.title.isEmpty {
                text += Self.joined(seg0.paragraphs)
                d.take(i, 0)
            }
            nodes[i].taskText = text
            d.missingLines.insert(i)
        }
    }
}
