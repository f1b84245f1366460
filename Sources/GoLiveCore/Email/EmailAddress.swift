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
        let scalars = address.unicodeScalars
        guard (3...254).contains(scalars.count) else { return false }
        let forbidden: Set<Unicode.Scalar> = ["<", ">", "(", ")", "[", "]", ",", ";", ":", "\\", "\""]
        guard scalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && !forbidden.contains($0) }) else {
            return false
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return false }
        return !local.isEmpty && !domain.isEmpty && !domain.hasPrefix(".") && !domain.hasSuffix(".")
    }
}
