/// The RFC 5545 rules for text values and content lines.
enum ICSText {
    /// Octet limit of one physical line, CRLF excluded (RFC 5545 §3.1).
    static let maxLineOctets = 75

    /// Escapes a TEXT value (§3.3.11). Any line break (CRLF, CR or LF) becomes `\n`;
    /// other control characters are not allowed in TEXT, so they are dropped.
    static func escape(_ text: String) -> String {
        // On bytes: every byte the rules touch is ASCII, and a byte of a longer UTF-8 sequence is never
        // one of them (so C1 controls are kept, as they were scalar by scalar). Tested against that reading.
        withUTF8Bytes(of: text) { bytes in
            // Most values (names, ids, dates) hold none of these bytes: they are returned as they are.
            guard bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0x5C || $0 == 0x3B || $0 == 0x2C }) else {
                return text
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            var previous: UInt8 = 0
            for byte in bytes {
                defer { previous = byte }
                switch byte {
                case 0x5C, 0x3B, 0x2C: out.append(0x5C); out.append(byte)        // \ ; ,
                case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "n"))
                case 0x0A: if previous != 0x0D { out.append(0x5C); out.append(UInt8(ascii: "n")) }
                case 0x09: out.append(byte)
                case ..<0x20, 0x7F: continue
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// A URI value is not escaped, but a line break or control character would
    /// break the file, so those are removed.
    static func sanitizeURI(_ uri: String) -> String {
        String(String.UnicodeScalarView(uri.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
    }

    /// A parameter value (such as a TZID) must be quoted when it holds `:`, `;` or `,`,
    /// and can never hold a double quote.
    static func parameterValue(_ value: String) -> String {
        // Every DTSTART and DTEND carries the zone's id, which holds none of these.
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0x22 || $0 == 0x3A || $0 == 0x3B || $0 == 0x2C })
        else { return value }
        let clean = sanitizeURI(value).replacingOccurrences(of: "\"", with: "")
        return clean.contains(where: { ":;,".contains($0) }) ? "\"\(clean)\"" : clean
    }

    /// Splits one content line into physical lines of at most 75 octets. Cuts fall
    /// between Unicode scalars, so a UTF-8 sequence is never split; continuation
    /// lines start with one space, which counts towards their 75 octets.
    static func fold(_ line: String) -> [String] {
        let bytes = Array(line.utf8)
        let bounds = [0] + cuts(line) + [bytes.count]
        return bounds.indices.dropLast().map { i in
            (i == 0 ? "" : " ") + String(decoding: bytes[bounds[i]..<bounds[i + 1]], as: UTF8.self)
        }
    }

    /// Appends `line` folded as `fold` does, each physical line ended by CRLF, without building
    /// a string per physical line (a calendar file has thousands of lines).
    static func appendFolded(_ line: String, to out: inout [UInt8]) {
        let cuts = cuts(line)
        if cuts.isEmpty {
            out.append(contentsOf: line.utf8)
        } else {
            let bytes = Array(line.utf8)
            var start = 0
            for cut in cuts {
                out.append(contentsOf: bytes[start..<cut])
                out.append(contentsOf: [0x0D, 0x0A, 0x20])
                start = cut
            }
            out.append(contentsOf: bytes[start...])
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    /// UTF-8 offsets in `line` where a continuation line starts; none for most lines.
    private static func cuts(_ line: String) -> [Int] {
        guard line.utf8.count > maxLineOctets else { return [] }
        var cuts: [Int] = []
        var octets = 0
        var offset = 0
        for byte in line.utf8 {
            // Continuation bytes (10xxxxxx) belong to the scalar before them; only a lead byte
            // may start a line, and it brings its whole sequence's length.
            if byte & 0xC0 == 0x80 { offset += 1; continue }
            let size = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            if octets + size > maxLineOctets {
                cuts.append(offset)
                octets = 1
            }
            octets += size
            offset += 1
        }
        return cuts
    }
}
