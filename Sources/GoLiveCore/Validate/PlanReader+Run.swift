/// After go-live: controls, daily meeting, hypercare, support, handover; and the guides list.
extension PlanReader {
    mutating func readPostGoLive(_ o: YAMLObject) -> PostGoLive? {
        o.checkKeys(["checks", "daily_meeting", "hypercare"], &d)
        var seen: [String: SourceLocation] = [:]
        let checks: [PostGoLive.Check] = o.objects("checks", itemName: "check", &d).compactMap { c in
            c.checkKeys(["id", "title", "owner", "at"], &d)
            let id = c.id(kind: "check", seen: &seen, &d)
            let title = c.string("title", required: true, &d)
            let owner = c.string("owner", &d)
            let at = c.moment("at", &d)
            guard let id, let title else { return nil }
            return PostGoLive.Check(id: id, title: title.value, owner: owner, at: at)
        }
        var meeting: PostGoLive.DailyMeeting?
        if let m = o.object("daily_meeting", context: "'daily_meeting'", &d) {
            m.checkKeys(["time", "duration", "from", "to", "participants", "where"], &d)
            let time = m.time("time", required: true, &d)
            let duration = m.duration("duration", required: true, &d)
            let from = m.day("from", required: true, &d)
            let to = m.day("to", required: true, &d)
            if case .relative(let a)? = from, case .relative(let b)? = to, a > b {
                d.error(m.location, "the daily meeting starts (\(from!)) after it ends (\(to!))")
            }
            if let time, let duration, let from, let to {
                meeting = PostGoLive.DailyMeeting(time: time, durationMinutes: duration, from: from, to: to,
                                                  participants: m.idRefs("participants", &d),
                                                  place: m.string("where", &d)?.value)
            }
        }
        var hypercare: PostGoLive.Hypercare?
        if let h = o.object("hypercare", context: "'hypercare'", &d) {
            h.checkKeys(["until", "contact", "exit_criteria"], &d)
            if let until = h.day("until", required: true, &d) {
                hypercare = PostGoLive.Hypercare(until: until, contact: h.string("contact", &d)?.value,
                                                 exitCriteria: h.strings("exit_criteria", &d).map(\.value))
            }
        }
        return PostGoLive(checks: checks, dailyMeeting: meeting, hypercare: hypercare)
    }

    mutating func readSupport(_ o: YAMLObject) -> Support? {
        o.checkKeys(["teams", "handover"], &d)
        var seen: [String: SourceLocation] = [:]
        let teams: [Support.Team] = o.objects("teams", itemName: "support team", &d).compactMap { t in
            t.checkKeys(["id", "name", "scope", "contact"], &d)
            let id = t.id(kind: "support team", seen: &seen, &d)
            let name = t.string("name", &d)
            guard let id else { return nil }
            return Support.Team(id: id, name: name?.value ?? id, scope: t.string("scope", &d)?.value,
                                contact: t.string("contact", &d)?.value)
        }
        var handover: Support.Handover?
        if let h = o.object("handover", context: "'handover'", &d) {
            h.checkKeys(["date", "meetings", "documents"], &d)
            let meetings: [Support.Meeting] = h.objects("meetings", itemName: "handover meeting", &d).compactMap { m in
                m.checkKeys(["title", "at", "duration", "with"], &d)
                let title = m.string("title", required: true, &d)
                let at = m.moment("at", required: true, &d)
                let duration = m.duration("duration", &d)
                let with = m.idRefs("with", &d)
                guard let title, let at else { return nil }
                return Support.Meeting(title: title.value, at: at, durationMinutes: duration ?? 60, with: with)
            }
            handover = Support.Handover(date: h.day("date", &d), meetings: meetings,
                                        documents: h.strings("documents", &d).map(\.value))
        }
        return Support(teams: teams, handover: handover)
    }

    mutating func readGuides(_ plan: YAMLObject) -> [GuideRef] {
        var seen: [String: SourceLocation] = [:]
        return plan.objects("guides", itemName: "guide", &d).compactMap { g in
            g.checkKeys(["id", "title", "source", "version"], &d)
            let id = g.id(kind: "guide", seen: &seen, &d)
            let title = g.string("title", &d)
            let source = g.string("source", required: true, &d)
            let version = g.string("version", &d)
            if let version, !GuideVersion.isValid(version.value) {
                d.error(version.location, "guide version '\(version.value)' must be numbers separated by dots (e.g. \"1.0\")")
            }
            guard let id, let source else { return nil }
            return GuideRef(id: id, title: title?.value ?? id, source: source, version: version?.value ?? "1.0")
        }
    }
}

enum GuideVersion {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.count < 6 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
