import DubanCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the importer looks for the converters of files it cannot read itself, and how long
/// it lets them run.
public struct ConverterSettings: Sendable {
    /// Run a converter found on the search path (else the message naming it).
    public var enabled = true
    /// Folders searched for `libreoffice` / `soffice` / `pdftotext`, `:`-separated; nil is $PATH.
    public var searchPath: String? = nil
    /// Seconds a converter may run before it is stopped.
    public var timeout: Double = 120
    public init() {}
}

/// A converter that was found and run but gave nothing to import.
public enum ConvertError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedMessage {
    case failed(file: String, program: String, reason: String, manual: String)
    case timedOut(file: String, program: String, seconds: Int, manual: String)
    case noOutput(file: String, program: String, manual: String)

    public func message(_ S: Strings) -> String {
        switch self {
        case .failed(let f, let p, let r, let m): return S.format(.errConvertFailed, f, p, r, m)
        case .timedOut(let f, let p, let s, let m): return S.format(.errConvertTimeout, f, p, s, m)
        case .noOutput(let f, let p, let m): return S.format(.errConvertNoOutput, f, p, m)
        }
    }

    public var description: String { message(Strings(.en)) }
}

/// Runs LibreOffice (Word 97-2003 and WPS files to .docx, so their tables stay tables) or
/// pdftotext (PDF to text laid out as on the page) on a copy of the file in a temporary
/// folder of its own, with a time limit, and gives back the bytes it wrote.
enum Converters {
    private static let S0 = Strings(.en)
    struct Output { var bytes: [UInt8]; var command: String }

    /// The program that converts `format` on this machine, or nil.
    static func program(for format: NoticeFormat, settings: ConverterSettings) -> String? {
        guard settings.enabled else { return nil }
        let names: [String]
        switch format {
        case .doc, .wps: names = ["libreoffice", "soffice"]
        case .pdf: names = ["pdftotext"]
        default: return nil
        }
        let path = settings.searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for dir in path.split(separator: ":") where !dir.isEmpty {
                let p = dir + "/" + name
                if access(p, X_OK) == 0 { return p }
            }
        }
        return nil
    }

    /// Converts `bytes` (a `format` file named `source`) with `program`. Nil output never: an
    /// error names what went wrong and the command to run by hand.
    static func run(_ program: String, format: NoticeFormat, bytes: [UInt8], source: String,
                    settings: ConverterSettings) throws(ConvertError) -> Output {
        let manual = format.converter(for: source)
        let name = program.split(separator: "/").last.map(String.init) ?? program
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("duban-convert-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? fm.removeItem(at: dir) }
        let ext: String = format == .pdf ? "pdf" : (format == .wps ? "wps" : "doc")
        let input = dir.appendingPathComponent("notice.\(ext)")
        let outDir = dir.appendingPathComponent("out")
        do {
            try fm.createDirectory(at: outDir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try Data(bytes).write(to: input)
        } catch {
            throw .failed(file: source, program: name, reason: String(describing: error), manual: manual)
        }
        let args: [String]
        let output: URL
        let shown: String
        if format == .pdf {
            output = outDir.appendingPathComponent("notice.txt")
            args = ["-layout", "-enc", "UTF-8", input.path, output.path]
            shown = "pdftotext -layout -enc UTF-8"
        } else {
            output = outDir.appendingPathComponent("notice.docx")
            // A profile of its own: a LibreOffice the user has open does not take the job.
            args = ["-env:UserInstallation=file://" + dir.appendingPathComponent("profile").path,
                    "--headless", "--norestore", "--convert-to", "docx", "--outdir", outDir.path, input.path]
            shown = "\(name) --headless --convert-to docx"
        }
        let log = dir.appendingPathComponent("log")
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = dir.path
        let status: Int32
        switch spawn(program, args, env: env, log: log.path, timeout: settings.timeout) {
        case .failed(let reason): throw .failed(file: source, program: name, reason: reason, manual: manual)
        case .timedOut: throw .timedOut(file: source, program: name, seconds: Int(settings.timeout.rounded()), manual: manual)
        case .exited(let s): status = s
        }
        // Read as a notice is (a regular file, at most the notice limit).
        let read: [UInt8]?
        do { read = try SafeOpen.read(output.path, as: .notice).bytes } catch {
            if case .tooLarge = error { throw .failed(file: source, program: name, reason: S0.describe(error), manual: manual) }
            read = nil
        }
        guard let out = read, !out.isEmpty else {
            if status != 0 {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                let last = text.split(separator: "\n").last.map(String.init) ?? ""
                let reason = "exit \(status)" + (last.isEmpty ? "" : ": " + TerminalText.clean(String(last.prefix(200))))
                throw .failed(file: source, program: name, reason: reason, manual: manual)
            }
            throw .noOutput(file: source, program: name, manual: manual)
        }
        return Output(bytes: out, command: shown)
    }

    enum Spawned { case exited(Int32), timedOut, failed(String) }

    /// Runs `program` in a process group of its own (so a timeout stops LibreOffice's children
    /// too), standard input from /dev/null, standard output and error into `log`.
    static func spawn(_ program: String, _ args: [String], env: [String: String], log: String, timeout: Double) -> Spawned {
        var fa = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fa)
        defer { posix_spawn_file_actions_destroy(&fa) }
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&fa, 1, 2)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attr, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + args).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0.key + "=" + $0.value) } + [nil]
        defer { for p in argv { free(p) }; for p in envp { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, program, &fa, &attr, argv, envp)
        guard rc == 0 else { return .failed(String(cString: strerror(rc))) }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let w = waitpid(pid, &status, WNOHANG)
            if w == pid { break }
            if w < 0 && errno != EINTR { return .failed(String(cString: strerror(errno))) }
            if Date() >= deadline {
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                return .timedOut
            }
            usleep(10_000)
        }
        // Children it left behind (LibreOffice's) go with it.
        kill(-pid, SIGKILL)
        if status & 0x7F == 0 { return .exited((status >> 8) & 0xFF) }
        return .exited(128 + (status & 0x7F))
    }
}
