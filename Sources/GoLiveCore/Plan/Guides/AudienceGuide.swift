/// One guide as one audience reads it: the language variant chosen for it, the sections kept for it,
/// and the feedback that concerns it attached to those sections. Pure data, built by `GuideSelection`.
public struct AudienceGuide: Sendable {
    public struct Section: Sendable {
        public var heading: String
        public var level: Int
        public var slug: String
        /// The section's own Markdown, as the user wrote it.
        public var body: String
        /// `body` with its raw HTML turned into visible text, as the guide page prints it.
        public var safeBody: String
        /// Known issues (open or with a workaround), tips and answered questions, oldest first.
        public var feedback: [FeedbackEntry]
        /// The digest the manifest records for this section (level, heading, body; see
        /// `GuideVersioning.sectionRecords`): made once per guide document, not once per audience.
        public var digest: String
    }

    public var guideID: String
    public var audienceID: String
    /// The audience's language, which the guide's words are written in.
    public var language: Language
    /// The language of the guide's content: the audience's, or the default one when no variant exists.
    public var contentLanguage: Language
    public var title: String
    public var preamble: String
    /// `preamble` with its raw HTML turned into visible text.
    public var safePreamble: String
    public var sections: [Section]
    /// Feedback for this audience about a section it does not see (or that its language variant lacks).
    public var unplaced: [FeedbackEntry]
    /// Resolved issues: listed once in "What's new", never as known issues.
    public var fixed: [FeedbackEntry]

    public var isFallback: Bool { language != contentLanguage }
}
