/// `out/post-golive/<wave>.md|html`: the controls checklist, the daily anomaly meetings,
/// hypercare with its contact and exit criteria, for one wave.
struct PostGoLivePage {
    let plan: Plan
    let post: PostGoLive
    let wave: Wave

    /// A control written with a day only is due at 09:00.
    static let defaultCheckTime = TimeOfDay(hour: 9, minute: 0)!

    /// "de 9 h 30 à 10 h" / "from 09:30 to 10:00" on any day; "à minuit" / "to midnight" when it ends then.
    static func hoursPhrase(from start: TimeOfDay, durationMinutes: Int, _ l: Language) -> String {
        let someDay = CivilDate(year: 2001, month: 1, day: 1)!
        let end = LocalMoment(date: someDay, time: start).adding(wallMinutes: durationMinutes)
        let endWords = end.time.minutes == 0 && end.date != someDay
            ? (l == .fr ? "minuit" : "midnight") : DateWords.time(end.time, l)
        switch l {
        case .fr: return "de \(DateWords.time(start, l)) à \(endWords)"
        case .en: return "from \(DateWords.time(start, l)) to \(endWords)"
        }
    }

    func page() -> PageRenderer.Page {
        let l = plan.project.defaultLanguage
        let j = wave.date
        let checks: [[String: Any]] = post.checks.map { check in
            let at = check.at?.resolve(j: j, defaultTime: Self.defaultCheckTime)
            return ["title": check.title,
                    "when": at.map { "\(RelativeMoment.label($0, j: j)) — \(DateWords.moment($0.date, $0.time, l))" } ?? "",
                    "hasWhen": at != nil,
                    "owner": check.owner.map { RoleWords.name($0.value, plan) } ?? "",
                    "hasOwner": check.owner != nil]
        }
        let meeting = post.dailyMeeting
        let days = meeting.map { MeetingDays.dates($0, j: j, calendar: MeetingDays.calendar(of: plan)) } ?? []
        let end = meeting.map { LocalMoment(date: j, time: $0.time).adding(wallMinutes: $0.durationMinutes).time }
        let dates: [[String: Any]] = days.map { day in
            ["date": DateWords.longDate(day, l), "label": "\(DayRef.relative(j.days(until: day)))"]
        }
        let hypercare = post.hypercare
        let title = l == .fr ? "Après la mise en production — \(wave.name)" : "After go-live — \(wave.name)"
        return PageRenderer.Page(stem: "post-golive/\(wave.id)", template: "post-golive/wave", language: l, title: title, context: [
            "title": title,
            "wave": wave.name,
            "goLive": DateWords.longDate(j, l),
            "timezone": plan.project.timezoneID,
            "checks": checks,
            "hasChecks": !checks.isEmpty,
            "hasMeeting": meeting != nil,
            "meetingHours": meeting.map { m in
                l == .fr ? "\(DateWords.time(m.time, l)) – \(DateWords.time(end!, l))" : "\(DateWords.time(m.time, l))–\(DateWords.time(end!, l))"
            } ?? "",
            // "de 9 h 30 à 10 h" / "from 09:30 to 10:00": the hours as a phrase, for running text.
            "meetingSpan": meeting.map { Self.hoursPhrase(from: $0.time, durationMinutes: $0.durationMinutes, l) } ?? "",
            "meetingDuration": meeting.map { DateWords.duration(minutes: $0.durationMinutes, l) } ?? "",
            "meetingPlace": meeting?.place ?? "",
            "hasPlace": meeting?.place != nil,
            "participants": (meeting?.participants ?? []).map { RoleWords.full($0.value, plan) },
            "meetingDates": dates,
            "meetingCount": dates.count,
            "hasMeetingDates": !dates.isEmpty,
            "ics": "\(wave.id)-daily-meetings.ics",
            "hasHypercare": hypercare != nil,
            "hypercareUntil": hypercare.map { DateWords.longDate($0.until.resolve(j: j), l) } ?? "",
            "contact": hypercare?.contact ?? "",
            "hasContact": hypercare?.contact != nil,
            "exitCriteria": hypercare?.exitCriteria ?? [],
            "hasExitCriteria": !(hypercare?.exitCriteria ?? []).isEmpty,
            "runbook": plan.runbook.isEmpty ? false as Any : "../runbook/\(wave.id).html",
        ])
    }
}
