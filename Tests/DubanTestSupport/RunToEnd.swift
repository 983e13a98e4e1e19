import Foundation

/// A program run to its end as a user would run it: its standard output and error read
/// whole, its exit status. The one way the CLI tests start a process (the watchdog tests of
/// SafeOpenCLITests add a time limit of their own).
public struct Finished {
    public var status: Int32
    public var out: Data
    public var err: Data
    public var seconds: Double
}

public func runToEnd(_ exe: URL, _ args: [String], env: [String: String], in dir: URL? = nil) throws -> Finished {
    let p = Process()
    p.executableURL = exe
    p.arguments = args
    p.environment = env
    if let dir { p.currentDirectoryURL = dir }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    let start = Date()
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Finished(status: p.terminationStatus, out: o, err: e, seconds: Date().timeIntervalSince(start))
}

/// A finished run with its standard output and error as UTF-8 text: what most tests compare.
public struct Ran {
    public var status: Int32
    public var out: String
    public var err: String
    public init(status: Int32, out: String, err: String) { self.status = status; self.out = out; self.err = err }
}

extension Finished {
    public var text: Ran { Ran(status: status, out: String(decoding: out, as: UTF8.self), err: String(decoding: err, as: UTF8.self)) }
}

/// The executables built beside the test bundle (`.build/<config>/dubanPackageTests.xctest`
/// -> `.build/<config>/duban`).
public enum BuiltProducts {
    public static var folder: URL { URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent() }
    public static var duban: URL { folder.appendingPathComponent("duban") }
}
