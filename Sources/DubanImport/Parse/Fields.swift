/// What a labelled line (or a table column) holds.
enum FieldKind: Sendable, Equatable {
    case leaders        // 牵头负责领导 / 牵头领导 / 责任领导: people
    case leadUnits      // 牵头责任单位 / 牵头单位 / 责任部门
    case coUnits        // 协同责任单位 / 配合单位 / 配合部门
    case units          // 责任单位: co-units when a lead line is given, else lead and co by the list's own marks
    case deadline       // 完成时限
    case goal           // 年度目标
    case mainTasks      // 主要任务
    case completion     // 完成情况 / 进展情况
    case remarks        // 备注

    var isUnits: Bool { self == .leadUnits || self == .coUnits || self == .units }
    var isResponsibility: Bool { isUnits || self == .leaders }
}

/// One labelled value found in the notice.
struct Field: Sendable {
    var kind: FieldKind
    /// Folded text of the value.
    var value: String
    var line: Int
    var column: Int
    /// The value as printed, where the reader has it (deadlines: `deadlineText` keeps the words as written).
    var written: String? = nil
}

enum FieldLabels {
    /// Longest first, so 牵头责任单位 wins over 责任单位.
    static let table: [(String, FieldKind)] = {
        let raw: [(String, FieldKind)] = [
            ("牵头负责领导", .leaders), ("牵头责任领导", .leaders), ("牵头市领导", .leaders), ("牵头区领导", .leaders),
            ("牵头县领导", .leaders), ("分管市领导", .leaders), ("责任市领导", .leaders), ("责任区领导", .leaders),
            ("牵头领导", .leaders), ("责任领导", .leaders), ("分管领导", .leaders), ("联系领导", .leaders),
            ("负责领导", .leaders), ("包保领导", .leaders), ("领导", .leaders),
            ("牵头责任单位", .leadUnits), ("牵头责任部门", .leadUnits), ("主要责任单位", .leadUnits), ("牵头单位", .leadUnits),
            ("牵头部门", .leadUnits), ("主责单位", .leadUnits), ("主责部门", .leadUnits), ("责任部门", .leadUnits),
            ("协同责任单位", .coUnits), ("协同单位", .coUnits), ("配合单位", .coUnits), ("配合部门", .coUnits),
            ("协办单位", .coUnits), ("参与单位", .coUnits), ("协作单位", .coUnits), ("协同部门", .coUnits),
            ("责任单位", .units), ("责任主体", .units), ("承办单位", .units),
            // more.notices2: the labels of other offices (实施 / 落实 / 执行 units are 责任单位; 协助 is co).
            ("实施单位", .units), ("落实单位", .units), ("执行单位", .units), ("实施部门", .units), ("落实部门", .units),
            ("协助单位", .coUnits), ("协助部门", .coUnits), ("配合责任单位", .coUnits), ("协同配合单位", .coUnits),
            ("牵头落实单位", .leadUnits), ("牵头实施单位", .leadUnits),
            ("完成时限", .deadline), ("完成时间", .deadline), ("时间节点", .deadline), ("时限要求", .deadline), ("时限", .deadline),
            ("进度安排", .deadline), ("时间安排", .deadline), ("完成期限", .deadline),
            ("年度目标", .goal), ("工作目标", .goal), ("目标任务", .goal),
            ("主要任务", .mainTasks), ("主要措施", .mainTasks), ("工作措施", .mainTasks),
            ("完成情况", .completion), ("进展情况", .completion), ("推进情况", .completion), ("落实情况", .completion),
            ("备注", .remarks),
        ]
        return raw.sorted { $0.0.count > $1.0.count }
    }()

    static func kind(ofLabel label: String) -> FieldKind? {
        for (l, k) in table where l == label { return k }
        return nil
    }

    /// The labels where they stand in a line, longest first as in `table`.
    static let labels = PhraseTable(table.enumerated().map { ($1.0, $0) })
    /// What a label may start with: its first character, or the bracket of 【牵头单位】.
    static let firstCharacters: CharSet = labels.firstCharacters.union("【[")

    /// A label at `start` of a folded line, followed by optional spaces and a colon (or in
    /// brackets: 【牵头单位】). Returns the kind and the index where the value starts.
    static func label(in f: Folded, at start: Int = 0) -> (FieldKind, Int)? {
        guard start < f.count, firstCharacters.contains(f[start]) else { return nil }
        var s = start
        var close: Folded? = nil
        if f[s] == "【" || f[s] == "[" { close = f[s] == "【" ? "】" : "]"; s += 1 }
        var found: (FieldKind, Int)? = nil
        labels.forEach(at: s, in: f) { word, n in
            var j = s + word.count
            if let b = close {
                guard f.hasPrefix(b, at: j) else { return false }
                j = f.skippingSpaces(from: j + 1)
                if j < f.count, f[j] == ":" { j += 1 }
                found = (table[n].1, j)
                return true
            }
            j = f.skippingSpaces(from: j)
            guard j < f.count, f[j] == ":" else { return false }
            found = (table[n].1, j + 1)
            return true
        }
        return found
    }

    /// All the fields of a line that starts with a label; a line may hold several
    /// (牵头单位:X;责任单位:Y). nil when the line does not start with a label.
    static func fields(of line: SourceLine) -> [Field]? {
        let f = line.folded
        guard let (kind, valueStart) = label(in: f) else { return nil }
        return split(f, firstKind: kind, valueStart: valueStart, line: line.number, baseColumn: line.column, printed: line.text)
    }

    /// `printed`: the line as printed (the same characters as `f`, unfolded), to keep a deadline's words as written.
    static func split(_ f: Folded, firstKind: FieldKind, valueStart: Int, line: Int, baseColumn: Int, printed: Printed? = nil) -> [Field] {
        var out: [Field] = []
        let printed = printed?.count == f.count ? printed : nil
        func field(_ kind: FieldKind, _ a: Int, _ b: Int) -> Field {
            var fd = Field(kind: kind, value: clean(f[a..<b]), line: line, column: baseColumn + a)
            if kind == .deadline, let p = printed {
                var x = a, y = b
                while x < y, f[x] == " " || cleanExtra.contains(f[x]) { x += 1 }
                while y > x, f[y - 1] == " " || cleanExtra.contains(f[y - 1]) { y -= 1 }
                fd.written = p[x..<y].string
            }
            return fd
        }
        var kind = firstKind
        var start = valueStart
        var i = valueStart
        while i < f.count {
            let c = f[i]
            if valueStops.contains(c) {
                let j = f.skippingSpaces(from: i + 1)
                if let (k, vs) = label(in: f, at: j) {
                    out.append(field(kind, start, i))
                    kind = k
                    start = vs
                    i = vs
                    continue
                }
            } else if i > start, FieldLabels.firstCharacters.contains(c), let (k, vs) = label(in: f, at: i), vs - i >= 5 {
                // Labels glued with no separator: 牵头单位:X配合单位:Y完成时限:Z (a label of four
                // characters or more and its colon; shorter words such as 领导: may be text).
                out.append(field(kind, start, i))
                kind = k
                start = vs
                i = vs
                continue
            }
            i += 1
        }
        out.append(field(kind, start, f.count))
        return out
    }

    /// Where one value may end and another label start: 牵头单位:X;责任单位:Y.
    private static let valueStops: CharSet = ";,。 ."

    static func clean(_ s: Folded) -> String {
        s.trimmed(extra: cleanExtra).string
    }
    private static let cleanExtra: CharSet = "。;,."
}

/// Responsibility written inline at the end of an item:
/// （牵头单位：X；责任单位：Y）, (X牵头，Y按职责分工负责), （责任部门：X；配合部门：Y）, （X负责）.
enum InlineResponsibility {
    struct Found {
        /// Index in the folded line where the bracket opens (the text before it is the task text).
        var textEnd: Int
        var fields: [Field]
    }

    /// `alone`: the bracket may be the whole line (textEnd 0), a responsibility line of its own.
    static func find(in f: Folded, line: Int, baseColumn: Int, alone: Bool = false) -> Found? {
        let end = (f.lastIndex { !endStops.contains($0) } ?? -1) + 1
        guard end > 0, closers.contains(f[end - 1]) else { return lastSentence(f, end: end, line: line, baseColumn: baseColumn) }
        guard let o = f.openingBracket(ofCloseAt: end - 1), o > 0 || alone else { return nil }
        let inner = f[(o + 1)..<(end - 1)]
        let col = baseColumn + o + 1
        // Labelled: 牵头单位:X;责任单位:Y
        if let (k, vs) = FieldLabels.label(in: inner), k.isResponsibility || k == .deadline {
            let fields = FieldLabels.split(inner, firstKind: k, valueStart: vs, line: line, baseColumn: col)
            guard fields.contains(where: { $0.kind.isUnits }) else { return nil }
            return Found(textEnd: o, fields: fields)
        }
        if let fields = prose(inner, line: line, column: col) { return Found(textEnd: o, fields: fields) }
        return nil
    }

    /// The item's last sentence, when it is prose responsibility and nothing else:
    /// `…。区经发局牵头,交建局、环土局配合。` / `…。各镇街按职责分工负责。` / `…。市财政局落实。`
    private static let endStops: CharSet = "。.; "
    private static let closers: CharSet = ")】]"

    static func lastSentence(_ f: Folded, end: Int, line: Int, baseColumn: Int) -> Found? {
        guard end >= 4 else { return nil }
        var s = end - 1
        while s > 0, f[s - 1] != "。", f[s - 1] != ";", end - s < 60 { s -= 1 }
        if s > 0, f[s - 1] == "。" || f[s - 1] == ";", let found = proseFrom(s, f, end: end, line: line, baseColumn: baseColumn) {
            return found
        }
        // The last clauses after a comma: `…完成5条道路黑化工程,区交建局负责。` / `…,X牵头,Y配合。`; the
        // widest run of clauses that is only units and those words (never the whole item).
        var commas: [Int] = []
        var k = end - 1
        while k > 0, end - k < 60, f[k - 1] != "。", f[k - 1] != ";" {
            if f[k - 1] == "," { commas.append(k) }
            k -= 1
        }
        for c in commas.reversed() where c > 1 {
            if let found = proseFrom(c, f, end: end, line: line, baseColumn: baseColumn) { return Found(textEnd: c - 1, fields: found.fields) }
        }
        return nil
    }

    private static func proseFrom(_ s: Int, _ f: Folded, end: Int, line: Int, baseColumn: Int) -> Found? {
        let inner = f[s..<end]
        guard inner.includes(P.牵头) || inner.hasSuffix(P.负责) || inner.hasSuffix(P.落实) || inner.hasSuffix(P.配合) else { return nil }
        guard let fields = prose(inner, line: line, column: baseColumn + s) else { return nil }
        return Found(textEnd: s, fields: fields)
    }

    /// The words, each made once (an enum of statics: a tuple of `Folded` is copied through
    /// the runtime's generic tuple witness at every use, 6% of a 2 MB import).
    private enum P {
        static let 牵头: Folded = "牵头"
        static let 负责: Folded = "负责"
        static let 落实: Folded = "落实"
        static let 配合: Folded = "配合"
    }
    private static let coSuffixes = ["按职责分工负责", "按职责分别负责", "按职能分工负责", "按职责负责", "分工负责", "配合落实", "共同负责", "配合", "参与", "协同", "负责"]

    /// `X牵头,Y按职责分工负责` / `X牵头,Y、Z配合` / `X牵头负责` / `X负责` / `Y按职责分工负责` / `Z落实`.
    static func prose(_ inner: Folded, line: Int, column col: Int) -> [Field]? {
        if let p = inner.firstIndex(of: P.牵头) {
            let lead = inner[0..<p].trimmed(extra: ",、").string
            var rest = inner[(p + 2)...]
            if rest.hasPrefix(P.负责) { rest = rest.dropFirst(2) }
            var co = rest.trimmed(extra: ",;、。").string
            for suffix in coSuffixes where co.hasSuffix(suffix) {
                co = String(co.dropLast(suffix.count)).trimmed(extra: [",", "、"])
                break
            }
            guard !lead.isEmpty, UnitNames.looksLikeUnitList(lead) else { return nil }
            var fields = [Field(kind: .leadUnits, value: lead, line: line, column: col)]
            if !co.isEmpty {
                guard UnitNames.looksLikeUnitList(co) else { return nil }
                fields.append(Field(kind: .coUnits, value: co, line: line, column: col + p + 2))
            }
            return fields
        }
        let t = inner.trimmed(extra: ",;。").string
        for suffix in coSuffixes + ["落实"] where t.hasSuffix(suffix) {
            let units = String(t.dropLast(suffix.count)).trimmed(extra: [",", "、"])
            guard !units.isEmpty, UnitNames.looksLikeUnitList(units) else { return nil }
            return [Field(kind: suffix == "负责" || suffix == "落实" ? .leadUnits : .units, value: units, line: line, column: col)]
        }
        return nil
    }
}
