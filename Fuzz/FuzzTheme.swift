// libFuzzer target: the theme loader (and the config file, parsed the same way). Any text
// must give a theme, falling back to the default for what is wrong, and problems that
// each name the file, a line and a column; never a crash.
import DubanTUI
#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTheme(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let (_, problems) = ThemeParser.parse(text, name: "fuzz", path: "fuzz.theme")
    for p in problems where p.line < 1 { fuzzFail("theme problem without a line: \(p)") }
    _ = DashboardConfig.parse(text, path: "fuzz.conf")
    return 0
}

func fuzzFail(_ message: String) -> Never {
    print("FUZZ PROPERTY BROKEN: \(message)")
    abort()
}
