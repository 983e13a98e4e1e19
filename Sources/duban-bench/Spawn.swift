#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of another program: wall time, peak memory (ru_maxrss of the child) and
/// exit status. Standard output goes to /dev/null; the child's own start-up is part of
/// the time, as it is for anyone who types the command.
struct ChildRun {
    var seconds: Double
    var peakResident: Int
    var status: Int32
    /// User plus system CPU seconds of the child (wait4's rusage: unlike its peak memory,
    /// CPU time is the child's own). On a shared machine it moves far less than wall time.
    var cpu: Double = 0
    var ok: Bool { status == 0 }
}

func spawn(_ argv: [String], quiet: Bool = true, quietErrors: Bool = false) -> ChildRun? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if quiet { posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0) }
    if quietErrors { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }
    let cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for p in cargs { free(p) } }
    var pid: pid_t = 0
    let t0 = now()
    guard posix_spawnp(&pid, argv[0], &actions, nil, cargs, environ) == 0 else { return nil }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
        if errno != EINTR { return nil }
    }
    let t = now() - t0
    let exited = (status & 0x7f) == 0
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    return ChildRun(seconds: t, peakResident: Int(usage.ru_maxrss) * 1024,
                    status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), cpu: cpu)
}

/// Whether a program is on PATH.
func onPath(_ name: String) -> Bool {
    spawn(["sh", "-c", "command -v \(name)"])?.ok ?? false
}

/// Runs a program to its end and returns what it printed on standard output (standard
/// error to /dev/null) and its exit status.
func spawnCapture(_ argv: [String]) -> (out: String, status: Int32) {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return ("", -1) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addclose(&actions, fds[0])
    posix_spawn_file_actions_addclose(&actions, fds[1])
    let cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for p in cargs { free(p) } }
    var pid: pid_t = 0
    let rc = posix_spawnp(&pid, argv[0], &actions, nil, cargs, environ)
    close(fds[1])
    guard rc == 0 else { close(fds[0]); return ("", -1) }
    var bytes: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = read(fds[0], &buf, buf.count)
        if n > 0 { bytes += buf[0..<n] } else if n < 0 && errno == EINTR { continue } else { break }
    }
    close(fds[0])
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (String(decoding: bytes, as: UTF8.self), (status >> 8) & 0xff)
}
