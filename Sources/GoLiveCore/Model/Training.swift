public struct TrainingModule: Sendable, Identifiable {
    public enum Format: String, Sendable, CaseIterable { case classroom, remote, elearning }
    public var id: String
    public var title: String
    public var durationMinutes: Int
    public var format: Format
    public var capacity: Int
    public var summary: String?
    public var location: SourceLocation
}

public struct Trainer: Sendable, Identifiable {
    public var id: String
    public var name: String
    public var modules: [Located<String>]
    public var languages: [Language]
    public var sites: [String]
    public var unavailable: [CivilDate]
    public var location: SourceLocation
}

public struct Room: Sendable, Identifiable {
    public var id: String
    public var site: String
    public var capacity: Int
    public var location: SourceLocation
}

public struct TrainingCalendar: Sendable {
    /// ISO weekdays, 1 = Monday.
    public var workingDays: Set<Int>
    public var start: TimeOfDay
    public var end: TimeOfDay
    public var holidays: Set<CivilDate>

    public static let standard = TrainingCalendar(
        workingDays: [1, 2, 3, 4, 5], start: TimeOfDay(hour: 9, minute: 0)!,
        end: TimeOfDay(hour: 17, minute: 30)!, holidays: [])

    public func isWorkingDay(_ day: CivilDate) -> Bool {
        workingDays.contains(day.weekday) && !holidays.contains(day)
    }
}

public struct Training: Sendable {
    public var modules: [TrainingModule]
    public var trainers: [Trainer]
    public var rooms: [Room]
    public var calendar: TrainingCalendar
    public var windowFrom: DayRef
    public var windowTo: DayRef
    public var location: SourceLocation

    public func module(_ id: String) -> TrainingModule? { modules.first { $0.id == id } }
}
