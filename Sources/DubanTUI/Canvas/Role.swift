/// What a cell is, not how it looks: the theme maps each role to colours and
/// attributes, so snapshots and widgets never mention a colour.
public enum Role: String, CaseIterable, Hashable {
    case normal
    case border, borderFocused
    case paneTitle, paneTitleFocused
    case header
    case titleBar, titleBarAlert
    case hint, hintKey
    case selection, selectionInactive
    case red, yellow, green
    case statusNotStarted, statusInProgress, statusDone, statusLagging
    case match
    case dim
    case placeholder
    case label
    case barDone, barEmpty
    case message, error
    case popup, popupBorder, popupSelection
    case editor
    case tooSmall

    /// What each role is for, for docs/themes.md.
    public var purpose: String {
        switch self {
        case .normal: return "ordinary text"
        case .border: return "pane borders"
        case .borderFocused: return "the focused pane's border"
        case .paneTitle: return "pane titles"
        case .paneTitleFocused: return "the focused pane's title"
        case .header: return "column headers"
        case .titleBar: return "the title line"
        case .titleBarAlert: return "overdue count, unsaved and read-only marks in the title line"
        case .hint: return "key-hint line text"
        case .hintKey: return "keys in the hint line and the help screen"
        case .selection: return "the selected row of the focused pane"
        case .selectionInactive: return "the selected row of other panes"
        case .red: return "red light: overdue or lagging"
        case .yellow: return "yellow light: due soon or behind schedule"
        case .green: return "green light: on track or done"
        case .statusNotStarted: return "status 未启动"
        case .statusInProgress: return "status 推进中"
        case .statusDone: return "status 已完成"
        case .statusLagging: return "status 滞后"
        case .match: return "search matches"
        case .dim: return "secondary text (counts, dates in history)"
        case .placeholder: return "placeholders for control characters in data"
        case .label: return "field labels in the detail pane"
        case .barDone: return "filled part of a progress bar"
        case .barEmpty: return "empty part of a progress bar"
        case .message: return "messages in the bottom line"
        case .error: return "errors in the bottom line"
        case .popup: return "menus, prompts and the help screen"
        case .popupBorder: return "their borders"
        case .popupSelection: return "the selected menu item"
        case .editor: return "the one-line editor"
        case .tooSmall: return "the terminal-too-small screen"
        }
    }
}
