/// Maps the validated plan onto the scheduler's problem and its answer back onto positioned diagnostics.
enum TrainingPlanning {
    static func run(_ plan: Plan, _ d: inout Diagnostics) -> TrainingPlan? {
        nil
    }
}
