#if canImport(Foundation)
import Foundation

/// The decoders we did not choose, measured on the same file (DECISIONS.md, ## Parser).
enum Candidates {
    /// Mirrors of the plan types for JSONDecoder (unknown keys are ignored, so this does
    /// less than PlanJSON, which keeps them).
    struct CPlan: Decodable {
        var formatVersion: Int; var title: String
        var chapters: [CChapter]; var tasks: [CTask]; var units: [CUnit]?
    }
    struct CChapter: Decodable { var id: String; var label: String; var title: String; var parent: String? }
    struct CTask: Decodable {
        var id: String; var number: String?; var chapter: String?; var text: String
        var leaders: [String]; var leadUnits: [String]; var coUnits: [String]
        var deadline: String?; var deadlineAssumed: Bool; var status: String; var progress: Int
        var remarks: String; var history: [CEntry]
    }
    struct CEntry: Decodable { var date: String; var status: String; var progress: Int; var note: String; var author: String? }
    struct CUnit: Decodable { var name: String; var aliases: [String]; var group: Bool; var members: [String] }

    static func jsonSerialization(path: String) -> Double? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return timed { _ = try? JSONSerialization.jsonObject(with: data) }
    }

    static func jsonDecoder(path: String) -> Double? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var ok = false
        let t = timed { ok = (try? JSONDecoder().decode(CPlan.self, from: data)) != nil }
        return ok ? t : nil
    }
}
#endif
