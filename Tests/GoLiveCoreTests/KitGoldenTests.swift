import Foundation
import Testing
@testable import GoLiveCore

/// One reviewed copy per kind of document around the cutover — kits, training pages, runbooks,
/// post-go-live pages, the handover dossier and the home page — rendered from the example
/// project and compared byte for byte with Fixtures/<kind>/. French from the plan as it is
/// (and from French audiences), English from the same plan with `languages: [en, fr]` (and
/// from intl-collections). Re-record after an intended change with
/// `GOLIVE_RECORD=1 swift test --filter KitGoldenTests`, then read the diff as a native reader.
@Suite struct KitGoldenTests {
    /// Golden name under Fixtures/ → output path, from the plan in French.
    static let french: [(String, String)] = [
        ("kit/fr/agents-paris.md", "agents-paris/kit.md"),
        ("kit/en/intl-collections.md", "intl-collections/kit.md"),
        ("training/fr/back-office.md", "back-office/training.md"),
        ("training/fr/agents-paris.md", "agents-paris/training.md"),
        ("training/en/intl-collections.md", "intl-collections/training.md"),
        ("runbook/fr/lot-1.md", "runbook/lot-1.md"),
        ("post-golive/fr/lot-2.md", "post-golive/lot-2.md"),
        ("handover/fr/dossier.md", "handover/dossier.md"),
        ("home/fr/index.md", "index.md"),
    ]

    /// The documents written in the plan's first language, with English first.
    static let english: [(String, String)] = [
        ("runbook/en/lot-1.md", "runbook/lot-1.md"),
        ("post-golive/en/lot-2.md", "post-golive/lot-2.md"),
        ("handover/en/dossier.md", "handover/dossier.md"),
        ("home/en/index.md", "index.md"),
    ]

    static func englishFirst() throws -> [String: String] {
        try KitFixture.build(["plan.yaml": {
            CommsFixture.replace("\n  languages: [fr, en]\n", with: "\n  languages: [en, fr]\n", in: $0)
        }]).outputs
    }

    func compare(_ cases: [(String, String)], _ outputs: [String: String]) throws {
        for (name, path) in cases {
            try GoldenFiles.check(name, outputs[path], source: path)
        }
    }

    @Test func frenchDocumentsMatchTheirReviewedCopies() throws {
        try compare(Self.french, try KitFixture.build().outputs)
    }

    @Test func englishDocumentsMatchTheirReviewedCopies() throws {
        try compare(Self.english, try Self.englishFirst())
    }
}
