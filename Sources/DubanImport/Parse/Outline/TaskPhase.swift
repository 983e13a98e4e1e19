/// Phase 5, the tasks in document order: heading tasks with their fields, then unnumbered (segment) tasks,
/// sorted by line; goal, main tasks, completion and remarks moved onto their own slots.
extension OutlineParser {
    func taskPhase(_ d: inout Decision, into drafts: inout Drafts) {
        var pending: [PendingTask] = []
        for i in nodes.indices where nodes[i].isTask {
            let n = nodes[i]
            var fields = n.inlineFields
            var last = n.line
            if n.taskFromSegment0, let seg0 = n.segments.first {
                fields += seg0.fields
                last = max(last, seg0.lastLine)
            } else if n.inlineFields.isEmpty, let seg0 = n.segments.first, d.took(i, 0), seg0.fields.isEmpty {
                last = max(last, seg0.lastLine)
            }
            let chapter = n.children.isEmpty ? chapter(for: n.parent, d) : d.chapterOfNode[i]
            var t = DraftTask(number: n.label, chapter: chapter, text: n.taskText, line: n.line, column: n.column, fields: fields)
            Self.absorb(&t)
            if d.missingLines.contains(i) && !d.fallback {
                drafts.warnings.append(ImportWarning(line: n.line, column: n.column,
                                                     .iwNoResponsibilityLine, .text(n.label), guess: true))
            }
            pending.append(PendingTask(line: n.line, task: t, lastLine: last))
        }
        for st in d.segmentTasks {
            let seg = st.node.map { nodes[$0].segments[st.segment] } ?? rootSegments[st.segment]
            let chapter: Int?
            if let n = st.node { chapter = nodes[n].isTask ? self.chapter(for: nodes[n].parent, d) : d.chapterOfNode[n] } else { chapter = nil }
            let first = seg.paragraphs.first
            var t = DraftTask(number: nil, chapter: chapter, text: Self.joined(seg.paragraphs), line: first?.line ?? seg.lastLine,
                              column: first?.column ?? 1, fields: seg.fields)
            Self.absorb(&t)
            pending.append(PendingTask(line: t.line, task: t, lastLine: seg.lastLine))
        }
        pending.sort { $0.line < $1.line }
        drafts.tasks = pending.map(\.task)
        if d.fallback, let first = pending.first {
            drafts.warnings.append(ImportWarning(line: first.line, column: 1,
                                                 .iwNoResponsibilityAtAll, .text(String(pending.count)), guess: true))
        }
        d.pending = pending
    }

    /// Moves goal, main tasks, completion and remarks fields onto their own slots.
    static func absorb(_ t: inout DraftTask) {
        var keep: [Field] = []
        for f in t.fields {
            switch f.kind {
            case .goal: t.goal = [t.goal, f.value].compactMap { $0 }.joined(separator: "\n")
            case .mainTasks: t.mainTasks = [t.mainTasks, f.value].compactMap { $0 }.joined(separator: "\n")
            case .completion: t.completion = [t.completion, f.value].compactMap { $0 }.joined(separator: "\n")
            case .remarks: t.remarks = [t.remarks, f.value].compactMap { $0 }.joined(separator: "\n")
            default: keep.append(f)
            }
        }
        t.fields = keep
    }
}
