import Foundation
import Testing
@testable import GoLiveCore

/// The byte-level fast paths of the render stage must give exactly what their `Character`-level
/// references give, including where grapheme clusters span the bytes they look at.
@Suite struct ByteFastPathEquivalenceTests {
    static let html = [
        "<h1>Orion</h1>\n<p>Été <strong>gras</strong> <em>x</em> <a href=\"https://e.org\">lien</a></p>\n",
        "<ul>\n<li>un</li>\n<li>deux</li>\n</ul>\n<hr />\n<table><tr><th>a</th><td>b</td></tr></table>",
        "<P>upper</P><br/><BLOCKQUOTE>\n<p>q</p>\n</BLOCKQUOTE><pre><code>x < y</code></pre>",
        "text < not a tag & <!-- comment --> <p", "<", "no tags at all", "",
        // Clusters across the bytes the styler decides on: a combining mark after the name, after
        // the terminator and after `<`, a prepended mark before `<`, emoji and a joiner.
        "<p\u{301}>a</p>", "<p>\u{301}a</p>", "<\u{301}p>a</p>", "\u{600}<p>a</p>", "<p>👩\u{200D}💻</p>",
        "<p>l’<strong>équipe</strong>—</p>", "<p>\r\n</p>", "<li\r\n>",
        // Names near the styled ones: same length, other case, one letter off, a prefix, unstyled.
        "<blockquotx>a</blockquotx><tablE >b<A href=\"#\">c</A><li/><h5>d</h5><stronger>e<str>f<P2>g<td\ny>",
    ]

    /// A diagnostic's message is one line: the byte check that spares most messages the split must say
    /// "no line break" exactly when no Character is a newline.
    @Test func lineBreakCheckMatchesCharacterNewlines() {
        let messages = ["plain", "", "a\nb", "a\r\nb", "a\rb", "a\u{0B}b", "a\u{0C}b", "a\u{85}b", "a\u{2028}b", "a\u{2029}b",
                        "été à l’équipe", "Å ok", "… ok", "\u{2027} ok", "\u{2026}\u{2029}", "\n\u{301}", "x\u{C2}", "fin\n",
                        "Réunion — « Orion » 🎉", "\u{E2}\u{80}"]
        for message in messages {
            #expect(Diagnostic.mayBreakLines(message) == message.contains(where: \.isNewline), "\(message.debugDescription)")
            let reference = message.contains(where: \.isNewline)
                ? message.split(whereSeparator: \.isNewline).joined(separator: " ") : message
            #expect(Diagnostic(.warning, .file("f"), message).message == reference)
        }
    }

    /// RFC 5545 TEXT escaping, scalar by scalar, as it was written first.
    static func icsEscapeByScalars(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case ";": out.append(contentsOf: "\\;".unicodeScalars)
            case ",": out.append(contentsOf: "\\,".unicodeScalars)
            case "\r": out.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !previousWasCR { out.append(contentsOf: "\\n".unicodeScalars) }
            case "\t": out.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    @Test func calendarTextEscapingMatchesItsScalarReference() {
        let texts = ["Salle 3, site Lyon; étage 2", "a\\b", "l1\r\nl2\rl3\nl4\n\r", "tab\there", "bell\u{07}del\u{7F}",
                     "c1\u{85}\u{9F}x", "é,\u{301};", "🎉, ok", "", "plain", "\r", "\n", ",;\\", "x\u{0}y", "\u{2028}"]
        for text in texts {
            #expect(ICSText.escape(text) == Self.icsEscapeByScalars(text), "\(text.debugDescription)")
        }
    }

    @Test func headerWordsAreTheCharacterSplit() {
        let texts = ["ATLAS — Votre formation à l'outil « Atlas »", "  lead  and   trail ", "", " ", "one", "é é", "a \u{301}b",
                     "\u{600} x", "x \u{600}", "🎉 ok 👩\u{200D}💻 fin", "a\u{A0}b c", "ends with é ", " é", "\u{301} a"]
        for text in texts {
            #expect(EmailHeader.words(text) == text.split(separator: " ").map(String.init), "\(text.debugDescription)")
        }
    }

    @Test func emailStylerMatchesItsCharacterReference() {
        for fragment in Self.html {
            #expect(EmailHTMLStyler.rewrite(fragment) == EmailHTMLStyler.rewriteByCharacters(fragment), "\(fragment)")
        }
    }

    @Test func entityDecodingMatchesItsCharacterReference() {
        let texts = [
            "a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", "&amp;lt; stays &lt;", "R&D & co &nbsp;", "trailing &",
            "&lt;\u{301} joined", "\u{600}&lt; prepended", "é&lt;é", "&#39", "&&lt;;", "&", "", "plain",
        ]
        for text in texts {
            #expect(EmailPlainText.decodingEntities(text) == EmailPlainText.decodingEntitiesByCharacters(text), "\(text)")
        }
    }

    @Test func asciiSlugMatchesTheFoldingSlug() {
        for id in ["aud-1", "Lot 1 / Paris", "--x--", "A_B.C", "wave-10", "ORION", "  ", "", "a--b", "9to5!"] {
            #expect(ICSWriter.asciiSlug(id) == ICSWriter.foldedSlug(id), "\(id)")
        }
    }

    @Test func foldedBytesAreTheFoldedLinesWithCRLF() {
        let lines = ["SUMMARY:court", String(repeating: "é", count: 37) + "xy",
                     "DESCRIPTION:" + String(repeating: "Réunion d’équipe 🎉 ", count: 9), ""]
        for line in lines {
            var bytes: [UInt8] = []
            ICSText.appendFolded(line, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == ICSText.fold(line).map { $0 + "\r\n" }.joined())
        }
    }

    @Test func linkSchemeCheckMatchesUnicodeLowercasing() {
        func reference(_ url: String) -> Bool {
            let kept = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
            return !Cmark.unsafeSchemes.contains { kept.hasPrefix($0) }
        }
        let urls = ["https://e.org", "JavaScript:alert(1)", " java\tscript:x", "jav\u{0}ascript:", "DATA:text/html",
                    "file:///etc", "vbscript:", "javascrİpt:x", "javascript", "ja vas cript :", "", "dat\u{212A}:",
                    "mailto:a@b.c", "\u{1}\u{2}file:", "fİle:x"]
        for url in urls { #expect(Cmark.isSafeURL(url) == reference(url), "\(url)") }
    }

    @Test func quotedPrintableKeepsItsRules() {
        let body = "From here\r\n.dot\nA=B trailing \n\ttab\t\rÉté " + String(repeating: "x", count: 80) + "\n"
        let encoded = QuotedPrintable.encode(body)
        #expect(encoded.hasPrefix("=46rom here\r\n=2Edot\r\nA=3DB trailing=20\r\n\ttab=09\r\n=C3=89t=C3=A9 "))
        #expect(encoded.split(separator: "\r\n").allSatisfy { $0.utf8.count <= QuotedPrintable.maxLine })
        #expect(encoded.hasSuffix("x\r\n"))
    }

    /// The layout's HTML escaping replaces these five characters wherever they are, a combining
    /// mark after them or not (a browser reads `"` + U+0301 as the end of an attribute value).
    @Test func layoutEscapingIsMustachesHTMLEscaping() throws {
        let library = try TemplateLibrary(builtIn: ["t.html": "{{x}}|{{{x}}}"])
        let cases = [("Orion", "Orion"), ("R&D <b> \"q\" 'a'", "R&amp;D &lt;b&gt; &quot;q&quot; &#39;a&#39;"),
                     ("&\u{301}amp <", "&amp;\u{301}amp &lt;"), ("é'é", "é&#39;é"), ("", "")]
        for (value, escaped) in cases {
            var d = Diagnostics()
            #expect(library.render("t", language: .fr, context: ["x": value], &d) == escaped + "|" + value)
        }
    }

    @Test func mimeBoundaryHashIsTheHashOfTheJoinedParts() {
        let parts = ["Objet", "Texte é", "<p>html</p>"]
        let joined = parts.map { Array($0.utf8) }.joined(separator: [0xFF])
        let digits = String(EmailFNV1a.hash64(joined), radix: 16)
        #expect(EmailFNV1a.hex64(parts) == String(repeating: "0", count: 16 - digits.count) + digits)
    }
}

/// Guide versions compared on bytes (`GuideVersionNumber.plainNumbers`) order as the split-and-parse
/// reading they replace, for plain versions and for everything that reading also takes.
@Suite("Guide version order")
struct GuideVersionOrderTests {
    static func reference(_ a: String, _ b: String) -> ComparisonResult {
        let x = a.split(separator: ".").map { Int($0) ?? 0 }
        let y = b.split(separator: ".").map { Int($0) ?? 0 }
        for i in 0..<max(x.count, y.count) {
            let l = i < x.count ? x[i] : 0
            let r = i < y.count ? y[i] : 0
            if l != r { return l < r ? .orderedAscending : .orderedDescending }
        }
        return .orderedSame
    }

    @Test func versionsOrderAsBefore() {
        let versions = ["1.0", "1", "1.1", "1.9", "1.10", "2", "2.0.1", "01.2", "1..2", ".1", "1.", "", ".",
                        "10.0", "9.99", "0", "0.0.0", " 1", "+1", "-1", "1a", "1.x", "é", "1.٣",
                        "999999999999999999", "9999999999999999999", "99999999999999999999.1", "123456789012345678.2"]
        for a in versions {
            for b in versions {
                #expect(GuideVersionNumber.compare(a, b) == Self.reference(a, b), "\(a) vs \(b)")
            }
        }
        #expect(GuideVersionNumber.plainNumbers("1.10") == [1, 10])
        #expect(GuideVersionNumber.plainNumbers("+1") == nil)
        #expect(GuideVersionNumber.plainNumbers("9999999999999999999") == nil)
    }
}
