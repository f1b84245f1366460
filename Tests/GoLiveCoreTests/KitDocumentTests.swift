import Foundation
import Testing
@testable import GoLiveCore

/// `out/<audience>/kit.md|html`: the deployment kit for the relays of each audience.
@Suite struct KitDocumentTests {
    @Test func everyAudienceHasAKitInItsLanguage() throws {
        let (outputs, _, plan) = try KitFixture.build()
        for audience in plan.audiences {
            #expect(outputs["\(audience.id)/kit.md"] != nil && outputs["\(audience.id)/kit.html"] != nil, "\(audience.id)")
        }
        #expect(outputs["intl-collections/kit.md"]?.hasPrefix("# Deployment kit — International collections team") == true)
        #expect(outputs["agents-paris/kit.html"]?.contains("<html lang=\"fr\">") == true)
        #expect(outputs["intl-collections/kit.html"]?.contains("<html lang=\"en\">") == true)
    }

    @Test func keyMessagesAreKeptApartFromPointsInOwnWords() throws {
        let kit = try #require(try KitFixture.build().outputs["agents-paris/kit.md"])
        let key = try #require(kit.range(of: "## Messages clés — à dire tels quels"))
        let own = try #require(kit.range(of: "## Points à expliquer avec vos mots"))
        #expect(key.upperBound < own.lowerBound)
        let keySection = String(kit[key.upperBound..<own.lowerBound])
        #expect(keySection.contains("« Le vendredi 19 mars 2027, nous passons à Atlas — nouveau poste de travail du recouvrement. »"))
        #expect(keySection.contains("Aucune saisie n'est possible du jeudi 18 mars, 18\u{A0}h, au vendredi 19 mars, 6\u{A0}h"))
        let ownSection = kit[own.upperBound...].prefix(700)
        #expect(ownSection.contains("- Une **vue unique** du dossier client"))
    }

    /// The timeline names each send as the home page does, from the send itself rather than from its
    /// file's stem read back: the two must agree for every send, built-in and project templates alike.
    @Test func aSendsMessageIsWhatItsFileStemReadsAs() throws {
        let plan = try LoadedProject.load(MemoryFiles(SyntheticProject.files(audiences: 12, waves: 2, seed: 3))).plan
        var sends = CommsCalendar.sends(for: plan)
        sends.append(Send(communicationID: MessageSchedule.postponedID, audienceID: "aud-1", waveID: "wave-1", moment: sends[0].moment))
        sends.append(Send(communicationID: "not-in-the-plan", audienceID: "aud-1", waveID: "wave-1", moment: sends[0].moment))
        for send in sends {
            let read = try #require(DocumentIndex.message("\(send.audienceID)/comms/\(send.fileStem)", plan: plan))
            let made = DocumentIndex.message(date: send.moment.date, communicationID: send.communicationID) { id in
                plan.communications.first { $0.id == id }
            }
            #expect(read.date == made.date && read.communicationID == made.communicationID && read.kind == made.kind
                    && read.channel == made.channel, "\(send.fileStem)")
        }
    }

    @Test func timelineListsTheAudienceSendsTrainingCutoverAndHypercare() throws {
        let kit = try #require(try KitFixture.build().outputs["agents-paris/kit.md"])
        let timeline = try #require(kit.components(separatedBy: "## Le calendrier de votre population").last?
            .components(separatedBy: "<div class=\"page-break\">").first)
        let lines = timeline.split(separator: "\n").filter { $0.hasPrefix("- ") }.map(String.init)
        #expect(lines.first == "- **mercredi 17 février 2027 à 9\u{A0}h** — [Annonce (e-mail)](comms/2027-02-17-teaser.html)")
        #expect(lines.contains { $0.contains("Formation « Les essentiels d'Atlas »") && $0.contains("(training.html)") })
        #expect(lines.contains("- **du jeudi 18 mars, 20\u{A0}h, au vendredi 19 mars, 6\u{A0}h** — Bascule : l'application n'est pas disponible"))
        #expect(lines.contains("- **vendredi 19 mars 2027** — Mise en production (jour J)"))
        // J+1 to J+10 on working days: 29 March (Easter Monday) is a holiday of the training calendar.
        #expect(lines.contains { $0.hasPrefix("- **du lundi 22 mars au vendredi 26 mars 2027, chaque jour ouvré à 9\u{A0}h\u{A0}30**") })
        #expect(lines.last == "- **samedi 3 avril 2027** — Fin de l'hypercare (support renforcé)")
        #expect(lines.filter { $0.contains("](comms/") }.count == 8, "every message the audience receives, linked")
    }

    @Test func trainingWithoutSessionsReadsToBeScheduled() throws {
        let project = try LoadedProject.load(TrainingOutputFixture.files())
        let plan = project.plan
        let audience = try #require(plan.audience("intl-collections"))
        let wave = try #require(plan.wave(audience.waveID))
        let unplanned = Planned(sends: [], training: nil, warnings: [])
        let items = KitTimeline(plan: plan, planned: unplanned, audience: audience, wave: wave, existing: []).items()
        #expect(items.contains { $0.what == "Training “Atlas essentials”: to be scheduled" || $0.what.hasSuffix(": to be scheduled") })
        #expect(items.allSatisfy { $0.link == nil })
    }

    @Test func checklistsHavePrintableBoxesAndPageBreaksSeparateTheParts() throws {
        let kit = try #require(try KitFixture.build().outputs["intl-collections/kit.md"])
        for heading in ["### Before", "### On the day", "### After"] {
            let part = try #require(kit.components(separatedBy: heading).last?.components(separatedBy: "###").first?
                .components(separatedBy: "<div").first)
            let items = part.split(separator: "\n").filter { $0.hasPrefix("- ") }
            #expect(items.count >= 3 && items.allSatisfy { $0.hasPrefix("- ☐ ") }, "\(heading): \(items)")
        }
        #expect(kit.components(separatedBy: "<div class=\"page-break\"></div>").count - 1 >= 3)
        #expect(kit.contains("- ☐ Checked with the team — Attend **Atlas essentials**"))
    }

    @Test func faqContactsAndRollbackInPlainWords() throws {
        let kit = try #require(try KitFixture.build().outputs["intl-collections/kit.md"])
        #expect(kit.contains("**Is the Atlas interface available in English?**"))
        #expect(kit.contains("- **Service desk (N1)** — Accès, mots de passe, questions d'utilisation: servicedesk@example.org — poste 4000"))
        #expect(kit.contains("- **Reinforced support (hypercare)** until Saturday 1 May 2027: Cellule hypercare Atlas"))
        let rollback = try #require(kit.components(separatedBy: "## What if we roll back?").last)
        #expect(rollback.contains("can decide to go back to the old tool, at the latest on Friday 16 April 2027 at 04:00"))
        #expect(rollback.contains("the old tool is reopened and everyone finds the work they entered before the cutover"))
    }

    @Test func relayCoverageIsTheValidationWarningAndTheKitRemindsTheRatio() throws {
        let (outputs, warnings, _) = try KitFixture.build()
        let relay = warnings.filter { $0.message.contains("relays for") }
        #expect(relay.map(\.description).contains(
            "audiences/agents-paris.yaml:11:1: warning: audience 'agents-paris' has 4 relays for 180 people: the usual ratio of one per 20 needs 9"))
        // Reused, not duplicated: one warning per audience.
        #expect(relay.filter { $0.message.contains("'agents-paris'") }.count == 1)
        #expect(outputs["agents-paris/kit.md"]?.contains("soit 9 pour votre population") == true)
        #expect(outputs["managers-paris/kit.md"]?.contains("soit 2 pour votre population") == false)
    }
}
