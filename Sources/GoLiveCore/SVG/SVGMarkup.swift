/// Small, exact building blocks for hand-written SVG: escaping, numbers, text fitting.
/// Nothing here depends on the machine's locale.
enum SVGMarkup {
    /// Escapes text for XML element content and double- or single-quoted attributes,
    /// and drops characters XML 1.0 forbids (control characters), which would make the
    /// whole picture unreadable for a parser.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\r", "\t": out += " "
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A coordinate with exactly one decimal ("12.0", "-3.5"), so output is stable
    /// across machines and runs. Non-finite values become "0.0".
    static func num(_ value: Double) -> String {
        guard value.isFinite else { return "0.0" }
        let tenths = (min(max(value, -1e12), 1e12) * 10).rounded()
        let n = Int(tenths)
        if n == 0 { return "0.0" }
        let a = n.magnitude
        return (n < 0 ? "-" : "") + "\(a / 10).\(a % 10)"
    }

    /// Rough width of a label in user units; sans-serif averages a little over half
    /// the font size per character. Used only to avoid overlaps, never for exactness.
    static func width(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * 0.56
    }

    /// Cuts a label to fit `maxWidth`, ending it with "…". The full text stays in a
    /// `<title>` next to it, so nothing is lost for screen readers or tooltips.
    static func fit(_ text: String, maxWidth: Double, fontSize: Double) -> String {
        let flat = text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
        let maxChars = max(1, Int(maxWidth / (fontSize * 0.56)))
        guard flat.count > maxChars else { return flat }
        return String(flat.prefix(max(0, maxChars - 1))).trimmingTrailingSpaces() + "…"
    }

    /// FNV-1a, 64 bits: a stable fingerprint for id prefixes (Swift's `hashValue` is
    /// seeded per process, so it would change the output on every run).
    static func fingerprint(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return String(h, radix: 16)
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " { s = s.dropLast() }
        return String(s)
    }
}
