// Issue 11, item 6 (review): what each source line of a notice became.
import DubanCore
import Foundation

/// What one line of the notice became in the plan.
public enum LineRole: String, Sendable, CaseIterable, Hashable {
    /// A chapter heading (or a wrapped part of its title).
    case chapter
    /// The first line of a task (its number and the start of its text).
    case task
    /// More text of the task above.
    case continuation
    /// Responsibility: units (lead or co) or leaders of the task above.
    case units
    /// The deadline of the task above.
    case deadline
    /// Kept with the task above, not as its text: a goal, main tasks, completion, remarks.
    case detail
    /// Not part of the plan: the covering letter, page chrome, a signature.
    case ignored
    /// An empty line.
    case blank

    /// The roles a user can give a line on the review screen, in the order its keys cycle.
    public static let markable: [LineRole] = [.chapter, .task, .continuation, .units, .deadline, .detail, .ignored]
}

/// One line of the notice with what it became.
public struct TraceLine: Sendable, Hashable {
    /// 1-based, as the importer's warnings count lines.
    public var number: Int
    public var text: String
    public var role: LineRole
    /// The task the line belongs to (task, continuation, units, deadline, detail).
    public var task: String?
    /// The chapter a chapter line is the heading of.
    public var chapter: String?

    public init(number: Int, text: String, role: LineRole, task: String? = nil, chapter: String? = nil) {
        self.number = number; self.text = text; self.role = role; self.task = task; self.chapter = chapter
    }
}

/// Every line of a notice, in order, with what it became in the plan.
///
/// Derived from the notice's lines and the plan the importer gave (each task's origin
/// line, each chapter's label and title), by `ImportTrace.derive`: the importer's own
/// trace API (issue 11, importer part) can replace the derivation without changing this
/// type or the review screen.
public struct ImportTrace: Sendable, Hashable {
    public var lines: [TraceLine]

    public init(lines: [TraceLine]) { self.lines = lines }

    /// The line numbered `n` (1-based), nil past the end.
    public func line(_ n: Int) -> TraceLine? { n >= 1 && n <= lines.count ? lines[n - 1] : nil }

    /// The first line of a task.
    public func startLine(ofTask id: String) -> Int? {
        lines.first { $0.task == id && $0.role == .task }?.number
    }

    /// The heading line of a chapter.
    public func line(ofChapter id: String) -> Int? {
        lines.first { $0.chapter == id && $0.role == .chapter }?.number
    }

    /// The task whose block holds line `n`: its own task, else the nearest task above.
    public func owner(at n: Int) -> String? {
        var i = min(n, lines.count)
        while i >= 1 {
            let l = lines[i - 1]
            if let t = l.task { return t }
            if l.role == .chapter { return nil }
            i -= 1
        }
        return nil
    }
}

extension ImportTrace {
    /// The importer's own trace (`ImportResult.trace`) as the review's lines: for a text, one
    /// entry a line, numbered as the notice's lines, each line as the notice prints it; for
    /// a web page, the table's cells (in the page's order) then the page's text lines, each
    /// a line of the review. Nil when the importer gave no trace, or one that does not
    /// number the notice's lines.
    static func fromImporter(_ roles: [SourceLineRole], lines: [String], isPage: Bool) -> (trace: ImportTrace, lines: [String])? {
        guard !roles.isEmpty else { return nil }
        func role(_ k: SourceLineRole.Kind) -> LineRole {
            switch k {
            case .chapter: return .chapter
            case .task: return .task
            case .continuation: return .continuation
            case .units, .leaders: return .units
            case .deadline: return .deadline
            case .detail: return .detail
            case .ignored: return .ignored
            case .blank: return .blank
            }
        }
        if isPage {
            let texts = roles.map(\.text)
            return (ImportTrace(lines: roles.enumerated().map { i, r in
                TraceLine(number: i + 1, text: r.text, role: role(r.kind), task: r.taskID, chapter: r.chapterID)
            }), texts)
        }
        guard roles.count == lines.count, roles.enumerated().allSatisfy({ $0.element.line == $0.offset + 1 }) else { return nil }
        return (ImportTrace(lines: roles.enumerated().map { i, r in
            TraceLine(number: i + 1, text: lines[i], role: role(r.kind), task: r.taskID, chapter: r.chapterID)
        }), lines)
    }

    /// What each line became, from the lines and the plan imported from them: for an
    /// importer that gives no trace of its own.
    static func derive(lines texts: [String], plan: Plan) -> ImportTrace {
        var lines = texts.enumerated().map { i, t in
            TraceLine(number: i + 1, text: t, role: ReviewText.isBlank(t) ? .blank : .ignored)
        }
        guard !lines.isEmpty else { return ImportTrace(lines: []) }
        // Where each chapter and task starts.
        enum Start { case chapter(Int), task(Int) }
        var starts: [(line: Int, what: Start)] = []
        var taken = Set<Int>()
        var cursor = 1
        for (ci, c) in plan.chapters.enumerated() {
            if let n = findChapter(c, in: texts, from: cursor, taken: taken) ?? findChapter(c, in: texts, from: 1, taken: taken) {
                starts.append((n, .chapter(ci))); taken.insert(n); cursor = n + 1
            }
        }
        cursor = 1
        for (ti, t) in plan.tasks.enumerated() {
            if let n = findTask(t, in: texts, from: cursor, taken: taken) {
                starts.append((n, .task(ti))); taken.insert(n); cursor = n
            }
        }
        starts.sort { $0.line < $1.line }
        for (k, s) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1].line : lines.count + 1
            switch s.what {
            case .chapter(let ci):
                let c = plan.chapters[ci]
                lines[s.line - 1].role = .chapter
                lines[s.line - 1].chapter = c.id
                let title = ReviewText.key(c.title)
                let detail = ReviewText.key((c.goal ?? "") + (c.mainTasks ?? ""))
                for n in (s.line + 1)..<end where lines[n - 1].role != .blank {
                    let k = ReviewText.key(ReviewText.stripLabel(texts[n - 1]))
                    if k.isEmpty { continue }
                    if title.contains(k) { lines[n - 1].role = .chapter; lines[n - 1].chapter = c.id }
                    else if detail.contains(k) { lines[n - 1].role = .detail }
                }
            case .task(let ti):
                let t = plan.tasks[ti]
                lines[s.line - 1].role = .task
                lines[s.line - 1].task = t.id
                // A table flattened one cell per line: the number's own line a few cells above
                // (序号, then 项目, then the task): those lines are this task's.
                if let num = t.number {
                    let prev = k > 0 ? starts[k - 1].line : 0
                    var p = s.line - 1, seen = 0
                    while p > prev, seen < 3 {
                        if lines[p - 1].role != .blank {
                            seen += 1
                            if ReviewText.key(texts[p - 1]).trimmingNumberStop == ReviewText.key(num).trimmingNumberStop {
                                lines[p - 1].role = .task; lines[p - 1].task = t.id
                                for q in (p + 1)..<s.line where lines[q - 1].role != .blank {
                                    let role = classify(texts[q - 1], in: t, plan: plan)
                                    lines[q - 1].role = role
                                    lines[q - 1].task = role == .ignored ? nil : t.id
                                }
                                break
                            }
                        }
                        p -= 1
                    }
                }
                for n in (s.line + 1)..<end where lines[n - 1].role != .blank {
                    let role = classify(texts[n - 1], in: t, plan: plan)
                    lines[n - 1].role = role
                    if role != .ignored { lines[n - 1].task = t.id }
                }
            }
        }
        return ImportTrace(lines: lines)
    }

    private static func findChapter(_ c: Chapter, in texts: [String], from: Int, taken: Set<Int>) -> Int? {
        let title = ReviewText.key(c.title)
        let probe = String(title.prefix(8))
        let label = ReviewText.key(c.label).trimmingNumberStop
        guard from <= texts.count else { return nil }
        for n in from...texts.count where !taken.contains(n) {
            let k = ReviewText.key(texts[n - 1])
            guard k.hasPrefix(label) || label.isEmpty else { continue }
            if probe.isEmpty || k.contains(probe) { return n }
        }
        return nil
    }

    private static func findTask(_ t: PlanTask, in texts: [String], from: Int, taken: Set<Int>) -> Int? {
        let text = ReviewText.key(t.text)
        let probe = String(text.prefix(8))
        func fits(_ n: Int) -> Bool {
            guard n >= 1, n <= texts.count, !taken.contains(n) else { return false }
            let k = ReviewText.key(texts[n - 1])
            return probe.isEmpty ? !k.isEmpty : k.contains(probe)
        }
        let said = t.origin?.line ?? t.extra.first { $0.key == "sourceLine" }?.value.intValue
        if let n = said, fits(n) { return n }
        if from <= texts.count { for n in from...texts.count where fits(n) { return n } }
        return said.flatMap { $0 >= 1 && $0 <= texts.count && !taken.contains($0) ? $0 : nil }
    }

    /// What a line inside a task's block is to that task.
    static func classify(_ line: String, in t: PlanTask, plan: Plan) -> LineRole {
        let raw = ReviewText.key(line)
        if raw.isEmpty { return .blank }
        if ReviewText.hasDeadlineLabel(line) { return .deadline }
        if ReviewText.hasResponsibilityLabel(line) { return .units }
        if ReviewText.hasDetailLabel(line) { return .detail }
        let body = ReviewText.key(ReviewText.stripLabel(line))
        // A leader or unit written with spaces inside (钱 宇), or a name on its own line.
        let people = t.leadUnits + t.coUnits + t.leaders
        if people.contains(where: { ReviewText.key($0) == body }) { return .units }
        let text = ReviewText.key(t.text)
        let isFigure = body.count <= 6 && body.allSatisfy { $0.isASCIIDigit || $0 == "." || $0 == "%" }
        if !body.isEmpty, !isFigure, text.contains(body) || (body.count >= 8 && text.contains(String(body.prefix(8)))) { return .continuation }
        let names = ReviewUnits.written(in: line)
        if !names.isEmpty, names.allSatisfy({ ReviewUnits.match($0, in: people, plan: plan) != nil }) {
            return .units
        }
        if let dt = t.deadlineText, ReviewText.key(dt) == body { return .deadline }
        let details = [t.goal, t.mainTasks, t.remarks] + t.history.map(\.note) + t.milestones.map(\.text)
        if details.contains(where: { d in d.map { ReviewText.key($0).contains(String(body.prefix(12))) } ?? false }) { return .detail }
        return .ignored
    }
}

/// Small text helpers of the review: comparison keys, labels, heading numbers.
enum ReviewText {
    static func isBlank(_ s: String) -> Bool { s.allSatisfy { $0.isWhitespace } }

    /// The text without spaces, with full-width punctuation folded to ASCII: for comparing
    /// a line with a task's text.
    static func key(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s where !c.isWhitespace {
            switch c {
            case "（": out.append("(")
            case "）": out.append(")")
            case "，": out.append(",")
            case "：": out.append(":")
            case "；": out.append(";")
            case "．": out.append(".")
            default: out.append(c)
            }
        }
        return out
    }

    static let responsibilityLabels = ["牵头负责领导", "牵头领导", "责任领导", "牵头责任单位", "牵头单位", "协同责任单位", "责任单位",
                                       "配合单位", "协办单位", "实施单位", "落实单位", "责任部门", "牵头部门", "配合部门", "主要责任单位"]
    static let deadlineLabels = ["完成时限", "完成时间", "时间节点", "进度安排", "时限要求"]
    static let detailLabels = ["年度目标", "主要任务", "完成情况", "进展情况", "工作措施", "主要措施", "工作要求", "备注", "分值"]

    /// The label word a line starts with (after spaces, brackets and 【), when it is
    /// followed by a colon: `责任单位：…`.
    static func label(of line: String) -> String? {
        let k = key(line).drop { "(【[".contains($0) }
        for l in deadlineLabels + responsibilityLabels + detailLabels where k.hasPrefix(l) {
            let rest = k.dropFirst(l.count).drop { "】]".contains($0) }
            if rest.first == ":" { return l }
        }
        return nil
    }

    static func hasDeadlineLabel(_ line: String) -> Bool { label(of: line).map(deadlineLabels.contains) ?? false }
    static func hasResponsibilityLabel(_ line: String) -> Bool { label(of: line).map(responsibilityLabels.contains) ?? false }
    static func hasDetailLabel(_ line: String) -> Bool { label(of: line).map(detailLabels.contains) ?? false }

    /// The line after its label and colon, when it has one.
    static func stripLabel(_ line: String) -> String {
        guard label(of: line) != nil else { return line.trimmedSpaces }
        if let i = line.firstIndex(where: { $0 == ":" || $0 == "：" }) { return String(line[line.index(after: i)...]).trimmedSpaces }
        return line.trimmedSpaces
    }

    /// A heading number in front of a line: `一、`, `(一)`, `（一）`, `1.`, `1、`, `1．`, `(1)`.
    /// Returns the label as the plan keeps it (`一`, `(一)`, `1`, `(1)`), its level (1 to 4)
    /// and the text after it.
    static func heading(_ line: String) -> (label: String, level: Int, rest: String)? {
        let s = Substring(line.trimmedSpaces)
        let chineseDigits = Set("一二三四五六七八九十百零〇")
        if let open = s.first, open == "(" || open == "（" {
            let inner = s.dropFirst().prefix { $0 != ")" && $0 != "）" }
            guard !inner.isEmpty, inner.count <= 4, s.dropFirst(inner.count + 1).first.map({ $0 == ")" || $0 == "）" }) == true else { return nil }
            let rest = String(s.dropFirst(inner.count + 2)).trimmedSpaces
            if inner.allSatisfy(chineseDigits.contains) { return ("(\(inner))", 2, rest) }
            if inner.allSatisfy(\.isASCIIDigit) { return ("(\(inner))", 4, rest) }
            return nil
        }
        let digits = s.prefix { $0.isASCIIDigit }
        if !digits.isEmpty, digits.count <= 3, let stop = s.dropFirst(digits.count).first, ".、．".contains(stop) {
            // 1.6月底前: a decimal, not a number and its stop.
            let after = s.dropFirst(digits.count + 1).first
            if stop == "." || stop == "．", let a = after, a.isASCIIDigit { return nil }
            return (String(digits), 3, String(s.dropFirst(digits.count + 1)).trimmedSpaces)
        }
        let han = s.prefix { chineseDigits.contains($0) }
        if !han.isEmpty, han.count <= 3, s.dropFirst(han.count).first == "、" {
            return (String(han), 1, String(s.dropFirst(han.count + 1)).trimmedSpaces)
        }
        return nil
    }

    /// The part of a line that is task text: before inline responsibility (`（牵头单位：…）`,
    /// `。责任单位：…`).
    static func textPart(_ line: String) -> String {
        var s = line.trimmedSpaces
        for l in responsibilityLabels + deadlineLabels {
            for form in ["（" + l, "(" + l, "【" + l, l + "：", l + ":"] {
                if let r = s.range(of: form), r.lowerBound != s.startIndex {
                    s = String(s[..<r.lowerBound]).trimmedSpaces
                }
            }
        }
        return s
    }
}

extension String {
    var trimmedSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    /// Without a trailing heading stop (`、`, `.`): `1.` and `1` compare equal.
    var trimmingNumberStop: String {
        var s = self
        while let l = s.last, "、.．".contains(l) { s.removeLast() }
        return s
    }
}

/// Unit names as a review correction reads them from a line.
enum ReviewUnits {
    /// The names written on a line: after its label, split at 、 ， ； / and spaces, without
    /// 等 and the words 牵头 / 配合 / 负责.
    static func written(in line: String) -> [String] {
        var body = ReviewText.stripLabel(line)
        for (a, b) in [("（", "("), ("）", ")")] { body = body.replacingAll(a, with: b) }
        // Inline responsibility in brackets at the end: （责任单位：A、B）.
        if body.hasSuffix(")"), let open = body.lastIndex(of: "("), ReviewText.label(of: String(body[body.index(after: open)...])) != nil {
            body = ReviewText.stripLabel(String(body[body.index(after: open)..<body.index(before: body.endIndex)]))
        }
        var names: [String] = []
        var current = ""
        var depth = 0
        func flush() {
            var n = current.trimmedSpaces
            for suffix in ["按职责分工负责", "分工负责", "等单位", "等部门", "牵头", "配合", "负责", "落实", "等"] where n.hasSuffix(suffix) && n.count > suffix.count {
                n = String(n.dropLast(suffix.count))
            }
            n = n.trimmedSpaces
            while let l = n.last, "。.;；".contains(l) { n.removeLast() }
            if !n.isEmpty { names.append(n) }
            current = ""
        }
        for c in body {
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) }
            if depth == 0, "、，,；;/／ ".contains(c) { flush() } else { current.append(c) }
        }
        flush()
        return names
    }

    /// Whether the line says which of its units lead: `X牵头`, `牵头单位：`.
    static func leadWritten(in line: String) -> [String]? {
        let k = ReviewText.key(line)
        if let l = ReviewText.label(of: line) {
            if l.contains("牵头") { return written(in: line) }
            if l.contains("配合") || l.contains("协同") || l.contains("协办") { return [] }
        }
        if let r = k.range(of: "牵头") {
            return written(in: String(k[..<r.lowerBound]))
        }
        return nil
    }

    /// The unit of `names` (a task's units) a written name stands for: the same name, the
    /// same after the plan's aliases, or one containing the other.
    static func match(_ written: String, in names: [String], plan: Plan) -> String? {
        let w = ReviewText.key(written)
        if let n = names.first(where: { ReviewText.key($0) == w }) { return n }
        if let u = plan.units.first(where: { $0.aliases.contains { ReviewText.key($0) == w } }),
           let n = names.first(where: { ReviewText.key($0) == ReviewText.key(u.name) }) { return n }
        if w.count >= 2, let n = names.first(where: { let k = ReviewText.key($0); return k.contains(w) || w.contains(k) }) { return n }
        return nil
    }

    /// The name a written unit is stored under: the plan's unit it is an alias of, else as written.
    static func resolve(_ written: String, plan: Plan) -> String {
        let w = ReviewText.key(written)
        if let u = plan.units.first(where: { ReviewText.key($0.name) == w || $0.aliases.contains { ReviewText.key($0) == w } }) { return u.name }
        return written
    }
}
