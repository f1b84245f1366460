import Foundation
import Testing
@testable import GoLiveCore

/// Seeded pseudo-random inputs built from the characters that break CSV and
/// mail headers, checking the properties users rely on.
struct MailCSVPropertyTests {
    struct Generator {
        var state: UInt64
        static let alphabet: [String] = ["a", "Z", "é", "«", "—", "🧑‍💻", " ", ",", ";", "\"", "'", "=", "+", "-", "@",
                                          "\r", "\n", "\r\n", "\t", "\u{0}", "\u{85}", "<", ">", "=?", "?=", "1"]
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func string(maxLength: Int) -> String {
            (0..<next(maxLength + 1)).map { _ in Self.alphabet[next(Self.alphabet.count)] }.joined()
        }
    }

    @Test func writtenCSVReadsBackToTheSameCells() throws {
        var g = Generator(state: 42)
        for _ in 0..<300 {
            let width = 1 + g.next(4)
            let header = (0..<width).map { "col\($0)" }
            let rows = (0..<g.next(5)).map { _ in (0..<width).map { _ in g.string(maxLength: 8) } }
            let table = try CSVReader.parse(CSVWriter.render(header: header, rows: rows))
            let expected = rows.map { $0.map(CSVWriter.defuseFormula) }
                .filter { row in row.contains { !$0.isEmpty } || row.count == 1 }
            #expect(table.rows.map { $0.map(\.value) } == expected)
        }
    }

    @Test func emlHeadersStayWellFormedWhateverTheInput() {
        var g = Generator(state: 7)
        for _ in 0..<300 {
            let message = EmailMessage(
                from: EmailAddress(name: g.string(maxLength: 30), address: "x@example.org"),
                to: (0..<g.next(4)).map { _ in EmailAddress(name: g.string(maxLength: 40), address: "a\(g.next(99))@example.org") },
                subject: g.string(maxLength: 120), date: Date(timeIntervalSince1970: Double(g.next(2_000_000_000))),
                timeZone: TimeZone(secondsFromGMT: 3600 * (g.next(27) - 12)) ?? .gmt, messageID: g.string(maxLength: 20),
                textBody: g.string(maxLength: 200), htmlBody: g.string(maxLength: 200))
            let eml = EMLWriter.render(message)
            let lines = eml.components(separatedBy: "\r\n")
            let headerEnd = lines.firstIndex(of: "") ?? lines.count
            let names = lines[..<headerEnd].filter { !$0.hasPrefix(" ") }.compactMap { $0.split(separator: ":").first }
            #expect(names == ["From", "To", "Subject", "Date", "Message-ID", "X-Unsent", "MIME-Version", "Content-Type"]
                .filter { $0 != "To" || !message.to.isEmpty })
            #expect(lines[..<headerEnd].allSatisfy { $0.count <= 78 })
            #expect(lines[headerEnd...].allSatisfy { $0.count <= 76 })
            #expect(!eml.replacingOccurrences(of: "\r\n", with: "").contains { $0 == "\r" || $0 == "\n" })
        }
    }
}
