/// `out/runbook/<wave>.md|html`: every step of the cutover night of one wave, with absolute
/// times, owners, checkpoints, rollbacks, the point of no return and the fallback plan.
struct RunbookPage {
    let plan: Plan
    let night: CutoverPlan

    func page() -> PageRenderer.Page {
        let l = plan.project.defaultLanguage
        let wave = night.wave
        func long(_ m: LocalMoment) -> String { DateWords.moment(m.date, m.time, l) }
        let pnr = night.pointOfNoReturn
        var rows: [[String: Any]] = []
        var pnrPlaced = false
        let pnrRow: [String: Any] = ["label": pnr.map(night.label) ?? "", "long": pnr.map(long) ?? ""]
        for c in night.steps {
            if let pnr, !pnrPlaced, c.start >= pnr {
                rows.append(["step": false, "pnr": pnrRow])
                pnrPlaced = true
            }
            rows.append(["step": step(c, l), "pnr": false])
        }
        if pnr != nil, !pnrPlaced { rows.append(["step": false, "pnr": pnrRow]) }
        let fallback = plan.fallback
        let title = l == .fr ? "Runbook de bascule — \(wave.name)" : "Cutover runbook — \(wave.name)"
        return PageRenderer.Page(stem: "runbook/\(wave.id)", template: "runbook/wave", language: l, title: title, context: [
            "title": title,
            "wave": wave.name,
            "goLive": DateWords.longDate(wave.date, l),
            "scope": wave.scope,
            "hasScope": !wave.scope.isEmpty,
            "window": DateWords.span(from: (night.windowOpens.date, night.windowOpens.time),
                                     to: (night.windowCloses.date, night.windowCloses.time), l),
            "windowLabel": "\(night.label(night.windowOpens)) – \(night.label(night.windowCloses))",
            "timezone": plan.project.timezoneID,
            "svg": RunbookTimeline(plan: plan, night: night, language: l).svg(),
            "steps": night.steps.map { step($0, l) },
            "rows": rows,
            "hasSteps": !night.steps.isEmpty,
            "checkpoints": night.checkpoints.map { ["label": night.label($0.start), "title": $0.step.title] },
            "hasPNR": pnr != nil,
            "pnrLabel": pnrRow["label"]!,
            "pnrLong": pnrRow["long"]!,
            "hasFallback": fallback != nil,
            "trigger": fallback?.trigger ?? "",
            "hasTrigger": fallback?.trigger != nil,
            "decidedBy": fallback?.decidedBy.map { RoleWords.full($0.value, plan) } ?? "",
            "hasDecider": fallback?.decidedBy != nil,
            "fallbackSteps": fallback?.steps ?? [],
            "roles": RoleWords.roles(plan),
        ])
    }

    private func step(_ c: CutoverStep, _ l: Language) -> [String: Any] {
        let owner = c.step.owner?.value
        return [
            "id": c.step.id,
            "title": c.step.title,
            "startLabel": night.label(c.start),
            "endLabel": night.label(c.end),
            "startLong": DateWords.moment(c.start.date, c.start.time, l),
            "endLong": DateWords.moment(c.end.date, c.end.time, l),
            "duration": DateWords.duration(minutes: c.step.durationMinutes, l),
            "owner": owner.map { RoleWords.name($0, plan) } ?? "—",
            "contact": owner.map { RoleWords.contact($0, plan) } ?? "",
            "hasContact": !(owner.map { RoleWords.contact($0, plan) } ?? "").isEmpty,
            "checkpoint": c.step.checkpoint,
            "rollback": c.step.rollback ?? "",
            "hasRollback": c.step.rollback != nil,
            "pastWindow": c.pastWindow,
            "afterPNR": night.pointOfNoReturn.map { c.start >= $0 } ?? false,
        ]
    }
}
