/// A calendar day with no time of day and no time zone: what a deadline or an
/// "as of" date is. Stored as days since 1970-01-01 (proleptic Gregorian), so
/// comparisons and differences are integer operations.
public struct PlanDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// nil when the day does not exist (2021-02-29, month 13, ...).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= PlanDate.daysIn(month: month, year: year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        dayNumber = era * 146097 + doe - 719468
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        var text = text
        let parsed: PlanDate? = text.withUTF8 { PlanDate(isoBytes: $0) }
        guard let parsed else { return nil }
        self = parsed
    }

    public init?(isoBytes b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var v = 0
            for i in range {
                let c = b[i]
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            return v
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10),
              let date = PlanDate(year: y, month: m, day: d) else { return nil }
        self = date
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    public var year: Int { components.year }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let (y, m, d) = components
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    public var description: String { iso }

    public func adding(days: Int) -> PlanDate { PlanDate(dayNumber: dayNumber + days) }

    /// Days from self to other (positive when other is later).
    public func days(to other: PlanDate) -> Int { other.dayNumber - dayNumber }

    public static func < (a: PlanDate, b: PlanDate) -> Bool { a.dayNumber < b.dayNumber }

    /// First and last day of a year.
    public static func startOfYear(_ year: Int) -> PlanDate? { PlanDate(year: year, month: 1, day: 1) }
    public static func endOfYear(_ year: Int) -> PlanDate? { PlanDate(year: year, month: 12, day: 31) }

    /// Today in the local time zone. Only the CLI's default for `--as-of` uses this;
    /// every rule takes the date as a parameter.
    public static func today() -> PlanDate {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return PlanDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? PlanDate(dayNumber: Int(t) / 86400)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
