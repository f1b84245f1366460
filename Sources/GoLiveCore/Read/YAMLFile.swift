import Foundation
import Yams

/// A parsed YAML file: its root node, with positions, or the syntax error positioned where libyaml found it.
struct YAMLFile {
    let path: String
    let root: YAMLValue?

    /// `path` is what messages show (relative to the project); `text` is the file's content.
    static func parse(path: String, text: String, into diagnostics: inout Diagnostics) -> YAMLFile {
        do {
            // Readers look at each scalar's text and style, never at a resolved tag: resolving tags would
            // only run Yams' regular expressions over every scalar (a tenth of reading a large project).
            // UTF-8 named: Yams' default reads the whole environment for every file parsed (and prints to
            // standard output when YAMS_DEFAULT_ENCODING is set).
            let node = try Yams.compose(yaml: text, .basic, .default, .utf8)
            return YAMLFile(path: path, root: node.map { YAMLValue(node: $0, file: path) })
        } catch let error as YamlError {
            let (position, message) = describe(error)
            diagnostics.error(SourceLocation(file: path, line: position.line, column: position.column),
                              "YAML syntax: \(message)")
        } catch {
            diagnostics.error(.file(path), "YAML syntax: \(error)")
        }
        return YAMLFile(path: path, root: nil)
    }

    private static func describe(_ error: YamlError) -> ((line: Int, column: Int), String) {
        let origin = (line: 1, column: 1)
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text) at line \($0.mark.line))" } ?? problem
            return ((mark.line, mark.column), detail)
        case .reader(let problem, let offset, _, let yaml):
            return (mark(ofUTF8Offset: offset ?? 0, in: yaml), problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ((context.mark.line, context.mark.column), "duplicate key \(names) in the same mapping")
        default:
            return (origin, "\(error)")
        }
    }

    private static func mark(ofUTF8Offset offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in text.utf8.prefix(offset) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}
