import Foundation
import Testing
@testable import GoLiveCore

struct CSVWriterTests {
    static let header = ["date", "audience", "channel", "subject"]
    static let rows = [
        ["2027-02-17", "agents-paris", "email", "ATLAS — Votre formation à l'outil « Atlas »"],
        ["2027-03-01", "managers, Lyon", "teams", "Il a dit \"bientôt\""],
        ["2027-03-02", " indent", "", "deux\nlignes"],
        ["2027-03-03", "x", "print", "crlf\r\ndans la cellule"],
    ]

    @Test func writesCRLFQuotedCellsAndABOM() {
        let csv = CSVWriter.render(header: ["a", "b"], rows: [["1,5", "x"], [" y", "q\"r"], ["", ""]])
        #expect(csv == "\u{FEFF}a,b\r\n\"1,5\",x\r\n\" y\",\"q\"\"r\"\r\n,\r\n")
        #expect(CSVWriter.render(header: ["a"], rows: [], bom: false) == "a\r\n")
    }

    @Test func loneEmptyCellIsWrittenQuotedSoItIsNotABlankLine() throws {
        let csv = CSVWriter.render(header: ["only"], rows: [[""], ["x"]])
        #expect(csv == "\u{FEFF}only\r\n\"\"\r\nx\r\n")
        #expect(try CSVReader.parse(csv).rows.map { $0.map(\.value) } == [[""], ["x"]])
    }

    @Test(arguments: [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1", "'\t=1"),
        ("+33 1 23 45 67 89", "'+33 1 23 45 67 89"),
        ("-12", "-12"),
        ("-0,75", "-0,75"),
        ("+3.5", "+3.5"),
        ("-", "-"),
        ("a=b", "a=b"),
        ("2027-03-19", "2027-03-19"),
    ])
    func defusesSpreadsheetFormulas(input: String, expected: String) {
        #expect(CSVWriter.defuseFormula(input) == expected)
    }

    @Test func defusedCellIsStillQuotedWhenNeeded() {
        #expect(CSVWriter.cell("=1,2") == "\"'=1,2\"")
        #expect(CSVWriter.cell("\rX") == "\"'\rX\"")
    }

    @Test func roundTripsThroughTheReader() throws {
        let table = try CSVReader.parse(CSVWriter.render(header: Self.header, rows: Self.rows))
        #expect(table.delimiter == ",")
        #expect(table.columnNames == Self.header)
        #expect(table.rows.map { $0.map(\.value) } == Self.rows)
    }

    /// The real consumer check: Python's csv module reads the file (utf-8-sig strips the BOM).
    @Test func pythonCSVReadsTheSameCells() throws {
        // Cells whose comma, quote or space shares a Character with a mark: a reader sees their bytes.
        let marks = [["a,\u{301}b", "x\"\u{301}y", "\u{600} ", " \u{301}z"]]
        let rows = Self.rows + [["=HYPERLINK(\"http://x\")", "-5", "@me", "ok"]] + marks
        let file = try MailCSVPython.temporaryFile(CSVWriter.render(header: Self.header, rows: rows), suffix: ".csv")
        defer { try? FileManager.default.removeItem(at: file) }
        let script = #"""
import sys, csv, json
with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
    print(json.dumps(list(csv.reader(f))))
"""#
        let outcome = try MailCSVPython.run(script, file: file)
        #expect(outcome.status == 0, "python3 (standard csv module) is required: \(outcome.stderr)")
        let cells = try JSONDecoder().decode([[String]].self, from: Data(outcome.stdout.utf8))
        let expected = [Self.header] + Self.rows + [["'=HYPERLINK(\"http://x\")", "-5", "'@me", "ok"]] + marks
        #expect(cells == expected)
    }

    /// The example in docs/csv.md.
    @Test func documentedOutputExample() {
        let csv = CSVWriter.render(header: Self.header, rows: Array(Self.rows.prefix(2)), bom: false)
        #expect(csv == "date,audience,channel,subject\r\n"
            + "2027-02-17,agents-paris,email,ATLAS — Votre formation à l'outil « Atlas »\r\n"
            + "2027-03-01,\"managers, Lyon\",teams,\"Il a dit \"\"bientôt\"\"\"\r\n")
    }
}
