/// Wraps a cmark HTML fragment into a complete e-mail document that Outlook
/// for Windows, Outlook on the web, Gmail, Apple Mail and Thunderbird render alike:
/// a centred 600px layout table, inline styles only, no external resources.
public enum EmailHTML {
    public static func document(fragment: String, title: String, language: String,
                                preheader: String?, banner: String?) -> String {
        let font = EmailHTMLStyler.fontStack
        var lines = [
            "<!DOCTYPE html>",
            "<html lang=\"\(languageTag(language))\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta name=\"x-apple-disable-message-reformatting\">",
            "<meta name=\"color-scheme\" content=\"light dark\">",
            "<meta name=\"supported-color-schemes\" content=\"light dark\">",
            "<title>\(escape(title))</title>",
            "</head>",
            "<body style=\"margin:0;padding:0;background-color:#f4f5f7;\">",
        ]
        if let preheader, !preheader.isEmpty {
            // Shown by clients in the inbox list, never in the message; the filler
            // keeps the body text from trailing into the preview.
            lines.append("<div style=\"display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;"
                + "opacity:0;overflow:hidden;mso-hide:all;\">\(escape(preheader))"
                + previewFiller + "</div>")
        }
        lines += [
            "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
                + "bgcolor=\"#f4f5f7\" style=\"width:100%;background-color:#f4f5f7;\">",
            "<tr>",
            "<td align=\"center\" style=\"padding:24px 12px;\">",
            "<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
                + "bgcolor=\"#ffffff\" style=\"width:600px;max-width:100%;background-color:#ffffff;\">",
        ]
        if let banner, !banner.isEmpty {
            lines += [
                "<tr>",
                "<td align=\"center\" bgcolor=\"#fff1c2\" style=\"padding:12px 24px;background-color:#fff1c2;"
                    + "border:2px solid #d99a00;color:#5a3e00;font-family:\(font);font-size:16px;"
                    + "line-height:1.4;font-weight:bold;\">\(escape(banner))</td>",
                "</tr>",
            ]
        }
        lines += [
            "<tr>",
            "<td style=\"padding:24px;font-family:\(font);font-size:16px;line-height:1.5;"
                + "mso-line-height-rule:exactly;color:#1f2328;text-align:left;\">",
            EmailHTMLStyler.rewrite(fragment),
            "</td>",
            "</tr>",
            "</table>",
            "</td>",
            "</tr>",
            "</table>",
            "</body>",
            "</html>",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    private static let previewFiller = String(repeating: "&#847;&zwnj;&nbsp;", count: 40)

    /// Escapes text for HTML content and double-quoted attributes.
    public static func escape(_ text: String) -> String {
        // Titles rarely hold any of these; an ASCII byte never sits inside a multi-byte character.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        // By scalar, not Character: `"` followed by a combining mark is one Character, yet its `"`
        // still ends an attribute value for a browser, which reads the bytes.
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Keeps a BCP 47-looking tag (`fr`, `en-GB`); anything else becomes `und`.
    static func languageTag(_ language: String) -> String {
        let kept = language.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        return kept.isEmpty ? "und" : kept
    }
}
