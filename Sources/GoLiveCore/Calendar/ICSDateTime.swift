import Foundation

/// A wall-clock date and time with whole seconds, as written in DATE-TIME values.
/// Computed by arithmetic on `CivilDate` so the result never depends on the
/// machine's locale, calendar settings or current date.
struct ICSDateTime: Equatable, Sendable {
    let date: CivilDate
    /// Seconds since local midnight, 0 ..< 86400.
    let secondOfDay: Int

    /// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years a DATE-TIME can hold.
    static let earliest = -62_135_596_800
    static let latest = 253_402_300_799

    /// Whole seconds since 1970, clamped to what a DATE-TIME can hold, so that
    /// `Date.distantFuture`, NaN or infinite dates cannot crash the writer.
    static func seconds(_ date: Date) -> Int {
        let t = date.timeIntervalSince1970
        guard t.isFinite else { return t.isNaN || t < 0 ? earliest : latest }
        return Int(max(Double(earliest), min(Double(latest), t.rounded(.down))))
    }

    /// The wall-clock reading of `seconds` (since 1970, UTC) at `offset` seconds from UTC.
    init(seconds: Int, offset: Int) {
        let local = min(max(seconds + offset, ICSDateTime.earliest), ICSDateTime.latest)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        self.date = CivilDate(dayNumber: days)
        self.secondOfDay = local - days * 86_400
    }

    static func local(_ date: Date, in zone: TimeZone) -> ICSDateTime {
        let s = seconds(date)
        return ICSDateTime(seconds: s, offset: zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(s))))
    }

    static func utc(_ date: Date) -> ICSDateTime {
        ICSDateTime(seconds: seconds(date), offset: 0)
    }

    /// `YYYYMMDDTHHMMSS`, the "floating" form; callers add `Z` or a TZID.
    var text: String {
        // `seconds` clamps to years 1...9999, so every field has a fixed width: 15 ASCII bytes.
        String(unsafeUninitializedCapacity: 15) { b in
            func put(_ value: Int, _ width: Int, at start: Int) {
                var v = value
                for i in stride(from: start + width - 1, through: start, by: -1) { b[i] = 0x30 + UInt8(v % 10); v /= 10 }
            }
            put(date.year, 4, at: 0); put(date.month, 2, at: 4); put(date.day, 2, at: 6)
            b[8] = 0x54 // T
            put(secondOfDay / 3600, 2, at: 9); put(secondOfDay / 60 % 60, 2, at: 11); put(secondOfDay % 60, 2, at: 13)
            return 15
        }
    }

    /// A UTC offset as `+HHMM`, or `+HHMMSS` for the rare historical offsets with seconds.
    static func offsetText(_ seconds: Int) -> String {
        let magnitude = abs(seconds)
        let base = (seconds < 0 ? "-" : "+") + pad(magnitude / 3600, 2) + pad(magnitude / 60 % 60, 2)
        return magnitude % 60 == 0 ? base : base + pad(magnitude % 60, 2)
    }
}

private func pad(_ value: Int, _ width: Int) -> String { Digits.padded(value, width) }
