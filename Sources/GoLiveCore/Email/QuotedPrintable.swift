/// Quoted-printable (RFC 2045 §6.7) for UTF-8 text bodies, lines ≤ 76 characters.
/// The output never contains "=_", which is why the MIME boundary starts with it.
enum QuotedPrintable {
    static let maxLine = 76

    /// Line ends in `text` (CRLF, LF or lone CR) become CRLF hard breaks,
    /// the canonical form of a MIME text part.
    static func encode(_ text: String) -> String {
        var text = text
        return text.withUTF8 { input in
            // Every body of every draft comes through here, so it writes into one buffer sized
            // for the worst case: 3 bytes per input byte, plus a 3-byte soft break per 72 of those.
            let capacity = input.count * 4 + 16
            return String(unsafeUninitializedCapacity: capacity) { out in
                var count = 0
                var start = 0
                var i = 0
                while i < input.count {
                    let byte = input[i]
                    if byte == 0x0A || byte == 0x0D {
                        encodeLine(input, start..<i, into: out, count: &count)
                        out[count] = 0x0D
                        out[count + 1] = 0x0A
                        count += 2
                        i += (byte == 0x0D && i + 1 < input.count && input[i + 1] == 0x0A) ? 2 : 1
                        start = i
                    } else {
                        i += 1
                    }
                }
                encodeLine(input, start..<input.count, into: out, count: &count)
                return count
            }
        }
    }

    private static let from = Array("From ".utf8)

    /// Bytes written as they are (printable ASCII but `=`, and space and tab, which are encoded
    /// only at the end of a line): one table lookup per byte instead of a chain of comparisons,
    /// whose branches mispredicted on every space of every body.
    private static let literal: [Bool] = (0...255).map { b in (b >= 33 && b <= 126 && b != 0x3D) || b == 0x20 || b == 0x09 }

    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x37 + value }

    /// Appends one encoded line with soft breaks; the encoded text is ASCII, so bytes are columns.
    private static func encodeLine(_ input: UnsafeBufferPointer<UInt8>, _ line: Range<Int>,
                                   into out: UnsafeMutableBufferPointer<UInt8>, count: inout Int) {
        guard let first = line.first else { return }
        let last = line.upperBound - 1
        // A leading "." or "From " can be mangled by SMTP servers and mbox tools.
        let riskyStart = input[first] == 0x2E || (input[first] == 0x46 && input[line].starts(with: from))
        var column = 0
        var n = count
        literal.withUnsafeBufferPointer { literal in
            for index in line {
                let byte = input[index]
                let asIs = literal[Int(byte)]
                    && !(index == last && (byte == 0x20 || byte == 0x09)) && !(index == first && riskyStart)
                if asIs {
                    if column >= maxLine - 1 {
                        out[n] = 0x3D   // soft break "=\r\n"
                        out[n + 1] = 0x0D
                        out[n + 2] = 0x0A
                        n += 3
                        column = 0
                    }
                    out[n] = byte
                    n += 1
                    column += 1
                } else {
                    if column > maxLine - 4 {
                        out[n] = 0x3D
                        out[n + 1] = 0x0D
                        out[n + 2] = 0x0A
                        n += 3
                        column = 0
                    }
                    out[n] = 0x3D
                    out[n + 1] = hexDigit(byte >> 4)
                    out[n + 2] = hexDigit(byte & 0x0F)
                    n += 3
                    column += 3
                }
            }
        }
        count = n
    }
}
