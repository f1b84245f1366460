import Mustache

/// Escaping for values inserted into Markdown templates. Input text is CommonMark, so `**bold**` and
/// links keep working; but `<`, `>` and `&` become entities, so raw HTML from an input file shows as
/// text and can never open a tag — in a Markdown paragraph or inside a template's HTML block alike.
/// Line breaks become spaces: a value cannot start a new block (a heading, a list) in the template.
struct MarkdownContentType: MustacheContentType {
    static let name = "MARKDOWN"

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        // Fast path: most values need nothing, and scanning bytes is far cheaper than building a String.
        guard needsEscaping(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": break
            case "\n": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `text` holds `&`, `<`, `>`, LF or CR, on its contiguous bytes: every value of every
    /// Markdown template comes through here, and the generic `contains` on a UTF-8 view stepped
    /// through a String index per byte (1 % of a build's instructions).
    static func needsEscaping(_ text: String) -> Bool {
        withUTF8Bytes(of: text) { bytes in
            for byte in bytes where byte <= 0x3E {
                if byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x0A || byte == 0x0D { return true }
            }
            return false
        }
    }
}

/// Mustache's own HTML escaping, for the `.html` layouts, with a fast path: it looks up every
/// character of every value in a dictionary, and most values (titles, names) hold nothing to escape.
/// The replacements are Mustache's, character by character, so the bytes are the same.
struct HTMLLayoutContentType: MustacheContentType {
    static let name = "GOLIVE_HTML"

    /// Mustache's five replacements are also the e-mail HTML's: one function for both.
    func escapeText(_ text: String) -> String { EmailHTML.escape(text) }
}
