import Foundation
import Testing
@testable import GoLiveCore

/// Sections kept per audience (listed, or following a module; subsections go with their section),
/// language variants with a visible fallback note, and the page's title, version, contents and anchors.
@Suite("Guides per audience")
struct GuideTargetingTests {
    static let guide = """
    # Guide

    Intro.

    ## Se connecter

    Texte connexion.

    <!-- golive: modules=essentials -->
    ## Réaffectation

    Texte réaffectation.

    ### Sous-section

    Texte sous-section.

    <!-- golive: audiences=managers -->
    ## Pilotage

    Texte pilotage <b>gras</b>.

    """

    static let managers = """
    name: "Managers"
    language: en
    headcount: 5
    impact: medium
    wave: lot-1
    sites: [Paris]
    mailing_list: "managers@example.org"
    relays: [{ name: "B" }]

    """

    static func files(extra: [String: String] = [:]) -> MemoryFiles {
        var tree = extra
        tree["audiences/managers.yaml"] = managers
        return ProjectFixture.files(guide: guide, extra: tree)
    }

    static func headings(_ guide: AudienceGuide) -> [String] { guide.sections.map(\.heading) }

    @Test func aSectionIsKeptWhenTheAudienceIsListedOrFollowsAModule() throws {
        let plan = try LoadedProject.load(Self.files()).plan
        let guides = Dictionary(uniqueKeysWithValues: GuideSelection.all(plan).map { ($0.audienceID, $0) })
        #expect(Self.headings(try #require(guides["agents"])) == ["Se connecter", "Réaffectation", "Sous-section"])
        #expect(Self.headings(try #require(guides["managers"])) == ["Se connecter", "Pilotage"],
                "a section not kept takes its untargeted subsections with it")
    }

    @Test func theOutputHasTitleVersionContentsAndAnchors() throws {
        let outputs = try TrainingOutputFixture.build(Self.files()).outputs
        let md = TrainingOutputFixture.text(outputs["agents/guide.md"])
        #expect(md.hasPrefix("# Guide\n\n**Agents** — version 1.0\n"))
        #expect(md.contains("- [Réaffectation](#reaffectation)\n  - [Sous-section](#sous-section)\n"))
        #expect(md.contains("### <a id=\"sous-section\"></a>Sous-section"))
        #expect(!md.contains("Pilotage"))
        let html = TrainingOutputFixture.text(outputs["agents/guide.html"])
        #expect(html.contains("<h2><a id=\"reaffectation\"></a>Réaffectation</h2>"))
        #expect(html.contains("<a href=\"#reaffectation\">Réaffectation</a>"))
        #expect(html.contains("<title>Guide — Agents — v1.0</title>"))
    }

    @Test func rawHTMLInASectionIsShownAsText() throws {
        let outputs = try TrainingOutputFixture.build(Self.files()).outputs
        let html = TrainingOutputFixture.text(outputs["managers/guide.html"])
        #expect(html.contains("&lt;b&gt;gras&lt;/b&gt;"))
        #expect(!html.contains("<b>gras</b>"))
    }

    @Test func anAudienceWithoutItsLanguageVariantGetsTheDefaultWithANote() throws {
        let outputs = try TrainingOutputFixture.build(Self.files()).outputs
        let md = TrainingOutputFixture.text(outputs["managers/guide.md"])
        #expect(md.contains("> **Note:** this guide is not available in English yet; it is shown in its French version."))
        #expect(md.contains("Texte connexion."))
        #expect(!TrainingOutputFixture.text(outputs["agents/guide.md"]).contains("Note"))
    }

    @Test func anAudienceWithItsLanguageVariantGetsIt() throws {
        let english = """
        # Guide (EN)

        ## Signing in

        Sign-in text.

        <!-- golive: modules=essentials -->
        ## Reassignment

        Text.

        ### Subsection

        Text.

        <!-- golive: audiences=managers -->
        ## Steering

        Text.

        """
        let feedback = "- { id: fb-1, date: 2027-03-22, audience: all, guide: user-guide, section: Se connecter, kind: question, text: Où ?, answer: Ici., status: resolved }\n"
        let files = Self.files(extra: ["guides/user-guide.en.md": english, "feedback/f.yaml": feedback])
        let outputs = try TrainingOutputFixture.build(files).outputs
        let md = TrainingOutputFixture.text(outputs["managers/guide.md"])
        #expect(md.hasPrefix("# Guide (EN)\n"))
        #expect(!md.contains("Note:"))
        #expect(md.contains("- [Signing in](#signing-in)\n- [Steering](#steering)\n"))
        // Feedback names the default-language heading; the variant's section at the same place gets it.
        let signingIn = try #require(md.range(of: "Signing in</a>") ?? md.range(of: "</a>Signing in"))
        let block = try #require(md.range(of: "> **❓ Question** — Où ?"))
        #expect(signingIn.upperBound < block.lowerBound)
        #expect(md.contains("> **Answer:** Ici."))
    }
}
