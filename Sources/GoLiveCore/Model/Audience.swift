/// A population profile: one file in `audiences/`.
public struct Audience: Sendable, Identifiable {
    public enum Impact: String, Sendable, CaseIterable, Comparable {
        case high, medium, low
        var rank: Int { self == .high ? 0 : self == .medium ? 1 : 2 }
        public static func < (a: Impact, b: Impact) -> Bool { a.rank < b.rank }
    }

    public struct Relay: Sendable {
        public var name: String
        public var role: String?
        public var email: String?
    }

    public struct FAQ: Sendable {
        public var question: String
        public var answer: String
    }

    public var id: String
    public var name: String
    public var language: Language
    public var headcount: Int
    public var impact: Impact
    /// Resolved: the plan's only wave when there is one and the profile names none.
    public var waveID: String
    public var sites: [String]
    public var modules: [Located<String>]
    public var channels: [Communication.Channel]
    public var mailingList: String?
    public var relays: [Relay]
    public var changes: [String]
    public var actions: [String]
    public var unchanged: [String]
    public var faq: [FAQ]
    public var file: String
    public var location: SourceLocation
    /// Where `relays:` is written (or the profile, when it is missing): the coverage warning points there.
    public var relaysLocation: SourceLocation
    /// Where `channels:` is written, for the channel warning.
    public var channelsLocation: SourceLocation
}
