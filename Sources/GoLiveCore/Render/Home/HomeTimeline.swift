/// The whole deployment as a picture: one lane per wave with its communications, training,
/// cutover, hypercare and handover; a go-live line per wave.
struct HomeTimeline {
    let plan: Plan
    let planned: Planned

    func timeline() -> Timeline {
        let l = plan.project.defaultLanguage, fr = l == .fr
        let midnight = TimeOfDay(minutes: 0)!
        func day(_ d: CivilDate) -> LocalMoment { LocalMoment(date: d, time: midnight) }
        var all: [LocalMoment] = []
        let lanes = plan.deployment.waves.map { wave -> TimelineLane in
            let j = wave.date
            var bars: [TimelineBar] = []
            var points: [TimelineMarker] = []
            let sends = planned.sends.filter { $0.waveID == wave.id }.map(\.moment)
            if let first = sends.min(), let last = sends.max() {
                bars.append(TimelineBar(label: fr ? "Communication" : "Communications",
                                        start: day(first.date), end: day(last.date.adding(days: 1)), kind: .other))
            }
            let sessions = (planned.training?.sessions ?? []).filter { plan.audience($0.audienceID)?.waveID == wave.id }.compactMap(\.date)
            if let first = sessions.min(), let last = sessions.max() {
                bars.append(TimelineBar(label: fr ? "Formation" : "Training", start: day(first), end: day(last.adding(days: 1)), kind: .training))
            }
            bars.append(TimelineBar(label: fr ? "Bascule" : "Cutover", start: wave.window.opens(j: j), end: wave.window.closes(j: j), kind: .step))
            if let hypercare = plan.postGoLive?.hypercare {
                bars.append(TimelineBar(label: "Hypercare", start: day(j), end: day(hypercare.until.resolve(j: j).adding(days: 1)), kind: .hypercare))
            }
            if let date = plan.support?.handover?.date {
                points.append(TimelineMarker(label: fr ? "Passation" : "Handover", at: day(date.resolve(j: j)), kind: .handover))
            }
            all += bars.flatMap { [$0.start, $0.end] } + points.map(\.at)
            return TimelineLane(label: wave.name, bars: bars, points: points)
        }
        let markers = plan.deployment.waves.map {
            TimelineMarker(label: (fr ? "Mise en production — " : "Go-live — ") + $0.name,
                           at: $0.window.closes(j: $0.date), kind: .goLive)
        }
        let first = all.min() ?? day(plan.deployment.waves.map(\.date).min() ?? CivilDate(year: 2000, month: 1, day: 1)!)
        let last = all.max() ?? first
        let title = fr ? "\(plan.project.code) — le déploiement, vague par vague" : "\(plan.project.code) — the deployment, wave by wave"
        return Timeline(title: title, language: l, scale: .days,
                        start: day(first.date.adding(days: -2)), end: day(last.date.adding(days: 2)),
                        lanes: lanes, markers: markers)
    }

    func svg() -> String { RoleWords.inline(SVGTimelineWriter.render(timeline())) }
}
