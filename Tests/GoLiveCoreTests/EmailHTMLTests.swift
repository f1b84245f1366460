import Foundation
import Testing
@testable import GoLiveCore

struct EmailHTMLTests {
    /// What cmark emits for a typical guide extract (GFM table included).
    static let fragment = """
    <h1>Atlas</h1>
    <h2>Ce qui change</h2>
    <p>Voir <a href="https://intranet.example.org/atlas?a=1&amp;b=2">le guide</a>, <strong>avant</strong> le <em>19 mars</em>.</p>
    <ul>
    <li>Connexion avec <code>SSO</code></li>
    </ul>
    <ol start="3">
    <li>Étape</li>
    </ol>
    <blockquote>
    <p>Citation</p>
    </blockquote>
    <hr />
    <h3>Détails</h3>
    <h4>Plus</h4>
    <pre><code class="language-text">x &lt; y
    </code></pre>
    <table>
    <thead>
    <tr>
    <th align="left">Site</th>
    </tr>
    </thead>
    <tbody>
    <tr>
    <td>Paris</td>
    </tr>
    </tbody>
    </table>

    """

    static func document(preheader: String? = "Votre formation Atlas", banner: String? = "DRAFT — not approved") -> String {
        EmailHTML.document(fragment: fragment, title: "Atlas & vous", language: "fr",
                           preheader: preheader, banner: banner)
    }

    /// Python's html.parser lists every start tag and its attributes, plus the visible text.
    static let pythonTags = #"""
import sys, json
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.tags = []; self.stack = []; self.text = []
    def handle_starttag(self, tag, attrs):
        self.tags.append([tag, dict(attrs)])
    def handle_data(self, data):
        self.text.append(data)
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read()); p.close()
print(json.dumps({'tags': p.tags, 'text': ''.join(p.text)}))
"""#

    struct Parsed: Decodable {
        var tags: [[Tag]]
        var text: String
        enum Tag: Decodable {
            case name(String), attributes([String: String?])
            init(from decoder: Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let s = try? c.decode(String.self) { self = .name(s) } else { self = .attributes(try c.decode([String: String?].self)) }
            }
        }
        var elements: [(name: String, attributes: [String: String?])] {
            tags.compactMap { pair in
                guard pair.count == 2, case .name(let n) = pair[0], case .attributes(let a) = pair[1] else { return nil }
                return (n, a)
            }
        }
    }

    static func parse(_ html: String) throws -> Parsed {
        let file = try MailCSVPython.temporaryFile(html, suffix: ".html")
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try MailCSVPython.run(pythonTags, file: file)
        #expect(outcome.status == 0, "python3 (standard html.parser) is required: \(outcome.stderr)")
        return try JSONDecoder().decode(Parsed.self, from: Data(outcome.stdout.utf8))
    }

    @Test func everyContentElementCarriesInlineStyles() throws {
        let parsed = try Self.parse(Self.document())
        let styled: Set = ["p", "h1", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "code",
                           "blockquote", "hr", "table", "th", "td", "pre", "body"]
        let elements = parsed.elements
        for name in styled {
            let found = elements.filter { $0.name == name }
            #expect(!found.isEmpty, "fixture lacks <\(name)>")
            for element in found {
                let style = element.attributes["style"] ?? nil
                #expect(style?.isEmpty == false, "<\(name)> has no inline style")
            }
        }
        // Attributes cmark wrote are kept.
        #expect(elements.contains { $0.name == "a" && $0.attributes["href"] == "https://intranet.example.org/atlas?a=1&b=2" })
        #expect(elements.contains { $0.name == "ol" && $0.attributes["start"] == "3" })
        // <pre> gets its own style, not the <p> one.
        let pre = elements.first { $0.name == "pre" }?.attributes["style"] ?? nil
        #expect(pre?.contains("white-space:pre-wrap") == true)
    }

    @Test func layoutIsOutlookSafeAndSelfContained() throws {
        let html = Self.document()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        #expect(html.contains("<meta name=\"color-scheme\" content=\"light dark\">"))
        #expect(html.contains("<meta name=\"supported-color-schemes\" content=\"light dark\">"))
        let elements = try Self.parse(html).elements
        let layout = elements.filter { $0.name == "table" && $0.attributes["role"] == "presentation" }
        #expect(layout.count == 2)
        #expect(layout.contains { $0.attributes["width"] == "600" })
        for element in elements {
            #expect(element.name != "script" && element.name != "link" && element.name != "img" && element.name != "style")
            #expect(element.attributes["src"] == nil && element.attributes["onload"] == nil)
            #expect(element.attributes["class"] == nil || element.name == "code")
        }
        #expect(html.contains("font-family:'Segoe UI', -apple-system"))
    }

    /// A special character followed by a combining mark is one Character, but a browser reads the
    /// bytes: `"` + U+0301 still ends an attribute value. Each is escaped whatever follows it; the
    /// layout's `{{title}}` and every e-mail title and preheader go through this.
    @Test func specialCharactersAreEscapedEvenWithACombiningMark() {
        let escaped = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        for (special, entity) in escaped {
            for mark in ["\u{301}", "\u{20DD}", "\u{FE0F}"] {
                #expect(EmailHTML.escape("a" + special + mark + " onload=x") == "a" + entity + mark + " onload=x")
            }
        }
        let attack = "\"\u{301} onmouseover='alert(1)' x=\"\u{301}"
        let out = EmailHTML.escape(attack)
        #expect(!out.utf8.contains(UInt8(ascii: "\"")) && !out.utf8.contains(UInt8(ascii: "'")))
        #expect(EmailHTML.escape("é \u{301} plain") == "é \u{301} plain")
    }

    @Test func bannerAndPreheaderAreEscapedAndOptional() throws {
        let html = EmailHTML.document(fragment: "<p>x</p>", title: "<script>alert(1)</script>", language: "fr\" onload=\"x",
                                      preheader: "Bientôt <b>", banner: "DRAFT — \"not\" approved <i>")
        #expect(!html.contains("<script>"))
        #expect(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        #expect(html.contains("<html lang=\"fronloadx\">"))
        let parsed = try Self.parse(html)
        #expect(parsed.text.contains("DRAFT — \"not\" approved <i>"))
        // The invisible filler after the preheader (U+034F, ZWNJ, NBSP) would join the last character.
        let visible = String(String.UnicodeScalarView(parsed.text.unicodeScalars.filter { ![0x34F, 0x200C, 0xA0].contains($0.value) }))
        #expect(visible.contains("Bientôt <b>"))
        #expect(!parsed.elements.contains { $0.name == "b" || $0.name == "i" })
        let hidden = parsed.elements.first { $0.name == "div" }?.attributes["style"] ?? nil
        #expect(hidden?.contains("display:none") == true)

        let bare = Self.document(preheader: nil, banner: nil)
        #expect(!bare.contains("DRAFT"))
        #expect(!bare.contains("display:none"))
    }

    @Test func outputIsDeterministic() {
        #expect(Self.document() == Self.document())
    }
}
