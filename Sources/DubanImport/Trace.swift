/// What each source line of a notice became in the plan: the review screen shows the
/// notice beside the plan and marks every line with its role.
public struct SourceLineRole: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A heading of the plan's outline (or a table's chapter row): `chapterID` says which.
        case chapter
        /// The line that starts a task (its number and first words, or a table row's text cell).
        case task
        /// More words of the task above (its text wrapped, a second text cell).
        case continuation
        /// Lead or co-units of the task (a label line, a unit cell, inline brackets on the task line are `task`).
        case units
        /// Leaders (people) of the task.
        case leaders
        /// The task's deadline (完成时限 line or cell).
        case deadline
        /// Other words kept with the task: 年度目标, 主要任务, 完成情况, 备注.
        case detail
        /// A line inside or around the plan that became nothing (the covering letter, page chrome,
        /// a table header, a line not understood: the warnings name the last).
        case ignored
        /// An empty line (or a line of spaces).
        case blank
    }

    /// 1-based line of the file read (for a web page, the line of the page's source where the cell is).
    public var line: Int
    public var kind: Kind
    /// The id of the task (`t3`) this line belongs to, for task, continuation, units, leaders, deadline, detail.
    public var taskID: String?
    /// The id of the chapter (`c2`) for a chapter line.
    public var chapterID: String?
    /// The line as printed (trimmed); for a web page's table, the cell's text.
    public var text: String

    public init(line: Int, kind: Kind, taskID: String? = nil, chapterID: String? = nil, text: String) {
        self.line = line; self.kind = kind; self.taskID = taskID; self.chapterID = chapterID; self.text = text
    }
}

enum Trace {
    private struct Mark { var kind: SourceLineRole.Kind; var task: Int?; var chapter: Int? }

    private static func role(of kind: FieldKind) -> SourceLineRole.Kind {
        switch kind {
        case .leadUnits, .coUnits, .units: return .units
        case .leaders: return .leaders
        case .deadline: return .deadline
        default: return .detail
        }
    }

    /// The role of every line of `lines` (the text read), from the drafts the plan was made of.
    /// Task ids are `t(i+1)` and chapter ids `c(i+1)`, as the reader gives them. When the drafts come
    /// from a web page's table, their lines are the page's, and they are listed first.
    static func build(lines: [SourceLine], drafts: Drafts, fromPage: Bool) -> [SourceLineRole] {
        var marks: [Int: Mark] = [:]
        marks.reserveCapacity(drafts.tasks.count * 3 + drafts.chapters.count)
        for (i, c) in drafts.chapters.enumerated() { marks[c.line] = Mark(kind: .chapter, chapter: i) }
        for (i, t) in drafts.tasks.enumerated() {
            for f in t.fields where f.line != t.line { marks[f.line] = Mark(kind: role(of: f.kind), task: i) }
            marks[t.line] = Mark(kind: .task, task: i)
        }
        var out: [SourceLineRole] = []
        if fromPage {
            // The table's cells: their places are the page source's lines, not the text's.
            for (i, c) in drafts.chapters.enumerated() where c.line > 0 {
                out.append(SourceLineRole(line: c.line, kind: .chapter, chapterID: "c\(i + 1)", text: c.title))
            }
            for (i, t) in drafts.tasks.enumerated() {
                out.append(SourceLineRole(line: t.line, kind: .task, taskID: "t\(i + 1)", text: t.text))
                for f in t.fields {
                    out.append(SourceLineRole(line: f.line, kind: role(of: f.kind), taskID: "t\(i + 1)", text: f.value))
                }
            }
            out.sort { $0.line < $1.line }
            for l in lines {
                out.append(SourceLineRole(line: l.number, kind: l.isBlank ? .blank : .ignored, text: l.string))
            }
            return out
        }
        out.reserveCapacity(lines.count)
        var current: Int? = nil      // the task of the last marked line
        // The current task's words, as characters (compared without Foundation): text, fields, details.
        var words: (task: Int, text: Printed, fields: [(Printed, FieldKind)], details: [Printed])? = nil
        for l in lines {
            let text = l.string
            if l.isBlank { out.append(SourceLineRole(line: l.number, kind: .blank, text: text)); continue }
            if let m = marks[l.number] {
                current = m.task
                out.append(SourceLineRole(line: l.number, kind: m.kind, taskID: m.task.map { "t\($0 + 1)" },
                                          chapterID: m.chapter.map { "c\($0 + 1)" }, text: text))
                continue
            }
            // An unmarked line: part of the task above when the task keeps its words.
            var kind = SourceLineRole.Kind.ignored
            if let i = current, l.number >= drafts.firstLine, l.number <= max(drafts.lastLine, drafts.tasks[i].line) {
                if words?.task != i {
                    let t = drafts.tasks[i]
                    words = (i, Printed(t.text), t.fields.map { (Printed($0.value), $0.kind) },
                             [t.goal, t.mainTasks, t.completion, t.remarks].compactMap { $0.map { Printed($0) } })
                }
                let w = words!
                func holds(_ s: Printed) -> Bool { s.includes(l.text) || s.includes(l.folded) }
                if holds(w.text) { kind = .continuation }
                else if let f = w.fields.first(where: { holds($0.0) }) { kind = role(of: f.1) }
                else if w.details.contains(where: holds) { kind = .detail }
            }
            out.append(SourceLineRole(line: l.number, kind: kind, taskID: kind == .ignored ? nil : current.map { "t\($0 + 1)" }, text: text))
        }
        return out
    }
}
