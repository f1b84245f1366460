import Foundation

/// Conversions between the plan's wall-clock moments and absolute instants, in the
/// plan's IANA timezone (never the machine's).
///
/// Daylight-saving rules:
/// - a wall time that does not exist (02:30 on the spring-forward night in
///   Europe/Paris) is moved forward by the gap: it becomes 03:30;
/// - a wall time that happens twice (02:30 on the autumn night) means the first
///   occurrence, still on summer time.
public enum ZonedTime {
    /// The absolute instant of a wall-clock moment in `zone` (see the DST rules above).
    public static func instant(_ m: LocalMoment, in zone: TimeZone) -> Date {
        let wall = m.wallMinutes * 60   // seconds, as if the wall clock were UTC
        // Offsets in force around that wall time: before and after any transition
        // nearby. Zones never change offset twice within a day.
        let candidates = [offset(at: wall - 86_400, zone), offset(at: wall, zone), offset(at: wall + 86_400, zone)]
        let valid = candidates
            .map { wall - $0 }
            .filter { offset(at: $0, zone) == wall - $0 }
        if let first = valid.min() {
            return Date(timeIntervalSince1970: TimeInterval(first))
        }
        // In a gap: read the wall time with the offset from before the jump, which
        // lands after the jump, i.e. later by the size of the gap.
        let before = offset(at: wall - 86_400, zone)
        return Date(timeIntervalSince1970: TimeInterval(wall - before))
    }

    /// The wall-clock moment of `instant` in `zone`, to the minute (seconds dropped).
    public static func local(_ instant: Date, in zone: TimeZone) -> LocalMoment {
        // Beyond ±300,000 years nothing in a plan makes sense; clamping keeps Int conversion safe.
        let t = instant.timeIntervalSince1970
        let limit = 1e16
        let instant = t.isFinite && abs(t) <= limit ? instant : Date(timeIntervalSince1970: t.isNaN ? 0 : min(max(t, -limit), limit))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        if let y = c.year, let mo = c.month, let d = c.day, let h = c.hour, let mi = c.minute,
           let date = CivilDate(year: y, month: mo, day: d), let time = TimeOfDay(hour: h, minute: mi) {
            return LocalMoment(date: date, time: time)
        }
        // Outside the years CivilDate accepts: plain arithmetic keeps us from failing.
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: instant)
        return LocalMoment(wallMinutes: floorDiv(seconds, 60))
    }

    /// The wall-clock moment `minutes` of elapsed time after `m`: a 2-hour step that
    /// starts at 01:30 on the spring-forward night ends at 04:30.
    public static func adding(minutes: Int, to m: LocalMoment, in zone: TimeZone) -> LocalMoment {
        local(instant(m, in: zone).addingTimeInterval(TimeInterval(minutes) * 60), in: zone)
    }

    /// Elapsed minutes between two wall-clock moments (negative when `b` is earlier).
    public static func minutes(from a: LocalMoment, to b: LocalMoment, in zone: TimeZone) -> Int {
        Int((instant(b, in: zone).timeIntervalSince(instant(a, in: zone)) / 60).rounded(.down))
    }

    private static func offset(at utcSeconds: Int, _ zone: TimeZone) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utcSeconds)))
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
