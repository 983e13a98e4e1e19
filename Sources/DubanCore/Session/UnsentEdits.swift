#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// issue 15, pgtui: the edits a dashboard on a shared plan made while the server could not
/// be reached, kept on disk until they are sent (by the dashboard when the server is back,
/// by the next dashboard opened on the plan, or by `duban recover`).
///
/// The file is `$XDG_STATE_HOME/duban/unsent/<key>.jsonl` (else
/// `~/.local/state/duban/unsent/…`), where `<key>` is the FNV-1a 64 hash, in hex, of the
/// address without its password, a newline and the plan's name. It is JSON Lines:
///
///     {"dubanUnsent": 1,"address": "postgres://ana@db.office:5432/duban?plan=2020","plan": "2020"}
///     {"expecting":3,"op":"edit","at":1714557660,"task":"t3","cmd":"setStatus","status":"done","date":"2020-09-01","author":"张三","after":{…}}
///     {"expecting":null,"op":"edit",…}
///
/// The first line names the shared plan. Every other line is one edit, oldest first, in
/// the dashboard journal's encoding of an edit (`JournalLine`: op, at, task, cmd and the
/// command's own keys, date, author, period, and `after`, the task as the dashboard showed
/// it with the edit made) with one key more, written first: `expecting`, the task's row
/// version the edit was made on (null: whatever is there), then (issue 15, pgloop) `id`,
/// the edit's name for the server, when it has one (`SharedPlan.commit(…, editID:)`: sent
/// again after a lost answer, it is not made twice). Sending one is
/// `SharedPlan.commit(edit, expecting:)`: a task changed in between is merged, as for any
/// edit. The file is rewritten whole (a temporary beside it, then renamed) after each
/// change, and removed when nothing is left to send.
public struct UnsentEdits {
    public struct Item: Hashable, Sendable {
        public var edit: Edit
        /// The row version the edit was made on.
        public var expecting: Int?
        /// The task as the dashboard showed it after the edit.
        public var after: PlanTask
        /// When it was made: seconds since 1970, UTC.
        public var time: Int
        /// issue 15, pgloop: its name for the server (`SharedPlan.commit(…, editID:)`), so
        /// that sending it again after a lost answer does not make it twice; nil in files
        /// written before.
        public var id: String?

        public init(edit: Edit, expecting: Int?, after: PlanTask, time: Int, id: String? = nil) {
            self.edit = edit; self.expecting = expecting; self.after = after; self.time = time; self.id = id
        }
    }

    /// The address without password and the plan's name the file is for.
    public let address: String
    public let planName: String
    /// The file; nil when there is no state folder (no HOME): edits then wait in memory only.
    public let path: String?
    /// The edits waiting, oldest first.
    public private(set) var items: [Item] = []
    /// Lines that could not be read, each `path:line:column: message`.
    public private(set) var notes: [String] = []

    /// The file for a shared plan (nothing is read).
    public static func path(address: String, planName: String, environment env: [String: String]) -> String? {
        let folder: String
        if let x = env["XDG_STATE_HOME"], x.hasPrefix("/") { folder = x + "/duban/unsent" }
        else if let h = env["HOME"], !h.isEmpty { folder = h + "/.local/state/duban/unsent" }
        else { return nil }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in (address + "\n" + planName).utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let hex = String(h, radix: 16)
        return folder + "/" + String(repeating: "0", count: 16 - hex.count) + hex + ".jsonl"
    }

    /// Opens (reads, when it exists) the file of unsent edits of a shared plan.
    public init(address: String, planName: String, environment: [String: String]) {
        self.address = address
        self.planName = planName
        self.path = Self.path(address: address, planName: planName, environment: environment)
        if let path { read(path) }
    }

    /// Reads a file of unsent edits at a path (`duban recover`).
    public init(path: String) {
        self.address = ""
        self.planName = ""
        self.path = path
        read(path)
    }

    public var isEmpty: Bool { items.isEmpty }
    public var count: Int { items.count }

    /// Keeps one more edit (the file rewritten before this returns).
    public mutating func append(_ item: Item) throws {
        items.append(item)
        try write()
    }

    /// The first edit was sent (or refused for good): it is dropped from the file.
    public mutating func dropFirst() throws {
        guard !items.isEmpty else { return }
        items.removeFirst()
        try write()
    }

    /// issue 15, pgloop: the first edit was committed at row version `version`: it is
    /// dropped, and the later edits on its task that were made on the same version as it
    /// (made while it was on its way, on top of it) now expect `version`, so they are not
    /// taken for edits made on a task someone changed meanwhile. One rewrite of the file.
    public mutating func dropFirst(committedAt version: Int) throws {
        guard !items.isEmpty else { return }
        let first = items.removeFirst()
        if let was = first.expecting {
            for k in items.indices where items[k].edit.taskID == first.edit.taskID && items[k].expecting == was {
                items[k].expecting = version
            }
        }
        try write()
    }

    // MARK: the file

    mutating func read(_ path: String) {
        guard let (bytes, _) = try? SafeOpen.read(path, as: .journal) else { return }
        var number = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            number += 1
            let line = Array(bytes[start..<end])
            start = end + 1
            if line.isEmpty || line.starts(with: Array("{\"dubanUnsent\"".utf8)) { continue }
            guard end < bytes.count else {
                notes.append("\(path):\(number): the last line was cut short; ignored")
                break
            }
            var expecting: Int? = nil
            var id: String? = nil
            let prefix = Array("{\"expecting\":".utf8)
            if line.starts(with: prefix) {
                var k = prefix.count
                var digits = 0
                var v = 0
                while k < line.count, line[k] >= 0x30, line[k] <= 0x39, digits < 18 {
                    v = v * 10 + Int(line[k] - 0x30); k += 1; digits += 1
                }
                if digits > 0 { expecting = v } else if line[k...].starts(with: Array("null".utf8)) { k += 4 }
                // issue 15, pgloop: `"id":"…"` next, when the edit has a name.
                let idKey = Array(",\"id\":\"".utf8)
                if line[k...].starts(with: idKey) {
                    var e = k + idKey.count
                    let s = e
                    while e < line.count, line[e] != 0x22 { e += 1 }
                    id = String(decoding: line[s..<e], as: UTF8.self)
                }
            }
            let parsed = line.withUnsafeBufferPointer { JournalLine.parse($0, number: number, file: path) }
            switch parsed {
            case .success(.entry(let e)):
                items.append(Item(edit: e.edit, expecting: expecting, after: e.after, time: e.time, id: id))
            case .success:
                notes.append("\(path):\(number):1: not an edit; line skipped")
            case .failure(let f):
                notes.append("\(path):\(number):\(f.column): \(f.message); line skipped")
            }
        }
    }

    /// The file's bytes for the edits now waiting.
    public var bytes: [UInt8] {
        var w = PlanWriter()
        w.out.append(0x7B)
        w.depth = 1
        var first = true
        w.key("dubanUnsent", first: &first); w.int(1)
        w.key("address", first: &first); w.string(address)
        w.key("plan", first: &first); w.string(planName)
        w.out.append(0x7D)
        var out = JournalLine.compact(w.out.bytes) + [0x0A]
        for item in items {
            let entry = JournalLine.entry(JournalEntry(kind: .edit, edit: item.edit, after: item.after, time: item.time)).bytes
            out += Array("{\"expecting\":\(item.expecting.map(String.init) ?? "null"),".utf8)
            if let id = item.id { out += Array("\"id\":\"\(id)\",".utf8) }
            out += entry.dropFirst()
        }
        return out
    }

    func write() throws {
        guard let path else { return }
        if items.isEmpty {
            unlink(path)
            return
        }
        var folder = ""
        for part in path.split(separator: "/").dropLast() {
            folder += "/" + part
            if mkdir(folder, 0o700) != 0 && errno != EEXIST {
                throw FileError.cannotWrite(path: path, reason: SafeOpen.text(errno))
            }
        }
        _ = try PlanFile.write(bytes, to: path, expecting: nil, backup: false)
    }
}
