import Foundation

/// IANA zone names as this machine's tz database knows them.
enum TimeZoneNames {
    static let all: [String] = TimeZone.knownTimeZoneIdentifiers.sorted()
    private static let known = Set(all)

    static func isKnown(_ name: String) -> Bool {
        known.contains(name) || (name == "UTC" && TimeZone(identifier: name) != nil)
    }
}
