import Foundation

/// `out/post-golive/<wave>-daily-meetings.ics`: one event per daily anomaly meeting.
///
/// Like the training calendars, UIDs come from the plan's ids (project, wave, day) and the
/// DTSTAMP is the meeting's own start minus 30 days, so the same plan gives the same bytes.
enum DailyMeetingsICS {
    static let stampLead: TimeInterval = 30 * 86_400

    static func render(_ plan: Plan, meeting: PostGoLive.DailyMeeting, wave: Wave) -> String {
        let l = plan.project.defaultLanguage
        let zone = plan.project.timeZone
        let days = MeetingDays.dates(meeting, j: wave.date, calendar: MeetingDays.calendar(of: plan))
        let who = meeting.participants.map { RoleWords.name($0.value, plan) }.joined(separator: ", ")
        let summary = l == .fr ? "\(plan.project.code) — point quotidien des anomalies (\(wave.name))"
                               : "\(plan.project.code) — daily anomaly review (\(wave.name))"
        let description = (l == .fr ? "Participants : " : "Participants: ") + who
        let events = days.map { day -> CalendarEvent in
            let start = LocalMoment(date: day, time: meeting.time)
            let startInstant = ZonedTime.instant(start, in: zone)
            return CalendarEvent(
                uid: ICSWriter.uidSafe([plan.project.code, "daily", wave.id, day.description]),
                summary: summary, description: description, location: meeting.place,
                start: startInstant, end: startInstant.addingTimeInterval(TimeInterval(meeting.durationMinutes) * 60),
                stamp: startInstant.addingTimeInterval(-stampLead),
                categories: [l == .fr ? "Hypercare" : "Hypercare"], reminderMinutesBefore: 10)
        }
        return ICSWriter.render(CalendarDocument(name: summary, timeZone: zone, events: events))
    }
}
