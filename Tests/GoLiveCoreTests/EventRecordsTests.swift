import Foundation
import Testing
@testable import GoLiveCore

/// Calendar SEQUENCE numbers continue from the event digests of the last build: reading the
/// `.ics` files on bytes must give exactly the records the Character-level reading gave, or every
/// event would read as changed once.
@Suite("Event records")
struct EventRecordsTests {
    /// The reading the build used before: the whole text split at CR LF Characters.
    static func reference(_ outputs: [OutputFile]) -> [String: Manifest.EventRecord] {
        var digests: [String: [String]] = [:]
        var records: [String: Manifest.EventRecord] = [:]
        for file in outputs where file.path.hasSuffix(".ics") {
            var event: Manifest.EventLines?
            for line in String(decoding: file.data, as: UTF8.self).split(separator: "\r\n") {
                if line == "BEGIN:VEVENT" { event = Manifest.EventLines(); continue }
                guard let current = event else { continue }
                if line == "END:VEVENT" {
                    if let uid = current.uid {
                        digests[uid, default: []].append(current.digest)
                        let known = records[uid]
                        records[uid] = .init(digest: "", sequence: max(current.sequence, known?.sequence ?? 0),
                                             stamp: known?.stamp ?? current.stamp)
                    }
                    event = nil
                    continue
                }
                event?.add(line)
            }
        }
        for (uid, list) in digests { records[uid]?.digest = Manifest.combined(list) }
        return records
    }

    @Test func theExampleCalendarsReadAsBefore() throws {
        let outputs = try TrainingOutputFixture.build(TrainingOutputFixture.files()).outputs.values.filter { $0.path.hasSuffix(".ics") }
        #expect(outputs.count > 5)
        let records = Manifest.eventRecords(in: Array(outputs))
        #expect(records.count > 20)
        #expect(records == Self.reference(Array(outputs)))
    }

    /// Each line the byte reading must leave to the Character reading, inside an event, after a kept
    /// line and after the UID line (whose folds extend the UID too).
    @Test func linesBeyondASCIIReadAsBefore() {
        let lines = [" \u{301}suite", "\t\u{E9}t\u{E9}", " \u{E9}t\u{E9}", "SEQUENCE\u{301}:4", "SEQUENCE:\u{664}", "DTSTAMP\u{301}:x",
                     "UID:\u{E9}v\u{E9}nement", "UID\u{301}:c", "\u{85}", "\u{A0}", "\u{0B}\u{0C} ", "SUMMARY:a\nb",
                     "BEGIN:VEVENT\u{301}", "END:VEVENT\u{301}", "LOCATION:Salle \u{C9}toile\r", "SEQUENCE:7", "DTSTAMP:x:y", " @z",
                     "UID:\u{301}c", "S\u{301}EQUENCE:2", "\u{212A}:x", "1\u{E9}", "X-\u{E9}:1", "UID:u\u{E9}"]
        for line in lines {
            for before in ["UID:u@x", "UID:u@x\r\nSUMMARY:s"] {
                let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n\(before)\r\n\(line)\r\nDESCRIPTION:d\r\nEND:VEVENT\r\n"
                let file = [OutputFile(path: "c.ics", text: text)]
                #expect(Manifest.eventRecords(in: file) == Self.reference(file), "\(line.debugDescription) after \(before)")
            }
        }
    }

    @Test func awkwardTextReadsAsBefore() {
        var random = SystemRandomNumberGenerator()
        let pieces = ["BEGIN:VEVENT", "END:VEVENT", "UID:a@x", "UID:b", " @golive", "SUMMARY:Café", " e\u{301}t\u{E9}",
                      "SEQUENCE:3", "DTSTAMP:20270301T090000Z", "DTSTAMP:", "DESCRIPTION:ligne\\nsuivante", "\t", " ", "",
                      "\r", "\n", "X:\u{1F600}", "\u{301}X:y", "\u{FF}",
                      // Lines the byte reading must hand to the Character reading: a fold whose first
                      // Character is a space with a combining mark, non-ASCII after a keyword, Unicode
                      // and ASCII-only whitespace, a lone LF or CR inside a line.
                      " \u{301}suite", "\t\u{E9}t\u{E9}", "SEQUENCE\u{301}:4", "SEQUENCE:\u{664}", "DTSTAMP\u{301}:x",
                      "UID:\u{E9}v\u{E9}nement", "UID\u{301}:c", "\u{85}", "\u{A0}", "\u{0B}\u{0C} ", "SUMMARY:a\nb",
                      "BEGIN:VEVENT\u{301}", "END:VEVENT ", "LOCATION:Salle \u{C9}toile\r"]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 0...25, using: &random) {
                text += pieces.randomElement(using: &random)! + (Bool.random(using: &random) ? "\r\n" : "")
            }
            let file = [OutputFile(path: "c.ics", text: text)]
            #expect(Manifest.eventRecords(in: file) == Self.reference(file), "\(text.debugDescription)")
        }
    }
}
