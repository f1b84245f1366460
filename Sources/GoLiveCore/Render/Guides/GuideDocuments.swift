import Foundation

/// Each audience's user guides: `out/<audience>/guide.md|html` (the plan's first guide; the others
/// are `guide-<id>.md|html`), with title, version, "What's new", a table of contents, section anchors
/// and the feedback blocks of each section.
struct GuideDocuments {
    let plan: Plan
    let pages: PageRenderer

    /// `editions`: the guides to render, usually one audience's.
    func render(_ editions: [GuideEdition], _ d: inout Diagnostics) -> [OutputFile] {
        let first = plan.guides.first?.id
        var outputs: [OutputFile] = []
        for edition in editions {
            guard let audience = plan.audience(edition.guide.audienceID) else { continue }
            let name = edition.guide.guideID == first ? "guide" : "guide-\(edition.guide.guideID)"
            let page = GuidePage(plan: plan, edition: edition, audience: audience)
            outputs += pages.render(PageRenderer.Page(stem: "\(audience.id)/\(name)", template: "guide/guide",
                                                      language: audience.language, title: page.title,
                                                      context: page.context()), &d)
        }
        return outputs
    }
}

/// The template context of one audience's guide.
struct GuidePage {
    let plan: Plan
    let edition: GuideEdition
    let audience: Audience

    var guide: AudienceGuide { edition.guide }
    var l: Language { audience.language }
    var title: String { "\(guide.title) — \(audience.name) — v\(edition.version)" }

    func context() -> [String: Any] {
        var taken = Set(guide.sections.map(\.slug))
        func reserve(_ id: String) -> String {
            var candidate = id
            var n = 1
            while taken.contains(candidate) { n += 1; candidate = "\(id)-\(n)" }
            taken.insert(candidate)
            return candidate
        }
        let tocID = reserve("contents")
        let newsID = reserve("whats-new")
        let otherID = reserve("other-feedback")
        let minLevel = guide.sections.map(\.level).min() ?? 2
        var depth = 0
        var toc: [[String: Any]] = []
        for (i, section) in guide.sections.enumerated() {
            let wanted = section.level - minLevel
            depth = i == 0 ? 0 : min(wanted, depth + 1)
            toc.append(["indent": String(repeating: "  ", count: max(depth, 0)),
                        "heading": Self.inline(section.heading), "slug": section.slug])
        }
        let sections: [[String: Any]] = guide.sections.map { section in
            let hashes = String(repeating: "#", count: min(max(section.level, 2), 6))
            let heading = Self.inline(section.heading)
            // `{{hashes}} <a id="{{slug}}"></a>{{heading}}` as one value, escaped as Mustache would.
            let headingLine = hashes + " <a id=\"" + MarkdownContentType.escape(section.slug) + "\"></a>"
                + MarkdownContentType.escape(heading)
            let feedback = section.feedback.map { block($0, section: nil) }
            return ["hashes": hashes, "slug": section.slug, "heading": heading, "headingLine": headingLine,
                    "body": section.safeBody, "feedback": feedback,
                    "markdown": Self.sectionMarkdown(headingLine: headingLine, body: section.safeBody, feedback: feedback)]
        }
        let fixed: [[String: Any]] = guide.fixed.map { entry in
            let since = edition.fixedIn[entry.id]
            let isNew = edition.isUpdate && since == edition.version
            return ["text": entry.text, "answer": entry.answer ?? false,
                    "isNew": isNew ? GuideWords.newIn(edition.version, l) : false]
        }
        var whatsNew: Any = false
        if edition.isUpdate || !fixed.isEmpty {
            whatsNew = [
                "id": newsID,
                "heading": edition.isUpdate ? GuideWords.whatsNew(in: edition.version, l) : GuideWords.whatsNew(l),
                "changes": edition.isUpdate ? edition.changes.map { GuideWords.change($0, l) } : [],
                "fixedHeading": fixed.isEmpty ? false : GuideWords.fixed(l),
                "fixed": fixed,
            ] as [String: Any]
        }
        if let news = whatsNew as? [String: Any] {
            toc.insert(["indent": "", "heading": Self.inline(news["heading"] as? String ?? ""), "slug": newsID], at: 0)
        }
        if !guide.unplaced.isEmpty {
            toc.append(["indent": "", "heading": Self.inline(GuideWords.otherFeedback(l)), "slug": otherID])
        }
        let headingOf = Dictionary(plan.guideSources[guide.guideID]?.base?.sections.map { ($0.slug, $0.heading) } ?? [],
                                   uniquingKeysWith: { first, _ in first })
        let other: Any = guide.unplaced.isEmpty ? false : [
            "id": otherID, "heading": GuideWords.otherFeedback(l),
            "feedback": guide.unplaced.map { entry in
                block(entry, section: headingOf[entry.section.value] ?? entry.section.value)
            },
        ] as [String: Any]
        return [
            "title": guide.title,
            "audience": audience.name,
            "version": edition.version,
            "fallback": guide.isFallback ? GuideWords.fallback(l, content: guide.contentLanguage) : false,
            "note": GuideWords.note(l),
            "preamble": guide.safePreamble,
            "whatsNew": whatsNew,
            "tocID": tocID,
            "contents": GuideWords.contents(l),
            "toc": toc,
            "tocLines": Self.tocLines(toc),
            "sections": sections,
            "other": other,
        ]
    }

    private func block(_ entry: FeedbackEntry, section: String?) -> [String: Any] {
        var label = GuideWords.label(entry, l)
        if let section { label += " — " + GuideWords.section(section, l) }
        return ["label": label, "text": entry.text,
                "answer": entry.answer ?? false, "answerLabel": GuideWords.answerLabel(entry, l)]
    }

    /// A section as the built-in template printed it, less its last line break (the template's own):
    /// `{{{headingLine}}}⏎⏎{{{body}}}⏎⏎` then for each feedback block `> **{{label}}** — {{text}}⏎`,
    /// `{{#answer}}>⏎> **{{answerLabel}}** {{answer}}⏎{{/answer}}⏎`. One lookup per section of every
    /// guide instead of four, and none per feedback block.
    static func sectionMarkdown(headingLine: String, body: String, feedback: [[String: Any]]) -> String {
        var out = headingLine + "\n\n" + body + "\n\n"
        for block in feedback {
            out += "> **" + Preformatted.text(block["label"]) + "** — " + Preformatted.text(block["text"]) + "\n"
            if let answer = block["answer"] as? String {
                out += ">\n> **" + Preformatted.text(block["answerLabel"]) + "** " + Preformatted.text(answer) + "\n"
            }
            out += "\n"
        }
        out.removeLast()
        return out
    }

    /// What `{{#toc}}{{indent}}- [{{heading}}](#{{slug}})⏎{{/toc}}` prints, values escaped as Mustache
    /// escapes them in a Markdown template: one value instead of four lookups per section of every guide.
    static func tocLines(_ toc: [[String: Any]]) -> String {
        var out = ""
        for item in toc {
            let indent = item["indent"] as? String ?? "", heading = item["heading"] as? String ?? ""
            let slug = item["slug"] as? String ?? ""
            out += MarkdownContentType.escape(indent)
            out += "- ["
            out += MarkdownContentType.escape(heading)
            out += "](#"
            out += MarkdownContentType.escape(slug)
            out += ")\n"
        }
        return out
    }

    private static let inlineSpecials: Set<UInt8> = Set("\\`*_[]!#|~".utf8)

    /// Heading text (plain text from libcmark) made safe to put back into Markdown: characters that
    /// would start emphasis, a link or code are backslash-escaped (`<`, `>` and `&` are the template's job).
    static func inline(_ text: String) -> String {
        // Most headings hold none of these bytes.
        guard text.utf8.contains(where: inlineSpecials.contains) else { return text }
        // By scalar: libcmark reads a `*` followed by a combining mark as a `*`, which can open
        // emphasis, though the two make one Character.
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if scalar.isASCII, inlineSpecials.contains(UInt8(scalar.value)) { out.append("\\") }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
