import Foundation

/// `out/golive-manifest.json`: what the last build wrote, so the next one can tell what changed,
/// remove what no longer has a source, and keep document versions stable.
public struct Manifest: Codable, Sendable, Equatable {
    public static let fileName = "golive-manifest.json"

    public var format = 1
    /// Output path → digest of its bytes.
    public var files: [String: String] = [:]
    /// Input path → digest, so a report can say which inputs changed.
    public var inputs: [String: String] = [:]
    /// Guide id + language → version and the digest of its content, for version bumps.
    public var guides: [String: GuideVersionRecord] = [:]

    public struct GuideVersionRecord: Codable, Sendable, Equatable {
        public var version: String
        public var digest: String
        public var changes: [String]
    }

    public init() {}

    public static func load(from directory: URL) -> Manifest? {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(fileName)) else { return nil }
        return try? JSONDecoder().decode(Manifest.self, from: data)
    }

    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }
}
