import DubanCore

/// Saying what is missing: a notice whose tasks carry no units (or no deadlines, or no
/// leaders) because the notice names them in an attachment (`附件:…责任清单.xls`) that is
/// not in the text. The plan is kept, with a warning naming the attachment and its line,
/// so `--strict` refuses it and the inspector knows where the rest is.
enum Attachments {
    private static let fileEndings = [".xls", ".xlsx", ".et", ".doc", ".docx", ".wps", ".pdf", ".csv"]

    /// The attachment lines that name a file (or, failing that, any `附件:` line with a title).
    static func named(_ lines: [SourceLine]) -> [SourceLine] {
        var files: [SourceLine] = [], titled: [SourceLine] = []
        for l in lines where l.folded.count > 3 && l.folded.hasPrefix(P.附件) {
            let s = l.foldedString.lowercased()
            if fileEndings.contains(where: { s.contains($0) }) { files.append(l) }
            else if l.folded.count > 4 { titled.append(l) }
        }
        return files.isEmpty ? titled : files
    }

    static func warnings(_ lines: [SourceLine], tasks: [PlanTask], deadlinesWritten: Bool) -> [ImportWarning] {
        guard !tasks.isEmpty, let a = named(lines).first else { return [] }
        var missing: [Strings.Key] = []
        if tasks.allSatisfy({ $0.leadUnits.isEmpty && $0.coUnits.isEmpty }) { missing.append(.iwWhatUnits) }
        if !deadlinesWritten { missing.append(.iwWhatDeadlines) }
        if tasks.allSatisfy({ $0.leaders.isEmpty }) && !missing.isEmpty { missing.append(.iwWhatLeaders) }
        guard missing.contains(.iwWhatUnits) else { return [] }
        var name = String(a.text.dropFirst(2)).trimmed()
        if name.hasPrefix(":") || name.hasPrefix("：") { name = String(name.dropFirst()).trimmed() }
        if let cut = name.firstIndex(of: "【") { name = String(name[..<cut]).trimmed() }
        return [ImportWarning(line: a.number, column: a.column, .iwAttachment, .text(name), .words(missing), .text(String(tasks.count)))]
    }

    /// The words, each made once (an enum of statics: a tuple of `Folded` is copied through
    /// the runtime's generic tuple witness at every use, 6% of a 2 MB import).
    private enum P {
        static let 附件: Folded = "附件"
    }
}
