import Foundation
import Testing
@testable import GoLiveCore

/// Every built-in announcement, in French and in English, rendered from the example project and
/// compared with a reviewed copy in Fixtures/comms/. Re-record after an intended change with
/// `GOLIVE_RECORD=1 swift test --filter CommsGoldenTests`, then review the diff.
struct CommsGoldenTests {
    /// Golden name → output path; French from agents-paris, English from intl-collections.
    static let cases: [(String, String)] = [
        ("fr/teaser.md", "agents-paris/comms/2027-02-17-teaser.md"),
        ("fr/training.md", "agents-paris/comms/2027-02-26-training.md"),
        ("fr/reminder.md", "agents-paris/comms/2027-03-12-reminder.md"),
        ("fr/eve.md", "agents-paris/comms/2027-03-18-eve.md"),
        ("fr/golive.md", "agents-paris/comms/2027-03-19-golive.md"),
        ("fr/followup.md", "agents-paris/comms/2027-03-26-followup.md"),
        ("en/teaser.md", "intl-collections/comms/2027-03-17-teaser.md"),
        ("en/training.md", "intl-collections/comms/2027-03-26-training.md"),
        ("en/reminder.md", "intl-collections/comms/2027-04-09-reminder.md"),
        ("en/eve.md", "intl-collections/comms/2027-04-15-eve.md"),
        ("en/golive.md", "intl-collections/comms/2027-04-16-golive.md"),
        ("en/followup.md", "intl-collections/comms/2027-04-23-followup.md"),
    ]

    @Test func announcementsMatchTheirReviewedCopies() throws {
        let r = try CommsFixture.example()
        var outputs = Self.cases.map { ($0.0, r.text($0.1)) }
        var tree = CommsFixture.exampleTree()
        tree["plan.yaml"] = CommsFixture.replace("  status: go\n", with: "  status: no-go\n", in: tree["plan.yaml"])
        let noGo = try CommsFixture.render(MemoryFiles(tree))
        outputs.append(("fr/postponed.md", noGo.text("agents-paris/comms/2027-03-10-postponed.md")))
        outputs.append(("en/postponed.md", noGo.text("intl-collections/comms/2027-03-10-postponed.md")))
        for (name, rendered) in outputs {
            try GoldenFiles.check("comms/\(name)", rendered, source: name)
        }
    }
}
