#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the figures were measured on, from /proc.
enum Machine {
    static func text(_ path: String) -> String {
        guard let f = fopen(path, "r") else { return "" }
        defer { fclose(f) }
        var out = [UInt8]()
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buf, 1, buf.count, f)
            if n <= 0 { break }
            out += buf[0..<n]
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func field(_ file: String, _ key: String) -> String? {
        for line in text(file).split(separator: "\n") where line.hasPrefix(key) {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters()
            }
        }
        return nil
    }

    static var cpus: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
    static var model: String { field("/proc/cpuinfo", "model name") ?? "unknown" }
    static var memory: String { field("/proc/meminfo", "MemTotal") ?? "unknown" }
    static var load: String { text("/proc/loadavg").split(separator: " ").prefix(3).joined(separator: " ") }

    /// Peak resident memory of this process so far, in bytes (VmHWM).
    static var peakResident: Int {
        let v = field("/proc/self/status", "VmHWM") ?? "0 kB"
        return (Int(v.split(separator: " ").first ?? "0") ?? 0) * 1024
    }

    static var description: String {
        "\(cpus) CPUs (nproc), \(model), \(memory) memory"
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
