/// `out/<audience>/training.md|html`: the audience's modules in order, each with its
/// sessions (dates in words, room, trainer), in the audience's language.
struct TrainingAudiencePage {
    let book: TrainingBook
    let audience: Audience

    func page() -> PageRenderer.Page {
        let l = audience.language
        let mine = book.sessions(of: audience)
        var seen = Set<String>()
        let modules: [[String: Any]] = audience.modules.map(\.value).filter { seen.insert($0).inserted }.compactMap { id in
            guard let m = book.modules[id] else { return nil }
            let format = TrainingFormat(m.format)
            let sessions: [[String: Any]] = mine.filter { $0.moduleID == id && $0.date != nil }.map { s in
                let hours = TrainingWords.hours(s, l), place = TrainingWords.place(s, l)
                let trainer = book.trainerName(s.trainerID), session = TrainingWords.session(s, l)
                return ["date": s.date.map { DateWords.longDate($0, l) } ?? "", "hours": hours, "place": place,
                        "trainer": trainer, "seats": s.seats, "session": session,
                        "details": TrainingLines.sessionDetails(hours: hours, place: place, trainer: trainer,
                                                                seats: s.seats, session: session, l)]
            }
            return ["title": m.title, "format": TrainingWords.format(format, l),
                    "duration": DateWords.duration(minutes: m.durationMinutes, l),
                    "summary": m.summary ?? "", "hasSummary": m.summary != nil,
                    "isElearning": format == .elearning, "sessions": sessions, "hasSessions": !sessions.isEmpty,
                    "sessionCount": sessions.count,
                    "sessionsLabel": Words.count(sessions.count, "session", "sessions")]
        }
        let followed = audience.modules.compactMap { book.modules[$0.value] }
        let used = Set(followed.map(\.format))
        let elearningOnly = !followed.isEmpty && used == [.elearning]
        var seenOnline = Set<String>()
        let onlineMinutes = followed.filter { $0.format == .elearning && seenOnline.insert($0.id).inserted }
            .reduce(0) { $0 + $1.durationMinutes }
        let window = windowWords(l)
        let title = l == .fr ? "Formation \(book.plan.project.name) — \(audience.name)"
                             : "\(book.plan.project.name) training — \(audience.name)"
        return PageRenderer.Page(stem: "\(audience.id)/training", template: "training/audience", language: l, title: title, context: [
            "audience": audience.name,
            "headcount": audience.headcount,
            "modules": modules,
            "hasModules": !modules.isEmpty,
            "windowFrom": window.from,
            "windowTo": window.to,
            "hasClassroom": used.contains(.classroom),
            "hasRemote": used.contains(.remote),
            "hasElearning": used.contains(.elearning),
            // Classroom or remote modules: sessions to book, and a calendar when they have dates.
            "hasTimedModules": !followed.isEmpty && !elearningOnly,
            "hasCalendar": book.hasTimedSessions(audience),
            "elearningOnly": elearningOnly,
            "elearningDuration": DateWords.duration(minutes: onlineMinutes, l),
            "timezone": book.plan.project.timezoneID,
        ])
    }

    private func windowWords(_ l: Language) -> (from: String, to: String) {
        guard let wave = book.plan.wave(audience.waveID) else { return ("", "") }
        let from = book.training.windowFrom.resolve(j: wave.date), to = book.training.windowTo.resolve(j: wave.date)
        // "du vendredi 26 février au mercredi 17 mars 2027": the year once, unless it changes.
        return (DateWords.rangeStart(from, endingOn: to, l), DateWords.longDate(to, l))
    }

}
