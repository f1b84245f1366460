import Foundation
import Testing
@testable import GoLiveCore

struct EMLWriterTests {
    static let paris = TimeZone(identifier: "Europe/Paris") ?? TimeZone(secondsFromGMT: 3600)!
    /// 2027-03-19 19:00:00 UTC, a Friday: 20:00 in Paris (winter time, +0100).
    static let friday = Date(timeIntervalSince1970: 1_805_482_800)

    static func message(subject: String = "ATLAS — Votre formation à l'outil « Atlas »",
                        to: [EmailAddress] = [EmailAddress(name: "Agents de recouvrement — Paris",
                                                           address: "atlas-agents-paris@example.org")],
                        html: String = "<p>Bonjour,</p>\n<p>Votre formation a lieu le <strong>19 mars</strong>.</p>\n",
                        text: String = "Bonjour,\n\nVotre formation a lieu le 19 mars.\n") -> EmailMessage {
        EmailMessage(from: EmailAddress(name: "Équipe projet Atlas", address: "atlas@example.org"),
                     to: to, subject: subject, date: friday, timeZone: paris,
                     messageID: "atlas-teaser-agents-paris@golive",
                     textBody: text, htmlBody: html, draft: true)
    }

    /// Parses the .eml with Python's `email` package (policy=default) and
    /// returns what a mail client would see, as JSON.
    static let pythonParse = #"""
import sys, json, email, email.policy
raw = open(sys.argv[1], 'rb').read()
msg = email.message_from_bytes(raw, policy=email.policy.default)
parts = [{'type': p.get_content_type(), 'charset': p.get_content_charset(), 'content': p.get_content()}
         for p in msg.walk() if not p.is_multipart()]
print(json.dumps({
    'subject': str(msg['Subject']),
    'to': [a.addr_spec for a in msg['To'].addresses] if msg['To'] else [],
    'toNames': [a.display_name for a in msg['To'].addresses] if msg['To'] else [],
    'from': str(msg['From']),
    'date': str(msg['Date']),
    'dateISO': msg['Date'].datetime.isoformat() if msg['Date'] else '',
    'messageID': str(msg['Message-ID']),
    'unsent': str(msg['X-Unsent']),
    'keys': [k.lower() for k in msg.keys()],
    'type': msg.get_content_type(),
    'parts': parts,
    'defects': [repr(d) for d in msg.defects] + [repr(d) for p in msg.walk() for d in p.defects],
}))
"""#

    struct Parsed: Decodable {
        struct Part: Decodable { var type: String; var charset: String?; var content: String }
        var subject: String
        var to: [String]
        var toNames: [String]
        var from: String
        var date: String
        var dateISO: String
        var messageID: String
        var unsent: String
        var keys: [String]
        var type: String
        var parts: [Part]
        var defects: [String]
    }

    static func parseWithPython(_ eml: String) throws -> Parsed {
        let file = try MailCSVPython.temporaryFile(eml, suffix: ".eml")
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try MailCSVPython.run(pythonParse, file: file)
        #expect(outcome.status == 0, "python3 with the standard `email` package is required: \(outcome.stderr)")
        return try JSONDecoder().decode(Parsed.self, from: Data(outcome.stdout.utf8))
    }

    @Test func pythonReadsSubjectPartsToAndDate() throws {
        let message = Self.message()
        let parsed = try Self.parseWithPython(EMLWriter.render(message))
        #expect(parsed.subject == "ATLAS — Votre formation à l'outil « Atlas »")
        #expect(parsed.to == ["atlas-agents-paris@example.org"])
        #expect(parsed.toNames == ["Agents de recouvrement — Paris"])
        #expect(parsed.from == "Équipe projet Atlas <atlas@example.org>")
        #expect(parsed.date == "Fri, 19 Mar 2027 20:00:00 +0100")
        #expect(parsed.dateISO == "2027-03-19T20:00:00+01:00")
        #expect(parsed.messageID == "<atlas-teaser-agents-paris@golive>")
        #expect(parsed.unsent == "1")
        #expect(parsed.type == "multipart/alternative")
        #expect(parsed.parts.map(\.type) == ["text/plain", "text/html"])
        #expect(parsed.parts.map(\.charset) == ["utf-8", "utf-8"])
        // Text parts travel in MIME canonical form: every line break is CRLF.
        #expect(parsed.parts.last?.content == crlf(message.htmlBody))
        #expect(parsed.parts.first?.content == crlf(message.textBody))
        #expect(parsed.defects.isEmpty)
    }

    func crlf(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
    }

    @Test func headerInjectionThroughSubjectCreatesNoBcc() throws {
        let parsed = try Self.parseWithPython(EMLWriter.render(Self.message(subject: "Hello\r\nBcc: evil@x")))
        #expect(!parsed.keys.contains("bcc"))
        #expect(parsed.subject == "Hello Bcc: evil@x")
        #expect(parsed.parts.count == 2)
    }

    @Test func headerInjectionThroughNamesAndAddressesIsImpossible() throws {
        let to = [EmailAddress(name: "Claire\r\nBcc: evil@x", address: "claire@example.org"),
                  EmailAddress(name: "Bob", address: "bob@example.org\r\nBcc: evil@x"),
                  EmailAddress(name: "Lone\rCR\u{0B}and\u{85}NEL", address: "lone@example.org")]
        let eml = EMLWriter.render(Self.message(to: to))
        let parsed = try Self.parseWithPython(eml)
        #expect(!parsed.keys.contains("bcc"))
        #expect(parsed.to == ["claire@example.org", "lone@example.org"])
        #expect(parsed.toNames == ["Claire Bcc: evil@x", "Lone CR and NEL"])
        #expect(Self.message(to: to).rejectedAddresses == [to[1]])
    }

    @Test func addressValidationIsLooseButKeepsHeadersWellFormed() {
        let valid = ["claire.martin@example.org", "a+b@x.fr", "ops@localhost"]
        let invalid = ["", "claire", "@example.org", "claire@", "a@b@c", "claire martin@example.org",
                       "<claire@example.org>", "claire@example.org\n", "clé@example.org", "a,b@example.org",
                       "claire@.example.org", "claire@example.org.", "a\"b@x.fr", "a:b@x.fr", "a@b\\c.fr", "@@x", "ab@"]
        for address in valid { #expect(EmailAddress(address: address).isValid, "\(address)") }
        for address in invalid { #expect(!EmailAddress(address: address).isValid, "\(address)") }
    }

    @Test func linesAreCRLFAndWithinLimits() throws {
        let longSubject = String(repeating: "Déploiement d'Atlas « vague 2 » — ", count: 6) + "🧑‍💻 fin"
        let longHTML = "<p>" + String(repeating: "Texte accentué très long sans retour à la ligne. ", count: 40) + "</p>\n"
        let to = (1...6).map { EmailAddress(name: "Équipe n°\($0), site de Saint-Étienne", address: "equipe\($0)@example.org") }
        let eml = EMLWriter.render(Self.message(subject: longSubject, to: to, html: longHTML))
        let bytes = Array(eml.utf8)
        // No bare CR or LF anywhere.
        for (i, byte) in bytes.enumerated() {
            if byte == 0x0A { #expect(i > 0 && bytes[i - 1] == 0x0D) }
            if byte == 0x0D { #expect(i + 1 < bytes.count && bytes[i + 1] == 0x0A) }
        }
        #expect(eml.unicodeScalars.allSatisfy { $0.isASCII })
        let lines = eml.components(separatedBy: "\r\n")
        let headerEnd = lines.firstIndex(of: "") ?? 0
        for line in lines[..<headerEnd] { #expect(line.count <= 78, "header line too long: \(line)") }
        for line in lines[headerEnd...] { #expect(line.count <= 76, "body line too long: \(line)") }
        let parsed = try Self.parseWithPython(eml)
        #expect(parsed.subject == longSubject)
        #expect(parsed.to == to.map(\.address))
        #expect(parsed.toNames == to.compactMap(\.name))
        #expect(parsed.parts.last?.content == crlf(longHTML))
        #expect(parsed.defects.isEmpty)
    }

    @Test func longASCIISubjectIsFoldedAndReadBackWhole() throws {
        let subject = (1...30).map { "word\($0)" }.joined(separator: " ")
        let eml = EMLWriter.render(Self.message(subject: subject))
        #expect(eml.contains("Subject: word1 word2"))
        #expect(eml.contains("\r\n word"))
        #expect(try Self.parseWithPython(eml).subject == subject)
    }

    @Test func asciiThatLooksLikeAnEncodedWordStaysLiteral() throws {
        let subject = "Literal =?UTF-8?B?SGk=?= text"
        #expect(try Self.parseWithPython(EMLWriter.render(Self.message(subject: subject))).subject == subject)
    }

    @Test func namesWithSpecialsAreQuoted() throws {
        let to = [EmailAddress(name: "Martin, Claire", address: "claire@example.org"),
                  EmailAddress(name: "O\"Neil \\ Pat", address: "pat@example.org"),
                  EmailAddress(address: "noname@example.org")]
        let eml = EMLWriter.render(Self.message(to: to))
        #expect(eml.contains("To: \"Martin, Claire\" <claire@example.org>,"))
        let parsed = try Self.parseWithPython(eml)
        #expect(parsed.to == ["claire@example.org", "pat@example.org", "noname@example.org"])
        #expect(parsed.toNames == ["Martin, Claire", "O\"Neil \\ Pat", ""])
    }

    @Test func outputIsByteIdenticalAndEachMessageHasItsOwnBoundary() {
        let a = EMLWriter.render(Self.message())
        #expect(a == EMLWriter.render(Self.message()))
        var other = Self.message()
        other.messageID = "autre-message@example.org"
        #expect(EMLWriter.boundary(for: Self.message()) != EMLWriter.boundary(for: other))
        #expect(EMLWriter.render(other).contains("boundary=\"\(EMLWriter.boundary(for: other))\""))
        #expect(EMLWriter.boundary(for: Self.message()).hasPrefix("=_golive_"))
        // The same message with another body keeps its boundary: the body is quoted-printable, which
        // never holds "=_", so the boundary need not change with it.
        #expect(EMLWriter.boundary(for: Self.message(text: "Autre texte\n")) == EMLWriter.boundary(for: Self.message()))
    }

    @Test func bodyQuotingTheBoundaryCannotSplitThePart() throws {
        let boundary = EMLWriter.boundary(for: Self.message())
        let html = "<p>x</p>\n--\(boundary)\n--\(boundary)--\n<p>y</p>\n"
        let message = Self.message(html: html)
        let parsed = try Self.parseWithPython(EMLWriter.render(message))
        #expect(parsed.parts.count == 2)
        #expect(parsed.parts.last?.content == crlf(html))
    }

    @Test func draftFlagControlsXUnsent() {
        var message = Self.message()
        #expect(EMLWriter.render(message).contains("\r\nX-Unsent: 1\r\n"))
        message.draft = false
        #expect(!EMLWriter.render(message).contains("X-Unsent"))
    }

    @Test func messageIDIsKeptAndSanitized() {
        var message = Self.message()
        #expect(EMLWriter.render(message).contains("\r\nMessage-ID: <atlas-teaser-agents-paris@golive>\r\n"))
        message.messageID = "teaser agents\r\n<x>"
        #expect(EMLWriter.messageID(message) == "teaseragentsx@golive")
    }

    @Test(arguments: [
        ("Europe/Paris", 1_805_482_800.0, "Fri, 19 Mar 2027 20:00:00 +0100"),
        ("Europe/Paris", 1_814_032_800.0, "Sat, 26 Jun 2027 20:00:00 +0200"),
        ("America/New_York", 1_805_482_800.0, "Fri, 19 Mar 2027 15:00:00 -0400"),
        ("Asia/Kolkata", 1_805_482_800.0, "Sat, 20 Mar 2027 00:30:00 +0530"),
        ("UTC", 951_782_400.0, "Tue, 29 Feb 2000 00:00:00 +0000"),
        ("UTC", -86_400.5, "Tue, 30 Dec 1969 23:59:59 +0000"),
    ])
    func dateHeaderUsesZoneOffsetAndEnglishNames(zone: String, epoch: Double, expected: String) throws {
        let tz = try #require(TimeZone(identifier: zone))
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: epoch), in: tz) == expected)
    }
}
