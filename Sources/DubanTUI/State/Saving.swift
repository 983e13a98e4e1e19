import DubanCore

extension DashboardState {
    /// Writes the plan; on failure shows why and keeps every edit. With a session the
    /// save goes through the journal (which empties it), never over a file someone else
    /// saved meanwhile: that opens the dialog offering merge, reload or save elsewhere.
    @discardableResult
    func save(to path: String, thenQuit: Bool = false) -> Bool {
        guard let session else {
            do {
                try saver(store.plan, path)
                return saved(to: path)
            } catch {
                message = StatusMessage(text: strings.format(.tuiSaveFailed, strings.describe(error)), isError: true)
                return false
            }
        }
        let elsewhere = path != session.path
        // Another file with unsaved journaled changes of its own (a running duban's, a
        // killed session's) is not overwritten behind them.
        if elsewhere, let why = Journal.refusal(planPath: path, strings: strings) {
            message = StatusMessage(text: strings.format(.tuiSaveRefused, why), isError: true)
            return false
        }
        var backupProblem: BackupProblem? = nil
        do {
            // One writer at a time: the plan's lock around the stamp check and the write
            // (a `duban set` saving meanwhile is waited for, briefly, then named).
            try PlanEditor.withLock(path: path, command: "duban", wait: planLockWait) {
                if let j = session.journal {
                    let stamp = elsewhere ? try j.save(store.plan, to: path) : try j.save(store.plan, expecting: session.stamp)
                    backupProblem = j.lastBackupProblem
                    session.replaceJournal(j, stamp: stamp)
                } else {
                    let bytes = PlanJSON.encode(store.plan)
                    let s = try PlanFile.writeReporting(bytes, to: path, expecting: elsewhere ? nil : session.stamp, backup: true)
                    backupProblem = s.backupProblem
                    session.adopt(path: path, bytes: bytes, stamp: s.stamp)
                }
            }
            session.recoveredUnsaved = 0
            savePath = path
            let ok = saved(to: path)
            if let backupProblem {
                message = StatusMessage(text: strings.format(.tuiSavedNoBackup, path, strings.describe(backupProblem)), isError: true)
            }
            return ok
        } catch let e as PlanLockError {
            message = StatusMessage(text: strings.format(.tuiSaveBusy, strings.describe(e)), isError: true)
            return false
        } catch FileError.changedOnDisk {
            modal = .dialog(DialogState(kind: .changedOnDisk(thenQuit: thenQuit)))
            return false
        } catch {
            message = StatusMessage(text: strings.format(.tuiSaveFailed, strings.describe(error)), isError: true)
            return false
        }
    }

    private func saved(to path: String) -> Bool {
        store.markSaved()
        message = StatusMessage(text: strings.format(.savedTo, path), isError: false)
        return true
    }
}
