// Issue 11, item 6 (review): corrections applied to an imported plan, as data, in order.
import DubanCore
import Foundation

/// Why a correction changed nothing. In the interface language.
public enum CorrectionProblem: Error, Sendable, Hashable, LocalizedMessage, CustomStringConvertible {
    /// The notice has fewer lines.
    case noSuchLine(line: Int, count: Int)
    /// The line reads otherwise than when the correction was made (the notice changed).
    case lineChanged(line: Int, was: String, now: String)
    /// Joining or continuing needs a task above the line.
    case noTaskAbove(line: Int)
    /// Swapping needs a task with units.
    case nothingToSwap(line: Int)

    public func message(_ S: Strings) -> String {
        switch self {
        case .noSuchLine(let l, let n): return S.format(.reviewNoSuchLine, l, n)
        case .lineChanged(let l, let was, let now): return S.format(.reviewLineChanged, l, was, now)
        case .noTaskAbove(let l): return S.format(.reviewNoTaskAbove, l)
        case .nothingToSwap(let l): return S.format(.reviewNothingToSwap, l)
        }
    }

    public var description: String { message(Strings(.en)) }
}

/// Applies corrections to a plan and the trace of its lines: each correction changes the
/// plan the way the user sees it on the review screen (a line re-marked as a task splits
/// the task above; a task start marked as continuation joins it to the task before; units
/// marked move to the task above; ...). Deterministic: the same import and the same
/// corrections give the same plan.
struct CorrectionApplier {
    var plan: Plan
    var lines: [TraceLine]
    private var nextTask: Int
    private var nextChapter: Int
    /// Units some task of the imported plan names: dropped from the plan's units when no
    /// task names them any more.
    private let namedBefore: Set<String>

    init(plan: Plan, trace: ImportTrace) {
        self.plan = plan
        namedBefore = Set(plan.tasks.flatMap { $0.leadUnits + $0.coUnits })
        self.lines = trace.lines
        func number(_ id: String) -> Int { Int(id.drop { !$0.isASCIIDigit }.prefix { $0.isASCIIDigit }) ?? 0 }
        nextTask = (plan.tasks.map { number($0.id) }.max() ?? 0) + 1
        nextChapter = (plan.chapters.map { number($0.id) }.max() ?? 0) + 1
    }

    var trace: ImportTrace { ImportTrace(lines: lines) }

    // MARK: applying

    /// Applies one correction; the problem when it cannot apply (nothing is changed then).
    mutating func apply(_ kept: KeptCorrection) -> CorrectionProblem? {
        let c = kept.correction
        if let l = c.line {
            guard l >= 1, l <= lines.count else { return .noSuchLine(line: l, count: lines.count) }
            if let was = kept.lineText, !ReviewText.key(lines[l - 1].text).hasPrefix(was) {
                return .lineChanged(line: l, was: was, now: KeptCorrection.excerpt(lines[l - 1].text))
            }
        }
        switch c {
        case .year(let y): plan.year = y; return nil
        case .mark(let l, let role): return mark(l, as: role)
        case .split(let l): return mark(l, as: .task)
        case .join(let l):
            guard let t = ownerAbove(l), let start = startLine(of: t) else { return .noTaskAbove(line: l) }
            return mark(start, as: .continuation)
        case .swapUnits(let l):
            guard let t = ownerAbove(l), let i = index(of: t) else { return .noTaskAbove(line: l) }
            guard !(plan.tasks[i].leadUnits.isEmpty && plan.tasks[i].coUnits.isEmpty) else { return .nothingToSwap(line: l) }
            let swapped = plan.tasks[i]
            plan.tasks[i].leadUnits = swapped.coUnits
            plan.tasks[i].coUnits = swapped.leadUnits
            return nil
        }
    }

    private mutating func mark(_ l: Int, as role: LineRole) -> CorrectionProblem? {
        let old = lines[l - 1]
        // A task or chapter stays as it is; a line marked again as what it is gives it again
        // (a deadline line read afresh).
        if old.role == role && (role == .task || role == .chapter || role == .ignored) { return nil }
        // A task start: the task goes first (joined to the one before, or dropped).
        if old.role == .task, let t = old.task {
            switch role {
            case .ignored, .chapter:
                removeTask(t)
            default:
                guard let p = ownerAbove(l, excluding: t) else { return .noTaskAbove(line: l) }
                join(t, into: p)
                // Line l is now text of p: from there it becomes what was asked.
                setLine(l, role: .continuation, task: p)
                if role == .continuation { return nil }
                detach(l)
            }
        } else if old.role == .chapter, let c = old.chapter {
            removeChapter(c)
        } else {
            if role != .task && role != .ignored && role != .chapter && ownerAbove(l) == nil { return .noTaskAbove(line: l) }
            detach(l)
        }
        switch role {
        case .task: newTask(at: l)
        case .chapter: newChapter(at: l)
        case .ignored, .blank: setLine(l, role: role, task: nil)
        case .continuation, .units, .deadline, .detail:
            guard let p = ownerAbove(l) else { setLine(l, role: .ignored, task: nil); return .noTaskAbove(line: l) }
            attach(l, as: role, to: p)
        }
        return nil
    }

    // MARK: lines and tasks

    private func index(of task: String) -> Int? { plan.tasks.firstIndex { $0.id == task } }
    private func startLine(of task: String) -> Int? { lines.first { $0.task == task && $0.role == .task }?.number }

    /// The task of line l's block: the line's own task, else the nearest task line above
    /// (a chapter heading in between ends the search).
    private func ownerAbove(_ l: Int, excluding: String? = nil) -> String? {
        var i = l
        while i >= 1 {
            let x = lines[i - 1]
            if let t = x.task, t != excluding { return t }
            if x.role == .chapter && i < l { return nil }
            i -= 1
        }
        return nil
    }

    /// The next task or chapter start after line l (lines.count + 1 when none).
    private func nextStart(after l: Int) -> Int {
        let own = lines[l - 1].task
        var i = l + 1
        while i <= lines.count {
            let x = lines[i - 1]
            if x.role == .chapter || (x.role == .task && x.task != own) { return i }
            i += 1
        }
        return lines.count + 1
    }

    private func line(ofChapter c: String) -> Int? { lines.first { $0.chapter == c && $0.role == .chapter }?.number }

    /// The chapter a new task or heading at line l falls in.
    private func chapterInEffect(at l: Int) -> String? {
        var i = l - 1
        while i >= 1 {
            let x = lines[i - 1]
            if x.role == .chapter, let c = x.chapter, plan.chapters.contains(where: { $0.id == c }) { return c }
            if x.role == .task, let t = x.task, let k = index(of: t) { return plan.tasks[k].chapter }
            i -= 1
        }
        return nil
    }

    private mutating func setLine(_ l: Int, role: LineRole, task: String?, chapter: String? = nil) {
        lines[l - 1].role = role
        lines[l - 1].task = task
        lines[l - 1].chapter = chapter
    }

    private var yearEnd: PlanDate? { plan.year.flatMap { PlanDate.endOfYear($0) } }

    /// The line's text as task text: without its heading number and inline responsibility.
    private func textPart(_ l: Int) -> String {
        let t = lines[l - 1].text
        return ReviewText.textPart(ReviewText.heading(t)?.rest ?? t)
    }

    /// Takes back what line l gives its task now (its text, units, deadline or detail).
    private mutating func detach(_ l: Int) {
        let x = lines[l - 1]
        guard let t = x.task, let i = index(of: t) else { return }
        switch x.role {
        case .continuation:
            plan.tasks[i].text = Self.removing(ReviewText.textPart(x.text), from: plan.tasks[i].text)
        case .units:
            for w in ReviewUnits.written(in: x.text) {
                let task = plan.tasks[i]
                if let n = ReviewUnits.match(w, in: task.leadUnits, plan: plan) { plan.tasks[i].leadUnits.removeAll { $0 == n } }
                else if let n = ReviewUnits.match(w, in: task.coUnits, plan: plan) { plan.tasks[i].coUnits.removeAll { $0 == n } }
                else if let n = ReviewUnits.match(w, in: task.leaders, plan: plan) { plan.tasks[i].leaders.removeAll { $0 == n } }
            }
        case .deadline:
            resetDeadline(i)
        case .detail:
            let part = ReviewText.stripLabel(x.text)
            plan.tasks[i].remarks = Self.removing(part, from: plan.tasks[i].remarks)
        default: break
        }
        setLine(l, role: .ignored, task: nil)
    }

    /// Gives line l to task p as the role asked.
    private mutating func attach(_ l: Int, as role: LineRole, to p: String) {
        guard let i = index(of: p) else { return }
        let text = lines[l - 1].text
        switch role {
        case .continuation:
            plan.tasks[i].text = Self.appending(textPart(l), to: plan.tasks[i].text)
        case .units:
            addUnits(of: text, to: i)
        case .deadline:
            setDeadline(of: text, on: i)
        case .detail:
            plan.tasks[i].remarks = Self.appending(ReviewText.stripLabel(text), to: plan.tasks[i].remarks, separator: "\n")
        default: break
        }
        setLine(l, role: role, task: p)
    }

    private mutating func addUnits(of line: String, to i: Int) {
        let names = ReviewUnits.written(in: line).map { ReviewUnits.resolve($0, plan: plan) }
        guard !names.isEmpty else { return }
        if let label = ReviewText.label(of: line), label.contains("领导") {
            for n in names where !plan.tasks[i].leaders.contains(n) { plan.tasks[i].leaders.append(n) }
            return
        }
        var lead: [String] = [], co: [String] = []
        if let written = ReviewUnits.leadWritten(in: line) {
            let leadKeys = Set(written.map { ReviewText.key(ReviewUnits.resolve($0, plan: plan)) })
            for n in names { if leadKeys.contains(ReviewText.key(n)) { lead.append(n) } else { co.append(n) } }
        } else if plan.tasks[i].leadUnits.isEmpty {
            lead = [names[0]]; co = Array(names.dropFirst())
        } else {
            co = names
        }
        for n in lead where !plan.tasks[i].leadUnits.contains(n) {
            plan.tasks[i].leadUnits.append(n)
            plan.tasks[i].coUnits.removeAll { $0 == n }
        }
        for n in co where !plan.tasks[i].leadUnits.contains(n) && !plan.tasks[i].coUnits.contains(n) { plan.tasks[i].coUnits.append(n) }
        let known = Set(plan.units.map { ReviewText.key($0.name) })
        for n in lead + co where !known.contains(ReviewText.key(n)) { plan.units.append(Unit(name: n)) }
    }

    private mutating func setDeadline(of line: String, on i: Int) {
        let value = ReviewText.stripLabel(line)
        if let d = Deadlines.parse(value, year: plan.year) ?? Deadlines.find(inText: value, year: plan.year) {
            plan.tasks[i].deadline = d
            plan.tasks[i].deadlineAssumed = false
        } else if Deadlines.saysNoDate(value) {
            plan.tasks[i].deadline = nil
            plan.tasks[i].deadlineAssumed = false
        }
        plan.tasks[i].deadlineText = value
    }

    private mutating func resetDeadline(_ i: Int) {
        plan.tasks[i].deadlineText = nil
        if let d = Deadlines.find(inText: plan.tasks[i].text, year: plan.year) {
            plan.tasks[i].deadline = d; plan.tasks[i].deadlineAssumed = false
        } else {
            plan.tasks[i].deadline = yearEnd; plan.tasks[i].deadlineAssumed = yearEnd != nil
        }
    }

    /// A new task from line l to the next start; what the task above had from those lines moves to it.
    private mutating func newTask(at l: Int) {
        let from = ownerAbove(l)
        detach(l)
        let head = ReviewText.heading(lines[l - 1].text)
        let id = "t\(nextTask)"; nextTask += 1
        var t = PlanTask(id: id, number: head.map(\.label), chapter: chapterInEffect(at: l), text: textPart(l))
        t.origin = SourcePlace(line: l)
        let at = from.flatMap { index(of: $0) }.map { $0 + 1 } ?? insertionIndex(forLine: l)
        plan.tasks.insert(t, at: at)
        setLine(l, role: .task, task: id)
        let end = nextStart(after: l)
        var gotDeadline = false
        if let p = from {
            for n in (l + 1)..<end where lines[n - 1].task == p {
                let role = lines[n - 1].role
                if role == .task { continue }
                detach(n)
                attach(n, as: role, to: id)
                if role == .deadline { gotDeadline = true }
            }
        } else {
            // Lines no task had: units and deadlines written as such are the new task's.
            for n in (l + 1)..<end where lines[n - 1].role == .ignored && lines[n - 1].task == nil {
                let text = lines[n - 1].text
                if ReviewText.hasDeadlineLabel(text) { attach(n, as: .deadline, to: id); gotDeadline = true }
                else if ReviewText.hasResponsibilityLabel(text) { attach(n, as: .units, to: id) }
            }
        }
        if !gotDeadline, let k = index(of: id) { resetDeadline(k) }
    }

    private func insertionIndex(forLine l: Int) -> Int {
        var n = l - 1
        while n >= 1 {
            if let t = lines[n - 1].task, let k = index(of: t) { return k + 1 }
            n -= 1
        }
        return 0
    }

    /// Task t's text, units and details go to task p; its lines are p's.
    private mutating func join(_ t: String, into p: String) {
        guard let ti = index(of: t), let pi = index(of: p) else { return }
        let x = plan.tasks[ti]
        var y = plan.tasks[pi]
        y.text = Self.appending(x.text, to: y.text)
        for n in x.leadUnits where !y.leadUnits.contains(n) { y.leadUnits.append(n) }
        for n in x.coUnits where !y.leadUnits.contains(n) && !y.coUnits.contains(n) { y.coUnits.append(n) }
        for n in x.leaders where !y.leaders.contains(n) { y.leaders.append(n) }
        if y.deadlineAssumed && !x.deadlineAssumed {
            y.deadline = x.deadline; y.deadlineAssumed = false; y.deadlineText = x.deadlineText
        }
        y.milestones += x.milestones
        y.remarks = Self.appending(x.remarks, to: y.remarks, separator: "\n")
        y.history += x.history
        plan.tasks[pi] = y
        plan.tasks.remove(at: ti)
        for k in lines.indices where lines[k].task == t {
            lines[k].task = p
            if lines[k].role == .task { lines[k].role = .continuation }
        }
    }

    /// Drops a task; its lines become ignored.
    private mutating func removeTask(_ t: String) {
        plan.tasks.removeAll { $0.id == t }
        for k in lines.indices where lines[k].task == t { lines[k].role = .ignored; lines[k].task = nil }
    }

    /// Drops a chapter: its tasks go to the chapter in effect above its heading (else its
    /// parent), its sub-chapters to its parent.
    private mutating func removeChapter(_ c: String) {
        guard let ci = plan.chapters.firstIndex(where: { $0.id == c }) else { return }
        let parent = plan.chapters[ci].parent
        let into = line(ofChapter: c).flatMap { chapterInEffect(at: $0) }.flatMap { $0 == c ? nil : $0 } ?? parent
        plan.chapters.remove(at: ci)
        for k in plan.chapters.indices where plan.chapters[k].parent == c { plan.chapters[k].parent = parent }
        for k in plan.tasks.indices where plan.tasks[k].chapter == c { plan.tasks[k].chapter = into }
        for k in lines.indices where lines[k].chapter == c { lines[k].role = .ignored; lines[k].chapter = nil }
    }

    /// A new chapter headed by line l: the tasks after it, up to the next heading, are its.
    private mutating func newChapter(at l: Int) {
        let text = lines[l - 1].text
        let head = ReviewText.heading(text)
        let around = chapterInEffect(at: l)
        let level = head?.level ?? around.flatMap { c in plan.chapters.first { $0.id == c } }.map { Self.level(of: $0.label) } ?? 1
        // The parent: the chapter in effect or its nearest ancestor of a higher level.
        var parent = around
        while let p = parent, let ch = plan.chapters.first(where: { $0.id == p }), Self.level(of: ch.label) >= level { parent = ch.parent }
        let id = "c\(nextChapter)"; nextChapter += 1
        let chapter = Chapter(id: id, label: head?.label ?? "", title: ReviewText.textPart(head?.rest ?? text), parent: parent)
        var at = plan.chapters.count
        if let p = parent, let pi = plan.chapters.firstIndex(where: { $0.id == p }) { at = pi + 1 } else if parent == nil { at = 0 }
        for (k, c) in plan.chapters.enumerated() { if let cl = line(ofChapter: c.id), cl < l, k + 1 > at { at = k + 1 } }
        plan.chapters.insert(chapter, at: min(at, plan.chapters.count))
        setLine(l, role: .chapter, task: nil, chapter: id)
        // Tasks after it, up to the next chapter heading, move under it.
        var n = l + 1
        while n <= lines.count, !(lines[n - 1].role == .chapter) {
            if lines[n - 1].role == .task, let t = lines[n - 1].task, let k = index(of: t) { plan.tasks[k].chapter = id }
            n += 1
        }
    }

    static func level(of label: String) -> Int {
        let han = Set("一二三四五六七八九十百零〇")
        let inner = label.hasPrefix("(") ? label.dropFirst().dropLast() : Substring(label)
        let isHan = !inner.isEmpty && inner.allSatisfy(han.contains)
        if label.hasPrefix("(") { return isHan ? 2 : 4 }
        return isHan ? 1 : 3
    }

    // MARK: text

    static func removing(_ part: String, from text: String) -> String {
        let p = part.trimmedSpaces
        guard !p.isEmpty, let r = text.range(of: p) else { return text }
        var t = text
        t.removeSubrange(r)
        return t.trimmedSpaces
    }

    static func appending(_ part: String, to text: String, separator: String = "") -> String {
        let p = part.trimmedSpaces
        if p.isEmpty { return text }
        if text.isEmpty { return p }
        // Latin words keep a space between them.
        if separator.isEmpty, let a = text.last, let b = p.first, a.isASCII && a.isLetter && b.isASCII && b.isLetter { return text + " " + p }
        return text + separator + p
    }

    // MARK: the result

    /// The plan as saved: tasks in the order of their lines, ids t1, t2, ... in that order
    /// (a task made by a correction has its line as its origin).
    mutating func finish() -> (plan: Plan, trace: ImportTrace) {
        var starts: [String: Int] = [:]
        for x in lines where x.role == .task { if let t = x.task, starts[t] == nil { starts[t] = x.number } }
        var order: [(key: Int, pos: Int, task: PlanTask)] = []
        var last = 0
        for (k, t) in plan.tasks.enumerated() {
            let s = starts[t.id] ?? last
            last = s
            order.append((s, k, t))
        }
        order.sort { ($0.key, $0.pos) < ($1.key, $1.pos) }
        var rename: [String: String] = [:]
        var tasks: [PlanTask] = []
        for (k, o) in order.enumerated() {
            var t = o.task
            let id = "t\(k + 1)"
            rename[t.id] = id
            t.id = id
            tasks.append(t)
        }
        plan.tasks = tasks
        let named = Set(tasks.flatMap { $0.leadUnits + $0.coUnits })
        let members = Set(plan.units.flatMap(\.members))
        plan.units.removeAll { u in namedBefore.contains(u.name) && !named.contains(u.name) && !u.isGroup && !members.contains(u.name) }
        for k in lines.indices { if let t = lines[k].task { lines[k].task = rename[t] } }
        return (plan, trace)
    }
}
