/// `out/training/schedule.md|html`: every session, then the load per module and per
/// trainer, in the project's default language.
struct TrainingSchedulePage {
    let book: TrainingBook

    /// The columns of a session row after its date, as the built-in template orders them.
    static let cells = ["time", "module", "format", "site", "room", "trainer", "audience", "seats", "session"]

    func page() -> PageRenderer.Page {
        let l = book.plan.project.defaultLanguage
        let timed = book.sessions.filter { $0.date != nil }
        let rows: [[String: Any]] = timed.map { s in
            ["date": s.date.map { DateWords.shortDate($0, l) } ?? "", "iso": s.date?.description ?? "",
             "time": TrainingWords.hours(s, l), "module": book.moduleTitle(s.moduleID),
             "format": TrainingWords.format(s.format, l), "site": s.site, "room": s.roomID ?? "—",
             "trainer": book.trainerName(s.trainerID), "audience": book.audienceName(s.audienceID),
             "seats": s.seats, "session": "\(s.number)/\(s.of)"]
        }
        let elearning: [[String: Any]] = book.sessions.filter { $0.date == nil }.map { s in
            ["module": book.moduleTitle(s.moduleID), "audience": book.audienceName(s.audienceID), "site": s.site,
             "seats": s.seats, "duration": DateWords.duration(minutes: book.modules[s.moduleID]?.durationMinutes ?? 0, l)]
        }
        let perModule: [[String: Any]] = book.training.modules.compactMap { m in
            let mine = book.sessions.filter { $0.moduleID == m.id }
            guard !mine.isEmpty else { return nil }
            let taught = mine.reduce(0) { $0 + book.taughtMinutes($1) }
            return ["module": m.title, "format": TrainingWords.format(TrainingFormat(m.format), l),
                    "sessions": m.format == .elearning ? "—" : "\(mine.count)",
                    "hours": m.format == .elearning ? "—" : DateWords.duration(minutes: taught, l),
                    "trainees": mine.reduce(0) { $0 + $1.seats }]
        }
        let perTrainer: [[String: Any]] = book.training.trainers.sorted { $0.id < $1.id }.map { t in
            let mine = book.sessions(of: t)
            return ["trainer": t.name, "id": t.id, "sessions": mine.count,
                    "hours": DateWords.duration(minutes: mine.reduce(0) { $0 + book.taughtMinutes($1) }, l),
                    "trainees": mine.reduce(0) { $0 + $1.seats }]
        }
        let title = l == .fr ? "Planning des formations — \(book.plan.project.name)"
                             : "Training schedule — \(book.plan.project.name)"
        return PageRenderer.Page(stem: "training/schedule", template: "training/schedule", language: l, title: title, context: [
            "timezone": book.plan.project.timezoneID,
            "sessions": rows,
            "sessionRows": TrainingLines.sessionRows(rows, cells: Self.cells),
            "hasSessions": !rows.isEmpty,
            "sessionCount": rows.count,
            "elearning": elearning,
            "elearningLines": TrainingLines.elearningLines(elearning, l),
            "hasElearning": !elearning.isEmpty,
            "perModule": perModule,
            "perTrainer": perTrainer,
            "hasTrainers": !perTrainer.isEmpty,
        ])
    }
}
