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
