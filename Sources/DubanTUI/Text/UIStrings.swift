import DubanCore

/// The dashboard's own words, in the TUI's own table (issue 12): Chinese and English,
/// looked up through the same `Strings` value as the core's messages. A call site reads
/// `s[.uiSomething]` or `s.format(.uiSomething, x)` whichever table the key lives in.
/// The core keeps its own messages (errors, report columns, history notes) in
/// DubanCore/Text/Strings.swift; everything only the dashboard says belongs here.
public enum UIKey: String, CaseIterable, Sendable {
    // (keys are added in groups, each under a comment naming its issue and files)
    case uiPlaceholderUnused
}

extension UIKey {
    /// (Chinese, English) for every key; the switch makes the compiler check both.
    var texts: (String, String) {
        switch self {
        case .uiPlaceholderUnused: return ("", "")
        }
    }
}

extension Strings {
    public subscript(_ key: UIKey) -> String {
        let (zh, en) = key.texts
        return lang == .zh ? zh : en
    }

    /// The text of a key with `{0}`, `{1}`, ... replaced by the arguments.
    public func format(_ key: UIKey, _ args: CustomStringConvertible...) -> String {
        var s = self[key]
        for (i, a) in args.enumerated() { s = s.replacingAll("{\(i)}", with: a.description) }
        return s
    }
}
