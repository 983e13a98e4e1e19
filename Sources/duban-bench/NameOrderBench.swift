import DubanCore
import DubanSynthetic
import Foundation

/// `--only name-order [--names N]`: the cost of sorting names in pinyin order (issue 12:
/// `NameOrder`, one key per name, then a sort on the keys) against sorting by code
/// point and against Foundation's ICU collation (`compare(_:locale:)`), on N names
/// taken from a generated plan's units and task texts (Chinese, 4 to 12 characters).
func nameOrderRows(names count: Int, runs: Int) -> [String] {
    let plan = PlanGenerator(tasks: max(count / 2, 1), units: 300, seed: 3).generate()
    var names: [String] = []
    names.reserveCapacity(count)
    var k = 0
    while names.count < count {
        let t = plan.tasks[k % plan.tasks.count]
        let text = Array(t.text)
        let start = (k / plan.tasks.count) % max(text.count - 12, 1)
        names.append(String(text[min(start, text.count)..<min(start + 4 + k % 9, text.count)]) + (t.leadUnits.first ?? ""))
        k += 1
    }
    func time(_ body: () -> Int) -> (Double, Int) {
        var best = Double.infinity
        var check = 0
        for _ in 0..<runs {
            let t0 = DispatchTime.now().uptimeNanoseconds
            check = body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
        return (best, check)
    }
    let (keys, _) = time { names.reduce(0) { $0 + NameOrder.key($1).count } }
    let (pinyin, _) = time { NameOrder.sorted(names).count }
    let (scalars, _) = time {
        names.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }.count
    }
    let locale = Locale(identifier: "zh_CN")
    let icuCount = min(count, 20_000)
    let sample = Array(names.prefix(icuCount))
    let (icu, _) = time { sample.sorted { $0.compare($1, locale: locale) == .orderedAscending }.count }
    func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }
    return [
        "| keys for \(count) names (NameOrder.key) | \(ms(keys)) |",
        "| \(count) names sorted in pinyin order (NameOrder.sorted) | \(ms(pinyin)) |",
        "| \(count) names sorted by code point | \(ms(scalars)) |",
        "| \(icuCount) names sorted by ICU collation (compare(_:locale: zh_CN)) | \(ms(icu)) |",
    ]
}
