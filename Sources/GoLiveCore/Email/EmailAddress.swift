import Foundation

/// A mailbox: an optional display name and an address (`Claire Martin <claire.martin@example.org>`).
public struct EmailAddress: Sendable, Equatable {
    public var name: String?
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// A loose check, enough to keep a malformed value out of a header:
    /// one `@` with text on both sides, printable ASCII only, and none of the
    /// characters that would change how the header is parsed (spaces, `<>`,
    /// quotes, commas, brackets…). Internationalised addresses are refused
    /// because they would need SMTPUTF8, which a draft file cannot promise.
    public var isValid: Bool {
        // Bytes, not scalars: only printable ASCII passes, and there one byte is one scalar.
        let bytes = address.utf8
        guard (3...254).contains(bytes.count),
              bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !Self.forbidden[Int($0)] }) else {
            return false
        }
        // One "@", with a local part before it and a domain after it that neither starts nor ends with a dot.
        let ats = bytes.indices.filter { bytes[$0] == UInt8(ascii: "@") }
        guard ats.count == 1, let at = ats.first, at != bytes.startIndex else { return false }
        let domain = bytes[bytes.index(after: at)...]
        return !domain.isEmpty && domain.first != UInt8(ascii: ".") && domain.last != UInt8(ascii: ".")
    }

    /// The specials an address may not hold, by byte (a Set lookup hashed every byte of every draft's addresses).
    private static let forbidden: [Bool] = {
        let specials = Set("<>()[],;:\\\"".utf8)
        return (0..<128).map { specials.contains(UInt8($0)) }
    }()

    /// Reads what a person writes in a plan: `address`, or `Name <address>` (the name may be
    /// in double quotes). Nil when it is neither, when the address fails `isValid` or has no
    /// dot in its domain, or when the name holds a line break or an angle bracket.
    public static func parse(_ text: String) -> EmailAddress? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var name: String?
        var address = trimmed
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
                .trimmingCharacters(in: .whitespaces)
            var display = String(trimmed[..<open]).trimmingCharacters(in: .whitespaces)
            if display.count >= 2, display.hasPrefix("\""), display.hasSuffix("\"") {
                display = String(display.dropFirst().dropLast())
            }
            let unsafe = display.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "<" || $0 == ">" }
            if unsafe { return nil }
            name = display.isEmpty ? nil : display
        }
        let mailbox = EmailAddress(name: name, address: address)
        guard mailbox.isValid, let domain = address.split(separator: "@").last, domain.contains(".") else { return nil }
        return mailbox
    }
}
