/// The text part of a message. Its Markdown comes from templates whose values were escaped for
/// HTML (`<` → `&lt;`), which a mail client's plain-text view would show as typed: the text part
/// gets the characters back. The HTML part keeps the entities.
public enum EmailPlainText {
    static let entities: [Substring: Character] = ["&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": "\"", "&#39;": "'"]

    /// Decodes `&lt;`, `&gt;`, `&amp;`, `&quot;` and `&#39;` in one pass, so `&amp;lt;` reads `&lt;`.
    /// Works on UTF-8 bytes (every text part goes through here); an entity that a grapheme
    /// cluster could span is left to `decodingEntitiesByCharacters`.
    public static func decodingEntities(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(0x26) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        var index = 0
        while let amp = bytes[index...].firstIndex(of: 0x26) {
            index = amp + 1
            guard let (entity, character) = byteEntities.first(where: { bytes[amp...].starts(with: $0.0) }) else { continue }
            let end = amp + entity.count
            guard GraphemeSafety.endsCluster(bytes, before: amp), GraphemeSafety.startsFreshCluster(bytes, at: end) else {
                return decodingEntitiesByCharacters(text)
            }
            out.append(contentsOf: bytes[copied..<amp])
            out.append(character)
            copied = end
            index = end
        }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    private static let byteEntities: [([UInt8], UInt8)] = entities.map { (Array($0.key.utf8), $0.value.asciiValue!) }

    /// The reference: the same decoding over `Character`s.
    static func decodingEntitiesByCharacters(_ text: String) -> String {
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
