import Foundation

/// Builds header lines that are safe by construction: no control character
/// survives (so no header can be injected), non-ASCII text becomes RFC 2047
/// encoded-words, and lines are folded to at most 78 characters.
enum EmailHeader {
    static let maxLine = 78
    /// UTF-8 bytes per encoded-word: 42 bytes → 56 base64 chars → a 68-char word,
    /// which fits after the longest header name we fold ("Subject: ").
    static let encodedWordBytes = 42

    /// Replaces CR, LF, tab and every other C0/C1 control (and DEL) by a space.
    static func sanitize(_ value: String) -> String {
        guard mayHoldControl(value) else { return value }
        var out = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            let v = scalar.value
            let isControl = v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v)
                || v == 0x2028 || v == 0x2029 // line/paragraph separators render as line breaks
            out.append(isControl ? " " : scalar)
        }
        return String(out)
    }

    /// False only when `value` surely has none of the scalars `sanitize` replaces: C1 controls
    /// are encoded C2 80–C2 9F and U+2028/U+2029 E2 80 A8–A9, so other bytes ≥ 0x80 are letters.
    private static func mayHoldControl(_ value: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in value.utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            if previous.1 == 0xC2, (0x80...0x9F).contains(byte) { return true }
            if previous == (0xE2, 0x80), byte == 0xA8 || byte == 0xA9 { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// `text.split(separator: " ")`, as Strings. On bytes when no space touches a byte above 0x7F: a
    /// space is then a Character of its own (only a combining mark after it, or a prepended mark
    /// before it, joins it to another), so cutting at its byte is cutting at the Character.
    static func words(_ text: String) -> [String] {
        let onBytes = withUTF8Bytes(of: text) { bytes -> [String]? in
            var words: [String] = []
            var start = 0
            for (i, byte) in bytes.enumerated() where byte == 0x20 {
                if (i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < bytes.count && bytes[i + 1] >= 0x80) { return nil }
                if i > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
                start = i + 1
            }
            if bytes.count > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return words
        }
        return onBytes ?? text.split(separator: " ").map(String.init)
    }

    /// Folds `Name: token token …`, breaking only between tokens.
    /// A single token longer than a line stays whole (only addresses and
    /// message ids can be that long).
    static func fold(name: String, tokens: [String]) -> String {
        var lines: [String] = []
        var current = name + ":"
        for token in tokens {
            // The first token always joins the name: a line holding only "To:" helps nobody.
            if current.count + 1 + token.count <= maxLine || (lines.isEmpty && current == name + ":") {
                current += " " + token
            } else {
                lines.append(current)
                current = " " + token
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    /// Tokens for free text (a subject, a display name): plain words when the
    /// text is printable ASCII that cannot be mistaken for an encoded-word,
    /// encoded-words otherwise. Runs of spaces collapse to one.
    static func textTokens(_ text: String) -> [String] {
        let clean = sanitize(text)
        let words = Self.words(clean)
        let plain = clean.unicodeScalars.allSatisfy { $0.isASCII }
            && !clean.contains("=?")
            && words.allSatisfy { $0.count <= maxLine - 10 }
        return plain ? words : encodedWords(words.joined(separator: " "))
    }

    /// Base64 encoded-words, cut at grapheme boundaries when possible and never
    /// inside a UTF-8 sequence (RFC 2047 §5).
    static func encodedWords(_ text: String) -> [String] {
        var chunks: [[UInt8]] = []
        var current: [UInt8] = []
        func push<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
            if !current.isEmpty && current.count + bytes.count > encodedWordBytes {
                chunks.append(current)
                current = []
            }
            current += bytes
        }
        for character in text {
            // A character's own UTF-8 view: building a String and an Array per character cost a
            // French subject more than the rest of its headers.
            let bytes = character.utf8
            if bytes.count <= encodedWordBytes {
                push(bytes)
            } else {
                for scalar in character.unicodeScalars { push(scalar.utf8) }
            }
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks.map { "=?UTF-8?B?" + Data($0).base64EncodedString() + "?=" }
    }

    /// Tokens for one mailbox: display name (plain, quoted or encoded) then `<address>`.
    static func mailboxTokens(_ mailbox: EmailAddress) -> [String] {
        let angle = "<" + mailbox.address + ">"
        // Runs of spaces collapse, as they do in a subject, so "A\r\nB" reads "A B".
        let name = words(sanitize(mailbox.name ?? "")).joined(separator: " ")
        guard !name.isEmpty else { return [angle] }
        return nameTokens(name) + [angle]
    }

    /// Built once: a CharacterSet is costly to make, and every draft has a From and a To.
    private static let atext = CharacterSet(charactersIn:
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ")

    private static func nameTokens(_ name: String) -> [String] {
        let isASCII = name.unicodeScalars.allSatisfy { $0.isASCII }
        if isASCII && !name.contains("=?") && name.unicodeScalars.allSatisfy({ atext.contains($0) }) {
            let words = Self.words(name)
            if words.allSatisfy({ $0.count <= maxLine - 10 }) { return words }
        }
        if isASCII && !name.contains("=?") && name.count <= 60 {
            // Specials such as the comma in "Martin, Claire" need a quoted-string.
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"")
            return ["\"" + escaped + "\""]
        }
        return encodedWords(name)
    }

    /// Comma-separated mailboxes; a comma ends every mailbox but the last.
    static func addressListTokens(_ mailboxes: [EmailAddress]) -> [String] {
        var tokens: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            var mine = mailboxTokens(mailbox)
            if index < mailboxes.count - 1, let last = mine.popLast() { mine.append(last + ",") }
            tokens += mine
        }
        return tokens
    }
}
