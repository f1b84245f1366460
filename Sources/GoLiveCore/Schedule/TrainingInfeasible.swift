/// The problem does not fit: every module of every demand that could not be fully
/// placed, with the reasons. No partial plan is returned on purpose, so a half-trained
/// site is never published as if it were ready.
public struct TrainingInfeasible: Error, Sendable, Equatable {
    public var shortfalls: [TrainingShortfall]
    public var notes: [TrainingNote]

    public init(shortfalls: [TrainingShortfall], notes: [TrainingNote]) {
        self.shortfalls = shortfalls
        self.notes = notes
    }
}
