/// The text part of a message. Its Markdown comes from templates whose values were escaped for
/// HTML (`<` → `&lt;`), which a mail client's plain-text view would show as typed: the text part
/// gets the characters back. The HTML part keeps the entities.
public enum EmailPlainText {
    static let entities: [Substring: Character] = ["&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": "\"", "&#39;": "'"]

    /// Decodes `&lt;`, `&gt;`, `&amp;`, `&quot;` and `&#39;` in one pass, so `&amp;lt;` reads `&lt;`.
    public static func decodingEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let tail = rest[amp...]
            if let semicolon = tail.prefix(6).firstIndex(of: ";"),
               let character = entities[tail[...semicolon]] {
                out.append(character)
                rest = tail[tail.index(after: semicolon)...]
            } else {
                out.append("&")
                rest = tail.dropFirst()
            }
        }
        out += rest
        return out
    }
}
