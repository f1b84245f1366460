import Testing
@testable import GoLiveCore

/// Pages are the built-in layout cut once around their title and body (`LayoutSlots`), not the
/// layout rendered through Mustache each time: the two must give the same bytes, and a project's
/// own layout must still be rendered for each page.
@Suite("HTML layout")
struct LayoutSlotsTests {
    static let titles = ["", "Kit — A & B <c> \"d\" 'e'", "\"\u{301} onload=alert(1)", "👩‍💻 Équipe", "{{title}}",
                         LayoutSlots.titleMark, LayoutSlots.bodyMark]
    static let bodies = ["", "<p>x &amp; y</p>\n", "<h1>T</h1>\n<script>not ours</script>\n", LayoutSlots.titleMark + LayoutSlots.bodyMark]
    static let stems = ["index", "comms-plan", "agents-paris/kit", "agents-paris/comms/2027-03-01-teaser", "a/b/c/d"]

    @Test func everyPageIsWhatMustacheRendersFromTheBuiltInLayout() throws {
        let project = try LoadedProject.load(TrainingOutputFixture.files())
        var variants: [Plan] = []
        for status in Decision.Status.allCases {
            for name in [project.plan.project.name, "R&D <Orion> \"β\" 'x'", "\"\u{301} & co"] {
                var plan = project.plan
                plan.decision.status = status
                plan.project.name = name
                variants.append(plan)
            }
        }
        var compared = 0
        for plan in variants {
            for hasHomePage in [true, false] {
                var cut = PageRenderer(templates: project.templates, plan: plan)
                cut.hasHomePage = hasHomePage
                var rendered = cut
                rendered.layoutSlots = nil
                for language in Language.allCases {
                    for stem in Self.stems {
                        for title in Self.titles {
                            for body in Self.bodies {
                                var (d1, d2) = (Diagnostics(), Diagnostics())
                                let fast = cut.htmlPage(fragment: body, stem: stem, title: title, language: language, &d1)
                                let slow = rendered.htmlPage(fragment: body, stem: stem, title: title, language: language, &d2)
                                #expect(fast == slow, "\(plan.decision.status) \(plan.project.name) \(language) \(stem) \(title)")
                                #expect(d1.all.isEmpty && d2.all.isEmpty)
                                compared += 1
                            }
                        }
                    }
                }
            }
        }
        #expect(compared == variants.count * 2 * Language.allCases.count * Self.stems.count * Self.titles.count * Self.bodies.count)
    }

    /// A project's layout may test or transform the title: it is rendered for each page, in the
    /// language it is written for (here French only; English pages keep the built-in layout).
    @Test func aProjectsOwnLayoutIsRenderedForEachPage() throws {
        let project = try LoadedProject.load(TrainingOutputFixture.files())
        let templates = try TemplateLibrary(project: [
            "layout/page.fr.html": "{{uppercased(title)}}|{{#home}}{{{body}}}{{/home}}",
        ])
        let pages = PageRenderer(templates: templates, plan: project.plan)
        var d = Diagnostics()
        #expect(pages.htmlPage(fragment: "B", stem: "a/kit", title: "x<y", language: .fr, &d) == "X&lt;Y|")
        var linked = pages
        linked.hasHomePage = true
        #expect(linked.htmlPage(fragment: "B", stem: "a/kit", title: "é", language: .fr, &d) == "É|B")
        let english = pages.htmlPage(fragment: "<p>B</p>", stem: "a/kit", title: "x<y", language: .en, &d)
        #expect(english.hasPrefix("<!DOCTYPE html>") && english.contains("<title>x&lt;y</title>") && english.contains("<p>B</p>"))
        #expect(d.all.isEmpty)
    }

    @Test func theLayoutIsCutOnlyAroundOneTitleThenOneBody() {
        let (t, b) = (LayoutSlots.titleMark, LayoutSlots.bodyMark)
        #expect(LayoutSlots.cut("<t>\(t)</t><m>\(b)</m>") == LayoutSlots.Pieces(beforeTitle: "<t>", beforeBody: "</t><m>", afterBody: "</m>"))
        #expect(LayoutSlots.cut("\(t)\(b)") == LayoutSlots.Pieces(beforeTitle: "", beforeBody: "", afterBody: ""))
        for html in ["no marks", "\(t) only", "\(b) only", "\(b)\(t)", "\(t)\(t)\(b)", "\(t)\(b)\(b)", "\(b)\(t)\(b)"] {
            #expect(LayoutSlots.cut(html) == nil, "\(html)")
        }
    }
}
