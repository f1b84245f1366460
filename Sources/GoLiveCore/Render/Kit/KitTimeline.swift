/// One audience's own dates, in order: every message it receives, its training (sessions,
/// e-learning deadline, or "to be scheduled"), the cutover, go-live, the daily anomaly
/// meetings and the end of hypercare. `kit` is where the page sits, for links.
struct KitTimeline {
    struct Item {
        var at: LocalMoment
        var when: String
        var what: String
        var link: String?
    }

    let plan: Plan
    let planned: Planned
    let audience: Audience
    let wave: Wave
    /// Output paths that exist, so a message is linked only when its page was generated.
    let existing: Set<String>

    func items() -> [Item] {
        let l = audience.language, fr = l == .fr
        let j = wave.date
        var out: [Item] = []
        func day(_ d: CivilDate) -> String { DateWords.longDate(d, l) }
        /// "du vendredi 26 février au mardi 2 mars 2027": the year once, when both days share it.
        func range(_ first: CivilDate, _ last: CivilDate) -> String {
            let start = DateWords.rangeStart(first, endingOn: last, l)
            return fr ? "du \(start) au \(day(last))" : "from \(start) to \(day(last))"
        }
        func sessionCount(_ n: Int) -> String { Words.count(n, "session", "sessions") }
        func moment(_ m: LocalMoment) -> String { DateWords.moment(m.date, m.time, l) }

        for send in planned.sendsByAudience[audience.id] ?? [] {
            let communication = plan.communications.first { $0.id == send.communicationID }
            let html = "\(audience.id)/comms/\(send.fileStem).html"
            let name = communication.map { " (\(Words.channel($0.channel, l)))" } ?? ""
            // Named as the home page names it: "Annonce (intranet)", "Invitation à la formation (e-mail)".
            let message = DocumentIndex.message(date: send.moment.date, communicationID: send.communicationID) { _ in communication }
            let title = DocumentIndex.messageName(message, l)
            out.append(Item(at: send.moment, when: moment(send.moment),
                            what: title + name,
                            link: existing.contains(html) ? "comms/\(send.fileStem).html" : nil))
        }

        if let training = plan.training {
            let sessions = planned.sessionsByAudience[audience.id] ?? []
            var modules = Set<String>()
            for ref in audience.modules where modules.insert(ref.value).inserted {
                let title = training.module(ref.value)?.title ?? ref.value
                let from = training.windowFrom.resolve(j: j), to = training.windowTo.resolve(j: j)
                let mine = sessions.filter { $0.moduleID == ref.value }
                let dated = mine.compactMap(\.date).sorted()
                let link = existing.contains("\(audience.id)/training.html") ? "training.html" : nil
                if training.module(ref.value)?.format == .elearning {
                    out.append(Item(at: LocalMoment(date: from, time: TimeOfDay(minutes: 0)!),
                                    when: range(from, to),
                                    what: fr ? "E-learning « \(title) », à suivre avant le \(day(to))" : "E-learning “\(title)”, to complete by \(day(to))",
                                    link: link))
                } else if let first = dated.first, let last = dated.last {
                    let when = first == last ? (fr ? "le \(day(first))" : "on \(day(first))")
                                             : range(first, last)
                    out.append(Item(at: LocalMoment(date: first, time: TimeOfDay(minutes: 1)!), when: when,
                                    what: fr ? "Formation « \(title) » : \(sessionCount(dated.count)), une par personne"
                                             : "Training “\(title)”: \(sessionCount(dated.count)), one per person",
                                    link: link))
                } else {
                    out.append(Item(at: LocalMoment(date: from, time: TimeOfDay(minutes: 1)!),
                                    when: fr ? "entre le \(day(from)) et le \(day(to))" : "between \(day(from)) and \(day(to))",
                                    what: fr ? "Formation « \(title) » : à planifier" : "Training “\(title)”: to be scheduled",
                                    link: nil))
                }
            }
        }

        let opens = wave.window.opens(j: j), closes = wave.window.closes(j: j)
        out.append(Item(at: opens, when: DateWords.span(from: (opens.date, opens.time), to: (closes.date, closes.time), l),
                        what: fr ? "Bascule : l'application n'est pas disponible" : "Cutover: the application is not available",
                        link: nil))
        out.append(Item(at: closes, when: day(j), what: fr ? "Mise en production (jour J)" : "Go-live (day J)", link: nil))

        if let meeting = plan.postGoLive?.dailyMeeting {
            let days = MeetingDays.dates(meeting, j: j, calendar: MeetingDays.calendar(of: plan))
            if let first = days.first, let last = days.last {
                out.append(Item(at: LocalMoment(date: first, time: meeting.time),
                                when: range(first, last) + (fr ? ", chaque jour ouvré à \(DateWords.time(meeting.time, l))"
                                                               : ", every working day at \(DateWords.time(meeting.time, l))"),
                                what: fr ? "Point quotidien des anomalies (apportez-y les blocages de l'équipe)"
                                         : "Daily anomaly meeting (bring your team's blockers)",
                                link: nil))
            }
        }
        if let hypercare = plan.postGoLive?.hypercare {
            let until = hypercare.until.resolve(j: j)
            out.append(Item(at: LocalMoment(date: until, time: TimeOfDay(hour: 23, minute: 59)!), when: day(until),
                            what: fr ? "Fin de l'hypercare (support renforcé)" : "End of hypercare (reinforced support)", link: nil))
        }
        return out.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }
}
