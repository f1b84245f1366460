/// `out/index.md|html`: the PMO's entry point — the decision, the waves, a picture of the
/// whole deployment and a link to every generated document, by phase and by audience.
struct HomePage {
    let plan: Plan
    let planned: Planned
    let index: DocumentIndex
    /// Whether the index's groups list their documents as items too (`TemplateLibrary.mayLoopOverIndexItems`).
    var indexItems = true

    func page() -> PageRenderer.Page {
        let l = plan.project.defaultLanguage
        let decision = plan.decision
        let waves: [[String: Any]] = plan.deployment.waves.map { wave in
            let opens = wave.window.opens(j: wave.date), closes = wave.window.closes(j: wave.date)
            let audiences = plan.audiences(in: wave)
            return ["name": wave.name, "date": DateWords.longDate(wave.date, l),
                    "window": DateWords.span(from: (opens.date, opens.time), to: (closes.date, closes.time), l),
                    "scope": wave.scope.joined(separator: l == .fr ? " ; " : "; "), "hasScope": !wave.scope.isEmpty,
                    "audiences": KitPage.list(audiences.map { "\($0.name) (\($0.headcount))" }, l),
                    "hasAudiences": !audiences.isEmpty,
                    "headcount": audiences.reduce(0) { $0 + $1.headcount }]
        }
        let title = plan.project.name
        return PageRenderer.Page(stem: "index", template: "home/index", language: l, title: title, context: [
            "title": title,
            "organisation": plan.project.organisation ?? "",
            "hasOrganisation": plan.project.organisation != nil,
            "decision": Words.decision(decision.status, l),
            "decisionDate": decision.date.map { DateWords.longDate($0, l) } ?? "",
            "hasDecisionDate": decision.date != nil,
            "decidedBy": decision.by ?? "",
            "hasDecidedBy": decision.by != nil,
            "conditions": decision.conditions,
            "hasConditions": !decision.conditions.isEmpty,
            "summary": plan.project.summary ?? "",
            "hasSummary": plan.project.summary != nil,
            "waves": waves,
            "timezone": plan.project.timezoneID,
            "svg": HomeTimeline(plan: plan, planned: planned).svg(),
            "byPhase": index.byPhase(prefix: "", l, items: indexItems),
            "byAudience": index.byAudience(prefix: "", l, items: indexItems),
            "documentCount": index.entries.count,
        ])
    }
}
