import DubanCore

/// The filter menu, the unit/leader picker and the quit question: boxes drawn over
/// the panes, centred, never larger than the screen.
enum Popups {
    static func centred(_ c: Canvas, width: Int, height: Int, in area: Rect) -> Rect {
        Rect.centred(width: width, height: height, in: area)
    }

    /// The filter menu: the items from the list's offset (it scrolls on a short screen;
    /// the state keeps the cursor on a shown item).
    static func filterMenu(_ c: inout Canvas, _ s: DashboardState, _ ls: ListState) {
        let items = s.filterMenuItems
        let names = items.map { s.filterItemName($0) }
        let r = s.filterMenuBox
        c.fill(r, role: .popup)
        var title = s.strings[.tuiFilterTitle]
        if r.inner.height < items.count { title += " \(ls.selected + 1)/\(items.count)" }
        c.box(r, role: .popupBorder, title: title, titleRole: .popupBorder)
        let inner = r.inner
        for row in 0..<inner.height {
            let n = ls.offset + row
            guard n < items.count else { break }
            let item = items[n]
            let y = inner.y + row
            let sel = n == ls.selected
            if sel { c.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .popupSelection) }
            let box = item == .clear ? "   " : (s.isOn(item) ? "[x]" : "[ ]")
            c.text(" " + box + " " + names[n], x: inner.x, y: y, width: inner.width, role: sel ? .popupSelection : .popup, clip: inner)
        }
    }

    static func picker(_ c: inout Canvas, _ s: DashboardState, _ ps: PickerState) {
        let matches = ps.matches
        let r = s.pickerBox
        c.fill(r, role: .popup)
        let title = ps.kind == .unit ? s.strings[.tuiFilterUnit] : s.strings[.tuiFilterLeader]
        c.box(r, role: .popupBorder, title: title + " \(matches.count)", titleRole: .popupBorder)
        let inner = r.inner
        guard inner.height >= 2 else { return }
        let x = c.text("> ", x: inner.x, y: inner.y, width: 2, role: .hintKey, clip: inner)
        let fieldW = inner.maxX - x
        c.fill(Rect(x: x, y: inner.y, width: fieldW, height: 1), role: .editor)
        let v = ps.editor.view(width: fieldW)
        c.put(v.units, x: x, y: inner.y, role: .editor, clip: inner)
        c.cursor = (x + v.cursorX, inner.y)
        let body = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        let ls = ps.list
        for row in 0..<body.height {
            let p = ls.offset + row
            guard p < matches.count else { break }
            let sel = p == ls.selected
            let y = body.y + row
            if sel { c.fill(Rect(x: body.x, y: y, width: body.width, height: 1), role: .popupSelection) }
            Look.highlighted(&c, " " + matches[p], needle: ps.editor.text, x: body.x, y: y, width: body.width,
                             role: sel ? .popupSelection : .popup, matchRole: .match, clip: body)
        }
    }

    static func confirmQuit(_ c: inout Canvas, _ s: DashboardState) {
        let S = s.strings
        let question = S.format(.tuiQuitQuestion, s.unsavedCount)
        let keys = [(Action.confirmYes, S[.tuiQuitSave]), (.confirmNo, S[.tuiQuitDiscard]), (.confirmCancel, S[.hintCancel])]
        let keyText = keys.map { (a, label) in s.keymap.label(for: a, in: .confirm) + " " + label }
        let w = max(CellWidth.of(question), keyText.map { CellWidth.of($0) }.max() ?? 0) + 6
        let r = centred(c, width: max(w, 30), height: keys.count + 4, in: s.layout.body)
        c.fill(r, role: .popup)
        c.box(r, role: .popupBorder, title: S[.tuiQuitTitle], titleRole: .popupBorder)
        let inner = r.inner
        c.text(" " + question, x: inner.x, y: inner.y, width: inner.width, role: .popup, clip: inner)
        for (n, t) in keyText.enumerated() {
            let y = inner.y + 2 + n
            let keyName = String(t.prefix { $0 != " " })
            let x = c.text("  " + keyName, x: inner.x, y: y, width: inner.width, role: .hintKey, clip: inner)
            c.text(String(t.dropFirst(keyName.count)), x: x, y: y, width: inner.maxX - x, role: .popup, clip: inner)
        }
    }
}

extension Popups {
    /// A question about the plan file (recovery, changed on disk, reload): its text
    /// wrapped, then one line per answer with the key that picks it; the selected answer
    /// (arrows, Enter) highlighted.
    static func dialog(_ c: inout Canvas, _ s: DashboardState, _ d: DialogState) {
        let area = s.layout.body
        let options = s.dialogOptions(d.kind)
        let optionText = options.map { ($0.key, $0.label) }
        let keyW = optionText.map { CellWidth.of($0.0) }.max() ?? 1
        let paragraphs = s.dialogText(d.kind)
        let widest = max(paragraphs.map { CellWidth.of($0) }.max() ?? 0,
                         optionText.map { keyW + 4 + CellWidth.of($0.1) }.max() ?? 0)
        let w = min(max(widest + 4, 40), max(area.width - 2, 10))
        let textW = max(w - 4, 1)
        var lines: [[DisplayUnit]] = []
        for p in paragraphs { lines += Display.wrap(p, width: textW) }
        let h = min(lines.count + options.count + 4, area.height)
        let r = centred(c, width: w, height: h, in: area)
        c.fill(r, role: .popup)
        c.box(r, role: .popupBorder, title: s.dialogTitle(d.kind), titleRole: .popupBorder)
        let inner = r.inner
        // The answers keep their rows; the text gives up its last lines on a small screen.
        let textRows = max(0, min(lines.count, inner.height - options.count - 1))
        for (n, line) in lines.prefix(textRows).enumerated() {
            c.put(line, x: inner.x + 1, y: inner.y + n, role: .popup, clip: inner)
        }
        let top = inner.y + (textRows > 0 ? textRows + 1 : 0)
        for (n, (key, label)) in optionText.enumerated() where top + n < inner.maxY {
            let y = top + n
            let sel = n == d.selected
            if sel { c.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .popupSelection) }
            c.text(key, x: inner.x + 2, y: y, width: keyW, role: sel ? .popupSelection : .hintKey, clip: inner)
            c.text(label, x: inner.x + 4 + keyW, y: y, width: inner.maxX - inner.x - 4 - keyW,
                   role: sel ? .popupSelection : .popup, clip: inner)
        }
    }
}
