import Foundation
import Mustache

/// The built-in templates overlaid with the project's own `templates/` folder (same path wins).
/// Template files are named `NAME.LANG.md` (or `NAME.md` for any language) for Markdown documents,
/// and `layout/*.html` for the HTML shells.
///
/// The project's own files are compiled when the library is made, so that a syntax error is reported
/// with the other input errors; every template is compiled the first time a document uses it, once:
/// a rebuild that renders a few documents compiles the few templates they use.
public struct TemplateLibrary: Sendable {
    /// A template file that could not be compiled, with where.
    public struct Problem: Error, Sendable { public let diagnostic: Diagnostic }

    /// Relative path under templates/ → source text, after overrides.
    public let sources: [String: String]
    /// Paths that came from the project rather than the built-ins (shown in messages).
    public let overridden: Set<String>
    private let compiled: Compiled

    public init(builtIn: [String: String] = BuiltinTemplates.files, project: [String: String] = [:]) throws(Problem) {
        var sources = builtIn
        for (path, text) in project { sources[path] = text }
        self.sources = sources
        self.overridden = Set(project.keys)
        MustacheContentTypes.register(MarkdownContentType(), named: MarkdownContentType.name)
        MustacheContentTypes.register(HTMLLayoutContentType(), named: HTMLLayoutContentType.name)
        compiled = Compiled()
        for path in project.keys.sorted() where Self.split(path) != nil {
            compiled.store(try Self.compile(sources[path]!, path: path), at: path)
        }
    }

    /// The template `name` in `language` (`NAME.LANG.md`, else `NAME.md` or `NAME.html`) in a library
    /// holding every partial it names, or nil when there is no such template.
    private func library(_ name: String, _ language: Language) throws(Problem) -> (MustacheTemplate, MustacheLibrary)? {
        let key = language.rawValue + " " + name
        if let found = compiled.library(key) { return found }
        guard let path = existingPath(name, language) else { return nil }
        var library = MustacheLibrary()
        let text = sources[path]!
        // A template that changes its delimiters may name partials a scan cannot see: it gets them all.
        let partials = Self.setsDelimiters(text) ? Set(sources.keys.compactMap { Self.split($0)?.name }) : Self.partials(in: text)
        var pending = Array(partials.sorted()), seen: Set<String> = [name]
        try compiled.template(at: path, sources).register(in: &library, named: name)
        while let next = pending.popLast() {
            guard seen.insert(next).inserted, let partialPath = existingPath(next, language) else { continue }
            try compiled.template(at: partialPath, sources).register(in: &library, named: next)
            pending += Self.partials(in: sources[partialPath]!)
        }
        return compiled.store(library, for: key, template: library.getTemplate(named: name)!)
    }

    /// Whether `text` has a set-delimiter tag (`{{=`). On bytes: Foundation's `contains` went through
    /// NSString, a million instructions for each template a build first renders.
    static func setsDelimiters(_ text: String) -> Bool {
        var (before, last): (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte == UInt8(ascii: "="), before == UInt8(ascii: "{"), last == UInt8(ascii: "{") { return true }
            (before, last) = (last, byte)
        }
        return false
    }

    /// The names in a template's partial (`{{> name}}`) and parent (`{{< name}}`) tags.
    /// Read on bytes (the tags' characters are ASCII): Foundation's `range(of:)` went through NSString
    /// for every template a build first renders.
    static func partials(in text: String) -> Set<String> {
        var names = Set<String>()
        let bytes = Array(text.utf8)
        let (brace, close, space) = (UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: " "))
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == brace, bytes[i + 1] == brace else { i += 1; continue }
            i += 2
            var tag = i
            while tag < bytes.count, bytes[tag] == space { tag += 1 }
            guard tag < bytes.count, bytes[tag] == UInt8(ascii: ">") || bytes[tag] == UInt8(ascii: "<") else { continue }
            var end = tag + 1
            while end + 1 < bytes.count, !(bytes[end] == close && bytes[end + 1] == close) { end += 1 }
            guard end + 1 < bytes.count else { break }
            // Trimmed as before the scan read bytes: a tag's name is short, the whole text is not.
            let name = String(decoding: bytes[(tag + 1)..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { names.insert(name) }
        }
        return names
    }

    /// Compiled templates by path, and each template's library by language and name; filled by whichever
    /// thread first needs one (two may compile the same file at once: either result is the same).
    private final class Compiled: @unchecked Sendable {
        private let lock = NSLock()
        // Read and written under `lock`.
        private var templates: [String: CompiledTemplate] = [:]
        private var libraries: [String: (MustacheTemplate, MustacheLibrary)] = [:]

        func store(_ template: CompiledTemplate, at path: String) {
            lock.withLock { templates[path] = template }
        }

        func template(at path: String, _ sources: [String: String]) throws(Problem) -> CompiledTemplate {
            if let template = lock.withLock({ templates[path] }) { return template }
            let template = try TemplateLibrary.compile(sources[path]!, path: path)
            store(template, at: path)
            return template
        }

        func library(_ key: String) -> (MustacheTemplate, MustacheLibrary)? { lock.withLock { libraries[key] } }

        func store(_ library: MustacheLibrary, for key: String, template: MustacheTemplate) -> (MustacheTemplate, MustacheLibrary) {
            lock.withLock {
                if let first = libraries[key] { return first }
                libraries[key] = (template, library)
                return (template, library)
            }
        }
    }

    /// Whether a project template may loop over the document index's items (the `documents` of each
    /// `byPhase` and `byAudience` group) rather than print its ready-made `documentLines` as the built-in
    /// ones do: only the home page's and the dossier's templates are given them. At a thousand audiences
    /// the items are 9,000 dictionaries a page, so they are made only then.
    /// (A project's copy of a built-in template, as the example project keeps, is not its own.)
    var mayLoopOverIndexItems: Bool {
        overridden.contains { ($0.hasPrefix("home/") || $0.hasPrefix("handover/")) && !isAsShipped($0) }
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

    /// A template compiled, with the pieces it renders as partials when it was compiled in pieces.
    struct CompiledTemplate: Sendable {
        let template: MustacheTemplate
        let pieces: [(name: String, template: MustacheTemplate)]

        func register(in library: inout MustacheLibrary, named name: String) {
            library.register(template, named: name)
            for piece in pieces { library.register(piece.template, named: piece.name) }
        }
    }

    /// The template `text` (at `path` under templates/), compiled in pieces when it can be (see
    /// `pieces(of:)`): swift-mustache's parser measures the rest of the text, in Characters, at
    /// every tag, so compiling a template takes time in the square of its length. Nine templates took
    /// 7 % of a rebuild after feedback, which compiles the templates of the few documents it renders.
    static func compile(_ text: String, path: String) throws(Problem) -> CompiledTemplate {
        let type = path.hasSuffix(".md") ? MarkdownContentType.name : HTMLLayoutContentType.name
        let pragma = "{{% CONTENT_TYPE: \(type)}}"
        if let pieces = pieces(of: text) {
            // The pieces' partial names cannot be a template's: no template file is named with parentheses
            // and a digest. A piece that does not compile (the whole would not either) is left to the
            // whole template, which reports where.
            let prefix = "(golive-piece)" + Digest.fnv1a(path) + "-"
            let names = pieces.indices.map { prefix + String($0) }
            // The first piece starts the template, as the whole does after its pragma; each other one starts
            // a line: after its pragma on a line of its own, which the parser drops as standalone.
            if let template = try? MustacheTemplate(string: pragma + names.map { "{{> \($0)}}" }.joined()),
               let compiled = try? pieces.indices.map({ try MustacheTemplate(string: pragma + ($0 == 0 ? "" : "\n") + pieces[$0]) }) {
                return CompiledTemplate(template: template, pieces: Array(zip(names, compiled)))
            }
        }
        return CompiledTemplate(template: try whole(text, pragma: pragma, path: path), pieces: [])
    }

    /// `text` cut at line ends outside any section into pieces of at least `size` bytes, which render
    /// one after the other as the whole does: each starts a line, outside any section, with the default
    /// delimiters, where the parser's state is the same as at the start of a template. nil when there
    /// would be one piece, or when the text changes delimiters (`{{=`), uses blocks or parents (`{{$`,
    /// `{{<`), or has tags that do not balance: it is then compiled whole.
    static func pieces(of text: String, size: Int = 400) -> [String]? {
        var utf8 = Array(text.utf8)
        let count = utf8.count
        guard count >= 2 * size else { return nil }
        utf8.append(0)
        let (open, close, newline) = (UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\n"))
        var cuts: [Int] = []
        var (depth, last, i) = (0, 0, 0)
        func end(of marker: [UInt8], from start: Int) -> Int? {
            var at = start
            while at + marker.count <= count {
                if utf8[at] == marker[0], utf8[at + 1] == marker[1], marker.count == 2 || utf8[at + 2] == marker[2] { return at + marker.count }
                at += 1
            }
            return nil
        }
        while i < count {
            if utf8[i] == open, utf8[i + 1] == open {
                let sigil = utf8[i + 2]
                if sigil == open {
                    guard let after = end(of: [close, close, close], from: i + 3) else { return nil }
                    i = after
                    continue
                }
                switch sigil {
                case UInt8(ascii: "="), UInt8(ascii: "$"), UInt8(ascii: "<"): return nil
                case UInt8(ascii: "#"), UInt8(ascii: "^"): depth += 1
                case UInt8(ascii: "/"): depth -= 1
                default: break
                }
                guard depth >= 0, let after = end(of: [close, close], from: i + 2) else { return nil }
                i = after
                continue
            }
            i += 1
            if utf8[i - 1] == newline, depth == 0, i - last >= size, count - i >= size / 2 {
                cuts.append(i)
                last = i
            }
        }
        guard depth == 0, !cuts.isEmpty else { return nil }
        let bounds = [0] + cuts + [count]
        return (1..<bounds.count).map { String(decoding: utf8[bounds[$0 - 1]..<bounds[$0]], as: UTF8.self) }
    }

    static func whole(_ text: String, pragma: String, path: String) throws(Problem) -> MustacheTemplate {
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
        guard let error = error as? MustacheTemplate.Error else {
            // The reader's own error at the end of the text (its type is internal to swift-mustache):
            // a tag opened on the last line and never closed.
            if String(describing: error) == "overflow" { return "the template ends inside a tag: '}}' is missing" }
            return "\(error)"
        }
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
        let found: (MustacheTemplate, MustacheLibrary)?
        do throws(Problem) { found = try library(name, language) } catch {
            d.append(error.diagnostic)
            return ""
        }
        guard let (template, library) = found else {
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

    /// Whether `name` in `language` is read from a built-in template, as GoLive ships it (a project's
    /// copy of it, unchanged, counts as built-in).
    func isBuiltIn(_ name: String, _ language: Language) -> Bool {
        guard let path = existingPath(name, language) else { return false }
        return isAsShipped(path)
    }

    /// Whether the template at `path` is the built-in one's text, whoever provides it.
    private func isAsShipped(_ path: String) -> Bool {
        sources[path] == BuiltinTemplates.files[path]
    }

    private func sourcePath(_ name: String, _ language: Language) -> String {
        existingPath(name, language) ?? "\(name).md"
    }

    /// The file `name` is read from in `language`: its own language's first, Markdown before HTML.
    private func existingPath(_ name: String, _ language: Language) -> String? {
        let l = language.rawValue
        return ["\(name).\(l).md", "\(name).\(l).html", "\(name).md", "\(name).html"].first { sources[$0] != nil }
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
