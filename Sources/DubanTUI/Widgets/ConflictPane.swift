import DubanCore

// issue 14, sheetsdash: a merge's conflict drawn side by side over the panes: the task,
// the field and what the export wrote, then one column for the plan and one per sheet
// (value, who, when), the selected sheet highlighted, and what was chosen.
enum ConflictPane {
    static func draw(_ c: inout Canvas, _ s: DashboardState, _ st: ConflictsState) {
        let S = s.strings
        let area = s.layout.body
        let conflict = st.current
        let w = max(min(area.width - 2, 110), 10)
        let h = max(min(area.height, 18), 5)
        let r = Rect.centred(width: w, height: h, in: area)
        c.fill(r, role: .popup)
        c.box(r, role: .popupBorder, title: S.format(.uiConflictTitle, st.index + 1, st.merge.conflicts.count), titleRole: .popupBorder)
        let inner = r.inner
        var y = inner.y
        let text = s.store.index(ofID: conflict.taskID).map { s.store.task(at: $0).text } ?? ""
        let head = "[\(conflict.number.isEmpty ? conflict.taskID : conflict.number)] " + text
        for line in Display.wrap(head, width: max(inner.width - 2, 1)).prefix(2) where y < inner.maxY {
            c.put(line, x: inner.x + 1, y: y, role: .popup, clip: inner); y += 1
        }
        var about = S.format(.uiConflictField, conflict.field) + "  "
        about += conflict.sheets.count > 1 ? S[.uiConflictTwoSheets] : S[.uiConflictPlanAndSheet]
        if let e = conflict.exported { about += "  " + S.format(.uiConflictExported, e) }
        if y < inner.maxY { c.text(about, x: inner.x + 1, y: y, width: inner.width - 2, role: .label, clip: inner); y += 2 }
        // The sides: the plan's, then each sheet's.
        let sides = [conflict.plan] + conflict.sheets
        let gap = 1
        let colW = max((inner.width - 2 - gap * (sides.count - 1)) / sides.count, 4)
        let valueRows = max(min(4, inner.maxY - y - 5), 1)
        for (n, side) in sides.enumerated() {
            let x = inner.x + 1 + n * (colW + gap)
            guard x < inner.maxX else { break }
            let col = Rect(x: x, y: y, width: min(colW, inner.maxX - x), height: max(inner.maxY - y - 2, 0))
            let selected = n > 0 && n - 1 == st.sheet
            let role: Role = selected ? .popupSelection : .popup
            if selected { c.fill(col, role: .popupSelection) }
            var cy = y
            let label = n == 0 ? S[.uiConflictPlan] : side.source
            if cy < col.maxY { c.text(label, x: x, y: cy, width: col.width, role: selected ? .popupSelection : .header, clip: col); cy += 1 }
            for line in Display.wrap(side.value, width: max(col.width, 1)).prefix(valueRows) where cy < col.maxY {
                c.put(line, x: x, y: cy, role: role, clip: col); cy += 1
            }
            let whoWhen = [side.who, side.when].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
            if !whoWhen.isEmpty, cy < col.maxY { c.text(whoWhen, x: x, y: cy, width: col.width, role: selected ? .popupSelection : .dim, clip: col) }
        }
        // What was chosen for this conflict (when going back to it).
        if let choice = st.choices[st.index], inner.maxY - 1 > y {
            let what: String
            switch choice {
            case .plan: what = S[.uiConflictChoicePlan]
            case .sheet(let k): what = S.format(.uiConflictChoiceSheet, k < conflict.sheets.count ? conflict.sheets[k].source : "")
            case .skip: what = S[.uiConflictChoiceSkip]
            }
            c.text(S.format(.uiConflictChosen, what), x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, role: .message, clip: inner)
        }
    }
}
