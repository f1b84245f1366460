/// What `golive check` prints: the plan as a PMO would summarise it.
public enum CheckSummary {
    public static func text(_ plan: Plan) -> String {
        var lines: [String] = []
        let p = plan.project
        lines.append("\(p.name) (\(p.code)) — decision: \(plan.decision.status.rawValue)"
                     + (plan.decision.date.map { " on \($0)" } ?? ""))
        lines.append("Languages: \(p.languages.map(\.rawValue).joined(separator: ", ")); timezone \(p.timezoneID)")
        lines.append("")
        lines.append("Waves (\(plan.deployment.mode.rawValue)):")
        for wave in plan.deployment.waves {
            let members = plan.audiences(in: wave)
            let people = members.reduce(0) { $0 + $1.headcount }
            lines.append("  \(wave.id)  \(wave.date)  \(wave.window.start)–\(wave.window.end)  \(Words.count(members.count, "audience", "audiences")), \(people) people  \(wave.name)")
        }
        lines.append("")
        let total = plan.audiences.reduce(0) { $0 + $1.headcount }
        lines.append("Audiences: \(plan.audiences.count), \(total) people")
        for impact in Audience.Impact.allCases {
            let group = plan.audiences.filter { $0.impact == impact }
            guard !group.isEmpty else { continue }
            lines.append("  impact \(impact.rawValue): \(group.count) (\(group.map(\.id).joined(separator: ", ")))")
        }
        for language in p.languages {
            let group = plan.audiences.filter { $0.language == language }
            lines.append("  language \(language.rawValue): \(Words.count(group.count, "audience", "audiences")), \(group.reduce(0) { $0 + $1.headcount }) people")
        }
        lines.append("")
        let sends = CommsCalendar.sends(for: plan)
        lines.append("Communications: \(Words.count(plan.communications.count, "message", "messages")), \(Words.count(sends.count, "send", "sends")) across audiences")
        if let training = plan.training {
            lines.append("Training needs:")
            for need in TrainingNeeds.compute(plan: plan, training: training) {
                lines.append("  \(need.moduleID) (\(need.format.rawValue)): \(need.people) people, "
                             + (need.format == .elearning ? "e-learning, no session" : "\(Words.count(need.sessions, "session", "sessions")) needed"))
            }
        }
        for source in plan.guides.compactMap({ plan.guideSources[$0.id] }) {
            let sections = source.base?.sections ?? []
            let targeted = sections.filter(\.isTargeted).count
            let languages = source.documents.keys.sorted().map(\.rawValue).joined(separator: ", ")
            lines.append("Guide \(source.ref.id) v\(source.ref.version): \(Words.count(sections.count, "section", "sections")), \(targeted) targeted; languages \(languages)")
        }
        if !plan.feedback.isEmpty {
            let open = plan.feedback.filter { $0.status != .resolved }.count
            lines.append("Feedback: \(plan.feedback.count) entr\(plan.feedback.count == 1 ? "y" : "ies"), \(open) not resolved")
        }
        return lines.joined(separator: "\n")
    }
}

/// Sessions needed per module, before any scheduling: ceil(people / session size) per audience and site.
public struct TrainingNeed: Sendable {
    public var moduleID: String
    public var format: TrainingModule.Format
    public var people: Int
    public var sessions: Int
}

public enum TrainingNeeds {
    public static func compute(plan: Plan, training: Training) -> [TrainingNeed] {
        training.modules.map { module in
            var people = 0
            var sessions = 0
            for audience in plan.audiences where audience.modules.contains(where: { $0.value == module.id }) {
                people += audience.headcount
                for (site, headcount) in SiteSplit.split(audience) {
                    let roomCap = training.rooms.filter { $0.site == site }.map(\.capacity).max()
                    let size = module.format == .classroom ? min(module.capacity, roomCap ?? module.capacity) : module.capacity
                    if module.format != .elearning, size > 0 { sessions += (headcount + size - 1) / size }
                }
            }
            return TrainingNeed(moduleID: module.id, format: module.format, people: people, sessions: sessions)
        }
    }
}

/// An audience on several sites is trained site by site; its headcount is split evenly, the first sites taking the remainder.
public enum SiteSplit {
    public static func split(_ audience: Audience) -> [(site: String, headcount: Int)] {
        let sites = audience.sites.isEmpty ? [""] : audience.sites
        let base = audience.headcount / sites.count
        let extra = audience.headcount % sites.count
        return sites.enumerated().map { index, site in (site, base + (index < extra ? 1 : 0)) }
    }
}
