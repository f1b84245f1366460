import Foundation
import Testing
@testable import GoLiveCore

/// Feedback from the exports of real tools goes all the way through the load and lands in its section.
@Suite("Feedback in")
struct FeedbackLoadingTests {
    struct Dialect: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        var testDescription: String { name }
    }

    static func csv(_ separator: String, _ newline: String, bom: Bool = false) -> String {
        let header = ["id", "date", "audience", "guide", "section", "kind", "text", "answer", "status"].joined(separator: separator)
        let row = ["fb-1", "2027-03-22", "agents", "user-guide", "Se connecter", "issue",
                   "\"Le code n'arrive pas\(newline)sur le téléphone\"", "\"Utilisez \"\"Renvoyer\"\"\(separator) ça marche\"",
                   "workaround"].joined(separator: separator)
        let row2 = ["fb-2", "2027-03-23", "all", "user-guide", "se-connecter", "tip", "Astuce", "", "open"].joined(separator: separator)
        return (bom ? "\u{FEFF}" : "") + header + newline + row + newline + row2 + newline
    }

    static let dialects: [Dialect] = [
        Dialect(name: "comma, LF", text: csv(",", "\n")),
        Dialect(name: "comma, CRLF", text: csv(",", "\r\n")),
        Dialect(name: "semicolon, LF", text: csv(";", "\n")),
        Dialect(name: "semicolon, CRLF, BOM", text: csv(";", "\r\n", bom: true)),
        Dialect(name: "comma, LF, BOM", text: csv(",", "\n", bom: true)),
    ]

    @Test(arguments: dialects)
    func eachCSVDialectLoadsAndReachesItsSection(_ dialect: Dialect) throws {
        let files = ProjectFixture.files(extra: ["feedback/export.csv": dialect.text])
        let project = try LoadedProject.load(files)
        let entries = project.plan.feedback
        #expect(entries.map(\.id) == ["fb-1", "fb-2"])
        let first = try #require(entries.first)
        // RFC 4180 keeps a quoted line break as written (LF or CRLF); rendering turns it into a space.
        #expect(first.text.replacingOccurrences(of: "\r\n", with: "\n") == "Le code n'arrive pas\nsur le téléphone")
        let separator = dialect.name.hasPrefix("semicolon") ? ";" : ","
        #expect(first.answer == "Utilisez \"Renvoyer\"\(separator) ça marche")
        #expect(first.status == .workaround)
        #expect(entries[1].audience == nil)
        #expect(first.section.location.description.hasPrefix("feedback/export.csv:2:"))

        let outputs = try TrainingOutputFixture.build(files).outputs
        let md = TrainingOutputFixture.text(outputs["agents/guide.md"])
        #expect(md.contains("> **⚠️ Problème connu** — Le code n'arrive pas sur le téléphone\n>\n> **Contournement :** Utilisez \"Renvoyer\"\(separator) ça marche"))
        #expect(md.contains("> **💡 Astuce** — Astuce"))
    }

    @Test func feedbackOnAnUnknownSectionIsAPositionedErrorWithTheClosestHeading() {
        let yaml = "- { id: fb-1, date: 2027-03-22, audience: agents, guide: user-guide, section: Se connecte, kind: question, text: Q, status: open }\n"
        #expect(ProjectFixture.messages(ProjectFixture.files(extra: ["feedback/f.yaml": yaml]))
                == ["feedback/f.yaml:1:79: error: feedback fb-1: guide 'user-guide' has no section 'Se connecte'; did you mean 'Se connecter'?"])
        let csv = "id;date;audience;guide;section;kind;text;answer;status\r\nfb-1;2027-03-22;agents;user-guide;Réafectation;tip;T;;open\r\n"
        #expect(ProjectFixture.messages(ProjectFixture.files(extra: ["feedback/f.csv": csv]))
                == ["feedback/f.csv:2:35: error: feedback fb-1: guide 'user-guide' has no section 'Réafectation'; did you mean 'Réaffectation'?"])
    }

    @Test func theDigestSortsAnAudiencesFeedbackForTheFAQAndTheFollowUp() throws {
        let yaml = """
        - { id: q-1, date: 2027-03-22, audience: all, guide: user-guide, section: Se connecter, kind: question, text: Q1, answer: A1, status: resolved }
        - { id: q-2, date: 2027-03-22, audience: agents, guide: user-guide, section: Se connecter, kind: question, text: Q2, status: open }
        - { id: i-1, date: 2027-03-23, audience: agents, guide: user-guide, section: Se connecter, kind: issue, text: I1, status: resolved }
        - { id: i-2, date: 2027-03-23, audience: all, guide: user-guide, section: Se connecter, kind: issue, text: I2, answer: W, status: workaround }
        - { id: i-3, date: 2027-03-24, audience: agents, guide: user-guide, section: Se connecter, kind: issue, text: I3, status: open }
        - { id: t-1, date: 2027-03-24, audience: agents, guide: user-guide, section: Se connecter, kind: tip, text: T, status: open }

        """
        let plan = try LoadedProject.load(ProjectFixture.files(extra: ["feedback/f.yaml": yaml])).plan
        let digest = FeedbackDigest.for(audience: "agents", plan: plan)
        #expect(digest.answered.map(\.id) == ["q-1"])
        #expect(digest.fixed.map(\.id) == ["i-1"])
        #expect(digest.open.map(\.id) == ["i-2", "i-3"])
        #expect(FeedbackDigest.for(audience: "someone-else", plan: plan).open.map(\.id) == ["i-2"])
    }
}
