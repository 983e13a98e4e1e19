// libFuzzer target: the notice importer. Any bytes (any encoding, HTML, binary) must give
// a plan or an ImportError naming the file, never a crash or a hang; a plan it gives
// must be a valid plan file once saved.
import DubanCore
import DubanImport
#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let options = ImportOptions(useUserAliasFile: false)
    let result: ImportResult
    do { result = try NoticeImporter(options: options).importNotice(bytes: bytes, source: "fuzz.txt") } catch {
        if !String(describing: error).hasPrefix("fuzz.txt: ") { fuzzFail("error does not name the file: \(error)") }
        return 0
    }
    let encoded = PlanJSON.encode(result.plan)
    do {
        let back = try PlanJSON.decode(encoded, file: "imported.json")
        if back != result.plan { fuzzFail("the imported plan changes through a save") }
    } catch {
        fuzzFail("the imported plan is not a valid plan file: \(error)")
    }
    _ = result.report(file: "fuzz.txt")
    return 0
}

func fuzzFail(_ message: String) -> Never {
    print("FUZZ PROPERTY BROKEN: \(message)")
    abort()
}
