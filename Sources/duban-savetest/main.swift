// The child of the kill test (Tests/DubanCoreTests/ReliabilityKillTests.swift): saves two
// versions of a plan over one file, alternately, until it is killed.
//
//     duban-savetest PLAN.json A.json B.json
//
// It reads A and B once, writes one byte to standard output when it is about to start
// saving (so the test can aim its kill at the saves, not at start-up), then loops forever
// writing A, B, A, ... with `PlanFile.write`, the same atomic save the dashboard uses.
import DubanCore
#if canImport(Glibc)
import Glibc
#endif

let args = CommandLine.arguments
func fail(_ message: String, _ code: Int32) -> Never {
    let bytes = Array("duban-savetest: \(message)\n".utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(code)
}

guard args.count == 4 else { fail("usage: duban-savetest PLAN.json A.json B.json", 2) }
do {
    let versions = [try PlanFile.read(path: args[2]), try PlanFile.read(path: args[3])]
    var ready: UInt8 = 0x2E
    _ = write(1, &ready, 1)
    var k = 0
    while true {
        try PlanFile.write(versions[k & 1], to: args[1], expecting: nil, backup: true)
        k += 1
    }
} catch {
    fail("\(error)", 1)
}
