/// Outlines: headings of any depth (一、 / (一) / 1. / (1)) whose items carry
/// responsibility lines (牵头负责领导 / 牵头责任单位 / 协同责任单位, or one
/// 责任单位 line), inline responsibility in brackets, or 年度目标 / 主要任务.
///
/// A heading that carries such lines is a task; a heading over tasks is a
/// chapter; an unnumbered paragraph followed by such lines is a task of the
/// heading above it; a chapter that carries them directly is also a task.
struct OutlineParser {
    struct Paragraph {
        var text: String
        var folded: [Ch]
        var line: Int
        var column: Int
    }

    struct Segment {
        var paragraphs: [Paragraph] = []
        var fields: [Field] = []
        var inline = false
        var lastLine: Int = 0
    }

    struct Node {
        var kind: HeadingKind
        var label: String
        var value: Int
        var title: String
        var titleFolded: [Ch]
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

    var nodes: [Node] = []
    var rootSegments: [Segment] = []

    /// Short heading titles such as 推进就业创业 or 引导多元共治: a body paragraph under them is its own task.
    static func isShortTitle(_ f: [Ch]) -> Bool {
        f.count <= 24 && !f.contains(where: { $0 == "," || $0 == "。" || $0 == ";" || $0 == ":" })
    }

    static func parse(_ lines: [SourceLine]) -> Drafts {
        var p = OutlineParser()
        p.read(lines)
        return p.decide()
    }

    // MARK: reading

    private mutating func append(paragraph: Paragraph, inline: [Field]?) {
        func add(_ seg: inout [Segment]) {
            if seg.isEmpty || !seg[seg.count - 1].fields.isEmpty {
                // A wrapped unit list continues the last units field.
                if let last = seg.last, let lf = last.fields.last, lf.kind.isUnits, inline == nil,
                   paragraph.folded.last != "。", UnitNames.looksLikeUnitList(paragraph.folded) {
                    seg[seg.count - 1].fields[last.fields.count - 1].value += "、" + String(paragraph.folded.trimmed(extra: ["。"]))
                    seg[seg.count - 1].lastLine = paragraph.line
                    return
                }
                seg.append(Segment())
            }
            seg[seg.count - 1].paragraphs.append(paragraph)
            seg[seg.count - 1].lastLine = paragraph.line
            if let inline {
                seg[seg.count - 1].fields.append(contentsOf: inline)
                seg[seg.count - 1].inline = true
            }
        }
        if nodes.isEmpty { add(&rootSegments) } else { add(&nodes[nodes.count - 1].segments) }
    }

    private mutating func append(fields: [Field], line: Int) {
        func add(_ seg: inout [Segment]) {
            if seg.isEmpty || seg[seg.count - 1].inline { seg.append(Segment()) }
            seg[seg.count - 1].fields.append(contentsOf: fields)
            seg[seg.count - 1].lastLine = line
        }
        if nodes.isEmpty { add(&rootSegments) } else { add(&nodes[nodes.count - 1].segments) }
    }

    private mutating func read(_ lines: [SourceLine]) {
        var stack: [Int] = []
        for l in lines {
            if l.isBlank || PageChrome.isChrome(l) { continue }
            let f = l.folded
            if let m = Headings.marker(f), m.titleStart <= f.count {
                var title = String(l.text[m.titleStart...].trimmed())
                var titleFolded = Array(f[m.titleStart...])
                var inline: [Field] = []
                if let found = InlineResponsibility.find(in: titleFolded, line: l.number, baseColumn: l.column + m.titleStart) {
                    inline = found.fields
                    title = String(l.text[m.titleStart..<(m.titleStart + found.textEnd)].trimmed())
                    titleFolded = Array(titleFolded[0..<found.textEnd])
                } else if let (before, fields) = splitTrailingFields(titleFolded, line: l.number, column: l.column + m.titleStart) {
                    inline = fields
                    title = String(l.text[m.titleStart..<(m.titleStart + before)].trimmed())
                    titleFolded = Array(titleFolded[0..<before])
                }
                while let top = stack.last, nodes[top].kind >= m.kind { stack.removeLast() }
                let idx = nodes.count
                nodes.append(Node(kind: m.kind, label: m.label, value: m.value, title: title, titleFolded: titleFolded,
                                  line: l.number, column: l.column, parent: stack.last,
                                  inlineFields: inline, lastLine: l.number))
                if let parent = stack.last { nodes[parent].children.append(idx) }
                stack.append(idx)
                continue
            }
            if let fields = FieldLabels.fields(of: l) {
                append(fields: fields, line: l.number)
                continue
            }
            // A paragraph, maybe ending with inline responsibility or with "。责任单位:..." on the same line.
            if let found = InlineResponsibility.find(in: f, line: l.number, baseColumn: l.column, alone: true) {
                let text = String(l.text[0..<found.textEnd].trimmed())
                // A bracket alone on its line, after the item it ends (the item wrapped before it):
                // the item's responsibility, as a responsibility line would be.
                if text.isEmpty { append(fields: found.fields, line: l.number); continue }
                append(paragraph: Paragraph(text: text, folded: Array(f[0..<found.textEnd]), line: l.number, column: l.column), inline: found.fields)
                continue
            }
            if let (before, fields) = splitTrailingFields(f, line: l.number, column: l.column) {
                let text = String(l.text[0..<before].trimmed())
                append(paragraph: Paragraph(text: text, folded: Array(f[0..<before]), line: l.number, column: l.column), inline: fields)
                continue
            }
            append(paragraph: Paragraph(text: l.string, folded: f, line: l.number, column: l.column), inline: nil)
        }
    }

    /// "...任务文字。责任单位:市发改委" -> the text and the fields after it.
    private func splitTrailingFields(_ f: [Ch], line: Int, column: Int) -> (Int, [Field])? {
        var i = 0
        while i < f.count {
            if f[i] == "。" || f[i] == ";" || f[i] == " " {
                var j = i + 1
                while j < f.count, f[j] == " " { j += 1 }
                if j < f.count, let (k, vs) = FieldLabels.label(in: f, at: j), k.isResponsibility || k == .deadline {
                    let fields = FieldLabels.split(f, firstKind: k, valueStart: vs, line: line, baseColumn: column)
                    return (f[i] == "。" ? i + 1 : i, fields)
                }
            }
            i += 1
        }
        return nil
    }

    // MARK: deciding

    private static func makesTask(_ fields: [Field], hasChildren: Bool) -> Bool {
        fields.contains { f in
            switch f.kind {
            case .leaders, .leadUnits, .coUnits, .units, .deadline, .completion: return true
            case .goal, .mainTasks: return !hasChildren
            case .remarks: return false
            }
        }
    }

    private static func joined(_ ps: [Paragraph]) -> String {
        var s = ""
        for p in ps {
            if let last = s.last, let first = p.text.first, last.isASCII && first.isASCII && last.isLetter && first.isLetter { s += " " }
            s += p.text
        }
        return s
    }

    private mutating func decide() -> Drafts {
        var d = Drafts()
        // Which nodes are tasks, and the unnumbered tasks (segment tasks) hanging under each.
        struct SegTask { var node: Int?; var segment: Int }
        var segTasks: [SegTask] = []
        var consumed = Set<String>()   // "node:segment" segments used as task text
        func key(_ n: Int?, _ s: Int) -> String { "\(n ?? -1):\(s)" }

        for (i, seg) in rootSegments.enumerated() where !seg.fields.isEmpty && !seg.paragraphs.isEmpty && Self.makesTask(seg.fields, hasChildren: false) {
            segTasks.append(SegTask(node: nil, segment: i)); consumed.insert(key(nil, i))
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
                    consumed.insert(key(i, 0))
                } else if seg0.inline || Self.isShortTitle(n.titleFolded) {
                    segTasks.append(SegTask(node: i, segment: 0)); consumed.insert(key(i, 0))
                } else {
                    nodes[i].isTask = true
                    nodes[i].taskText = n.title + Self.joined(seg0.paragraphs)
                    nodes[i].taskFromSegment0 = true
                    consumed.insert(key(i, 0))
                }
            }
            for (s, seg) in n.segments.enumerated() where s > 0 || !consumed.contains(key(i, 0)) {
                if consumed.contains(key(i, s)) { continue }
                if !seg.fields.isEmpty && !seg.paragraphs.isEmpty && Self.makesTask(seg.fields, hasChildren: false) {
                    segTasks.append(SegTask(node: i, segment: s)); consumed.insert(key(i, s))
                }
            }
        }
        // Sibling rule: a leaf item among task siblings of its kind is a task, even without its own lines.
        var missingLines = Set<Int>()
        // Siblings of the same kind under the same parent, with each node's place among them.
        var listIndex: [String: Int] = [:]
        var lists: [[Int]] = []
        var place = [(list: Int, pos: Int)](repeating: (0, 0), count: nodes.count)
        for i in nodes.indices {
            let k = "\(nodes[i].parent ?? -1):\(nodes[i].kind.rawValue)"
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
                consumed.insert(key(i, 0))
            }
            nodes[i].taskText = text
            missingLines.insert(i)
        }
        // Fallback: no responsibility anywhere, but a run of numbered items: they are the tasks.
        var fallback = false
        if !nodes.contains(where: { $0.isTask }) && segTasks.isEmpty {
            var countByKind: [HeadingKind: Int] = [:]
            for n in nodes where n.children.isEmpty { countByKind[n.kind, default: 0] += 1 }
            if let (kind, count) = countByKind.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }), count >= 2 {
                for i in nodes.indices where nodes[i].children.isEmpty && nodes[i].kind == kind {
                    nodes[i].isTask = true
                    nodes[i].taskText = nodes[i].title
                    missingLines.insert(i)
                }
                fallback = true
            }
        }

        // Chapters: every heading with a task below it (or an unnumbered task directly under it).
        var hasTaskBelow = [Bool](repeating: false, count: nodes.count)
        func markUp(_ start: Int?) {
            var p = start
            while let j = p, !hasTaskBelow[j] { hasTaskBelow[j] = true; p = nodes[j].parent }
        }
        for i in nodes.indices where nodes[i].isTask { markUp(nodes[i].parent) }
        for st in segTasks {
            if let n = st.node {
                if nodes[n].isTask { markUp(nodes[n].parent) } else { markUp(n) }
            }
        }
        // A task that has children is also a chapter.
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
            chapterOfNode[i] = d.chapters.count
            d.chapters.append(DraftChapter(label: nodes[i].label, title: nodes[i].title, parent: parentChapter,
                                           line: nodes[i].line, goal: goal, mainTasks: main))
        }
        func chapterFor(node: Int?) -> Int? {
            var p = node
            while let j = p { if let c = chapterOfNode[j] { return c }; p = nodes[j].parent }
            return nil
        }

        // Tasks in document order.
        struct Pending { var line: Int; var task: DraftTask; var lastLine: Int }
        var pending: [Pending] = []
        for i in nodes.indices where nodes[i].isTask {
            let n = nodes[i]
            var fields = n.inlineFields
            var last = n.line
            if n.taskFromSegment0, let seg0 = n.segments.first {
                fields += seg0.fields
                last = max(last, seg0.lastLine)
            } else if n.inlineFields.isEmpty, let seg0 = n.segments.first, consumed.contains(key(i, 0)), seg0.fields.isEmpty {
                last = max(last, seg0.lastLine)
            }
            let chapter = n.children.isEmpty ? chapterFor(node: n.parent) : chapterOfNode[i]
            var t = DraftTask(number: n.label, chapter: chapter, text: n.taskText, line: n.line, column: n.column, fields: fields)
            absorb(&t)
            if missingLines.contains(i) && !fallback {
                d.warnings.append(ImportWarning(line: n.line, column: n.column,
                                                .iwNoResponsibilityLine, .text(n.label), guess: true))
            }
            pending.append(Pending(line: n.line, task: t, lastLine: last))
        }
        for st in segTasks {
            let seg = st.node.map { nodes[$0].segments[st.segment] } ?? rootSegments[st.segment]
            let chapter: Int?
            if let n = st.node { chapter = nodes[n].isTask ? chapterFor(node: nodes[n].parent) : chapterOfNode[n] } else { chapter = nil }
            let first = seg.paragraphs.first
            var t = DraftTask(number: nil, chapter: chapter, text: Self.joined(seg.paragraphs), line: first?.line ?? seg.lastLine,
                              column: first?.column ?? 1, fields: seg.fields)
            absorb(&t)
            pending.append(Pending(line: t.line, task: t, lastLine: seg.lastLine))
        }
        pending.sort { $0.line < $1.line }
        d.tasks = pending.map(\.task)
        if fallback, let first = pending.first {
            d.warnings.append(ImportWarning(line: first.line, column: 1,
                                            .iwNoResponsibilityAtAll, .text(String(pending.count)), guess: true))
        }

        // The plan's region: from the top chapter of the first task to the end of the last task.
        guard let firstTask = pending.first, let lastTask = pending.last else { return d }
        var start = firstTask.line
        if let c = firstTask.task.chapter {
            var cc: Int? = c
            while let x = cc { start = min(start, d.chapters[x].line); cc = d.chapters[x].parent }
        }
        let end = pending.map(\.lastLine).max() ?? lastTask.lastLine
        d.firstLine = start
        d.lastLine = end

        // Warnings: headings in the region that lead to no task, and paragraphs that belong to none.
        for i in nodes.indices where !nodes[i].isTask && !hasTaskBelow[i] && nodes[i].line > start && nodes[i].line < end {
            d.warnings.append(ImportWarning(line: nodes[i].line, column: nodes[i].column,
                                            .iwHeadingWithoutTasks, .text(nodes[i].label), .text(Self.excerpt(nodes[i].title))))
        }
        func warnSegments(_ segs: [Segment], node: Int?) {
            for (s, seg) in segs.enumerated() where !consumed.contains(key(node, s)) {
                for p in seg.paragraphs where p.line > start && p.line < end {
                    // A chapter title wrapped onto the next line.
                    if let n = node, s == 0, hasTaskBelow[n], p.folded.count <= 30, !p.folded.contains("。") { continue }
                    d.warnings.append(ImportWarning(line: p.line, column: p.column,
                                                    .iwTextNotAttached, .text(Self.excerpt(p.text))))
                }
                for f in seg.fields where f.line > start && f.line < end && seg.paragraphs.isEmpty {
                    if let n = node, nodes[n].isTask || s == 0 && hasTaskBelow[n] && !Self.makesTask([f], hasChildren: true) { continue }
                    d.warnings.append(ImportWarning(line: f.line, column: f.column,
                                                    .iwFieldNotAttached))
                }
            }
        }
        warnSegments(rootSegments, node: nil)
        for i in nodes.indices { warnSegments(nodes[i].segments, node: i) }
        d.warnings.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        return d
    }

    /// Moves goal, main tasks, completion and remarks fields onto their own slots.
    private func absorb(_ t: inout DraftTask) {
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

    static func excerpt(_ s: String) -> String {
        s.charCount <= 30 ? s : String(s.prefix(30)) + "…"
    }
}
