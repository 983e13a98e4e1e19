import XCTest
@testable import DubanCore
#if canImport(Glibc)
import Glibc
#endif

/// The write-ahead journal: every change is on disk before it is shown, a killed session's
/// changes come back exactly, a save empties it, and damage never stops a recovery.
final class JournalTests: PlanFolderTestCase {
    override class var folderPrefix: String { "duban-journal" }
    override var initialPlan: Plan { Fixture.plan }
    let day = PlanDate(year: 2020, month: 7, day: 2)!

    // MARK: helpers

    /// A session as the dashboard runs it: the plan loaded for editing, its journal opened.
    func session(strings: Strings = Strings(.zh)) throws -> (PlanStore, Journal, PlanFile.Opened) {
        let opened = try PlanFile.loadForEditing(path: planPath)
        let journal = try Journal.open(planPath: planPath, planBytes: opened.bytes)
        journal.clock = { 1_593_600_000 }
        return (PlanStore(plan: opened.plan, rules: Rules(asOf: Fixture.asOf), strings: strings), journal, opened)
    }

    func edit(_ id: String, _ c: EditCommand) -> Edit { Edit(taskID: id, command: c, date: day, author: "王五") }

    func journalText() -> String {
        (try? PlanFile.read(path: Journal.path(forPlan: planPath))).map { String(decoding: $0, as: UTF8.self) } ?? "<none>"
    }

    func appendRaw(_ text: String) {
        let fd = open(Journal.path(forPlan: planPath), O_WRONLY | O_APPEND)
        XCTAssertGreaterThanOrEqual(fd, 0)
        let b = Array(text.utf8)
        _ = b.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    /// Several edits, an undo and a redo, as an inspector makes them.
    func makeChanges(_ store: PlanStore, _ journal: Journal) throws {
        XCTAssertTrue(try journal.apply(edit("t1", .setStatus(.done)), to: store))
        XCTAssertTrue(try journal.apply(edit("t2", .setProgress(40)), to: store))
        XCTAssertTrue(try journal.apply(edit("t2", .addNote("已召开推进会\n第二行 \"引号\" \\ \u{1}")), to: store))
        XCTAssertNotNil(try journal.undo(in: store))
        XCTAssertNotNil(try journal.redo(in: store))
        XCTAssertNotNil(try journal.undo(in: store))
        XCTAssertTrue(try journal.apply(edit("t4", .setDeadline(nil)), to: store))
        XCTAssertTrue(try journal.apply(edit("t5", .setUnits(lead: ["市教育局"], co: ["市财政局"])), to: store))
    }

    // MARK: lines

    func testEveryCommandRoundTripsThroughOneLine() throws {
        let task = Fixture.plan.tasks[0]
        let commands: [EditCommand] = [
            .setStatus(.lagging), .setProgress(0), .setProgress(100), .addNote("换行\n制表\t引号\"反斜杠\\控制\u{7}"),
            .setDeadline(PlanDate(year: 2020, month: 12, day: 31)), .setDeadline(nil), .setText("新的任务内容"),
            .setUnits(lead: ["市发改委", "市财政局"], co: []), .setUnits(lead: [], co: ["各县(市)区政府"]),
            .setLeaders(["张三", "李四"]), .setLeaders([]), .setRemarks(""), .setRemarks("备注\r\n"),
        ]
        for (k, c) in commands.enumerated() {
            for kind in [JournalEntry.Kind.edit, .undo, .redo] {
                let e = JournalEntry(kind: kind, edit: Edit(taskID: task.id, command: c, date: day, author: k % 2 == 0 ? nil : "作者"),
                                     after: task, time: 1_600_000_000 + k, line: 7)
                let bytes = JournalLine.entry(e).bytes
                XCTAssertEqual(bytes.last, 0x0A)
                XCTAssertEqual(bytes.filter { $0 == 0x0A }.count, 1, "one line: \(c)")
                let parsed = bytes.dropLast().withUnsafeBufferPointer { JournalLine.parse($0, number: 7, file: "j") }
                XCTAssertEqual(try parsed.get(), .entry(e), "\(c)")
            }
        }
        let h = ContentHash(Array("plan".utf8))
        for line in [JournalLine.header(plan: "计划.json", base: h, started: 5), .saving(h, time: 9)] {
            let parsed = line.bytes.dropLast().withUnsafeBufferPointer { JournalLine.parse($0, number: 1, file: "j") }
            XCTAssertEqual(try parsed.get(), line)
        }
    }

    func testBadLinesSayWhereAndWhat() {
        let cases: [(String, String)] = [
            (#"{"op":"edit","at":1,"task":"t1","cmd":"setProgress","progress":101,"date":"2020-01-01","after":{"id":"t1","text":"x"}}"#,
             "progress: expected a whole number from 0 to 100, found 101"),
            (#"{"op":"fly","task":"t1"}"#, "op: unknown operation \"fly\" (expected edit, undo, redo or saving)"),
            (#"{"op":"edit","task":"t1","cmd":"setStatus","status":"done","date":"2020-01-01"}"#, "missing required key \"after\""),
            (#"{"op":"edit","task":"t1","cmd":"setStatus","status":"done","date":"2020-01-01","after":{"id":"t2","text":"x"}}"#,
             "after.id: the task snapshot is \"t2\", expected \"t1\""),
            (#"{"op":"edit"} trailing"#, "expected the end of the line, found the word 'trailing'"),
            (#"not json"#, "expected a value, found the word 'not'"),
        ]
        for (text, message) in cases {
            let r = Array(text.utf8).withUnsafeBufferPointer { JournalLine.parse($0, number: 3, file: "j") }
            guard case .failure(let e) = r else { XCTFail("accepted: \(text)"); continue }
            XCTAssertEqual(e.message, message, text)
        }
    }

    // MARK: write-ahead

    func testEachChangeIsOnDiskBeforeTheStoreMakesIt() throws {
        let (store, journal, _) = try session()
        XCTAssertNil(journal.found)
        XCTAssertTrue(try journal.apply(edit("t3", .setStatus(.lagging)), to: store))
        let text = journalText()
        XCTAssertEqual(text.split(separator: "\n").count, 2, text)
        XCTAssertTrue(text.contains(#""op": "edit","at": 1593600000,"task": "t3","cmd": "setStatus","status": "lagging""#), text)
        XCTAssertEqual(journal.unsavedCount, 1)
        XCTAssertEqual(store.task(at: 2).status, .lagging)
    }

    func testAnEditThatChangesNothingIsNotJournaled() throws {
        let (store, journal, _) = try session()
        XCTAssertFalse(try journal.apply(edit("t3", .setStatus(.done)), to: store))
        XCTAssertNil(try journal.undo(in: store))
        XCTAssertNil(try journal.redo(in: store))
        XCTAssertEqual(journalText().split(separator: "\n").count, 1)
        XCTAssertThrowsError(try journal.apply(edit("nope", .setStatus(.done)), to: store)) {
            XCTAssertEqual($0 as? EditError, .noSuchTask("nope"))
        }
        XCTAssertThrowsError(try journal.apply(edit("t1", .setProgress(101)), to: store))
        XCTAssertEqual(journalText().split(separator: "\n").count, 1, "a refused edit is not journaled")
    }

    func testAJournalThatCannotBeWrittenRefusesTheChangeAndLeavesTheStoreAlone() throws {
        let (store, journal, _) = try session()
        try journal.apply(edit("t1", .setProgress(70)), to: store)
        let before = store.plan
        let jpath = Journal.path(forPlan: planPath)
        // Replace the journal's descriptor target with a read-only view: writes fail.
        let ro = open(jpath, O_RDONLY)
        journal.debugReplaceDescriptor(ro)
        XCTAssertThrowsError(try journal.apply(edit("t1", .setProgress(80)), to: store)) {
            XCTAssertTrue(String(describing: $0).hasPrefix("\(jpath): cannot record the change in the journal: Bad file descriptor"), "\($0)")
        }
        XCTAssertThrowsError(try journal.undo(in: store))
        XCTAssertEqual(store.plan, before, "the store did not make the change")
        XCTAssertEqual(store.undoStack.count, 1)
    }

    // MARK: recovery

    func testAKilledSessionsChangesComeBackExactly() throws {
        var seen: Plan
        do {
            let (store, journal, _) = try session()
            try makeChanges(store, journal)
            seen = store.plan
            _ = journal  // dropped without close: as if the process was killed
        }
        XCTAssertNotEqual(seen, Fixture.plan)
        let (store, journal, _) = try session()
        let found = try XCTUnwrap(journal.found)
        XCTAssertTrue(found.baseMatches)
        XCTAssertEqual(found.entries.map(\.kind), [.edit, .edit, .edit, .undo, .redo, .undo, .edit, .edit])
        XCTAssertEqual(found.entries.map(\.line), Array(2...9))
        XCTAssertEqual(found.notes, [])
        XCTAssertThrowsError(try journal.apply(edit("t1", .setProgress(1)), to: store), "undecided: no edits yet")
        let r = try journal.recover(into: store)
        XCTAssertFalse(r.rebuilt)
        XCTAssertTrue(r.store === store)
        XCTAssertEqual(r.replayed, 8)
        XCTAssertEqual(store.plan, seen)
        XCTAssertTrue(store.isDirty)
        XCTAssertEqual(store.undoStack.count, 4, "the recovered edits can be undone")

        // The session goes on, is killed again: both sessions' changes come back.
        try journal.apply(edit("t6", .setRemarks("第二次")), to: store)
        seen = store.plan
        let (store2, journal2, _) = try { () throws -> (PlanStore, Journal, PlanFile.Opened) in
            journal.debugReplaceDescriptor(-1)   // the lock goes with the process
            return try session()
        }()
        XCTAssertEqual(journal2.found?.entries.count, 9)
        XCTAssertEqual(try journal2.recover(into: store2).store.plan, seen)
    }

    func testATornLastLineIsIgnoredWithANoteAndTheNextLineStartsClean() throws {
        var seen: Plan
        do {
            let (store, journal, _) = try session()
            try journal.apply(edit("t1", .setProgress(60)), to: store)
            seen = store.plan
            journal.debugReplaceDescriptor(-1)
        }
        appendRaw(#"{"op": "edit","at": 1593600000,"task": "t2","cmd": "setSt"#)
        let (store, journal, _) = try session()
        let found = try XCTUnwrap(journal.found)
        XCTAssertEqual(found.entries.count, 1)
        XCTAssertEqual(found.notes, ["\(Journal.path(forPlan: planPath)):3: the last line was cut short (the program was stopped while writing it); ignored"])
        XCTAssertEqual(try journal.recover(into: store).store.plan, seen)
        try journal.apply(edit("t2", .setProgress(5)), to: store)
        let lines = journalText().split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 4, "header, two entries, and the final newline")
        XCTAssertTrue(lines[2].hasPrefix(#"{"op": "edit""#) && lines[2].hasSuffix("}"))
    }

    func testADamagedLineInTheMiddleIsSkippedAndTheRestRecovered() throws {
        do {
            let (store, journal, _) = try session()
            try journal.apply(edit("t1", .setProgress(60)), to: store)
            journal.debugReplaceDescriptor(-1)
        }
        appendRaw("{\"op\": \"edit\", garbage}\n")
        do {
            let (store, journal, _) = try session()
            _ = try journal.recover(into: store)
            try journal.apply(edit("t2", .setStatus(.inProgress)), to: store)
            journal.debugReplaceDescriptor(-1)
        }
        let (store, journal, _) = try session()
        let found = try XCTUnwrap(journal.found)
        XCTAssertEqual(found.entries.map(\.edit.taskID), ["t1", "t2"])
        XCTAssertEqual(found.notes, ["\(Journal.path(forPlan: planPath)):3:16: expected a string, found the word 'garbage'; line skipped"])
        let plan = try journal.recover(into: store).store.plan
        XCTAssertEqual(plan.tasks[0].progress, 60)
        XCTAssertEqual(plan.tasks[1].status, .inProgress)
    }

    func testAJournalThatIsNotOneIsReportedNotTrusted() throws {
        FileManagerless.write(Journal.path(forPlan: planPath), "hello\nworld\n")
        let (store, journal, _) = try session()
        let found = try XCTUnwrap(journal.found)
        XCTAssertEqual(found.entries, [])
        XCTAssertEqual(found.notes.count, 2)
        XCTAssertTrue(found.notes[0].hasSuffix(":1:1: expected a value, found the word 'hello'; line skipped"), found.notes[0])
        XCTAssertEqual(Journal.hasPending(planPath: planPath), true)
        try journal.discard()
        XCTAssertEqual(try PlanFile.read(path: Journal.discardedPath(forPlan: planPath)), Array("hello\nworld\n".utf8))
        try journal.apply(edit("t1", .setProgress(1)), to: store)
        XCTAssertEqual(journalText().split(separator: "\n").count, 2)
    }

    func testDamageBeforeTheLastSaveDoesNotMatter() throws {
        let plan = try PlanFile.read(path: planPath)
        let text = String(decoding: JournalLine.header(plan: "plan.json", base: ContentHash(Array("old".utf8)), started: 0).bytes, as: UTF8.self)
            + "damaged line\n"
            + String(decoding: JournalLine.saving(ContentHash(plan), time: 0).bytes, as: UTF8.self)
        FileManagerless.write(Journal.path(forPlan: planPath), text)
        XCTAssertEqual(Journal.status(planPath: planPath), .clear)
        let (_, journal, _) = try session()
        XCTAssertNil(journal.found)
    }

    func testUndoingAnEditSavedEarlierReplaysExactly() throws {
        var seen: Plan
        do {
            let (store, journal, opened) = try session()
            try journal.apply(edit("t1", .setStatus(.done)), to: store)
            try journal.save(store.plan, expecting: opened.stamp)
            store.markSaved()
            try journal.undo(in: store)   // undoes a change that is in the file now
            try journal.apply(edit("t2", .addNote("之后的进展")), to: store)
            seen = store.plan
            journal.debugReplaceDescriptor(-1)
        }
        let (store, journal, _) = try session()
        XCTAssertEqual(journal.found?.entries.map(\.kind), [.undo, .edit])
        let r = try journal.recover(into: store)
        XCTAssertTrue(r.rebuilt, "a fresh store cannot undo what it never did: snapshots")
        XCTAssertEqual(r.store.plan, seen)
    }

    func testReplayInAnotherLanguageStillGivesThePlanTheUserSaw() throws {
        var seen: Plan
        do {
            let (store, journal, _) = try session(strings: Strings(.en))
            try makeChanges(store, journal)
            seen = store.plan
            journal.debugReplaceDescriptor(-1)
        }
        let (store, journal, _) = try session(strings: Strings(.zh))
        let r = try journal.recover(into: store)
        XCTAssertTrue(r.rebuilt)
        XCTAssertEqual(r.store.plan, seen)
    }

    func testChangesMadeOnAVersionSomeoneElseReplacedAreMergedAsCommands() throws {
        do {
            let (store, journal, _) = try session()
            try journal.apply(edit("t1", .setStatus(.done)), to: store)
            try journal.apply(edit("t2", .setProgress(30)), to: store)
            try journal.undo(in: store)
            try journal.apply(edit("t4", .addNote("督办一次")), to: store)
            journal.debugReplaceDescriptor(-1)
        }
        var theirs = Fixture.plan
        theirs.tasks[5].remarks = "另一位督查员的修改"
        try PlanFile.save(theirs, to: planPath)
        XCTAssertTrue(Journal.hasPending(planPath: planPath))
        let (store, journal, _) = try session()
        let found = try XCTUnwrap(journal.found)
        XCTAssertFalse(found.baseMatches)
        let r = try journal.recover(into: store)
        XCTAssertEqual(r.skipped, [])
        XCTAssertEqual(r.replayed, 4)
        XCTAssertEqual(store.task(at: 5).remarks, "另一位督查员的修改")
        XCTAssertEqual(store.task(at: 0).status, .done)
        XCTAssertEqual(store.task(at: 1).progress, 0)
        XCTAssertEqual(store.task(at: 3).history.last?.note, "督办一次")
    }

    func testMergingSkipsWhatCannotApplyAndSaysWhy() throws {
        let t = Fixture.plan.tasks[0]
        let entries = [
            JournalEntry(kind: .undo, edit: edit("t1", .setStatus(.done)), after: t, time: 0, line: 2),
            JournalEntry(kind: .edit, edit: edit("t9", .setStatus(.done)), after: t, time: 0, line: 3),
            JournalEntry(kind: .edit, edit: edit("t1", .setProgress(50)), after: t, time: 0, line: 4),
            JournalEntry(kind: .edit, edit: edit("t1", .setText(" ")), after: t, time: 0, line: 5),
            JournalEntry(kind: .redo, edit: edit("t1", .setStatus(.done)), after: t, time: 0, line: 6),
        ]
        let r = Journal.replay(entries, onto: Fixture.store(), exact: false)
        XCTAssertEqual(r.replayed, 0)
        XCTAssertEqual(r.skipped, [
            "line 2: t1: undoes a change made before this version; undo skipped",
            "line 3: no task with id \"t9\" in the plan; edit skipped",
            "line 5: t1: a task's text cannot be empty; edit skipped",
            "line 6: t1: nothing to redo; redo skipped",
        ])
    }

    // MARK: saving

    func testASaveEmptiesTheJournalAndAQuitRemovesIt() throws {
        let (store, journal, opened) = try session()
        try makeChanges(store, journal)
        let stamp = try journal.save(store.plan, expecting: opened.stamp)
        store.markSaved()
        XCTAssertEqual(stamp, PlanFile.stamp(path: planPath))
        XCTAssertEqual(try PlanFile.load(path: planPath), store.plan)
        XCTAssertEqual(journal.unsavedCount, 0)
        XCTAssertEqual(journalText().split(separator: "\n").count, 1, "only the header")
        XCTAssertEqual(Journal.status(planPath: planPath), .openElsewhere(journal: Journal.path(forPlan: planPath)))
        journal.close(unsaved: store.isDirty)
        XCTAssertEqual(access(Journal.path(forPlan: planPath), F_OK), -1)
        XCTAssertEqual(Journal.status(planPath: planPath), .clear)
    }

    func testAFailedSaveKeepsEveryChangeInTheJournal() throws {
        let (store, journal, opened) = try session()
        try journal.apply(edit("t1", .setProgress(55)), to: store)
        var theirs = Fixture.plan
        theirs.title = "别人保存的"
        usleep(10_000)
        try PlanFile.save(theirs, to: planPath)
        let before = journalText()
        XCTAssertThrowsError(try journal.save(store.plan, expecting: opened.stamp)) {
            XCTAssertEqual($0 as? FileError, .changedOnDisk(path: planPath))
        }
        XCTAssertEqual(journalText(), before, "the saving marker is taken back")
        XCTAssertEqual(journal.unsavedCount, 1)
        try journal.apply(edit("t1", .setProgress(56)), to: store)
        XCTAssertEqual(journalText().split(separator: "\n").count, 3)
    }

    func testDeathBetweenTheRenameAndTheEmptyingLosesNothingAndRepeatsNothing() throws {
        let (store, journal, _) = try session()
        try journal.apply(edit("t1", .addNote("保存前的进展")), to: store)
        let saved = PlanJSON.encode(store.plan)
        // As `save` does up to the rename, then dies.
        appendRaw(String(decoding: JournalLine.saving(ContentHash(saved), time: 0).bytes, as: UTF8.self))
        try PlanFile.write(saved, to: planPath)
        journal.debugReplaceDescriptor(-1)
        do {
            let (_, again, _) = try session()
            XCTAssertNil(again.found, "everything before the marker is in the file")
            again.debugReplaceDescriptor(-1)
        }
        // The same, with one more change after the marker: only that one is pending.
        let (store2, journal2, _) = try session()
        try journal2.apply(edit("t1", .addNote("保存后的进展")), to: store2)
        appendRaw(String(decoding: JournalLine.saving(ContentHash(Array("other".utf8)), time: 0).bytes, as: UTF8.self))
        let seen = store2.plan
        journal2.debugReplaceDescriptor(-1)
        let (store3, journal3, _) = try session()
        XCTAssertEqual(journal3.found?.entries.count, 1)
        XCTAssertEqual(try journal3.recover(into: store3).store.plan, seen)
        XCTAssertEqual(seen.tasks[0].history.filter { $0.note == "保存前的进展" }.count, 1)
    }

    func testSaveAsMovesTheJournalToTheNewFile() throws {
        let (store, journal, _) = try session()
        try journal.apply(edit("t1", .setProgress(20)), to: store)
        let other = dir + "/副本.json"
        try journal.save(store.plan, to: other)
        XCTAssertEqual(journal.planPath, other)
        XCTAssertEqual(access(Journal.path(forPlan: planPath), F_OK), -1)
        XCTAssertEqual(try PlanFile.load(path: other), store.plan)
        XCTAssertEqual(try PlanFile.load(path: planPath), Fixture.plan)
        try journal.apply(edit("t1", .setProgress(21)), to: store)
        XCTAssertEqual(Journal.status(planPath: other),
                       .pending(count: 1, inUse: true, journal: Journal.path(forPlan: other)))
    }

    func testAFailedSaveAsLeavesNothingBehindAndKeepsTheJournal() throws {
        let (store, journal, _) = try session()
        try journal.apply(edit("t1", .setProgress(20)), to: store)
        let target = dir + "/no/such/folder/plan.json"
        XCTAssertThrowsError(try journal.save(store.plan, to: target))
        XCTAssertEqual(journal.planPath, planPath)
        XCTAssertEqual(journal.unsavedCount, 1)
        XCTAssertEqual(Journal.status(planPath: planPath),
                       .pending(count: 1, inUse: true, journal: Journal.path(forPlan: planPath)))
        // The new file's folder is fine but the file cannot be replaced: a folder in its way.
        mkdir(dir + "/taken.json", 0o755)
        XCTAssertThrowsError(try journal.save(store.plan, to: dir + "/taken.json"))
        XCTAssertEqual(access(dir + "/taken.json.journal", F_OK), -1, "no empty journal left")
        try journal.apply(edit("t1", .setProgress(21)), to: store)
        XCTAssertEqual(journal.unsavedCount, 2)
    }

    func testQuittingWithoutSavingSetsTheJournalAside() throws {
        let (store, journal, _) = try session()
        try journal.apply(edit("t1", .setProgress(20)), to: store)
        journal.close(unsaved: false)
        XCTAssertEqual(access(Journal.path(forPlan: planPath), F_OK), -1)
        XCTAssertTrue(journalTextAt(Journal.discardedPath(forPlan: planPath)).contains(#""progress": 20"#))
    }

    func testQuittingWithUnsavedChangesKeepsThemForNextTime() throws {
        let (store, journal, _) = try session()
        try journal.apply(edit("t1", .setProgress(20)), to: store)
        journal.close(unsaved: true)
        XCTAssertEqual(Journal.status(planPath: planPath),
                       .pending(count: 1, inUse: false, journal: Journal.path(forPlan: planPath)))
    }

    func journalTextAt(_ path: String) -> String {
        (try? PlanFile.read(path: path)).map { String(decoding: $0, as: UTF8.self) } ?? "<none>"
    }

    // MARK: one editor at a time, and what `duban set` checks

    func testASecondSessionOnTheSamePlanIsTold() throws {
        let (store, journal, opened) = try session()
        XCTAssertThrowsError(try Journal.open(planPath: planPath, planBytes: opened.bytes)) {
            XCTAssertEqual($0 as? JournalError, .inUse(journal: Journal.path(forPlan: planPath), plan: planPath))
        }
        XCTAssertNil(Journal.refusal(planPath: planPath), "open with nothing unsaved: set may write")
        try journal.apply(edit("t1", .setProgress(20)), to: store)
        XCTAssertEqual(Journal.refusal(planPath: planPath),
                       "\(planPath): a running duban has 1 unsaved change(s) to this plan (journal \(planPath).journal); save or quit there first. Nothing was changed.")
        journal.close(unsaved: true)
        XCTAssertEqual(Journal.refusal(planPath: planPath),
                       "\(planPath): the journal \(planPath).journal holds 1 unsaved change(s) from a session that ended without saving; run `duban recover \(planPath)` to replay them (or `--discard` them) first. Nothing was changed.")
        XCTAssertTrue(Journal.hasPending(planPath: planPath))
    }

    func testNoJournalNoPending() {
        XCTAssertEqual(Journal.status(planPath: planPath), .clear)
        XCTAssertFalse(Journal.hasPending(planPath: planPath))
        XCTAssertNil(Journal.refusal(planPath: planPath))
    }

    func testAJournalThatCannotBeCreatedIsAClearError() throws {
        let ro = dir + "/ro"
        mkdir(ro, 0o755)
        try PlanFile.save(Fixture.plan, to: ro + "/plan.json")
        let bytes = try PlanFile.read(path: ro + "/plan.json")
        XCTAssertThrowsError(try Journal.open(planPath: ro + "/missing/plan.json", planBytes: bytes)) {
            XCTAssertEqual(String(describing: $0),
                           "\(ro)/missing/plan.json.journal: cannot create the journal: No such file or directory; changes could not be kept safe until saved")
        }
    }
}
