import Foundation

/// The communication plan for spreadsheets and calendars: `comms-plan.csv` (one row per send)
/// and `comms-calendar.ics` (one 15-minute event per send, with a reminder 30 minutes before).
struct CommsPlanExports {
    let plan: Plan
    let messages: [ScheduledMessage]

    static let csvHeader = ["date", "time", "message", "channel", "audience", "wave", "headcount", "file"]

    func files() -> [OutputFile] {
        [OutputFile(path: "comms-plan.csv", text: csv()), OutputFile(path: "comms-calendar.ics", text: ics())]
    }

    func csv() -> String {
        let rows = messages.map { m -> [String] in
            [m.send.moment.date.description, m.send.moment.time.description, m.send.communicationID, m.channel.rawValue,
             m.send.audienceID, m.send.waveID, String(plan.audience(m.send.audienceID)?.headcount ?? 0), m.fileToSend]
        }
        return CSVWriter.render(header: Self.csvHeader, rows: rows)
    }

    func ics() -> String {
        let l = plan.project.defaultLanguage
        let code = plan.project.code
        let zone = plan.project.timeZone
        let events = messages.map { m -> CalendarEvent in
            let audience = plan.audience(m.send.audienceID)
            let name = audience?.name ?? m.send.audienceID
            let start = ZonedTime.instant(m.send.moment, in: zone)
            let wave = plan.wave(m.send.waveID)?.name ?? m.send.waveID
            let description = l == .fr
                ? "Envoyer « \(m.send.communicationID) » (\(Words.channel(m.channel, l))) à \(name), \(wave).\nFichier : \(m.fileToSend)"
                : "Send “\(m.send.communicationID)” (\(Words.channel(m.channel, l))) to \(name), \(wave).\nFile: \(m.fileToSend)"
            return CalendarEvent(
                uid: ICSWriter.uidSafe([code, m.send.communicationID, m.send.audienceID]),
                summary: "\(code) — \(m.send.communicationID) → \(name)",
                description: description,
                start: start, end: start.addingTimeInterval(15 * 60),
                stamp: Self.stamp(plan), categories: [code, Words.channel(m.channel, l)],
                reminderMinutesBefore: 30, transparent: true)
        }
        let name = l == .fr ? "\(code) — plan de communication" : "\(code) — communication plan"
        return ICSWriter.render(CalendarDocument(name: name, timeZone: zone, events: events))
    }

    /// DTSTAMP must not be "now" (rebuilds would differ): the decision date at 00:00 UTC, else 2000-01-01.
    static func stamp(_ plan: Plan) -> Date {
        let day = plan.decision.date ?? CivilDate(year: 2000, month: 1, day: 1)!
        return Date(timeIntervalSince1970: TimeInterval(day.dayNumber) * 86_400)
    }
}
