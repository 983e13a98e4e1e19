/// What a journal holds that is not yet in the plan file.
public struct JournalPending: Sendable {
    /// The journal file.
    public var journalPath: String
    /// The changes not yet saved, oldest first.
    public var entries: [JournalEntry]
    /// true when the plan on disk is the version the entries were made on, so replay
    /// gives exactly the plan the user saw. false when the plan changed on disk since
    /// (another inspector saved it): the entries can then only be merged, as commands.
    public var baseMatches: Bool
    /// Lines that could not be read: a torn last line after a kill mid-write, or damage.
    /// Each is `path:line:column: message`.
    public var notes: [String]
    /// When the journal was started (seconds since 1970), 0 when unknown.
    public var started: Int
}

/// A journal file's lines, read and checked against the plan on disk.
struct JournalContents {
    var header: (plan: String, base: ContentHash, started: Int)?
    /// Entries and saving markers after the header, in order.
    var lines: [JournalLine] = []
    /// What could not be read, each with the count of `lines` read before it.
    var notes: [(at: Int, text: String)] = []
    /// Where lines were skipped for damage, as in `notes` (a torn last line is not
    /// counted: it was never finished, so never shown as done).
    var damagedAt: [Int] = []
    /// Bytes up to the end of the last complete, readable line: appending resumes there.
    var goodLength = 0

    /// Reads a journal's bytes. A last line without its newline is a write cut short by a
    /// kill or a crash: it is dropped with a note. A damaged line in the middle is skipped
    /// with a note and reading goes on, so that the edits after it are not lost.
    init(_ bytes: [UInt8], path: String) {
        bytes.withUnsafeBufferPointer { buf in
            var start = 0
            var number = 0
            while start < buf.count {
                number += 1
                var end = start
                while end < buf.count, buf[end] != 0x0A { end += 1 }
                let complete = end < buf.count
                let line = UnsafeBufferPointer(rebasing: buf[start..<end])
                let next = complete ? end + 1 : end
                defer { start = next }
                if !complete {
                    notes.append((lines.count, "\(path):\(number): the last line was cut short (the program was stopped while writing it); ignored"))
                    break
                }
                if line.isEmpty || line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) {
                    goodLength = next
                    continue
                }
                switch JournalLine.parse(line, number: number, file: path) {
                case .success(let l):
                    if case .header(let plan, let base, let started) = l {
                        if header == nil && lines.isEmpty {
                            header = (plan, base, started)
                        } else {
                            notes.append((lines.count, "\(path):\(number):1: a second journal header; ignored"))
                            damagedAt.append(lines.count)
                        }
                    } else if header == nil {
                        notes.append((lines.count, "\(path):\(number):1: an entry before the journal header; ignored"))
                        damagedAt.append(lines.count)
                    } else {
                        lines.append(l)
                    }
                    goodLength = next
                case .failure(let e):
                    notes.append((lines.count, "\(path):\(number):\(e.column): \(e.message); line skipped"))
                    damagedAt.append(lines.count)
                    goodLength = next
                }
            }
        }
    }

    /// The entries not yet in the plan whose bytes hash to `plan`: those after the last
    /// point (the header or a saving marker) naming that version. When no point names it,
    /// the plan changed on disk: every entry is pending, to be merged.
    /// `plan` gives the plan's hash of the kind a line recorded (a journal of format 1
    /// recorded FNV-1a, worked out only if asked for).
    func pending(plan: ContentHash, path: String) -> JournalPending? {
        pending(plan: { $0 == plan.kind ? plan : nil }, path: path)
    }

    func pending(plan: (ContentHash.Kind) -> ContentHash?, path: String) -> JournalPending? {
        guard let header else {
            if damagedAt.isEmpty { return nil }
            return JournalPending(journalPath: path, entries: [], baseMatches: false, notes: notes.map(\.text), started: 0)
        }
        var after = -1
        var hashes: [ContentHash.Kind: ContentHash?] = [:]
        func names(_ h: ContentHash) -> Bool {
            if hashes[h.kind] == nil { hashes[h.kind] = .some(plan(h.kind)) }
            return hashes[h.kind].flatMap { $0 } == h
        }
        if names(header.base) { after = 0 }
        for (i, l) in lines.enumerated() {
            if case .saving(let h, _) = l, names(h) { after = i + 1 }
        }
        let matches = after >= 0
        let from = max(after, 0)
        let entries: [JournalEntry] = lines[from...].compactMap { if case .entry(let e) = $0 { return e } else { return nil } }
        // Damage before the version on disk was saved over does not matter any more.
        if entries.isEmpty && !damagedAt.contains(where: { $0 >= from }) { return nil }
        return JournalPending(journalPath: path, entries: entries, baseMatches: matches,
                              notes: notes.filter { $0.at >= from }.map(\.text), started: header.started)
    }
}
