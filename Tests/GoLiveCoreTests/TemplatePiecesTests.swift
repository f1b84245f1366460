import Foundation
import Mustache
import Testing
@testable import GoLiveCore

/// Templates longer than a few hundred bytes are compiled in pieces (`TemplateLibrary.pieces(of:)`),
/// each rendered as a partial: the pages must be the bytes the whole template renders, whitespace
/// included (standalone tags, sections, indentation when the template is itself an indented partial),
/// and a syntax error must be reported where it is in the file.
@Suite("Templates compiled in pieces")
struct TemplatePiecesTests {
    /// Lines that exercise what the parser decides per line: standalone section and comment tags, a
    /// section over several lines, inverted sections, triple mustaches, a partial, text with braces.
    static let block = """
    ## {{title}} — « {{subtitle}} »
    {{! a comment on a line of its own }}
    {{#items}}
    - **{{name}}**: {{{raw}}} {{#flag}}(oui){{/flag}}
      {{^flag}}
      non, {{name}}
      {{/flag}}
    {{/items}}
    {{^empty}}
    Rien à signaler {{missing}}.
    {{/empty}}
      {{> part}}
    Fin de bloc { pas une balise } {{count}}*2

    """

    static var context: [String: Any] { [
        "title": "Passage à *Atlas*", "subtitle": "<b>& co</b>", "count": 3, "empty": [Any](),
        "items": [["name": "Lyon_1", "raw": "<i>x</i>", "flag": true], ["name": "Paris [2]", "raw": "`y`", "flag": false]],
    ] }

    func render(_ compiled: TemplateLibrary.CompiledTemplate, as name: String, from top: String?) throws -> String {
        var library = MustacheLibrary()
        compiled.register(in: &library, named: name)
        library.register(try MustacheTemplate(string: "{{% CONTENT_TYPE: \(MarkdownContentType.name)}}part {{title}}\nsecond line\n"), named: "part")
        if let top { library.register(try MustacheTemplate(string: top), named: "top") }
        return library.render(Self.context, withTemplate: top == nil ? name : "top") ?? "(nothing)"
    }

    @Test(arguments: [1, 3, 7, 12])
    func aTemplateInPiecesRendersWhatTheWholeRenders(blocks: Int) throws {
        _ = try TemplateLibrary(project: [:])   // registers the content types
        let text = "{{#items}}{{name}}{{/items}} starts on the first line\n" + String(repeating: Self.block, count: blocks) + "no newline at the end {{title}}"
        let pieces = try #require(TemplateLibrary.pieces(of: text) ?? (blocks == 1 ? [text] : nil), "\(blocks) blocks are cut")
        #expect(pieces.joined() == text)
        let inPieces = try TemplateLibrary.compile(text, path: "custom/doc.md")
        #expect(inPieces.pieces.count == (pieces.count > 1 ? pieces.count : 0))
        let pragma = "{{% CONTENT_TYPE: \(MarkdownContentType.name)}}"
        let whole = TemplateLibrary.CompiledTemplate(template: try TemplateLibrary.whole(text, pragma: pragma, path: "custom/doc.md"), pieces: [])
        for top in [nil, "Intro\n    {{> doc}}\nOutro\n", "{{#items}}\n  {{> doc}}\n{{/items}}\n"] {
            let expected = try render(whole, as: "doc", from: top)
            #expect(try render(inPieces, as: "doc", from: top) == expected, "\(blocks) blocks, from \(top ?? "the template itself")")
            #expect(expected.contains("Rien à signaler") && expected.contains("non, Paris") && expected.contains("part Passage"))
        }
    }

    /// Where the text cannot be cut safely, it is compiled whole.
    @Test func delimitersParentsAndUnbalancedTagsAreNotCut() {
        let long = String(repeating: "Une ligne de texte {{x}}.\n", count: 60)
        #expect(TemplateLibrary.pieces(of: long)?.count ?? 0 > 1)
        #expect(TemplateLibrary.pieces(of: long + "{{=<% %>=}}\n<% x %>\n") == nil)
        #expect(TemplateLibrary.pieces(of: "{{<parent}}{{$b}}x{{/b}}{{/parent}}\n" + long) == nil)
        #expect(TemplateLibrary.pieces(of: long + "{{/x}}\n" + long) == nil)
        #expect(TemplateLibrary.pieces(of: "{{#open}}\n" + long) == nil)
        // No cut inside a section: the section's lines stay in one piece.
        let inSection = TemplateLibrary.pieces(of: "{{#s}}\n" + long + "{{/s}}\n" + long)
        #expect(inSection?.first?.hasSuffix("{{/s}}\n") == true)
    }

    @Test func aSyntaxErrorLateInALongTemplateIsReportedWhereItIs() {
        let text = String(repeating: "Une ligne de texte {{x}}.\n", count: 60) + "Fin {{#ouverte}} jamais fermée\n"
        do throws(TemplateLibrary.Problem) {
            _ = try TemplateLibrary(project: ["comms-plan.fr.md": text])
            Issue.record("compiled")
        } catch {
            #expect(error.diagnostic.location.file == "templates/comms-plan.fr.md")
            #expect(error.diagnostic.message.contains("never closed"))
        }
    }
}
