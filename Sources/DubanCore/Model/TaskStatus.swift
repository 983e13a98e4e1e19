/// The four statuses inspectors use. The raw value is the code written in the file.
public enum TaskStatus: String, CaseIterable, Sendable, Hashable {
    case notStarted, inProgress, done, lagging

    /// The Chinese label, as inspectors write it: 未启动 / 推进中 / 已完成 / 滞后.
    public var chineseLabel: String {
        switch self {
        case .notStarted: return "未启动"
        case .inProgress: return "推进中"
        case .done: return "已完成"
        case .lagging: return "滞后"
        }
    }

    public var englishLabel: String {
        switch self {
        case .notStarted: return "not started"
        case .inProgress: return "in progress"
        case .done: return "done"
        case .lagging: return "lagging"
        }
    }

    /// Accepts the code (`inProgress`), the Chinese label (推进中) or the English label.
    public init?(parsing text: String) {
        let t = text.trimmingSpaces
        if let s = TaskStatus(rawValue: t) { self = s; return }
        for s in TaskStatus.allCases where s.chineseLabel == t || s.englishLabel == t.lowercased() {
            self = s; return
        }
        return nil
    }

    /// The status after this one when cycling (`s` in the dashboard).
    public var next: TaskStatus {
        switch self {
        case .notStarted: return .inProgress
        case .inProgress: return .done
        case .done: return .lagging
        case .lagging: return .notStarted
        }
    }

    /// Position used when sorting by status: the ones needing attention first.
    public var sortRank: Int {
        switch self {
        case .lagging: return 0
        case .notStarted: return 1
        case .inProgress: return 2
        case .done: return 3
        }
    }
}

extension String {
    /// The string without leading and trailing ASCII and ideographic spaces, tabs and newlines.
    public var trimmingSpaces: String {
        let scalars = unicodeScalars
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{3000}" || s == "\u{A0}" || s == "\u{FEFF}"
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) }) ?? first
        return String(scalars[first...last])
    }
}
