/// One change journaled by the dashboard: an edit made, undone or made again, with the
/// task as the user saw it afterwards. Replaying the commands in order onto the plan they
/// were made on gives the same plan; the snapshot lets replay check that it did, and
/// gives the exact task when a command alone cannot (an undo of an edit saved earlier).
public struct JournalEntry: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case edit, undo, redo }
    public var kind: Kind
    /// The edit made (`.edit`), undone (`.undo`) or made again (`.redo`).
    public var edit: Edit
    /// The task after this entry, as the dashboard showed it.
    public var after: PlanTask
    /// When it was journaled: seconds since 1970, UTC.
    public var time: Int
    /// The journal line it was read from (the header is line 1); 0 when not read.
    public var line: Int

    public init(kind: Kind, edit: Edit, after: PlanTask, time: Int, line: Int = 0) {
        self.kind = kind; self.edit = edit; self.after = after; self.time = time; self.line = line
    }
}

/// The lines of a journal file (JSON Lines, one object a line):
///
///     {"dubanJournal": 1,"plan": "plan.json","baseSize": 2041,"baseHash": "…","started": 1714557600}
///     {"op": "edit","at": 1714557660,"task": "t3","cmd": "setStatus","status": "done","date": "2020-09-01","after": {…}}
///     {"op": "undo","at": 1714557670,"task": "t3","cmd": "setStatus",…,"after": {…}}
///     {"op": "saving","at": 1714557680,"size": 2107,"hash": "…"}
///
/// The header names the plan version (size and hash of its bytes) the entries apply to.
/// A `saving` marker is written just before a save renames the new version into place:
/// if the process dies after the rename but before the journal is cleared, the plan on
/// disk has the marker's hash and the entries before it are known to be saved.
enum JournalLine: Hashable, Sendable {
    case header(plan: String, base: ContentHash, started: Int)
    case entry(JournalEntry)
    case saving(ContentHash, time: Int)

    /// 2 (issue 16): hashes are XXH3 (`xxh3:` and 16 hex digits); format 1's were FNV-1a
    /// (the 16 digits alone), still read.
    static let formatVersion = 2

    // MARK: writing

    /// The line's bytes, ending in a newline. Strings are escaped by the plan writer, so
    /// the only raw newline is the last byte.
    var bytes: [UInt8] {
        var w = PlanWriter()
        w.out.append(0x7B)
        w.depth = 1
        var first = true
        switch self {
        case .header(let plan, let base, let started):
            w.key("dubanJournal", first: &first); w.int(JournalLine.formatVersion)
            w.key("plan", first: &first); w.string(plan)
            w.key("baseSize", first: &first); w.int(base.size)
            w.key("baseHash", first: &first); w.string(base.text)
            w.key("started", first: &first); w.int(started)
        case .saving(let h, let time):
            w.key("op", first: &first); w.string("saving")
            w.key("at", first: &first); w.int(time)
            w.key("size", first: &first); w.int(h.size)
            w.key("hash", first: &first); w.string(h.text)
        case .entry(let e):
            w.key("op", first: &first); w.string(e.kind.rawValue)
            w.key("at", first: &first); w.int(e.time)
            w.key("task", first: &first); w.string(e.edit.taskID)
            JournalLine.command(e.edit.command, &w, &first)
            w.key("date", first: &first); w.string(e.edit.date.iso)
            if let a = e.edit.author { w.key("author", first: &first); w.string(a) }
            if let p = e.edit.period { w.key("period", first: &first); w.string(p) }
            w.key("after", first: &first)
            w.out.append(0x7B)
            w.depth += 1
            w.task(e.after)
            w.depth -= 1
            w.out.append(0x7D)
        }
        w.out.append(0x7D)
        return JournalLine.compact(w.out.bytes) + [0x0A]
    }

    static func command(_ c: EditCommand, _ w: inout PlanWriter, _ first: inout Bool) {
        w.key("cmd", first: &first)
        switch c {
        case .setStatus(let s): w.string("setStatus"); w.key("status", first: &first); w.string(s.rawValue)
        case .setProgress(let p): w.string("setProgress"); w.key("progress", first: &first); w.int(p)
        case .addNote(let n): w.string("addNote"); w.key("note", first: &first); w.string(n)
        case .setDeadline(let d): w.string("setDeadline"); w.key("deadline", first: &first); w.optionalDate(d)
        case .setText(let t): w.string("setText"); w.key("text", first: &first); w.string(t)
        case .setUnits(let lead, let co):
            w.string("setUnits")
            w.key("lead", first: &first); w.stringArray(lead)
            w.key("co", first: &first); w.stringArray(co)
        case .setLeaders(let l): w.string("setLeaders"); w.key("leaders", first: &first); w.stringArray(l)
        case .setRemarks(let r): w.string("setRemarks"); w.key("remarks", first: &first); w.string(r)
        case .requestExtension(let to, let reason):
            w.string("requestExtension")
            w.key("to", first: &first); w.date(to)
            w.key("reason", first: &first); w.string(reason)
        case .decideExtension(let k, let approve):
            w.string("decideExtension")
            w.key("index", first: &first); w.int(k)
            w.key("approve", first: &first); w.bool(approve)
        }
    }

    /// Drops the writer's layout: every newline and the indentation after it. Inside
    /// strings a newline is always escaped, so only layout goes.
    static func compact(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                i += 1
                while i < bytes.count, bytes[i] == 0x20 { i += 1 }
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    // MARK: reading

    struct Invalid: Error, Hashable {
        var column: Int
        var message: String
    }

    /// Reads one line (without its newline).
    static func parse(_ line: UnsafeBufferPointer<UInt8>, number: Int, file: String) -> Result<JournalLine, Invalid> {
        var d = PlanDecoder(JSONScanner(line), file: file)
        do {
            let parsed = try d.journalLine(number: number)
            if d.s.peek() != 0 || !d.s.atEnd {
                throw JSONScanner.SyntaxError(offset: d.s.pos, .k(.pjExpectedFound, .k(.pjWhatEndOfLine), d.s.describe(d.s.peek())))
            }
            if let p = d.pending.first {
                let (_, col) = d.s.lineColumn(of: p.offset)
                return .failure(Invalid(column: col, message: (p.path.isEmpty ? "" : p.path + ": ") + p.words.english))
            }
            guard let parsed else { return .failure(Invalid(column: 1, message: "not a journal line")) }
            return .success(parsed)
        } catch let e as JSONScanner.SyntaxError {
            let (_, col) = d.s.lineColumn(of: e.offset)
            return .failure(Invalid(column: col, message: e.message))
        } catch {
            return .failure(Invalid(column: 1, message: String(describing: error)))
        }
    }
}

extension PlanDecoder {
    /// A journal line's object; nil with a problem recorded when it is not one.
    mutating func journalLine(number: Int) throws -> JournalLine? {
        let start = s.pos
        var op: String?
        var version: Int?
        var plan: String?
        var size: Int?
        var hash: String?
        var started: Int?
        var at: Int?
        var task: String?
        var cmd: String?
        var status: TaskStatus?
        var progress: Int?
        var note: String?
        var deadline: PlanDate?
        var hasDeadline = false
        var text: String?
        var lead: [String]?
        var co: [String]?
        var leaders: [String]?
        var remarks: String?
        var date: PlanDate?
        var author: String?
        var period: String?
        var extTo: PlanDate?
        var reason: String?
        var index: Int?
        var approve: Bool?
        var after: PlanTask?
        let big = 0...Int.max
        guard try object("", { d, k, _ in
            if d.s.keyIs(k, "op") { op = try d.string("op") }
            else if d.s.keyIs(k, "dubanJournal") { version = try d.int("dubanJournal", 1...Int.max, what: .jlWantVersion) }
            else if d.s.keyIs(k, "plan") { plan = try d.string("plan") }
            else if d.s.keyIs(k, "baseSize") || d.s.keyIs(k, "size") { size = try d.int("size", big, what: .jlWantBytes) }
            else if d.s.keyIs(k, "baseHash") || d.s.keyIs(k, "hash") { hash = try d.string("hash") }
            else if d.s.keyIs(k, "started") { started = try d.int("started", big, what: .jlWantTime) }
            else if d.s.keyIs(k, "at") { at = try d.int("at", big, what: .jlWantTime) }
            else if d.s.keyIs(k, "task") { task = try d.string("task") }
            else if d.s.keyIs(k, "cmd") { cmd = try d.string("cmd") }
            else if d.s.keyIs(k, "status") { status = try d.status("status") }
            else if d.s.keyIs(k, "progress") { progress = try d.int("progress", 0...100, what: .pjWantPercent) }
            else if d.s.keyIs(k, "note") { note = try d.string("note") }
            else if d.s.keyIs(k, "deadline") { hasDeadline = true; deadline = try d.date("deadline", nullable: true) }
            else if d.s.keyIs(k, "text") { text = try d.string("text") }
            else if d.s.keyIs(k, "lead") { lead = try d.stringArray("lead") }
            else if d.s.keyIs(k, "co") { co = try d.stringArray("co") }
            else if d.s.keyIs(k, "leaders") { leaders = try d.stringArray("leaders") }
            else if d.s.keyIs(k, "remarks") { remarks = try d.string("remarks") }
            else if d.s.keyIs(k, "date") { date = try d.date("date", nullable: false) }
            else if d.s.keyIs(k, "author") { author = try d.string("author", nullable: true) }
            else if d.s.keyIs(k, "period") { period = try d.string("period", nullable: true) }
            else if d.s.keyIs(k, "to") { extTo = try d.date("to", nullable: false) }
            else if d.s.keyIs(k, "reason") { reason = try d.string("reason") }
            else if d.s.keyIs(k, "index") { index = try d.int("index", big, what: .pjWantCount) }
            else if d.s.keyIs(k, "approve") { approve = try d.bool("approve") }
            else if d.s.keyIs(k, "after") { after = try d.task(0)?.0 }
            else { return false }
            return true
        }) != nil else { return nil }
        guard pending.isEmpty else { return nil }

        func missing(_ key: String) -> JournalLine? {
            problem(start, "", .k(.pjMissingKey, .text(key)))
            return nil
        }
        if let version {
            guard version <= JournalLine.formatVersion else {
                problem(start, "dubanJournal", .k(.jlNewerFormat, .t(version), .t(JournalLine.formatVersion)))
                return nil
            }
            guard let size else { return missing("baseSize") }
            guard let hash else { return missing("baseHash") }
            guard let h = ContentHash(size: size, text: hash) else {
                problem(start, "baseHash", .k(.jlHexDigits, .text(hash)))
                return nil
            }
            return .header(plan: plan ?? "", base: h, started: started ?? 0)
        }
        guard let op else { return missing(number == 1 ? "dubanJournal" : "op") }
        if op == "saving" {
            guard let size else { return missing("size") }
            guard let hash else { return missing("hash") }
            guard let h = ContentHash(size: size, text: hash) else {
                problem(start, "hash", .k(.jlHexDigits, .text(hash)))
                return nil
            }
            return .saving(h, time: at ?? 0)
        }
        guard let kind = JournalEntry.Kind(rawValue: op) else {
            problem(start, "op", .k(.jlUnknownOp, .text(op)))
            return nil
        }
        guard let task else { return missing("task") }
        guard let cmd else { return missing("cmd") }
        guard let date else { return missing("date") }
        guard let after else { return missing("after") }
        let command: EditCommand
        switch cmd {
        case "setStatus":
            guard let status else { return missing("status") }
            command = .setStatus(status)
        case "setProgress":
            guard let progress else { return missing("progress") }
            command = .setProgress(progress)
        case "addNote":
            guard let note else { return missing("note") }
            command = .addNote(note)
        case "setDeadline":
            guard hasDeadline else { return missing("deadline") }
            command = .setDeadline(deadline)
        case "setText":
            guard let text else { return missing("text") }
            command = .setText(text)
        case "setUnits":
            guard let lead else { return missing("lead") }
            command = .setUnits(lead: lead, co: co ?? [])
        case "setLeaders":
            guard let leaders else { return missing("leaders") }
            command = .setLeaders(leaders)
        case "setRemarks":
            guard let remarks else { return missing("remarks") }
            command = .setRemarks(remarks)
        case "requestExtension":
            guard let extTo else { return missing("to") }
            guard let reason else { return missing("reason") }
            command = .requestExtension(to: extTo, reason: reason)
        case "decideExtension":
            guard let index else { return missing("index") }
            guard let approve else { return missing("approve") }
            command = .decideExtension(index: index, approve: approve)
        default:
            problem(start, "cmd", .k(.jlUnknownCommand, .text(cmd)))
            return nil
        }
        guard after.id == task else {
            problem(start, "after.id", .k(.jlSnapshotMismatch, .text(after.id), .text(task)))
            return nil
        }
        return .entry(JournalEntry(kind: kind, edit: Edit(taskID: task, command: command, date: date, author: author, period: period),
                                   after: after, time: at ?? 0, line: number))
    }
}
