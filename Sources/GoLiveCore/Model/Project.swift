import Foundation

/// The `project:` block: who is changing what, and in which languages and timezone.
public struct Project: Sendable {
    public struct Person: Sendable, Hashable {
        public var name: String
        public var role: String?
        public var email: String?
        public var phone: String?
    }

    public var name: String
    public var code: String
    public var organisation: String?
    public var sponsor: Person?
    public var summary: String?
    public var benefits: [String]
    /// The first one is the default language.
    public var languages: [Language]
    public var timezoneID: String
    public var location: SourceLocation

    public var defaultLanguage: Language { languages.first ?? .fr }

    /// The plan's timezone. The id was checked against the tz database when the plan was read,
    /// so the UTC fallback only serves plans built by hand.
    public var timeZone: TimeZone { TimeZone(identifier: timezoneID) ?? TimeZone(identifier: "UTC")! }
}

/// The outcome of the Go/No-Go meeting.
public struct Decision: Sendable {
    public enum Status: String, Sendable, CaseIterable { case go, noGo = "no-go", pending }
    public var status: Status
    public var date: CivilDate?
    public var by: String?
    public var conditions: [String]
    public var location: SourceLocation
}
