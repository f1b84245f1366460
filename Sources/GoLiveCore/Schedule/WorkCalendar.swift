/// When sessions may take place: ISO weekdays (1 = Monday … 7 = Sunday), the working
/// hours of a day, and holidays.
public struct WorkCalendar: Sendable, Hashable {
    public var workingDays: Set<Int>
    public var dayStart: TimeOfDay
    public var dayEnd: TimeOfDay
    public var holidays: Set<CivilDate>

    public init(workingDays: Set<Int>, dayStart: TimeOfDay, dayEnd: TimeOfDay, holidays: Set<CivilDate> = []) {
        self.workingDays = workingDays
        self.dayStart = dayStart
        self.dayEnd = dayEnd
        self.holidays = holidays
    }

    /// Whether sessions may be held on this day at all.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        workingDays.contains(date.weekday) && !holidays.contains(date)
    }

    /// The working days from `from` to `to`, both included, in order.
    public func workingDays(from: CivilDate, to: CivilDate) -> [CivilDate] {
        guard from <= to else { return [] }
        var days: [CivilDate] = []
        for n in from.dayNumber...to.dayNumber {
            let date = CivilDate(dayNumber: n)
            if isWorkingDay(date) { days.append(date) }
        }
        return days
    }

    /// Length of the working day in minutes (0 when the hours are reversed).
    public var dayLength: Int { max(0, dayEnd.minutes - dayStart.minutes) }
}
