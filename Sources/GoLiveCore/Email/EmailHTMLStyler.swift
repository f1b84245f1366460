/// Adds inline `style` attributes to the tags cmark emits. Outlook for Windows
/// renders with Word and ignores most `<style>` blocks, so every element carries
/// its own styles. cmark escapes `<` in text, so every `<` in its output is a tag.
enum EmailHTMLStyler {
    static let fontStack = "'Segoe UI', -apple-system, BlinkMacSystemFont, Roboto, Helvetica, Arial, sans-serif"
    static let monoStack = "Consolas, Menlo, 'Courier New', monospace"

    /// Mid-dark text on light backgrounds and no pure black or white, so a client
    /// that inverts colours for dark mode still gets readable contrast.
    static let styles: [String: String] = [
        "p": "margin:0 0 16px 0;",
        "h1": "margin:0 0 16px 0;font-size:26px;line-height:1.25;font-weight:bold;color:#10243e;",
        "h2": "margin:24px 0 12px 0;font-size:21px;line-height:1.3;font-weight:bold;color:#10243e;",
        "h3": "margin:20px 0 8px 0;font-size:18px;line-height:1.3;font-weight:bold;color:#10243e;",
        "h4": "margin:16px 0 8px 0;font-size:16px;line-height:1.3;font-weight:bold;color:#10243e;",
        "ul": "margin:0 0 16px 0;padding:0 0 0 24px;",
        "ol": "margin:0 0 16px 0;padding:0 0 0 24px;",
        "li": "margin:0 0 6px 0;",
        "strong": "font-weight:bold;",
        "em": "font-style:italic;",
        "a": "color:#0b5cad;text-decoration:underline;",
        "code": "font-family:\(monoStack);font-size:14px;background-color:#eef0f3;color:#1f2328;padding:1px 4px;",
        "pre": "margin:0 0 16px 0;padding:12px;background-color:#eef0f3;color:#1f2328;white-space:pre-wrap;font-family:\(monoStack);font-size:14px;",
        "blockquote": "margin:0 0 16px 0;padding:4px 0 4px 16px;border-left:4px solid #c4c9d0;color:#4a5361;",
        "hr": "border:0;border-top:1px solid #d0d5dc;margin:24px 0;height:0;",
        "table": "border-collapse:collapse;width:100%;margin:0 0 16px 0;",
        "th": "border:1px solid #d0d5dc;padding:6px 8px;background-color:#eef0f3;text-align:left;font-weight:bold;",
        "td": "border:1px solid #d0d5dc;padding:6px 8px;vertical-align:top;",
    ]

    /// Every e-mail body goes through here, so it works on UTF-8 bytes; where a grapheme cluster
    /// could span a byte it decides on, it leaves the document to `rewriteByCharacters`.
    static func rewrite(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2)
        var copied = 0
        var index = 0
        while let open = bytes[index...].firstIndex(of: 0x3C) {
            var nameEnd = open + 1
            while nameEnd < bytes.count, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
            let terminator = nameEnd < bytes.count ? bytes[nameEnd] : nil
            guard GraphemeSafety.endsCluster(bytes, before: open), GraphemeSafety.startsFreshCluster(bytes, at: nameEnd),
                  terminator == nil || GraphemeSafety.startsFreshCluster(bytes, at: nameEnd + 1) else {
                return rewriteByCharacters(html)
            }
            out.append(contentsOf: bytes[copied..<nameEnd])
            if let t = terminator, t == 0x3E || t == 0x20 || t == 0x2F || t == 0x0A,
               let attribute = styleAttribute(bytes[(open + 1)..<nameEnd]) {
                out.append(contentsOf: attribute)
            }
            copied = nameEnd
            index = nameEnd
        }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    /// Each styled tag's name and its ` style="…"` attribute, as bytes: a body has hundreds of tags,
    /// and making, lowercasing and hashing a String for each name, then the attribute, cost more
    /// than comparing a few bytes.
    private static let attributes: [(name: [UInt8], attribute: [UInt8])] = styles.keys.sorted().map {
        (Array($0.utf8), Array(" style=\"\(styles[$0]!)\"".utf8))
    }

    /// The attribute for a tag named `name` (letters and digits, compared as `lowercased()` would).
    private static func styleAttribute(_ name: ArraySlice<UInt8>) -> [UInt8]? {
        for entry in attributes where entry.name.count == name.count {
            if zip(entry.name, name).allSatisfy({ $0 == ((0x41...0x5A).contains($1) ? $1 | 0x20 : $1) }) { return entry.attribute }
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// The reference: the same rewrite over `Character`s, for text where clusters span tag bytes.
    static func rewriteByCharacters(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            let afterBracket = rest.index(after: open)
            let nameEnd = rest[afterBracket...].firstIndex(where: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
                ?? rest.endIndex
            let name = rest[afterBracket..<nameEnd].lowercased()
            let terminator = nameEnd < rest.endIndex ? rest[nameEnd] : nil
            out += rest[open..<nameEnd]
            if let style = styles[name], let t = terminator, t == ">" || t == " " || t == "/" || t == "\n" {
                out += " style=\"\(style)\""
            }
            rest = rest[nameEnd...]
        }
        out += rest
        return out
    }
}
