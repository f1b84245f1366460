/// Quoted-printable (RFC 2045 §6.7) for UTF-8 text bodies, lines ≤ 76 characters.
/// The output never contains "=_", which is why the MIME boundary starts with it.
enum QuotedPrintable {
    static let maxLine = 76

    /// Line ends in `text` (CRLF, LF or lone CR) become CRLF hard breaks,
    /// the canonical form of a MIME text part.
    static func encode(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        for (index, line) in lines(of: text).enumerated() {
            if index > 0 { out += [0x0D, 0x0A] }
            encodeLine(line, into: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func lines(of text: String) -> [ArraySlice<UInt8>] {
        let bytes = Array(text.utf8)
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0A || byte == 0x0D {
                result.append(bytes[start..<i])
                i += (byte == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) ? 2 : 1
                start = i
            } else {
                i += 1
            }
        }
        result.append(bytes[start..<bytes.count])
        return result
    }

    private static let hex = Array("0123456789ABCDEF".utf8)
    private static let from = Array("From ".utf8)

    /// Appends one encoded line with soft breaks; the encoded text is ASCII, so bytes are columns.
    private static func encodeLine(_ line: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var column = 0
        let first = line.startIndex, last = line.endIndex - 1
        for index in line.indices {
            let byte = line[index]
            let isWhitespace = byte == 0x20 || byte == 0x09
            let printable = byte >= 33 && byte <= 126 && byte != 0x3D
            // A leading "." or "From " can be mangled by SMTP servers and mbox tools.
            let riskyStart = index == first && (byte == 0x2E || (byte == 0x46 && line.starts(with: from)))
            let literal = (printable && !riskyStart) || (isWhitespace && index != last)
            let width = literal ? 1 : 3
            if column + width > maxLine - 1 {
                out += [0x3D, 0x0D, 0x0A]   // soft break "=\r\n"
                column = 0
            }
            if literal { out.append(byte) } else { out += [0x3D, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]] }
            column += width
        }
    }
}
