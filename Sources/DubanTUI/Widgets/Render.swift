import DubanCore

/// Draws the whole screen from the state: pure, the same state gives the same cells.
public enum Renderer {
    public static func render(_ s: DashboardState) -> Canvas {
        let l = s.layout
        var c = Canvas(width: l.titleBar.width, height: l.hintBar.maxY)
        if l.mode == .tooSmall {
            drawTooSmall(&c, s)
            return c
        }
        TitleBar.draw(&c, s)
        for (pane, rect) in l.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let focused = pane == s.focus
            switch pane {
            case .chapters: ChaptersPane.draw(&c, s, rect, focused: focused)
            case .tasks: TasksPane.draw(&c, s, rect, focused: focused)
            case .detail: DetailPane.draw(&c, s, rect, focused: focused)
            case .workload: WorkloadPane.draw(&c, s, rect, focused: focused)
            }
        }
        BottomLine.draw(&c, s)
        switch s.modal {
        case .filterMenu(let ls): Popups.filterMenu(&c, s, ls)
        case .picker(let ps): Popups.picker(&c, s, ps)
        case .confirmQuit: Popups.confirmQuit(&c, s)
        case .help(let off): HelpScreen.draw(&c, s, offset: off)
        case .dialog(let d): Popups.dialog(&c, s, d)
        case .conflicts(let st): ConflictPane.draw(&c, s, st)
        case .none, .editor: break
        }
        return c
    }

    static func drawTooSmall(_ c: inout Canvas, _ s: DashboardState) {
        c.fill(c.bounds, role: .normal)
        let msg = s.strings.format(.tuiTooSmall, Layout.onePaneMinimum.width, Layout.onePaneMinimum.height, c.width, c.height)
        let lines = Display.wrap(msg, width: max(c.width, 1))
        let top = max(0, (c.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < c.height {
            let w = line.reduce(0) { $0 + $1.width }
            c.put(line, x: max(0, (c.width - w) / 2), y: top + i, role: .tooSmall)
        }
    }

    /// A framed pane with its title; returns the inside.
    static func frame(_ c: inout Canvas, _ r: Rect, title: String, focused: Bool) -> Rect {
        c.fill(r, role: .normal)
        c.box(r, role: focused ? .borderFocused : .border, title: title, titleRole: focused ? .paneTitleFocused : .paneTitle)
        return r.inner
    }
}

enum TitleBar {
    static func draw(_ c: inout Canvas, _ s: DashboardState) {
        let r = s.layout.titleBar
        c.fill(r, role: .titleBar)
        let t = s.store.totals
        let S = s.strings
        var segs: [(String, Role, Int)] = []  // text, role, drop priority (higher drops first)
        let summary = s.filterSummary
        if !summary.isEmpty { segs.append((S.format(.tuiTitleFilter, summary), .titleBar, 4)) }
        segs.append((S.format(.tuiTitleAsOf, s.store.rules.asOf.iso), .titleBar, 3))
        segs.append((S.format(.tuiTitleTasks, t.led), .titleBar, 2))
        segs.append((S.format(.tuiTitleDone, t.done), .titleBar, 2))
        segs.append((S.format(.tuiTitleOverdue, t.overdue), t.overdue > 0 ? .titleBarAlert : .titleBar, 0))
        // The chapter pane's `!N` counts red tasks (overdue or lagging): the title says the same count.
        segs.append((S.format(.uiTitleRed, t.red), t.red > 0 ? .titleBarAlert : .titleBar, 1))
        if s.hasUnsavedChanges { segs.append((S.format(.tuiTitleUnsaved, s.unsavedCount), .titleBarAlert, 1)) }
        // The read-only banner says why, and is the last thing a narrow title drops.
        if let why = s.readOnlyReason { segs.append((why.banner(S), .titleBarAlert, why == .requested ? 1 : 0)) }
        var name = " " + S[.tuiAppName] + " │ " + s.store.plan.title
        // issue 15, pgtui: a shared plan: its name and address, the login's access, the
        // server gone, the edits kept here.
        if let sh = s.shared {
            name = " " + S[.tuiAppName] + " │ " + sh.planName + " │ " + sh.address
            if sh.access != .leader { segs.insert((sh.access.title(S), .titleBar, 2), at: 0) }
            if sh.unsent > 0 { segs.append((S.format(.pgTitleUnsent, sh.unsent), .titleBarAlert, 1)) }
            if sh.offline { segs.append((S[.pgTitleOffline], .titleBarAlert, 0)) }
            // issue 15, pgloop: a call on its way for more than a second.
            else if sh.waiting { segs.append((S[.plTitleWaiting], .titleBarAlert, 0)) }
        }
        func width(_ xs: [(String, Role, Int)]) -> Int { xs.reduce(0) { $0 + CellWidth.of($1.0) + 1 } + 1 }
        // Drop the least important segments until the title keeps a little room.
        var shown = segs
        // A shared plan's name stays in sight (its address is cut first).
        let keep = s.shared.map { max(12, CellWidth.of(" " + S[.tuiAppName] + " │ " + $0.planName) + 2) } ?? 12
        for p in [4, 3, 2, 1] where width(shown) > r.width - keep {
            if p == 4, let i = shown.firstIndex(where: { $0.2 == 4 }) {
                shown[i].0 = S.format(.tuiTitleFilterCount, s.activeFilterCount + (s.searchText.isEmpty ? 0 : 1))
                if width(shown) <= r.width - keep { break }
            }
            shown.removeAll { $0.2 == p }
        }
        let rightW = min(width(shown), r.width)
        var x = r.maxX - rightW + 1
        for seg in shown {
            x = c.text(seg.0, x: x, y: r.y, width: r.maxX - x, role: seg.1) + 1
        }
        c.text(name, x: r.x, y: r.y, width: max(0, r.width - rightW - 1), role: .titleBar)
    }
}

enum BottomLine {
    static func draw(_ c: inout Canvas, _ s: DashboardState) {
        let r = s.layout.hintBar
        c.fill(r, role: .hint)
        if case .editor(_, let ed) = s.modal {
            c.text(s.editorPrompt, x: r.x, y: r.y, width: r.width / 2, role: .hintKey)
            // The field and its width are the state's (room kept for an error message).
            let (x, fieldW) = s.editorField
            let view = ed.view(width: fieldW)
            c.fill(Rect(x: x, y: r.y, width: fieldW, height: 1), role: .editor)
            // A value editor opens with the old value selected: typing replaces it.
            c.put(view.units, x: x, y: r.y, role: ed.isSelected ? .selection : .editor, clip: Rect(x: x, y: r.y, width: fieldW, height: 1))
            c.cursor = (x + view.cursorX, r.y)
            if let m = s.message, m.isError, x + fieldW + 1 < r.maxX {
                c.text(m.text, x: x + fieldW + 1, y: r.y, width: r.maxX - x - fieldW - 1, role: .error)
            }
            return
        }
        if let m = s.message {
            c.text(" " + m.text, x: r.x, y: r.y, width: r.width, role: m.isError ? .error : .message)
            return
        }
        var x = r.x + 1
        var hints = s.hintBindings()
        // Spare hints (`d`, `:`) go first when the line, with its `!` legend, is too full.
        let legendWidth = s.modal == .none ? 2 + CellWidth.of(s.strings[.uiHintRedMarker]) : 0
        func hintsWidth(_ bs: [Binding]) -> Int {
            bs.reduce(0) { $0 + CellWidth.of(s.keyLabel($1)) + 1 + CellWidth.of(s.strings[text: $1.hint ?? $1.help]) + 2 }
        }
        while hintsWidth(hints) + legendWidth > r.width - 1, let i = hints.lastIndex(where: { Bindings.spareHints.contains($0.action) }) {
            hints.remove(at: i)
        }
        var parts: [(String, String)] = hints.map { (s.keyLabel($0), s.strings[text: $0.hint ?? $0.help]) }
        func total(_ ps: [(String, String)]) -> Int { ps.reduce(0) { $0 + CellWidth.of($1.0) + 1 + CellWidth.of($1.1) + 2 } }
        while parts.count > 1 && total(parts) > r.width - 1 { parts.remove(at: parts.count - 2) }
        for (k, label) in parts {
            x = c.text(k, x: x, y: r.y, width: r.maxX - x, role: .hintKey) + 1
            x = c.text(label, x: x, y: r.y, width: r.maxX - x, role: .hint) + 2
            if x >= r.maxX { break }
        }
        // What `!` means (red: overdue or lagging), when the line has room for it.
        if s.modal == .none {
            let legend = s.strings[.uiHintRedMarker]
            if x + 2 + CellWidth.of(legend) <= r.maxX {
                x = c.text("!", x: x, y: r.y, width: 1, role: .red) + 1
                c.text(legend, x: x, y: r.y, width: r.maxX - x, role: .hint)
            }
        }
    }
}
