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
        fuzzOpenPath(buffer, expected: nil)
        return 0
    } catch {
        fuzzFail("unexpected error type: \(error)")
    }
    fuzzOpenPath(buffer, expected: plan)
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

/// The same bytes as a file (inputs whose length is a multiple of 8), through the public
/// open path (`SafeOpen` under `PlanFile.loadForEditing`): a regular file gives what the bytes give; read with a
/// limit taken from the input, it is refused exactly when larger; and (one input in 16)
/// a FIFO or a link to a device at the plan's path is refused at once, never waited on.
func fuzzOpenPath(_ bytes: UnsafeBufferPointer<UInt8>, expected: Plan?) {
    // Files cost system calls: one input in 8 (by length) keeps the loader's rate.
    guard bytes.count & 7 == 0 else { return }
    let path = "/tmp/duban-fuzz-open-\(getpid()).json"
    unlink(path)
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    if fd < 0 { fuzzFail("cannot create \(path)") }
    if bytes.count > 0, write(fd, bytes.baseAddress!, bytes.count) != bytes.count { fuzzFail("short write to \(path)") }
    close(fd)
    defer { unlink(path) }
    do {
        let opened = try PlanFile.loadForEditing(path: path)
        if expected == nil { fuzzFail("the file loads where the bytes did not") }
        if opened.plan != expected { fuzzFail("the file loads differently from its bytes") }
        if opened.bytes != Array(bytes) { fuzzFail("the bytes read are not the file's") }
    } catch is PlanLoadError {
        if expected != nil { fuzzFail("the file does not load where the bytes did") }
    } catch {
        fuzzFail("a regular file refused: \(error)")
    }
    let limit = bytes.isEmpty ? 0 : Int(bytes[bytes.count - 1]) * 4
    do {
        let read = try SafeOpen.read(path, as: .plan, limit: limit).bytes
        if read.count > limit { fuzzFail("read \(read.count) bytes over a limit of \(limit)") }
    } catch SafeOpenError.tooLarge {
        if bytes.count <= limit { fuzzFail("refused \(bytes.count) bytes under a limit of \(limit)") }
    } catch {
        fuzzFail("unexpected error: \(error)")
    }
    guard let first = bytes.first, first % 16 == 0 else { return }
    unlink(path)
    let fifo = first % 32 == 0
    if fifo ? mkfifo(path, 0o600) != 0 : symlink("/dev/zero", path) != 0 { fuzzFail("cannot make \(path)") }
    do {
        _ = try PlanFile.loadForEditing(path: path)
        fuzzFail("a special file was read as a plan")
    } catch SafeOpenError.notRegular(_, .plan, let what) {
        if what != (fifo ? .fifo : .characterDevice) { fuzzFail("a \(fifo ? "FIFO" : "device") called \(what)") }
    } catch {
        fuzzFail("unexpected error for a special file: \(error)")
    }
}

/// Stops the fuzzer with a message: a property the loader promises was broken.
func fuzzFail(_ message: String) -> Never {
    print("FUZZ PROPERTY BROKEN: \(message)")
    abort()
}

#if canImport(Glibc)
import Glibc
#endif
