/// Reading: each source line classified as a heading, a field line, a paragraph with fields on it, or a plain
/// paragraph, and put into the outline model (nodes and their segments).
extension OutlineParser {
    private mutating func append(paragraph: Paragraph, inline: [Field]?) {
        func add(_ seg: inout [Segment]) {
            if seg.isEmpty || !seg[seg.count - 1].fields.isEmpty {
                // A wrapped unit list continues the last units field.
                if let last = seg.last, let lf = last.fields.last, lf.kind.isUnits, inline == nil,
                   paragraph.folded.last != "。", UnitNames.looksLikeUnitList(paragraph.folded) {
                    seg[seg.count - 1].fields[last.fields.count - 1].value += "、" + String(paragraph.folded.trimmed(extra: "。"))
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

    mutating func read(_ lines: [SourceLine]) {
        var stack: [Int] = []
        for l in lines {
            if l.isBlank || PageChrome.isChrome(l) { continue }
            let f = l.folded
            if let m = Headings.marker(f), m.titleStart <= f.count {
                var title = String(l.text[m.titleStart...].trimmed())
                var titleFolded = f[m.titleStart...]
                var inline: [Field] = []
                if let found = InlineResponsibility.find(in: titleFolded, line: l.number, baseColumn: l.column + m.titleStart) {
                    inline = found.fields
                    title = String(l.text[m.titleStart..<(m.titleStart + found.textEnd)].trimmed())
                    titleFolded = titleFolded[0..<found.textEnd]
                } else if let (before, fields) = splitTrailingFields(titleFolded, line: l.number, column: l.column + m.titleStart) {
                    inline = fields
                    title = String(l.text[m.titleStart..<(m.titleStart + before)].trimmed())
                    titleFolded = titleFolded[0..<before]
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
                append(paragraph: Paragraph(text: text, folded: f[0..<found.textEnd], line: l.number, column: l.column), inline: found.fields)
                continue
            }
            if let (before, fields) = splitTrailingFields(f, line: l.number, column: l.column) {
                let text = String(l.text[0..<before].trimmed())
                append(paragraph: Paragraph(text: text, folded: f[0..<before], line: l.number, column: l.column), inline: fields)
                continue
            }
            append(paragraph: Paragraph(text: l.string, folded: f, line: l.number, column: l.column), inline: nil)
        }
    }

    /// "...任务文字。责任单位:市发改委" -> the text and the fields after it.
    private func splitTrailingFields(_ f: Folded, line: Int, column: Int) -> (Int, [Field])? {
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
}
