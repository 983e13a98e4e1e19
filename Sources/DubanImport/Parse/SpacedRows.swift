/// A table with one row a line and its fields separated by single spaces, the header
/// glued onto the end of the notice's last paragraph (Changshu 2018):
///
///     …请认真组织实施. 附件:… 序号 名称 工作任务 牵头责任单位
///     一、经济社会发展主要预期目标分解(11项)
///     7 全社会固定资产投资额550亿元,其中:工业技改投资增长10%. 发改委、经信委、科技局
///
/// A row is a task number and a space, the task text, and the units after the last space
/// when they read as a unit list. The rows need not fill every column (名称 is often empty):
/// the fields are read by their form, and the units go to the header's unit column.
enum SpacedRows {
    /// The column names at the end of a line, at least three and a valid header.
    static func gluedHeader(_ l: SourceLine) -> [TableParser.Column]? {
        let f = l.folded
        guard f.count >= 8, f.hasSuffix(P.单位) || f.hasSuffix(P.部门) || f.hasSuffix(P.领导) else { return nil }
        // The words after the last non-name word, read from the end.
        var cols: [TableParser.Column] = []
        for word in f.split(whereSeparator: { $0 == " " }).reversed() {
            guard word.count <= 8, let c = TableParser.column(folded: word) else { break }
            cols.insert(c, at: 0)
        }
        guard cols.count >= 3, cols.first == .number, cols.contains(.text),
              cols.contains(where: { $0.isUnits }) else { return nil }
        return cols
    }

    static func parse(_ lines: [SourceLine]) -> TableParser.Result? {
        guard let h = lines.firstIndex(where: { gluedHeader($0) != nil }), let cols = gluedHeader(lines[h]) else {
            // A whole table on one line (a crawl): cut into rows, then read as here.
            guard let (split, warning) = GluedRows.unglue(lines), var r = parse(split) else { return nil }
            r.drafts.warnings.insert(warning, at: 0)
            return r
        }
        let unitKind: FieldKind
        switch cols.first(where: { $0.isUnits }) {
        case .lead: unitKind = .leadUnits
        case .co: unitKind = .coUnits
        default: unitKind = .units
        }
        var d = Drafts()
        d.firstLine = lines[h].number
        var last = 0
        var chapter: Int?
        // The table ends at the signature (the issuing body, its date on the next line).
        var body = lines[(h + 1)...]
        if let sig = TableParser.signature(body) { body = body[..<sig] }
        for l in body where !l.isBlank && !PageChrome.isChrome(l) {
            if let m = Headings.marker(l.folded), m.kind <= .cn {
                let title = String(l.text[min(m.titleStart, l.text.count)...]).trimmed()
                d.chapters.append(DraftChapter(label: m.label, title: title, parent: nil, line: l.number))
                chapter = d.chapters.count - 1
                d.lastLine = l.number
                continue
            }
            guard let (n, rest) = numbered(l.text), n > last, n <= last + 30 else {
                d.warnings.append(ImportWarning(line: l.number, column: l.column, .iwTextNotAttached, .text(String(l.text.prefix(30)))))
                continue
            }
            last = n
            var t = DraftTask(number: String(n), chapter: chapter, text: String(l.text[rest...]).trimmed(),
                              line: l.number, column: l.column)
            // The units: the words after the last space, when they read as a unit list.
            let body = l.text[rest...]
            if let sp = body.lastIndex(where: { $0 == " " }) {
                let tail = body[(sp + 1)...]
                let foldedTail = tail.folded
                if !tail.isEmpty, UnitNames.looksLikeUnitList(foldedTail) {
                    t.text = String(body[..<sp]).trimmed()
                    t.fields.append(Field(kind: unitKind, value: String(foldedTail), line: l.number, column: l.column + rest + sp + 1))
                }
            }
            d.tasks.append(t)
            d.lastLine = l.number
        }
        guard !d.tasks.isEmpty else { return nil }
        // No separator between a row's cells: where the text ends and the units begin is inferred.
        d.warnings.append(ImportWarning(line: lines[h].number, column: lines[h].column, .iwRowCellsBySentence, guess: true))
        return TableParser.Result(drafts: d, header: TableParser.Header(columns: cols, bodyStart: h + 1, line: lines[h].number, oneRowPerLine: true, reader: .rowPerLine))
    }

    /// `12 text`: the number and where the text starts.
    private static func numbered(_ t: Printed) -> (Int, Int)? {
        var i = 0
        while i < t.count, i < 4, t[i].isASCIIDigit { i += 1 }
        guard i > 0, i < t.count, t[i] == " ", let n = Int(String(t[..<i])) else { return nil }
        return (n, i + 1)
    }

    /// The words, each made once (an enum of statics: a tuple of `Folded` is copied through
    /// the runtime's generic tuple witness at every use, 6% of a 2 MB import).
    private enum P {
        static let 单位: Folded = "单位"
        static let 部门: Folded = "部门"
        static let 领导: Folded = "领导"
    }
}
