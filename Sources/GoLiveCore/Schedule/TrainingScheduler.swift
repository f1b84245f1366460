/// Places training sessions for every demand, or explains exactly why they do not fit.
///
/// Pure and deterministic: the same problem always gives the same schedule, whatever the
/// order of its arrays. Demands are handled by window start, then audience, then site;
/// each session goes to the earliest working day and slot where a qualified trainer (and,
/// for classroom, a room) is free.
public enum TrainingScheduler {
    public static func schedule(_ problem: TrainingProblem) -> Result<TrainingPlan, TrainingInfeasible> {
        var run = SchedulingRun(problem)
        for demand in problem.demands.sorted(by: demandOrder) {
            run.schedule(demand)
        }
        if run.shortfalls.isEmpty {
            return .success(TrainingPlan(sessions: run.sessions, notes: run.notes))
        }
        return .failure(TrainingInfeasible(shortfalls: run.shortfalls, notes: run.notes))
    }

    /// A total order on demands, so shuffled input arrays schedule identically.
    static func demandOrder(_ a: TrainingDemand, _ b: TrainingDemand) -> Bool {
        if a.windowFrom != b.windowFrom { return a.windowFrom < b.windowFrom }
        if a.audienceID != b.audienceID { return a.audienceID < b.audienceID }
        if a.site != b.site { return a.site < b.site }
        if a.windowTo != b.windowTo { return a.windowTo < b.windowTo }
        if a.language != b.language { return a.language < b.language }
        if a.headcount != b.headcount { return a.headcount < b.headcount }
        return a.modules.lexicographicallyPrecedes(b.modules)
    }
}
