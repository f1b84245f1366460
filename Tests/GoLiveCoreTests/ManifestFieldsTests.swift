import Foundation
import Testing
@testable import GoLiveCore

/// The manifest is read and written by hand (`ManifestJSON`), so a field added to one of its types
/// and not to the codec would silently vanish between builds. This lists every stored field the
/// codec handles: adding a field fails here until the codec (and this list) have it.
@Suite("Manifest fields")
struct ManifestFieldsTests {
    static func labels(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }

    @Test func everyFieldOfTheManifestIsOneTheCodecKnows() {
        let location = SourceLocation(file: "plan.yaml", line: 1, column: 1)
        // `fileTable` and `eventTable` hold `files` and `events`, as read from the last manifest or
        // decoded (`ManifestTable`).
        #expect(Self.labels(Manifest()) == ["format", "inputs", "guides", "units", "fileTable", "eventTable"])
        #expect(Self.labels(Manifest.GuideVersionRecord(version: "1.0", digest: "d"))
                == ["version", "digest", "changes", "language", "sections", "feedback", "fixedIn"])
        #expect(Self.labels(Manifest.SectionRecord(heading: "h", digest: "d")) == ["heading", "digest"])
        #expect(Self.labels(Manifest.FeedbackRecord(status: "open", digest: "d")) == ["status", "digest"])
        #expect(Self.labels(Manifest.GuideChange(.sectionAdded, "t")) == ["kind", "text", "section"])
        #expect(Self.labels(Manifest.EventRecord(digest: "d", sequence: 0, stamp: nil)) == ["digest", "sequence", "stamp"])
        // `fileSizes` holds `files`, in the manifest's order; `eventStore` holds `events`, as decoded or
        // as their bytes (`UnitEvents`).
        #expect(Self.labels(Manifest.UnitRecord(key: "k", files: [:], events: nil, warnings: nil)) == ["key", "fileSizes", "warnings", "eventStore"])
        #expect(Self.labels(Diagnostic.warning(location, "m")) == ["severity", "location", "message"])
        #expect(Self.labels(location) == ["file", "line", "column"])
    }
}
