/// Pieces for the values that print a whole template loop at once (`sessionRows`, `sendRows`, …):
/// a loop over thousands of items costs Mustache a context copy per item and a lookup per tag,
/// while the text it prints is simple enough to write here. Tests hold each such value to the loop.
enum Preformatted {
    /// A value as `{{key}}` prints it in a Markdown template: text or a number, escaped.
    static func text(_ value: Any?) -> String {
        switch value {
        case let s as String: return MarkdownContentType.escape(s)
        case let n as Int: return String(n)
        case let value?: return MarkdownContentType.escape(String(describing: value))
        case nil: return ""
        }
    }

    /// What `<td>{{cell}}</td>` for each of `cells` prints, added to `out`: the cells of a table row.
    static func cells(_ row: [String: Any], _ cells: [String], into out: inout String) {
        for cell in cells {
            out += "<td>"
            out += text(row[cell])
            out += "</td>"
        }
    }

    /// What `{{#list}}⏎- {{.}}⏎{{/list}}` prints, less its last line break, so that a template line
    /// `{{{listLines}}}` (whose own line break ends it) inside `{{#hasList}}…{{/hasList}}` prints the same.
    static func bulletLines(_ items: [String]) -> String {
        var out = ""
        for (i, item) in items.enumerated() {
            if i > 0 { out += "\n" }
            out += "- " + MarkdownContentType.escape(item)
        }
        return out
    }
}
