/// The training one audience needs at one site: who (headcount, language), what
/// (modules, in order) and when (an inclusive window of days, already resolved from the
/// audience's wave).
public struct TrainingDemand: Sendable, Hashable {
    public var audienceID: String
    public var language: Language
    public var site: String
    public var headcount: Int
    /// In the audience's order: a later module never starts before the first session of an earlier one has ended.
    public var modules: [String]
    public var windowFrom: CivilDate
    public var windowTo: CivilDate

    public init(audienceID: String, language: Language, site: String, headcount: Int,
                modules: [String], windowFrom: CivilDate, windowTo: CivilDate) {
        self.audienceID = audienceID
        self.language = language
        self.site = site
        self.headcount = headcount
        self.modules = modules
        self.windowFrom = windowFrom
        self.windowTo = windowTo
    }
}
