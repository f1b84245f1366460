import Foundation

/// Turns one document (a Markdown template and its context) into its `.md` and `.html` files:
/// Mustache → Markdown → libcmark → the shared HTML layout.
struct PageRenderer {
    let templates: TemplateLibrary
    let plan: Plan
    /// Whether `out/index.html` exists to link back to.
    var hasHomePage = false
    /// The built-in layout cut once around each page's title and body (see `LayoutSlots`); nil to
    /// render the layout through Mustache for every page, as tests compare.
    var layoutSlots: LayoutSlots? = LayoutSlots()

    struct Page {
        /// Output path without extension, e.g. `agents-paris/kit`.
        var stem: String
        var template: String
        var language: Language
        var title: String
        var context: [String: Any]
    }

    func render(_ page: Page, _ d: inout Diagnostics) -> [OutputFile] {
        var context = page.context
        context["project"] = plan.project.name
        context["lang"] = page.language.rawValue
        let markdown = templates.render(page.template, language: page.language, context: context, &d)
        let html = htmlPage(fragment: Cmark.html(markdown), stem: page.stem, title: page.title, language: page.language, &d)
        return [OutputFile(path: page.stem + ".md", text: withDraftBanner(markdown, page.language)),
                OutputFile(path: page.stem + ".html", text: html)]
    }

    /// While the Go/No-Go decision is pending, every Markdown document says so on its first line
    /// (the HTML layout shows the same banner at the top of the page).
    func withDraftBanner(_ markdown: String, _ language: Language) -> String {
        guard plan.decision.status == .pending else { return markdown }
        return "> **\(MarkdownContentType.escape(Words.draftBanner(language)))**\n\n" + markdown
    }

    /// `fragment` is the page's Markdown already converted by libcmark.
    func htmlPage(fragment: String, stem: String, title: String, language: Language, _ d: inout Diagnostics) -> String {
        let depth = stem.utf8.split(separator: UInt8(ascii: "/")).count - 1
        // Mustache treats "" as true: absent parts must be `false`, not empty text.
        let home: Any = hasHomePage && stem != "index" ? String(repeating: "../", count: depth) + "index.html" : false
        if let layoutSlots {
            let key = language.rawValue + " " + ((home as? String) ?? "")
            let pieces = layoutSlots.pieces(for: key) { () -> String? in
                guard templates.isBuiltIn("layout/page", language) else { return nil }
                var quiet = Diagnostics()
                let marked = layout(title: LayoutSlots.titleMark, body: LayoutSlots.bodyMark, home: home, language: language)
                let html = templates.render("layout/page", language: language, context: marked, &quiet)
                return quiet.all.isEmpty ? html : nil
            }
            if let pieces { return pieces.page(title: title, body: fragment) }
        }
        return templates.render("layout/page", language: language,
                                context: layout(title: title, body: fragment, home: home, language: language), &d)
    }

    private func layout(title: String, body: String, home: Any, language: Language) -> [String: Any] {
        [
            "lang": language.rawValue,
            "title": title,
            "project": plan.project.name,
            "home": home,
            "homeLabel": Words.home(language),
            "draft": plan.decision.status == .pending ? Words.draftBanner(language) : false,
            "footer": Words.footer(language, project: plan.project.name),
            "body": body,
        ]
    }
}
