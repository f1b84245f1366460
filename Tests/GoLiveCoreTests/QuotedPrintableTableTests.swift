import Testing
@testable import GoLiveCore

/// The quoted-printable encoder classifies bytes through a table; the comparison chain it replaced
/// is kept here as the reference, and both must give the same bytes for every kind of body.
@Suite struct QuotedPrintableTableTests {
    @Test func tableEncoderGivesTheReferenceBytes() {
        let pieces = ["From ", "From", ".", " ", "\t", "=", "é", "€", "🎉", "x", "\r\n", "\n", "\r", "a b", "F", "_",
                      String(repeating: "y", count: 70), String(repeating: "é", count: 30), "\u{7F}", "\u{1}", "~", "!"]
        var generator = SystemRandomNumberGenerator()
        var bodies = pieces + ["", "From here\r\n.dot\nA=B trailing \n\ttab\t\rÉté " + String(repeating: "x", count: 80) + "\n"]
        for _ in 0..<400 {
            let count = Int.random(in: 1...40, using: &generator)
            bodies.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for column in 60...80 {   // every position of a soft break against a literal, an escape and a space
            for tail in ["x", "é", " ", "\t", "=", ".x"] {
                bodies.append(String(repeating: "a", count: column) + tail + "b")
                bodies.append(String(repeating: "a", count: column) + tail)
            }
        }
        for body in bodies {
            #expect(QuotedPrintable.encode(body) == ReferenceQuotedPrintable.encode(body), "\(body.debugDescription)")
        }
    }
}

enum ReferenceQuotedPrintable {
    static let maxLine = QuotedPrintable.maxLine

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

    private static let hex = Array("0123456789ABCDEF".utf8)
    private static let from = Array("From ".utf8)

    /// Appends one encoded line with soft breaks; the encoded text is ASCII, so bytes are columns.
    private static func encodeLine(_ input: UnsafeBufferPointer<UInt8>, _ line: Range<Int>,
                                   into out: UnsafeMutableBufferPointer<UInt8>, count: inout Int) {
        var column = 0
        let first = line.lowerBound, last = line.upperBound - 1
        for index in line {
            let byte = input[index]
            let isWhitespace = byte == 0x20 || byte == 0x09
            let printable = byte >= 33 && byte <= 126 && byte != 0x3D
            // A leading "." or "From " can be mangled by SMTP servers and mbox tools.
            let riskyStart = index == first
                && (byte == 0x2E || (byte == 0x46 && input[line].starts(with: from)))
            let literal = (printable && !riskyStart) || (isWhitespace && index != last)
            let width = literal ? 1 : 3
            if column + width > maxLine - 1 {
                out[count] = 0x3D   // soft break "=\r\n"
                out[count + 1] = 0x0D
                out[count + 2] = 0x0A
                count += 3
                column = 0
            }
            if literal {
                out[count] = byte
            } else {
                out[count] = 0x3D
                out[count + 1] = hex[Int(byte >> 4)]
                out[count + 2] = hex[Int(byte & 0x0F)]
            }
            count += width
            column += width
        }
    }
}
