/// The cutover night as a picture: one lane per owner, each step a bar, checkpoints as points,
/// the point of no return as a line across, the cutover window shaded.
struct RunbookTimeline {
    let plan: Plan
    let night: CutoverPlan
    let language: Language

    func timeline() -> Timeline {
        let l = language
        var owners: [String] = []
        for c in night.steps {
            let owner = c.step.owner?.value ?? ""
            if !owners.contains(owner) { owners.append(owner) }
        }
        let lanes = owners.map { owner -> TimelineLane in
            let mine = night.steps.filter { ($0.step.owner?.value ?? "") == owner }
            let label = owner.isEmpty ? (l == .fr ? "Sans responsable" : "No owner") : (plan.role(owner)?.name ?? owner)
            return TimelineLane(
                label: label,
                bars: mine.map { TimelineBar(label: $0.step.title, start: $0.start, end: $0.end, kind: .step) },
                points: mine.filter(\.step.checkpoint).map {
                    TimelineMarker(label: (l == .fr ? "Go/no-go : " : "Go/no-go: ") + $0.step.id, at: $0.end, kind: .checkpoint)
                })
        }
        var markers: [TimelineMarker] = []
        if let pnr = night.pointOfNoReturn {
            markers.append(TimelineMarker(label: l == .fr ? "Point de non-retour" : "Point of no return", at: pnr, kind: .pointOfNoReturn))
        }
        let window = TimelineSpan(label: l == .fr ? "Fenêtre de bascule" : "Cutover window",
                                  start: night.windowOpens, end: night.windowCloses)
        let start = min(night.first ?? night.windowOpens, night.windowOpens).adding(wallMinutes: -30)
        let end = max(night.last ?? night.windowCloses, night.windowCloses).adding(wallMinutes: 30)
        let title = l == .fr ? "\(plan.project.code) — nuit de bascule, \(night.wave.name)"
                             : "\(plan.project.code) — cutover night, \(night.wave.name)"
        return Timeline(title: title, language: l, scale: .hours, start: start, end: end,
                        lanes: lanes, shaded: [window], markers: markers)
    }

    func svg() -> String { RoleWords.inline(SVGTimelineWriter.render(timeline())) }
}
