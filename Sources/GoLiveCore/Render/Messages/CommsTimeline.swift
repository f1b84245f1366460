/// The campaign as a picture: one lane per wave, each message as a point on its send day,
/// and a go-live line per wave. Inline SVG, ready to sit in a Markdown page as a raw HTML block.
struct CommsTimeline {
    let plan: Plan
    let messages: [ScheduledMessage]

    func timeline() -> Timeline {
        let l = plan.project.defaultLanguage
        let moments = messages.map(\.send.moment) + plan.deployment.waves.map { LocalMoment(date: $0.date, time: TimeOfDay(minutes: 0)!) }
        let first = moments.min()?.date ?? CivilDate(year: 2000, month: 1, day: 1)!
        let last = moments.max()?.date ?? first
        let lanes = plan.deployment.waves.map { wave -> TimelineLane in
            var seen = Set<String>()
            let points = messages.filter { $0.send.waveID == wave.id }
                .filter { seen.insert("\($0.send.communicationID)|\($0.send.moment)").inserted }
                .map { TimelineMarker(label: $0.send.communicationID, at: $0.send.moment, kind: .send) }
            return TimelineLane(label: wave.name, points: points)
        }
        let markers = plan.deployment.waves.map { wave in
            TimelineMarker(label: (l == .fr ? "Mise en service — " : "Go-live — ") + wave.name,
                           at: LocalMoment(date: wave.date, time: wave.window.end), kind: .goLive)
        }
        let title = l == .fr ? "\(plan.project.code) — campagne de communication par vague"
                             : "\(plan.project.code) — communication campaign by wave"
        return Timeline(title: title, language: l, scale: .days,
                        start: LocalMoment(date: first.adding(days: -1), time: TimeOfDay(minutes: 0)!),
                        end: LocalMoment(date: last.adding(days: 2), time: TimeOfDay(minutes: 0)!),
                        lanes: lanes, markers: markers)
    }

    /// The SVG without blank lines: a blank line would end the HTML block in Markdown.
    func svg() -> String {
        SVGTimelineWriter.render(timeline())
            .split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.allSatisfy(\.isWhitespace) }
            .joined(separator: "\n")
    }
}
