import Foundation

/// Writes an `EmailMessage` as an RFC 5322 / MIME `.eml` file: CRLF line ends,
/// a multipart/alternative with a text and an HTML part, both UTF-8 quoted-printable.
/// The same message always gives the same bytes (the boundary is a hash of its Message-ID).
public enum EMLWriter {
    public static func render(_ message: EmailMessage) -> String {
        let text = QuotedPrintable.encode(message.textBody)
        let html = QuotedPrintable.encode(message.htmlBody)
        let id = messageID(message)
        let boundary = boundary(messageID: id)
        var lines = headers(message, messageID: id)
        lines.append(EmailHeader.fold(name: "Content-Type",
                                      tokens: ["multipart/alternative;", "boundary=\"\(boundary)\""]))
        lines.append("")
        lines.append("This is a multi-part message in MIME format.")
        lines += part(boundary: boundary, type: "text/plain", body: text)
        lines += part(boundary: boundary, type: "text/html", body: html)
        lines.append("--\(boundary)--")
        lines.append("")
        return lines.joined(separator: "\r\n")
    }

    static func headers(_ message: EmailMessage, messageID: String) -> [String] {
        var lines: [String] = []
        if let from = message.from, from.isValid {
            lines.append(EmailHeader.fold(name: "From", tokens: EmailHeader.mailboxTokens(from)))
        }
        let recipients = message.to.filter(\.isValid)
        if !recipients.isEmpty {
            lines.append(EmailHeader.fold(name: "To", tokens: EmailHeader.addressListTokens(recipients)))
        }
        let subject = EmailHeader.textTokens(message.subject)
        lines.append(subject.isEmpty ? "Subject:" : EmailHeader.fold(name: "Subject", tokens: subject))
        lines.append("Date: " + RFC5322Date.format(message.date, in: message.timeZone))
        lines.append("Message-ID: <\(messageID)>")
        if message.draft { lines.append("X-Unsent: 1") }
        lines.append("MIME-Version: 1.0")
        return lines
    }

    /// "=_" cannot occur in quoted-printable text, so the boundary can never collide with a body
    /// line, whatever the body says: it need not depend on the bodies, and hashing them (tens of
    /// kilobytes a draft, a byte at a time) was 3 % of a build's instructions. Each message still has its own.
    static func boundary(messageID: String) -> String {
        "=_golive_" + EmailFNV1a.hex64([messageID])
    }

    static func boundary(for message: EmailMessage) -> String { boundary(messageID: messageID(message)) }

    /// Keeps only characters allowed in a msg-id; adds a domain if the caller gave none.
    static func messageID(_ message: EmailMessage) -> String {
        // Bytes: every scalar kept is printable ASCII, and every byte of any other scalar is ≥ 0x80.
        let allowed = message.messageID.utf8.filter { $0 > 0x20 && $0 < 0x7F && !msgIDSpecials.contains($0) }
        // Printable ASCII only: splitting the bytes is splitting the Characters.
        let parts = allowed.split(separator: UInt8(ascii: "@")).map { String(decoding: $0, as: UTF8.self) }
        let left = parts.first ?? "golive-" + EmailFNV1a.hex64([message.subject, message.textBody, message.htmlBody])
        let right = parts.dropFirst().joined(separator: ".")
        return left + "@" + (right.isEmpty ? "golive" : right)
    }

    private static let msgIDSpecials = Set("<>()[]\\\",;:".utf8)

    private static func part(boundary: String, type: String, body: String) -> [String] {
        ["--\(boundary)",
         "Content-Type: \(type); charset=UTF-8",
         "Content-Transfer-Encoding: quoted-printable",
         "",
         body]
    }
}
