import DubanCore

/// THE binding table: dispatch, the `?` help screen, the hint line and docs/keys.md
/// all read it, so none of them can drift from what the keys do.
public enum Bindings {
    public static let defaults: [Binding] = [
        // global
        Binding([.char("?"), .function(1)], .help, .global, hint: true, .helpHelp, short: .hintHelp),
        Binding([.char("q")], .quit, .global, hint: true, .helpQuit, short: .hintQuit),
        Binding([.ctrl("c")], .interrupt, .global, .helpInterrupt),
        Binding([.char("w"), .ctrl("s")], .save, .global, hint: true, .helpSave, short: .hintSave),
        Binding([.char("u")], .undo, .global, .helpUndo, short: .hintUndo),
        Binding([.ctrl("r")], .redo, .global, .helpRedo),
        Binding([.char("/")], .search, .global, hint: true, .helpSearch, short: .hintSearch),
        Binding([.char("n")], .nextMatch, .global, .helpNextMatch),
        Binding([.char("N")], .prevMatch, .global, .helpPrevMatch),
        Binding([.char("f")], .filterMenu, .global, hint: true, .helpFilterMenu, short: .hintFilter),
        Binding([.char("F")], .clearFilters, .global, .helpClearFilters),
        Binding([.tab], .nextPane, .global, hint: true, .helpNextPane, short: .hintPane),
        Binding([.backTab], .prevPane, .global, .helpPrevPane),
        Binding([.char("h")], .paneLeft, .global, .helpPaneLeft),
        Binding([.char("l")], .paneRight, .global, .helpPaneRight),
        Binding([.ctrl("l")], .redraw, .global, .helpRedraw),
        Binding([.ctrl("z")], .suspend, .global, .helpSuspend),
        Binding([.char(":")], .commandLine, .global, hint: true, .helpCommandLine, short: .hintCommandLine),
        // every list pane
        Binding([.up, .char("k")], .moveUp, .list, .helpMoveUp),
        Binding([.down, .char("j")], .moveDown, .list, hint: true, .helpMoveDown, short: .hintMove),
        Binding([.pageUp, .ctrl("b")], .pageUp, .list, .helpPageUp),
        Binding([.pageDown, .ctrl("f")], .pageDown, .list, .helpPageDown),
        Binding([.home, .char("g")], .top, .list, .helpTop),
        Binding([.end, .char("G")], .bottom, .list, .helpBottom),
        Binding([.enter], .open, .list, hint: true, .helpOpen, short: .hintOpen),
        Binding([.escape], .back, .list, .helpBack),
        // chapters
        Binding([.char(" ")], .toggleFold, .chapters, hint: true, .helpToggleFold, short: .hintFold),
        // tasks
        Binding([.char("o")], .cycleTaskSort, .tasks, .helpCycleTaskSort, short: .hintSort),
        Binding([.char(" ")], .toggleMark, .tasks, .helpToggleMark, short: .hintToggleMark),
        // issue 12, conv: overdue only, the sort reversed, the `:` command line
        Binding([.char("d")], .toggleOverdue, .tasks, hint: true, .helpToggleOverdue, short: .hintToggleOverdue),
        Binding([.char("O")], .reverseTaskSort, .tasks, .helpReverseTaskSort, short: .hintReverseTaskSort),
        // workload
        Binding([.char("o")], .cycleWorkloadSort, .workload, hint: true, .helpCycleWorkloadSort, short: .hintSort),
        Binding([.char("v")], .toggleUnitsLeaders, .workload, hint: true, .helpToggleUnitsLeaders, short: .hintUnitsLeaders),
        // editing the selected task (tasks and detail panes)
        Binding([.char("s")], .cycleStatus, .taskEdit, hint: true, .helpCycleStatus, short: .hintStatus),
        Binding([.char("1")], .setNotStarted, .taskEdit, .helpSetNotStarted),
        Binding([.char("2")], .setInProgress, .taskEdit, .helpSetInProgress),
        Binding([.char("3")], .setDone, .taskEdit, .helpSetDone),
        Binding([.char("4")], .setLagging, .taskEdit, .helpSetLagging),
        Binding([.char("p")], .setProgress, .taskEdit, hint: true, .helpSetProgress, short: .hintProgress),
        Binding([.char("a")], .addNote, .taskEdit, hint: true, .helpAddNote, short: .hintNote),
        Binding([.char("e")], .editDeadline, .taskEdit, .helpEditDeadline, short: .hintDeadline),
        // issue 13, tuicycle: extension requests (filed, approved, refused), the trend chart
        Binding([.char("x")], .requestExtension, .taskEdit, text: .ui(.tcHelpRequestExt), short: .ui(.tcHintRequestExt)),
        Binding([.char("A")], .approveExtension, .taskEdit, text: .ui(.tcHelpApproveExt), short: .ui(.tcHintApproveExt)),
        Binding([.char("R")], .refuseExtension, .taskEdit, text: .ui(.tcHelpRefuseExt), short: .ui(.tcHintRefuseExt)),
        Binding([.char("t")], .toggleTrends, .workload, text: .ui(.tcHelpTrends), short: .ui(.tcHintTrends)),
        // one-line editor
        Binding([.enter], .editorAccept, .editor, hint: true, .helpEditorAccept, short: .hintAccept),
        Binding([.escape, .ctrl("g"), .ctrl("c")], .editorCancel, .editor, hint: true, .helpEditorCancel, short: .hintCancel),
        Binding([.left, .ctrl("b")], .editorLeft, .editor, .helpEditorLeft),
        Binding([.right, .ctrl("f")], .editorRight, .editor, .helpEditorRight),
        Binding([.home, .ctrl("a")], .editorHome, .editor, .helpEditorHome),
        Binding([.end, .ctrl("e")], .editorEnd, .editor, .helpEditorEnd),
        Binding([.backspace, .ctrl("h")], .editorBackspace, .editor, .helpEditorBackspace),
        Binding([.delete, .ctrl("d")], .editorDelete, .editor, .helpEditorDelete),
        Binding([.ctrl("k")], .editorKillToEnd, .editor, .helpEditorKillToEnd),
        Binding([.ctrl("u")], .editorKillToStart, .editor, .helpEditorKillToStart),
        // the `:` command line (then the editor's keys)
        Binding([.tab], .commandComplete, .command, hint: true, .helpCommandComplete, short: .hintCommandComplete),
        // menus
        Binding([.up, .ctrl("p")], .menuUp, .menu, .helpMenuUp),
        Binding([.down, .ctrl("n")], .menuDown, .menu, hint: true, .helpMenuDown, short: .hintMove),
        Binding([.enter, .char(" ")], .menuToggle, .menu, hint: true, .helpMenuToggle, short: .hintToggle),
        Binding([.escape, .ctrl("c")], .menuClose, .menu, hint: true, .helpMenuClose, short: .hintClose),
        // the unit or leader picker: typed text narrows the list (then the editor's keys)
        Binding([.up, .ctrl("p")], .pickerUp, .picker, .helpPickerUp),
        Binding([.down, .ctrl("n")], .pickerDown, .picker, hint: true, .helpPickerDown, short: .hintPickerMove),
        Binding([.enter], .pickerAccept, .picker, hint: true, .helpPickerAccept, short: .hintPickerChoose),
        Binding([.escape, .ctrl("c")], .pickerBack, .picker, hint: true, .helpPickerBack, short: .hintPickerBack),
        // confirm
        Binding([.char("y"), .char("Y")], .confirmYes, .confirm, hint: true, .helpConfirmYes, short: .hintYes),
        Binding([.char("n"), .char("N")], .confirmNo, .confirm, hint: true, .helpConfirmNo, short: .hintNo),
        Binding([.escape, .char("c"), .ctrl("c")], .confirmCancel, .confirm, hint: true, .helpConfirmCancel, short: .hintCancel),
        // help screen
        Binding([.escape, .char("q"), .char("?"), .ctrl("c")], .helpClose, .help, hint: true, .helpHelpClose, short: .hintClose),
        Binding([.up, .char("k")], .helpUp, .help, .helpMoveUp),
        Binding([.down, .char("j")], .helpDown, .help, hint: true, .helpMoveDown, short: .hintMove),
        Binding([.pageUp, .ctrl("b")], .helpPageUp, .help, .helpPageUp),
        Binding([.pageDown, .ctrl("f"), .char(" ")], .helpPageDown, .help, .helpPageDown),
        // the questions about the plan file: arrows and Enter pick an answer, or its key
        Binding([.up, .ctrl("p")], .dialogUp, .dialog, .helpDialogUp),
        Binding([.down, .ctrl("n")], .dialogDown, .dialog, .helpDialogDown),
        Binding([.enter], .dialogChoose, .dialog, hint: true, .helpDialogChoose, short: .hintDialogChoose),
        // an earlier session's unsaved changes (on opening)
        Binding([.char("r"), .char("R")], .recoverReplay, .recover, hint: true, .helpRecoverReplay, short: .hintRecoverReplay),
        Binding([.char("d"), .char("D")], .recoverDiscard, .recover, hint: true, .helpRecoverDiscard, short: .hintRecoverDiscard),
        Binding([.char("v"), .char("V")], .recoverReadOnly, .recover, hint: true, .helpRecoverReadOnly, short: .hintRecoverReadOnly),
        Binding([.escape, .char("q")], .recoverQuit, .recover, hint: true, .helpRecoverQuit, short: .hintRecoverQuit),
        // the plan was saved by someone else (on saving)
        Binding([.char("m"), .char("M")], .changedMerge, .changed, hint: true, .helpChangedMerge, short: .hintChangedMerge),
        Binding([.char("r"), .char("R")], .changedReload, .changed, hint: true, .helpChangedReload, short: .hintChangedReload),
        Binding([.char("s"), .char("S")], .changedSaveElsewhere, .changed, hint: true, .helpChangedSaveElsewhere, short: .hintChangedSaveElsewhere),
        Binding([.escape, .char("c")], .changedCancel, .changed, hint: true, .helpChangedCancel, short: .hintChangedCancel),
        // reloading drops the user's changes: asked once more
        Binding([.char("y"), .char("Y")], .reloadConfirm, .reload, hint: true, .helpReloadConfirm, short: .hintReloadConfirm),
        Binding([.escape, .char("n"), .char("N")], .reloadBack, .reload, hint: true, .helpReloadBack, short: .hintReloadBack),
        // issue 14, sheetsdash: a merge's conflicts, one by one (`duban merge … --resolve`)
        Binding([.char("p"), .char("P")], .conflictKeepPlan, .conflicts, hint: true, .uiHelpConflictKeepPlan, short: .uiHintConflictKeepPlan),
        Binding([.char("t"), .char("T"), .enter], .conflictTakeSheet, .conflicts, hint: true, .uiHelpConflictTakeSheet, short: .uiHintConflictTakeSheet),
        Binding([.char("x"), .char("X")], .conflictSkip, .conflicts, hint: true, .uiHelpConflictSkip, short: .uiHintConflictSkip),
        Binding([.right, .tab, .char("l")], .conflictNextSheet, .conflicts, hint: true, .uiHelpConflictNextSheet, short: .uiHintConflictNextSheet),
        Binding([.left, .backTab, .char("h")], .conflictPrevSheet, .conflicts, .uiHelpConflictPrevSheet),
        Binding([.char("b"), .backspace], .conflictBack, .conflicts, hint: true, .uiHelpConflictBack, short: .uiHintConflictBack),
        Binding([.escape], .conflictFinish, .conflicts, hint: true, .uiHelpConflictFinish, short: .uiHintConflictFinish),
    ]

    /// Hints shown only where the line has room for them and for the `!` legend after
    /// every other hint (issue 12 item 14: `:` and `d` were only in the help screen).
    public static let spareHints: Set<Action> = [.toggleOverdue, .commandLine]
}
