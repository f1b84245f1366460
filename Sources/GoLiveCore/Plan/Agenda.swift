/// `golive agenda`: what to send in a period, day by day. Pure: the caller picks the first day.
public enum Agenda {
    public struct Day: Sendable, Equatable {
        public var date: CivilDate
        /// In the order of the communication plan: by time, then audience, then message.
        public var messages: [ScheduledMessage]
    }

    /// The days from `from` (included) over `days` days that have something to send.
    public static func days(_ messages: [ScheduledMessage], from: CivilDate, days: Int) -> [Day] {
        let last = from.adding(days: max(days, 1) - 1)
        let inPeriod = messages.filter { $0.send.moment.date >= from && $0.send.moment.date <= last }
        let byDay = Dictionary(grouping: inPeriod, by: \.send.moment.date)
        return byDay.keys.sorted().map { date in
            Day(date: date, messages: byDay[date]!.sorted {
                ($0.send.moment, $0.send.audienceID, $0.send.communicationID)
                    < ($1.send.moment, $1.send.audienceID, $1.send.communicationID)
            })
        }
    }

    /// The agenda as the command prints it, in the plan's default language. `outputFolder`
    /// prefixes each file (e.g. `out`).
    public static func text(_ plan: Plan, messages: [ScheduledMessage], from: CivilDate, days count: Int,
                            outputFolder: String) -> String {
        let l = plan.project.defaultLanguage
        let last = from.adding(days: max(count, 1) - 1)
        let found = days(messages, from: from, days: count)
        let prefix = outputFolder.isEmpty ? "" : (outputFolder.hasSuffix("/") ? outputFolder : outputFolder + "/")
        var lines: [String] = []
        let range = l == .fr ? "du \(DateWords.longDate(from, l)) au \(DateWords.longDate(last, l))"
                             : "from \(DateWords.longDate(from, l)) to \(DateWords.longDate(last, l))"
        if found.isEmpty {
            lines.append(l == .fr ? "Rien à envoyer \(range)." : "Nothing to send \(range).")
            return lines.joined(separator: "\n") + "\n"
        }
        let total = found.reduce(0) { $0 + $1.messages.count }
        lines.append(l == .fr ? "\(plan.project.code) — \(total) envoi(s) \(range)"
                              : "\(plan.project.code) — \(total) send(s) \(range)")
        for day in found {
            lines.append("")
            lines.append(capitalized(DateWords.longDate(day.date, l)))
            for m in day.messages {
                let audience = plan.audience(m.send.audienceID)
                let who = audience.map { "\($0.name) (\($0.headcount))" } ?? m.send.audienceID
                let time = DateWords.time(m.send.moment.time, l)
                let column = time + String(repeating: " ", count: max(1, 7 - time.count))
                lines.append("  \(column)\(m.send.communicationID) · "
                             + "\(Words.channel(m.channel, l)) · \(who)")
                lines.append("         \(prefix)\(m.fileToSend)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
