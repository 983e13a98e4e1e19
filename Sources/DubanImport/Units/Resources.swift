import Foundation

/// Finds the files shipped in Resources/ without `Bundle.module`, whose accessor
/// stops the program when the bundle has been moved away from the executable.
enum ImportResources {
    static func url(named name: String) -> URL? {
        let fm = FileManager.default
        var candidates: [URL] = []
        for bundleName in ["duban_DubanImport.resources", "duban_DubanImport.bundle"] {
            candidates.append(Bundle.main.bundleURL.appendingPathComponent(bundleName))
            if let exe = Bundle.main.executableURL {
                candidates.append(exe.deletingLastPathComponent().appendingPathComponent(bundleName))
            }
            for b in Bundle.allBundles {
                candidates.append(b.bundleURL.deletingLastPathComponent().appendingPathComponent(bundleName))
            }
        }
        for base in candidates {
            for sub in ["Resources/" + name, "Contents/Resources/Resources/" + name, name] {
                let u = base.appendingPathComponent(sub)
                if fm.fileExists(atPath: u.path) { return u }
            }
        }
        // Running from the source tree (swift run, swift test): the folder next to this file.
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let source = here.appendingPathComponent("Resources").appendingPathComponent(name)
        if fm.fileExists(atPath: source.path) { return source }
        return nil
    }
}
