/// A trainer: what they teach, in which languages, on which sites (classroom only),
/// and the days they cannot teach. A trainer with no sites teaches remote sessions only.
public struct TrainerSpec: Sendable, Hashable {
    public var id: String
    public var modules: [String]
    public var languages: [Language]
    public var sites: [String]
    public var unavailable: Set<CivilDate>

    public init(id: String, modules: [String], languages: [Language], sites: [String] = [],
                unavailable: Set<CivilDate> = []) {
        self.id = id
        self.modules = modules
        self.languages = languages
        self.sites = sites
        self.unavailable = unavailable
    }
}
