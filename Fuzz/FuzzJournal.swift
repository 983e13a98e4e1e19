// libFuzzer target: the journal reader. A journal is written by duban, but a disk error,
// a kill mid-write or a hand edit can leave anything in it: reading it must give the
// entries it can and notes for the rest, never a crash.
@testable import DubanCore
#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournal(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let contents = JournalContents(bytes, path: "fuzz.journal")
    if contents.goodLength > bytes.count { fuzzFail("resumes past the end") }
    guard let pending = contents.pending(plan: ContentHash(size: 0, value: 0), path: "fuzz.journal") else { return 0 }
    // Whatever was read replays onto a small plan without trapping, exact or merged.
    var plan = Plan(title: "fuzz")
    var ids = Set<String>()
    for e in pending.entries.prefix(64) where ids.insert(e.edit.taskID).inserted {
        plan.tasks.append(PlanTask(id: e.edit.taskID, text: "任务"))
    }
    let asOf = PlanDate(year: 2020, month: 7, day: 1) ?? PlanDate(dayNumber: 0)
    for exact in [true, false] {
        let store = PlanStore(plan: plan, rules: Rules(asOf: asOf))
        _ = Journal.replay(pending.entries, onto: store, exact: exact)
    }
    // Every entry read writes back to the same line.
    for e in pending.entries {
        let line = JournalLine.entry(e).bytes
        let back = line.dropLast().withUnsafeBufferPointer { JournalLine.parse($0, number: e.line, file: "f") }
        guard case .success(.entry(let again)) = back, again == e else { fuzzFail("entry does not round-trip: line \(e.line)") }
    }
    return 0
}

func fuzzFail(_ message: String) -> Never {
    print("FUZZ PROPERTY BROKEN: \(message)")
    abort()
}
