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

    static func rewrite(_ html: String) -> String {
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
