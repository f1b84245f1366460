/// Maps the validated plan onto the scheduler's problem and its answer back onto positioned diagnostics.
enum TrainingPlanning {
    /// `reusing`: the schedule a build worked out from the same inputs (`BuildCache.schedule(for:)`).
    static func run(_ plan: Plan, _ d: inout Diagnostics, reusing cached: TrainingPlan? = nil) -> TrainingPlan? {
        guard let training = plan.training else { return nil }
        let outcome = cached.map { .success($0) } ?? TrainingScheduler.schedule(TrainingProblem(plan: plan, training: training))
        switch outcome {
        case .success(let schedule):
            for note in schedule.notes { d.warning(location(of: note, in: plan), note.message) }
            return schedule
        case .failure(let infeasible):
            for shortfall in infeasible.shortfalls {
                d.error(location(plan, shortfall.audienceID, shortfall.moduleID, last: false), message(shortfall))
            }
            for note in infeasible.notes { d.warning(location(of: note, in: plan), note.message) }
            return nil
        }
    }

    /// One line naming audience, module, site, window, sessions needed and placed, the
    /// reasons and the suggestion (both word for word from the scheduler).
    static func message(_ s: TrainingShortfall) -> String {
        let site = s.site.isEmpty ? "" : " at \(s.site)"
        return "training for '\(s.audienceID)' in '\(s.moduleID)'\(site) does not fit \(s.windowFrom)…\(s.windowTo): "
            + "\(s.sessionsNeeded) session\(s.sessionsNeeded == 1 ? "" : "s") needed, \(s.sessionsPlaced) fit; "
            + "blocking: \(s.blocking.joined(separator: "; ")); suggestion: \(s.suggestion)"
    }

    /// A note about a module listed twice points at the repeated entry; any other at the first.
    static func location(of note: TrainingNote, in plan: Plan) -> SourceLocation {
        location(plan, note.audienceID, note.moduleID, last: note.message.contains("listed twice"))
    }

    /// The audience's `modules` entry for the module, else the audience itself, else plan.yaml.
    static func location(_ plan: Plan, _ audienceID: String, _ moduleID: String, last: Bool) -> SourceLocation {
        guard let audience = plan.audience(audienceID) else { return plan.training?.location ?? .file("plan.yaml") }
        let entries = audience.modules.filter { $0.value == moduleID }
        return (last ? entries.last : entries.first)?.location ?? audience.location
    }
}
