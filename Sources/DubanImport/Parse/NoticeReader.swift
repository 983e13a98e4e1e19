import DubanCore

/// Reads decoded notice text into a plan: finds the layout, the metadata, the
/// tasks and chapters, resolves units, deadlines and statuses.
struct NoticeReader {
    /// The notice's lines (`Lines.split` of its text: the text itself is not kept, issue
    /// 16: a 50 MB notice's text held to the end of the read was a tenth of the peak).
    let lines: [SourceLine]
    let source: String
    let options: ImportOptions
    let aliases: AliasTable
    /// A web page's task table, already read as a table; `lines` are then those of the
    /// page's text around it, the table standing at line `textLine` of that text.
    var pageTable: PageTable? = nil

    struct PageTable {
        var drafts: Drafts
        var header: TableParser.Header
        var textLine: Int
    }

    func read() throws(ImportError) -> ImportResult {
        guard pageTable != nil || lines.contains(where: { !$0.isBlank }) else { throw .empty(file: source) }

        // Both readers run; the one that finds more tasks wins (a table header is strong evidence).
        let table: TableParser.Result?
        let outline: Drafts
        if let p = pageTable {
            // The table's places are the page's lines; the text's regions are the text's lines.
            var d = p.drafts
            d.firstLine = p.textLine; d.lastLine = p.textLine
            table = TableParser.Result(drafts: d, header: p.header)
            outline = Drafts()
        } else {
            table = TableParser.parse(lines)
            outline = OutlineParser.parse(lines)
        }
        var drafts: Drafts
        var isTable = false
        var hasCompletion = false
        if let t = table, t.drafts.tasks.count * 2 >= outline.tasks.count {
            drafts = t.drafts
            isTable = true
            hasCompletion = t.header.columns.contains(.completion)
        } else {
            drafts = outline
        }
        guard !drafts.tasks.isEmpty else { throw .noTasks(file: source) }

        let meta = Metadata.extract(lines, before: drafts.firstLine, after: drafts.lastLine)
        let year = options.year ?? meta.year
        var book = UnitBook(table: aliases)
        var warnings = drafts.warnings

        // Chapters.
        var chapters: [Chapter] = []
        for (i, c) in drafts.chapters.enumerated() {
            chapters.append(Chapter(id: "c\(i + 1)", label: c.label, title: c.title,
                                    parent: c.parent.map { "c\($0 + 1)" }, goal: c.goal, mainTasks: c.mainTasks))
        }

        // The document's own rule for a 责任单位 list: when its lists put the leads before a comma
        // (市发改委、市财政局，各县(市)区政府), a list with no comma is all leads.
        let commaRule = !isTable && drafts.tasks.contains { d in
            !d.fields.contains { $0.kind == .leadUnits } && d.fields.contains { $0.kind == .units && $0.value.contains(",") }
        }

        // Tasks.
        var tasks: [PlanTask] = []
        let yearEnd = year.flatMap { PlanDate.endOfYear($0) }
        let reportDate = meta.issueDate ?? yearEnd
        for (i, d) in drafts.tasks.enumerated() {
            var t = PlanTask(id: "t\(i + 1)", number: d.number, chapter: d.chapter.map { "c\($0 + 1)" },
                             text: d.text.trimmed())
            var lead: [String] = [], co: [String] = [], leaders: [String] = []
            var noDate = false
            let hasLeadField = d.fields.contains { $0.kind == .leadUnits }
            for f in d.fields {
                switch f.kind {
                case .leaders:
                    leaders += UnitNames.parseLeaders(f.value)
                case .leadUnits, .coUnits, .units:
                    let (written, problems) = UnitNames.parseList(f.value)
                    for p in problems {
                        switch p {
                        case .hasNumber(let s): warnings.append(ImportWarning(line: f.line, column: f.column, .iwUnitHasNumber, .text(s)))
                        case .notAUnit(let s): warnings.append(ImportWarning(line: f.line, column: f.column, .iwNotAUnit, .text(s)))
                        case .glued(let s, let split): warnings.append(ImportWarning(line: f.line, column: f.column, .iwGluedUnits, .text(s), .text(split), guess: true))
                        }
                    }
                    let names = written.map { book.resolve($0) }
                    switch f.kind {
                    case .leadUnits:
                        // ★ marks still split a lead column into lead and co.
                        if written.contains(where: \.marked) && !written.allSatisfy(\.marked) {
                            for (w, n) in zip(written, names) { if w.marked { lead.append(n) } else { co.append(n) } }
                        } else { lead += names }
                    case .coUnits:
                        co += names
                    default:
                        if hasLeadField { co += names; break }
                        if written.contains(where: \.marked) {
                            for (w, n) in zip(written, names) { if w.marked { lead.append(n) } else { co.append(n) } }
                        } else if written.contains(where: { $0.commaGroup > 0 }) && written.contains(where: { $0.commaGroup == 0 }) {
                            for (w, n) in zip(written, names) { if w.commaGroup == 0 { lead.append(n) } else { co.append(n) } }
                        } else if commaRule {
                            // The document puts every unit before the comma in the lead: with no comma, all lead.
                            lead += names
                        } else if isTable || lead.isEmpty {
                            // The first unit listed leads.
                            if lead.isEmpty, let first = names.first {
                                lead.append(first); co += names.dropFirst()
                                // Nothing marks the lead: a guess, said with its place.
                                if names.count > 1 {
                                    warnings.append(ImportWarning(line: f.line, column: f.column, .iwLeadByPosition,
                                                                  .text(String(f.value.prefix(30))), .text(first), guess: true))
                                }
                            } else { co += names }
                        } else { co += names }
                    }
                case .deadline:
                    let r = Deadlines.read(value: f.written ?? f.value, year: year)
                    if let dl = r.date {
                        t.deadline = dl; t.deadlineText = r.text; t.milestones = r.milestones
                    } else if r.noDate {
                        noDate = true; t.deadlineText = r.text
                    } else if !f.value.isEmpty {
                        t.deadlineText = r.text
                        warnings.append(ImportWarning(line: f.line, column: f.column, .iwDeadlineNotUnderstood, .text(f.value)))
                    }
                default: break
                }
            }
            t.leaders = unique(leaders)
            t.leadUnits = unique(lead)
            let leadKeys = Set(t.leadUnits.map(TextKey.init))
            t.coUnits = unique(co).filter { !leadKeys.contains(TextKey($0)) }
            if t.deadline == nil, !noDate, t.deadlineText == nil {
                let r = Deadlines.read(text: t.text, year: year)
                if let dl = r.date { t.deadline = dl; t.deadlineText = r.text; t.milestones = r.milestones }
                else if r.noDate { noDate = true; t.deadlineText = r.text }
            }
            if t.deadline == nil, !noDate {
                t.deadline = yearEnd
                t.deadlineAssumed = yearEnd != nil
            }
            if let g = d.goal, !g.isEmpty { t.goal = g }
            if let m = d.mainTasks, !m.isEmpty { t.mainTasks = m }
            // Where it came from: its line (and for a table given as a table, table, row and column).
            t.origin = SourcePlace(line: d.line, table: d.table, row: d.row, column: d.table == nil ? nil : d.tableColumn)
            if let r = d.remarks { t.remarks = r.trimmed() }
            // A title (名称, or the first of several text columns) and a score (分值) stay with the task.
            if let title = d.title?.trimmed(), !title.isEmpty, title != t.text { t.extra.append(JSONField("title", .string(title))) }
            if let score = d.score?.trimmed(), !score.isEmpty { t.extra.append(JSONField("score", .string(score))) }
            if let c = d.completion?.trimmed(), !c.isEmpty {
                let reading = StatusInference.read(c, task: t.text)
                let status = reading.status
                t.status = status
                t.statusInferred = true
                t.statusReason = reading.reason
                t.progress = status == .done ? 100 : 0
                if let date = reportDate {
                    t.history.append(HistoryEntry(date: date, status: status, progress: t.progress, note: c,
                                                  author: meta.issuer ?? "导入"))
                }
            }
            if t.text.isEmpty {
                warnings.append(ImportWarning(line: d.line, column: d.column, .iwTaskWithoutText))
            }
            tasks.append(t)
        }

        // What the notice leaves to an attachment.
        warnings += Attachments.warnings(lines, tasks: tasks, deadlinesWritten: tasks.contains { !$0.deadlineAssumed })

        // Appendix member lists: 附件 ... 领导小组成员名单 / 成员单位名单.
        Appendix.attachMembers(lines, after: drafts.lastLine, book: &book)

        // Layout.
        let layout: ImportLayout
        if isTable, let t = table {
            layout = hasCompletion && t.header.reader == .flatTable ? .completionTable : t.header.reader
        }
        else { layout = Self.outlineLayout(drafts) }

        // Title fallback.
        var title = meta.title
        if title == nil {
            if let issuer = meta.issuer, let y = year { title = "\(issuer)\(y)年重点工作任务分解" }
            else if let n = meta.documentNumber { title = n }
            else { title = Self.fileStem(source) }
        }

        var plan = Plan(title: title ?? source, issuer: meta.issuer, documentNumber: meta.documentNumber,
                        issueDate: meta.issueDate, year: year, source: source,
                        chapters: chapters, tasks: tasks, units: book.units)
        plan.extra = []
        warnings.sort { ($0.line, $0.column) < ($1.line, $1.column) }

        let leadSet = Set(tasks.flatMap(\.leadUnits).map(TextKey.init))
        let summary = ImportSummary(
            chapters: chapters.count,
            topLevelChapters: chapters.filter { $0.parent == nil }.count,
            tasks: tasks.count,
            units: book.units.count,
            leadUnits: leadSet.count,
            leaders: Set(tasks.flatMap(\.leaders).map(TextKey.init)).count,
            tasksWithoutLeadUnit: tasks.filter { $0.leadUnits.isEmpty }.count,
            statusesInferred: tasks.filter(\.statusInferred).count,
            deadlinesAssumed: tasks.filter(\.deadlineAssumed).count,
            warnings: warnings.count)
        return ImportResult(plan: plan, layout: layout, warnings: warnings, summary: summary, encoding: "UTF-8",
                            trace: Trace.build(lines: lines, drafts: drafts, fromPage: pageTable != nil))
    }

    private func unique(_ xs: [String]) -> [String] {
        if xs.count < 2 { return xs }
        let keys = xs.map(TextKey.init)
        if xs.count <= 16 {
            // Few names: comparing them is cheaper than a set.
            var out: [String] = []
            for (i, k) in keys.enumerated() where !keys[..<i].contains(k) { out.append(xs[i]) }
            return out
        }
        var seen = Set<TextKey>()
        return zip(xs, keys).compactMap { seen.insert($0.1).inserted ? $0.0 : nil }
    }

    static func outlineLayout(_ d: Drafts) -> ImportLayout {
        var goal = 0, inline = 0, generic = 0, separate = 0
        for t in d.tasks {
            if t.goal != nil || t.mainTasks != nil { goal += 1 }
            let kinds = t.fields.map(\.kind)
            if kinds.contains(.leadUnits) || kinds.contains(.leaders) || kinds.contains(.coUnits) { separate += 1 }
            else if kinds.contains(.units) { generic += 1 }
            if t.fields.contains(where: { $0.kind.isUnits }) && t.fields.allSatisfy({ f in t.line == f.line }) { inline += 1 }
        }
        let n = max(1, d.tasks.count)
        if goal * 2 >= n && goal >= separate + generic { return .goalItems }
        if inline * 2 >= n { return .inlineResponsibility }
        if generic > separate { return .numberedItems }
        return .outline
    }

    static func fileStem(_ path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        return name
    }
}

/// 附件 lists: a heading ending in 成员名单 / 成员单位名单 and the unit list under it.
enum Appendix {
    static func attachMembers(_ lines: [SourceLine], after: Int, book: inout UnitBook) {
        var i = 0
        while i < lines.count {
            let l = lines[i]
            guard l.number > after, !l.isBlank else { i += 1; continue }
            var f = l.folded
            if let m = Headings.marker(f) { f = f[m.titleStart...] }
            let s = String(f).trimmed(extra: [":", "。"])
            guard s.hasSuffix("名单"), s.includes("成员") || s.includes("组成") else { i += 1; continue }
            // The members: the next non-blank lines that are unit lists.
            var members: [String] = []
            var j = i + 1
            while j < lines.count {
                let m = lines[j]
                if m.isBlank { j += 1; continue }
                if Headings.marker(m.folded) != nil || PageChrome.isChrome(m) { break }
                let (written, _) = UnitNames.parseList(m.foldedString)
                guard written.count >= 2 || UnitNames.looksLikeUnitList(m.foldedString) else { break }
                members += written.map { book.resolve($0) }
                j += 1
            }
            if !members.isEmpty {
                let base = String(s.dropLast(2))   // without 名单
                var candidates = [base]
                for suffix in ["成员单位", "成员", "组成人员", "组成单位"] where base.hasSuffix(suffix) {
                    candidates.append(String(base.dropLast(suffix.count)))
                }
                if let idx = candidates.compactMap({ name in book.unitIndex(named: name) }).first {
                    book.setMembers(members, ofUnitAt: idx)
                } else if let name = candidates.last {
                    _ = book.addGroup(name, members: members)
                }
            }
            i = max(i + 1, j)
        }
    }
}
