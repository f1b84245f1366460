/// A day as the plan writes it: relative to a wave's go-live day (`J-30`, `D+1`) or a fixed date.
public enum DayRef: Hashable, Sendable, CustomStringConvertible {
    case relative(Int)
    case absolute(CivilDate)

    /// The day for a wave whose go-live day (J) is `j`.
    public func resolve(j: CivilDate) -> CivilDate {
        switch self {
        case .relative(let offset): return j.adding(days: offset)
        case .absolute(let date): return date
        }
    }

    public var description: String {
        switch self {
        case .relative(0): return "J"
        case .relative(let n): return n > 0 ? "J+\(n)" : "J\(n)"
        case .absolute(let date): return date.description
        }
    }
}

/// A moment as the plan writes it: a day and, usually, a time (`J-1 18:00`, `2027-03-19 20:00`).
public struct MomentRef: Hashable, Sendable, CustomStringConvertible {
    public var day: DayRef
    /// nil when only a day was written (`at: J-30`); the reader of the field picks the time.
    public var time: TimeOfDay?

    public init(day: DayRef, time: TimeOfDay?) {
        self.day = day
        self.time = time
    }

    public func resolve(j: CivilDate, defaultTime: TimeOfDay) -> LocalMoment {
        LocalMoment(date: day.resolve(j: j), time: time ?? defaultTime)
    }

    public var description: String {
        time.map { "\(day) \($0)" } ?? day.description
    }
}
