// Issue 11, item 6 (review): a notice, the plan it gives, and the corrections made to it.
import DubanCore
import Foundation

/// A notice opened for review: its lines, what each became, the plan, and the
/// corrections made so far. The review screen shows it; `duban import -o PLAN` builds one
/// with the corrections PLAN keeps, so a re-import gives the corrected plan.
public struct NoticeReview: Sendable {
    public let source: String
    /// The notice's lines (a web page: its text), 1-based through `trace`.
    public private(set) var lines: [String]
    public let options: ImportOptions
    private let bytes: [UInt8]
    /// The import before any correction (for the year in effect).
    public private(set) var base: ImportResult
    public private(set) var corrections: [KeptCorrection] = []
    /// The plan after the corrections (without the `importCorrections` key; see `savedPlan`).
    public private(set) var plan: Plan
    public private(set) var trace: ImportTrace
    /// What each line became before any correction.
    private var baseTrace: ImportTrace
    private let isPage: Bool
    /// Whether the lines' roles are the importer's own trace (else derived from its plan).
    public private(set) var traceFromImporter = false
    private var textLines: [String] = []
    /// Kept corrections that no longer apply (the notice changed): told, not applied.
    public private(set) var problems: [CorrectionProblem] = []

    /// Imports the notice and applies `corrections` in order. The importer's own errors
    /// (no tasks, not text, ...) are thrown as they are.
    public init(bytes: [UInt8], source: String, options: ImportOptions = .init(),
                corrections: [KeptCorrection] = []) throws(ImportError) {
        var o = options
        o.strict = false
        if let y = Self.year(in: corrections) { o.year = y }
        self.source = source
        self.options = options
        self.bytes = bytes
        let result = try NoticeImporter(options: o).importNotice(bytes: bytes, source: source)
        if options.strict && !result.warnings.isEmpty { throw .strict(file: source, warnings: result.warnings) }
        base = result
        let (text, isPage) = Self.text(of: bytes)
        lines = Self.lines(of: text)
        self.isPage = isPage
        plan = result.plan
        baseTrace = ImportTrace(lines: [])
        trace = baseTrace
        takeTrace(of: result)
        replay(corrections)
    }

    /// The plan year the corrections set last, if any.
    static func year(in cs: [KeptCorrection]) -> Int? {
        cs.reversed().lazy.compactMap { if case .year(let y) = $0.correction { return y } else { return nil } }.first
    }

    /// What each line became: the importer's trace, else derived from its plan.
    private mutating func takeTrace(of result: ImportResult) {
        if textLines.isEmpty { textLines = lines }
        if let (t, ls) = ImportTrace.fromImporter(result.trace, lines: textLines, isPage: isPage) {
            baseTrace = t; lines = ls; traceFromImporter = true
        } else {
            traceFromImporter = false
            lines = textLines
            baseTrace = ImportTrace.derive(lines: lines, plan: result.plan)
        }
    }

    /// The notice's text (a web page's text for a web page) and whether it is a web page.
    static func text(of bytes: [UInt8]) -> (String, Bool) {
        guard let text = try? TextDecoding.decode(bytes).text else { return ("", false) }
        if HTMLText.looksLikeHTML(text) { return (HTMLText.text(of: text), true) }
        return (text, false)
    }

    /// The notice's lines as the importer numbers them (LF, CR, CRLF, VT, FF, U+2028/9 end a line).
    static func lines(of bytes: [UInt8]) -> [String] { lines(of: text(of: bytes).0) }

    static func lines(of text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var lastWasCR = false
        for u in text.unicodeScalars {
            switch u {
            case "\n":
                if lastWasCR { lastWasCR = false; continue }
                out.append(current); current = ""
            case "\r":
                out.append(current); current = ""; lastWasCR = true; continue
            case "\u{0B}", "\u{0C}", "\u{2028}", "\u{2029}":
                out.append(current); current = ""
            default:
                current.unicodeScalars.append(u)
            }
            lastWasCR = false
        }
        // A last line end ends the last line: no empty line after it.
        if !current.isEmpty || out.isEmpty { out.append(current) }
        if out.first?.hasPrefix("\u{FEFF}") == true { out[0].removeFirst() }
        return out
    }

    /// Applies the corrections from the importer's plan on, in order: the screen and a
    /// re-import take the same steps, so they give the same plan.
    private mutating func replay(_ cs: [KeptCorrection]) {
        var applier = CorrectionApplier(plan: base.plan, trace: baseTrace)
        corrections = []
        problems = []
        for c in cs {
            if case .year = c.correction { corrections.append(c); continue }
            if let p = applier.apply(c) { problems.append(p) } else { corrections.append(c) }
        }
        (plan, trace) = applier.finish()
    }

    /// Applies one more correction; its problem when it changes nothing (then it is not kept).
    @discardableResult
    public mutating func apply(_ c: ImportCorrection) -> CorrectionProblem? {
        let kept = KeptCorrection(c, lineText: c.line.flatMap { trace.line($0) }.map { KeptCorrection.excerpt($0.text) })
        if case .year(let y) = c {
            var o = options
            o.strict = false
            o.year = y
            guard let r = try? NoticeImporter(options: o).importNotice(bytes: bytes, source: source) else { return nil }
            base = r
            takeTrace(of: r)
            replay(corrections + [kept])
            return nil
        }
        var applier = CorrectionApplier(plan: base.plan, trace: baseTrace)
        for k in corrections { _ = applier.apply(k) }
        if let p = applier.apply(kept) { return p }
        (plan, trace) = applier.finish()
        corrections.append(kept)
        return nil
    }

    /// Takes back the last correction; false when there is none.
    @discardableResult
    public mutating func undo() -> Bool {
        guard !corrections.isEmpty else { return false }
        var cs = corrections
        let last = cs.removeLast()
        if case .year = last.correction {
            var o = options
            o.strict = false
            o.year = Self.year(in: cs) ?? options.year
            if let r = try? NoticeImporter(options: o).importNotice(bytes: bytes, source: source) {
                base = r
                takeTrace(of: r)
            }
        }
        replay(cs)
        return true
    }

    /// The importer's warnings about lines no correction has touched (nor the unit lines of
    /// a task whose units were swapped), then one for each
    /// kept correction that no longer applies.
    public func warnings(_ S: Strings) -> [ImportWarning] {
        var corrected = Set(corrections.compactMap(\.correction.line))
        // A swap settles which units lead: the warnings on that task's unit lines too.
        for c in corrections {
            if case .swapUnits(let l) = c.correction, let t = trace.owner(at: l) {
                for x in trace.lines where x.task == t && x.role == .units { corrected.insert(x.number) }
            }
        }
        return base.warnings.filter { $0.file != nil || !corrected.contains($0.line) } + problems.map { p in
            var line = 0
            switch p {
            case .noSuchLine(let l, _), .lineChanged(let l, _, _), .noTaskAbove(let l), .nothingToSwap(let l): line = l
            }
            return ImportWarning(line: line, column: 1, message: p.message(S))
        }
    }

    /// The plan to write: the corrected plan with its corrections in `importCorrections`.
    public var savedPlan: Plan { ImportCorrections.store(corrections, in: plan) }
}
