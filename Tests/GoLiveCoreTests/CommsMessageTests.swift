import Foundation
import Testing
@testable import GoLiveCore

/// Announcements rendered from the example project: files, languages, e-mail headers.
struct CommsMessageTests {
    @Test func everySendHasItsThreeFiles() throws {
        let r = try CommsFixture.example()
        #expect(!r.planned.sends.isEmpty)
        for send in r.planned.sends {
            for ext in ["md", "html", "eml"] {
                #expect(r.files["\(send.audienceID)/comms/\(send.fileStem).\(ext)"] != nil, "\(send.fileStem).\(ext)")
            }
        }
        #expect(!r.warnings.contains { $0.message.contains("template") }, "\(r.warnings)")
    }

    @Test func datesAreWrittenInTheAudienceLanguage() throws {
        let r = try CommsFixture.example()
        let fr = try #require(r.text("agents-paris/comms/2027-03-18-eve.md"))
        #expect(fr.contains("vendredi 19 mars"))
        #expect(fr.contains("du jeudi 18 mars, 20\u{A0}h, au vendredi 19 mars, 6\u{A0}h"))
        #expect(fr.hasPrefix("# ATLAS — Passage à Atlas demain : ce qu'il faut savoir"))
        let teaser = try #require(r.text("agents-paris/comms/2027-02-17-teaser.md"))
        #expect(teaser.contains("vendredi 19 mars 2027"))
        let en = try #require(r.text("intl-collections/comms/2027-04-15-eve.md"))
        #expect(en.contains("from Thursday 15 April, 19:00, to Friday 16 April, 07:00"))
        #expect(en.contains("tomorrow, Friday 16 April"))
        #expect(!en.contains("avril"))
        let golive = try #require(r.text("intl-collections/comms/2027-04-16-golive.html"))
        #expect(golive.contains("<html lang=\"en\">"))
        #expect(golive.contains("Saturday 1 May 2027"))
    }

    @Test func markdownInInputStillRenders() throws {
        let r = try CommsFixture.example()
        let html = try #require(r.text("agents-paris/comms/2027-02-17-teaser.html"))
        #expect(html.contains("<strong>seul écran</strong>"))
        #expect(html.contains("<a href=\"https://intranet.example.org/atlas\">"))
    }

    @Test func emailsParseWithAccentsListAndZoneOffsets() throws {
        let r = try CommsFixture.example()
        let before = "agents-paris/comms/2027-03-19-golive.eml"    // winter time
        let after = "agents-lyon/comms/2027-04-02-golive.eml"      // after the 28 March change
        let english = "intl-collections/comms/2027-04-16-golive.eml"
        let parsed = try CommsFixture.emails(r, [before, after, english])
        let winter = try #require(parsed[before])
        #expect(winter["subject"] as? String == "ATLAS — Atlas est en service : vos premiers pas")
        #expect(winter["to"] as? [String] == ["atlas-agents-paris@example.org"])
        #expect(winter["date"] as? String == "Fri, 19 Mar 2027 08:00:00 +0100")
        #expect(winter["defects"] as? Int == 0)
        #expect((winter["html"] as? String)?.contains("Bonjour à toutes et à tous,") == true)
        #expect((winter["text"] as? String)?.contains("# ATLAS — Atlas est en service") == true)
        let summer = try #require(parsed[after])
        #expect(summer["date"] as? String == "Fri, 02 Apr 2027 08:00:00 +0200")
        #expect(summer["to"] as? [String] == ["atlas-agents-lyon@example.org"])
        #expect(parsed[english]?["subject"] as? String == "ATLAS — Atlas is live: your first steps")
        let keys = Set(winter["keys"] as? [String] ?? [])
        #expect(keys == ["from", "to", "subject", "date", "message-id", "x-unsent", "mime-version", "content-type"])
    }

    @Test func pendingDecisionMarksEveryMessageAsDraft() throws {
        var tree = CommsFixture.exampleTree()
        tree["plan.yaml"] = CommsFixture.replace("  status: go\n", with: "  status: pending\n", in: tree["plan.yaml"])
        let r = try CommsFixture.render(MemoryFiles(tree))
        let path = "agents-paris/comms/2027-02-17-teaser"
        #expect(r.text(path + ".html")?.contains("class=\"draft\"") == true)
        #expect(r.text(path + ".md")?.hasPrefix("> **BROUILLON") == true)
        let parsed = try CommsFixture.emails(r, [path + ".eml"])
        #expect((parsed[path + ".eml"]?["subject"] as? String)?.hasPrefix("[DRAFT] ATLAS — ") == true)
        #expect((parsed[path + ".eml"]?["html"] as? String)?.contains("BROUILLON") == true)
    }

    @Test func noGoRendersOnlyThePostponementOncePerAudience() throws {
        var tree = CommsFixture.exampleTree()
        tree["plan.yaml"] = CommsFixture.replace("  status: go\n", with: "  status: no-go\n", in: tree["plan.yaml"])
        let r = try CommsFixture.render(MemoryFiles(tree))
        let messages = r.files.keys.filter { $0.contains("/comms/") && $0.hasSuffix(".eml") }.sorted()
        #expect(messages.count == r.project.plan.audiences.count)
        #expect(messages.allSatisfy { $0.hasSuffix("/comms/2027-03-10-postponed.eml") })
        let fr = try #require(r.text("agents-paris/comms/2027-03-10-postponed.md"))
        #expect(fr.hasPrefix("# ATLAS — Report du passage à Atlas"))
        #expect(fr.contains("vendredi 19 mars 2027"))
        #expect(r.text("intl-collections/comms/2027-03-10-postponed.md")?.contains("decided on Wednesday 10 March 2027 to **postpone**") == true)
    }

    @Test func projectTemplateOverridesAndMissingKeyWarns() throws {
        var tree = CommsFixture.exampleTree()
        tree["templates/announcement/teaser.fr.md"] = "# Bientôt {{product}}\n\n{{greeting}}\n\n{{nope}}\n"
        let r = try CommsFixture.render(MemoryFiles(tree))
        #expect(r.text("agents-paris/comms/2027-02-17-teaser.md") == "# Bientôt Atlas\n\nBonjour à toutes et à tous,\n\n\n")
        #expect(r.text("intl-collections/comms/2027-03-17-teaser.md")?.hasPrefix("# ATLAS — Atlas is coming") == true)
        let warning = try #require(r.warnings.first { $0.message.contains("'nope'") })
        #expect(warning.location.file == "templates/announcement/teaser.fr.md")
        #expect(warning.location.line == 5)
        let parsed = try CommsFixture.emails(r, ["agents-paris/comms/2027-02-17-teaser.eml"])
        #expect(parsed["agents-paris/comms/2027-02-17-teaser.eml"]?["subject"] as? String == "ATLAS — Bientôt Atlas")
    }

    /// The training invitation's e-learning paragraph reads as each language writes it: the deadline
    /// comes after a comma ("quand vous le souhaitez, avant le …", "whenever suits you, before …").
    @Test func theOnlineModuleDeadlineReadsNaturally() throws {
        let rendered = try CommsFixture.render(MemoryFiles(SyntheticProject.files(audiences: 20, waves: 2, seed: 1)))
        let training = rendered.files.filter { $0.key.hasSuffix("-training.md") }.map { String(decoding: $0.value.data, as: UTF8.self) }
        let french = training.filter { $0.contains("Le module en ligne") }
        let english = training.filter { $0.contains("The online module") }
        #expect(!french.isEmpty && !english.isEmpty)
        for text in french { #expect(text.contains("quand vous le souhaitez, avant le "), "\(text)") }
        for text in english { #expect(text.contains("whenever suits you, before "), "\(text)") }
    }

    @Test func subjectComesFromACustomTemplateHeading() {
        #expect(MessageDocuments.subject(of: "# Hello *there*\n\nText", fallback: "x", code: "ATLAS") == "ATLAS — Hello there")
        #expect(MessageDocuments.subject(of: "No heading", fallback: "ATLAS — Built in", code: "ATLAS") == "ATLAS — Built in")
    }
}
