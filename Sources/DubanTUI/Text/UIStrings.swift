import DubanCore

/// The dashboard's own words, in the TUI's own table (issue 12): Chinese and English,
/// looked up through the same `Strings` value as the core's messages. A call site reads
/// `s[.uiSomething]` or `s.format(.uiSomething, x)` whichever table the key lives in.
/// The core keeps its own messages (errors, report columns, history notes) in
/// DubanCore/Text/Strings.swift; everything only the dashboard says belongs here.
public enum UIKey: String, CaseIterable, Sendable {
    // (keys are added in groups, each under a comment naming its issue and files)
    case uiPlaceholderUnused
    // issue 12, shape: the dialog and picker keys in the binding table (Keys/), disabled reasons
    case ctxPicker, ctxDialog, ctxRecover, ctxChanged, ctxReload
    case helpPickerUp, helpPickerDown, helpPickerAccept, helpPickerBack
    case hintPickerMove, hintPickerChoose, hintPickerBack
    case helpDialogUp, helpDialogDown, helpDialogChoose, hintDialogChoose
    case helpRecoverReplay, helpRecoverDiscard, helpRecoverReadOnly, helpRecoverQuit
    case hintRecoverReplay, hintRecoverDiscard, hintRecoverReadOnly, hintRecoverQuit
    case helpChangedMerge, helpChangedReload, helpChangedSaveElsewhere, helpChangedCancel
    case hintChangedMerge, hintChangedReload, hintChangedSaveElsewhere, hintChangedCancel
    case helpReloadConfirm, helpReloadBack, hintReloadConfirm, hintReloadBack
    case uiDisabledNoTask, uiDisabledNothingToSave, uiNoTaskSelected, uiNothingToSave
}

extension UIKey {
    /// (Chinese, English) for every key; the switch makes the compiler check both.
    var texts: (String, String) {
        switch self {
        case .uiPlaceholderUnused: return ("", "")
        // issue 12, shape: the dialog and picker keys, disabled reasons
        case .ctxPicker: return ("选择单位或领导（输入文字缩小范围）", "Unit or leader picker (typing narrows it)")
        case .ctxDialog: return ("对话框（恢复、文件已修改、重新载入）", "Dialogs (recovery, changed on disk, reload)")
        case .ctxRecover: return ("恢复未保存的修改", "Unsaved changes found")
        case .ctxChanged: return ("文件已被他人修改", "The file changed on disk")
        case .ctxReload: return ("确认重新载入", "Confirm reload")
        case .helpPickerUp: return ("上一个", "previous name")
        case .helpPickerDown: return ("下一个", "next name")
        case .helpPickerAccept: return ("按所选名称筛选", "filter by the selected name")
        case .helpPickerBack: return ("返回筛选菜单", "back to the filter menu")
        case .hintPickerMove: return ("移动", "move")
        case .hintPickerChoose: return ("选定", "choose")
        case .hintPickerBack: return ("返回", "back")
        case .helpDialogUp: return ("上一个选项", "previous answer")
        case .helpDialogDown: return ("下一个选项", "next answer")
        case .helpDialogChoose: return ("选定高亮的选项", "choose the highlighted answer")
        case .hintDialogChoose: return ("选定", "choose")
        case .helpRecoverReplay: return ("恢复（或合并）这些修改", "replay (or merge) the changes")
        case .helpRecoverDiscard: return ("丢弃这些修改（留存一份副本）", "discard the changes (a copy is kept)")
        case .helpRecoverReadOnly: return ("只读打开，修改留待下次", "open read-only, keep the changes for later")
        case .helpRecoverQuit: return ("退出，修改留待下次", "quit, keep the changes for later")
        case .hintRecoverReplay: return ("恢复", "replay")
        case .hintRecoverDiscard: return ("丢弃", "discard")
        case .hintRecoverReadOnly: return ("只读", "read-only")
        case .hintRecoverQuit: return ("退出", "quit")
        case .helpChangedMerge: return ("合并：把你的修改重放到新版本上，再保存", "merge your changes onto the new version, then save")
        case .helpChangedReload: return ("重新载入新版本（放弃你的修改，先确认）", "reload the new version (drops your changes; asks first)")
        case .helpChangedSaveElsewhere: return ("另存为其他文件", "save to another file")
        case .helpChangedCancel: return ("取消，暂不保存", "cancel, do not save now")
        case .hintChangedMerge: return ("合并", "merge")
        case .hintChangedReload: return ("重新载入", "reload")
        case .hintChangedSaveElsewhere: return ("另存", "save elsewhere")
        case .hintChangedCancel: return ("取消", "cancel")
        case .helpReloadConfirm: return ("放弃修改并重新载入", "drop the changes and reload")
        case .helpReloadBack: return ("返回上一个问题", "back to the previous question")
        case .hintReloadConfirm: return ("重新载入", "reload")
        case .hintReloadBack: return ("返回", "back")
        case .uiDisabledNoTask: return ("（未选中任务时不可用）", "(needs a selected task)")
        case .uiDisabledNothingToSave: return ("（没有未保存的修改时不可用）", "(only with unsaved changes)")
        case .uiNoTaskSelected: return ("没有选中的任务", "no task is selected")
        case .uiNothingToSave: return ("没有未保存的修改", "nothing to save: no unsaved changes")
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
