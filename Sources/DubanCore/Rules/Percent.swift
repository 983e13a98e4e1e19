/// Percentages as inspectors read them: whole numbers rounded half up (3 of 8 done is
/// 37.5%, shown 38%; 序时进度 66.9% is 67%), never rounded down. Every percentage the
/// core computes (Tally, the expected progress, reports) and the screen shows comes
/// from here.
public enum Percent {
    /// `part` of `whole` as a whole percentage, half up; nil when `whole` is 0 (0 of 0 is
    /// no percentage: shown "—", never 0%).
    public static func of(_ part: Int, _ whole: Int) -> Int? {
        guard whole > 0 else { return nil }
        // (part * 100 / whole) + 0.5, floored, in integers: exact for every Int pair here.
        return (part * 200 + whole) / (2 * whole)
    }

    /// A percentage already computed as a fraction, half up.
    public static func rounded(_ x: Double) -> Int {
        guard x.isFinite else { return 0 }
        return Int((x + 0.5).rounded(.down))
    }
}
