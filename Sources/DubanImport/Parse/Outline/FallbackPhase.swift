/// Phase 3, the fallback: no responsibility anywhere, but a run of numbered items: they are the tasks.
extension OutlineParser {
    mutating func fallbackPhase(_ d: inout Decision) {
        guard !nodes.contains(where: { $0.isTask }) && d.segmentTasks.isEmpty else { return }
        var countByKind: [HeadingKind: Int] = [:]
        for n in nodes where n.children.isEmpty { countByKind[n.kind, default: 0] += 1 }
        if let (kind, count) = countByKind.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }), count >= 2 {
            for i in nodes.indices where nodes[i].children.isEmpty && nodes[i].kind == kind {
                nodes[i].isTask = true
                nodes[i].taskText = nodes[i].title
                d.missingLines.insert(i)
            }
            d.fallback = true
        }
    }
}
