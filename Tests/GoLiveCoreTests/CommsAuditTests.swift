import Foundation
import Testing
@testable import GoLiveCore

/// The comms audit: From: on every draft, postponement wording, training invitations sent too
/// late, guide links, plain-text parts, and plural-free wording in messages, kit and agenda.
struct CommsAuditTests {
    static func plan(_ edit: (String) -> String) throws -> CommsFixture.Rendered {
        var tree = CommsFixture.exampleTree()
        tree["plan.yaml"] = edit(tree["plan.yaml"] ?? "")
        return try CommsFixture.render(MemoryFiles(tree))
    }

    static func from(_ r: CommsFixture.Rendered, _ path: String) throws -> String {
        try #require(CommsFixture.emails(r, [path])[path]?["from"] as? String)
    }

    // MARK: - 1. From:

    @Test func fromDefaultsToTheCommsRoleThenThePMO() throws {
        let teaser = "agents-paris/comms/2027-02-17-teaser.eml"
        #expect(try Self.from(CommsFixture.example(), teaser) == "Léa Fontaine <lea.fontaine@example.org>")
        let noComms = try Self.plan { CommsFixture.replace("  - id: comms\n", with: "  - id: communication\n", in: $0) }
        #expect(try Self.from(noComms, teaser) == "Camille Lambert <camille.lambert@example.org>")
        let neither = try Self.plan {
            CommsFixture.replace("  - id: pmo\n", with: "  - id: pilotage\n",
                                 in: CommsFixture.replace("  - id: comms\n", with: "  - id: communication\n", in: $0))
                .replacingOccurrences(of: "owner: pmo", with: "owner: pilotage")
                .replacingOccurrences(of: "decided_by: pmo", with: "decided_by: pilotage")
                .replacingOccurrences(of: "participants: [pmo, dev-lead]", with: "participants: [pilotage, dev-lead]")
                .replacingOccurrences(of: "with: [n1, n2, pmo]", with: "with: [n1, n2, pilotage]")
        }
        #expect(try Self.from(neither, teaser) == "")
        #expect(!(neither.text(teaser) ?? "").contains("\r\nFrom:"))
        #expect(!(neither.text(teaser) ?? "").hasPrefix("From:"))
    }

    @Test func fromInTheCommunicationWinsAndReachesTheHeader() throws {
        let r = try Self.plan {
            CommsFixture.replace("    sender: \"Isabelle Roux, Directrice du Recouvrement\"\n  - id: teaser-intranet",
                                 with: "    sender: \"Isabelle Roux, Directrice du Recouvrement\"\n    from: \"Isabelle Roux <isabelle.roux@example.org>\"\n  - id: teaser-intranet",
                                 in: $0)
        }
        #expect(try Self.from(r, "agents-paris/comms/2027-02-17-teaser.eml") == "Isabelle Roux <isabelle.roux@example.org>")
        #expect(try Self.from(r, "agents-paris/comms/2027-02-17-teaser-intranet.eml") == "Léa Fontaine <lea.fontaine@example.org>")
    }

    @Test func aMalformedFromIsAnErrorWithItsPosition() throws {
        var tree = CommsFixture.exampleTree()
        tree["plan.yaml"] = CommsFixture.replace(
            "    channel: intranet\n    sender: \"L'équipe projet Atlas\"\n  - id: training",
            with: "    channel: intranet\n    sender: \"L'équipe projet Atlas\"\n    from: \"Équipe Atlas <atlas at example>\"\n  - id: training",
            in: tree["plan.yaml"])
        let line = (tree["plan.yaml"] ?? "").components(separatedBy: "\n").firstIndex { $0.contains("atlas at example") }! + 1
        do {
            _ = try LoadedProject.load(MemoryFiles(tree))
            Issue.record("a malformed 'from' must be rejected")
        } catch {
            guard case .invalidInput(let diagnostics) = error else { Issue.record("\(error)"); return }
            #expect(diagnostics.map(\.description).contains(
                "plan.yaml:\(line):11: error: 'from' in communication 'teaser-intranet' must be an email address or \"Name <address>\", found 'Équipe Atlas <atlas at example>'"))
        }
    }

    @Test func addressesParseAsWrittenInAPlan() {
        #expect(EmailAddress.parse("atlas@example.org") == EmailAddress(address: "atlas@example.org"))
        #expect(EmailAddress.parse("Léa Fontaine <lea@example.org>") == EmailAddress(name: "Léa Fontaine", address: "lea@example.org"))
        #expect(EmailAddress.parse("\"Martin, Claire\" <c@example.org>") == EmailAddress(name: "Martin, Claire", address: "c@example.org"))
        #expect(EmailAddress.parse("<c@example.org>") == EmailAddress(address: "c@example.org"))
        for bad in ["", "atlas", "a b@example.org", "A <b@example>", "A\nBcc: x@y.org <b@example.org>", "A <b@example.org", "x@y.org, z@y.org"] {
            #expect(EmailAddress.parse(bad) == nil, "\(bad)")
        }
    }

    // MARK: - 2. Postponement

    @Test func postponementTalksAboutTrainingOnlyAsItStands() throws {
        let r = try Self.plan { CommsFixture.replace("  status: go\n", with: "  status: no-go\n", in: $0) }
        // Paris was trained from 26 February, before the 10 March decision; Lyon and London were not.
        let paris = try #require(r.text("agents-paris/comms/2027-03-10-postponed.md"))
        let lyon = try #require(r.text("agents-lyon/comms/2027-03-10-postponed.md"))
        let london = try #require(r.text("intl-collections/comms/2027-03-10-postponed.md"))
        #expect(paris.contains("la formation que vous avez suivie reste valable"))
        #expect(!paris.contains("reprogrammées"))
        #expect(lyon.contains("**Vos sessions de formation seront reprogrammées**"))
        #expect(!lyon.contains("avez suivie"))
        #expect(london.contains("**Your training sessions will be rescheduled**"))
        #expect(!london.contains("you have taken"))
        #expect(paris.contains("Le comité Go/No-Go a décidé, le mercredi 10 mars 2027, de **reporter** le passage à **Atlas**"))
        #expect(!paris.contains("Décision prise par"))
        // An audience without sessions (back office: e-learning or nothing) hears about neither.
        let office = try #require(r.text("back-office/comms/2027-03-10-postponed.md"))
        #expect(!office.contains("avez suivie") && !office.contains("reprogrammées"))
    }

    @Test func decidersReadAsTheSubjectOfASentence() {
        #expect(MessageWords.decider("Comité Go/No-Go", .fr) == "Le comité Go/No-Go")
        #expect(MessageWords.decider("Direction du Recouvrement", .fr) == "La direction du Recouvrement")
        #expect(MessageWords.decider("COMEX", .fr) == "Le COMEX")
        #expect(MessageWords.decider("Isabelle Roux", .fr) == "Isabelle Roux")
        #expect(MessageWords.decider("le comité de pilotage", .fr) == "Le comité de pilotage")
        #expect(MessageWords.decider("Comité Go/No-Go", .en) == "The Comité Go/No-Go")
        #expect(MessageWords.decider("Steering committee", .en) == "The Steering committee")
        #expect(MessageWords.decider("Isabelle Roux", .en) == "Isabelle Roux")
    }

    // MARK: - 3. Training invitation

    @Test func aTrainingInvitationOnOrAfterTheFirstSessionWarns() throws {
        let r = try CommsFixture.example()
        let late = r.warnings.filter { $0.message.contains("invites audience") }
        let line = (CommsFixture.exampleTree()["plan.yaml"] ?? "").components(separatedBy: "\n")
            .firstIndex { $0 == "  - id: training" }! + 1
        #expect(late.map(\.description).contains(
            "plan.yaml:\(line):5: warning: communication 'training' invites audience 'agents-paris' to its training on 2027-02-26 at 09:00, but its first session is on 2027-02-26 at 09:00: send it earlier so people can book a seat"))
        #expect(late.count == 4)
        let early = try Self.plan { CommsFixture.replace("    at: J-21\n", with: "    at: J-28\n", in: $0) }
        #expect(!early.warnings.contains { $0.message.contains("invites audience") })
    }

    @Test func theInvitationBooksThroughTheManagerLikeTheTrainingPage() throws {
        let r = try CommsFixture.example()
        let fr = try #require(r.text("agents-paris/comms/2027-02-26-training.md"))
        let en = try #require(r.text("intl-collections/comms/2027-03-26-training.md"))
        #expect(fr.contains("**votre manager vous inscrit**") && !fr.contains("inscrivez-vous auprès de votre relais"))
        #expect(en.contains("**your manager books you**") && !en.contains("book your seat with"))
        #expect(r.text("agents-paris/training.md")?.contains("votre manager vous inscrit") == true)
    }

    // MARK: - 4. Guide links

    @Test func goLiveLinksTheAudiencesOwnGuideInItsLanguage() throws {
        let r = try CommsFixture.example()
        #expect(r.text("intl-collections/comms/2027-04-16-golive.md")?.contains("[Atlas user guide](../guide.html) (version 1.0)") == true)
        #expect(r.text("agents-paris/comms/2027-03-19-golive.md")?.contains("[Guide utilisateur Atlas](../guide.html)") == true)
        #expect(r.files["intl-collections/guide.html"] != nil)
        #expect(r.text("intl-collections/comms/2027-04-16-golive.html")?.contains("href=\"../guide.html\"") == true)
    }

    // MARK: - 5. Plain-text part

    @Test func theTextPartShowsCharactersNotEntities() throws {
        var tree = CommsFixture.exampleTree()
        tree["audiences/agents-paris.yaml"] = CommsFixture.replace(
            "changes:\n", with: "changes:\n  - 'Relances < 30 jours & \"urgentes\" > 5 €'\n", in: tree["audiences/agents-paris.yaml"])
        let r = try CommsFixture.render(MemoryFiles(tree))
        let path = "agents-paris/comms/2027-02-17-teaser.eml"
        let message = try #require(CommsFixture.emails(r, [path])[path])
        let text = message["text"] as? String ?? ""
        #expect(text.contains("Relances < 30 jours & \"urgentes\" > 5 €"))
        #expect(!text.contains("&lt;") && !text.contains("&amp;") && !text.contains("&gt;"))
        #expect((message["html"] as? String)?.contains("Relances &lt; 30 jours &amp;") == true)
        #expect(r.text("agents-paris/comms/2027-02-17-teaser.md")?.contains("Relances &lt; 30 jours &amp;") == true)
    }

    @Test func entitiesDecodeInOnePass() {
        #expect(EmailPlainText.decodingEntities("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;") == "a <b> & \"c\" 'd'")
        #expect(EmailPlainText.decodingEntities("&amp;lt; stays &lt;") == "&lt; stays <")
        #expect(EmailPlainText.decodingEntities("R&D & co &nbsp;") == "R&D & co &nbsp;")
        #expect(EmailPlainText.decodingEntities("trailing &") == "trailing &")
    }

    // MARK: - 6. Wording

    @Test func kitKeyMessagesHaveNoNestedGuillemetsAndUseTheToolName() throws {
        let r = try CommsFixture.example()
        let fr = try #require(r.text("agents-paris/kit.md"))
        let en = try #require(r.text("intl-collections/kit.md"))
        #expect(fr.contains("- « Chaque personne suit “Les essentiels d'Atlas” et “Atlas avancé : plans d'apurement et réaffectation” avant le"))
        #expect(fr.contains("- « Le vendredi 19 mars 2027, nous passons à Atlas — nouveau poste de travail du recouvrement. »"))
        #expect(!fr.contains("« «") && !fr.contains("» »"))
        #expect(en.contains("- “On Friday 16 April 2027, we move to Atlas.”"))
        #expect(en.contains("‘Les essentiels d'Atlas’"))
        #expect(!en.contains("relay(s)"))
        #expect(en.contains("· 3 in all, for 45 people."))
    }

    @Test func agendaForOneDayNamesTheDayAndCountsWithoutParentheses() throws {
        let r = try CommsFixture.example()
        let day = CivilDate(year: 2027, month: 3, day: 18)!
        let one = Agenda.text(r.project.plan, messages: r.messages, from: day, days: 1, outputFolder: "out")
        #expect(one.hasPrefix("ATLAS — 3 envois le jeudi 18 mars 2027\n"))
        #expect(!one.contains("(s)"))
        let nothing = Agenda.text(r.project.plan, messages: r.messages, from: CivilDate(year: 2030, month: 1, day: 1)!,
                                  days: 1, outputFolder: "out")
        #expect(nothing == "Rien à envoyer le mardi 1er janvier 2030.\n")
        let week = Agenda.text(r.project.plan, messages: r.messages, from: CivilDate(year: 2027, month: 3, day: 15)!,
                               days: 7, outputFolder: "out")
        #expect(week.contains(" envois du lundi 15 mars 2027 au dimanche 21 mars 2027\n"))
    }

    @Test func agendaSaysWhenTheFilesAreNotBuiltYet() throws {
        let r = try CommsFixture.example()
        let day = CivilDate(year: 2027, month: 3, day: 18)!
        let none = Agenda.text(r.project.plan, messages: r.messages, from: day, days: 1, outputFolder: "out",
                               isBuilt: { _ in false })
        #expect(none.contains("out/agents-paris/comms/2027-03-18-eve.md (pas encore produit)"))
        #expect(none.hasSuffix("\nAucun de ces fichiers n'est encore produit : lancez d'abord golive build.\n"))
        let some = Agenda.text(r.project.plan, messages: r.messages, from: day, days: 1, outputFolder: "out",
                               isBuilt: { !$0.hasPrefix("out/agents-paris/") })
        #expect(some.hasSuffix("\n1 de ces fichiers n'est pas encore produit : lancez d'abord golive build.\n"))
        let all = Agenda.text(r.project.plan, messages: r.messages, from: day, days: 1, outputFolder: "out",
                              isBuilt: { _ in true })
        #expect(!all.contains("golive build") && !all.contains("pas encore"))
    }

    @Test func changeReportSpeaksTheProjectLanguageAndKnowsAFirstBuild() {
        let written = ["agents-paris/comms/2027-02-17-teaser.eml", "agents-paris/comms/2027-02-17-teaser.md",
                       "agents-paris/kit.md", "comms-plan.md"]
        let first = ChangeReport(written: written, removed: [], audienceIDs: ["agents-paris"], language: .fr, firstBuild: true)
        #expect(first.markdown.hasPrefix("# Changements\n"))
        #expect(first.markdown.contains("À envoyer :\n\n- `comms/2027-02-17-teaser`"))
        #expect(!first.markdown.contains("renvoyer") && !first.markdown.contains("Resend"))
        #expect(first.summary.contains("agents-paris: 3 documents nouveaux; à envoyer comms/2027-02-17-teaser"))
        #expect(first.summary.hasPrefix("changements (liste complète dans changes.md) :"))
        let again = ChangeReport(written: written, removed: [], audienceIDs: ["agents-paris"], language: .fr)
        #expect(again.markdown.contains("À renvoyer :"))
        let english = ChangeReport(written: written, removed: [], audienceIDs: ["agents-paris"], firstBuild: true)
        #expect(english.markdown.contains("To send:") && !english.markdown.contains("Resend"))
        let dry = ChangeReport(written: written, removed: [], audienceIDs: ["agents-paris"], dryRun: true)
        #expect(!dry.summary.contains("changes.md"))
        #expect(dry.summary.hasPrefix("changes (dry run, nothing written):"))
        #expect(dry.summary.contains("shared: 1 document changed, 0 removed"))
        #expect(!dry.summary.contains("(s)"))
    }
}
