import Foundation
import Testing
@testable import GoLiveCore

@Suite struct ICSTextTests {
    @Test func escapesBackslashSemicolonCommaAndNewlines() {
        #expect(ICSText.escape(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(ICSText.escape("one\ntwo\r\nthree\rfour") == #"one\ntwo\nthree\nfour"#)
        // Colons and quotes are legal in TEXT and must stay readable.
        #expect(ICSText.escape("Salle: \"Verte\"") == "Salle: \"Verte\"")
    }

    @Test func dropsControlCharactersThatTextCannotHold() {
        #expect(ICSText.escape("a\u{0}b\u{7}c\u{7F}d\te") == "abcd\te")
    }

    @Test func foldsAccentedTextAtSeventyFiveOctetsWithoutSplittingCharacters() {
        let text = "DESCRIPTION:" + String(repeating: "Réunion d’équipe à Besançon — «ça démarre» ", count: 6) + "🎉 fin"
        let lines = ICSText.fold(text)
        #expect(lines.count > 3)
        for line in lines {
            #expect(line.utf8.count <= 75, "line of \(line.utf8.count) octets: \(line)")
        }
        // Every line except the last is full to within one multi-byte character.
        for line in lines.dropLast() {
            #expect(line.utf8.count > 71)
        }
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        let unfolded = lines.first! + lines.dropFirst().map { String($0.dropFirst()) }.joined()
        #expect(unfolded == text)
    }

    @Test func shortLinesAreNotFolded() {
        let line = String(repeating: "é", count: 37) + "x"   // 75 octets exactly
        #expect(ICSText.fold(line) == [line])
        #expect(ICSText.fold(line + "y").count == 2)
    }

    @Test func quotesParameterValuesWithSeparators() {
        #expect(ICSText.parameterValue("Europe/Paris") == "Europe/Paris")
        #expect(ICSText.parameterValue("Odd;Zone\"") == "\"Odd;Zone\"")
    }
}
