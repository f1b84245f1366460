/// Everything the scheduler needs, already validated and mapped from the plan.
public struct TrainingProblem: Sendable, Hashable {
    public var modules: [ModuleSpec]
    public var trainers: [TrainerSpec]
    public var rooms: [RoomSpec]
    public var calendar: WorkCalendar
    public var demands: [TrainingDemand]

    public init(modules: [ModuleSpec], trainers: [TrainerSpec], rooms: [RoomSpec],
                calendar: WorkCalendar, demands: [TrainingDemand]) {
        self.modules = modules
        self.trainers = trainers
        self.rooms = rooms
        self.calendar = calendar
        self.demands = demands
    }
}
