import CCmark
import Foundation

/// The only file that talks to libcmark. Every pointer is freed in the function that made it
/// (`defer` right after the allocation); callers get Swift values only.
/// Every input is a Swift String, valid UTF-8 already, so no parse asks libcmark to check it
/// (`CMARK_OPT_VALIDATE_UTF8` was 6 % of its work on every page); a NUL ends the C string either way.
enum Cmark {
    /// A top-level block of a Markdown document, as libcmark parsed it.
    struct Block: Sendable, Equatable {
        enum Kind: Sendable, Equatable { case heading(level: Int), htmlBlock, other }
        let kind: Kind
        /// Plain text of a heading; the literal of an HTML block.
        let text: String
        let startLine: Int
        let endLine: Int
    }

    /// Markdown → HTML fragment. Raw HTML written in the Markdown is kept: it comes from our own
    /// templates, and every input value reaching them was escaped by `MarkdownContentType`.
    /// Links and images with script-capable schemes are emptied all the same.
    static func html(_ markdown: String) -> String {
        render(markdown, firstHeading: false).html
    }

    /// `html(_:)` and the plain text of the first top-level level-1 heading (what `blocks(_:)`
    /// would find), from one parse: a message needs both, and parsing is most of the cost.
    static func htmlAndTitle(_ markdown: String) -> (html: String, title: String?) {
        render(markdown, firstHeading: true)
    }

    private static func render(_ markdown: String, firstHeading: Bool) -> (html: String, title: String?) {
        let options = CMARK_OPT_UNSAFE
        return markdown.withCString { bytes -> (html: String, title: String?) in
            guard let root = cmark_parse_document(bytes, strlen(bytes), options) else { return ("", nil) }
            defer { cmark_node_free(root) }
            // Read before the links are defused, as a separate parse would see it.
            let title = firstHeading ? firstLevelOneHeading(of: root) : nil
            defuseLinks(in: root)
            guard let rendered = cmark_render_html(root, options) else { return ("", title) }
            defer { free(rendered) }
            return (String(cString: rendered), title)
        }
    }

    private static func firstLevelOneHeading(of root: OpaquePointer) -> String? {
        var child = cmark_node_first_child(root)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) == 1 {
                return plainText(of: node)
            }
            child = cmark_node_next(node)
        }
        return nil
    }

    /// Re-renders Markdown written by users (guides) so any raw HTML in it becomes visible text.
    static func escapingRawHTML(_ markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT
        return markdown.withCString { bytes -> String in
            guard let root = cmark_parse_document(bytes, strlen(bytes), options) else { return "" }
            defer { cmark_node_free(root) }
            var hasHTML = false
            forEachNode(in: root) { node, type in
                if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE { hasHTML = true }
            }
            guard hasHTML else { return markdown }
            replaceRawHTMLWithText(in: root)
            guard let rendered = cmark_render_commonmark(root, options, 0) else { return markdown }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }

    /// The document's top-level blocks with their source lines (for splitting a guide into sections).
    static func blocks(_ markdown: String) -> [Block] {
        let options = CMARK_OPT_DEFAULT
        return markdown.withCString { bytes -> [Block] in
            guard let root = cmark_parse_document(bytes, strlen(bytes), options) else { return [] }
            defer { cmark_node_free(root) }
            var blocks: [Block] = []
            var child = cmark_node_first_child(root)
            while let node = child {
                let type = cmark_node_get_type(node)
                let kind: Block.Kind
                let text: String
                switch type {
                case CMARK_NODE_HEADING:
                    kind = .heading(level: Int(cmark_node_get_heading_level(node)))
                    text = plainText(of: node)
                case CMARK_NODE_HTML_BLOCK:
                    kind = .htmlBlock
                    text = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                default:
                    kind = .other
                    text = ""
                }
                blocks.append(Block(kind: kind, text: text,
                                    startLine: Int(cmark_node_get_start_line(node)),
                                    endLine: Int(cmark_node_get_end_line(node))))
                child = cmark_node_next(node)
            }
            return blocks
        }
    }

    // MARK: tree walks (pointers never leave these functions)

    private static func forEachNode(in root: OpaquePointer, _ body: (OpaquePointer, cmark_node_type) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            body(node, cmark_node_get_type(node))
        }
    }

    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        forEachNode(in: node) { child, type in
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }

    static let unsafeSchemes = ["javascript:", "vbscript:", "file:", "data:"]
    private static let unsafeSchemeBytes = unsafeSchemes.map { Array($0.utf8) }

    /// Compares bytes, as every link of every page comes through here. Browsers ignore control
    /// characters and spaces inside a scheme ("java\tscript:"), so bytes up to 0x20 are skipped;
    /// no other character lowercases to an ASCII letter of these schemes, so ASCII folding is enough.
    static func isSafeURL(_ url: String) -> Bool {
        var kept: [UInt8] = []
        for byte in url.utf8 where byte > 0x20 {
            kept.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
            if kept.count == 11 { break }   // the longest scheme, "javascript:"
        }
        return !unsafeSchemeBytes.contains { kept.starts(with: $0) }
    }

    /// A link to a script-capable URL becomes its plain text (an image, its description): no dead link is left.
    private static func defuseLinks(in root: OpaquePointer) {
        var unsafe: [OpaquePointer] = []
        forEachNode(in: root) { node, type in
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) else { return }
            if !isSafeURL(String(cString: url)) { unsafe.append(node) }
        }
        // Unlinked after the walk: changing the tree while iterating it is undefined in libcmark.
        for node in unsafe {
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_insert_before(node, child)
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    private static func replaceRawHTMLWithText(in root: OpaquePointer) {
        var targets: [(OpaquePointer, cmark_node_type)] = []
        forEachNode(in: root) { node, type in
            if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE { targets.append((node, type)) }
        }
        // Replaced after the walk: changing the tree while iterating it is undefined in libcmark.
        for (node, type) in targets {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let text = literal.trimmingNewlines
            if type == CMARK_NODE_HTML_INLINE {
                guard let replacement = cmark_node_new(CMARK_NODE_TEXT) else { continue }
                cmark_node_set_literal(replacement, text)
                if cmark_node_replace(node, replacement) == 1 { cmark_node_free(node) } else { cmark_node_free(replacement) }
            } else {
                guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) else { continue }
                guard let content = cmark_node_new(CMARK_NODE_TEXT) else { cmark_node_free(paragraph); continue }
                cmark_node_set_literal(content, text)
                cmark_node_append_child(paragraph, content)
                if cmark_node_replace(node, paragraph) == 1 { cmark_node_free(node) } else { cmark_node_free(paragraph) }
            }
        }
    }
}
