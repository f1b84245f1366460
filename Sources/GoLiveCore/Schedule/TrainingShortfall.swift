/// Why one module of one demand could not be fully scheduled, and what would fix it.
public struct TrainingShortfall: Sendable, Equatable {
    public var audienceID: String
    public var moduleID: String
    public var site: String
    public var windowFrom: CivilDate
    public var windowTo: CivilDate
    public var sessionsNeeded: Int
    public var sessionsPlaced: Int
    /// Plain-English reasons, most decisive first.
    public var blocking: [String]
    /// One concrete change that would let the sessions fit.
    public var suggestion: String

    public init(audienceID: String, moduleID: String, site: String, windowFrom: CivilDate,
                windowTo: CivilDate, sessionsNeeded: Int, sessionsPlaced: Int,
                blocking: [String], suggestion: String) {
        self.audienceID = audienceID
        self.moduleID = moduleID
        self.site = site
        self.windowFrom = windowFrom
        self.windowTo = windowTo
        self.sessionsNeeded = sessionsNeeded
        self.sessionsPlaced = sessionsPlaced
        self.blocking = blocking
        self.suggestion = suggestion
    }
}
