import DubanCore

/// The `?` screen: every binding, grouped by where it works, from the same table
/// that dispatches keys.
enum HelpScreen {
    static func draw(_ c: inout Canvas, _ s: DashboardState, offset: Int) {
        let area = s.layout.body
        c.fill(area, role: .popup)
        c.box(area, role: .popupBorder, title: s.strings[.tuiHelpTitle], titleRole: .popupBorder)
        let inner = area.inner
        let lines = s.helpLines()
        for row in 0..<inner.height {
            let k = offset + row
            guard k < lines.count else { break }
            let y = inner.y + row
            let (keys, text, isHeading) = lines[k]
            if isHeading {
                c.text(text, x: inner.x + 1, y: y, width: inner.width - 1, role: .header, clip: inner)
            } else {
                let kw = min(20, inner.width / 3)
                c.text(keys, x: inner.x + 3, y: y, width: kw, role: .hintKey, clip: inner)
                c.text(text, x: inner.x + 4 + kw, y: y, width: inner.width - kw - 4, role: .popup, clip: inner)
            }
        }
    }
}

extension DashboardState {
    /// The help screen's lines: (keys, text, is heading), one group per context.
    public func helpLines() -> [(String, String, Bool)] {
        // What the markers mean, before the keys: the same words as the hint line's.
        var out: [(String, String, Bool)] = [("", strings[.uiLegendTitle], true)]
        for light in [Light.red, .yellow, .green] {
            let text: UIKey = light == .red ? .uiLegendRed : (light == .yellow ? .uiLegendYellow : .uiLegendGreen)
            out.append((Look.marker(light), strings[text], false))
        }
        out.append(("!N ~N", strings[.uiLegendCounts], false))
        let can = availability
        for ctx in Context.allCases {
            let bs = keymap.bindings.filter { $0.context == ctx && !$0.keys.isEmpty }
            guard !bs.isEmpty else { continue }
            out.append(("", "", true))
            out.append(("", strings[text: ctx.titleKey], true))
            for b in bs {
                var text = strings[text: b.help]
                if let why = can.disabledReason(b) { text += " " + why.note(strings) }
                out.append((b.keys.map(\.name).joined(separator: " "), text, false))
            }
        }
        return out
    }
}

extension Context {
    var titleKey: UIText {
        switch self {
        case .global: return .ui(.ctxGlobal)
        case .list: return .ui(.ctxList)
        case .chapters: return .ui(.ctxChapters)
        case .tasks: return .ui(.ctxTasks)
        case .detail: return .ui(.ctxDetail)
        case .workload: return .ui(.ctxWorkload)
        case .taskEdit: return .ui(.ctxTaskEdit)
        case .editor: return .ui(.ctxEditor)
        case .menu: return .ui(.ctxMenu)
        case .picker: return .ui(.ctxPicker)
        case .confirm: return .ui(.ctxConfirm)
        case .help: return .ui(.ctxHelp)
        case .dialog: return .ui(.ctxDialog)
        case .recover: return .ui(.ctxRecover)
        case .changed: return .ui(.ctxChanged)
        case .reload: return .ui(.ctxReload)
        case .command: return .ui(.ctxCommand)
        case .conflicts: return .ui(.ctxConflicts)
        }
    }
}

