// libFuzzer target: the plan loader. Built by scripts/fuzz.sh against DubanCore.
//
// Any bytes must give a plan or a PlanLoadError naming a place, never a crash or a
// hang. A plan that loads must survive what the dashboard does with it: encode and
// decode to the same plan, build the store with every index, answer queries, take an
// edit and undo it.
@testable import DubanCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlanJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let buffer = UnsafeBufferPointer(start: data, count: size)
    let plan: Plan
    do {
        plan = try PlanJSON.decode(buffer, file: "fuzz.json")
    } catch let e as PlanLoadError {
        // Every problem has a place.
        for p in e.problems where p.line < 1 || p.column < 1 { fuzzFail("problem without a place: \(p)") }
        if e.problems.isEmpty { fuzzFail("a load error with no problem") }
        return 0
    } catch {
        fuzzFail("unexpected error type: \(error)")
    }
    let again: Plan
    do { again = try PlanJSON.decode(PlanJSON.encode(plan), file: "re-encoded.json") } catch {
        fuzzFail("a loaded plan does not load once saved: \(error)")
    }
    if again != plan { fuzzFail("a loaded plan changes through a save") }

    let asOf = PlanDate(year: 2020, month: 7, day: 1) ?? PlanDate(dayNumber: 0)
    let store = PlanStore(plan: plan, rules: Rules(asOf: asOf))
    _ = store.query(TaskFilter())
    _ = store.unitWorkload()
    _ = store.leaderWorkload(sortedBy: .overdue)
    for c in plan.chapters.prefix(16) { _ = store.tasks(inChapterTree: c.id) }
    var f = TaskFilter()
    f.text = "a"
    _ = store.query(f, sort: .deadline)
    if let t = plan.tasks.first {
        let before = store.plan
        if (try? store.apply(Edit(taskID: t.id, command: .addNote("fuzz"), date: asOf))) == true {
            store.undo()
            if store.plan != before { fuzzFail("undo did not restore the plan") }
        }
    }
    return 0
}

/// Stops the fuzzer with a message: a property the loader promises was broken.
func fuzzFail(_ message: String) -> Never {
    print("FUZZ PROPERTY BROKEN: \(message)")
    abort()
}

#if canImport(Glibc)
import Glibc
#endif
