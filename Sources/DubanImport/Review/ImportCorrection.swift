// Issue 11, item 6 (review): the corrections a user makes on the review screen, as data.
import DubanCore

/// One correction of an import, made on the review screen and kept with the plan (its
/// `importCorrections` key), so that importing the same notice again gives the corrected
/// plan. Corrections are applied in order, after the importer has read the notice.
public enum ImportCorrection: Sendable, Hashable {
    /// Line N is this (a chapter, a task, a continuation, units, a deadline, a detail, ignored).
    case mark(line: Int, as: LineRole)
    /// A new task starts at line N (the rest of the task above moves with it).
    case split(line: Int)
    /// The task holding line N joins the task before it.
    case join(line: Int)
    /// The task holding line N: its lead units become its co-units and the other way round.
    case swapUnits(line: Int)
    /// The plan year, when the notice does not say it or says it wrong: deadlines follow.
    case year(Int)

    /// The line the correction is about (nil for the year).
    public var line: Int? {
        switch self {
        case .mark(let l, _), .split(let l), .join(let l), .swapUnits(let l): return l
        case .year: return nil
        }
    }
}

/// A correction with the start of the line's text as it read when the correction was made:
/// a notice that changed since is told, not silently corrected in the wrong place.
public struct KeptCorrection: Sendable, Hashable {
    public var correction: ImportCorrection
    /// The first characters of the line (spaces dropped); nil for the year.
    public var lineText: String?

    public init(_ correction: ImportCorrection, lineText: String? = nil) {
        self.correction = correction; self.lineText = lineText
    }

    static let excerptLength = 24

    static func excerpt(_ text: String) -> String { String(ReviewText.key(text).prefix(excerptLength)) }
}

/// The corrections' place in a plan file: the plan key `importCorrections`, a list of
/// objects `{"op": "mark", "line": 12, "as": "units", "text": "责任单位:市发改委"}`.
/// See docs/plan-format.md.
public enum ImportCorrections {
    public static let planKey = "importCorrections"

    /// The corrections a plan carries; problems (an unknown op, a line that is no number)
    /// are named with their JSON path, and that correction is left out.
    public static func read(from plan: Plan, _ S: Strings = Strings(.en)) -> (corrections: [KeptCorrection], problems: [String]) {
        guard let field = plan.extra.first(where: { $0.key == planKey }) else { return ([], []) }
        return read(field.value, S)
    }

    public static func read(_ value: JSONValue, _ S: Strings = Strings(.en)) -> (corrections: [KeptCorrection], problems: [String]) {
        guard case .array(let items) = value else { return ([], [S.format(.reviewWantList, planKey)]) }
        var out: [KeptCorrection] = []
        var problems: [String] = []
        for (i, item) in items.enumerated() {
            let path = "\(planKey)[\(i)]"
            guard case .object(let fields) = item else { problems.append(S.format(.reviewWantObject, path)); continue }
            func get(_ k: String) -> JSONValue? { fields.first { $0.key == k }?.value }
            guard let op = get("op")?.stringValue else { problems.append(S.format(.reviewWantOp, path + ".op")); continue }
            let text = get("text")?.stringValue
            if op == "year" {
                guard let y = get("year")?.intValue, (1900...2100).contains(y) else { problems.append(S.format(.reviewWantYear, path + ".year")); continue }
                out.append(KeptCorrection(.year(y))); continue
            }
            guard let line = get("line")?.intValue, line >= 1 else { problems.append(S.format(.reviewWantLine, path + ".line")); continue }
            switch op {
            case "mark":
                guard let s = get("as")?.stringValue, let role = LineRole(rawValue: s), LineRole.markable.contains(role) else {
                    problems.append(S.format(.reviewWantRole, path + ".as", LineRole.markable.map(\.rawValue).joined(separator: ", ")))
                    continue
                }
                out.append(KeptCorrection(.mark(line: line, as: role), lineText: text))
            case "split": out.append(KeptCorrection(.split(line: line), lineText: text))
            case "join": out.append(KeptCorrection(.join(line: line), lineText: text))
            case "swap": out.append(KeptCorrection(.swapUnits(line: line), lineText: text))
            default: problems.append(S.format(.reviewUnknownOp, path + ".op", op))
            }
        }
        return (out, problems)
    }

    public static func json(_ corrections: [KeptCorrection]) -> JSONValue {
        .array(corrections.map { k in
            var f: [JSONField] = []
            switch k.correction {
            case .mark(let l, let r): f = [JSONField("op", .string("mark")), JSONField("line", .number(String(l))), JSONField("as", .string(r.rawValue))]
            case .split(let l): f = [JSONField("op", .string("split")), JSONField("line", .number(String(l)))]
            case .join(let l): f = [JSONField("op", .string("join")), JSONField("line", .number(String(l)))]
            case .swapUnits(let l): f = [JSONField("op", .string("swap")), JSONField("line", .number(String(l)))]
            case .year(let y): f = [JSONField("op", .string("year")), JSONField("year", .number(String(y)))]
            }
            if let t = k.lineText { f.append(JSONField("text", .string(t))) }
            return .object(f)
        })
    }

    /// The plan with these corrections in its `importCorrections` key (removed when none).
    public static func store(_ corrections: [KeptCorrection], in plan: Plan) -> Plan {
        var p = plan
        p.extra.removeAll { $0.key == planKey }
        if !corrections.isEmpty { p.extra.append(JSONField(planKey, json(corrections))) }
        return p
    }
}
