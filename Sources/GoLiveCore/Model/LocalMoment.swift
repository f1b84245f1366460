/// A wall-clock moment in the plan's timezone: what people read on their watch.
/// Planning happens on these; they become absolute instants only for calendars and email headers.
public struct LocalMoment: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var date: CivilDate
    public var time: TimeOfDay

    public init(date: CivilDate, time: TimeOfDay) {
        self.date = date
        self.time = time
    }

    /// Minutes on the wall clock since 1970-01-01 00:00: ordering and drawing, not elapsed time.
    public var wallMinutes: Int { date.dayNumber * 1440 + time.minutes }

    public init(wallMinutes: Int) {
        let day = wallMinutes >= 0 ? wallMinutes / 1440 : (wallMinutes - 1439) / 1440
        let rest = wallMinutes - day * 1440
        self.date = CivilDate(dayNumber: day)
        self.time = TimeOfDay(minutes: rest) ?? TimeOfDay(minutes: 0)!
    }

    public func adding(wallMinutes delta: Int) -> LocalMoment { LocalMoment(wallMinutes: wallMinutes + delta) }

    public var description: String { "\(date) \(time)" }

    public static func < (a: LocalMoment, b: LocalMoment) -> Bool { a.wallMinutes < b.wallMinutes }
}
