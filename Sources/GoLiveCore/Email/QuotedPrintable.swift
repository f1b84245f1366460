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

    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Works on bytes with a running column: the encoded text is ASCII, so bytes are characters.
    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 4)
        var column = 0
        var token: [UInt8] = []
        token.reserveCapacity(3)
        for (index, byte) in bytes.enumerated() {
            token.removeAll(keepingCapacity: true)
            appendToken(byte, at: index, isLast: index == bytes.count - 1, line: bytes, to: &token)
            if column + token.count > maxLine - 1 {
                out += [0x3D, 0x0D, 0x0A]   // soft break "=\r\n"
                column = 0
            }
            out += token
            column += token.count
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendToken(_ byte: UInt8, at index: Int, isLast: Bool, line: [UInt8], to token: inout [UInt8]) {
        let isWhitespace = byte == 0x20 || byte == 0x09
        let printable = (33...126).contains(byte) && byte != 0x3D
        // A leading "." or "From " can be mangled by SMTP servers and mbox tools.
        let riskyStart = index == 0 && (byte == 0x2E || (byte == 0x46 && line.starts(with: Array("From ".utf8))))
        if (printable && !riskyStart) || (isWhitespace && !isLast) {
            token.append(byte)
        } else {
            token += [0x3D, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
        }
    }
}
