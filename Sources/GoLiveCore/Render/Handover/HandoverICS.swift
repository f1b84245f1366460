import Foundation

/// `out/handover/handover.ics`: every handover meeting of every wave (the plan writes them
/// relative to J). UIDs from the plan's ids; DTSTAMP is the meeting's start minus 30 days.
enum HandoverICS {
    static func render(_ plan: Plan, _ handover: Support.Handover) -> String {
        let l = plan.project.defaultLanguage
        let zone = plan.project.timeZone
        var events: [CalendarEvent] = []
        for wave in plan.deployment.waves {
            for (index, meeting) in handover.meetings.enumerated() {
                let start = ZonedTime.instant(meeting.at.resolve(j: wave.date, defaultTime: TimeOfDay(hour: 9, minute: 0)!), in: zone)
                let who = meeting.with.map { RoleWords.name($0.value, plan) }.joined(separator: ", ")
                events.append(CalendarEvent(
                    uid: ICSWriter.uidSafe([plan.project.code, "handover", wave.id, "\(index + 1)"]),
                    summary: "\(plan.project.code) — \(meeting.title) (\(wave.name))",
                    description: (l == .fr ? "Participants : " : "Participants: ") + who,
                    start: start, end: start.addingTimeInterval(TimeInterval(meeting.durationMinutes) * 60),
                    stamp: start.addingTimeInterval(-30 * 86_400),
                    categories: [l == .fr ? "Passation" : "Handover"], reminderMinutesBefore: 30))
            }
        }
        let name = l == .fr ? "\(plan.project.code) — passation au support" : "\(plan.project.code) — handover to support"
        return ICSWriter.render(CalendarDocument(name: name, timeZone: zone, events: events))
    }
}
