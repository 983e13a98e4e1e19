import DubanCore

/// docs/keys.md, generated from the binding table (a test keeps the file current).
public enum KeysDoc {
    public static func markdown(keymap: Keymap = Keymap()) -> String {
        let zh = Strings(.zh), en = Strings(.en)
        var out = "# duban keys\n\n"
        out += "Generated from the binding table in `Sources/DubanTUI/Keys/Bindings.swift`; the `?` screen\n"
        out += "and the hint line read the same table. Rebind in `~/.config/duban/config` with\n"
        out += "`bind CONTEXT KEY ACTION` and `unbind CONTEXT KEY` (see the end of this file).\n"
        out += "Regenerate with `RECORD_SNAPSHOTS=1 swift test --filter KeysDocTests`.\n"
        for ctx in Context.allCases {
            let bs = keymap.bindings.filter { $0.context == ctx && !$0.keys.isEmpty }
            guard !bs.isEmpty else { continue }
            out += "\n## \(en[text: ctx.titleKey]) (`\(ctx.rawValue)`) · \(zh[text: ctx.titleKey])\n\n"
            out += "| keys | action | what it does | 说明 |\n| --- | --- | --- | --- |\n"
            for b in bs {
                let keys = b.keys.map { "`" + ($0.name == "|" ? "\\|" : $0.name) + "`" }.joined(separator: " ")
                var text = en[text: b.help]
                for r in b.requires { text += " " + r.docNote }
                out += "| \(keys) | `\(b.action.rawValue)` | \(text) | \(zh[text: b.help]) |\n"
            }
        }
        out += "\n## Where keys are looked up\n\n"
        out += "A pane looks a key up in its own context, then its groups, then `global`:\n\n"
        for p in Pane.allCases {
            out += "- \(p.rawValue): " + p.chain.map { "`\($0.rawValue)`" }.joined(separator: " → ") + "\n"
        }
        out += "- the one-line editor, menus, the quit question and the help screen use only their own context;\n"
        out += "  the picker looks in `picker` → `editor` (typing narrows it), each dialog in its own context\n"
        out += "  (`recover`, `changed`, `reload`) → `dialog`; the `:` command line in `command` → `editor`;\n"
        out += "  a merge's conflicts (`duban merge PLAN SHEETS… --resolve`) in `conflicts`.\n"
        out += "\nKey names: a character (`j`, `G`, `?`), `C-x` for Ctrl, `Up` `Down` `Left` `Right` `PgUp` `PgDn`\n"
        out += "`Home` `End` `Enter` `Esc` `Tab` `S-Tab` `Backspace` `Del` `Ins` `Space` `F1`…`F24`.\n"
        out += ReviewBindings.keysDocSection()
        return out
    }
}

extension Requirement {
    /// How docs/keys.md says when a binding does nothing.
    var docNote: String {
        switch self {
        case .writable: return "(not with --read-only)"
        case .taskSelected: return "(needs a selected task)"
        case .somethingToSave: return "(only with unsaved changes, or a plan not saved yet)"
        case .extensionPending: return "(only when the task has a pending extension request)"
        }
    }
}
