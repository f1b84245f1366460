/// A training module as the scheduler sees it: how long one session lasts, how it is
/// delivered and how many trainees one session may hold.
public struct ModuleSpec: Sendable, Hashable {
    public var id: String
    public var durationMinutes: Int
    public var format: TrainingFormat
    public var capacity: Int

    public init(id: String, durationMinutes: Int, format: TrainingFormat, capacity: Int) {
        self.id = id
        self.durationMinutes = durationMinutes
        self.format = format
        self.capacity = capacity
    }
}
