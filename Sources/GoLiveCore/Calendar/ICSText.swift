/// The RFC 5545 rules for text values and content lines.
enum ICSText {
    /// Octet limit of one physical line, CRLF excluded (RFC 5545 §3.1).
    static let maxLineOctets = 75

    /// Escapes a TEXT value (§3.3.11). Any line break (CRLF, CR or LF) becomes `\n`;
    /// other control characters are not allowed in TEXT, so they are dropped.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case ";": out.append(contentsOf: "\\;".unicodeScalars)
            case ",": out.append(contentsOf: "\\,".unicodeScalars)
            case "\r": out.append(contentsOf: "\\n".unicodeScalars)
            case "\n":
                if !previousWasCR { out.append(contentsOf: "\\n".unicodeScalars) }
            case "\t": out.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A URI value is not escaped, but a line break or control character would
    /// break the file, so those are removed.
    static func sanitizeURI(_ uri: String) -> String {
        String(String.UnicodeScalarView(uri.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
    }

    /// A parameter value (such as a TZID) must be quoted when it holds `:`, `;` or `,`,
    /// and can never hold a double quote.
    static func parameterValue(_ value: String) -> String {
        let clean = sanitizeURI(value).replacingOccurrences(of: "\"", with: "")
        return clean.contains(where: { ":;,".contains($0) }) ? "\"\(clean)\"" : clean
    }

    /// Splits one content line into physical lines of at most 75 octets. Cuts fall
    /// between Unicode scalars, so a UTF-8 sequence is never split; continuation
    /// lines start with one space, which counts towards their 75 octets.
    static func fold(_ line: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > maxLineOctets {
                lines.append(String(current))
                current = String.UnicodeScalarView(" ".unicodeScalars)
                octets = 1
            }
            current.append(scalar)
            octets += size
        }
        lines.append(String(current))
        return lines
    }
}
