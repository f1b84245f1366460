import Foundation
import Testing
@testable import GoLiveCore

/// The binary carries templates/ so it works from any folder; this fails when someone edits
/// templates/ and forgets `scripts/embed-templates`.
@Suite("Built-in templates")
struct TemplateEmbeddingTests {
    @Test func theEmbeddedCopyMatchesTemplatesFolder() throws {
        let root = ProjectFixture.repoRoot.appendingPathComponent("templates")
        let onDisk = DiskFiles(root: root)
        let paths = onDisk.allFiles(under: "")
        var files: [String: String] = [:]
        for path in paths { files[path] = String(decoding: onDisk.read(path) ?? Data(), as: UTF8.self) }
        #expect(Set(files.keys) == Set(BuiltinTemplates.files.keys), "run scripts/embed-templates")
        for (path, text) in files { #expect(BuiltinTemplates.files[path] == text, "\(path): run scripts/embed-templates") }
    }

    @Test func everyAnnouncementExistsInBothLanguages() {
        for name in ["teaser", "training", "reminder", "eve", "golive", "followup", "postponed"] {
            for language in Language.allCases {
                #expect(BuiltinTemplates.files["announcement/\(name).\(language.rawValue).md"] != nil, "\(name).\(language)")
            }
        }
    }

    /// Built-in templates are compiled when first used, not when the project loads: each must compile.
    /// A project template with a syntax error is reported at its place in words its author can act on,
    /// never in the parser's own (a tag left open at the end of the file was reported as "overflow").
    @Test func templateSyntaxErrorsAreWordedForTheirAuthor() {
        let cases: [(text: String, words: String)] = [
            ("Bonjour {{name", "the template ends inside a tag: '}}' is missing"),
            ("Bonjour\n\n{{#open", "the template ends inside a tag: '}}' is missing"),
            ("{{#open}} jamais fermé", "a section opened with {{#…}} or {{^…}} is never closed with {{/…}}"),
            ("{{#a}}x{{/b}}", "this {{/…}} does not close the section opened last (check the names of {{#…}} and {{/…}})"),
        ]
        for (text, words) in cases {
            do throws(TemplateLibrary.Problem) {
                _ = try TemplateLibrary(project: ["comms-plan.fr.md": text])
                Issue.record("\(text) compiled")
            } catch {
                #expect(error.diagnostic.location.file == "templates/comms-plan.fr.md")
                #expect(error.diagnostic.message == "template syntax: " + words, "\(text)")
            }
        }
    }

    @Test func everyBuiltInTemplateCompiles() throws {
        let templates = BuiltinTemplates.files.filter { TemplateLibrary.split($0.key) != nil }
        #expect(templates.count >= 30)
        for (path, text) in templates {
            #expect(throws: Never.self, "\(path)") { _ = try TemplateLibrary.compile(text, path: path) }
        }
    }

    @Test func aTemplateGetsThePartialsItNamesInItsOwnLanguage() throws {
        let library = try TemplateLibrary(project: [
            "custom/page.md": "A {{> custom/part}} {{>custom/wrap}}\n",
            "custom/part.fr.md": "partie", "custom/part.en.md": "part",
            "custom/wrap.md": "[{{> custom/part }}]",
            // Other delimiters: the partial's name cannot be seen, so the template gets every template.
            "custom/odd.md": "{{=<% %>=}}B <%> custom/part%>\n",
        ])
        var d = Diagnostics()
        #expect(library.render("custom/page", language: .fr, context: [:], &d) == "A partie [partie]\n")
        #expect(library.render("custom/page", language: .en, context: [:], &d) == "A part [part]\n")
        #expect(library.render("custom/odd", language: .en, context: [:], &d) == "B part\n")
        #expect(d.all.isEmpty)
    }

    /// What the scan for a template's partials reads: `{{>` and `{{<` tags, spaces around the name
    /// or none, and nothing else (variables, sections, triple mustaches, an unclosed tag).
    @Test func thePartialScanFindsPartialAndParentTagsOnly() {
        let text = "{{> a/b}} {{>c}} {{  <  layout/page\t}} {{x}} {{{y}}} {{#s}}{{/s}} é {{> d }} {{> open"
        #expect(TemplateLibrary.partials(in: text) == ["a/b", "c", "layout/page", "d"])
        #expect(TemplateLibrary.partials(in: "no tags {{ }} {{> }}") == [])
    }

    /// A template that sets other delimiters gets every template as a partial (see above): the check
    /// finds `{{=` wherever it is. It may say yes where the parser reads no such tag (`{{{=`: more
    /// partials than needed, harmless), never no where it reads one (no space between `{{` and `=`).
    @Test func theSetDelimiterCheckFindsTheTagTheParserReads() {
        for text in ["{{=<% %>=}}", "é {{=| |=}}", "a {{{=", "x\n{{=[ ]=}}{{y}}"] {
            #expect(TemplateLibrary.setsDelimiters(text), "\(text)")
        }
        for text in ["", "{", "{{", "{ {=", "{{ =", "{=", "{{x}} = {{y}}", "=}}"] {
            #expect(!TemplateLibrary.setsDelimiters(text), "\(text)")
        }
    }

    @Test func aMissingKeyIsAWarningNamingTemplateLineAndKey() throws {
        let library = try TemplateLibrary(project: ["custom/note.fr.md": "# Titre\n\nBonjour {{prenom}}\n"])
        var d = Diagnostics()
        _ = library.render("custom/note", language: .fr, context: ["project": "X"], &d)
        #expect(d.warnings.map(\.description) == ["templates/custom/note.fr.md:3:1: warning: template 'custom/note' uses 'prenom', which is not available here (it renders empty)"])
    }

    @Test func aProjectTemplateOverridesTheBuiltInOfTheSamePath() throws {
        let library = try TemplateLibrary(project: ["comms-plan.fr.md": "Notre plan : {{project}}\n"])
        var d = Diagnostics()
        #expect(library.render("comms-plan", language: .fr, context: ["project": "Atlas"], &d) == "Notre plan : Atlas\n")
        #expect(library.render("comms-plan", language: .en, context: ["project": "Atlas", "sends": [Any]()], &d).hasPrefix("# Communication plan"))
    }

    @Test func aTemplateSyntaxErrorIsPositioned() {
        #expect(throws: TemplateLibrary.Problem.self) { try TemplateLibrary(project: ["x.fr.md": "line\n{{#open}}\n"]) }
        do {
            _ = try TemplateLibrary(project: ["x.fr.md": "line\n{{#open}}\n"])
        } catch {
            #expect(error.diagnostic.location.file == "templates/x.fr.md")
            #expect(error.diagnostic.severity == .error)
        }
    }
}
