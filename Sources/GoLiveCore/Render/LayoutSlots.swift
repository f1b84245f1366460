import Foundation

/// The built-in HTML layout cut around its two per-page values, the title and the body, once per
/// language and link home: every page is then those pieces around its own title and body.
/// Rendering the layout through Mustache for each of thousands of pages was a sixteenth of a full
/// build (nine lookups at ~12,000 instructions each, for a page whose other values are the plan's).
///
/// Only for the built-in layout, whose `{{title}}` and `{{{body}}}` are plain variables used once:
/// a project's own layout may put them in sections or transforms, and is rendered for each page.
/// A test holds every page to what Mustache renders.
final class LayoutSlots: @unchecked Sendable {
    /// The layout's text before the title, between the title and the body, and after the body.
    struct Pieces: Sendable, Equatable {
        let beforeTitle: String
        let beforeBody: String
        let afterBody: String

        /// A page: `title` escaped as `{{title}}` is, `body` as it is (`{{{body}}}`).
        func page(title: String, body: String) -> String {
            var html = beforeTitle
            html.reserveCapacity(beforeTitle.utf8.count + beforeBody.utf8.count + afterBody.utf8.count
                                 + title.utf8.count * 2 + body.utf8.count)
            html += HTMLLayoutContentType().escapeText(title)
            html += beforeBody
            html += body
            html += afterBody
            return html
        }
    }

    /// Stand-ins rendered in place of the title and the body. Private-use characters and letters:
    /// HTML escaping leaves them as they are.
    static let titleMark = "\u{E000}GOLIVE-TITLE\u{E001}"
    static let bodyMark = "\u{E000}GOLIVE-BODY\u{E001}"

    private let lock = NSLock()
    // Read and written under `lock`; nil: this layout cannot be cut (it is rendered for each page).
    private var made: [String: Pieces?] = [:]

    /// The pieces for `key`, made by `render` (the layout rendered with the two marks) the first time.
    func pieces(for key: String, render: () -> String?) -> Pieces? {
        if let known = lock.withLock({ made[key] }) { return known }
        let pieces = render().flatMap(Self.cut)
        lock.withLock { made[key] = pieces }
        return pieces
    }

    /// The rendered layout cut at the marks, or nil unless each is there once, the title first.
    static func cut(_ html: String) -> Pieces? {
        let atTitle = html.components(separatedBy: titleMark)
        guard atTitle.count == 2 else { return nil }
        let atBody = atTitle[1].components(separatedBy: bodyMark)
        guard atBody.count == 2, !atTitle[0].contains(bodyMark) else { return nil }
        return Pieces(beforeTitle: atTitle[0], beforeBody: atBody[0], afterBody: atBody[1])
    }
}
