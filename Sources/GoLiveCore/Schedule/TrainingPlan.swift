/// A complete schedule: every demand fully placed.
public struct TrainingPlan: Sendable, Equatable {
    /// In scheduling order: demands by window start, audience, site; modules in the audience's order; sessions by number.
    public var sessions: [ScheduledSession]
    public var notes: [TrainingNote]

    public init(sessions: [ScheduledSession], notes: [TrainingNote]) {
        self.sessions = sessions
        self.notes = notes
    }
}
