/// A colour as a theme names it: the terminal's default, or a palette index with
/// the one to use on an 8-colour terminal.
public enum ThemeColor: Equatable {
    case terminalDefault
    case indexed(eight: Int, full: Int)

    /// The palette index for a terminal with this many colours (-1: the default).
    public func index(colors: Int) -> Int {
        switch self {
        case .terminalDefault: return -1
        case .indexed(let eight, let full): return colors >= 256 ? full : (eight >= 0 ? eight : -1)
        }
    }
}

public struct TextAttributes: OptionSet, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let dim = TextAttributes(rawValue: 2)
    public static let underline = TextAttributes(rawValue: 4)
    public static let reverse = TextAttributes(rawValue: 8)
    public static let italic = TextAttributes(rawValue: 16)
    public static let standout = TextAttributes(rawValue: 32)

    public static let names: [(String, TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("underline", .underline), ("reverse", .reverse),
        ("italic", .italic), ("standout", .standout),
    ]
}

public struct Style: Equatable {
    public var fg: ThemeColor
    public var bg: ThemeColor
    public var attrs: TextAttributes
    public init(fg: ThemeColor = .terminalDefault, bg: ThemeColor = .terminalDefault, attrs: TextAttributes = []) {
        self.fg = fg; self.bg = bg; self.attrs = attrs
    }
}

/// Colours and attributes for every role, plus the attributes used when there is no
/// colour (NO_COLOR, a monochrome terminal, or `--theme mono`).
public struct Theme: Equatable {
    public var name: String
    public var styles: [Role: Style]
    /// Force monochrome even on a colour terminal.
    public var monochrome: Bool

    public init(name: String, styles: [Role: Style], monochrome: Bool = false) {
        self.name = name; self.styles = styles; self.monochrome = monochrome
    }

    public func style(_ role: Role) -> Style { styles[role] ?? Style() }

    /// What each role looks like without colour: the same distinctions through bold,
    /// underline, reverse and dim (light markers `!` `~` `+` are drawn in any case).
    public static func monoAttributes(_ role: Role) -> TextAttributes {
        switch role {
        case .normal, .border, .paneTitle, .hint, .green, .statusNotStarted, .statusInProgress, .popup, .barEmpty:
            return []
        case .borderFocused, .paneTitleFocused, .hintKey, .label, .message, .popupBorder, .tooSmall, .barDone:
            return .bold
        case .header, .yellow, .editor, .selectionInactive, .placeholder:
            return .underline
        case .titleBar, .selection, .popupSelection:
            return .reverse
        case .titleBarAlert, .error:
            return [.reverse, .bold]
        case .red, .statusLagging:
            return .bold
        case .statusDone, .dim:
            return .dim
        case .match:
            return [.bold, .underline]
        }
    }
}
