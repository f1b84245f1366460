import Foundation

/// One event of a calendar file: a training session, a communication reminder,
/// a daily anomaly meeting or a handover meeting.
public struct CalendarEvent: Sendable, Equatable {
    /// Stable identifier derived from the plan (see `ICSWriter.uidSafe`), so that
    /// re-importing a regenerated file updates the event instead of duplicating it.
    public var uid: String
    public var summary: String
    /// Plain text; newlines, commas, semicolons and backslashes are escaped on output.
    public var description: String
    public var location: String?
    public var start: Date
    /// When `end` is not after `start` the event is written without DTEND,
    /// which RFC 5545 reads as an event that ends when it starts.
    public var end: Date
    /// Bumped by the caller each time the event changes; negative values are written as 0.
    public var sequence: Int
    /// DTSTAMP, written in UTC. Chosen by the caller so that output is reproducible.
    public var stamp: Date
    public var url: String?
    public var categories: [String]
    /// Adds a display alarm this many minutes before the start (negative: after the start).
    public var reminderMinutesBefore: Int?
    /// True for reminders that should not block time in the attendee's agenda.
    public var transparent: Bool

    public init(
        uid: String,
        summary: String,
        description: String = "",
        location: String? = nil,
        start: Date,
        end: Date,
        sequence: Int = 0,
        stamp: Date,
        url: String? = nil,
        categories: [String] = [],
        reminderMinutesBefore: Int? = nil,
        transparent: Bool = false
    ) {
        self.uid = uid
        self.summary = summary
        self.description = description
        self.location = location
        self.start = start
        self.end = end
        self.sequence = sequence
        self.stamp = stamp
        self.url = url
        self.categories = categories
        self.reminderMinutesBefore = reminderMinutesBefore
        self.transparent = transparent
    }
}
