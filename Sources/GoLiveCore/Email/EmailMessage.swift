import Foundation

/// Everything needed to write one draft e-mail as an `.eml` file.
public struct EmailMessage: Sendable {
    public var from: EmailAddress?
    public var to: [EmailAddress]
    public var subject: String
    public var date: Date
    /// The `Date:` header is written with this zone's numeric offset at `date`.
    public var timeZone: TimeZone
    /// Stable and caller-chosen (e.g. `atlas-teaser-agents-paris@golive`), so that
    /// rebuilding the plan gives the same file.
    public var messageID: String
    public var textBody: String
    public var htmlBody: String
    /// Adds `X-Unsent: 1`, which makes Outlook open the file as an unsent draft.
    public var draft: Bool

    public init(from: EmailAddress? = nil, to: [EmailAddress], subject: String, date: Date,
                timeZone: TimeZone, messageID: String, textBody: String, htmlBody: String,
                draft: Bool = true) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.timeZone = timeZone
        self.messageID = messageID
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.draft = draft
    }

    /// The addresses `EMLWriter` leaves out of the headers because they fail
    /// `EmailAddress.isValid`; callers report them as warnings.
    public var rejectedAddresses: [EmailAddress] {
        ([from].compactMap { $0 } + to).filter { !$0.isValid }
    }
}
