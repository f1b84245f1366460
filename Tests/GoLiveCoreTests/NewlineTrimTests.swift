import Foundation
import Testing
@testable import GoLiveCore

/// A guide's sections and the Markdown's HTML blocks are trimmed of the line breaks around them: the
/// trim must leave what Foundation's `trimmingCharacters(in: .newlines)` left, or guide digests (and
/// so guide versions) would move.
@Suite("Trimming line breaks")
struct NewlineTrimTests {
    @Test func itTrimsWhatFoundationTrims() {
        let texts = [
            "", "\n", "\n\r\n\u{85}\u{2028}\u{2029}\u{0B}\u{0C}", "text", "\n\ntext\n\n", "\r\nligne\r\n",
            " \tkept spaces\t \n", "\n\u{301}accent combinant\n", "é\u{2028}", "\u{2029}para", "a\n\nb",
            "\u{A0}no-break space\u{A0}\n", "\n\n## Section\n\nCorps avec « guillemets ».\n\n\n", "😀\n",
        ]
        for text in texts {
            #expect(text.trimmingNewlines == text.trimmingCharacters(in: .newlines), "\(text.debugDescription)")
            let inner = Substring("x" + text + "x").dropFirst().dropLast()
            #expect(inner.trimmingNewlines == inner.trimmingCharacters(in: .newlines), "\(text.debugDescription) as a Substring")
        }
    }
}
