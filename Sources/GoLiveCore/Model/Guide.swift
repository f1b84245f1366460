/// A user guide as read from `guides/*.md`, split into sections by libcmark's headings.
public struct GuideSection: Sendable, Equatable {
    public var heading: String
    public var level: Int
    public var slug: String
    /// Index of the enclosing section, if any: a section limited to some audiences takes its subsections with it.
    public var parent: Int?
    /// Empty means "for everyone".
    public var audiences: [String]
    public var modules: [String]
    /// The section's own Markdown, heading line excluded, up to the next heading of any level.
    public var body: String
    public var line: Int

    public var isTargeted: Bool { !audiences.isEmpty || !modules.isEmpty }
}

public struct GuideDocument: Sendable {
    public var title: String?
    /// Markdown before the first section (after the title).
    public var preamble: String
    public var sections: [GuideSection]
    public var file: String

    /// Finds a section by its heading text or its slug (what feedback entries refer to).
    public func section(named name: String) -> Int? {
        let wanted = name.trimmingSpaces
        if let i = sections.firstIndex(where: { $0.heading == wanted }) { return i }
        let slug = Slug.make(wanted)
        return sections.firstIndex { $0.slug == wanted || $0.slug == slug }
    }
}

/// A guide listed in the plan with its default-language document and its language variants.
public struct GuideSource: Sendable {
    public var ref: GuideRef
    public var documents: [Language: GuideDocument]
    public var defaultLanguage: Language

    public var base: GuideDocument? { documents[defaultLanguage] }
}
