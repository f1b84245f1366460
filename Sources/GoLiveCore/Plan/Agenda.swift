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
    /// prefixes each file (e.g. `out`). `isBuilt`, when given, tells whether a listed file
    /// (with its prefix) exists: the ones that do not are marked, with a note to build first.
    public static func text(_ plan: Plan, messages: [ScheduledMessage], from: CivilDate, days count: Int,
                            outputFolder: String, isBuilt: ((String) -> Bool)? = nil) -> String {
        let l = plan.project.defaultLanguage
        let last = from.adding(days: max(count, 1) - 1)
        let found = days(messages, from: from, days: count)
        let prefix = outputFolder.isEmpty ? "" : (outputFolder.hasSuffix("/") ? outputFolder : outputFolder + "/")
        var lines: [String] = []
        let range: String
        switch (from == last, l) {
        case (true, .fr): range = "le \(DateWords.longDate(from, l))"
        case (true, .en): range = "on \(DateWords.longDate(from, l))"
        case (false, .fr): range = "du \(DateWords.longDate(from, l)) au \(DateWords.longDate(last, l))"
        case (false, .en): range = "from \(DateWords.longDate(from, l)) to \(DateWords.longDate(last, l))"
        }
        if found.isEmpty {
            lines.append(l == .fr ? "Rien à envoyer \(range)." : "Nothing to send \(range).")
            return lines.joined(separator: "\n") + "\n"
        }
        let total = found.reduce(0) { $0 + $1.messages.count }
        let sends = l == .fr ? (total == 1 ? "1 envoi" : "\(total) envois") : (total == 1 ? "1 send" : "\(total) sends")
        lines.append("\(plan.project.code) — \(sends) \(range)")
        var missing = 0
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
                let file = prefix + m.fileToSend
                let built = isBuilt?(file) ?? true
                if !built { missing += 1 }
                lines.append("         \(file)" + (built ? "" : (l == .fr ? " (pas encore produit)" : " (not built yet)")))
            }
        }
        if missing > 0 {
            lines.append("")
            lines.append(notBuilt(missing, of: total, l))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "Aucun de ces fichiers n'est encore produit : lancez d'abord golive build." and its variants.
    static func notBuilt(_ missing: Int, of total: Int, _ l: Language) -> String {
        switch (l, missing == total, missing == 1) {
        case (.fr, true, true): return "Ce fichier n'est pas encore produit : lancez d'abord golive build."
        case (.fr, true, false): return "Aucun de ces fichiers n'est encore produit : lancez d'abord golive build."
        case (.fr, false, true): return "1 de ces fichiers n'est pas encore produit : lancez d'abord golive build."
        case (.fr, false, false): return "\(missing) de ces fichiers ne sont pas encore produits : lancez d'abord golive build."
        case (.en, true, true): return "This file is not built yet: run golive build first."
        case (.en, true, false): return "None of these files is built yet: run golive build first."
        case (.en, false, true): return "1 of these files is not built yet: run golive build first."
        case (.en, false, false): return "\(missing) of these files are not built yet: run golive build first."
        }
    }

    private static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
