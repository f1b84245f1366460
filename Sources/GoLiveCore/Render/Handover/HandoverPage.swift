/// `out/handover/dossier.md|html`: support teams, handover meetings, the listed documents,
/// an index of every document generated before it, and the open anomalies handed to support.
struct HandoverPage {
    let plan: Plan
    /// Every output rendered before the dossier.
    let index: DocumentIndex
    /// Whether the index's groups list their documents as items too (`TemplateLibrary.mayLoopOverIndexItems`).
    var indexItems = true

    func page() -> PageRenderer.Page {
        let l = plan.project.defaultLanguage
        let handover = plan.support?.handover
        let meetings: [[String: Any]] = plan.deployment.waves.flatMap { wave in
            (handover?.meetings ?? []).map { m -> [String: Any] in
                let at = m.at.resolve(j: wave.date, defaultTime: TimeOfDay(hour: 9, minute: 0)!)
                let end = at.adding(wallMinutes: m.durationMinutes)
                return ["title": m.title, "wave": wave.name,
                        "when": DateWords.span(from: (at.date, at.time), to: (end.date, end.time), l),
                        "with": m.with.map { RoleWords.name($0.value, plan) }.joined(separator: ", ")]
            }
        }
        let dates: [[String: Any]] = handover?.date.map { day in
            plan.deployment.waves.map { ["wave": $0.name, "date": DateWords.longDate(day.resolve(j: $0.date), l)] }
        } ?? []
        let open = plan.feedback.filter { $0.status == .open || $0.status == .workaround }
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        let anomalies: [[String: Any]] = open.map { f in
            ["id": f.id, "date": DateWords.longDate(f.date, l), "text": f.text,
             "audience": f.audience.map { plan.audience($0)?.name ?? $0 } ?? (l == .fr ? "toutes les populations" : "all audiences"),
             "where": "\(f.guide) › \(f.section.value)", "kind": Self.kind(f.kind, l),
             "status": Self.status(f.status, l), "answer": f.answer ?? "", "hasAnswer": f.answer != nil]
        }
        let title = l == .fr ? "Dossier de passation — \(plan.project.name)" : "Handover dossier — \(plan.project.name)"
        return PageRenderer.Page(stem: "handover/dossier", template: "handover/dossier", language: l, title: title, context: [
            "title": title,
            "teams": RoleWords.teams(plan),
            "hasTeams": !(plan.support?.teams ?? []).isEmpty,
            "dates": dates,
            "hasDates": !dates.isEmpty,
            "meetings": meetings,
            "hasMeetings": !meetings.isEmpty,
            "documents": handover?.documents ?? [],
            "hasDocuments": !(handover?.documents ?? []).isEmpty,
            "byPhase": index.byPhase(prefix: "../", l, items: indexItems),
            "byAudience": index.byAudience(prefix: "../", l, items: indexItems),
            "anomalies": anomalies,
            "hasAnomalies": !anomalies.isEmpty,
            "anomalyCount": anomalies.count,
            "anomalyLabel": Self.openFeedback(anomalies.count, l),
            "roles": RoleWords.roles(plan),
        ])
    }

    /// "1 retour ouvert ou en contournement", "4 retours ouverts ou en contournement".
    static func openFeedback(_ n: Int, _ l: Language) -> String {
        switch l {
        case .fr: return n == 1 ? "1 retour ouvert ou en contournement" : "\(n) retours ouverts ou en contournement"
        case .en: return n == 1 ? "1 feedback item open or on a workaround" : "\(n) feedback items open or on a workaround"
        }
    }

    static func kind(_ k: FeedbackEntry.Kind, _ l: Language) -> String {
        switch (k, l) {
        case (.question, .fr): return "question"
        case (.question, .en): return "question"
        case (.issue, .fr): return "anomalie"
        case (.issue, .en): return "issue"
        case (.tip, .fr): return "astuce"
        case (.tip, .en): return "tip"
        }
    }

    static func status(_ s: FeedbackEntry.Status, _ l: Language) -> String {
        switch (s, l) {
        case (.open, .fr): return "ouverte"
        case (.open, .en): return "open"
        case (.workaround, .fr): return "contournement en place"
        case (.workaround, .en): return "workaround in place"
        case (.resolved, .fr): return "résolue"
        case (.resolved, .en): return "resolved"
        }
    }
}
