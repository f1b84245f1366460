import Foundation

/// The schedule with everything the documents look up about it: modules, trainers,
/// rooms and audiences by id, sessions in reading order, and the plan's timezone.
struct TrainingBook {
    let plan: Plan
    let training: Training
    /// Timed sessions by date, time, site, audience, module and number;
    /// then e-learning by audience and module. Never the scheduler's internal order.
    let sessions: [ScheduledSession]
    let modules: [String: TrainingModule]
    let trainers: [String: Trainer]
    let audiences: [String: Audience]
    let zone: TimeZone
    private let byAudience: [String: [ScheduledSession]]
    private let byTrainer: [String: [ScheduledSession]]

    init(plan: Plan, training: Training, schedule: TrainingPlan) {
        self.plan = plan
        self.training = training
        // Keys computed once per session, not once per comparison.
        sessions = schedule.sessions.map { (Self.sortKey($0), $0) }
            .sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
        byAudience = Dictionary(grouping: sessions, by: \.audienceID)
        byTrainer = Dictionary(grouping: sessions.filter { $0.trainerID != nil }, by: { $0.trainerID ?? "" })
        modules = Dictionary(training.modules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        trainers = Dictionary(training.trainers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        audiences = Dictionary(plan.audiences.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        zone = plan.project.timeZone
    }


    func sessions(of audience: Audience) -> [ScheduledSession] { byAudience[audience.id] ?? [] }

    func sessions(of trainer: Trainer) -> [ScheduledSession] { byTrainer[trainer.id] ?? [] }

    /// Whether the audience has a classroom or remote session with a date: only then does it
    /// get a `training.ics` (e-learning has no slot, and an empty calendar is not valid).
    func hasTimedSessions(_ audience: Audience) -> Bool { sessions(of: audience).contains { $0.date != nil } }

    func moduleTitle(_ id: String) -> String { modules[id]?.title ?? id }

    func trainerName(_ id: String?) -> String { id.map { trainers[$0]?.name ?? $0 } ?? "" }

    func audienceName(_ id: String) -> String { audiences[id]?.name ?? id }

    /// Minutes of teaching in a session (0 for e-learning, which nobody teaches).
    func taughtMinutes(_ s: ScheduledSession) -> Int {
        s.format == .elearning ? 0 : modules[s.moduleID]?.durationMinutes ?? 0
    }

    private static func sortKey(_ s: ScheduledSession) -> [String] {
        let timed = s.date == nil ? "1" : "0"
        let day = s.date.map { Digits.padded($0.dayNumber + 1_000_000, 8) } ?? ""
        return [timed, day, s.start?.description ?? "", s.site, s.audienceID, s.moduleID,
                Digits.padded(s.number, 6), s.roomID ?? "", s.trainerID ?? ""]
    }
}
