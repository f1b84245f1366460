import Foundation
import Testing
@testable import GoLiveCore

/// `out/index.html`: the PMO's entry point, and the links of every page of a real build.
@Suite struct HomePageTests {
    @Test func homeHasDecisionWavesAndATimelinePicture() throws {
        let home = try #require(try KitFixture.build().outputs["index.md"])
        #expect(home.contains("**Go — la mise en production est confirmée**, le mercredi 10 mars 2027 (Comité Go/No-Go)."))
        #expect(home.contains("### Lot 3 — Équipes internationales — vendredi 16 avril 2027"))
        #expect(home.contains("- Bascule du jeudi 15 avril, 19\u{A0}h, au vendredi 16 avril, 7\u{A0}h"))
        let svg = try #require(KitFixture.svg(in: home))
        let report = try SVGCheck.parse(svg)
        #expect(report.forbidden.isEmpty)
        for label in ["Formation", "Bascule", "Hypercare", "Passation", "Communication"] {
            #expect(report.texts.contains(label) || report.titles.contains { $0.hasPrefix(label) }, "\(label)")
        }
    }

    /// The part of the home page under one audience's heading, up to the next audience.
    static func audienceSection(_ home: String, _ name: String) -> String {
        let after = home.components(separatedBy: "### \(name)\n").dropFirst().first ?? ""
        return after.components(separatedBy: "\n### ").first ?? ""
    }

    /// The documents under one phase of a section (`*Préparer*` … next `*…*`).
    static func phase(_ section: String, _ name: String) -> String {
        let after = section.components(separatedBy: "*\(name)*\n").dropFirst().first ?? ""
        return after.components(separatedBy: "\n*").first ?? ""
    }

    @Test func documentsAreGroupedByPhaseAsAPMOWouldAndNamedByWhatTheyAre() throws {
        let home = try #require(try KitFixture.build().outputs["index.md"])
        let lille = Self.audienceSection(home, "Agents de recouvrement — Lille")
        let prepare = Self.phase(lille, "Préparer"), deploy = Self.phase(lille, "Déployer")
        let check = Self.phase(lille, "Contrôler et stabiliser")
        #expect(prepare.contains("- [Annonce — 3 mars 2027 (intranet)](agents-lille/comms/2027-03-03-teaser-intranet.html)"))
        #expect(prepare.contains("- [Annonce — 3 mars 2027 (e-mail)](agents-lille/comms/2027-03-03-teaser.html)"))
        #expect(prepare.contains("- [Invitation à la formation — 12 mars 2027 (e-mail)]"))
        #expect(prepare.contains("- [Rappel — 26 mars 2027 (e-mail)]"))
        #expect(prepare.contains("[Kit de déploiement](agents-lille/kit.html)") && prepare.contains("[Formation](agents-lille/training.html)"))
        #expect(deploy.contains("- [Veille de la bascule — 1er avril 2027 (Teams)](agents-lille/comms/2027-04-01-eve.html)"))
        #expect(deploy.contains("- [Mise en production — 2 avril 2027 (intranet)]"))
        #expect(!prepare.contains("eve") && !prepare.contains("golive") && !prepare.contains("followup"))
        #expect(check.contains("- [Suivi après la mise en production — 9 avril 2027 (e-mail)]"))
        #expect(check.contains("- [Guide utilisateur](agents-lille/guide.html)"))
        #expect(!lille.contains("*Passer la main*"))
        // No link named after its file.
        #expect(!home.contains("[Message ") && !home.contains("[guide]"))
        // Shared documents: runbooks deploy, post-go-live checks, the dossier hands over.
        let shared = try #require(home.components(separatedBy: "## Documents par population").first)
        let handover = try #require(shared.components(separatedBy: "### Passer la main").last)
        #expect(handover.contains("[Dossier de passation](handover/dossier.html)"))
        #expect(try #require(shared.components(separatedBy: "### Déployer").last).hasPrefix("\n\n- [Runbook de bascule — Lot 1 — Paris]"))
    }

    @Test func documentLabelsFollowTheHomePageLanguage() throws {
        let home = try #require(try KitGoldenTests.englishFirst()["index.md"])
        let intl = Self.audienceSection(home, "International collections team")
        #expect(Self.phase(intl, "Prepare").contains("- [Announcement — 17 March 2027 (email)](intl-collections/comms/2027-03-17-teaser.html)"))
        #expect(Self.phase(intl, "Deploy").contains("- [Eve of the cutover — 15 April 2027 (Teams)]"))
        #expect(Self.phase(intl, "Check and stabilise").contains("- [User guide](intl-collections/guide.html)"))
        // A message of the project's own template is filed by when it is sent, named by its id.
        let plan = try LoadedProject.load(TrainingOutputFixture.files()).plan
        let m = try #require(DocumentIndex.message("agents-paris/comms/2027-03-20-survey", plan: plan))
        #expect(DocumentIndex.messagePhase(m, audienceID: "agents-paris", plan: plan) == .check)
        #expect(DocumentIndex.messageName(m, .fr) == "survey")
    }

    /// The index groups a document's formats under the path without its file's extension: only
    /// the last dot of the file name counts, never one in a folder name, and a dot file keeps its name.
    @Test func aDocumentsStemDropsOnlyItsFilesExtension() {
        #expect(DocumentIndex.stem("agents-paris/comms/2027-03-03-teaser.html") == "agents-paris/comms/2027-03-03-teaser")
        #expect(DocumentIndex.stem("comms-plan.csv") == "comms-plan")
        #expect(DocumentIndex.stem("v1.2/guide") == "v1.2/guide")
        #expect(DocumentIndex.stem("a/guide.fr.md") == "a/guide.fr")
        #expect(DocumentIndex.stem("a/.notes") == "a/.notes")
        #expect(DocumentIndex.stem("équipe-é/kit.html") == "équipe-é/kit")
    }

    /// Day-scale bars from midnight to midnight read by their last day; the kind is not
    /// repeated in the label; no "0 h" anywhere in the picture's text.
    @Test func timelineTextReadsInDaysWithoutRepeatingKinds() throws {
        let home = try #require(try KitFixture.build().outputs["index.md"])
        let svg = try #require(KitFixture.svg(in: home))
        let report = try SVGCheck.parse(svg)
        #expect(report.forbidden.isEmpty && report.duplicateIds.isEmpty)
        let desc = report.desc
        #expect(desc.contains("«\u{A0}Hypercare\u{A0}», du vendredi 19 mars au samedi 3 avril"))
        #expect(desc.contains("«\u{A0}Communication\u{A0}», du mercredi 17 février au vendredi 26 mars"))
        #expect(desc.contains("«\u{A0}Formation\u{A0}», du vendredi 26 février au mercredi 3 mars"))
        #expect(desc.contains("«\u{A0}Passation\u{A0}», jeudi 8 avril 2027"))
        #expect(desc.contains("«\u{A0}Mise en production — Lot 1 — Paris\u{A0}», vendredi 19 mars 2027 à 6\u{A0}h"))
        #expect(desc.contains("Étape «\u{A0}Bascule\u{A0}», du jeudi 18 mars, 20\u{A0}h, au vendredi 19 mars, 6\u{A0}h"))
        for wrong in ["Autre période", "Formation «", "Hypercare (support renforcé) «", "Mise en production «", "Passation au support «", ", 0\u{A0}h", "à 0\u{A0}h", "dimanche 4 avril"] {
            #expect(!desc.contains(wrong), "desc contains '\(wrong)'")
        }
        #expect(report.titles.contains("Hypercare — du vendredi 19 mars au samedi 3 avril"))
        #expect(report.titles.contains("Passation — jeudi 8 avril 2027"))
        #expect(!report.titles.contains { $0.contains(", 0\u{A0}h") || $0.contains("à 0\u{A0}h") })
        // The post-go-live page agrees with the picture about the end of hypercare.
        #expect(try #require(try KitFixture.build().outputs["post-golive/lot-1.md"]).contains("jusqu'au **samedi 3 avril 2027** inclus"))
        #expect(report.texts.contains("Communication") && report.texts.contains("Passation"))
    }

    @Test func homeComesLastAndLinksEveryOtherOutput() throws {
        let outputs = try KitFixture.build().outputs
        let home = try #require(outputs["index.html"])
        let hrefs = Set(Self.links(in: home))
        for path in outputs.keys where !path.hasPrefix("index.") {
            #expect(hrefs.contains(path), "index.html does not link \(path)")
        }
        #expect(home.contains("<h2>Documents par phase</h2>") && home.contains("<h2>Documents par population</h2>"))
        #expect(outputs["agents-paris/kit.html"]?.contains("<a href=\"../index.html\">Accueil du projet</a>") == true)
        #expect(outputs["agents-paris/comms/2027-02-17-teaser.html"]?.contains("href=\"../../index.html\"") == true)
        #expect(!home.contains("Accueil du projet</a>"))
    }

    @Test func everyRelativeLinkOfEveryPageResolves() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("golive-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try Build(files: DiskFiles(root: ProjectFixture.repoRoot), outputDirectory: out).run()
        let files = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
        let pages = files.filter { $0.pathExtension == "html" }
        #expect(pages.count > 50)
        var checked = 0
        for page in pages {
            let html = try String(contentsOf: page, encoding: .utf8)
            for link in Self.links(in: html) {
                guard !link.contains(":"), !link.hasPrefix("#"), !link.hasPrefix("//") else { continue }
                let path = String(link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                guard !path.isEmpty else { continue }
                let decoded = path.removingPercentEncoding ?? path
                let target = page.deletingLastPathComponent().appendingPathComponent(decoded).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: target.path),
                        "\(page.path.dropFirst(out.path.count + 1)) links to \(link), which does not exist")
                checked += 1
            }
        }
        #expect(checked > 500)
    }

    /// Every `href="…"` and `src="…"` value, entities decoded.
    static func links(in html: String) -> [String] {
        let pattern = try! Regex(#"(?:href|src)="([^"]*)""#)
        return html.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) }
            .map { $0.replacingOccurrences(of: "&amp;", with: "&") }
    }

    /// The built-in templates print the index's ready-made `documentLines`, and the index's items are
    /// then not made; a project's own template that loops over the items gets them, and prints the same.
    @Test func aProjectTemplateThatLoopsOverTheIndexItemsGetsThem() throws {
        let loop = "{{#documents}}- [{{label}}]({{href}}){{#hasOthers}} —{{#others}} [{{format}}]({{href}}){{/others}}{{/hasOthers}}\n{{/documents}}"
        let builtIn = try KitFixture.build()
        let own = try KitFixture.build(["templates/home/documents.md": { _ in loop }])
        for path in ["index.md", "handover/dossier.md"] {
            let page = try #require(own.outputs[path])
            #expect(page.contains("[Kit de déploiement](agents-paris/kit.html)") || page.contains("kit.html"), "\(path)")
            #expect(page == builtIn.outputs[path], "\(path)")
        }
        let library = try TemplateLibrary(project: ["home/documents.md": BuiltinTemplates.files["home/documents.md"] ?? ""])
        #expect(!library.mayLoopOverIndexItems, "a copy of the built-in template is not the project's own")
        #expect(try TemplateLibrary(project: ["home/documents.md": loop]).mayLoopOverIndexItems)
        #expect(try !TemplateLibrary(project: ["announcement/teaser.fr.md": "# {{subject}}"]).mayLoopOverIndexItems)
    }

}
