import Foundation
import Testing

/// Reviewed copies of generated documents under Tests/GoLiveCoreTests/Fixtures/. With
/// `GOLIVE_RECORD=1` the copies are rewritten instead of compared; the diff is then reviewed.
enum GoldenFiles {
    static let root = ProjectFixture.repoRoot.appendingPathComponent("Tests/GoLiveCoreTests/Fixtures")
    static let record = ProcessInfo.processInfo.environment["GOLIVE_RECORD"] == "1"

    /// `name` is relative to Fixtures/ (`comms/fr/teaser.md`); `rendered` nil means the document is missing.
    static func check(_ name: String, _ rendered: String?, source: String,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let text = try #require(rendered, "\(source) was not rendered", sourceLocation: sourceLocation)
        let url = root.appendingPathComponent(name)
        if record {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden, "\(source) differs from Fixtures/\(name); re-record with GOLIVE_RECORD=1 and review",
                sourceLocation: sourceLocation)
    }
}
