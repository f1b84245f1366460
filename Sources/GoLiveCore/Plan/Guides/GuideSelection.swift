/// Which sections of a guide an audience sees, in which language, with which feedback.
public enum GuideSelection {
    /// A section is kept when it is for everyone, or lists the audience, or one of the modules it follows.
    /// A section not kept takes its subsections with it.
    public static func keptSections(of document: GuideDocument, for audience: Audience) -> [Bool] {
        // An audience follows a few modules: a list to look in, not a set to build for each audience.
        let modules = audience.modules.map(\.value)
        var kept: [Bool] = []
        kept.reserveCapacity(document.sections.count)
        for section in document.sections {
            let own = !section.isTargeted || section.audiences.contains(audience.id)
                || section.modules.contains(where: modules.contains)
            kept.append(own && (section.parent.map { kept[$0] } ?? true))
        }
        return kept
    }

    /// Whether a feedback entry concerns an audience (`audience: all` concerns everyone).
    public static func concerns(_ entry: FeedbackEntry, _ audienceID: String) -> Bool {
        entry.audience == nil || entry.audience == audienceID
    }

    /// Whether a feedback entry is shown inside its section: known issues, tips, answered questions.
    static func isShownInSection(_ entry: FeedbackEntry) -> Bool {
        switch entry.kind {
        case .issue: return entry.status != .resolved
        case .tip: return true
        case .question: return entry.answer != nil
        }
    }

    /// A document's preamble and section bodies with raw HTML turned into text. They are the same for
    /// every audience that reads the document, and each one is a libcmark parse: made once per document.
    /// The sections' digests too: a thousand audiences read the same sections.
    struct SafeText: Sendable {
        let preamble: String
        let bodies: [String]
        let digests: [String]

        init(_ document: GuideDocument) {
            preamble = Cmark.escapingRawHTML(document.preamble)
            bodies = document.sections.map { Cmark.escapingRawHTML($0.body) }
            digests = document.sections.map { GuideVersioning.sectionDigest(level: $0.level, heading: $0.heading, body: $0.body) }
        }
    }

    public static func guide(_ source: GuideSource, for audience: Audience, feedback: [FeedbackEntry]) -> AudienceGuide? {
        guide(source, for: audience, feedback: feedback, safe: nil)
    }

    /// `safe`: the `SafeText` of each of the source's documents, when the caller made them once for many audiences.
    static func guide(_ source: GuideSource, for audience: Audience, feedback: [FeedbackEntry],
                      safe: [Language: SafeText]?) -> AudienceGuide? {
        guard let base = source.base else { return nil }
        let variant = source.documents[audience.language]
        let document = variant ?? base
        let text = safe?[variant == nil ? source.defaultLanguage : audience.language] ?? SafeText(document)
        let kept = keptSections(of: document, for: audience)
        var sections = document.sections.indices.filter { kept[$0] }.map { index in
            let s = document.sections[index]
            return AudienceGuide.Section(heading: s.heading, level: s.level, slug: s.slug, body: s.body,
                                         safeBody: text.bodies[index], feedback: [], digest: text.digests[index])
        }
        // Where each kept section of the document is among the audience's (-1: not kept).
        var position = [Int](repeating: -1, count: document.sections.count)
        for (i, index) in document.sections.indices.filter({ kept[$0] }).enumerated() { position[index] = i }

        var unplaced: [FeedbackEntry] = []
        var fixed: [FeedbackEntry] = []
        for entry in feedback where entry.guide == source.ref.id && concerns(entry, audience.id) {
            if entry.kind == .issue, entry.status == .resolved { fixed.append(entry); continue }
            guard isShownInSection(entry) else { continue }
            if let index = sectionIndex(of: entry, base: base, in: document), position.indices.contains(index), position[index] >= 0 {
                sections[position[index]].feedback.append(entry)
            } else {
                unplaced.append(entry)
            }
        }
        return AudienceGuide(guideID: source.ref.id, audienceID: audience.id, language: audience.language,
                             contentLanguage: variant == nil ? source.defaultLanguage : audience.language,
                             title: document.title ?? source.ref.title, preamble: document.preamble,
                             safePreamble: text.preamble,
                             sections: sections, unplaced: unplaced, fixed: fixed)
    }

    /// Feedback names a section of the default-language guide; a language variant with the same outline
    /// has it at the same position, otherwise it is looked up by heading or slug.
    static func sectionIndex(of entry: FeedbackEntry, base: GuideDocument, in document: GuideDocument) -> Int? {
        guard let index = base.section(named: entry.section.value) else { return nil }
        if document.file == base.file { return index }
        if document.sections.count == base.sections.count,
           zip(document.sections, base.sections).allSatisfy({ $0.level == $1.level }) {
            return index
        }
        return document.section(named: base.sections[index].heading) ?? document.section(named: base.sections[index].slug)
    }

    /// Every guide of the plan for every audience, in plan order then audience order.
    public static func all(_ plan: Plan) -> [AudienceGuide] { grouped(plan).guides }

    /// What makes a guide's content: the document (its language variant, nil for the default one), the
    /// sections kept, and the feedback entries that concern the audience (their indices in the plan).
    private struct Selection: Hashable {
        let guide: String
        let variant: Language?
        let kept: [Bool]
        let entries: [Int]
    }

    /// `all`, with for each guide the group of those that read the very same content. Audiences that read
    /// the same document with the same sections and the same feedback are given one guide, made once, and
    /// its digest is worked out once per group (`GuideVersioning.editions`): a thousand audiences read a
    /// few contents, and making thirty sections for each took a good part of a rebuild.
    static func grouped(_ plan: Plan) -> (guides: [AudienceGuide], groups: [Int]) {
        var (guides, groups, groupCount) = ([AudienceGuide](), [Int](), 0)
        for ref in plan.guides {
            guard let source = plan.guideSources[ref.id], let base = source.base else { continue }
            let safe = source.documents.mapValues(SafeText.init)
            // The entries about this guide: for everyone, and per audience, in plan order.
            var forEveryone: [Int] = []
            var forAudience: [String: [Int]] = [:]
            for index in plan.feedback.indices where plan.feedback[index].guide == ref.id {
                if let audience = plan.feedback[index].audience { forAudience[audience, default: []].append(index) } else { forEveryone.append(index) }
            }
            var made: [Selection: (group: Int, guide: AudienceGuide)] = [:]
            for index in plan.audiences.indices {   // by index: `for audience in` copies each audience
                let audience = plan.audiences[index]
                let variant = source.documents[audience.language] == nil ? nil : audience.language
                let own = forAudience[audience.id] ?? []
                let entries = own.isEmpty ? forEveryone : (forEveryone + own).sorted()
                let selection = Selection(guide: ref.id, variant: variant, kept: keptSections(of: variant.flatMap { source.documents[$0] } ?? base, for: audience),
                                          entries: entries)
                if let known = made[selection] {
                    var guide = known.guide
                    (guide.audienceID, guide.language) = (audience.id, audience.language)
                    guides.append(guide)
                    groups.append(known.group)
                } else if let guide = guide(source, for: audience, feedback: entries.map { plan.feedback[$0] }, safe: safe) {
                    made[selection] = (groupCount, guide)
                    guides.append(guide)
                    groups.append(groupCount)
                    groupCount += 1
                }
            }
        }
        return (guides, groups)
    }
}
