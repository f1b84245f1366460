import Foundation

/// A calendar day with no time and no zone, as written in the plan (`2027-03-19`).
/// Plans reason in days ("J-30"), so day arithmetic must not go through `Date`,
/// where a daylight-saving change would shift it by an hour.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for impossible dates such as 2027-02-30.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD`, zero-padded by hand: `String(format:)` went through Foundation for every file name.
    public var description: String {
        // `init?` keeps year in 1...9999, month and day in two digits: always 10 ASCII bytes.
        String(unsafeUninitializedCapacity: 10) { b in
            let y = year, m = month, d = day
            b[0] = 0x30 + UInt8(y / 1000); b[1] = 0x30 + UInt8(y / 100 % 10)
            b[2] = 0x30 + UInt8(y / 10 % 10); b[3] = 0x30 + UInt8(y % 10)
            b[4] = 0x2D
            b[5] = 0x30 + UInt8(m / 10); b[6] = 0x30 + UInt8(m % 10)
            b[7] = 0x2D
            b[8] = 0x30 + UInt8(d / 10); b[9] = 0x30 + UInt8(d % 10)
            return 10
        }
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's civil-from-days algorithm, proleptic Gregorian).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        // Values produced by the algorithm are always valid dates.
        self.year = y
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    public func days(until other: CivilDate) -> Int { other.dayNumber - dayNumber }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (dayNumber + 3) % 7   // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }
}
