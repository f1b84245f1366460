import Foundation
import Mustache

/// The built-in templates overlaid with the project's own `templates/` folder (same path wins),
/// compiled once per language. Template files are named `NAME.LANG.md` (or `NAME.md` for any
/// language) for Markdown documents, and `layout/*.html` for the HTML shells.
public struct TemplateLibrary: Sendable {
    /// A template file that could not be compiled, with where.
    public struct Problem: Error, Sendable { public let diagnostic: Diagnostic }

    /// Relative path under templates/ → source text, after overrides.
    public let sources: [String: String]
    /// Paths that came from the project rather than the built-ins (shown in messages).
    public let overridden: Set<String>
    private let libraries: [Language: MustacheLibrary]

    public init(builtIn: [String: String] = BuiltinTemplates.files, project: [String: String] = [:]) throws(Problem) {
        var sources = builtIn
        for (path, text) in project { sources[path] = text }
        self.sources = sources
        self.overridden = Set(project.keys)
        MustacheContentTypes.register(MarkdownContentType(), named: MarkdownContentType.name)
        MustacheContentTypes.register(HTMLLayoutContentType(), named: HTMLLayoutContentType.name)
        // Each file compiled once, then registered in every language's library that uses it.
        var compiled: [(path: String, name: String, language: Language?, template: MustacheTemplate)] = []
        for (path, text) in sources.sorted(by: { $0.key < $1.key }) {
            guard let (name, language) = Self.split(path) else { continue }
            compiled.append((path, name, language, try Self.compile(text, path: path)))
        }
        var libraries: [Language: MustacheLibrary] = [:]
        for language in Language.allCases {
            var library = MustacheLibrary()
            // Language-neutral files first, so `NAME.LANG.md` replaces `NAME.md` for that language.
            for file in compiled where file.language == nil { library.register(file.template, named: file.name) }
            for file in compiled where file.language == language { library.register(file.template, named: file.name) }
            libraries[language] = library
        }
        self.libraries = libraries
    }

    /// Template names usable in `communications[].template`.
    public var names: Set<String> {
        Set(sources.keys.compactMap { Self.split($0)?.name })
    }

    /// `announcement/teaser.fr.md` → ("announcement/teaser", .fr); `layout/page.html` → ("layout/page", nil).
    static func split(_ path: String) -> (name: String, language: Language?)? {
        var base: Substring
        if path.hasSuffix(".md") { base = path.dropLast(3) } else if path.hasSuffix(".html") { base = path.dropLast(5) } else { return nil }
        if let dot = base.lastIndex(of: "."), let language = Language(rawValue: String(base[base.index(after: dot)...])) {
            return (String(base[..<dot]), language)
        }
        return (String(base), nil)
    }

    private static func compile(_ text: String, path: String) throws(Problem) -> MustacheTemplate {
        let type = path.hasSuffix(".md") ? MarkdownContentType.name : HTMLLayoutContentType.name
        let pragma = "{{% CONTENT_TYPE: \(type)}}"
        do {
            return try MustacheTemplate(string: pragma + text)
        } catch let error as MustacheTemplate.ParserError {
            // The pragma sits before the first character of line 1, so only that line's columns shift.
            let column = error.context.columnNumber - (error.context.lineNumber == 1 ? pragma.count : 0)
            throw Problem(diagnostic: .error(SourceLocation(file: "templates/" + path, line: error.context.lineNumber,
                                                            column: column),
                                             "template syntax: \(Self.explain(error.error))"))
        } catch {
            throw Problem(diagnostic: .error(.file("templates/" + path), "template syntax: \(error)"))
        }
    }

    /// The parser's error in words a template author can act on.
    static func explain(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "this {{/…}} does not close the section opened last (check the names of {{#…}} and {{/…}})"
        case .unfinishedName: return "a tag is not closed: '}}' is missing"
        case .expectedSectionEnd: return "a section opened with {{#…}} or {{^…}} is never closed with {{/…}}"
        case .invalidSetDelimiter: return "the set-delimiter tag {{=… …=}} is malformed"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only block overrides {{$…}} may appear inside {{<…}}"
        case .textInsideInheritSection: return "text cannot appear directly inside {{<…}}; put it in a {{$…}} block"
        case .invalidConfigVariableSyntax: return "the pragma tag {{% NAME: VALUE}} is malformed"
        case .unrecognisedConfigVariable: return "unknown pragma or content type"
        @unknown default: return "\(error)"
        }
    }

    /// Renders `name` in `language`; keys the template asks for and the context lacks are reported as warnings.
    /// `shared`: keys looked up after `context`'s, when many renders share them (an audience's messages).
    public func render(_ name: String, language: Language, context: [String: Any], shared: [String: Any] = [:],
                       _ d: inout Diagnostics) -> String {
        guard let library = libraries[language], let template = library.getTemplate(named: name) else {
            d.error(.file("templates/\(name).\(language.rawValue).md"), "no template '\(name)' for language '\(language.rawValue)'")
            return ""
        }
        let recorder = MissingKeyRecorder(context, shared: shared)
        let text = template.render(recorder, library: library)
        for key in recorder.missing.sorted() {
            let path = sourcePath(name, language)
            let line = sources[path].flatMap { Self.line(of: key, in: $0) } ?? 1
            d.warning(SourceLocation(file: "templates/\(path)", line: line, column: 1),
                      "template '\(name)' uses '\(key)', which is not available here (it renders empty)")
        }
        return text
    }

    private func sourcePath(_ name: String, _ language: Language) -> String {
        for candidate in ["\(name).\(language.rawValue).md", "\(name).md", "\(name).html"] where sources[candidate] != nil {
            return candidate
        }
        return "\(name).md"
    }

    static func line(of key: String, in text: String) -> Int? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for opener in ["{{", "{{#", "{{^", "{{{", "{{&"] where line.contains(opener + key + "}") || line.contains(opener + key + " ") || line.contains(opener + " " + key) {
                return index + 1
            }
        }
        return nil
    }
}

/// The root of a render: names that reach it unresolved were found nowhere on the context stack.
final class MissingKeyRecorder: MustacheParent {
    private let values: [String: Any]
    private let shared: [String: Any]
    private(set) var missing: Set<String> = []

    init(_ values: [String: Any], shared: [String: Any] = [:]) {
        self.values = values
        self.shared = shared
    }

    func child(named name: String) -> Any? {
        if let value = values[name] ?? shared[name] { return value }
        missing.insert(name)
        return nil
    }
}
