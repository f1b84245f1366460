import Foundation
import Testing
@testable import GoLiveCore

struct CSVReaderTests {
    static let feedbackHeader = ["id", "date", "audience", "guide", "section", "kind", "text", "answer", "status"]

    func values(_ table: CSVTable) -> [[String]] { table.rows.map { $0.map(\.value) } }

    @Test func commaDialectWithLF() throws {
        let text = "id,date,audience,guide,section,kind,text,answer,status\n"
            + "fb-1,2027-03-22,agents-paris,user-guide,Connexion,question,Mot de passe ?,Voir SSO,resolved\n"
        let table = try CSVReader.parse(text)
        #expect(table.delimiter == ",")
        #expect(table.columnNames == Self.feedbackHeader)
        #expect(values(table) == [["fb-1", "2027-03-22", "agents-paris", "user-guide", "Connexion", "question",
                                   "Mot de passe ?", "Voir SSO", "resolved"]])
        #expect(table.rows[0][1] == CSVField(value: "2027-03-22", line: 2, column: 6))
    }

    @Test func semicolonDialectWithBOMAndCRLF() throws {
        let text = "\u{FEFF}id;text;status\r\n1;Écran « Dossiers » lent, très lent;open\r\n"
        let table = try CSVReader.parse(text)
        #expect(table.delimiter == ";")
        #expect(table.header == [CSVField(value: "id", line: 1, column: 1),
                                 CSVField(value: "text", line: 1, column: 4),
                                 CSVField(value: "status", line: 1, column: 9)])
        #expect(values(table) == [["1", "Écran « Dossiers » lent, très lent", "open"]])
        #expect(table.rows[0][2].column == 38)
    }

    @Test func delimiterIsTheMoreFrequentOneOutsideQuotes() throws {
        #expect(try CSVReader.parse("\"a,b,c\";d;e\n1;2;3\n").delimiter == ";")
        #expect(try CSVReader.parse("a;b,c,d\n1;2,3,4\n").delimiter == ",")
        #expect(try CSVReader.parse("single\nvalue\n").delimiter == ",")
        #expect(try CSVReader.parse("\n\nid;text\n1;x\n").delimiter == ";")
    }

    @Test func quotedNewlinesKeepLaterPositionsRight() throws {
        let text = "id,text,status\n1,\"line one\nline two\",open\n2,x,resolved\n"
        let table = try CSVReader.parse(text)
        #expect(table.rows[0] == [CSVField(value: "1", line: 2, column: 1),
                                  CSVField(value: "line one\nline two", line: 2, column: 3),
                                  CSVField(value: "open", line: 3, column: 11)])
        #expect(table.rows[1][0] == CSVField(value: "2", line: 4, column: 1))
    }

    @Test func quotedCRLFIsKeptAndCountsAsOneLine() throws {
        let table = try CSVReader.parse("a,b\r\n\"x\r\ny\",z\r\nq,r\r\n")
        #expect(values(table) == [["x\r\ny", "z"], ["q", "r"]])
        #expect(table.rows[0][1] == CSVField(value: "z", line: 3, column: 4))
        #expect(table.rows[1][0].line == 4)
    }

    @Test func doubledQuotesAndEmptyQuotedFields() throws {
        let table = try CSVReader.parse("a,b,c\n\"He said \"\"hi\"\"\",\"\",\"a,b\"\n")
        #expect(values(table) == [["He said \"hi\"", "", "a,b"]])
    }

    @Test func loneCRLineEnds() throws {
        let table = try CSVReader.parse("a,b\r1,2\r3,4")
        #expect(values(table) == [["1", "2"], ["3", "4"]])
        #expect(table.rows[1][1] == CSVField(value: "4", line: 3, column: 3))
    }

    @Test func blankLinesAndTrailingEmptyLineAreSkipped() throws {
        let table = try CSVReader.parse("a,b\n\n1,2\r\n\r\n,\n3,4\n\n")
        #expect(values(table) == [["1", "2"], ["3", "4"]])
        #expect(table.rows[1][0].line == 6)
    }

    @Test func emptyInputGivesAnEmptyTable() throws {
        let table = try CSVReader.parse("")
        #expect(table.header.isEmpty && table.rows.isEmpty)
        #expect(try CSVReader.parse("\u{FEFF}").header.isEmpty)
    }

    @Test func unterminatedQuoteIsReportedAtTheOpeningQuote() {
        #expect(throws: CSVError(line: 3, column: 3, message: "unterminated quoted field")) {
            try CSVReader.parse("a,b\n1,2\n3,\"never closed\n4,5\n")
        }
    }

    @Test func quoteInsideUnquotedFieldIsReportedAtTheQuote() {
        #expect(throws: CSVError(line: 2, column: 7, message: "quote inside an unquoted field (quote the whole field and double the quote)")) {
            try CSVReader.parse("\u{FEFF}a,b\n1,2 po\"uces\n")
        }
    }

    @Test func textAfterClosingQuoteIsReportedWhereItStarts() {
        #expect(throws: CSVError(line: 3, column: 3, message: "unexpected text after the closing quote")) {
            try CSVReader.parse("a,b,c\n1,\"x\ny\"z,2\n")
        }
    }

    @Test func rowWidthMismatchIsReported() {
        #expect(throws: CSVError(line: 2, column: 1, message: "row has 2 fields, header has 3")) {
            try CSVReader.parse("a,b,c\n1,2\n")
        }
        #expect(throws: CSVError(line: 2, column: 7, message: "row has 4 fields, header has 3")) {
            try CSVReader.parse("a,b,c\n1,2,3,4\n")
        }
    }

    @Test func reportingAllKeepsGoodRowsAndListsEveryProblem() {
        let text = "id;text\n1;ok\n2;bad\"quote\n3;x;extra\n4;\"fine\"\n5;\"open"
        let result = CSVReader.parseReportingAll(text)
        #expect(result.errors.map { [$0.line, $0.column] } == [[3, 6], [4, 5], [6, 3]])
        #expect(result.errors[1].message == "row has 3 fields, header has 2")
        #expect(values(result.table) == [["1", "ok"], ["4", "fine"]])
    }

    /// A real producer: Python's csv module writing the semicolon dialect French Excel uses.
    @Test func readsWhatPythonCSVWrites() throws {
        let script = #"""
import sys, csv
with open(sys.argv[1], 'w', encoding='utf-8-sig', newline='') as f:
    w = csv.writer(f, delimiter=';')
    w.writerow(['id', 'text', 'answer'])
    w.writerow(['fb-1', 'Ligne 1\nLigne "2"; fin', ''])
    w.writerow(['fb-2', ' espace', 'réponse'])
"""#
        let file = try MailCSVPython.temporaryFile("", suffix: ".csv")
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try MailCSVPython.run(script, file: file)
        #expect(outcome.status == 0, "python3 (standard csv module) is required: \(outcome.stderr)")
        let table = try CSVReader.parse(String(decoding: try Data(contentsOf: file), as: UTF8.self))
        #expect(table.delimiter == ";")
        #expect(table.columnNames == ["id", "text", "answer"])
        #expect(values(table) == [["fb-1", "Ligne 1\nLigne \"2\"; fin", ""], ["fb-2", " espace", "réponse"]])
    }

    /// The example in docs/csv.md.
    @Test func documentedFeedbackExampleParses() throws {
        let text = """
        id,date,audience,guide,section,kind,text,answer,status
        fb-001,2027-03-22,agents-paris,user-guide,Log in,question,"How do I reset my password?","Use the ""Forgot password"" link.",resolved
        fb-002,2027-03-22,all,user-guide,Bulk reassignment,issue,"The screen freezes
        when I select more than 50 files",,open

        """
        let table = try CSVReader.parse(text)
        #expect(table.columnNames == Self.feedbackHeader)
        #expect(table.rows.count == 2)
        #expect(table.rows[0][7].value == "Use the \"Forgot password\" link.")
        #expect(table.rows[1][6].value == "The screen freezes\nwhen I select more than 50 files")
        #expect(table.rows[1][8] == CSVField(value: "open", line: 4, column: 36))
    }
}
