import Foundation

/// The `.ics` files of the training: one event per classroom or remote session
/// (e-learning has no slot, so no event).
///
/// Stability: the UID is built from the plan's ids (project code, audience, site when
/// the audience has several, module, session number), so a regenerated file updates
/// the same events. DTSTAMP is the session's own start minus 30 days and SEQUENCE is 0:
/// both depend on nothing but the session, never on the clock of the machine that
/// builds, so the same plan always gives the same bytes, and a session that moves to
/// another day or hour gets a new DTSTAMP. A change of room or trainer alone keeps the
/// stamp; calendar clients importing a METHOD:PUBLISH file replace the event by UID anyway.
struct TrainingICS {
    let book: TrainingBook

    /// How long before a session the alarm rings.
    static let reminderMinutes = 60
    static let stampLead: TimeInterval = 30 * 86_400

    func audience(_ audience: Audience) -> String {
        let l = audience.language
        let name = l == .fr ? "Formation \(book.plan.project.name) — \(audience.name)"
                            : "\(book.plan.project.name) training — \(audience.name)"
        let events = book.sessions(of: audience).compactMap { event($0, l, forTrainer: false) }
        return ICSWriter.render(CalendarDocument(name: name, timeZone: book.zone, events: events))
    }

    func trainer(_ trainer: Trainer) -> String {
        let l = book.plan.project.defaultLanguage
        let name = l == .fr ? "Formations \(book.plan.project.name) — \(trainer.name)"
                            : "\(book.plan.project.name) training — \(trainer.name)"
        let events = book.sessions(of: trainer).compactMap { event($0, l, forTrainer: true) }
        return ICSWriter.render(CalendarDocument(name: name, timeZone: book.zone, events: events))
    }

    static func uid(_ s: ScheduledSession, code: String, multiSite: Bool) -> String {
        ICSWriter.uidSafe([code, "training", s.audienceID] + (multiSite ? [s.site] : []) + [s.moduleID, "\(s.number)"])
    }

    func event(_ s: ScheduledSession, _ l: Language, forTrainer: Bool) -> CalendarEvent? {
        guard let date = s.date, let startTime = s.start, let endTime = s.end else { return nil }
        let start = ZonedTime.instant(LocalMoment(date: date, time: startTime), in: book.zone)
        let end = ZonedTime.instant(LocalMoment(date: date, time: endTime), in: book.zone)
        let module = book.modules[s.moduleID]
        let title = book.moduleTitle(s.moduleID)
        let multiSite = (book.audiences[s.audienceID]?.sites.count ?? 0) > 1
        let summary = forTrainer
            ? "\(title) — \(book.audienceName(s.audienceID)) (\(s.number)/\(s.of))"
            : (l == .fr ? "Formation : \(title) (\(TrainingWords.session(s, l)))" : "Training: \(title) (\(TrainingWords.session(s, l)))")
        var lines: [String] = []
        if let summary = module?.summary { lines.append(TrainingWords.plain(summary)) }
        switch l {
        case .fr:
            lines.append("Format : \(TrainingWords.format(s.format, l)) — \(DateWords.duration(minutes: module?.durationMinutes ?? 0, l))")
            lines.append("Formateur ou formatrice : \(book.trainerName(s.trainerID))")
            lines.append(forTrainer ? "Population : \(book.audienceName(s.audienceID)), \(s.seats) participants"
                                    : "Places : \(s.seats) (\(TrainingWords.session(s, l)))")
        case .en:
            lines.append("Format: \(TrainingWords.format(s.format, l)) — \(DateWords.duration(minutes: module?.durationMinutes ?? 0, l))")
            lines.append("Trainer: \(book.trainerName(s.trainerID))")
            lines.append(forTrainer ? "Audience: \(book.audienceName(s.audienceID)), \(s.seats) trainees"
                                    : "Seats: \(s.seats) (\(TrainingWords.session(s, l)))")
        }
        return CalendarEvent(
            uid: Self.uid(s, code: book.plan.project.code, multiSite: multiSite),
            summary: summary, description: lines.joined(separator: "\n"),
            location: TrainingWords.place(s, l), start: start, end: end, sequence: 0,
            stamp: start.addingTimeInterval(-Self.stampLead),
            categories: [l == .fr ? "Formation" : "Training"],
            reminderMinutesBefore: Self.reminderMinutes)
    }
}
