/// Phase 7, leftovers: headings in the region that lead to no task, and paragraphs and field lines that belong
/// to none, each a warning; the warnings then in source order.
extension OutlineParser {
    func leftoverPhase(_ d: Decision, into drafts: inout Drafts) {
        let start = d.start, end = d.end
        for i in nodes.indices where !nodes[i].isTask && !d.hasTaskBelow[i] && nodes[i].line > start && nodes[i].line < end {
            drafts.warnings.append(ImportWarning(line: nodes[i].line, column: nodes[i].column,
                                                 .iwHeadingWithoutTasks, .text(nodes[i].label), .text(Self.excerpt(nodes[i].title))))
        }
        func warnSegments(_ segs: [Segment], node: Int?) {
            for (s, seg) in segs.enumerated() where !d.took(node, s) {
                for p in seg.paragraphs where p.line > start && p.line < end {
                    // A chapter title wrapped onto the next line.
                    if let n = node, s == 0, d.hasTaskBelow[n], p.folded.count <= 30, !p.folded.contains("。") { continue }
                    drafts.warnings.append(ImportWarning(line: p.line, column: p.column,
                                                         .iwTextNotAttached, .text(Self.excerpt(p.text))))
                }
                for f in seg.fields where f.line > start && f.line < end && seg.paragraphs.isEmpty {
                    if let n = node, nodes[n].isTask || s == 0 && d.hasTaskBelow[n] && !Self.makesTask([f], hasChildren: true) { continue }
                    drafts.warnings.append(ImportWarning(line: f.line, column: f.column,
                                                         .iwFieldNotAttached))
                }
            }
        }
        warnSegments(rootSegments, node: nil)
        for i in nodes.indices { warnSegments(nodes[i].segments, node: i) }
        drafts.warnings.sort { ($0.line, $0.column) < ($1.line, $1.column) }
    }
}
