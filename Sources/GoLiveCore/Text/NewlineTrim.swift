extension StringProtocol {
    /// The text without its leading and trailing line breaks: the scalars of Foundation's
    /// `CharacterSet.newlines` (U+000A to U+000D, U+0085, U+2028, U+2029), as
    /// `trimmingCharacters(in: .newlines)` trims them. Foundation's goes through a character set for
    /// each scalar: a guide's sections were trimmed at 170,000 instructions each, on every build.
    var trimmingNewlines: String {
        let scalars = String(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isNewlineScalar }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isNewlineScalar })!
        return String(Substring(scalars[first...last]))
    }
}

extension Unicode.Scalar {
    fileprivate var isNewlineScalar: Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
