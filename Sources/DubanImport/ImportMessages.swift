import DubanCore

/// The importer's errors in the interface language (words in the strings table).
extension ImportError: LocalizedMessage {
    public func message(_ S: Strings) -> String {
        switch self {
        case .unreadable(let f, let r): return S.format(.errImportUnreadable, f, r)
        case .empty(let f): return S.format(.errImportEmpty, f)
        case .notText(let f, let r): return S.format(.errImportNotText, f, r)
        case .noTasks(let f): return S.format(.errImportNoTasks, f)
        case .needsConversion(let f, let format): return S.format(.errImportConvert, f, format.kind(S), format.converter(for: f))
        case .word(let e): return e.message(S)
        case .converter(let e): return e.message(S)
        case .strict(let f, let ws):
            return S.format(.errImportStrict, f, ws.count) + "\n"
                + ws.map { "\($0.file ?? f):\($0.line):\($0.column): \($0.message(S))" }.joined(separator: "\n")
        }
    }
}
