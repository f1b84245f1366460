/// `out/training/trainers/<trainer>.md|html`: one trainer's timetable with rooms and
/// audiences, in the project's default language.
struct TrainingTrainerPage {
    let book: TrainingBook
    let trainer: Trainer

    /// The columns of a session row after its date, as the built-in template orders them.
    static let cells = ["time", "module", "format", "place", "audience", "language", "seats", "session"]

    func page() -> PageRenderer.Page {
        let l = book.plan.project.defaultLanguage
        let mine = book.sessions(of: trainer)
        let rows: [[String: Any]] = mine.map { s in
            ["date": s.date.map { DateWords.shortDate($0, l) } ?? "", "iso": s.date?.description ?? "",
             "time": TrainingWords.hours(s, l), "module": book.moduleTitle(s.moduleID),
             "format": TrainingWords.format(s.format, l), "place": TrainingWords.place(s, l),
             "audience": book.audienceName(s.audienceID), "language": book.audiences[s.audienceID]?.language.rawValue ?? "",
             "seats": s.seats, "session": "\(s.number)/\(s.of)"]
        }
        let minutes = mine.reduce(0) { $0 + book.taughtMinutes($1) }
        let title = l == .fr ? "Planning — \(trainer.name) — \(book.plan.project.name)"
                             : "\(trainer.name)'s timetable — \(book.plan.project.name)"
        return PageRenderer.Page(stem: "training/trainers/\(trainer.id)", template: "training/trainer", language: l,
                                 title: title, context: [
            "trainer": trainer.name,
            "id": trainer.id,
            "modules": trainer.modules.map { book.moduleTitle($0.value) }.joined(separator: ", "),
            "languages": trainer.languages.map(\.rawValue).joined(separator: ", "),
            "sites": trainer.sites.joined(separator: ", "),
            "hasSites": !trainer.sites.isEmpty,
            "daysOff": trainer.unavailable.sorted().map { DateWords.longDate($0, l) }.joined(separator: ", "),
            "hasDaysOff": !trainer.unavailable.isEmpty,
            "sessions": rows,
            "sessionRows": TrainingLines.sessionRows(rows, cells: Self.cells),
            "hasSessions": !rows.isEmpty,
            // The trainer's .ics is written only when it has a session.
            "hasCalendar": !rows.isEmpty,
            "sessionCount": Words.count(rows.count, "session", "sessions"),
            "hours": DateWords.duration(minutes: minutes, l),
            "trainees": mine.reduce(0) { $0 + $1.seats },
            "timezone": book.plan.project.timezoneID,
        ])
    }
}
