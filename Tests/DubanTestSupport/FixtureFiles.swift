import Foundation

/// The repository's copies of the real notices and seeds (Tests/Fixtures), so no test
/// depends on a file outside the repository.
public enum FixtureFiles {
    public static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // DubanTestSupport
        .deletingLastPathComponent()   // Tests
        .appendingPathComponent("Fixtures")
}
