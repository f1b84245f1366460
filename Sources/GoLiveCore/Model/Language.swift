/// The languages GoLive writes documents in. Adding one means adding its word tables
/// and its built-in templates, so the set is closed on purpose.
public enum Language: String, CaseIterable, Sendable, Comparable {
    case fr
    case en

    public static func < (a: Language, b: Language) -> Bool { a.rawValue < b.rawValue }
}
