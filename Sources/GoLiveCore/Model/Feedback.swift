/// One piece of first feedback after go-live, from a YAML list or a CSV export.
public struct FeedbackEntry: Sendable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable { case question, issue, tip }
    public enum Status: String, Sendable, CaseIterable { case open, workaround, resolved }

    public var id: String
    public var date: CivilDate
    /// An audience id, or nil for `all`.
    public var audience: String?
    public var guide: String
    /// The heading text or slug as written; resolved against the guide when the guide is read.
    public var section: Located<String>
    public var kind: Kind
    public var text: String
    public var answer: String?
    public var status: Status
    public var location: SourceLocation
    public var audienceLocation: SourceLocation
    public var guideLocation: SourceLocation
}
