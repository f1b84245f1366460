import Foundation

/// A whole `.ics` file: its display name, the plan's timezone and its events.
public struct CalendarDocument: Sendable, Equatable {
    /// Shown by clients as the calendar's name (X-WR-CALNAME).
    public var name: String
    /// The plan's IANA zone; every DTSTART/DTEND is written as local time in it.
    public var timeZone: TimeZone
    public var events: [CalendarEvent]

    public init(name: String, timeZone: TimeZone, events: [CalendarEvent]) {
        self.name = name
        self.timeZone = timeZone
        self.events = events
    }
}
