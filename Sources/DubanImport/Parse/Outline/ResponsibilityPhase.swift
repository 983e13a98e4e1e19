/// Phase 1: headings and segments that carry responsibility lines are tasks.
extension OutlineParser {
    mutating func responsibilityPhase(_ d: inout Decision) {
        for (i, seg) in rootSegments.enumerated() where !seg.fields.isEmpty && !seg.paragraphs.isEmpty && Self.makesTask(seg.fields, hasChildren: false) {
            d.segmentTasks.append(SegmentTask(node: nil, segment: i)); d.take(nil, i)
        }
        for i in nodes.indices {
            let n = nodes[i]
            let hasChildren = !n.children.isEmpty
            if !n.inlineFields.isEmpty {
                nodes[i].isTask = true
                nodes[i].taskText = n.title
            } else if let seg0 = n.segments.first, !seg0.fields.isEmpty, Self.makesTask(seg0.fields, hasChildren: hasChildren) {
                if seg0.paragraphs.isEmpty {
                    nodes[i].isTask = true
                    nodes[i].taskText = n.title
                    nodes[i].taskFromSegment0 = true
                    d.take(i, 0)
                } else if seg0.inline || Self.isShortTitle(n.titleFolded) {
                    d.segmentTasks.append(SegmentTask(node: i, segment: 0)); d.take(i, 0)
                } else {
                    nodes[i].isTask = true
                    nodes[i].taskText = n.title + Self.joined(seg0.paragraphs)
                    nodes[i].taskFromSegment0 = true
                    d.take(i, 0)
                }
            }
            for (s, seg) in n.segments.enumerated() where s > 0 || !d.took(i, 0) {
                if d.took(i, s) { continue }
                if !seg.fields.isEmpty && !seg.paragraphs.isEmpty && Self.makesTask(seg.fields, hasChildren: false) {
                    d.segmentTasks.append(SegmentTask(node: i, segment: s)); d.take(i, s)
                }
            }
        }
    }
}
