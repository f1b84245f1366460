/// Quoted-printable (RFC 2045 §6.7) for UTF-8 text bodies, lines ≤ 76 characters.
/// The output never contains "=_", which is why the MIME boundary starts with it.
enum QuotedPrintable {
    static let maxLine = 76

    /// Line ends in `text` (CRLF, LF or lone CR) become CRLF hard breaks,
    /// the canonical form of a MIME text part.
    static func encode(_ text: String) -> String {
        lines(of: text).map(encodeLine).joined(separator: "\r\n")
    }

    static func lines(of text: String) -> [[UInt8]] {
        var result: [[UInt8]] = [[]]
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == 0x0A && previousWasCR { previousWasCR = false; continue }
            previousWasCR = byte == 0x0D
            if byte == 0x0A || byte == 0x0D { result.append([]) } else { result[result.count - 1].append(byte) }
        }
        return result
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var out: [String] = []
        var current = ""
        for (index, byte) in bytes.enumerated() {
            let token = tokenFor(byte, at: index, isLast: index == bytes.count - 1, line: bytes)
            if current.count + token.count > maxLine - 1 {
                out.append(current + "=")
                current = ""
            }
            current += token
        }
        out.append(current)
        return out.joined(separator: "\r\n")
    }

    private static func tokenFor(_ byte: UInt8, at index: Int, isLast: Bool, line: [UInt8]) -> String {
        let isWhitespace = byte == 0x20 || byte == 0x09
        let printable = (33...126).contains(byte) && byte != 0x3D
        // A leading "." or "From " can be mangled by SMTP servers and mbox tools.
        let riskyStart = index == 0 && (byte == 0x2E || (byte == 0x46 && line.starts(with: Array("From ".utf8))))
        if (printable && !riskyStart) || (isWhitespace && !isLast) {
            return String(UnicodeScalar(byte))
        }
        let hex = Array("0123456789ABCDEF")
        return "=" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)])
    }
}
